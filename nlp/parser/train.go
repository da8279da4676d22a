package parser

import (
	"io"
	"log/slog"
	"math/rand/v2"
	"sort"

	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/perceptron"
)

// Options control training.
type Options struct {
	Iterations int
	// Explore is the chance, from the second iteration on, of following the
	// model's own transition rather than the oracle's when they differ.
	Explore float64
	Seed    uint64
	Prune   float32
}

// DefaultOptions are the settings the committed model is trained with.
var DefaultOptions = Options{Iterations: 15, Explore: 0.9, Seed: 1, Prune: 0.01}

// Example is a training sentence: gold tree plus the tags the parser will see
// (predicted by the tagger, so that training matches use).
type Example struct {
	Sentence *conllu.Sentence
	Tags     []string
}

// Train learns a parser from examples. If after is not nil, it is given the
// averaged model after each iteration (for learning curves on held-out data).
func Train(examples []Example, o Options, log *slog.Logger, after func(iteration int, p *Parser)) *Parser {
	labelSet := map[string]bool{}
	for _, ex := range examples {
		for _, w := range ex.Sentence.Words {
			labelSet[w.Rel] = true
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	index := map[string]int32{}
	for i, l := range labels {
		index[l] = int32(i)
	}
	tables := Tables{Labels: labels}
	classes := 2 + 2*len(labels)
	tr := perceptron.NewTrainer(classes)
	p := newParser(tr, tables)
	rng := rand.New(rand.NewPCG(o.Seed, 0x9a55))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	ws := p.pool.Get().(*workspace)
	cost := make([]int, classes)
	var or oracle
	for it := 1; it <= o.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var right, total int
		for _, ei := range order {
			ex := examples[ei]
			words := ex.Sentence.Words
			or.heads = or.heads[:0]
			or.labels = or.labels[:0]
			or.heads = append(or.heads, -1)
			or.labels = append(or.labels, -1)
			forms := make([]string, len(words))
			for i, w := range words {
				forms[i] = w.Form
				or.heads = append(or.heads, int32(w.Head))
				or.labels = append(or.labels, index[w.Rel])
			}
			ws.ctx.load(forms, ex.Tags)
			s := &ws.st
			s.reset(len(words))
			for !s.done() {
				ws.feats = s.features(ws.feats[:0], &ws.ctx)
				guess := p.bestValid(s, ws)
				or.costs(s, cost, p.rootLabel)
				gold := -1
				for c, k := range cost {
					if k == 0 && (gold < 0 || ws.scores[c] > ws.scores[gold]) {
						gold = c
					}
				}
				if gold < 0 { // no transition keeps every reachable arc: take the cheapest
					for c, k := range cost {
						if k >= 0 && (gold < 0 || k < cost[gold]) {
							gold = c
						}
					}
				}
				total++
				if cost[guess] == 0 {
					right++
					tr.Tick()
					s.apply(guess)
					continue
				}
				tr.Update(ws.feats, gold, guess)
				if it > 1 && rng.Float64() < o.Explore {
					s.apply(guess)
				} else {
					s.apply(gold)
				}
			}
		}
		if log != nil {
			log.Info("parser iteration", "iteration", it, "oracle_agreement", float64(right)/float64(max(total, 1)))
		}
		if after != nil {
			after(it, newParser(tr.Freeze(o.Prune), tables))
		}
	}
	p.pool.Put(ws)
	return newParser(tr.Freeze(o.Prune), tables)
}

// Save writes the parser in modelfile format.
func (p *Parser) Save(w io.Writer, meta modelfile.Meta) error {
	return p.model.(*perceptron.Model).Save(w, "parser", meta, Tables{Labels: p.labels})
}

// Load reads a parser written by Save.
func Load(r io.Reader) (*Parser, modelfile.Meta, error) {
	var tables Tables
	m, meta, err := perceptron.Load(r, "parser", &tables)
	if err != nil {
		return nil, meta, err
	}
	return newParser(m, tables), meta, nil
}
