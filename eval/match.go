package eval

import (
	"math"
	"strings"
)

// span is a half-open byte range [start, end) of an article's text.
type span struct{ start, end int }

// spans returns every occurrence of s in text, overlapping ones included.
// Gold and predictions carry strings, not offsets, so a string that occurs
// more than once (seed-002 repeats its headline) stands for all its
// occurrences: a prediction taken from either copy of a repeated sentence
// must be able to match the gold event coded once. An empty string, or one
// not in the text, has no span and so matches nothing.
func spans(text, s string) []span {
	if s == "" {
		return nil
	}
	var out []span
	for from := 0; ; {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return out
		}
		out = append(out, span{from + i, from + i + len(s)})
		from += i + 1
	}
}

// overlap reports whether some span of a overlaps some span of b.
func overlap(a, b []span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.start < y.end && y.start < x.end {
				return true
			}
		}
	}
	return false
}

// maxMatching returns a maximum matching between n gold and m predicted items
// as match[i] = the predicted item matched to gold item i, or -1. Among the
// maximum matchings it takes one with the largest total prefer(i, j) (prefer
// must be >= 0), so that a tie between equally large matchings is broken in
// favour of pairs that also agree on what the level does not score (the full
// CAMEO code and date, the quote's speaker) rather than by input order.
//
// It is an assignment problem solved with the Hungarian algorithm: each
// compatible pair weighs big+prefer, with big larger than any possible sum of
// prefers, so one more pair always outweighs any preference. Articles hold
// tens of events, so the O(n²m) cost is negligible.
func maxMatching(n, m int, ok func(i, j int) bool, prefer func(i, j int) int) []int {
	match := make([]int, n)
	for i := range match {
		match[i] = -1
	}
	if n == 0 || m == 0 {
		return match
	}
	weight := make([][]int64, n)
	var maxPrefer int64
	for i := range weight {
		weight[i] = make([]int64, m)
		for j := range weight[i] {
			if ok(i, j) {
				weight[i][j] = 1 + int64(prefer(i, j)) // > 0: weight 0 marks an incompatible pair
				maxPrefer = max(maxPrefer, weight[i][j])
			}
		}
	}
	big := maxPrefer*int64(min(n, m)) + 1
	for i := range weight {
		for j := range weight[i] {
			if weight[i][j] > 0 {
				weight[i][j] += big
			}
		}
	}

	// The solver wants rows <= columns; transpose when there are more gold
	// items than predicted ones.
	transposed := n > m
	rows, cols := n, m
	if transposed {
		rows, cols = m, n
	}
	cost := make([][]int64, rows)
	for r := range cost {
		cost[r] = make([]int64, cols)
		for c := range cost[r] {
			if transposed {
				cost[r][c] = -weight[c][r]
			} else {
				cost[r][c] = -weight[r][c]
			}
		}
	}
	for r, c := range assign(cost) {
		i, j := r, c
		if transposed {
			i, j = c, r
		}
		if weight[i][j] > 0 { // the solver also pairs up incompatible items at weight 0
			match[i] = j
		}
	}
	return match
}

// assign solves the rectangular assignment problem for cost (rows <= columns)
// and returns the column given to each row, minimising the total cost. This
// is the O(rows²·cols) Hungarian algorithm with potentials.
func assign(cost [][]int64) []int {
	rows, cols := len(cost), len(cost[0])
	const inf = math.MaxInt64 / 4
	u := make([]int64, rows+1) // row potentials, 1-based
	v := make([]int64, cols+1) // column potentials, 1-based; column 0 is the root
	owner := make([]int, cols+1)
	way := make([]int, cols+1)
	for r := 1; r <= rows; r++ {
		owner[0] = r
		j0 := 0
		minv := make([]int64, cols+1)
		used := make([]bool, cols+1)
		for j := range minv {
			minv[j] = inf
		}
		for owner[j0] != 0 {
			used[j0] = true
			i0, delta, j1 := owner[j0], int64(inf), 0
			for j := 1; j <= cols; j++ {
				if used[j] {
					continue
				}
				if cur := cost[i0-1][j-1] - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= cols; j++ {
				if used[j] {
					u[owner[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
		}
		for j0 != 0 {
			j1 := way[j0]
			owner[j0] = owner[j1]
			j0 = j1
		}
	}
	col := make([]int, rows)
	for j := 1; j <= cols; j++ {
		if owner[j] != 0 {
			col[owner[j]-1] = j - 1
		}
	}
	return col
}
