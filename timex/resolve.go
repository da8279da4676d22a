package timex

import "time"

// Date resolves the expression against the publication date. future says
// the event it dates is in the future (the coder knows the tense; Future
// reads it from the parse): "on Thursday" is the most recent Thursday on or
// before published, or, if future, the next Thursday after published. ok is
// false for expressions that do not name one day ("this week", "in recent
// months", "last year"). The day is midnight in published's location.
func (e Expr) Date(published time.Time, future bool) (day time.Time, ok bool) {
	pub := time.Date(published.Year(), published.Month(), published.Day(), 0, 0, 0, 0, published.Location())
	switch e.Kind {
	case Relative:
		return pub.AddDate(0, 0, e.Offset), true
	case Weekday:
		return weekdayDate(pub, e.Value, future), true
	case Calendar:
		return calendarDate(pub, e.Year, e.Month, e.Day, future)
	case DayOfMonth:
		return dayOfMonthDate(pub, e.Day, future)
	}
	return time.Time{}, false
}

func weekdayDate(pub time.Time, v Value, future bool) time.Time {
	back := mod7(int(pub.Weekday()) - int(v.Weekday)) // days since the last such weekday; 0 if pub is one
	ahead := mod7(-back)                              // days until the next one; 0 if pub is one
	switch v.Anchor {
	case Last:
		return pub.AddDate(0, 0, -orWeek(back))
	case Next:
		return pub.AddDate(0, 0, orWeek(ahead))
	case WeekOf: // weeks run Monday to Sunday, as in ISO 8601
		monday := pub.AddDate(0, 0, -mod7(int(pub.Weekday())-int(time.Monday)))
		return monday.AddDate(0, 0, 7*v.Shift+mod7(int(v.Weekday)-int(time.Monday)))
	case This:
		if future {
			return pub.AddDate(0, 0, ahead)
		}
	default: // Nearest
		if future {
			return pub.AddDate(0, 0, orWeek(ahead))
		}
	}
	return pub.AddDate(0, 0, -back)
}

func mod7(n int) int { return (n%7 + 7) % 7 }

// orWeek turns a distance of 0 days into a week, for "last" and "next"
// weekdays, which are never the publication day.
func orWeek(days int) int {
	if days == 0 {
		return 7
	}
	return days
}

// yearGrace is how far past publication a date without a year in a
// past-tense sentence may lie and still take the publication year. Without
// it "April 17" in an April 16 article would be a year back, though such a
// date is a schedule stated without "will" ("talks are set for April 17")
// or a publication date a time zone early: writers give the year of a date
// nearly a year ago. A future event never gets a date before publication.
const yearGrace = 31

// calendarDate resolves a month and day, taking the year that puts it
// nearest before publication (after, if future), or just after within
// yearGrace days.
func calendarDate(pub time.Time, y int, m time.Month, d int, future bool) (time.Time, bool) {
	if !validDate(y, m, d) {
		return time.Time{}, false
	}
	if y != 0 {
		return time.Date(y, m, d, 0, 0, 0, 0, pub.Location()), true
	}
	// eight years either way reach a leap year for February 29
	return pick(pub, future, yearGrace, 8, func(k int) (time.Time, bool) {
		y := pub.Year() + k
		return time.Date(y, m, d, 0, 0, 0, 0, pub.Location()), validDate(y, m, d)
	})
}

// dayOfMonthDate resolves "the 15th" to the most recent 15th on or before
// publication (the next one on or after it, if future). Months are short
// enough for a writer to mean the last one, so there is no grace.
func dayOfMonthDate(pub time.Time, d int, future bool) (time.Time, bool) {
	return pick(pub, future, 0, 12, func(k int) (time.Time, bool) {
		first := time.Date(pub.Year(), pub.Month()+time.Month(k), 1, 0, 0, 0, 0, pub.Location())
		return first.AddDate(0, 0, d-1), d >= 1 && d <= daysIn(first.Year(), first.Month())
	})
}

// pick chooses among the candidate dates cand(k), k = -n … n in increasing
// order (ok false where the day does not exist): the latest on or before
// pub, or the earliest after it when that is within grace days or there is
// no earlier one; for a future event, the earliest on or after pub.
func pick(pub time.Time, future bool, grace, n int, cand func(k int) (time.Time, bool)) (time.Time, bool) {
	var before, after time.Time
	for k := -n; k <= n; k++ {
		t, ok := cand(k)
		switch {
		case !ok:
		case t.Before(pub) || t.Equal(pub) && !future:
			before = t
		case after.IsZero():
			after = t
		}
	}
	if future {
		return after, !after.IsZero()
	}
	if !after.IsZero() && (before.IsZero() || daysAfter(after, pub) <= grace) {
		return after, true
	}
	return before, !before.IsZero()
}

// daysAfter counts the calendar days from pub to t, whatever the time zone
// rules between them.
func daysAfter(t, pub time.Time) int {
	civil := func(t time.Time) int64 {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
	}
	return int(civil(t) - civil(pub))
}
