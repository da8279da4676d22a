package timex

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed words.txt
var wordsFile string

// class is what a word can do in a time expression (see words.txt).
type class uint8

const (
	clsNone class = iota
	clsWeekday
	clsMonth
	clsDayWord
	clsNightWord
	clsPart
	clsEdge
	clsMod
	clsUnit
	clsUnits
	clsNum
	clsFew
	clsRecent
	clsAgo
	clsOn
	clsThe
	clsOf
	clsRelDay
	clsFuture
	clsFutureHead
	clsVehicle
)

// classes maps the class names of words.txt to the class and the range its
// numbers must lie in, which the patterns rely on (a mod indexes anchors).
var classes = map[string]struct {
	cls      class
	min, max int
}{
	"weekday": {clsWeekday, 0, 6}, "month": {clsMonth, 1, 12},
	"dayword": {clsDayWord, -1, 1}, "nightword": {clsNightWord, 0, 0},
	"part": {clsPart, 1, 4}, "edge": {clsEdge, -1, 1}, "mod": {clsMod, -1, 1},
	"unit": {clsUnit, 1, 366}, "units": {clsUnits, 1, 366}, "num": {clsNum, 1, 99},
	"few": {clsFew, 0, 0}, "recent": {clsRecent, 0, 0}, "ago": {clsAgo, 0, 0},
	"on": {clsOn, 0, 0}, "the": {clsThe, 0, 0}, "of": {clsOf, 0, 0}, "relday": {clsRelDay, -1, 1},
	"future": {clsFuture, 0, 0}, "futurehead": {clsFutureHead, 0, 0}, "vehicle": {clsVehicle, 0, 0},
}

// entry is a word's class and number; capital says the word counts only
// when capitalised.
type entry struct {
	cls     class
	val     int
	capital bool
}

// maxWord bounds the length of the words in the table, so lookups can
// lowercase into a fixed buffer.
const maxWord = 16

// lexicon maps lowercase forms to their entries. It is built once at init
// and only read afterwards.
var lexicon = mustParseWords(wordsFile)

func mustParseWords(src string) map[string]entry {
	m, err := parseWords(src)
	if err != nil {
		panic("timex: words.txt: " + err.Error())
	}
	return m
}

func parseWords(src string) (map[string]entry, error) {
	m := map[string]entry{}
	for n, line := range strings.Split(src, "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		c, ok := classes[f[0]]
		if !ok || len(f) < 3 {
			return nil, fmt.Errorf("line %d: want a known class, a number and forms", n+1)
		}
		val, err := strconv.Atoi(f[1])
		if err != nil || val < c.min || val > c.max {
			return nil, fmt.Errorf("line %d: number %q is not in %d..%d", n+1, f[1], c.min, c.max)
		}
		for _, form := range f[2:] {
			e := entry{cls: c.cls, val: val}
			form, e.capital = strings.CutPrefix(form, "^")
			if _, dup := m[form]; dup || len(form) > maxWord || form != strings.ToLower(form) {
				return nil, fmt.Errorf("line %d: form %q is repeated, too long or not lowercase", n+1, form)
			}
			m[form] = e
		}
	}
	return m, nil
}

// lookup returns the entry of a token's text, without allocating: the
// lowercase copy lives on the stack and the map index with a converted byte
// slice does not copy it.
func lookup(text string) entry {
	if len(text) == 0 || len(text) > maxWord {
		return entry{}
	}
	var buf [maxWord]byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	e, ok := lexicon[string(buf[:len(text)])]
	if !ok || e.capital && !('A' <= text[0] && text[0] <= 'Z') {
		return entry{}
	}
	return e
}
