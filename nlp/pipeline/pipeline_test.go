package pipeline

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-org/dyad/models"
	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/tokenize"
)

const ewtDir = "../../../shared/data/ud-ewt/"

func loadDefault(t testing.TB) *Pipeline {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatalf("loading the embedded models: %v", err)
	}
	return p
}

func readTreebank(t testing.TB, split string) []conllu.Sentence {
	t.Helper()
	path := ewtDir + "en_ewt-ud-" + split + ".conllu"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("EWT %s not available: %v", split, err)
	}
	defer f.Close()
	s, err := conllu.Read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestCommittedModelsOnEWTTest holds the embedded models to the accuracy the
// README promises, on the EWT test split with gold tokenization.
func TestCommittedModelsOnEWTTest(t *testing.T) {
	p := loadDefault(t)
	s := p.Evaluate(readTreebank(t, "test"))
	t.Logf("EWT test: %d tokens, UPOS %.4f, XPOS %.4f, lemma %.4f, UAS %.4f, LAS %.4f",
		s.Tokens, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"UPOS", s.UPOS, 0.95}, {"UAS", s.UAS, 0.86}, {"LAS", s.LAS, 0.83}, {"lemma", s.Lemma, 0.96}} {
		if c.got < c.want {
			t.Errorf("%s %.4f is below %.2f", c.name, c.got, c.want)
		}
	}
}

func TestAnalyzeWellFormed(t *testing.T) {
	p := loadDefault(t)
	text := "The foreign minister of Norway met his Chilean counterpart in Oslo on Monday. " +
		"“We condemn the attack on the clinic,” she said, adding that the talks would go on."
	doc := p.Analyze(text)
	if len(doc.Sentences) != 2 {
		t.Fatalf("got %d sentences, want 2", len(doc.Sentences))
	}
	for si, s := range doc.Sentences {
		roots := 0
		for i, tok := range s.Tokens {
			if tok.Text != text[tok.Start:tok.End] {
				t.Errorf("token %q does not match its offsets", tok.Text)
			}
			if tok.UPOS == "" || tok.XPOS == "" || tok.Lemma == "" || tok.Rel == "" {
				t.Errorf("sentence %d token %q is missing an analysis: %+v", si, tok.Text, tok)
			}
			if tok.Head == -1 {
				roots++
			} else if tok.Head < 0 || tok.Head >= len(s.Tokens) || tok.Head == i {
				t.Errorf("token %q has head %d", tok.Text, tok.Head)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d has %d roots", si, roots)
		}
	}
	// The main verb of the first sentence heads its subject.
	first := doc.Sentences[0].Tokens
	for i, tok := range first {
		if tok.Text == "met" {
			if tok.UPOS != "VERB" || tok.Lemma != "meet" {
				t.Errorf("met: UPOS %s lemma %s", tok.UPOS, tok.Lemma)
			}
			subj := first[1+findHead(first, i, "nsubj")]
			if subj.Text != "minister" {
				t.Errorf("subject of met is %q, want minister", subj.Text)
			}
		}
	}
}

// TestFrontedPhrase: an opening adverbial phrase hangs on the main verb,
// which is the root, and so does the subject after the comma.
func TestFrontedPhrase(t *testing.T) {
	p := loadDefault(t)
	doc := p.Analyze("After the talks in Vienna on Tuesday, the Iranian foreign minister met his Turkish counterpart in Ankara.")
	toks := doc.Sentences[0].Tokens
	at := tokenIndex(t, toks)
	met := at("met")
	if toks[met].Head != -1 {
		t.Errorf("root is %q, want met", toks[toks[met].Head].Text)
	}
	if h := toks[at("talks")].Head; h != met {
		t.Errorf("talks hangs on token %d, want met (%d)", h, met)
	}
	if toks[at(",")].Head != at("talks") || toks[at("minister")].Head != met {
		t.Errorf("comma or subject misattached: %+v", toks)
	}
}

// tokenIndex returns a function giving the index of the token of toks with
// a text, failing the test when there is none.
func tokenIndex(t *testing.T, toks []nlp.Token) func(text string) int {
	return func(text string) int {
		t.Helper()
		for i, tok := range toks {
			if tok.Text == text {
				return i
			}
		}
		t.Fatalf("no token %q", text)
		return -1
	}
}

// TestReportingClause: a closing ", police said" is a clause of its own
// hung on the root, its speaker the verb's subject; and a coordinated
// subject the transitions made the root gives the root back to its
// predicate.
func TestReportingClause(t *testing.T) {
	p := loadDefault(t)
	doc := p.Analyze("Four Iraqi soldiers and two civilians were wounded in a bomb attack near Kirkuk on Sunday, police said.")
	toks := doc.Sentences[0].Tokens
	idx := tokenIndex(t, toks)
	said, wounded := idx("said"), idx("wounded")
	for _, c := range []struct {
		word, rel string
		head      int
	}{{"police", "nsubj", said}, {"said", "parataxis", wounded}, {"wounded", "root", -1}, {"soldiers", "nsubj", wounded}} {
		if tok := toks[idx(c.word)]; tok.Head != c.head || !strings.HasPrefix(tok.Rel, c.rel) {
			t.Errorf("%q: head %d %s, want %d %s", c.word, tok.Head, tok.Rel, c.head, c.rel)
		}
	}
}

// TestNounList: the later items of a list of nouns after a verb are
// conjuncts of the first, not the verb's own dependents.
func TestNounList(t *testing.T) {
	p := loadDefault(t)
	toks := p.Analyze("The envoy condemned the raid and urged all Arab states, Muslim nations, as well as the international organizations to act.").Sentences[0].Tokens
	at := tokenIndex(t, toks)
	for _, w := range []string{"nations", "organizations"} {
		if tok := toks[at(w)]; tok.Head != at("states") || tok.Rel != "conj" {
			t.Errorf("%q: head %d %s, want conj of states (%d)", w, tok.Head, tok.Rel, at("states"))
		}
	}
}

// TestHeadlineNounObject: a verbless headline whose title the transitions
// made the root, with the event noun its object, is headed by the noun,
// the title a compound of the name it titles.
func TestHeadlineNounObject(t *testing.T) {
	p := loadDefault(t)
	toks := p.Analyze("Secretary Blinken’s Call with Saudi Foreign Minister Prince Faisal").Sentences[0].Tokens
	at := tokenIndex(t, toks)
	call, title := toks[at("Call")], toks[at("Secretary")]
	if call.Head != -1 || title.Head != at("Blinken") || title.Rel != "compound" {
		t.Errorf("Call head %d %s, Secretary head %d %s; want Call the root, Secretary a compound of Blinken (%d)",
			call.Head, call.Rel, title.Head, title.Rel, at("Blinken"))
	}
}

// TestGerundAfterPreposition: a gerund after a preposition heads its
// object, as a clause on the noun before it.
func TestGerundAfterPreposition(t *testing.T) {
	p := loadDefault(t)
	toks := p.Analyze("The minister stressed the necessity of exchanging views with Oman.").Sentences[0].Tokens
	at := tokenIndex(t, toks)
	g, n := toks[at("exchanging")], toks[at("views")]
	if g.XPOS != "VBG" || g.Head != at("necessity") || n.Head != at("exchanging") || n.Rel != "obj" {
		t.Errorf("exchanging %s head %d %s, views head %d %s; want a VBG on necessity (%d) with its object",
			g.XPOS, g.Head, g.Rel, n.Head, n.Rel, at("necessity"))
	}
}

// TestFiniteVerbRepair: a sentence with a bare-name subject gets its verb
// even where the tagger first read it as a plural noun.
func TestFiniteVerbRepair(t *testing.T) {
	p := loadDefault(t)
	for text, want := range map[string]string{
		"The EU calls on Israel to end all settlement activity.": "VBZ",
		"The OIC urges Muslim countries to unite.":               "VBZ",
		"Border guards confiscated weapons from the smugglers.":  "VBD",
		"Haitian gangs shoot civilians.":                         "VBP",
		"Witnesses said gunmen set fire to the market.":          "",
	} {
		doc := p.Analyze(text)
		toks := doc.Sentences[0].Tokens
		if want == "" { // a reported clause: its verb is the fourth word
			if toks[3].XPOS != "VBD" {
				t.Errorf("%q: %q tagged %s, want VBD", text, toks[3].Text, toks[3].XPOS)
			}
			continue
		}
		verb := toks[2]
		if verb.XPOS != want || verb.Head != -1 {
			t.Errorf("%q: %q tagged %s with head %d, want the %s root", text, verb.Text, verb.XPOS, verb.Head, want)
		}
	}
	for _, tok := range p.Analyze("The minister spoke of resistance, expressing confidence that the siege would end.").Sentences[0].Tokens {
		if tok.Text == "expressing" && tok.XPOS != "VBG" {
			t.Errorf("expressing after a comma tagged %s, want VBG", tok.XPOS)
		}
	}
	for _, tok := range p.Analyze("Settlers burned homes in an attack strongly condemned by the United Nations.").Sentences[0].Tokens {
		if tok.Text == "condemned" && tok.XPOS != "VBN" {
			t.Errorf("condemned before a by-phrase tagged %s, want VBN", tok.XPOS)
		}
	}
	doc := p.Analyze("The emir said, “Qatar has the same views as Iran and calls for the effective role of the OIC in this regard.”")
	for _, tok := range doc.Sentences[0].Tokens {
		if tok.Text == "calls" && tok.XPOS != "VBZ" {
			t.Errorf("calls coordinated with has tagged %s, want VBZ", tok.XPOS)
		}
	}
}

// findHead returns the index-1 of the dependent of head with relation rel, or -1-1.
func findHead(toks []nlp.Token, head int, rel string) int {
	for i, t := range toks {
		if t.Head == head && t.Rel == rel {
			return i - 1
		}
	}
	return -2
}

// TestConcurrentUse runs one pipeline from many goroutines: results must
// equal the sequential ones (go test -race catches shared state).
func TestConcurrentUse(t *testing.T) {
	p := loadDefault(t)
	texts := []string{
		"Protesters gathered outside the embassy in Ankara on Friday.",
		"The council rejected the proposal and called for new talks.",
		"Police arrested three men after the clashes, officials said.",
	}
	want := make([]string, len(texts))
	for i, tx := range texts {
		want[i] = render(p.Analyze(tx))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				i := (g + k) % len(texts)
				if got := render(p.Analyze(texts[i])); got != want[i] {
					t.Errorf("concurrent analysis differs:\n%s\nwant\n%s", got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func render(d *nlp.Doc) string {
	var b strings.Builder
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			b.WriteString(t.Text + "/" + t.XPOS + "/" + t.Rel + " ")
		}
	}
	return b.String()
}

// devText is the raw text of EWT dev, one sentence a line.
func devText(b *testing.B) string {
	var sb strings.Builder
	for _, s := range readTreebank(b, "dev") {
		sb.WriteString(s.Text)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// measure runs f over the dev text b.N times and reports tokens/s and
// allocations per token for the stage f stands for.
func measure(b *testing.B, tokens int, f func()) {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f()
	}
	b.StopTimer()
	runtime.ReadMemStats(&m1)
	n := float64(tokens) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/n, "allocs/token")
}

func countTokens(sents []nlp.Sentence) int {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	return n
}

func BenchmarkTokenize(b *testing.B) {
	text := devText(b)
	n := countTokens(tokenize.Segment(text))
	measure(b, n, func() { tokenize.Segment(text) })
}

func BenchmarkTag(b *testing.B) {
	p := loadDefault(b)
	sents := tokenize.Segment(devText(b))
	forms, classes := make([][]string, len(sents)), make([][]int, len(sents))
	for i, s := range sents {
		for _, t := range s.Tokens {
			forms[i] = append(forms[i], t.Norm)
		}
		classes[i] = make([]int, len(forms[i]))
	}
	measure(b, countTokens(sents), func() {
		for i := range forms {
			p.Tagger.TagForms(forms[i], classes[i])
		}
	})
}

func BenchmarkParse(b *testing.B) {
	p := loadDefault(b)
	sents := tokenize.Segment(devText(b))
	type in struct {
		forms, tags, rels []string
		heads             []int
	}
	ins := make([]in, len(sents))
	for i := range sents {
		p.AnalyzeSentence(&sents[i])
		for _, t := range sents[i].Tokens {
			ins[i].forms = append(ins[i].forms, t.Norm)
			ins[i].tags = append(ins[i].tags, t.UPOS+" "+t.XPOS)
		}
		ins[i].heads = make([]int, len(ins[i].forms))
		ins[i].rels = make([]string, len(ins[i].forms))
	}
	measure(b, countTokens(sents), func() {
		for _, x := range ins {
			p.Parser.Parse(x.forms, x.tags, x.heads, x.rels)
		}
	})
}

// BenchmarkPipeline is tokenize + tag + lemmatize + parse, one core.
func BenchmarkPipeline(b *testing.B) {
	d := loadDefault(b)
	p := New(d.Tagger, d.Lemmatizer, d.Parser, nil)
	text := devText(b)
	n := countTokens(tokenize.Segment(text))
	measure(b, n, func() { p.Analyze(text) })
}

// BenchmarkPipelineEntities is the whole pipeline: BenchmarkPipeline plus
// the entity tagger.
func BenchmarkPipelineEntities(b *testing.B) {
	p := loadDefault(b)
	text := devText(b)
	n := countTokens(tokenize.Segment(text))
	measure(b, n, func() { p.Analyze(text) })
}

// TestModelMemory holds the loaded models to the memory budget the README
// states: the heap they keep once loaded and collected.
func TestModelMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := Load(models.FS)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("loaded models keep %.0f MB of heap", mb)
	if mb > 300 {
		t.Errorf("loaded models keep %.0f MB, over the 300 MB budget", mb)
	}
	runtime.KeepAlive(p)
}
