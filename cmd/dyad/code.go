package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/record"
)

// coder is what the commands need of a *coding.Coder; tests pass their own.
type coder = coding.ArticleCoder

// defaultCoder builds the coder with the embedded models and tables.
var defaultCoder = func() (coder, error) { return coding.Default() }

// codeConfig is what the flags of dyad code say.
type codeConfig struct {
	paths   []string
	read    article.Options
	format  string
	out     string // events file; "" or "-" for standard output
	quotes  string // quotes file; "" for none, "-" for standard output
	workers int
	// progress allows a progress bar on stderr (for a terminal).
	progress bool
}

func newCodeCmd() *cobra.Command {
	var cfg codeConfig
	var published string
	cmd := &cobra.Command{
		Use:   "code [files|dirs|-]",
		Short: "Code news articles into events and quotes (JSONL, CSV or TSV)",
		Long: `code reads articles (plain text, HTML and JSON Lines files, directories
walked recursively, - or no argument for standard input), codes each into
events, and writes them to standard output or --out as JSON Lines, CSV or TSV
(the columns are listed in the README). With --quotes it also writes the
attributed quotes there, in the same format.

Output is in input order and written article by article, so a batch of any
size runs in constant memory and an interrupted run keeps what it wrote. A bad
input (a missing, empty or binary file, a bad JSONL line) or an article the
coder fails on is reported on stderr with its file and line, and the batch goes
on; the exit status is then 1.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if cfg.read.Published, err = article.ParseDate(published); err != nil {
				return fmt.Errorf("--published: %w", err)
			}
			cfg.paths = args
			stderr := cmd.ErrOrStderr()
			cfg.progress = stderr == os.Stderr && isTerminal(os.Stderr) &&
				!(isStdout(cfg.out) && isTerminal(os.Stdout)) // a bar would garble events shown on the same terminal
			// An interrupt ends the reading and the run writes what it has
			// coded; a second one, with the signal no longer caught, kills.
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			context.AfterFunc(ctx, stop)
			return runCode(ctx, defaultCoder, cfg, cmd.OutOrStdout(), stderr)
		},
	}
	f := cmd.Flags()
	f.StringVar(&published, "published", "", "publication `DATE` (YYYY-MM-DD) of articles whose input gives none")
	f.StringVar(&cfg.read.Publisher, "publisher", "", "publisher `NAME` of articles whose input names none")
	f.StringVar(&cfg.format, "format", "jsonl", "output `FORMAT`: jsonl, csv or tsv")
	f.StringVarP(&cfg.out, "out", "o", "", "write the events to `FILE` (default standard output)")
	f.StringVar(&cfg.quotes, "quotes", "", "also write the quotes to `FILE` (- for standard output when --out is a file)")
	f.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "`N` articles coded at once")
	return cmd
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

func isStdout(name string) bool { return name == "" || name == "-" }

// runCode is dyad code after its flags: it codes cfg.paths with the coder
// newCoder builds (once the flags are known to be good, so that a mistake is
// reported without the wait), writes the records and prints one line per bad
// input and a summary on stderr. It returns an error when an input failed,
// an output could not be written or ctx ended the run.
func runCode(ctx context.Context, newCoder func() (coder, error), cfg codeConfig, stdout, stderr io.Writer) error {
	if cfg.workers < 1 {
		return fmt.Errorf("--workers %d: want at least 1", cfg.workers)
	}
	if len(cfg.paths) == 0 {
		cfg.paths = []string{"-"}
	}
	outs, err := openOutputs(stdout, cfg)
	if err != nil {
		return err
	}
	c, err := newCoder()
	if err != nil {
		outs.close()
		return err
	}
	b := &batch{coder: c, workers: cfg.workers, events: outs.events, quotes: outs.quotes, stderr: stderr}
	if cfg.progress {
		b.progress = newProgress(stderr)
	}
	runErr := b.run(ctx, cfg.paths, cfg.read)
	if errors.Is(runErr, context.Canceled) {
		runErr = errors.New("interrupted")
	}
	b.progress.finish()
	if err := outs.close(); runErr == nil {
		runErr = err
	}
	fmt.Fprintf(stderr, "dyad code: %s\n", b.counts)
	switch {
	case runErr != nil:
		return runErr
	case b.counts.failed > 0:
		return fmt.Errorf("%s of %d failed", plural(b.counts.failed, "input"), b.counts.failed+b.counts.articles)
	}
	return nil
}

// outputs are the writers of one run and the files under them.
type outputs struct {
	events record.Writer
	quotes record.QuoteWriter // nil when no quotes are asked for
	files  []*os.File
}

func openOutputs(stdout io.Writer, cfg codeConfig) (*outputs, error) {
	switch {
	case cfg.quotes == "-" && isStdout(cfg.out):
		return nil, errors.New("--quotes -: the events already go to standard output; give --out FILE")
	case cfg.quotes != "" && !isStdout(cfg.out) && filepath.Clean(cfg.quotes) == filepath.Clean(cfg.out):
		return nil, fmt.Errorf("--quotes and --out both name %s", cfg.out)
	}
	// Check the format before creating, and so truncating, any file.
	if _, err := record.NewWriter(io.Discard, cfg.format); err != nil {
		return nil, fmt.Errorf("--format: %w", err)
	}
	o := &outputs{}
	w, err := o.open(stdout, cfg.out)
	if err == nil {
		o.events, err = record.NewWriter(w, cfg.format)
	}
	if err == nil && cfg.quotes != "" {
		if w, err = o.open(stdout, cfg.quotes); err == nil {
			o.quotes, err = record.NewQuoteWriter(w, cfg.format)
		}
	}
	if err != nil {
		o.close()
		return nil, err
	}
	return o, nil
}

func (o *outputs) open(stdout io.Writer, name string) (io.Writer, error) {
	if isStdout(name) {
		return stdout, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	o.files = append(o.files, f)
	return f, nil
}

// close closes the files, reporting a failure to write their end (a full
// disk shows up here).
func (o *outputs) close() error {
	var errs []error
	for _, f := range o.files {
		errs = append(errs, f.Close())
	}
	o.files = nil
	return errors.Join(errs...)
}

// counts are what a run did.
type counts struct{ articles, events, quotes, failed int }

func (c counts) String() string {
	return fmt.Sprintf("%s, %s, %s, %s failed", plural(c.articles, "article"), plural(c.events, "event"),
		plural(c.quotes, "quote"), plural(c.failed, "input"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// batch codes a stream of articles with several workers and writes the
// results in input order.
type batch struct {
	coder    coder
	workers  int
	events   record.Writer
	quotes   record.QuoteWriter // nil: quotes are not written
	stderr   io.Writer
	progress *progress // nil: no progress bar
	counts   counts
}

// item is one input in read order: an article (whose text is dropped once
// coded) and what it was coded into, or a bad input (err) to report in its
// place.
type item struct {
	seq int
	art article.Article
	res coding.Result
	err error
}

// run reads, codes and writes. A reader goroutine numbers the inputs, the
// workers code them in any order, and run itself puts them back in order and
// writes them. The reader takes a token for each input and run gives it back
// once the input is written, so at most window inputs are in flight, in the
// channels, the workers or the reorder buffer: memory stays bounded however
// slow one article is to code and however large the batch.
func (b *batch) run(ctx context.Context, paths []string, o article.Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := 4 * b.workers // keeps the workers busy while a slow article holds up the writing
	tokens := make(chan struct{}, window)
	jobs, done := make(chan item), make(chan item)

	var readErr error
	go func() {
		defer close(jobs)
		readErr = b.read(ctx, paths, o, tokens, jobs)
	}()
	var wg sync.WaitGroup
	for range b.workers {
		wg.Go(func() {
			for it := range jobs {
				if it.err == nil {
					it.res, it.err = coding.Safely(b.coder, it.art)
				}
				it.art = article.Article{} // the records are all that is written: free the text
				done <- it
			}
		})
	}
	go func() { wg.Wait(); close(done) }()

	var writeErr error
	pending := make(map[int]item, window)
	next := 0
	for it := range done {
		pending[it.seq] = it
		for ; ; next++ {
			ready, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if writeErr == nil {
				if writeErr = b.emit(ready); writeErr != nil {
					cancel() // stop reading; the items in flight are drained unwritten
				}
			}
			<-tokens
		}
	}
	if writeErr != nil {
		return writeErr
	}
	return readErr
}

// read sends every input of paths to jobs, numbered, each once it holds a
// token. It returns ctx's error if ctx ends the reading.
func (b *batch) read(ctx context.Context, paths []string, o article.Options, tokens chan struct{}, jobs chan<- item) error {
	seq := 0
	send := func(it item) error {
		select {
		case tokens <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		it.seq = seq
		seq++
		jobs <- it
		return nil
	}
	return article.Read(ctx, paths, o,
		func(a article.Article) error { return send(item{art: a}) },
		func(err error) { send(item{err: err}) }) // a cancelled send leaves Read to return ctx's error
}

// emit writes one coded article, or reports one bad input, and counts it.
func (b *batch) emit(it item) error {
	if it.err != nil {
		b.counts.failed++
		b.progress.clear()
		fmt.Fprintf(b.stderr, "dyad code: %v\n", it.err)
		return nil
	}
	if err := b.events.Write(it.res.Events); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	if b.quotes != nil {
		if err := b.quotes.Write(it.res.Quotes); err != nil {
			return fmt.Errorf("writing quotes: %w", err)
		}
	}
	b.counts.articles++
	b.counts.events += len(it.res.Events)
	b.counts.quotes += len(it.res.Quotes) // found, whether written or not
	b.progress.add()
	return nil
}

// progressDelay is how long a run goes before it shows progress: shorter
// runs are over before it would help.
const progressDelay = 2 * time.Second

// progress shows the number of articles written and the rate on a terminal.
// Its methods do nothing on a nil *progress.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(w io.Writer) *progress {
	// The number of articles is not known before the end: a spinner with a
	// count, not a bar to fill. It counts from the start, so that its rate
	// and time are right, but draws only after progressDelay.
	return &progress{bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(&delayedWriter{w: w, from: time.Now().Add(progressDelay)}),
		progressbar.OptionSetDescription("coding"),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish())}
}

func (p *progress) add() {
	if p != nil {
		p.bar.Add(1)
	}
}

// clear takes the bar off its line so that a message can be printed there;
// the next add draws it again.
func (p *progress) clear() {
	if p != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p != nil {
		p.bar.Finish()
	}
}

// delayedWriter drops what is written to it before from.
type delayedWriter struct {
	w    io.Writer
	from time.Time
}

func (d *delayedWriter) Write(b []byte) (int, error) {
	if time.Now().Before(d.from) {
		return len(b), nil
	}
	return d.w.Write(b)
}
