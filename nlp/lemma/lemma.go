// Package lemma gives the lemma of a word from its form and XPOS tag. It
// learns from a treebank two tables: suffix rules per tag ("-ies" as NNS →
// "-y"), chosen by the longest suffix seen often enough, and the exceptions
// where the rules go wrong ("went" VBD → "go").
package lemma

import (
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/modelfile"
)

// maxSuffix is the longest suffix (in bytes) a rule is keyed on.
const maxSuffix = 6

// Rule rewrites a form into its lemma: optionally lowercase, cut Strip bytes
// from the end, append Add.
type Rule struct {
	Lower bool   `json:"l,omitempty"`
	Strip int    `json:"s,omitempty"`
	Add   string `json:"a,omitempty"`
}

func (r Rule) apply(form string) (string, bool) {
	if r.Lower {
		form = strings.ToLower(form)
	}
	if r.Strip > len(form) {
		return "", false
	}
	return form[:len(form)-r.Strip] + r.Add, true
}

// Lemmatizer is a loaded lemmatizer; it is read-only and safe for concurrent use.
type Lemmatizer struct {
	Rules      map[string]Rule   `json:"rules"`      // XPOS + "|" + suffix of the lowercase form
	Exceptions map[string]string `json:"exceptions"` // XPOS + "|" + form
}

// Lemma returns the lemma of form tagged xpos.
func (l *Lemmatizer) Lemma(form, xpos string) string {
	var key [64]byte
	k := append(append(append(key[:0], xpos...), '|'), form...)
	if lem, ok := l.Exceptions[string(k)]; ok {
		return lem
	}
	return l.byRule(form, xpos)
}

func (l *Lemmatizer) byRule(form, xpos string) string {
	var buf [64]byte
	lower := appendLower(buf[:0], form)
	var key [80]byte
	for n := min(maxSuffix, len(lower)); n >= 0; n-- {
		k := append(append(append(key[:0], xpos...), '|'), lower[len(lower)-n:]...)
		if r, ok := l.Rules[string(k)]; ok {
			if lem, ok := r.apply(form); ok {
				return lem
			}
		}
	}
	return form
}

// appendLower appends the lowercase form to dst: ASCII in place, so that a
// capitalised word costs no allocation; other text through strings.ToLower.
func appendLower(dst []byte, form string) []byte {
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= utf8.RuneSelf {
			return append(dst[:0], strings.ToLower(form)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// Train learns the rules and exceptions from gold sentences. minCount is how
// many different words must share a suffix before its rule is trusted:
// words, not uses, so that one misspelling written twice ("privilages" →
// "privilege") makes an exception, not a rule that turns "villages" into
// "villege".
func Train(train []conllu.Sentence, minCount int) *Lemmatizer {
	type key struct{ form, xpos string }
	lemmas := map[key]map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			k := key{w.Form, w.XPOS}
			if lemmas[k] == nil {
				lemmas[k] = map[string]int{}
			}
			lemmas[k][w.Lemma]++
		}
	}
	// A word's lemma is its most frequent one. Each word votes once, for
	// the rule of its lemma, on every suffix of its lowercase form.
	lemmaOf := make(map[key]string, len(lemmas))
	for k, m := range lemmas {
		lemmaOf[k] = mostFrequent(m)
	}
	ruleVotes := map[string]map[Rule]int{}
	for k, lem := range lemmaOf {
		r, ok := ruleFor(k.form, lem)
		if !ok {
			continue
		}
		lower := strings.ToLower(k.form)
		for n := 0; n <= min(maxSuffix, len(lower)); n++ {
			rk := k.xpos + "|" + lower[len(lower)-n:]
			if ruleVotes[rk] == nil {
				ruleVotes[rk] = map[Rule]int{}
			}
			ruleVotes[rk][r]++
		}
	}
	l := &Lemmatizer{Rules: map[string]Rule{}, Exceptions: map[string]string{}}
	for rk, votes := range ruleVotes {
		best, bestN, total := Rule{}, 0, 0
		for r, n := range votes {
			total += n
			if n > bestN || n == bestN && less(r, best) {
				best, bestN = r, n
			}
		}
		// A suffix whose words disagree leaves them to a shorter one: two
		// of four words in "-ten" are "(for)gotten", which would make
		// "beaten" "bet"; "-en" agrees. The empty suffix, last resort,
		// takes its most common rule.
		_, suffix, _ := strings.Cut(rk, "|")
		if total >= minCount && (suffix == "" || 2*bestN > total) {
			l.Rules[rk] = best
		}
	}
	for k, lem := range lemmaOf {
		if l.byRule(k.form, k.xpos) != lem {
			l.Exceptions[k.xpos+"|"+k.form] = lem
		}
	}
	return l
}

// ruleFor finds the rule that turns form into lemma, preferring no lowercasing.
func ruleFor(form, lemma string) (Rule, bool) {
	for _, lower := range []bool{false, true} {
		f := form
		if lower {
			f = strings.ToLower(form)
		}
		p := 0
		for p < len(f) && p < len(lemma) && f[p] == lemma[p] {
			p++
		}
		if p == 0 && len(f) > 0 && len(lemma) > 0 {
			continue
		}
		return Rule{Lower: lower, Strip: len(f) - p, Add: lemma[p:]}, true
	}
	return Rule{}, false
}

func less(a, b Rule) bool {
	if a.Strip != b.Strip {
		return a.Strip < b.Strip
	}
	if a.Add != b.Add {
		return a.Add < b.Add
	}
	return !a.Lower && b.Lower
}

func mostFrequent(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best := keys[0]
	for _, k := range keys {
		if m[k] > m[best] {
			best = k
		}
	}
	return best
}

// Save writes the lemmatizer in modelfile format.
func (l *Lemmatizer) Save(w io.Writer, meta modelfile.Meta) error {
	meta.Component = "lemmatizer"
	return modelfile.Write(w, meta, l, func(io.Writer) error { return nil })
}

// Load reads a lemmatizer written by Save.
func Load(r io.Reader) (*Lemmatizer, modelfile.Meta, error) {
	l := &Lemmatizer{}
	meta, err := modelfile.Read(r, "lemmatizer", l, func(io.Reader) error { return nil })
	return l, meta, err
}
