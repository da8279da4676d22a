package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/ingest"
	"github.com/dyad-org/dyad/serve"
	"github.com/dyad-org/dyad/store"
	"github.com/dyad-org/dyad/web"
)

type serveConfig struct {
	store string
	addr  string
	paths []string
	read  article.Options
	feedConfig
	workers int
	token   string
}

func newServeCmd() *cobra.Command {
	var cfg serveConfig
	var published string
	cmd := &cobra.Command{
		Use:   "serve [files|dirs]",
		Short: "Serve the store's events, quotes and articles: a JSON API and the web UI",
		Long: `serve answers the JSON API (documented at /api/openapi.yaml) and the web UI
over the store. Files and directories given are ingested first, as dyad ingest
does, and coded while the server runs; feeds (--feed) are read at the start
and, with --every, again at that interval.

The API is read-only unless DYAD_TOKEN is set in the environment: then POST
/api/articles with "Authorization: Bearer $DYAD_TOKEN" stores JSON Lines
articles, which this process codes. The server listens on loopback unless
--addr says otherwise.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if cfg.read.Published, err = article.ParseDate(published); err != nil {
				return fmt.Errorf("--published: %w", err)
			}
			cfg.paths = args
			cfg.token = os.Getenv("DYAD_TOKEN")
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, defaultCoder, cfg, cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	storeFlag(cmd, &cfg.store)
	f.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	f.StringVar(&published, "published", "", "publication `DATE` (YYYY-MM-DD) of articles whose input gives none")
	f.StringVar(&cfg.read.Publisher, "publisher", "", "publisher `NAME` of articles whose input names none")
	f.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "`N` articles coded at once")
	feedFlags(cmd, &cfg.feedConfig)
	return cmd
}

func runServe(ctx context.Context, newCoder func() (coder, error), cfg serveConfig, stderr io.Writer) error {
	defer atLeastTwoPs()()
	if cfg.workers < 1 {
		return fmt.Errorf("--workers %d: want at least 1", cfg.workers)
	}
	if err := cfg.feedConfig.check(); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.store)
	if err != nil {
		return err
	}
	defer st.Close()
	report := func(err error) { fmt.Fprintf(stderr, "dyad serve: %v\n", err) }
	if len(cfg.paths) > 0 {
		read, err := ingest.Enqueue(ctx, st, cfg.paths, cfg.read, report)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "dyad serve: read %s\n", read)
	}

	// A worker codes what is queued: the paths given, and what is posted.
	wake := make(chan struct{}, 1)
	notify := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	work := make(chan error, 1)
	if len(cfg.paths) > 0 || len(cfg.feeds) > 0 || cfg.token != "" {
		c, err := newCoder()
		if err != nil {
			return err
		}
		w := &ingest.Worker{Store: st, Coder: c, Name: ingest.NewName(), Workers: cfg.workers, Lease: time.Minute, OnFailed: report}
		notify()
		go func() { work <- codeWhenWoken(ctx, w, wake, stderr) }()
	}
	if len(cfg.feeds) > 0 {
		feeds := &ingest.Feeds{Store: st, Fetcher: ingest.NewFetcher(cfg.fetch), Read: cfg.read, OnErr: report}
		go pollFeeds(ctx, feeds, cfg.feedConfig, notify, stderr)
	}

	opts := serve.Options{UI: web.Handler(), Token: cfg.token, Enqueued: notify, Read: cfg.read, Log: logger()}
	srv := &http.Server{
		Handler:           serve.New(st, opts),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // a posted batch may be large
		WriteTimeout:      time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", cfg.addr, err)
	}
	mode := "read-only (set DYAD_TOKEN to allow posting)"
	if cfg.token != "" {
		mode = "posting allowed with the token in DYAD_TOKEN"
	}
	fmt.Fprintf(stderr, "dyad serve: store %s (%s); %s\ndyad serve: open http://%s/\n", st.Location(), st.Dialect(), mode, ln.Addr())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case err := <-work:
		srv.Close()
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "dyad serve: stopped; what was stored is kept")
	return nil
}

// pollFeeds reads the feeds now and then every c.every (once, when it is
// 0) until ctx ends, waking the worker after each round.
func pollFeeds(ctx context.Context, feeds *ingest.Feeds, c feedConfig, wake func(), stderr io.Writer) {
	for {
		read, err := feeds.Poll(ctx, c.feeds)
		if err != nil && ctx.Err() == nil {
			fmt.Fprintf(stderr, "dyad serve: feeds: %v\n", err)
		}
		if read.Added > 0 {
			fmt.Fprintf(stderr, "dyad serve: feeds: read %s\n", read)
			wake()
		}
		if c.every == 0 {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(c.every):
		}
	}
}

// codeWhenWoken drains the queue each time it is woken, until ctx ends. A
// failed article is reported and the worker goes on; a store that fails
// ends it.
func codeWhenWoken(ctx context.Context, w *ingest.Worker, wake <-chan struct{}, stderr io.Writer) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		}
		coded, err := w.Drain(ctx)
		if errors.Is(err, context.Canceled) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("coding the queue: %w", err)
		}
		if coded.Articles+coded.Failed > 0 {
			fmt.Fprintf(stderr, "dyad serve: %s\n", coded)
		}
	}
}
