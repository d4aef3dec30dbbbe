package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
)

// The store's tests are one conformance suite run against every database
// the store supports: each TestX calls forBackends with its testX.

// postgresEnv names the variable holding a PostgreSQL DSN to test against.
const postgresEnv = "CUTTINGS_TEST_POSTGRES"

// backend makes empty stores of one kind.
type backend struct {
	name string
	// newDSN returns the DSN of a new, empty store, removed after the test.
	newDSN func(t *testing.T) string
}

var backends = []backend{
	{"sqlite", func(t *testing.T) string { return t.TempDir() }},
	{"postgres", newPostgresDSN},
}

func forBackends(t *testing.T, test func(t *testing.T, b backend)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { test(t, b) })
	}
}

// newPostgresDSN gives each test a schema of its own in the database named
// by CUTTINGS_TEST_POSTGRES, so tests never see each other's articles.
func newPostgresDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv(postgresEnv)
	if base == "" {
		if os.Getenv("CUTTINGS_REQUIRE_POSTGRES") == "1" {
			t.Fatalf("CUTTINGS_REQUIRE_POSTGRES=1 but %s is not set: CI must start PostgreSQL and point the tests at it", postgresEnv)
		}
		t.Skipf("PostgreSQL not tested: set %s to a DSN like postgres://user:pass@localhost:5432/db?sslmode=disable (the tests create and drop their own schemas)", postgresEnv)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", postgresEnv, err)
	}
	buf := make([]byte, 6)
	rand.Read(buf)
	schema := "cuttings_test_" + hex.EncodeToString(buf)

	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create schema in %s: %v", u.Redacted(), err)
	}
	t.Cleanup(func() {
		// Runs after the test's stores are closed: cleanups run last first.
		if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
