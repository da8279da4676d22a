package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dyad-org/dyad/store"
)

func TestPublicAddresses(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2a00:1450::1": true,
		"127.0.0.1": false, "::1": false, "10.1.2.3": false, "192.168.0.1": false, "172.16.5.5": false,
		"169.254.169.254": false, "100.64.0.1": false, "0.0.0.0": false, "fd00::1": false, "::ffff:127.0.0.1": false,
	} {
		if got := public(netip.MustParseAddr(addr)); got != want {
			t.Errorf("public(%s) = %v", addr, got)
		}
	}
}

func TestFetchIsSafeByDefault(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/big" {
			w.Write([]byte(strings.Repeat("x", 2000)))
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	ctx := context.Background()
	if _, _, _, err := NewFetcher(FetchOptions{}).Get(ctx, srv.URL); !errors.Is(err, ErrBlockedAddress) {
		t.Errorf("loopback fetched by default: %v", err)
	}
	f := NewFetcher(FetchOptions{AllowPrivate: true, MaxBytes: 1000})
	if body, _, _, err := f.Get(ctx, srv.URL); err != nil || string(body) != "ok" {
		t.Errorf("allowed fetch: %q, %v", body, err)
	}
	if _, _, _, err := f.Get(ctx, srv.URL+"/big"); err == nil || !strings.Contains(err.Error(), "over 1000 bytes") {
		t.Errorf("size limit: %v", err)
	}
	if _, _, _, err := f.Get(ctx, "file:///etc/passwd"); err == nil || !strings.Contains(err.Error(), "only http and https") {
		t.Errorf("file URL: %v", err)
	}
}

// Redirects are followed only to http(s), a few times; each hop's address
// is checked as it is dialled (the check TestFetchIsSafeByDefault shows).
func TestRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/ftp":
			http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
		}
	}))
	defer srv.Close()
	f := NewFetcher(FetchOptions{AllowPrivate: true})
	if _, _, _, err := f.Get(context.Background(), srv.URL+"/loop"); err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("redirect loop: %v", err)
	}
	if _, _, _, err := f.Get(context.Background(), srv.URL+"/ftp"); err == nil || !strings.Contains(err.Error(), "only http and https") {
		t.Errorf("redirect to ftp: %v", err)
	}
}

func TestFeedPoll(t *testing.T) {
	var pages atomic.Int32
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Talks</title><link>%[1]s/a.html</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Clash</title><link>%[1]s/b.html</link></item>
<item><title>Gone</title><link>%[1]s/missing.html</link></item>
</channel></rss>`, base)
	})
	page := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			pages.Add(1)
			fmt.Fprintf(w, `<html><head><title>t</title></head><body><article><p>%s</p><p>%s</p></article></body></html>`, body, body)
		}
	}
	mux.HandleFunc("/a.html", page("Iran's foreign minister held talks with his Turkish counterpart in Ankara on Monday about the war."))
	mux.HandleFunc("/b.html", page("Police clashed with protesters outside the parliament building in the capital on Tuesday night."))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base = srv.URL

	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var errs []error
	f := &Feeds{Store: st, Fetcher: NewFetcher(FetchOptions{AllowPrivate: true}), OnErr: func(err error) { errs = append(errs, err) }}
	r, err := f.Poll(context.Background(), []string{srv.URL + "/feed.xml"})
	if err != nil || r.Added != 2 || r.Bad != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.html") {
		t.Fatalf("first poll: %+v, %v, %v", r, err, errs)
	}
	claimed, _ := st.Claim(context.Background(), "w", 10, 60e9)
	if len(claimed) != 2 || claimed[0].Article.URL != srv.URL+"/a.html" || claimed[0].Article.Publisher != "Test Wire" ||
		claimed[0].Article.Published.Day() != 5 || !strings.Contains(claimed[0].Article.Text, "Ankara") {
		t.Errorf("stored items: %+v", claimed)
	}
	fetched := pages.Load()
	r, err = f.Poll(context.Background(), []string{srv.URL + "/feed.xml"})
	if err != nil || r.Added != 0 || r.Exists != 2 || pages.Load() != fetched {
		t.Errorf("second poll: %+v, %v; pages fetched again: %d", r, err, pages.Load()-fetched)
	}
	if r, _ := f.Poll(context.Background(), []string{"http://127.0.0.1:1/nothing"}); r.Bad != 1 {
		t.Errorf("unreachable feed: %+v", r)
	}
}
