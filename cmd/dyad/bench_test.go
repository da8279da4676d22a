package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
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
