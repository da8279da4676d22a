package record

import (
	"strconv"
)

// column is one CSV/TSV column: its header name and how a record gives its
// value. The package documentation lists them; a test checks it does.
type column[T any] struct {
	name  string
	value func(*T) string
}

var eventColumns = concat(
	[]column[Event]{
		{"EventID", func(e *Event) string { return e.ID }},
		{"ArticleID", func(e *Event) string { return e.ArticleID }},
		{"Date", func(e *Event) string { return yyyymmdd(firstOf(e.Date, e.Published)) }},
		{"EventDate", func(e *Event) string { return e.Date }},
		{"Published", func(e *Event) string { return e.Published }},
	},
	actorColumns("Actor1", func(e *Event) *Actor { return e.Source }),
	actorColumns("Actor2", func(e *Event) *Actor { return e.Target }),
	[]column[Event]{
		{"EventCode", func(e *Event) string { return e.CAMEO }},
		{"EventBaseCode", func(e *Event) string { return e.CAMEO[:min(3, len(e.CAMEO))] }},
		{"EventRootCode", func(e *Event) string { return e.Root }},
		{"EventName", func(e *Event) string { return e.Name }},
		{"QuadClass", func(e *Event) string { return strconv.Itoa(e.QuadClass) }},
		{"GoldsteinScale", func(e *Event) string { return strconv.FormatFloat(e.Goldstein, 'f', -1, 64) }},
		{"PloverType", func(e *Event) string { return e.PloverType }},
		{"PloverMode", func(e *Event) string { return e.PloverMode }},
		{"Negated", func(e *Event) string { return strconv.FormatBool(e.Negated) }},
		{"Evidence", func(e *Event) string { return e.Evidence.Sentence }},
		{"SentenceStart", func(e *Event) string { return strconv.Itoa(e.Evidence.SentenceSpan.Start) }},
		{"SentenceEnd", func(e *Event) string { return strconv.Itoa(e.Evidence.SentenceSpan.End) }},
		{"Trigger", func(e *Event) string { return e.Evidence.Trigger }},
		{"TriggerStart", func(e *Event) string { return strconv.Itoa(e.Evidence.TriggerSpan.Start) }},
		{"TriggerEnd", func(e *Event) string { return strconv.Itoa(e.Evidence.TriggerSpan.End) }},
		{"QuoteStart", func(e *Event) string { return start(e.Evidence.Quote) }},
		{"QuoteEnd", func(e *Event) string { return end(e.Evidence.Quote) }},
	},
	actorColumns("ClaimedBy", func(e *Event) *Actor { return e.ClaimedBy }),
	[]column[Event]{
		{"Publisher", func(e *Event) string { return e.Publisher }},
		{"SOURCEURL", func(e *Event) string { return e.URL }},
	},
)

var quoteColumns = concat(
	[]column[Quote]{
		{"QuoteID", func(q *Quote) string { return q.ID }},
		{"ArticleID", func(q *Quote) string { return q.ArticleID }},
		{"Date", func(q *Quote) string { return yyyymmdd(q.Date) }},
	},
	actorColumns("Speaker", func(q *Quote) *Actor { return q.Speaker }),
	[]column[Quote]{
		{"Text", func(q *Quote) string { return q.Text }},
		{"Start", func(q *Quote) string { return strconv.Itoa(q.Span.Start) }},
		{"End", func(q *Quote) string { return strconv.Itoa(q.Span.End) }},
		{"Cue", func(q *Quote) string { return q.Cue }},
		{"CueStart", func(q *Quote) string { return start(q.CueSpan) }},
		{"CueEnd", func(q *Quote) string { return end(q.CueSpan) }},
	},
)

// actorColumns are the columns of one actor, named as GDELT names Actor1's
// (Actor1Code, Actor1CountryCode, Actor1Type1Code) for every actor, so that
// a speaker's or claimant's columns read like an event's actors'. A nil actor
// gives empty values.
func actorColumns[T any](prefix string, actor func(*T) *Actor) []column[T] {
	field := func(f func(*Actor) string) func(*T) string {
		return func(v *T) string {
			if a := actor(v); a != nil {
				return f(a)
			}
			return ""
		}
	}
	return []column[T]{
		{prefix + "Code", field(func(a *Actor) string { return a.Code })},
		{prefix + "Name", field(func(a *Actor) string { return a.Name })},
		{prefix + "CountryCode", field(func(a *Actor) string { return a.Country })},
		{prefix + "Type1Code", field(func(a *Actor) string { return a.Role })},
		{prefix + "Text", field(func(a *Actor) string { return a.Text })},
		{prefix + "Start", field(func(a *Actor) string { return strconv.Itoa(a.Mention.Start) })},
		{prefix + "End", field(func(a *Actor) string { return strconv.Itoa(a.Mention.End) })},
	}
}

func concat[T any](groups ...[]column[T]) []column[T] {
	var all []column[T]
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// yyyymmdd writes a date as GDELT's SQLDATE and Phoenix's Date do: the
// YYYY-MM-DD of a date or an RFC 3339 time becomes YYYYMMDD; anything else
// is passed on as it is rather than lost.
func yyyymmdd(date string) string {
	if len(date) >= 10 && date[4] == '-' && date[7] == '-' {
		return date[:4] + date[5:7] + date[8:10]
	}
	return date
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// start and end give an optional span's offsets, empty when there is none.
func start(s *Span) string {
	if s == nil {
		return ""
	}
	return strconv.Itoa(s.Start)
}

func end(s *Span) string {
	if s == nil {
		return ""
	}
	return strconv.Itoa(s.End)
}
