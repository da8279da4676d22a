package quote

import "github.com/dyad-org/dyad/nlp"

// pos is a token's place in the document: Sentences[s].Tokens[i].
type pos struct{ s, i int }

// none is the position before the first token.
var none = pos{-1, -1}

func (p pos) after(q pos) bool { return p.s > q.s || p.s == q.s && p.i > q.i }

// stream reads a Doc as one run of tokens across its sentences.
type stream struct{ *nlp.Doc }

func (d stream) tok(p pos) *nlp.Token { return &d.Sentences[p.s].Tokens[p.i] }

// valid reports whether p is a token of the document.
func (d stream) valid(p pos) bool {
	return p.s >= 0 && p.s < len(d.Sentences) && p.i >= 0 && p.i < len(d.Sentences[p.s].Tokens)
}

// next returns the token after p, skipping empty sentences, or an invalid
// position past the end.
func (d stream) next(p pos) pos {
	p.i++
	for p.s < len(d.Sentences) && p.i >= len(d.Sentences[p.s].Tokens) {
		p.s, p.i = p.s+1, 0
	}
	return p
}

// prev returns the token before p, or none.
func (d stream) prev(p pos) pos {
	p.i--
	for p.i < 0 {
		p.s--
		if p.s < 0 {
			return none
		}
		p.i = len(d.Sentences[p.s].Tokens) - 1
	}
	return p
}

// breakBetween reports a line break in the text between two tokens: news
// paragraphs are lines, and no quotation is allowed to run past one
// unclosed.
func (d stream) breakBetween(a, b *nlp.Token) bool {
	if a.End >= b.Start {
		return false
	}
	gap := d.Text[a.End:b.Start]
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n', '\r':
			return true
		case 0xE2: // U+2028 line separator, U+2029 paragraph separator
			if i+2 < len(gap) && gap[i+1] == 0x80 && (gap[i+2] == 0xA8 || gap[i+2] == 0xA9) {
				return true
			}
		}
	}
	return false
}

// isDouble reports a double quotation mark; the tokenizer writes the Norm
// of every one as a straight double quote.
func isDouble(t *nlp.Token) bool { return t.Quote != nlp.NotQuote && t.Norm == `"` }

// rawSpan is a paired quotation before attribution: the marks and the
// quoted tokens between them.
type rawSpan struct {
	open, close pos  // the marks; close is none when the paragraph ends first
	first, last pos  // the quoted tokens, inclusive (first after last when empty)
	para        int  // the paragraph, counted from 0
	opensPara   bool // the opening mark begins the paragraph
	continued   bool // unclosed, and the next paragraph opens with a mark
}

// pairer is the state of one pass over the token stream.
type pairer struct {
	d                     stream
	out                   []rawSpan
	para                  int
	paraFirst             bool // the current token begins a paragraph
	open, stray           pos  // the open mark; a closing mark seen with nothing open (or none)
	openFirst, strayFirst bool // the open or stray mark began its paragraph
	last                  pos  // the previous token
}

// pair finds the quotation spans of the document in one pass.
func pair(doc *nlp.Doc) []rawSpan {
	d := stream{doc}
	pr := pairer{d: d, open: none, stray: none, last: none, paraFirst: true}
	for p := d.next(pos{0, -1}); d.valid(p); p = d.next(p) {
		t := d.tok(p)
		if pr.last != none && d.breakBetween(d.tok(pr.last), t) {
			pr.endParagraph(isDouble(t) && t.Quote == nlp.QuoteOpen, false)
			pr.para++
			pr.paraFirst = true
		}
		if isDouble(t) {
			pr.mark(p, t.Quote)
		}
		pr.last, pr.paraFirst = p, false
	}
	pr.endParagraph(false, true)
	return pr.out
}

// mark handles one double quotation mark.
func (pr *pairer) mark(p pos, side nlp.QuoteSide) {
	switch {
	case side == nlp.QuoteOpen:
		// An opening mark while one is open means the earlier one was never
		// closed: drop it rather than guess where it ended.
		pr.open, pr.openFirst, pr.stray = p, pr.paraFirst, none
	case pr.open != none:
		pr.emit(p, pr.d.prev(p), false)
		pr.open = none
	case pr.stray != none:
		// Two closing marks in a row: the first one opened.
		pr.open, pr.openFirst, pr.stray = pr.stray, pr.strayFirst, none
		pr.emit(p, pr.d.prev(p), false)
		pr.open = none
	default:
		pr.stray, pr.strayFirst = p, pr.paraFirst
	}
}

// endParagraph closes the paragraph: an open quotation is kept, capped at
// the paragraph's last token, only when the next paragraph opens with a
// mark (a quote continued over paragraphs) or the document ends (a
// truncated article).
func (pr *pairer) endParagraph(nextOpens, docEnd bool) {
	if pr.open != none && (nextOpens || docEnd) {
		pr.emit(none, pr.last, nextOpens)
	}
	pr.open, pr.stray = none, none
}

// emit records the span from the open mark to last.
func (pr *pairer) emit(close, last pos, continued bool) {
	pr.out = append(pr.out, rawSpan{
		open: pr.open, close: close,
		first: pr.d.next(pr.open), last: last,
		para:      pr.para,
		opensPara: pr.openFirst, continued: continued,
	})
}
