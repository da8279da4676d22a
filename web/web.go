// Package web serves dyad's single-page analyst UI. All assets are embedded
// so the UI works without internet access; it talks to the JSON API under
// /api/ on the same origin.
package web

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed static
var static embed.FS

// Handler serves the UI: index.html at / and the assets next to it.
func Handler() http.Handler {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return http.FileServerFS(sub)
}
