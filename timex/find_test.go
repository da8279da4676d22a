package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/pipeline"
)

func analyze(t testing.TB, text string) *nlp.Doc {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p.Analyze(text)
}

// saturday is the publication date of the tests: Saturday 16 April 2022.
var saturday = time.Date(2022, 4, 16, 0, 0, 0, 0, time.UTC)

// found is an expression as the tests write it: its text and its date
// ("" when it names no day), resolved with the tense the parse gives.
type found struct{ text, date string }

func findAll(t *testing.T, text string, published time.Time) []found {
	t.Helper()
	doc := analyze(t, text)
	var got []found
	for _, e := range Find(doc) {
		f := found{text: e.Text}
		if day, ok := e.Date(published, Future(&doc.Sentences[e.Sentence], e.Governor)); ok {
			f.date = day.Format(time.DateOnly)
		}
		got = append(got, f)
	}
	return got
}

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []found
	}{
		// weekdays
		{"The minister spoke on Thursday.", []found{{"Thursday", "2022-04-14"}}},
		{"Thursday, the minister spoke to reporters.", []found{{"Thursday", "2022-04-14"}}},
		{"Israeli forces stormed the mosque Friday morning.", []found{{"Friday morning", "2022-04-15"}}},
		{"Protesters gathered in the square on Friday night.", []found{{"Friday night", "2022-04-15"}}},
		{"Thursday's attack killed 12 people.", []found{{"Thursday", "2022-04-14"}}},
		{"The rally was held on Saturday evening.", []found{{"Saturday evening", "2022-04-16"}}},
		{"Fighting resumed late on Friday.", []found{{"late on Friday", "2022-04-15"}}},
		{"Early Sunday, jets struck the port.", []found{{"Early Sunday", "2022-04-10"}}},
		{"Last week on Monday night, Zarif spoke with Haniyeh.", []found{{"Last week on Monday night", "2022-04-04"}}},
		{"The envoy arrived on Monday last week.", []found{{"Monday last week", "2022-04-04"}}},
		{"He met the envoy last Monday.", []found{{"last Monday", "2022-04-11"}}},
		{"He met the envoy this Monday.", []found{{"this Monday", "2022-04-11"}}},
		{"He will meet the envoy next Tuesday.", []found{{"next Tuesday", "2022-04-19"}}},
		{"The summit will be held on Saturday.", []found{{"Saturday", "2022-04-23"}}},
		{"Officials said the talks are set to resume on Tuesday.", []found{{"Tuesday", "2022-04-19"}}},
		{"The strike came on Tuesday, September 19, 2017.", []found{{"Tuesday, September 19, 2017", "2017-09-19"}}},
		{"The riots on Thursday (April 7) left two dead.", []found{{"Thursday (April 7)", "2022-04-07"}}},
		// day words
		{"Police arrested him yesterday.", []found{{"yesterday", "2022-04-15"}}},
		{"The talks ended today.", []found{{"today", "2022-04-16"}}},
		{"The president will address the nation tonight.", []found{{"tonight", "2022-04-16"}}},
		{"Earlier today, police said five people were hurt.", []found{{"Earlier today", "2022-04-16"}}},
		{"The day before yesterday, rebels shelled the town.", []found{{"The day before yesterday", "2022-04-14"}}},
		{"Two days ago, gunmen attacked a convoy.", []found{{"Two days ago", "2022-04-14"}}},
		{"A week ago the army shelled the city.", []found{{"A week ago", "2022-04-09"}}},
		{"Rockets hit the town last night.", []found{{"last night", "2022-04-15"}}},
		{"U.S. forces, earlier this evening, launched airstrikes.", []found{{"earlier this evening", "2022-04-16"}}},
		// dates
		{"The ministers met on April 15.", []found{{"April 15", "2022-04-15"}}},
		{"The ministers met on April 15, 2021.", []found{{"April 15, 2021", "2021-04-15"}}},
		{"The ministers met on 15 April 2021 in Doha.", []found{{"15 April 2021", "2021-04-15"}}},
		{"The ministers met on the 15th of April 2021.", []found{{"the 15th of April 2021", "2021-04-15"}}},
		{"The ministers met on the 15th.", []found{{"the 15th", "2022-04-15"}}},
		{"The decree is dated 2021-04-15.", []found{{"2021-04-15", "2021-04-15"}}},
		{"The ministers met on Sept. 2.", []found{{"Sept. 2", "2021-09-02"}}},
		{"The ministers met September 2.", []found{{"September 2", "2021-09-02"}}},
		{"Strikes began Jan. 11 and resumed on Feb 3rd.", []found{{"Jan. 11", "2022-01-11"}, {"Feb 3rd", "2022-02-03"}}},
		{"He was designated on Oct. 31st, 2001, and again on 8 Aug. 2019.", []found{{"Oct. 31st, 2001", "2001-10-31"}, {"8 Aug. 2019", "2019-08-08"}}},
		{"The attack on 14 December killed one peacekeeper.", []found{{"14 December", "2021-12-14"}}},
		{"Talks resume May 5 in Vienna.", []found{{"May 5", "2022-05-05"}}}, // within yearGrace
		// periods: found, but no day
		{"Attacks have risen in recent months.", []found{{"recent months", ""}}},
		{"Elections were held last year.", []found{{"last year", ""}}},
		{"The envoy will visit this week.", []found{{"this week", ""}}},
		{"Over the past few days, the army shelled the city.", []found{{"the past few days", ""}}},
		{"The group was founded a month ago.", []found{{"a month ago", ""}}},
		// not expressions
		{"The siege lasted for three days.", nil},
		{"A 23-year-old man was killed.", nil},
		{"The lands were occupied in 1948.", nil},
		{"Elections are due in April.", nil},
		{"He said talks may resume in March.", nil},
		{"The 21st century began with the 15th anniversary of the accord.", nil},
		{"The next day, the army withdrew.", nil},
	}
	for _, tt := range tests {
		got := findAll(t, tt.text, saturday)
		if !equalFound(got, tt.want) {
			t.Errorf("%q:\n got %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

func equalFound(a, b []found) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestFindValue checks the parsed values that the dates do not show.
func TestFindValue(t *testing.T) {
	tests := []struct {
		text string
		want Value
	}{
		{"They met Friday morning.", Value{Kind: Weekday, Weekday: time.Friday, Part: Morning}},
		{"They met late on Friday.", Value{Kind: Weekday, Weekday: time.Friday, Edge: 1}},
		{"They met last week on Monday night.", Value{Kind: Weekday, Anchor: WeekOf, Shift: -1, Weekday: time.Monday, Part: Night}},
		{"They met next Tuesday.", Value{Kind: Weekday, Anchor: Next, Weekday: time.Tuesday}},
		{"They met tonight.", Value{Kind: Relative, Part: Night}},
		{"They met two days ago.", Value{Kind: Relative, Offset: -2}},
		{"They met on Sept. 2.", Value{Kind: Calendar, Month: time.September, Day: 2}},
		{"They met on the 15th.", Value{Kind: DayOfMonth, Day: 15}},
		{"They met last week.", Value{Kind: Period, Unit: 7, Shift: -1}},
	}
	for _, tt := range tests {
		exprs := Find(analyze(t, tt.text))
		if len(exprs) != 1 || exprs[0].Value != tt.want {
			t.Errorf("%q: got %+v, want one with %+v", tt.text, exprs, tt.want)
		}
	}
}

// TestGovernor checks the parse attachment on plain sentences.
func TestGovernor(t *testing.T) {
	tests := []struct{ text, expr, governor string }{
		{"The minister urged the rebels on Saturday to lay down their arms.", "Saturday", "urged"},
		{"Thursday's attack killed 12 people.", "Thursday", "attack"},
		{"Police arrested two men yesterday.", "yesterday", "arrested"},
	}
	for _, tt := range tests {
		doc := analyze(t, tt.text)
		exprs := Find(doc)
		if len(exprs) != 1 || exprs[0].Text != tt.expr {
			t.Errorf("%q: got %+v, want %q", tt.text, exprs, tt.expr)
			continue
		}
		e := exprs[0]
		got := "<none>"
		if e.Governor >= 0 {
			got = doc.Sentences[e.Sentence].Tokens[e.Governor].Text
		}
		if got != tt.governor {
			t.Errorf("%q: governor of %q is %q, want %q", tt.text, tt.expr, got, tt.governor)
		}
	}
}

func TestFindOffsets(t *testing.T) {
	text := "TEHRAN – On Friday, the minister met his counterpart. Two days ago, rebels struck."
	doc := analyze(t, text)
	exprs := Find(doc)
	if len(exprs) != 2 {
		t.Fatalf("got %+v, want two expressions", exprs)
	}
	for _, e := range exprs {
		if text[e.Start:e.End] != e.Text || !strings.Contains(text, e.Text) {
			t.Errorf("%+v: offsets do not give the text", e)
		}
		toks := doc.Sentences[e.Sentence].Tokens
		if toks[e.First].Start != e.Start || toks[e.Last].End != e.End {
			t.Errorf("%+v: offsets are not those of the token span", e)
		}
	}
	// The dateline "TEHRAN –" is a sentence of its own.
	if exprs[0].Sentence != 1 || exprs[1].Sentence != 2 {
		t.Errorf("sentences %d, %d; want 1, 2", exprs[0].Sentence, exprs[1].Sentence)
	}
}
