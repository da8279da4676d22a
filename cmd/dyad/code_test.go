package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/record"
)

// fakeCoder codes every article into one event and one quote that name it,
// so a test can see which articles were coded and in what order. It panics
// on an article whose text contains "PANIC", and sleeps before coding one
// whose text contains "SLOW", to shuffle the order the workers finish in.
type fakeCoder struct{}

func (fakeCoder) Code(a article.Article) coding.Result {
	if strings.Contains(a.Text, "PANIC") {
		var m map[string]int
		m["boom"]++ // a nil map write: a real runtime panic
	}
	if strings.Contains(a.Text, "SLOW") {
		time.Sleep(20 * time.Millisecond)
	}
	return coding.Result{
		Events: []record.Event{{ID: a.ID + "#1", ArticleID: a.ID, CAMEO: "042", Root: "04",
			Published: a.Published.Format(time.DateOnly), Publisher: a.Publisher,
			Evidence: record.Evidence{Sentence: a.Text}}},
		Quotes: []record.Quote{{ID: a.ID + "#q1", ArticleID: a.ID, Text: a.Text}},
	}
}

func coderOf(c coder) func() (coder, error) { return func() (coder, error) { return c, nil } }

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readEvents(t *testing.T, data []byte) []record.Event {
	t.Helper()
	var events []record.Event
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() {
		var e record.Event
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("%v in\n%s", err, data)
		}
		events = append(events, e)
	}
	return events
}

func articleIDs(events []record.Event) []string {
	var ids []string
	for _, e := range events {
		ids = append(ids, e.ArticleID)
	}
	return ids
}

// TestCodeBadInputs runs a batch over good and bad inputs: the good ones are
// coded and written in input order, each bad one is reported on its own
// line naming its file (and line), and the run fails at the end.
func TestCodeBadInputs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.jsonl":     `{"id":"j1","text":"Kenya thanked Uganda."}` + "\n" + `{"id": "j2", "text": }` + "\n" + `{"id":"j3","text":"Uganda thanked Kenya."}` + "\n",
		"b.bin":       "\x7fELF\x00\x00\x01binary",
		"c/empty.txt": "",
		"c/good.txt":  "Kenya and Uganda hold talks\n\nThe ministers met in Nairobi.\n",
	})
	var stdout, stderr bytes.Buffer
	quotes := filepath.Join(t.TempDir(), "quotes.jsonl")
	cfg := codeConfig{paths: []string{dir}, workers: 2, quotes: quotes,
		read: article.Options{Publisher: "Test Wire", Published: time.Date(2024, 5, 10, 0, 0, 0, 0, time.UTC)}}
	err := runCode(context.Background(), coderOf(fakeCoder{}), cfg, &stdout, &stderr)
	if err == nil || err.Error() != "3 inputs of 6 failed" {
		t.Errorf("error %v, want 3 inputs of 6 failed", err)
	}

	good := filepath.Join(dir, "c", "good.txt")
	events := readEvents(t, stdout.Bytes())
	if got, want := articleIDs(events), []string{"j1", "j3", filepath.ToSlash(good)}; !equal(got, want) {
		t.Errorf("coded %v, want %v", got, want)
	}
	if events[0].Publisher != "Test Wire" || events[0].Published != "2024-05-10" {
		t.Errorf("--publisher and --published not used: %+v", events[0])
	}

	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	want := []string{
		"dyad code: " + filepath.Join(dir, "a.jsonl") + ":2: invalid JSON",
		"dyad code: " + filepath.Join(dir, "b.bin") + ": binary file",
		"dyad code: " + filepath.Join(dir, "c", "empty.txt") + ": empty file",
		"dyad code: 3 articles, 3 events, 3 quotes, 3 inputs failed",
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(want), stderr.String())
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("stderr line %d is %q, want it to start %q", i+1, lines[i], want[i])
		}
	}

	q, err := os.ReadFile(quotes)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(q), "\n"); n != 3 {
		t.Errorf("%d quotes written, want 3:\n%s", n, q)
	}
}

func equal(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") }

// jsonlCorpus is a JSONL file of n articles with IDs a0, a1, ... and the
// texts text gives.
func jsonlCorpus(n int, text func(i int) string) string {
	var sb strings.Builder
	for i := range n {
		b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("a%d", i), "text": text(i)})
		sb.Write(b)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// TestCodeOrderAndPanic codes articles with more workers than cores and
// uneven coding times: the output keeps the input order, and an article on
// which the coder panics is reported by name without stopping the others.
func TestCodeOrderAndPanic(t *testing.T) {
	const n = 60
	corpus := jsonlCorpus(n, func(i int) string {
		switch {
		case i == 17:
			return "PANIC here"
		case i%3 == 0:
			return "SLOW article"
		}
		return "quick article"
	})
	dir := writeFiles(t, map[string]string{"news.jsonl": corpus})
	var stdout, stderr bytes.Buffer
	err := runCode(context.Background(), coderOf(fakeCoder{}), codeConfig{paths: []string{dir}, workers: 4}, &stdout, &stderr)
	if err == nil {
		t.Error("a panicking article did not fail the run")
	}
	var want []string
	for i := range n {
		if i != 17 {
			want = append(want, fmt.Sprintf("a%d", i))
		}
	}
	if got := articleIDs(readEvents(t, stdout.Bytes())); !equal(got, want) {
		t.Errorf("output order\n%v\nwant\n%v", got, want)
	}
	wantErr := "dyad code: " + filepath.Join(dir, "news.jsonl") + ":18 (id a17): coding failed: panic: assignment to entry in nil map"
	if !strings.Contains(stderr.String(), wantErr+"\n") {
		t.Errorf("stderr\n%s\nwant a line\n%s", stderr.String(), wantErr)
	}
}

// blockingCoder holds the first article until released and records every
// article it is given.
type blockingCoder struct {
	release chan struct{}
	mu      sync.Mutex
	seen    int
}

func (c *blockingCoder) Code(a article.Article) coding.Result {
	c.mu.Lock()
	c.seen++
	c.mu.Unlock()
	if a.ID == "a0" {
		<-c.release
	}
	return fakeCoder{}.Code(a)
}

// TestCodeBoundedWindow checks that the reader does not run ahead of the
// writer: while the first article is stuck in the coder, no more than the
// reorder window of articles is taken in, however many follow.
func TestCodeBoundedWindow(t *testing.T) {
	const n, workers = 200, 2
	dir := writeFiles(t, map[string]string{"news.jsonl": jsonlCorpus(n, func(int) string { return "text" })})
	c := &blockingCoder{release: make(chan struct{})}
	var stdout, stderr bytes.Buffer
	done := make(chan error)
	go func() {
		done <- runCode(context.Background(), coderOf(c), codeConfig{paths: []string{dir}, workers: workers}, &stdout, &stderr)
	}()
	time.Sleep(200 * time.Millisecond)
	c.mu.Lock()
	seen := c.seen
	c.mu.Unlock()
	if window := 4 * workers; seen > window {
		t.Errorf("%d articles taken in while the first was stuck, want at most %d", seen, window)
	}
	close(c.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := len(readEvents(t, stdout.Bytes())); got != n {
		t.Errorf("%d events written, want %d", got, n)
	}
}

func TestCodeCSVToFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Kenya and Uganda, \"neighbours\", met.\n"})
	out := filepath.Join(t.TempDir(), "events.csv")
	var stdout, stderr bytes.Buffer
	err := runCode(context.Background(), coderOf(fakeCoder{}), codeConfig{paths: []string{dir}, workers: 1, format: "csv", out: out}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(data), "EventID,ArticleID,Date,") || !strings.Contains(string(data), `"Kenya and Uganda, ""neighbours"", met."`) {
		t.Errorf("CSV file:\n%s", data)
	}
	if stdout.Len() != 0 {
		t.Errorf("events went to stdout too: %s", stdout.String())
	}
}

func TestCodeOutputErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	for _, tc := range []struct {
		cfg  codeConfig
		want string
	}{
		{codeConfig{workers: 1, quotes: "-"}, "--quotes -"},
		{codeConfig{workers: 1, out: out, quotes: out}, "both name"},
		{codeConfig{workers: 1, out: out, format: "xml"}, "--format"},
		{codeConfig{workers: 0, out: out}, "--workers"},
	} {
		err := runCode(context.Background(), coderOf(fakeCoder{}), tc.cfg, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want %q", tc.cfg, err, tc.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused run created its output file")
	}
}

// TestCodeCommand runs the command as the binary does, with the real coder,
// to check the flags reach runCode.
func TestCodeCommand(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Kenya's foreign minister met her Ugandan counterpart on Thursday.\n", "b.txt": ""})
	out := filepath.Join(t.TempDir(), "events.tsv")
	cmd := newCodeCmd()
	var stdout, stderr bytes.Buffer
	cmd.SetOut(&stdout)
	cmd.SetErr(&stderr)
	cmd.SetArgs([]string{"--format", "tsv", "--out", out, "--published", "2024-05-10", "--workers", "2", dir})
	if err := cmd.Execute(); err == nil {
		t.Error("an empty input did not fail the run")
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "EventID\tArticleID\t") {
		t.Errorf("TSV file (%v):\n%s", err, data)
	}
	if !strings.Contains(stderr.String(), "b.txt: empty file") || !strings.Contains(stderr.String(), "1 article, ") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

// cancellingCoder cancels the run's context when it codes article a5, as an
// interrupt would.
type cancellingCoder struct{ cancel context.CancelFunc }

func (c cancellingCoder) Code(a article.Article) coding.Result {
	if a.ID == "a5" {
		c.cancel()
	}
	return fakeCoder{}.Code(a)
}

// TestCodeInterrupted: an interrupt stops the reading, and what was coded is
// written, in order, before the run reports it.
func TestCodeInterrupted(t *testing.T) {
	const n = 500
	dir := writeFiles(t, map[string]string{"news.jsonl": jsonlCorpus(n, func(int) string { return "text" })})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr bytes.Buffer
	err := runCode(ctx, coderOf(cancellingCoder{cancel}), codeConfig{paths: []string{dir}, workers: 1}, &stdout, &stderr)
	if err == nil || err.Error() != "interrupted" {
		t.Errorf("error %v, want interrupted", err)
	}
	ids := articleIDs(readEvents(t, stdout.Bytes()))
	if len(ids) < 6 || len(ids) == n {
		t.Fatalf("%d articles written, want the first 6 or more but not all", len(ids))
	}
	for i, id := range ids {
		if id != fmt.Sprintf("a%d", i) {
			t.Fatalf("article %d written is %s", i, id)
		}
	}
}

// concurrencyCoder records how many articles it codes at once.
type concurrencyCoder struct {
	mu          sync.Mutex
	active, max int
}

func (c *concurrencyCoder) Code(a article.Article) coding.Result {
	c.mu.Lock()
	c.active++
	c.max = max(c.max, c.active)
	c.mu.Unlock()
	time.Sleep(5 * time.Millisecond)
	c.mu.Lock()
	c.active--
	c.mu.Unlock()
	return fakeCoder{}.Code(a)
}

// TestCodeUsesAllWorkers: with N workers, N articles are coded at once.
func TestCodeUsesAllWorkers(t *testing.T) {
	dir := writeFiles(t, map[string]string{"news.jsonl": jsonlCorpus(40, func(int) string { return "text" })})
	c := &concurrencyCoder{}
	if err := runCode(context.Background(), coderOf(c), codeConfig{paths: []string{dir}, workers: 3}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if c.max != 3 {
		t.Errorf("at most %d articles coded at once, want 3", c.max)
	}
}
