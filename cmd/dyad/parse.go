package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/pipeline"
)

func newParseCmd() *cobra.Command {
	var evalFile, modelsDir string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "parse [files|-]",
		Short: "Print the tokens, tags, lemmas, dependency parse and entities of text as CoNLL-U",
		Long: `parse analyses plain text (files, or standard input with - or no argument) and
prints CoNLL-U. MISC holds each token's byte range in its input (TokenRange)
and its entity label (NE).

With --eval FILE.conllu it keeps that treebank's tokens, tags and parses them
afresh and prints UPOS, XPOS and lemma accuracy, UAS and LAS.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := loadPipeline(modelsDir)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if evalFile != "" {
				return evalTreebank(p, evalFile, asJSON, out)
			}
			if len(args) == 0 {
				args = []string{"-"}
			}
			failed := 0
			for _, name := range args {
				if err := parseFile(p, name, out); err != nil {
					fmt.Fprintln(os.Stderr, "dyad parse:", err)
					failed++
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d inputs failed", failed, len(args))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&evalFile, "eval", "", "score the pipeline on a CoNLL-U treebank (gold tokenization)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "with --eval, print the scores as one JSON object")
	cmd.Flags().StringVar(&modelsDir, "models", "", "read the model files from this directory instead of the embedded ones")
	return cmd
}

// loadPipeline loads the models of dir, or the embedded ones when dir is "".
func loadPipeline(dir string) (*pipeline.Pipeline, error) {
	if dir == "" {
		return pipeline.Default()
	}
	return pipeline.Load(os.DirFS(dir))
}

func parseFile(p *pipeline.Pipeline, name string, out io.Writer) error {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	doc := p.Analyze(string(data))
	sents := make([]conllu.Sentence, len(doc.Sentences))
	for i := range doc.Sentences {
		sents[i] = pipeline.ToCoNLLU(doc, &doc.Sentences[i], fmt.Sprintf("%s#%d", name, i+1))
	}
	return conllu.Write(out, sents)
}

func evalTreebank(p *pipeline.Pipeline, path string, asJSON bool, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := conllu.Read(f, path)
	if err != nil {
		return err
	}
	s := p.Evaluate(gold)
	if asJSON {
		return json.NewEncoder(out).Encode(s)
	}
	_, err = fmt.Fprintf(out, "tokens   %d\nUPOS     %.2f%%\nXPOS     %.2f%%\nlemma    %.2f%%\nUAS      %.2f%%\nLAS      %.2f%% (CoNLL 2018: universal relations)\nLAS full %.2f%% (with subtypes)\n",
		s.Tokens, 100*s.UPOS, 100*s.XPOS, 100*s.Lemma, 100*s.UAS, 100*s.LAS, 100*s.LASFull)
	return err
}
