// Package tagger assigns UPOS and XPOS tags with two greedy averaged
// perceptrons. Each class is a UPOS+XPOS pair, so the two tag sets always
// agree. The first pass runs right to left; the second runs left to right and
// sees, besides its own tags to the left, the first pass's tags to the right.
// Both see each word's ambiguity class (its set of training tags). Words seen
// often enough with a single tag in training skip the models.
package tagger

import (
	"sort"
	"strings"
	"sync"

	"github.com/dyad-org/dyad/nlp/perceptron"
	"github.com/dyad-org/dyad/nlp/wordfeat"
)

// Tables are the tagger's non-weight data, stored in the model's header.
type Tables struct {
	Classes []string            `json:"classes"` // "UPOS XPOS"
	Lexicon map[string][]uint16 `json:"lexicon"` // form → its training classes, most frequent first
	Sure    map[string]uint16   `json:"sure"`    // form → its only class, for frequent unambiguous forms
	// LowerLexicon is Lexicon over lowercased forms, for words seen only in another case.
	LowerLexicon map[string][]uint16 `json:"lower_lexicon"`
}

// Tagger is a loaded tagger; safe for concurrent use.
type Tagger struct {
	first      perceptron.Scorer
	second     perceptron.Scorer
	upos, xpos []string
	amb        map[string]uint64
	ambLower   map[uint64]uint64 // keyed by wordfeat's lowercase hash
	sure       map[string]uint16
	vbz        int // the class "VERB VBZ", -1 if none
	vbd        int // the class "VERB VBD", -1 if none
	vbn        int // the class "VERB VBN", -1 if none
	vbg        int // the class "VERB VBG", -1 if none
	vbp        int // the class "VERB VBP", -1 if none
	tables     Tables
	pool       sync.Pool
}

// workspace holds one sentence's buffers, reused through the pool.
type workspace struct {
	words  []wordfeat.Word
	amb    []uint64
	lower  []uint64 // ambiguity class of the lowercase form
	tags   []int
	ahead  []int // the first pass's tags, seen by the second pass
	feats  []uint64
	scores []float32
}

func newTagger(first, second perceptron.Scorer, t Tables) *Tagger {
	tg := &Tagger{first: first, second: second, tables: t, sure: t.Sure, amb: make(map[string]uint64, len(t.Lexicon)), vbz: -1, vbd: -1, vbn: -1, vbg: -1, vbp: -1}
	for i, c := range t.Classes {
		switch c {
		case "VERB VBZ":
			tg.vbz = i
		case "VERB VBD":
			tg.vbd = i
		case "VERB VBN":
			tg.vbn = i
		case "VERB VBG":
			tg.vbg = i
		case "VERB VBP":
			tg.vbp = i
		}
		u, x, _ := strings.Cut(c, " ")
		tg.upos = append(tg.upos, u)
		tg.xpos = append(tg.xpos, x)
	}
	for form, cls := range t.Lexicon {
		tg.amb[form] = classSetHash(cls)
	}
	tg.ambLower = make(map[uint64]uint64, len(t.LowerLexicon))
	for form, cls := range t.LowerLexicon {
		tg.ambLower[wordfeat.LowerHash(form)] = classSetHash(cls)
	}
	tg.pool.New = func() any { return &workspace{scores: make([]float32, len(t.Classes))} }
	return tg
}

// classSetHash hashes a set of classes whatever their order.
func classSetHash(cls []uint16) uint64 {
	sorted := append([]uint16(nil), cls...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	h := uint64(0x51ed27)
	for _, c := range sorted {
		h = perceptron.F2(tAmbPart, h, uint64(c))
	}
	return h
}

// Classes returns the number of tag classes.
func (t *Tagger) Classes() int { return len(t.upos) }

// Tags returns the UPOS and XPOS of class c.
func (t *Tagger) Tags(c int) (upos, xpos string) { return t.upos[c], t.xpos[c] }

// TagForms tags a sentence given as word forms, writing class numbers to out.
func (t *Tagger) TagForms(forms []string, out []int) {
	ws := t.pool.Get().(*workspace)
	t.tag(ws, forms, out)
	t.pool.Put(ws)
}

func (t *Tagger) tag(ws *workspace, forms []string, out []int) {
	ws.prepare(t, forms)
	ahead := ws.ahead[:len(forms)]
	t.pass(ws, forms, t.first, nil, ahead)
	t.pass(ws, forms, t.second, ahead, out)
}

// pass tags forms with model m into out: the first pass (ahead == nil) right
// to left, the second left to right with the first pass's tags in ahead.
func (t *Tagger) pass(ws *workspace, forms []string, m perceptron.Scorer, ahead, out []int) {
	for k := range forms {
		i := position(k, len(forms), ahead == nil)
		if c, ok := t.sure[forms[i]]; ok {
			out[i] = int(c)
			continue
		}
		ws.feats = features(ws.feats[:0], ws, out, ahead, i)
		out[i] = best(m, ws)
	}
}

// position is the k-th word a pass visits.
func position(k, n int, rightToLeft bool) int {
	if rightToLeft {
		return n - 1 - k
	}
	return k
}

func best(m perceptron.Scorer, ws *workspace) int {
	s := ws.scores
	for i := range s {
		s[i] = 0
	}
	m.Score(ws.feats, s)
	best := 0
	for c := 1; c < len(s); c++ {
		if s[c] > s[best] {
			best = c
		}
	}
	return best
}

func (ws *workspace) prepare(t *Tagger, forms []string) {
	n := len(forms)
	if cap(ws.words) < n {
		ws.words = make([]wordfeat.Word, n)
		ws.amb = make([]uint64, n)
		ws.lower = make([]uint64, n)
		ws.ahead = make([]int, n)
		ws.tags = make([]int, n)
	}
	ws.words, ws.amb, ws.lower = ws.words[:n], ws.amb[:n], ws.lower[:n]
	for i, f := range forms {
		wordfeat.Compute(&ws.words[i], f)
		ws.amb[i] = t.amb[f] // 0 for unknown words is a value of its own
		ws.lower[i] = t.ambLower[ws.words[i].Lower]
	}
}

// CommonWord reports whether a lower-case form is a word the tagger saw in
// lower case in training, mostly as something else than a proper noun, or
// an inflection of one ("urges" of "urge"; not "iran").
func (t *Tagger) CommonWord(lower string) bool {
	if t.common(lower) {
		return true
	}
	for _, suffix := range []string{"s", "es", "ed", "d", "ing"} {
		if stem, ok := strings.CutSuffix(lower, suffix); ok && len(stem) > 2 && t.common(stem) {
			return true
		}
	}
	return false
}

func (t *Tagger) common(lower string) bool {
	cls, ok := t.tables.Lexicon[lower]
	return ok && t.upos[cls[0]] != "PROPN"
}

// ClassName returns class c as the parser sees it: "UPOS XPOS".
func (t *Tagger) ClassName(c int) string { return t.tables.Classes[c] }
