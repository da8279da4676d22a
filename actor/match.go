package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-org/dyad/actor/kb"
	"github.com/dyad-org/dyad/nlp"
)

// match is a phrase of the knowledge base found over tokens First..Last.
type match struct {
	first, last int
	entries     []entry
}

// word is one word of a sentence as the index sees it. A token gives one
// word or more ("U.S." gives "u" and "s"), or none; barrier marks a token
// that no phrase may run across (a comma, a possessive "'s").
type word struct {
	hash    uint64
	tok     int
	barrier bool
}

// scanner holds one sentence's words; it is reused from sentence to sentence.
type scanner struct {
	words  []word
	hashes []uint64
}

// load splits the tokens into words. A hyphen written inside a word
// ("Amir-Abdollahian", which the tokenizer splits as UD does) is
// transparent, so that the name matches as the knowledge base writes it.
func (sc *scanner) load(toks []nlp.Token) {
	sc.words = sc.words[:0]
	for i := range toks {
		t := &toks[i]
		sc.hashes = kb.NameHashes(t.Text, sc.hashes[:0])
		if len(sc.hashes) == 0 || isPossessive(t.Text) {
			if !(isHyphen(t.Text) && i > 0 && !toks[i-1].SpaceAfter && !t.SpaceAfter) {
				sc.words = append(sc.words, word{tok: i, barrier: true})
			}
			continue
		}
		for _, h := range sc.hashes {
			sc.words = append(sc.words, word{hash: h, tok: i})
		}
	}
}

// matches appends the longest phrases of the index found in the sentence,
// left to right, never overlapping. Names, places and organisations need a
// capital letter or a digit ("Turkey", not "turkey"); role words match in
// any case; abbreviations match only with their own case.
func (ix *index) matches(sc *scanner, toks []nlp.Token, out []match) []match {
	ws := sc.words
	for i := 0; i < len(ws); {
		if ws[i].barrier {
			i++
			continue
		}
		// A word inside a token that an earlier word began ("s" of "U.S.")
		// cannot start a phrase, but for the name an "anti-" word opposes
		// ("anti-Palestinian").
		anti := false
		if i > 0 && ws[i-1].tok == ws[i].tok {
			if anti = opposing(toks[ws[i].tok].Text) && (i < 2 || ws[i-2].tok != ws[i].tok); !anti {
				i++
				continue
			}
		}
		best, bestEnd := []entry(nil), -1
		if es := ix.abbrevs[toks[ws[i].tok].Text]; es != nil {
			best, bestEnd = es, i
			for bestEnd+1 < len(ws) && ws[bestEnd+1].tok == ws[i].tok {
				bestEnd++
			}
		}
		h := uint64(chainStart)
		for j := i; j < len(ws) && !ws[j].barrier; j++ {
			h = chain(h, ws[j].hash)
			if es := ix.phrases[h]; es != nil && (j+1 == len(ws) || ws[j+1].tok != ws[j].tok) {
				if anti {
					es = named(es, toks[ws[i].tok].Text[len("anti-"):])
				} else {
					es = fitCase(es, toks[ws[i].tok:ws[j].tok+1])
				}
				if len(es) > 0 && j > bestEnd {
					best, bestEnd = es, j
				}
			}
			if !ix.prefixes[h] {
				break
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		out = append(out, match{first: ws[i].tok, last: ws[bestEnd].tok, entries: best})
		i = bestEnd + 1
	}
	return out
}

// fitCase keeps the entries that the case of the phrase allows: a phrase
// with no capitalised word ("turkey", "jordan") only names a role or what
// the knowledge base writes in lower case ("international community"); one
// with a capital somewhere may name anything ("members of the Security
// Council").
func fitCase(es []entry, phrase []nlp.Token) []entry {
	for i := range phrase {
		if r, _ := utf8.DecodeRuneInString(phrase[i].Text); unicode.IsUpper(r) || unicode.IsDigit(r) {
			return es
		}
	}
	if allRoles(es) {
		return es
	}
	return uncapitalised(es)
}

// opposing reports whether a token is an "anti-" adjective ("anti-American").
func opposing(text string) bool { return len(text) > 5 && strings.EqualFold(text[:5], "anti-") }

// named keeps the entries of a name written with a capital after "anti-":
// the opposed country, people or organisation, not a role ("anti-government").
func named(es []entry, rest string) []entry {
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
		return nil
	}
	var out []entry
	for _, e := range es {
		if e.kind != Role {
			out = append(out, e)
		}
	}
	return out
}

func allRoles(es []entry) bool {
	for _, e := range es {
		if e.kind != Role {
			return false
		}
	}
	return true
}

func uncapitalised(es []entry) []entry {
	var out []entry
	for _, e := range es {
		if e.kind == Role || e.common {
			out = append(out, e)
		}
	}
	return out
}

func isHyphen(s string) bool { return s == "-" || s == "‐" || s == "‑" }

func isPossessive(s string) bool { return s == "'s" || s == "’s" || s == "'" || s == "’" }
