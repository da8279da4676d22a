package nlp

import "strings"

// Deps lists the dependents of each token of a sentence, so that stages
// reading the parse (actors, events) walk down the tree without scanning
// the sentence. Load it once per sentence; its buffers are reused.
type Deps struct {
	start []int // the dependents of token i are list[start[i]:start[i+1]]
	list  []int
	fill  []int
}

// Load indexes the dependents of toks (heads outside the sentence are
// ignored).
func (d *Deps) Load(toks []Token) {
	n := len(toks)
	d.start = resize(d.start, n+1)
	for i := range toks {
		if h := toks[i].Head; h >= 0 && h < n {
			d.start[h+1]++
		}
	}
	for i := 1; i <= n; i++ {
		d.start[i] += d.start[i-1]
	}
	d.list = resize(d.list, d.start[n])
	d.fill = append(d.fill[:0], d.start[:n]...)
	for i := range toks {
		if h := toks[i].Head; h >= 0 && h < n {
			d.list[d.fill[h]] = i
			d.fill[h]++
		}
	}
}

// Of returns the dependents of token i, in text order.
func (d *Deps) Of(i int) []int { return d.list[d.start[i]:d.start[i+1]] }

// Definite reports whether token h has a definite or demonstrative
// determiner ("the body", "this phone call").
func (d *Deps) Definite(toks []Token, h int) bool {
	for _, c := range d.Of(h) {
		if toks[c].Rel == "det" {
			switch strings.ToLower(toks[c].Text) {
			case "the", "this", "that", "these", "those":
				return true
			}
		}
	}
	return false
}

// resize returns s with length n, zeroed, reusing its array when it can.
func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}
