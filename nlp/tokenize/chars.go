package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Classes of ASCII bytes, looked up in a table on the hot path.
const (
	cWord uint8 = 1 << iota // letter or digit
	cSpace
	cDigit
	cUpper
	cLower
)

var ascii [utf8.RuneSelf]uint8

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c >= '0' && c <= '9':
			ascii[c] = cWord | cDigit
		case c >= 'A' && c <= 'Z':
			ascii[c] = cWord | cUpper
		case c >= 'a' && c <= 'z':
			ascii[c] = cWord | cLower
		case c == ' ' || c >= '\t' && c <= '\r':
			ascii[c] = cSpace
		}
	}
}

// runeAt decodes the rune at byte p. An invalid byte decodes as
// utf8.RuneError of width 1, so scanning always advances.
func runeAt(s string, p int) (rune, int) {
	if c := s[p]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[p:])
}

// runeBefore decodes the rune ending at byte p, like runeAt.
func runeBefore(s string, p int) (rune, int) {
	if c := s[p-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:p])
}

// isSpace also counts zero-width spaces and byte-order marks, which separate
// words but are invisible.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cSpace != 0
	}
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF' || r == '\u2060'
}

// isWord reports letters, digits and combining marks. Invalid bytes count as
// word characters so that a Latin-1 word stays whole, the zero-width
// (non-)joiners belong to the Persian and Arabic words they sit in, and a
// soft hyphen is invisible inside its word.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cWord != 0
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) ||
		r == utf8.RuneError || r == '\u200C' || r == '\u200D' || r == '\u00AD'
}

func isDigit(r rune) bool { return r < utf8.RuneSelf && ascii[r]&cDigit != 0 }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&(cUpper|cLower) != 0
	}
	return unicode.IsLetter(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cLower != 0
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cUpper != 0
	}
	return unicode.IsUpper(r)
}

// isHyphen reports the characters that join the parts of a compound.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isApostrophe reports the characters written for an apostrophe.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// lineBreaks counts the line breaks in the whitespace gap, stopping at 2: one
// ends a line, two end a paragraph.
func lineBreaks(gap string) int {
	n := 0
	for i := 0; i < len(gap) && n < 2; i++ {
		switch gap[i] {
		case '\n':
			n++
		case '\r':
			if i+1 == len(gap) || gap[i+1] != '\n' {
				n++
			}
		case 0xE2: // U+2028 line separator, U+2029 paragraph separator
			if i+2 < len(gap) && gap[i+1] == 0x80 && gap[i+2] == 0xA8 {
				n++
			} else if i+2 < len(gap) && gap[i+1] == 0x80 && gap[i+2] == 0xA9 {
				n += 2
			}
		}
	}
	return n
}
