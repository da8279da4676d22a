package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gazetteer lists known names by category: "PER", "ORG" and "LOC" hold whole
// names, "GIVEN" and "FAMILY" the first and last words of people's names.
// Names are lowercase words separated by single spaces, split as the
// treebank splits them ("mcdonald 's"). The model only learns how far to
// trust a match, so the lists need not be complete or clean.
type Gazetteer map[string][]string

// Gazetteer categories; a category's number is its bit in matcher keys.
const (
	catPER = iota
	catORG
	catLOC
	catGiven
	catFamily
)

var gazCategories = []string{catPER: "PER", catORG: "ORG", catLOC: "LOC", catGiven: "GIVEN", catFamily: "FAMILY"}

const (
	gazPrefix = 1 << 7 // the key begins a longer name
	gazMaxLen = 8      // tokens in the longest name looked for
)

// matcher finds gazetteer names in a sentence by hashed keys: a name's key
// folds its lowercase characters, ignoring spaces and hyphens, so "al-Sadr"
// and "al - Sadr" meet. Every word boundary of a name is stored as a prefix,
// so a search stops at the first token that leads nowhere.
type matcher struct {
	keys map[uint64]uint8
}

func newMatcher(g Gazetteer) *matcher {
	m := &matcher{keys: map[uint64]uint8{}}
	for c, cat := range gazCategories {
		for _, name := range g[cat] {
			h := uint64(keyOffset)
			words := strings.Split(name, " ")
			for i, w := range words {
				h = foldKey(h, w)
				if i < len(words)-1 {
					m.keys[h] |= gazPrefix
				}
			}
			m.keys[h] |= 1 << c
		}
	}
	return m
}

const (
	keyOffset = 14695981039346656037
	keyPrime  = 1099511628211
)

// foldKey adds the characters of s to a name key.
func foldKey(h uint64, s string) uint64 {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '-' || c == '_':
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * keyPrime
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:n] {
			h = (h ^ uint64(b)) * keyPrime
		}
	}
	return h
}

// Token bits of gazetteer matches: for each whole-name category k (PER,
// ORG, LOC), bit 2k marks the first token of a match and bit 2k+1 a later
// one; then one bit each for a known given and family name.
const (
	gazGiven  = 1 << 6
	gazFamily = 1 << 7
)

// mark sets each token's gazetteer bits from the longest match of each
// category starting at every token.
func (m *matcher) mark(toks []token) {
	for i := range toks {
		toks[i].gaz = 0
	}
	for i := range toks {
		if !toks[i].content() {
			continue
		}
		var end [catLOC + 1]int // per whole-name category
		h := uint64(keyOffset)
		for j := i; j < len(toks) && j < i+gazMaxLen; j++ {
			h = foldKey(h, toks[j].form)
			v, ok := m.keys[h]
			if !ok {
				break
			}
			if j == i && v&(1<<catGiven) != 0 {
				toks[i].gaz |= gazGiven
			}
			if j == i && v&(1<<catFamily) != 0 {
				toks[i].gaz |= gazFamily
			}
			for k := range end {
				if v&(1<<k) != 0 && toks[j].content() {
					end[k] = j + 1
				}
			}
			if v&gazPrefix == 0 {
				break
			}
		}
		for k, e := range end {
			if e == 0 {
				continue
			}
			toks[i].gaz |= 1 << (2 * k)
			for j := i + 1; j < e; j++ {
				toks[j].gaz |= 1 << (2*k + 1)
			}
		}
	}
}
