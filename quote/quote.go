// Package quote finds the direct quotations in an analysed document and the
// mention of who said each one.
//
// Find works on the document's token stream, not sentence by sentence,
// because a quotation often spans several sentences and the sentence
// splitter may cut inside or around it. It runs in four steps:
//
//  1. Pairing (marks.go). Double quotation marks (“ ” " « » „) are paired
//     within a paragraph; any line break ends a paragraph. Single quotes and
//     apostrophes never delimit: ‘…’ nested inside a double quote simply
//     belongs to it. A closing mark with no quotation open is taken for an
//     opening one when the paragraph's next mark also closes (writers and
//     converters swap them); an opening mark while one is open drops the
//     earlier one. A quotation never closed is capped at the end of its
//     paragraph and kept only where news convention explains it: the next
//     paragraph opens with a mark (a quote running over several
//     paragraphs: each paragraph's part is its own Quote, marked Continued)
//     or the document ends there (a truncated article). Anything else is
//     dropped: no quote is better than a wrong huge one.
//
//  2. The cue (attrib.go). A cue is a word of the embedded lexicon.txt:
//     speech verbs ("said", "tweeted", "told"), linking verbs that
//     attribute only beside the quote ("added", "continued"), verbs of
//     judgement ("rejected … as “…”") and phrases ("according to"). It is
//     looked for first in the shapes news writing uses beside the marks
//     (“…,” X said; “…,” said X; X told reporters: “…”; X, who …, said),
//     then through the dependency parse (the quoted words depend on a cue,
//     "X said the raid was “…”", or a cue depends on them), then after a
//     later quote of the same sentence (“…” and “…,” X said).
//
//  3. The speaker (speaker.go, phrase.go) is the cue's subject, the subject
//     of the verb a participle cue hangs from ("X condemned …, saying"),
//     the noun phrase after "according to" or after an inverted cue, or,
//     where the parse is broken, the words between the closing mark and the
//     cue or the name just before the cue. It is expanded to its full noun
//     phrase (determiners, modifiers, names, possessors, prepositional
//     modifiers, appositions), never over a relative clause or the quote.
//
//  4. Filtering and inheritance (quote.go). Scare quotes and names are told
//     from quotations: one word needs a cue that takes it as an utterance
//     (“No,” he said), and so does a title-cased phrase without a verb; two
//     or three words without a verb need a speech cue somewhere; a title
//     word before the mark ("his book “…”", "known as “…”") makes any quote
//     a name. A quote with no cue of its own takes the speaker of a
//     headline colon (Iran FM: “…”), or continues the reported speech of
//     the sentence before it ("X said that …. The leaders “…”"), or
//     inherits the speaker of the previous quote in its paragraph or of the
//     paragraphs just before (Inherited); the earlier parts of a
//     multi-paragraph quote take the speaker named in a later part.
//
// Every search is bounded to a window of tokens around its quote, so Find
// is linear in the tokens and allocates only per quote. Pronouns are left
// to the actor package to resolve: a speaker is the mention as written
// ("he", "the spokesman", "Iran's foreign minister Hossein
// Amir-Abdollahian").
package quote

import (
	"strings"

	"github.com/dyad-org/dyad/nlp"
)

// Quote is a direct quotation in a Doc.
type Quote struct {
	Start, End int    // byte offsets of the quoted words in Doc.Text, quotation marks excluded
	Text       string // Doc.Text[Start:End]
	Speaker    *Span  // the mention of who said it (token span), nil when none is found
	Cue        *Span  // the attributing word(s): "said", "tweeted", "added", "according to"; nil if none
	Inherited  bool   // Speaker was carried over from an earlier quote (a continued quote with no cue of its own)
	// Continued is true for a paragraph of a multi-paragraph quote that the
	// next Quote continues (its paragraph has no closing mark).
	Continued bool
}

// Span is a token range in one sentence of the Doc.
type Span struct {
	Sentence, First, Last int // Doc.Sentences[Sentence].Tokens[First..Last], inclusive
	Head                  int // the span's syntactic head token (index in the sentence)
	Start, End            int // byte offsets
}

// Find returns the direct quotations of doc in text order. A malformed Doc
// (offsets outside the text or out of order, heads or entities outside
// their sentence) gives none.
func Find(doc *nlp.Doc) []Quote {
	if doc == nil || !wellFormed(doc) {
		return nil
	}
	spans := pair(doc)
	if len(spans) == 0 {
		return nil
	}
	out := make([]Quote, 0, len(spans))
	kept := make([]rawSpan, 0, len(spans)) // the raw span of each quote in out, for inheritance
	for i, r := range spans {
		var next *rawSpan
		if i+1 < len(spans) {
			next = &spans[i+1]
		}
		q, ok := attribute(stream{doc}, r, next)
		if !ok {
			continue
		}
		out = append(out, q)
		kept = append(kept, r)
	}
	inherit(stream{doc}, out, kept)
	return out
}

// wellFormed checks what Find relies on, so that no input can make it
// index out of range.
func wellFormed(doc *nlp.Doc) bool {
	prev := 0
	for _, s := range doc.Sentences {
		n := len(s.Tokens)
		for _, t := range s.Tokens {
			if t.Start < prev || t.End < t.Start || t.End > len(doc.Text) || t.Head < -1 || t.Head >= n {
				return false
			}
			prev = t.End
		}
		for _, e := range s.Entities {
			if e.First < 0 || e.Last < e.First || e.Last >= n {
				return false
			}
		}
	}
	return true
}

// attribute turns a paired span into a Quote with its cue and speaker, or
// reports false for an empty span or a scare-quoted term.
func attribute(d stream, r rawSpan, next *rawSpan) (Quote, bool) {
	if r.first.after(r.last) {
		return Quote{}, false
	}
	a, b := d.tok(r.first), d.tok(r.last)
	q := Quote{Start: a.Start, End: b.End, Text: d.Text[a.Start:b.End], Continued: r.continued}
	c := findCue(d, r, next)
	if !acceptable(d, r, c) {
		return Quote{}, false
	}
	if c.ok {
		q.Cue = c.span(d)
		q.Speaker = c.speakerSpan(d, r)
	} else {
		q.Speaker = headlineSpeaker(d, r)
	}
	return q, true
}

// maxShort is the most words a quoted term may have and still be taken for
// a scare quote when no cue introduces it; maxTitle the most a title-cased
// name may have.
const (
	maxShort = 3
	maxTitle = 8
)

// acceptable tells a quotation from a scare-quoted term or a title by its
// length, its verbs and its cue.
func acceptable(d stream, r rawSpan, c cue) bool {
	words, verb, titled := shape(d, r)
	switch {
	case words == 0 || afterTitleWord(d, r.open):
		return false
	case r.close == none && words <= maxShort: // a fragment cut off by the paragraph's end
		return false
	case words == 1: // only an utterance: “No,” he said; he replied: “Never.”
		return c.utterance() && (c.introduced || d.tok(r.last).UPOS == "PUNCT")
	case titled: // a name unless uttered: he shouted: “Death To The Dictator”
		return c.utterance()
	case words <= maxShort && !verb:
		return c.ok && !c.evaluative
	}
	return true
}

// shape counts the words of the quote and says whether one is a verb and
// whether it reads as a title (no verb, every content word capitalised).
func shape(d stream, r rawSpan) (words int, verb, titled bool) {
	titled = true
	for p := r.first; !p.after(r.last); p = d.next(p) {
		t := d.tok(p)
		switch t.UPOS {
		case "PUNCT", "SYM":
			continue
		case "VERB", "AUX":
			verb = true
		case "NOUN", "PROPN", "ADJ", "NUM":
			titled = titled && !startsLower(t.Text)
		}
		words++
	}
	return words, verb, titled && !verb && words <= maxTitle
}

// afterTitleWord reports an opening mark right after a title word, or
// after one and "as": his book “…”, the operation dubbed “…”, known as
// “…”.
func afterTitleWord(d stream, open pos) bool {
	p := d.prev(open)
	if p.s == open.s && strings.EqualFold(d.tok(p).Norm, "as") {
		p = d.prev(p)
	}
	return p.s == open.s && cues.isTitle(d.tok(p))
}

func startsLower(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' }

// maxParaGap is how many paragraphs back a quote that opens its paragraph
// looks for the quote it continues: a paragraph of paraphrase often stands
// between two paragraphs of one speaker's quotes.
const maxParaGap = 2

// inherit attributes the quotes that have no cue of their own. A quote
// continues the reported speech of the sentence before it when that
// sentence reports a clause and holds no quote ("X said that …. The leaders
// “…”"); otherwise it takes the speaker of the quote it follows: the
// previous quote in its paragraph or, for a quote that opens its paragraph,
// the last quote of the paragraphs just before. The earlier parts of a
// multi-paragraph quote then take the speaker named in a later part.
func inherit(d stream, qs []Quote, rs []rawSpan) {
	for i := range qs {
		if qs[i].Cue != nil || qs[i].Speaker != nil {
			continue
		}
		if c, ok := cueFromContext(d, rs[i]); ok {
			qs[i].Cue, qs[i].Speaker = c.span(d), c.speakerSpan(d, rs[i])
			continue
		}
		if i > 0 && qs[i-1].Speaker != nil && continues(rs[i], rs[i-1]) && !attributedElse(d, rs[i]) {
			qs[i].Speaker, qs[i].Inherited = copySpan(qs[i-1].Speaker), true
		}
	}
	for i := len(qs) - 2; i >= 0; i-- {
		if qs[i].Continued && qs[i].Speaker == nil && qs[i+1].Speaker != nil && rs[i+1].opensPara && rs[i+1].para == rs[i].para+1 {
			qs[i].Speaker, qs[i].Inherited = copySpan(qs[i+1].Speaker), true
		}
	}
}

// attributedElse reports a quote followed by words in its sentence that are
// no cue we know (“Enough is enough,” read one placard): its source is
// named there, so it continues no one's speech.
func attributedElse(d stream, r rawSpan) bool {
	if r.close == none {
		return false
	}
	n := d.next(r.close)
	return d.valid(n) && n.s == r.close.s && d.tok(n).UPOS != "PUNCT"
}

// continues reports whether quote r may continue the speech of prev.
func continues(r, prev rawSpan) bool {
	return r.para == prev.para || r.opensPara && r.para-prev.para <= maxParaGap
}

func copySpan(s *Span) *Span {
	c := *s
	return &c
}
