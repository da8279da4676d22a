package timex

import "time"

// Kind says what an expression names.
type Kind uint8

const (
	// Weekday is a day of the week placed by Anchor: "on Thursday",
	// "last Monday", "last week on Monday night".
	Weekday Kind = iota + 1
	// Relative is a day Offset days from publication: "yesterday",
	// "tonight", "two days ago", "the day before yesterday".
	Relative
	// Calendar is a Month and Day, with a Year where the text gives one:
	// "April 15", "15 April 2022", "2022-04-15".
	Calendar
	// DayOfMonth is a Day alone: "on the 15th".
	DayOfMonth
	// Period names no single day: "last week", "this year", "in recent
	// months", "a month ago". Its Date is never ok; it is found so that a
	// sentence with its own vague time does not borrow a neighbour's day.
	Period
)

// Anchor places a weekday relative to publication.
type Anchor uint8

const (
	// Nearest is a bare weekday: the most recent one on or before
	// publication, or the next one after it for a future event.
	Nearest Anchor = iota
	// Last is "last Monday": the most recent one before publication.
	Last
	// This is "this Monday": like Nearest, but a future one may be the
	// publication day itself.
	This
	// Next is "next Tuesday": the first one after publication.
	Next
	// WeekOf is "last week on Monday", "Monday of next week": the weekday
	// in the (Monday to Sunday) week Shift weeks from publication's.
	WeekOf
)

// Part is a part of the day, kept because the coder may show it; it does not
// change the date.
type Part uint8

const (
	NoPart Part = iota
	Morning
	Afternoon
	Evening
	Night
)

// Edge is "early" (-1) or "late" (1) in "early Sunday", "late on Friday",
// "earlier today"; like Part it does not change the date.
type Edge int8

// Value is the parsed meaning of an expression; which fields count depends
// on Kind.
type Value struct {
	Kind    Kind
	Anchor  Anchor       // Weekday
	Weekday time.Weekday // Weekday
	Offset  int          // Relative: days from publication
	Year    int          // Calendar: 0 when the text gives none
	Month   time.Month   // Calendar
	Day     int          // Calendar, DayOfMonth
	// Shift is -1, 0 or 1 for last, this or next: the week of a WeekOf
	// weekday, or the unit of a Period.
	Shift int
	Unit  int // Period: its unit in days, as words.txt gives them (7 week, 31 month, 366 year)
	Part  Part
	Edge  Edge
}

// Expr is a time expression found in a document.
type Expr struct {
	Sentence, First, Last int // token span in Doc.Sentences[Sentence] (inclusive)
	Start, End            int // byte offsets in Doc.Text
	Text                  string
	// Governor is the token (index in the sentence) that the expression
	// modifies in the parse: for "X urged Y on Saturday", the verb "urged";
	// for "Thursday's attack", "attack"; -1 if none. An expression attached
	// to another one ("late on Friday, early Sunday") takes that one's
	// governor.
	Governor int
	Value
}
