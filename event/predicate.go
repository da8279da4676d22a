package event

import (
	"slices"

	"github.com/dyad-org/dyad/actor"
	"github.com/dyad-org/dyad/event/lexicon"
	"github.com/dyad-org/dyad/timex"
)

// fit matches entry e against predicate t: its particle, object and
// required prepositions must be there; its target and source slots are
// filled where the sentence fills them. A slot introduced by a preposition
// is part of the pattern ("call on X" is not "call"), so it must be there.
func (s *sent) fit(t int, e lexicon.Entry) (fitted, bool) {
	f := fitted{particle: -1, object: -1, target: -1, source: -1, last: t}
	passive := e.POS == "verb" && s.passive(t)
	for _, mod := range e.Modifiers {
		if !s.hasModifier(t, mod) {
			return f, false
		}
	}
	if e.Particle != "" {
		if f.particle = s.particle(t, e.Particle); f.particle < 0 {
			return f, false
		}
		f.last = max(f.last, f.particle)
	}
	if e.Object != "" {
		if p := e.ObjectPrep(); p != "" {
			f.object = s.prepArg(t, p)
			if f.object >= 0 && s.lemma(f.object) != e.Object {
				f.object = -1
			}
		} else {
			f.object = s.object(t, e.Object, passive)
		}
		if f.object < 0 {
			return f, false
		}
		f.last = max(f.last, f.object)
	}
	for _, p := range e.Requires {
		if s.prepArg(t, p) < 0 && (f.object < 0 || s.objectArg(f.object, p) < 0) {
			return f, false
		}
	}
	switch e.Target.Kind {
	case lexicon.Object:
		if passive {
			f.target = s.passiveSubject(t)
		} else if f.target = s.child(t, "obj", "iobj"); f.target < 0 {
			f.target = s.misreadObject(t)
		}
		// "shelled homes in Gaza": force used on things is used on the
		// place they are in, wherever the parse hung the place.
		if f.target >= 0 && s.actorIn(f.target) == nil && s.a.onto.QuadClass(e.Code) == 4 {
			for _, h := range []int{f.target, t} {
				if in := s.prepArg(h, "in"); in >= 0 && s.place(in) {
					f.target = in
					break
				}
			}
		}
		// "congratulated Eid al-Fitr to the people of Iran": when the object
		// names no actor, the one the act is addressed to is the target.
		if f.target < 0 || s.actorIn(f.target) == nil {
			for _, p := range addressPreps {
				if slices.Contains(e.Requires, p) {
					continue // "refer T to": the court it is referred to is no target
				}
				if a := s.prepArg(t, p); a >= 0 && s.actorIn(a) != nil {
					f.target = a
					break
				}
			}
		}
	case lexicon.Prep:
		f.target = s.prepArg(t, e.Target.Prep)
		if obj := f.object; f.target < 0 && (obj >= 0 || e.POS == "verb" && e.Target.Prep != "of") {
			if obj < 0 {
				obj = s.child(t, "obj") // "hurled items at the soldiers", "at" hung on "items" (an "of" there is the object's own)
			}
			if obj >= 0 {
				f.target = s.objectArg(obj, e.Target.Prep)
			}
		}
		if f.target < 0 || s.toks[f.target].UPOS == "VERB" && s.actorIn(f.target) == nil {
			return f, false // "sent troops to support ...": a purpose, not a target
		}
	default:
		// "acted against Iran", "approved sanctions against Iran".
		if f.target = s.prepArg(t, "against"); f.target < 0 && f.object >= 0 {
			f.target = s.objectArg(f.object, "against")
		}
		// "released nearly 9,000 prisoners": a required object that is an
		// actor is the one the act is done to.
		if f.target < 0 && f.object >= 0 && s.mention(f.object) != nil {
			f.target = f.object
		}
		switch {
		case f.target >= 0:
		case root(e.Code) == "04":
			f.target = s.counterpart(t)
		default:
			f.target = s.partner(t)
		}
		if f.target < 0 && f.object >= 0 {
			f.target = s.objectAuthor(f.object)
		}
	}
	if e.Source.Kind == lexicon.Prep {
		if f.source = s.prepArg(t, e.Source.Prep); f.source < 0 && f.object >= 0 {
			f.source = s.objectArg(f.object, e.Source.Prep)
		}
		if f.source < 0 {
			return f, false
		}
	}
	return f, true
}

// place reports whether t names a country or a place in one ("Gaza").
func (s *sent) place(t int) bool {
	m := s.mention(t)
	return m != nil && (m.Kind == actor.Country || m.Kind == actor.Place || m.Kind == actor.Capital)
}

// objectAuthor returns whose a pattern's object is, by a "by" phrase or a
// possessor that is a name ("contradicted claims by the minister",
// "rejected Israel's proposal"): the one the act answers. A possessive
// pronoun ("expressed its readiness") is mostly the subject's own, and no
// target. -1 if none.
func (s *sent) objectAuthor(obj int) int {
	if a := s.prepArg(obj, "by"); a >= 0 && s.mention(a) != nil {
		return a
	}
	if a := s.child(obj, "nmod:poss"); a >= 0 && s.toks[a].UPOS != "PRON" && s.mention(a) != nil {
		return a
	}
	return -1
}

// objectArg returns the dependent of a pattern's object introduced by
// prep, or of the quantity it is counted by ("at" of "hundreds of rockets
// at Israeli towns"); -1 if none.
func (s *sent) objectArg(obj int, prep string) int {
	if a := s.prepArg(obj, prep); a >= 0 {
		return a
	}
	if q := s.countedBy(obj); q >= 0 {
		return s.prepArg(q, prep)
	}
	return -1
}

// countedBy returns the quantity noun t is counted by ("hundreds of
// rockets", "a series of air strikes"), -1 if none.
func (s *sent) countedBy(t int) int {
	if q := s.head(t); q >= 0 && s.rel(t) == "nmod" && quantities[s.lemma(q)] {
		return q
	}
	return -1
}

// counterpart finds whom consultation t is with: its "with" phrase, or
// that of the verb it is coordinated with ("spoke with X and discussed the
// deal"); what else it names is its topic ("discussed ... the Iran nuclear
// deal"). -1 if none.
func (s *sent) counterpart(t int) int {
	if a := s.prepArg(t, "with"); a >= 0 {
		return a
	}
	if h := s.head(t); h >= 0 && s.rel(t) == "conj" && s.toks[h].UPOS == "VERB" {
		return s.prepArg(h, "with")
	}
	return -1
}

// partner finds whom a predicate without a target slot is about, in what
// it complements: "is ready to boost cooperation with Iran", "is prepared
// for cooperation with Austria". -1 if it names no one.
func (s *sent) partner(t int) int {
	for _, c := range s.deps.Of(t) {
		switch s.rel(c) {
		case "obl":
			if p := s.caseOf(c); p == "in" && causes[s.lemma(c)] {
				// "protests in support of the Palestinian people"
				for _, prep := range []string{"of", "with"} {
					if a := s.prepArg(c, prep); a >= 0 && s.actorIn(a) != nil {
						return a
					}
				}
			} else if s.actorIn(c) != nil && !places[p] {
				return c
			}
		case "xcomp", "advcl":
			if s.rel(c) == "advcl" && s.caseOf(c) != "to" {
				continue
			}
			if d := s.complementActor(c); d >= 0 {
				return d
			}
		case "conj":
			// "is prepared for economic and technical cooperation with
			// Austria", the noun hung on the adjective as a conjunct.
			if s.stance(t) && s.toks[c].UPOS == "NOUN" {
				if a := s.prepArg(c, "with"); a >= 0 && s.actorIn(a) != nil {
					return a
				}
			}
		case "obj":
			// "expressed Iran's preparedness to support the Palestinian
			// people": the object noun's own infinitive complement (not
			// the content of "claims that he was kidnapped in Baghdad").
			for _, d := range s.deps.Of(c) {
				if r := s.rel(d); r == "xcomp" || r == "acl" && s.infinitive(d) {
					if a := s.complementActor(d); a >= 0 {
						return a
					}
				}
			}
		}
	}
	return -1
}

// infinitive reports whether clause c is introduced by "to".
func (s *sent) infinitive(c int) bool {
	m := s.child(c, "mark")
	return m >= 0 && s.lemma(m) == "to"
}

// complementActor returns the actor that complement clause c is done to
// (its object or oblique), -1 if it names none. Of a consultation ("to
// discuss the atrocities", "to resume talks with Israel") only the one it
// is "with" is a partner; its object is the topic.
func (s *sent) complementActor(c int) int {
	for _, e := range s.a.lex.Entries("verb", s.lemma(c)) {
		if root(e.Code) != "04" {
			continue
		}
		a := s.prepArg(c, "with")
		if o := s.child(c, "obj"); a < 0 && o >= 0 {
			a = s.objectArg(o, "with")
		}
		if a >= 0 && s.actorIn(a) == nil {
			a = -1
		}
		return a
	}
	for _, d := range s.deps.Of(c) {
		if r := s.rel(d); (r == "obj" || r == "obl") && s.actorIn(d) != nil {
			return d
		}
	}
	return -1
}

// places are the prepositions of where something happens, not to whom.
var places = map[string]bool{"in": true, "across": true, "throughout": true, "at": true, "near": true, "around": true, "inside": true,
	"outside": true, "behind": true, "beside": true, "along": true, "opposite": true, "within": true, "beyond": true}

// addressPreps introduce whom an act is addressed to when its object is a
// thing.
var addressPreps = []string{"to", "with", "against", "on"}

// hasModifier reports whether noun t has a compound or adjective with the
// lemma ("phone" in "phone call").
func (s *sent) hasModifier(t int, lemma string) bool {
	for _, c := range s.deps.Of(t) {
		if r := s.rel(c); (r == "compound" || r == "amod") && s.lemma(c) == lemma {
			return true
		}
	}
	return false
}

// particle finds verb t's particle, which the parser may attach as a
// particle, an adverb or (for "on", "at") the case of the next phrase.
func (s *sent) particle(t int, word string) int {
	for _, c := range s.deps.Of(t) {
		if r := s.rel(c); (r == "compound:prt" || r == "advmod") && s.lemma(c) == word {
			return c
		}
	}
	if t+1 < len(s.toks) && s.lemma(t+1) == word {
		return t + 1
	}
	return -1
}

// object finds verb t's object with the lemma ("anger" in "voiced anger"),
// the subject if the verb is passive ("talks were held"), or a dependent
// with the lemma right after the verb, whatever the parser called it
// ("paid tribute to", with "tribute" mistagged as an adverb).
func (s *sent) object(t int, lemma string, passive bool) int {
	for _, c := range s.deps.Of(t) {
		r := s.rel(c)
		if !(r == "obj" || passive && r == "nsubj:pass" || c == t+1) {
			continue
		}
		if s.lemma(c) == lemma {
			return c
		}
		if quantities[s.lemma(c)] { // "launched hundreds of rockets"
			if of := s.prepArg(c, "of"); of >= 0 && s.lemma(of) == lemma {
				return of
			}
		}
	}
	return -1
}

// events builds the events of a fitted predicate: one per source and
// target actor where they are coordinated, none when the predicate is not
// stated as having happened.
func (s *sent) events(t int, e lexicon.Entry, f fitted) []Event {
	code, ok := s.code(t, e, f)
	if !ok || (e.POS == "noun" || s.nominal(t)) && !s.nounEvent(t) || s.background(t) {
		return nil
	}
	src, tgt := s.participants(t, e, f, code)
	// An event needs an actor; a verbal one needs the one who said it.
	if len(src) == 0 && (len(tgt) == 0 || s.natural(t, e) || s.verbal(code)) {
		return nil
	}
	if e.POS == "noun" && len(tgt) == 0 && s.deps.Definite(s.toks, t) {
		return nil // "during the phone call": an event reported before
	}
	if e.POS == "noun" && root(code) == "02" && s.caseOf(t) == "at" {
		return nil // "at Washington's request": why another act was done
	}
	// An object that names no actor is what the two did it about when
	// they consulted ("X and Y discussed the truce").
	topic := root(code) == "04" && s.actorIn(f.target) == nil
	if len(tgt) == 0 && len(src) == 2 && !(e.Target.Kind == lexicon.Object && f.target >= 0 && !topic) && s.mutual(t, code) {
		// "X and Y met" is one meeting, of X with Y; "X and Y agreed":
		// with no one else named, each acted towards the other.
		a := s.eventsOf(t, e, f, code, src[:1], src[1:])
		if root(code) == "04" {
			return a
		}
		return append(a, s.eventsOf(t, e, f, code, src[1:], src[:1])...)
	}
	return s.eventsOf(t, e, f, code, src, tgt)
}

// code is the CAMEO code predicate t states with entry e, refined by what
// the sentence says of it; false when it states no event as happening.
func (s *sent) code(t int, e lexicon.Entry, f fitted) (string, bool) {
	code, ok := s.factual(t, e.Code)
	switch {
	case !ok:
		return "", false
	case root(code) == "04" && s.naming(t):
		return "", false // "calling Palestine a part of the Islamic world" is no call
	case root(code) == "04" && code != "036" && s.byPhone(t):
		return "041", true // "spoke by phone with", "talked over the phone"
	case code == "020" && needWords[e.Object] && f.object >= 0:
		return s.needOf(f.object, code), true
	case root(code) == "03" && e.POS == "verb" && s.hostileComplement(t):
		return "13", true // "vowed to retaliate", "pledged to crush": a threat
	case f.object >= 0:
		if c := s.modifiedNoun(f.object); c != "" && s.a.onto.QuadClass(c) == s.a.onto.QuadClass(code) {
			return c, true // "launched rocket attacks": the rockets say how
		}
	}
	return code, true
}

// verbal reports whether code is said rather than done: an appeal, praise,
// criticism or threat (quad classes 1 and 3, verbal cooperation and
// conflict).
func (s *sent) verbal(code string) bool { return s.a.onto.QuadClass(code)%2 == 1 }

// hostileComplement reports whether verb t's infinitive complement is an
// act of conflict, verbal or material ("vowed to punish the attackers").
func (s *sent) hostileComplement(t int) bool {
	for _, c := range s.deps.Of(t) {
		if r := s.rel(c); r != "xcomp" && !(r == "advcl" && s.caseOf(c) == "to") {
			continue
		}
		if e, _, ok := s.entryOf(c, "verb"); ok {
			return s.a.onto.QuadClass(e.Code) >= 3
		}
	}
	return false
}

// modifiedNoun returns the code of the noun entry with modifiers that noun
// t fits ("rocket attack", "car bomb"), "" if none does.
func (s *sent) modifiedNoun(t int) string {
	for _, e := range s.a.lex.Entries("noun", s.lemma(t)) {
		if len(e.Modifiers) == 0 {
			continue
		}
		if _, ok := s.fit(t, e); ok {
			return e.Code
		}
	}
	return ""
}

// participants returns the source and target actors of predicate t.
func (s *sent) participants(t int, e lexicon.Entry, f fitted, code string) (src, tgt []*actor.Mention) {
	switch {
	case e.Source.Kind == lexicon.Prep:
		src, tgt = s.actors(f.source), s.actors(s.subject(t))
	case e.POS == "noun" && s.caseOf(t) == "under":
		// "Palestinians have been under attack from the army": the
		// subject (of the verb, or of the noun as a predicate) is the
		// target.
		by := s.prepArg(t, "from")
		if by < 0 {
			by = s.nounSource(t)
		}
		under := s.child(t, "nsubj")
		if h := s.head(t); under < 0 && h >= 0 {
			under = s.subject(h)
		}
		src, tgt = s.actors(by), s.actors(under)
	case e.POS == "noun":
		src, tgt = s.actors(s.nounSource(t)), s.actors(f.target)
		if len(tgt) == 0 && s.violent("noun", t) {
			tgt = s.actors(s.victims(t))
		}
	default:
		src, tgt = s.actors(s.subject(t)), s.actors(f.target)
	}
	if len(tgt) == 0 && (root(code) == "02" || root(code) == "10" || root(code) == "13") {
		tgt = s.actors(s.addressee(t)) // also "warned that the stance of European leaders ..."
	}
	if len(src) == 0 && root(code) == "14" {
		src = s.actors(s.venue(t)) // "protests across the Muslim world": its people protested
	}
	if len(tgt) == 0 && root(code) == "14" {
		tgt = s.actors(s.protestedAgainst(t, f))
	}
	return src, tgt
}

// protestedAgainst returns the "anti-" adjective of protest t or of its
// object ("staged anti-Palestinian marches", "anti-American protests"),
// which names whom it is against; -1 if none.
func (s *sent) protestedAgainst(t int, f fitted) int {
	for _, n := range []int{t, f.object} {
		if n < 0 {
			continue
		}
		for _, c := range s.deps.Of(n) {
			if m := s.mention(c); m != nil && m.Opposed() {
				return c
			}
		}
	}
	return -1
}

// venue returns the actor where predicate t happened ("in Iran", "across
// the Muslim world"), -1 if it names none.
func (s *sent) venue(t int) int {
	for _, c := range s.deps.Of(t) {
		if s.rel(c) == "obl" && places[s.caseOf(c)] && s.actorIn(c) != nil {
			return c
		}
	}
	return -1
}

// mutual reports whether two coordinated subjects of predicate t with no
// one else named act towards each other: they do when they cooperate ("X
// and Y agreed") or fight each other ("clashed"), not when they threaten,
// accuse or attack ("X and Y threatened to retaliate"). Of a noun, the
// verb it is the object of or a compound may say so ("traded strikes",
// "have been trading strikes" read as a compound).
func (s *sent) mutual(t int, code string) bool {
	if s.a.onto.QuadClass(code) <= 2 || mutualConflict[s.lemma(t)] {
		return true
	}
	if h := s.head(t); h >= 0 && s.rel(t) == "obj" && mutualConflict[s.lemma(h)] {
		return true
	}
	c := s.child(t, "compound")
	return c >= 0 && mutualConflict[s.lemma(c)]
}

var mutualConflict = map[string]bool{"clash": true, "fight": true, "battle": true, "skirmish": true, "exchange": true, "trade": true, "trading": true}

// eventsOf builds one event for each source and target.
func (s *sent) eventsOf(t int, e lexicon.Entry, f fitted, code string, src, tgt []*actor.Mention) []Event {
	if len(src) == 0 {
		src = []*actor.Mention{nil}
	}
	if len(tgt) == 0 {
		tgt = []*actor.Mention{nil}
	}
	base := Event{
		Sentence: s.idx, TriggerFirst: t, TriggerLast: f.last, Code: code,
		Negated: s.negated(t), Quote: s.a.quoteOf[s.idx][t], Entry: e,
	}
	base.ClaimedBy = s.claimant(t, base.Quote)
	if s.a.in.Dater != nil {
		if d, how := s.a.in.Dater.EventDate(s.idx, t, code == "036"); how != timex.NoDate {
			base.Date = d
		}
	}
	if c := base.ClaimedBy; c != nil && s.verbal(code) {
		// "Iran's foreign minister said Iran is ready to ...": a state's
		// stance voiced by its own official is the official's statement.
		for i, a := range src {
			if a != nil && a.Role == "" && a.Kind == actor.Country && a.Country == c.Country {
				src[i] = c
			}
		}
	}
	var out []Event
	for _, a := range src {
		for _, b := range tgt {
			if a != nil && b != nil && (a == b || s.a.in.Mentions.Same(a, b) || a.Code == b.Code && (!b.Explicit || a.Country != "")) {
				// One actor, or a bare "foreign ministers" given the speaker's
				// own country; a state's body acting on itself ("the Iranian
				// minister defended Tehran's will") is its own stance, though
				// the Security Council may well address the UN.
				continue
			}
			ev := base
			ev.Source, ev.Target = a, b
			if root(ev.Code) == "19" && s.bombing(t) {
				ev.Code = "183" // a bomb is no conventional military force
			}
			if a != nil && a.Role == "CVL" && root(ev.Code) == "19" {
				// Military force is what armed forces use; civilians,
				// settlers and mobs who kill or wound commit an assault.
				ev.Code = "18"
			}
			out = append(out, ev)
		}
	}
	return out
}

// needOf codes "stressed the need for X" by what X is: the need for
// consultations or talks is the intent to meet (036), for cooperation the
// intent to cooperate (031); any other need stays an appeal (code).
func (s *sent) needOf(need int, code string) string {
	for _, c := range s.deps.Of(need) {
		if r := s.rel(c); r != "nmod" && r != "acl" {
			continue
		}
		if s.child(c, "nsubj") >= 0 || s.prepArg(c, "for") >= 0 {
			return code // "the need for Iran to cooperate" asks it of Iran
		}
		for _, pos := range []string{"noun", "verb"} {
			for _, e := range s.a.lex.Entries(pos, s.lemma(c)) {
				switch root(e.Code) {
				case "04":
					return "036"
				case "06":
					return "031"
				}
			}
		}
	}
	return code
}

// addressee finds whom an appeal or demand with no object is addressed to:
// the subject of what it asks for ("“Muslims must stand united,” he
// suggested"; "demanded that the council meet"). -1 if none.
func (s *sent) addressee(t int) int {
	for _, c := range s.deps.Of(t) {
		if r := s.rel(c); r == "ccomp" || r == "parataxis" {
			if subj := s.child(c, "nsubj", "nsubj:pass"); subj >= 0 {
				return subj
			}
		}
	}
	// The parser often makes the quoted clause the head and the speech
	// verb hang from it.
	if h := s.head(t); h >= 0 && (s.rel(t) == "advcl" || s.rel(t) == "parataxis") && s.a.quoteOf[s.idx][h] >= 0 {
		return s.child(h, "nsubj", "nsubj:pass")
	}
	return -1
}

// bombing reports whether violence t was done by a bomb: its subject (or,
// for a passive, the attack it happened in) is one, or is a "bomb attack".
func (s *sent) bombing(t int) bool {
	by := s.subject(t)
	if s.toks[t].UPOS == "VERB" && s.passive(t) {
		by = s.agent(t)
	}
	if h := s.head(t); by < 0 && s.rel(t) == "acl" {
		by = h // "a car bomb ..., killing six", the participle on the bomb
	}
	if by < 0 {
		return false
	}
	if bombs[s.lemma(by)] {
		return true
	}
	for _, c := range s.deps.Of(by) {
		if r := s.rel(c); (r == "compound" || r == "amod") && bombs[s.lemma(c)] {
			return true
		}
	}
	return false
}

// naming reports whether verb t names or describes its object ("called it
// a crime", "calling Palestine as a part of"): a predicate said of the
// object, not a consultation with it.
func (s *sent) naming(t int) bool {
	if s.toks[t].UPOS != "VERB" || s.child(t, "obj") < 0 {
		return false
	}
	objects := 0
	for _, c := range s.deps.Of(t) {
		switch r := s.rel(c); {
		case r == "obj":
			objects++ // "calling Palestine a part of": the parser's two objects
		case r == "xcomp" && s.toks[c].UPOS != "VERB", (r == "obl" || r == "advcl") && s.caseOf(c) == "as":
			return true
		}
	}
	return objects > 1
}

// byPhone reports whether predicate t happened by telephone.
func (s *sent) byPhone(t int) bool {
	for _, c := range s.deps.Of(t) {
		if r := s.rel(c); (r == "obl" || r == "nmod") && (s.phone(c) || s.lemma(c) == "call" && s.hasPhone(c)) {
			return true // "by phone", "in a phone call"
		}
	}
	return false
}

func (s *sent) phone(t int) bool { return s.lemma(t) == "phone" || s.lemma(t) == "telephone" }

// hasPhone reports whether t has "phone" as a modifier ("phone call").
func (s *sent) hasPhone(t int) bool {
	for _, c := range s.deps.Of(t) {
		if s.phone(c) {
			return true
		}
	}
	return false
}

// natural reports whether violent predicate t has a subject that is neither
// an actor nor a weapon or an attack: "Tropical Storm Jeanne killed 250
// people" is no political event; "a car bomb killed 12 people" is one, by
// whoever set it.
func (s *sent) natural(t int, e lexicon.Entry) bool {
	if e.POS != "verb" || s.a.onto.QuadClass(e.Code) != 4 || s.passive(t) {
		return false
	}
	subj := s.child(t, "nsubj")
	return subj >= 0 && s.actorIn(subj) == nil && !s.violent("noun", subj) && !weapons[s.lemma(subj)]
}

// claimant is who reports an event: its quotation's speaker, or the
// subject of the speech verb whose reported clause states it.
func (s *sent) claimant(t, quote int) *actor.Mention {
	if quote >= 0 {
		return s.a.in.Speakers[quote]
	}
	for depth := 0; t >= 0 && depth < 6; depth++ {
		h := s.head(t)
		if h < 0 {
			return nil
		}
		if r := s.rel(t); (r == "ccomp" || r == "parataxis") && speechVerbs[s.lemma(h)] {
			return s.actorIn(s.subject(h))
		}
		t = h
	}
	return nil
}
