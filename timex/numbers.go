package timex

import "time"

// digits returns the value of s when it is one to four ASCII digits.
func digits(s string) (int, bool) {
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// dayNumber reads a day of the month, "15" or "15th" (ordinal says which).
func dayNumber(s string) (day int, ordinal bool, ok bool) {
	if n := len(s); n > 2 && isOrdinalSuffix(s[n-2:]) {
		s, ordinal = s[:n-2], true
	}
	if len(s) > 2 {
		return 0, false, false
	}
	day, ok = digits(s)
	return day, ordinal, ok && day >= 1 && day <= 31
}

func isOrdinalSuffix(s string) bool {
	a, b := s[0]|0x20, s[1]|0x20 // ASCII lowercase
	return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
}

// Years are four digits in this range; other four-digit numbers after a date
// are counts ("on May 5 2000 people marched" is rare next to "May 5 2000").
const minYear, maxYear = 1000, 2999

func year(s string) (int, bool) {
	y, ok := digits(s)
	return y, ok && len(s) == 4 && y >= minYear && y <= maxYear
}

// isoDate reads "2022-04-15" or "2022/04/15", the only all-numeric form
// whose order of day and month is not ambiguous.
func isoDate(s string) (y int, m time.Month, d int, ok bool) {
	if len(s) != 10 || s[4] != s[7] || s[4] != '-' && s[4] != '/' {
		return 0, 0, 0, false
	}
	y, ok1 := year(s[:4])
	mm, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:])
	if !ok1 || !ok2 || !ok3 || !validDate(y, time.Month(mm), d) {
		return 0, 0, 0, false
	}
	return y, time.Month(mm), d, true
}

// validDate says whether the day exists in that month; year 0 means any
// year, so February 29 is valid.
func validDate(y int, m time.Month, d int) bool {
	if m < time.January || m > time.December || d < 1 {
		return false
	}
	if y == 0 {
		y = 2000 // a leap year
	}
	return d <= daysIn(y, m)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
