package perceptron

import "math"

// Trainer learns an averaged perceptron. Each feature keeps a short list of
// the classes it has ever been updated for, since a feature meets few classes.
type Trainer struct {
	classes int
	index   map[uint64]int32
	feats   []trainFeat
	step    int32 // number of updates seen, for lazy averaging
}

type trainFeat struct {
	class []uint16
	w     []float32
	total []float64 // sum of w over the steps before stamp
	stamp []int32   // step at which total was last brought up to date
}

// NewTrainer returns a trainer for a problem with the given number of classes.
func NewTrainer(classes int) *Trainer {
	return &Trainer{classes: classes, index: make(map[uint64]int32)}
}

// Classes is the number of classes the trainer was made for.
func (t *Trainer) Classes() int { return t.classes }

// Score adds the current weights of feats into scores (len = classes).
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		i, ok := t.index[f]
		if !ok {
			continue
		}
		tf := &t.feats[i]
		for k, c := range tf.class {
			scores[c] += tf.w[k]
		}
	}
}

// Update moves the weights of feats by +1 for class good and -1 for class bad.
func (t *Trainer) Update(feats []uint64, good, bad int) {
	t.step++
	if good == bad {
		return
	}
	for _, f := range feats {
		t.add(f, good, 1)
		t.add(f, bad, -1)
	}
}

// UpdateScaled is Update with a step size, for cost-sensitive updates.
func (t *Trainer) UpdateScaled(feats []uint64, good, bad int, by float32) {
	t.step++
	if good == bad {
		return
	}
	for _, f := range feats {
		t.add(f, good, by)
		t.add(f, bad, -by)
	}
}

// Tick counts a training example that needed no update, for averaging.
func (t *Trainer) Tick() { t.step++ }

func (t *Trainer) add(f uint64, class int, d float32) {
	i, ok := t.index[f]
	if !ok {
		i = int32(len(t.feats))
		t.index[f] = i
		t.feats = append(t.feats, trainFeat{})
	}
	tf := &t.feats[i]
	for k, c := range tf.class {
		if int(c) == class {
			tf.total[k] += float64(t.step-tf.stamp[k]) * float64(tf.w[k])
			tf.stamp[k] = t.step
			tf.w[k] += d
			return
		}
	}
	tf.class = append(tf.class, uint16(class))
	tf.w = append(tf.w, d)
	tf.total = append(tf.total, 0)
	tf.stamp = append(tf.stamp, t.step)
}

// Freeze averages the weights and returns the compact model. Weights whose
// average magnitude is below prune are dropped, which shrinks the model a lot
// at no measurable cost in accuracy.
func (t *Trainer) Freeze(prune float32) *Model {
	b := newBuilder(t.classes, len(t.feats))
	keys := make([]uint64, len(t.feats))
	for k, i := range t.index {
		keys[i] = k
	}
	steps := float64(t.step)
	if steps == 0 {
		steps = 1
	}
	var cls []uint16
	var ws []float32
	for i := range t.feats {
		tf := &t.feats[i]
		cls, ws = cls[:0], ws[:0]
		for k, c := range tf.class {
			total := tf.total[k] + float64(t.step-tf.stamp[k])*float64(tf.w[k])
			avg := float32(total / steps)
			if float32(math.Abs(float64(avg))) >= prune && avg != 0 {
				cls = append(cls, c)
				ws = append(ws, avg)
			}
		}
		b.add(keys[i], cls, ws)
	}
	return b.model()
}
