package record

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// evidence has everything that needs quoting in CSV and TSV.
const evidence = "Iran, \"deeply outraged\",\turged\nMuslims to unify."

func sampleEvents() []Event {
	return []Event{
		{
			ID: "a-1#1", ArticleID: "a-1", Date: "2022-04-16", Published: "2022-04-17",
			Publisher: "Mehr News Agency", URL: "https://example.org/a-1",
			Source: &Actor{Text: "Saeed Khatibzadeh", Mention: Span{0, 4}, Code: "IRNGOV", Country: "IRN", Role: "GOV", Name: "Saeed Khatibzadeh"},
			Target: &Actor{Text: "Muslims", Mention: Span{37, 44}, Code: "MOS", Country: "MOS"},
			CAMEO:  "0231", Root: "02", Name: "appeal for economic aid", Goldstein: 3.4, QuadClass: 1,
			PloverType: "REQUEST", PloverMode: "economic",
			Evidence:  Evidence{Sentence: evidence, SentenceSpan: Span{0, len(evidence)}, Trigger: "urged", TriggerSpan: Span{25, 30}, Quote: &Span{6, 24}},
			ClaimedBy: &Actor{Text: "the ministry", Code: "IRNGOV"},
		},
		{ID: "a-1#2", ArticleID: "a-1", Published: "2022-04-17", CAMEO: "11", Root: "11", Goldstein: -2, QuadClass: 3, Negated: true},
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "")
	if err != nil {
		t.Fatal(err)
	}
	events := sampleEvents()
	for _, batch := range [][]Event{events[:1], nil, events[1:]} {
		if err := w.Write(batch); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), buf.String())
	}
	var back []Event
	for _, l := range lines {
		var e Event
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		back = append(back, e)
	}
	if !reflect.DeepEqual(back, events) {
		t.Errorf("read back\n%+v\nwant\n%+v", back, events)
	}
	if !strings.Contains(lines[1], `"source":null,"target":null`) {
		t.Errorf("missing actors not written as null: %s", lines[1])
	}
}

func TestWriteFlushesEachArticle(t *testing.T) {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, "csv")
	header := buf.Len()
	if header == 0 {
		t.Fatal("header not written before the first article")
	}
	if err := w.Write(sampleEvents()[:1]); err != nil {
		t.Fatal(err)
	}
	if buf.Len() == header {
		t.Error("an article's events are still buffered after Write")
	}
}

// wantEventHeader is the CSV header spelled out, so a change to the columns
// is a change to this test and to the documentation.
var wantEventHeader = []string{
	"EventID", "ArticleID", "Date", "EventDate", "Published",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor1Text", "Actor1Start", "Actor1End",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "Actor2Text", "Actor2Start", "Actor2End",
	"EventCode", "EventBaseCode", "EventRootCode", "EventName", "QuadClass", "GoldsteinScale",
	"PloverType", "PloverMode", "Negated",
	"Evidence", "SentenceStart", "SentenceEnd", "Trigger", "TriggerStart", "TriggerEnd", "QuoteStart", "QuoteEnd",
	"ClaimedByCode", "ClaimedByName", "ClaimedByCountryCode", "ClaimedByType1Code", "ClaimedByText", "ClaimedByStart", "ClaimedByEnd",
	"Publisher", "SOURCEURL",
}

// readTable writes events in format and reads the rows back as maps from
// column name to value.
func readTable(t *testing.T, format string, sep rune, events []Event) ([]string, []map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(events); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	r.Comma = sep
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s does not read back: %v\n%s", format, err, buf.String())
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, v := range row {
			m[rows[0][i]] = v
		}
		out = append(out, m)
	}
	return rows[0], out
}

func TestCSVAndTSV(t *testing.T) {
	for _, tc := range []struct {
		format string
		sep    rune
	}{{"csv", ','}, {"tsv", '\t'}} {
		header, rows := readTable(t, tc.format, tc.sep, sampleEvents())
		if !slices.Equal(header, wantEventHeader) {
			t.Fatalf("%s header\n%v\nwant\n%v", tc.format, header, wantEventHeader)
		}
		if len(rows) != 2 {
			t.Fatalf("%s: %d rows, want 2", tc.format, len(rows))
		}
		first, second := rows[0], rows[1]
		for col, want := range map[string]string{
			"Evidence": evidence, "Date": "20220416", "EventDate": "2022-04-16", "Published": "2022-04-17",
			"Actor1Code": "IRNGOV", "Actor1CountryCode": "IRN", "Actor1Type1Code": "GOV", "Actor1Start": "0",
			"Actor2Code": "MOS", "Actor2End": "44", "EventCode": "0231", "EventBaseCode": "023",
			"EventRootCode": "02", "GoldsteinScale": "3.4", "QuadClass": "1", "Negated": "false",
			"TriggerStart": "25", "QuoteStart": "6", "QuoteEnd": "24", "ClaimedByCode": "IRNGOV",
			"SOURCEURL": "https://example.org/a-1",
		} {
			if first[col] != want {
				t.Errorf("%s %s = %q, want %q", tc.format, col, first[col], want)
			}
		}
		// No event date: Date falls back to the article's; no actors, no
		// quote: their columns are empty, not zero offsets.
		for col, want := range map[string]string{
			"Date": "20220417", "EventDate": "", "EventBaseCode": "11", "GoldsteinScale": "-2",
			"Negated": "true", "Actor1Code": "", "Actor1Start": "", "Actor2End": "", "QuoteStart": "",
			"ClaimedByStart": "",
		} {
			if second[col] != want {
				t.Errorf("%s second event %s = %q, want %q", tc.format, col, second[col], want)
			}
		}
	}
}

func TestEmptyTableHasHeader(t *testing.T) {
	header, rows := readTable(t, "tsv", '\t', nil)
	if len(header) != len(wantEventHeader) || len(rows) != 0 {
		t.Errorf("header of %d columns and %d rows, want %d and 0", len(header), len(rows), len(wantEventHeader))
	}
}

func TestQuoteWriter(t *testing.T) {
	quotes := []Quote{
		{ID: "a-1#q1", ArticleID: "a-1", Text: evidence, Span: Span{3, 3 + len(evidence)}, Date: "2022-04-16",
			Speaker: &Actor{Text: "Saeed Khatibzadeh", Code: "IRNGOV", Country: "IRN", Role: "GOV"},
			Cue:     "tweeted", CueSpan: &Span{60, 67}},
		{ID: "a-1#q2", ArticleID: "a-1", Text: "No.", Span: Span{80, 83}},
	}
	var js bytes.Buffer
	w, err := NewQuoteWriter(&js, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(quotes); err != nil {
		t.Fatal(err)
	}
	var back Quote
	if err := json.Unmarshal(bytes.SplitN(js.Bytes(), []byte("\n"), 2)[0], &back); err != nil || !reflect.DeepEqual(back, quotes[0]) {
		t.Errorf("JSONL read back %+v (%v), want %+v", back, err, quotes[0])
	}

	var cs bytes.Buffer
	w, _ = NewQuoteWriter(&cs, "csv")
	if err := w.Write(quotes); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&cs).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"QuoteID", "ArticleID", "Date", "SpeakerCode", "SpeakerName", "SpeakerCountryCode", "SpeakerType1Code",
			"SpeakerText", "SpeakerStart", "SpeakerEnd", "Text", "Start", "End", "Cue", "CueStart", "CueEnd"},
		{"a-1#q1", "a-1", "20220416", "IRNGOV", "", "IRN", "GOV", "Saeed Khatibzadeh", "0", "0", evidence, "3", strconv.Itoa(3 + len(evidence)), "tweeted", "60", "67"},
		{"a-1#q2", "a-1", "", "", "", "", "", "", "", "", "No.", "80", "83", "", "", ""},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("CSV\n%q\nwant\n%q", rows, want)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := NewWriter(&bytes.Buffer{}, "xml"); err == nil || !strings.Contains(err.Error(), "jsonl, csv or tsv") {
		t.Errorf("error %v", err)
	}
}

// TestColumnsDocumented checks that the package documentation names every
// column, so the schema users read is the one written.
func TestColumnsDocumented(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "record.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	doc := f.Doc.Text()
	var names []string
	for _, c := range eventColumns {
		names = append(names, c.name)
	}
	for _, c := range quoteColumns {
		names = append(names, c.name)
	}
	for _, name := range names {
		if !regexp.MustCompile(`\b` + name + `\b`).MatchString(doc) {
			t.Errorf("column %s is not in the package documentation", name)
		}
	}
}
