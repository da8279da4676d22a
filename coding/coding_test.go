package coding

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-org/dyad/article"
)

func coder(t testing.TB) *Coder {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestExamples codes the example articles of the README's first command and
// checks that each record points at its evidence.
func TestExamples(t *testing.T) {
	c := coder(t)
	files, _ := filepath.Glob("../examples/*.txt")
	if len(files) == 0 {
		t.Fatal("no example articles")
	}
	events := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		res := c.Code(article.Article{ID: f, Text: text, Published: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)})
		for _, e := range res.Events {
			ev := e.Evidence
			if text[ev.SentenceSpan.Start:ev.SentenceSpan.End] != ev.Sentence ||
				text[ev.TriggerSpan.Start:ev.TriggerSpan.End] != ev.Trigger {
				t.Errorf("%s: event %s does not point at its evidence", f, e.ID)
			}
			if e.Source == nil && e.Target == nil || e.Root != e.CAMEO[:2] || e.QuadClass < 1 {
				t.Errorf("%s: event %s is incomplete: %+v", f, e.ID, e)
			}
		}
		for _, q := range res.Quotes {
			if text[q.Span.Start:q.Span.End] != q.Text {
				t.Errorf("%s: quote %s does not point at its text", f, q.ID)
			}
		}
		events += len(res.Events)
	}
	if events < 5 {
		t.Errorf("%d events in the examples, want several", events)
	}
}

// FuzzCode holds the coder to never panicking, whatever the text.
func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"TEHRAN – Iran's foreign minister condemned the attack on Monday.",
		"“We will respond,” he said. They said that it attacked them.",
		"Reporters were told that rebels attacked.",
		"", "\xff\xfe", strings.Repeat("Israel and Iran and ", 50),
	} {
		f.Add(s)
	}
	c := coder(f)
	f.Fuzz(func(t *testing.T, text string) {
		c.Code(article.Article{Text: text, Published: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)})
		c.Code(article.Article{Text: text}) // no publication date
	})
}

// TestSubheadlineQuote: a quote standing alone as a subheadline is the
// words of the story's speaker, named only with a later quote.
func TestSubheadlineQuote(t *testing.T) {
	text := "Minister says talks must resume\n\n“No talks for the sake of talks”\n\n" +
		"The Egyptian foreign minister spoke in Cairo. “We want results,” he said."
	res := coder(t).Code(article.Article{Text: text, Published: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)})
	if len(res.Quotes) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(res.Quotes), res.Quotes)
	}
	for _, q := range res.Quotes {
		if q.Speaker == nil || q.Speaker.Code != "EGYGOV" {
			t.Errorf("quote %q: speaker %+v, want EGYGOV", q.Text, q.Speaker)
		}
	}
}

// TestDatelineNotParsed: the agency of a byline is no actor of the first
// sentence, and the evidence still points into the article's own text.
func TestDatelineNotParsed(t *testing.T) {
	text := "Reuters - The Iraqi army shelled the town of Tal Afar on Sunday, local officials said."
	arts, err := article.ReadOne(strings.NewReader(text), "wire.txt", article.Auto, article.Options{Published: time.Date(2004, 9, 12, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(arts) != 1 {
		t.Fatalf("ReadOne: %v, %d articles", err, len(arts))
	}
	a := arts[0]
	if a.Text[a.DatelineStart:a.DatelineEnd] != "Reuters - " {
		t.Fatalf("dateline %q", a.Text[a.DatelineStart:a.DatelineEnd])
	}
	res := coder(t).Code(a)
	if len(res.Events) != 1 {
		t.Fatalf("got %d events, want 1: %+v", len(res.Events), res.Events)
	}
	e := res.Events[0]
	if e.Source == nil || e.Source.Code != "IRQMIL" || e.Target == nil || e.Target.Code != "IRQ" {
		t.Errorf("event %s %+v -> %+v, want IRQMIL -> IRQ", e.CAMEO, e.Source, e.Target)
	}
	if sp := e.Evidence.SentenceSpan; text[sp.Start:sp.End] != e.Evidence.Sentence || strings.Contains(e.Evidence.Sentence, "Reuters") {
		t.Errorf("evidence %q at %v", e.Evidence.Sentence, sp)
	}
}

// TestTitleCountry: with no country in the text, a bare role takes the one
// the title names.
func TestTitleCountry(t *testing.T) {
	a := article.Article{Title: "Unrest spreads in Haiti", Text: "Armed gangs attacked an aid convoy on Monday.",
		Published: time.Date(2004, 9, 20, 0, 0, 0, 0, time.UTC)}
	res := coder(t).Code(a)
	if len(res.Events) != 1 || res.Events[0].Source == nil || res.Events[0].Source.Code != "HTICRM" {
		t.Errorf("events %+v, want one by HTICRM", res.Events)
	}
}
