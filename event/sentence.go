package event

import (
	"strings"

	"github.com/dyad-org/dyad/actor"
	"github.com/dyad-org/dyad/event/lexicon"
	"github.com/dyad-org/dyad/event/ontology"
	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/quote"
)

// article holds what the coder needs across sentences.
type article struct {
	in   Input
	lex  *lexicon.Lexicon
	onto *ontology.Ontology
	// quoteOf[s][t] is the index of the quotation token t of sentence s
	// stands in, -1 outside quotations.
	quoteOf [][]int
	// deps indexes the dependents of the sentence being coded (one at a
	// time).
	deps nlp.Deps
}

func newArticle(in Input, lex *lexicon.Lexicon, onto *ontology.Ontology) *article {
	a := &article{in: in, lex: lex, onto: onto, quoteOf: make([][]int, len(in.Doc.Sentences))}
	// Tokens and quotations are both in text order: one sweep places
	// every token.
	next := 0
	for si := range in.Doc.Sentences {
		toks := in.Doc.Sentences[si].Tokens
		q := make([]int, len(toks))
		for t := range toks {
			for next < len(in.Quotes) && in.Quotes[next].End <= toks[t].Start {
				next++
			}
			q[t] = -1
			if next < len(in.Quotes) && in.Quotes[next].Start <= toks[t].Start {
				q[t] = next
			}
		}
		a.quoteOf[si] = q
	}
	return a
}

// Speakers returns the actor mention of each quote's speaker, nil where
// unknown. A speaker span stands for the mention its head heads, or else the
// first coded mention overlapping it. A speaker that is a document ("the
// statement said") or "it" takes the speaker of the quote before, whose
// words the document carries on; an unattributed quote standing alone as a
// headline, the first later speaker.
func Speakers(doc *nlp.Doc, ms *actor.Mentions, quotes []quote.Quote) []*actor.Mention {
	out := make([]*actor.Mention, len(quotes))
	var titles []int // unattributed quotes that stand alone, as a headline
	for i, q := range quotes {
		sp := q.Speaker
		if sp == nil {
			if standsAlone(doc, q) {
				titles = append(titles, i)
			}
			continue
		}
		out[i] = spanMention(ms, sp)
		head := strings.ToLower(doc.Sentences[sp.Sentence].Tokens[sp.Head].Lemma)
		if (out[i] == nil || head == "it") && documents[head] && i > 0 {
			out[i] = out[i-1]
		}
	}
	// A headline or subheadline quotes the story's speaker without naming
	// them: the speaker of the first quote after it that has one.
	for _, i := range titles {
		for _, m := range out[i+1:] {
			if m != nil {
				out[i] = m
				break
			}
		}
	}
	return out
}

// standsAlone reports whether a quote is a whole sentence of the text with
// nothing but its quotation marks around it.
func standsAlone(doc *nlp.Doc, q quote.Quote) bool {
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		if s.Start <= q.Start && q.End <= s.End {
			return q.Start-s.Start <= len("“") && s.End-q.End <= len("”.")
		}
	}
	return false
}

func spanMention(ms *actor.Mentions, sp *quote.Span) *actor.Mention {
	if m := ms.At(sp.Sentence, sp.Head); m != nil && m.Code != "" {
		return m
	}
	for _, m := range ms.InSentence(sp.Sentence) {
		if m.Code != "" && m.Start < sp.End && sp.Start < m.End {
			return ms.At(m.Sentence, m.Head)
		}
	}
	return nil
}

// sent is one sentence being coded.
type sent struct {
	a    *article
	idx  int
	toks []nlp.Token
	deps *nlp.Deps
	// headline: the text's first sentence has no final stop, as a headline
	// has none; headlines drop auxiliaries.
	headline bool
}

func (a *article) sentence(si int) *sent {
	toks := a.in.Doc.Sentences[si].Tokens
	a.deps.Load(toks)
	s := &sent{a: a, idx: si, toks: toks, deps: &a.deps}
	if last := toks[len(toks)-1].Text; si == 0 && last != "." && last != "!" && last != "?" {
		s.headline = true
	}
	return s
}

func (s *sent) lemma(t int) string { return strings.ToLower(s.toks[t].Lemma) }

func (s *sent) rel(t int) string { return s.toks[t].Rel }

func (s *sent) head(t int) int { return s.toks[t].Head }

// child returns the first dependent of t with one of the relations.
func (s *sent) child(t int, rels ...string) int {
	for _, c := range s.deps.Of(t) {
		for _, r := range rels {
			if s.toks[c].Rel == r {
				return c
			}
		}
	}
	return -1
}

// caseOf returns the lower-cased preposition of a nominal ("with" for "with
// Haniyeh") or the marker of a clause ("to" for "to negotiate"), a
// multi-word one joined by spaces ("because of"). It is asked for every
// dependent a pattern looks at, so the usual one-word case is returned
// without building a string.
func (s *sent) caseOf(t int) string {
	first, words := -1, 0
	for _, c := range s.deps.Of(t) {
		if r := s.toks[c].Rel; (r == "case" || r == "mark") && c < t {
			if first < 0 {
				first = c
			}
			words++
			for _, f := range s.deps.Of(c) {
				if s.toks[f].Rel == "fixed" {
					words++
				}
			}
		}
	}
	switch words {
	case 0:
		return ""
	case 1:
		return strings.ToLower(s.toks[first].Text)
	}
	var b strings.Builder
	for _, c := range s.deps.Of(t) {
		if r := s.toks[c].Rel; r != "case" && r != "mark" || c > t {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(s.toks[c].Text))
		for _, f := range s.deps.Of(c) {
			if s.toks[f].Rel == "fixed" {
				b.WriteByte(' ')
				b.WriteString(strings.ToLower(s.toks[f].Text))
			}
		}
	}
	return b.String()
}

// prepArg returns the dependent of t introduced by preposition prep, -1 if
// none: an oblique or nominal modifier ("met with X", "the raid on X"), or
// the object of a particle the parser left as one ("called on X").
func (s *sent) prepArg(t int, prep string) int {
	for _, c := range s.deps.Of(t) {
		switch s.toks[c].Rel {
		case "obl", "nmod", "obl:agent", "obl:unmarked", "advcl", "obl:tmod", "xcomp":
			if s.caseOf(c) == prep {
				return c
			}
		case "compound:prt":
			if s.lemma(c) == prep {
				if o := s.child(t, "obj"); o >= 0 {
					return o
				}
			}
		}
	}
	return -1
}

// passive reports whether verb t is passive: "was called by", a past
// participle modifying a noun ("a journalist snatched by insurgents"), or
// in a headline a participle with a subject, no auxiliary and no object
// ("Soldiers killed in border clash", "4 arrested in settler attack").
func (s *sent) passive(t int) bool {
	if s.statePredicate(t) {
		return false
	}
	if s.child(t, "nsubj:pass", "aux:pass", "csubj:pass") >= 0 || s.participle(t) || s.adjectivalPassive(t) || s.statedPassive(t) >= 0 {
		return true
	}
	return s.headlinePassive(t) >= 0
}

// statePredicate reports whether participle t, passive in form, states
// its subject's stance as the adjective the lexicon has for the form does
// ("Iran is prepared for cooperation", "is committed to talks"): no one
// else did it, as no "by" phrase says.
func (s *sent) statePredicate(t int) bool {
	tok := &s.toks[t]
	return tok.XPOS == "VBN" && s.child(t, "aux:pass", "cop") >= 0 && s.child(t, "obl:agent") < 0 && s.prepArg(t, "by") < 0 &&
		len(s.a.lex.Entries("adj", strings.ToLower(tok.Text))) > 0
}

// stance reports whether t is an adjective predicate or a participle read
// as one ("is ready", "is prepared").
func (s *sent) stance(t int) bool {
	return s.toks[t].UPOS == "ADJ" && s.child(t, "cop") >= 0 || s.statePredicate(t)
}

// statedPassive returns the subject of a participle that complements a
// passive verb of finding or seeing ("a soldier was found stabbed to
// death"), -1 if t is none.
func (s *sent) statedPassive(t int) int {
	h := s.head(t)
	if s.rel(t) != "xcomp" || s.toks[t].XPOS != "VBN" || h < 0 || s.child(t, "aux", "mark") >= 0 {
		return -1 // not "are reported to have met", a perfect
	}
	return s.child(h, "nsubj:pass")
}

// adjectivalPassive reports whether t is a passive participle the tagger
// read as an adjective after a copula ("were wounded").
func (s *sent) adjectivalPassive(t int) bool {
	return s.toks[t].UPOS == "ADJ" && strings.HasSuffix(s.toks[t].Text, "ed") && s.child(t, "cop") >= 0
}

// participle reports whether t is a past participle modifying a noun; one
// with an object is an active verb the parser hung on a noun ("a mob of
// extremists staged marches").
func (s *sent) participle(t int) bool {
	h := s.head(t)
	if s.rel(t) != "acl" || s.toks[t].XPOS != "VBN" || h < 0 || s.child(t, "obj") >= 0 {
		return false
	}
	// On a noun that is the root of a sentence other than a headline, the
	// "participle" is the main verb in the past tense ("The Saudi minister
	// called for more cooperation").
	return s.headline || s.head(h) >= 0
}

// headlinePassive returns the subject of a headline's participle ("Soldiers
// killed in ...", parsed with the participle as the verb or as modifying the
// noun), -1 if t is none.
func (s *sent) headlinePassive(t int) int {
	x := s.toks[t].XPOS
	if !s.headline || x != "VBN" && x != "VBD" || s.child(t, "aux", "obj") >= 0 {
		return -1
	}
	if h := s.head(t); s.rel(t) == "acl" && h >= 0 && s.head(h) < 0 {
		return h
	}
	return s.child(t, "nsubj")
}

// passiveSubject returns the subject of passive verb t: the target.
func (s *sent) passiveSubject(t int) int {
	if c := s.child(t, "nsubj:pass"); c >= 0 {
		return c
	}
	if c := s.statedPassive(t); c >= 0 {
		return c
	}
	if s.adjectivalPassive(t) {
		return s.child(t, "nsubj")
	}
	if s.participle(t) {
		return s.head(t)
	}
	if h := s.headlinePassive(t); h >= 0 || s.head(t) >= 0 {
		return h
	}
	return s.strayActor(t)
}

// mention returns the actor mention of the phrase headed by t, with "we"
// and "I" inside a quotation standing for its speaker.
func (s *sent) mention(t int) *actor.Mention {
	m := s.a.in.Mentions.At(s.idx, t)
	if m != nil && m.FirstPerson() {
		if q := s.a.quoteOf[s.idx][t]; q >= 0 {
			return s.a.in.Speakers[q]
		}
		return nil
	}
	return m
}

// actorIn finds the actor an argument stands for: its own mention, or the
// one it is about ("the Israeli regime's attack" is about the Israeli
// regime, "Israeli aggression" about Israel); nil for no argument (-1).
func (s *sent) actorIn(t int) *actor.Mention {
	if t < 0 {
		return nil
	}
	if m := s.mention(t); m != nil && m.Code != "" {
		return m
	}
	queue := []int{t}
	for depth := 0; depth < 3 && len(queue) > 0; depth++ {
		var next []int
		for _, order := range aboutRels {
			for _, q := range queue {
				for _, c := range s.deps.Of(q) {
					if !order(s, c) {
						continue
					}
					if m := s.mention(c); m != nil && m.Code != "" {
						return m
					}
					next = append(next, c)
				}
			}
		}
		queue = next
	}
	return nil
}

// aboutRels are the links from a phrase to the actor it is about, most
// telling first: its possessor, its adjectives and compounds, "of" or "by"
// phrases, then other modifiers.
var aboutRels = []func(s *sent, c int) bool{
	func(s *sent, c int) bool { return s.rel(c) == "nmod:poss" },
	func(s *sent, c int) bool { r := s.rel(c); return r == "amod" || r == "compound" || r == "flat" },
	func(s *sent, c int) bool {
		p, r := s.caseOf(c), s.rel(c)
		return r == "nmod" && (p == "of" || p == "by" || p == "from") || r == "obl:agent" || r == "obl" && p == "by"
	},
	func(s *sent, c int) bool { return s.rel(c) == "nmod" && aboutPreps[s.caseOf(c)] },
	// "the announcement made by Israeli authorities": through the
	// participle to its agent.
	func(s *sent, c int) bool { return s.rel(c) == "acl" && s.toks[c].XPOS == "VBN" },
	// "the repression of demonstrations in Iran": the state it happens in.
	func(s *sent, c int) bool {
		if s.rel(c) != "nmod" || s.caseOf(c) != "in" {
			return false
		}
		h := s.head(c)
		return repression[s.lemma(h)] || s.head(h) >= 0 && repression[s.lemma(s.head(h))]
	},
}

// aboutPreps introduce what a phrase is about or aimed at ("the attack on
// Gaza"), unlike places and times ("a man near Tel Aviv").
var aboutPreps = map[string]bool{"on": true, "against": true, "to": true, "toward": true, "towards": true, "with": true, "for": true, "among": true}

// actors returns the actor of argument t and of each phrase coordinated
// with it ("X and Y condemned"), one per distinct code; nil when t is -1
// or names no actor.
func (s *sent) actors(t int) []*actor.Mention {
	if t < 0 {
		return nil
	}
	var out []*actor.Mention
	add := func(m *actor.Mention) {
		if m == nil {
			return
		}
		for _, o := range out {
			if o.Code == m.Code {
				return
			}
		}
		out = append(out, m)
	}
	m := s.actorIn(t)
	if m != nil && m.Members != nil { // "the two ministers agreed"
		for _, k := range m.Members {
			add(&s.a.in.Mentions.List[k])
		}
		return out
	}
	add(m)
	// "to the families, as well as to Ireland": a later sibling of the
	// same relation with a conjunction of its own is a conjunct the parse
	// hung on the head.
	if h := s.head(t); h >= 0 {
		for _, c := range s.deps.Of(h) {
			if c > t && s.rel(c) == s.rel(t) && s.child(c, "cc") >= 0 {
				add(s.actorIn(c))
			}
		}
	}
	for _, c := range s.deps.Of(t) {
		switch s.rel(c) {
		case "conj":
			add(s.actorIn(c))
		case "amod":
			if m != nil && m.Role != "" && m == s.mention(t) {
				for _, d := range s.deps.Of(c) {
					add(s.otherCountry(m, d))
				}
			}
		}
	}
	return out
}

// otherCountry is the actor of "the Saudi and Iranian foreign ministers"
// that the second adjective names: m's role in the country of demonym d.
func (s *sent) otherCountry(m *actor.Mention, d int) *actor.Mention {
	dm := s.mention(d)
	if s.rel(d) != "conj" || dm == nil || dm.Kind != actor.Demonym || dm.Country == m.Country {
		return nil
	}
	c := *m
	c.Country, c.Code, c.Name, c.Text, c.Ref = dm.Country, dm.Country+m.Role, "", dm.Text+" "+s.toks[m.Head].Text, -1
	return &c
}
