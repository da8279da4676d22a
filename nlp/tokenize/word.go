package tokenize

import "strings"

// word tokenizes the word starting at p and returns its end: the word's
// span, an abbreviation's period, then the splits EWT makes inside words.
func (s *segmenter) word(p, end int) int {
	q, last := s.wordEnd(p, end)
	if s.takesPeriod(last, q, end) || s.takesDollar(p, q, end) {
		q++
	}
	s.compound(p, q, last > p)
	return q
}

// wordEnd returns the end of the word starting at p and the start of its
// last hyphen-separated part. Word characters join across one connector
// (3.5, 1,000, 10:30, U.S, don't, e-mail, AT&T, b/c) when a word character
// follows it.
func (s *segmenter) wordEnd(p, end int) (q, last int) {
	t := s.text
	q, last = p, p
	run := p // start of the run of word characters
	var prev rune
	for q < end {
		r, n := runeAt(t, q)
		if isWord(r) {
			prev = r
			q += n
			continue
		}
		if q+n >= end {
			break
		}
		next, m := runeAt(t, q+n)
		if !isWord(next) || !s.joins(prev, r, next, q-run, q+n+m, end) {
			break
		}
		q += n
		run = q
		if isHyphen(r) {
			last = q
		}
	}
	return q, last
}

// joins reports whether connector c joins the word characters prev and next.
// runLen is the byte length of the run of word characters before c; after
// is the index just past next.
func (s *segmenter) joins(prev, c, next rune, runLen, after, end int) bool {
	switch {
	case c == '.':
		// "end.The" is a missing space, not a domain or an abbreviation.
		if isLower(prev) && isUpper(next) && after < end {
			r, _ := runeAt(s.text, after)
			return !isLower(r)
		}
		return true
	case c == ',' || c == ':':
		return isDigit(prev) && isDigit(next)
	case c == '/':
		if isDigit(prev) && isDigit(next) {
			return true
		}
		// b/c, w/o, A/C; "and/or" splits.
		if runLen != 1 || !isLetter(next) {
			return false
		}
		if after < end {
			r, _ := runeAt(s.text, after)
			return !isWord(r)
		}
		return true
	case isApostrophe(c):
		return isLetter(next)
	case c == '&':
		return isLetter(prev) && isLetter(next)
	}
	return isHyphen(c) || c == '_' || c == '@'
}

// takesDollar reports whether the word text[p:q] is the country code of a
// dollar sign right after it ("US$", "HK$"), which EWT keeps together.
func (s *segmenter) takesDollar(p, q, end int) bool {
	t := s.text
	if q >= end || t[q] != '$' || q-p > 3 {
		return false
	}
	for i := p; i < q; i++ {
		if t[i] < 'A' || t[i] > 'Z' {
			return false
		}
	}
	return true
}

// takesPeriod reports whether the period at q ends the abbreviation
// text[last:q] (a listed one, an initial, or a dotted form such as U.S.)
// without also ending the sentence.
func (s *segmenter) takesPeriod(last, q, end int) bool {
	t := s.text
	if q >= end || t[q] != '.' || q+1 < len(t) && t[q+1] == '.' {
		return false
	}
	w := t[last:q]
	kind := abbrevs[w]
	switch {
	case kind == abbrNumber:
		return digitAt(t, q+1) || q+1 < len(t) && t[q+1] == ' ' && digitAt(t, q+2)
	case kind == abbrNone && !isInitial(w) && !isDotted(w):
		return false
	}
	return !s.finalPeriod(q+1, kind == abbrTitle)
}

// finalPeriod reports whether the period before p, after an abbreviation,
// also ends the sentence; EWT then writes it as a token of its own ("in the
// U.S" + "."). It does at the end of the text or of a paragraph and, unless
// the abbreviation is a title, before a typical sentence opener ("He").
func (s *segmenter) finalPeriod(p int, title bool) bool {
	t := s.text
	for p < len(t) {
		r, n := runeAt(t, p)
		if !strings.ContainsRune(`)]}"'”’`, r) {
			break
		}
		p += n
	}
	ws := p
	for p < len(t) {
		r, n := runeAt(t, p)
		if !isSpace(r) {
			break
		}
		p += n
	}
	if p == len(t) || lineBreaks(t[ws:p]) >= 2 {
		return true
	}
	if title || p == ws {
		return false
	}
	q := p
	for q < len(t) && q-p < maxOpener && asciiLetter(t[q]) {
		q++
	}
	return openers[t[p:q]]
}

func digitAt(t string, i int) bool { return i < len(t) && digitByte(t[i]) }

func digitByte(c byte) bool { return c >= '0' && c <= '9' }

// asciiLetter reports whether byte c is an ASCII letter.
func asciiLetter(c byte) bool { return c < 0x80 && ascii[c]&(cUpper|cLower) != 0 }

// isInitial reports a single capital letter, as in "George W. Bush".
func isInitial(w string) bool {
	r, n := runeAt(w, 0)
	return n == len(w) && isUpper(r)
}

// isDotted reports letters in groups of one or two joined by periods:
// U.S, e.g, a.m, Ph.D.
func isDotted(w string) bool {
	run, dots := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			run, dots = 0, dots+1
		case asciiLetter(c) && run < 2:
			run++
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}

// compound emits the word text[p:q], split at the hyphens EWT splits: all
// except those after a prefix (e-mail, non-violence) and those inside phone
// numbers, postcodes and dates.
func (s *segmenter) compound(p, q int, hyphenated bool) {
	if !hyphenated {
		s.part(p, q)
		return
	}
	t := s.text
	numeric, whole := numberGroups(t[p:q])
	if whole {
		s.part(p, q)
		return
	}
	a, run := p, p // start of the pending part and of the current group
	for i := p; i < q; {
		r, n := runeAt(t, i)
		if isHyphen(r) {
			if numeric || !inLower(prefixes, t[run:i]) {
				s.part(a, i)
				s.emit(i, i+n)
				a = i + n
			}
			run = i + n
		}
		i += n
	}
	s.part(a, q)
}

// numberGroups reports whether w is digit groups joined by hyphens, and if so
// whether EWT keeps it whole: dates and phone numbers (2022-04-16,
// 713-853-3989, 345-9945, 94720-1900) but not ranges (1969-1970, 5-10).
func numberGroups(w string) (numeric, whole bool) {
	groups := 0
	var first, last string
	for g := range strings.SplitSeq(w, "-") {
		if g == "" || !digitByte(g[0]) || strings.Trim(g, "0123456789.,:/") != "" {
			return false, false
		}
		if groups == 0 {
			first = g
		}
		last = g
		groups++
	}
	if groups >= 3 {
		return true, true
	}
	return true, len(last) == 4 && len(first) != 4 && allDigits(first) && allDigits(last)
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !digitByte(w[i]) {
			return false
		}
	}
	return true
}

// part emits one part of a word, splitting off its clitic as EWT does
// (do|n't, Iran|'s, can|not, gon|na) and a unit from its number (5|pm).
func (s *segmenter) part(a, b int) {
	w := s.text[a:b]
	if k := clitic(w); k > 0 {
		s.number(a, a+k)
		s.emit(a+k, b)
		return
	}
	if cuts := fusedCuts(w); cuts != nil {
		from := a
		for _, c := range cuts {
			s.emit(from, a+c)
			from = a + c
		}
		s.emit(from, b)
		return
	}
	s.number(a, b)
}

// clitic returns where the clitic of a contraction starts in w (n't, 's, 'm,
// 're, 've, 'll, 'd, with ' or ’), or 0. 's after a digit stays ("80's").
func clitic(w string) int {
	i := len(w) - 1
	for i >= 0 && len(w)-1-i < 2 && asciiLetter(w[i]) {
		i--
	}
	suffix := w[i+1:]
	var ap int // start of the apostrophe
	switch {
	case i > 0 && w[i] == '\'':
		ap = i
	case i > 2 && w[i-2:i+1] == "’":
		ap = i - 2
	default:
		return 0
	}
	if strings.EqualFold(suffix, "t") {
		if ap > 1 && (w[ap-1] == 'n' || w[ap-1] == 'N') {
			return ap - 1
		}
		return 0
	}
	for _, c := range [...]string{"s", "m", "d", "re", "ve", "ll"} {
		if strings.EqualFold(suffix, c) {
			if r, _ := runeBefore(w, ap); isLetter(r) {
				return ap
			}
			return 0
		}
	}
	return 0
}

// fusedCuts returns where to split a contraction written without its
// apostrophe (dont, cannot, gonna), or nil.
func fusedCuts(w string) []int {
	if len(w) < 3 || len(w) > 8 {
		return nil
	}
	if k := suffix2(w); fusedEnds[k>>6]&(1<<(k&63)) == 0 {
		return nil
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !asciiLetter(c) {
			return nil
		}
		buf[i] = c | 0x20
	}
	return fused[string(buf[:len(w)])]
}

// number emits w, splitting a fraction or ratio (1/2, 24/7, but not the
// dates 9/11 and 5/18) and a unit written straight after a number (5pm,
// 35mm, $3bn) but not ordinals, decades or codes (1st, 1990s, 4G).
func (s *segmenter) number(a, b int) {
	w := s.text[a:b]
	if digitByte(w[0]) {
		if i := fraction(w); i > 0 {
			s.emit(a, a+i)
			s.emit(a+i, a+i+1)
			s.emit(a+i+1, b)
			return
		}
		if i := numberEnd(w); i < len(w) && asciiLetter(w[i]) && inLower(units, w[i:]) {
			s.emit(a, a+i)
			s.emit(a+i, b)
			return
		}
	}
	s.emit(a, b)
}

// fraction returns the index of the slash in w if w is two numbers around
// one slash that do not read as a month and day, or 0.
func fraction(w string) int {
	i := strings.IndexByte(w, '/')
	if i <= 0 || i+1 == len(w) || !allDigits(w[:i]) || !allDigits(w[i+1:]) {
		return 0
	}
	month, day := w[:i], w[i+1:]
	if len(month) <= 2 && len(day) == 2 && (len(month) == 1 || month <= "12") && day <= "31" {
		return 0
	}
	return i
}

// numberEnd returns the end of the number that starts w.
func numberEnd(w string) int {
	i := 0
	for i < len(w) {
		if digitByte(w[i]) || i+1 < len(w) && strings.IndexByte(".,:/", w[i]) >= 0 && digitByte(w[i+1]) {
			i++
			continue
		}
		break
	}
	return i
}

// inLower looks up the ASCII lowercase form of a short w in m without
// allocating.
func inLower(m map[string]bool, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 0x80 && ascii[c]&cUpper != 0 {
			c |= 0x20
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}
