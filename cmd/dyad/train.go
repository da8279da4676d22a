package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dyad-org/dyad/nlp/parser"
	"github.com/dyad-org/dyad/nlp/tagger"
	"github.com/dyad-org/dyad/nlp/training"
)

func newTrainCmd() *cobra.Command {
	var dataDir, outDir string
	var folds int
	cmd := &cobra.Command{
		Use:   "train tagger|lemmatizer|parser|all",
		Short: "Reproduce the embedded model files from the training data",
		Long: `Trains a model from the shared training data (see ../shared/data/MANIFEST.md)
and writes it to --out (by default models/, the directory the binary embeds).
Rebuild the binary afterwards to embed the new models.`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"tagger", "lemmatizer", "parser", "all"},
		RunE: func(cmd *cobra.Command, args []string) error {
			log := logger()
			steps := map[string]func() error{
				"tagger":     func() error { return training.Tagger(dataDir, outDir, tagger.DefaultOptions, log) },
				"lemmatizer": func() error { return training.Lemmatizer(dataDir, outDir, 2) },
				"parser": func() error {
					return training.Parser(dataDir, outDir, folds, tagger.DefaultOptions, parser.DefaultOptions, log)
				},
			}
			names := []string{args[0]}
			if args[0] == "all" {
				names = []string{"tagger", "lemmatizer", "parser"}
			}
			for _, name := range names {
				step, ok := steps[name]
				if !ok {
					return fmt.Errorf("train: unknown model %q (want tagger, lemmatizer, parser or all)", name)
				}
				log.Info("training", "model", name, "data", dataDir, "out", outDir)
				if err := step(); err != nil {
					return fmt.Errorf("train %s: %w", name, err)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dataDir, "data", "../shared/data", "directory of the training data")
	cmd.Flags().StringVar(&outDir, "out", "models", "directory to write the model files to")
	cmd.Flags().IntVar(&folds, "folds", 5, "jackknife folds for the parser's training tags")
	return cmd
}
