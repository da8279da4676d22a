package actor

import (
	"slices"
	"strings"

	"github.com/dyad-org/dyad/actor/kb"
	"github.com/dyad-org/dyad/nlp"
)

// Mention is a noun phrase that names or refers to an actor.
type Mention struct {
	Sentence    int // index in Doc.Sentences
	First, Last int // tokens of the phrase, inclusive
	Head        int // the phrase's syntactic head
	Start, End  int // byte offsets of the phrase
	Kind        Kind
	// Code is the CAMEO-style actor code as of the article's date, "" when
	// the phrase names an actor the knowledge base cannot code. Country and
	// Role are its parts; Name is the person's or organisation's name when
	// known.
	Code, Country, Role, Name string
	// Text is the most informative mention of the same actor: the phrase
	// itself, or for "he" and "the spokesman" the name they refer to.
	Text string
	// Explicit: the phrase itself says who it is; otherwise its code came
	// from an antecedent or from the context.
	Explicit bool
	// Headed: the phrase's head word itself names the actor ("the Taliban
	// militants"), unlike a thing that a modifier ties to one ("the
	// regime's criminal activities").
	Headed bool
	Plural bool
	// Ref is the index (in Mentions.List) of the earlier mention this one
	// refers to, -1 if none.
	Ref int
	// Members are the indexes (in Mentions.List) of the two actors a pair
	// refers to: "the two ministers", "both", "the two". Code and Text are
	// the first member's.
	Members    []int
	family     int    // role family, -1 for none
	contextual bool   // a role word that may take its country from the context
	body       bool   // a role word for an institution ("ministry"), not a person
	roleWord   string // the role phrase's head word, lower case ("minister")
	refers     string // for anaphors: what they refer to (anaphors.tsv)
	opposed    bool   // named as what an "anti-" word opposes: no antecedent of "they"
}

// Opposed reports whether the mention is the name an "anti-" adjective
// opposes ("anti-American"): what a protest is against.
func (m *Mention) Opposed() bool { return m.opposed }

// human reports whether the mention can be referred to as "he" or "she".
func (m *Mention) human() bool {
	switch m.Kind {
	case Person:
		return true
	case Role:
		return !m.Plural && !m.body
	case Pronoun:
		return m.refers == "person"
	}
	return false
}

// innerRel says whether a dependent with relation rel is part of its head's
// name.
func innerRel(rel string) bool {
	switch rel {
	case "compound", "flat", "flat:name", "amod", "nmod:poss", "appos", "nmod:desc", "nmod:unmarked":
		return true
	}
	return false
}

// collect gathers the phrase headed by h: the part of the parse an actor
// mention is read from, its head and the tokens that modify it as part of
// the name (compounds, flat names, adjectives, possessors, appositions, and
// for a role word, roleHead, its "of" and "for" phrases: "the spokesperson
// for Iran's Foreign Ministry").
func collect(toks []nlp.Token, k *nlp.Deps, h int, roleHead bool, out []int) []int {
	out = append(out, h)
	for _, c := range k.Of(h) {
		rel := toks[c].Rel
		switch {
		case innerRel(rel):
			out = collect(toks, k, c, false, out)
		case roleHead && rel == "nmod" && hasCase(toks, k, c, "of", "for"):
			out = collect(toks, k, c, false, out)
		}
	}
	return out
}

func hasCase(toks []nlp.Token, k *nlp.Deps, i int, preps ...string) bool {
	for _, c := range k.Of(i) {
		if toks[c].Rel == "case" {
			l := strings.ToLower(toks[c].Text)
			for _, p := range preps {
				if l == p {
					return true
				}
			}
		}
	}
	return false
}

// nominal reports whether a token can head an actor phrase.
func nominal(t *nlp.Token) bool {
	switch t.UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "ADJ", "SYM":
		return true
	case "DET":
		return strings.EqualFold(t.Text, "both")
	}
	return false
}

// sentence resolves the mentions of one sentence (before coreference).
type sentence struct {
	r     *Resolver
	idx   int
	toks  []nlp.Token
	k     nlp.Deps
	sc    scanner
	ms    []match
	at    []int // at[token] = index into ms of the match covering it, -1
	taken []bool
	date  kb.Date
	buf   []int
}

func (s *sentence) load(r *Resolver, si int, sent *nlp.Sentence, date kb.Date) {
	s.r, s.idx, s.toks, s.date = r, si, sent.Tokens, date
	s.k.Load(s.toks)
	s.sc.load(s.toks)
	s.ms = r.ix.matches(&s.sc, s.toks, s.ms[:0])
	// A role word used as an adjective names no one: "criminal" in
	// "criminal activities", "official" in "an official visit"; but an
	// armed group's does: "insurgent attacks", "militant groups".
	s.ms = slices.DeleteFunc(s.ms, func(m match) bool {
		return m.first == m.last && s.toks[m.first].UPOS == "ADJ" && allRoles(m.entries) && m.entries[0].code != "REB"
	})
	n := len(s.toks)
	s.at, s.taken = slices.Grow(s.at[:0], n)[:n], slices.Grow(s.taken[:0], n)[:n]
	for i := range s.at {
		s.at[i], s.taken[i] = -1, false
	}
	for mi, m := range s.ms {
		for t := m.first; t <= m.last; t++ {
			s.at[t] = mi
		}
	}
	for _, e := range sent.Entities {
		if e.Type == "PER" {
			s.markPerson(e.First, e.Last)
		}
	}
}

// markPerson records an entity-tagger person that the knowledge base does
// not know, so that a title can code it ("Indonesian President Joko
// Widodo" is IDNGOV whoever he is).
func (s *sentence) markPerson(first, last int) {
	for t := first; t <= last; t++ {
		if s.at[t] >= 0 {
			return
		}
	}
	s.ms = append(s.ms, match{first: first, last: last, entries: []entry{{kind: Person}}})
	for t := first; t <= last; t++ {
		s.at[t] = len(s.ms) - 1
	}
}

// mentions appends the sentence's mentions: one per phrase whose head is
// nominal and that is not itself part of a larger phrase's name.
func (s *sentence) mentions(out []Mention) []Mention {
	for h := range s.toks {
		t := &s.toks[h]
		if !nominal(t) || innerRel(t.Rel) && t.Head >= 0 && nominal(&s.toks[t.Head]) {
			continue
		}
		if m, ok := s.resolve(h); ok {
			out = append(out, m)
		}
	}
	// Matches left outside any mention still name an actor on their own
	// ("Israeli" in "Israeli aggression"), which the coder may need.
	for _, m := range s.ms {
		if !s.taken[m.first] && m.entries[0].kind != Role && m.entries[0].kind != Person {
			if mm, ok := s.fromMatch(m, m.first, m.last); ok {
				out = append(out, mm)
			}
		}
	}
	return out
}

// resolve reads the actor of the phrase headed by h.
func (s *sentence) resolve(h int) (Mention, bool) {
	m := Mention{Sentence: s.idx, Head: h, Ref: -1, family: -1}
	headMatch := s.at[h]
	if s.pair(h) {
		m.Kind, m.First, m.Last, m.refers, m.Plural = Pronoun, h, h, "pair", true
		s.span(&m)
		m.Text = s.text(m.First, m.Last)
		return m, true
	}
	if refers := s.anaphor(h); refers != "" && headMatch < 0 {
		m.Kind, m.First, m.Last, m.refers = Pronoun, h, h, refers
		m.Plural = refers == "group"
		s.span(&m)
		m.Text = s.text(m.First, m.Last)
		return m, true
	}
	roleHead := headMatch >= 0 && s.ms[headMatch].entries[0].kind == Role
	s.buf = collect(s.toks, &s.k, h, roleHead, s.buf[:0])
	// The phrase's matches, the head's first.
	var person, org, place, role *match
	consider := func(mi int) {
		mt := &s.ms[mi]
		if opposing(s.toks[mt.first].Text) {
			return // "anti-American protesters" are not Americans
		}
		for _, e := range mt.entries {
			switch e.kind {
			case Person:
				person = first(person, mt)
			case Org, Region:
				org = first(org, mt)
			case Country, Demonym, Capital, Place:
				if !s.patron(mt) {
					place = first(place, mt)
				}
			case Role:
				role = s.nearer(role, mt, h)
			}
		}
	}
	if headMatch >= 0 {
		consider(headMatch)
	}
	for _, t := range s.buf {
		if mi := s.at[t]; mi >= 0 && mi != headMatch {
			consider(mi)
		}
	}
	if person == nil && org == nil && place == nil && role == nil {
		return m, false
	}
	if headMatch < 0 && person == nil && org == nil && role == nil {
		// A place modifying another noun does not make it an actor: "the
		// Palestinian cause" (the place keeps a mention of its own); a
		// role word does: "the Prime Minister's Office".
		return m, false
	}
	m.First, m.Last = h, h
	for _, t := range s.buf {
		m.First, m.Last = min(m.First, t), max(m.Last, t)
		s.taken[t] = true
		if mi := s.at[t]; mi >= 0 { // a name spans its phrase's dependents
			m.First, m.Last = min(m.First, s.ms[mi].first), max(m.Last, s.ms[mi].last)
		}
	}
	for t := m.First; t <= m.Last; t++ {
		s.taken[t] = true
	}
	s.span(&m)
	m.Text = s.text(m.First, m.Last)
	m.Explicit = true
	m.Headed = headMatch >= 0
	switch {
	case person != nil && (headMatch < 0 || s.ms[headMatch].entries[0].kind != Org):
		s.person(&m, person, role, org, place)
	case headMatch >= 0 && org == &s.ms[headMatch] || org != nil && role == nil:
		s.org(&m, org, role)
	case role != nil:
		s.role(&m, role, org, place)
	default:
		s.place(&m, place, h)
	}
	return m, m.Code != "" || m.Kind == Role || m.Kind == Person
}

// anaphor says what token h refers back to, if it is a pronoun or the head
// of a definite phrase such as "the body" (see anaphors.tsv).
func (s *sentence) anaphor(h int) string {
	t := &s.toks[h]
	refers := s.r.anaphors[strings.ToLower(t.Text)]
	if refers == "" && t.UPOS == "NOUN" {
		refers = s.r.anaphors[strings.ToLower(t.Lemma)]
		if refers == "" || refers == "speaker" || !s.k.Definite(s.toks, h) {
			return ""
		}
		return refers
	}
	if refers != "" && t.UPOS == "NOUN" {
		return refers // "400 others"
	}
	if t.UPOS != "PRON" {
		return ""
	}
	return refers
}

// pair reports whether the phrase headed by h refers to two actors named
// before: "both", "the two", "the two foreign ministers".
func (s *sentence) pair(h int) bool {
	switch strings.ToLower(s.toks[h].Text) {
	case "both":
		return s.toks[h].Head >= 0 && strings.HasPrefix(s.toks[h].Rel, "nsubj")
	case "two":
		return s.k.Definite(s.toks, h)
	}
	if !s.k.Definite(s.toks, h) {
		return false
	}
	for _, c := range s.k.Of(h) {
		if s.toks[c].Rel == "nummod" && strings.ToLower(s.toks[c].Text) == "two" {
			return true
		}
	}
	return false
}

// patron reports a place that backs the actor rather than being its home:
// "an Iranian-backed militia in Syria" is not Iranian.
func (s *sentence) patron(m *match) bool {
	k := m.last + 2
	return k < len(s.toks) && isHyphen(s.toks[m.last+1].Text) && !s.toks[m.last].SpaceAfter &&
		s.r.patronWords[strings.ToLower(s.toks[k].Text)]
}

// nearer returns whichever of two role matches is nearer the phrase's head
// h: the title right before a name, not a word deep in it ("Under
// Secretary of the Treasury for Terrorism and Financial Intelligence X").
// Of a compound of two role words ("police spokesman", "army commander"),
// the modifier says whose the person is.
func (s *sentence) nearer(cur, m *match, h int) *match {
	if cur == nil {
		return m
	}
	if m.last+1 == cur.first && s.toks[m.last].Head >= cur.first && s.toks[m.last].Head <= cur.last {
		return m // m modifies cur: "police" in "police spokesman"
	}
	if cur.last+1 == m.first && s.toks[cur.last].Head >= m.first && s.toks[cur.last].Head <= m.last {
		return cur
	}
	if abs(m.last-h) < abs(cur.last-h) {
		return m
	}
	return cur
}

func first(cur, m *match) *match {
	if cur == nil {
		return m
	}
	return cur
}

// person codes a named person: by the office the phrase gives ("Iranian
// President X", "X, the foreign minister of Iran") if the person is not
// known, or by the office held on the article's date.
func (s *sentence) person(m *Mention, p, role, org, place *match) {
	m.Kind = Person
	m.Name = s.text(p.first, p.last)
	m.Text = m.Name
	if role != nil { // "the minister" may refer back to "Foreign Minister X"
		m.family, m.roleWord = roleEntry(role).family, s.headWord(role)
	}
	name := p.entries[0].name
	for _, e := range p.entries {
		if e.kind == Person && e.name != "" {
			name = e.name
			break
		}
	}
	if name != "" {
		if terms := s.r.kb.HoldersOn(name, s.date); len(terms) > 0 {
			m.Name = terms[0].Name
			s.setCode(m, terms[0].Code)
			return
		}
		m.Name = name
	}
	if role != nil {
		s.role(m, role, org, place)
		m.Kind = Person
		return
	}
	if country := s.placeCode(place); country != "" {
		s.setCode(m, country)
		return
	}
	// Out of office on the date and given no title: the country they served.
	if terms := s.r.kb.HoldersOn(name, kb.Date{}); len(terms) > 0 {
		country, _ := splitCode(terms[len(terms)-1].Code)
		s.setCode(m, country)
	}
}

// org codes an organisation, or a region or community; a role word with
// it ("OIC Secretary-General", "Hamas leader") keeps the organisation's
// code, since the scorer compares organisations whole.
func (s *sentence) org(m *Mention, org, role *match) {
	e := org.entries[0]
	for _, x := range org.entries {
		if x.kind == Org || x.kind == Region {
			e = x
			break
		}
	}
	m.Kind, m.Name = e.kind, e.name
	s.setCode(m, e.code)
	if role != nil {
		m.family = role.entries[0].family
	}
}

// role codes a role word with the country its phrase names, if any.
func (s *sentence) role(m *Mention, role, org, place *match) {
	e := roleEntry(role)
	m.Kind, m.family, m.Plural, m.contextual, m.body = Role, e.family, e.plural, e.context, e.body
	m.roleWord = s.headWord(role)
	m.Role = e.code
	// "Hamas fighters", "the IDF spokesman", "the spokesperson of the EU":
	// the organisation's code; not an apposition after the role ("forces
	// ..., Jews"), which names someone else.
	// A region's adjective names the actor of a government's role only
	// ("European leaders" EURGOV); elsewhere it describes people whose
	// country the context gives ("Arab militias" in Darfur are Sudanese).
	regional := org != nil && org.entries[0].kind == Region && len(org.entries[0].code) == 3
	if regional && e.code != "GOV" && org.first == org.last && org.last < role.first {
		org = nil
	}
	if org != nil && (org.last < role.first || !s.apposed(org, role)) {
		code := org.entries[0].code
		if regional && !countryOnly(s.toks[role.last].Lemma) {
			code += e.code // as a country's
		}
		s.setCode(m, code)
		return
	}
	if country := s.placeCode(place); country != "" {
		if countryOnly(s.toks[role.last].Lemma) {
			s.setCode(m, country)
			return
		}
		s.setCode(m, country+e.code)
		return
	}
	m.Explicit = false
}

// apposed reports whether match a stands in apposition to match b.
func (s *sentence) apposed(a, b *match) bool {
	for t := a.first; t <= a.last; t++ {
		if h := s.toks[t].Head; s.toks[t].Rel == "appos" && h >= b.first && h <= b.last {
			return true
		}
	}
	return false
}

// place codes a country, capital, place or demonym heading a phrase.
func (s *sentence) place(m *Mention, place *match, h int) {
	e := place.entries[0]
	m.Kind, m.Name, m.Plural = e.kind, e.name, e.plural
	if e.kind == Demonym && !e.plural && s.k.Definite(s.toks, h) {
		m.Plural = true // "the Palestinian", "the British": the people
	}
	code := e.code
	if e.kind == Capital {
		code += "GOV"
	}
	s.setCode(m, code)
}

func (s *sentence) placeCode(place *match) string {
	if place == nil {
		return ""
	}
	return place.entries[0].code
}

// fromMatch is a mention of a match that heads no phrase of its own.
func (s *sentence) fromMatch(mt match, first, last int) (Mention, bool) {
	m := Mention{Sentence: s.idx, First: first, Last: last, Head: last, Ref: -1, family: -1, Explicit: true, Headed: true}
	for t := first; t <= last; t++ {
		if h := s.toks[t].Head; h < first || h > last {
			m.Head = t
		}
	}
	s.span(&m)
	m.Text = s.text(first, last)
	m.opposed = opposing(s.toks[mt.first].Text)
	switch e := mt.entries[0]; e.kind {
	case Org, Region:
		s.org(&m, &mt, nil)
	default:
		s.place(&m, &mt, m.Head)
	}
	return m, m.Code != ""
}

func roleEntry(m *match) entry {
	for _, e := range m.entries {
		if e.kind == Role {
			return e
		}
	}
	return m.entries[0]
}

// headWord is the lower-case lemma of a match's syntactic head: "secretary"
// for "Secretary of State", "minister" for "foreign minister".
func (s *sentence) headWord(m *match) string {
	h := m.last
	for t := m.first; t <= m.last; t++ {
		if p := s.toks[t].Head; p < m.first || p > m.last {
			h = t
			break
		}
	}
	return strings.ToLower(s.toks[h].Lemma)
}

// setCode sets the code and splits it into country and role.
func (s *sentence) setCode(m *Mention, code string) {
	m.Code = code
	m.Country, m.Role = splitCode(code)
}

// splitCode splits "IRNGOV" into "IRN" and "GOV"; international codes
// ("IGOUNO") have no country.
func splitCode(code string) (country, role string) {
	if len(code) < 3 || international(code) {
		return "", ""
	}
	country = code[:3]
	if len(code) >= 6 {
		role = code[3:6]
	}
	return country, role
}

func international(code string) bool {
	return strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG")
}

// countryOnly: "the Palestinian people", "the Iranian nation" stand for the
// country as a whole.
func countryOnly(lemma string) bool {
	switch strings.ToLower(lemma) {
	case "people", "nation", "public", "population":
		return true
	}
	return false
}

func (s *sentence) span(m *Mention) {
	m.Start, m.End = s.toks[m.First].Start, s.toks[m.Last].End
}

func (s *sentence) text(first, last int) string {
	var b strings.Builder
	for t := first; t <= last; t++ {
		b.WriteString(s.toks[t].Text)
		if t < last && s.toks[t].SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// FirstPerson reports whether the mention is "we", "I" or their forms,
// which stand for the speaker of the quotation they are in.
func (m *Mention) FirstPerson() bool { return m.refers == "speaker" }
