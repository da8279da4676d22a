package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// Filter selects events (or, through the fields that apply, quotes and
// articles). Empty fields select everything.
type Filter struct {
	Actor   string // source or target actor code
	Source  string // source actor code
	Target  string // target actor code
	Country string // source or target country code
	Code    string // CAMEO code prefix ("02", "023", "0231")
	Root    string // CAMEO root, two digits
	Quad    int    // quad class, 1–4; 0 for all
	From    string // first day, YYYY-MM-DD
	To      string // last day, YYYY-MM-DD
	Text    string // words the evidence sentence (quote, article) holds
	Speaker string // quotes: the speaker's actor code
}

// Page is where a listing starts and how long it is.
type Page struct {
	Limit  int
	Cursor string // from the previous page's Next; "" for the first page
}

// ErrBadCursor is returned for a cursor no listing gave.
var ErrBadCursor = errors.New("bad cursor")

// cursor is the position after the last row of a page: listings are in
// descending (date, rid) order, which the indexes serve.
type cursor struct {
	date string
	rid  int64
}

func (c cursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte(c.date + "|" + strconv.FormatInt(c.rid, 10)))
}

func parseCursor(s string) (cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, ErrBadCursor
	}
	date, rid, ok := strings.Cut(string(b), "|")
	n, err := strconv.ParseInt(rid, 10, 64)
	if !ok || err != nil {
		return cursor{}, ErrBadCursor
	}
	return cursor{date, n}, nil
}

// where builds a query's conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) addCondition(c *condition) {
	if c != nil {
		w.add(c.cond, c.args...)
	}
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// eventWhere is the condition of f on the events table, aliased e.
func (s *Store) eventWhere(f Filter) *where {
	w := &where{}
	if f.Actor != "" {
		w.add("(e.source_code = ? OR e.target_code = ?)", f.Actor, f.Actor)
	}
	if f.Source != "" {
		w.add("e.source_code = ?", f.Source)
	}
	if f.Target != "" {
		w.add("e.target_code = ?", f.Target)
	}
	if f.Country != "" {
		w.add("(e.source_country = ? OR e.target_country = ?)", f.Country, f.Country)
	}
	if f.Root != "" {
		w.add("e.root = ?", f.Root)
	}
	if f.Code != "" {
		w.add("e.root = ? AND e.cameo LIKE ?", f.Code[:min(2, len(f.Code))], f.Code+"%")
	}
	if f.Quad != 0 {
		w.add("e.quad = ?", f.Quad)
	}
	dateRange(w, "e.date", f)
	if f.Text != "" {
		cond, arg := s.d.match("events", "e.rid", f.Text)
		w.add(cond, arg)
	}
	return w
}

func dateRange(w *where, col string, f Filter) {
	if f.From != "" {
		w.add(col+" >= ?", f.From)
	}
	if f.To != "" {
		w.add(col+" <= ?", f.To)
	}
}

// paginate adds the cursor's condition and the order and limit of a listing
// (the limit as the last argument, so that the query's text is the same for
// every page and size, and prepared once)
// by descending (date, rid), and returns the query's tail.
func paginate(w *where, dateCol, ridCol string, p Page) (string, error) {
	if p.Cursor != "" {
		c, err := parseCursor(p.Cursor)
		if err != nil {
			return "", err
		}
		// A row value, so that the index range starts at the cursor.
		w.add("("+dateCol+", "+ridCol+") < (?, ?)", c.date, c.rid)
	}
	w.args = append(w.args, p.Limit+1)
	return " ORDER BY " + dateCol + " DESC, " + ridCol + " DESC LIMIT ?", nil
}

// paginateByKey is paginate for a listing ordered by the events_fts key
// column key, whose order is (date, rid).
func paginateByKey(w *where, key string, p Page) (string, error) {
	if p.Cursor != "" {
		c, err := parseCursor(p.Cursor)
		if err != nil {
			return "", err
		}
		w.add(key+" < "+eventTextKey("?", "?"), c.date, c.rid)
	}
	w.args = append(w.args, p.Limit+1)
	return " ORDER BY " + key + " DESC LIMIT ?", nil
}

// Events lists the events f selects, newest first, as their JSON records,
// with the cursor of the next page ("" on the last).
func (s *Store) Events(ctx context.Context, f Filter, p Page) ([]json.RawMessage, string, error) {
	if from, cond, arg, key, ok := s.d.eventsByText(f.Text); ok && f.Text != "" {
		rest := f
		rest.Text = ""
		w := s.eventWhere(rest)
		w.add(cond, arg)
		// The period as a range of keys, so that the walk starts at its end.
		if rest.From != "" {
			w.add(key+" >= "+eventTextKey("?", "0"), rest.From)
		}
		if rest.To != "" {
			w.add(key+" <= "+eventTextKey("?", eventRIDMask), rest.To)
		}
		tail, err := paginateByKey(w, key, p)
		if err != nil {
			return nil, "", err
		}
		return s.docs(ctx, "SELECT e.doc, e.date, e.rid FROM "+from+w.String()+tail, w.args, p.Limit)
	}
	const list = "SELECT e.doc, e.date, e.rid FROM events e"
	text, err := s.listingText(ctx, &f, "events", "e.rid")
	if err != nil {
		return nil, "", err
	}
	sides, rest, ok := eitherSide(f)
	if !ok {
		w := s.eventWhere(f)
		w.addCondition(text)
		tail, err := paginate(w, "e.date", "e.rid", p)
		if err != nil {
			return nil, "", err
		}
		return s.docs(ctx, list+w.String()+tail, w.args, p.Limit)
	}
	// An actor (or country) on either side is two listings merged: each
	// is a walk down its own index, where one OR would gather and sort
	// every event of the actor before the first page.
	var parts [2]string
	var args []any
	for i, side := range sides {
		w := s.eventWhere(rest)
		w.addCondition(text)
		w.add(side.cond, side.args...)
		tail, err := paginate(w, "e.date", "e.rid", p)
		if err != nil {
			return nil, "", err
		}
		parts[i] = list + w.String() + tail
		args = append(args, w.args...)
	}
	query := "SELECT doc, date, rid FROM (SELECT * FROM (" + parts[0] + ") AS a UNION ALL SELECT * FROM (" + parts[1] +
		") AS b) AS u ORDER BY date DESC, rid DESC LIMIT ?"
	return s.docs(ctx, query, append(args, p.Limit+1), p.Limit)
}

// listingText takes the words out of f and returns the condition on them
// for a listing of table, or nil when f has none.
func (s *Store) listingText(ctx context.Context, f *Filter, table, key string) (*condition, error) {
	if f.Text == "" {
		return nil, nil
	}
	cond, arg, err := s.d.listingMatch(ctx, s.db, table, key, f.Text)
	f.Text = ""
	return &condition{cond, []any{arg}}, err
}

type condition struct {
	cond string
	args []any
}

// eitherSide splits a filter on an actor, or else on a country, into its
// two sides: the events where it is the source, and those where it is the
// target but not the source. rest is f without it.
func eitherSide(f Filter) (sides [2]condition, rest Filter, ok bool) {
	rest = f
	switch {
	case f.Actor != "":
		rest.Actor = ""
		return [2]condition{{"e.source_code = ?", []any{f.Actor}},
			{"e.target_code = ? AND e.source_code <> ?", []any{f.Actor, f.Actor}}}, rest, true
	case f.Country != "":
		rest.Country = ""
		return [2]condition{{"e.source_country = ?", []any{f.Country}},
			{"e.target_country = ? AND e.source_country <> ?", []any{f.Country, f.Country}}}, rest, true
	}
	return sides, f, false
}

// Quotes lists the quotes f selects (speaker, text, date range), newest
// first, as their JSON records.
func (s *Store) Quotes(ctx context.Context, f Filter, p Page) ([]json.RawMessage, string, error) {
	w := &where{}
	if f.Speaker != "" {
		w.add("q.speaker_code = ?", f.Speaker)
	}
	if f.Country != "" {
		w.add("q.speaker_country = ?", f.Country)
	}
	dateRange(w, "q.date", f)
	text, err := s.listingText(ctx, &f, "quotes", "q.rid")
	if err != nil {
		return nil, "", err
	}
	w.addCondition(text)
	tail, err := paginate(w, "q.date", "q.rid", p)
	if err != nil {
		return nil, "", err
	}
	return s.docs(ctx, "SELECT q.doc, q.date, q.rid FROM quotes q"+w.String()+tail, w.args, p.Limit)
}

// docs runs a listing query selecting (doc, date, rid) and cuts it to a page.
func (s *Store) docs(ctx context.Context, query string, args []any, limit int) ([]json.RawMessage, string, error) {
	rows, err := s.read(ctx, query, args)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	docs := []json.RawMessage{}
	var last cursor
	next := ""
	for rows.Next() {
		if len(docs) == limit {
			next = last.String()
			break
		}
		var doc string
		if err := rows.Scan(&doc, &last.date, &last.rid); err != nil {
			return nil, "", err
		}
		docs = append(docs, json.RawMessage(doc))
	}
	return docs, next, rows.Err()
}

// ArticleSummary is an article in a listing.
type ArticleSummary struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Snippet   string `json:"snippet"`
}

// Articles lists the coded articles f selects (text, date range), newest
// first. Copies of an article are not listed: the original stands for them.
func (s *Store) Articles(ctx context.Context, f Filter, p Page) ([]ArticleSummary, string, error) {
	w := &where{}
	w.add("a.state = ?", stateDone)
	dateRange(w, "a.published", f)
	text, err := s.listingText(ctx, &f, "articles", "a.id")
	if err != nil {
		return nil, "", err
	}
	w.addCondition(text)
	tail, err := paginate(w, "a.published", "a.id", p)
	if err != nil {
		return nil, "", err
	}
	rows, err := s.read(ctx, `SELECT a.key, a.title, a.published, a.publisher, a.url, a.body, a.id
		FROM articles a`+w.String()+tail, w.args)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []ArticleSummary{}
	var last cursor
	next := ""
	for rows.Next() {
		if len(out) == p.Limit {
			next = last.String()
			break
		}
		var a ArticleSummary
		var body string
		if err := rows.Scan(&a.ID, &a.Title, &a.Published, &a.Publisher, &a.URL, &body, &last.rid); err != nil {
			return nil, "", err
		}
		last.date = a.Published
		a.Snippet = snippet(body, f.Text)
		out = append(out, a)
	}
	return out, next, rows.Err()
}

// snippet is a short piece of body around the first of words it holds, or
// its beginning.
func snippet(body, words string) string {
	const before, length = 80, 240
	start := 0
	lower := strings.ToLower(body)
	for _, w := range strings.Fields(strings.ToLower(words)) {
		if i := strings.Index(lower, w); i >= 0 {
			start = max(0, i-before)
			break
		}
	}
	end := min(len(body), start+length)
	for start > 0 && start < len(body) && !utf8Start(body[start]) {
		start++
	}
	for end < len(body) && !utf8Start(body[end]) {
		end++
	}
	s := strings.Join(strings.Fields(body[start:end]), " ")
	if start > 0 {
		s = "…" + s
	}
	if end < len(body) {
		s += "…"
	}
	return s
}

func utf8Start(b byte) bool { return b&0xc0 != 0x80 }

// Article is a stored article with its records and the copies linked to it.
type Article struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Text       string `json:"text"`
	Published  string `json:"published"`
	Publisher  string `json:"publisher"`
	URL        string `json:"url"`
	State      string `json:"state"`
	Error      string `json:"error,omitempty"`
	Duplicates []Copy `json:"duplicates"`
	// CopyOf is the original's ID when this article is a copy.
	CopyOf string `json:"copy_of,omitempty"`
}

// Copy is a syndicated copy of an article.
type Copy struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Publisher string `json:"publisher"`
}

// ErrNotFound is returned for an article the store does not hold.
var ErrNotFound = errors.New("not found")

// ArticleByID returns the article with the given ID (the newest, should two
// inputs have given one ID), its events and its quotes. For a copy, the
// records are the original's.
func (s *Store) ArticleByID(ctx context.Context, id string) (*Article, []json.RawMessage, []json.RawMessage, error) {
	var a Article
	var rid int64
	var original sql.NullInt64
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT id, key, title, body, published, publisher, url, state, error, duplicate_of
		FROM articles WHERE key = ? ORDER BY id DESC LIMIT 1`), id).
		Scan(&rid, &a.ID, &a.Title, &a.Text, &a.Published, &a.Publisher, &a.URL, &a.State, &a.Error, &original)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, nil, ErrNotFound
	}
	if err != nil {
		return nil, nil, nil, err
	}
	if original.Valid {
		if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT key, body FROM articles WHERE id = ?`), original.Int64).
			Scan(&a.CopyOf, &a.Text); err != nil {
			return nil, nil, nil, err
		}
		rid = original.Int64
	}
	a.Duplicates = []Copy{}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT key, url, publisher FROM articles WHERE duplicate_of = ? ORDER BY id`), rid)
	if err != nil {
		return nil, nil, nil, err
	}
	for rows.Next() {
		var c Copy
		if err := rows.Scan(&c.ID, &c.URL, &c.Publisher); err != nil {
			rows.Close()
			return nil, nil, nil, err
		}
		a.Duplicates = append(a.Duplicates, c)
	}
	rows.Close()
	events, err := s.column(ctx, `SELECT doc FROM events WHERE article = ? ORDER BY rid`, rid)
	if err != nil {
		return nil, nil, nil, err
	}
	quotes, err := s.column(ctx, `SELECT doc FROM quotes WHERE article = ? ORDER BY rid`, rid)
	if err != nil {
		return nil, nil, nil, err
	}
	return &a, events, quotes, nil
}

func (s *Store) column(ctx context.Context, query string, args ...any) ([]json.RawMessage, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []json.RawMessage{}
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, err
		}
		out = append(out, json.RawMessage(doc))
	}
	return out, rows.Err()
}
