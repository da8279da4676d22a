package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/ingest"
	"github.com/dyad-org/dyad/record"
	"github.com/dyad-org/dyad/store"
)

func newBenchCmd() *cobra.Command {
	var mib float64
	var workers int
	var seed uint64
	var withIngest bool
	var profile string
	var repeat int
	cmd := &cobra.Command{
		Use:   "bench [--mb 10] [--workers N]",
		Short: "Measure end-to-end coding throughput on a generated news corpus",
		Long: `bench generates a corpus of news-like articles (deterministic for a seed)
as a JSON Lines file, then runs dyad code over it: reading, parsing, coding and
writing events and quotes (JSONL) to a temporary file. It reports the corpus
size, articles, sentences and events, the rates by the clock and per second
of processor time (the rate of one core, even on a busy machine), and the
peak resident memory of each run.

Without --workers it runs once with 1 worker (the rate of one core) and once
with one worker per core, when there is more than one. With --ingest each run
is followed by one of dyad ingest over the same corpus into a new SQLite store,
so that the cost of storing shows beside that of coding, and the ratio of
their rates per CPU second is printed; --repeat N alternates the jobs N
times and prints the median ratio, since a shared machine's neighbours move
single runs by a tenth or more. --cpuprofile writes one CPU profile per run.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if mib <= 0 {
				return fmt.Errorf("--mb %g: want a positive size", mib)
			}
			if repeat < 1 {
				return fmt.Errorf("--repeat %d: want at least 1", repeat)
			}
			counts := []int{1}
			if cmd.Flags().Changed("workers") {
				counts = []int{workers}
			} else if n := runtime.GOMAXPROCS(0); n > 1 {
				counts = append(counts, n)
			}
			return runBench(cmd.Context(), defaultCoder,
				benchPlan{size: int64(mib * (1 << 20)), seed: seed, workers: counts, ingest: withIngest, repeat: repeat, profile: profile},
				cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.Float64Var(&mib, "mb", 10, "corpus size in `MiB` of article text")
	f.IntVar(&workers, "workers", 0, "run once with `N` workers (default: 1, then one per core)")
	f.Uint64Var(&seed, "seed", 1, "seed `N` of the generated corpus")
	f.BoolVar(&withIngest, "ingest", false, "also time dyad ingest into an SQLite store")
	f.IntVar(&repeat, "repeat", 1, "run each job `N` times, alternating")
	f.StringVar(&profile, "cpuprofile", "", "write a CPU profile of each run to `PREFIX`-JOB-WORKERS-RUN.pprof")
	cmd.AddCommand(newBenchAPICmd())
	return cmd
}

// benchPlan is what dyad bench runs: a corpus of size bytes of text from
// seed, coded (and ingested, if ingest) once with each number of workers.
type benchPlan struct {
	size    int64
	seed    uint64
	workers []int
	ingest  bool
	repeat  int    // runs of each job per number of workers
	profile string // prefix of the runs' CPU profiles; "" for none
}

// runBench generates the plan's corpus and runs each of its jobs, printing
// one line per run.
func runBench(ctx context.Context, newCoder func() (coder, error), plan benchPlan, w io.Writer) error {
	size, seed, workerCounts := plan.size, plan.seed, plan.workers
	for _, n := range workerCounts {
		if n < 1 {
			return fmt.Errorf("--workers %d: want at least 1", n)
		}
	}
	dir, err := os.MkdirTemp("", "dyad-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	corpus := filepath.Join(dir, "corpus.jsonl")
	start := time.Now()
	st, err := writeCorpus(corpus, size, seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "corpus: %.1f MiB of text, %d articles, %d sentences (seed %d, generated in %.1fs)\n",
		mib(st.textBytes), st.articles, st.sentences, seed, time.Since(start).Seconds())

	start = time.Now()
	c, err := newCoder()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "coder loaded in %.1fs; GOMAXPROCS %d\n\n", time.Since(start).Seconds(), runtime.GOMAXPROCS(0))

	// Sentences per CPU second is the rate of one core, and it holds when
	// other programs share the machine and slow the rates by the clock.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "job\tworkers\tseconds\tCPU s\tMiB/s\tarticles/s\tsentences/s\tsentences/CPU s\tevents\tquotes\tfailed\tpeak RSS MiB\t")
	var ratios []string
	for _, n := range workerCounts {
		jobs := map[string]func(context.Context, coder, string, string, int) (benchResult, error){"code": benchRun}
		names := []string{"code"}
		if plan.ingest {
			jobs["ingest"] = benchIngest
			names = append(names, "ingest")
		}
		// The ratio of ingest's rate to code's, per CPU second, is taken
		// round by round: a neighbour slowing the machine slows both.
		var shares []float64
		for round := 1; round <= plan.repeat; round++ {
			roundDir, err := os.MkdirTemp(dir, "run-")
			if err != nil {
				return err
			}
			cpus := map[string]float64{}
			for _, job := range names {
				r, err := profiled(plan.profile, fmt.Sprintf("%s-%d-%d", job, n, round), func() (benchResult, error) {
					return jobs[job](ctx, c, corpus, roundDir, n)
				})
				if err != nil {
					return err
				}
				secs, cpu := r.elapsed.Seconds(), r.cpu.Seconds()
				cpus[job] = cpu
				perCPU := "n/a"
				if cpu > 0 {
					perCPU = fmt.Sprintf("%.0f", float64(st.sentences)/cpu)
				}
				fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.1f\t%.2f\t%.0f\t%.0f\t%s\t%d\t%d\t%d\t%s\t\n", job, n, secs, cpu, mib(st.textBytes)/secs,
					float64(r.counts.articles)/secs, float64(st.sentences)/secs, perCPU, r.counts.events, r.counts.quotes, r.counts.failed, r.peak)
			}
			if err := os.RemoveAll(roundDir); err != nil {
				return err
			}
			if cpus["ingest"] > 0 {
				shares = append(shares, cpus["code"]/cpus["ingest"])
			}
		}
		if len(shares) > 0 {
			slices.Sort(shares)
			ratios = append(ratios, fmt.Sprintf("ingest/code per CPU second, %d worker(s): median %.0f%% of %d run(s) (%.0f%%-%.0f%%)",
				n, 100*median(shares), len(shares), 100*shares[0], 100*shares[len(shares)-1]))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range ratios {
		fmt.Fprintln(w, r)
	}
	return nil
}

// profiled runs job, writing its CPU profile to prefix-name.pprof unless
// prefix is "".
func profiled(prefix, name string, job func() (benchResult, error)) (benchResult, error) {
	if prefix == "" {
		return job()
	}
	stop, err := startCPUProfile(prefix + "-" + name + ".pprof")
	if err != nil {
		return benchResult{}, err
	}
	defer stop()
	return job()
}

// median of sorted values.
func median(sorted []float64) float64 {
	n := len(sorted)
	return (sorted[(n-1)/2] + sorted[n/2]) / 2
}

type benchResult struct {
	elapsed, cpu time.Duration // cpu is 0 where it is not measured
	counts       counts
	peak         string
}

// benchRun codes the corpus once with n workers, the output going to files
// in dir, and measures the time and the peak memory of the run alone. An
// article the coder fails on is reported on stderr and counted, as dyad code
// does, and does not stop the measurement.
func benchRun(ctx context.Context, c coder, corpus, dir string, n int) (benchResult, error) {
	events, err := os.Create(filepath.Join(dir, "events.jsonl"))
	if err != nil {
		return benchResult{}, err
	}
	defer events.Close()
	quotes, err := os.Create(filepath.Join(dir, "quotes.jsonl"))
	if err != nil {
		return benchResult{}, err
	}
	defer quotes.Close()
	ew, _ := record.NewWriter(events, "jsonl") // a known format: no error
	qw, _ := record.NewQuoteWriter(quotes, "jsonl")
	b := &batch{coder: c, workers: n, events: ew, quotes: qw, stderr: os.Stderr}

	peak := startPeak()
	start := time.Now()
	cpu0, _ := cpuTime()
	if err := b.run(ctx, []string{corpus}, article.Options{}); err != nil {
		return benchResult{}, err
	}
	r := benchResult{elapsed: time.Since(start), counts: b.counts, peak: peak()}
	if cpu1, ok := cpuTime(); ok {
		r.cpu = cpu1 - cpu0
	}
	return r, nil
}

// benchIngest ingests the corpus once with n workers into a new SQLite
// store in dir, measured as benchRun measures dyad code.
func benchIngest(ctx context.Context, c coder, corpus, dir string, n int) (benchResult, error) {
	st, err := store.Open(ctx, filepath.Join(dir, fmt.Sprintf("ingest-%d.db", n)))
	if err != nil {
		return benchResult{}, err
	}
	defer st.Close()
	defer atLeastTwoPs()() // as dyad ingest runs
	peak := startPeak()
	start := time.Now()
	cpu0, _ := cpuTime()
	report := func(err error) { fmt.Fprintf(os.Stderr, "dyad bench: %v\n", err) }
	read, err := ingest.Enqueue(ctx, st, []string{corpus}, article.Options{}, report)
	if err != nil {
		return benchResult{}, err
	}
	w := &ingest.Worker{Store: st, Coder: c, Name: ingest.NewName(), Workers: n, Lease: time.Minute, OnFailed: report}
	coded, err := w.Drain(ctx)
	if err != nil {
		return benchResult{}, err
	}
	r := benchResult{elapsed: time.Since(start), peak: peak(),
		counts: counts{articles: coded.Articles, events: coded.Events, quotes: coded.Quotes, failed: coded.Failed + read.Bad}}
	if cpu1, ok := cpuTime(); ok {
		r.cpu = cpu1 - cpu0
	}
	return r, nil
}

// startPeak starts measuring peak memory and returns the function that
// reports it. On Linux the peak is the resident set's high-water mark
// (VmHWM), reset for the run by writing 5 to /proc/self/clear_refs; where
// that cannot be done, the peak is that of the whole process so far, and
// elsewhere it is the memory the Go runtime took from the system.
func startPeak() func() string {
	debug.FreeOSMemory() // leave out what generating the corpus left behind
	reset := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	return func() string {
		if kb, ok := vmHWM(); ok {
			s := fmt.Sprintf("%.0f", float64(kb)/1024)
			if !reset {
				s += " (process)"
			}
			return s
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return fmt.Sprintf("%.0f (Go runtime)", mib(int64(m.Sys)))
	}
}

// vmHWM reads the peak resident set size in KiB from /proc/self/status.
func vmHWM() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }
