package parser

import "testing"

// tree is a small projective sentence: heads count from 1, 0 is the root.
var trees = []struct {
	heads  []int32
	labels []int32
}{
	// "Ministers met in Cairo ." : met is the root.
	{heads: []int32{2, 0, 4, 2, 2}, labels: []int32{1, 0, 2, 3, 4}},
	// "The talks ended" : a left chain.
	{heads: []int32{2, 3, 0}, labels: []int32{5, 1, 0}},
	// "Police arrested two men and a woman" : right branching with coordination.
	{heads: []int32{2, 0, 4, 2, 7, 7, 4}, labels: []int32{1, 0, 6, 7, 8, 5, 9}},
}

// TestOracleReachesGoldTree follows only zero-cost transitions from the start
// state and checks the parse it builds is the gold tree: the dynamic oracle
// never loses an arc it could keep.
func TestOracleReachesGoldTree(t *testing.T) {
	const rootLabel, labels = 0, 10
	for ti, tr := range trees {
		o := oracle{heads: append([]int32{-1}, tr.heads...), labels: append([]int32{-1}, tr.labels...)}
		var s state
		s.reset(len(tr.heads))
		cost := make([]int, 2+2*labels)
		for !s.done() {
			o.costs(&s, cost, rootLabel)
			next := -1
			for c, k := range cost {
				if k == 0 {
					next = c
					break
				}
			}
			if next < 0 {
				t.Fatalf("tree %d: no zero-cost transition in state %v", ti, s.stack)
			}
			s.apply(next)
		}
		for i, h := range tr.heads {
			nd := s.nodes[i+1]
			if nd.head != h || nd.label != tr.labels[i] {
				t.Errorf("tree %d word %d: got head %d label %d, want %d %d", ti, i+1, nd.head, nd.label, h, tr.labels[i])
			}
		}
	}
}

// TestOracleCostsAfterMistake checks that a wrong transition raises the cost
// the oracle reports: after shifting a word whose gold head was s0, the arc
// is lost and no transition recovers it.
func TestOracleCostsAfterMistake(t *testing.T) {
	const rootLabel, labels = 0, 10
	tr := trees[0]
	o := oracle{heads: append([]int32{-1}, tr.heads...), labels: append([]int32{-1}, tr.labels...)}
	var s state
	s.reset(len(tr.heads))
	cost := make([]int, 2+2*labels)
	s.apply(shift) // Ministers
	o.costs(&s, cost, rootLabel)
	if cost[leftArc(1)] != 0 {
		t.Fatalf("left-arc nsubj should be free here, cost %d", cost[leftArc(1)])
	}
	if cost[shift] == 0 {
		t.Fatalf("shifting 'met' over its dependent should cost an arc")
	}
	if cost[leftArc(2)] != 1 {
		t.Fatalf("left-arc with the wrong label should cost 1, got %d", cost[leftArc(2)])
	}
}
