// Package entity finds named entities (people, organisations and places): a
// structured averaged perceptron over BILOU labels, decoded with Viterbi.
// Its features are the words and POS tags around each token, their shapes,
// how a treebank usually capitalises the word, matches in a gazetteer of
// places, people and organisations, the previous label, and a few
// sentence-level cues (quotation, whether the sentence is cased at all,
// whether a word recurs with other casing). Decoding only follows valid
// transitions, so every entity is closed and of one type.
//
// Training data come in IOB2 (B-PER, I-PER, O); see ReadWikigold and
// ReadUNER, and TrainFromData for the recipe of the committed model
// (TestCrossValidate compares recipes on UNER dev).
package entity

import (
	"slices"
	"strings"
	"sync"

	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/perceptron"
	"github.com/dyad-org/dyad/nlp/wordfeat"
)

// Tables are the entity tagger's non-weight data, stored in the model's header.
type Tables struct {
	Types []string `json:"types"`
	Lexicon
}

// Lexicon is what the tagger knows of words beyond its training sentences.
type Lexicon struct {
	Names Gazetteer `json:"names,omitempty"`
	// Casing maps lowercase words to a summary of how a treebank writes
	// them (see Casing), so that "Visit" opening a sentence reads as the
	// common word it usually is.
	Casing map[string]uint8 `json:"casing,omitempty"`
}

// Tagger is a loaded entity tagger; safe for concurrent use.
type Tagger struct {
	model  perceptron.Scorer
	tables Tables
	gaz    *matcher         // nil without a gazetteer
	casing map[uint64]uint8 // Lexicon.Casing by wordfeat.LowerHash
	pool   sync.Pool
}

// workspace holds one sentence's buffers, reused through the pool.
type workspace struct {
	toks   []token
	labels []int
	feats  []uint64
	scores []float32 // one token's scores, with the trainer's extra class
	obs    []float32 // observed-feature scores, token by class
	best   []float32 // Viterbi: best score of a path ending in token, class
	back   []int8    // Viterbi: the class before it on that path
	caseOf []int     // syntax: a token's case word, by token
}

func newTagger(m perceptron.Scorer, t Tables) *Tagger {
	tg := &Tagger{model: m, tables: t}
	if len(t.Names) > 0 {
		tg.gaz = newMatcher(t.Names)
	}
	tg.casing = make(map[uint64]uint8, len(t.Casing))
	for w, c := range t.Casing {
		tg.casing[wordfeat.LowerHash(w)] = c
	}
	classes := tg.classes()
	tg.pool.New = func() any { return &workspace{scores: make([]float32, classes+1)} }
	return tg
}

// classes is the number of classes; the trainer keeps one more (sink).
func (t *Tagger) classes() int { return 1 + 4*len(t.tables.Types) }

// Tag finds the entities of one sentence given its word forms and their POS
// tags ("UPOS XPOS", as the tagger's class names are; missing tags are read
// as unknown). It appends the spans to out and returns it; Start and End are
// left 0 for the caller to fill. A model trained with Options.Syntax finds
// more given the parse too: see TagParsed.
func (t *Tagger) Tag(forms, tags []string, out []nlp.Entity) []nlp.Entity {
	return t.TagParsed(forms, tags, nil, nil, out)
}

// TagParsed is Tag for a parsed sentence: heads[i] is the index of token
// i's head (-1 for the root), rels[i] its relation.
func (t *Tagger) TagParsed(forms, tags []string, heads []int, rels []string, out []nlp.Entity) []nlp.Entity {
	if len(forms) == 0 {
		return out
	}
	ws := t.pool.Get().(*workspace)
	defer t.pool.Put(ws)
	ws.prepare(t, forms, tags)
	ws.syntax(heads, rels)
	t.decode(t.model, ws, ws.labels)
	return t.spans(ws.labels, out)
}

// start stands for the class before the first token.
const start = -1

// decode writes to out the best-scoring valid class sequence under m. It is
// exact (Viterbi) because the only features that look at labels look at the
// previous one.
func (t *Tagger) decode(m perceptron.Scorer, ws *workspace, out []int) {
	n, nc := len(ws.toks), t.classes()
	if n == 0 {
		return
	}
	if cap(ws.obs) < n*nc {
		ws.obs = make([]float32, n*nc)
		ws.best = make([]float32, n*nc)
		ws.back = make([]int8, n*nc)
	}
	obs, best, back := ws.obs[:n*nc], ws.best[:n*nc], ws.back[:n*nc]
	for i := range n {
		ws.score(m, observed(ws.feats[:0], ws.toks, i))
		copy(obs[i*nc:], ws.scores[:nc])
		row := best[i*nc : (i+1)*nc]
		for c := range row {
			row[c] = unreachable
		}
		// relax extends the best path ending in class p at token i-1.
		relax := func(p int, from float32) {
			ws.score(m, following(ws.feats[:0], ws.toks, p, i))
			for c := range nc {
				if !valid(max(p, 0), c, i == n-1) {
					continue
				}
				if v := from + ws.scores[c] + obs[i*nc+c]; v > row[c] {
					row[c], back[i*nc+c] = v, int8(p)
				}
			}
		}
		if i == 0 {
			relax(start, 0)
			continue
		}
		for p := range nc {
			if from := best[(i-1)*nc+p]; from != unreachable {
				relax(p, from)
			}
		}
	}
	c := 0
	for x := 1; x < nc; x++ {
		if best[(n-1)*nc+x] > best[(n-1)*nc+c] {
			c = x
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = c
		c = int(back[i*nc+c])
	}
}

// unreachable marks a class no valid path reaches.
const unreachable = -1e30

// score sets ws.scores to the scores of feats under m.
func (ws *workspace) score(m perceptron.Scorer, feats []uint64) {
	ws.feats = feats
	for c := range ws.scores {
		ws.scores[c] = 0
	}
	m.Score(feats, ws.scores)
}

// Classes encode BILOU labels: class 0 is O, and entity type k has
// 4k+begin, 4k+inside, 4k+last and 4k+unit (a one-token entity). Telling an
// entity's last and only tokens from the others gives the model evidence for
// where entities end, not only where they start.
const (
	begin = iota + 1
	inside
	last
	unit
)

func part(c int) int {
	if c == 0 {
		return 0
	}
	return (c-1)%4 + 1
}

func typeOf(c int) int { return (c - 1) / 4 }

// open reports whether class c leaves an entity open for the next token.
func open(c int) bool { p := part(c); return p == begin || p == inside }

// valid reports whether class c may follow class prev; final says c is the
// sentence's last token, which must close any entity.
func valid(prev, c int, final bool) bool {
	if final && open(c) {
		return false
	}
	cont := part(c) == inside || part(c) == last
	if open(prev) {
		return cont && typeOf(c) == typeOf(prev)
	}
	return !cont
}

// spans appends the entities of a valid class sequence to out.
func (t *Tagger) spans(labels []int, out []nlp.Entity) []nlp.Entity {
	for i := 0; i < len(labels); i++ {
		c := labels[i]
		if c == 0 {
			continue
		}
		j := i
		for open(labels[j]) && j+1 < len(labels) {
			j++
		}
		out = append(out, nlp.Entity{First: i, Last: j, Type: t.tables.Types[typeOf(c)]})
		i = j
	}
	return out
}

// classesOf returns the classes of a sentence's IOB2 labels.
func (t *Tagger) classesOf(labels []string) []int {
	out := make([]int, len(labels))
	for _, e := range Spans(labels, nil) {
		k := -1
		for x, typ := range t.tables.Types {
			if typ == e.Type {
				k = x
			}
		}
		if k < 0 {
			continue
		}
		if e.First == e.Last {
			out[e.First] = 4*k + unit
			continue
		}
		out[e.First] = 4*k + begin
		for i := e.First + 1; i < e.Last; i++ {
			out[i] = 4*k + inside
		}
		out[e.Last] = 4*k + last
	}
	return out
}

// prepare computes each token's hashed properties and context bits.
func (ws *workspace) prepare(t *Tagger, forms, tags []string) {
	n := len(forms)
	if cap(ws.toks) < n {
		ws.toks = make([]token, n)
		ws.labels = make([]int, n)
	}
	ws.toks, ws.labels = ws.toks[:n], ws.labels[:n]
	var sentFlags uint64
	letters := false
	quoted := false
	for i, f := range forms {
		tk := &ws.toks[i]
		tk.form = f
		wordfeat.Compute(&tk.w, f)
		tk.casing = 0
		if tk.w.Flags&wordfeat.HasDigit == 0 {
			tk.casing = uint64(t.casing[tk.w.Lower])
		}
		tk.tag, tk.upos = 0, 0
		if i < len(tags) {
			u, _, _ := strings.Cut(tags[i], " ")
			tk.tag, tk.upos = perceptron.String(tags[i]), perceptron.String(u)
		}
		tk.bits = 0
		if !letters {
			tk.bits |= first
		}
		if tk.w.Flags&(wordfeat.HasLetter|wordfeat.HasDigit) != 0 {
			letters = true
		}
		if isQuote(f) {
			quoted = !quoted
		} else if quoted {
			tk.bits |= inQuote
		}
		if tk.w.Flags&wordfeat.HasLetter != 0 {
			if tk.w.Flags&wordfeat.AllUpper == 0 {
				sentFlags |= 1 // has a lowercase letter
			}
			if tk.w.Flags&wordfeat.HasUpper != 0 {
				sentFlags |= 2
			}
		}
	}
	if t.gaz != nil {
		t.gaz.mark(ws.toks)
	}
	for i := range ws.toks {
		tk := &ws.toks[i]
		if sentFlags&1 == 0 {
			tk.bits |= allCapsSent
		}
		if sentFlags&2 == 0 {
			tk.bits |= noCapsSent
		}
		if tk.w.Flags&wordfeat.HasLetter == 0 {
			continue
		}
		for j := range ws.toks {
			o := &ws.toks[j]
			if j == i || o.w.Lower != tk.w.Lower {
				continue
			}
			if o.w.Flags&wordfeat.InitUpper != 0 && o.bits&first == 0 {
				tk.bits |= capsAgain
			} else if o.w.Flags&wordfeat.HasUpper == 0 {
				tk.bits |= lowerAgain
			}
		}
	}
}

// syntax sets the tokens' syntactic values from a parse, or clears them
// when there is none.
func (ws *workspace) syntax(heads []int, rels []string) {
	n := len(ws.toks)
	if len(heads) != n || len(rels) != n {
		for i := range ws.toks {
			tk := &ws.toks[i]
			tk.rel, tk.phrase, tk.caseWord, tk.headWord = 0, 0, 0, 0
		}
		return
	}
	// caseOf[j] is the first case or mark word hung on token j, else -1.
	ws.caseOf = slices.Grow(ws.caseOf[:0], n)[:n]
	for j := range ws.caseOf {
		ws.caseOf[j] = -1
	}
	for k := n - 1; k >= 0; k-- {
		if h := heads[k]; h >= 0 && h < n && (rels[k] == "case" || rels[k] == "mark") {
			ws.caseOf[h] = k
		}
	}
	for i := range ws.toks {
		ws.toks[i].rel = perceptron.String(rels[i])
	}
	for i := range ws.toks {
		tk := &ws.toks[i]
		j := i // the head of the name i is part of
		for steps := 0; steps < n && heads[j] >= 0 && heads[j] < n && (rels[j] == "flat" || rels[j] == "compound"); steps++ {
			j = heads[j]
		}
		tk.phrase = ws.toks[j].rel
		tk.caseWord, tk.headWord = noWord, noWord
		if h := heads[j]; h >= 0 && h < n {
			tk.headWord = ws.toks[h].w.Lower
		}
		if k := ws.caseOf[j]; k >= 0 {
			tk.caseWord = ws.toks[k].w.Lower
		}
	}
}

// noWord stands for a missing case word or head.
const noWord = 0x5a5a5a5a03

func isQuote(f string) bool {
	switch f {
	case `"`, "“", "”", "``", "''", "„":
		return true
	}
	return false
}
