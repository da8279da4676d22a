package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// PRF is precision, recall and F1 with the counts behind them. Only p, r and
// f1 go into the JSON, as FORMAT.md's machine-readable block has them.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`

	TP int `json:"-"`
	FP int `json:"-"`
	FN int `json:"-"`
}

// QuoteScores scores quotes: P, R and F1 of the span matching, and the share
// of matched gold quotes whose speaker agrees at entity level.
type QuoteScores struct {
	PRF
	SpeakerAccuracy float64 `json:"speaker_accuracy"`

	SpeakerAgree int `json:"-"` // numerator of SpeakerAccuracy; TP is its denominator
}

// RootScores breaks the scores down for one CAMEO root. Both levels require
// the same root, so every matched pair, miss and false positive falls under
// exactly one root and the per-root counts add up to the overall ones.
type RootScores struct {
	Gold         int `json:"gold"`
	Predicted    int `json:"predicted"`
	Root         PRF `json:"root"`
	TripleEntity PRF `json:"triple_entity"`
}

// Scores are the scores of FORMAT.md, pooled (micro-averaged) over all gold
// articles. Its JSON has exactly FORMAT.md's keys plus "per_root".
type Scores struct {
	Articles        int         `json:"articles"`
	GoldEvents      int         `json:"gold_events"`
	PredictedEvents int         `json:"predicted_events"`
	Root            PRF         `json:"root"`
	TripleEntity    PRF         `json:"triple_entity"`
	TripleFull      PRF         `json:"triple_full"`
	Quad            PRF         `json:"quad"`
	Code            float64     `json:"code"`
	Date            float64     `json:"date"`
	Quotes          QuoteScores `json:"quotes"`

	// PerRoot is keyed by two-digit root ("02"); a predicted code without a
	// CAMEO root (01–20) is counted under "invalid".
	PerRoot map[string]RootScores `json:"per_root"`

	// The counts behind Code (CodeEqual of Root.TP) and Date (DateEqual of
	// DatedMatches, the matched gold events that have a date).
	CodeEqual    int `json:"-"`
	DateEqual    int `json:"-"`
	DatedMatches int `json:"-"`
}

// Figure returns one of the scores by the name of its JSON key: the F1 of a
// level ("root", "triple_entity", "triple_full", "quad", "quotes"), or
// "code", "date", "speaker_accuracy".
func (s Scores) Figure(name string) (float64, error) {
	switch name {
	case LevelRoot:
		return s.Root.F1, nil
	case LevelTripleEntity:
		return s.TripleEntity.F1, nil
	case LevelTripleFull:
		return s.TripleFull.F1, nil
	case LevelQuad:
		return s.Quad.F1, nil
	case "quotes":
		return s.Quotes.F1, nil
	case "code":
		return s.Code, nil
	case "date":
		return s.Date, nil
	case "speaker_accuracy":
		return s.Quotes.SpeakerAccuracy, nil
	}
	return 0, fmt.Errorf("no score %q: want root, triple_entity, triple_full, quad, quotes, code, date or speaker_accuracy", name)
}

// The level names, as the JSON keys of Scores; Errors takes one of them.
const (
	LevelRoot         = "root"
	LevelTripleEntity = "triple_entity"
	LevelTripleFull   = "triple_full"
	LevelQuad         = "quad"
)

// level says when a predicted event may match a gold event, given that their
// evidence overlaps.
type level struct {
	name  string
	agree func(g, p Event) bool
}

var levels = []level{
	{LevelRoot, sameRoot},
	{LevelTripleEntity, func(g, p Event) bool {
		return sameRoot(g, p) && sameEntity(g.Source, p.Source) && sameEntity(g.Target, p.Target)
	}},
	{LevelTripleFull, func(g, p Event) bool {
		return sameRoot(g, p) && sameCode(g.Source, p.Source) && sameCode(g.Target, p.Target)
	}},
	{LevelQuad, func(g, p Event) bool {
		q := quadClass(g.Cameo)
		return q != 0 && q == quadClass(p.Cameo) && sameEntity(g.Source, p.Source) && sameEntity(g.Target, p.Target)
	}},
}

var rootNames = map[string]string{
	"01": "make public statement", "02": "appeal", "03": "express intent to cooperate",
	"04": "consult", "05": "engage in diplomatic cooperation", "06": "engage in material cooperation",
	"07": "provide aid", "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove",
	"12": "reject", "13": "threaten", "14": "protest", "15": "exhibit force posture",
	"16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight",
	"20": "use unconventional mass violence",
}

// rootName returns the CAMEO name of a two-digit root, or "" if it is none.
func rootName(root string) string { return rootNames[root] }

// root returns a code's first two digits when they are a CAMEO root, else "".
func root(cameo string) string {
	if len(cameo) < 2 || rootName(cameo[:2]) == "" {
		return ""
	}
	return cameo[:2]
}

func sameRoot(g, p Event) bool { r := root(g.Cameo); return r != "" && r == root(p.Cameo) }

// quadClass maps a code to its CAMEO quad class: 1 verbal cooperation
// (01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13),
// 4 material conflict (14–20); 0 when the code has no root.
func quadClass(cameo string) int {
	r, err := strconv.Atoi(root(cameo))
	switch {
	case err != nil:
		return 0
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	default:
		return 4
	}
}

// entity is the part of an actor code compared at entity level: the country
// (first three letters), or the whole code for international and
// non-governmental organisations, whose first three letters say nothing
// about which body it is.
func entity(code string) string {
	for _, p := range []string{"IGO", "NGO", "IMG"} {
		if strings.HasPrefix(code, p) {
			return code
		}
	}
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// sameEntity and sameCode compare actors at entity and full level; null
// agrees only with null.
func sameEntity(a, b *Actor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return entity(a.Code) == entity(b.Code)
}

func sameCode(a, b *Actor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Code == b.Code
}

func sameDate(g, p Event) bool { return g.Date != nil && p.Date != nil && *g.Date == *p.Date }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// eventPairs holds one article's gold and predicted events with their
// evidence located in the gold article's text.
type eventPairs struct {
	gold, pred []Event
	goldPos    []int    // where each gold evidence first occurs (len(text) if nowhere)
	predPos    []int    // the same for predictions, so misses sort by position
	near       [][]bool // near[i][j]: gold i's and prediction j's evidence overlap
}

func newEventPairs(text string, gold, pred []Event) eventPairs {
	ep := eventPairs{gold: gold, pred: pred, goldPos: make([]int, len(gold)), predPos: make([]int, len(pred))}
	pos := func(sp []span) int {
		if len(sp) == 0 {
			return len(text)
		}
		return sp[0].start
	}
	ps := make([][]span, len(pred))
	for j, p := range pred {
		ps[j] = spans(text, p.Evidence)
		ep.predPos[j] = pos(ps[j])
	}
	ep.near = make([][]bool, len(gold))
	for i, g := range gold {
		gs := spans(text, g.Evidence)
		ep.goldPos[i] = pos(gs)
		ep.near[i] = make([]bool, len(pred))
		for j := range pred {
			ep.near[i][j] = overlap(gs, ps[j])
		}
	}
	return ep
}

// match computes the maximum matching at level l. Ties between maximum
// matchings go to the one with the most equal codes and dates, so that code
// and date are not lowered by an arbitrary choice among equally good
// root-level matchings.
func (ep eventPairs) match(l level) []int {
	return maxMatching(len(ep.gold), len(ep.pred),
		func(i, j int) bool { return ep.near[i][j] && l.agree(ep.gold[i], ep.pred[j]) },
		func(i, j int) int {
			g, p := ep.gold[i], ep.pred[j]
			return b2i(g.Cameo == p.Cameo) + b2i(sameDate(g, p))
		})
}

// tally counts one level's matching, overall or for one root.
type tally struct{ tp, fp, fn int }

func (t tally) prf() PRF {
	p := PRF{TP: t.tp, FP: t.fp, FN: t.fn}
	// With nothing predicted (or nothing in gold) the ratio is 0, not NaN,
	// so the JSON stays valid and an empty run never looks perfect.
	if t.tp+t.fp > 0 {
		p.P = float64(t.tp) / float64(t.tp+t.fp)
	}
	if t.tp+t.fn > 0 {
		p.R = float64(t.tp) / float64(t.tp+t.fn)
	}
	if p.P+p.R > 0 {
		p.F1 = 2 * p.P * p.R / (p.P + p.R)
	}
	return p
}

// add counts a matching into t and, when byRoot is not nil, into the tally
// of each event's root.
func (t *tally) add(byRoot map[string]*tally, gold, pred []Event, match []int) {
	matched := make([]bool, len(pred))
	for i, j := range match {
		key := rootKey(gold[i].Cameo)
		if j >= 0 {
			matched[j] = true
			t.tp++
			if byRoot != nil {
				rootTally(byRoot, key).tp++
			}
		} else {
			t.fn++
			if byRoot != nil {
				rootTally(byRoot, key).fn++
			}
		}
	}
	for j, ok := range matched {
		if !ok {
			t.fp++
			if byRoot != nil {
				rootTally(byRoot, rootKey(pred[j].Cameo)).fp++
			}
		}
	}
}

func rootKey(cameo string) string {
	if r := root(cameo); r != "" {
		return r
	}
	return "invalid"
}

func rootTally(m map[string]*tally, key string) *tally {
	if m[key] == nil {
		m[key] = &tally{}
	}
	return m[key]
}

func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// byID indexes predictions by article ID; if an ID repeats, the first wins.
func byID(pred []Article) map[string]Article {
	m := make(map[string]Article, len(pred))
	for _, p := range pred {
		if _, dup := m[p.ID]; !dup {
			m[p.ID] = p
		}
	}
	return m
}

// Score scores predictions against gold. Predictions are found by article
// ID and located in the gold article's text; a gold article without a
// prediction counts as one with no events and no quotes, and predictions for
// articles not in gold are ignored. Counts are pooled over all articles
// before dividing (micro-averaging).
func Score(gold, pred []Article) Scores {
	preds := byID(pred)
	var s Scores
	totals := make([]tally, len(levels))
	perRoot := map[string]*tally{}   // level root
	perEntity := map[string]*tally{} // level triple_entity
	var quotes tally
	for _, g := range gold {
		p := preds[g.ID]
		s.Articles++
		s.GoldEvents += len(g.Events)
		s.PredictedEvents += len(p.Events)
		ep := newEventPairs(g.Text, g.Events, p.Events)
		for li, l := range levels {
			m := ep.match(l)
			var byRoot map[string]*tally
			switch l.name {
			case LevelRoot:
				byRoot = perRoot
				for i, j := range m {
					if j < 0 {
						continue
					}
					s.CodeEqual += b2i(g.Events[i].Cameo == p.Events[j].Cameo)
					if g.Events[i].Date != nil {
						s.DatedMatches++
						s.DateEqual += b2i(sameDate(g.Events[i], p.Events[j]))
					}
				}
			case LevelTripleEntity:
				byRoot = perEntity
			}
			totals[li].add(byRoot, g.Events, p.Events, m)
		}
		s.Quotes.SpeakerAgree += scoreQuotes(&quotes, g, p)
	}
	// totals is in the order of levels.
	s.Root, s.TripleEntity, s.TripleFull, s.Quad = totals[0].prf(), totals[1].prf(), totals[2].prf(), totals[3].prf()
	s.Code = ratio(s.CodeEqual, s.Root.TP)
	s.Date = ratio(s.DateEqual, s.DatedMatches)
	s.Quotes.PRF = quotes.prf()
	s.Quotes.SpeakerAccuracy = ratio(s.Quotes.SpeakerAgree, s.Quotes.TP)
	s.PerRoot = map[string]RootScores{}
	for key, t := range perRoot {
		e := perEntity[key] // every event is counted at both levels, so the keys are the same
		s.PerRoot[key] = RootScores{Gold: t.tp + t.fn, Predicted: t.tp + t.fp, Root: t.prf(), TripleEntity: e.prf()}
	}
	return s
}

// scoreQuotes matches one article's quotes by overlapping spans, counts the
// matching into t and returns how many matched gold quotes have a speaker
// that agrees at entity level. Ties between maximum matchings go to speaker
// agreement, as ties between event matchings go to code agreement.
func scoreQuotes(t *tally, g, p Article) int {
	gs := make([][]span, len(g.Quotes))
	for i, q := range g.Quotes {
		gs[i] = spans(g.Text, q.Text)
	}
	ps := make([][]span, len(p.Quotes))
	for j, q := range p.Quotes {
		ps[j] = spans(g.Text, q.Text)
	}
	speaker := func(i, j int) bool { return sameEntity(g.Quotes[i].Speaker, p.Quotes[j].Speaker) }
	m := maxMatching(len(g.Quotes), len(p.Quotes),
		func(i, j int) bool { return overlap(gs[i], ps[j]) },
		func(i, j int) int { return b2i(speaker(i, j)) })
	agree, matched := 0, 0
	for i, j := range m {
		if j >= 0 {
			matched++
			agree += b2i(speaker(i, j))
		}
	}
	t.tp += matched
	t.fn += len(g.Quotes) - matched
	t.fp += len(p.Quotes) - matched
	return agree
}

// JSON returns the scores as FORMAT.md's machine-readable object.
func (s Scores) JSON() ([]byte, error) {
	return json.MarshalIndent(s, "", "  ")
}

// Table writes the scores for people: overall, then per CAMEO root.
func (s Scores) Table(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }
	fmt.Fprintf(tw, "%d articles, %d gold events, %d predicted events\n\n", s.Articles, s.GoldEvents, s.PredictedEvents)
	fmt.Fprintln(tw, "level\tP\tR\tF1\tTP\tFP\tFN\t")
	for _, r := range []struct {
		name string
		prf  PRF
	}{
		{"root", s.Root}, {"triple/entity", s.TripleEntity}, {"triple/full", s.TripleFull},
		{"quad", s.Quad}, {"quotes", s.Quotes.PRF},
	} {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t\n", r.name, f(r.prf.P), f(r.prf.R), f(r.prf.F1), r.prf.TP, r.prf.FP, r.prf.FN)
	}
	fmt.Fprintln(tw)
	fmt.Fprintf(tw, "code\t%s\t%d of %d root matches have the same CAMEO code\t\n", f(s.Code), s.CodeEqual, s.Root.TP)
	fmt.Fprintf(tw, "date\t%s\t%d of %d dated gold events matched at root have the same date\t\n", f(s.Date), s.DateEqual, s.DatedMatches)
	fmt.Fprintf(tw, "speaker\t%s\t%d of %d matched quotes have a speaker agreeing at entity level\t\n", f(s.Quotes.SpeakerAccuracy), s.Quotes.SpeakerAgree, s.Quotes.TP)
	fmt.Fprintln(tw)

	keys := make([]string, 0, len(s.PerRoot))
	for k := range s.PerRoot {
		keys = append(keys, k)
	}
	sort.Strings(keys) // "invalid" sorts after the digits
	fmt.Fprintln(tw, "root\t\tgold\tpred\troot P\tR\tF1\ttriple/entity P\tR\tF1\t")
	for _, k := range keys {
		r := s.PerRoot[k]
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", k, rootName(k), r.Gold, r.Predicted,
			f(r.Root.P), f(r.Root.R), f(r.Root.F1), f(r.TripleEntity.P), f(r.TripleEntity.R), f(r.TripleEntity.F1))
	}
	return tw.Flush()
}

// Kinds of Miss.
const (
	Missed        = "missed"         // a gold event no prediction matched
	FalsePositive = "false positive" // a predicted event that matched no gold event
)

// Miss is an event left unmatched at some level. The sentence is
// Event.Evidence (FORMAT.md makes the evidence the sentence); Near lists the
// other side's events whose evidence overlaps it, which shows why it did not
// match (another root, another actor) or that the sentence was missed.
type Miss struct {
	ArticleID string
	Kind      string
	Event     Event
	Near      []Event
}

// Errors lists, for --errors, the misses and false positives of the
// matching at the named level (LevelRoot, LevelTripleEntity, ...), article
// by article in gold order and within an article by position in the text.
// The matching is the one Score counts, so the list agrees with its figures.
func Errors(gold, pred []Article, levelName string) ([]Miss, error) {
	var l level
	for _, c := range levels {
		if c.name == levelName {
			l = c
		}
	}
	if l.agree == nil {
		return nil, fmt.Errorf("unknown level %q (want %s, %s, %s or %s)",
			levelName, LevelRoot, LevelTripleEntity, LevelTripleFull, LevelQuad)
	}
	preds := byID(pred)
	var out []Miss
	for _, g := range gold {
		p := preds[g.ID]
		ep := newEventPairs(g.Text, g.Events, p.Events)
		m := ep.match(l)
		type positioned struct {
			pos  int
			miss Miss
		}
		var art []positioned
		matched := make([]bool, len(p.Events))
		for i, j := range m {
			if j >= 0 {
				matched[j] = true
				continue
			}
			var near []Event
			for k, pe := range p.Events {
				if ep.near[i][k] {
					near = append(near, pe)
				}
			}
			art = append(art, positioned{ep.goldPos[i], Miss{g.ID, Missed, g.Events[i], near}})
		}
		for j, ok := range matched {
			if ok {
				continue
			}
			var near []Event
			for i, ge := range g.Events {
				if ep.near[i][j] {
					near = append(near, ge)
				}
			}
			art = append(art, positioned{ep.predPos[j], Miss{g.ID, FalsePositive, p.Events[j], near}})
		}
		sort.SliceStable(art, func(a, b int) bool { return art[a].pos < art[b].pos })
		for _, x := range art {
			out = append(out, x.miss)
		}
	}
	return out, nil
}
