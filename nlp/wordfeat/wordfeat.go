// Package wordfeat computes, once per token, the hashed word properties that
// the tagger and the entity tagger build their features from: the form, its
// lowercase, its shape, its prefixes and suffixes and a few flags. Nothing here
// allocates: every value is hashed as it is read.
package wordfeat

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyad-org/dyad/nlp/perceptron"
)

// Affixes is how many prefix and suffix lengths are kept (1..Affixes runes).
const Affixes = 4

// Word holds one token's hashed properties.
type Word struct {
	Form   uint64 // exact form
	Lower  uint64 // lowercase form, or the shape for tokens with digits
	Shape  uint64 // character classes with runs collapsed: "Xx", "d-d", "x.x."
	Prefix [Affixes]uint64
	Suffix [Affixes]uint64
	Flags  uint64 // bit set: see the Flag constants
}

// Flags of a word.
const (
	HasDigit = 1 << iota
	HasHyphen
	HasUpper
	InitUpper
	AllUpper
	HasLetter
	HasPeriod
)

// Compute fills w from the token form s.
func Compute(w *Word, s string) {
	*w = Word{Form: perceptron.String(s)}
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	lower, shape := uint64(offset), uint64(offset)
	var lastClass rune = -1
	var runLen int
	letters, uppers := 0, 0
	first := true
	for _, r := range s {
		class := r
		switch {
		case unicode.IsUpper(r):
			class = 'X'
			uppers++
			letters++
			w.Flags |= HasUpper | HasLetter
			if first {
				w.Flags |= InitUpper
			}
		case unicode.IsLetter(r):
			class = 'x'
			letters++
			w.Flags |= HasLetter
		case r >= '0' && r <= '9' || unicode.IsDigit(r):
			class = 'd'
			w.Flags |= HasDigit
		case r == '-':
			w.Flags |= HasHyphen
		case r == '.':
			w.Flags |= HasPeriod
		}
		first = false
		if class == lastClass {
			runLen++
		} else {
			runLen = 1
		}
		if runLen <= 2 {
			shape = (shape ^ uint64(class)) * prime
		}
		lastClass = class
		lr := unicode.ToLower(r)
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], lr)
		for i := 0; i < n; i++ {
			lower = (lower ^ uint64(buf[i])) * prime
		}
	}
	if letters > 0 && letters == uppers {
		w.Flags |= AllUpper
	}
	w.Shape = shape
	if w.Flags&HasDigit != 0 {
		w.Lower = shape
	} else {
		w.Lower = lower
	}
	affixes(w, s)
}

// affixes hashes the first and last 1..Affixes runes of s, lowercased.
func affixes(w *Word, s string) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	n := 0
	for _, r := range s {
		if n == Affixes {
			break
		}
		h = (h ^ uint64(unicode.ToLower(r))) * prime
		w.Prefix[n] = h
		n++
	}
	h = offset
	n = 0
	for end := len(s); end > 0 && n < Affixes; {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
		h = (h ^ uint64(unicode.ToLower(r))) * prime
		w.Suffix[n] = h
		n++
	}
}

// LowerHash hashes the lowercase form of s, as Word.Lower does for words
// without digits.
func LowerHash(s string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * prime
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for j := 0; j < n; j++ {
			h = (h ^ uint64(buf[j])) * prime
		}
		i += size - 1
	}
	return h
}
