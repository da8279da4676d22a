// Package training reproduces dyad's model files from the shared training
// data (UD English EWT for the tagger, lemmatizer and parser). Each function
// trains one model, scores it on the EWT dev split and records in the model
// file the data files (with their hashes), the settings and the scores.
package training

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/lemma"
	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/parser"
	"github.com/dyad-org/dyad/nlp/pipeline"
	"github.com/dyad-org/dyad/nlp/tagger"
)

// Treebank is the UD EWT split file name for train, dev or test.
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

func meta(settings map[string]any, files ...string) (modelfile.Meta, error) {
	m := modelfile.Meta{Format: 1, Settings: settings, Trained: time.Now().UTC().Format(time.DateOnly), Scores: map[string]float64{}}
	for _, f := range files {
		d, err := modelfile.Describe(f)
		if err != nil {
			return m, err
		}
		d.Path = filepath.Join(filepath.Base(filepath.Dir(f)), filepath.Base(f))
		m.Data = append(m.Data, d)
	}
	return m, nil
}

// Tagger trains the tagger on EWT train and writes it to outDir.
func Tagger(dataDir, outDir string, o tagger.Options, log *slog.Logger) error {
	trainPath, devPath := Treebank(dataDir, "train"), Treebank(dataDir, "dev")
	train, err := ReadTreebank(trainPath)
	if err != nil {
		return err
	}
	dev, err := ReadTreebank(devPath)
	if err != nil {
		return err
	}
	m, err := meta(map[string]any{"options": o}, trainPath)
	if err != nil {
		return err
	}
	tg := tagger.Train(train, o, log)
	right, total := 0, 0
	for i := range dev {
		tags := tg.TagStrings(tagger.Forms(&dev[i]))
		for j, w := range dev[i].Words {
			if tags[j] == w.UPOS+" "+w.XPOS {
				right++
			}
			total++
		}
	}
	m.Scores["ewt_dev_upos_xpos"] = float64(right) / float64(total)
	return save(outDir, pipeline.TaggerFile, func(f *os.File) error { return tg.Save(f, m) })
}

// Lemmatizer learns the lemma rules from EWT train and writes them to outDir.
func Lemmatizer(dataDir, outDir string, minCount int) error {
	trainPath := Treebank(dataDir, "train")
	train, err := ReadTreebank(trainPath)
	if err != nil {
		return err
	}
	m, err := meta(map[string]any{"min_count": minCount}, trainPath)
	if err != nil {
		return err
	}
	l := lemma.Train(train, minCount)
	return save(outDir, pipeline.LemmatizerFile, func(f *os.File) error { return l.Save(f, m) })
}

// Parser trains the parser on EWT train, with tags from a jackknifed tagger so
// it learns from tags as imperfect as it will see, and writes it to outDir.
func Parser(dataDir, outDir string, folds int, to tagger.Options, po parser.Options, log *slog.Logger) error {
	trainPath := Treebank(dataDir, "train")
	train, err := ReadTreebank(trainPath)
	if err != nil {
		return err
	}
	m, err := meta(map[string]any{"options": po, "jackknife_folds": folds, "tagger_options": to}, trainPath)
	if err != nil {
		return err
	}
	log.Info("tagging the training data by jackknife", "folds", folds)
	tags := tagger.Jackknife(train, folds, to, nil)
	ex := make([]parser.Example, len(train))
	for i := range train {
		ex[i] = parser.Example{Sentence: &train[i], Tags: tags[i]}
	}
	p := parser.Train(ex, po, log)
	return save(outDir, pipeline.ParserFile, func(f *os.File) error { return p.Save(f, m) })
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
