package quote

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dyad-org/dyad/nlp"
)

//go:embed lexicon.txt
var lexiconTxt string

// cues is the lexicon, read once from lexicon.txt and never changed.
var cues = mustLexicon(lexiconTxt)

// lexicon holds the speech cues (single verbs by lemma and form, multi-word
// cues as a first word followed by fixed words) and the title words.
type lexicon struct {
	verbs   map[string]verbKind // lemmas and inflected forms, lowercase
	phrases []phrase
	titles  map[string]bool // title words and their forms, lowercase
}

// verbKind says how a cue verb attributes.
type verbKind uint8

const (
	notCue     verbKind = iota
	speech              // any use: said, told, tweeted
	linking             // only beside the quote: added, continued
	evaluative          // attributes, but makes no short term a quotation: rejected, hailed
)

// sectionKind returns the kind of the verbs a lexicon section lists, or
// notCue for a section of other words.
func sectionKind(section string) verbKind {
	switch section {
	case "[verb]":
		return speech
	case "[linking]":
		return linking
	case "[evaluative]":
		return evaluative
	}
	return notCue
}

// maxWord is the longest word the lexicon may list: lookups lowercase into
// a buffer of this size.
const maxWord = 24

// phrase is a multi-word cue.
type phrase struct {
	first  map[string]bool // forms of the first word
	rest   []string        // the words that follow, lowercase
	source bool            // the speaker is the noun phrase after the cue
}

func mustLexicon(text string) *lexicon {
	l, err := parseLexicon(text)
	if err != nil {
		panic("quote: lexicon.txt: " + err.Error())
	}
	return l
}

// parseLexicon reads the lexicon.txt format.
func parseLexicon(text string) (*lexicon, error) {
	l := &lexicon{verbs: map[string]verbKind{}, titles: map[string]bool{}}
	section := ""
	for n, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		words := strings.Fields(strings.ToLower(line))
		switch {
		case len(words) == 0:
			continue
		case len(words) == 1 && strings.HasPrefix(words[0], "["):
			section = words[0]
			continue
		}
		for _, w := range words {
			if len(w)+4 > maxWord { // room for the longest inflection ("admitting")
				return nil, fmt.Errorf("line %d: %q is longer than %d bytes", n+1, w, maxWord-4)
			}
		}
		switch k := sectionKind(section); {
		case k != notCue:
			for _, w := range append(forms(words[0]), words[1:]...) {
				l.verbs[w] = k
			}
		case section == "[title]":
			for _, w := range forms(words[0]) {
				l.titles[w] = true
			}
		case section == "[phrasal]" || section == "[source]":
			if len(words) < 2 {
				return nil, fmt.Errorf("line %d: a %s cue needs two or more words", n+1, section)
			}
			p := phrase{first: map[string]bool{words[0]: true}, rest: words[1:], source: section == "[source]"}
			if section == "[phrasal]" {
				for _, w := range forms(words[0]) {
					p.first[w] = true
				}
			}
			l.phrases = append(l.phrases, p)
		default:
			return nil, fmt.Errorf("line %d: cue outside a known section", n+1)
		}
	}
	return l, nil
}

// forms returns a verb lemma and its regular inflections. Overgenerating
// ("sayed") is harmless: such forms do not occur.
func forms(v string) []string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "e"):
		stem := v[:n-1]
		return []string{v, v + "s", v + "d", stem + "ing"}
	case n > 1 && v[n-1] == 'y' && !isVowel(v[n-2]):
		stem := v[:n-1]
		return []string{v, stem + "ies", stem + "ied", v + "ing"}
	}
	fs := []string{v, v + "s", v + "es", v + "ed", v + "ing"}
	if n > 2 && !isVowel(v[n-1]) && isVowel(v[n-2]) && !isVowel(v[n-3]) {
		double := v + v[n-1:]
		fs = append(fs, double+"ed", double+"ing")
	}
	return fs
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// verb returns the kind of cue token t is, if it is a verb whose lemma or
// form is listed. The form is checked too because the lemmatizer misses
// some ("tweete"), and a listed past form in -ed counts even when tagged as
// a noun or adjective, as the tagger tags rarer ones ("the spokesman
// underscored").
func (l *lexicon) verb(t *nlp.Token) verbKind {
	switch t.UPOS {
	case "VERB":
		if k := l.verbs[t.Lemma]; k != notCue {
			return k
		}
		return lookupLower(l.verbs, t.Norm)
	case "NOUN", "ADJ":
		if strings.HasSuffix(t.Norm, "ed") {
			return lookupLower(l.verbs, t.Norm)
		}
	}
	return notCue
}

// verbForm returns the kind of cue a word form is, whatever its tag.
func (l *lexicon) verbForm(form string) verbKind { return lookupLower(l.verbs, form) }

// isTitle reports a title word.
func (l *lexicon) isTitle(t *nlp.Token) bool {
	return l.titles[t.Lemma] || lookupLower(l.titles, t.Norm)
}

// phraseAt returns the multi-word cue that starts at tokens[i] and how
// many tokens it covers, or 0.
func (l *lexicon) phraseAt(tokens []nlp.Token, i int) (*phrase, int) {
	for k := range l.phrases {
		p := &l.phrases[k]
		if i+len(p.rest) >= len(tokens) || !lookupLower(p.first, tokens[i].Norm) {
			continue
		}
		match := true
		for j, w := range p.rest {
			match = match && strings.EqualFold(tokens[i+1+j].Norm, w)
		}
		if match {
			return p, 1 + len(p.rest)
		}
	}
	return nil, 0
}

// lookupLower returns m[lowercase s] without allocating; words longer than
// any listed one are not looked up.
func lookupLower[V any](m map[string]V, s string) V {
	var buf [maxWord]byte
	var zero V
	if len(s) > len(buf) {
		return zero
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(s)])]
}
