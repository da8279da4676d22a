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

	"github.com/dyad-org/dyad/nlp"
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

// RepairFinite retags as a present-tense verb a plural noun that training
// also saw as one, where the sentence needs it: a sentence left without a
// finite verb, at the first such noun right after a noun ("The EU calls on
// Israel to end ...": news leads and headlines with a bare name as subject,
// rare in the treebank), a plural present tense read as a noun after a
// plural noun ("Haitian gangs shoot civilians"), or a second present tense coordinated with a
// first, right after "and" and before a preposition ("Qatar has the same
// views as Iran and calls for a role of the OIC"). Or it retags as a past
// tense a participle right after a noun and before the start of a noun
// phrase, in a main clause left without a finite verb ("Israeli forces
// confiscated weapons", "a journalist contradicted claims that he was
// held", read as "forces [that were] confiscated"). Before all that, a
// regular past form between a noun and "by" becomes a participle ("the
// attack condemned by Israeli officials"), and a participle opening a
// clause after a comma that was read as an adjective or a noun becomes the
// participle (", expressing confidence that", "of exchanging views"). It rewrites at most one
// word's class for each of these repairs and reports whether it did any.
func (t *Tagger) RepairFinite(forms []string, classes []int) bool {
	if len(forms) < 3 || t.vbz < 0 || t.vbd < 0 || t.vbn < 0 || t.vbg < 0 || t.vbp < 0 {
		return false
	}
	passive := t.reducedPassive(forms, classes)
	passive = t.participleClause(forms, classes) || passive
	if i := t.pastTense(forms, classes); i >= 0 {
		classes[i] = t.vbd
		return true
	}
	finite, vbz := false, false
	for i, c := range classes {
		switch t.xpos[c] {
		case "VBD", "VBP", "MD":
			finite = true
		case "VBZ":
			finite, vbz = true, true
		case "NNS":
			if vbz && i > 0 && i+1 < len(forms) && strings.EqualFold(forms[i-1], "and") && t.upos[classes[i+1]] == "ADP" &&
				t.seenAs(strings.ToLower(forms[i]), "VBZ") {
				classes[i] = t.vbz
				return true
			}
		}
	}
	if finite {
		return passive
	}
	for i := 1; i+1 < len(forms); i++ {
		// "Haitian gangs shoot civilians": a singular noun after a plural
		// one, before a noun phrase, seen as a verb's base form.
		if x := t.xpos[classes[i-1]]; (x == "NNS" || x == "NNPS") && t.xpos[classes[i]] == "NN" &&
			opensNounPhrase[t.xpos[classes[i+1]]] && (t.seenAs(strings.ToLower(forms[i]), "VBP") || t.seenAs(strings.ToLower(forms[i]), "VB")) {
			classes[i] = t.vbp
			return true
		}
		if u := t.upos[classes[i-1]]; (u == "NOUN" || u == "PROPN") && t.xpos[classes[i]] == "NNS" &&
			t.upos[classes[i+1]] != "PUNCT" && t.seenAs(strings.ToLower(forms[i]), "VBZ") {
			classes[i] = t.vbz
			return true
		}
	}
	return passive
}

// reducedPassive retags as a participle each regular past form right after
// a noun (or a noun and an adverb) and before "by" ("the attack strongly
// condemned by officials"), save verbs
// of motion ("the convoy passed by the camp"), and reports whether it did.
func (t *Tagger) reducedPassive(forms []string, classes []int) bool {
	done := false
	for i := 1; i+1 < len(forms); i++ {
		if t.xpos[classes[i]] != "VBD" || !strings.EqualFold(forms[i+1], "by") {
			continue // tests that need no lower-case copy first: this runs on every word
		}
		if lower := strings.ToLower(forms[i]); !strings.HasSuffix(lower, "ed") || motionPast[lower] {
			continue
		}
		j := i - 1
		if t.upos[classes[j]] == "ADV" && j > 0 { // "the attack strongly condemned by"
			j--
		}
		if u := t.upos[classes[j]]; u == "NOUN" || u == "PROPN" {
			classes[i], done = t.vbn, true
		}
	}
	return done
}

// participleClause retags as a participle each "-ing" word right after a
// comma or a preposition and before the start of a noun phrase that the
// tagger read as an adjective or a noun but that training saw mostly as a
// participle, or never saw (", expressing confidence", "the necessity of
// exchanging views"), and reports whether it did.
func (t *Tagger) participleClause(forms []string, classes []int) bool {
	done := false
	for i := 1; i+1 < len(forms); i++ {
		if x := t.xpos[classes[i]]; forms[i-1] != "," && t.xpos[classes[i-1]] != "IN" || x != "JJ" && x != "NN" ||
			!opensNounPhrase[t.xpos[classes[i+1]]] {
			continue
		}
		lower := strings.ToLower(forms[i])
		if !strings.HasSuffix(lower, "ing") {
			continue
		}
		cls := t.tables.Lexicon[forms[i]]
		if len(cls) == 0 {
			cls = t.tables.LowerLexicon[lower]
		}
		if len(cls) == 0 || int(cls[0]) == t.vbg { // unseen, or mostly a participle
			classes[i], done = t.vbg, true
		}
	}
	return done
}

// motionPast are regular past forms of verbs of motion, which "by" may
// follow as a place.
var motionPast = map[string]bool{"passed": true, "stopped": true, "walked": true, "dropped": true, "stayed": true, "moved": true, "raced": true, "rolled": true}

// pastTense returns the participle that is the past-tense verb of a main
// clause without one, -1 if none: right after a noun, before the start of
// a noun phrase, a form that can be a past tense, with no
// finite verb before it (but before a speech verb: "said settlers set
// fire to"), and none after it but in a clause that a subordinator or
// relative word opens ("that he was held").
func (t *Tagger) pastTense(forms []string, classes []int) int {
	blocked := false
	for i := 1; i+1 < len(forms); i++ {
		x := t.xpos[classes[i]]
		if t.upos[classes[i]] == "VERB" && nlp.SpeechForm(strings.ToLower(forms[i])) {
			blocked = false
			continue
		}
		if finiteXPOS[x] {
			blocked = true
		}
		if blocked || x != "VBN" || !opensNounPhrase[t.xpos[classes[i+1]]] {
			continue
		}
		if u := t.upos[classes[i-1]]; u != "NOUN" && u != "PROPN" {
			continue
		}
		// A regular "-ed" form is a past tense too, and so is a participle
		// that is also the base form ("set", "hit", "put").
		if lower := strings.ToLower(forms[i]); !strings.HasSuffix(lower, "ed") && !t.seenAs(lower, "VBD") && !t.seenAs(lower, "VB") {
			continue
		}
		for j := i + 1; j < len(forms); j++ {
			if x := t.xpos[classes[j]]; t.upos[classes[j]] == "SCONJ" || x == "WDT" || x == "WP" || x == "WRB" {
				return i
			}
			if finiteXPOS[t.xpos[classes[j]]] {
				return -1
			}
		}
		return i
	}
	return -1
}

var finiteXPOS = map[string]bool{"VBD": true, "VBZ": true, "VBP": true, "MD": true}

// opensNounPhrase are the XPOS tags a direct object can start with.
var opensNounPhrase = map[string]bool{"DT": true, "PRP$": true, "CD": true, "NN": true, "NNS": true, "NNP": true, "NNPS": true, "JJ": true, "PRP": true}

// seenAs reports whether training saw the lower-case form with the XPOS.
func (t *Tagger) seenAs(lower, xpos string) bool {
	for _, c := range t.tables.LowerLexicon[lower] {
		if t.xpos[c] == xpos {
			return true
		}
	}
	return false
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
