package timex

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-org/dyad/eval"
	"github.com/dyad-org/dyad/nlp"
)

// The project's gold files, read in place (never copied into the repo).
const goldDir = "../../shared/eval"

var goldFiles = []string{"seeds.gold.jsonl", "domain_dev.gold.jsonl", "ag_dev.gold.jsonl"}

func readGold(t *testing.T) []eval.Article {
	var arts []eval.Article
	for _, name := range goldFiles {
		f, err := os.Open(filepath.Join(goldDir, name))
		if errors.Is(err, fs.ErrNotExist) {
			t.Logf("%s: missing", name)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		a, err := eval.ReadGold(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a...)
	}
	if len(arts) == 0 {
		t.Skipf("no gold files in %s", goldDir)
	}
	return arts
}

type share struct{ hit, all int }

func (s *share) add(hit bool) {
	s.all++
	if hit {
		s.hit++
	}
}

func (s share) String() string {
	return fmt.Sprintf("%d/%d = %.3f", s.hit, s.all, float64(s.hit)/float64(max(s.all, 1)))
}

// TestGoldDates reports, for the gold events with a date, how often the
// expressions find it. This is a proxy: the project's eval scores the
// coder's dates for real. Two figures:
//
//   - passage: some expression in the evidence sentence, or where it has
//     none the nearest day expression before it in its paragraph, resolves
//     to the gold date (past tense unless the parse says future);
//   - dater: Dater.EventDate, given the head token of the gold trigger,
//     gives the gold date.
func TestGoldDates(t *testing.T) {
	var passage, dater share
	hows := map[How]*share{}
	for _, a := range readGold(t) {
		published, err := time.Parse(time.DateOnly, a.Published)
		if err != nil {
			t.Fatal(err)
		}
		doc := analyze(t, a.Text)
		d := NewDater(doc, published)
		for _, ev := range a.Events {
			if ev.Date == nil {
				continue
			}
			start := strings.Index(a.Text, ev.Evidence)
			passage.add(passageHit(doc, d.Exprs(), start, start+len(ev.Evidence), published, *ev.Date))

			s, trigger := triggerToken(doc, start+strings.Index(ev.Evidence, ev.Trigger), len(ev.Trigger))
			day, how := d.EventDate(s, trigger, s >= 0 && Future(&doc.Sentences[s], trigger))
			hit := how != NoDate && day.Format(time.DateOnly) == *ev.Date
			dater.add(hit)
			if hows[how] == nil {
				hows[how] = &share{}
			}
			hows[how].add(hit)
			if !hit {
				t.Logf("%s: gold %s, dater %s (how %d) for %q in %.90q", a.ID, *ev.Date, day.Format(time.DateOnly), how, ev.Trigger, ev.Evidence)
			}
		}
	}
	t.Logf("dated gold events: passage proxy %v, dater %v", passage, dater)
	for how := NoDate; how <= Published; how++ {
		if s := hows[how]; s != nil {
			t.Logf("  dater, how %d: %v", how, *s)
		}
	}
}

// passageHit says whether an expression in the evidence [start, end), or
// where it has none the nearest day expression before it in its paragraph
// (no line break between), resolves to the gold date.
func passageHit(doc *nlp.Doc, exprs []Expr, start, end int, published time.Time, gold string) bool {
	var cands []Expr
	for _, e := range exprs {
		if start <= e.Start && e.End <= end {
			cands = append(cands, e)
		}
	}
	if len(cands) == 0 {
		for i := len(exprs) - 1; i >= 0; i-- {
			if e := exprs[i]; e.End <= start && e.Kind != Period {
				if !strings.Contains(doc.Text[e.End:start], "\n") {
					cands = append(cands, e)
				}
				break
			}
		}
	}
	for _, e := range cands {
		day, ok := e.Date(published, Future(&doc.Sentences[e.Sentence], e.Governor))
		if ok && day.Format(time.DateOnly) == gold {
			return true
		}
	}
	return false
}

// triggerToken returns the sentence and the head token of the trigger at
// byte offset at: its token whose head lies outside the trigger; -1, -1 if
// there is none.
func triggerToken(doc *nlp.Doc, at, length int) (sentence, token int) {
	for s := range doc.Sentences {
		toks := doc.Sentences[s].Tokens
		for i, tok := range toks {
			if tok.End <= at || tok.Start >= at+length {
				continue
			}
			h := tok.Head
			if h < 0 || h >= len(toks) || toks[h].End <= at || toks[h].Start >= at+length {
				return s, i
			}
		}
	}
	return -1, -1
}
