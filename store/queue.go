package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/record"
)

// Article states.
const (
	statePending   = "pending"   // stored, waiting for a worker
	stateCoding    = "coding"    // leased to a worker until lease_until
	stateDone      = "done"      // coded; its events and quotes are stored
	stateFailed    = "failed"    // the coder failed on it; error says why
	stateDuplicate = "duplicate" // a copy of duplicate_of, stored once there
)

// Outcome says what Enqueue did with an article.
type Outcome int

const (
	// Added: the article is new and waits to be coded.
	Added Outcome = iota
	// Exists: the same text is stored already; nothing was stored.
	Exists
	// Copied: a near-duplicate (a syndicated copy) of a stored article; it is
	// stored as a link to that one and not coded again.
	Copied
)

func (o Outcome) String() string {
	return [...]string{"added", "exists", "copy"}[o]
}

// Enqueued is what became of one article given to Enqueue.
type Enqueued struct {
	ID      int64 // the stored article (the original's, for Exists)
	Outcome Outcome
	CopyOf  int64 // for Copied: the original
}

// Enqueue stores articles to be coded, in one transaction: when it returns
// nil they are all stored, and none is after an error. An article whose text
// is stored already is not stored again, so enqueueing the same input twice
// stores nothing new.
func (s *Store) Enqueue(ctx context.Context, arts []article.Article) ([]Enqueued, error) {
	out := make([]Enqueued, len(arts))
	now := time.Now().UnixMilli()
	err := s.write(ctx, func(w *writeTx) error {
		for i := range arts {
			e, err := w.enqueue(&arts[i], now)
			if err != nil {
				return fmt.Errorf("article %s: %w", arts[i].ID, err)
			}
			out[i] = e
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (w *writeTx) enqueue(a *article.Article, now int64) (Enqueued, error) {
	fp := fingerprintOf(a.Text)
	var id int64
	err := w.scan(`SELECT id FROM articles WHERE hash = ?`, []any{fp.exact}, &id)
	switch {
	case err == nil:
		return Enqueued{ID: id, Outcome: Exists}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return Enqueued{}, err
	}
	original, err := w.original(fp.simhash)
	if err != nil {
		return Enqueued{}, err
	}
	state, body := statePending, a.Text
	var copyOf any
	if original != 0 {
		state, body, copyOf = stateDuplicate, "", original // the text is the original's
	}
	published, publishedAt := "", ""
	if !a.Published.IsZero() {
		published, publishedAt = a.Published.Format(time.DateOnly), a.Published.Format(time.RFC3339)
	}
	err = w.scan(`INSERT INTO articles
		(key, hash, simhash, title, body, published, published_at, publisher, url, dateline, source, state, duplicate_of, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (hash) DO NOTHING RETURNING id`,
		[]any{a.ID, fp.exact, int64(fp.simhash), a.Title, body, published, publishedAt, a.Publisher, a.URL,
			a.Dateline, a.Source, state, copyOf, now}, &id)
	if errors.Is(err, sql.ErrNoRows) {
		// Another worker stored the same text since the check above.
		err = w.scan(`SELECT id FROM articles WHERE hash = ?`, []any{fp.exact}, &id)
		return Enqueued{ID: id, Outcome: Exists}, err
	}
	if err != nil {
		return Enqueued{}, err
	}
	if original != 0 {
		return Enqueued{ID: id, Outcome: Copied, CopyOf: original}, nil
	}
	if fp.simhash != 0 {
		for b := range bands {
			if _, err := w.exec(`INSERT INTO article_bands (band, value, article) VALUES (?, ?, ?)`,
				b, band(fp.simhash, b), id); err != nil {
				return Enqueued{}, err
			}
		}
	}
	w.index("articles", id)
	return Enqueued{ID: id, Outcome: Added}, nil
}

// original is the stored article that a text with SimHash h is a copy of,
// or 0. Only originals have bands, so a copy always links to an original.
func (w *writeTx) original(h uint64) (int64, error) {
	if h == 0 {
		return 0, nil
	}
	for b := range bands {
		rows, err := w.query(`SELECT a.id, a.simhash FROM article_bands ab
			JOIN articles a ON a.id = ab.article WHERE ab.band = ? AND ab.value = ? ORDER BY a.id`, b, band(h, b))
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var id, other int64
			if err := rows.Scan(&id, &other); err != nil {
				rows.Close()
				return 0, err
			}
			if near(h, uint64(other)) {
				rows.Close()
				return id, nil
			}
		}
		if err := rows.Close(); err != nil {
			return 0, err
		}
	}
	return 0, nil
}

// Claimed is an article leased to a worker for coding.
type Claimed struct {
	ID      int64
	Article article.Article
}

// Claim leases up to n articles waiting to be coded to worker until lease
// from now: pending ones, and ones whose lease ran out (their worker died).
// No two workers hold a lease on the same article at once.
func (s *Store) Claim(ctx context.Context, worker string, n int, lease time.Duration) ([]Claimed, error) {
	now := time.Now()
	var out []Claimed
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.d.rebind(`UPDATE articles
			SET state = ?, worker = ?, lease_until = ?, attempts = attempts + 1
			WHERE id IN (SELECT id FROM articles
				WHERE state = ? OR (state = ? AND lease_until < ?)
				ORDER BY id LIMIT ?`+s.d.skipLocked()+`)
			RETURNING id, key, title, body, published_at, publisher, url, dateline, source`),
			stateCoding, worker, now.Add(lease).UnixMilli(), statePending, stateCoding, now.UnixMilli(), n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c Claimed
			var published string
			a := &c.Article
			if err := rows.Scan(&c.ID, &a.ID, &a.Title, &a.Text, &published, &a.Publisher, &a.URL, &a.Dateline, &a.Source); err != nil {
				return err
			}
			if a.Published, err = article.ParseDate(published); err != nil {
				return fmt.Errorf("article %d: published: %w", c.ID, err)
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("claim: %w", err)
	}
	return out, nil
}

// Renew extends worker's leases on articles it still holds.
func (s *Store) Renew(ctx context.Context, worker string, ids []int64, lease time.Duration) error {
	if len(ids) == 0 {
		return nil
	}
	args := []any{time.Now().Add(lease).UnixMilli(), worker, stateCoding}
	for _, id := range ids {
		args = append(args, id)
	}
	_, err := s.db.ExecContext(ctx, s.d.rebind(`UPDATE articles SET lease_until = ?
		WHERE worker = ? AND state = ? AND id IN (`+marks(len(ids))+`)`), args...)
	return err
}

// Coded is a claimed article's outcome: its records, or the coder's error.
type Coded struct {
	ID     int64
	Result coding.Result
	Err    error
}

// Complete stores what worker coded, in one transaction: the events and
// quotes of each article and its state. An article whose lease worker no
// longer holds (it ran out and another worker claimed it) is skipped, so
// that its records are stored once, by the worker that holds it. Complete
// returns how many articles it stored.
func (s *Store) Complete(ctx context.Context, worker string, coded []Coded) (int, error) {
	stored := 0
	err := s.write(ctx, func(w *writeTx) error {
		stored = 0
		now := time.Now().UnixMilli()
		actors := actorsSeen{}
		for i := range coded {
			c := &coded[i]
			state, msg := stateDone, ""
			if c.Err != nil {
				state, msg = stateFailed, c.Err.Error()
			}
			res, err := w.exec(`UPDATE articles SET state = ?, error = ?, coded_at = ?, lease_until = 0
				WHERE id = ? AND state = ? AND worker = ?`, state, msg, now, c.ID, stateCoding, worker)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				if err != nil {
					return err
				}
				continue // the lease was lost
			}
			if err := w.storeResult(c.ID, &c.Result, actors); err != nil {
				return fmt.Errorf("article %d: %w", c.ID, err)
			}
			stored++
		}
		return w.storeActors(actors)
	})
	return stored, err
}

func (w *writeTx) storeResult(article int64, r *coding.Result, actors actorsSeen) error {
	for i := range r.Events {
		e := &r.Events[i]
		doc, err := json.Marshal(e)
		if err != nil {
			return err
		}
		date := firstOf(e.Date, e.Published)
		_, err = w.exec(`INSERT INTO events
			(id, article, date, source_code, source_country, target_code, target_country, cameo, root, quad, goldstein, sentence, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, article, date, code(e.Source), country(e.Source), code(e.Target), country(e.Target),
			e.CAMEO, e.Root, e.QuadClass, e.Goldstein, e.Evidence.Sentence, string(doc))
		if err != nil {
			return err
		}
		actors.add(e.Source, date)
		actors.add(e.Target, date)
		actors.add(e.ClaimedBy, date)
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		doc, err := json.Marshal(q)
		if err != nil {
			return err
		}
		_, err = w.exec(`INSERT INTO quotes (id, article, date, speaker_code, speaker_country, text, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			q.ID, article, q.Date, code(q.Speaker), country(q.Speaker), q.Text, string(doc))
		if err != nil {
			return err
		}
		actors.add(q.Speaker, q.Date)
	}
	if len(r.Events) > 0 {
		w.index("events", article)
	}
	if len(r.Quotes) > 0 {
		w.index("quotes", article)
	}
	return nil
}

// actorsSeen gathers the actors of a batch of coded articles, so that each
// is written once per batch however often it occurs.
type actorsSeen map[string]*actorSeen

type actorSeen struct {
	actor       record.Actor
	first, last string // days; "" when unknown
}

func (m actorsSeen) add(a *record.Actor, date string) {
	if a == nil || a.Code == "" {
		return
	}
	s, ok := m[a.Code]
	if !ok {
		m[a.Code] = &actorSeen{actor: *a, first: date, last: date}
		return
	}
	if a.Name != "" {
		s.actor.Name = a.Name
	}
	if date != "" && (s.first == "" || date < s.first) {
		s.first = date
	}
	if date > s.last {
		s.last = date
	}
}

// storeActors records the batch's actors in the actors table: the name
// where one is known, and the first and last day each was seen. They are
// written in order of code, so that two workers storing at once take the
// rows' locks in the same order and never deadlock.
func (w *writeTx) storeActors(m actorsSeen) error {
	codes := make([]string, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		a := m[c]
		_, err := w.exec(`INSERT INTO actors (code, name, country, role, first_seen, last_seen)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET
				name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE actors.name END,
				first_seen = CASE WHEN excluded.first_seen <> '' AND (actors.first_seen = '' OR excluded.first_seen < actors.first_seen)
					THEN excluded.first_seen ELSE actors.first_seen END,
				last_seen = CASE WHEN excluded.last_seen > actors.last_seen THEN excluded.last_seen ELSE actors.last_seen END`,
			c, a.actor.Name, a.actor.Country, a.actor.Role, a.first, a.last)
		if err != nil {
			return err
		}
	}
	return nil
}

// Counts are how many articles are in each state, and how many events and
// quotes are stored.
type Counts struct {
	Pending, Coding, Done, Failed, Duplicates int
	Events, Quotes                            int
}

// Counts counts what is stored.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	rows, err := s.db.QueryContext(ctx, `SELECT state, COUNT(*) FROM articles GROUP BY state`)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int
		if err := rows.Scan(&state, &n); err != nil {
			return c, err
		}
		switch state {
		case statePending:
			c.Pending = n
		case stateCoding:
			c.Coding = n
		case stateDone:
			c.Done = n
		case stateFailed:
			c.Failed = n
		case stateDuplicate:
			c.Duplicates = n
		}
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM quotes)`).Scan(&c.Events, &c.Quotes); err != nil {
		return c, err
	}
	return c, nil
}

func (c Counts) String() string {
	return fmt.Sprintf("%d articles coded, %d failed, %d waiting, %d copies linked; %d events, %d quotes stored",
		c.Done, c.Failed, c.Pending+c.Coding, c.Duplicates, c.Events, c.Quotes)
}

func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func code(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

func country(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Country
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// HasURL says whether an article with this URL is stored, so that a feed
// poller need not fetch it again.
func (s *Store) HasURL(ctx context.Context, url string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM articles WHERE url = ?`), url).Scan(&n)
	return n > 0, err
}

// Leased counts the articles leased to workers now.
func (s *Store) Leased(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM articles WHERE state = ?`), stateCoding).Scan(&n)
	return n, err
}
