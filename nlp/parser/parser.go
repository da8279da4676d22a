// Package parser is dyad's dependency parser: a greedy arc-eager transition
// parser (Nivre 2003) scored by an averaged perceptron over the rich feature
// set of Zhang and Nivre (2011), trained with a dynamic oracle and exploration
// (Goldberg and Nivre 2012) so that it learns to recover from its own
// mistakes. It produces UD relations and runs in linear time.
package parser

import (
	"strings"
	"sync"

	"github.com/dyad-org/dyad/nlp/perceptron"
	"github.com/dyad-org/dyad/nlp/wordfeat"
)

// Tables are the parser's non-weight data, stored in the model's header.
type Tables struct {
	Labels []string `json:"labels"`
}

// Parser is a loaded parser; safe for concurrent use.
type Parser struct {
	model     perceptron.Scorer
	labels    []string
	rootLabel int
	punct     int
	pool      sync.Pool
}

type workspace struct {
	st     state
	ctx    context
	feats  []uint64
	scores []float32
}

func newParser(model perceptron.Scorer, t Tables) *Parser {
	p := &Parser{model: model, labels: t.Labels, rootLabel: -1, punct: -1}
	for i, l := range t.Labels {
		switch l {
		case "root":
			p.rootLabel = i
		case "punct":
			p.punct = i
		}
	}
	classes := 2 + 2*len(t.Labels)
	p.pool.New = func() any { return &workspace{scores: make([]float32, classes)} }
	return p
}

// Labels returns the relation labels the parser knows.
func (p *Parser) Labels() []string { return p.labels }

// Parse parses one sentence given its word forms and tags (any tag string the
// parser was trained with). It writes each word's head (an index into forms,
// -1 for the root) and relation.
//
// A sentence that opens with an adverbial phrase and a comma ("On Tuesday,
// a group of lawmakers called on ...", "As the army shelled the city, ...")
// is parsed in two parts, the phrase and the clause, joined at their roots:
// the greedy transitions, left to right, otherwise often make the phrase
// the head of the whole sentence.
//
// A sentence that ends in a reporting clause after a comma ("..., police
// said.", "..., said the minister.") is parsed likewise, the clause apart
// and hung on the sentence's root as parataxis, as UD has it: else the
// transitions often join its speaker to the last noun of the sentence
// ("two bomb attacks, police").
func (p *Parser) Parse(forms, tags []string, heads []int, rels []string) {
	if k := reportStart(forms, tags); k <= 0 || !p.parseReport(forms, tags, heads, rels, k) {
		p.parseFront(forms, tags, heads, rels)
	}
	subjectRoot(tags, heads, rels)
	nounObject(tags, heads, rels)
	nounConjuncts(tags, heads, rels)
	gerundObjects(tags, heads, rels)
}

func (p *Parser) parse(forms, tags []string, heads []int, rels []string) {
	ws := p.pool.Get().(*workspace)
	defer p.pool.Put(ws)
	ws.ctx.load(forms, tags)
	s := &ws.st
	s.reset(len(forms))
	for !s.done() {
		ws.feats = s.features(ws.feats[:0], &ws.ctx)
		c := p.bestValid(s, ws)
		s.apply(c)
	}
	p.finish(s, tags)
	for i := range forms {
		nd := s.nodes[i+1]
		heads[i] = int(nd.head) - 1
		rels[i] = p.labels[nd.label]
	}
}

func (p *Parser) bestValid(s *state, ws *workspace) int {
	sc := ws.scores
	for i := range sc {
		sc[i] = 0
	}
	p.model.Score(ws.feats, sc)
	best := -1
	for c := range sc {
		if (best < 0 || sc[c] > sc[best]) && s.valid(c, p.rootLabel) {
			best = c
		}
	}
	return best
}

// finish attaches the words the transitions left without a head: the first
// becomes the root if there is none, the others depend on the root word.
func (p *Parser) finish(s *state, tags []string) {
	root := int32(-1)
	for i := int32(1); i <= s.n; i++ {
		if s.nodes[i].head == 0 {
			root = i
			break
		}
	}
	for i := int32(1); i <= s.n; i++ {
		if s.nodes[i].head >= 0 {
			continue
		}
		if root < 0 {
			root = i
			s.attach(0, i, p.rootLabel)
			continue
		}
		label := p.punct
		if !isPunct(tags[i-1]) {
			label = p.labelIndex("parataxis")
		}
		s.attach(root, i, label)
	}
	p.unhangFromPunct(s, tags, root)
}

// unhangFromPunct moves the words the transitions hung on a punctuation
// mark, which in UD heads nothing: a preposition or marker to the next word
// hung there with it (the phrase it introduces, "with" of "with Ziyad"),
// any other word to the mark's own head. Long sentences with commas and
// hyphens are where the scores make this error.
func (p *Parser) unhangFromPunct(s *state, tags []string, root int32) {
	for i := int32(1); i <= s.n; i++ {
		h := s.nodes[i].head
		if h <= 0 || !isPunct(tags[h-1]) {
			continue
		}
		to := s.nodes[h].head
		if l := p.labels[s.nodes[i].label]; l == "case" || l == "mark" || l == "cc" {
			for j := i + 1; j <= s.n; j++ {
				if s.nodes[j].head == h && !isPunct(tags[j-1]) {
					to = j
					break
				}
			}
		}
		if to <= 0 {
			to = root
		}
		if to != i {
			s.nodes[i].head = to // features are done with: only head matters now
		}
	}
}

func (p *Parser) labelIndex(name string) int {
	for i, l := range p.labels {
		if l == name {
			return i
		}
	}
	return p.rootLabel
}

func isPunct(tag string) bool { return len(tag) >= 5 && tag[:5] == "PUNCT" }

// uposOf is the UPOS part of a "UPOS XPOS" tag.
func uposOf(tag string) string { u, _, _ := strings.Cut(tag, " "); return u }

func isVerb(tag string) bool { u := uposOf(tag); return u == "VERB" || u == "AUX" }

// isOpener reports a preposition or subordinator, which opens a phrase.
func isOpener(tag string) bool { u := uposOf(tag); return u == "ADP" || u == "SCONJ" }

func (c *context) load(forms, tags []string) {
	n := len(forms) + 1
	if cap(c.w) < n {
		c.w = make([]uint64, n)
		c.p = make([]uint64, n)
		c.u = make([]uint64, n)
	}
	c.w, c.p, c.u = c.w[:n], c.p[:n], c.u[:n]
	c.w[0], c.p[0], c.u[0] = rootWord, rootWord, rootWord
	for i := range forms {
		c.w[i+1] = wordfeat.LowerHash(forms[i])
		c.p[i+1] = perceptron.String(tags[i])
		c.u[i+1] = perceptron.String(uposOf(tags[i]))
	}
}

// Pruned returns the parser with its small weights dropped.
func (p *Parser) Pruned(min float32) *Parser {
	return newParser(p.model.(*perceptron.Model).Pruned(min), Tables{Labels: p.labels})
}

// Size reports the model's features and weights.
func (p *Parser) Size() (features, weights int) {
	m := p.model.(*perceptron.Model)
	return m.Features(), m.Weights()
}
