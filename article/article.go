// Package article reads news articles from plain text, HTML and JSON Lines
// into Article values, the input of the rest of the pipeline.
//
// Readers never stop a batch for one bad article: every problem with an input
// is reported as an *InputError naming the file (and line) and reading goes on.
// Offsets computed by later stages index Article.Text, so every reader settles
// the text once here and later stages never change it.
package article

import (
	"errors"
	"fmt"
	"time"
)

// Article is one news article with its metadata.
type Article struct {
	// ID identifies the article stably across runs: the JSONL "id" field, or
	// else the input's path (relative to the working directory, with "/"
	// separators), with ":LINE" appended for JSONL lines.
	ID    string
	Title string
	// Text is the body, always valid UTF-8 (invalid bytes are replaced with
	// U+FFFD). Text from HTML has its paragraphs separated by a blank line
	// ("\n\n"); plain text (with "\n" line endings) and JSONL text are kept
	// as written, as offsets made elsewhere may point into them.
	Text string
	// Published is zero when unknown.
	Published time.Time
	Publisher string
	URL       string
	// Dateline is the place of a leading dateline ("TEHRAN" for
	// "TEHRAN, Apr. 16 (MNA) – ..."); the dateline stays in Text, at bytes
	// DatelineStart to DatelineEnd (both 0 without one).
	Dateline                   string
	DatelineStart, DatelineEnd int
	// Source says where the article came from: "file.jsonl:12", "dir/a.html",
	// "-" for standard input.
	Source string
}

// DefaultMaxBytes is the size limit of one article when Options.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// Options are defaults and limits for reading articles.
type Options struct {
	// Published and Publisher are used for articles whose input does not
	// give them (plain text always; JSONL and HTML where the field or page
	// metadata is missing). A publisher named by an agency tag in the
	// dateline ("(MNA)") is used only when both are missing.
	Published time.Time
	Publisher string
	// MaxBytes limits the size of one article (a text or HTML file, a JSONL
	// line); a larger one is an error for that article. 0 means
	// DefaultMaxBytes.
	MaxBytes int64
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Reasons an input is not read; InputError wraps them (test with errors.Is).
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file, not an article")
	ErrTooLarge = errors.New("article over the size limit")
	ErrNoText   = errors.New("no article text found")
)

// InputError is a problem with one input (a file, or a line of a JSONL
// file). Its message starts with the place: "news.jsonl:17: field published: ...".
type InputError struct {
	Path   string // the file as given, "-" for standard input
	Line   int    // 1-based JSONL line; 0 when the whole file is meant
	Offset int64  // byte offset of that line in the file
	Err    error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// ParseDate parses a publication date given as YYYY-MM-DD (taken as midnight
// UTC) or as RFC 3339; "" gives the zero time.
func ParseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is neither YYYY-MM-DD nor RFC 3339", s)
}
