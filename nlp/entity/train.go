package entity

import (
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"

	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/perceptron"
)

// Options control training.
type Options struct {
	Iterations int
	Seed       uint64
	Prune      float32
	// UNERCopies is how many times TrainFromData puts each UNER dev
	// sentence in the training set (at least once), to weigh the test's
	// genre (web text) above wikigold's encyclopaedia prose.
	UNERCopies int
	// LowerWiki adds a lowercase copy of wikigold, whose names are all
	// capitalised, so that the tagger also finds "tampa bay" and "india".
	LowerWiki bool
	// Syntax adds features of the sentences' parses.
	Syntax bool
	// Bag, if above 1, trains that many models on differently shuffled
	// data (seeds Seed, Seed+100, ...) and averages their weights, which
	// averages their scores: the perceptron's result depends on the order
	// it sees the sentences in, by about 0.01 F1 on UNER dev.
	Bag int
	// Lexicon is stored in the model; its entries become features.
	Lexicon Lexicon `json:"-"`
}

// DefaultOptions are the settings the committed model is trained with,
// chosen by cross-validation on UNER dev (see TestCrossValidate).
var DefaultOptions = Options{Iterations: 10, Seed: 1, Prune: 0.01, UNERCopies: 3, LowerWiki: true, Syntax: true, Bag: 3}

// Train learns an entity tagger from sentences with IOB2 labels and POS tags
// (a structured perceptron: each sentence is decoded whole, and where the
// best path strays from the gold one, the features of the gold path gain
// and those of the predicted path lose). Labels of types outside Types are
// read as O.
func Train(sents []Sentence, o Options, log *slog.Logger) *Tagger {
	if o.Bag <= 1 {
		return train(sents, o, log)
	}
	ms := make([]*perceptron.Model, o.Bag)
	var t *Tagger
	for k := range ms {
		ok := o
		ok.Seed += 100 * uint64(k)
		t = train(sents, ok, log)
		ms[k] = t.model.(*perceptron.Model)
	}
	return newTagger(perceptron.Average(ms...), t.tables)
}

// train trains one model.
func train(sents []Sentence, o Options, log *slog.Logger) *Tagger {
	t := newTagger(nil, Tables{Types: Types, Lexicon: o.Lexicon})
	gold := make([][]int, len(sents))
	for si, s := range sents {
		gold[si] = t.classesOf(s.Labels)
	}
	// The extra class, never predicted, takes the other side of updates
	// that concern one class only: the Trainer moves weights in pairs.
	sink := t.classes()
	tr := perceptron.NewTrainer(sink + 1)
	rng := rand.New(rand.NewPCG(o.Seed, 0xe7e7))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	ws := t.pool.Get().(*workspace)
	var pred []int
	for it := 1; it <= o.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var wrong int
		for _, si := range order {
			s, g := &sents[si], gold[si]
			ws.prepare(t, s.Forms, s.Tags)
			if o.Syntax {
				ws.syntax(s.Heads, s.Rels)
			} else {
				ws.syntax(nil, nil)
			}
			pred = slices.Grow(pred[:0], len(g))[:len(g)]
			t.decode(tr, ws, pred)
			if slices.Equal(pred, g) {
				tr.Tick()
				continue
			}
			wrong++
			for i := range g {
				gp, pp := start, start
				if i > 0 {
					gp, pp = g[i-1], pred[i-1]
				}
				if g[i] == pred[i] && gp == pp {
					continue
				}
				if g[i] != pred[i] {
					ws.feats = observed(ws.feats[:0], ws.toks, i)
					tr.Update(ws.feats, g[i], pred[i])
				}
				ws.feats = following(ws.feats[:0], ws.toks, gp, i)
				if gp == pp {
					tr.Update(ws.feats, g[i], pred[i])
					continue
				}
				tr.Update(ws.feats, g[i], sink)
				ws.feats = following(ws.feats[:0], ws.toks, pp, i)
				tr.Update(ws.feats, sink, pred[i])
			}
		}
		if log != nil {
			log.Info("entity iteration", "iteration", it, "sentences", len(sents),
				"train_sentence_error", float64(wrong)/float64(max(len(sents), 1)))
		}
	}
	t.pool.Put(ws)
	return newTagger(tr.Freeze(o.Prune), t.tables)
}

// Save writes the tagger in modelfile format.
func (t *Tagger) Save(w io.Writer, meta modelfile.Meta) error {
	return t.model.(*perceptron.Model).Save(w, "entity", meta, t.tables)
}

// Load reads a tagger written by Save.
func Load(r io.Reader) (*Tagger, modelfile.Meta, error) {
	var tables Tables
	m, meta, err := perceptron.Load(r, "entity", &tables)
	if err != nil {
		return nil, meta, err
	}
	t := newTagger(m, tables)
	if m.Classes() != t.classes()+1 {
		return nil, meta, fmt.Errorf("entity model: %d classes for %d entity types", m.Classes(), len(tables.Types))
	}
	return t, meta, nil
}
