package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Stories written for these tests: an agency story, the way two papers
// ran it, and another story on the same subject.
var (
	lockKeepers = []string{
		"Lock keepers on the Grand Union Canal will walk out for three days from next Tuesday in a dispute over weekend rotas, the Canal Workers' Union said on Friday.",
		"The union said 212 of its members had voted for the action, 84 per cent of those who took part in the ballot.",
		"The waterway's operator, the Canal and River Trust, said it regretted the decision and would keep the busiest flights of locks open with managers.",
		"Hire boat companies said bookings for the half-term week could be hit, with some already offering customers free cancellations.",
		"\"Nobody joins this job to stop the boats,\" said the union's branch secretary, Ruth Adeyemi. \"But the new rotas leave two people doing the work of four.\"",
	}
	// cut runs the first three paragraphs under a paper's own headline.
	cut = strings.Join(lockKeepers[:3], "\n\n")
	// localIntro adds a paragraph of a paper's own before the agency's.
	localIntro = "Boaters in Leighton Buzzard were warned to plan ahead on Friday as the town's three locks face closure.\n\n" +
		strings.Join(lockKeepers[:4], "\n\n")
	sameSubject = strings.Join([]string{
		"At the marina in Braunston, owners spent Saturday moving their boats above the flight before the lock keepers' strike begins on Tuesday.",
		"The marina's manager, Colin Ferris, said about forty boats had left early, more than on any weekend since the spring.",
		"Several owners said they had sympathy for the keepers but worried about being stranded below the locks for the half-term holiday.",
		"The trust has said that volunteers will not be asked to operate the locks during the walkout.",
	}, "\n\n")
)

func TestGroupsAtPut(t *testing.T) { forBackends(t, testGroupsAtPut) }

func testGroupsAtPut(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	ctx := context.Background()
	s := openTest(t, dsn)
	// In one batch: a copy finds an original put before it in the batch.
	batch := []Article{
		article("wire", strings.Join(lockKeepers, "\n\n")),
		article("other", sameSubject),
		article("cut", cut),
		article("brief", "Lock keepers on the canal will strike on Tuesday."),
	}
	if _, err := s.PutBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if batch[2].Group != "wire" || batch[0].Group != "" || batch[1].Group != "" {
		t.Errorf("groups after PutBatch: %q %q %q, want \"\" \"\" wire", batch[0].Group, batch[1].Group, batch[2].Group)
	}
	wantGroups(t, s, map[string]string{"wire": "", "other": "", "cut": "wire", "brief": ""})

	// A restart keeps the groups and matches new copies against the
	// articles stored before it.
	s.Close()
	s = openTest(t, dsn)
	intro := article("intro", localIntro)
	if _, err := s.Put(ctx, &intro); err != nil {
		t.Fatal(err)
	}
	if intro.Group != "wire" {
		t.Errorf("copy put after a restart: group %q, want wire", intro.Group)
	}
	// An update keeps the article's group, even one that no longer reads
	// like the others (a story updated is the same story).
	upd := article("cut", cut+"\n\nTalks are to resume on Monday.")
	if r, err := s.Put(ctx, &upd); err != nil || r != Updated || upd.Group != "wire" {
		t.Errorf("update of a copy: %v, group %q, %v; want updated, wire, nil", r, upd.Group, err)
	}
	changes, err := s.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range changes {
		got[c.ID] = c.Article.Group
	}
	if diff := cmp.Diff(map[string]string{"wire": "", "other": "", "cut": "wire", "brief": "", "intro": "wire"}, got); diff != "" {
		t.Errorf("groups in the change feed (-want +got):\n%s", diff)
	}

	// A deleted article brought back with other text is matched afresh.
	if err := s.Delete(ctx, "intro"); err != nil {
		t.Fatal(err)
	}
	back := article("intro", sameSubject+"\n\nThe strike is due to end on Friday.")
	if _, err := s.Put(ctx, &back); err != nil {
		t.Fatal(err)
	}
	if back.Group != "other" {
		t.Errorf("deleted article brought back as a copy of another story: group %q, want other", back.Group)
	}
}

func wantGroups(t *testing.T, s *Store, want map[string]string) {
	t.Helper()
	for id, group := range want {
		a, err := s.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Group != group {
			t.Errorf("%s: group %q, want %q", id, a.Group, group)
		}
	}
}

// Two stores on one database (two processes): each matches what the
// other put since its last write.
func TestGroupsAcrossStores(t *testing.T) { forBackends(t, testGroupsAcrossStores) }

func testGroupsAcrossStores(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	ctx := context.Background()
	one, two := openTest(t, dsn), openTest(t, dsn)
	first := article("first", sameSubject)
	if _, err := two.Put(ctx, &first); err != nil { // two loads its detector now
		t.Fatal(err)
	}
	wire := article("wire", strings.Join(lockKeepers, "\n\n"))
	if _, err := one.Put(ctx, &wire); err != nil {
		t.Fatal(err)
	}
	c := article("cut", cut)
	if _, err := two.Put(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if c.Group != "wire" {
		t.Errorf("copy put by one store of an article another put: group %q, want wire", c.Group)
	}
}

// A store written without groups (before they existed, or with NoGroups)
// has its articles signed and grouped when it is next opened.
func TestGroupsBackfill(t *testing.T) { forBackends(t, testGroupsBackfill) }

func testGroupsBackfill(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	ctx := context.Background()
	s, err := OpenWith(ctx, dsn, Options{NoGroups: true})
	if err != nil {
		t.Fatal(err)
	}
	batch := []Article{article("wire", strings.Join(lockKeepers, "\n\n")), article("cut", cut), article("other", sameSubject)}
	if _, err := s.PutBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if batch[1].Group != "" {
		t.Errorf("NoGroups: group %q, want none", batch[1].Group)
	}
	s.Close()
	s = openTest(t, dsn)
	wantGroups(t, s, map[string]string{"wire": "", "cut": "wire", "other": ""})
}

// A store from before groups, without their columns: opening it adds them
// and groups what it holds, and nothing else changes.
func TestGroupsMigrateOldStore(t *testing.T) { forBackends(t, testGroupsMigrateOldStore) }

func testGroupsMigrateOldStore(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	ctx := context.Background()
	db, d := openRaw(t, dsn)
	for _, q := range d.schema() { // the schema as it was: no group_id, no signature
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for i, a := range []Article{article("wire", strings.Join(lockKeepers, "\n\n")), article("intro", localIntro)} {
		r := newRow(&a, "")
		if _, err := db.ExecContext(ctx, d.rebind(`INSERT INTO articles (id, seq, deleted, `+articleColumns+`)
			VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), a.ID, i+1, r.url, r.canonical, r.title, r.authors,
			r.source, r.published, r.language, r.body, packHash(d, r.hash)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s := openTest(t, dsn)
	wantGroups(t, s, map[string]string{"wire": "", "intro": "wire"})
	got, err := s.Get(ctx, "intro")
	if err != nil {
		t.Fatal(err)
	}
	want := article("intro", localIntro)
	want.Group = "wire"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("migrated article (-want +got):\n%s", diff)
	}
	if seq, _ := s.LastSeq(ctx); seq != 2 {
		t.Errorf("last seq after migration %d, want 2: grouping does not renumber", seq)
	}
}

// openRaw opens the database behind dsn without the store.
func openRaw(t *testing.T, dsn string) (*sql.DB, dialect) {
	t.Helper()
	d, db, err := openDialect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	return db, d
}

// Signatures of another version (a store grouped by an older cuttings) are
// dropped on the first open and signed again; the groups stay. One written
// later by a process of that version is dropped when a detector meets it.
func TestGroupsSignatureVersion(t *testing.T) { forBackends(t, testGroupsSignatureVersion) }

func testGroupsSignatureVersion(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	ctx := context.Background()
	s := openTest(t, dsn)
	batch := []Article{article("wire", strings.Join(lockKeepers, "\n\n")), article("cut", cut), article("other", sameSubject)}
	if _, err := s.PutBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, d := openRaw(t, dsn)
	old := []byte{1, 0, 0, 0} // version 1
	if _, err := db.ExecContext(ctx, d.rebind(`UPDATE articles SET signature = ?`), old); err != nil {
		t.Fatal(err)
	}
	// (No parameter here: PostgreSQL cannot type one that only meets IS NOT NULL.)
	if _, err := db.ExecContext(ctx, `DELETE FROM store_meta WHERE name = 'signature_version'`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s = openTest(t, dsn)
	wantGroups(t, s, map[string]string{"wire": "", "cut": "wire", "other": ""})
	intro := article("intro", localIntro)
	if _, err := s.Put(ctx, &intro); err != nil {
		t.Fatal(err)
	}
	if intro.Group != "wire" {
		t.Errorf("copy put after the signatures were signed again: group %q, want wire", intro.Group)
	}
	var stale int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE signature IS NULL`).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("%d articles unsigned after the first open (%v), want none", stale, err)
	}

	// Another process of the old version writes an article: the next
	// detector to load skips its signature and drops it.
	other := openTest(t, dsn)
	if _, err := other.db.ExecContext(ctx, other.d.rebind(`UPDATE articles SET signature = ? WHERE id = 'other'`), old); err != nil {
		t.Fatal(err)
	}
	copyOfOther := article("other-copy", sameSubject+"\n\nA paragraph added by a paper of its own.")
	if _, err := other.Put(ctx, &copyOfOther); err != nil {
		t.Fatalf("put with an old signature in the store: %v", err)
	}
	var sig []byte
	if err := other.db.QueryRowContext(ctx, `SELECT signature FROM articles WHERE id = 'other'`).Scan(&sig); err != nil || sig != nil {
		t.Errorf("old signature after a detector met it: %v (%v), want NULL", sig, err)
	}
}

// A batch large enough to be signed by workers alongside the write
// groups as one signed in line: each copy with its story, whichever of the
// two signed it.
func TestGroupsLargeBatch(t *testing.T) { forBackends(t, testGroupsLargeBatch) }

func testGroupsLargeBatch(t *testing.T, b backend) {
	ctx := context.Background()
	s := openTest(t, b.newDSN(t))
	words := strings.Fields(strings.ToLower(strings.Join(lockKeepers, " ") + " " + sameSubject))
	rng := rand.New(rand.NewPCG(7, 13))
	var batch []Article
	want := map[string]string{}
	for k := range 40 {
		var paras []string
		for range 3 {
			var p []string
			for range 30 {
				p = append(p, words[rng.IntN(len(words))])
			}
			paras = append(paras, strings.Join(p, " "))
		}
		id := fmt.Sprintf("story-%d", k)
		batch = append(batch, article(id, strings.Join(paras, "\n\n")))
		want[id] = ""
		if k%2 == 0 {
			batch = append(batch, article(id+"-cut", strings.Join(paras[:2], "\n\n")))
			want[id+"-cut"] = id
		}
	}
	if _, err := s.PutBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	for _, a := range batch {
		if a.Group != want[a.ID] {
			t.Errorf("%s: group %q, want %q", a.ID, a.Group, want[a.ID])
		}
	}
}

// A copy whose text is its group's first article's is kept with a mark
// instead of its signature; the detector loaded from marks is the one the
// signatures made, and once the first article is gone the copies are
// signed again from their bodies and still find their story.
func TestCopyMarks(t *testing.T) { forBackends(t, testCopyMarks) }

func testCopyMarks(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	ctx := context.Background()
	s := openTest(t, dsn)
	wire := strings.Join(lockKeepers, "\n\n")
	batch := []Article{article("wire", wire), article("again", wire), article("other", sameSubject)}
	if _, err := s.PutBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	again := article("again2", wire)
	if _, err := s.Put(ctx, &again); err != nil {
		t.Fatal(err)
	}
	signatures := func(s *Store) map[string]int {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, `SELECT id, length(signature) FROM articles WHERE deleted = 0`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]int{}
		for rows.Next() {
			var id string
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				t.Fatal(err)
			}
			out[id] = n
		}
		return out
	}
	sigs := signatures(s)
	if sigs["again"] != copyMarkSize || sigs["again2"] != copyMarkSize || sigs["wire"] <= copyMarkSize || sigs["other"] <= copyMarkSize {
		t.Errorf("signature lengths %v: want marks for again and again2 only", sigs)
	}
	wantGroups(t, s, map[string]string{"wire": "", "again": "wire", "again2": "wire", "other": ""})
	kept, _ := s.DetectorSize()

	// Loaded from the store, the detector keeps what it kept, and matches
	// a cut copy with the story.
	s.Close()
	s = openTest(t, dsn)
	c := article("cut", cut)
	if _, err := s.Put(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if c.Group != "wire" {
		t.Errorf("cut copy after a restart: group %q, want wire", c.Group)
	}
	if n, _ := s.DetectorSize(); n != kept+1 {
		t.Errorf("detector loaded from marks keeps %d articles, want %d", n, kept+1)
	}

	// The first article deleted: after a restart its copies stand for
	// the story, signed again.
	if err := s.Delete(ctx, "wire"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openTest(t, dsn)
	intro := article("intro", localIntro)
	if _, err := s.Put(ctx, &intro); err != nil {
		t.Fatal(err)
	}
	if intro.Group != "wire" {
		t.Errorf("copy put after its story's first article was deleted: group %q, want wire", intro.Group)
	}
	sigs = signatures(s)
	if sigs["again"] <= copyMarkSize || sigs["again2"] <= copyMarkSize {
		t.Errorf("signature lengths %v: want again and again2 signed whole", sigs)
	}
	// Signed again once: the next load reads them as they are.
	s.Close()
	s = openTest(t, dsn)
	back := article("again3", wire)
	if _, err := s.Put(ctx, &back); err != nil {
		t.Fatal(err)
	}
	if back.Group != "wire" {
		t.Errorf("copy put after the marks were signed again: group %q, want wire", back.Group)
	}
}
