package load

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRunFollowsPagesAndCountsErrors(t *testing.T) {
	var paged, failed atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Query().Get("cursor") == "c2":
			paged.Add(1)
			w.Write([]byte(`{"next":"","events":[]}`))
		case r.URL.Path == "/api/broken":
			failed.Add(1)
			http.Error(w, `{"error":"no"}`, http.StatusInternalServerError)
		default:
			w.Write([]byte(`{"next":"c2","events":[{"id":"a"}]}`))
		}
	}))
	defer srv.Close()
	res, err := Run(context.Background(), srv.URL, []string{"/api/events?actor=X", "/api/broken"},
		Options{Clients: 4, Duration: 300 * time.Millisecond, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests == 0 || paged.Load() == 0 {
		t.Fatalf("%d requests, %d of a next page", res.Requests, paged.Load())
	}
	if res.Errors == 0 || int64(res.Errors) > failed.Load() || !strings.Contains(res.FirstError, "500") {
		t.Errorf("%d errors counted, %d served; first %q", res.Errors, failed.Load(), res.FirstError)
	}
	if !(res.P50 <= res.P90 && res.P90 <= res.P99 && res.P99 <= res.Max) {
		t.Errorf("percentiles out of order: %s", res)
	}
	if len(res.Slowest) != 2 || res.Slowest[0].Requests+res.Slowest[1].Requests != res.Requests {
		t.Errorf("per-query latencies do not add up: %+v", res.Slowest)
	}
}

func TestOnlyLoopback(t *testing.T) {
	for _, base := range []string{"http://192.0.2.1:8080", "http://example.org", "https://127.0.0.1", "ftp://localhost"} {
		if _, err := Run(context.Background(), base, []string{"/"}, Options{Clients: 1, Duration: time.Second}); err == nil {
			t.Errorf("%s: driven", base)
		}
	}
}

func TestNextOf(t *testing.T) {
	for body, want := range map[string]string{
		`{"next":"abc","events":[{"next":"no"}]}`: "abc",
		`{"events":[{"id":1}],"next":"xyz"}`:      "xyz",
		`{"next":"","quotes":[]}`:                 "",
	} {
		got, err := nextOf([]byte(body))
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", body, got, err, want)
		}
	}
	if _, err := nextOf([]byte(`<html>`)); err == nil {
		t.Error("HTML read as a listing")
	}
}
