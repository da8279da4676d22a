package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-org/dyad/nlp"
)

// punct emits the punctuation or symbol token that starts at p with rune r
// of width n, and returns its end.
func (s *segmenter) punct(p int, r rune, n, end int) int {
	t := s.text
	if q := s.emoticon(p, end); q > p {
		s.emit(p, q)
		return q
	}
	q := p + n
	switch {
	case r == '\'' || r == '‘' || r == '’' || r == '`':
		return s.single(p, r, n, end)
	case isDouble(r):
		s.quote(p, q, s.doubleSide(r, p, q))
		return q
	case isStop(r):
		q = run(t, p, end, isStop)
	case (r == '#' || r == '@') && q < end:
		// #hashtag and @handle; "#1" is # + 1 as in EWT.
		if next, _ := runeAt(t, q); isLetter(next) {
			q = s.handleEnd(q, end)
		}
	case repeats(r):
		q = run(t, p, end, func(x rune) bool { return x == r })
	}
	s.emit(p, q)
	return q
}

// run returns the end of the run of runes from p that satisfy f.
func run(t string, p, end int, f func(rune) bool) int {
	for p < end {
		r, n := runeAt(t, p)
		if !f(r) {
			break
		}
		p += n
	}
	return p
}

// handleEnd returns the end of the name of a hashtag or handle that starts
// at p: word characters, joined by _ or . as in "@paulhastings.com".
func (s *segmenter) handleEnd(p, end int) int {
	t := s.text
	for p < end {
		r, n := runeAt(t, p)
		if !isWord(r) {
			if r != '_' && r != '.' || p+n >= end {
				break
			}
			if next, _ := runeAt(t, p+n); !isWord(next) {
				break
			}
		}
		p += n
	}
	return p
}

// isStop reports the characters that end a sentence; a run of them (?!, ...)
// is one token.
func isStop(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// repeats reports the symbols whose runs are one token (--, ***, ===, >>).
func repeats(r rune) bool {
	return r < utf8.RuneSelf && strings.IndexByte(`-*=_+~<>^|\#$/`, byte(r)) >= 0 || r == '–' || r == '—'
}

func isDouble(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»'
}

// emoticon returns the end of the emoticon at p, or p. An emoticon that ends
// in a letter must not run into a word (":Dinner").
func (s *segmenter) emoticon(p, end int) int {
	t := s.text
	for _, e := range emoticons[t[p]] {
		q := p + len(e)
		if q > end || t[p:q] != e {
			continue
		}
		if last, _ := runeBefore(t, q); q == end || !isWord(last) {
			return q
		}
		if r, _ := runeAt(t, q); !isWord(r) {
			return q
		}
	}
	return p
}

// single tokenizes a single-quote character: two in a row are a PTB-style
// double quote, before '90s or 'em it is part of the word, otherwise it is
// a quotation mark or an apostrophe.
func (s *segmenter) single(p int, r rune, n, end int) int {
	t := s.text
	if p+n < end {
		if r2, m := runeAt(t, p+n); r2 == r {
			s.quote(p, p+n+m, s.doubleSide(r, p, p+n+m))
			return p + n + m
		}
	}
	if q := s.elided(p, r, n, end); q > p {
		s.emit(p, q)
		return q
	}
	s.quote(p, p+n, s.singleSide(r, p, p+n))
	return p + n
}

// elided returns the end of a word that begins with an apostrophe standing
// for left-out letters ('73, '90s, 'em, 'til), or of the possessive 's after
// an abbreviation ("U.S.'s"), or p.
func (s *segmenter) elided(p int, r rune, n, end int) int {
	t := s.text
	if !isApostrophe(r) || p+n >= end {
		return p
	}
	if next, _ := runeAt(t, p+n); !isWord(next) {
		return p
	}
	q, _ := s.wordEnd(p+n, end)
	w := t[p+n : q]
	if w == "s" && p > 0 && t[p-1] == '.' {
		return q
	}
	if elisions[w] || (len(w) == 2 || len(w) == 3 && w[2] == 's') && digitByte(w[0]) && digitByte(w[1]) {
		return q
	}
	return p
}

// doubleSide says whether a double quote opens or closes: curly and doubled
// marks by their shape, straight ones by their context.
func (s *segmenter) doubleSide(r rune, p, q int) nlp.QuoteSide {
	var side nlp.QuoteSide
	switch r {
	case '“', '„', '«', '`', '‘':
		side = nlp.QuoteOpen
	case '”', '»', '’':
		side = nlp.QuoteClose
	default:
		side = s.straightSide(p, q, s.dq)
	}
	s.dq = side == nlp.QuoteOpen
	return side
}

// singleSide says whether a single quote opens or closes a quotation, or is
// an apostrophe: after a word with no quotation open it marks a possessive
// ("Muslims'") or an elision.
func (s *segmenter) singleSide(r rune, p, q int) nlp.QuoteSide {
	var side nlp.QuoteSide
	switch {
	case r == '‘' || r == '`':
		side = nlp.QuoteOpen
	case !s.sq && p > 0 && s.wordBefore(p):
		return nlp.NotQuote
	case r == '’':
		side = nlp.QuoteClose
	default:
		side = s.straightSide(p, q, s.sq)
	}
	s.sq = side == nlp.QuoteOpen
	return side
}

// wordBefore reports whether a word character ends at p.
func (s *segmenter) wordBefore(p int) bool {
	r, _ := runeBefore(s.text, p)
	return isWord(r)
}

// straightSide decides whether the straight quote text[p:q] opens or closes:
// after a space or an opening bracket and before a word it opens, after a
// word and before a space or punctuation it closes, and when its two sides
// look alike it closes the open quotation or opens a new one.
func (s *segmenter) straightSide(p, q int, open bool) nlp.QuoteSide {
	t := s.text
	before := p == 0
	if !before {
		r, _ := runeBefore(t, p)
		before = opensAfter(r)
	}
	after := q == len(t)
	if !after {
		r, _ := runeAt(t, q)
		after = closesBefore(r)
	}
	switch {
	case before && !after:
		return nlp.QuoteOpen
	case after && !before:
		return nlp.QuoteClose
	case open:
		return nlp.QuoteClose
	}
	return nlp.QuoteOpen
}

// opensAfter reports the characters after which a quotation can open.
func opensAfter(r rune) bool {
	return isSpace(r) || strings.ContainsRune("([{<“‘«—–-/", r)
}

// closesBefore reports the characters before which a quotation can close.
func closesBefore(r rune) bool {
	return isSpace(r) || strings.ContainsRune(`.,;:!?)]}>”’»…—–-"'`, r)
}
