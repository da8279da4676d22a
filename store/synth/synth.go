// Package synth fills a store with synthetic, deterministic articles and
// events: for tests of what reads a store (the API, the web UI) and for
// load benchmarks at sizes no test corpus has. Every record is well formed:
// its offsets point at its words, so highlighting and evidence work on it.
package synth

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/event/ontology"
	"github.com/dyad-org/dyad/record"
	"github.com/dyad-org/dyad/store"
)

type actor struct{ code, country, role, name string }

var actors = []actor{
	{"IRNGOV", "IRN", "GOV", "the Iranian government"},
	{"ISRGOV", "ISR", "GOV", "the Israeli government"},
	{"ISRMIL", "ISR", "MIL", "Israeli forces"},
	{"USAGOV", "USA", "GOV", "the US administration"},
	{"IGOOIC", "", "IGO", "the OIC"},
	{"PSEREBHMS", "PSE", "REB", "Hamas"},
	{"TURGOV", "TUR", "GOV", "the Turkish government"},
	{"SAUGOV", "SAU", "GOV", "the Saudi government"},
	{"RUSGOV", "RUS", "GOV", "the Russian government"},
	{"CHNGOV", "CHN", "GOV", "the Chinese government"},
	{"EGYGOV", "EGY", "GOV", "the Egyptian government"},
	{"QATGOV", "QAT", "GOV", "the Qatari government"},
}

// verbs are the events the articles tell of: a CAMEO code and a verb
// phrase for it.
var verbs = []struct{ code, verb string }{
	{"040", "held talks with"}, {"042", "visited"}, {"043", "hosted"}, {"036", "offered to meet"},
	{"0231", "asked for aid from"}, {"051", "praised"}, {"057", "signed an agreement with"},
	{"070", "sent aid to"}, {"111", "criticised"}, {"112", "accused"}, {"122", "rejected a request of"},
	{"130", "threatened"}, {"163", "imposed sanctions on"}, {"173", "arrested members of"},
	{"190", "attacked"}, {"183", "bombed positions of"}, {"0311", "pledged economic help to"},
}

// Fill stores n articles of events per article each (events days spread
// over a year from 2024-01-01), coded by construction rather than by the
// coder. The same n, events and seed give the same records.
func Fill(ctx context.Context, st *store.Store, n, events int, seed uint64) error {
	onto := ontology.Default()
	r := rand.New(rand.NewPCG(seed, 1))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	const batch = 64 // articles per transaction, as dyad ingest stores them
	for first := 0; first < n; first += batch {
		var arts []article.Article
		var results []coding.Result
		for i := first; i < min(n, first+batch); i++ {
			a, res := one(r, onto, fmt.Sprintf("synth-%06d-%d", i, seed), start.AddDate(0, 0, r.IntN(365)), events)
			arts = append(arts, a)
			results = append(results, res)
		}
		if _, err := st.Enqueue(ctx, arts); err != nil {
			return err
		}
		claimed, err := st.Claim(ctx, "synth", len(arts), time.Hour)
		if err != nil {
			return err
		}
		byKey := map[string]int{}
		for i, a := range arts {
			byKey[a.ID] = i
		}
		var coded []store.Coded
		for _, c := range claimed {
			if i, ok := byKey[c.Article.ID]; ok {
				coded = append(coded, store.Coded{ID: c.ID, Result: results[i]})
			}
		}
		if _, err := st.Complete(ctx, "synth", coded); err != nil {
			return err
		}
	}
	return nil
}

// one makes an article of events sentences, each stating one event, and
// its records.
func one(r *rand.Rand, onto *ontology.Ontology, id string, day time.Time, events int) (article.Article, coding.Result) {
	var text strings.Builder
	var res coding.Result
	date := day.Format(time.DateOnly)
	for k := range events {
		src := actors[r.IntN(len(actors))]
		tgt := actors[r.IntN(len(actors))]
		for tgt.code == src.code {
			tgt = actors[r.IntN(len(actors))]
		}
		v := verbs[r.IntN(len(verbs))]
		sentStart := text.Len()
		subject := upperFirst(src.name)
		fmt.Fprintf(&text, "%s %s %s on %s, officials said in report %s. ", subject, v.verb, tgt.name, day.Format("January 2"), id)
		sentence := strings.TrimSuffix(text.String()[sentStart:], " ")
		trig := sentStart + len(subject) + 1
		tgtAt := trig + len(v.verb) + 1
		e, _ := onto.Event(v.code)
		res.Events = append(res.Events, record.Event{
			ID: fmt.Sprintf("%s#e%d", id, k+1), ArticleID: id, Date: date, Published: date, Publisher: "Synthetic Wire",
			Source: &record.Actor{Text: subject, Mention: record.Span{Start: sentStart, End: sentStart + len(subject)},
				Code: src.code, Country: src.country, Role: src.role},
			Target: &record.Actor{Text: tgt.name, Mention: record.Span{Start: tgtAt, End: tgtAt + len(tgt.name)},
				Code: tgt.code, Country: tgt.country, Role: tgt.role},
			CAMEO: v.code, Root: v.code[:2], Name: e.Name, Goldstein: e.Goldstein, QuadClass: e.Quad,
			PloverType: e.PloverType, PloverMode: e.PloverMode,
			Evidence: record.Evidence{Sentence: sentence, SentenceSpan: record.Span{Start: sentStart, End: sentStart + len(sentence)},
				Trigger: v.verb, TriggerSpan: record.Span{Start: trig, End: trig + len(v.verb)}},
		})
	}
	speaker := res.Events[0].Source
	at := text.Len() + len("“")
	said := fmt.Sprintf("We will answer %s in time", actors[r.IntN(len(actors))].name)
	fmt.Fprintf(&text, "“%s,” a spokesperson said.", said)
	res.Quotes = []record.Quote{{ID: id + "#q1", ArticleID: id, Text: said, Span: record.Span{Start: at, End: at + len(said)},
		Speaker: speaker, Cue: "said", Date: date}}
	return article.Article{ID: id, Title: "Report " + id, Text: text.String(), Published: day, Publisher: "Synthetic Wire"}, res
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
