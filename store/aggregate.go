package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The aggregates analysts read event data through: counts over time, the
// tone between two actors, the network of who acts on whom, and a map.

// DayQuad is the events of one day in one quad class.
type DayQuad struct {
	Date      string  `json:"date"`
	QuadClass int     `json:"quad_class"`
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"` // mean
}

// Timeline counts the events f selects per day and quad class.
func (s *Store) Timeline(ctx context.Context, f Filter) ([]DayQuad, error) {
	w := s.eventWhere(f)
	out := []DayQuad{}
	err := s.each(ctx, `SELECT e.date, e.quad, COUNT(*), AVG(e.goldstein) FROM events e`+w.String()+
		` GROUP BY e.date, e.quad ORDER BY e.date, e.quad`, w.args, func(scan func(...any) error) error {
		var d DayQuad
		err := scan(&d.Date, &d.QuadClass, &d.Count, &d.Goldstein)
		out = append(out, d)
		return err
	})
	return out, err
}

// DayRoot is the events of one day with one CAMEO root.
type DayRoot struct {
	Date  string `json:"date"`
	Root  string `json:"root"`
	Count int    `json:"count"`
}

// Roots counts the events f selects per day and CAMEO root.
func (s *Store) Roots(ctx context.Context, f Filter) ([]DayRoot, error) {
	w := s.eventWhere(f)
	out := []DayRoot{}
	err := s.each(ctx, `SELECT e.date, e.root, COUNT(*) FROM events e`+w.String()+
		` GROUP BY e.date, e.root ORDER BY e.date, e.root`, w.args, func(scan func(...any) error) error {
		var d DayRoot
		err := scan(&d.Date, &d.Root, &d.Count)
		out = append(out, d)
		return err
	})
	return out, err
}

// DyadDay is one day of the events between two actors.
type DyadDay struct {
	Date      string  `json:"date"`
	AToB      int     `json:"a_to_b"`
	BToA      int     `json:"b_to_a"`
	Goldstein float64 `json:"goldstein"` // mean over both directions
}

// Dyad gives the daily series of events between actors a and b, both ways,
// in f's date range, and the latest of those events (up to limit).
func (s *Store) Dyad(ctx context.Context, a, b string, f Filter, limit int) ([]DyadDay, []json.RawMessage, error) {
	w := &where{}
	w.add("((e.source_code = ? AND e.target_code = ?) OR (e.source_code = ? AND e.target_code = ?))", a, b, b, a)
	dateRange(w, "e.date", f)
	series := []DyadDay{}
	args := append([]any{a}, w.args...)
	args = append([]any{a}, args...)
	err := s.each(ctx, `SELECT e.date, SUM(CASE WHEN e.source_code = ? THEN 1 ELSE 0 END),
		SUM(CASE WHEN e.source_code = ? THEN 0 ELSE 1 END), AVG(e.goldstein) FROM events e`+w.String()+
		` GROUP BY e.date ORDER BY e.date`, args, func(scan func(...any) error) error {
		var d DyadDay
		err := scan(&d.Date, &d.AToB, &d.BToA, &d.Goldstein)
		series = append(series, d)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	events, _, err := s.docs(ctx, `SELECT e.doc, e.date, e.rid FROM events e`+w.String()+
		` ORDER BY e.date DESC, e.rid DESC LIMIT ?`, append(w.args, limit+1), limit)
	return series, events, err
}

// Node is an actor of a network.
type Node struct {
	Code    string `json:"code"`
	Country string `json:"country"`
	Name    string `json:"name,omitempty"`
	Events  int    `json:"events"`
}

// Edge is the events of one source on one target.
type Edge struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"` // mean
}

// maxEdges bounds a network to what can be drawn and read.
const maxEdges = 300

// Network gives the actor network of the events f selects: the pairs of
// actors with at least minEvents events from one on the other, the busiest
// first, and the actors in them.
func (s *Store) Network(ctx context.Context, f Filter, minEvents int) ([]Node, []Edge, error) {
	w := s.eventWhere(f)
	w.add("e.source_code <> '' AND e.target_code <> '' AND e.source_code <> e.target_code")
	edges := []Edge{}
	err := s.each(ctx, `SELECT e.source_code, e.target_code, COUNT(*), AVG(e.goldstein) FROM events e`+w.String()+
		` GROUP BY e.source_code, e.target_code HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, e.source_code, e.target_code LIMIT ?`,
		append(w.args, minEvents, maxEdges), func(scan func(...any) error) error {
			var e Edge
			err := scan(&e.Source, &e.Target, &e.Events, &e.Goldstein)
			edges = append(edges, e)
			return err
		})
	if err != nil {
		return nil, nil, err
	}
	index := map[string]int{}
	nodes := []Node{}
	for _, e := range edges {
		for _, code := range []string{e.Source, e.Target} {
			i, ok := index[code]
			if !ok {
				i = len(nodes)
				index[code] = i
				nodes = append(nodes, Node{Code: code})
			}
			nodes[i].Events += e.Events
		}
	}
	for i := range nodes {
		n := &nodes[i]
		err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT name, country FROM actors WHERE code = ?`), n.Code).Scan(&n.Name, &n.Country)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, nil, err
		}
	}
	return nodes, edges, nil
}

// CountryCount is the events one country's actors take part in.
type CountryCount struct {
	Country   string  `json:"country"`
	Events    int     `json:"events"`
	Goldstein float64 `json:"goldstein"` // mean
}

// Countries counts, per country, the events f selects whose source or
// target is of that country (an event between two actors of one country
// counts once).
func (s *Store) Countries(ctx context.Context, f Filter) ([]CountryCount, error) {
	// Two counts, each grouped in the order of its own index, merged here:
	// one query over the union of both sides sorted a million rows.
	w := s.eventWhere(f)
	type sum struct {
		events    int
		goldstein float64
	}
	sums := map[string]*sum{}
	for _, side := range []string{
		`SELECT e.source_country, COUNT(*), SUM(e.goldstein) FROM events e` + w.String() + andOrWhere(w) +
			`e.source_country <> '' GROUP BY e.source_country`,
		`SELECT e.target_country, COUNT(*), SUM(e.goldstein) FROM events e` + w.String() + andOrWhere(w) +
			`e.target_country <> '' AND e.target_country <> e.source_country GROUP BY e.target_country`,
	} {
		err := s.each(ctx, side, w.args, func(scan func(...any) error) error {
			var c string
			var n sum
			if err := scan(&c, &n.events, &n.goldstein); err != nil {
				return err
			}
			if t, ok := sums[c]; ok {
				t.events += n.events
				t.goldstein += n.goldstein
			} else {
				sums[c] = &n
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]CountryCount, 0, len(sums))
	for c, n := range sums {
		out = append(out, CountryCount{Country: c, Events: n.events, Goldstein: n.goldstein / float64(n.events)})
	}
	slices.SortFunc(out, func(a, b CountryCount) int {
		if a.Events != b.Events {
			return b.Events - a.Events
		}
		return strings.Compare(a.Country, b.Country)
	})
	return out, nil
}

func andOrWhere(w *where) string {
	if len(w.conds) == 0 {
		return " WHERE "
	}
	return " AND "
}

// Stats is the size and span of the store.
type Stats struct {
	Articles int    `json:"articles"`
	Events   int    `json:"events"`
	Quotes   int    `json:"quotes"`
	First    string `json:"first"`
	Last     string `json:"last"`
}

// Stats counts the coded articles, events and quotes, and gives the first
// and last event day.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT
		(SELECT COUNT(*) FROM articles WHERE state = ?),
		(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM quotes),
		COALESCE((SELECT MIN(date) FROM events), ''), COALESCE((SELECT MAX(date) FROM events), '')`), stateDone).
		Scan(&st.Articles, &st.Events, &st.Quotes, &st.First, &st.Last)
	return st, err
}

// each runs a query and calls row for each row with its Scan.
func (s *Store) each(ctx context.Context, query string, args []any, row func(scan func(...any) error) error) error {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Version changes whenever what the store holds changes: an article is
// stored or coded, an event or a quote is stored, by this process or any
// other. A reader may keep what it read for as long as the version is the
// same.
func (s *Store) Version(ctx context.Context) (string, error) {
	if s.d.name() == "sqlite" {
		return s.dataVersion(ctx)
	}
	// Prepared once: parsing it took longer than running it.
	stmt, err := s.prepared(ctx, `SELECT
		(SELECT COALESCE(MAX(rid), 0) FROM events), (SELECT COALESCE(MAX(rid), 0) FROM quotes),
		(SELECT COALESCE(MAX(id), 0) FROM articles), (SELECT COALESCE(MAX(coded_at), 0) FROM articles)`)
	if err != nil {
		return "", err
	}
	var events, quotes, articles, coded int64
	err = stmt.QueryRowContext(ctx).Scan(&events, &quotes, &articles, &coded)
	return fmt.Sprintf("%d.%d.%d.%d", events, quotes, articles, coded), err
}

// dataVersion is SQLite's data_version on a connection of its own, which
// never writes: it changes whenever any other connection, of this process
// or another, commits, and costs no read of the database.
func (s *Store) dataVersion(ctx context.Context) (string, error) {
	s.versionMu.Lock()
	defer s.versionMu.Unlock()
	if s.versionConn == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return "", err
		}
		s.versionConn = c
	}
	var v int64
	if err := s.versionConn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		s.versionConn.Close()
		s.versionConn = nil
		return "", err
	}
	return strconv.FormatInt(v, 10), nil
}
