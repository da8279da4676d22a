package article

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Kind is the format of an input.
type Kind int

const (
	// Auto detects the kind from the name's extension, else from the first bytes.
	Auto Kind = iota
	Text
	HTML
	JSONL
)

func (k Kind) String() string {
	switch k {
	case Text:
		return "text"
	case HTML:
		return "html"
	case JSONL:
		return "jsonl"
	}
	return "auto"
}

// kindOfName returns the kind a file name's extension says, or Auto.
func kindOfName(name string) Kind {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return Text
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	}
	return Auto
}

// sniffLen is how much of an input is looked at to tell its kind and whether
// it is binary.
const sniffLen = 8 << 10

// sniffKind tells the kind of an input from its first bytes: JSON Lines start
// with '{', HTML with a tag and has an html, head, body or doctype tag near
// the start; anything else is text.
func sniffKind(head []byte) Kind {
	head = bytes.TrimLeft(head, " \t\r\n\f")
	switch {
	case len(head) == 0:
		return Text
	case head[0] == '{':
		return JSONL
	case head[0] == '<':
		lower := bytes.ToLower(head[:min(len(head), 1024)])
		for _, tag := range htmlTags {
			if bytes.Contains(lower, []byte(tag)) {
				return HTML
			}
		}
	}
	return Text
}

var htmlTags = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"}

// looksBinary reports whether the start of an input is not text: it holds a
// NUL byte, or more than a tenth of it is control characters other than
// white space. Text in UTF-8 or any 8-bit encoding has almost none; compressed
// or executable data has many.
func looksBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') || c == 0x7f {
			ctrl++
		}
	}
	return ctrl*10 > len(head)
}
