// Package tokenize splits English news text into sentences and tokens that
// follow the UD English EWT conventions, with byte offsets into the text.
//
// As in EWT, contractions are split into their syntactic words, each a
// substring of the text (do|n't, wo|n't, can|not, gon|na, Iran|'s,
// Muslims|'), hyphens are split off (Al|-|Aqsa, 57|-|member) except after
// a prefix (e-mail, non-violence) and in dates and phone numbers, and a
// unit is split from its number (5|pm). Abbreviations keep their period
// (Gen., U.S.) unless it also ends the sentence. URLs, e-mail addresses,
// handles and hashtags are single tokens. The word lists behind these rules
// are in words.txt.
//
// Segment works in two linear passes without regular expressions. The first
// cuts the text at whitespace into chunks and each chunk into words, clitics
// and punctuation; the second places sentence boundaries on the token
// stream. Tokens are substrings of the text, so the only allocations are
// the token and sentence slices (and a Norm for the rare token whose form
// changes).
package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-org/dyad/nlp"
)

// Segment splits text into sentences of tokens. Only the fields a tokenizer
// knows are set; tags, lemmas and heads are left zero for later stages.
// Norm is Text with invalid UTF-8 replaced by U+FFFD, curly apostrophes
// straightened (n’t → n't) and every double quotation mark written ".
// Quote says whether a quotation mark opens or closes a quotation; an
// apostrophe after a word (Muslims') is NotQuote. The sentences' token
// slices share one backing array but have their capacity capped, so
// appending to one cannot overwrite another.
func Segment(text string) []nlp.Sentence {
	s := segmenter{text: text, toks: make([]nlp.Token, 0, estimateTokens(text))}
	s.tokenize()
	return s.sentences()
}

// estimateTokens slightly overestimates the token count of news text, from
// the chunks between spaces and the ASCII punctuation, so that the token
// slice, whose growth would copy hundreds of megabytes on a large text,
// rarely grows. Punctuation-heavy junk is capped at a token per 3 bytes.
func estimateTokens(text string) int {
	n, inChunk := 1, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= utf8.RuneSelf || ascii[c]&cWord != 0:
			if !inChunk {
				n++
			}
			inChunk = true
		case ascii[c]&cSpace != 0:
			inChunk = false
		default:
			n++
			inChunk = true
		}
	}
	return min(n, len(text)/3+16)
}

// segmenter holds the state of one Segment call.
type segmenter struct {
	text   string
	toks   []nlp.Token
	dq, sq bool // a double or single quotation is open
}

// tokenize cuts the text at whitespace and tokenizes each chunk. Quotations
// are assumed closed at a paragraph break, so one stray quote mark does not
// flip every later one.
func (s *segmenter) tokenize() {
	t := s.text
	for p := 0; p < len(t); {
		q := spaceEnd(t, p)
		if q > p {
			if lineBreaks(t[p:q]) >= 2 {
				s.dq, s.sq = false, false
			}
			p = q
			continue
		}
		q, mayLink := chunkEnd(t, p)
		if a, b := s.link(p, q, mayLink); a < b {
			s.scan(p, a)
			s.emit(a, b)
			s.scan(b, q)
		} else {
			s.scan(p, q)
		}
		p = q
	}
}

// spaceEnd returns the end of the whitespace at p.
func spaceEnd(t string, p int) int {
	for p < len(t) {
		r, n := runeAt(t, p)
		if !isSpace(r) {
			break
		}
		p += n
	}
	return p
}

// chunkEnd returns the end of the non-space run at p, and whether it may
// hold a URL or an e-mail address: only those have a ':', '/' or '@'.
func chunkEnd(t string, p int) (int, bool) {
	mayLink := false
	for p < len(t) {
		if c := t[p]; c < utf8.RuneSelf {
			if ascii[c]&cSpace != 0 {
				break
			}
			mayLink = mayLink || c == ':' || c == '/' || c == '@'
			p++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[p:])
		if isSpace(r) {
			break
		}
		p += n
	}
	return p, mayLink
}

// scan tokenizes text[p:end], which holds no whitespace.
func (s *segmenter) scan(p, end int) {
	for p < end {
		r, n := runeAt(s.text, p)
		if isWord(r) {
			p = s.word(p, end)
		} else {
			p = s.punct(p, r, n, end)
		}
	}
}

// emit appends the token text[a:b].
func (s *segmenter) emit(a, b int) {
	t := s.text
	w := t[a:b]
	space := false
	if b < len(t) {
		r, _ := runeAt(t, b)
		space = isSpace(r)
	}
	s.toks = append(s.toks, nlp.Token{Start: a, End: b, Text: w, Norm: norm(w), SpaceAfter: space})
}

// quote appends the quotation mark text[a:b].
func (s *segmenter) quote(a, b int, side nlp.QuoteSide) {
	s.emit(a, b)
	s.toks[len(s.toks)-1].Quote = side
}

// link finds a URL or an e-mail address in the chunk text[p:end]: a URL at
// its scheme ("<http://...") or, after opening brackets and quotes, at
// "www."; an address around its @. Trailing punctuation is left out. It
// returns a == b when there is none.
func (s *segmenter) link(p, end int, mayLink bool) (a, b int) {
	if !mayLink {
		return 0, 0
	}
	t := s.text
	if i := strings.Index(t[p:end], "://"); i > 0 {
		a = p + i
		for a > p && asciiLetter(t[a-1]) {
			a--
		}
		if a < p+i {
			return a, trimLink(t, a, end)
		}
	}
	for a = p; a < end; {
		r, n := runeAt(t, a)
		if !strings.ContainsRune(`([{<"'“‘«`, r) {
			break
		}
		a += n
	}
	if hasPrefixFold(t[a:end], "www.") || hasPrefixFold(t[a:end], "mailto:") {
		return a, trimLink(t, a, end)
	}
	if at := strings.IndexByte(t[p:end], '@'); at > 0 {
		return email(t, p, p+at, end)
	}
	return 0, 0
}

func hasPrefixFold(w, prefix string) bool {
	return len(w) > len(prefix) && strings.EqualFold(w[:len(prefix)], prefix)
}

// email returns the e-mail address around the @ at text[at] in the chunk
// text[p:end]: a local part of word characters and ._%+-, and a domain
// with at least one dot between word characters. It returns a == b when
// there is none.
func email(t string, p, at, end int) (a, b int) {
	a = at
	for a > p {
		r, n := runeBefore(t, a)
		if !isWord(r) && !strings.ContainsRune("._%+-", r) {
			break
		}
		a -= n
	}
	b, dots := at+1, 0
	for b < end {
		r, n := runeAt(t, b)
		if !isWord(r) && r != '-' && r != '.' {
			break
		}
		if r == '.' && b+n < end {
			if next, _ := runeAt(t, b+n); isWord(next) {
				dots++
			}
		}
		b += n
	}
	if a == at || dots == 0 {
		return 0, 0
	}
	return a, trimLink(t, a, b)
}

// trimLink drops the punctuation that ends the sentence or a quotation
// around the link text[a:b]; a closing bracket stays if the link opened one.
func trimLink(t string, a, b int) int {
	paren := strings.IndexByte(t[a:b], '(') >= 0
	for b > a {
		r, n := runeBefore(t, b)
		if !strings.ContainsRune(`.,;:!?'")]}>”’»`, r) || r == ')' && paren {
			break
		}
		b -= n
	}
	return b
}
