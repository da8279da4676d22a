package timex

import (
	"testing"
	"time"

	"github.com/dyad-org/dyad/nlp"
)

// tokenIndex returns the index of the first token of sentence s with the
// given text.
func tokenIndex(t *testing.T, doc *nlp.Doc, s int, text string) int {
	t.Helper()
	for i, tok := range doc.Sentences[s].Tokens {
		if tok.Text == text {
			return i
		}
	}
	t.Fatalf("sentence %d has no token %q", s, text)
	return -1
}

func TestEventDate(t *testing.T) {
	type event struct {
		sentence int
		trigger  string // "" for an unknown trigger
		want     string // "" for no date
		how      How
	}
	tests := []struct {
		text, published string
		events          []event
	}{
		{ // a lead takes the time of the next sentence; the time carries on
			"Iran's president has urged Muslim countries to support the Palestinians. " +
				"In a phone call with the Emir of Qatar on Thursday, the president underlined the need for unity. " +
				"The Emir also praised Iran's position.",
			"2021-05-14",
			[]event{{0, "urged", "2021-05-13", Ahead}, {1, "underlined", "2021-05-13", Own}, {2, "praised", "2021-05-13", Carried}},
		},
		{ // a future time is the event's own but does not carry
			"The OIC said an emergency meeting would be held on Saturday. The minister also called the OIC chief.",
			"2023-04-07",
			[]event{{0, "held", "2023-04-08", Own}, {1, "called", "2023-04-07", Published}},
		},
		{ // a possessive dates its noun only
			"Rebels denied responsibility for Thursday's attack. The army blamed them.",
			"2022-04-16",
			[]event{{1, "blamed", "2022-04-16", Published}},
		},
		{ // a time in an argument dates the argument, not the predicate
			"The statement was issued today. The council condemned the attack perpetrated against the peacekeepers on 14 December.",
			"2022-12-15",
			[]event{{1, "condemned", "2022-12-15", Carried}},
		},
		{ // a vague time of the event's own clause gives no day
			"Israel has faced rocket attacks in recent days.",
			"2022-08-09",
			[]event{{0, "faced", "", NoDate}},
		},
		{ // without a trigger, the sentence's first day
			"In recent days, on Monday, rebels attacked a convoy.",
			"2022-08-09",
			[]event{{0, "", "2022-08-08", Own}},
		},
	}
	for _, tt := range tests {
		doc := analyze(t, tt.text)
		d := NewDater(doc, day(tt.published))
		for _, ev := range tt.events {
			trigger := -1
			if ev.trigger != "" {
				trigger = tokenIndex(t, doc, ev.sentence, ev.trigger)
			}
			got, how := d.EventDate(ev.sentence, trigger, false)
			s := ""
			if how != NoDate {
				s = got.Format(time.DateOnly)
			}
			if s != ev.want || how != ev.how {
				t.Errorf("%q, sentence %d %q: got %q (how %d), want %q (how %d)",
					tt.text, ev.sentence, ev.trigger, s, how, ev.want, ev.how)
			}
		}
	}
}

func TestEventDateOutOfRange(t *testing.T) {
	d := NewDater(analyze(t, "They met on Monday."), day("2022-04-16"))
	for _, s := range []int{-1, 1} {
		if _, how := d.EventDate(s, 0, false); how != NoDate {
			t.Errorf("sentence %d: how %d, want NoDate", s, how)
		}
	}
	if len(d.Exprs()) != 1 {
		t.Errorf("Exprs() = %+v, want one", d.Exprs())
	}
}
