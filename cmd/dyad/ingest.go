package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/ingest"
	"github.com/dyad-org/dyad/store"
)

// defaultStore is where the store is when neither --store nor DYAD_STORE
// says: an SQLite file in a data directory under the working directory.
const defaultStore = "dyad-data/dyad.db"

func storeFlag(cmd *cobra.Command, location *string) {
	def := os.Getenv("DYAD_STORE")
	if def == "" {
		def = defaultStore
	}
	cmd.Flags().StringVar(location, "store", def,
		"the store: an SQLite `FILE`, or a postgres:// URL (default from DYAD_STORE when set)")
}

type ingestConfig struct {
	store string
	paths []string
	read  article.Options
	feedConfig
	follow  bool
	workers int
	lease   time.Duration
}

// feedConfig is the feeds to read and how to fetch them, for dyad ingest
// and dyad serve alike.
type feedConfig struct {
	feeds []string
	every time.Duration
	fetch ingest.FetchOptions
}

func feedFlags(cmd *cobra.Command, c *feedConfig) {
	f := cmd.Flags()
	f.StringArrayVar(&c.feeds, "feed", nil, "RSS or Atom feed `URL` to read (repeatable)")
	f.DurationVar(&c.every, "every", 0, "poll the feeds again every `INTERVAL` (e.g. 10m) until interrupted")
	f.BoolVar(&c.fetch.AllowPrivate, "allow-private", false, "let feeds and pages be fetched from loopback and private addresses")
	f.Int64Var(&c.fetch.MaxBytes, "max-fetch-bytes", 10<<20, "largest feed or page fetched, in `BYTES`")
	f.DurationVar(&c.fetch.Timeout, "fetch-timeout", 30*time.Second, "time limit of one fetch")
}

func (c feedConfig) check() error {
	switch {
	case c.every < 0:
		return fmt.Errorf("--every %s: want a positive interval", c.every)
	case c.every > 0 && len(c.feeds) == 0:
		return errors.New("--every: no --feed to poll")
	}
	return nil
}

func newIngestCmd() *cobra.Command {
	var cfg ingestConfig
	var published string
	cmd := &cobra.Command{
		Use:   "ingest [files|dirs|-]",
		Short: "Read articles and feeds into the store and code them",
		Long: `ingest stores articles (files and directories as dyad code reads them,
- for standard input, and RSS/Atom feeds given with --feed) in the store's
queue, then codes the queue and stores the events and quotes. An article whose
text is stored already is skipped; a syndicated copy of a stored story is
linked to it and not coded again. Ingesting the same input twice stores
nothing new.

Several ingest processes may share one PostgreSQL store: each article is
leased to one worker at a time. Without inputs, ingest only codes what is
queued; --follow keeps it waiting for more, --every polls the feeds again.
A killed worker loses nothing already stored; its leased articles are coded
again when the lease ends.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if cfg.read.Published, err = article.ParseDate(published); err != nil {
				return fmt.Errorf("--published: %w", err)
			}
			cfg.paths = args
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			context.AfterFunc(ctx, stop)
			return runIngest(ctx, defaultCoder, cfg, cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	storeFlag(cmd, &cfg.store)
	f.StringVar(&published, "published", "", "publication `DATE` (YYYY-MM-DD) of articles whose input gives none")
	f.StringVar(&cfg.read.Publisher, "publisher", "", "publisher `NAME` of articles whose input names none")
	f.BoolVar(&cfg.follow, "follow", false, "keep coding what other processes queue, until interrupted")
	f.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "`N` articles coded at once")
	f.DurationVar(&cfg.lease, "lease", time.Minute, "how long a claimed article is this worker's before another may take it")
	feedFlags(cmd, &cfg.feedConfig)
	return cmd
}

// atLeastTwoPs gives the Go scheduler two Ps where it has one and the
// environment does not set GOMAXPROCS, and returns what undoes it. With one
// P, each commit's sync to disk stalls the coding until the scheduler takes
// the P back from the blocked system call (ingest lost a quarter of its
// rate to that on a one-core run).
func atLeastTwoPs() (restore func()) {
	prev := runtime.GOMAXPROCS(0)
	if prev >= 2 || os.Getenv("GOMAXPROCS") != "" {
		return func() {}
	}
	runtime.GOMAXPROCS(2)
	return func() { runtime.GOMAXPROCS(prev) }
}

// pollFollow is how often a --follow worker looks for queued work.
const pollFollow = 2 * time.Second

func runIngest(ctx context.Context, newCoder func() (coder, error), cfg ingestConfig, stderr io.Writer) error {
	defer atLeastTwoPs()()
	switch {
	case cfg.workers < 1:
		return fmt.Errorf("--workers %d: want at least 1", cfg.workers)
	case cfg.lease < time.Second:
		return fmt.Errorf("--lease %s: want at least 1s", cfg.lease)
	}
	if err := cfg.feedConfig.check(); err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.store)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := newCoder()
	if err != nil {
		return err
	}
	report := func(err error) { fmt.Fprintf(stderr, "dyad ingest: %v\n", err) }
	var read ingest.Read
	if len(cfg.paths) > 0 {
		if read, err = ingest.Enqueue(ctx, st, cfg.paths, cfg.read, report); err != nil {
			return finish(ctx, err)
		}
	}
	feeds := &ingest.Feeds{Store: st, Fetcher: ingest.NewFetcher(cfg.fetch), Read: cfg.read, OnErr: report}
	w := &ingest.Worker{Store: st, Coder: c, Name: ingest.NewName(), Workers: cfg.workers, Lease: cfg.lease, OnFailed: report}
	var coded ingest.Coded
	for {
		if len(cfg.feeds) > 0 {
			r, err := feeds.Poll(ctx, cfg.feeds)
			read.Added, read.Exists, read.Copies, read.Bad = read.Added+r.Added, read.Exists+r.Exists, read.Copies+r.Copies, read.Bad+r.Bad
			if err != nil {
				return finish(ctx, err)
			}
		}
		done, err := w.Drain(ctx)
		coded.Articles, coded.Failed, coded.Events, coded.Quotes = coded.Articles+done.Articles, coded.Failed+done.Failed, coded.Events+done.Events, coded.Quotes+done.Quotes
		if err != nil {
			fmt.Fprintf(stderr, "dyad ingest: read %s; %s\n", read, coded)
			return finish(ctx, err)
		}
		wait := cfg.every
		if cfg.follow && (wait == 0 || pollFollow < wait) {
			wait = pollFollow
		}
		if wait == 0 {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
		if ctx.Err() != nil {
			break
		}
	}
	fmt.Fprintf(stderr, "dyad ingest: read %s; %s\n", read, coded)
	if counts, err := st.Counts(context.Background()); err == nil {
		fmt.Fprintf(stderr, "dyad ingest: store %s: %s\n", st.Dialect(), counts)
	}
	if read.Bad > 0 || coded.Failed > 0 {
		return fmt.Errorf("%d bad inputs, %d articles failed", read.Bad, coded.Failed)
	}
	return nil
}

// finish turns the end of an interrupted run into a plain message.
func finish(ctx context.Context, err error) error {
	if ctx.Err() != nil && errors.Is(err, context.Canceled) {
		return errors.New("interrupted; what was stored is kept, and the next run goes on from there")
	}
	return err
}
