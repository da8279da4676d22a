package parser

// oracle computes the dynamic-oracle cost of each transition (Goldberg and
// Nivre 2012): how many gold arcs, still reachable, a transition makes
// unreachable. Transitions of cost 0 are the ones training may follow, from
// any state, including states reached by the model's own mistakes.
type oracle struct {
	heads  []int32 // gold head of each word; heads[0] unused
	labels []int32
}

// costs fills cost[c] for every class c that is valid in s.
func (o *oracle) costs(s *state, cost []int, rootLabel int) {
	s0, b := s.s0(), s.next
	bufferEmpty := s.next > s.n

	// What is at stake for s0: its dependents and its head still in the buffer.
	s0DepsInBuffer, s0HeadBeyondB := 0, false
	if !bufferEmpty {
		for k := b; k <= s.n; k++ {
			if o.heads[k] == s0 {
				s0DepsInBuffer++
			}
		}
		s0HeadBeyondB = s0 != 0 && o.heads[s0] > b
	}
	// What is at stake for b: its head and its dependents on the stack.
	bHeadOnStack, bDepsOnStack := false, 0
	if !bufferEmpty {
		gh := o.heads[b]
		for _, k := range s.stack {
			if k == gh && !(k == 0 && s.rootKids > 0) {
				bHeadOnStack = true
			}
			if k != 0 && s.nodes[k].head < 0 && o.heads[k] == b {
				bDepsOnStack++
			}
		}
	}
	for c := range cost {
		if !s.valid(c, rootLabel) {
			cost[c] = -1
			continue
		}
		switch {
		case c == shift:
			cost[c] = b2i(bHeadOnStack) + bDepsOnStack
		case c == reduce:
			cost[c] = s0DepsInBuffer
		case isLeft(c):
			cost[c] = b2i(s0HeadBeyondB) + s0DepsInBuffer
			if o.heads[s0] == b && int(o.labels[s0]) != labelOf(c) {
				cost[c]++
			}
		default:
			gh := o.heads[b]
			lost := gh != s0 && (gh > b || bHeadOnStack)
			cost[c] = b2i(lost) + bDepsOnStack
			if gh == s0 && int(o.labels[b]) != labelOf(c) {
				cost[c]++
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
