package eval

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/record"
)

// asRecords turns the gold article's events and quotes into the records a
// coder would give for them, with the fields the gold format has no place for
// filled in too.
func asRecords(g Article) ([]record.Event, []record.Quote) {
	actor := func(a *Actor) *record.Actor {
		if a == nil {
			return nil
		}
		return &record.Actor{Text: a.Text, Code: a.Code, Country: a.Code[:3], Mention: record.Span{Start: 1, End: 2}}
	}
	var events []record.Event
	for i, e := range g.Events {
		r := record.Event{
			ID: g.ID + "#" + string(rune('1'+i)), ArticleID: g.ID, Published: g.Published,
			Source: actor(e.Source), Target: actor(e.Target), CAMEO: e.Cameo, Root: e.Cameo[:2],
			Goldstein: -4, QuadClass: quadClass(e.Cameo), Negated: e.Negated,
			Evidence: record.Evidence{Sentence: e.Evidence, Trigger: e.Trigger, SentenceSpan: record.Span{Start: strings.Index(g.Text, e.Evidence)}},
		}
		if e.Date != nil {
			r.Date = *e.Date
		}
		events = append(events, r)
	}
	var quotes []record.Quote
	for _, q := range g.Quotes {
		quotes = append(quotes, record.Quote{ArticleID: g.ID, Text: q.Text, Speaker: actor(q.Speaker), Cue: "said"})
	}
	return events, quotes
}

func TestFromRecords(t *testing.T) {
	g := goldArticle()
	events, quotes := asRecords(g)
	p := FromRecords(g.ID, events, quotes)
	want := Article{ID: g.ID, Events: g.Events, Quotes: g.Quotes}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("converted\n%+v\nwant\n%+v", p, want)
	}
	checkPerfect(t, Score([]Article{g}, []Article{p}))

	empty := FromRecords("none", nil, nil)
	if empty.Events == nil || empty.Quotes == nil {
		t.Error("no records should give empty lists, written as [] rather than null")
	}
}

// TestFormatJSON checks the object against FORMAT.md's block: its keys, in
// its order, and nothing else.
func TestFormatJSON(t *testing.T) {
	g := goldArticle()
	b, err := Score([]Article{g}, []Article{clone(g)}).FormatJSON()
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok {
		case json.Delim('{'):
			depth++
		case json.Delim('}'):
			depth--
		default:
			// At depth 1 every string is a key: the values are numbers and
			// objects.
			if s, ok := tok.(string); ok && depth == 1 {
				keys = append(keys, s)
			}
		}
	}
	want := []string{"articles", "gold_events", "predicted_events", "root", "triple_entity",
		"triple_full", "quad", "code", "date", "quotes"}
	if !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
}
