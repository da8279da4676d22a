// Package training reproduces dyad's model files from the shared training
// data (UD English EWT for the tagger, lemmatizer and parser; wikigold and
// UNER EWT dev for the entity tagger). Each function trains one model and
// records in the model file the data files it learnt from (with their
// hashes), its settings and its scores on the test split (EWT test, UNER EWT
// test), which training never reads otherwise.
package training

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/entity"
	"github.com/dyad-org/dyad/nlp/lemma"
	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/parser"
	"github.com/dyad-org/dyad/nlp/pipeline"
	"github.com/dyad-org/dyad/nlp/tagger"
)

// Config says what to train on and with which settings.
type Config struct {
	DataDir, OutDir string
	// Splits are the EWT splits trained on. The committed models use train
	// and dev: the settings were chosen on dev first, then dev joined the
	// training data for the final models.
	Splits        []string
	Tagger        tagger.Options
	Parser        parser.Options
	Folds         int // jackknife folds for the parser's training tags
	LemmaMinCount int
	Entities      entity.Options
}

// DefaultConfig is how the committed models were trained.
func DefaultConfig(dataDir, outDir string) Config {
	return Config{
		DataDir: dataDir, OutDir: outDir, Splits: []string{"train", "dev"},
		Tagger: tagger.DefaultOptions, Parser: parser.DefaultOptions, Folds: 5, LemmaMinCount: 2,
		Entities: entity.DefaultOptions,
	}
}

// Treebank is the UD EWT file of a split: train, dev or test.
func Treebank(dataDir, split string) string {
	return filepath.Join(dataDir, "ud-ewt", "en_ewt-ud-"+split+".conllu")
}

// ReadTreebank reads a CoNLL-U file.
func ReadTreebank(path string) ([]conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.Read(f, path)
}

// data reads the configured training splits and starts the model's metadata.
func (c Config) data(settings map[string]any) ([]conllu.Sentence, modelfile.Meta, error) {
	m := modelfile.Meta{Format: 1, Settings: settings, Trained: time.Now().UTC().Format(time.DateOnly), Scores: map[string]float64{}}
	var all []conllu.Sentence
	for _, split := range c.Splits {
		path := Treebank(c.DataDir, split)
		sents, err := ReadTreebank(path)
		if err != nil {
			return nil, m, err
		}
		all = append(all, sents...)
		d, err := modelfile.Describe(path)
		if err != nil {
			return nil, m, err
		}
		d.Path = filepath.Join(filepath.Base(filepath.Dir(path)), filepath.Base(path))
		m.Data = append(m.Data, d)
	}
	if len(all) == 0 {
		return nil, m, fmt.Errorf("no training sentences in %v", c.Splits)
	}
	return all, m, nil
}

// Tagger trains the tagger and writes it to the output directory.
func Tagger(c Config, log *slog.Logger) error {
	train, m, err := c.data(map[string]any{"options": c.Tagger})
	if err != nil {
		return err
	}
	test, err := ReadTreebank(Treebank(c.DataDir, "test"))
	if err != nil {
		return err
	}
	tg := tagger.Train(train, c.Tagger, log)
	right, total := 0, 0
	for i := range test {
		tags := tg.TagStrings(tagger.Forms(&test[i]))
		for j, w := range test[i].Words {
			if tags[j] == w.UPOS+" "+w.XPOS {
				right++
			}
			total++
		}
	}
	m.Scores["ewt_test_upos_xpos"] = float64(right) / float64(total)
	return save(c.OutDir, pipeline.TaggerFile, func(f *os.File) error { return tg.Save(f, m) })
}

// Lemmatizer learns the lemma rules and writes them to the output directory.
func Lemmatizer(c Config) error {
	train, m, err := c.data(map[string]any{"min_count": c.LemmaMinCount})
	if err != nil {
		return err
	}
	l := lemma.Train(train, c.LemmaMinCount)
	return save(c.OutDir, pipeline.LemmatizerFile, func(f *os.File) error { return l.Save(f, m) })
}

// Parser trains the parser, with tags from a jackknifed tagger so it learns
// from tags as imperfect as it will see, and writes it to the output
// directory. It scores the parser on EWT test with the tagger and lemmatizer
// already in the output directory.
func Parser(c Config, log *slog.Logger) error {
	train, m, err := c.data(map[string]any{"options": c.Parser, "jackknife_folds": c.Folds, "tagger_options": c.Tagger})
	if err != nil {
		return err
	}
	tg, err := open(c.OutDir, pipeline.TaggerFile, tagger.Load)
	if err != nil {
		return err
	}
	lem, err := open(c.OutDir, pipeline.LemmatizerFile, lemma.Load)
	if err != nil {
		return err
	}
	test, err := ReadTreebank(Treebank(c.DataDir, "test"))
	if err != nil {
		return err
	}
	p := trainParser(train, c, log)
	s := pipeline.New(tg, lem, p, nil).Evaluate(test)
	m.Scores["ewt_test_uas"], m.Scores["ewt_test_las"] = s.UAS, s.LAS
	return save(c.OutDir, pipeline.ParserFile, func(f *os.File) error { return p.Save(f, m) })
}

// trainParser trains a parser on train with tags from a jackknifed tagger.
func trainParser(train []conllu.Sentence, c Config, log *slog.Logger) *parser.Parser {
	log.Info("tagging the training data by jackknife", "folds", c.Folds)
	tags := tagger.Jackknife(train, c.Folds, c.Tagger, nil)
	ex := make([]parser.Example, len(train))
	for i := range train {
		ex[i] = parser.Example{Sentence: &train[i], Tags: tags[i]}
	}
	return parser.Train(ex, c.Parser, log, nil)
}

// Entities trains the entity tagger on wikigold and UNER EWT dev, with POS
// tags from the tagger and parses from the parser already in the output
// directory (if the options ask for parses), and writes it there. UNER dev
// is EWT dev, which those models may have learnt from, so a parser trained
// on EWT train alone (about five minutes) parses it, as
// entity.TrainFromData asks.
func Entities(c Config, log *slog.Logger) error {
	tg, err := open(c.OutDir, pipeline.TaggerFile, tagger.Load)
	if err != nil {
		return err
	}
	var ps entity.Parsers
	if c.Entities.Syntax {
		if ps.All, err = open(c.OutDir, pipeline.ParserFile, parser.Load); err != nil {
			return err
		}
		train, err := ReadTreebank(Treebank(c.DataDir, "train"))
		if err != nil {
			return err
		}
		log.Info("training a parser on EWT train alone, to parse UNER dev")
		ps.Dev = trainParser(train, c, log)
	}
	et, m, err := entity.TrainFromData(c.DataDir, tg, ps, c.Entities, log)
	if err != nil {
		return err
	}
	return save(c.OutDir, pipeline.EntitiesFile, func(f *os.File) error { return et.Save(f, m) })
}

// open loads a model that an earlier step wrote to dir.
func open[M any](dir, name string, load func(io.Reader) (M, modelfile.Meta, error)) (M, error) {
	var zero M
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return zero, fmt.Errorf("this step needs the %s model trained first: %w", name, err)
	}
	defer f.Close()
	m, _, err := load(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// save writes a model file atomically: a crash never leaves half a model.
func save(dir, name string, write func(*os.File) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, name+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}
