// Package actor finds the actors a news text mentions and codes them: names
// of countries, capitals, organisations, armed groups, state bodies and
// people (with the office they held on the article's date), role phrases
// ("Iran's foreign minister", "Israeli security forces", "Palestinian
// worshipers"), and words that refer back to them ("he", "the spokesman",
// "the body"). It reads the phrases from the dependency parse, so "the
// spokesperson for Iran's Foreign Ministry Saeed Khatibzadeh" is one
// mention, of one person, coded IRNGOV.
//
// The knowledge comes from package kb; this package only matches and
// combines it.
package actor

import (
	"bufio"
	_ "embed"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-org/dyad/actor/kb"
	"github.com/dyad-org/dyad/nlp"
)

// Resolver finds and codes mentions. It is read-only and safe for
// concurrent use.
type Resolver struct {
	kb          *kb.KB
	ix          *index
	anaphors    map[string]string
	patronWords map[string]bool // "backed" in "Iranian-backed"
	pool        sync.Pool
}

var (
	//go:embed anaphors.tsv
	anaphorsTSV string
	//go:embed bodies.txt
	bodiesTXT string
	//go:embed patrons.txt
	patronsTXT string
)

// New builds a resolver over a knowledge base.
func New(k *kb.KB) *Resolver {
	r := &Resolver{kb: k, ix: newIndex(k, parseList(bodiesTXT)), anaphors: parseAnaphors(anaphorsTSV), patronWords: parseList(patronsTXT)}
	r.pool.New = func() any { return new(sentence) }
	return r
}

// Default is the resolver over the embedded knowledge base, built once.
var Default = sync.OnceValue(func() *Resolver { return New(kb.Default()) })

func parseAnaphors(tsv string) map[string]string {
	out := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for first := true; sc.Scan(); {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if first { // the header
			first = false
			continue
		}
		word, refers, _ := strings.Cut(line, "\t")
		out[word] = refers
	}
	return out
}

// parseList reads a word list: ';'-separated phrases, '#' comments.
func parseList(txt string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(txt, "\n") {
		line, _, _ = strings.Cut(line, "#")
		for _, w := range strings.Split(line, ";") {
			if w = strings.TrimSpace(w); w != "" {
				out[w] = true
			}
		}
	}
	return out
}

// Mentions are the actor mentions of one document, in text order.
type Mentions struct {
	List []Mention
	// heads[s][t] is the index in List of the mention headed by token t of
	// sentence s, or -1.
	heads [][]int32
}

// At returns the mention headed by a token, or nil.
func (ms *Mentions) At(sentence, token int) *Mention {
	if sentence < 0 || sentence >= len(ms.heads) || token < 0 || token >= len(ms.heads[sentence]) {
		return nil
	}
	if i := ms.heads[sentence][token]; i >= 0 {
		return &ms.List[i]
	}
	return nil
}

// Index returns the position of m in List (m must point into it).
func (ms *Mentions) Index(m *Mention) int {
	for i := range ms.List {
		if &ms.List[i] == m {
			return i
		}
	}
	return -1
}

// Same reports whether two mentions of the list are of one actor: one
// refers to the other, or both to a third.
func (ms *Mentions) Same(a, b *Mention) bool {
	ra, rb := ms.rootOf(a), ms.rootOf(b)
	return ra >= 0 && ra == rb
}

func (ms *Mentions) rootOf(m *Mention) int {
	if m.Ref >= 0 {
		return root(ms.List, m.Ref)
	}
	return ms.Index(m)
}

// InSentence returns the mentions of one sentence.
func (ms *Mentions) InSentence(sentence int) []Mention {
	lo, hi := 0, len(ms.List)
	for lo < hi && ms.List[lo].Sentence < sentence {
		lo++
	}
	end := lo
	for end < hi && ms.List[end].Sentence == sentence {
		end++
	}
	return ms.List[lo:end]
}

// Context is what the resolver knows of an article besides its text.
type Context struct {
	// Date is the publication date: codes are those of that day (zero if
	// unknown, when every office holder matches).
	Date time.Time
	// Dateline is the place the article is filed from ("ISLAMABAD"), whose
	// country a bare "the army" most likely belongs to.
	Dateline string
	// Title is the article's title, whose first place gives bare roles
	// their country when neither the dateline nor the text names one
	// ("Gangs on Prowl in Storm-Wracked Haiti").
	Title string
}

// Resolve finds the mentions of doc and codes them.
func (r *Resolver) Resolve(doc *nlp.Doc, c Context) *Mentions {
	d := kb.Date{}
	if !c.Date.IsZero() {
		d = kb.Date{Y: c.Date.Year(), M: int(c.Date.Month()), D: c.Date.Day()}
	}
	s := r.pool.Get().(*sentence)
	defer r.pool.Put(s)
	ms := &Mentions{heads: make([][]int32, len(doc.Sentences))}
	for si := range doc.Sentences {
		s.load(r, si, &doc.Sentences[si], d)
		start := len(ms.List)
		ms.List = s.mentions(ms.List)
		slices.SortStableFunc(ms.List[start:], func(a, b Mention) int { return a.Start - b.Start })
		heads := make([]int32, len(doc.Sentences[si].Tokens))
		for i := range heads {
			heads[i] = -1
		}
		for i := start; i < len(ms.List); i++ {
			heads[ms.List[i].Head] = int32(i)
		}
		ms.heads[si] = heads
	}
	home := r.placeCountry(c.Dateline)
	filed := home != ""
	if home == "" {
		home = dominantCountry(ms.List)
	}
	if home == "" {
		home = r.titleCountry(c.Title)
	}
	r.corefer(doc, ms, home, filed)
	return ms
}

// titleCountry is the country of the first place a title names, trying
// each run of up to four words that starts with a capital; "" if none.
func (r *Resolver) titleCountry(title string) string {
	words := strings.FieldsFunc(title, func(c rune) bool {
		return !unicode.IsLetter(c) && c != '-' && c != '\''
	})
	for i, w := range words {
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) {
			continue
		}
		for n := min(4, len(words)-i); n >= 1; n-- {
			if c := r.placeCountry(strings.Join(words[i:i+n], " ")); c != "" {
				return c
			}
		}
	}
	return ""
}

// placeCountry is the country of a place name the knowledge base knows
// (a country, capital or other place), "" otherwise.
func (r *Resolver) placeCountry(name string) string {
	h := uint64(chainStart)
	for _, w := range kb.NameHashes(name, nil) {
		h = chain(h, w)
	}
	for _, e := range r.ix.phrases[h] {
		switch e.kind {
		case Country, Capital, Place:
			return e.code
		}
	}
	return ""
}
