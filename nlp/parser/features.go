package parser

import pc "github.com/dyad-org/dyad/nlp/perceptron"

// Feature templates, after Zhang and Nivre (2011): words (w), tags (p) and
// labels (l) of the stack top s0, its head and dependents, the second stack
// item s1, and the first buffer words n0..n2 with n0's left dependents; plus
// distance, valency and label sets.
const (
	fS0wp = iota + 1
	fS0w
	fS0p
	fN0wp
	fN0w
	fN0p
	fN1wp
	fN1w
	fN1p
	fN2wp
	fN2w
	fN2p
	fS0wpN0wp
	fS0wpN0w
	fS0wN0wp
	fS0wpN0p
	fS0pN0wp
	fS0wN0w
	fS0pN0p
	fN0pN1p
	fN0pN1pN2p
	fS0pN0pN1p
	fS0hpS0pN0p
	fS0pS0lpN0p
	fS0pS0rpN0p
	fS0pN0pN0lp
	fS0wd
	fS0pd
	fN0wd
	fN0pd
	fS0wN0wd
	fS0pN0pd
	fS0wvr
	fS0pvr
	fS0wvl
	fS0pvl
	fN0wvl
	fN0pvl
	fS0hw
	fS0hp
	fS0l
	fS0lw
	fS0lp
	fS0ll
	fS0rw
	fS0rp
	fS0rl
	fN0lw
	fN0lp
	fN0ll
	fS0h2w
	fS0h2p
	fS0hl
	fS0l2w
	fS0l2p
	fS0l2l
	fS0r2w
	fS0r2p
	fS0r2l
	fN0l2w
	fN0l2p
	fN0l2l
	fS0pS0lpS0l2p
	fS0pS0rpS0r2p
	fS0pS0hpS0h2p
	fN0pN0lpN0l2p
	fS0wsr
	fS0psr
	fS0wsl
	fS0psl
	fN0wsl
	fN0psl
	fS1w
	fS1p
	fS1pS0pN0p
	fS1wS0wN0p
	fS0pN0pN0wN1p
	fBias
	fS0u
	fN0u
	fS0uN0u
	fS0uN0uN1u
	fS1uS0uN0u
	fS0wN0u
	fS0uN0w
	fS0huS0uN0u
)

// Hashes for positions that hold no word.
const (
	none     = 0x6e6f6e65
	noLabel  = 0x6e6f6c62
	rootWord = 0x726f6f74
)

// context holds one sentence's word and tag hashes, indexed like the state's
// nodes (0 is the root). p is the full tag, u its UPOS part alone, which
// stays right when the tagger confuses tags of one UPOS (VBD and VBN).
type context struct {
	w, p, u []uint64
}

func (s *state) features(fs []uint64, c *context) []uint64 {
	word := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return c.w[i]
	}
	tag := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return c.p[i]
	}
	upos := func(i int32) uint64 {
		if i < 0 {
			return none
		}
		return c.u[i]
	}
	label := func(i int32) uint64 {
		if i < 0 || s.nodes[i].label < 0 {
			return noLabel
		}
		return uint64(s.nodes[i].label)
	}
	s0 := s.s0()
	s1 := int32(-1)
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	n0, n1, n2 := int32(-1), int32(-1), int32(-1)
	if s.next <= s.n {
		n0 = s.next
		if s.next+1 <= s.n {
			n1 = s.next + 1
		}
		if s.next+2 <= s.n {
			n2 = s.next + 2
		}
	}
	sn := &s.nodes[s0]
	s0h, s0l, s0r, s0l2, s0r2 := sn.head, sn.left1, sn.right1, sn.left2, sn.right2
	s0h2 := int32(-1)
	if s0h >= 0 {
		s0h2 = s.nodes[s0h].head
	}
	n0l, n0l2 := int32(-1), int32(-1)
	var n0vl, n0sl uint64
	if n0 >= 0 {
		n0l, n0l2 = s.nodes[n0].left1, s.nodes[n0].left2
		n0vl, n0sl = uint64(s.nodes[n0].nLeft), s.nodes[n0].leftSet
	}
	dist := uint64(0)
	if n0 >= 0 && s0 > 0 {
		dist = uint64(min(n0-s0, 6))
		if n0-s0 > 10 {
			dist = 7
		}
	}

	s0w, s0p := word(s0), tag(s0)
	n0w, n0p := word(n0), tag(n0)
	n1w, n1p := word(n1), tag(n1)
	n2w, n2p := word(n2), tag(n2)
	vl, vr := uint64(sn.nLeft), uint64(sn.nRight)

	return append(fs,
		pc.F1(fBias, 0),
		pc.F2(fS0wp, s0w, s0p),
		pc.F1(fS0w, s0w),
		pc.F1(fS0p, s0p),
		pc.F2(fN0wp, n0w, n0p),
		pc.F1(fN0w, n0w),
		pc.F1(fN0p, n0p),
		pc.F2(fN1wp, n1w, n1p),
		pc.F1(fN1w, n1w),
		pc.F1(fN1p, n1p),
		pc.F2(fN2wp, n2w, n2p),
		pc.F1(fN2w, n2w),
		pc.F1(fN2p, n2p),

		pc.F4(fS0wpN0wp, s0w, s0p, n0w, n0p),
		pc.F3(fS0wpN0w, s0w, s0p, n0w),
		pc.F3(fS0wN0wp, s0w, n0w, n0p),
		pc.F3(fS0wpN0p, s0w, s0p, n0p),
		pc.F3(fS0pN0wp, s0p, n0w, n0p),
		pc.F2(fS0wN0w, s0w, n0w),
		pc.F2(fS0pN0p, s0p, n0p),
		pc.F2(fN0pN1p, n0p, n1p),

		pc.F3(fN0pN1pN2p, n0p, n1p, n2p),
		pc.F3(fS0pN0pN1p, s0p, n0p, n1p),
		pc.F3(fS0hpS0pN0p, tag(s0h), s0p, n0p),
		pc.F3(fS0pS0lpN0p, s0p, tag(s0l), n0p),
		pc.F3(fS0pS0rpN0p, s0p, tag(s0r), n0p),
		pc.F3(fS0pN0pN0lp, s0p, n0p, tag(n0l)),

		pc.F2(fS0wd, s0w, dist),
		pc.F2(fS0pd, s0p, dist),
		pc.F2(fN0wd, n0w, dist),
		pc.F2(fN0pd, n0p, dist),
		pc.F3(fS0wN0wd, s0w, n0w, dist),
		pc.F3(fS0pN0pd, s0p, n0p, dist),

		pc.F2(fS0wvr, s0w, vr),
		pc.F2(fS0pvr, s0p, vr),
		pc.F2(fS0wvl, s0w, vl),
		pc.F2(fS0pvl, s0p, vl),
		pc.F2(fN0wvl, n0w, n0vl),
		pc.F2(fN0pvl, n0p, n0vl),

		pc.F1(fS0hw, word(s0h)),
		pc.F1(fS0hp, tag(s0h)),
		pc.F1(fS0l, label(s0)),
		pc.F1(fS0lw, word(s0l)),
		pc.F1(fS0lp, tag(s0l)),
		pc.F1(fS0ll, label(s0l)),
		pc.F1(fS0rw, word(s0r)),
		pc.F1(fS0rp, tag(s0r)),
		pc.F1(fS0rl, label(s0r)),
		pc.F1(fN0lw, word(n0l)),
		pc.F1(fN0lp, tag(n0l)),
		pc.F1(fN0ll, label(n0l)),

		pc.F1(fS0h2w, word(s0h2)),
		pc.F1(fS0h2p, tag(s0h2)),
		pc.F1(fS0hl, label(s0h)),
		pc.F1(fS0l2w, word(s0l2)),
		pc.F1(fS0l2p, tag(s0l2)),
		pc.F1(fS0l2l, label(s0l2)),
		pc.F1(fS0r2w, word(s0r2)),
		pc.F1(fS0r2p, tag(s0r2)),
		pc.F1(fS0r2l, label(s0r2)),
		pc.F1(fN0l2w, word(n0l2)),
		pc.F1(fN0l2p, tag(n0l2)),
		pc.F1(fN0l2l, label(n0l2)),
		pc.F3(fS0pS0lpS0l2p, s0p, tag(s0l), tag(s0l2)),
		pc.F3(fS0pS0rpS0r2p, s0p, tag(s0r), tag(s0r2)),
		pc.F3(fS0pS0hpS0h2p, s0p, tag(s0h), tag(s0h2)),
		pc.F3(fN0pN0lpN0l2p, n0p, tag(n0l), tag(n0l2)),

		pc.F2(fS0wsr, s0w, sn.rightSet),
		pc.F2(fS0psr, s0p, sn.rightSet),
		pc.F2(fS0wsl, s0w, sn.leftSet),
		pc.F2(fS0psl, s0p, sn.leftSet),
		pc.F2(fN0wsl, n0w, n0sl),
		pc.F2(fN0psl, n0p, n0sl),

		pc.F1(fS1w, word(s1)),
		pc.F1(fS1p, tag(s1)),
		pc.F3(fS1pS0pN0p, tag(s1), s0p, n0p),
		pc.F3(fS1wS0wN0p, word(s1), s0w, n0p),
		pc.F4(fS0pN0pN0wN1p, s0p, n0p, n0w, n1p),

		pc.F1(fS0u, upos(s0)),
		pc.F1(fN0u, upos(n0)),
		pc.F2(fS0uN0u, upos(s0), upos(n0)),
		pc.F3(fS0uN0uN1u, upos(s0), upos(n0), upos(n1)),
		pc.F3(fS1uS0uN0u, upos(s1), upos(s0), upos(n0)),
		pc.F2(fS0wN0u, s0w, upos(n0)),
		pc.F2(fS0uN0w, upos(s0), n0w),
		pc.F3(fS0huS0uN0u, upos(s0h), upos(s0), upos(n0)),
	)
}
