// Package timex finds time expressions in an analysed document and
// resolves them to calendar days against the article's publication date,
// following the "date" rules of ../shared/eval/FORMAT.md.
//
// # Finding
//
// Find scans each sentence's tokens once, left to right. Every token's
// text is looked up (case-insensitively, without allocating) in a small
// table of words, words.txt: weekdays, months and their abbreviations, day
// words ("yesterday"), parts of day, "last/this/next", units ("week"),
// count words and glue words ("ago", "the", "of"). Patterns over those
// classes, each looking a bounded number of tokens ahead, recognise:
//
//	weekdays     on Thursday, Friday morning, late on Friday, Thursday's attack,
//	             last Monday, this Monday, next Tuesday, last week on Monday night,
//	             Monday of last week
//	day words    today, tonight, yesterday morning, earlier today, last night,
//	             this evening, the day before yesterday, two days ago, a week ago
//	dates        April 15, on Sept. 2nd, April 15, 2022, 15 April 2022, the 15th of
//	             April, 2022-04-15, Tuesday, September 19, 2017, Thursday (August 15)
//	day of month on the 15th
//	periods      last week, this year, in recent months, the past few days, a month ago
//
// Periods never resolve to a day; they are found so that the dating rules
// can tell a vague time from none. Durations ("for three days"), ages,
// years alone ("in 1948") and months alone ("in April") are not
// expressions. Times of day count only as part of a day ("Friday night").
// Ambiguous words count only where they cannot be anything else: "May" and
// "March" only capitalised and next to a day number, as every month.
//
// The parse gives each expression its Governor, the token it modifies
// ("urged" in "X on Saturday urged Y"), so the event coder can attach dates
// to predicates; Future reads a future tense ("will", "would be held", "is
// set to") from the parse.
//
// # Resolving
//
// Expr.Date applies FORMAT.md: a weekday is the most recent one on or
// before publication (the publication day itself included), or for a
// future event the next one after it; "last Monday" is strictly before and
// "next Tuesday" strictly after; "last week on Monday" is the Monday of the
// previous Monday-to-Sunday week. A date without a year takes the year
// that puts it nearest before publication (after, for a future event),
// unless it is less than a month after publication (see yearGrace).
//
// # Dating events
//
// Dater applies the annotators' conventions (seeds.notes.md) to a whole
// document: an event takes the expression of its sentence that dates its
// predicate; else the time of the nearest sentence before that has one (a
// passage's time carries to its other events); else, for a headline or
// lead, of the first sentence after; else the publication date.
package timex
