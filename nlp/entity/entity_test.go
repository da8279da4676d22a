package entity

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/perceptron"
	"github.com/dyad-org/dyad/nlp/wordfeat"
)

// toy is a small training set: people after titles and before "said",
// organisations ending in Inc., places after "in".
func toy() []Sentence {
	raw := []string{
		"Mr./O Smith/B-PER said/O he/O lives/O in/O Paris/B-LOC ./O",
		"Acme/B-ORG Inc./I-ORG hired/O Mary/B-PER Jones/I-PER ./O",
		"She/O moved/O to/O New/B-LOC York/I-LOC last/O year/O ./O",
		"Globex/B-ORG Inc./I-ORG opened/O in/O Berlin/B-LOC ./O",
		"John/B-PER Brown/I-PER works/O for/O Initech/B-ORG Inc./I-ORG ./O",
		"Ms./O Garcia/B-PER said/O it/O rained/O in/O Madrid/B-LOC ./O",
		"the/O weather/O was/O fine/O ./O",
	}
	out := make([]Sentence, len(raw))
	for i, r := range raw {
		for _, tok := range strings.Fields(r) {
			form, label, _ := strings.Cut(tok, "/")
			tag := "NOUN NN"
			if label != "O" {
				tag = "PROPN NNP"
			}
			out[i].Forms = append(out[i].Forms, form)
			out[i].Tags = append(out[i].Tags, tag)
			out[i].Labels = append(out[i].Labels, label)
		}
	}
	return out
}

func toyLexicon() Lexicon {
	return Lexicon{
		Names: Gazetteer{
			"LOC":   {"paris", "new york", "berlin", "madrid", "al sadr city"},
			"PER":   {"mary jones"},
			"ORG":   {"acme inc."},
			"GIVEN": {"mary", "john"},
		},
		Casing: map[string]uint8{"the": 1 | 1<<3, "said": 1 | 1<<3, "smith": 6},
	}
}

func toyTagger(t testing.TB) *Tagger {
	t.Helper()
	o := DefaultOptions
	o.Lexicon = toyLexicon()
	return Train(toy(), o, nil)
}

func TestLearnsToySentences(t *testing.T) {
	tg := toyTagger(t)
	for _, s := range toy() {
		got := tg.Tag(s.Forms, s.Tags, nil)
		if want := Spans(s.Labels, nil); !sameEntities(got, want) {
			t.Errorf("%v: got %v, want %v", s.Forms, got, want)
		}
	}
	if p, r, f1 := tg.Evaluate(toy()); f1 != 1 {
		t.Errorf("training set: P %.2f R %.2f F1 %.2f, want 1", p, r, f1)
	}
}

func sameEntities(a, b []nlp.Entity) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// TestDecodingIsValid checks that whatever the weights, decoding yields a
// valid class sequence, so spans never overlap or run past the sentence.
func TestDecodingIsValid(t *testing.T) {
	tg := toyTagger(t)
	sents := [][]string{
		{"Smith"},
		{"Inc."},
		{"in", "Paris", "Inc.", "Smith", "Jones", "said", "Acme", "New"},
		{"New", "York", "New", "York", "Mary", "Jones", "Acme", "Inc.", "Inc."},
		{"“", "Berlin", "”", "said", "MARY", "JONES", "in", "new", "york"},
	}
	for _, forms := range sents {
		ws := tg.pool.Get().(*workspace)
		ws.prepare(tg, forms, nil)
		labels := make([]int, len(forms))
		tg.decode(tg.model, ws, labels)
		tg.pool.Put(ws)
		prev := 0
		for i, c := range labels {
			if !valid(prev, c, i == len(labels)-1) {
				t.Errorf("%v: class %d after %d at %d", forms, c, prev, i)
			}
			prev = c
		}
		next := 0
		for _, e := range tg.Tag(forms, nil, nil) {
			if e.First < next || e.Last < e.First || e.Last >= len(forms) {
				t.Errorf("%v: bad span %+v", forms, e)
			}
			next = e.Last + 1
		}
	}
}

func TestValid(t *testing.T) {
	per := func(p int) int { return p }     // type 0
	org := func(p int) int { return 4 + p } // type 1
	cases := []struct {
		prev, c int
		final   bool
		want    bool
	}{
		{0, 0, false, true},
		{0, per(begin), false, true},
		{0, per(begin), true, false}, // an entity must close by the end
		{0, per(unit), true, true},
		{0, per(inside), false, false},
		{0, per(last), false, false},
		{per(begin), per(inside), false, true},
		{per(begin), per(last), true, true},
		{per(begin), org(last), false, false},
		{per(begin), 0, false, false},
		{per(inside), per(inside), true, false},
		{per(last), per(inside), false, false},
		{per(last), org(begin), false, true},
		{per(unit), per(unit), false, true},
	}
	for _, c := range cases {
		if got := valid(c.prev, c.c, c.final); got != c.want {
			t.Errorf("valid(%d, %d, %v) = %v, want %v", c.prev, c.c, c.final, got, c.want)
		}
	}
}

func TestSpans(t *testing.T) {
	labels := []string{"B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "B-ORG", "I-PER", "O", "B-ORG"}
	want := []nlp.Entity{
		{First: 0, Last: 1, Type: "PER"},
		{First: 3, Last: 4, Type: "LOC"}, // a stray I- starts an entity
		{First: 5, Last: 5, Type: "LOC"},
		{First: 6, Last: 6, Type: "ORG"},
		{First: 7, Last: 7, Type: "PER"},
		{First: 9, Last: 9, Type: "ORG"},
	}
	if got := Spans(labels, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("Spans = %v, want %v", got, want)
	}
	tg := toyTagger(t)
	classes := tg.classesOf(labels)
	if got := tg.spans(classes, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("spans of classes %v = %v, want %v", classes, got, want)
	}
}

func TestScore(t *testing.T) {
	gold := [][]nlp.Entity{
		{{First: 0, Last: 1, Type: "PER"}, {First: 3, Last: 3, Type: "LOC"}},
		{{First: 2, Last: 2, Type: "ORG"}},
	}
	pred := [][]nlp.Entity{
		{{First: 0, Last: 1, Type: "PER"}, {First: 3, Last: 3, Type: "ORG"}}, // wrong type
		{{First: 1, Last: 2, Type: "ORG"}, {First: 4, Last: 4, Type: "LOC"}}, // wrong span, spurious
	}
	p, r, f1 := Score(gold, pred)
	if p != 0.25 || r != 1.0/3 || f1 < 0.2857 || f1 > 0.2858 {
		t.Errorf("Score = %v %v %v, want 0.25 0.333 0.2857", p, r, f1)
	}
	if p, r, f1 := Score(gold, gold); p != 1 || r != 1 || f1 != 1 {
		t.Errorf("Score(gold, gold) = %v %v %v", p, r, f1)
	}
}

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadWikigold(t *testing.T) {
	path := writeTemp(t, "wiki.txt", "-DOCSTART- O\n\nThe I-ORG\nMad I-ORG\nCapsule I-ORG\nplayed O\nin O\nJapanese I-MISC\nTokyo I-LOC\nOsaka B-LOC\n\n-DOCSTART- O\nBob I-PER\nran O\n")
	sents, err := ReadWikigold(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Forms: strings.Fields("The Mad Capsule played in Japanese Tokyo Osaka"),
			Labels: strings.Fields("B-ORG I-ORG I-ORG O O O B-LOC B-LOC")},
		{Forms: []string{"Bob", "ran"}, Labels: []string{"B-PER", "O"}},
	}
	if !reflect.DeepEqual(sents, want) {
		t.Errorf("got %+v\nwant %+v", sents, want)
	}
}

func TestReadUNER(t *testing.T) {
	path := writeTemp(t, "uner.iob2", "# sent_id = a-1\n# text = where in tampa bay\n1\twhere\tO\t-\t-\n2\tin\tO\t-\t-\n3\ttampa\tB-LOC\t-\tx\n4\tbay\tI-LOC\t-\tx\n\n# sent_id = a-2\n1\tAcme\tB-ORG\t-\t-\n2\tthings\tB-MISC\t-\t-\n")
	sents, err := ReadUNER(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Forms: []string{"where", "in", "tampa", "bay"}, Labels: []string{"O", "O", "B-LOC", "I-LOC"}},
		{Forms: []string{"Acme", "things"}, Labels: []string{"B-ORG", "O"}},
	}
	if !reflect.DeepEqual(sents, want) {
		t.Errorf("got %+v\nwant %+v", sents, want)
	}
}

func TestReadErrorsHaveLines(t *testing.T) {
	cases := []struct {
		read func(string) ([]Sentence, error)
		text string
		want string
	}{
		{ReadWikigold, "Bob I-PER\nran O\n\nsome thing wrong\n", "wiki:4:"},
		{ReadWikigold, "Bob X-PER\n", "wiki:1: label \"X-PER\""},
		{ReadUNER, "# c\n1\tBob\tB-PER\n2\tran\n", "wiki:3:"},
		{ReadUNER, "1\tBob\tPER\n", "wiki:1: label \"PER\""},
	}
	for _, c := range cases {
		path := writeTemp(t, "wiki", c.text)
		_, err := c.read(path)
		if err == nil || !strings.Contains(err.Error(), filepath.Dir(path)) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one naming %s", c.text, err, c.want)
		}
	}
	if _, err := ReadUNER(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	tg := toyTagger(t)
	var buf bytes.Buffer
	meta := modelfile.Meta{Format: 1, Scores: map[string]float64{"uner_test_f1": 0.5}}
	if err := tg.Save(&buf, meta); err != nil {
		t.Fatal(err)
	}
	back, m, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Component != "entity" || m.Scores["uner_test_f1"] != 0.5 {
		t.Errorf("meta read back as %+v", m)
	}
	if !reflect.DeepEqual(back.tables, tg.tables) {
		t.Errorf("tables differ after the round trip")
	}
	for _, forms := range [][]string{
		{"Mary", "Jones", "said", "it", "rained", "in", "Berlin"},
		{"She", "works", "for", "Acme", "Inc.", "in", "New", "York"},
	} {
		if a, b := tg.Tag(forms, nil, nil), back.Tag(forms, nil, nil); !sameEntities(a, b) {
			t.Errorf("%v: %v before saving, %v after", forms, a, b)
		}
	}
	if _, _, err := Load(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Error("Load accepted a truncated model")
	}
}

func TestGazetteerMatches(t *testing.T) {
	tg := newTagger(nil, Tables{Types: Types, Lexicon: toyLexicon()})
	forms := []string{"Mary", "Jones", "left", "Al", "-", "Sadr", "City", "for", "New", "York", "-", "Paris"}
	ws := tg.pool.Get().(*workspace)
	ws.prepare(tg, forms, nil)
	want := []uint64{
		1<<0 | gazGiven, 1 << 1, 0, // PER "mary jones"
		1 << 4, 1 << 5, 1 << 5, 1 << 5, 0, // LOC "al sadr city" across the hyphen
		1 << 4, 1 << 5, 0, 1 << 4,
	}
	for i, w := range want {
		if got := ws.toks[i].gaz; got != w {
			t.Errorf("%s: gazetteer bits %b, want %b", forms[i], got, w)
		}
	}
}

func TestNormaliseName(t *testing.T) {
	cases := map[string]string{
		"MCDONALD'S_CORP_":                "mcdonald 's corp",
		"Washington, D.C.":                "washington , d.c.",
		"ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_": "aden abyan islamic army",
		"X":                               "",
		"A+B":                             "",
	}
	for in, want := range cases {
		if got := normaliseName(in); got != want {
			t.Errorf("normaliseName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBuildGazetteer(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		GazetteerFiles[0]: "1\tSpringfield\tSpringfield\tx\n2\tSão Paulo\tSao Paulo\tx\n",
		GazetteerFiles[1]: "#ISO\tISO3\tnum\tfips\tCountry\tCapital\nAF\tAFG\t004\tAF\tAfghanistan\tKabul\n",
		GazetteerFiles[2]: "# comment\nAFGHANISTAN_  [AFG]\n+KANDAHAR_\n\nHAMID_KARZAI_  # CountryInfo.txt\n\t[AFGGOV 011222-140929]\nAFGHAN_NATIONAL_ARMY\n\t[AFGMIL]\n",
		GazetteerFiles[3]: "KOFI_ANNAN_\n\t[IGOUNO 970101-061231]\nGOOGLE_\t[MNCUSAMED]\t# software\n",
		GazetteerFiles[4]: "HAMAS_ [PSEREB]\nABU_BAKAR__ [IDNSEA]\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g, err := BuildGazetteer(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := Gazetteer{
		"LOC":    {"afghanistan", "kabul", "kandahar", "sao paulo", "springfield", "são paulo"},
		"PER":    {"abu bakar", "hamid karzai", "kofi annan"},
		"ORG":    {"afghan national army", "google", "hamas"},
		"GIVEN":  {"abu", "hamid", "kofi"},
		"FAMILY": {"annan", "bakar", "karzai"},
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got %v\nwant %v", g, want)
	}
}

func TestTrainingSet(t *testing.T) {
	wiki := toy()[:2]
	uner := toy()[2:3]
	var tagged [][]string
	tag := func(sents []Sentence) {
		for i := range sents {
			tagged = append(tagged, sents[i].Forms)
			sents[i].Tags = make([]string, len(sents[i].Forms))
		}
	}
	o := Options{UNERCopies: 3, LowerWiki: true}
	got := trainingSet(tag, wiki, uner, o)
	if len(got) != 2+2+3 {
		t.Fatalf("%d sentences, want 2 of wikigold, 2 lowercase, 3 copies of UNER", len(got))
	}
	low := got[2]
	if want := strings.Fields("mr. smith said he lives in paris ."); !reflect.DeepEqual(low.Forms, want) {
		t.Errorf("lowercase copy %v, want %v", low.Forms, want)
	}
	if !reflect.DeepEqual(low.Labels, wiki[0].Labels) || len(low.Tags) != len(low.Forms) {
		t.Errorf("lowercase copy has labels %v and %d tags", low.Labels, len(low.Tags))
	}
	if len(tagged) != 2 || wiki[0].Forms[1] != "Smith" {
		t.Errorf("tagged %v; the originals must keep their case", tagged)
	}
	for _, s := range got[4:] {
		if !reflect.DeepEqual(s.Forms, uner[0].Forms) {
			t.Errorf("UNER copy %v", s.Forms)
		}
	}
	if n := len(trainingSet(tag, wiki, uner, Options{})); n != 3 {
		t.Errorf("zero options: %d sentences, want wikigold and UNER once", n)
	}
}

// TestSyntaxOfNames checks what a parse tells the tagger of each word: the
// relation of the name it is part of, climbing flat and compound, with
// that name's case word and the word it hangs on.
func TestSyntaxOfNames(t *testing.T) {
	tg := newTagger(nil, Tables{Types: Types})
	forms := []string{"He", "lives", "in", "New", "York", "City", "."}
	heads := []int{1, -1, 5, 5, 5, 1, 1}
	rels := []string{"nsubj", "root", "case", "compound", "compound", "obl", "punct"}
	ws := tg.pool.Get().(*workspace)
	defer tg.pool.Put(ws)
	ws.prepare(tg, forms, nil)
	ws.syntax(heads, rels)
	word := func(w string) uint64 { return wordfeat.LowerHash(w) }
	for _, i := range []int{3, 4, 5} {
		tk := &ws.toks[i]
		if tk.phrase != perceptron.String("obl") || tk.caseWord != word("in") || tk.headWord != word("lives") {
			t.Errorf("%s: phrase %x case %x head %x, want obl, in, lives", forms[i], tk.phrase, tk.caseWord, tk.headWord)
		}
	}
	if he := &ws.toks[0]; he.phrase != perceptron.String("nsubj") || he.caseWord != noWord || he.rel != he.phrase {
		t.Errorf("He: phrase %x case %x rel %x, want nsubj with no case word", he.phrase, he.caseWord, he.rel)
	}
	if root := &ws.toks[1]; root.headWord != noWord {
		t.Errorf("the root's head word %x, want none", root.headWord)
	}
	ws.syntax(nil, nil)
	if ws.toks[3].rel != 0 || ws.toks[3].phrase != 0 {
		t.Error("an unparsed sentence kept the syntax of the last one")
	}
}
