package entity

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/parser"
	"github.com/dyad-org/dyad/nlp/tagger"
)

// Data files TrainFromData reads, relative to the data directory.
const (
	WikigoldFile = "wikigold/wikigold.conll.txt"
	UNERDevFile  = "uner-ewt/en_ewt-ud-dev.iob2"
	UNERTestFile = "uner-ewt/en_ewt-ud-test.iob2"
	// TreebankFile gives how words are capitalised, and trains the POS
	// tagger that tags UNER dev (see loadCorpus).
	TreebankFile = "ud-ewt/en_ewt-ud-train.conllu"
)

// Parsers parse the training and test sentences for Options.Syntax: Dev
// parses UNER dev and must not have learnt from it (UD EWT dev), so that
// its parses are as good as those of unseen text; All parses the rest.
type Parsers struct{ All, Dev *parser.Parser }

// TrainFromData trains on the shared data directory (wikigold, also in
// lowercase, and UNER dev, weighed by o.UNERCopies) using tg for POS tags
// and, if o.Syntax, ps for parses; it returns the tagger and its UNER-test
// scores. The lexicon (gazetteer and casing summary) is built from the data
// directory too, replacing o.Lexicon. The returned Meta records the data
// files, the settings and the scores; its Component is set by Save.
func TrainFromData(dataDir string, tg *tagger.Tagger, ps Parsers, o Options, log *slog.Logger) (*Tagger, modelfile.Meta, error) {
	meta := modelfile.Meta{Format: 1, Trained: time.Now().UTC().Format(time.DateOnly), Scores: map[string]float64{}}
	if !o.Syntax {
		ps = Parsers{}
	} else if ps.All == nil || ps.Dev == nil {
		return nil, meta, errors.New("entity training with Syntax needs two parsers")
	}
	for _, name := range append([]string{WikigoldFile, UNERDevFile, UNERTestFile, TreebankFile}, GazetteerFiles...) {
		d, err := modelfile.Describe(filepath.Join(dataDir, name))
		if err != nil {
			return nil, meta, err
		}
		d.Path = name
		meta.Data = append(meta.Data, d)
	}
	c, err := loadCorpus(dataDir, tg, ps)
	if err != nil {
		return nil, meta, err
	}
	o.Lexicon = c.lexicon
	sizes := map[string]int{"casing": len(o.Lexicon.Casing)}
	for cat, list := range o.Lexicon.Names {
		sizes[cat] = len(list)
	}
	meta.Settings = map[string]any{"options": o, "lexicon_sizes": sizes,
		"uner_dev_pos": "tagged by a tagger trained on " + TreebankFile + " with tagger.DefaultOptions"}
	if o.Syntax {
		meta.Settings["uner_dev_parses"] = "by a parser trained on " + TreebankFile + " alone"
	}
	if log != nil {
		log.Info("training entity tagger", "lexicon", sizes)
	}
	t := c.train(c.dev, o, log)
	p, r, f1 := t.Evaluate(c.test)
	meta.Scores["uner_test_precision"] = p
	meta.Scores["uner_test_recall"] = r
	meta.Scores["uner_test_f1"] = f1
	return t, meta, nil
}

// corpus is what TrainFromData reads: POS-tagged sentences and the lexicon.
type corpus struct {
	tg              *tagger.Tagger
	ps              *parser.Parser // nil: sentences are not parsed
	wiki, dev, test []Sentence
	lexicon         Lexicon
}

// loadCorpus reads the data, tags it with tg and parses it with ps (not at
// all if its parsers are nil).
func loadCorpus(dataDir string, tg *tagger.Tagger, ps Parsers) (*corpus, error) {
	path := func(name string) string { return filepath.Join(dataDir, name) }
	c := corpus{tg: tg, ps: ps.All}
	var err error
	if c.wiki, err = ReadWikigold(path(WikigoldFile)); err != nil {
		return nil, err
	}
	if c.dev, err = ReadUNER(path(UNERDevFile)); err != nil {
		return nil, err
	}
	if c.test, err = ReadUNER(path(UNERTestFile)); err != nil {
		return nil, err
	}
	treebank, err := readTreebank(path(TreebankFile))
	if err != nil {
		return nil, err
	}
	names, err := BuildGazetteer(dataDir)
	if err != nil {
		return nil, err
	}
	c.lexicon = Lexicon{Names: names, Casing: Casing(treebank)}
	annotate(tg, ps.All, c.wiki)
	annotate(tg, ps.All, c.test)
	// UNER dev is EWT dev, which tg may have been trained on; its tags
	// would then be near perfect, and a model trained on them would trust
	// tags more than it should on unseen text. So a tagger that has seen
	// EWT train only tags it, and likewise a parser parses it.
	annotate(tagger.Train(treebank, tagger.DefaultOptions, nil), ps.Dev, c.dev)
	return &c, nil
}

// train trains on wikigold and the given UNER sentences as TrainFromData
// does; cross-validation passes part of UNER dev.
func (c *corpus) train(uner []Sentence, o Options, log *slog.Logger) *Tagger {
	o.Lexicon = c.lexicon
	return Train(trainingSet(func(s []Sentence) { annotate(c.tg, c.ps, s) }, c.wiki, uner, o), o, log)
}

// trainingSet joins wikigold, its lowercase copy if o.LowerWiki, and
// o.UNERCopies copies of the UNER sentences; annotate tags (and parses) the
// lowercase copy.
func trainingSet(annotate func([]Sentence), wiki, uner []Sentence, o Options) []Sentence {
	out := append([]Sentence(nil), wiki...)
	if o.LowerWiki {
		out = append(out, lowered(annotate, wiki)...)
	}
	for range max(o.UNERCopies, 1) {
		out = append(out, uner...)
	}
	return out
}

// lowered returns lowercase copies of sents, POS-tagged anew: the tags of
// a lowercase sentence differ, and web text is often all lowercase.
func lowered(annotate func([]Sentence), sents []Sentence) []Sentence {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		forms := make([]string, len(s.Forms))
		for j, f := range s.Forms {
			forms[j] = strings.ToLower(f)
		}
		out[i] = Sentence{Forms: forms, Labels: s.Labels}
	}
	annotate(out)
	return out
}

// annotate POS-tags sents with tg and, if ps is not nil, parses them.
func annotate(tg *tagger.Tagger, ps *parser.Parser, sents []Sentence) {
	for i := range sents {
		s := &sents[i]
		s.Tags = tg.TagStrings(s.Forms)
		if ps != nil {
			s.Heads, s.Rels = make([]int, len(s.Forms)), make([]string, len(s.Forms))
			ps.Parse(s.Forms, s.Tags, s.Heads, s.Rels)
		}
	}
}

// Evaluate tags sents and scores the result against their labels (see Score).
func (t *Tagger) Evaluate(sents []Sentence) (p, r, f1 float64) {
	gold, pred := t.spansOf(sents)
	return Score(gold, pred)
}

// spansOf returns the gold and the predicted entities of sents.
func (t *Tagger) spansOf(sents []Sentence) (gold, pred [][]nlp.Entity) {
	gold = make([][]nlp.Entity, len(sents))
	pred = make([][]nlp.Entity, len(sents))
	for i, s := range sents {
		gold[i] = Spans(s.Labels, nil)
		pred[i] = t.TagParsed(s.Forms, s.Tags, s.Heads, s.Rels, nil)
	}
	return gold, pred
}

func readTreebank(path string) ([]conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.Read(f, path)
}
