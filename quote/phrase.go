package quote

import (
	"sort"

	"github.com/dyad-org/dyad/nlp"
)

const (
	// window bounds, in tokens, how far from a quote or cue the search for
	// their parts looks, so that the work per quote does not grow with the
	// length of its sentence.
	window = 48
	// maxDepth bounds the dependency steps within one noun phrase.
	maxDepth = 16
)

// around returns the bounds of the window of ts around tokens a..b.
func around(ts []nlp.Token, a, b int) (lo, hi int) {
	return max(0, a-window), min(len(ts)-1, b+window)
}

// nounPhrase expands the head over its dependents as far as they belong to
// the mention (determiners, modifiers, names, possessors, prepositional
// modifiers, appositions, conjuncts), never over a clause or a token
// excluded (the quote's and the cue's), and returns the contiguous span
// around the head, without punctuation, conjunctions or prepositions at
// its edges.
func nounPhrase(ts []nlp.Token, h int, excluded func(int) bool) (first, last int) {
	member := func(j int) bool {
		for n := 0; n < maxDepth && !excluded(j); n++ {
			if j == h {
				return true
			}
			if !inPhrase(ts[j].Rel) || ts[j].Head < 0 {
				return false
			}
			j = ts[j].Head
		}
		return false
	}
	lo, hi := around(ts, h, h)
	first, last = h, h
	for first > lo && member(first-1) {
		first--
	}
	for last < hi && member(last+1) {
		last++
	}
	for first < h && edge(&ts[first]) {
		first++
	}
	for last > h && (edge(&ts[last]) || ts[last].UPOS == "DET") {
		last--
	}
	return first, last
}

// inPhrase lists the relations that keep a word inside a noun phrase.
func inPhrase(rel string) bool {
	switch rel {
	case "det", "det:poss", "det:predet", "amod", "nummod", "advmod",
		"compound", "flat", "flat:name", "flat:foreign", "fixed", "goeswith",
		"nmod", "nmod:poss", "nmod:desc", "nmod:unmarked", "obl:unmarked", "case",
		"appos", "cc", "cc:preconj", "conj", "punct":
		return true
	}
	return false
}

// trim narrows a..b to the words a mention can begin and end with.
func trim(ts []nlp.Token, a, b int) (int, int) {
	for a <= b && (edge(&ts[a]) || ts[a].UPOS == "ADV" || ts[a].UPOS == "AUX") {
		a++
	}
	for b >= a && (edge(&ts[b]) || ts[b].UPOS == "ADV" || ts[b].UPOS == "AUX") {
		b--
	}
	return a, b
}

// edge reports tokens a mention does not begin or end with.
func edge(t *nlp.Token) bool { return t.UPOS == "PUNCT" || t.UPOS == "CCONJ" || t.UPOS == "ADP" }

// noun reports nouns, names and pronouns.
func noun(t *nlp.Token) bool { return t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON" }

// nominal reports tokens that can head a mention of a speaker.
func nominal(t *nlp.Token) bool {
	switch t.UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "ADJ", "DET", "SYM":
		return true
	}
	return false
}

// entityAt returns the entity that covers token j. Entities are in text
// order, so a binary search finds it.
func entityAt(s nlp.Sentence, j int) (nlp.Entity, bool) {
	es := s.Entities
	k := sort.Search(len(es), func(k int) bool { return es[k].Last >= j })
	if k < len(es) && es[k].First <= j {
		return es[k], true
	}
	return nlp.Entity{}, false
}

// hasEntity reports an entity overlapping tokens a..b.
func hasEntity(s nlp.Sentence, a, b int) bool {
	es := s.Entities
	k := sort.Search(len(es), func(k int) bool { return es[k].Last >= a })
	return k < len(es) && es[k].First <= b
}

// lastEntityIn returns the last entity wholly within tokens a..b.
func lastEntityIn(s nlp.Sentence, a, b int) (nlp.Entity, bool) {
	es := s.Entities
	k := sort.Search(len(es), func(k int) bool { return es[k].First > b }) - 1
	if k >= 0 && es[k].First >= a && es[k].Last <= b {
		return es[k], true
	}
	return nlp.Entity{}, false
}

// entityHead returns the entity's word whose head lies outside it.
func entityHead(ts []nlp.Token, e nlp.Entity) int {
	for j := e.First; j <= e.Last; j++ {
		if h := ts[j].Head; h < e.First || h > e.Last {
			return j
		}
	}
	return e.Last
}
