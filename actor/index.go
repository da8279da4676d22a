package actor

import (
	"strings"

	"github.com/dyad-org/dyad/actor/kb"
)

// Kind is what a phrase of the knowledge base names.
type Kind uint8

const (
	Country Kind = iota + 1 // "Iran", "the United States"
	Demonym                 // "Iranian", "Palestinians"
	Capital                 // "Tehran", standing for the government
	Place                   // "Gaza", standing for the people there
	Region                  // "the Muslim world", "Arab countries"
	Org                     // organisations, armed groups, named state bodies
	Person                  // a person with dated offices
	Role                    // "foreign minister", "security forces", "worshipers"
	Pronoun                 // "he", "they": resolved by coreference
)

// entry is one meaning of a phrase.
type entry struct {
	kind Kind
	// code is the ISO3 code (Country, Demonym, Capital, Place), the full code
	// (Region, Org) or the role code (Role).
	code string
	name string // canonical name: the country, organisation or person
	// family numbers the row of roles.tsv a role word comes from, so that
	// "the spokesman" finds an earlier "spokesperson".
	family int
	// context: a bare role may take its country from the context.
	context bool
	// plural: the role word or demonym names several people ("soldiers",
	// "Iranians"); a demonym that is not plural is an adjective or one person.
	plural bool
	// body: the role word names an institution, not a person ("ministry").
	body bool
	// common: the knowledge base writes the phrase in lower case, as a
	// common noun phrase that names its actor uncapitalised ("international
	// community"), unlike "Turkey", which in lower case is a bird.
	common bool
}

// index finds the phrases of the knowledge base in token sequences. A phrase
// is the sequence of its words' hashes (kb.NameHashes); phrases maps the
// hash of a whole sequence to its meanings, and prefixes holds the hash of
// every proper prefix, so that a scan stops as soon as no phrase can go on.
type index struct {
	phrases  map[uint64][]entry
	prefixes map[uint64]bool
	// abbrevs are matched with their case, on a token's exact text ("US", "UN").
	abbrevs map[string][]entry
}

func chain(h, word uint64) uint64 { return (h^word)*0x100000001b3 + 0x9e3779b97f4a7c15 }

const chainStart = 0xcbf29ce484222325

func newIndex(k *kb.KB, bodies map[string]bool) *index {
	ix := &index{phrases: map[uint64][]entry{}, prefixes: map[uint64]bool{}, abbrevs: map[string][]entry{}}
	for _, c := range k.Countries {
		e := entry{kind: Country, code: c.ISO3, name: c.Name}
		ix.add(c.Name, e)
		ix.addAll(c.Names, e)
		ix.addAbbrevs(c.Abbrevs, e)
		for _, d := range c.Demonyms {
			ix.add(d, entry{kind: Demonym, code: c.ISO3, name: c.Name, plural: isPluralDemonym(d)})
		}
		ix.addAll(c.Capitals, entry{kind: Capital, code: c.ISO3, name: c.Name})
		ix.addAll(c.Places, entry{kind: Place, code: c.ISO3, name: c.Name})
	}
	for _, t := range []struct {
		kind Kind
		list []kb.Org
	}{{Region, k.Regions}, {Org, k.Organizations}, {Org, k.Groups}, {Org, k.Bodies}} {
		for _, o := range t.list {
			e := entry{kind: t.kind, code: o.Code, name: o.Names[0]}
			ix.addAll(o.Names, e)
			ix.addAbbrevs(o.Abbrevs, e)
		}
	}
	for f, r := range k.Roles {
		for _, w := range r.Words {
			ix.add(w, entry{kind: Role, code: r.Code, family: f, context: r.Context, plural: isPluralRole(w), body: bodies[w]})
		}
	}
	for _, p := range k.People {
		e := entry{kind: Person, name: p.Name}
		ix.add(p.Name, e)
		ix.addAll(p.Aliases, e)
	}
	return ix
}

func (ix *index) addAll(names []string, e entry) {
	for _, n := range names {
		ix.add(n, e)
	}
}

func (ix *index) addAbbrevs(abbrevs []string, e entry) {
	for _, a := range abbrevs {
		if !containsEntry(ix.abbrevs[a], e) {
			ix.abbrevs[a] = append(ix.abbrevs[a], e)
		}
	}
}

// add indexes a phrase. A leading "the" is dropped: the matcher never
// includes determiners, which the parse attaches to the phrase anyway.
func (ix *index) add(phrase string, e entry) {
	phrase = strings.TrimSpace(phrase)
	if rest, ok := strings.CutPrefix(strings.ToLower(phrase), "the "); ok {
		phrase = phrase[len(phrase)-len(rest):]
	}
	words := kb.NameHashes(phrase, nil)
	if len(words) == 0 {
		return
	}
	if e.kind != Role {
		e.common = phrase == strings.ToLower(phrase)
	}
	h := uint64(chainStart)
	for i, w := range words {
		h = chain(h, w)
		if i < len(words)-1 {
			ix.prefixes[h] = true
		}
	}
	if !containsEntry(ix.phrases[h], e) {
		ix.phrases[h] = append(ix.phrases[h], e)
	}
}

func containsEntry(es []entry, e entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// isPluralDemonym tells "Iranians" from "Iranian"; demonyms that are the
// same in both ("Swiss", "Chinese") count as adjectives.
func isPluralDemonym(d string) bool { return strings.HasSuffix(d, "s") && !strings.HasSuffix(d, "ss") }

// isPluralRole tells "soldiers" from "soldier" for role words. Words for a
// body ("army", "government") are singular; "police" and "people" plural.
func isPluralRole(w string) bool {
	last := w[strings.LastIndexByte(w, ' ')+1:]
	switch last {
	case "people", "children", "women", "men", "police", "clergy", "media", "press", "youths", "militiamen",
		"policemen", "spokesmen", "servicemen", "statesmen", "clergymen", "businessmen", "congressmen":
		return true
	}
	return strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.HasSuffix(last, "us")
}
