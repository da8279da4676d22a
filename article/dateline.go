package article

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxHeaderLines bounds the lines looked at for a dateline.
const maxHeaderLines = 8

// findDateline returns the place and agency tag of the dateline that opens
// the first paragraph of the body, and its byte range in text (the
// separator and the space after it included). Short lines before it
// (title, date, byline, as in text saved from web pages) are skipped; the
// first line longer than a title is the body's first paragraph and ends
// the search.
func findDateline(text, title string) (place, agency string, start, end int) {
	for n, at := 0, 0; n < maxHeaderLines && at < len(text); {
		raw, _, _ := strings.Cut(text[at:], "\n")
		lineAt := at + len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
		at += len(raw) + 1
		line := strings.TrimSpace(raw)
		if line == "" || line == title {
			continue
		}
		n++
		body := utf8.RuneCountInString(line) > maxTitleRunes
		// A syndicator's tag may come first: "(MENAFN- KUNA) WASHINGTON ...".
		skip := 0
		if strings.HasPrefix(line, "(") {
			if end := matchingParen(line); end > 0 && end < maxDateline {
				skip = end + 1 + len(line[end+1:]) - len(strings.TrimLeft(line[end+1:], " "))
			}
		}
		if place, agency, length, ok := parseDateline(line[skip:], body); ok {
			return place, agency, lineAt, lineAt + skip + length
		}
		if body {
			break
		}
	}
	return "", "", 0, 0
}

// matchingParen returns the index of the ")" that closes the "(" opening
// s, nested ones counted, or -1.
func matchingParen(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// maxDateline bounds how far into a line a dateline's dash may be.
const maxDateline = 100

// parseDateline recognises a dateline at the start of the line s:
//
//	PLACE [, DETAILS] [(AGENCY)] DASH
//
// as in "TEHRAN-", "TEHRAN –", "TEHRAN, Apr. 16 (MNA) –", "LIMA, Peru
// (Reuters) -" or "WASHINGTON (AP) —". PLACE is one to four capitalised words;
// unless all its letters are upper case it needs an agency tag, as a
// capitalised word and a dash open ordinary sentences too. DETAILS (a date, a
// country) is free text. DASH is "–", "—", or "-" or "--" followed by white
// space (so that "US-Iran talks" is no dateline); with colon, ": " too
// ("BAGHDAD: ..."), which is left out for short lines as headlines use it
// ("UN: ..."). A known agency alone in place of PLACE is a byline ("AP - ",
// "Reuters - "): it gives the agency, and a dateline may follow it. length
// is how many bytes of s the dateline takes, with the space after it.
func parseDateline(s string, colon bool) (place, agency string, length int, ok bool) {
	if len(s) > maxDateline {
		s = s[:maxDateline] // a rune cut here cannot be part of a dateline
	}
	n, caps := placeLen(s)
	if n == 0 {
		return "", "", 0, false
	}
	place, rest := s[:n], strings.TrimLeft(s[n:], " ")
	details := strings.HasPrefix(rest, ",")
	if details {
		i := detailsEnd(rest, colon)
		if i < 0 || strings.TrimSpace(rest[1:i]) == "" || strings.ContainsAny(rest[:i], "\"“”") {
			return "", "", 0, false
		}
		rest = strings.TrimLeft(rest[i:], " ")
	}
	if strings.HasPrefix(rest, "(") {
		end := strings.IndexByte(rest, ')')
		if end < 0 || strings.IndexByte(rest[1:end], '(') >= 0 {
			return "", "", 0, false
		}
		agency = strings.TrimSpace(rest[1:end])
		rest = strings.TrimLeft(rest[end+1:], " ")
	}
	sep := sepLen(rest, colon)
	if sep == 0 {
		return "", "", 0, false
	}
	after := strings.TrimLeft(rest[sep:], " ")
	length = len(s) - len(after)
	switch {
	case agency == "" && !details && agencyName(place) != "":
		// A byline, maybe followed by a dateline, as in
		// "Canadian Press - VANCOUVER (CP) - ...".
		p, a, more, ok := parseDateline(after, colon)
		switch {
		case !ok:
			return "", place, length, true
		case a == "":
			return p, place, length + more, true
		}
		return p, a, length + more, true
	case agency == "" && !caps:
		return "", "", 0, false
	}
	return place, agency, length, true
}

// detailsEnd returns the index in s of the agency tag or separator that ends
// a dateline's details, or -1.
func detailsEnd(s string, colon bool) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '(',
			s[i] == ' ' && strings.HasPrefix(s[i+1:], "-"),
			colon && strings.HasPrefix(s[i:], ": "),
			strings.HasPrefix(s[i:], "–"), strings.HasPrefix(s[i:], "—"):
			return i
		}
	}
	return -1
}

// sepLen returns the length of the separator that ends a dateline at the
// start of s, or 0 (see parseDateline).
func sepLen(s string, colon bool) int {
	switch {
	case strings.HasPrefix(s, "–"), strings.HasPrefix(s, "—"):
		return len("–")
	case colon && strings.HasPrefix(s, ": "):
		return 1
	case strings.HasPrefix(s, "-"):
		n := 1
		if strings.HasPrefix(s[1:], "-") {
			n = 2
		}
		if r, _ := utf8.DecodeRuneInString(s[n:]); n == len(s) || unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}

// placeLen returns the length in bytes of the place name at the start of s
// (up to four words separated by single spaces, each starting with an upper
// case letter and made of letters, '.', '/' and apostrophes, as in "ST.
// JOHN'S" or "KHARTOUM/NAIROBI"), and whether its letters are all upper case.
// It returns 0 when s does not start with such a name of at least two
// letters.
func placeLen(s string) (n int, caps bool) {
	caps = true
	letters, words := 0, 0
	i := 0
	for words < 4 {
		if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsUpper(r) {
			break
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) {
				letters++
				caps = caps && !unicode.IsLower(r)
			} else if r != '.' && r != '/' && r != '\'' && r != '’' {
				break
			}
			j += size
		}
		words++
		n = j
		if j+1 >= len(s) || s[j] != ' ' {
			break
		}
		i = j + 1
	}
	if letters < 2 {
		return 0, false
	}
	return n, caps
}

//go:embed agencies.tsv
var agenciesTSV string

// agencies maps lower-cased agency tags to agency names; read-only.
var agencies = parseAgencies(agenciesTSV)

// parseAgencies reads "TAG<tab>Name" lines; '#' starts a comment line.
func parseAgencies(tsv string) map[string]string {
	m := make(map[string]string)
	for i, line := range strings.Split(tsv, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		tag, name, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(tag) == "" || strings.TrimSpace(name) == "" {
			panic(fmt.Sprintf("article: agencies.tsv:%d: want TAG<tab>Name", i+1))
		}
		m[strings.ToLower(strings.TrimSpace(tag))] = strings.TrimSpace(name)
	}
	return m
}

// agencyName returns the name of the news agency with the given dateline
// tag ("MNA" → "Mehr News Agency"), or "" when the tag is not known.
func agencyName(tag string) string {
	return agencies[strings.ToLower(tag)]
}
