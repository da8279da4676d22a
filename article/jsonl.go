package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// readJSONL reads one article per line, line by line, so a file of any size
// takes memory for one line at most. Blank lines are skipped.
func (rd *reader) readJSONL(br *bufio.Reader, src, id string) error {
	limit := rd.o.maxBytes()
	var buf []byte
	var off int64
	for n := 1; ; n++ {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		line, size, tooLong, readErr := readLine(br, buf[:0], limit)
		buf = line
		at := func(err error) error { return &InputError{Path: src, Line: n, Offset: off, Err: err} }
		switch {
		case tooLong:
			rd.onErr(at(fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)))
		case len(bytes.TrimSpace(line)) > 0:
			a, err := parseJSONLine(line)
			if err != nil {
				rd.onErr(at(err))
				break
			}
			a.Source = src + ":" + strconv.Itoa(n)
			if a.ID == "" {
				a.ID = id + ":" + strconv.Itoa(n)
			}
			if err := rd.emit(a); err != nil {
				return err
			}
		}
		if readErr != nil {
			if readErr != io.EOF {
				rd.onErr(at(readErr))
			}
			return nil
		}
		off += size
	}
}

// readLine reads the next line into buf (without its line ending) and
// returns it with the number of bytes consumed. A line longer than limit is
// read to its end but not kept (tooLong), so a huge line cannot exhaust
// memory; bufio.Scanner would instead stop the whole file at such a line.
func readLine(br *bufio.Reader, buf []byte, limit int64) (line []byte, size int64, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if !tooLong {
			if int64(len(buf)+len(chunk)) > limit+2 { // room for "\r\n"
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		return buf, size, tooLong || int64(len(buf)) > limit, err
	}
}

// jsonArticle is the JSONL record; other fields (such as a gold file's
// "events") are ignored.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	Published string          `json:"published"`
	Publisher string          `json:"publisher"`
	URL       string          `json:"url"`
}

// parseJSONLine decodes one JSONL record. The text is kept exactly as given
// (encoding/json already replaces invalid UTF-8), so that offsets and
// evidence strings made against it elsewhere, as in gold files, still hold.
func parseJSONLine(line []byte) (Article, error) {
	var r jsonArticle
	if err := json.Unmarshal(line, &r); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return Article{}, fmt.Errorf("invalid JSON at byte %d of the line: %v", se.Offset, err)
		case errors.As(err, &te) && te.Field == "":
			return Article{}, fmt.Errorf("want a JSON object, not a %s", te.Value)
		case errors.As(err, &te):
			return Article{}, fmt.Errorf("field %s: want a %s, not a %s", te.Field, te.Type, te.Value)
		}
		return Article{}, fmt.Errorf("invalid JSON: %v", err)
	}
	id, err := jsonID(r.ID)
	if err != nil {
		return Article{}, err
	}
	if strings.TrimSpace(r.Text) == "" {
		return Article{}, errors.New("field text: missing or empty")
	}
	published, err := ParseDate(strings.TrimSpace(r.Published))
	if err != nil {
		return Article{}, fmt.Errorf("field published: %v", err)
	}
	return Article{
		ID:        id,
		Title:     strings.TrimSpace(r.Title),
		Text:      r.Text,
		Published: published,
		Publisher: strings.TrimSpace(r.Publisher),
		URL:       strings.TrimSpace(r.URL),
	}, nil
}

// jsonID accepts an id given as a string or a number, as both are common.
func jsonID(raw json.RawMessage) (string, error) {
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return "", nil
	case raw[0] == '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		return string(raw), nil
	}
	return "", errors.New("field id: want a string or a number")
}
