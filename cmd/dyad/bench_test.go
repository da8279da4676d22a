package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/record"
)

// TestNewsCorpus checks that the generated corpus is the same for a seed,
// reaches its size and reads back as articles.
func TestNewsCorpus(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	st, err := writeCorpus(a, 100<<10, 7)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writeCorpus(b, 100<<10, 7); err != nil {
		t.Fatal(err)
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if string(da) != string(db) {
		t.Error("two corpora of one seed differ")
	}
	if st.textBytes < 100<<10 || st.articles < 10 || st.sentences < 10*st.articles {
		t.Errorf("corpus %+v", st)
	}
	n := 0
	err = article.Read(context.Background(), []string{a}, article.Options{}, func(x article.Article) error {
		if n++; x.Title == "" || x.Dateline == "" || x.Published.IsZero() {
			t.Errorf("article %s: title %q, dateline %q, published %v", x.ID, x.Title, x.Dateline, x.Published)
		}
		return nil
	}, nil)
	if err != nil || n != st.articles {
		t.Errorf("read %d of %d articles: %v", n, st.articles, err)
	}
}

// BenchmarkCode measures dyad code end to end (read, parse, code, write) on
// a generated corpus of 1 MiB with one worker per core; dyad bench does the
// same on larger corpora.
func BenchmarkCode(b *testing.B) {
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	st, err := writeCorpus(corpus, 1<<20, 1)
	if err != nil {
		b.Fatal(err)
	}
	c, err := coding.Default()
	if err != nil {
		b.Fatal(err)
	}
	out, err := os.Create(filepath.Join(dir, "events.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	w, _ := record.NewWriter(out, "jsonl")
	b.SetBytes(st.textBytes)
	for b.Loop() {
		bt := &batch{coder: c, workers: runtime.GOMAXPROCS(0), events: w, stderr: os.Stderr}
		if err := bt.run(context.Background(), []string{corpus}, article.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// TestBenchRepeatsAndRatio runs dyad bench's code and ingest jobs twice on
// a small corpus, each round in a fresh store (a second round into the
// first's store would find every article there already and code nothing),
// and checks the table and the ratio line.
func TestBenchRepeatsAndRatio(t *testing.T) {
	var out strings.Builder
	plan := benchPlan{size: 20 << 10, seed: 3, workers: []int{1}, ingest: true, repeat: 2,
		profile: filepath.Join(t.TempDir(), "p")}
	if err := runBench(context.Background(), defaultCoder, plan, &out); err != nil {
		t.Fatal(err)
	}
	var codes, ingests []string
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(line)
		if len(f) < 12 {
			continue
		}
		switch f[0] {
		case "code":
			codes = append(codes, f[8]) // events
		case "ingest":
			ingests = append(ingests, f[8])
		}
	}
	if len(codes) != 2 || len(ingests) != 2 || codes[0] == "0" || ingests[1] != codes[0] || ingests[0] != codes[0] {
		t.Errorf("events per run: code %v, ingest %v; want two runs of each, the same nonzero count\n%s", codes, ingests, out.String())
	}
	if !strings.Contains(out.String(), "ingest/code per CPU second, 1 worker(s): median") {
		t.Errorf("no ratio line:\n%s", out.String())
	}
	profiles, _ := filepath.Glob(filepath.Join(filepath.Dir(plan.profile), "p-*.pprof"))
	if len(profiles) != 4 {
		t.Errorf("%d profiles, want one per run (4): %v", len(profiles), profiles)
	}
}
