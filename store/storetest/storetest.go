// Package storetest gives tests a store of their own on a shared
// PostgreSQL server.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// FreshPostgres creates an empty schema on the server at serverURL for the
// test, dropped when it ends, and returns a URL whose connections use it.
func FreshPostgres(t testing.TB, serverURL string) string {
	t.Helper()
	db, err := sql.Open("pgx", serverURL)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("test_%d", time.Now().UnixNano())
	if _, err := db.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		db.Close()
		t.Fatalf("postgres at %s: %v", serverURL, err)
	}
	t.Cleanup(func() {
		db.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		db.Close()
	})
	u, err := url.Parse(serverURL)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
