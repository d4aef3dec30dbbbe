package index

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/index/internal/fixture"
)

// fixtureDocs are the fixture articles (index/internal/fixture) as
// changes of the store, in order.
func fixtureDocs() []Doc {
	var docs []Doc
	for i, a := range fixture.Articles() {
		docs = append(docs, Doc{Seq: int64(i + 1), ID: a.Article.ID, Article: a.Article, Enrichment: a.Enrichment})
	}
	return docs
}

var said = fixture.Said

func newTestIndex(t *testing.T, docs []Doc) *Index {
	t.Helper()
	ix, err := Create(filepath.Join(t.TempDir(), "index-test"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Apply(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	ix.useBodies(docBodies(docs))
	return ix
}

// docBodies stands in for the store as the source of bodies for snippets
// and phrases.
func docBodies(docs []Doc) func(context.Context, []string) (map[string]string, error) {
	byID := map[string]string{}
	for _, d := range docs {
		byID[d.ID] = d.Article.Body
	}
	return fixture.Bodies(byID)
}

func hitIDs(r *Result) []string {
	out := []string{}
	for _, h := range r.Hits {
		if h.QuoteID != "" {
			out = append(out, h.QuoteID)
		} else {
			out = append(out, h.ID)
		}
	}
	return out
}

func TestUpdateReplacesQuotes(t *testing.T) {
	docs := fixtureDocs()
	ix := newTestIndex(t, docs)
	ctx := context.Background()

	// a1 now has one quote, different from both before.
	a1 := docs[0]
	a1.Seq = 10
	a1.Article.Title = "Starmer changes his tune"
	a1.Enrichment.Quotes = []extract.Quote{said("Keir Starmer", "Patience is a virtue")}
	if err := ix.Apply(ctx, []Doc{a1}); err != nil {
		t.Fatal(err)
	}
	r, err := ix.Search(ctx, Query{Quotes: true, Filters: map[string][]string{FacetSpeaker: {"Keir Starmer"}}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"q:a1:0"}, hitIDs(r)); diff != "" {
		t.Errorf("a1 quotes (-want +got):\n%s", diff)
	}
	if r.Hits[0].Quote != "Patience is a virtue" || r.Hits[0].Title != "Starmer changes his tune" {
		t.Errorf("quote hit = %+v", r.Hits[0])
	}
	r, err = ix.Search(ctx, Query{Quotes: true, Filters: map[string][]string{FacetSpeaker: {"Emmanuel Macron"}}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 {
		t.Errorf("the dropped quote q:a1:1 is still found: %v", hitIDs(r))
	}
	if got := ix.LastSeq(); got != 10 {
		t.Errorf("LastSeq = %d, want 10", got)
	}

	// Two changes of one article in one call: the last one wins.
	first, second := docs[1], docs[1]
	first.Seq, second.Seq = 11, 12
	second.Enrichment.Quotes = nil
	second.Article.Title = "Macron leaves Kyiv"
	if err := ix.Apply(ctx, []Doc{first, second}); err != nil {
		t.Fatal(err)
	}
	r, err = ix.Search(ctx, Query{Text: "title:leaves"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a2"}, hitIDs(r)); diff != "" {
		t.Errorf("updated title (-want +got):\n%s", diff)
	}
	r, err = ix.Search(ctx, Query{Quotes: true, Text: "win"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 {
		t.Errorf("a2's quote survived its update: %v", hitIDs(r))
	}
}

func TestDelete(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	ctx := context.Background()
	if err := ix.Apply(ctx, []Doc{{Seq: 20, ID: "a1", Deleted: true}, {Seq: 21, ID: "never-indexed", Deleted: true}}); err != nil {
		t.Fatal(err)
	}
	r, err := ix.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	got := hitIDs(r)
	slices.Sort(got)
	if diff := cmp.Diff([]string{"a2", "a3", "a4"}, got); diff != "" {
		t.Errorf("articles after delete (-want +got):\n%s", diff)
	}
	r, err = ix.Search(ctx, Query{Quotes: true})
	if err != nil {
		t.Fatal(err)
	}
	got = hitIDs(r)
	slices.Sort(got)
	if diff := cmp.Diff([]string{"q:a2:0", "q:a3:0"}, got); diff != "" {
		t.Errorf("quotes after delete (-want +got):\n%s", diff)
	}
	articles, quotes, err := ix.Counts(ctx)
	if err != nil || articles != 3 || quotes != 2 {
		t.Errorf("Counts = %d, %d, %v; want 3, 2", articles, quotes, err)
	}
}

func TestReopenKeepsSeq(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index-1")
	ix, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := fixtureDocs()
	docs[3].Seq = 7
	if err := ix.Apply(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := ix.LastSeq(); got != 7 {
		t.Errorf("LastSeq after reopen = %d, want 7", got)
	}
	if why := ix.Stale(); why != "" {
		t.Errorf("Stale = %q, want \"\"", why)
	}
	r, err := ix.Search(context.Background(), Query{Text: "ukraine"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 {
		t.Errorf("after reopen, ukraine finds %v", hitIDs(r))
	}
}

func TestOpenMissing(t *testing.T) {
	if _, err := Open(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("Open of a missing directory succeeded")
	}
}

// TestSearchLabels: the archive's search gives each country facet value its
// name for a label, which the engine, knowing no names, leaves as the code.
func TestSearchLabels(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	r, err := ix.Search(context.Background(), Query{})
	if err != nil {
		t.Fatal(err)
	}
	want := []FacetValue{
		{Value: "FR", Label: "France", Count: 2},
		{Value: "GB", Label: "United Kingdom", Count: 2},
		{Value: "UA", Label: "Ukraine", Count: 2},
	}
	if diff := cmp.Diff(want, r.Facets[FacetCountry]); diff != "" {
		t.Errorf("country facet (-want +got):\n%s", diff)
	}
}
