package tagger

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/modelfile"
)

// sentence builds a treebank sentence from "form/UPOS/XPOS" items.
func sentence(s string) conllu.Sentence {
	var out conllu.Sentence
	for _, item := range strings.Fields(s) {
		p := strings.Split(item, "/")
		out.Words = append(out.Words, conllu.Word{Form: p[0], UPOS: p[1], XPOS: p[2]})
	}
	return out
}

var tiny = []conllu.Sentence{
	sentence("The/DET/DT minister/NOUN/NN called/VERB/VBD the/DET/DT envoy/NOUN/NN ./PUNCT/."),
	sentence("Officials/NOUN/NNS condemned/VERB/VBD the/DET/DT raid/NOUN/NN ./PUNCT/."),
	sentence("The/DET/DT raid/NOUN/NN ended/VERB/VBD ./PUNCT/."),
	sentence("They/PRON/PRP call/VERB/VBP for/ADP/IN calm/NOUN/NN ./PUNCT/."),
	sentence("The/DET/DT call/NOUN/NN ended/VERB/VBD ./PUNCT/."),
}

func tagsOf(tg *Tagger, s *conllu.Sentence) []string { return tg.TagStrings(Forms(s)) }

func TestLearnsContextAndRoundTrips(t *testing.T) {
	o := DefaultOptions
	o.Folds = 2
	tg := Train(tiny, o, nil)
	for i := range tiny {
		got := tagsOf(tg, &tiny[i])
		for j, w := range tiny[i].Words {
			if want := w.UPOS + " " + w.XPOS; got[j] != want {
				t.Errorf("sentence %d word %q: %s, want %s", i, w.Form, got[j], want)
			}
		}
	}
	var buf bytes.Buffer
	if err := tg.Save(&buf, modelfile.Meta{}); err != nil {
		t.Fatal(err)
	}
	back, meta, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Component != "tagger" {
		t.Errorf("component %q", meta.Component)
	}
	for i := range tiny {
		a, b := tagsOf(tg, &tiny[i]), tagsOf(back, &tiny[i])
		if strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("sentence %d: loaded tagger says %v, trained one %v", i, b, a)
		}
	}
}

func TestLoadRejectsOtherModels(t *testing.T) {
	var buf bytes.Buffer
	if err := modelfile.Write(&buf, modelfile.Meta{Component: "parser"}, struct{}{}, func(io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(&buf); err == nil || !strings.Contains(err.Error(), "parser") {
		t.Fatalf("Load of a parser model: err = %v, want a clear refusal", err)
	}
}
