// Package store keeps articles, the events and quotes coded from them, and
// the actors they name, in SQLite (embedded, one file: the default) or
// PostgreSQL (for several ingest workers on several machines). Both run the
// same SQL through database/sql; a dialect holds what differs (placeholders,
// full-text search, row locking), so every query is written once.
//
// Articles go through a queue held in the store itself: Enqueue stores an
// article as pending (or recognises it as a copy of one already stored),
// Claim leases pending articles to a worker, and Complete stores their
// events and marks them done in one transaction. A worker killed at any
// point leaves its leased articles to be claimed again when the lease ends,
// and nothing it completed is lost or stored twice.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Store is an open store. It is safe for concurrent use.
type Store struct {
	db  *sql.DB
	d   dialect
	loc string // for messages, without a password

	prepMu sync.Mutex
	prep   map[string]*sql.Stmt // prepared writes, by query

	versionMu   sync.Mutex
	versionConn *sql.Conn // SQLite: the connection that reads data_version
}

// Open opens the store at location: a postgres:// or postgresql:// URL, or
// else the path of an SQLite file (with an optional "sqlite:" prefix),
// created with its directory when missing. The schema is migrated to the
// current version.
func Open(ctx context.Context, location string) (*Store, error) {
	var s *Store
	switch {
	case strings.HasPrefix(location, "postgres://"), strings.HasPrefix(location, "postgresql://"):
		db, err := sql.Open("pgx", location)
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", redact(location), err)
		}
		db.SetMaxOpenConns(32)
		db.SetMaxIdleConns(32)
		s = &Store{db: db, d: postgres{}}
	default:
		path := strings.TrimPrefix(location, "sqlite:")
		if path == "" {
			return nil, errors.New("store: no location given")
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
		// WAL lets readers run beside the one writer; busy_timeout makes a
		// writer wait for another rather than fail; an immediate
		// transaction takes the write lock at its start, so two writers
		// never deadlock upgrading read locks. synchronous=FULL makes a
		// commit durable before it is acknowledged. Reading through a map
		// of the file (up to 16 GiB of it) rather than a copy per
		// connection made the API's p99 under load half as long.
		dsn := "file:" + path + "?_txlock=immediate" +
			"&_pragma=journal_mode(WAL)&_pragma=busy_timeout(30000)" +
			"&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)&_pragma=mmap_size(17179869184)"
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", path, err)
		}
		db.SetMaxOpenConns(16)
		db.SetMaxIdleConns(16)
		s = &Store{db: db, d: sqlite{}}
	}
	s.loc = redact(location)
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store %s: %w", redact(location), err)
	}
	if s.d.name() == "sqlite" {
		// The planner's statistics: without them SQLite cannot tell which
		// index of a filtered listing narrows it most. The limit keeps
		// this to milliseconds however large the store (PostgreSQL's
		// autovacuum keeps its own statistics).
		if _, err := s.db.ExecContext(ctx, `PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002`); err != nil {
			s.db.Close()
			return nil, fmt.Errorf("store %s: statistics: %w", redact(location), err)
		}
	}
	return s, nil
}

// Close closes the store.
func (s *Store) Close() error {
	s.versionMu.Lock()
	if s.versionConn != nil {
		s.versionConn.Close()
		s.versionConn = nil
	}
	s.versionMu.Unlock()
	return s.db.Close()
}

// Location is where the store is, with any password hidden.
func (s *Store) Location() string { return s.loc }

// Dialect names the database behind the store: "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.d.name() }

// migrate applies the migrations the store has not had yet.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	for i, m := range migrations {
		version := i + 1
		err := s.tx(ctx, func(tx *sql.Tx) error {
			// Taken inside the transaction, so that two processes opening
			// a new PostgreSQL store at once do not both migrate it.
			if err := s.d.lockMigrations(ctx, tx); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), version).Scan(&n); err != nil || n > 0 {
				return err
			}
			for _, stmt := range s.d.steps(m) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%w\n%s", err, stmt)
				}
			}
			_, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version) VALUES (?)`), version)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %d: %w", version, err)
		}
	}
	return nil
}

// tx runs fn in a transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// redact hides the password of a database URL in messages.
func redact(location string) string {
	if i := strings.Index(location, "://"); i >= 0 {
		if at := strings.LastIndex(location, "@"); at > i {
			if colon := strings.Index(location[i+3:at], ":"); colon >= 0 {
				return location[:i+3+colon] + ":***" + location[at:]
			}
		}
	}
	return location
}

// dialect is what differs between the databases.
type dialect interface {
	name() string
	steps(migration) []string
	// rebind turns the "?" placeholders of a query into the dialect's.
	rebind(query string) string
	lockMigrations(ctx context.Context, tx *sql.Tx) error
	// skipLocked ends the select of rows to claim, so that two workers
	// never wait for or take the same rows.
	skipLocked() string
	// match is the condition that the text of table (events, quotes or
	// articles, with its key column) matches a user's words, and the
	// argument to bind for it.
	match(table, key, words string) (cond string, arg string)
	// listingMatch is match for a listing, which stops at the end of its
	// page rather than reading every match.
	listingMatch(ctx context.Context, db *sql.DB, table, key, words string) (cond string, arg string, err error)
	// eventsByText is the listing of events holding words where the
	// full-text index gives them in listing order (see eventTextKey); ok
	// is false where it does not.
	eventsByText(words string) (from, cond, arg, key string, ok bool)
	// indexInsert is the statement that adds rows of table to a full-text
	// index kept apart from it, or "" where the database keeps the index.
	// Its one parameter is a JSON array of keys: article ids, for articles,
	// events and quotes alike (see writeTx.index).
	indexInsert(table string) string
}

type sqlite struct{}

func (sqlite) name() string                                  { return "sqlite" }
func (sqlite) steps(m migration) []string                    { return m.sqlite }
func (sqlite) rebind(q string) string                        { return q }
func (sqlite) lockMigrations(context.Context, *sql.Tx) error { return nil } // the immediate transaction locks
func (sqlite) skipLocked() string                            { return "" }  // one writer at a time anyway
func (sqlite) match(table, key, words string) (string, string) {
	rowid := "rowid"
	if table == "events" {
		rowid = "rowid & " + eventRIDMask
	}
	return key + " IN (SELECT " + rowid + " FROM " + table + "_fts WHERE " + table + "_fts MATCH ?)", ftsQuery(words)
}

// eventTextKey is the SQL of the rowid of an event in events_fts, from the
// SQL of its date and rid: its day (since 1970; 0 when it has none) in the
// high bits and its rid in the low 40, so that the index's rowid order is
// the order of listings, by date and then rid. A listing of the events
// holding some words is then a walk down the matches that stops at the end
// of the page, however many match.
func eventTextKey(date, rid string) string {
	return "((COALESCE(CAST(julianday(NULLIF(" + date + ", '')) - 2440587.5 AS INTEGER), 0) << 40) | " + rid + ")"
}

// eventRIDMask takes an event's rid out of its events_fts key.
const eventRIDMask = "1099511627775"

// eventsByText is the listing of events holding words in SQLite: a walk
// down the full-text index by key, joined to the events (CROSS JOIN keeps
// that order of the loops). It returns the FROM clause, the condition on
// the words with its argument, and the key column to page by.
func (sqlite) eventsByText(words string) (from, cond, arg, key string, ok bool) {
	return "events_fts f CROSS JOIN events e ON e.rid = (f.rowid & " + eventRIDMask + ")",
		"f.events_fts MATCH ?", ftsQuery(words), "f.rowid", true
}

// manyMatches is how many matching rows make a listing by words walk in
// date order and check each row against the set of matches:
// SQLite's planner cannot tell how many rows an FTS5 query matches, and
// gathering and sorting tens of thousands of them to show the newest fifty
// took a second. With fewer matches, gathering them is the quicker way.
const manyMatches = 2000

func (d sqlite) listingMatch(ctx context.Context, db *sql.DB, table, key, words string) (string, string, error) {
	cond, arg := d.match(table, key, words)
	var n int
	err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM (SELECT rowid FROM "+table+"_fts WHERE "+table+"_fts MATCH ? LIMIT "+
		strconv.Itoa(manyMatches)+")", arg).Scan(&n)
	if err != nil || n < manyMatches {
		return cond, arg, err
	}
	// The unary + keeps the planner from looking the matches up one by
	// one and sorting them: the set of matches is built once and each row
	// met in date order is checked against it.
	return "+" + cond, arg, nil
}

// The external-content FTS5 tables are filled by hand, so that the text is
// stored once.
func (sqlite) indexInsert(table string) string {
	const keys = " IN (SELECT value FROM json_each(?))"
	switch table {
	case "events":
		// In key order: FTS5 writes out what it holds whenever a rowid is
		// below the last one, and row by row that was a segment per event.
		return "INSERT INTO events_fts (rowid, sentence) SELECT " + eventTextKey("date", "rid") + " AS k, sentence FROM events WHERE article" + keys + " ORDER BY k"
	case "quotes":
		return "INSERT INTO quotes_fts (rowid, text) SELECT rid, text FROM quotes WHERE article" + keys
	case "articles":
		return "INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles WHERE id" + keys
	}
	panic("store: no full-text index for table " + table)
}

// ftsQuery makes a user's words an FTS5 query that matches rows holding all
// of them: each word is quoted, so that no word is read as an operator.
func ftsQuery(words string) string {
	var b strings.Builder
	for _, w := range strings.Fields(words) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + strings.ReplaceAll(w, `"`, `""`) + `"`)
	}
	return b.String()
}

type postgres struct{}

func (postgres) name() string               { return "postgres" }
func (postgres) steps(m migration) []string { return m.postgres }
func (postgres) skipLocked() string         { return " FOR UPDATE SKIP LOCKED" }

func (postgres) rebind(q string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

func (postgres) lockMigrations(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `LOCK TABLE schema_migrations IN EXCLUSIVE MODE`)
	return err
}

func (postgres) match(table, key, words string) (string, string) {
	alias := map[string]string{"events": "e", "quotes": "q", "articles": "a"}[table]
	return alias + ".tsv @@ plainto_tsquery('english', ?)", words
}

func (postgres) eventsByText(string) (from, cond, arg, key string, ok bool) { return }

// PostgreSQL's planner estimates a text search's matches itself.
func (d postgres) listingMatch(_ context.Context, _ *sql.DB, table, key, words string) (string, string, error) {
	cond, arg := d.match(table, key, words)
	return cond, arg, nil
}

func (postgres) indexInsert(string) string { return "" } // the tsv columns are generated
