// Package parser is dyad's dependency parser: a greedy arc-eager transition
// parser (Nivre 2003) scored by an averaged perceptron over the rich feature
// set of Zhang and Nivre (2011), trained with a dynamic oracle and exploration
// (Goldberg and Nivre 2012) so that it learns to recover from its own
// mistakes. It produces UD relations and runs in linear time.
package parser

import (
	"slices"
	"strings"
	"sync"

	"github.com/dyad-org/dyad/nlp"
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
	nounConjuncts(tags, heads, rels)
	gerundObjects(tags, heads, rels)
}

// gerundObjects repairs a gerund after a preposition that the transitions
// made an adjective of the noun after it ("the necessity of exchanging
// views", "exchanging" an amod of "views"): the gerund takes the noun's
// place, as a clause on what the noun hung on, with the noun as its object
// and the preposition as its marker.
func gerundObjects(tags []string, heads []int, rels []string) {
	for g := range heads {
		n := heads[g]
		if rels[g] != "amod" || n <= g || !strings.HasSuffix(tags[g], " VBG") || !isNoun(tags[n]) || heads[n] < 0 {
			continue
		}
		c := -1
		for i := 0; i < g; i++ {
			if heads[i] == n && rels[i] == "case" {
				c = i
			}
		}
		if c < 0 || c != g-1 && (c != g-2 || heads[g-1] != n) {
			continue // the preposition must come right before the gerund (or a determiner between)
		}
		rel := "acl"
		if isVerb(tags[heads[n]]) {
			rel = "advcl"
		}
		heads[g], rels[g] = heads[n], rel
		heads[n], rels[n] = g, "obj"
		heads[c], rels[c] = g, "mark"
	}
}

// nounConjuncts repairs a list of nouns whose later items the transitions
// hung on the verb ("called on all Muslims, Islamic governments, as well
// as the regional organizations", "governments" and "organizations" on
// "called", or on the verb "called" is coordinated with): a noun on a
// verb as a conjunct or an unmarked oblique, after a comma or a
// conjunction, becomes a conjunct of the noun argument before it, when no
// other verb comes between them. Earlier items of a list are joined first,
// so each later one finds the list's first argument.
func nounConjuncts(tags []string, heads []int, rels []string) {
	for y := range heads {
		h := heads[y]
		if h < 0 || h > y || !isVerb(tags[h]) || !isNoun(tags[y]) || rels[y] != "conj" && rels[y] != "obl:unmarked" {
			continue
		}
		// "decried ... and called on X, Y": the list may be the argument
		// of a verb coordinated with h.
		ofH := func(v int) bool { return v == h || v >= 0 && heads[v] == h && rels[v] == "conj" && isVerb(tags[v]) }
		x, joined := -1, false
	scan:
		for i := y - 1; i > h; i-- {
			switch {
			case isNoun(tags[i]) && (rels[i] == "obj" || rels[i] == "obl") && ofH(heads[i]):
				x = i
				break scan
			case isVerb(tags[i]) && !ofH(i):
				break scan
			case isPunct(tags[i]) || rels[i] == "cc":
				joined = true
			}
		}
		if x >= 0 && joined {
			heads[y], rels[y] = x, "conj"
		}
	}
}

func isNoun(tag string) bool { u := uposOf(tag); return u == "NOUN" || u == "PROPN" }

// subjectRoot repairs a parse that made a clause's subject its root and
// the predicate after it a dependent ("Six soldiers and ten civilians were
// wounded in ...", root "soldiers" and "wounded" its ccomp): the predicate,
// with a copula or an auxiliary and no subject of its own, becomes the root
// and the noun its subject; the noun's dependents after the predicate move
// to it.
func subjectRoot(tags []string, heads []int, rels []string) {
	root := slices.Index(heads, -1)
	if root < 0 || uposOf(tags[root]) != "NOUN" && uposOf(tags[root]) != "PROPN" {
		return
	}
	pred := -1
	for i := root + 1; i < len(heads) && pred < 0; i++ {
		if heads[i] != root {
			continue
		}
		switch rels[i] {
		case "ccomp", "parataxis", "dep", "acl":
			if u := uposOf(tags[i]); u == "VERB" || u == "ADJ" {
				pred = i
			}
		}
	}
	if pred < 0 {
		return
	}
	subj := ""
	for i := range heads {
		if heads[i] != pred {
			continue
		}
		switch rels[i] {
		case "nsubj", "nsubj:pass", "csubj", "expl":
			return
		case "cop", "aux":
			if i < pred && subj == "" {
				subj = "nsubj"
			}
		case "aux:pass":
			if i < pred {
				subj = "nsubj:pass"
			}
		}
	}
	if subj == "" {
		return
	}
	for i := pred + 1; i < len(heads); i++ {
		if heads[i] == root {
			heads[i] = pred
		}
	}
	heads[pred], rels[pred] = -1, "root"
	heads[root], rels[root] = pred, subj
}

// parseFront parses a sentence that may open with an adverbial phrase.
func (p *Parser) parseFront(forms, tags []string, heads []int, rels []string) {
	k := frontEnd(forms, tags)
	if k < 0 {
		p.parse(forms, tags, heads, rels)
		return
	}
	p.parse(forms[:k], tags[:k], heads[:k], rels[:k])
	p.parseFront(forms[k+1:], tags[k+1:], heads[k+1:], rels[k+1:]) // it may open with a phrase too
	front, main := -1, -1
	for i := range forms {
		switch {
		case i == k:
		case heads[i] < 0 && i < k:
			front = i
		case heads[i] < 0:
			main = i
		case i > k:
			heads[i] += k + 1
		}
	}
	front = rootContent(front, k, tags, heads, rels)
	heads[front], rels[front] = main, "obl"
	if isVerb(tags[front]) {
		rels[front] = "advcl"
	}
	heads[k], rels[k] = front, "punct"
}

// parseReport parses a sentence whose reporting clause starts after the
// comma at k: the clause before it, then the reporting clause, whose verb
// must come out as its root (else it reports false, having written
// nothing final), hung on the first one's root.
func (p *Parser) parseReport(forms, tags []string, heads []int, rels []string, k int) bool {
	tail := k + 1
	p.parse(forms[tail:], tags[tail:], heads[tail:], rels[tail:])
	verb := -1
	for i := tail; i < len(forms); i++ {
		if heads[i] < 0 {
			verb = i
		}
	}
	if verb < 0 || !nlp.SpeechForm(strings.ToLower(forms[verb])) {
		return false
	}
	p.parseFront(forms[:k], tags[:k], heads[:k], rels[:k])
	main := -1
	for i := range forms {
		switch {
		case i < k && heads[i] < 0:
			main = i
		case i > k && i != verb:
			heads[i] += tail
		}
	}
	heads[verb], rels[verb] = main, "parataxis"
	heads[k], rels[k] = verb, "punct"
	return true
}

// reportStart returns the index of the comma before a sentence's closing
// reporting clause, -1 if it has none: after the comma come a short noun
// phrase and a speech verb, or the verb and then the phrase, then at most
// a few words of time ("on Monday") and the final punctuation; the clause
// before it has a verb and at least four words.
func reportStart(forms, tags []string) int {
	const maxTail = 12
	n := len(forms)
	if n < 8 || !isPunct(tags[n-1]) {
		return -1
	}
	k := -1
	for i := n - 2; i > 0 && i >= n-1-maxTail; i-- {
		if forms[i] == "," {
			k = i
			break
		}
		if isPunct(tags[i]) {
			return -1 // a quotation mark or a dash: left to the model
		}
	}
	if k < 4 {
		return -1
	}
	verbs, nouns := 0, 0
	for i := k + 1; i < n-1; i++ {
		switch uposOf(tags[i]) {
		case "VERB", "AUX":
			if !nlp.SpeechForm(strings.ToLower(forms[i])) {
				return -1
			}
			verbs++
		case "NOUN", "PROPN", "PRON":
			nouns++
		case "SCONJ", "CCONJ", "PUNCT":
			return -1
		}
	}
	if verbs != 1 || nouns == 0 {
		return -1
	}
	for _, t := range tags[:k] {
		if isVerb(t) {
			return k
		}
	}
	return -1
}

// rootContent makes a phrase parsed on its own (words 0..n-1) headed by a
// content word: where the parse made its opening preposition or
// subordinator the root ("After the talks in Vienna"), the word that one
// introduces takes its place and its dependents, and the function word
// becomes its case or mark. It returns the phrase's root.
func rootContent(root, n int, tags []string, heads []int, rels []string) int {
	if !isOpener(tags[root]) {
		return root
	}
	content := -1
	for i := root + 1; i < n && content < 0; i++ {
		if heads[i] == root && !isPunct(tags[i]) {
			content = i
		}
	}
	if content < 0 {
		return root
	}
	for i := range n {
		if heads[i] == root && i != content {
			heads[i] = content
		}
	}
	heads[content], rels[content] = -1, "root"
	heads[root], rels[root] = content, "case"
	if uposOf(tags[root]) == "SCONJ" {
		rels[root] = "mark"
	}
	return content
}

// frontEnd returns the index of the comma that ends a sentence's opening
// adverbial phrase, -1 if it has none: the sentence opens with a
// preposition or a subordinator, the comma comes within a few words, and a
// clause with a verb of at least four words follows it.
func frontEnd(forms, tags []string) int {
	const maxFront = 15
	if len(tags) < 7 || !isOpener(tags[0]) {
		return -1
	}
	if w := forms[1]; strings.EqualFold(w, "least") || strings.EqualFold(w, "most") {
		return -1 // "At least 19 people, including ...": a number, not a phrase
	}
	k := 1
	for ; k < len(forms) && k <= maxFront && !isPunct(tags[k]); k++ {
	}
	if k < 2 || k > maxFront || k >= len(forms) || forms[k] != "," || len(forms)-k-1 < 4 {
		return -1
	}
	for _, t := range tags[k+1:] {
		if isVerb(t) {
			return k
		}
	}
	return -1
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
