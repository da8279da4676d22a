package tagger

import (
	"io"
	"log/slog"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"

	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/perceptron"
)

// Options control training.
type Options struct {
	Iterations int
	Seed       uint64
	// SureCount and SureShare decide which forms skip the model: seen at
	// least SureCount times, with one class at least SureShare of the time.
	SureCount int
	SureShare float64
	Prune     float32
	// Folds is how many parts the training data is cut into so that the
	// second pass trains on first-pass tags as wrong as they are on unseen text.
	Folds int
}

// DefaultOptions are the settings the committed model is trained with.
var DefaultOptions = Options{Iterations: 10, Seed: 1, SureCount: 20, SureShare: 0.995, Prune: 0.01, Folds: 5}

// Train learns a tagger from gold sentences.
func Train(train []conllu.Sentence, o Options, log *slog.Logger) *Tagger {
	tables := buildTables(train, o)
	t := newTagger(nil, nil, tables)
	gold := make([][]int, len(train))
	for si := range train {
		gold[si] = make([]int, len(train[si].Words))
		for i, w := range train[si].Words {
			gold[si][i] = t.classOf(w.UPOS + " " + w.XPOS)
		}
	}
	all := make([]int, len(train))
	for i := range all {
		all[i] = i
	}
	// Jackknife: the first-pass tags of each fold come from a model that never saw it.
	ahead := make([][]int, len(train))
	for k := 0; k < o.Folds; k++ {
		var in, out []int
		for _, si := range all {
			if si%o.Folds == k {
				out = append(out, si)
			} else {
				in = append(in, si)
			}
		}
		m := trainPass(t, train, gold, in, nil, o, log)
		ws := t.pool.Get().(*workspace)
		for _, si := range out {
			forms := Forms(&train[si])
			ws.prepare(t, forms)
			ahead[si] = make([]int, len(forms))
			t.pass(ws, forms, m, nil, ahead[si])
		}
		t.pool.Put(ws)
	}
	first := trainPass(t, train, gold, all, nil, o, log)
	second := trainPass(t, train, gold, all, ahead, o, log)
	return newTagger(first, second, tables)
}

// trainPass trains one pass on the sentences in use; ahead, if not nil, holds
// the first-pass tags the second pass learns from.
func trainPass(t *Tagger, train []conllu.Sentence, gold [][]int, use []int, ahead [][]int, o Options, log *slog.Logger) *perceptron.Model {
	tr := perceptron.NewTrainer(len(t.upos))
	rng := rand.New(rand.NewPCG(o.Seed, 0x7a66))
	order := append([]int(nil), use...)
	ws := t.pool.Get().(*workspace)
	defer t.pool.Put(ws)
	for it := 1; it <= o.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var right, total int
		for _, si := range order {
			forms := Forms(&train[si])
			ws.prepare(t, forms)
			tags := ws.tags[:len(forms)]
			var next []int
			if ahead != nil {
				next = ahead[si]
			}
			for k := range forms {
				i := position(k, len(forms), ahead == nil)
				if c, ok := t.sure[forms[i]]; ok {
					tags[i] = int(c)
					continue
				}
				ws.feats = features(ws.feats[:0], ws, tags, next, i)
				guess := best(tr, ws)
				tr.Update(ws.feats, gold[si][i], guess)
				// Later words see the model's own guesses, as they will at run time.
				tags[i] = guess
				if guess == gold[si][i] {
					right++
				}
				total++
			}
		}
		if log != nil {
			log.Info("tagger iteration", "second_pass", ahead != nil, "sentences", len(use), "iteration", it,
				"train_accuracy", float64(right)/float64(max(total, 1)))
		}
	}
	return tr.Freeze(o.Prune)
}

func (t *Tagger) classOf(c string) int {
	for i := range t.upos {
		if t.tables.Classes[i] == c {
			return i
		}
	}
	return 0
}

// Jackknife tags each training sentence with a tagger trained on the other
// folds, so that a parser can train on tags as wrong as the tagger's on unseen
// text. It trains the folds in parallel.
func Jackknife(train []conllu.Sentence, folds int, o Options, log *slog.Logger) [][]string {
	out := make([][]string, len(train))
	var wg sync.WaitGroup
	for k := 0; k < folds; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var in []conllu.Sentence
			for si := range train {
				if si%folds != k {
					in = append(in, train[si])
				}
			}
			tg := Train(in, o, log)
			for si := k; si < len(train); si += folds {
				out[si] = tg.TagStrings(Forms(&train[si]))
			}
		}()
	}
	wg.Wait()
	return out
}

// TagStrings tags a sentence and returns each word's "UPOS XPOS" class name.
func (t *Tagger) TagStrings(forms []string) []string {
	cls := make([]int, len(forms))
	t.TagForms(forms, cls)
	out := make([]string, len(forms))
	for i, c := range cls {
		out[i] = t.ClassName(c)
	}
	return out
}

// Forms returns a CoNLL-U sentence's word forms.
func Forms(s *conllu.Sentence) []string {
	forms := make([]string, len(s.Words))
	for i, w := range s.Words {
		forms[i] = w.Form
	}
	return forms
}

func buildTables(train []conllu.Sentence, o Options) Tables {
	counts := map[string]map[string]int{}      // form → class → count
	lowerCounts := map[string]map[string]int{} // lowercase form → class → count
	classCount := map[string]int{}
	bump := func(counts map[string]map[string]int, form, c string) {
		m := counts[form]
		if m == nil {
			m = map[string]int{}
			counts[form] = m
		}
		m[c]++
	}
	for _, s := range train {
		for _, w := range s.Words {
			c := w.UPOS + " " + w.XPOS
			classCount[c]++
			bump(counts, w.Form, c)
			bump(lowerCounts, strings.ToLower(w.Form), c)
		}
	}
	classes := make([]string, 0, len(classCount))
	for c := range classCount {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	index := make(map[string]uint16, len(classes))
	for i, c := range classes {
		index[c] = uint16(i)
	}
	t := Tables{Classes: classes, Sure: map[string]uint16{}}
	t.Lexicon = classSets(counts, index, func(form, best string, bestN, total int) {
		if total >= o.SureCount && float64(bestN) >= o.SureShare*float64(total) {
			t.Sure[form] = index[best]
		}
	})
	t.LowerLexicon = classSets(lowerCounts, index, func(string, string, int, int) {})
	return t
}

// classSets turns tag counts per form into each form's ambiguity class, its
// classes by frequency; seen is told each form's best class and counts.
func classSets(counts map[string]map[string]int, index map[string]uint16, seen func(form, best string, bestN, total int)) map[string][]uint16 {
	out := map[string][]uint16{}
	for form, m := range counts {
		total, best, bestN := 0, "", 0
		cls := make([]string, 0, len(m))
		for c, n := range m {
			total += n
			cls = append(cls, c)
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		// Rare forms tell little about their ambiguity; leave them to the model.
		if total < 2 {
			continue
		}
		sort.Slice(cls, func(i, j int) bool { return m[cls[i]] > m[cls[j]] || m[cls[i]] == m[cls[j]] && cls[i] < cls[j] })
		ids := make([]uint16, 0, len(cls))
		for _, c := range cls {
			// A class seen for under 5% of a form's uses is noise for the feature.
			if float64(m[c]) >= 0.05*float64(total) {
				ids = append(ids, index[c])
			}
		}
		out[form] = ids
		seen(form, best, bestN, total)
	}
	return out
}

// Save writes the tagger in modelfile format.
func (t *Tagger) Save(w io.Writer, meta modelfile.Meta) error {
	meta.Component = "tagger"
	return modelfile.Write(w, meta, t.tables, func(w io.Writer) error {
		for _, m := range []perceptron.Scorer{t.first, t.second} {
			if _, err := m.(*perceptron.Model).WriteTo(w); err != nil {
				return err
			}
		}
		return nil
	})
}

// Load reads a tagger written by Save.
func Load(r io.Reader) (*Tagger, modelfile.Meta, error) {
	var tables Tables
	var first, second *perceptron.Model
	meta, err := modelfile.Read(r, "tagger", &tables, func(r io.Reader) (err error) {
		if first, err = perceptron.Read(r); err != nil {
			return err
		}
		second, err = perceptron.Read(r)
		return err
	})
	if err != nil {
		return nil, meta, err
	}
	return newTagger(first, second, tables), meta, nil
}
