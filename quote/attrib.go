package quote

import (
	"slices"
	"strings"

	"github.com/dyad-org/dyad/nlp"
)

// How far the cue search reaches, in tokens: news attribution sits right
// beside the marks ("said in a statement on Sunday:", "Iran's foreign
// minister Hossein Amir-Abdollahian said").
const (
	reachBefore = 8
	reachAfter  = 16
	maxClimb    = 6 // dependency steps from the quote up to its cue
)

// cue is the speech cue of a quote.
type cue struct {
	s, first, last int  // sentence and token range
	source         bool // the speaker is the noun phrase after it ("according to X")
	linking        bool // a linking verb ("added"): a cue only beside the quote
	evaluative     bool // a verb of judgement ("rejected"): makes no short term a quotation
	direct         bool // found beside the marks, not through the parse
	introduced     bool // before the quote, with a colon, comma or "that" between
	after          bool // found after a closing mark
	mark           int  // that mark's index in sentence s, or -1 when it ends the sentence before
	ok             bool
}

// utterance reports a speech cue that attributes the quote as a whole
// utterance: right after it (“…,” he said) or introducing it with a colon,
// comma or "that" (he said: “…”).
func (c cue) utterance() bool { return c.direct && !c.evaluative && (c.after || c.introduced) }

// span returns the cue's tokens as a Span.
func (c cue) span(d stream) *Span {
	ts := d.Sentences[c.s].Tokens
	return &Span{Sentence: c.s, First: c.first, Last: c.last, Head: c.first, Start: ts[c.first].Start, End: ts[c.last].End}
}

// cueAt returns the cue that starts at token p, if one does. A participle
// modifying a noun ("the so-called", "the occupied") is none.
func cueAt(d stream, p pos) (cue, bool) {
	ts := d.Sentences[p.s].Tokens
	if p.i > 0 && ts[p.i-1].Text == "-" && ts[p.i-1].End == ts[p.i].Start || ts[p.i].Rel == "amod" {
		return cue{}, false
	}
	if ph, n := cues.phraseAt(ts, p.i); ph != nil {
		return cue{s: p.s, first: p.i, last: p.i + n - 1, source: ph.source, ok: true}, true
	}
	if k := cues.verb(&ts[p.i]); k != notCue {
		return cue{s: p.s, first: p.i, last: p.i, linking: k == linking, evaluative: k == evaluative, ok: true}, true
	}
	return cue{}, false
}

// findCue looks for the quote's cue beside its marks, then through the
// parse of the sentences it opens and closes in, then after the next quote
// when that one follows in the same sentence (“…” and “…,” X said). next
// is the next quote's span, or nil. A verb of judgement is kept only when
// no speech cue is found ("dismissed the draft as “…,” adding").
func findCue(d stream, r rawSpan, next *rawSpan) cue {
	var found cue
	take := func(c cue, ok bool) (done bool) {
		if ok && (!found.ok || found.evaluative && !c.evaluative) {
			found = c
		}
		return found.ok && !found.evaluative
	}
	if c, ok := cueBefore(d, r.open); take(c, ok) {
		return found
	}
	if r.close != none && closesClause(d, r) {
		if c, ok := cueAfter(d, r.close, true); take(c, ok) {
			return found
		}
	}
	if take(cueByParse(d, r, r.open.s)) {
		return found
	}
	if end := r.endSentence(); end != r.open.s && take(cueByParse(d, r, end)) {
		return found
	}
	if next != nil && r.close != none && next.open.s == r.close.s && next.close != none {
		take(cueAfter(d, next.close, false))
	}
	return found
}

// cueBefore finds an introducing cue: X said: “…”; X told reporters that
// “…”; X reiterated the “…”.
func cueBefore(d stream, open pos) (cue, bool) {
	ts := d.Sentences[open.s].Tokens
	introduced := false // a colon, comma or "that" stands between
	for i, n := open.i-1, 0; i >= 0 && n < reachBefore; i, n = i-1, n+1 {
		if c, ok := cueAt(d, pos{open.s, i}); ok {
			c.direct, c.introduced = true, introduced
			return c, !c.linking || introduced
		}
		if !skippable(&ts[i], false) {
			break
		}
		introduced = introduced || ts[i].Text == ":" || ts[i].Text == "," || ts[i].UPOS == "SCONJ"
	}
	return cue{}, false
}

// closesClause reports a quote closed with punctuation inside or right
// after its closing mark (“…,” X said; “…”, X said), as an attribution that
// follows needs; without one the quote is part of a phrase (the “Islamic
// State” group claimed).
func closesClause(d stream, r rawSpan) bool {
	if d.tok(r.last).UPOS == "PUNCT" {
		return true
	}
	n := d.next(r.close)
	return d.valid(n) && n.s == r.close.s && d.tok(n).UPOS == "PUNCT"
}

// cueAfter finds a following cue: “…,” X said; “…,” said X; “…,” according
// to X. A cue in the next sentence (“…” X said.) must be a bare
// attribution, not the start of a new statement. direct says whether close
// is the quote's own closing mark.
func cueAfter(d stream, close pos, direct bool) (cue, bool) {
	prev := close
	for p, n := d.next(close), 0; d.valid(p) && n < reachAfter; p, n = d.next(p), n+1 {
		t := d.tok(p)
		if d.breakBetween(d.tok(prev), t) || p.s != prev.s && prev != close {
			break
		}
		if isRelative(t) && n > 1 && d.tok(prev).Text == "," {
			// X, who also serves as foreign minister, said
			if p = clauseComma(d, p); p == none {
				break
			}
			prev = p
			continue
		}
		if c, ok := cueAt(d, p); ok || predicateNoun(d, p) {
			if !ok {
				c = cue{s: p.s, first: p.i, last: p.i, ok: true}
			}
			if p.s != close.s && !bare(d, c) {
				break
			}
			c.direct, c.after, c.mark = direct, true, close.i
			if p.s != close.s {
				c.mark = -1
			}
			return c, true
		}
		if !skippable(t, true) {
			break
		}
		prev = p
	}
	return cue{}, false
}

// predicateNoun reports a cue form the tagger took for a noun where only a
// verb fits: after the speaker and before the clause ends (“…,” the
// statement read.). Plural forms ("claims") are taken for the nouns they
// may be.
func predicateNoun(d stream, p pos) bool {
	t := d.tok(p)
	if t.UPOS != "NOUN" || strings.HasSuffix(t.Norm, "s") || cues.verbForm(t.Norm) == notCue {
		return false
	}
	ts := d.Sentences[p.s].Tokens
	return p.i+1 == len(ts) || ts[p.i+1].UPOS == "PUNCT" || ts[p.i+1].UPOS == "ADP"
}

// clauseComma returns the comma that closes the relative clause at p, or
// none.
func clauseComma(d stream, p pos) pos {
	ts := d.Sentences[p.s].Tokens
	for i := p.i + 1; i < min(len(ts), p.i+window); i++ {
		switch {
		case ts[i].Text == ",":
			return pos{p.s, i}
		case ts[i].Quote != nlp.NotQuote || ts[i].UPOS == "PUNCT" && ts[i].Text != "-":
			return none
		}
	}
	return none
}

// skippable reports the tokens that may stand between a mark and its cue:
// the speaker's noun phrase, an addressee, adverbials and "that".
func skippable(t *nlp.Token, after bool) bool {
	if isRelative(t) {
		return false // the words after it modify a noun: “…,” which argues
	}
	switch t.UPOS {
	case "DET", "ADJ", "ADV", "NOUN", "PROPN", "PRON", "NUM", "ADP", "PART":
		return true
	case "VERB": // a participle used as an adjective: "the occupied West Bank"
		return t.Rel == "amod"
	case "SCONJ":
		return !after
	case "AUX", "CCONJ": // "X was quoted as saying", "X and Y said"
		return after
	case "PUNCT": // commas around an apposition, a possessive apostrophe (Guterres’)
		return t.Quote == nlp.NotQuote && (t.Text == "," || t.Text == ":" && !after || isDash(t.Text) || t.Norm == "'")
	}
	return false
}

func isDash(s string) bool { return s == "—" || s == "–" || s == "-" || s == "--" }

// bare reports a cue verb that reports nothing of its own: no clause
// depends on it.
func bare(d stream, c cue) bool {
	return !c.source && !hasChild(d.Sentences[c.s].Tokens, c.first, "ccomp", "xcomp", "parataxis", "csubj")
}

// hasChild reports whether token v has a dependent by one of rels.
func hasChild(ts []nlp.Token, v int, rels ...string) bool {
	lo, hi := around(ts, v, v)
	for j := lo; j <= hi; j++ {
		if ts[j].Head == v && slices.Contains(rels, ts[j].Rel) {
			return true
		}
	}
	return false
}

// cueFromContext finds the cue of a quote that has none around it in the
// sentence before, in its paragraph: one that reports a clause ("X said
// that …") where that sentence holds no quote of its own. Sentences longer
// than the search window are not read: their reports are too far away.
func cueFromContext(d stream, r rawSpan) (cue, bool) {
	s := r.open.s - 1
	if s < 0 {
		return cue{}, false
	}
	prev, cur := d.Sentences[s].Tokens, d.Sentences[r.open.s].Tokens
	if len(prev) == 0 || len(prev) > window || d.breakBetween(&prev[len(prev)-1], &cur[0]) {
		return cue{}, false
	}
	for i := range prev {
		if isDouble(&prev[i]) {
			return cue{}, false
		}
	}
	nothing := func(int) bool { return false }
	for i := range prev {
		if c, ok := cueAt(d, pos{s, i}); ok && !c.source && hasChild(prev, i, "ccomp") && subject(prev, i, nothing) >= 0 {
			return c, true
		}
	}
	return cue{}, false
}

// cueByParse finds a cue through the dependency parse of sentence s: a cue
// the quote's words depend on ("X said that the raid was “…”"), or one
// that depends on them (“…,” X tweeted, parsed as a conjunct or parataxis).
func cueByParse(d stream, r rawSpan, s int) (cue, bool) {
	ts := d.Sentences[s].Tokens
	lo, hi := r.rangeIn(d, s)
	in := func(i int) bool { return lo <= i && i <= hi }
	for i := lo; i <= hi; i++ {
		from, j := i, ts[i].Head
		for n := 0; j >= 0 && !in(j) && n < maxClimb; n++ {
			if isSubject(ts[from].Rel) && cues.verb(&ts[j]) != notCue {
				break // the quote is in the speaker's own phrase: the “Lions' Den” claimed
			}
			if c, ok := cueAt(d, pos{s, j}); ok && !c.linking {
				return c, true
			}
			from, j = j, ts[j].Head
		}
	}
	a, b := around(ts, lo, hi)
	for j := a; j <= b; j++ {
		if !in(j) && in(ts[j].Head) && !relativeClause(ts, j, in) {
			if c, ok := cueAt(d, pos{s, j}); ok {
				return c, true
			}
		}
	}
	return cue{}, false
}

// relativeClause reports a verb whose subject is a relative pronoun: a
// clause that modifies the quoted words, which are then a name ("the book
// “…,” which argues"), not speech.
func relativeClause(ts []nlp.Token, v int, in func(int) bool) bool {
	j := subject(ts, v, in)
	return j >= 0 && isRelative(&ts[j])
}

// endSentence returns the sentence the quote ends in.
func (r rawSpan) endSentence() int {
	if r.close != none {
		return r.close.s
	}
	return r.last.s
}

// rangeIn returns the token range, marks included, that the quote covers
// in sentence s; lo > hi when it covers none.
func (r rawSpan) rangeIn(d stream, s int) (lo, hi int) {
	end := r.endSentence()
	if s < r.open.s || s > end {
		return 1, 0
	}
	hi = len(d.Sentences[s].Tokens) - 1
	if s == r.open.s {
		lo = r.open.i
	}
	switch {
	case r.close != none && s == r.close.s:
		hi = r.close.i
	case r.close == none && s == r.last.s:
		hi = r.last.i
	}
	return lo, hi
}
