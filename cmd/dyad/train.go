package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dyad-org/dyad/nlp/training"
)

func newTrainCmd() *cobra.Command {
	var dataDir, outDir string
	var splits []string
	cmd := &cobra.Command{
		Use:   "train tagger|lemmatizer|parser|entities|all",
		Short: "Reproduce the embedded model files from the training data",
		Long: `Trains a model from the shared training data (see ../shared/data/MANIFEST.md)
and writes it to --out (by default models/, the directory the binary embeds).
Rebuild the binary afterwards to embed the new models.`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"tagger", "lemmatizer", "parser", "entities", "all"},
		RunE: func(cmd *cobra.Command, args []string) error {
			log := logger()
			c := training.DefaultConfig(dataDir, outDir)
			c.Splits = splits
			steps := map[string]func() error{
				"tagger":     func() error { return training.Tagger(c, log) },
				"lemmatizer": func() error { return training.Lemmatizer(c) },
				"parser":     func() error { return training.Parser(c, log) },
				"entities":   func() error { return training.Entities(c, log) },
			}
			names := []string{args[0]}
			if args[0] == "all" {
				names = []string{"tagger", "lemmatizer", "parser", "entities"}
			}
			for _, name := range names {
				step, ok := steps[name]
				if !ok {
					return fmt.Errorf("train: unknown model %q (want tagger, lemmatizer, parser, entities or all)", name)
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
	cmd.Flags().StringSliceVar(&splits, "splits", []string{"train", "dev"}, "EWT splits to train on (test is kept for scoring)")
	return cmd
}
