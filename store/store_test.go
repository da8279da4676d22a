package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/record"
	"github.com/dyad-org/dyad/store/storetest"
)

// openers are the stores every test runs against: SQLite always, and
// PostgreSQL when DYAD_TEST_POSTGRES gives a server (.ci/run starts one).
func openers(t *testing.T) map[string]func(t *testing.T) *Store {
	m := map[string]func(t *testing.T) *Store{
		"sqlite": func(t *testing.T) *Store {
			return mustOpen(t, filepath.Join(t.TempDir(), "data", "dyad.db"))
		},
	}
	if url := os.Getenv("DYAD_TEST_POSTGRES"); url != "" {
		m["postgres"] = func(t *testing.T) *Store { return mustOpen(t, storetest.FreshPostgres(t, url)) }
	}
	return m
}

func mustOpen(t *testing.T, location string) *Store {
	t.Helper()
	s, err := Open(context.Background(), location)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// story is a long text of n numbered sentences, long enough to be compared
// for near-duplicates.
func story(topic string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Sentence %d of the report on %s says that officials met again in the capital. ", i, topic)
	}
	return b.String()
}

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func actor(code, country string) *record.Actor {
	return &record.Actor{Code: code, Country: country, Text: code}
}

func ev(id, date, src, srcCountry, tgt, tgtCountry, cameo string, quad int, g float64, sentence string) record.Event {
	return record.Event{ID: id, Date: date, Published: date, Source: actor(src, srcCountry), Target: actor(tgt, tgtCountry),
		CAMEO: cameo, Root: cameo[:2], QuadClass: quad, Goldstein: g,
		Evidence: record.Evidence{Sentence: sentence}}
}

func TestQueueAndQueries(t *testing.T) {
	for name, open := range openers(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := open(t)
			long := story("the talks", 30)
			arts := []article.Article{
				{ID: "a", Title: "Talks", Text: long, Published: day("2024-01-02"), Publisher: "Wire"},
				{ID: "b", Title: "Clash", Text: "Troops clashed at the border on Monday.", Published: day("2024-01-03")},
				{ID: "c", Title: "Appeal", Text: "The minister appealed for aid.", Published: day("2024-01-04")},
				{ID: "b-again", Text: "Troops   clashed at the border, on Monday!"}, // same words
				{ID: "a-copy", Text: long + " Reporting by a syndicating agency.", Publisher: "Other"},
			}
			got, err := s.Enqueue(ctx, arts)
			if err != nil {
				t.Fatal(err)
			}
			want := []Outcome{Added, Added, Added, Exists, Copied}
			for i, e := range got {
				if e.Outcome != want[i] {
					t.Errorf("article %s: %v, want %v", arts[i].ID, e.Outcome, want[i])
				}
			}
			if got[3].ID != got[1].ID || got[4].CopyOf != got[0].ID {
				t.Errorf("links: %+v", got)
			}
			again, err := s.Enqueue(ctx, arts)
			if err != nil {
				t.Fatal(err)
			}
			for i, e := range again {
				if e.Outcome != Exists {
					t.Errorf("second enqueue of %s: %v, want exists", arts[i].ID, e.Outcome)
				}
			}

			a, err := s.Claim(ctx, "A", 2, time.Hour)
			if err != nil || len(a) != 2 || a[0].Article.ID != "a" || !a[0].Article.Published.Equal(day("2024-01-02")) {
				t.Fatalf("claim A: %+v, %v", a, err)
			}
			b, err := s.Claim(ctx, "B", 5, time.Hour)
			if err != nil || len(b) != 1 || b[0].Article.ID != "c" {
				t.Fatalf("claim B: %+v, %v", b, err)
			}
			if none, _ := s.Claim(ctx, "C", 5, time.Hour); len(none) != 0 {
				t.Fatalf("claim C took leased articles: %+v", none)
			}
			// A cannot complete what B holds.
			if n, err := s.Complete(ctx, "A", []Coded{{ID: b[0].ID}}); err != nil || n != 0 {
				t.Fatalf("A completed B's article: %d, %v", n, err)
			}
			resA := coding.Result{Events: []record.Event{
				ev("a#e1", "2024-01-02", "IRNGOV", "IRN", "TURGOV", "TUR", "040", 1, 1, "Iran and Turkey held talks in Ankara."),
				ev("a#e2", "2024-01-02", "TURGOV", "TUR", "IRNGOV", "IRN", "0311", 1, 5.2, "Turkey offered economic cooperation."),
			}, Quotes: []record.Quote{{ID: "a#q1", Text: "We seek peace", Date: "2024-01-02", Speaker: actor("IRNGOV", "IRN")}}}
			resB := coding.Result{Events: []record.Event{
				ev("b#e1", "2024-01-01", "ISRMIL", "ISR", "PSEREB", "PSE", "190", 4, -10, "Troops clashed at the border on Monday."),
			}}
			n, err := s.Complete(ctx, "A", []Coded{{ID: a[0].ID, Result: resA}, {ID: a[1].ID, Result: resB}})
			if err != nil || n != 2 {
				t.Fatalf("complete A: %d, %v", n, err)
			}
			if n, err := s.Complete(ctx, "B", []Coded{{ID: b[0].ID, Err: errors.New("coder panicked")}}); err != nil || n != 1 {
				t.Fatalf("complete B: %d, %v", n, err)
			}
			c, err := s.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if want := (Counts{Done: 2, Failed: 1, Duplicates: 1, Events: 3, Quotes: 1}); c != want {
				t.Errorf("counts %+v, want %+v", c, want)
			}

			ids := func(docs []json.RawMessage) string {
				var out []string
				for _, d := range docs {
					var e struct{ ID string }
					json.Unmarshal(d, &e)
					out = append(out, e.ID)
				}
				return strings.Join(out, ",")
			}
			for _, tc := range []struct {
				f    Filter
				want string
			}{
				{Filter{}, "a#e2,a#e1,b#e1"},
				{Filter{Actor: "IRNGOV"}, "a#e2,a#e1"},
				{Filter{Source: "TURGOV"}, "a#e2"},
				{Filter{Country: "PSE"}, "b#e1"},
				{Filter{Code: "031"}, "a#e2"},
				{Filter{Root: "19"}, "b#e1"},
				{Filter{Quad: 1, From: "2024-01-02", To: "2024-01-02"}, "a#e2,a#e1"},
				{Filter{Text: "Ankara talks"}, "a#e1"},
				{Filter{Text: `"unbalanced OR`}, ""},
			} {
				docs, _, err := s.Events(ctx, tc.f, Page{Limit: 10})
				if err != nil || ids(docs) != tc.want {
					t.Errorf("events %+v: %s, %v; want %s", tc.f, ids(docs), err, tc.want)
				}
			}
			// Pages of one follow each other to the end.
			var seen []string
			cur := ""
			for range 4 {
				docs, next, err := s.Events(ctx, Filter{}, Page{Limit: 1, Cursor: cur})
				if err != nil {
					t.Fatal(err)
				}
				seen = append(seen, ids(docs))
				if cur = next; cur == "" {
					break
				}
			}
			if strings.Join(seen, ",") != "a#e2,a#e1,b#e1" {
				t.Errorf("pages: %v", seen)
			}
			if _, _, err := s.Events(ctx, Filter{}, Page{Limit: 1, Cursor: "!!"}); !errors.Is(err, ErrBadCursor) {
				t.Errorf("bad cursor: %v", err)
			}

			tl, err := s.Timeline(ctx, Filter{})
			if err != nil || len(tl) != 2 || tl[0] != (DayQuad{"2024-01-01", 4, 1, -10}) || tl[1].Count != 2 {
				t.Errorf("timeline %+v, %v", tl, err)
			}
			series, evs, err := s.Dyad(ctx, "IRNGOV", "TURGOV", Filter{}, 10)
			if err != nil || len(series) != 1 || series[0].AToB != 1 || series[0].BToA != 1 || len(evs) != 2 {
				t.Errorf("dyad %+v %d, %v", series, len(evs), err)
			}
			nodes, edges, err := s.Network(ctx, Filter{}, 1)
			if err != nil || len(nodes) != 4 || len(edges) != 3 {
				t.Errorf("network %+v %+v, %v", nodes, edges, err)
			}
			cs, err := s.Countries(ctx, Filter{})
			if err != nil || len(cs) != 4 || cs[0].Country != "IRN" || cs[0].Events != 2 {
				t.Errorf("countries %+v, %v", cs, err)
			}
			art, evs, qs, err := s.ArticleByID(ctx, "a")
			if err != nil || len(evs) != 2 || len(qs) != 1 || len(art.Duplicates) != 1 || art.Duplicates[0].ID != "a-copy" {
				t.Errorf("article a: %+v %d %d, %v", art, len(evs), len(qs), err)
			}
			cp, evs, _, err := s.ArticleByID(ctx, "a-copy")
			if err != nil || cp.CopyOf != "a" || cp.Text != long || len(evs) != 2 {
				t.Errorf("copy: %+v, %v", cp, err)
			}
			if _, _, _, err := s.ArticleByID(ctx, "nope"); !errors.Is(err, ErrNotFound) {
				t.Errorf("missing article: %v", err)
			}
			qdocs, _, err := s.Quotes(ctx, Filter{Speaker: "IRNGOV", Text: "peace"}, Page{Limit: 5})
			if err != nil || ids(qdocs) != "a#q1" {
				t.Errorf("quotes: %s, %v", ids(qdocs), err)
			}
			list, _, err := s.Articles(ctx, Filter{Text: "clashed"}, Page{Limit: 5})
			if err != nil || len(list) != 1 || list[0].ID != "b" || !strings.Contains(list[0].Snippet, "clashed") {
				t.Errorf("articles: %+v, %v", list, err)
			}
			st, err := s.Stats(ctx)
			if err != nil || st != (Stats{2, 3, 1, "2024-01-01", "2024-01-02"}) {
				t.Errorf("stats %+v, %v", st, err)
			}
		})
	}
}

func TestExpiredLeaseIsClaimedAgain(t *testing.T) {
	for name, open := range openers(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := open(t)
			if _, err := s.Enqueue(ctx, []article.Article{{ID: "x", Text: "Police arrested protesters."}}); err != nil {
				t.Fatal(err)
			}
			dead, err := s.Claim(ctx, "dead", 1, time.Millisecond)
			if err != nil || len(dead) != 1 {
				t.Fatal(dead, err)
			}
			time.Sleep(5 * time.Millisecond)
			live, err := s.Claim(ctx, "live", 1, time.Hour)
			if err != nil || len(live) != 1 || live[0].ID != dead[0].ID {
				t.Fatalf("expired lease not reclaimed: %+v, %v", live, err)
			}
			// The dead worker coming back cannot store it a second time.
			if n, _ := s.Complete(ctx, "dead", []Coded{{ID: dead[0].ID}}); n != 0 {
				t.Error("a worker stored an article after losing its lease")
			}
			if err := s.Renew(ctx, "live", []int64{live[0].ID}, time.Hour); err != nil {
				t.Fatal(err)
			}
			if n, _ := s.Complete(ctx, "live", []Coded{{ID: live[0].ID}}); n != 1 {
				t.Error("the lease holder could not complete")
			}
		})
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dyad.db")
	s := mustOpen(t, path)
	if _, err := s.Enqueue(context.Background(), []article.Article{{ID: "x", Text: "A text."}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpen(t, "sqlite:"+path)
	var versions int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil || versions != len(migrations) {
		t.Errorf("migrations recorded: %d, %v", versions, err)
	}
	if c, _ := s.Counts(context.Background()); c.Pending != 1 {
		t.Errorf("reopened store lost its article: %+v", c)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(context.Background(), ""); err == nil {
		t.Error("empty location opened")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := Open(context.Background(), filepath.Join(file, "dyad.db")); err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("store under a file: %v", err)
	}
	if got := redact("postgres://dyad:secret@localhost/db"); strings.Contains(got, "secret") {
		t.Errorf("redact: %s", got)
	}
}

func TestNearDuplicates(t *testing.T) {
	a := fingerprintOf(story("the border", 30))
	b := fingerprintOf("Breaking: " + story("the border", 30) + " Copyright the agency.")
	c := fingerprintOf(story("a different matter entirely with new words", 30))
	if !near(a.simhash, b.simhash) {
		t.Errorf("copies %d bits apart", bitsApart(a, b))
	}
	if near(a.simhash, c.simhash) {
		t.Errorf("different stories only %d bits apart", bitsApart(a, c))
	}
	if short := fingerprintOf("Troops clashed."); short.simhash != 0 {
		t.Error("a short text was given a SimHash")
	}
}

func bitsApart(a, b fingerprint) int {
	n := 0
	for x := a.simhash ^ b.simhash; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// TestOldStoreIsMigrated fills a store made by the first migration alone,
// then opens it with all of them: its events are kept and found by words
// through the index the later migrations rebuilt.
func TestOldStoreIsMigrated(t *testing.T) {
	locations := map[string]string{"sqlite": filepath.Join(t.TempDir(), "old.db")}
	if url := os.Getenv("DYAD_TEST_POSTGRES"); url != "" {
		locations["postgres"] = storetest.FreshPostgres(t, url)
	}
	for name, location := range locations {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			all := migrations
			migrations = all[:1]
			old, err := Open(ctx, location)
			migrations = all
			if err != nil {
				t.Fatal(err)
			}
			if _, err := old.Enqueue(ctx, []article.Article{{ID: "a", Text: "Iran and Turkey held talks in Ankara."}}); err != nil {
				t.Fatal(err)
			}
			claimed, err := old.Claim(ctx, "w", 1, time.Hour)
			if err != nil || len(claimed) != 1 {
				t.Fatalf("claim: %v, %v", claimed, err)
			}
			res := coding.Result{Events: []record.Event{
				ev("a#e1", "2024-01-02", "IRNGOV", "IRN", "TURGOV", "TUR", "040", 1, 1, "Iran and Turkey held talks in Ankara."),
				ev("a#e2", "2024-03-05", "TURGOV", "TUR", "IRNGOV", "IRN", "042", 1, 1.9, "The Turkish minister visited Tehran."),
			}}
			if _, err := old.Complete(ctx, "w", []Coded{{ID: claimed[0].ID, Result: res}}); err != nil {
				t.Fatal(err)
			}
			old.Close()

			s := mustOpen(t, location)
			var versions int
			if err := s.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil || versions != len(migrations) {
				t.Errorf("migrations recorded: %d, %v", versions, err)
			}
			for words, want := range map[string]string{"talks Ankara": "a#e1", "visited": "a#e2"} {
				docs, _, err := s.Events(ctx, Filter{Text: words}, Page{Limit: 10})
				if err != nil || len(docs) != 1 || !strings.Contains(string(docs[0]), `"id":"`+want+`"`) {
					t.Errorf("events with %q: %d, %v; want %s", words, len(docs), err, want)
				}
			}
		})
	}
}
