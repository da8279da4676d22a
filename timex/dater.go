package timex

import (
	"slices"
	"time"

	"github.com/dyad-org/dyad/nlp"
)

// How says where an event's date came from.
type How uint8

const (
	// NoDate: the event's own time is vague ("has been under attack in
	// recent days"), so it has no day.
	NoDate How = iota
	// Own: an expression in the event's sentence that dates its predicate
	// ("X on Saturday urged ...").
	Own
	// Carried: the time of the nearest sentence before that has one, as
	// annotators carry a passage's time to its other events (the lead's "on
	// Saturday" dates all of the spokesman's remarks).
	Carried
	// Ahead: the time of the first sentence after that has one, for a
	// headline and lead before any ("Rouhani has urged ..." dated by the
	// next sentence's "on Thursday").
	Ahead
	// Published: the publication date, when no other sentence has a time
	// that carries: news reports the day's events.
	Published
)

// Dater dates the events of one document. It is read-only once made.
type Dater struct {
	doc       *nlp.Doc
	exprs     []Expr
	published time.Time
	// first[s] is the index in exprs of sentence s's first expression.
	first []int
	// before[s] and after[s] index the time of the nearest sentence before
	// and after s that has one (see sentenceTime), or are -1.
	before, after []int
}

// NewDater finds the expressions of doc for dating its events against the
// publication date.
func NewDater(doc *nlp.Doc, published time.Time) *Dater {
	n := len(doc.Sentences)
	d := &Dater{doc: doc, exprs: Find(doc), published: published,
		first: make([]int, n+1), before: make([]int, n), after: make([]int, n)}
	k := 0
	for s := range d.first {
		for k < len(d.exprs) && d.exprs[k].Sentence < s {
			k++
		}
		d.first[s] = k
	}
	times := make([]int, n)
	for s := range times {
		times[s] = d.sentenceTime(s)
	}
	last := -1
	for s := range n {
		d.before[s] = last
		if times[s] >= 0 {
			last = times[s]
		}
	}
	last = -1
	for s := n - 1; s >= 0; s-- {
		d.after[s] = last
		if times[s] >= 0 {
			last = times[s]
		}
	}
	return d
}

// Exprs returns the document's expressions in text order.
func (d *Dater) Exprs() []Expr { return d.exprs }

// EventDate dates the event whose predicate is token trigger of sentence
// (-1 if unknown: the sentence's root stands in); future is its tense (an expression whose own
// governor is future, "would be held on Saturday", is future too). The
// rules, in order: an expression of the sentence that dates the predicate
// (the sentence's other expressions date other predicates: "condemned the
// attack perpetrated on 14 December"); else the time of the nearest
// sentence before that has one; else of the first after; else the
// publication date.
func (d *Dater) EventDate(sentence, trigger int, future bool) (day time.Time, how How) {
	if sentence < 0 || sentence >= len(d.doc.Sentences) {
		return time.Time{}, NoDate
	}
	if e, ok := d.own(sentence, trigger); ok {
		day, ok = e.Date(d.published, future || d.future(e))
		if !ok {
			return time.Time{}, NoDate
		}
		return day, Own
	}
	// carried times are never future (see sentenceTime)
	if k := d.before[sentence]; k >= 0 {
		day, _ = d.exprs[k].Date(d.published, false)
		return day, Carried
	}
	if k := d.after[sentence]; k >= 0 {
		day, _ = d.exprs[k].Date(d.published, false)
		return day, Ahead
	}
	pub := d.published
	return time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, pub.Location()), Published
}

func (d *Dater) sentenceExprs(s int) []Expr { return d.exprs[d.first[s]:d.first[s+1]] }

func (d *Dater) future(e Expr) bool { return Future(&d.doc.Sentences[e.Sentence], e.Governor) }

// own returns the sentence's expression that dates the trigger (the root
// if it is unknown), the nearest of those that do (the parse may attach
// several to it); a day rather than a Period, which counts only when it is
// in the trigger's own clause ("has been under attack in recent days", not
// "stressing that the attacks in recent days are an escalation").
func (d *Dater) own(sentence, trigger int) (Expr, bool) {
	exprs := d.sentenceExprs(sentence)
	toks := d.doc.Sentences[sentence].Tokens
	if trigger < 0 || trigger >= len(toks) {
		trigger = root(toks)
	}
	best, vague := -1, -1
	for i, e := range exprs {
		switch {
		case e.Kind == Period:
			if clauseOf(toks, e.Governor) == clauseOf(toks, trigger) {
				vague = i
			}
		case datesPredicate(toks, e.Governor, trigger) &&
			(best < 0 || distance(trigger, e.First, e.Last) < distance(trigger, exprs[best].First, exprs[best].Last)):
			best = i
		}
	}
	if best < 0 {
		best = vague
	}
	if best < 0 {
		return Expr{}, false
	}
	return exprs[best], true
}

// root returns the index of the sentence's root token, or -1.
func root(toks []nlp.Token) int {
	for j := range toks {
		if toks[j].Head < 0 {
			return j
		}
	}
	return -1
}

// sentenceTime returns the index of the sentence's first expression that
// carries to other sentences, or -1: one that names a past or present day
// and dates the sentence's main predicate. Possessives ("its today's
// meeting"), future times ("would be held on Saturday") and times of an
// argument ("condemned the attack perpetrated on 14 December") date
// something else than the passage. The first is taken because later ones
// tend to be details ("met Monday on the eve of his speech Tuesday").
func (d *Dater) sentenceTime(s int) int {
	toks := d.doc.Sentences[s].Tokens
	r := root(toks)
	for i, e := range d.sentenceExprs(s) {
		possessive := e.Last+1 < len(toks) && toks[e.Last+1].XPOS == "POS"
		if e.Kind != Period && !possessive && !d.future(e) && (r < 0 || datesPredicate(toks, e.Governor, r)) {
			return d.first[s] + i
		}
	}
	return -1
}

// datesPredicate says whether an expression with governor gov dates the
// predicate pred: climbing from the governor, it reaches pred or a head of
// pred, and if the climb leaves a clause of its own ("released on
// Thursday"), the noun that clause is on is a vehicle of statements (see
// words.txt): "in a message released on Thursday, X condemned" dates
// "condemned", "condemned the attack perpetrated on 14 December" does not.
// An expression with no governor dates the whole sentence.
func datesPredicate(toks []nlp.Token, gov, pred int) bool {
	if gov < 0 {
		return true
	}
	var chain [maxDepth]int // pred and its heads
	n := 0
	for j := pred; j >= 0 && j < len(toks) && n < maxDepth; j = toks[j].Head {
		chain[n], n = j, n+1
	}
	crossed := false
	for j, steps := gov, 0; j >= 0 && j < len(toks) && steps < maxDepth; steps++ {
		if slices.Contains(chain[:n], j) {
			return true
		}
		t := &toks[j]
		switch {
		case isPredicate(t):
			crossed = true
		case crossed && isNominal(t) && lookup(t.Lemma).cls != clsVehicle:
			return false
		}
		j = t.Head
	}
	return false
}

// maxDepth bounds the climbs through the parse, which keeps them cheap
// when heads form a cycle; real parses are far shallower.
const maxDepth = 64

func isNominal(t *nlp.Token) bool { return t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON" }

// clauseOf returns the predicate of the clause token j belongs to: j, or
// the first predicate above a nominal; -1 for none.
func clauseOf(toks []nlp.Token, j int) int {
	for range maxClimb {
		if j < 0 || j >= len(toks) || isPredicate(&toks[j]) {
			break
		}
		j = toks[j].Head
	}
	if j >= len(toks) {
		return -1
	}
	return j
}
