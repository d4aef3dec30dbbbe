package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/zstd"
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
	// Kept in the bodies table, which the article refers to (bodies.go).
	if err := s.db.QueryRowContext(ctx, `SELECT typeof(b.body), length(b.body) FROM articles a JOIN bodies b ON b.id = a.body_id
		WHERE a.id = 'z'`).Scan(&typ, &size); err != nil {
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

// newsBodies are n distinct bodies of newswire-like text, long enough to
// be compressed, for the stores that train a dictionary.
func newsBodies(n int) []string {
	cities := []string{"Lagos", "Oslo", "Lima", "Hanoi", "Perth", "Quito", "Dakar", "Riga"}
	goods := []string{"coffee", "copper", "wheat", "crude oil", "cocoa", "sugar", "tin", "rubber"}
	out := make([]string, n)
	for i := range out {
		c, g := cities[i%len(cities)], goods[(i/len(cities))%len(goods)]
		out[i] = fmt.Sprintf("Traders in %s said on Tuesday that %s prices rose %d.%d pct in the week to %d, "+
			"the highest since the central bank cut its lending rate.\n\n"+
			"\"We expect demand for %s to stay firm,\" a spokesman for the %s exchange told reporters, "+
			"adding that shipments of %d tonnes were due by the end of the month.", c, g, i%17, i%10, 1000+i, g, c, 5000+i*7)
	}
	return out
}

// TestBodyDictionary checks that a SQLite store trains a dictionary once
// it holds dictFrom articles; that bodies written after name it and are
// smaller than without; that every body comes back as it went in, from
// the store that wrote them, from one opened before the dictionary was
// trained (another process), from one opened after and read-only; and
// that putting a body again is Unchanged.
func TestBodyDictionary(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s := openTest(t, dir)
	early := openTest(t, dir) // opened before there is any dictionary
	bodies := newsBodies(dictFrom + 300)
	as := make([]Article, len(bodies))
	for i, b := range bodies {
		as[i] = Article{ID: fmt.Sprintf("a%05d", i), Title: "T", Body: b}
	}
	if _, err := s.PutBatch(ctx, as[:dictFrom]); err != nil {
		t.Fatal(err)
	}
	if c := s.bodies.cur.Load(); c != nil {
		t.Fatalf("a dictionary before the batch that reaches %d articles is followed by another", dictFrom)
	}
	for i := dictFrom; i < len(as); i++ {
		if _, err := s.Put(ctx, &as[i]); err != nil {
			t.Fatal(err)
		}
	}
	if c := s.bodies.cur.Load(); c == nil || c.id != 1 {
		t.Fatalf("no dictionary 1 after %d articles", len(as))
	}
	var plain, dicted int
	from, body := s.articlesWithBodies()
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, `+body+` FROM `+from+` ORDER BY a.seq`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		var frame []byte
		if err := rows.Scan(&id, &frame); err != nil {
			t.Fatal(err)
		}
		h := zstdHeader(t, frame)
		if id < fmt.Sprintf("a%05d", dictFrom) {
			if h.DictionaryID != 0 {
				t.Errorf("%s, written before the dictionary, names dictionary %d", id, h.DictionaryID)
			}
			plain += len(frame)
		} else {
			if h.DictionaryID != 1 {
				t.Errorf("%s, written after the dictionary, names dictionary %d", id, h.DictionaryID)
			}
			dicted += len(frame)
		}
	}
	rows.Close()
	if perBody := float64(dicted) / 300; perBody >= 0.8*float64(plain)/dictFrom {
		t.Errorf("frames with the dictionary %.0f bytes each, without %.0f: want a fifth smaller", perBody, float64(plain)/dictFrom)
	}

	ro, err := OpenReadOnly(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	ids := make([]string, len(as))
	want := map[string]string{}
	for i, a := range as {
		ids[i], want[a.ID] = a.ID, a.Body
	}
	for name, st := range map[string]*Store{"writer": s, "opened before": early, "read-only": ro, "reopened": openTest(t, dir)} {
		got, err := st.Bodies(ctx, ids)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: Bodies (-want +got):\n%.1000s", name, diff)
		}
		last := as[len(as)-1]
		if a, err := st.Get(ctx, last.ID); err != nil || a.Body != last.Body {
			t.Errorf("%s: Get(%s): %v, body %q", name, last.ID, err, a.Body)
		}
	}
	again := as[len(as)-1]
	if res, err := early.Put(ctx, &again); err != nil || res != Unchanged {
		t.Errorf("put again: %v, %v; want unchanged", res, err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM body_dicts`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d dictionaries (%v); want the one", n, err)
	}
}

func zstdHeader(t *testing.T, frame []byte) zstd.Header {
	t.Helper()
	var h zstd.Header
	if err := h.Decode(frame); err != nil {
		t.Fatalf("not a zstd frame: %v", err)
	}
	return h
}

// TestSQLiteLayout checks that a new SQLite store has pages of pageSize,
// keeps content hashes as their first 16 bytes and dates as tagged bytes,
// and indexes only the rows with a URL and the tombstones; and that an
// article whose hash or date an older store kept otherwise (32 bytes or 64
// hex digits, RFC 3339 text) still reads back and is still Unchanged when
// put again.
func TestSQLiteLayout(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s := openTest(t, dir)
	var size int
	if err := s.db.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&size); err != nil || size != pageSize {
		t.Errorf("page size %d (%v); want %d", size, err, pageSize)
	}
	published := time.Date(2024, 3, 1, 9, 30, 15, 0, time.UTC)
	a := Article{ID: "h", Title: "Hash", Body: "A body.", Published: published}
	if _, err := s.Put(ctx, &a); err != nil {
		t.Fatal(err)
	}
	column := func(col string) (typ string, n int) {
		t.Helper()
		if err := s.db.QueryRowContext(ctx, `SELECT typeof(`+col+`), length(`+col+`) FROM articles WHERE id = 'h'`).Scan(&typ, &n); err != nil {
			t.Fatal(err)
		}
		return typ, n
	}
	if typ, n := column("content_hash"); typ != "blob" || n != storedHashSize {
		t.Errorf("content hash kept as %s of %d bytes; want a blob of %d", typ, n, storedHashSize)
	}
	if typ, n := column("published"); typ != "blob" || n != 6 {
		t.Errorf("date kept as %s of %d bytes; want a blob of 6", typ, n)
	}
	wantBack := func(what string) {
		t.Helper()
		got, err := s.Get(ctx, "h")
		if err != nil || !got.Published.Equal(published) || got.Body != a.Body {
			t.Errorf("%s: got %v, %q (%v); want %v", what, got.Published, got.Body, err, published)
		}
		again := a
		if res, err := s.Put(ctx, &again); err != nil || res != Unchanged {
			t.Errorf("%s: put again: %v, %v; want unchanged", what, res, err)
		}
	}
	wantBack("as written")
	// As a store of format 2 kept them: the hash's 32 bytes, the date as
	// RFC 3339 text.
	whole := newRow(&a, "").hash
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET content_hash = ?, published = ? WHERE id = 'h'`, whole, formatTime(published)); err != nil {
		t.Fatal(err)
	}
	if typ, n := column("content_hash"); typ != "blob" || n != 32 {
		t.Fatalf("whole hash: %s of %d", typ, n)
	}
	if typ, n := column("published"); typ != "text" || n != 20 {
		t.Fatalf("text date: %s of %d", typ, n)
	}
	wantBack("format 2")
	// As a store of format 1 kept the hash: 64 hex digits in text.
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET content_hash = lower(hex(?)) WHERE id = 'h'`, whole); err != nil {
		t.Fatal(err)
	}
	if typ, n := column("content_hash"); typ != "text" || n != 64 {
		t.Fatalf("hex hash: %s of %d", typ, n)
	}
	wantBack("format 1")
	changed := Article{ID: "h", Title: "Hash", Body: "Another body."}
	if res, err := s.Put(ctx, &changed); err != nil || res != Updated {
		t.Errorf("put a new body over a hex hash: %v, %v; want updated", res, err)
	}

	// Only URLs and tombstones are indexed, and the lookups use them.
	for _, b := range []Article{{ID: "u", URL: "https://example.com/news/1", Body: "With a URL."}, {ID: "d", Body: "Gone."}} {
		if _, err := s.Put(ctx, &b); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(ctx, "d"); err != nil {
		t.Fatal(err)
	}
	for index, want := range map[string]int{"articles_url": 1, "articles_tombstones": 1, "articles_canonical_url": 0, "articles_deleted": 0} {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?`, index).Scan(&n); err != nil || n != want {
			t.Errorf("index %s: %d (%v), want %d", index, n, err, want)
		}
	}
	for q, index := range map[string]string{
		`SELECT id FROM articles WHERE canonical_url = ? ORDER BY deleted, seq DESC LIMIT 1`: "articles_url",
		`SELECT COUNT(*) FROM articles WHERE deleted <> 0`:                                   "articles_tombstones",
	} {
		var plan strings.Builder
		var args []any
		if strings.Contains(q, "?") {
			args = append(args, "x")
		}
		rows, err := s.db.QueryContext(ctx, `EXPLAIN QUERY PLAN `+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(detail + "; ")
		}
		rows.Close()
		if !strings.Contains(plan.String(), index) {
			t.Errorf("%s: plan %q does not use %s", q, plan.String(), index)
		}
	}
	if n, err := s.Count(ctx); err != nil || n != 2 {
		t.Errorf("Count: %d, %v; want 2", n, err)
	}
	// A store of format 2 had every row in both indexes: they go when it
	// is opened.
	for _, q := range []string{`CREATE INDEX articles_canonical_url ON articles (canonical_url)`, `CREATE INDEX articles_deleted ON articles (deleted)`} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = openTest(t, dir)
	var old int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name IN ('articles_canonical_url', 'articles_deleted')`).Scan(&old); err != nil || old != 0 {
		t.Errorf("format 2's indexes after opening: %d (%v), want none", old, err)
	}
}

// TestPackedDates round-trips dates through SQLite's bytes, and reads the
// RFC 3339 text of earlier formats (and PostgreSQL's) as before.
func TestPackedDates(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(2024, 3, 1, 9, 30, 15, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(1066, 10, 14, 9, 0, 0, 0, time.UTC),
		time.Date(2999, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Unix(0, 0).UTC(),
	} {
		got, err := parsePublished(string(packTime(d)))
		if err != nil || !got.Equal(d) {
			t.Errorf("%v: read back %v, %v", d, got, err)
		}
		if got, err := parsePublished(formatTime(d)); err != nil || !got.Equal(d) {
			t.Errorf("%v as text: read back %v, %v", d, got, err)
		}
	}
	for _, bad := range []string{"\x01", "\x01\x80", string(append(packTime(time.Now()), 0)), "yesterday"} {
		if got, err := parsePublished(bad); err == nil {
			t.Errorf("parsePublished(%q) = %v, want an error", bad, got)
		}
	}
}
