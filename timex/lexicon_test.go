package timex

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		text string
		want entry
	}{
		{"Thursday", entry{cls: clsWeekday, val: 4}},
		{"THURSDAY", entry{cls: clsWeekday, val: 4}},
		{"Sept.", entry{cls: clsMonth, val: 9}},
		{"May", entry{cls: clsMonth, val: 5, capital: true}},
		{"may", entry{}}, // the modal verb
		{"Sat.", entry{cls: clsWeekday, val: 6, capital: true}},
		{"sat.", entry{}},
		{"yesterday", entry{cls: clsDayWord, val: -1}},
		{"’ll", entry{cls: clsFuture}},
		{"", entry{}},
		{"extraordinarily-long-word", entry{}},
	}
	for _, tt := range tests {
		if got := lookup(tt.text); got != tt.want {
			t.Errorf("lookup(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func TestLookupAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { lookup("Thursday") }); n != 0 {
		t.Errorf("lookup allocates %v times", n)
	}
}

func TestParseWordsErrors(t *testing.T) {
	for _, src := range []string{
		"weekday 1 monday\nweekday 2 monday", // repeated form
		"weekday 9 someday",                  // number out of range
		"month x january",                    // not a number
		"season 1 spring",                    // unknown class
		"weekday 1",                          // no forms
		"weekday 1 Monday",                   // not lowercase
	} {
		if _, err := parseWords(src); err == nil {
			t.Errorf("parseWords(%q): no error", src)
		}
	}
}
