package actor

import (
	"strings"
	"unicode"

	"github.com/dyad-org/dyad/nlp"
)

// How far back, in sentences, a pronoun looks for what it refers to.
const pronounWindow = 3

// corefer resolves, in text order, the mentions that do not say who they
// are: pronouns and definite phrases ("he", "the body") take the code of
// what they refer to; role words without a country ("the spokesman", "the
// army") take an earlier mention of the same role, or else the country the
// context is about (dominant: the dateline's, the text's or the title's
// country); and a role mention with its country but no name ("the
// Iranian president") takes the name of an earlier mention of that person.
func (r *Resolver) corefer(doc *nlp.Doc, ms *Mentions, dominant string, filed bool) {
	for i := range ms.List {
		m := &ms.List[i]
		switch {
		case m.refers == "pair":
			if a, b := pairOf(ms.List, i); b >= 0 {
				if root(ms.List, b) < root(ms.List, a) {
					a, b = b, a // in the order the article named them first
				}
				adopt(m, ms.List, a)
				m.Members = []int{root(ms.List, a), root(ms.List, b)}
				m.Text = ms.List[a].Text + " and " + ms.List[b].Text
			}
		case m.Kind == Pronoun:
			if a := antecedent(doc, ms.List, i); a >= 0 {
				adopt(m, ms.List, a)
			}
		case m.Kind == Person && m.Code == "" && m.Role == "":
			if a := sameName(ms.List, i); a >= 0 {
				adopt(m, ms.List, a)
				m.Name, m.Text = ms.List[a].Name, ms.List[a].Text
			}
		case (m.Kind == Role || m.Kind == Person) && !m.Explicit && m.Code == "":
			bareRole(doc, ms, i, dominant, filed)
		case m.Kind == Role && m.human():
			if a := samePerson(ms.List, i); a >= 0 {
				m.Name, m.Text, m.Ref = ms.List[a].Name, ms.List[a].Text, root(ms.List, a)
			}
		}
	}
}

// bareRole codes a role word that names no country ("the spokesman", "the
// army"), trying in turn: the country of what its possessive pronoun
// refers to in the sentence ("praised their resistance"); the country of an explicit role it is coordinated
// with ("Israel's security forces and army"); an earlier mention of the
// same role, not the one it is coordinated with; for roles that may take
// it from the context, the country of the last explicit mention of the same
// role code, of the place named nearest in the sentence, of the latest
// explicit mention, and the dateline's or else the article's main one.
func bareRole(doc *nlp.Doc, ms *Mentions, i int, dominant string, filed bool) {
	m := &ms.List[i]
	if c := possessorCountry(doc, ms.List, i); c != "" {
		m.setCountry(c)
		return
	}
	conj, other := conjunctOf(doc, ms, m), ""
	if conj != nil {
		if conj.Explicit && conj.Country != "" && conj.Kind == Role {
			m.setCountry(conj.Country)
			return
		}
		other = conj.Code
	}
	if a := sameRole(ms.List, i, other); a >= 0 {
		adopt(m, ms.List, a)
		return
	}
	if !m.contextual {
		return
	}
	if a := sameRoleCode(ms.List, i); a >= 0 {
		m.setCountry(ms.List[a].Country)
		return
	}
	order := []string{placeNear(doc, ms.List, i), recentCountry(doc, ms.List, i), dominant}
	if filed {
		// A dateline's country comes before the last one named: "the
		// military spokesman" of a story filed from Islamabad is Pakistan's.
		order[1], order[2] = order[2], order[1]
	}
	for _, c := range order {
		if c != "" {
			m.setCountry(c)
			return
		}
	}
}

// possessorCountry is the country of the actor that the possessive
// pronoun of role mention i refers to, found earlier in its sentence: the
// nearest plural actor for "their", state or body for "its", person for
// "his" or "her"; "" if it has none.
func possessorCountry(doc *nlp.Doc, list []Mention, i int) string {
	m := &list[i]
	toks := doc.Sentences[m.Sentence].Tokens
	var fits func(c *Mention) bool
	for k := range toks {
		if toks[k].Head != m.Head || toks[k].Rel != "nmod:poss" || toks[k].UPOS != "PRON" {
			continue
		}
		switch strings.ToLower(toks[k].Text) {
		case "their":
			fits = func(c *Mention) bool { return c.Plural || c.Kind == Region }
		case "its":
			fits = func(c *Mention) bool { return c.Kind == Country || c.Kind == Capital || c.Kind == Org }
		case "his", "her":
			fits = func(c *Mention) bool { return c.human() }
		}
	}
	if fits == nil {
		return ""
	}
	for j := i - 1; j >= 0 && list[j].Sentence == m.Sentence; j-- {
		if c := &list[j]; c.Explicit && c.Country != "" && fits(c) {
			return c.Country
		}
	}
	return ""
}

// setCountry codes a role mention as its role in country c.
func (m *Mention) setCountry(c string) { m.Code, m.Country = c+m.Role, c }

// adopt makes m refer to mention a.
func adopt(m *Mention, list []Mention, a int) {
	src := &list[a]
	m.Code, m.Country, m.Role = src.Code, src.Country, src.Role
	if m.Kind != Person || m.Name == "" {
		m.Name, m.Text = src.Name, src.Text // a named person keeps their name
	}
	m.Ref = root(list, a)
}

// root follows Ref links to the first mention of an actor.
func root(list []Mention, a int) int {
	for list[a].Ref >= 0 {
		a = list[a].Ref
	}
	return a
}

// antecedent finds what pronoun i refers to: in its own sentence the nearest
// earlier fitting mention, in earlier sentences first their subject, then
// their last fitting mention.
func antecedent(doc *nlp.Doc, list []Mention, i int) int {
	p := &list[i]
	if p.refers == "speaker" {
		return -1 // the coder gives "we" its quotation's speaker
	}
	fits := func(c *Mention) bool {
		if c.Code == "" || c.opposed {
			return false
		}
		switch p.refers {
		case "person":
			return c.human()
		case "group":
			return c.Plural || c.Kind == Org || c.Kind == Region || c.Kind == Demonym
		case "thing":
			return !c.human() && !c.Plural && c.Kind != Pronoun
		}
		return false
	}
	toks := doc.Sentences[p.Sentence].Tokens
	// The main clause's subject: "as it defends its sovereignty", in a
	// clause of its own, may refer to the main clause's object.
	subject := strings.HasPrefix(toks[p.Head].Rel, "nsubj") && toks[p.Head].Head >= 0 && toks[toks[p.Head].Head].Head < 0
	for j := i - 1; j >= 0 && list[j].Sentence == p.Sentence; j-- {
		c := &list[j]
		if !fits(c) || c.End > p.Start || quoteBetween(toks, c.Last, p.First) {
			continue
		}
		// A subject pronoun does not refer to a name in a phrase before
		// it: in "During a call with his counterpart X, he demanded", he
		// is not X. Another clause's subject it may refer to.
		if subject && !strings.HasPrefix(toks[c.Head].Rel, "nsubj") {
			continue
		}
		return j
	}
	for j := i - 1; j >= 0 && p.Sentence-list[j].Sentence <= pronounWindow; {
		s := list[j].Sentence
		if s == p.Sentence {
			j--
			continue
		}
		last, subject := -1, -1
		for ; j >= 0 && list[j].Sentence == s; j-- {
			if !fits(&list[j]) {
				continue
			}
			if last < 0 {
				last = j
			}
			if rel := doc.Sentences[s].Tokens[list[j].Head].Rel; rel == "nsubj" || rel == "nsubj:pass" {
				subject = j
			}
		}
		if subject >= 0 {
			return subject
		}
		if last >= 0 {
			return last
		}
	}
	return -1
}

// quoteBetween reports whether a quotation mark stands between tokens a and
// b: "he" in “…,” he added does not refer to anyone inside the quotation.
func quoteBetween(toks []nlp.Token, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if toks[k].Quote != nlp.NotQuote {
			return true
		}
	}
	return false
}

// pairOf finds the two actors a pair refers to: the last two earlier
// mentions, within pronounWindow sentences, of people with different codes
// ("the two met" after the two leaders were named), or failing that of
// people or states.
func pairOf(list []Mention, i int) (a, b int) {
	for _, fits := range []func(c *Mention) bool{
		func(c *Mention) bool { return c.human() },
		func(c *Mention) bool { return c.human() || c.Kind == Country || c.Kind == Capital },
	} {
		b := -1
		for j := i - 1; j >= 0 && list[i].Sentence-list[j].Sentence <= pronounWindow; j-- {
			c := &list[j]
			if c.Code == "" || c.Members != nil || !fits(c) {
				continue
			}
			switch {
			case b < 0:
				b = j
			case list[b].Code != c.Code:
				return j, b
			}
		}
	}
	return -1, -1
}

// conjunctOf is the mention m is coordinated with, nil if none. The parser
// sometimes makes both subjects of the verb.
func conjunctOf(doc *nlp.Doc, ms *Mentions, m *Mention) *Mention {
	toks := doc.Sentences[m.Sentence].Tokens
	t := &toks[m.Head]
	switch {
	case t.Rel == "conj":
		return ms.At(m.Sentence, t.Head)
	case t.Rel == "nsubj":
		for k := m.Head - 1; k >= 0; k-- {
			if toks[k].Head == t.Head && toks[k].Rel == "nsubj" {
				return ms.At(m.Sentence, k)
			}
		}
	}
	return nil
}

// sameName finds an earlier person whose name ends with this one's: a
// surname after the full name ("Schallenberg" after "Alexander
// Schallenberg").
// A surname spelt another way ("Al-Nakhaleh" after "Ziyad al-Nakhalah",
// "Abdolahian" after "Amir-Abdollahian": transliterations vary within one
// article) is the same name when their skeletons are.
func sameName(list []Mention, i int) int {
	name := strings.ToLower(list[i].Name)
	skeleton := nameSkeleton(lastWord(name))
	for j := i - 1; j >= 0; j-- {
		c := &list[j]
		if c.Kind != Person || c.Code == "" {
			continue
		}
		full := strings.ToLower(c.Name)
		if strings.HasSuffix(full, " "+name) || len(skeleton) >= 5 && nameSkeleton(lastWord(full)) == skeleton {
			return j
		}
	}
	return -1
}

func lastWord(name string) string { return name[strings.LastIndexAny(name, " -")+1:] }

// nameSkeleton reduces a lower-case name to what its transliterations
// share: its first letter and its consonants, doubled letters written once
// ("nakhaleh" and "nakhalah" → "nkhlh", "abddollahian" → "abdlhn").
func nameSkeleton(name string) string {
	var b strings.Builder
	var last rune
	for i, r := range name {
		if !unicode.IsLetter(r) || r == last {
			continue
		}
		last = r
		if i > 0 && strings.ContainsRune("aeiouy", r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sameRole finds the latest earlier mention of the same role that has a
// code: of the same family of words ("the spokesman" after "the
// spokesperson for Iran's Foreign Ministry") or with the same last word
// ("the minister" after "the foreign minister").
// A role coordinated with another mention ("the Secretary and the Foreign
// Minister") is someone else than that mention: other, its code, is
// skipped.
func sameRole(list []Mention, i int, other string) int {
	m := &list[i]
	for j := i - 1; j >= 0; j-- {
		c := &list[j]
		known := c.Explicit || c.Ref >= 0 // not itself a guess from the context
		if (c.family == m.family || c.roleWord == m.roleWord) && c.Code != "" && c.Code != other && c.Plural == m.Plural && known {
			return j
		}
	}
	return -1
}

// samePerson finds an earlier named person with the same code and role
// family: the name of "the Iranian president".
func samePerson(list []Mention, i int) int {
	m := &list[i]
	for j := i - 1; j >= 0; j-- {
		c := &list[j]
		if c.Kind == Person && c.Code == m.Code && c.family == m.family && c.Name != "" {
			return j
		}
	}
	return -1
}

// sameRoleCode finds the latest earlier explicit mention with the same
// role code: "a police spokesman" after "the Israeli police" speaks for the
// Israeli police, "the army" after "Israeli forces" is Israel's.
// Governments and civilians are everywhere, so "the government" and "the
// residents" are left to the place the passage is about.
func sameRoleCode(list []Mention, i int) int {
	m := &list[i]
	if m.Role == "GOV" || m.Role == "CVL" {
		return -1
	}
	for j := i - 1; j >= 0; j-- {
		c := &list[j]
		if c.Explicit && c.Role == m.Role && c.Country != "" && c.Kind != Region {
			return j
		}
	}
	return -1
}

// placeNear is the country of the place named nearest to mention i in its
// sentence, before or after it: "clashed with militants in the streets of
// Baghdad" are Iraqi militants, whoever clashed with them. A place that
// modifies the mention itself ("police in Peshawar") comes first.
func placeNear(doc *nlp.Doc, list []Mention, i int) string {
	toks := doc.Sentences[list[i].Sentence].Tokens
	best, dist := "", 0
	for j := range list {
		c := &list[j]
		if c.Sentence != list[i].Sentence || !c.Explicit || c.Country == "" {
			continue
		}
		switch c.Kind {
		case Place:
			if aimedAt(toks, c.Head) || toks[c.Head].Rel == "compound" && aimedAt(toks, toks[c.Head].Head) {
				continue // "an attack on a West Bank village" says where the target was
			}
		case Country, Capital:
			if !located(toks, c.Head) {
				continue // "condemned by ... the United States": an actor, not where it happened
			}
		case Demonym:
			if !c.Plural || aimedAt(toks, c.Head) {
				continue // "acts against Palestinians" are not where the passage is
			}
		default:
			continue
		}
		if toks[c.Head].Head == list[i].Head {
			return c.Country
		}
		d := abs(c.Head - list[i].Head)
		if best == "" || d < dist {
			best, dist = c.Country, d
		}
	}
	return best
}

// located reports whether token h is the object of a preposition of place
// ("in Iraq", "across Syria", "from Gaza") or a modifier of a noun or an
// adjective ("Iraqi police", "Gaza's hospitals", "a Lebanon-based network").
func located(toks []nlp.Token, h int) bool {
	switch toks[h].Rel {
	case "compound", "amod", "nmod:poss", "obl:unmarked", "obl:npmod", "nmod:npmod": // "a Lebanon-based network"
		return true
	}
	return placePreps[caseWord(toks, h)]
}

// aimedAt reports whether token h is the object of a preposition of aim
// ("against Palestinians", "on Israelis").
func aimedAt(toks []nlp.Token, h int) bool { return aimPreps[caseWord(toks, h)] }

var (
	placePreps = map[string]bool{"in": true, "at": true, "across": true, "throughout": true, "inside": true, "near": true,
		"around": true, "from": true, "within": true, "outside": true, "into": true, "of": true}
	aimPreps = map[string]bool{"against": true, "on": true, "upon": true, "at": true, "toward": true, "towards": true}
)

// caseWord is the lower-case preposition that token h is the object of,
// "" if none.
func caseWord(toks []nlp.Token, h int) string {
	for i := range toks {
		if toks[i].Head == h && toks[i].Rel == "case" {
			return strings.ToLower(toks[i].Text)
		}
	}
	return ""
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// recentCountry is the country of the latest explicit mention in the same
// or the previous sentence. (Without one, a bare role takes the country of
// the dateline, or else the one the article names most.)
func recentCountry(doc *nlp.Doc, list []Mention, i int) string {
	for j := i - 1; j >= 0 && list[i].Sentence-list[j].Sentence <= 1; j-- {
		c := &list[j]
		if c.Kind == Demonym && !c.Plural && doc.Sentences[c.Sentence].Tokens[c.Head].Rel == "amod" {
			continue // an adjective on a thing, "near the Afghan border", names no actor
		}
		if c.Explicit && c.Country != "" && c.Kind != Region {
			return c.Country
		}
	}
	return ""
}

// dominantCountry is the country the article mentions most explicitly.
func dominantCountry(list []Mention) string {
	counts := map[string]int{}
	best := ""
	for i := range list {
		c := list[i].Country
		if !list[i].Explicit || c == "" || list[i].Kind == Region {
			continue
		}
		counts[c]++
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}
