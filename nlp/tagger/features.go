package tagger

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
	tSuffix  // + length
	tPrefix  // + length
	tShape   // of w0
	tFlags   // of w0, with "first in sentence"
	tPrev    // t-1
	tPrev2   // t-2 t-1
	tPrevW   // t-1 w0
	tW1      // w-1
	tW1Suf   // w-1 suffix3
	tW2      // w-2
	tN1      // w+1
	tN1Suf   // w+1 suffix3
	tN2      // w+2
	tAmb     // amb(w0)
	tAmbN1   // amb(w+1)
	tAmbN2   // amb(w+2)
	tW1W0    // w-1 w0
	tW0N1    // w0 w+1
	tPrevAN1 // t-1 amb(w+1)
	tPrevSuf // t-1 suffix3(w0)
	tAmbPair // amb(w0) amb(w+1)
	tShapes  // shape-1 shape0 shape+1
	tSuf2N1  // suffix2(w0) amb(w+1)
	tAmbPart // used to hash ambiguity classes
	tPrev2W  // t-2 w0
	tN1Shape // shape(w+1) w0
	tW1N1    // w-1 w+1
	tPrevN1  // t-1 w+1
	tFormN1  // form(w0) amb(w+1)
	tAhead0  // first-pass tag of w0
	tAhead1  // first-pass tag of w+1
	tAhead2  // first-pass tags of w+1 w+2
	tAheadP  // t-1, first-pass tag of w+1
	tAheadW  // w0, first-pass tag of w+1
	tLowAmb  // ambiguity class of lowercase w0, with w0's flags
	tLowAmbN // ambiguity class of lowercase w+1
)

// Placeholder hashes for positions outside the sentence.
const (
	startHash = 0x5a5a5a5a01
	endHash   = 0x5a5a5a5a02
	noTag     = 1 << 20
)

// features appends the features of token i, given the classes chosen so far
// and, in the second pass, the first pass's classes (ahead).
func features(fs []uint64, ws *workspace, tags, ahead []int, i int) []uint64 {
	w := &ws.words[i]
	word := func(j int) uint64 {
		switch {
		case j < 0:
			return startHash
		case j >= len(ws.words):
			return endHash
		}
		return ws.words[j].Lower
	}
	suffix3 := func(j int) uint64 {
		switch {
		case j < 0:
			return startHash
		case j >= len(ws.words):
			return endHash
		}
		return ws.words[j].Suffix[2]
	}
	shape := func(j int) uint64 {
		switch {
		case j < 0:
			return startHash
		case j >= len(ws.words):
			return endHash
		}
		return ws.words[j].Shape
	}
	amb := func(j int) uint64 {
		switch {
		case j < 0:
			return startHash
		case j >= len(ws.words):
			return endHash
		}
		return ws.amb[j]
	}
	tag := func(j int) uint64 {
		if j < 0 || j >= len(tags) {
			return noTag
		}
		return uint64(tags[j])
	}
	first := uint64(0)
	if i == 0 {
		first = 1 << 10
	}
	// The first pass runs right to left, so its history is to the right.
	p1, p2 := tag(i-1), tag(i-2)
	if ahead == nil {
		p1, p2 = tag(i+1), tag(i+2)
	}
	fs = append(fs,
		pc.F1(tBias, 0),
		pc.F1(tLower, w.Lower),
		pc.F1(tForm, w.Form),
		pc.F1(tShape, w.Shape),
		pc.F1(tFlags, w.Flags|first),
		pc.F1(tPrev, p1),
		pc.F2(tPrev2, p2, p1),
		pc.F2(tPrevW, p1, w.Lower),
		pc.F2(tPrev2W, p2, w.Lower),
		pc.F1(tW1, word(i-1)),
		pc.F1(tW1Suf, suffix3(i-1)),
		pc.F1(tW2, word(i-2)),
		pc.F1(tN1, word(i+1)),
		pc.F1(tN1Suf, suffix3(i+1)),
		pc.F1(tN2, word(i+2)),
		pc.F1(tAmb, amb(i)),
		pc.F1(tAmbN1, amb(i+1)),
		pc.F1(tAmbN2, amb(i+2)),
		pc.F2(tW1W0, word(i-1), w.Lower),
		pc.F2(tW0N1, w.Lower, word(i+1)),
		pc.F2(tPrevAN1, p1, amb(i+1)),
		pc.F2(tPrevSuf, p1, w.Suffix[2]),
		pc.F2(tAmbPair, amb(i), amb(i+1)),
		pc.F3(tShapes, shape(i-1), w.Shape, shape(i+1)),
		pc.F2(tSuf2N1, w.Suffix[1], amb(i+1)),
		pc.F2(tN1Shape, shape(i+1), w.Lower),
		pc.F2(tW1N1, word(i-1), word(i+1)),
		pc.F2(tPrevN1, p1, word(i+1)),
		pc.F2(tFormN1, w.Form, amb(i+1)),
	)
	lowAmbN := uint64(endHash)
	if i+1 < len(ws.lower) {
		lowAmbN = ws.lower[i+1]
	}
	fs = append(fs,
		pc.F2(tLowAmb, ws.lower[i], w.Flags|first),
		pc.F1(tLowAmbN, lowAmbN),
	)
	if ahead != nil {
		next := func(j int) uint64 {
			if j >= len(ahead) {
				return noTag + 1
			}
			return uint64(ahead[j])
		}
		fs = append(fs,
			pc.F1(tAhead0, next(i)),
			pc.F1(tAhead1, next(i+1)),
			pc.F2(tAhead2, next(i+1), next(i+2)),
			pc.F2(tAheadP, p1, next(i+1)),
			pc.F2(tAheadW, w.Lower, next(i+1)),
		)
	}
	for k := 0; k < wordfeat.Affixes; k++ {
		if w.Suffix[k] != 0 {
			fs = append(fs, pc.F2(tSuffix, uint64(k), w.Suffix[k]))
		}
		if w.Prefix[k] != 0 && k < 3 {
			fs = append(fs, pc.F2(tPrefix, uint64(k), w.Prefix[k]))
		}
	}
	return fs
}
