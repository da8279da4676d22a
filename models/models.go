// Package models embeds the trained model files that `dyad train` produces,
// so the binary needs nothing beside it. See the README for how to retrain.
package models

import "embed"

// FS holds the model files.
//
//go:embed *.model.gz
var FS embed.FS
