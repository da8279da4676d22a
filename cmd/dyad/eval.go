package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/eval"
)

// evalConfig is what the flags of dyad eval say.
type evalConfig struct {
	gold        []string
	json        bool
	predictions string // file to write the predictions to; "" for none
	errors      bool
	level       string // the matching --errors lists
	workers     int
	// min maps a score's name to the least value that passes (--min).
	min map[string]string
}

func newEvalCmd() *cobra.Command {
	var cfg evalConfig
	cmd := &cobra.Command{
		Use:   "eval --gold FILE... [--json] [--predictions OUT] [--errors [--level LEVEL]]",
		Short: "Score the event coder against gold event files",
		Long: `eval codes the text of every article of the gold files (JSON Lines, as
../shared/eval/FORMAT.md describes them) with its id, title, publisher and
publication date, and scores the events and quotes against the gold ones,
pooled over all files. Gold files may follow --gold or be further arguments.

It prints the scores overall and per CAMEO root, or with --json exactly the
object of FORMAT.md. --predictions OUT writes what the coder produced in the
gold format; --errors lists the missed gold events and the false positives at
--level with their sentences (on stderr with --json, to keep stdout JSON).
--min NAME=VALUE (repeatable) makes eval fail when a score falls below VALUE:
the F1 of root, triple_entity, triple_full, quad or quotes, or code, date or
speaker_accuracy.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg.gold = append(cfg.gold, args...)
			return runEval(defaultCoder, cfg, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&cfg.gold, "gold", nil, "gold `FILE` (JSON Lines); repeat, or add more files as arguments")
	f.BoolVar(&cfg.json, "json", false, "print the scores as FORMAT.md's JSON object")
	f.StringVar(&cfg.predictions, "predictions", "", "write the predictions to `OUT`, in the gold format")
	f.BoolVar(&cfg.errors, "errors", false, "list false positives and missed gold events with their sentences")
	f.StringVar(&cfg.level, "level", eval.LevelTripleEntity, "`LEVEL` of the matching --errors lists: root, triple_entity, triple_full or quad")
	f.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "`N` articles coded at once")
	f.StringToStringVar(&cfg.min, "min", nil, "fail when score `NAME=VALUE` is not reached (repeatable)")
	return cmd
}

// runEval is dyad eval after its flags. It reads the gold before it builds
// the coder, so that a bad gold file is reported without the wait.
func runEval(newCoder func() (coder, error), cfg evalConfig, stdout, stderr io.Writer) error {
	if len(cfg.gold) == 0 {
		return errors.New("no gold file: give --gold FILE")
	}
	if cfg.workers < 1 {
		return fmt.Errorf("--workers %d: want at least 1", cfg.workers)
	}
	if _, err := eval.Errors(nil, nil, cfg.level); err != nil { // checks the level name
		return fmt.Errorf("--level: %w", err)
	}
	min, err := parseMin(cfg.min)
	if err != nil {
		return err
	}
	set, err := readGoldFiles(cfg.gold)
	if err != nil {
		return err
	}
	c, err := newCoder()
	if err != nil {
		return err
	}
	preds, failed := predict(c, set.arts, cfg.workers, stderr)
	if cfg.predictions != "" {
		if err := writePredictions(cfg.predictions, preds); err != nil {
			return err
		}
	}
	scores := eval.Score(set.gold, preds)
	if err := printScores(stdout, scores, cfg.json); err != nil {
		return err
	}
	if cfg.errors {
		w := stdout
		if cfg.json {
			w = stderr
		}
		misses, _ := eval.Errors(set.gold, preds, cfg.level) // the level is checked above
		printMisses(w, cfg.level, misses)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d gold articles could not be coded (scored as predicting nothing)", failed, len(set.arts))
	}
	return belowMin(scores, min)
}

// parseMin checks the --min names and reads their values.
func parseMin(raw map[string]string) (map[string]float64, error) {
	min := map[string]float64{}
	for name, v := range raw {
		if _, err := (eval.Scores{}).Figure(name); err != nil {
			return nil, fmt.Errorf("--min: %w", err)
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1 {
			return nil, fmt.Errorf("--min %s=%s: want a number from 0 to 1", name, v)
		}
		min[name] = f
	}
	return min, nil
}

// belowMin reports the scores that fall short of their --min, in name order.
func belowMin(s eval.Scores, min map[string]float64) error {
	var short []string
	for name, want := range min {
		got, _ := s.Figure(name) // names are checked before coding
		if got < want {
			short = append(short, fmt.Sprintf("%s %.3f is below %.3f", name, got, want))
		}
	}
	if len(short) == 0 {
		return nil
	}
	sort.Strings(short)
	return errors.New(strings.Join(short, "; "))
}

// goldSet is the gold articles of all the files, pooled, and beside each the
// article to code: the same line read as dyad code reads a JSON Lines file
// (with its dateline, and a publisher from an agency tag where the line has
// none), so that eval scores what dyad code would write.
type goldSet struct {
	gold []eval.Article
	arts []article.Article
}

func readGoldFiles(paths []string) (goldSet, error) {
	var set goldSet
	fileOf := map[string]string{} // article ID -> gold file
	for _, path := range paths {
		gold, arts, err := readGoldFile(path)
		if err != nil {
			return goldSet{}, err
		}
		for _, g := range gold {
			// Scores are pooled by article ID: two files with one ID would
			// score one article's predictions against the other's gold.
			if prev, dup := fileOf[g.ID]; dup {
				return goldSet{}, fmt.Errorf("%s: id %q is already used in %s", path, g.ID, prev)
			}
			fileOf[g.ID] = path
		}
		set.gold = append(set.gold, gold...)
		set.arts = append(set.arts, arts...)
	}
	return set, nil
}

func readGoldFile(path string) ([]eval.Article, []article.Article, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	gold, err := eval.ReadGold(bytes.NewReader(data), path)
	if err != nil {
		return nil, nil, err
	}
	if len(gold) == 0 {
		return nil, nil, fmt.Errorf("%s: no gold articles", path)
	}
	arts, err := article.ReadOne(bytes.NewReader(data), path, article.JSONL, article.Options{})
	if err != nil {
		return nil, nil, err
	}
	// Both readers skip blank lines only, so the lines pair up; a mismatch
	// would mean the two disagree on the file.
	if len(arts) != len(gold) {
		return nil, nil, fmt.Errorf("%s: %d gold articles but %d articles to code", path, len(gold), len(arts))
	}
	for i := range gold {
		if arts[i].ID != gold[i].ID || arts[i].Text != gold[i].Text {
			return nil, nil, fmt.Errorf("%s: gold article %q read as article %q with another text", path, gold[i].ID, arts[i].ID)
		}
	}
	return gold, arts, nil
}

// predict codes the articles with workers goroutines and returns the
// predictions in the articles' order, with the number of articles the coder
// failed on (reported on stderr; their predictions are empty).
func predict(c coder, arts []article.Article, workers int, stderr io.Writer) ([]eval.Article, int) {
	preds := make([]eval.Article, len(arts))
	errs := make([]error, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(arts)) {
		wg.Go(func() {
			for i := range next {
				var res coding.Result
				res, errs[i] = coding.Safely(c, arts[i])
				preds[i] = eval.FromRecords(arts[i].ID, res.Events, res.Quotes)
			}
		})
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "dyad eval: %v\n", err)
		}
	}
	return preds, failed
}

func writePredictions(path string, preds []eval.Article) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = eval.WritePredictions(f, preds)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing predictions: %w", err)
	}
	return nil
}

func printScores(w io.Writer, s eval.Scores, asJSON bool) error {
	if !asJSON {
		return s.Table(w)
	}
	b, err := s.FormatJSON()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// printMisses lists the errors of one level's matching, each with its
// sentence and the other side's events in that sentence, which show why it
// did not match (another root, another actor) or that the sentence was
// missed altogether.
func printMisses(w io.Writer, level string, misses []eval.Miss) {
	n := map[string]int{}
	for _, m := range misses {
		n[m.Kind]++
	}
	fmt.Fprintf(w, "\nerrors at level %s: %d missed, %s\n", level, n[eval.Missed], plural(n[eval.FalsePositive], "false positive"))
	for _, m := range misses {
		other := "predicted"
		if m.Kind == eval.FalsePositive {
			other = "gold"
		}
		fmt.Fprintf(w, "\n%s %s: %s\n  %s\n", m.ArticleID, m.Kind, describe(m.Event), m.Event.Evidence)
		for _, e := range m.Near {
			fmt.Fprintf(w, "  %s here: %s\n", other, describe(e))
		}
	}
}

// describe shows an event on one line: `111 "condemned" FRAGOV (France's
// foreign minister) -> DEU (Germany) 2024-03-04`.
func describe(e eval.Event) string {
	s := fmt.Sprintf("%s %q %s -> %s", e.Cameo, e.Trigger, describeActor(e.Source), describeActor(e.Target))
	if e.Negated {
		s += " negated"
	}
	if e.Date != nil {
		s += " " + *e.Date
	}
	return s
}

func describeActor(a *eval.Actor) string {
	if a == nil {
		return "null"
	}
	return fmt.Sprintf("%s (%s)", a.Code, a.Text)
}
