package eval

import (
	"encoding/json"

	"github.com/dyad-org/dyad/record"
)

// FromRecords puts what the coder produced for the article with the given ID
// into the gold format, to be scored and written as predictions: evidence
// and trigger are the record's sentence and trigger text, actors keep their
// mention text and code, and an empty date becomes null.
func FromRecords(id string, events []record.Event, quotes []record.Quote) Article {
	p := Article{ID: id, Events: make([]Event, len(events)), Quotes: make([]Quote, len(quotes))}
	for i, e := range events {
		p.Events[i] = Event{
			Evidence: e.Evidence.Sentence,
			Trigger:  e.Evidence.Trigger,
			Source:   fromActor(e.Source),
			Target:   fromActor(e.Target),
			Cameo:    e.CAMEO,
			Date:     nullable(e.Date),
			Negated:  e.Negated,
		}
	}
	for i, q := range quotes {
		p.Quotes[i] = Quote{Text: q.Text, Speaker: fromActor(q.Speaker)}
	}
	return p
}

func fromActor(a *record.Actor) *Actor {
	if a == nil {
		return nil
	}
	return &Actor{Text: a.Text, Code: a.Code}
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// FormatJSON returns exactly the object of FORMAT.md's "Machine-readable
// scores", in its order: JSON without per_root, for scripts and checks that
// expect those keys and no others.
func (s Scores) FormatJSON() ([]byte, error) {
	return json.MarshalIndent(struct {
		Scores
		// A field at a shallower depth hides the embedded one of the same
		// JSON name; being nil, it is omitted.
		PerRoot *struct{} `json:"per_root,omitempty"`
	}{Scores: s}, "", "  ")
}
