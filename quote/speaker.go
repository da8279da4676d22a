package quote

import "github.com/dyad-org/dyad/nlp"

const (
	// maxRaise bounds how far a subjectless cue ("saying", "adding") is
	// followed up to the verb whose subject it shares.
	maxRaise = 3
	// maxMerge bounds how many split-off subject phrases are joined.
	maxMerge = 4
)

// speakerSpan returns the noun phrase of the cue's speaker, or nil. Where
// the parse gives none, a cue after the quote takes the words beside it,
// and any cue the name just before it.
func (c cue) speakerSpan(d stream, r rawSpan) *Span {
	s := d.Sentences[c.s]
	ts := s.Tokens
	lo, hi := r.rangeIn(d, c.s)
	out := func(i int) bool { return lo <= i && i <= hi || c.first <= i && i <= c.last } // the quote and the cue
	h, verb := speakerHead(ts, c, out)
	if h < 0 || !nominal(&ts[h]) {
		h, verb = -1, -1
	}
	var first, last int
	if h < 0 && c.after {
		h, first, last = speakerBeside(s, c)
	} else {
		if h < 0 {
			h = nameBefore(s, c.first, out)
		}
		if h >= 0 {
			first, last = nounPhrase(ts, h, out)
		}
	}
	if h < 0 {
		return nil
	}
	if verb >= 0 {
		first, last = withNamedSubjects(s, verb, first, last, out)
	}
	return &Span{Sentence: c.s, First: first, Last: last, Head: h, Start: ts[first].Start, End: ts[last].End}
}

// speakerHead finds the head token of the speaker through the parse: the
// object of "according to", the cue's subject, the subject of the verb a
// participle or conjunct cue hangs from ("X condemned …, saying"), the noun
// a cue modifies ("a statement saying"), the noun after an inverted cue
// (“…,” said X), or the subject of a clause the parse hung before the cue.
// verb is the verb whose subject the head is, or -1.
func speakerHead(ts []nlp.Token, c cue, out func(int) bool) (head, verb int) {
	if c.source {
		if h := ts[c.first].Head; h > c.last && !out(h) && nominal(&ts[h]) {
			return h, -1
		}
		return nounAfter(ts, c.last, out), -1
	}
	v := c.first
	for n := 0; n < maxRaise; n++ {
		if j := subject(ts, v, out); j >= 0 {
			if isRelative(&ts[j]) && ts[v].Rel == "acl:relcl" && ts[v].Head >= 0 && !out(ts[v].Head) {
				return ts[v].Head, -1 // X, who …, said
			}
			if isRelative(&ts[j]) && j >= 2 && ts[j-1].Text == "," && nominal(&ts[j-2]) && !out(j-2) {
				return j - 2, -1 // the same, misparsed: "who" is no speaker
			}
			return j, v
		}
		h, rel := ts[v].Head, ts[v].Rel
		if h < 0 || out(h) {
			break
		}
		switch {
		case rel == "acl" && adjacent(ts, h, v, out):
			return h, -1
		case rel == "acl" && ts[h].Head >= 0 && !out(ts[h].Head):
			v = ts[h].Head // X dismissed the draft as “…,” adding
			continue
		case rel == "advcl" || rel == "xcomp" || rel == "conj":
			v = h
			continue
		}
		break
	}
	if inverted(ts, c.first, out) {
		return nounAfter(ts, c.last, out), -1
	}
	return leftClauseSubject(ts, c.first, out)
}

// subject returns the nominal subject of verb v outside the quote, or -1.
// When the parse gives several (a stray "yesterday" among them), the one
// with most dependents wins, then the one nearest v.
func subject(ts []nlp.Token, v int, out func(int) bool) int {
	best, bestDeps := -1, 0
	lo, hi := around(ts, v, v)
	for j := lo; j <= hi; j++ {
		if ts[j].Head != v || !isSubject(ts[j].Rel) || out(j) {
			continue
		}
		deps := dependents(ts, j)
		if best < 0 || deps > bestDeps || deps == bestDeps && abs(j-v) < abs(best-v) {
			best, bestDeps = j, deps
		}
	}
	return best
}

func isSubject(rel string) bool { return rel == "nsubj" || rel == "nsubj:pass" || rel == "nsubj:outer" }

// dependents counts the direct dependents of token j.
func dependents(ts []nlp.Token, j int) int {
	n := 0
	lo, hi := around(ts, j, j)
	for k := lo; k <= hi; k++ {
		if ts[k].Head == j {
			n++
		}
	}
	return n
}

// adjacent reports whether only the noun's own phrase and punctuation stand
// between noun h and the cue v that modifies it ("a statement saying").
func adjacent(ts []nlp.Token, h, v int, out func(int) bool) bool {
	_, last := nounPhrase(ts, h, out)
	if last >= v || v-last > window {
		return false
	}
	for j := last + 1; j < v; j++ {
		if ts[j].UPOS != "PUNCT" || out(j) {
			return false
		}
	}
	return true
}

// inverted reports a cue right after the quote, so that the speaker follows
// it: “…,” said the minister.
func inverted(ts []nlp.Token, v int, out func(int) bool) bool {
	for i := v - 1; i >= max(0, v-window); i-- {
		switch {
		case out(i):
			return true
		case ts[i].UPOS != "PUNCT":
			return false
		}
	}
	return false
}

// nounAfter returns the head of the first noun phrase after token i, before
// the clause ends, or -1.
func nounAfter(ts []nlp.Token, i int, out func(int) bool) int {
	for j := i + 1; j < min(len(ts), i+window) && !out(j); j++ {
		switch ts[j].UPOS {
		case "NOUN", "PROPN", "PRON":
			return phraseHead(ts, j)
		case "PUNCT", "VERB", "SCONJ":
			return -1
		}
	}
	return -1
}

// phraseHead climbs from a word of a noun phrase to the phrase's head,
// within the phrase's own words (not over prepositional modifiers or
// conjuncts).
func phraseHead(ts []nlp.Token, j int) int {
	for n := 0; n < maxDepth; n++ {
		h, rel := ts[j].Head, ts[j].Rel
		if h < 0 || !inPhrase(rel) || rel == "nmod" || rel == "conj" || !nominal(&ts[h]) {
			break
		}
		j = h
	}
	return j
}

// leftClauseSubject returns the subject of a clause the parse hung before
// the cue: in "X, speaking after prayers, said" X may be made the subject
// of "speaking". It returns the subject and its verb, or -1, -1.
func leftClauseSubject(ts []nlp.Token, v int, out func(int) bool) (head, verb int) {
	for j := v - 1; j >= max(0, v-window); j-- {
		if ts[j].Head != v || out(j) {
			continue
		}
		switch ts[j].Rel {
		case "advcl", "ccomp", "xcomp", "parataxis":
			if s := subject(ts, j, out); s >= 0 && s < j {
				return s, j
			}
		}
	}
	return -1, -1
}

// nameBefore returns the head of the person or organisation named last
// before the cue in its clause ("TEHRAN – Iran's spokesman Esmaeil Baghaei
// on Monday rejected", where the dateline derails the parse), or -1.
func nameBefore(s nlp.Sentence, v int, out func(int) bool) int {
	ts := s.Tokens
	for j := v - 1; j >= max(0, v-window) && !out(j); j-- {
		if t := &ts[j]; t.UPOS == "VERB" || t.UPOS == "AUX" || t.UPOS == "SCONJ" || t.Text == ";" || t.Text == ":" {
			return -1
		}
		if e, ok := entityAt(s, j); ok && e.Type != "LOC" {
			return entityHead(ts, e)
		}
	}
	return -1
}

// withNamedSubjects joins to the subject phrase first..last the verb's other
// subjects that touch it and hold a name: a parse that splits a title from
// its name ("The Chief of Staff … | Mohammad | Hossein Baqeri condemned")
// gives the verb several subjects.
func withNamedSubjects(s nlp.Sentence, verb, first, last int, out func(int) bool) (int, int) {
	ts := s.Tokens
	lo, hi := around(ts, verb, verb)
	for n, grown := 0, true; grown && n < maxMerge; n++ {
		grown = false
		for j := lo; j <= hi; j++ {
			if ts[j].Head != verb || !isSubject(ts[j].Rel) || out(j) || first <= j && j <= last {
				continue
			}
			f, l := nounPhrase(ts, j, out)
			if (l+1 == first || f == last+1) && hasEntity(s, f, l) {
				first, last, grown = min(first, f), max(last, l), true
			}
		}
	}
	return first, last
}

// speakerBeside finds the speaker of a cue that follows a quote where the
// parse gives none: the words between the closing mark and the cue (“…,”
// the secretary of defense said), or those after the cue when none stand
// between (“…,” said X). It returns the head and span, or -1.
func speakerBeside(s nlp.Sentence, c cue) (head, first, last int) {
	ts := s.Tokens
	a, b := trim(ts, c.mark+1, c.first-1)
	if a > b {
		a, b = trim(ts, c.last+1, clauseEnd(ts, c.last+1))
	}
	if a > b {
		return -1, 0, 0
	}
	if h := soleHead(ts, a, b); h >= 0 {
		first, last = nounPhrase(ts, h, func(k int) bool { return k < a || k > b })
		return h, first, last
	}
	// The words do not form one phrase in the parse ("the general" parsed
	// as a modifier of "said"): take them all, headed by a name or noun.
	return guessHead(s, a, b), a, b
}

// clauseEnd returns the last token of the words after an inverted cue,
// before punctuation or a new clause.
func clauseEnd(ts []nlp.Token, i int) int {
	end := min(len(ts), i+window)
	for ; i < end; i++ {
		if ts[i].UPOS == "PUNCT" || ts[i].UPOS == "SCONJ" {
			break
		}
	}
	return i - 1
}

// soleHead returns the one word of a..b whose head lies outside it, when
// there is exactly one and it is a noun or pronoun, or -1.
func soleHead(ts []nlp.Token, a, b int) int {
	h := -1
	for j := a; j <= b; j++ {
		if p := ts[j].Head; p >= a && p <= b {
			continue
		}
		if h >= 0 {
			return -1
		}
		h = j
	}
	if h < 0 || !noun(&ts[h]) {
		return -1
	}
	return h
}

// guessHead picks the head of words whose parse is broken: the last named
// entity's head, else the last noun before a preposition, else the last
// nominal word.
func guessHead(s nlp.Sentence, a, b int) int {
	if e, ok := lastEntityIn(s, a, b); ok {
		return entityHead(s.Tokens, e)
	}
	h := -1
	for j := a; j <= b; j++ {
		t := &s.Tokens[j]
		if t.UPOS == "ADP" && h >= 0 && noun(&s.Tokens[h]) {
			break
		}
		if nominal(t) && (h < 0 || noun(t) || !noun(&s.Tokens[h])) {
			h = j
		}
	}
	if h < 0 {
		return b
	}
	return h
}

// maxHeadline is the longest speaker of a headline quote, in tokens.
const maxHeadline = 8

// headlineSpeaker returns the speaker of a quote attributed by a colon, as
// headlines do (Iran FM: “…”): a short noun phrase that is all the
// sentence holds before the colon. It returns nil for anything else.
func headlineSpeaker(d stream, r rawSpan) *Span {
	s := d.Sentences[r.open.s]
	ts, colon := s.Tokens, r.open.i-1
	if colon < 1 || colon > maxHeadline || ts[colon].Text != ":" {
		return nil
	}
	for j := range colon {
		if u := ts[j].UPOS; u == "VERB" || u == "AUX" || u == "PUNCT" && ts[j].Norm != "'" {
			return nil
		}
	}
	a, b := trim(ts, 0, colon-1)
	if a > b {
		return nil
	}
	h := soleHead(ts, a, b)
	if h < 0 {
		h = guessHead(s, a, b)
	}
	return &Span{Sentence: r.open.s, First: a, Last: b, Head: h, Start: ts[a].Start, End: ts[b].End}
}

// isRelative reports a relative pronoun ("who", "which", "that").
func isRelative(t *nlp.Token) bool { return t.XPOS == "WP" || t.XPOS == "WDT" }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
