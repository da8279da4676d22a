package perceptron

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a frozen perceptron: an open-addressing table from feature hash to
// a run of (class, weight) pairs. It is read-only, so one Model serves any
// number of goroutines.
//
// Scoring is bound by memory latency, not arithmetic, so the table is packed
// to keep as much of it in cache as possible: a slot is 8 bytes (the upper 32
// bits of the feature hash, the lower bits being implied by the position, the
// number of its pairs and their offset), and a pair is 4 bytes (the weight's
// top 23 bits and an 8-bit class).
type Model struct {
	classes int
	mask    uint64
	slots   []uint64 // fingerprint<<32 | offset into pairs; 0 is empty
	pairs   []uint32
	// keys and ends keep the features in order, for writing the model out.
	keys []uint64
	ends []uint32
}

const (
	classBits = 0xff
	weightBit = ^uint32(0x1ff)
)

// MaxClasses is the most classes a model can hold.
const MaxClasses = 256

func packPair(class uint16, w float32) uint32 {
	return math.Float32bits(w)&weightBit | uint32(class)
}

func pairWeight(p uint32) float32 { return math.Float32frombits(p & weightBit) }

type builder struct {
	m *Model
}

func newBuilder(classes, hint int) *builder {
	if classes > MaxClasses {
		panic(fmt.Sprintf("perceptron: %d classes, at most %d supported", classes, MaxClasses))
	}
	return &builder{m: &Model{classes: classes, keys: make([]uint64, 0, hint), ends: make([]uint32, 0, hint)}}
}

func (b *builder) add(key uint64, cls []uint16, ws []float32) {
	if len(cls) == 0 {
		return
	}
	b.m.keys = append(b.m.keys, key)
	for k, c := range cls {
		b.m.pairs = append(b.m.pairs, packPair(c, ws[k]))
	}
	b.m.ends = append(b.m.ends, uint32(len(b.m.pairs)))
}

func fingerprint(f uint64) uint64 {
	fp := f >> 32
	if fp == 0 {
		fp = 1 // 0 marks empty slots
	}
	return fp << 32
}

func (b *builder) model() *Model {
	m := b.m
	// A load factor up to 2/3 keeps probes short and the table small.
	size := 1
	for size < len(m.keys)*3/2+2 {
		size <<= 1
	}
	m.mask = uint64(size - 1)
	m.slots = make([]uint64, size)
	if len(m.pairs) > maxPairs {
		panic(fmt.Sprintf("perceptron: %d weights, at most %d supported", len(m.pairs), maxPairs))
	}
	start := uint32(0)
	for i, k := range m.keys {
		j := k & m.mask
		for m.slots[j] != 0 {
			j = (j + 1) & m.mask
		}
		count := uint64(m.ends[i] - start - 1) // a kept feature has 1 to MaxClasses pairs
		m.slots[j] = fingerprint(k) | count<<offsetBits | uint64(start)
		start = m.ends[i]
	}
	return m
}

// A slot's low 32 bits hold the offset of its feature's pairs and, above
// it, their number less one.
const (
	offsetBits = 24
	maxPairs   = 1 << offsetBits
	offsetMask = maxPairs - 1
)

// Classes is the number of classes the model scores.
func (m *Model) Classes() int { return m.classes }

// Features is the number of features the model kept.
func (m *Model) Features() int { return len(m.keys) }

// Weights is the number of (feature, class) weights the model holds.
func (m *Model) Weights() int { return len(m.pairs) }

// Score adds the weights of feats into scores (len = Classes()).
//
// Scoring waits on memory, not arithmetic, so it is written for memory-level
// parallelism: first every feature's home slot is loaded with no branch in
// between, so the processor overlaps those cache misses; then the slots are
// checked (further probes stay in the same cache line); then each found
// feature's first pair is loaded, again all at once, before any is summed.
// The sums go to an array indexed by a byte, which needs no bounds checks,
// over runs of known length.
func (m *Model) Score(feats []uint64, scores []float32) {
	const batch = 128
	var slots [batch]uint64
	var first [batch]uint32
	var runs [batch]uint32
	var acc [MaxClasses]float32
	for len(feats) > 0 {
		n := min(len(feats), batch)
		for i, f := range feats[:n] {
			slots[i] = m.slots[f&m.mask]
		}
		found := 0
		for i, f := range feats[:n] {
			fp := fingerprint(f)
			s, j := slots[i], f&m.mask
			for s != 0 && s&^0xffffffff != fp {
				j = (j + 1) & m.mask
				s = m.slots[j]
			}
			if s != 0 {
				runs[found] = uint32(s)
				found++
			}
		}
		for k, r := range runs[:found] {
			first[k] = m.pairs[r&offsetMask]
		}
		for k, r := range runs[:found] {
			p := first[k]
			acc[uint8(p)] += pairWeight(p)
			off := r & offsetMask
			for _, p := range m.pairs[off+1 : off+1+r>>offsetBits] {
				acc[uint8(p)] += pairWeight(p)
			}
		}
		feats = feats[n:]
	}
	for c := range scores {
		scores[c] += acc[c]
	}
}

// Pruned returns a copy of m without the weights smaller in magnitude than
// min, and without the features left with no weight.
func (m *Model) Pruned(min float32) *Model {
	b := newBuilder(m.classes, len(m.keys))
	m.each(func(key uint64, cls []uint16, ws []float32) {
		var keepC []uint16
		var keepW []float32
		for k, w := range ws {
			if w >= min || w <= -min {
				keepC = append(keepC, cls[k])
				keepW = append(keepW, w)
			}
		}
		b.add(key, keepC, keepW)
	})
	return b.model()
}

// Average returns the model whose weights are the mean of ms's, which must
// score the same classes. A linear model's scores add up, so this is the
// ensemble that averages their scores, at the size and speed of one model
// (more features, but the models mostly share theirs).
func Average(ms ...*Model) *Model {
	type weights struct {
		cls []uint16
		ws  []float32
	}
	var keys []uint64
	sums := map[uint64]*weights{}
	for _, m := range ms {
		m.each(func(key uint64, cls []uint16, ws []float32) {
			s := sums[key]
			if s == nil {
				s = &weights{}
				sums[key] = s
				keys = append(keys, key)
			}
			for k, c := range cls {
				i := slices.Index(s.cls, c)
				if i < 0 {
					s.cls, s.ws = append(s.cls, c), append(s.ws, 0)
					i = len(s.cls) - 1
				}
				s.ws[i] += ws[k] / float32(len(ms))
			}
		})
	}
	b := newBuilder(ms[0].classes, len(keys))
	for _, k := range keys {
		b.add(k, sums[k].cls, sums[k].ws)
	}
	return b.model()
}

// each calls fn for every feature with its classes and weights.
func (m *Model) each(fn func(key uint64, cls []uint16, ws []float32)) {
	start := uint32(0)
	var cls []uint16
	var ws []float32
	for i, k := range m.keys {
		cls, ws = cls[:0], ws[:0]
		for _, p := range m.pairs[start:m.ends[i]] {
			cls = append(cls, uint16(p&classBits))
			ws = append(ws, pairWeight(p))
		}
		fn(k, cls, ws)
		start = m.ends[i]
	}
}

// Scorer is what the tagger and parser need of a model: the frozen Model at
// run time, the Trainer while training.
type Scorer interface {
	Score(feats []uint64, scores []float32)
	Classes() int
}

const magic = "dyadPCP1"

// WriteTo writes the model in dyad's binary format: the feature keys, the
// end offset of each feature's pairs, then all classes and all weights.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	le := binary.LittleEndian
	class := make([]uint16, len(m.pairs))
	weight := make([]float32, len(m.pairs))
	for i, p := range m.pairs {
		class[i], weight[i] = uint16(p&classBits), pairWeight(p)
	}
	hdr := []uint64{uint64(m.classes), uint64(len(m.keys)), uint64(len(m.pairs))}
	if _, err := io.WriteString(cw, magic); err != nil {
		return cw.n, err
	}
	for _, part := range []any{hdr, m.keys, m.ends, class, weight} {
		if err := binary.Write(cw, le, part); err != nil {
			return cw.n, err
		}
	}
	return cw.n, nil
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	le := binary.LittleEndian
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, fmt.Errorf("perceptron model: %w", err)
	}
	if string(head) != magic {
		return nil, errors.New("perceptron model: not a dyad model (bad magic)")
	}
	hdr := make([]uint64, 3)
	if err := binary.Read(r, le, hdr); err != nil {
		return nil, fmt.Errorf("perceptron model header: %w", err)
	}
	const limit = 1 << 30
	if hdr[0] > MaxClasses || hdr[1] > limit || hdr[2] > limit {
		return nil, fmt.Errorf("perceptron model header: implausible sizes %v", hdr)
	}
	keys := make([]uint64, hdr[1])
	ends := make([]uint32, hdr[1])
	class := make([]uint16, hdr[2])
	weight := make([]float32, hdr[2])
	for _, part := range []any{keys, ends, class, weight} {
		if err := binary.Read(r, le, part); err != nil {
			return nil, fmt.Errorf("perceptron model body: %w", err)
		}
	}
	b := newBuilder(int(hdr[0]), len(keys))
	start := uint32(0)
	for i, k := range keys {
		end := ends[i]
		if end < start || int(end) > len(class) {
			return nil, errors.New("perceptron model body: corrupt offsets")
		}
		for _, c := range class[start:end] {
			if int(c) >= b.m.classes {
				return nil, errors.New("perceptron model body: class out of range")
			}
		}
		b.add(k, class[start:end], weight[start:end])
		start = end
	}
	return b.model(), nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
