package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// writeTx is a write transaction whose statements are prepared once per
// connection and then reused: unprepared, SQLite parses a statement's SQL
// again on every call, which was a third of the cost of storing a coded
// article.
type writeTx struct {
	ctx   context.Context
	tx    *sql.Tx
	s     *Store
	stmts map[string]*sql.Stmt // this transaction's handles, by query
	// unindexed are the keys, by table, of the rows to add to the
	// full-text index when the transaction ends (see index).
	unindexed map[string][]int64
}

// write runs fn in a transaction, committing when it returns nil.
func (s *Store) write(ctx context.Context, fn func(*writeTx) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		w := &writeTx{ctx: ctx, tx: tx, s: s, stmts: map[string]*sql.Stmt{}, unindexed: map[string][]int64{}}
		if err := fn(w); err != nil {
			return err
		}
		return w.flushIndex()
	})
}

// stmt is query (with "?" placeholders) prepared for this transaction.
func (w *writeTx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	p, err := w.s.prepared(w.ctx, query)
	if err != nil {
		return nil, err
	}
	// StmtContext reuses p's statement when p is prepared on this
	// transaction's connection already, and prepares it there otherwise.
	st := w.tx.StmtContext(w.ctx, p)
	w.stmts[query] = st
	return st, nil
}

func (w *writeTx) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// scan runs a query that returns one row into dest; sql.ErrNoRows when it
// returns none.
func (w *writeTx) scan(query string, args []any, dest ...any) error {
	st, err := w.stmt(query)
	if err != nil {
		return err
	}
	return st.QueryRowContext(w.ctx, args...).Scan(dest...)
}

func (w *writeTx) query(query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(w.ctx, args...)
}

// index asks for rows of table to be added to its full-text index, where the
// dialect keeps one apart from the table: the articles with id key, or the
// events or quotes of the article key. They are added in one statement when
// the transaction ends, because SQLite's FTS5 writes its pending terms to
// disk at the start of every statement: indexed row by row, between the
// inserts, it wrote a segment per row and spent its time merging them.
func (w *writeTx) index(table string, key int64) {
	w.unindexed[table] = append(w.unindexed[table], key)
}

func (w *writeTx) flushIndex() error {
	for _, table := range []string{"articles", "events", "quotes"} {
		keys := w.unindexed[table]
		q := w.s.d.indexInsert(table)
		if len(keys) == 0 || q == "" {
			continue
		}
		list, err := json.Marshal(keys)
		if err != nil {
			return err
		}
		if _, err := w.exec(q, string(list)); err != nil {
			return fmt.Errorf("full-text index of %s: %w", table, err)
		}
	}
	return nil
}

// prepared is query prepared on the store's database, shared by all
// transactions and readers.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.prepMu.Lock()
	defer s.prepMu.Unlock()
	if p, ok := s.prep[query]; ok {
		return p, nil
	}
	p, err := s.db.PrepareContext(ctx, s.d.rebind(query))
	if err != nil {
		return nil, err
	}
	if s.prep == nil {
		s.prep = map[string]*sql.Stmt{}
	}
	s.prep[query] = p
	return p, nil
}

// maxPrepared bounds the statements prepared for reads: listings have one
// text per combination of filters, and a few dozen are in use.
const maxPrepared = 512

// read runs a query (with "?" placeholders) prepared once, while fewer
// than maxPrepared are: parsing a listing's SQL was a tenth of its cost.
func (s *Store) read(ctx context.Context, query string, args []any) (*sql.Rows, error) {
	s.prepMu.Lock()
	p, ok := s.prep[query]
	full := len(s.prep) >= maxPrepared
	s.prepMu.Unlock()
	if !ok && !full {
		var err error
		if p, err = s.prepared(ctx, query); err != nil {
			return nil, err
		}
	}
	if p == nil {
		return s.db.QueryContext(ctx, s.d.rebind(query), args...)
	}
	return p.QueryContext(ctx, args...)
}
