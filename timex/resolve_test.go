package timex

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDate(t *testing.T) {
	tests := []struct {
		name      string
		v         Value
		published string
		future    bool
		want      string // "" when not ok
	}{
		{"weekday on publication day", Value{Kind: Weekday, Weekday: time.Saturday}, "2022-04-16", false, "2022-04-16"},
		{"weekday before", Value{Kind: Weekday, Weekday: time.Thursday}, "2022-04-16", false, "2022-04-14"},
		{"weekday after publication weekday", Value{Kind: Weekday, Weekday: time.Sunday}, "2022-04-16", false, "2022-04-10"},
		{"future weekday", Value{Kind: Weekday, Weekday: time.Thursday}, "2022-04-16", true, "2022-04-21"},
		{"future weekday on publication day", Value{Kind: Weekday, Weekday: time.Saturday}, "2022-04-16", true, "2022-04-23"},
		{"last on publication day", Value{Kind: Weekday, Anchor: Last, Weekday: time.Saturday}, "2022-04-16", false, "2022-04-09"},
		{"last", Value{Kind: Weekday, Anchor: Last, Weekday: time.Monday}, "2022-04-16", false, "2022-04-11"},
		{"next on publication day", Value{Kind: Weekday, Anchor: Next, Weekday: time.Saturday}, "2022-04-16", false, "2022-04-23"},
		{"this, future, on publication day", Value{Kind: Weekday, Anchor: This, Weekday: time.Saturday}, "2022-04-16", true, "2022-04-16"},
		{"this, past", Value{Kind: Weekday, Anchor: This, Weekday: time.Monday}, "2022-04-16", false, "2022-04-11"},
		{"last week on Monday", Value{Kind: Weekday, Anchor: WeekOf, Shift: -1, Weekday: time.Monday}, "2021-05-14", false, "2021-05-03"},
		{"last week on Sunday", Value{Kind: Weekday, Anchor: WeekOf, Shift: -1, Weekday: time.Sunday}, "2022-04-16", false, "2022-04-10"},
		{"last week on Monday, published Sunday", Value{Kind: Weekday, Anchor: WeekOf, Shift: -1, Weekday: time.Monday}, "2022-04-17", false, "2022-04-04"},
		{"next week on Friday", Value{Kind: Weekday, Anchor: WeekOf, Shift: 1, Weekday: time.Friday}, "2022-04-16", true, "2022-04-22"},
		{"relative", Value{Kind: Relative, Offset: -2}, "2022-03-01", false, "2022-02-27"},
		{"date with year", Value{Kind: Calendar, Year: 1997, Month: time.October, Day: 8}, "2025-03-28", false, "1997-10-08"},
		{"date, year back", Value{Kind: Calendar, Month: time.December, Day: 30}, "2022-01-05", false, "2021-12-30"},
		{"date, same year", Value{Kind: Calendar, Month: time.January, Day: 11}, "2024-02-06", false, "2024-01-11"},
		{"date on publication day", Value{Kind: Calendar, Month: time.March, Day: 28}, "2025-03-28", false, "2025-03-28"},
		{"date just after publication", Value{Kind: Calendar, Month: time.April, Day: 20}, "2022-04-16", false, "2022-04-20"},
		{"date well after publication", Value{Kind: Calendar, Month: time.June, Day: 20}, "2022-04-16", false, "2021-06-20"},
		{"future date", Value{Kind: Calendar, Month: time.January, Day: 3}, "2022-12-20", true, "2023-01-03"},
		{"future date just before publication", Value{Kind: Calendar, Month: time.December, Day: 19}, "2022-12-20", true, "2023-12-19"},
		{"February 29", Value{Kind: Calendar, Month: time.February, Day: 29}, "2022-04-16", false, "2020-02-29"},
		{"no such date", Value{Kind: Calendar, Year: 2022, Month: time.February, Day: 30}, "2022-04-16", false, ""},
		{"day of month", Value{Kind: DayOfMonth, Day: 15}, "2022-04-16", false, "2022-04-15"},
		{"day of month, month back", Value{Kind: DayOfMonth, Day: 20}, "2022-04-16", false, "2022-03-20"},
		{"31st", Value{Kind: DayOfMonth, Day: 31}, "2022-05-16", false, "2022-03-31"},
		{"future day of month", Value{Kind: DayOfMonth, Day: 31}, "2022-04-16", true, "2022-05-31"},
		{"period", Value{Kind: Period, Unit: 7, Shift: -1}, "2022-04-16", false, ""},
		{"zero value", Value{}, "2022-04-16", false, ""},
	}
	for _, tt := range tests {
		got, ok := Expr{Value: tt.v}.Date(day(tt.published), tt.future)
		if s := got.Format(time.DateOnly); ok != (tt.want != "") || ok && s != tt.want {
			t.Errorf("%s: got %s, %v; want %q", tt.name, s, ok, tt.want)
		}
	}
}

// TestDateLocation checks that the day is the publication's local day.
func TestDateLocation(t *testing.T) {
	tehran := time.FixedZone("IRST", 3*3600+1800)
	published := time.Date(2022, 4, 16, 23, 30, 0, 0, tehran) // 20:00 UTC
	got, ok := Expr{Value: Value{Kind: Relative, Offset: -1}}.Date(published, false)
	want := time.Date(2022, 4, 15, 0, 0, 0, 0, tehran)
	if !ok || !got.Equal(want) || got.Location() != tehran {
		t.Errorf("got %v, want %v", got, want)
	}
}
