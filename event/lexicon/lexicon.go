// Package lexicon is the predicate lexicon: the English words and phrases
// that state an event (verbs, verb + particle, light-verb constructions,
// event nouns), each with the argument pattern that says where its target
// and source are, and the CAMEO code of the event.
//
// The lexicon is data: lexicon.tsv, embedded in the binary and parsed once
// by Default. Each line is
//
//	CODE <TAB> POS <TAB> PATTERN [<TAB> EXAMPLE]
//
// with '#' comment lines and blank lines allowed. CODE is a CAMEO event code
// of the ontology ("111", "0231", "18"); POS is "verb", "noun" or "adj"
// (an adjective with a copula: "is ready to", "concerned about T"); EXAMPLE
// is a short phrase the entry is meant to match, for readers only.
//
// PATTERN is space-separated lower-case lemmas (as the lemmatizer gives
// them: "talk" for "talks", "meet" for "met") and the slot markers T (the
// target) and S (the source, for patterns whose subject is the target).
//
// Verb patterns start with the head verb. After it:
//   - a word directly before a slot is that slot's preposition: "call on T",
//     "receive call from S";
//   - a bare slot right after the head, its particle or its object is the
//     direct object: "condemn T", "turn T down";
//   - otherwise a particle word (out, up, off, down, back, away, over, in,
//     ...) is the verb's particle, the first one only: "lash out at T";
//   - otherwise a preposition is required: the verb must have a dependent it
//     introduces: "accuse T of", "agree to";
//   - any other word is the one required object lemma: "voice anger over T",
//     "hold talk with T". When a preposition precedes it ("call for release
//     of T", "refuse to negotiate") the object is the dependent that
//     preposition introduces rather than a direct object (see
//     Entry.ObjectPrep); when it follows the target ("take T hostage", "find
//     T guilty") it is the predicate said of the target.
//
// A phrasal verb whose particle comes before a direct-object target is
// written with the target first ("turn T down", "rule T out"), since a word
// before a slot is its preposition.
//
// Noun patterns: the head is the last word before the first slot or
// preposition, the words before it are required modifiers ("phone call with
// T": head "call", modifier "phone", target introduced by "with"). After the
// head come only prepositions, each introducing a slot or required. A noun
// pattern may have no slot ("meeting"): the coder then finds the actors in
// the sentence. Hyphenated compounds that the tokenizer splits ("cease-fire",
// "air-strike") are written as modifier + head ("cease fire", "air strike").
//
// A Lexicon is read-only and safe for concurrent use.
package lexicon

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-org/dyad/event/ontology"
)

//go:embed lexicon.tsv
var lexiconTSV string

// SlotKind says where a pattern's target or source is found.
type SlotKind uint8

const (
	None    SlotKind = iota // the pattern has no such slot
	Subject                 // the clause subject (the coder applies passives)
	Object                  // the direct object
	Prep                    // the dependent introduced by Slot.Prep
)

var slotNames = [...]string{None: "none", Subject: "subject", Object: "object", Prep: "prep"}

func (k SlotKind) String() string {
	if int(k) < len(slotNames) {
		return slotNames[k]
	}
	return fmt.Sprintf("SlotKind(%d)", k)
}

// Slot is where an argument is: its kind and, for Prep, the preposition.
type Slot struct {
	Kind SlotKind
	Prep string
}

// Entry is one line of the lexicon. Entries share their slices with the
// lexicon: callers must not modify them.
type Entry struct {
	Code      string   // CAMEO code as in the ontology ("0231", "111", "18")
	POS       string   // "verb", "noun" or "adj"
	Head      string   // the predicate's lemma
	Modifiers []string // noun patterns: required words before the head ("phone" in "phone call")
	Particle  string   // verb particle ("out" in "lash out at T")
	Object    string   // required object lemma ("anger" in "voice anger over T"), "" if none; see ObjectPrep
	Target    Slot     // where the target is; Kind None when the pattern has no T (Subject when it has S but no T)
	Source    Slot     // Kind Subject by default (the coder applies passives); Prep when the pattern has "S"
	Requires  []string // prepositions that must introduce some dependent ("of" in "accuse T of")
	Pattern   string   // the pattern as written
	Line      int      // line in the file, for error messages and --errors output

	objectPrep string
	score      int
}

// ObjectPrep is the preposition or infinitive marker written right before
// the object word ("for" in "call for release of T", "to" in "refuse to
// negotiate"): the object is then the dependent that word introduces (an
// oblique, or an xcomp marked "to"), not a direct object; the word is also in
// Requires. It is "" for a direct object ("voice anger over T") and for an
// object written after the target, which is the predicate said of the target
// (an xcomp: "take T hostage", "find T guilty").
func (e Entry) ObjectPrep() string { return e.objectPrep }

// Specificity is how much of the sentence the pattern requires: two points
// per required word (modifier, particle, object, preposition), one per slot.
// Entries returns the more specific entries first.
func (e Entry) Specificity() int { return e.score }

// Lexicon is a parsed lexicon. Its methods never modify it.
type Lexicon struct {
	heads   map[string]map[string][]Entry // POS → head lemma → entries
	entries []Entry                       // in file order
}

// Error is a malformed line of a lexicon file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := Parse(strings.NewReader(lexiconTSV), "lexicon.tsv")
	if err != nil {
		panic("lexicon: embedded lexicon.tsv is invalid: " + err.Error())
	}
	return l
})

// Default returns the embedded lexicon, parsed on first use. It panics only
// if the embedded file is invalid, which the package's tests rule out.
func Default() *Lexicon { return defaultLexicon() }

// Entries returns the entries for a head lemma of a part of speech ("verb",
// "noun" or "adj"), most specific first and in file order among equals; nil
// if there are none. The slice belongs to the lexicon and must not be
// modified.
func (l *Lexicon) Entries(pos, head string) []Entry {
	es := l.heads[pos][head]
	return es[:len(es):len(es)]
}

// Heads returns the number of distinct heads (a verb and a noun with the
// same lemma count twice).
func (l *Lexicon) Heads() int {
	n := 0
	for _, m := range l.heads {
		n += len(m)
	}
	return n
}

// Len returns the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// All returns every entry in file order. The slice belongs to the lexicon
// and must not be modified.
func (l *Lexicon) All() []Entry { return l.entries[:len(l.entries):len(l.entries)] }

// Parse reads a lexicon in the lexicon.tsv format; name is the file name
// used in error messages. Every code must exist in the CAMEO ontology, and a
// POS and pattern may appear only once. All malformed lines are reported,
// each as an *Error naming file:line and the fault.
func Parse(r io.Reader, name string) (*Lexicon, error) {
	l := &Lexicon{heads: map[string]map[string][]Entry{}}
	onto := ontology.Default()
	seen := map[string]int{} // POS + normalised pattern → line
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if t := strings.TrimSpace(text); t == "" || t[0] == '#' {
			continue
		}
		fail := func(format string, args ...any) {
			errs = append(errs, &Error{File: name, Line: n, Msg: fmt.Sprintf(format, args...)})
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 && len(fields) != 4 {
			fail("want 3 or 4 tab-separated fields (code, POS, pattern, example), got %d", len(fields))
			continue
		}
		code, pos, pattern := strings.TrimSpace(fields[0]), strings.TrimSpace(fields[1]), strings.TrimSpace(fields[2])
		if _, ok := onto.Event(code); !ok {
			fail("unknown CAMEO code %q", code)
			continue
		}
		if pos != "verb" && pos != "noun" && pos != "adj" {
			fail("unknown POS %q (want verb, noun or adj)", pos)
			continue
		}
		e, err := parsePattern(pos, pattern)
		if err != nil {
			fail("pattern %q: %v", pattern, err)
			continue
		}
		key := pos + "\t" + strings.Join(strings.Fields(pattern), " ")
		if first, dup := seen[key]; dup {
			fail("%s pattern %q repeats line %d", pos, pattern, first)
			continue
		}
		seen[key] = n
		e.Code, e.POS, e.Pattern, e.Line = code, pos, pattern, n
		l.entries = append(l.entries, e)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, e := range l.entries {
		m := l.heads[e.POS]
		if m == nil {
			m = map[string][]Entry{}
			l.heads[e.POS] = m
		}
		m[e.Head] = append(m[e.Head], e)
	}
	for _, m := range l.heads {
		for _, es := range m {
			slices.SortStableFunc(es, func(a, b Entry) int { return b.score - a.score })
		}
	}
	return l, nil
}

// parsePattern reads a pattern into the entry's argument structure.
func parsePattern(pos, pattern string) (Entry, error) {
	e := Entry{Source: Slot{Kind: Subject}}
	w := strings.Fields(pattern)
	if len(w) == 0 {
		return e, errors.New("empty pattern")
	}
	for _, t := range w {
		if !isSlot(t) && !isLemma(t) {
			return e, fmt.Errorf("%q is neither a lower-case lemma nor the slot T or S", t)
		}
	}
	if isSlot(w[0]) {
		return e, fmt.Errorf("no head: the pattern starts with the slot %s", w[0])
	}
	if prepositions[w[0]] && pos == "noun" {
		return e, fmt.Errorf("no head: the pattern starts with the preposition %q", w[0])
	}
	var haveT, haveS bool
	setSlot := func(name string, s Slot) error {
		switch name {
		case "T":
			if haveT {
				return errors.New("two T slots")
			}
			haveT, e.Target = true, s
		case "S":
			if haveS {
				return errors.New("two S slots")
			}
			if s.Kind != Prep {
				return errors.New("the source slot S must be introduced by a preposition (receive call from S)")
			}
			haveS, e.Source = true, s
		}
		return nil
	}
	require := func(p string) error {
		if slices.Contains(e.Requires, p) {
			return fmt.Errorf("preposition %q required twice", p)
		}
		e.Requires = append(e.Requires, p)
		return nil
	}
	i := 1
	if pos == "noun" {
		for i < len(w) && !isSlot(w[i]) && !prepositions[w[i]] {
			i++
		}
		e.Head = w[i-1]
		if i > 1 {
			e.Modifiers = w[: i-1 : i-1]
		}
		for ; i < len(w); i++ {
			t := w[i]
			switch {
			case isSlot(t):
				return e, fmt.Errorf("slot %s after the noun %q needs a preposition", t, e.Head)
			case !prepositions[t]:
				return e, fmt.Errorf("%q after the noun head %q: only prepositions and slots may follow the head", t, e.Head)
			case i+1 < len(w) && isSlot(w[i+1]):
				if err := setSlot(w[i+1], Slot{Kind: Prep, Prep: t}); err != nil {
					return e, err
				}
				i++
			default:
				if err := require(t); err != nil {
					return e, err
				}
			}
		}
	} else {
		e.Head = w[0]
		directFree := true // a bare slot here would still be the direct object
		for ; i < len(w); i++ {
			t := w[i]
			switch {
			case isSlot(t):
				if !directFree {
					return e, fmt.Errorf("slot %s follows a slot: a second direct object needs a preposition", t)
				}
				if t == "S" {
					return e, errors.New("the source slot S must be introduced by a preposition (receive call from S)")
				}
				if err := setSlot(t, Slot{Kind: Object}); err != nil {
					return e, err
				}
				directFree = false
			case i+1 < len(w) && isSlot(w[i+1]):
				if !prepositions[t] {
					return e, fmt.Errorf("%q before %s is not a preposition (a particle with a direct-object target goes after it: turn T down)", t, w[i+1])
				}
				if err := setSlot(w[i+1], Slot{Kind: Prep, Prep: t}); err != nil {
					return e, err
				}
				i++
			case particles[t] && e.Particle == "":
				e.Particle = t
			case prepositions[t]:
				if err := require(t); err != nil {
					return e, err
				}
			default:
				if e.Object != "" {
					return e, fmt.Errorf("two object words %q and %q (a pattern has at most one)", e.Object, t)
				}
				e.Object = t
				if p := w[i-1]; i > 1 && prepositions[p] && !isSlot(p) && slices.Contains(e.Requires, p) {
					e.objectPrep = p
				}
			}
		}
	}
	if !haveT && haveS {
		e.Target = Slot{Kind: Subject}
	}
	e.score = 2 * (len(e.Modifiers) + len(e.Requires))
	for _, s := range []string{e.Particle, e.Object, e.Target.Prep, e.Source.Prep} {
		if s != "" {
			e.score += 2
		}
	}
	if e.Target.Kind == Object || e.Target.Kind == Prep {
		e.score++
	}
	if e.Source.Kind == Prep {
		e.score++
	}
	return e, nil
}

func isSlot(t string) bool { return t == "T" || t == "S" }

// isLemma reports whether t is a lower-case word: letters, digits, inner
// hyphens and apostrophes, starting with a letter.
func isLemma(t string) bool {
	if t == "" || t[0] < 'a' || t[0] > 'z' {
		return false
	}
	for i := 1; i < len(t); i++ {
		c := t[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '\'') {
			return false
		}
	}
	return t[len(t)-1] != '-'
}

// particles are the words read as a verb particle when no slot follows
// them directly.
var particles = set("out up off down back away over in around about through aside forward together apart along ahead")

// prepositions are the words that may introduce a slot or be required.
var prepositions = set("about above across after against along alongside amid amidst among amongst around as at " +
	"before behind below beneath beside besides between beyond by despite down during except for from in " +
	"inside into like near of off on onto out outside over past per regarding since than through throughout " +
	"till to toward towards under underneath unlike until unto up upon versus via with within without")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
