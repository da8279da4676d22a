package article

import (
	"strings"
	"unicode/utf8"
)

// fromText makes an article of a plain-text file: the whole file is the text,
// with line endings normalised to "\n", invalid UTF-8 replaced and the
// surrounding white space trimmed, but otherwise as written.
func fromText(data []byte) (Article, error) {
	text := strings.TrimSpace(cleanText(string(data)))
	if text == "" {
		return Article{}, ErrNoText
	}
	return Article{Title: textTitle(text), Text: text}, nil
}

// cleanText makes s valid UTF-8 with "\n" line endings.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}

// maxTitleRunes bounds a title line: headlines are rarely longer, and lead
// paragraphs rarely shorter.
const maxTitleRunes = 150

// textTitle returns the first line of a plain text as its title when it looks
// like a headline: at most maxTitleRunes long, followed by a blank line and
// more text, not ending like a sentence or clause ('.', ',', ';', ':'), and
// not starting with a dateline (a short lead paragraph is no headline). The
// title stays in the text: headlines are coded like any sentence.
func textTitle(text string) string {
	line, rest, ok := strings.Cut(text, "\n")
	if !ok {
		return ""
	}
	blank, body, ok := strings.Cut(rest, "\n")
	if !ok || strings.TrimSpace(blank) != "" || strings.TrimSpace(body) == "" {
		return ""
	}
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) > maxTitleRunes { // text is trimmed: line is not empty
		return ""
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':':
		return ""
	}
	if _, _, _, ok := parseDateline(line, false); ok {
		return ""
	}
	return line
}
