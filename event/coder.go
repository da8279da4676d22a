// Package event codes events over the dependency parse: a predicate (a verb
// or an event noun) found in the predicate lexicon (package lexicon), its
// source and target read from its dependents (subject, object, the phrase
// the lexicon's preposition introduces), with passives, coordination,
// control and reported clauses followed through the parse, negation noted
// and hypothetical, conditional and future events left out.
//
// Actors come from package actor (mentions with codes), quotations from
// package quote (whose speaker speaks for "we"), dates from package timex.
package event

import (
	"cmp"
	"strings"
	"time"

	"github.com/dyad-org/dyad/actor"
	"github.com/dyad-org/dyad/event/lexicon"
	"github.com/dyad-org/dyad/event/ontology"
	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/quote"
	"github.com/dyad-org/dyad/timex"
)

// Event is one coded event, pointing into the document it came from.
type Event struct {
	Sentence int
	// Trigger is the predicate's token span in the sentence (the head word
	// and its particle or object for "lash out at", "voice anger").
	TriggerFirst, TriggerLast int
	Source, Target            *actor.Mention // nil where the text names none
	Code                      string         // CAMEO code
	Negated                   bool
	Date                      time.Time // zero when the text gives no day
	// Quote is the index of the quotation the event is stated in (the
	// speaker's own words), -1 if none. ClaimedBy is the actor whose
	// statement reports the event: the quote's speaker, or X in "X said that
	// Y attacked Z"; nil when the writer states it.
	Quote     int
	ClaimedBy *actor.Mention
	Entry     lexicon.Entry // the lexicon entry that matched, for --errors
}

// Input is what the coder reads of one article.
type Input struct {
	Doc      *nlp.Doc
	Mentions *actor.Mentions
	Quotes   []quote.Quote
	// Speakers are the quotes' speakers, as Speakers resolves them (the
	// caller needs them for its quote records too).
	Speakers []*actor.Mention
	Dater    *timex.Dater // nil when the article's date is unknown: no event is dated
}

// Coder codes events. It is read-only and safe for concurrent use.
type Coder struct {
	lex  *lexicon.Lexicon
	onto *ontology.Ontology
}

// New returns a coder over a lexicon and the ontology of its codes.
func New(lex *lexicon.Lexicon, onto *ontology.Ontology) *Coder { return &Coder{lex: lex, onto: onto} }

// Code returns the events of one article, without duplicates, in text order.
func (c *Coder) Code(in Input) []Event {
	a := newArticle(in, c.lex, c.onto)
	var out []Event
	seen := map[string]bool{}
	var talk *Event // the latest meeting, call or exchange of courtesies (05) between two named actors
	for si := range in.Doc.Sentences {
		s := a.sentence(si)
		var evs []Event
		for t := range s.toks {
			evs = append(evs, c.predicate(s, t)...)
		}
		for _, ev := range dropVaguer(evs) {
			if ev.Target == nil && talk != nil && si-talk.Sentence <= readout && addressed[root(ev.Code)] {
				ev.Target = talk.partnerOf(ev.Source)
			}
			if ev.Target == nil && root(ev.Code) == "04" {
				continue // a consultation with no one named ("he discussed many issues") says nothing of a dyad
			}
			if k := ev.key(in.Doc); !seen[k] {
				seen[k] = true
				out = append(out, ev)
				if (root(ev.Code) == "04" || root(ev.Code) == "05") && ev.Source != nil && ev.Target != nil && ev.Source.Country != ev.Target.Country {
					talk = &ev
				}
			}
		}
	}
	return out
}

// readout is how many sentences after a meeting or call (or a
// congratulation, thanks or praise that one side gave the other) its
// sides' words are taken as addressed to each other.
const readout = 8

// addressed are the roots of what one side of a meeting or call says to
// the other: a readout's "he called for more cooperation" or "underscored
// the importance of support", with no one named, is addressed to the
// interlocutor.
var addressed = map[string]bool{"01": true, "02": true, "03": true, "10": true}

// partnerOf returns the other side of meeting e for one of its sides (an
// actor of its country: "Iran" thanked, its minister then speaks), nil for
// anyone else.
func (e *Event) partnerOf(m *actor.Mention) *actor.Mention {
	switch {
	case m == nil:
		return nil
	case sameSide(m, e.Source):
		return e.Target
	case sameSide(m, e.Target):
		return e.Source
	}
	return nil
}

// sameSide reports whether a and b are one side: of one country, or one
// international organisation.
func sameSide(a, b *actor.Mention) bool {
	if a.Country != "" {
		return a.Country == b.Country
	}
	return a.Code == b.Code
}

// dropVaguer merges the events of one sentence that state one act: an
// event whose trigger is part of a longer one's ("attacks" in "launched
// rocket attacks") gives it the actors it lacks; one that names only the
// victims takes the attackers of one of the same root that names only
// those ("10 Iraqis were killed in insurgent attacks"); and one that
// another of the same root states with more of its actors is dropped
// ("storming the mosque and attacking worshipers" is one assault on the
// worshipers, "opened fire and killed three soldiers" one act of force).
func dropVaguer(evs []Event) []Event {
	merged := make([]bool, len(evs)) // merged into another event
	for i := range evs {
		for j := range evs {
			if i != j && within(&evs[i], &evs[j]) {
				merged[i] = true
				evs[j].Source = cmp.Or(evs[j].Source, evs[i].Source)
				evs[j].Target = cmp.Or(evs[j].Target, evs[i].Target)
			}
		}
	}
	for i := range evs {
		for j := range evs {
			a, b := &evs[i], &evs[j]
			if i != j && !merged[i] && !merged[j] && root(a.Code) == root(b.Code) &&
				a.Source == nil && a.Target != nil && b.Source != nil && b.Target == nil {
				a.Source, merged[j] = b.Source, true
			}
		}
	}
	out := evs[:0]
	for i := range evs {
		vaguer := merged[i]
		for j := range evs {
			if vaguer || i != j && !merged[j] && root(evs[i].Code) == root(evs[j].Code) && covers(&evs[j], &evs[i]) {
				vaguer = true
				break
			}
		}
		if !vaguer {
			out = append(out, evs[i])
		}
	}
	return out
}

// within reports whether a's trigger is inside b's, which is longer.
func within(a, b *Event) bool {
	return b.TriggerFirst <= a.TriggerFirst && a.TriggerLast <= b.TriggerLast &&
		b.TriggerLast-b.TriggerFirst > a.TriggerLast-a.TriggerFirst
}

// covers reports whether a names every actor b does and more.
func covers(a, b *Event) bool {
	more := false
	for _, p := range [][2]*actor.Mention{{a.Source, b.Source}, {a.Target, b.Target}} {
		switch {
		case p[1] == nil && p[0] != nil:
			more = true
		case p[1] != nil && (p[0] == nil || p[0].Code != p[1].Code):
			return false
		}
	}
	return more
}

// key identifies an event within an article: one sentence, trigger, root,
// source and target state one event, however often the sentence is
// repeated (a headline repeated in the text is coded once); two triggers
// of one root in a sentence are two acts ("have met several times and
// speak regularly on the phone").
func (e *Event) key(doc *nlp.Doc) string {
	sent := &doc.Sentences[e.Sentence]
	s := doc.SentenceText(sent)
	trigger := strings.ToLower(sent.Tokens[e.TriggerFirst].Text)
	return s + "\x00" + trigger + "\x00" + root(e.Code) + "\x00" + code(e.Source) + "\x00" + code(e.Target)
}

func root(c string) string {
	if len(c) < 2 {
		return c
	}
	return c[:2]
}

func code(m *actor.Mention) string {
	if m == nil {
		return ""
	}
	return m.Code
}

// predicate codes the events whose predicate is token t, if the lexicon has
// it: the first entry, most specific first, whose pattern fits.
func (c *Coder) predicate(s *sent, t int) []Event {
	tok := &s.toks[t]
	var pos string
	switch tok.UPOS {
	case "VERB":
		pos = "verb"
	case "NOUN":
		pos = "noun"
	case "ADJ":
		if s.child(t, "cop") < 0 && s.rel(t) != "xcomp" {
			return nil // "ready" predicates only with a copula: "is ready to"
		}
		pos = "adj"
	default:
		return nil
	}
	if pos == "adj" && s.adjectivalPassive(t) && len(c.lex.Entries(pos, s.lemma(t))) == 0 {
		pos = "verb" // "were wounded", tagged an adjective: the passive verb (see sent.passive)
	}
	if pos == "verb" && s.statePredicate(t) {
		pos = "adj" // "is prepared for", tagged a participle: the adjective
	}
	if e, m, ok := s.entryOf(t, pos); ok {
		return s.events(t, e, m)
	}
	return nil
}

// entryOf finds the lexicon entry that predicate t, read as pos, fits: the
// first, most specific first, of its lemma's, or for a verb whose lemma
// the lexicon lacks, of a regular stem's of its form.
func (s *sent) entryOf(t int, pos string) (lexicon.Entry, fitted, bool) {
	key := s.lemma(t)
	if pos == "adj" && s.toks[t].UPOS == "VERB" {
		key = strings.ToLower(s.toks[t].Text) // a participle read as its adjective ("prepared")
	}
	entries := s.a.lex.Entries(pos, key)
	if len(entries) == 0 && pos == "verb" {
		entries = s.stemEntries(strings.ToLower(s.toks[t].Text))
	}
	for _, e := range entries {
		if m, ok := s.fit(t, e); ok {
			return e, m, true
		}
	}
	return lexicon.Entry{}, fitted{}, false
}

// stemEntries returns the verb entries of the first regular stem of form
// the lexicon has ("raided" → "raid", "underlined" → "underline",
// "stopped" → "stop", "denied" → "deny"), for the verbs the lemmatizer's
// suffix rules get wrong ("raide", "underlin"); nil if none.
func (s *sent) stemEntries(form string) []lexicon.Entry {
	for _, suffix := range [...]string{"ing", "ed", "es", "s"} {
		stem, ok := strings.CutSuffix(form, suffix)
		if !ok || len(stem) < 3 {
			continue
		}
		if es := s.a.lex.Entries("verb", stem); len(es) > 0 {
			return es
		}
		if es := s.a.lex.Entries("verb", stem+"e"); len(es) > 0 {
			return es
		}
		if n := len(stem); stem[n-1] == stem[n-2] { // a doubled consonant
			if es := s.a.lex.Entries("verb", stem[:n-1]); len(es) > 0 {
				return es
			}
		}
		if suffix == "ed" && stem[len(stem)-1] == 'i' {
			if es := s.a.lex.Entries("verb", stem[:len(stem)-1]+"y"); len(es) > 0 {
				return es
			}
		}
	}
	return nil
}

// fitted is how an entry's pattern fits a predicate: the tokens that fill
// its parts.
type fitted struct {
	particle, object int // -1 if the pattern has none
	target, source   int // argument heads, -1 where the sentence has none
	last             int // the trigger's last token
}
