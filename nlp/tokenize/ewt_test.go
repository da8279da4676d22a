package tokenize

import (
	"os"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/nlp/conllu"
)

// ewtDev is the UD English EWT dev file, shared outside the repository.
const ewtDev = "../../../shared/data/ud-ewt/en_ewt-ud-dev.conllu"

// readEWT reads the EWT dev sentences, skipping the test if the shared data
// is not there.
func readEWT(tb testing.TB) []conllu.Sentence {
	tb.Helper()
	f, err := os.Open(ewtDev)
	if err != nil {
		tb.Skipf("EWT dev data not available: %v", err)
	}
	defer f.Close()
	sents, err := conllu.Read(f, ewtDev)
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

type span struct{ start, end int }

// goldSpans places the gold words in the sentence text. EWT words are
// substrings of the text in order, separated by optional whitespace.
func goldSpans(text string, words []conllu.Word) ([]span, bool) {
	spans := make([]span, 0, len(words))
	p := 0
	for _, w := range words {
		p = spaceEnd(text, p)
		if !strings.HasPrefix(text[p:], w.Form) {
			return nil, false
		}
		spans = append(spans, span{p, p + len(w.Form)})
		p += len(w.Form)
	}
	return spans, true
}

// TestEWTAgreement tokenizes the text of every EWT dev sentence and scores
// the tokens against the gold words (not the multi-word tokens) by their
// byte spans. Most of the remaining misses are EWT's repairs of misspellings
// ("it s" for "its", "a lot" for "alot"), which no tokenizer should copy.
func TestEWTAgreement(t *testing.T) {
	var gold, pred, match int
	var misses []string
	for _, s := range readEWT(t) {
		want, ok := goldSpans(s.Text, s.Words)
		if !ok {
			t.Errorf("%s: gold words do not align with the text", s.ID)
			continue
		}
		var got []span
		for _, sent := range Segment(s.Text) {
			for _, tok := range sent.Tokens {
				got = append(got, span{tok.Start, tok.End})
			}
		}
		m := matches(want, got)
		gold, pred, match = gold+len(want), pred+len(got), match+m
		if m < len(want) && len(misses) < 20 {
			misses = append(misses, show(s.Text, want)+"\n    got: "+show(s.Text, got))
		}
	}
	p, r := float64(match)/float64(pred), float64(match)/float64(gold)
	f1 := 2 * p * r / (p + r)
	t.Logf("EWT dev tokens: gold %d, predicted %d, matched %d: P %.4f R %.4f F1 %.4f", gold, pred, match, p, r, f1)
	if f1 < 0.97 {
		t.Errorf("token F1 %.4f is below 0.97; first misses:\n%s", f1, strings.Join(misses, "\n"))
	}
}

// matches counts the spans present in both sorted lists.
func matches(a, b []span) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i].start < b[j].start || a[i].start == b[j].start && a[i].end < b[j].end:
			i++
		default:
			j++
		}
	}
	return n
}

func show(text string, spans []span) string {
	parts := make([]string, len(spans))
	for i, sp := range spans {
		parts[i] = text[sp.start:sp.end]
	}
	return strings.Join(parts, " ")
}

// TestEWTSentences joins the sentences of each EWT dev paragraph with spaces
// and scores the sentence ends found. Recall is modest by design: web text
// often ends sentences with no punctuation at all, which news rarely does.
func TestEWTSentences(t *testing.T) {
	data, err := os.ReadFile(ewtDev)
	if err != nil {
		t.Skipf("EWT dev data not available: %v", err)
	}
	var gold, pred, match int
	for _, para := range ewtParagraphs(string(data)) {
		text := strings.Join(para, " ")
		ends := map[int]bool{}
		off := -1
		for _, s := range para {
			off += 1 + len(s)
			ends[off] = true
		}
		sents := Segment(text)
		for _, s := range sents {
			if ends[s.End] {
				match++
			}
		}
		gold, pred = gold+len(para), pred+len(sents)
	}
	p, r := float64(match)/float64(pred), float64(match)/float64(gold)
	t.Logf("EWT dev sentence ends: gold %d, predicted %d, matched %d: P %.4f R %.4f", gold, pred, match, p, r)
	if p < 0.97 || r < 0.8 {
		t.Errorf("sentence-end precision %.4f or recall %.4f is below 0.97 / 0.8", p, r)
	}
}

// ewtParagraphs returns the "# text" lines of a CoNLL-U file grouped by
// its "# newpar" and "# newdoc" comments.
func ewtParagraphs(conll string) [][]string {
	var paras [][]string
	var cur []string
	for line := range strings.Lines(conll) {
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "# newpar") || strings.HasPrefix(line, "# newdoc") {
			if len(cur) > 0 {
				paras = append(paras, cur)
			}
			cur = nil
		}
		if text, ok := strings.CutPrefix(line, "# text = "); ok {
			cur = append(cur, text)
		}
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	return paras
}
