package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/eval"
	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/pipeline"
)

// The project's gold files, read in place (never copied into the repo). The
// wire items have few quotes but many quote-free articles, a check on
// precision.
var goldFiles = []string{
	"../../shared/eval/seeds.gold.jsonl",
	"../../shared/eval/domain_dev.gold.jsonl",
	"../../shared/eval/ag_dev.gold.jsonl",
}

// TestGold reports, per gold file and pooled, quote precision and recall
// as the project's eval scores them (overlapping spans), and a rough
// speaker figure: the share of matched gold quotes whose speaker span
// contains a word of the gold speaker's name or is a pronoun (the real
// speaker score needs coreference and actor codes, so a correct "the
// spokesman" counts as a miss here). Run with -v to see the figures and
// every miss.
func TestGold(t *testing.T) {
	p := analyzer(t)
	var all, allPreds []eval.Article
	var pooled proxy
	for _, name := range goldFiles {
		gold := readGold(t, name)
		preds, px := predict(t, p, gold)
		logScores(t, filepath.Base(name), gold, preds, px)
		all, allPreds = append(all, gold...), append(allPreds, preds...)
		pooled.add(px)
	}
	logScores(t, "pooled", all, allPreds, pooled)
}

// proxy counts the matched gold quotes, those whose speaker looks right and
// those given no speaker where the gold names one.
type proxy struct{ matched, ok, none int }

func (p *proxy) add(q proxy) { p.matched, p.ok, p.none = p.matched+q.matched, p.ok+q.ok, p.none+q.none }

// readGold reads a gold file in place, skipping the test when it is absent.
func readGold(t *testing.T, name string) []eval.Article {
	f, err := os.Open(name)
	if os.IsNotExist(err) {
		t.Skipf("%s not found", name)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := eval.ReadGold(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// predict runs Find over each article and returns the predictions and the
// speaker proxy's counts.
func predict(t *testing.T, p *pipeline.Pipeline, gold []eval.Article) (preds []eval.Article, px proxy) {
	for _, a := range gold {
		doc := p.Analyze(a.Text)
		qs := Find(doc)
		pred := eval.Article{ID: a.ID}
		for _, q := range qs {
			pred.Quotes = append(pred.Quotes, eval.Quote{Text: q.Text})
		}
		preds = append(preds, pred)
		px.add(speakerProxy(t, doc, a, qs))
	}
	return preds, px
}

func logScores(t *testing.T, name string, gold, preds []eval.Article, px proxy) {
	s := eval.Score(gold, preds).Quotes
	t.Logf("%s: quotes P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); speaker proxy %d/%d = %.3f, no speaker %d",
		name, s.P, s.R, s.F1, s.TP, s.FP, s.FN, px.ok, px.matched, float64(px.ok)/float64(max(px.matched, 1)), px.none)
}

// speakerProxy matches the article's gold quotes to the found ones by span
// overlap and counts the matches and those whose speaker looks right,
// logging what does not match.
func speakerProxy(t *testing.T, doc *nlp.Doc, a eval.Article, qs []Quote) (px proxy) {
	used := make([]bool, len(qs))
	for _, g := range a.Quotes {
		start := strings.Index(a.Text, g.Text)
		end := start + len(g.Text)
		j := -1
		for k, q := range qs {
			if q.Start < end && start < q.End {
				j = k
				break
			}
		}
		if j < 0 {
			t.Logf("%s: missed %q", a.ID, clip(g.Text))
			continue
		}
		used[j] = true
		px.matched++
		got := speakerText(doc, qs[j].Speaker)
		if qs[j].Speaker == nil && g.Speaker != nil {
			px.none++
		}
		if speakerLooksRight(doc, qs[j].Speaker, g.Speaker) {
			px.ok++
		} else {
			t.Logf("%s: speaker %q, gold %v, for %q", a.ID, got, g.Speaker, clip(g.Text))
		}
	}
	for k, q := range qs {
		if !used[k] {
			t.Logf("%s: extra %q (speaker %q)", a.ID, clip(q.Text), speakerText(doc, q.Speaker))
		}
	}
	return px
}

// speakerLooksRight is the rough proxy: a pronoun, or a span that holds a
// word of the gold speaker's name; a gold null speaker wants none.
func speakerLooksRight(doc *nlp.Doc, sp *Span, gold *eval.Actor) bool {
	if gold == nil || sp == nil {
		return gold == nil && sp == nil
	}
	if doc.Sentences[sp.Sentence].Tokens[sp.Head].UPOS == "PRON" {
		return true
	}
	got := strings.ToLower(speakerText(doc, sp))
	for _, w := range strings.Fields(strings.ToLower(gold.Text)) {
		if len(w) > 3 && strings.Contains(got, w) {
			return true
		}
	}
	return false
}

func speakerText(doc *nlp.Doc, sp *Span) string {
	if sp == nil {
		return ""
	}
	return doc.Text[sp.Start:sp.End]
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// analyzer returns the embedded pipeline.
func analyzer(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
