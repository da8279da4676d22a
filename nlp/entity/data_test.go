package entity

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/parser"
	"github.com/dyad-org/dyad/nlp/perceptron"
	"github.com/dyad-org/dyad/nlp/tagger"
)

const (
	dataDir   = "../../../shared/data"
	modelsDir = "../../models"
	modelFile = "entities.model.gz"
	// minF1 is the NLP issue's target for UNER EWT test F1, which the
	// committed model meets (0.7016), so that no change loses it unnoticed.
	minF1 = 0.70
)

// posTagger is the committed POS tagger, or one trained from UD EWT (about
// 100 s) when no model is committed yet; built once per test binary.
var posTagger = sync.OnceValues(func() (*tagger.Tagger, error) {
	if f, err := os.Open(filepath.Join(modelsDir, "tagger.model.gz")); err == nil {
		defer f.Close()
		tg, _, err := tagger.Load(f)
		return tg, err
	}
	train, err := readTreebank(filepath.Join(dataDir, TreebankFile))
	if err != nil {
		return nil, err
	}
	return tagger.Train(train, tagger.DefaultOptions, nil), nil
})

// parsers are the committed parser and, for UNER dev, the one trained on
// EWT train alone that DYAD_ENTITY_DEV_PARSER names (dyad train parser
// --splits train --out DIR makes one); the test is skipped without them.
func parsers(t *testing.T) Parsers {
	t.Helper()
	dev := os.Getenv("DYAD_ENTITY_DEV_PARSER")
	if dev == "" {
		t.Skip("set DYAD_ENTITY_DEV_PARSER to a parser model trained on EWT train alone")
	}
	return Parsers{All: loadModel(t, filepath.Join(modelsDir, "parser.model.gz"), parser.Load), Dev: loadModel(t, dev, parser.Load)}
}

// loadModel loads a model file with load, skipping the test when the file
// is missing.
func loadModel[M any](t testing.TB, path string, load func(io.Reader) (M, modelfile.Meta, error)) M {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no model: %v", err)
	}
	defer f.Close()
	m, _, err := load(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

func needData(t testing.TB, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dataDir, n)); err != nil {
			t.Skipf("training data not available: %v", err)
		}
	}
}

// TestTrainFromData trains with DefaultOptions and checks the UNER test
// score. With DYAD_TRAIN_ENTITIES=1 it also writes the model to
// models/entities.model.gz, as dyad train entities does.
func TestTrainFromData(t *testing.T) {
	write := os.Getenv("DYAD_TRAIN_ENTITIES") != ""
	if os.Getenv("DYAD_TRAIN_TEST") == "" && !write {
		t.Skip("set DYAD_TRAIN_TEST=1, or DYAD_TRAIN_ENTITIES=1 to write the model")
	}
	needData(t, WikigoldFile, UNERDevFile, UNERTestFile, TreebankFile)
	tg, err := posTagger()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	et, meta, err := TrainFromData(dataDir, tg, parsers(t), DefaultOptions, nil)
	if err != nil {
		t.Fatal(err)
	}
	f1 := meta.Scores["uner_test_f1"]
	t.Logf("UNER EWT test: P %.4f R %.4f F1 %.4f (trained in %s, %d weights)", meta.Scores["uner_test_precision"],
		meta.Scores["uner_test_recall"], f1, time.Since(start).Round(time.Second), et.model.(*perceptron.Model).Features())
	if f1 < minF1 {
		t.Errorf("UNER test F1 %.4f, want at least %.2f", f1, minF1)
	}
	if write {
		saveModel(t, et, meta)
	}
}

// saveModel writes the model next to the others, through a temporary file
// so that a failed run leaves the old model whole.
func saveModel(t *testing.T, et *Tagger, meta modelfile.Meta) {
	f, err := os.CreateTemp(modelsDir, modelFile+".*")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o644); err != nil {
		t.Fatal(err)
	}
	if err := et.Save(f, meta); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(f.Name(), filepath.Join(modelsDir, modelFile)); err != nil {
		t.Fatal(err)
	}
}

// committed loads the committed entity model and the POS tagger and parser
// it was trained with, skipping the test when one is missing.
func committed(t testing.TB) (*Tagger, *tagger.Tagger, *parser.Parser) {
	t.Helper()
	return loadModel(t, filepath.Join(modelsDir, modelFile), Load),
		loadModel(t, filepath.Join(modelsDir, "tagger.model.gz"), tagger.Load),
		loadModel(t, filepath.Join(modelsDir, "parser.model.gz"), parser.Load)
}

func TestCommittedModel(t *testing.T) {
	et, tg, ps := committed(t)
	needData(t, UNERTestFile)
	test, err := ReadUNER(filepath.Join(dataDir, UNERTestFile))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	annotate(tg, ps, test)
	p, r, f1 := et.Evaluate(test)
	t.Logf("UNER EWT test: P %.4f R %.4f F1 %.4f (%d sentences in %s)", p, r, f1, len(test), time.Since(start).Round(time.Millisecond))
	if f1 < minF1 {
		t.Errorf("UNER test F1 %.4f, want at least %.2f", f1, minF1)
	}
}

func BenchmarkTag(b *testing.B) {
	et, tg, ps := committed(b)
	needData(b, UNERTestFile)
	test, err := ReadUNER(filepath.Join(dataDir, UNERTestFile))
	if err != nil {
		b.Fatal(err)
	}
	annotate(tg, ps, test)
	tokens := 0
	for _, s := range test {
		tokens += len(s.Forms)
	}
	out := make([]nlp.Entity, 0, 64)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, s := range test {
			out = et.TagParsed(s.Forms, s.Tags, s.Heads, s.Rels, out[:0])
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestCrossValidate scores training options without touching UNER test:
// it trains on wikigold and half of UNER dev (alternate blocks of 100
// sentences, so each half has every genre), tags the other half, swaps, and
// scores both halves together, for three seeds since one seed's score
// varies by about 0.01. DYAD_ENTITY_CV may hold JSON overriding
// DefaultOptions, or a list of such to compare in one run, e.g.
// [{"Iterations":15},{"UNERCopies":2}]. It needs DYAD_ENTITY_DEV_PARSER
// (see parsers). Syntax features, for one, scored 0.6736 against 0.6677
// without (every seed higher).
func TestCrossValidate(t *testing.T) {
	overrides, ok := os.LookupEnv("DYAD_ENTITY_CV")
	if !ok {
		t.Skip(`set DYAD_ENTITY_CV=1 or DYAD_ENTITY_CV='[{"Iterations":15},{"UNERCopies":2}]'`)
	}
	var variants []json.RawMessage
	switch {
	case overrides == "1":
		variants = []json.RawMessage{json.RawMessage("{}")}
	case strings.HasPrefix(overrides, "["):
		if err := json.Unmarshal([]byte(overrides), &variants); err != nil {
			t.Fatal(err)
		}
	default:
		variants = []json.RawMessage{json.RawMessage(overrides)}
	}
	needData(t, WikigoldFile, UNERDevFile, TreebankFile)
	tg, err := posTagger()
	if err != nil {
		t.Fatal(err)
	}
	c, err := loadCorpus(dataDir, tg, parsers(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range variants {
		o := DefaultOptions
		if err := json.Unmarshal(v, &o); err != nil {
			t.Fatal(err)
		}
		crossValidate(t, c, o)
	}
}

// crossValidate logs the two-fold UNER dev scores of o, per seed and
// averaged.
func crossValidate(t *testing.T, c *corpus, o Options) {
	settings, _ := json.Marshal(o)
	var sum [3]float64
	const seeds = 3
	for range seeds {
		var gold, pred [][]nlp.Entity
		for fold := range 2 {
			var train, held []Sentence
			for i, s := range c.dev {
				if i/100%2 == fold {
					held = append(held, s)
				} else {
					train = append(train, s)
				}
			}
			g, p := c.train(train, o, nil).spansOf(held)
			gold, pred = append(gold, g...), append(pred, p...)
		}
		p, r, f1 := Score(gold, pred)
		t.Logf("seed %d: P %.4f R %.4f F1 %.4f; by type %s", o.Seed, p, r, f1, scoresByType(gold, pred))
		sum[0], sum[1], sum[2] = sum[0]+p, sum[1]+r, sum[2]+f1
		o.Seed++
	}
	t.Logf("UNER dev, 2-fold, mean of %d seeds: P %.4f R %.4f F1 %.4f with %s",
		seeds, sum[0]/seeds, sum[1]/seeds, sum[2]/seeds, settings)
}

// scoresByType formats the F1 of each entity type.
func scoresByType(gold, pred [][]nlp.Entity) string {
	var b strings.Builder
	for _, typ := range Types {
		keep := func(in [][]nlp.Entity) [][]nlp.Entity {
			out := make([][]nlp.Entity, len(in))
			for i, es := range in {
				for _, e := range es {
					if e.Type == typ {
						out[i] = append(out[i], e)
					}
				}
			}
			return out
		}
		_, _, f1 := Score(keep(gold), keep(pred))
		fmt.Fprintf(&b, " %s %.4f", typ, f1)
	}
	return b.String()
}
