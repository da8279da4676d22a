// Package conllu reads and writes CoNLL-U, the Universal Dependencies file
// format the tagger and parser are trained and evaluated on.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word line of a CoNLL-U sentence.
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int // 0 is the root; words count from 1
	Rel                            string
	SpaceAfter                     bool
	Misc                           string // MISC entries other than SpaceAfter, "_" or "" for none
}

// Sentence is one CoNLL-U sentence: its comments' id and text, and its words.
// Multi-word token ranges and empty nodes are skipped: dyad works on words.
type Sentence struct {
	ID, Text string
	Words    []Word
	Line     int // line number of the sentence's first line, for errors
}

// Read parses every sentence of r. name is used in error messages.
func Read(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var cur Sentence
	lineNo := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if cur.Line == 0 {
			cur.Line = lineNo
		}
		if line[0] == '#' {
			if v, ok := strings.CutPrefix(line, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(line, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		w, skip, err := parseWord(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
		if !skip {
			cur.Words = append(cur.Words, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, lineNo, err)
	}
	flush()
	return out, nil
}

func parseWord(line string) (w Word, skip bool, err error) {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return w, false, fmt.Errorf("want 10 tab-separated fields, got %d", len(f))
	}
	if strings.ContainsAny(f[0], "-.") {
		return w, true, nil // multi-word token range or empty node
	}
	head := 0
	if f[6] != "_" {
		if head, err = strconv.Atoi(f[6]); err != nil {
			return w, false, fmt.Errorf("field HEAD: %q is not a number", f[6])
		}
	}
	return Word{
		Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Rel: f[7],
		SpaceAfter: !strings.Contains(f[9], "SpaceAfter=No"),
		Misc:       f[9],
	}, false, nil
}

// Write prints sentences in CoNLL-U with the columns dyad fills.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		if s.Text != "" {
			fmt.Fprintf(bw, "# text = %s\n", s.Text)
		}
		for i, x := range s.Words {
			misc := x.Misc
			if misc == "" {
				misc = "_"
			}
			if !x.SpaceAfter && !strings.Contains(misc, "SpaceAfter=No") {
				if misc == "_" {
					misc = "SpaceAfter=No"
				} else {
					misc = "SpaceAfter=No|" + misc
				}
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n",
				i+1, blank(x.Form), blank(x.Lemma), blank(x.UPOS), blank(x.XPOS), blank(x.Feats), x.Head, blank(x.Rel), misc)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func blank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
