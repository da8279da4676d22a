package parser

// Transitions of the arc-eager system. Class numbers: shift, reduce, then a
// left-arc and a right-arc for each label: leftArc(l) = 2+2l, rightArc(l) = 3+2l.
const (
	shift  = 0
	reduce = 1
)

func leftArc(label int) int  { return 2 + 2*label }
func rightArc(label int) int { return 3 + 2*label }

// labelOf returns the label of an arc class.
func labelOf(class int) int { return (class - 2) / 2 }

func isLeft(class int) bool  { return class >= 2 && class%2 == 0 }
func isRight(class int) bool { return class >= 3 && class%2 == 1 }

// node keeps what the features need to know of a word's dependents.
type node struct {
	head, label       int32 // -1 until attached
	left1, left2      int32 // leftmost and second leftmost dependent, -1 if none
	right1, right2    int32 // rightmost and second rightmost
	nLeft, nRight     int32
	leftSet, rightSet uint64 // bit set of dependents' labels (first 64 labels)
}

// state is a parser configuration. Word 0 is the artificial root; words are
// 1..n. The buffer is the words from next to n.
type state struct {
	nodes    []node
	stack    []int32
	next     int32
	n        int32
	rootKids int32
}

func (s *state) reset(n int) {
	if cap(s.nodes) < n+1 {
		s.nodes = make([]node, n+1)
		s.stack = make([]int32, 0, n+1)
	}
	s.nodes = s.nodes[:n+1]
	for i := range s.nodes {
		s.nodes[i] = node{head: -1, label: -1, left1: -1, left2: -1, right1: -1, right2: -1}
	}
	s.stack = append(s.stack[:0], 0)
	s.next = 1
	s.n = int32(n)
	s.rootKids = 0
}

func (s *state) done() bool { return s.next > s.n }

func (s *state) s0() int32 { return s.stack[len(s.stack)-1] }

// valid says whether class can be applied; rootLabel is the label id of "root".
func (s *state) valid(class, rootLabel int) bool {
	bufferEmpty := s.next > s.n
	s0 := s.s0()
	switch {
	case class == shift:
		return !bufferEmpty
	case class == reduce:
		return s0 != 0 && s.nodes[s0].head >= 0
	case isLeft(class):
		return !bufferEmpty && s0 != 0 && s.nodes[s0].head < 0 && labelOf(class) != rootLabel
	default: // right arc
		if bufferEmpty {
			return false
		}
		if s0 == 0 {
			return labelOf(class) == rootLabel && s.rootKids == 0
		}
		return labelOf(class) != rootLabel
	}
}

func (s *state) apply(class int) {
	switch {
	case class == shift:
		s.stack = append(s.stack, s.next)
		s.next++
	case class == reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case isLeft(class):
		s0 := s.s0()
		s.attach(s.next, s0, labelOf(class))
		s.stack = s.stack[:len(s.stack)-1]
	default:
		s.attach(s.s0(), s.next, labelOf(class))
		s.stack = append(s.stack, s.next)
		s.next++
	}
}

func (s *state) attach(head, dep int32, label int) {
	d := &s.nodes[dep]
	d.head, d.label = head, int32(label)
	h := &s.nodes[head]
	bit := uint64(1) << (uint(label) & 63)
	if dep < head {
		h.nLeft++
		h.leftSet |= bit
		if h.left1 < 0 || dep < h.left1 {
			h.left2, h.left1 = h.left1, dep
		} else if h.left2 < 0 || dep < h.left2 {
			h.left2 = dep
		}
	} else {
		h.nRight++
		h.rightSet |= bit
		if h.right1 < 0 || dep > h.right1 {
			h.right2, h.right1 = h.right1, dep
		} else if h.right2 < 0 || dep > h.right2 {
			h.right2 = dep
		}
	}
	if head == 0 {
		s.rootKids++
	}
}
