package lemma

import (
	"os"
	"testing"

	"github.com/dyad-org/dyad/nlp/conllu"
)

func TestRulesAndExceptions(t *testing.T) {
	train := []conllu.Sentence{{Words: []conllu.Word{
		{Form: "parties", Lemma: "party", XPOS: "NNS"},
		{Form: "cities", Lemma: "city", XPOS: "NNS"},
		{Form: "went", Lemma: "go", XPOS: "VBD"},
		{Form: "talked", Lemma: "talk", XPOS: "VBD"},
		{Form: "walked", Lemma: "walk", XPOS: "VBD"},
		{Form: "The", Lemma: "the", XPOS: "DT"},
		{Form: "Tehran", Lemma: "Tehran", XPOS: "NNP"},
	}}}
	l := Train(train, 2)
	for _, c := range []struct{ form, xpos, want string }{
		{"armies", "NNS", "army"},   // unseen: suffix rule "-ies" → "-y"
		{"jumped", "VBD", "jump"},   // unseen: suffix rule "-ed" → ""
		{"went", "VBD", "go"},       // exception
		{"Ankara", "NNP", "Ankara"}, // unseen proper noun keeps its case
		{"The", "DT", "the"},        // lowercased
	} {
		if got := l.Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}

// A misspelling seen twice is one word: its correction stays an exception
// and does not become the rule of its suffix.
func TestRulesCountWordsNotUses(t *testing.T) {
	var words []conllu.Word
	for _, w := range [][2]string{{"privilages", "privilege"}, {"privilages", "privilege"}, {"images", "image"}, {"pages", "page"}} {
		words = append(words, conllu.Word{Form: w[0], Lemma: w[1], XPOS: "NNS"})
	}
	l := Train([]conllu.Sentence{{Words: words}}, 2)
	if got := l.Lemma("villages", "NNS"); got != "village" {
		t.Errorf("Lemma(villages) = %q, want village", got)
	}
	if got := l.Lemma("privilages", "NNS"); got != "privilege" {
		t.Errorf("Lemma(privilages) = %q, want privilege", got)
	}
}

func TestAccuracyOnEWTDev(t *testing.T) {
	read := func(name string) []conllu.Sentence {
		path := "../../../shared/data/ud-ewt/en_ewt-ud-" + name + ".conllu"
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("EWT not available: %v", err)
		}
		defer f.Close()
		s, err := conllu.Read(f, path)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	l := Train(read("train"), 2)
	right, total := 0, 0
	for _, s := range read("dev") {
		for _, w := range s.Words {
			if l.Lemma(w.Form, w.XPOS) == w.Lemma {
				right++
			}
			total++
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("EWT dev lemma accuracy with gold XPOS: %.4f (%d rules, %d exceptions)", acc, len(l.Rules), len(l.Exceptions))
	if acc < 0.97 {
		t.Errorf("lemma accuracy %.4f < 0.97", acc)
	}
}
