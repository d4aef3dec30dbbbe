package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// longBodies are bodies on both sides of compressFrom, with text that is
// not ASCII, and one as large as ingest allows.
func longBodies() map[string]string {
	para := "Ministers met in Kyiv on Tuesday. « Nous sommes prêts », a dit le président; 東京 said nothing.\n\n"
	return map[string]string{
		"short":  "Brief.",
		"edge":   strings.Repeat("x", compressFrom-1),
		"at":     strings.Repeat("y", compressFrom),
		"news":   strings.Repeat(para, 40),
		"large":  strings.Repeat(para, (2<<20)/len(para)),
		"emptyt": "",
	}
}

func TestCompressedBodies(t *testing.T) { forBackends(t, testCompressedBodies) }

// testCompressedBodies checks that every body comes back as it went in,
// through Get, Bodies and Changes, written one at a time or in a batch,
// and that putting it again is Unchanged.
func testCompressedBodies(t *testing.T, b backend) {
	s := openTest(t, b.newDSN(t))
	ctx := context.Background()
	bodies := longBodies()
	var batch []Article
	for id, body := range bodies {
		a := Article{ID: id, Title: "T " + id, Body: body}
		if _, err := s.Put(ctx, &a); err != nil {
			t.Fatal(err)
		}
		batch = append(batch, Article{ID: "batch-" + id, Title: "B " + id, Body: body})
	}
	if _, err := s.PutBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	var ids []string
	for id, body := range bodies {
		for _, k := range []string{id, "batch-" + id} {
			ids = append(ids, k)
			if body != "" {
				want[k] = body
			}
			got, err := s.Get(ctx, k)
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != body {
				t.Errorf("Get(%s): body of %d bytes differs from the %d put", k, len(got.Body), len(body))
			}
		}
	}
	got, err := s.Bodies(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for k := range got {
		if got[k] == "" {
			delete(got, k)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Bodies (-want +got):\n%.2000s", diff)
	}
	changes, err := s.Changes(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range changes {
		if c.Article.Body != bodies[strings.TrimPrefix(c.ID, "batch-")] {
			t.Errorf("Changes: %s: body differs", c.ID)
		}
	}
	again := Article{ID: "news", Title: "T news", Body: bodies["news"]}
	if res, err := s.Put(ctx, &again); err != nil || res != Unchanged {
		t.Errorf("put again: %v, %v; want unchanged", res, err)
	}
}

// TestSQLiteBodiesCompressed checks that SQLite keeps a long body as a
// zstd frame, smaller than the text; that a body kept as text (as stores
// before compression did) is read as it is; and that a store of a later
// format is refused.
func TestSQLiteBodiesCompressed(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir)
	ctx := context.Background()
	body := longBodies()["news"]
	if _, err := s.Put(ctx, &Article{ID: "z", Title: "T", Body: body}); err != nil {
		t.Fatal(err)
	}
	var typ string
	var size int
	if err := s.db.QueryRowContext(ctx, `SELECT typeof(body), length(body) FROM articles WHERE id = 'z'`).Scan(&typ, &size); err != nil {
		t.Fatal(err)
	}
	if typ != "blob" || size*3 > len(body) {
		t.Errorf("body kept as %s of %d bytes for %d bytes of text; want a blob under a third", typ, size, len(body))
	}

	// A row as an older store wrote it: the body in TEXT.
	if _, err := s.db.ExecContext(ctx, `INSERT INTO articles (id, seq, title, body, content_hash) VALUES ('old', 99, 'Old', ?, 'h')`, body); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "old")
	if err != nil || got.Body != body {
		t.Errorf("an old text body: %v, %d bytes back of %d", err, len(got.Body), len(body))
	}
	if bs, err := s.Bodies(ctx, []string{"old", "z"}); err != nil || bs["old"] != body || bs["z"] != body {
		t.Errorf("Bodies of an old and a new row: %v", err)
	}

	db, err := sql.Open("sqlite", filepath.Join(dir, DBFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s2, err := Open(ctx, dir); err == nil {
		s2.Close()
		t.Error("a store of format 99 opened; want it refused")
	} else if !strings.Contains(err.Error(), "format 99") {
		t.Errorf("a store of format 99: %v", err)
	}
}
