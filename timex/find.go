package timex

import (
	"time"

	"github.com/dyad-org/dyad/nlp"
)

// Find returns the time expressions of doc in text order.
func Find(doc *nlp.Doc) []Expr {
	var out []Expr
	longest := 0
	for si := range doc.Sentences {
		longest = max(longest, len(doc.Sentences[si].Tokens))
	}
	sc := scanner{ent: make([]entry, 0, longest)}
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		sc.reset(toks)
		first := len(out)
		for i := 0; i < len(toks); {
			m, ok := sc.match(i)
			if !ok {
				i++
				continue
			}
			out = append(out, newExpr(doc, si, i, m))
			i = max(m.end, i+1) // every pattern takes a token; max keeps that a guarantee
		}
		linkGovernors(out[first:])
	}
	return out
}

// match is a recognised expression: its value, the token after it and the
// token that carries the day (where the climb to the governor starts).
type match struct {
	v         Value
	core, end int
}

// scanner matches expressions over one sentence's tokens. Each pattern looks
// ahead a bounded number of tokens, so a sentence is scanned in linear time.
type scanner struct {
	toks []nlp.Token
	ent  []entry // lexicon entry of each token, looked up once
}

func (s *scanner) reset(toks []nlp.Token) {
	s.toks, s.ent = toks, s.ent[:0]
	for i := range toks {
		s.ent = append(s.ent, lookup(toks[i].Text))
	}
}

func (s *scanner) cls(j int) class {
	if j < 0 || j >= len(s.ent) {
		return clsNone
	}
	return s.ent[j].cls
}

// val is the number of token j's entry; callers check its class first.
func (s *scanner) val(j int) int { return s.ent[j].val }

func (s *scanner) text(j int) string {
	if j < 0 || j >= len(s.toks) {
		return ""
	}
	return s.toks[j].Text
}

func (s *scanner) isUnit(j, days int) bool { return s.cls(j) == clsUnit && s.val(j) == days }

// canStart says whether an expression may start at token i: most tokens
// are ordinary words, and this spares them the patterns.
func (s *scanner) canStart(i int) bool {
	switch s.cls(i) {
	case clsWeekday, clsMonth, clsDayWord, clsNightWord, clsEdge, clsMod, clsThe, clsRecent, clsNum, clsFew, clsUnits:
		return true
	case clsNone:
		t := s.text(i)
		return t != "" && '0' <= t[0] && t[0] <= '9'
	}
	return false
}

// match recognises an expression starting at token i: an optional edge
// ("late", "early on") and a core.
func (s *scanner) match(i int) (match, bool) {
	if !s.canStart(i) {
		return match{}, false
	}
	j, edge := i, Edge(0)
	if s.cls(j) == clsEdge {
		edge, j = Edge(s.val(j)), j+1
		if s.cls(j) == clsOn {
			j++
		}
	}
	m, ok := s.core(j)
	m.v.Edge = edge
	return m, ok
}

func (s *scanner) core(j int) (match, bool) {
	switch s.cls(j) {
	case clsWeekday:
		return s.weekday(j, Value{Kind: Weekday}), true
	case clsMod:
		return s.modified(j)
	case clsDayWord, clsNightWord:
		return s.dayWord(j), true
	case clsThe:
		return s.the(j)
	case clsRecent:
		return s.recent(j)
	case clsMonth:
		return s.monthDay(j)
	case clsNum, clsFew, clsUnits:
		return s.ago(j)
	case clsNone:
		if m, ok := s.iso(j); ok {
			return m, true
		}
		if m, ok := s.dayMonth(j); ok {
			return m, true
		}
		return s.ago(j)
	}
	return match{}, false
}

// weekday reads a weekday at j and what may follow it: a date ("Tuesday,
// September 19, 2017", "Thursday (August 15)"), which then decides the day;
// a part of day ("Friday morning"); a week ("Monday last week").
func (s *scanner) weekday(j int, v Value) match {
	if d, ok := s.attachedDate(j + 1); ok {
		return d
	}
	v.Weekday = time.Weekday(s.val(j))
	m := match{v: v, core: j, end: j + 1}
	if s.cls(m.end) == clsPart {
		m.v.Part, m.end = Part(s.val(m.end)), m.end+1
	}
	if v.Anchor == Nearest {
		k := m.end
		if s.cls(k) == clsOf {
			k++
		}
		if s.cls(k) == clsMod && s.isUnit(k+1, 7) {
			m.v.Anchor, m.v.Shift, m.end = WeekOf, s.val(k), k+2
		}
	}
	return m
}

// attachedDate reads a date right after a weekday, after a comma or in
// parentheses.
func (s *scanner) attachedDate(k int) (match, bool) {
	paren := s.text(k) == "("
	if paren || s.text(k) == "," {
		k++
	}
	d, ok := s.date(k)
	if ok && paren && s.text(d.end) == ")" {
		d.end++
	}
	return d, ok
}

func (s *scanner) date(k int) (match, bool) {
	if s.cls(k) == clsMonth {
		return s.monthDay(k)
	}
	if m, ok := s.iso(k); ok {
		return m, true
	}
	return s.dayMonth(k)
}

// monthDay reads "April 15", "Sept. 2nd", "October 8, 1997". A month with
// no day after it is not a day and gives nothing.
func (s *scanner) monthDay(j int) (match, bool) {
	day, _, ok := dayNumber(s.text(j + 1))
	if !ok || s.cls(j) != clsMonth {
		return match{}, false
	}
	return s.calendar(time.Month(s.val(j)), day, j+1, j+2)
}

// dayMonth reads "15 April 2022", "14 December", "15th of April".
func (s *scanner) dayMonth(j int) (match, bool) {
	day, ordinal, ok := dayNumber(s.text(j))
	k := j + 1
	if ordinal && s.cls(k) == clsOf {
		k++
	}
	if !ok || s.cls(k) != clsMonth {
		return match{}, false
	}
	return s.calendar(time.Month(s.val(k)), day, j, k+1)
}

// calendar builds a Calendar match and reads an optional year after it.
func (s *scanner) calendar(mon time.Month, day, core, end int) (match, bool) {
	if !validDate(0, mon, day) {
		return match{}, false
	}
	m := match{v: Value{Kind: Calendar, Month: mon, Day: day}, core: core, end: end}
	k := end
	if s.text(k) == "," {
		k++
	}
	if y, ok := year(s.text(k)); ok && validDate(y, mon, day) {
		m.v.Year, m.end = y, k+1
	}
	return m, true
}

func (s *scanner) iso(j int) (match, bool) {
	y, mon, d, ok := isoDate(s.text(j))
	if !ok {
		return match{}, false
	}
	return match{v: Value{Kind: Calendar, Year: y, Month: mon, Day: d}, core: j, end: j + 1}, true
}

// dayWord reads "today", "yesterday morning", "tonight".
func (s *scanner) dayWord(j int) match {
	m := match{v: Value{Kind: Relative, Offset: s.val(j)}, core: j, end: j + 1}
	switch {
	case s.cls(j) == clsNightWord:
		m.v.Part = Night
	case s.cls(j+1) == clsPart:
		m.v.Part, m.end = Part(s.val(j+1)), j+2
	}
	return m
}

// anchors maps a mod's number (-1, 0, 1) to the anchor of a weekday after it.
var anchors = [3]Anchor{Last, This, Next}

// modified reads what follows last, this or next: a weekday ("last
// Monday"), a part of day ("last night", "this morning"), a week with a
// weekday ("last week on Monday night") or a period ("last week", "the
// past few days", "next month"). After "the" only periods count: "the last
// Monday of the month" and "the next day" are not counted from publication.
func (s *scanner) modified(j int) (match, bool) {
	m, ok := s.afterMod(j, s.val(j))
	if s.cls(j-1) == clsThe && m.v.Kind != Period {
		return match{}, false
	}
	return m, ok
}

func (s *scanner) afterMod(j, mod int) (match, bool) {
	k := j + 1
	switch s.cls(k) {
	case clsWeekday:
		return s.weekday(k, Value{Kind: Weekday, Anchor: anchors[mod+1]}), true
	case clsPart:
		if mod > 0 { // "next morning" counts from the story, not publication
			return match{}, false
		}
		return match{v: Value{Kind: Relative, Offset: mod, Part: Part(s.val(k))}, core: k, end: k + 1}, true
	case clsUnit:
		if s.val(k) == 7 {
			if m, ok := s.weekdayOfWeek(k+1, mod); ok {
				return m, true
			}
		}
		if s.val(k) == 1 { // "the next day", "the previous day": from the story
			return match{}, false
		}
		return period(s.val(k), mod, k), true
	case clsMonth: // "last April"
		return period(31, mod, k), true
	}
	// "the past few days", "the last two weeks", "the coming days"
	if _, isNum := digits(s.text(k)); isNum || s.cls(k) == clsNum {
		k++
	}
	if s.cls(k) == clsFew {
		k++
	}
	if s.cls(k) == clsUnits {
		return period(s.val(k), mod, k), true
	}
	return match{}, false
}

// weekdayOfWeek reads the weekday of "last week on Monday", "this week,
// Monday", starting after the week.
func (s *scanner) weekdayOfWeek(k, shift int) (match, bool) {
	if s.text(k) == "," {
		k++
	}
	if s.cls(k) == clsOn {
		k++
	}
	if s.cls(k) != clsWeekday {
		return match{}, false
	}
	return s.weekday(k, Value{Kind: Weekday, Anchor: WeekOf, Shift: shift}), true
}

func period(unit, shift, last int) match {
	return match{v: Value{Kind: Period, Unit: unit, Shift: shift}, core: last, end: last + 1}
}

// the reads what follows "the": "the day before yesterday", "the 15th [of
// April]", "the past week".
func (s *scanner) the(j int) (match, bool) {
	k := j + 1
	switch {
	case s.isUnit(k, 1) && s.cls(k+1) == clsRelDay && s.cls(k+2) == clsDayWord:
		rel, day := s.val(k+1), s.val(k+2)
		if rel != day { // only "before yesterday" and "after tomorrow"
			return match{}, false
		}
		return match{v: Value{Kind: Relative, Offset: rel + day}, core: k, end: k + 3}, true
	case s.cls(k) == clsMod:
		return s.modified(k)
	}
	return s.ordinalDay(k)
}

// ordinalDay reads "15th" after "the", with a month ("the 15th of April")
// or alone. An ordinal that modifies a noun ("the 21st century", "the 15th
// anniversary") is no day.
func (s *scanner) ordinalDay(k int) (match, bool) {
	day, ordinal, ok := dayNumber(s.text(k))
	if !ok || !ordinal {
		return match{}, false
	}
	if m, ok := s.dayMonth(k); ok {
		return m, true
	}
	if k+1 < len(s.toks) {
		switch s.toks[k+1].UPOS {
		case "NOUN", "PROPN", "ADJ", "NUM":
			return match{}, false
		}
	}
	return match{v: Value{Kind: DayOfMonth, Day: day}, core: k, end: k + 1}, true
}

// recent reads "recent days", "recent months".
func (s *scanner) recent(j int) (match, bool) {
	if s.cls(j+1) != clsUnits {
		return match{}, false
	}
	return period(s.val(j+1), -1, j+1), true
}

// ago reads "two days ago", "a week ago", "3 weeks ago" (a day) and "a few
// days ago", "months ago", "a year ago" (periods).
func (s *scanner) ago(j int) (match, bool) {
	k, count := j, 0
	if s.cls(k) == clsNum {
		count, k = s.val(k), k+1
	} else if n, ok := digits(s.text(k)); ok {
		count, k = n, k+1
	}
	if s.cls(k) == clsFew { // "a few", "a couple of"
		count, k = 0, k+1
		if s.cls(k) == clsOf {
			k++
		}
	}
	unit := s.cls(k)
	if unit != clsUnit && unit != clsUnits || s.cls(k+1) != clsAgo {
		return match{}, false
	}
	days := s.val(k)
	if count == 0 || days > 14 { // months and years are no fixed number of days
		return period(days, -1, k+1), true
	}
	return match{v: Value{Kind: Relative, Offset: -count * days}, core: k, end: k + 2}, true
}

// newExpr makes the Expr of a match that starts at token first.
func newExpr(doc *nlp.Doc, si, first int, m match) Expr {
	toks := doc.Sentences[si].Tokens
	last := m.end - 1
	e := Expr{
		Sentence: si, First: first, Last: last,
		Start: toks[first].Start, End: toks[last].End,
		Governor: governor(toks, first, last, m.core),
		Value:    m.v,
	}
	if 0 <= e.Start && e.Start <= e.End && e.End <= len(doc.Text) {
		e.Text = doc.Text[e.Start:e.End]
	}
	return e
}
