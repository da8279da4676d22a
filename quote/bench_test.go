package quote

import (
	"strings"
	"testing"
)

// benchText is a long article made of news paragraphs with quotes of every
// kind the package handles.
var benchText = strings.Repeat(strings.Join([]string{
	"“We will not accept any violation of our sovereignty,” Nakamura said on Monday. “Talks will resume next week.”",
	"The envoy said that “the door to diplomacy remains open” despite the strikes, and rejected the “so-called” plan.",
	"Omar Haddad, who leads the opposition bloc, said “the vote was rigged from the start.”",
	"“The blockade has to end. Families are starving,” the aid chief warned, according to a UN statement.",
	"“The operation will continue until every goal is met.",
	"“We will not stop before the hostages are home,” said Norway’s foreign minister Ingrid Dahl.",
	"Protesters gathered outside the “Green Zone” compound as police fired tear gas into the crowd.",
}, "\n\n")+"\n\n", 40)

func BenchmarkFind(b *testing.B) {
	doc := analyzer(b).Analyze(benchText)
	tokens := 0
	for _, s := range doc.Sentences {
		tokens += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Find(doc)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
