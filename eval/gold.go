// Package eval reads gold event files and scores a coder's predictions
// against them, exactly as ../shared/eval/FORMAT.md defines both.
//
// Gold and predictions share one format (JSON Lines, one article a line), so
// the predictions dyad writes can be rescored by any other scorer. Spans are
// never stored: an event's sentence and a quote's words are located in the
// article text by exact substring search, and two strings overlap when some
// occurrence of one overlaps some occurrence of the other (see spans).
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// Actor is a mention of an actor and its CAMEO-style code.
type Actor struct {
	Text string `json:"text"`
	Code string `json:"code"`
}

// Event is one coded event. A nil Source, Target or Date is JSON null.
type Event struct {
	Evidence string  `json:"evidence"`
	Trigger  string  `json:"trigger"`
	Source   *Actor  `json:"source"`
	Target   *Actor  `json:"target"`
	Cameo    string  `json:"cameo"`
	Date     *string `json:"date"`
	Negated  bool    `json:"negated"`
}

// Quote is a direct quotation, without its quotation marks, and its speaker
// (nil when the article does not name one).
type Quote struct {
	Text    string `json:"text"`
	Speaker *Actor `json:"speaker"`
}

// Article is one line of a gold or predictions file. Predictions carry only
// ID, Events and Quotes; they are scored against the gold article's Text.
type Article struct {
	ID        string  `json:"id"`
	Publisher string  `json:"publisher"`
	Published string  `json:"published"`
	Title     string  `json:"title"`
	Text      string  `json:"text"`
	Events    []Event `json:"events"`
	Quotes    []Quote `json:"quotes"`
}

// The keys FORMAT.md gives. They must all be present, because a missing
// "target" or "date" would otherwise read as a silent null, which is a
// meaningful gold value. Unknown extra keys (such as "url") are allowed.
var (
	articleKeys = []string{"id", "publisher", "published", "title", "text", "events", "quotes"}
	eventKeys   = []string{"evidence", "trigger", "source", "target", "cameo", "date", "negated"}
	quoteKeys   = []string{"text", "speaker"}
)

var (
	cameoRE     = regexp.MustCompile(`^[0-9]{2,4}$`)
	actorCodeRE = regexp.MustCompile(`^(?:[A-Z]{3})+$`)
)

// ReadGold reads a gold file: JSON Lines, one article a line, blank lines
// ignored. name is used only in error messages, which give the file, the
// line and what is wrong, e.g.
//
//	seeds.gold.jsonl:3: event 2: cameo "9x" is not 2–4 digits
func ReadGold(r io.Reader, name string) ([]Article, error) {
	br := bufio.NewReader(r)
	var arts []Article
	seen := map[string]int{} // id -> line
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s:%d: %w", name, lineNo, err)
		}
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			a, verr := parseArticle(trimmed)
			if verr == nil {
				if prev, dup := seen[a.ID]; dup {
					verr = fmt.Errorf("id %q is already used on line %d", a.ID, prev)
				}
			}
			if verr != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, lineNo, verr)
			}
			seen[a.ID] = lineNo
			arts = append(arts, a)
		}
		if err != nil { // io.EOF after the last line
			return arts, nil
		}
	}
}

// parseArticle decodes and validates one line.
func parseArticle(line []byte) (Article, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		return Article{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if err := requireKeys(raw, articleKeys); err != nil {
		return Article{}, err
	}
	var a Article
	if err := json.Unmarshal(line, &a); err != nil {
		return Article{}, fmt.Errorf("invalid article: %w", err)
	}
	if a.ID == "" {
		return Article{}, errors.New("id is empty")
	}
	if !isDate(a.Published) {
		return Article{}, fmt.Errorf("published %q is not YYYY-MM-DD", a.Published)
	}
	if a.Text == "" {
		return Article{}, errors.New("text is empty")
	}

	var rawEvents, rawQuotes []map[string]json.RawMessage
	if err := json.Unmarshal(raw["events"], &rawEvents); err != nil {
		return Article{}, fmt.Errorf("events: %w", err)
	}
	if err := json.Unmarshal(raw["quotes"], &rawQuotes); err != nil {
		return Article{}, fmt.Errorf("quotes: %w", err)
	}
	for i, e := range a.Events {
		if err := requireKeys(rawEvents[i], eventKeys); err != nil {
			return Article{}, fmt.Errorf("event %d: %w", i+1, err)
		}
		if err := checkEvent(a.Text, e); err != nil {
			return Article{}, fmt.Errorf("event %d: %w", i+1, err)
		}
	}
	for i, q := range a.Quotes {
		if err := requireKeys(rawQuotes[i], quoteKeys); err != nil {
			return Article{}, fmt.Errorf("quote %d: %w", i+1, err)
		}
		if err := checkQuote(a.Text, q); err != nil {
			return Article{}, fmt.Errorf("quote %d: %w", i+1, err)
		}
	}
	return a, nil
}

func requireKeys(raw map[string]json.RawMessage, keys []string) error {
	for _, k := range keys {
		if _, ok := raw[k]; !ok {
			return fmt.Errorf("missing key %q", k)
		}
	}
	return nil
}

func checkEvent(text string, e Event) error {
	switch {
	case e.Evidence == "":
		return errors.New("evidence is empty")
	case !strings.Contains(text, e.Evidence):
		return fmt.Errorf("evidence %q is not an exact substring of text", clip(e.Evidence))
	case e.Trigger == "":
		return errors.New("trigger is empty")
	case !strings.Contains(e.Evidence, e.Trigger):
		return fmt.Errorf("trigger %q is not a substring of evidence", clip(e.Trigger))
	case !cameoRE.MatchString(e.Cameo):
		return fmt.Errorf("cameo %q is not 2–4 digits", e.Cameo)
	case rootName(e.Cameo[:2]) == "":
		return fmt.Errorf("cameo %q has no CAMEO root (01–20)", e.Cameo)
	case e.Date != nil && !isDate(*e.Date):
		return fmt.Errorf("date %q is neither null nor YYYY-MM-DD", *e.Date)
	}
	if err := checkActor(e.Source); err != nil {
		return fmt.Errorf("source: %w", err)
	}
	if err := checkActor(e.Target); err != nil {
		return fmt.Errorf("target: %w", err)
	}
	return nil
}

func checkQuote(text string, q Quote) error {
	switch {
	case q.Text == "":
		return errors.New("text is empty")
	case !strings.Contains(text, q.Text):
		return fmt.Errorf("text %q is not an exact substring of the article text", clip(q.Text))
	}
	if err := checkActor(q.Speaker); err != nil {
		return fmt.Errorf("speaker: %w", err)
	}
	return nil
}

// checkActor accepts null. The mention is not required to be a substring of
// the article: FORMAT.md does not say so and it is not scored.
func checkActor(a *Actor) error {
	switch {
	case a == nil:
		return nil
	case a.Text == "":
		return errors.New("text is empty")
	case !actorCodeRE.MatchString(a.Code):
		return fmt.Errorf("code %q is not groups of three capital letters", a.Code)
	}
	return nil
}

// isDate reports whether s is a real calendar date written YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// clip shortens long strings quoted in error messages.
func clip(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// WritePredictions writes preds in the gold format, one line per article with
// only id, events and quotes (FORMAT.md, "--predictions OUT"). Nil slices are
// written as [] so every line has every key.
func WritePredictions(w io.Writer, preds []Article) error {
	type line struct {
		ID     string  `json:"id"`
		Events []Event `json:"events"`
		Quotes []Quote `json:"quotes"`
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // keep "<", ">" and "&" in quoted text readable
	for _, p := range preds {
		l := line{ID: p.ID, Events: p.Events, Quotes: p.Quotes}
		if l.Events == nil {
			l.Events = []Event{}
		}
		if l.Quotes == nil {
			l.Quotes = []Quote{}
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return nil
}
