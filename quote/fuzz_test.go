package quote

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/nlp"
)

// FuzzFind analyses arbitrary text and checks that Find never panics and
// that its quotes and spans point into the text consistently.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We condemn the attack,” the ministry said. “Those responsible will pay.”",
		"He said: \"no\" and \"yes\".\n\n\"Unclosed",
		"“A.\n\n“B,” he said.",
		"said:” x”. ” ” “ “ ‘a’ «b» \"\"",
		"The “so-called” deal, according to “officials,” was “dead on arrival,” said X.",
		"",
	} {
		f.Add(s)
	}
	p := analyzer(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := p.Analyze(text)
		checkQuotes(t, doc, Find(doc))
	})
}

// checkQuotes checks the invariants of Find's result.
func checkQuotes(t *testing.T, doc *nlp.Doc, qs []Quote) {
	t.Helper()
	text := doc.Text
	prevEnd := 0
	for i, q := range qs {
		if q.Start < 0 || q.Start > q.End || q.End > len(text) {
			t.Fatalf("quote %d: offsets %d..%d outside 0..%d", i, q.Start, q.End, len(text))
		}
		if q.Text != text[q.Start:q.End] {
			t.Fatalf("quote %d: Text %q is not text[%d:%d]", i, q.Text, q.Start, q.End)
		}
		if q.Start < prevEnd {
			t.Fatalf("quote %d starts at %d, before the previous one ends (%d)", i, q.Start, prevEnd)
		}
		prevEnd = q.End
		if strings.TrimSpace(q.Text) == "" {
			t.Fatalf("quote %d is empty", i)
		}
		checkSpan(t, doc, q.Speaker, "speaker")
		checkSpan(t, doc, q.Cue, "cue")
		if sp := q.Speaker; sp != nil && !q.Inherited && sp.Start < q.End && q.Start < sp.End {
			t.Fatalf("quote %d: speaker %d..%d overlaps the quote", i, sp.Start, sp.End)
		}
		if q.Inherited && q.Speaker == nil {
			t.Fatalf("quote %d: inherited without a speaker", i)
		}
	}
}

// checkSpan checks that a span names real tokens of one sentence and that
// its offsets are theirs.
func checkSpan(t *testing.T, doc *nlp.Doc, sp *Span, what string) {
	t.Helper()
	if sp == nil {
		return
	}
	if sp.Sentence < 0 || sp.Sentence >= len(doc.Sentences) {
		t.Fatalf("%s: sentence %d out of range", what, sp.Sentence)
	}
	ts := doc.Sentences[sp.Sentence].Tokens
	if sp.First < 0 || sp.First > sp.Head || sp.Head > sp.Last || sp.Last >= len(ts) {
		t.Fatalf("%s: tokens %d..%d head %d invalid in a sentence of %d", what, sp.First, sp.Last, sp.Head, len(ts))
	}
	if sp.Start != ts[sp.First].Start || sp.End != ts[sp.Last].End {
		t.Fatalf("%s: offsets %d..%d are not those of its tokens", what, sp.Start, sp.End)
	}
}

// TestFindRandom checks the invariants on texts drawn at random from news
// pieces and quotation marks, which reach the quote logic far more often
// than the fuzzer's byte strings do.
func TestFindRandom(t *testing.T) {
	pieces := []string{
		"“", "”", `"`, "‘", "’", "«", "»", "'", ",", ".", ":", " — ", "\n", "\n\n",
		"he said", "said the minister", "according to officials", "the ministry added",
		"told reporters", "We will respond", "Iran's foreign minister Hossein Amir-Abdollahian",
		"who leads the bloc", "the", "talks", "failed", "Khatibzadeh tweeted", "so-called",
		"the “", "”, he noted", "saying that", "described it as",
	}
	p := analyzer(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 500 {
		b.Reset()
		for range 1 + rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		doc := p.Analyze(b.String())
		checkQuotes(t, doc, Find(doc))
	}
}
