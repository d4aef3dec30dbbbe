package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io"
	"net/url"
	"os"
	"testing"
	"time"
)

// postgresDSN returns a DSN to a fresh schema of the PostgreSQL database
// named by CUTTINGS_TEST_POSTGRES, dropped after the test.
func postgresDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv("CUTTINGS_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CUTTINGS_REQUIRE_POSTGRES") == "1" {
			t.Fatal("CUTTINGS_REQUIRE_POSTGRES=1 but CUTTINGS_TEST_POSTGRES is not set")
		}
		t.Skip("several nodes on one PostgreSQL store not tested: set CUTTINGS_TEST_POSTGRES to a DSN")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "cuttings_nodes_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestServeTwoNodesOneStore runs two servers, each with its own index, on
// one PostgreSQL store: an article written through one becomes searchable
// on the other by following the store.
func TestServeTwoNodesOneStore(t *testing.T) {
	dsn := postgresDSN(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: t.TempDir(), Store: dsn, Token: "tok"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	b, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: t.TempDir(), Store: dsn}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	postArticle(t, a.URL, "tok", `{"id":"n1","title":"Ferry strike","body":"Ferry crews in Holyhead walked out on Monday over pay."}`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		var found struct{ Total int }
		getJSON(t, b.URL+"/api/search?q=Holyhead", &found)
		if found.Total == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("node b never indexed the article written through node a")
		}
		time.Sleep(100 * time.Millisecond)
	}
	stopServer(t, a, cancel, ctx)
	b.Wait(ctx)
}
