package index

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEach: an export lists every hit of a query once, in the order the
// pages of Search list them, across chunk boundaries, for every sort.
func TestEach(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	a := openTestArchive(t, dir, st)
	putArticles(t, st, syntheticArticles(60))
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	oldFirst, old := firstExportChunk, exportChunk
	firstExportChunk, exportChunk = 3, 7 // chunks of 3, 6, 7, 7, ...
	t.Cleanup(func() { firstExportChunk, exportChunk = oldFirst, old })

	for _, q := range []Query{
		{},
		{Sort: SortNewest},
		{Sort: SortOldest, Filters: map[string][]string{FacetSource: {"The Ledger"}}},
		{Text: "harbour day"},
		{Text: "report", Sort: SortNewest},
		{Quotes: true, Sort: SortNewest},
		{Quotes: true, Text: "calm"},
	} {
		var want []string
		for page := 1; ; page++ {
			pq := q
			pq.Page, pq.Size = page, 10
			r, err := a.Search(ctx, pq)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range r.Hits {
				want = append(want, h.ID+"/"+h.QuoteID)
			}
			if len(r.Hits) < 10 {
				break
			}
		}
		var got []string
		err := a.Each(ctx, q, func(h Hit) error {
			if q.Quotes && h.Title == "" {
				t.Errorf("%+v: quote hit %s without its article's title", q, h.QuoteID)
			}
			got = append(got, h.ID+"/"+h.QuoteID)
			return nil
		})
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		if len(want) == 0 {
			t.Errorf("%+v: no hits to compare", q)
		}
		// Relevance ties may fall either way between the two; the set
		// must be the same and, for a date sort, the order too.
		if q.Text != "" && q.Sort == "" {
			if diff := cmp.Diff(sortedIDs(want), sortedIDs(got)); diff != "" {
				t.Errorf("%+v: exported hits (-search +each):\n%s", q, diff)
			}
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%+v: exported hits (-search +each):\n%s", q, diff)
		}
	}

	if err := a.Each(ctx, Query{Sort: "sideways"}, func(Hit) error { return nil }); err == nil {
		t.Error("an unknown sort: no error")
	}
}

func sortedIDs(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
