package perceptron

import (
	"bytes"
	"math"
	"testing"
)

// argmax returns the best class of feats under s.
func argmax(s Scorer, feats []uint64) int {
	scores := make([]float32, s.Classes())
	s.Score(feats, scores)
	best := 0
	for c, v := range scores {
		if v > scores[best] {
			best = c
		}
	}
	return best
}

func TestLearnsAndRoundTrips(t *testing.T) {
	// Three classes, each signalled by its own feature plus shared noise.
	examples := []struct {
		feats []uint64
		class int
	}{
		{[]uint64{F1(1, 10), F1(2, 7)}, 0},
		{[]uint64{F1(1, 11), F1(2, 7)}, 1},
		{[]uint64{F1(1, 12), F1(2, 8)}, 2},
		{[]uint64{F1(1, 10), F1(2, 8)}, 0},
	}
	tr := NewTrainer(3)
	for epoch := 0; epoch < 10; epoch++ {
		for _, ex := range examples {
			guess := argmax(tr, ex.feats)
			tr.Update(ex.feats, ex.class, guess)
		}
	}
	m := tr.Freeze(0)
	for _, ex := range examples {
		if got := argmax(m, ex.feats); got != ex.class {
			t.Errorf("frozen model: class %d for %v, want %d", got, ex.feats, ex.class)
		}
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Features() != m.Features() {
		t.Fatalf("read back %d features, wrote %d", m2.Features(), m.Features())
	}
	for _, ex := range examples {
		if got := argmax(m2, ex.feats); got != ex.class {
			t.Errorf("read-back model: class %d, want %d", got, ex.class)
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	if _, err := Read(bytes.NewReader([]byte("not a model at all"))); err == nil {
		t.Fatal("Read accepted garbage")
	}
}

func TestAverage(t *testing.T) {
	a, b := NewTrainer(3), NewTrainer(3)
	a.Update([]uint64{F1(1, 1)}, 0, 1)
	b.Update([]uint64{F1(1, 1), F1(1, 2)}, 2, 0)
	b.Tick()
	ma, mb := a.Freeze(0), b.Freeze(0)
	m := Average(ma, mb)
	if m.Features() != 2 {
		t.Errorf("%d features, want the union of 2", m.Features())
	}
	for _, feats := range [][]uint64{{F1(1, 1)}, {F1(1, 2)}, {F1(1, 1), F1(1, 2), F1(1, 3)}} {
		got, sa, sb := make([]float32, 3), make([]float32, 3), make([]float32, 3)
		m.Score(feats, got)
		ma.Score(feats, sa)
		mb.Score(feats, sb)
		for c := range got {
			if want := (sa[c] + sb[c]) / 2; math.Abs(float64(got[c]-want)) > 1e-3 {
				t.Errorf("%v class %d: score %g, want the mean %g", feats, c, got[c], want)
			}
		}
	}
}
