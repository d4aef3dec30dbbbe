package engine

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// TestFacetCountsFollowIndex checks that the counts of the query with no
// text, which are kept between searches, change when the index does, and
// that counts over many segments (one per Apply) add up exactly.
func TestFacetCountsFollowIndex(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	ctx := context.Background()
	sources := func(q Query) map[string]int {
		t.Helper()
		r, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, v := range r.Facets[FacetSource] {
			out[v.Value] = v.Count
		}
		return out
	}
	before := sources(Query{})
	if again := sources(Query{}); !cmp.Equal(before, again) {
		t.Fatalf("kept counts differ: %v, then %v", before, again)
	}
	want := map[string]int{}
	for k, v := range before {
		want[k] = v
	}
	for i := range 12 {
		id := fmt.Sprintf("extra-%d", i)
		src := []string{"Wire A", "Wire B", "Wire C"}[i%3]
		doc := testDoc{ID: id, Article: store.Article{ID: id, Title: "Extra", Source: src, Body: "Harbour news."}}
		if err := ix.Apply(ctx, []testDoc{doc}); err != nil {
			t.Fatal(err)
		}
		want[src]++
		if diff := cmp.Diff(want, sources(Query{})); diff != "" {
			t.Fatalf("after %d more articles, source counts (-want +got):\n%s", i+1, diff)
		}
	}
	if diff := cmp.Diff(map[string]int{"Wire A": 4}, sources(Query{Filters: map[string][]string{FacetSource: {"Wire A"}}})); diff != "" {
		t.Errorf("filtered source counts (-want +got):\n%s", diff)
	}
	if err := ix.Apply(ctx, []testDoc{{ID: "extra-0", Deleted: true}}); err != nil {
		t.Fatal(err)
	}
	want["Wire A"]--
	if diff := cmp.Diff(want, sources(Query{})); diff != "" {
		t.Errorf("after a delete, source counts (-want +got):\n%s", diff)
	}
}

// TestHomePageUndated checks that a date-sorted page of everything, which
// is read from the date key's postings once the counts are kept, is the page
// the full search finds, with the full total, where pages reach the
// undated documents (which sort last either way).
func TestHomePageUndated(t *testing.T) {
	var docs []testDoc
	for i := range 40 {
		id := fmt.Sprintf("n%02d", i)
		a := store.Article{ID: id, Title: "Article", Source: "Wire", Body: "Harbour news.",
			Published: date("2001-01-01").AddDate(i%9, i%12, i)}
		if i%10 == 7 {
			a.Published = time.Time{} // undated: sorts last either way
		}
		docs = append(docs, testDoc{ID: id, Article: a})
	}
	checkDatePages(t, newTestIndex(t, docs), false, 8, 5)
}

// checkDatePages compares pages 1 to pages of size documents of everything,
// newest and oldest first, with the same pages of a search filtered to the
// one source every document has (which the general search answers).
func checkDatePages(t *testing.T, ix *testIndex, quotes bool, pages, size int) {
	t.Helper()
	ctx := context.Background()
	for _, sort := range []string{SortNewest, SortOldest} {
		for page := 1; page <= pages; page++ {
			all := Query{Sort: sort, Page: page, Size: size, Quotes: quotes}
			filtered := all
			filtered.Filters = map[string][]string{FacetSource: {"Wire"}}
			want, err := ix.Search(ctx, filtered)
			if err != nil {
				t.Fatal(err)
			}
			for range 2 { // counting, then from the kept counts
				got, err := ix.Search(ctx, all)
				if err != nil {
					t.Fatal(err)
				}
				if got.Total != want.Total {
					t.Errorf("quotes %v %s page %d: total %d, want %d", quotes, sort, page, got.Total, want.Total)
				}
				// Every field a hit shows, read from its segment here and
				// by Bleve's search there.
				if diff := cmp.Diff(want.Hits, got.Hits, cmpopts.IgnoreUnexported(Hit{})); diff != "" {
					t.Errorf("quotes %v %s page %d (-want +got):\n%s", quotes, sort, page, diff)
				}
			}
		}
	}
}

// TestHomePageDense checks the home page read from the date key's postings
// where a year holds far more documents than a page: it must be the full
// search's, with quotes sharing their articles' dates, ties on one date, and
// some articles deleted after their dates were counted.
func TestHomePageDense(t *testing.T) {
	var docs []testDoc
	for i := range 400 {
		id := fmt.Sprintf("w%03d", i)
		a := store.Article{ID: id, Title: "Article", Source: "Wire",
			Body:      `"We will rebuild the harbour," the mayor said.`,
			Published: date("2019-01-01").AddDate(0, 0, i*2).Add(time.Duration(i%3) * time.Hour)}
		if i%50 == 0 {
			a.Published = date("2020-12-31") // ties on the last day
		}
		docs = append(docs, testDoc{ID: id, Article: a, Enrichment: extract.Extract(a)})
	}
	ix := newTestIndex(t, docs)
	var gone []testDoc
	for i := 390; i < 400; i++ {
		gone = append(gone, testDoc{ID: fmt.Sprintf("w%03d", i), Deleted: true})
	}
	if err := ix.Apply(context.Background(), gone); err != nil {
		t.Fatal(err)
	}
	for _, quotes := range []bool{false, true} {
		checkDatePages(t, ix, quotes, 40, 10)
	}
}

// TestKeepWarm checks that a served index reads the facet tables of new
// segments in the background, before any search asks for them.
func TestKeepWarm(t *testing.T) {
	ix := newTestIndex(t, []testDoc{{ID: "a", Article: store.Article{ID: "a", Title: "One", Body: "Harbour news.", Source: "Wire"}}})
	ix.KeepWarm(nil)
	// The home page's counts are kept for the index as it is.
	waitFor(t, "the home page's counts to be kept", func() bool { return ix.keptAll(allKind(Query{})) })
	if err := ix.Apply(context.Background(), []testDoc{{ID: "b", Article: store.Article{ID: "b", Title: "Two", Body: "More harbour news.", Source: "Wire"}}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the new segment's facet tables to be read", func() bool {
		ix.facets.mu.Lock()
		defer ix.facets.mu.Unlock()
		n := 0
		for _, sf := range ix.facets.tables {
			if sf.off != nil {
				n++
			}
		}
		return n > 0 && n == len(ix.facets.tables)
	})
	// Counted again for the changed index (by the search, or by the
	// warmer, which recounts at most every 10s).
	r, err := ix.Search(context.Background(), Query{Sort: SortNewest})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 || !ix.keptAll(allKind(Query{})) {
		t.Errorf("home page total %d, kept %v; want 2, kept", r.Total, ix.keptAll(allKind(Query{})))
	}
	// The test's cleanup closes the index, which stops the warmer.
}
