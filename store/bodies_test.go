package store

import (
	"context"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// A body put under several ids is stored once where the dialect shares
// bodies, and every article still reads its own text, through Get, Bodies
// and Changes, after the first article with it is deleted, after another
// is updated to new text, after an update that keeps the text, after a
// reopen; a body no article has any more is not left behind; and only the
// bodies a copy may look up are in the index of keys.
func TestSharedBodies(t *testing.T) { forBackends(t, testSharedBodies) }

func testSharedBodies(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	ctx := context.Background()
	s := openTest(t, dsn)
	// PostgreSQL keeps every body in its row (postgresDialect.sharesBodies).
	shares := b.name == "sqlite"
	wire := strings.Join(lockKeepers, "\n\n")
	brief := "Canal strike called off." // shorter than compressFrom: kept in its row
	want := map[string]Article{}
	put := func(as ...Article) {
		t.Helper()
		if _, err := s.PutBatch(ctx, as); err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			want[a.ID] = a
		}
	}
	// wantStored checks what every article reads, and on SQLite how many
	// bodies the bodies table holds and how many of them are indexed.
	wantStored := func(what string, bodies, indexed int) {
		t.Helper()
		wantArticles(t, s, want, what)
		if shares {
			checkBodyRefs(t, s, what)
			wantBodiesTable(t, s, bodies, indexed, what)
		}
	}

	put(article("first", wire))
	wantStored("the first of a story", 1, 0)
	var one int // the bytes of the first article's body
	if shares {
		one = storedBodyBytes(t, s)
	}
	// Copies in one batch, in a batch of their own, and one at a time;
	// the other story has none.
	put(article("copy1", wire), article("other", sameSubject), article("copy2", wire), article("brief1", brief), article("brief2", brief))
	copy3 := article("copy3", wire)
	if _, err := s.Put(ctx, &copy3); err != nil {
		t.Fatal(err)
	}
	want["copy3"] = copy3
	wantStored("copies put", 2, 1) // wire, indexed; sameSubject
	if shares {
		// The four articles with the wire story cost what the first did,
		// plus the other story's body and the two briefs.
		s2 := openTest(t, b.newDSN(t))
		for _, a := range []Article{article("other", sameSubject), article("brief1", brief), article("brief2", brief)} {
			if _, err := s2.Put(ctx, &a); err != nil {
				t.Fatal(err)
			}
		}
		if got, wantBytes := storedBodyBytes(t, s), one+storedBodyBytes(t, s2); got != wantBytes {
			t.Errorf("bodies of four copies of one story and three others take %d bytes, want %d (the story once)", got, wantBytes)
		}
		// Read together, the copies are one string: read once, and
		// checked once by a phrase search.
		bodies, err := s.Bodies(ctx, []string{"first", "copy1", "other", "copy3"})
		if err != nil {
			t.Fatal(err)
		}
		if p := unsafe.StringData(bodies["first"]); bodies["first"] != wire || unsafe.StringData(bodies["copy1"]) != p || unsafe.StringData(bodies["copy3"]) != p {
			t.Error("the copies' bodies, read together, are not one string")
		}
	}

	if err := s.Delete(ctx, "first"); err != nil {
		t.Fatal(err)
	}
	delete(want, "first")
	wantStored("the first with the story deleted", 2, 1)

	// An update to new text leaves the others the story; one that only
	// changes the title keeps the same shared body.
	put(article("copy1", localIntro))
	retitled := article("copy2", wire)
	retitled.Title = "Canal strike: lock keepers to walk out"
	put(retitled)
	wantStored("a copy updated", 3, 2) // and localIntro, indexed

	s.Close()
	s = openTest(t, dsn)
	wantStored("reopened", 3, 2)

	// With every article that had it gone, the story's body goes too;
	// and the first article brought back has it again, unindexed until a
	// copy shares it.
	for _, id := range []string{"copy2", "copy3"} {
		if err := s.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
		delete(want, id)
	}
	wantStored("every copy deleted", 2, 1) // sameSubject, localIntro
	put(article("first", wire))
	wantStored("the first brought back", 3, 1) // and wire, not indexed
	// A copy whose signature is the first's but whose text is not (one
	// mark changed) keeps its own text, and leaves the first its own.
	put(article("edited", strings.Replace(wire, "Friday.", "Friday!", 1)))
	wantStored("an edited copy", 4, 2) // and the edited text, indexed
	// From a shared body to one in its row: localIntro goes.
	put(article("copy1", brief))
	wantStored("a copy updated to a brief", 3, 1)
	put(article("copy5", wire))
	wantStored("a copy of the first brought back", 3, 2) // wire indexed

	// Without the detector of copies, every body is looked up by key and
	// indexed (the other story's, unindexed as a first article's, is
	// added again).
	s.Close()
	s, err := OpenWith(ctx, dsn, Options{NoGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	put(article("copy4", wire), article("intro", localIntro), article("subject", sameSubject))
	wantStored("put without the detector", 5, 4) // and localIntro, sameSubject again, indexed
}

// wantArticles checks that Get, Bodies and Changes give want, and nothing
// else live.
func wantArticles(t *testing.T, s *Store, want map[string]Article, what string) {
	t.Helper()
	ctx := context.Background()
	ids := []string{"gone"}
	wantBodies := map[string]string{}
	for id, a := range want {
		ids = append(ids, id)
		wantBodies[id] = a.Body
		got, err := s.Get(ctx, id)
		if err != nil {
			t.Errorf("%s: %v", what, err)
			continue
		}
		got.Group, a.Group = "", "" // groups are not what is checked here
		if diff := cmp.Diff(a, got); diff != "" {
			t.Errorf("%s: Get(%s) (-want +got):\n%s", what, id, diff)
		}
	}
	bodies, err := s.Bodies(ctx, ids)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if diff := cmp.Diff(wantBodies, bodies); diff != "" {
		t.Errorf("%s: Bodies (-want +got):\n%s", what, diff)
	}
	changes, err := s.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	live := map[string]string{}
	for _, c := range changes {
		if !c.Deleted {
			live[c.ID] = c.Article.Body
		}
	}
	if diff := cmp.Diff(wantBodies, live); diff != "" {
		t.Errorf("%s: Changes (-want +got):\n%s", what, diff)
	}
}

// checkBodyRefs checks the bodies table against the articles: each shared
// body counts the live articles that refer to it, no body is kept that
// none does, and no article refers to a body that is not there.
func checkBodyRefs(t *testing.T, s *Store, what string) {
	t.Helper()
	rows, err := s.db.Query(`SELECT b.id, b.refs, (SELECT COUNT(*) FROM articles a WHERE a.body_id = b.id AND a.deleted = 0),
		(SELECT COUNT(*) FROM articles a WHERE a.body_id = b.id AND a.deleted <> 0) FROM bodies b`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, refs, live, dead int
		if err := rows.Scan(&id, &refs, &live, &dead); err != nil {
			t.Fatal(err)
		}
		if refs != live || live == 0 || dead != 0 {
			t.Errorf("%s: shared body %d counts %d articles; %d live and %d deleted refer to it", what, id, refs, live, dead)
		}
	}
	var lost int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM articles a WHERE a.body_id IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM bodies b WHERE b.id = a.body_id)`).Scan(&lost); err != nil || lost != 0 {
		t.Errorf("%s: %d articles refer to a body not kept (%v)", what, lost, err)
	}
}

// wantBodiesTable checks how many bodies a SQLite store keeps in its
// bodies table, and how many of them are in the index of keys.
func wantBodiesTable(t *testing.T, s *Store, bodies, indexed int, what string) {
	t.Helper()
	var n, in int
	if err := s.db.QueryRow(`SELECT COUNT(*), COALESCE(SUM(indexed), 0) FROM bodies`).Scan(&n, &in); err != nil || n != bodies || in != indexed {
		t.Errorf("%s: %d bodies, %d indexed (%v); want %d, %d indexed", what, n, in, err, bodies, indexed)
	}
	// The index holds the indexed ones, and the look-up uses it.
	var entries int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM bodies INDEXED BY bodies_hash WHERE indexed = 1`).Scan(&entries); err != nil || entries != indexed {
		t.Errorf("%s: index of keys holds %d (%v), want %d", what, entries, err, indexed)
	}
}

// storedBodyBytes is the bytes of every body a SQLite store keeps, in
// articles' rows and shared.
func storedBodyBytes(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT (SELECT COALESCE(SUM(octet_length(body)), 0) FROM articles) +
		(SELECT COALESCE(SUM(octet_length(body)), 0) FROM bodies)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A store of format 3, whose rows hold their own bodies (text or a zstd
// frame) and which has no bodies table, is read as it is, read-only too;
// opened for writing, its rows stay as they are until they change, and a
// copy of an old row's text put later is added to the bodies table, which
// an old row updated then refers to.
func TestSharedBodiesOldStore(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	wire := strings.Join(lockKeepers, "\n\n")
	db, d := openRaw(t, dir)
	for _, q := range append(d.schema(),
		`ALTER TABLE articles ADD COLUMN group_id TEXT`,
		`ALTER TABLE articles ADD COLUMN signature BLOB`,
		`CREATE TABLE body_dicts (id INTEGER PRIMARY KEY, dict BLOB NOT NULL)`,
		`PRAGMA user_version = 3`) {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]Article{}
	s := &Store{d: d} // for packBody: a frame without a dictionary
	for i, r := range []struct {
		a    Article
		body any
	}{
		{article("text", wire), wire},
		{article("frame", wire), s.packBody(wire)},
		{article("brief", "Canal strike called off."), "Canal strike called off."},
	} {
		row := newRow(&r.a, "")
		if _, err := db.ExecContext(ctx, `INSERT INTO articles (id, seq, deleted, `+articleColumns+`)
			VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.a.ID, i+1, row.url, row.canonical, row.title, row.authors,
			row.source, row.published, row.language, r.body, packHash(d, row.hash)); err != nil {
			t.Fatal(err)
		}
		want[r.a.ID] = r.a
	}
	var frameType string
	if err := db.QueryRowContext(ctx, `SELECT typeof(body) FROM articles WHERE id = 'frame'`).Scan(&frameType); err != nil || frameType != "blob" {
		t.Fatalf("old frame kept as %s (%v)", frameType, err)
	}
	db.Close()

	ro, err := OpenReadOnly(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	wantArticles(t, ro, want, "format 3, read-only")
	ro.Close()

	s = openTest(t, dir)
	wantArticles(t, s, want, "format 3, opened")
	if v := userVersion(t, s); v != storeFormat {
		t.Errorf("format %d after opening, want %d", v, storeFormat)
	}
	// A copy put now is added; the old rows keep theirs.
	c := article("copy", wire)
	if _, err := s.Put(ctx, &c); err != nil {
		t.Fatal(err)
	}
	want["copy"] = c
	wantArticles(t, s, want, "a copy of an old body put")
	checkBodyRefs(t, s, "a copy of an old body put")
	wantBodiesTable(t, s, 1, 1, "a copy of an old body put")
	var inRows int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM articles WHERE body_id IS NULL AND body <> ''`).Scan(&inRows); err != nil || inRows != 3 {
		t.Errorf("%d old rows keep their bodies (%v), want 3", inRows, err)
	}
	// An old row changed refers to the shared body; one deleted releases
	// none.
	retitled := article("frame", wire)
	retitled.Title = "Lock keepers to strike"
	if _, err := s.Put(ctx, &retitled); err != nil {
		t.Fatal(err)
	}
	want["frame"] = retitled
	if err := s.Delete(ctx, "text"); err != nil {
		t.Fatal(err)
	}
	delete(want, "text")
	wantArticles(t, s, want, "old rows updated and deleted")
	checkBodyRefs(t, s, "old rows updated and deleted")
	wantBodiesTable(t, s, 1, 1, "old rows updated and deleted")

	s.Close()
	ro, err = OpenReadOnly(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	wantArticles(t, ro, want, "format 4, read-only")
}

func userVersion(t *testing.T, s *Store) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// An article whose shared body is missing (a store damaged outside
// cuttings) is an error that names it, not an empty body.
func TestSharedBodyMissing(t *testing.T) {
	s := openTest(t, t.TempDir())
	ctx := context.Background()
	wire := strings.Join(lockKeepers, "\n\n")
	if _, err := s.PutBatch(ctx, []Article{article("wire", wire), article("copy", wire)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM bodies`); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Get(ctx, "wire"); err == nil || !strings.Contains(err.Error(), "wire") || !strings.Contains(err.Error(), "missing") {
		t.Errorf("Get of an article whose body is missing: %q, %v; want an error naming it", got.Body, err)
	}
	if got, err := s.Bodies(ctx, []string{"wire"}); err == nil {
		t.Errorf("Bodies of an article whose body is missing: %q; want an error", got)
	}
	if err := s.Delete(ctx, "wire"); err == nil || !strings.Contains(err.Error(), "not in the bodies table") {
		t.Errorf("Delete of an article whose body is missing: %v; want an error saying so", err)
	}
}
