package timex

import (
	"strings"
	"testing"
)

// benchText is news-like text with a few expressions a paragraph.
var benchText = strings.Repeat("TEHRAN – The spokesperson for the Foreign Ministry on Saturday urged Muslims to unify behind the cause. "+
	"Israeli forces stormed the mosque on Friday morning, wounding over 150 people and detaining 400 others. "+
	"The ministers, who met in Doha on April 15, 2022, said the talks would resume next Tuesday. "+
	"Officials from both countries have held several rounds of talks over the nuclear programme in recent months.\n", 50)

func BenchmarkFind(b *testing.B) {
	doc := analyze(b, benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Find(doc)
	}
}

func BenchmarkNewDater(b *testing.B) {
	doc := analyze(b, benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		NewDater(doc, saturday)
	}
}

// TestFindAllocs checks that Find allocates for its results only: the
// buffer of token entries, and the growing result slice.
func TestFindAllocs(t *testing.T) {
	none := analyze(t, strings.Repeat("The ministers discussed the nuclear programme and regional issues at length. ", 100))
	if n := testing.AllocsPerRun(10, func() { Find(none) }); n > 1 {
		t.Errorf("Find without expressions allocates %v times, want at most 1", n)
	}
	some := analyze(t, benchText)
	if n := testing.AllocsPerRun(10, func() { Find(some) }); n > 12 {
		t.Errorf("Find with %d expressions allocates %v times, want at most 12", len(Find(some)), n)
	}
}
