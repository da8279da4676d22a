package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-org/dyad/ingest"
)

// lockedBuffer is the stderr of a server running in another goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeIngestsPostsAndStops runs dyad serve on a new store with the
// examples and a token: the examples are coded while it serves, a posted
// article is stored and coded, the UI's page is served, and an interrupt
// stops it cleanly.
func TestServeIngestsPostsAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := serveConfig{store: filepath.Join(t.TempDir(), "dyad.db"), addr: "127.0.0.1:0",
		paths: []string{"../../examples"}, workers: 2, token: "secret"}
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, func() (coder, error) { return fakeCoder{}, nil }, cfg, stderr) }()

	base := waitForAddress(t, stderr, done)
	examples := waitForEvents(t, base, 1)

	post, _ := http.NewRequest("POST", base+"/api/articles",
		strings.NewReader(`{"id":"posted-1","title":"Talks","text":"The ministers met in Oslo on Monday.","published":"2025-03-05"}`+"\n"))
	post.Header.Set("Authorization", "Bearer secret")
	resp, err := http.DefaultClient.Do(post)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST /api/articles: %s", resp.Status)
	}
	waitForEvents(t, base, examples+1)

	page := get(t, base+"/")
	if !strings.Contains(page, "<html") {
		t.Errorf("GET /: no page; got %.200q", page)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v\n%s", err, stderr)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after the interrupt")
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("no word of stopping in:\n%s", stderr)
	}
}

var openLine = regexp.MustCompile(`open (http://\S+)/`)

func waitForAddress(t *testing.T, stderr *lockedBuffer, done <-chan error) string {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, stderr)
		default:
		}
		if m := openLine.FindStringSubmatch(stderr.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("serve printed no address:\n%s", stderr)
	return ""
}

// waitForEvents waits until the store holds at least n events, and
// returns how many it holds.
func waitForEvents(t *testing.T, base string, n int) int {
	t.Helper()
	var stats struct{ Events int }
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if err := json.Unmarshal([]byte(get(t, base+"/api/stats")), &stats); err != nil {
			t.Fatal(err)
		}
		if stats.Events >= n {
			return stats.Events
		}
	}
	t.Fatalf("the store holds %d events, want %d", stats.Events, n)
	return 0
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatal(fmt.Errorf("GET %s: %s: %s", url, resp.Status, b))
	}
	return string(b)
}

// TestServeReadsFeeds runs dyad serve with a feed and nothing else: the
// feed's page is fetched, stored and coded while the server runs.
func TestServeReadsFeeds(t *testing.T) {
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Talks</title><link>%s/a.html</link></item></channel></rss>`, base)
	})
	mux.HandleFunc("/a.html", func(w http.ResponseWriter, r *http.Request) {
		const p = "<p>The foreign ministers of Oman and Jordan met in Muscat on Sunday to discuss the crisis.</p>"
		fmt.Fprint(w, "<html><head><title>Talks</title></head><body><article>"+p+p+"</article></body></html>")
	})
	feed := httptest.NewServer(mux)
	defer feed.Close()
	base = feed.URL

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := serveConfig{store: filepath.Join(t.TempDir(), "dyad.db"), addr: "127.0.0.1:0", workers: 1,
		feedConfig: feedConfig{feeds: []string{feed.URL + "/feed.xml"}, fetch: ingest.FetchOptions{AllowPrivate: true}}}
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, func() (coder, error) { return fakeCoder{}, nil }, cfg, stderr) }()
	waitForEvents(t, waitForAddress(t, stderr, done), 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v\n%s", err, stderr)
	}
}
