// Package coding turns one article into event and quote records: it runs
// the syntactic pipeline over the text, resolves the actors mentioned, finds
// the quotations and time expressions, and codes the events. It is the one
// place where the stages meet; each stage is its own package.
package coding

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-org/dyad/actor"
	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/event"
	"github.com/dyad-org/dyad/event/lexicon"
	"github.com/dyad-org/dyad/event/ontology"
	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/pipeline"
	"github.com/dyad-org/dyad/quote"
	"github.com/dyad-org/dyad/record"
	"github.com/dyad-org/dyad/timex"
)

// Result is what an article yields.
type Result struct {
	Events []record.Event
	Quotes []record.Quote
}

// Coder codes articles. It is read-only once built and safe for concurrent
// use by any number of goroutines.
type Coder struct {
	nlp    *pipeline.Pipeline
	actors *actor.Resolver
	events *event.Coder
	onto   *ontology.Ontology
}

// New returns a coder over loaded parts.
func New(p *pipeline.Pipeline, r *actor.Resolver, lex *lexicon.Lexicon, o *ontology.Ontology) *Coder {
	return &Coder{nlp: p, actors: r, events: event.New(lex, o), onto: o}
}

// Default returns a coder with the embedded models and tables.
func Default() (*Coder, error) {
	p, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	return New(p, actor.Default(), lexicon.Default(), ontology.Default()), nil
}

// ArticleCoder is what codes an article: a *Coder, or a test's stand-in.
type ArticleCoder interface {
	Code(article.Article) Result
}

// Safely codes one article and turns a panic of the coder into an error
// naming the article, so that one article that trips a bug costs only
// itself, not the batch it is in.
func Safely(c ArticleCoder, a article.Article) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: coding failed: panic: %v", Name(a), r)
		}
	}()
	return c.Code(a), nil
}

// Name names an article in messages by where it came from, with its ID
// when that says something more.
func Name(a article.Article) string {
	if a.ID == "" || a.ID == a.Source {
		return a.Source
	}
	return fmt.Sprintf("%s (id %s)", a.Source, a.ID)
}

// Code codes one article.
func (c *Coder) Code(a article.Article) Result {
	doc := c.nlp.Analyze(withoutDateline(a))
	ms := c.actors.Resolve(doc, actor.Context{Date: a.Published, Dateline: a.Dateline, Title: a.Title})
	quotes := quote.Find(doc)
	var dater *timex.Dater
	if !a.Published.IsZero() { // relative dates need the article's date
		dater = timex.NewDater(doc, a.Published)
	}
	speakers := event.Speakers(doc, ms, quotes)
	evs := c.events.Code(event.Input{Doc: doc, Mentions: ms, Quotes: quotes, Speakers: speakers, Dater: dater})
	var res Result
	for i := range evs {
		res.Events = append(res.Events, c.eventRecord(a, doc, quotes, &evs[i], i))
	}
	for i := range quotes {
		res.Quotes = append(res.Quotes, c.quoteRecord(a, doc, speakers[i], dater, &quotes[i], i))
	}
	return res
}

// withoutDateline is the article's text with its dateline blanked out
// ("TEHRAN, Apr. 16 (MNA) – ", "Reuters - "), so that the parser does not
// read the place or agency as the first sentence's subject; the other bytes
// keep their offsets.
func withoutDateline(a article.Article) string {
	if a.DatelineEnd <= a.DatelineStart {
		return a.Text
	}
	return a.Text[:a.DatelineStart] + strings.Repeat(" ", a.DatelineEnd-a.DatelineStart) + a.Text[a.DatelineEnd:]
}

func (c *Coder) eventRecord(a article.Article, doc *nlp.Doc, quotes []quote.Quote, ev *event.Event, i int) record.Event {
	s := &doc.Sentences[ev.Sentence]
	trig := record.Span{Start: s.Tokens[ev.TriggerFirst].Start, End: s.Tokens[ev.TriggerLast].End}
	r := record.Event{
		ID:        a.ID + "#e" + strconv.Itoa(i+1),
		ArticleID: a.ID,
		Published: day(a.Published),
		Publisher: a.Publisher,
		URL:       a.URL,
		Source:    actorRecord(ev.Source),
		Target:    actorRecord(ev.Target),
		CAMEO:     ev.Code,
		Root:      c.onto.Root(ev.Code),
		QuadClass: c.onto.QuadClass(ev.Code),
		Negated:   ev.Negated,
		Date:      day(ev.Date),
		ClaimedBy: actorRecord(ev.ClaimedBy),
		Evidence: record.Evidence{
			Sentence:     doc.SentenceText(s),
			SentenceSpan: record.Span{Start: s.Start, End: s.End},
			Trigger:      doc.Text[trig.Start:trig.End],
			TriggerSpan:  trig,
		},
	}
	if e, ok := c.onto.Event(ev.Code); ok {
		r.Name, r.Goldstein, r.PloverType, r.PloverMode = e.Name, e.Goldstein, e.PloverType, e.PloverMode
	}
	if ev.Quote >= 0 {
		q := quotes[ev.Quote]
		r.Evidence.Quote = &record.Span{Start: q.Start, End: q.End}
	}
	return r
}

func (c *Coder) quoteRecord(a article.Article, doc *nlp.Doc, speaker *actor.Mention, dater *timex.Dater, q *quote.Quote, i int) record.Quote {
	r := record.Quote{
		ID:        a.ID + "#q" + strconv.Itoa(i+1),
		ArticleID: a.ID,
		Text:      q.Text,
		Span:      record.Span{Start: q.Start, End: q.End},
	}
	r.Speaker = actorRecord(speaker)
	if q.Cue != nil {
		r.Cue = doc.Text[q.Cue.Start:q.Cue.End]
		r.CueSpan = &record.Span{Start: q.Cue.Start, End: q.Cue.End}
		if dater != nil {
			if d, how := dater.EventDate(q.Cue.Sentence, q.Cue.Head, false); how != timex.NoDate {
				r.Date = day(d)
			}
		}
	}
	return r
}

func actorRecord(m *actor.Mention) *record.Actor {
	if m == nil || m.Code == "" {
		return nil
	}
	return &record.Actor{
		Text:    m.Text,
		Mention: record.Span{Start: m.Start, End: m.End},
		Code:    m.Code,
		Country: m.Country,
		Role:    m.Role,
		Name:    m.Name,
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
