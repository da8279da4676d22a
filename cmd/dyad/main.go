// Command dyad turns news text into political event data. Its subcommands are
// thin: flags in, a library call, output out.
package main

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{
		Use:           "dyad",
		Short:         "dyad turns news into political event data: who did what to whom, with evidence",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newParseCmd(), newTrainCmd(), newCodeCmd(), newEvalCmd(), newBenchCmd(), newIngestCmd(), newServeCmd())
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "dyad:", err)
		os.Exit(1)
	}
}

func logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}
