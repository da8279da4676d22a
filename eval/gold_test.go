package eval

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// goldLine is goldArticle as a gold file line, with an extra key that
// ReadGold must ignore.
func goldLine(t *testing.T, edit func(a map[string]any)) string {
	t.Helper()
	b, err := json.Marshal(goldArticle())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	m["url"] = "https://example.org/t-1"
	if edit != nil {
		edit(m)
	}
	b, err = json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func event(m map[string]any, i int) map[string]any {
	return m["events"].([]any)[i].(map[string]any)
}

func TestReadGold(t *testing.T) {
	second := goldLine(t, func(m map[string]any) { m["id"] = "t-2" })
	in := goldLine(t, nil) + "\n\n" + second // a blank line, no final newline
	arts, err := ReadGold(strings.NewReader(in), "x.gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[1].ID != "t-2" {
		t.Fatalf("read %d articles", len(arts))
	}
	if want := goldArticle(); !reflect.DeepEqual(arts[0], want) {
		t.Errorf("read\n%+v\nwant\n%+v", arts[0], want)
	}
}

func TestReadGoldErrors(t *testing.T) {
	for _, tc := range []struct {
		edit func(a map[string]any)
		want string
	}{
		{func(a map[string]any) { event(a, 1)["cameo"] = "9x" }, `event 2: cameo "9x" is not 2–4 digits`},
		{func(a map[string]any) { event(a, 0)["cameo"] = "12345" }, `event 1: cameo "12345" is not 2–4 digits`},
		{func(a map[string]any) { event(a, 0)["cameo"] = "25" }, `event 1: cameo "25" has no CAMEO root (01–20)`},
		{func(a map[string]any) { event(a, 0)["evidence"] = "France condemned the shelling." },
			`event 1: evidence "France condemned the shelling." is not an exact substring of text`},
		{func(a map[string]any) { event(a, 0)["trigger"] = "denounced" }, `event 1: trigger "denounced" is not a substring of evidence`},
		{func(a map[string]any) { event(a, 0)["trigger"] = "" }, `event 1: trigger is empty`},
		{func(a map[string]any) { event(a, 2)["date"] = "2024-3-4" }, `event 3: date "2024-3-4" is neither null nor YYYY-MM-DD`},
		{func(a map[string]any) { event(a, 2)["date"] = "2024-02-30" }, `event 3: date "2024-02-30" is neither null nor YYYY-MM-DD`},
		{func(a map[string]any) { delete(event(a, 2), "target") }, `event 3: missing key "target"`},
		{func(a map[string]any) { event(a, 0)["source"] = map[string]any{"text": "France", "code": "fra"} },
			`event 1: source: code "fra" is not groups of three capital letters`},
		{func(a map[string]any) { event(a, 0)["cameo"] = 111 }, `invalid article: json: cannot unmarshal number`},
		{func(a map[string]any) { a["published"] = "06/03/2024" }, `published "06/03/2024" is not YYYY-MM-DD`},
		{func(a map[string]any) { delete(a, "quotes") }, `missing key "quotes"`},
		{func(a map[string]any) { a["id"] = "" }, `id is empty`},
		{func(a map[string]any) {
			a["quotes"] = []any{map[string]any{"text": "We will stay silent", "speaker": nil}}
		}, `quote 1: text "We will stay silent" is not an exact substring of the article text`},
	} {
		in := goldLine(t, nil) + "\n" + goldLine(t, func(a map[string]any) { a["id"] = "t-2"; tc.edit(a) }) + "\n"
		_, err := ReadGold(strings.NewReader(in), "x.gold.jsonl")
		if want := "x.gold.jsonl:2: " + tc.want; err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error %v, want %s", err, want)
		}
	}

	_, err := ReadGold(strings.NewReader(goldLine(t, nil)+"\n{\n"), "y.jsonl")
	if err == nil || !strings.HasPrefix(err.Error(), "y.jsonl:2: invalid JSON") {
		t.Errorf("error %v, want y.jsonl:2: invalid JSON", err)
	}
	_, err = ReadGold(strings.NewReader(goldLine(t, nil)+"\n"+goldLine(t, nil)), "z.jsonl")
	if err == nil || err.Error() != `z.jsonl:2: id "t-1" is already used on line 1` {
		t.Errorf("error %v", err)
	}
}

func TestWritePredictions(t *testing.T) {
	p := goldArticle()
	p.Text = "not written"
	var buf bytes.Buffer
	if err := WritePredictions(&buf, []Article{p, {ID: "empty"}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), buf.String())
	}
	if lines[1] != `{"id":"empty","events":[],"quotes":[]}` {
		t.Errorf("empty prediction written as %s", lines[1])
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatal(err)
	}
	if got := sortedKeys(m); !reflect.DeepEqual(got, []string{"events", "id", "quotes"}) {
		t.Errorf("keys %v", got)
	}
	var events []map[string]any
	if err := json.Unmarshal(m["events"], &events); err != nil {
		t.Fatal(err)
	}
	if got := sortedKeys(events[2]); !reflect.DeepEqual(got, sorted(eventKeys)) {
		t.Errorf("event keys %v, want %v", got, eventKeys)
	}
	if events[2]["target"] != nil || events[2]["date"] != nil {
		t.Errorf("null target and date not written as null: %v", events[2])
	}
	if !strings.Contains(lines[0], `"`+q1+`"`) {
		t.Errorf("quote text not written as is: %s", lines[0])
	}

	// Read back, the predictions score perfectly against the gold.
	var back []Article
	for _, l := range lines {
		var a Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		back = append(back, a)
	}
	checkPerfect(t, Score([]Article{goldArticle()}, back))
}

// TestRealGold reads the project's gold files in place and checks that gold
// scored against itself is perfect, file by file and pooled, with no errors
// at any level.
func TestRealGold(t *testing.T) {
	files, _ := filepath.Glob("../../shared/eval/*.gold.jsonl")
	if len(files) == 0 {
		t.Skip("no gold files in ../../shared/eval")
	}
	var all []Article
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := ReadGold(r, filepath.Base(f))
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := Score(gold, gold)
		t.Logf("%s: %d articles, %d events, %d quotes", filepath.Base(f), s.Articles, s.GoldEvents, s.Quotes.TP)
		if s.GoldEvents == 0 {
			t.Errorf("%s: no events", f)
		}
		checkPerfect(t, s)
		// Listing events and quotes in reverse order must not change
		// anything: several events share a sentence and a root, and the
		// matching must still pair equal codes and dates.
		reversed := make([]Article, len(gold))
		for i, a := range gold {
			a.Events, a.Quotes = slices.Clone(a.Events), slices.Clone(a.Quotes)
			slices.Reverse(a.Events)
			slices.Reverse(a.Quotes)
			reversed[i] = a
		}
		checkPerfect(t, Score(gold, reversed))
		for _, l := range levels {
			if misses, err := Errors(gold, gold, l.name); err != nil || len(misses) != 0 {
				t.Errorf("%s: %s: %d errors (%v)", f, l.name, len(misses), err)
			}
		}
		all = append(all, gold...)
	}
	s := Score(all, all)
	checkPerfect(t, s)
	if s.Articles != len(all) {
		t.Errorf("pooled %d articles, want %d", s.Articles, len(all))
	}
}
