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
		last := s.sentenceEnd(i, atLine)
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

// sentenceEnd returns the index of the last token of the sentence that ends
// at token i or at the closing quotes and brackets right after it, or -1.
// Sentences end after a stop before a sentence start, at a paragraph break,
// and at the end of a headline line.
func (s *segmenter) sentenceEnd(i int, atLine bool) int {
	if i+1 == len(s.toks) {
		return i
	}
	if k := s.afterStop(i); k >= 0 {
		return k
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
