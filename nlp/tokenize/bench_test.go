package tokenize

import (
	"strings"
	"testing"
)

// BenchmarkSegment segments the EWT dev text as one document.
func BenchmarkSegment(b *testing.B) {
	sents := readEWT(b)
	texts := make([]string, len(sents))
	for i, s := range sents {
		texts[i] = s.Text
	}
	benchmarkText(b, strings.Join(texts, " "))
}

// BenchmarkSegmentLongLine segments 20 MB of text with no line break, the
// shape that exposes any super-linear scanning.
func BenchmarkSegmentLongLine(b *testing.B) {
	benchmarkText(b, longLine(20<<20))
}

func benchmarkText(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	tokens := 0
	for b.Loop() {
		tokens = 0
		for _, s := range Segment(text) {
			tokens += len(s.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// longLine repeats a paragraph of news-like sentences to n bytes, all on one line.
func longLine(n int) string {
	const para = `TEHRAN – Iran's foreign minister didn't rule out talks with the U.S. on Monday, ` +
		`saying the 57-member group "won't accept" pressure. “We condemn it,” he said. ` +
		`Gen. Ali Reza met Dr. Smith at 10:30 a.m. on 2022-04-16 to discuss $5 million ` +
		`(about 1,000 tons) of aid... Officials e-mailed info@example.org and posted ` +
		`https://example.org/news?id=7 — al-Aqsa's imam spoke at 5pm. `
	var sb strings.Builder
	sb.Grow(n + len(para))
	for sb.Len() < n {
		sb.WriteString(para)
	}
	return sb.String()
}
