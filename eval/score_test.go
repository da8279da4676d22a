package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

// A made-up article for the tests.
const (
	s1 = "France's foreign minister condemned the shelling of the port on Monday."
	s2 = "German troops fired on protesters in the square."
	s3 = "The United Nations urged both sides to talk."
	s4 = "“We will not stay silent,” the minister said."
	q1 = "We will not stay silent,"
)

var text = strings.Join([]string{s1, s2, s3, s4}, " ")

func actor(text, code string) *Actor { return &Actor{Text: text, Code: code} }
func date(d string) *string          { return &d }

func goldArticle() Article {
	return Article{
		ID: "t-1", Publisher: "Test Wire", Published: "2024-03-06", Text: text,
		Events: []Event{
			{Evidence: s1, Trigger: "condemned", Source: actor("France's foreign minister", "FRAGOV"),
				Target: actor("Germany", "DEU"), Cameo: "111", Date: date("2024-03-04")},
			{Evidence: s2, Trigger: "fired on", Source: actor("German troops", "DEUMIL"),
				Target: actor("protesters", "DEUCVL"), Cameo: "180"},
			{Evidence: s3, Trigger: "urged", Source: actor("The United Nations", "IGOUNO"),
				Cameo: "022"},
		},
		Quotes: []Quote{{Text: q1, Speaker: actor("France's foreign minister", "FRAGOV")}},
	}
}

// clone deep-copies an article so a test can alter the prediction freely.
func clone(a Article) Article {
	b, err := json.Marshal(a)
	if err != nil {
		panic(err)
	}
	var c Article
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	return c
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkPRF(t *testing.T, name string, got PRF, p, r float64) {
	t.Helper()
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	if !near(got.P, p) || !near(got.R, r) || !near(got.F1, f1) {
		t.Errorf("%s = P %.3f R %.3f F1 %.3f, want P %.3f R %.3f F1 %.3f", name, got.P, got.R, got.F1, p, r, f1)
	}
}

func checkPerfect(t *testing.T, s Scores) {
	t.Helper()
	for name, prf := range map[string]PRF{"root": s.Root, "triple_entity": s.TripleEntity,
		"triple_full": s.TripleFull, "quad": s.Quad} {
		checkPRF(t, name, prf, 1, 1)
	}
	// date has no dated gold events to count in some files (ag_dev): then it is 0.
	if s.Code != 1 || s.Date != float64(min(s.DatedMatches, 1)) || s.DateEqual != s.DatedMatches {
		t.Errorf("code %v date %v (%d of %d), want 1", s.Code, s.Date, s.DateEqual, s.DatedMatches)
	}
	checkPRF(t, "quotes", s.Quotes.PRF, 1, 1)
	if s.Quotes.SpeakerAccuracy != 1 {
		t.Errorf("speaker accuracy %v, want 1", s.Quotes.SpeakerAccuracy)
	}
	for root, r := range s.PerRoot {
		checkPRF(t, "per_root "+root+" root", r.Root, 1, 1)
		checkPRF(t, "per_root "+root+" triple_entity", r.TripleEntity, 1, 1)
	}
}

func TestPerfect(t *testing.T) {
	g := goldArticle()
	s := Score([]Article{g}, []Article{clone(g)})
	checkPerfect(t, s)
	if s.Articles != 1 || s.GoldEvents != 3 || s.PredictedEvents != 3 {
		t.Errorf("counts %d/%d/%d, want 1/3/3", s.Articles, s.GoldEvents, s.PredictedEvents)
	}
}

func TestActorLevels(t *testing.T) {
	for _, tc := range []struct {
		name         string
		gold, pred   *Actor
		entity, full bool
	}{
		{"same code", actor("x", "FRAGOV"), actor("y", "FRAGOV"), true, true},
		{"other role, same country", actor("x", "FRAGOV"), actor("y", "FRAMIL"), true, false},
		{"country alone vs role", actor("x", "FRA"), actor("y", "FRAGOV"), true, false},
		{"other country", actor("x", "FRAGOV"), actor("y", "DEUGOV"), false, false},
		{"IGO compared whole", actor("x", "IGOUNO"), actor("y", "IGOEUREEC"), false, false},
		{"NGO compared whole", actor("x", "NGOHLHIRC"), actor("y", "NGOXXX"), false, false},
		{"IMG compared whole", actor("x", "IMGMUSAQI"), actor("y", "IMGXXX"), false, false},
		{"same IGO", actor("x", "IGOUNO"), actor("y", "IGOUNO"), true, true},
		{"null vs null", nil, nil, true, true},
		{"null vs actor", nil, actor("y", "FRA"), false, false},
		{"actor vs null", actor("x", "FRA"), nil, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := Article{ID: "a", Text: s1, Events: []Event{{Evidence: s1, Trigger: "condemned",
				Source: actor("France's foreign minister", "FRAGOV"), Target: tc.gold, Cameo: "111"}}}
			p := clone(g)
			p.Events[0].Target = tc.pred
			s := Score([]Article{g}, []Article{p})
			checkPRF(t, "root", s.Root, 1, 1)
			want := func(ok bool) float64 {
				if ok {
					return 1
				}
				return 0
			}
			checkPRF(t, "triple_entity", s.TripleEntity, want(tc.entity), want(tc.entity))
			checkPRF(t, "quad", s.Quad, want(tc.entity), want(tc.entity))
			checkPRF(t, "triple_full", s.TripleFull, want(tc.full), want(tc.full))
		})
	}
}

func TestWrongSourceActor(t *testing.T) {
	g := goldArticle()
	p := clone(g)
	p.Events[1].Source = actor("German soldiers", "DEUGOV") // right country, wrong role
	p.Events[2].Source = actor("The United Nations", "IGOEUREEC")
	s := Score([]Article{g}, []Article{p})
	checkPRF(t, "root", s.Root, 1, 1)
	checkPRF(t, "triple_entity", s.TripleEntity, 2.0/3, 2.0/3)
	checkPRF(t, "triple_full", s.TripleFull, 1.0/3, 1.0/3)
	if s.Code != 1 {
		t.Errorf("code = %v, want 1: actors do not affect code", s.Code)
	}
}

// TestMaxMatchingBeatsGreedy builds a case where matching gold events in
// order to the first compatible prediction finds one pair, and the maximum
// matching two: a prediction whose evidence runs over two sentences overlaps
// both gold events, the other prediction only the first.
func TestMaxMatchingBeatsGreedy(t *testing.T) {
	src, tgt := actor("France's foreign minister", "FRAGOV"), actor("Germany", "DEU")
	g := Article{ID: "a", Text: text, Events: []Event{
		{Evidence: s2, Trigger: "fired on", Source: src, Target: tgt, Cameo: "111"},
		{Evidence: s1, Trigger: "condemned", Source: src, Target: tgt, Cameo: "111"},
	}}
	p := Article{ID: "a", Events: []Event{
		{Evidence: s1 + " " + s2, Trigger: "condemned", Source: src, Target: tgt, Cameo: "111"},
		{Evidence: s2, Trigger: "fired on", Source: src, Target: tgt, Cameo: "111"},
	}}
	s := Score([]Article{g}, []Article{p})
	for name, prf := range map[string]PRF{"root": s.Root, "triple_entity": s.TripleEntity, "quad": s.Quad} {
		if prf.TP != 2 {
			t.Errorf("%s: %d pairs, want 2", name, prf.TP)
		}
	}
}

// TestCodeTieBreak: two gold and two predicted events in one sentence with
// the same root match either way round; the matching chosen must pair the
// equal codes.
func TestCodeTieBreak(t *testing.T) {
	src, tgt := actor("France's foreign minister", "FRAGOV"), actor("Germany", "DEU")
	g := Article{ID: "a", Text: s1, Events: []Event{
		{Evidence: s1, Trigger: "condemned", Source: src, Target: tgt, Cameo: "111"},
		{Evidence: s1, Trigger: "condemned", Source: src, Target: tgt, Cameo: "112"},
	}}
	p := clone(g)
	slices.Reverse(p.Events)
	s := Score([]Article{g}, []Article{p})
	if s.Root.TP != 2 || s.Code != 1 {
		t.Errorf("root TP %d code %v, want 2 and 1", s.Root.TP, s.Code)
	}
}

func TestQuadVsRoot(t *testing.T) {
	for _, tc := range []struct {
		gold, pred string
		root, quad float64
	}{
		{"111", "112", 1, 1},  // same root
		{"111", "120", 0, 1},  // disapprove vs reject: both verbal conflict
		{"111", "141", 0, 0},  // verbal vs material conflict
		{"051", "057", 1, 1},  // one root
		{"051", "036", 0, 1},  // verbal cooperation, 01–05
		{"05", "06", 0, 0},    // verbal vs material cooperation
		{"08", "09", 0, 0},    // material cooperation vs verbal conflict
		{"13", "14", 0, 0},    // verbal vs material conflict
		{"14", "20", 0, 1},    // material conflict, 14–20
		{"022", "2", 0, 0},    // a predicted code without a root matches nothing
		{"022", "992", 0, 0},  // nor does one whose root is not 01–20
		{"022", "0223", 1, 1}, // a finer code under the same root
	} {
		g := Article{ID: "a", Text: s1, Events: []Event{{Evidence: s1, Trigger: "condemned", Cameo: tc.gold}}}
		p := clone(g)
		p.Events[0].Cameo = tc.pred
		s := Score([]Article{g}, []Article{p})
		if s.Root.R != tc.root || s.Quad.R != tc.quad {
			t.Errorf("gold %s pred %s: root %v quad %v, want %v and %v", tc.gold, tc.pred, s.Root.R, s.Quad.R, tc.root, tc.quad)
		}
		if wantCode := tc.gold == tc.pred; s.Root.TP == 1 && (s.Code == 1) != wantCode {
			t.Errorf("gold %s pred %s: code %v", tc.gold, tc.pred, s.Code)
		}
	}
}

func TestDates(t *testing.T) {
	g := goldArticle()
	g.Events[1].Date = date("2024-03-05")
	p := clone(g)
	p.Events[0].Date = nil                   // dated gold, undated prediction: wrong
	p.Events[1].Date = date("2024-03-05")    // right
	p.Events[2].Date = date("2024-03-06")    // gold has no date: not counted
	p.Events = append(p.Events, p.Events[0]) // an extra prediction matches nothing
	p.Events[3].Date = date("2024-03-04")
	s := Score([]Article{g}, []Article{p})
	// The duplicate with the right date must take the match: the tie-break
	// prefers equal dates.
	if s.DatedMatches != 2 || s.DateEqual != 2 || s.Date != 1 {
		t.Errorf("date %v (%d of %d), want 1 (2 of 2)", s.Date, s.DateEqual, s.DatedMatches)
	}
	p.Events = p.Events[:3]
	s = Score([]Article{g}, []Article{p})
	if s.DatedMatches != 2 || s.DateEqual != 1 || s.Date != 0.5 {
		t.Errorf("date %v (%d of %d), want 0.5 (1 of 2)", s.Date, s.DateEqual, s.DatedMatches)
	}
	// A missed dated gold event does not count against date: it is not matched.
	p.Events = p.Events[1:]
	s = Score([]Article{g}, []Article{p})
	if s.DatedMatches != 1 || s.Date != 1 {
		t.Errorf("date %v (%d of %d), want 1 (1 of 1)", s.Date, s.DateEqual, s.DatedMatches)
	}
}

func TestQuotes(t *testing.T) {
	g := goldArticle()
	g.Quotes = append(g.Quotes, Quote{Text: "urged both sides to talk"}) // unnamed speaker
	for _, tc := range []struct {
		name         string
		pred         []Quote
		p, r, speak  float64
		agree, match int
	}{
		{"exact", clone(g).Quotes, 1, 1, 1, 2, 2},
		{"overlap and entity-level speaker", []Quote{
			{Text: "not stay silent,” the minister", Speaker: actor("the minister", "FRAMIL")},
			{Text: "sides", Speaker: nil},
		}, 1, 1, 1, 2, 2},
		{"wrong speakers", []Quote{
			{Text: q1, Speaker: actor("Germany", "DEU")},
			{Text: "sides", Speaker: actor("UN", "IGOUNO")},
		}, 1, 1, 0, 0, 2},
		{"one missed, one not in the text", []Quote{
			{Text: q1, Speaker: actor("France", "FRA")},
			{Text: "We shall never stay silent", Speaker: actor("France", "FRA")},
		}, 0.5, 0.5, 1, 1, 1},
		{"one prediction over two gold quotes", []Quote{
			{Text: s3 + " " + s4, Speaker: nil},
		}, 1, 0.5, 1, 1, 1},
		{"none", nil, 0, 0, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := clone(g)
			p.Quotes = tc.pred
			s := Score([]Article{g}, []Article{p})
			checkPRF(t, "quotes", s.Quotes.PRF, tc.p, tc.r)
			if !near(s.Quotes.SpeakerAccuracy, tc.speak) || s.Quotes.SpeakerAgree != tc.agree || s.Quotes.TP != tc.match {
				t.Errorf("speaker accuracy %v (%d of %d), want %v (%d of %d)",
					s.Quotes.SpeakerAccuracy, s.Quotes.SpeakerAgree, s.Quotes.TP, tc.speak, tc.agree, tc.match)
			}
		})
	}
}

func TestPerRoot(t *testing.T) {
	g := goldArticle()
	p := clone(g)
	p.Events[0].Cameo = "112"                           // root 11 still right
	p.Events[1].Cameo = "190"                           // 18 missed, 19 false positive
	p.Events[2].Source = actor("Brussels", "IGOEUREEC") // 02 right at root, wrong at entity
	p.Events = append(p.Events, Event{Evidence: s4, Trigger: "said", Cameo: "x"})
	s := Score([]Article{g}, []Article{p})
	want := map[string]struct {
		gold, pred               int
		rootP, rootR, entP, entR float64
	}{
		"11":      {1, 1, 1, 1, 1, 1},
		"18":      {1, 0, 0, 0, 0, 0},
		"19":      {0, 1, 0, 0, 0, 0},
		"02":      {1, 1, 1, 1, 0, 0},
		"invalid": {0, 1, 0, 0, 0, 0},
	}
	if len(s.PerRoot) != len(want) {
		t.Errorf("per_root has %d roots, want %d: %v", len(s.PerRoot), len(want), s.PerRoot)
	}
	sum := PRF{}
	for root, w := range want {
		r := s.PerRoot[root]
		if r.Gold != w.gold || r.Predicted != w.pred {
			t.Errorf("%s: gold %d pred %d, want %d and %d", root, r.Gold, r.Predicted, w.gold, w.pred)
		}
		checkPRF(t, root+" root", r.Root, w.rootP, w.rootR)
		checkPRF(t, root+" triple_entity", r.TripleEntity, w.entP, w.entR)
		sum.TP += r.Root.TP
		sum.FP += r.Root.FP
		sum.FN += r.Root.FN
	}
	if sum.TP != s.Root.TP || sum.FP != s.Root.FP || sum.FN != s.Root.FN {
		t.Errorf("per-root counts %+v do not add up to %+v", sum, s.Root)
	}
	var buf bytes.Buffer
	if err := s.Table(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"triple/entity", "disapprove", "invalid", "1 of 1 dated"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, buf.String())
		}
	}
}

// TestJSONKeys checks the JSON against FORMAT.md's "Machine-readable scores"
// block: exactly its keys, plus per_root.
func TestJSONKeys(t *testing.T) {
	g := goldArticle()
	b, err := Score([]Article{g}, []Article{clone(g)}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	wantKeys := []string{"articles", "gold_events", "predicted_events", "root", "triple_entity",
		"triple_full", "quad", "code", "date", "quotes", "per_root"}
	if got := sortedKeys(m); !slices.Equal(got, sorted(wantKeys)) {
		t.Errorf("keys %v, want %v", got, sorted(wantKeys))
	}
	for _, k := range []string{"articles", "gold_events", "predicted_events"} {
		if strings.ContainsAny(string(m[k]), ".eE") {
			t.Errorf("%s = %s, want an integer", k, m[k])
		}
	}
	for _, k := range []string{"root", "triple_entity", "triple_full", "quad"} {
		checkObjectKeys(t, k, m[k], "f1", "p", "r")
	}
	checkObjectKeys(t, "quotes", m["quotes"], "f1", "p", "r", "speaker_accuracy")
	var perRoot map[string]json.RawMessage
	if err := json.Unmarshal(m["per_root"], &perRoot); err != nil {
		t.Fatal(err)
	}
	if got := sortedKeys(perRoot); !slices.Equal(got, []string{"02", "11", "18"}) {
		t.Errorf("per_root keys %v", got)
	}
	checkObjectKeys(t, "per_root.11", perRoot["11"], "gold", "predicted", "root", "triple_entity")
}

func checkObjectKeys(t *testing.T, name string, raw json.RawMessage, want ...string) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := sortedKeys(m); !slices.Equal(got, want) {
		t.Errorf("%s keys %v, want %v", name, got, want)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return sorted(keys)
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

// TestEmpty: no predictions, or no gold at all, give zeros and valid JSON.
func TestEmpty(t *testing.T) {
	g := goldArticle()
	for name, s := range map[string]Scores{
		"no predictions": Score([]Article{g}, nil),
		"other article":  Score([]Article{g}, []Article{{ID: "other", Events: g.Events}}),
		"nothing":        Score(nil, nil),
		"no events":      Score([]Article{{ID: "a", Text: s1}}, []Article{{ID: "a"}}),
	} {
		t.Run(name, func(t *testing.T) {
			for _, prf := range []PRF{s.Root, s.TripleEntity, s.TripleFull, s.Quad, s.Quotes.PRF} {
				checkPRF(t, "prf", prf, 0, 0)
			}
			if s.Code != 0 || s.Date != 0 || s.Quotes.SpeakerAccuracy != 0 {
				t.Errorf("code %v date %v speaker %v, want 0", s.Code, s.Date, s.Quotes.SpeakerAccuracy)
			}
			if s.PredictedEvents != 0 {
				t.Errorf("predicted events %d: predictions for other articles must be ignored", s.PredictedEvents)
			}
			b, err := s.JSON()
			if err != nil || !json.Valid(b) {
				t.Errorf("JSON: %v\n%s", err, b)
			}
		})
	}
}

// TestRepeatedEvidence: a headline that occurs twice is coded once, from
// either copy; a prediction whose evidence takes in the second copy must
// still match it.
func TestRepeatedEvidence(t *testing.T) {
	head := "France Condemns Shelling"
	txt := head + "\n\n" + head + "\nBy Staff\n\n" + s1
	g := Article{ID: "a", Text: txt, Events: []Event{{Evidence: head, Trigger: "Condemns", Cameo: "111"}}}
	p := Article{ID: "a", Events: []Event{{Evidence: head + "\nBy Staff", Trigger: "Condemns", Cameo: "111"}}}
	if s := Score([]Article{g}, []Article{p}); s.Root.TP != 1 {
		t.Errorf("root TP %d, want 1", s.Root.TP)
	}
	p.Events = append(p.Events, Event{Evidence: head, Trigger: "Condemns", Cameo: "111"})
	if s := Score([]Article{g}, []Article{p}); s.Root.TP != 1 || s.Root.FP != 1 {
		t.Errorf("root TP %d FP %d, want 1 and 1: coding the headline twice is one false positive", s.Root.TP, s.Root.FP)
	}
}

func TestErrors(t *testing.T) {
	g := goldArticle()
	p := clone(g)
	p.Events[0].Target = actor("Berlin", "DEUGOV") // fine at entity level, not at full
	p.Events[1].Cameo = "190"
	p.Events = p.Events[:2]
	p.Events = append(p.Events, Event{Evidence: "not in the text", Trigger: "not", Cameo: "111"})

	misses, err := Errors([]Article{g}, []Article{p}, LevelTripleEntity)
	if err != nil {
		t.Fatal(err)
	}
	type short struct {
		kind, cameo string
		near        int
	}
	var got []short
	for _, m := range misses {
		if m.ArticleID != "t-1" {
			t.Errorf("article %q", m.ArticleID)
		}
		got = append(got, short{m.Kind, m.Event.Cameo, len(m.Near)})
	}
	want := []short{
		{Missed, "180", 1},        // s2: the 190 prediction is near
		{FalsePositive, "190", 1}, // and the 180 gold event near it
		{Missed, "022", 0},        // s3: nothing predicted
		{FalsePositive, "111", 0}, // not in the text: last
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors %v, want %v", got, want)
	}

	full, err := Errors([]Article{g}, []Article{p}, LevelTripleFull)
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != len(misses)+2 || full[0].Kind != Missed || full[1].Kind != FalsePositive || full[0].Event.Cameo != "111" {
		t.Errorf("at full level the wrong role must add a miss and a false positive first: %+v", full)
	}

	if _, err := Errors(nil, nil, "triple/entity"); err == nil || !strings.Contains(err.Error(), "triple_entity") {
		t.Errorf("unknown level: err = %v", err)
	}
}
