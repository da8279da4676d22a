package entity

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/dyad-org/dyad/nlp"
)

// Sentence is one training or evaluation sentence: its word forms, their POS
// tags ("UPOS XPOS", as the tagger's classes are) and their IOB2 labels
// (B-PER, I-PER, ..., O).
type Sentence struct {
	Forms, Tags []string
	Labels      []string
	// Heads and Rels are a parse of the sentence, if Options.Syntax.
	Heads []int
	Rels  []string
}

// Types are the entity types the tagger finds; every other type in the data
// (MISC) is read as O.
var Types = []string{"PER", "ORG", "LOC"}

// ReadWikigold reads wikigold's CoNLL file: "token TAG" lines in IOB1 (I-X
// throughout, B-X only where two entities of one type touch), blank lines
// between sentences, -DOCSTART- lines between articles.
func ReadWikigold(path string) ([]Sentence, error) {
	return readColumns(path, func(line string) (form, label string, err error) {
		f := strings.Fields(line)
		if len(f) != 2 {
			return "", "", fmt.Errorf("want \"token TAG\", got %d fields", len(f))
		}
		if f[0] == "-DOCSTART-" {
			return "", "", nil
		}
		return f[0], f[1], nil
	})
}

// ReadUNER reads a Universal NER IOB2 file: tab-separated "index token tag
// ..." lines, # comment lines, blank lines between sentences.
func ReadUNER(path string) ([]Sentence, error) {
	return readColumns(path, func(line string) (form, label string, err error) {
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return "", "", fmt.Errorf("want tab-separated \"index token tag\", got %d fields", len(f))
		}
		return f[1], f[2], nil
	})
}

// readColumns reads sentences of one token per line; parse returns the form
// and raw label of a line, or an empty form for lines to skip. Labels are
// normalised to IOB2 over Types.
func readColumns(path string, parse func(string) (form, label string, err error)) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Forms) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if line[0] == '#' {
			continue
		}
		form, raw, err := parse(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, lineNo, err)
		}
		if form == "" {
			flush() // a document boundary also ends a sentence
			continue
		}
		prev := "O"
		if n := len(cur.Labels); n > 0 {
			prev = cur.Labels[n-1]
		}
		label, err := toIOB2(raw, prev)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, lineNo, err)
		}
		cur.Forms = append(cur.Forms, form)
		cur.Labels = append(cur.Labels, label)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, lineNo+1, err)
	}
	flush()
	return out, nil
}

// toIOB2 turns an IOB1 or IOB2 label into IOB2 given the previous token's
// IOB2 label: an I-X that does not continue an X starts one. Types outside
// Types become O.
func toIOB2(raw, prev string) (string, error) {
	if raw == "O" {
		return "O", nil
	}
	bio, typ, ok := strings.Cut(raw, "-")
	if !ok || bio != "B" && bio != "I" || typ == "" {
		return "", fmt.Errorf("label %q is not O, B-TYPE or I-TYPE", raw)
	}
	if typeIndex(typ) < 0 {
		return "O", nil
	}
	if bio == "I" && (prev == "O" || prev[2:] != typ) {
		bio = "B"
	}
	return bio + "-" + typ, nil
}

func typeIndex(typ string) int {
	for i, t := range Types {
		if t == typ {
			return i
		}
	}
	return -1
}

// Spans returns the entities of an IOB2 label sequence. A stray I-X (after O
// or another type) starts an entity, as conlleval reads it.
func Spans(labels []string, out []nlp.Entity) []nlp.Entity {
	open := -1
	typ := ""
	for i, l := range labels {
		bio, t, _ := strings.Cut(l, "-")
		if open >= 0 && (bio != "I" || t != typ) {
			out = append(out, nlp.Entity{First: open, Last: i - 1, Type: typ})
			open = -1
		}
		if (bio == "B" || bio == "I") && open < 0 {
			open, typ = i, t
		}
	}
	if open >= 0 {
		out = append(out, nlp.Entity{First: open, Last: len(labels) - 1, Type: typ})
	}
	return out
}

// Score compares predicted with gold entities sentence by sentence and
// returns micro-averaged precision, recall and F1 over exact spans with their
// type.
func Score(gold, pred [][]nlp.Entity) (p, r, f1 float64) {
	var g, s, right int
	for i := range gold {
		g += len(gold[i])
		if i >= len(pred) {
			continue
		}
		s += len(pred[i])
		for _, e := range pred[i] {
			for _, x := range gold[i] {
				if e.First == x.First && e.Last == x.Last && e.Type == x.Type {
					right++
					break
				}
			}
		}
	}
	if s > 0 {
		p = float64(right) / float64(s)
	}
	if g > 0 {
		r = float64(right) / float64(g)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}
