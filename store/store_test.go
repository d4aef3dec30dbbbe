package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func openTest(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func article(id, body string) Article {
	return Article{ID: id, Title: "Title of " + id, Body: body, Language: "en"}
}

func TestPutResults(t *testing.T) { forBackends(t, testPutResults) }

func testPutResults(t *testing.T, b backend) {
	published := time.Date(2025, 3, 4, 10, 30, 0, 0, time.FixedZone("CET", 3600))
	full := Article{
		ID: "a1", URL: "https://example.com/news/1", Title: "Talks in Paris",
		Authors: []string{"Ann Writer", "Bo Reporter"}, Source: "Example News",
		Published: published, Language: "en", Body: "First paragraph.\n\nSecond paragraph.",
	}
	changed := func(f func(a *Article)) Article {
		a := full
		a.Authors = append([]string(nil), full.Authors...)
		f(&a)
		return a
	}
	tests := []struct {
		name   string
		puts   []Article
		want   []PutResult
		wantID []string
	}{
		{"new", []Article{full}, []PutResult{Added}, []string{"a1"}},
		{"same twice", []Article{full, full}, []PutResult{Added, Unchanged}, []string{"a1", "a1"}},
		{"body changed", []Article{full, changed(func(a *Article) { a.Body += "\n\nThird." })},
			[]PutResult{Added, Updated}, []string{"a1", "a1"}},
		{"authors changed", []Article{full, changed(func(a *Article) { a.Authors = a.Authors[:1] })},
			[]PutResult{Added, Updated}, []string{"a1", "a1"}},
		{"published changed", []Article{full, changed(func(a *Article) { a.Published = a.Published.Add(time.Hour) })},
			[]PutResult{Added, Updated}, []string{"a1", "a1"}},
		{"same instant in another zone", []Article{full, changed(func(a *Article) { a.Published = a.Published.UTC() })},
			[]PutResult{Added, Unchanged}, []string{"a1", "a1"}},
		{"text moved between fields", []Article{
			{ID: "m", Title: "ab", Body: "c"},
			{ID: "m", Title: "a", Body: "bc"},
		}, []PutResult{Added, Updated}, []string{"m", "m"}},
		{"two ids", []Article{full, changed(func(a *Article) { a.ID = "a2" })},
			[]PutResult{Added, Added}, []string{"a1", "a2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, b.newDSN(t))
			ctx := context.Background()
			var got []PutResult
			var gotID []string
			var lastSeq int64
			for _, a := range tt.puts {
				r, err := s.Put(ctx, &a)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, r)
				gotID = append(gotID, a.ID)
				seq, err := s.LastSeq(ctx)
				if err != nil {
					t.Fatal(err)
				}
				// Only a write moves the seq.
				if moved := seq > lastSeq; moved != (r != Unchanged) {
					t.Errorf("put %s = %v, but seq went %d -> %d", a.ID, r, lastSeq, seq)
				}
				lastSeq = seq
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantID, gotID); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			// Get returns the latest put of each id.
			latest := map[string]Article{}
			for _, a := range tt.puts {
				latest[a.ID] = a
			}
			for id, want := range latest {
				got, err := s.Get(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("Get(%s) (-want +got):\n%s", id, diff)
				}
			}
		})
	}
}

func TestGetRoundTrip(t *testing.T) { forBackends(t, testGetRoundTrip) }

func testGetRoundTrip(t *testing.T, b backend) {
	s := openTest(t, b.newDSN(t))
	ctx := context.Background()
	in := Article{
		ID: "rt", Title: "T", Body: "B", Language: "en",
		Published: time.Date(2024, 1, 2, 3, 4, 5, 999, time.FixedZone("X", -5*3600)),
	}
	if _, err := s.Put(ctx, &in); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "rt")
	if err != nil {
		t.Fatal(err)
	}
	// Published comes back in UTC, to the second.
	want := in
	want.Published = time.Date(2024, 1, 2, 8, 4, 5, 0, time.UTC)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got.Published.Location() != time.UTC {
		t.Errorf("Published location = %v, want UTC", got.Published.Location())
	}
	if got.Authors != nil {
		t.Errorf("Authors = %#v, want nil", got.Authors)
	}

	if _, err := s.Get(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(nope) error = %v, want ErrNotFound", err)
	}
}

func TestBodies(t *testing.T) { forBackends(t, testBodies) }

func testBodies(t *testing.T, b backend) {
	s := openTest(t, b.newDSN(t))
	ctx := context.Background()
	var ids []string
	for i := range 1200 { // more than one page
		a := Article{ID: fmt.Sprintf("b%04d", i), Title: "T", Body: fmt.Sprintf("body %d", i)}
		if _, err := s.Put(ctx, &a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	if err := s.Delete(ctx, "b0007"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Bodies(ctx, append(ids, "nope"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1199 {
		t.Errorf("%d bodies, want 1199 (one deleted, one unknown)", len(got))
	}
	if got["b1100"] != "body 1100" || got["b0007"] != "" {
		t.Errorf("b1100 = %q, b0007 = %q; want %q and none", got["b1100"], got["b0007"], "body 1100")
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a/b", "https://example.com/a/b"},
		{"HTTPS://Example.COM/a/b/", "https://example.com/a/b"},
		{"https://example.com:443/a", "https://example.com/a"},
		{"http://example.com:80/a", "http://example.com/a"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"http://example.com:443/a", "http://example.com:443/a"},
		{"https://example.com/a#section-2", "https://example.com/a"},
		{"https://example.com/a?utm_source=tw&id=7&utm_medium=social", "https://example.com/a?id=7"},
		{"https://example.com/a?fbclid=xyz", "https://example.com/a"},
		{"https://example.com/a/?gclid=1&UTM_Campaign=x&page=2", "https://example.com/a?page=2"},
		{"https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"}, // order kept
		{"https://example.com/", "https://example.com"},
		{"https://example.com", "https://example.com"},
		{"https://example.com/Case/Path", "https://example.com/Case/Path"}, // paths are case-sensitive
		{"https://example.com/caf%C3%A9/", "https://example.com/caf%C3%A9"},
		{"  https://example.com/a  ", "https://example.com/a"},
		{"not a url", "not a url"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := CanonicalURL(tt.in); got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPutMatchesCanonicalURL(t *testing.T) { forBackends(t, testPutMatchesCanonicalURL) }

func testPutMatchesCanonicalURL(t *testing.T, b backend) {
	tests := []struct {
		name   string
		first  Article
		second Article
		same   bool // the second put lands on the first article
		want   PutResult
	}{
		{"same url", Article{URL: "https://example.com/a", Body: "x"}, Article{URL: "https://example.com/a", Body: "x"}, true, Unchanged},
		{"tracking and case", Article{URL: "https://example.com/a", Body: "x"},
			Article{URL: "HTTPS://EXAMPLE.com:443/a/?utm_source=rss#top", Body: "x"}, true, Updated}, // the URL as written changed
		{"new body same url", Article{URL: "https://example.com/a", Body: "x"}, Article{URL: "https://example.com/a", Body: "y"}, true, Updated},
		{"id kept from first", Article{ID: "given", URL: "https://example.com/a", Body: "x"}, Article{URL: "https://example.com/a/", Body: "x"}, true, Updated},
		{"other url", Article{URL: "https://example.com/a", Body: "x"}, Article{URL: "https://example.com/b", Body: "x"}, false, Added},
		{"query differs", Article{URL: "https://example.com/a?id=1", Body: "x"}, Article{URL: "https://example.com/a?id=2", Body: "x"}, false, Added},
		// An explicit id wins over a URL match.
		{"explicit other id", Article{ID: "one", URL: "https://example.com/a", Body: "x"}, Article{ID: "two", URL: "https://example.com/a", Body: "x"}, false, Added},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, b.newDSN(t))
			ctx := context.Background()
			first, second := tt.first, tt.second
			if _, err := s.Put(ctx, &first); err != nil {
				t.Fatal(err)
			}
			r, err := s.Put(ctx, &second)
			if err != nil {
				t.Fatal(err)
			}
			if r != tt.want {
				t.Errorf("second put = %v, want %v", r, tt.want)
			}
			if (first.ID == second.ID) != tt.same {
				t.Errorf("ids %q and %q, want same=%v", first.ID, second.ID, tt.same)
			}
			if first.ID == "" || second.ID == "" {
				t.Errorf("ids not filled: %q %q", first.ID, second.ID)
			}
			n, err := s.Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if want := map[bool]int{true: 1, false: 2}[tt.same]; n != want {
				t.Errorf("Count = %d, want %d", n, want)
			}
		})
	}
}

func TestContentIDs(t *testing.T) { forBackends(t, testContentIDs) }

func testContentIDs(t *testing.T, b backend) {
	s := openTest(t, b.newDSN(t))
	ctx := context.Background()
	puts := []Article{
		{Title: "A", Body: "one"},
		{Title: "A", Body: "one"},              // same text: same article
		{Title: "A", Body: "two"},              // other body: other article
		{Title: "B", Body: "one"},              // other title: other article
		{Title: "A", Body: "one", Source: "S"}, // same id from title+body; other content: update
	}
	var ids []string
	var results []PutResult
	for _, a := range puts {
		r, err := s.Put(ctx, &a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
		results = append(results, r)
	}
	if diff := cmp.Diff([]PutResult{Added, Unchanged, Added, Added, Updated}, results); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	wantIDs := []string{ContentID("A", "one"), ContentID("A", "one"), ContentID("A", "two"), ContentID("B", "one"), ContentID("A", "one")}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	for _, id := range ids {
		if len(id) != len("sha-")+16 || id[:4] != "sha-" {
			t.Errorf("id %q is not sha- and 16 hex digits", id)
		}
	}
	if ContentID("ab", "c") == ContentID("a", "bc") {
		t.Error("ContentID does not separate title from body")
	}
}

func TestDeleteAndRevive(t *testing.T) { forBackends(t, testDeleteAndRevive) }

func testDeleteAndRevive(t *testing.T, be backend) {
	s := openTest(t, be.newDSN(t))
	ctx := context.Background()
	a := Article{ID: "d1", URL: "https://example.com/d1", Title: "T", Body: "B", Authors: []string{"X"}}
	b := article("d2", "other")
	if _, err := s.PutBatch(ctx, []Article{a, b}); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "d1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: err = %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, "d1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: err = %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, "never"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete(never): err = %v, want ErrNotFound", err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count after delete = %d, want 1", n)
	}
	changes, err := s.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Seq: 2, ID: "d2", Article: b},
		{Seq: 3, ID: "d1", Deleted: true},
	}
	if diff := cmp.Diff(want, changes); diff != "" {
		t.Errorf("Changes (-want +got):\n%s", diff)
	}

	// Putting the same content again brings it back, with a new seq.
	again := a
	r, err := s.Put(ctx, &again)
	if err != nil {
		t.Fatal(err)
	}
	if r != Added {
		t.Errorf("revive = %v, want added", r)
	}
	got, err := s.Get(ctx, "d1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, got); diff != "" {
		t.Errorf("revived (-want +got):\n%s", diff)
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Errorf("Count after revive = %d, want 2", n)
	}
	changes, err = s.Changes(ctx, 3, 10)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Change{{Seq: 4, ID: "d1", Article: a}}, changes); diff != "" {
		t.Errorf("Changes after revive (-want +got):\n%s", diff)
	}

	// A deleted article's URL still leads to its id.
	if err := s.Delete(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	byURL := Article{URL: "https://example.com/d1/", Body: "new text"}
	if r, err := s.Put(ctx, &byURL); err != nil || r != Added || byURL.ID != "d1" {
		t.Errorf("put by URL of deleted = %v, %q, %v; want added, d1, nil", r, byURL.ID, err)
	}
}

func TestChangesPaging(t *testing.T) { forBackends(t, testChangesPaging) }

func testChangesPaging(t *testing.T, b backend) {
	s := openTest(t, b.newDSN(t))
	ctx := context.Background()
	var batch []Article
	for i := range 25 {
		batch = append(batch, article(fmt.Sprintf("p%02d", i), fmt.Sprintf("body %d", i)))
	}
	if _, err := s.PutBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	// Rewrite p03 and delete p07: they move to the end of the feed.
	p03 := article("p03", "rewritten")
	if r, err := s.Put(ctx, &p03); err != nil || r != Updated {
		t.Fatalf("update p03 = %v, %v", r, err)
	}
	if err := s.Delete(ctx, "p07"); err != nil {
		t.Fatal(err)
	}

	var ids []string
	var after int64
	pages := 0
	for {
		page, err := s.Changes(ctx, after, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		if len(page) > 10 {
			t.Fatalf("page of %d changes, limit 10", len(page))
		}
		pages++
		for _, c := range page {
			if c.Seq <= after {
				t.Fatalf("seq %d after %d: not increasing", c.Seq, after)
			}
			after = c.Seq
			id := c.ID
			if c.Deleted {
				id += " deleted"
			} else if c.Article.ID != c.ID {
				t.Errorf("change %d: Article.ID %q, ID %q", c.Seq, c.Article.ID, c.ID)
			}
			ids = append(ids, id)
		}
	}
	var want []string
	for i := range 25 {
		if i != 3 && i != 7 {
			want = append(want, fmt.Sprintf("p%02d", i))
		}
	}
	want = append(want, "p03", "p07 deleted")
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("feed (-want +got):\n%s", diff)
	}
	if pages != 3 {
		t.Errorf("%d pages, want 3", pages)
	}
	last, err := s.LastSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if last != 27 || after != last {
		t.Errorf("LastSeq = %d, last change %d; want 27", last, after)
	}
	if n, _ := s.Count(ctx); n != 24 {
		t.Errorf("Count = %d, want 24", n)
	}
}

func TestPutBatch(t *testing.T) { forBackends(t, testPutBatch) }

func testPutBatch(t *testing.T, b backend) {
	s := openTest(t, b.newDSN(t))
	ctx := context.Background()
	batch := []Article{
		article("b1", "one"),
		{URL: "https://example.com/x", Body: "by url"},
		{Title: "no id", Body: "by content"},
		{URL: "https://example.com/x/", Body: "by url, again"}, // matches the second, inside the batch
		article("b1", "one"),                                   // repeats the first, inside the batch
	}
	results, err := s.PutBatch(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]PutResult{Added, Added, Added, Updated, Unchanged}, results); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	wantIDs := []string{"b1", URLID("https://example.com/x"), ContentID("no id", "by content"), URLID("https://example.com/x"), "b1"}
	var ids []string
	for _, a := range batch {
		ids = append(ids, a.ID)
	}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if n, _ := s.Count(ctx); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}

	// Count of an empty store, and an empty batch.
	empty := openTest(t, b.newDSN(t))
	if n, err := empty.Count(ctx); n != 0 || err != nil {
		t.Errorf("empty Count = %d, %v", n, err)
	}
	if seq, err := empty.LastSeq(ctx); seq != 0 || err != nil {
		t.Errorf("empty LastSeq = %d, %v", seq, err)
	}
	if r, err := empty.PutBatch(ctx, nil); len(r) != 0 || err != nil {
		t.Errorf("PutBatch(nil) = %v, %v", r, err)
	}
}

func TestPutBatchRollsBack(t *testing.T) { forBackends(t, testPutBatchRollsBack) }

func testPutBatchRollsBack(t *testing.T, b backend) {
	s := openTest(t, b.newDSN(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	batch := []Article{{Title: "t", Body: "b"}}
	if _, err := s.PutBatch(ctx, batch); err == nil {
		t.Fatal("PutBatch with a cancelled context succeeded")
	}
	if batch[0].ID != "" {
		t.Errorf("ID %q filled by a failed batch", batch[0].ID)
	}
	if n, _ := s.Count(context.Background()); n != 0 {
		t.Errorf("Count = %d after a failed batch", n)
	}
}

// TestConcurrentStores writes from two Stores on one directory at once, as
// a server and a `cuttings ingest` in two processes would.
func TestConcurrentStores(t *testing.T) { forBackends(t, testConcurrentStores) }

func testConcurrentStores(t *testing.T, b backend) {
	dsn := b.newDSN(t)
	ctx := context.Background()
	const perWriter, batchSize = 2000, 250
	stores := []*Store{openTest(t, dsn), openTest(t, dsn)}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w, s := range stores {
		wg.Go(func() {
			for start := 0; start < perWriter; start += batchSize {
				var batch []Article
				for i := start; i < start+batchSize; i++ {
					batch = append(batch, article(fmt.Sprintf("w%d-%04d", w, i), fmt.Sprintf("writer %d article %d", w, i)))
				}
				if _, err := s.PutBatch(ctx, batch); err != nil {
					errs <- err
					return
				}
			}
		})
		// A reader following the feed meanwhile, as the indexer does.
		wg.Go(func() {
			var after int64
			for range 20 {
				page, err := s.Changes(ctx, after, 500)
				if err != nil {
					errs <- err
					return
				}
				for _, c := range page {
					if c.Seq <= after {
						errs <- fmt.Errorf("seq %d after %d", c.Seq, after)
						return
					}
					after = c.Seq
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, s := range stores {
		n, err := s.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != 2*perWriter {
			t.Errorf("Count = %d, want %d", n, 2*perWriter)
		}
		last, err := s.LastSeq(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if last != 2*perWriter {
			t.Errorf("LastSeq = %d, want %d (one seq per write, none reused)", last, 2*perWriter)
		}
	}
	for w := range 2 {
		for i := range perWriter {
			id := fmt.Sprintf("w%d-%04d", w, i)
			a, err := stores[1-w].Get(ctx, id)
			if err != nil {
				t.Fatalf("Get(%s): %v", id, err)
			}
			if want := fmt.Sprintf("writer %d article %d", w, i); a.Body != want {
				t.Fatalf("Get(%s).Body = %q, want %q", id, a.Body, want)
			}
		}
	}
}

// BenchmarkPutBatch writes batches of 500 new articles of about the size of
// a BBC story (2 KB); ns/op is per batch. In "copies" every article has
// the same body, as a wire story run by many outlets; in "distinct" each
// has its own, which the store must compress and keep whole.
func BenchmarkPutBatch(b *testing.B) {
	body := strings.Repeat("A sentence of an ordinary news story, said a spokesman. ", 36)
	for _, bench := range []struct {
		name string
		body func(n int) string
	}{
		{"copies", func(int) string { return body }},
		{"distinct", func(n int) string { return fmt.Sprintf("Story %d. %s Filed as story %d.", n, body, n) }},
	} {
		b.Run(bench.name, func(b *testing.B) {
			s, err := Open(context.Background(), b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			n := 0
			batch := make([]Article, 500)
			for b.Loop() {
				for i := range batch {
					n++
					batch[i] = Article{ID: fmt.Sprintf("bench-%d", n), Title: "Title", Body: bench.body(n), Language: "en"}
				}
				if _, err := s.PutBatch(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkBodies reads the bodies of 500 articles at once, as a phrase
// search checks its candidates, from a store of 20,000 whose bodies are a
// quarter copies of another's; ns/op is per 500.
func BenchmarkBodies(b *testing.B) {
	s, err := Open(context.Background(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	body := strings.Repeat("A sentence of an ordinary news story, said a spokesman. ", 36)
	const n = 20000
	ids := make([]string, n)
	batch := make([]Article, 0, 500)
	for i := range n {
		ids[i] = fmt.Sprintf("bench-%d", i)
		story := i
		if i%4 == 3 {
			story = i - 1 // a copy of the article before
		}
		batch = append(batch, Article{ID: ids[i], Title: "Title", Body: fmt.Sprintf("Story %d. %s Filed as story %d.", story, body, story)})
		if len(batch) == cap(batch) {
			if _, err := s.PutBatch(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	page := make([]string, 500)
	next := 0
	for b.Loop() {
		for i := range page {
			page[i] = ids[(next*7919)%n] // spread over the store
			next++
		}
		got, err := s.Bodies(ctx, page)
		if err != nil || len(got) == 0 {
			b.Fatal(len(got), err)
		}
	}
}
