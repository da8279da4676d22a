package synth_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/store"
	"github.com/dyad-org/dyad/store/storetest"
	"github.com/dyad-org/dyad/store/synth"
)

type listed struct {
	ID       string
	Date     string
	Quad     int `json:"quad_class"`
	Source   struct{ Code, Country string }
	Target   struct{ Code, Country string }
	Evidence struct{ Sentence string }
}

// TestFilteredListingsPageLikeAFullScan pages through filtered listings of a
// synthetic store, a few events a page, and checks each against the same
// filter applied by hand to the whole listing: nothing missed, nothing
// twice, newest first.
func TestFilteredListingsPageLikeAFullScan(t *testing.T) {
	locations := map[string]string{"sqlite": filepath.Join(t.TempDir(), "dyad.db")}
	if url := os.Getenv("DYAD_TEST_POSTGRES"); url != "" {
		locations["postgres"] = storetest.FreshPostgres(t, url)
	}
	for name, location := range locations {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, location)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := synth.Fill(ctx, st, 150, 4, 3); err != nil {
				t.Fatal(err)
			}
			all := page(t, st, store.Filter{}, 500)
			if len(all) < 500 {
				t.Fatalf("only %d events stored", len(all))
			}
			filters := []struct {
				f    store.Filter
				keep func(e listed) bool
			}{
				{store.Filter{Actor: "IRNGOV"}, func(e listed) bool { return e.Source.Code == "IRNGOV" || e.Target.Code == "IRNGOV" }},
				{store.Filter{Country: "ISR"}, func(e listed) bool { return e.Source.Country == "ISR" || e.Target.Country == "ISR" }},
				{store.Filter{Actor: "USAGOV", Quad: 4}, func(e listed) bool {
					return e.Quad == 4 && (e.Source.Code == "USAGOV" || e.Target.Code == "USAGOV")
				}},
				{store.Filter{Actor: "TURGOV", Country: "EGY", From: "2024-03-01", To: "2024-09-30"}, func(e listed) bool {
					return e.Date >= "2024-03-01" && e.Date <= "2024-09-30" &&
						(e.Source.Code == "TURGOV" || e.Target.Code == "TURGOV") &&
						(e.Source.Country == "EGY" || e.Target.Country == "EGY")
				}},
				{store.Filter{Source: "QATGOV"}, func(e listed) bool { return e.Source.Code == "QATGOV" }},
				{store.Filter{Text: "criticised"}, func(e listed) bool { return strings.Contains(e.Evidence.Sentence, " criticised ") }},
				{store.Filter{Text: "sanctions", Actor: "IRNGOV", From: "2024-02-10", To: "2024-11-20"}, func(e listed) bool {
					return strings.Contains(e.Evidence.Sentence, " sanctions ") && e.Date >= "2024-02-10" && e.Date <= "2024-11-20" &&
						(e.Source.Code == "IRNGOV" || e.Target.Code == "IRNGOV")
				}},
			}
			for _, c := range filters {
				var want []string
				for _, e := range all {
					if c.keep(e) {
						want = append(want, e.ID)
					}
				}
				var got []string
				for _, e := range page(t, st, c.f, 7) {
					got = append(got, e.ID)
				}
				if len(want) == 0 || !slices.Equal(got, want) {
					t.Errorf("%+v: %d events paged, %d by hand\n got %v\nwant %v", c.f, len(got), len(want), got, want)
				}
			}
		})
	}
}

// page lists every event f selects, limit a page.
func page(t *testing.T, st *store.Store, f store.Filter, limit int) []listed {
	t.Helper()
	var out []listed
	p := store.Page{Limit: limit}
	for {
		docs, next, err := st.Events(context.Background(), f, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			var e listed
			if err := json.Unmarshal(d, &e); err != nil {
				t.Fatal(err)
			}
			out = append(out, e)
		}
		if next == "" {
			return out
		}
		p.Cursor = next
	}
}

// BenchmarkFill measures what storing costs per article apart from coding:
// enqueueing, claiming and completing articles of ten events and a quote
// each, as dyad ingest stores them, into a new SQLite store.
func BenchmarkFill(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "dyad.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ResetTimer()
	if err := synth.Fill(ctx, st, b.N, 10, 1); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
