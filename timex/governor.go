package timex

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dyad-org/dyad/nlp"
)

// governor climbs from the expression's core token through heads inside the
// span [first, last] to the first head outside it. When the span holds the
// sentence root (the parser sometimes makes a fronted "Last week on Monday
// night, Zarif spoke ..." the root, with the verb as parataxis), it takes
// the nearest verb attached to the span instead.
func governor(toks []nlp.Token, first, last, core int) int {
	j := core
	for range last - first + 1 { // bounded: heads may form a cycle
		h := toks[j].Head
		if h < 0 || h >= len(toks) {
			break
		}
		if h < first || h > last {
			return h
		}
		j = h
	}
	return attachedVerb(toks, first, last)
}

func attachedVerb(toks []nlp.Token, first, last int) int {
	best := -1
	for j := range toks {
		if (j < first || j > last) && first <= toks[j].Head && toks[j].Head <= last &&
			toks[j].UPOS == "VERB" && (best < 0 || distance(j, first, last) < distance(best, first, last)) {
			best = j
		}
	}
	return best
}

func distance(j, first, last int) int {
	if j < first {
		return first - j
	}
	return j - last
}

// linkGovernors gives an expression whose governor is another expression of
// the same sentence that expression's governor: in "late on Friday, early
// Sunday" the parser attaches "Sunday" to "Friday", but both date the verb.
func linkGovernors(exprs []Expr) {
	for i := range exprs {
		g := exprs[i].Governor
		for range maxClimb { // real chains are a hop or two; links may form a cycle
			o := containing(exprs, g)
			if o < 0 || o == i {
				break
			}
			g = exprs[o].Governor
		}
		if containing(exprs, g) != i { // a cycle back keeps the parse's governor
			exprs[i].Governor = g
		}
	}
}

// containing returns the index of the expression whose span holds token j,
// or -1; exprs are in token order and do not overlap.
func containing(exprs []Expr, j int) int {
	i, _ := slices.BinarySearchFunc(exprs, j, func(e Expr, j int) int { return cmp.Compare(e.Last, j) })
	if i < len(exprs) && exprs[i].First <= j {
		return i
	}
	return -1
}

// maxClimb bounds the walk from a noun governor up to its clause's verb.
const maxClimb = 4

// Future reports whether the parse puts token tok of s, a predicate or the
// governor of a time expression, in the future: it, or the predicate a noun
// belongs to ("will hold talks on Friday"), has a future auxiliary ("will",
// "shall", "would" of reported speech), or is an infinitive under "set",
// "due", "scheduled" and the like ("is set to meet on Friday"). The coder,
// which knows the tense of its predicate, may decide this itself.
func Future(s *nlp.Sentence, tok int) bool {
	toks := s.Tokens
	g := tok
	for range maxClimb {
		if g < 0 || g >= len(toks) {
			return false
		}
		if hasFutureAux(toks, g) {
			return true
		}
		t := &toks[g]
		if isPredicate(t) { // only an infinitive complement climbs on
			if t.Rel != "xcomp" {
				return false
			}
			if h := t.Head; h >= 0 && h < len(toks) && lookup(toks[h].Text).cls == clsFutureHead {
				return true
			}
		}
		g = t.Head
	}
	return false
}

func isPredicate(t *nlp.Token) bool { return t.UPOS == "VERB" || t.UPOS == "AUX" }

func hasFutureAux(toks []nlp.Token, g int) bool {
	for j := range toks {
		if toks[j].Head == g && strings.HasPrefix(toks[j].Rel, "aux") && lookup(toks[j].Text).cls == clsFuture {
			return true
		}
	}
	return false
}
