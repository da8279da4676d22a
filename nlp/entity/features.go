package entity

import (
	pc "github.com/dyad-org/dyad/nlp/perceptron"
	"github.com/dyad-org/dyad/nlp/wordfeat"
)

// Feature templates. The numbers only need to be distinct; changing them
// invalidates trained models.
const (
	tBias = iota + 1
	tLower
	tForm
	tShape
	tFlags     // of w0, with the token's context bits
	tPrefix    // + length
	tSuffix    // + length
	tW1        // w-1
	tW2        // w-2
	tN1        // w+1
	tN2        // w+2
	tW1W0      // w-1 w0
	tW0N1      // w0 w+1
	tShapes    // shape-1 shape0 shape+1
	tPos       // tag of w0
	tPosW1     // tag of w-1
	tPosW2     // UPOS of w-2
	tPosN1     // tag of w+1
	tPosN2     // UPOS of w+2
	tPosPair   // tags of w-1 w0
	tPosNext   // tags of w0 w+1
	tPosLower  // tag, lowercase of w0
	tPrev      // l-1
	tPrevW     // l-1 w0
	tPrevPos   // l-1 tag0
	tPrevShape // l-1 shape0
	tFlagsW1   // flags of w-1
	tFlagsN1   // flags of w+1
	tFormW1    // exact w-1 with shape0
	tFormN1    // shape0 with exact w+1
	tGaz       // gazetteer bits of w0
	tGazCase   // gazetteer bits, flags of w0
	tGazPos    // gazetteer bits, UPOS of w0
	tGazW1     // gazetteer bits of w-1 and w0
	tGazN1     // gazetteer bits of w0 and w+1
	tGazPrev   // l-1, gazetteer bits of w0
	tCasing    // casing of w0
	tCaseFlags // casing, flags and context bits of w0
	tCaseW1    // casing of w-1 and w0
	tCaseN1    // casing of w0 and w+1
	tCasePrev  // l-1, casing of w0
	tRel       // relation of w0 to its head
	tPhrase    // relation of w0's phrase, its case word
	tPhraseW   // relation of w0's phrase, its head's word
	tPhraseCap // relation of w0's phrase, flags of w0
)

// Placeholder hashes for positions outside the sentence.
const (
	startHash = 0x5a5a5a5a01
	endHash   = 0x5a5a5a5a02
	noLabel   = 1 << 20
)

// Context bits of a token, or-ed into its flags feature.
const (
	first       = 1 << (16 + iota) // no word before it in the sentence
	inQuote                        // between quotation marks
	capsAgain                      // the same word is capitalised elsewhere in the sentence, not first
	lowerAgain                     // the same word is lowercase elsewhere in the sentence
	allCapsSent                    // the sentence has no lowercase letter
	noCapsSent                     // the sentence has no uppercase letter
)

// token is one token's precomputed values.
type token struct {
	form      string
	w         wordfeat.Word
	tag, upos uint64
	bits      uint64
	gaz       uint64 // gazetteer bits
	casing    uint64 // Lexicon.Casing of the word, 0 if unknown
	// Syntax, when the sentence is parsed (0 otherwise): the token's
	// relation; its phrase's (the name it is part of, climbing flat and
	// compound relations), that phrase's case word ("in", "by") and the
	// word it hangs on.
	rel, phrase, caseWord, headWord uint64
}

// content reports whether the token has a letter or digit.
func (t *token) content() bool { return t.w.Flags&(wordfeat.HasLetter|wordfeat.HasDigit) != 0 }

// accessors reads the values of the tokens around one, with placeholders
// past the sentence's edges.
type accessors struct{ toks []token }

func (a accessors) at(j int) *token {
	if j < 0 || j >= len(a.toks) {
		return nil
	}
	return &a.toks[j]
}

func edge(j int) uint64 {
	if j < 0 {
		return startHash
	}
	return endHash
}

func (a accessors) get(j int, f func(*token) uint64) uint64 {
	if x := a.at(j); x != nil {
		return f(x)
	}
	return edge(j)
}

// observed appends the features of token i that do not depend on labels.
func observed(fs []uint64, toks []token, i int) []uint64 {
	t := &toks[i]
	a := accessors{toks}
	word := func(j int) uint64 { return a.get(j, func(x *token) uint64 { return x.w.Lower }) }
	form := func(j int) uint64 { return a.get(j, func(x *token) uint64 { return x.w.Form }) }
	shape := func(j int) uint64 { return a.get(j, func(x *token) uint64 { return x.w.Shape }) }
	flags := func(j int) uint64 { return a.get(j, func(x *token) uint64 { return x.w.Flags }) }
	tag := func(j int) uint64 { return a.get(j, func(x *token) uint64 { return x.tag }) }
	upos := func(j int) uint64 { return a.get(j, func(x *token) uint64 { return x.upos }) }
	casing := func(j int) uint64 { return a.get(j, func(x *token) uint64 { return x.casing }) }
	fs = append(fs,
		pc.F1(tBias, 0),
		pc.F1(tLower, t.w.Lower),
		pc.F1(tForm, t.w.Form),
		pc.F1(tShape, t.w.Shape),
		pc.F1(tFlags, t.w.Flags|t.bits),
		pc.F1(tW1, word(i-1)),
		pc.F1(tW2, word(i-2)),
		pc.F1(tN1, word(i+1)),
		pc.F1(tN2, word(i+2)),
		pc.F2(tW1W0, word(i-1), t.w.Lower),
		pc.F2(tW0N1, t.w.Lower, word(i+1)),
		pc.F3(tShapes, shape(i-1), t.w.Shape, shape(i+1)),
		pc.F1(tPos, t.tag),
		pc.F1(tPosW1, tag(i-1)),
		pc.F1(tPosW2, upos(i-2)),
		pc.F1(tPosN1, tag(i+1)),
		pc.F1(tPosN2, upos(i+2)),
		pc.F2(tPosPair, tag(i-1), t.tag),
		pc.F2(tPosNext, t.tag, tag(i+1)),
		pc.F2(tPosLower, t.tag, t.w.Lower),
		pc.F1(tFlagsW1, flags(i-1)),
		pc.F1(tFlagsN1, flags(i+1)),
		pc.F2(tFormW1, form(i-1), t.w.Shape),
		pc.F2(tFormN1, t.w.Shape, form(i+1)),
		pc.F1(tCasing, t.casing),
		pc.F2(tCaseFlags, t.casing, t.w.Flags|t.bits),
		pc.F2(tCaseW1, casing(i-1), t.casing),
		pc.F2(tCaseN1, t.casing, casing(i+1)),
	)
	if t.rel != 0 {
		caps := t.w.Flags & (wordfeat.InitUpper | wordfeat.AllUpper | wordfeat.HasUpper)
		fs = append(fs,
			pc.F1(tRel, t.rel),
			pc.F2(tPhrase, t.phrase, t.caseWord),
			pc.F2(tPhraseW, t.phrase, t.headWord),
			pc.F2(tPhraseCap, t.phrase, caps|t.bits&first),
		)
	}
	if t.gaz != 0 || gazNear(toks, i) {
		gaz := func(j int) uint64 { return a.get(j, func(x *token) uint64 { return x.gaz }) }
		caps := t.w.Flags & (wordfeat.InitUpper | wordfeat.AllUpper | wordfeat.HasUpper)
		fs = append(fs,
			pc.F1(tGaz, t.gaz),
			pc.F2(tGazCase, t.gaz, caps|t.bits&(first|noCapsSent|allCapsSent)),
			pc.F2(tGazPos, t.gaz, t.upos),
			pc.F2(tGazW1, gaz(i-1), t.gaz),
			pc.F2(tGazN1, t.gaz, gaz(i+1)),
		)
	}
	for k := 0; k < wordfeat.Affixes; k++ {
		if t.w.Suffix[k] != 0 {
			fs = append(fs, pc.F2(tSuffix, uint64(k), t.w.Suffix[k]))
		}
		if t.w.Prefix[k] != 0 && k < 3 {
			fs = append(fs, pc.F2(tPrefix, uint64(k), t.w.Prefix[k]))
		}
	}
	return fs
}

// following appends the features of token i that pair its values with the
// class of the token before it (start for the first token).
func following(fs []uint64, toks []token, prev, i int) []uint64 {
	t := &toks[i]
	p := uint64(noLabel)
	if prev != start {
		p = uint64(prev)
	}
	fs = append(fs,
		pc.F1(tPrev, p),
		pc.F2(tPrevW, p, t.w.Lower),
		pc.F2(tPrevPos, p, t.tag),
		pc.F2(tPrevShape, p, t.w.Shape),
		pc.F2(tCasePrev, p, t.casing),
	)
	if t.gaz != 0 {
		fs = append(fs, pc.F2(tGazPrev, p, t.gaz))
	}
	return fs
}

// gazNear reports whether a neighbour of token i matched the gazetteer.
func gazNear(toks []token, i int) bool {
	return i > 0 && toks[i-1].gaz != 0 || i+1 < len(toks) && toks[i+1].gaz != 0
}
