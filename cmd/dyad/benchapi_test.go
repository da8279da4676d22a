package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-org/dyad/serve/load"
)

// TestBenchAPIFillsAndDrives runs dyad bench api on a small store: it fills
// the store to the size asked, drives the API and reports no errors.
func TestBenchAPIFillsAndDrives(t *testing.T) {
	var out strings.Builder
	cfg := benchAPIConfig{store: filepath.Join(t.TempDir(), "api.db"), events: 300,
		opts: load.Options{Clients: 4, Duration: 300 * time.Millisecond, Seed: 1}, stderr: io.Discard}
	if err := runBenchAPI(context.Background(), cfg, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"300 events of", "4 clients", " 0 errors", "p99"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in:\n%s", want, out.String())
		}
	}
}
