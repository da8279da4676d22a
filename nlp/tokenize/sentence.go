package tokenize

import (
	"strings"

	"github.com/dyad-org/dyad/nlp"
)

// sentences groups the tokens into sentences. atLine records whether the
// current sentence began a line, which the headline rule needs.
func (s *segmenter) sentences() []nlp.Sentence {
	toks := s.toks
	out := make([]nlp.Sentence, 0, len(toks)/20+1)
	first, atLine := 0, true
	for i := 0; i < len(toks); i++ {
		last := s.sentenceEnd(first, i, atLine)
		if last < 0 {
			continue
		}
		out = append(out, nlp.Sentence{
			Start:  toks[first].Start,
			End:    toks[last].End,
			Tokens: toks[first : last+1 : last+1],
		})
		if last+1 < len(toks) {
			atLine = lineBreaks(s.gap(last)) > 0
		}
		first, i = last+1, last
	}
	return out
}

// gap returns the whitespace between token i and the next.
func (s *segmenter) gap(i int) string { return s.text[s.toks[i].End:s.toks[i+1].Start] }

// sentenceEnd returns the index of the last token of the sentence that
// begins at token first and ends at token i or at the closing quotes and
// brackets right after it, or -1. Sentences end after a stop before a
// sentence start, at a paragraph break, at the end of a headline line, and
// after a dateline ("TEHRAN –", "LIMA, Peru (Reuters) -"), which the parser
// would otherwise take for the subject of the first sentence.
func (s *segmenter) sentenceEnd(first, i int, atLine bool) int {
	if i+1 == len(s.toks) {
		return i
	}
	if k := s.afterStop(i); k >= 0 {
		return k
	}
	if atLine && s.dateline(first, i) {
		return i
	}
	switch lineBreaks(s.gap(i)) {
	case 0:
		return -1
	case 1:
		if atLine && s.headline(i) {
			return i
		}
		return -1
	}
	return i
}

// afterStop returns the last token of the sentence if token i is a run of
// . ? ! … that ends one, or -1. Abbreviations need no check: their period
// is split off when it ends the sentence.
func (s *segmenter) afterStop(i int) int {
	toks := s.toks
	if r, _ := runeAt(toks[i].Text, 0); !isStop(r) {
		return -1
	}
	k := i
	for k+1 < len(toks) && closes(&toks[k+1]) && lineBreaks(s.gap(k)) == 0 {
		k++
	}
	if k+1 == len(toks) || lineBreaks(s.gap(k)) >= 2 || startsSentence(&toks[k+1]) {
		return k
	}
	return -1
}

// dateline reports whether tokens first..i are a dateline: a place in
// capitals, then perhaps a country or region, a date and an agency in
// brackets, ended by a dash or a colon, with a sentence after it.
func (s *segmenter) dateline(first, i int) bool {
	toks := s.toks
	switch toks[i].Text {
	case "-", "–", "—", "--", ":":
	default:
		return false
	}
	if i == first || i-first > 12 || !startsSentence(&toks[i+1]) || !allCaps(toks[first].Text) {
		return false
	}
	for k := first + 1; k < i; k++ {
		r, _ := runeAt(toks[k].Text, 0)
		if isLower(r) {
			return false
		}
	}
	return true
}

// allCaps reports a word of two or more letters, all capitals.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !isWord(r) || isLower(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// closes reports closing quotes and brackets, which stay with the sentence
// they follow.
func closes(t *nlp.Token) bool {
	return t.Quote == nlp.QuoteClose || len(t.Text) == 1 && strings.IndexByte(")]}", t.Text[0]) >= 0
}

// startsSentence reports tokens that can begin a sentence: anything but a
// lowercase word or punctuation that continues one.
func startsSentence(t *nlp.Token) bool {
	r, _ := runeAt(t.Text, 0)
	switch {
	case isLower(r):
		return false
	case isWord(r) || t.Quote == nlp.QuoteOpen:
		return true
	}
	return strings.ContainsRune("([{$£€¥#@", r)
}

// headline reports whether the line that ends with token i, begun by the
// current sentence, is a headline or dateline of its own: it ends in a word,
// a closing quote or bracket but not in a word that needs a continuation,
// and the next line starts a sentence.
func (s *segmenter) headline(i int) bool {
	t := &s.toks[i]
	r, _ := runeAt(t.Text, 0)
	ends := isWord(r) && !continuation[t.Text] || t.Quote == nlp.QuoteClose || t.Text == ")"
	return ends && startsSentence(&s.toks[i+1])
}
