package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/ingest"
	"github.com/dyad-org/dyad/store"
	"github.com/dyad-org/dyad/store/storetest"
)

// TestMain lets a test run this binary as dyad itself, so that a test can
// kill a real ingest process: with DYAD_TEST_AS_DYAD set, the arguments are
// dyad's and the coder is loggingCoder.
func TestMain(m *testing.M) {
	if os.Getenv("DYAD_TEST_AS_DYAD") != "" {
		defaultCoder = func() (coder, error) { return loggingCoder{}, nil }
		os.Args = append([]string{"dyad"}, os.Args[1:]...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// loggingCoder is fakeCoder that appends each article's ID to the file
// DYAD_TEST_CODED_LOG names, after sleeping DYAD_TEST_CODE_DELAY, so that a
// test can see which process coded what.
type loggingCoder struct{}

func (loggingCoder) Code(a article.Article) coding.Result {
	if d, err := time.ParseDuration(os.Getenv("DYAD_TEST_CODE_DELAY")); err == nil {
		time.Sleep(d)
	}
	if path := os.Getenv("DYAD_TEST_CODED_LOG"); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			f.WriteString(a.ID + "\n") // one write: appends of whole lines do not interleave
			f.Close()
		}
	}
	return fakeCoder{}.Code(a)
}

func ingestCfg(location string, paths ...string) ingestConfig {
	return ingestConfig{store: location, paths: paths, workers: 2, lease: time.Minute}
}

func storeCounts(t *testing.T, location string) store.Counts {
	t.Helper()
	st, err := store.Open(context.Background(), location)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestIngestTwiceStoresNothingNew(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":       "Iran's president met Turkey's president in Ankara.",
		"b/c.txt":     "Police arrested protesters in Cairo.",
		"feed.jsonl":  jsonlCorpus(3, func(i int) string { return fmt.Sprintf("Story %d about talks.", i) }),
		"again.jsonl": jsonlCorpus(1, func(int) string { return "Police  arrested protesters in Cairo!" }), // b/c.txt's words
		"bad.jsonl":   "{not json\n",
	})
	db := filepath.Join(t.TempDir(), "dyad.db")
	var stderr bytes.Buffer
	err := runIngest(context.Background(), coderOf(fakeCoder{}), ingestCfg(db, dir), &stderr)
	if err == nil || !strings.Contains(stderr.String(), "bad.jsonl:1") {
		t.Errorf("bad line not reported: %v\n%s", err, &stderr)
	}
	first := storeCounts(t, db)
	if first.Done != 5 || first.Events != 5 || first.Pending+first.Coding != 0 {
		t.Errorf("first run: %+v", first)
	}
	stderr.Reset()
	runIngest(context.Background(), coderOf(fakeCoder{}), ingestCfg(db, dir), &stderr)
	if again := storeCounts(t, db); again != first {
		t.Errorf("second run changed the store: %+v, was %+v", again, first)
	}
	if !strings.Contains(stderr.String(), "0 new, 6 already stored") {
		t.Errorf("second run's summary: %s", &stderr)
	}
}

// TestIngestRealCoder ingests the examples with the embedded models: the
// store holds what dyad code writes for them.
func TestIngestRealCoder(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	db := filepath.Join(t.TempDir(), "dyad.db")
	cfg := ingestCfg(db, "../../examples")
	cfg.read.Published = time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	var stderr bytes.Buffer
	if err := runIngest(context.Background(), func() (coder, error) { return coding.Default() }, cfg, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, &stderr)
	}
	var out, errs bytes.Buffer
	code := codeConfig{paths: []string{"../../examples"}, read: cfg.read, format: "jsonl", workers: 2, quotes: ""}
	if err := runCode(context.Background(), func() (coder, error) { return coding.Default() }, code, &out, &errs); err != nil {
		t.Fatal(err)
	}
	events := len(readEvents(t, out.Bytes()))
	if c := storeCounts(t, db); c.Done != 2 || c.Events != events || events == 0 {
		t.Errorf("stored %+v; dyad code wrote %d events", c, events)
	}
}

// corpusFile writes n short distinct articles as JSON Lines.
func corpusFile(t *testing.T, n int) string {
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(jsonlCorpus(n, func(i int) string {
		return fmt.Sprintf("Report number %d: officials met in the capital.", i)
	})), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// startIngest starts this binary as dyad ingest. The lease is short, so
// that a killed worker's articles are claimed again soon, but long enough
// that its renewals (every third of it) are not late under the race
// detector on a busy machine: a lease that ends while its holder still
// works lets another worker code the batch too.
func startIngest(t *testing.T, log, delay string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"ingest", "--lease", "5s", "--workers", "2"}, args...)...)
	cmd.Env = append(os.Environ(), "DYAD_TEST_AS_DYAD=1", "DYAD_TEST_CODED_LOG="+log, "DYAD_TEST_CODE_DELAY="+delay)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		if t.Failed() {
			t.Logf("%s: %s", cmd.Args, &stderr)
		}
	})
	return cmd
}

// waitDone waits until the store has coded at least n articles.
func waitDone(t *testing.T, location string, n int) {
	t.Helper()
	st, err := store.Open(context.Background(), location)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if c, err := st.Counts(context.Background()); err == nil && c.Done >= n {
			return
		}
	}
	t.Fatalf("store never reached %d coded articles", n)
}

func kill9(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
}

// TestIngestKilledAndRestarted kills an ingest with kill -9 halfway and
// starts it again: the store ends as a clean run leaves it.
func TestIngestKilledAndRestarted(t *testing.T) {
	corpus := corpusFile(t, 400)
	clean := filepath.Join(t.TempDir(), "clean.db")
	if err := runIngest(context.Background(), coderOf(fakeCoder{}), ingestCfg(clean, corpus), &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	want := storeCounts(t, clean)

	killed := filepath.Join(t.TempDir(), "killed.db")
	log := filepath.Join(t.TempDir(), "coded.log")
	first := startIngest(t, log, "2ms", "--store", killed, corpus)
	waitDone(t, killed, 100)
	kill9(t, first)
	if c := storeCounts(t, killed); c.Done >= 400 {
		t.Fatalf("the kill came too late to test anything: %+v", c)
	}
	again := startIngest(t, log, "0s", "--store", killed, corpus)
	if err := again.Wait(); err != nil {
		t.Fatalf("restart: %v", err)
	}
	if got := storeCounts(t, killed); got != want {
		t.Errorf("after kill and restart: %+v; clean run: %+v", got, want)
	}
}

// TestIngestTwoWorkersPostgres runs two ingest workers on one PostgreSQL
// store over 10,000 articles and kills one of them midway: every article
// is stored once, and only the killed worker's articles in flight are
// coded twice.
func TestIngestTwoWorkersPostgres(t *testing.T) {
	server := os.Getenv("DYAD_TEST_POSTGRES")
	if server == "" {
		t.Skip("DYAD_TEST_POSTGRES not set")
	}
	const n = 10000
	location := storetest.FreshPostgres(t, server)
	corpus := corpusFile(t, n)
	logs := t.TempDir()
	a := startIngest(t, filepath.Join(logs, "a"), "1ms", "--store", location, corpus)
	waitDone(t, location, 1) // a has stored the corpus: b finds it queued
	b := startIngest(t, filepath.Join(logs, "b"), "1ms", "--store", location, corpus)
	waitDone(t, location, n/3)
	kill9(t, a)
	if err := b.Wait(); err != nil {
		t.Fatalf("worker b: %v", err)
	}
	c := storeCounts(t, location)
	if want := (store.Counts{Done: n, Events: n, Quotes: n}); c != want {
		t.Errorf("counts %+v, want %+v", c, want)
	}
	db, err := sql.Open("pgx", location)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var workers, unevenArticles int
	db.QueryRow(`SELECT COUNT(DISTINCT worker) FROM articles`).Scan(&workers)
	db.QueryRow(`SELECT COUNT(*) FROM (SELECT article FROM events GROUP BY article HAVING COUNT(*) <> 1) x`).Scan(&unevenArticles)
	if workers != 2 || unevenArticles != 0 {
		t.Errorf("%d workers stored articles (want 2); %d articles with other than one event", workers, unevenArticles)
	}
	coded := map[string]int{}
	for _, name := range []string{"a", "b"} {
		data, _ := os.ReadFile(filepath.Join(logs, name))
		for _, id := range strings.Fields(string(data)) {
			coded[id]++
		}
	}
	twice := 0
	for _, k := range coded {
		if k > 1 {
			twice++
		}
	}
	// A worker holds two batches at most (ingest.Worker.Drain), of the size
	// for dyad ingest's default number of coding goroutines.
	if len(coded) != n || twice > 2*ingest.BatchSize(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d articles coded, %d of them twice", len(coded), twice)
	}
	t.Logf("two workers, one killed at a third: %d articles stored once each; %d coded again after the kill", n, twice)
}
