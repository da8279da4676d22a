package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-org/dyad/serve"
	"github.com/dyad-org/dyad/serve/load"
	"github.com/dyad-org/dyad/store"
	"github.com/dyad-org/dyad/store/synth"
)

type benchAPIConfig struct {
	store   string
	events  int
	profile string
	noCache bool
	opts    load.Options
	stderr  io.Writer
}

func newBenchAPICmd() *cobra.Command {
	var cfg benchAPIConfig
	cmd := &cobra.Command{
		Use:   "api [--events 1000000] [--clients 200] [--duration 30s]",
		Short: "Measure the API's latency under concurrent event queries",
		Long: `bench api fills a store with synthetic events (once: a store that holds
them already is used again), serves the API over it on loopback, and sends
event queries (by actor, dyad, country, root, quad class, period and words,
with paging) from concurrent clients, each with one request in flight. It
prints the requests per second and the latency percentiles.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.stderr = cmd.ErrOrStderr()
			return runBenchAPI(cmd.Context(), cfg, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.store, "store", "", "SQLite `FILE` or postgres:// URL to fill and query (default: a file in the temporary directory, kept for the next run)")
	f.IntVar(&cfg.events, "events", 1_000_000, "`N` events in the store")
	f.IntVar(&cfg.opts.Clients, "clients", 200, "`N` concurrent clients")
	f.DurationVar(&cfg.opts.Duration, "duration", 30*time.Second, "how long the clients run")
	f.BoolVar(&cfg.noCache, "no-cache", false, "answer every request from the store, as if no answer were ever asked for twice")
	f.StringVar(&cfg.profile, "cpuprofile", "", "write a CPU profile of the run under load to `FILE`")
	f.Uint64Var(&cfg.opts.Seed, "seed", 1, "seed `N` of the clients' choice of queries")
	return cmd
}

// eventsPerArticle is how many events each synthetic article states.
const eventsPerArticle = 10

// startCPUProfile profiles this process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func runBenchAPI(ctx context.Context, cfg benchAPIConfig, w io.Writer) error {
	if cfg.events < eventsPerArticle {
		return fmt.Errorf("--events %d: want at least %d", cfg.events, eventsPerArticle)
	}
	if cfg.store == "" {
		cfg.store = filepath.Join(os.TempDir(), fmt.Sprintf("dyad-bench-api-%d.db", cfg.events))
	}
	st, err := store.Open(ctx, cfg.store)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if stats.Events < cfg.events {
		fmt.Fprintf(cfg.stderr, "dyad bench api: filling %s with %d synthetic events...\n", st.Location(), cfg.events-stats.Events)
		start := time.Now()
		// A few synthetic stories read as copies of others and are linked
		// rather than coded, so the fill goes on, with new seeds, until
		// the store holds enough.
		for seed := uint64(1); stats.Events < cfg.events; seed++ {
			n := (cfg.events - stats.Events + eventsPerArticle - 1) / eventsPerArticle
			if err := synth.Fill(ctx, st, n, eventsPerArticle, seed+uint64(stats.Articles)); err != nil {
				return fmt.Errorf("filling the store: %w", err)
			}
			if stats, err = st.Stats(ctx); err != nil {
				return err
			}
		}
		fmt.Fprintf(w, "filled in %.0fs\n", time.Since(start).Seconds())
	}
	if stats, err = st.Stats(ctx); err != nil {
		return err
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: serve.New(st, serve.Options{Log: logger(), NoCache: cfg.noCache}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer func() {
		// Shutdown waits for the handlers still answering requests the
		// clients gave up at the end, before the store closes under them.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	base := "http://" + ln.Addr().String()

	queries, err := load.EventQueries(ctx, base)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "store %s (%s): %d events of %d articles, %s to %s\n", st.Location(), st.Dialect(),
		stats.Events, stats.Articles, stats.First, stats.Last)
	cache := "answers kept while the store is unchanged, as dyad serve does"
	if cfg.noCache {
		cache = "every answer from the store (--no-cache)"
	}
	fmt.Fprintf(w, "%d clients for %s over %d kinds of event query; %s\n", cfg.opts.Clients, cfg.opts.Duration, len(queries), cache)
	if cfg.profile != "" {
		stop, err := startCPUProfile(cfg.profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	res, err := load.Run(ctx, base, queries, cfg.opts)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, res)
	if res.Errors > 0 {
		return fmt.Errorf("%d requests failed", res.Errors)
	}
	return nil
}
