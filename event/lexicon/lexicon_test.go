package lexicon

import (
	"bufio"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/event/ontology"
)

func TestDefault(t *testing.T) {
	l := Default()
	if l != Default() {
		t.Error("Default parses the file more than once")
	}
	if n := l.Len(); n < 600 {
		t.Errorf("the lexicon has %d entries, want at least 600", n)
	}
	if n := l.Heads(); n < 300 {
		t.Errorf("the lexicon has %d heads, want at least 300", n)
	}
	heads := map[string]bool{}
	for _, e := range l.All() {
		heads[e.POS+" "+e.Head] = true
	}
	if len(heads) != l.Heads() {
		t.Errorf("Heads() = %d, the entries have %d distinct heads", l.Heads(), len(heads))
	}
}

func TestCodesExist(t *testing.T) {
	o := ontology.Default()
	for _, e := range Default().All() {
		if _, ok := o.Event(e.Code); !ok {
			t.Errorf("line %d: code %q is not in the ontology", e.Line, e.Code)
		}
	}
}

// Every CAMEO root has everyday vocabulary, verbs among it.
func TestEveryRootCovered(t *testing.T) {
	o := ontology.Default()
	n, verbs := map[string]int{}, map[string]int{}
	for _, e := range Default().All() {
		r := o.Root(e.Code)
		n[r]++
		if e.POS == "verb" {
			verbs[r]++
		}
	}
	for i := 1; i <= 20; i++ {
		r := string(rune('0'+i/10)) + string(rune('0'+i%10))
		if n[r] < 30 || verbs[r] < 15 {
			t.Errorf("root %s has %d entries (%d verbs), want at least 30 (15 verbs)", r, n[r], verbs[r])
		}
	}
}

// The file is grouped by root: every entry sits under the header of its root
// ("# 05 ENGAGE IN DIPLOMATIC COOPERATION"), and no line repeats a POS and
// pattern.
func TestFileLayout(t *testing.T) {
	o := ontology.Default()
	root := ""
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(lexiconTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if h, ok := strings.CutPrefix(line, "# "); ok {
			if len(h) > 3 && h[2] == ' ' && h[3] >= 'A' && h[3] <= 'Z' && h[:2] >= "01" && h[:2] <= "20" {
				root = h[:2]
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			t.Fatalf("line %d: %q", n, line)
		}
		if r := o.Root(f[0]); r != root {
			t.Errorf("line %d: code %s is under the header of root %q", n, f[0], root)
		}
		key := f[1] + " " + strings.Join(strings.Fields(f[2]), " ")
		if first, dup := seen[key]; dup {
			t.Errorf("line %d repeats line %d: %s", n, first, key)
		}
		seen[key] = n
		if len(f) == 4 && len(f[3]) > 90 {
			t.Errorf("line %d: example longer than 90 bytes", n)
		}
	}
}

// Bare speech verbs are quotes, not events: they have entries only as
// phrasal verbs with an object ("write off debt"), and the emphasis verbs
// only with a typed object ("stress need for T").
func TestNoBareSpeechVerbs(t *testing.T) {
	l := Default()
	for _, v := range strings.Fields("say add state note tweet tell write remark explain mention argue reply respond") {
		for _, e := range l.Entries("verb", v) {
			if e.Object == "" && e.Particle == "" {
				t.Errorf("line %d: bare speech verb in %q", e.Line, e.Pattern)
			}
		}
	}
	for _, v := range strings.Fields("stress emphasize emphasise underline underscore highlight reiterate reaffirm " +
		"announce declare recall renew express voice claim insist") {
		for _, e := range l.Entries("verb", v) {
			if e.Object == "" && len(e.Requires) == 0 && e.Target.Kind != Prep {
				t.Errorf("line %d: %q is a bare speech verb without a typed object", e.Line, e.Pattern)
			}
		}
	}
}

// Patterns are written in lemmas, not in the forms of the text.
func TestPatternsAreLemmas(t *testing.T) {
	inflected := map[string]bool{}
	for _, w := range strings.Fields("talks sanctions ties relations condolences clashes strikes airstrikes " +
		"hostilities weapons arms negotiations protests demonstrations congratulations rights assets funds " +
		"reservists reinforcements prisoners hostages refugees peacekeepers inspectors observers forces rockets " +
		"missiles drones bombs sidelines respects fences hands streets views urged met held called condemned") {
		inflected[w] = true
	}
	for _, e := range Default().All() {
		for _, w := range strings.Fields(e.Pattern) {
			if inflected[w] {
				t.Errorf("line %d: %q in %q is not a lemma", e.Line, w, e.Pattern)
			}
		}
		if e.POS == "verb" && !baseInIng[e.Head] && (strings.HasSuffix(e.Head, "ed") || strings.HasSuffix(e.Head, "ing")) {
			t.Errorf("line %d: verb head %q looks inflected", e.Line, e.Head)
		}
	}
}

// baseInIng are verbs whose base form ends like an inflection.
var baseInIng = map[string]bool{"bring": true, "cling": true, "fling": true, "sting": true, "swing": true, "ring": true}

func TestParsePatterns(t *testing.T) {
	subj, none := Slot{Kind: Subject}, Slot{}
	prep := func(p string) Slot { return Slot{Kind: Prep, Prep: p} }
	obj := Slot{Kind: Object}
	tests := []struct {
		pos, pattern string
		want         Entry
		objectPrep   string
		score        int
	}{
		{"verb", "condemn T", Entry{Head: "condemn", Target: obj, Source: subj}, "", 1},
		{"verb", "condemn", Entry{Head: "condemn", Target: none, Source: subj}, "", 0},
		{"verb", "voice anger over T", Entry{Head: "voice", Object: "anger", Target: prep("over"), Source: subj}, "", 5},
		{"verb", "accuse T of", Entry{Head: "accuse", Target: obj, Source: subj, Requires: []string{"of"}}, "", 3},
		{"verb", "lash out at T", Entry{Head: "lash", Particle: "out", Target: prep("at"), Source: subj}, "", 5},
		{"verb", "call on T", Entry{Head: "call", Target: prep("on"), Source: subj}, "", 3},
		{"verb", "meet with T", Entry{Head: "meet", Target: prep("with"), Source: subj}, "", 3},
		{"verb", "hold talk with T", Entry{Head: "hold", Object: "talk", Target: prep("with"), Source: subj}, "", 5},
		{"verb", "receive call from S", Entry{Head: "receive", Object: "call", Target: subj, Source: prep("from")}, "", 5},
		{"verb", "turn T down", Entry{Head: "turn", Particle: "down", Target: obj, Source: subj}, "", 3},
		{"verb", "agree to", Entry{Head: "agree", Source: subj, Requires: []string{"to"}}, "", 2},
		{"verb", "call for release of T", Entry{Head: "call", Object: "release", Target: prep("of"), Source: subj,
			Requires: []string{"for"}}, "for", 7},
		{"verb", "refuse to negotiate", Entry{Head: "refuse", Object: "negotiate", Source: subj, Requires: []string{"to"}}, "to", 4},
		{"verb", "take T hostage", Entry{Head: "take", Object: "hostage", Target: obj, Source: subj}, "", 3},
		{"verb", "walk out of talk", Entry{Head: "walk", Particle: "out", Object: "talk", Source: subj,
			Requires: []string{"of"}}, "of", 6},
		{"verb", "call T to meeting", Entry{Head: "call", Object: "meeting", Target: obj, Source: subj,
			Requires: []string{"to"}}, "to", 5},
		{"noun", "phone call with T", Entry{Head: "call", Modifiers: []string{"phone"}, Target: prep("with"), Source: subj}, "", 5},
		{"noun", "phone call from S", Entry{Head: "call", Modifiers: []string{"phone"}, Target: subj, Source: prep("from")}, "", 5},
		{"noun", "raid on T", Entry{Head: "raid", Target: prep("on"), Source: subj}, "", 3},
		{"noun", "meeting", Entry{Head: "meeting", Source: subj}, "", 0},
		{"noun", "suicide car bombing", Entry{Head: "bombing", Modifiers: []string{"suicide", "car"}, Source: subj}, "", 4},
		{"noun", "call for", Entry{Head: "call", Source: subj, Requires: []string{"for"}}, "", 2},
	}
	for _, tt := range tests {
		l, err := Parse(strings.NewReader("111\t"+tt.pos+"\t"+tt.pattern+"\n"), "t.tsv")
		if err != nil {
			t.Errorf("%s %q: %v", tt.pos, tt.pattern, err)
			continue
		}
		got := l.All()[0]
		if got.ObjectPrep() != tt.objectPrep {
			t.Errorf("%s %q: ObjectPrep() = %q, want %q", tt.pos, tt.pattern, got.ObjectPrep(), tt.objectPrep)
		}
		if got.Specificity() != tt.score {
			t.Errorf("%s %q: Specificity() = %d, want %d", tt.pos, tt.pattern, got.Specificity(), tt.score)
		}
		want := tt.want
		want.Code, want.POS, want.Pattern, want.Line = "111", tt.pos, tt.pattern, 1
		want.objectPrep, want.score = got.objectPrep, got.score
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s %q:\n got %+v\nwant %+v", tt.pos, tt.pattern, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	const head = "111\tverb\tcondemn T\n# a comment\n"
	tests := []struct{ line, want string }{
		{"111\tverb", "want 3 or 4 tab-separated fields"},
		{"111\tverb\tcondemn T\tan example\tmore", "got 5"},
		{"999\tverb\tdenounce T", `unknown CAMEO code "999"`},
		{"\tverb\tdenounce T", `unknown CAMEO code ""`},
		{"111\tadv\tdenounce T", `unknown POS "adv"`},
		{"111\tverb\t", "empty pattern"},
		{"111\tverb\tT denounce", "no head"},
		{"111\tnoun\twith T", "no head"},
		{"111\tverb\tdenounce T with T", "two T slots"},
		{"111\tverb\treceive call from S by S", "two S slots"},
		{"111\tverb\tanger S", "must be introduced by a preposition"},
		{"111\tverb\tDenounce T", "neither a lower-case lemma"},
		{"111\tverb\tdenounce X", "neither a lower-case lemma"},
		{"111\tverb\tvoice anger rage over T", "two object words"},
		{"111\tverb\tdenounce strongly T", `"strongly" before T is not a preposition`},
		{"111\tverb\tgive T T", "follows a slot"},
		{"111\tverb\taccuse T of of", "required twice"},
		{"111\tnoun\tcondemnation T", "needs a preposition"},
		{"111\tnoun\tcall with T phone", "only prepositions and slots"},
		{"111\tverb\tcondemn  T", "repeats line 1"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(head+tt.line+"\n"), "bad.tsv")
		if err == nil {
			t.Errorf("%q: no error", tt.line)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "bad.tsv:3: ") || !strings.Contains(msg, tt.want) {
			t.Errorf("%q: error %q, want bad.tsv:3: ... %s", tt.line, msg, tt.want)
		}
		var le *Error
		if !errors.As(err, &le) || le.File != "bad.tsv" || le.Line != 3 {
			t.Errorf("%q: error %#v is not an *Error for bad.tsv:3", tt.line, err)
		}
	}
}

func TestParseReportsAllErrors(t *testing.T) {
	in := "111\tverb\tcondemn T\n111\tadv\tx\n\n999\tverb\ty\r\n"
	_, err := Parse(strings.NewReader(in), "f.tsv")
	if err == nil || !strings.Contains(err.Error(), "f.tsv:2:") || !strings.Contains(err.Error(), "f.tsv:4:") {
		t.Errorf("error %v, want both f.tsv:2 and f.tsv:4", err)
	}
	l, err := Parse(strings.NewReader("# only a comment\n\n111\tverb\tcondemn T\tcondemned the raid\r\n"), "ok.tsv")
	if err != nil || l.Len() != 1 || l.All()[0].Line != 3 {
		t.Errorf("comments, blank lines and CRLF: %v", err)
	}
}

func has(es []Entry, f func(Entry) bool) bool {
	for _, e := range es {
		if f(e) {
			return true
		}
	}
	return false
}

func TestLookups(t *testing.T) {
	l := Default()
	if !has(l.Entries("verb", "urge"), func(e Entry) bool { return strings.HasPrefix(e.Code, "022") }) {
		t.Error(`Entries("verb", "urge") has no 022 entry`)
	}
	if !has(l.Entries("verb", "lash"), func(e Entry) bool {
		return e.Particle == "out" && e.Target == Slot{Kind: Prep, Prep: "at"} && e.Code == "111"
	}) {
		t.Error(`Entries("verb", "lash") has no "lash out at T" 111`)
	}
	calls := l.Entries("noun", "call")
	phone, bare := -1, -1
	for i, e := range calls {
		if e.Pattern == "phone call" && reflect.DeepEqual(e.Modifiers, []string{"phone"}) && e.Code == "041" {
			phone = i
		}
		if e.Pattern == "call" {
			bare = i
		}
	}
	if phone < 0 || bare < 0 || phone > bare {
		t.Errorf(`noun "call": "phone call" 041 at %d, bare "call" at %d; want both, the first before`, phone, bare)
	}
	if l.Entries("adj", "urge") != nil || len(l.Entries("verb", "no-such-verb")) != 0 {
		t.Error("lookups of unknown POS or heads return entries")
	}

	// The coding judgements the notes and the brief make.
	code := func(pos, pattern string) string {
		h := strings.Fields(pattern)[0]
		if pos == "noun" {
			for _, w := range strings.Fields(pattern) {
				if w == "T" || w == "S" || prepositions[w] {
					break
				}
				h = w
			}
		}
		for _, e := range l.Entries(pos, h) {
			if e.Pattern == pattern {
				return e.Code
			}
		}
		return "missing"
	}
	for _, c := range []struct{ pos, pattern, code string }{
		{"verb", "condemn T", "111"}, {"verb", "criticise T", "111"}, {"verb", "criticize T", "111"},
		{"verb", "voice anger over T", "111"}, {"verb", "call on T", "022"}, {"verb", "call for T", "102"},
		{"verb", "demand T", "10"}, {"verb", "warn T", "13"}, {"verb", "warn against T", "012"},
		{"verb", "threaten T", "13"}, {"verb", "accuse T of", "112"}, {"verb", "reject T", "12"},
		{"verb", "praise T", "051"}, {"verb", "support T", "051"}, {"verb", "pledge support for T", "032"},
		{"verb", "express solidarity with T", "051"}, {"verb", "express condolence to T", "018"},
		{"verb", "meet with T", "040"}, {"verb", "visit T", "042"}, {"verb", "host T", "043"},
		{"verb", "hold talk with T", "046"}, {"verb", "phone T", "041"}, {"noun", "phone conversation", "041"},
		{"verb", "sign agreement with T", "057"}, {"verb", "impose sanction on T", "163"},
		{"verb", "arrest T", "173"}, {"verb", "expel T", "174"}, {"verb", "attack T", "18"},
		{"verb", "kill T", "190"}, {"verb", "assassinate T", "186"}, {"noun", "airstrike", "195"},
		{"verb", "bomb T", "195"}, {"verb", "shell T", "194"}, {"verb", "protest against T", "141"},
		{"verb", "release prisoner", "0841"}, {"verb", "withdraw troops from T", "0874"},
		{"verb", "cut tie with T", "161"}, {"verb", "recall ambassador from T", "161"},
		{"verb", "mobilize troops", "154"}, {"verb", "seize control of T", "192"}, {"verb", "massacre T", "202"},
		{"verb", "investigate T", "09"}, {"noun", "ceasefire", "0871"}, {"verb", "deny T", "016"},
		{"verb", "apologize to T", "055"}, {"verb", "invite T", "036"}, {"verb", "call T to meeting", "106"},
	} {
		if got := code(c.pos, c.pattern); got != c.code {
			t.Errorf("%s %q: code %s, want %s", c.pos, c.pattern, got, c.code)
		}
	}
}

// Entries come most specific first, in file order among equals.
func TestEntriesOrder(t *testing.T) {
	l := Default()
	seen := map[string]bool{}
	for _, e := range l.All() {
		key := e.POS + " " + e.Head
		if seen[key] {
			continue
		}
		seen[key] = true
		es := l.Entries(e.POS, e.Head)
		for i := 1; i < len(es); i++ {
			a, b := es[i-1], es[i]
			if a.score < b.score || a.score == b.score && a.Line > b.Line {
				t.Errorf("%s: line %d (%q, %d) before line %d (%q, %d)", key, a.Line, a.Pattern, a.score, b.Line, b.Pattern, b.score)
			}
		}
	}
	if es := l.Entries("verb", "call"); es[len(es)-1].Pattern != "call T" {
		t.Errorf(`the least specific "call" entry is %q, want "call T"`, es[len(es)-1].Pattern)
	}
	es := l.Entries("verb", "condemn")
	if es = append(es, Entry{}); &es[0] == &l.Entries("verb", "condemn")[0] {
		t.Error("appending to Entries' result writes into the lexicon")
	}
}

func TestEntriesAllocs(t *testing.T) {
	l := Default()
	if n := testing.AllocsPerRun(100, func() { l.Entries("verb", "condemn"); l.Entries("noun", "call") }); n != 0 {
		t.Errorf("Entries allocates %.0f times per call", n)
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(strings.NewReader(lexiconTSV), "lexicon.tsv"); err != nil {
			b.Fatal(err)
		}
	}
}
