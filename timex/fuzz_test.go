package timex

import (
	"strings"
	"testing"

	"github.com/dyad-org/dyad/nlp"
)

var fuzzSeeds = []string{
	"Khatibzadeh on Saturday urged Muslims to unify.",
	"Last week on Monday night, Zarif spoke with Haniyeh. The day before yesterday, he met Ali on the 15th.",
	"WASHINGTON, March 28 (KUNA) -- Tuesday, September 19, 2017 at 4:05 am | the riots on Thursday (August 15)",
	"late on Friday, early Sunday, two days ago, a few weeks ago, 2022-04-15, 2022/13/45, the 99th, May 32",
	"last last week this next Monday of of last week the the day before before yesterday ago ago",
	"Sept. Sept. 2 2 , , 2022 2022 ( ) Thursday ( Thursday ,",
	"“Today,” he said. 'll ’ll \xff\xfe Friday\u00a0morning",
	"",
}

// FuzzFind runs arbitrary text through the pipeline and checks that every
// expression points at its own text and tokens and that dating never fails.
func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := analyze(t, text)
		checkExprs(t, doc, Find(doc))
		d := NewDater(doc, day("2022-04-16"))
		for s := range doc.Sentences {
			for _, trigger := range []int{-1, 0, len(doc.Sentences[s].Tokens) - 1} {
				d.EventDate(s, trigger, trigger == 0)
			}
		}
	})
}

// checkExprs checks the invariants of Find's output.
func checkExprs(t *testing.T, doc *nlp.Doc, exprs []Expr) {
	t.Helper()
	prevEnd := 0
	for _, e := range exprs {
		if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
			t.Fatalf("%+v: no such sentence", e)
		}
		toks := doc.Sentences[e.Sentence].Tokens
		switch {
		case e.First < 0 || e.First > e.Last || e.Last >= len(toks):
			t.Fatalf("%+v: bad token span", e)
		case e.Start != toks[e.First].Start || e.End != toks[e.Last].End:
			t.Fatalf("%+v: offsets are not the span's", e)
		case e.Start < prevEnd:
			t.Fatalf("%+v: overlaps the previous expression or is out of order", e)
		case e.Start > e.End || e.End > len(doc.Text) || doc.Text[e.Start:e.End] != e.Text:
			t.Fatalf("%+v: Text is not Doc.Text[Start:End]", e)
		case e.Governor < -1 || e.Governor >= len(toks) || e.First <= e.Governor && e.Governor <= e.Last:
			t.Fatalf("%+v: governor %d is outside the sentence or inside the span", e, e.Governor)
		case e.Kind < Weekday || e.Kind > Period:
			t.Fatalf("%+v: no kind", e)
		}
		prevEnd = e.End
		for _, future := range []bool{false, true} {
			if day, ok := e.Date(day("2022-04-16"), future); ok != (e.Kind != Period) || ok && day.IsZero() {
				t.Fatalf("%+v: Date = %v, %v", e, day, ok)
			}
		}
		Future(&doc.Sentences[e.Sentence], e.Governor)
	}
}

// FuzzMalformedParse feeds Find and Dater sentences whose heads come from
// the fuzzer: out of range, cycles, self-loops. They must never panic.
func FuzzMalformedParse(f *testing.F) {
	f.Add("on Friday night last week on Monday the day before yesterday", []byte{3, 255, 0, 7, 2, 2, 9})
	f.Add("April 15 , 2022 ( Thursday ) two days ago", []byte{1, 0, 200, 4})
	f.Fuzz(func(t *testing.T, text string, heads []byte) {
		doc := &nlp.Doc{Text: text}
		s := nlp.Sentence{End: len(text)}
		end := 0
		for _, word := range strings.Fields(text) {
			start := end + strings.Index(text[end:], word)
			end = start + len(word)
			tok := nlp.Token{Start: start, End: end, Text: word, Lemma: strings.ToLower(word), UPOS: "NOUN", Head: -1, Rel: "dep"}
			if i := len(s.Tokens); i < len(heads) {
				tok.Head = int(int8(heads[i])) % 12
				tok.UPOS = []string{"NOUN", "VERB", "PROPN", "AUX", "ADJ"}[int(heads[i])%5]
				tok.Rel = []string{"obl", "nsubj", "obj", "xcomp", "aux"}[int(heads[i])%5]
			}
			s.Tokens = append(s.Tokens, tok)
		}
		doc.Sentences = []nlp.Sentence{s}
		exprs := Find(doc)
		checkExprs(t, doc, exprs)
		d := NewDater(doc, day("2022-04-16"))
		for _, trigger := range []int{-1, 0, len(s.Tokens) / 2, len(s.Tokens) - 1, len(s.Tokens)} {
			d.EventDate(0, trigger, false)
		}
	})
}
