// Package nlp holds dyad's syntactic core: the document types shared by every
// stage (Doc, Sentence, Token, Entity) and the Pipeline that runs the
// tokenizer, tagger, lemmatizer, dependency parser and entity tagger over text.
//
// Every offset is a byte offset into Doc.Text, so any output can point back at
// the evidence it came from.
package nlp

// QuoteSide says whether a quotation-mark token opens or closes a quotation.
type QuoteSide uint8

const (
	NotQuote   QuoteSide = iota
	QuoteOpen            // “ or a straight quote that opens
	QuoteClose           // ” or a straight quote that closes
)

// Token is one syntactic word. Text is exactly Doc.Text[Start:End]; Norm is
// the form the models see (invalid UTF-8 replaced, multi-word contractions
// expanded as UD does: "won't" gives "wo" + "n't").
type Token struct {
	Start, End int
	Text       string
	Norm       string
	SpaceAfter bool
	Quote      QuoteSide

	UPOS  string
	XPOS  string
	Lemma string
	Head  int    // index of the head in Sentence.Tokens; -1 for the root
	Rel   string // UD relation to the head ("root" for the root)
}

// Entity is a named-entity span over Sentence.Tokens[First:Last+1].
type Entity struct {
	First, Last int
	Type        string // PER, ORG or LOC
	Start, End  int    // byte offsets of the span
}

// Sentence is a run of tokens with its byte span in the document.
type Sentence struct {
	Start, End int
	Tokens     []Token
	Entities   []Entity
}

// Doc is an analysed text.
type Doc struct {
	Text      string
	Sentences []Sentence
}

// SentenceText returns the sentence's text as it stands in the document.
func (d *Doc) SentenceText(s *Sentence) string { return d.Text[s.Start:s.End] }
