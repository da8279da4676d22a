package tokenize

import (
	"strings"
	"unicode/utf8"
)

// quoteNorms maps the usual forms with curly quotes to their Norm, so that
// the common cases need no allocation.
var quoteNorms = map[string]string{
	"“": `"`, "”": `"`, "„": `"`, "«": `"`, "»": `"`,
	"‘‘": `"`, "’’": `"`, "‘": "'", "’": "'",
}

func init() {
	for _, c := range []string{"'s", "'S", "n't", "N'T", "'m", "'M", "'re", "'RE", "'ve", "'VE", "'ll", "'LL", "'d", "'D"} {
		quoteNorms[strings.Replace(c, "'", "’", 1)] = c
	}
}

// norm returns the form the models see: the text with invalid UTF-8
// replaced by U+FFFD, curly apostrophes straightened ("n’t" → "n't") and
// every double quote mark written ".
func norm(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return normUnicode(w)
		}
	}
	if w == "``" || w == "''" {
		return `"`
	}
	return w
}

func normUnicode(w string) string {
	if n, ok := quoteNorms[w]; ok {
		return n
	}
	if !utf8.ValidString(w) {
		w = strings.ToValidUTF8(w, "\uFFFD")
	}
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}
