package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/eval"
	"github.com/dyad-org/dyad/record"
)

// tinyGold is a made-up gold file of two articles with four events and one
// quote.
const tinyGold = "testdata/tiny.gold.jsonl"

// formatKeys are the keys of FORMAT.md's machine-readable scores.
var formatKeys = []string{"articles", "gold_events", "predicted_events", "root", "triple_entity",
	"triple_full", "quad", "code", "date", "quotes"}

// halfCoder finds the meeting of tiny-001 with the gold actors and the
// quote, and codes the arrest with the wrong root; it panics on tiny-002.
type halfCoder struct{}

func (halfCoder) Code(a article.Article) coding.Result {
	if a.ID == "tiny-002" {
		panic("no bombs today")
	}
	sentence := func(s string) string {
		i := strings.Index(a.Text, s)
		end := strings.Index(a.Text[i:], ".") + i + 1
		return a.Text[i:end]
	}
	return coding.Result{
		Events: []record.Event{
			{CAMEO: "042", Date: "2024-05-09", Evidence: record.Evidence{Sentence: sentence("Kenya's Foreign"), Trigger: "met"},
				Source: &record.Actor{Text: "Amina Odede", Code: "KENGOV"}, Target: &record.Actor{Text: "Peter Lubega", Code: "UGAGOV"}},
			{CAMEO: "111", Evidence: record.Evidence{Sentence: sentence("Ugandan police"), Trigger: "arrested"},
				Source: &record.Actor{Text: "Ugandan police", Code: "UGACOP"}},
		},
		Quotes: []record.Quote{{Text: "We will keep talking until the border is open,", Speaker: &record.Actor{Text: "Odede", Code: "KENGOV"}}},
	}
}

func TestEvalJSONAndPredictions(t *testing.T) {
	preds := filepath.Join(t.TempDir(), "preds.jsonl")
	var stdout, stderr bytes.Buffer
	cfg := evalConfig{gold: []string{tinyGold}, json: true, predictions: preds, errors: true, level: "root", workers: 2}
	err := runEval(coderOf(halfCoder{}), cfg, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 gold articles") {
		t.Errorf("error %v, want the panicking article counted", err)
	}

	var scores map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &scores); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, stdout.String())
	}
	keys := make([]string, 0, len(scores))
	for k := range scores {
		keys = append(keys, k)
	}
	if slices.Sort(keys); !slices.Equal(keys, sorted(formatKeys)) {
		t.Errorf("keys %v, want %v", keys, sorted(formatKeys))
	}
	var root struct{ P, R float64 }
	json.Unmarshal(scores["root"], &root)
	if string(scores["articles"]) != "2" || string(scores["gold_events"]) != "4" || root.P != 0.5 || root.R != 0.25 {
		t.Errorf("scores %s", stdout.String())
	}

	for _, want := range []string{"dyad eval: testdata/tiny.gold.jsonl:2 (id tiny-002): coding failed: panic: no bombs today", "errors at level root: 3 missed, 1 false positive",
		"tiny-001 false positive: 111 \"arrested\" UGACOP (Ugandan police) -> null"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}

	data, err := os.ReadFile(preds)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":"tiny-001","events":[{"evidence":"Kenya's Foreign Minister`) ||
		lines[1] != `{"id":"tiny-002","events":[],"quotes":[]}` {
		t.Errorf("predictions:\n%s", data)
	}
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

func TestEvalTable(t *testing.T) {
	var stdout, stderr bytes.Buffer
	runEval(coderOf(halfCoder{}), evalConfig{gold: []string{tinyGold}, errors: true, level: "triple_entity", workers: 1}, &stdout, &stderr)
	for _, want := range []string{"2 articles, 4 gold events, 2 predicted events", "triple/entity", "04    consult",
		"errors at level triple_entity:", "\n  Ugandan police arrested 12 protesters in Kampala on Friday, a rights group said.\n"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
}

func TestEvalBadGold(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.gold.jsonl")
	os.WriteFile(bad, []byte(`{"id":"x","publisher":"","published":"2024-13-01","title":"","text":"t","events":[],"quotes":[]}`+"\n"), 0o644)
	empty := filepath.Join(dir, "empty.gold.jsonl")
	os.WriteFile(empty, nil, 0o644)
	for _, tc := range []struct {
		cfg  evalConfig
		want string
	}{
		{evalConfig{gold: []string{filepath.Join(dir, "missing.jsonl")}}, "no such file"},
		{evalConfig{gold: []string{bad}}, "bad.gold.jsonl:1: published"},
		{evalConfig{gold: []string{empty}}, "no gold articles"},
		{evalConfig{gold: []string{tinyGold, tinyGold}}, `id "tiny-001" is already used in ` + tinyGold},
		{evalConfig{gold: []string{tinyGold}, level: "sideways"}, "--level"},
		{evalConfig{}, "no gold file"},
	} {
		tc.cfg.workers = 1
		if tc.cfg.level == "" {
			tc.cfg.level = "root"
		}
		newCoder := func() (coder, error) { t.Fatal("coder built for bad gold"); return nil, nil }
		err := runEval(newCoder, tc.cfg, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.cfg.gold, err, tc.want)
		}
	}
}

// TestEvalCommand runs dyad eval as the binary does, with the real coder:
// its --json prints FORMAT.md's keys and --predictions writes a line for
// each gold article.
func TestEvalCommand(t *testing.T) {
	preds := filepath.Join(t.TempDir(), "p.jsonl")
	cmd := newEvalCmd()
	var stdout bytes.Buffer
	cmd.SetOut(&stdout)
	cmd.SetErr(&bytes.Buffer{})
	cmd.SetArgs([]string{"--gold", tinyGold, "--json", "--predictions", preds})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	var scores map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &scores); err != nil {
		t.Fatal(err)
	}
	for _, k := range formatKeys {
		if _, ok := scores[k]; !ok {
			t.Errorf("no %q in %s", k, stdout.String())
		}
	}
	data, err := os.ReadFile(preds)
	if err != nil || strings.Count(string(data), "\n") != 2 {
		t.Errorf("predictions (%v):\n%s", err, data)
	}
}

func TestEvalMin(t *testing.T) {
	if _, err := parseMin(map[string]string{"triple": "0.5"}); err == nil {
		t.Error("--min triple=0.5: want an error naming the unknown score")
	}
	if _, err := parseMin(map[string]string{"root": "high"}); err == nil {
		t.Error("--min root=high: want an error")
	}
	min, err := parseMin(map[string]string{"root": "0.7", "date": "0.5"})
	if err != nil {
		t.Fatal(err)
	}
	s := eval.Scores{Root: eval.PRF{F1: 0.6}, Date: 0.9}
	err = belowMin(s, min)
	if err == nil || !strings.Contains(err.Error(), "root 0.600 is below 0.700") || strings.Contains(err.Error(), "date") {
		t.Errorf("belowMin = %v, want root alone reported", err)
	}
	s.Root.F1 = 0.7
	if err := belowMin(s, min); err != nil {
		t.Errorf("belowMin at the threshold = %v, want nil", err)
	}
}
