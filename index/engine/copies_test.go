package engine

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// wireStory is an agency story about a harbour wall, run by three papers
// with small edits (the store grouped them: w2 and w3 name w1 as their
// group), beside two stories of their own.
func wireStory() []testDoc {
	body := "The harbour wall at Porthcove will be rebuilt before winter, the council said on Monday. " +
		"Keir Starmer visited the town. \"We will rebuild the wall,\" Keir Starmer said."
	people := []extract.Person{{Name: "Keir Starmer", Mentions: 2}, {Name: "Jane Trelawny", Mentions: 1}}
	quote := []extract.Quote{{Text: "We will rebuild the wall,", Speaker: "Keir Starmer", SpeakerType: extract.SpeakerPerson}}
	topics := []extract.Topic{{Label: "politics", Score: 0.9}}
	doc := func(id, group, source, day, body string, people []extract.Person) testDoc {
		return testDoc{ID: id, Article: store.Article{ID: id, Group: group, Title: "Harbour wall to be rebuilt", Body: body,
			Source: source, URL: "https://example.test/" + id, Published: date(day)},
			Enrichment: extract.Enrichment{People: people, Topics: topics, Quotes: quote,
				Countries: []extract.Country{{Code: "GB", Mentions: 1}}}}
	}
	return []testDoc{
		doc("w1", "", "Wire Daily", "2024-03-01", body, people),
		// Extended: longer, so it ranks after w1 by relevance.
		doc("w2", "w1", "The Chronicle", "2024-03-02", body+" Work starts in May.", people),
		doc("w3", "w1", "Northern Post", "2024-03-03", body+" Tenders for the stonework close in April next year.", people),
		{ID: "s1", Article: store.Article{ID: "s1", Title: "Harbour fees rise", Source: "The Chronicle", Published: date("2024-03-04"),
			Body: "Harbour fees at Porthcove rise in April. Keir Starmer was not asked."},
			Enrichment: extract.Enrichment{People: people[:1], Topics: topics}},
		{ID: "s2", Article: store.Article{ID: "s2", Title: "Budget talks", Source: "Wire Daily", Published: date("2024-02-01"),
			Body: "The budget talks went on late into the night."},
			Enrichment: extract.Enrichment{Topics: []extract.Topic{{Label: "economy, business and finance", Score: 0.8}}}},
	}
}

// facetCount is the count of one facet value, 0 when it is not listed.
func facetCount(r *Result, facet, value string) int {
	for _, v := range r.Facets[facet] {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}

func copyIDs(h Hit) []string {
	var out []string
	for _, c := range h.Copies {
		out = append(out, c.ID+"@"+c.Source)
	}
	return out
}

// TestCopies checks that a story run by three papers is one hit, named by
// its best-ranked copy, with the others as its copies; that facets count it
// once, but for the source facet, which counts every copy; and that asking
// for every copy shows and counts each.
func TestCopies(t *testing.T) {
	ix := newTestIndex(t, wireStory())
	ctx := context.Background()
	search := func(q Query) *Result {
		t.Helper()
		r, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	// The copies say "harbour" as often, and w1 is the shortest: the
	// story's best-ranked copy. s1 is shorter still.
	r := search(Query{Text: "harbour"})
	if diff := cmp.Diff([]string{"s1", "w1"}, hitIDs(r)); diff != "" {
		t.Errorf("hits (-want +got):\n%s", diff)
	}
	if r.Total != 2 || r.Matches != 4 {
		t.Errorf("total %d, matches %d; want 2 stories of 4 articles", r.Total, r.Matches)
	}
	if len(r.Hits) == 2 {
		if diff := cmp.Diff([]string{"w2@The Chronicle", "w3@Northern Post"}, copyIDs(r.Hits[1])); diff != "" {
			t.Errorf("copies of w1 (-want +got):\n%s", diff)
		}
		if r.Hits[1].Group != "w1" || len(r.Hits[0].Copies) != 0 || r.Hits[0].Group != "s1" {
			t.Errorf("hits' groups %q and %q (s1 with %d copies); want s1, with none, and w1", r.Hits[0].Group, r.Hits[1].Group, len(r.Hits[0].Copies))
		}
		if h := r.Hits[1]; h.CopyCount != 2 || !slices.Equal(h.CopySources, []string{"The Chronicle", "Northern Post"}) {
			t.Errorf("w1: %d other copies from %q; want 2 from The Chronicle and Northern Post", h.CopyCount, h.CopySources)
		}
	}
	// A hit names only the first copies to run, and counts them all.
	defer func(n int) { listedCopies = n }(listedCopies)
	listedCopies = 1
	if r := search(Query{Text: "harbour"}); len(r.Hits) == 2 {
		h := r.Hits[1]
		if diff := cmp.Diff([]string{"w2@The Chronicle"}, copyIDs(h)); diff != "" || h.CopyCount != 2 || len(h.CopySources) != 2 {
			t.Errorf("w1 with one copy listed: copies %v, %d counted from %q; want w2 of 2 from two sources", copyIDs(h), h.CopyCount, h.CopySources)
		}
	}
	// The newest copy stands for the story on a sort by date: the first
	// two to run are both other copies, and one is named.
	for _, h := range search(Query{Text: "harbour", Sort: SortNewest}).Hits {
		if h.Group == "w1" && (h.ID == "w1" || len(h.Copies) != 1 || h.CopyCount != 2 || h.Copies[0].ID != "w1") {
			t.Errorf("%s, newest: copies %v, %d counted; want another than w1, naming w1 of 2", h.ID, copyIDs(h), h.CopyCount)
		}
	}
	listedCopies = 10
	counts := []struct {
		facet, value string
		once, all    int
	}{
		// Each paper ran the story: The Chronicle ran it and s1.
		{FacetSource, "The Chronicle", 2, 2},
		{FacetSource, "Northern Post", 1, 1},
		{FacetSource, "Wire Daily", 1, 1},
		// The story once, and s1.
		{FacetPerson, "Keir Starmer", 2, 4},
		{FacetPerson, "Jane Trelawny", 1, 3},
		{FacetTopic, "politics", 2, 4},
		{FacetCountry, "GB", 1, 3},
	}
	all := search(Query{Text: "harbour", AllCopies: true})
	for _, c := range counts {
		if got := facetCount(r, c.facet, c.value); got != c.once {
			t.Errorf("%s %s counted %d times; want %d (each story once)", c.facet, c.value, got, c.once)
		}
		if got := facetCount(all, c.facet, c.value); got != c.all {
			t.Errorf("%s %s counted %d times with every copy; want %d", c.facet, c.value, got, c.all)
		}
	}
	if len(r.Dates) != 1 || r.Dates[0].Count != 2 || len(all.Dates) != 1 || all.Dates[0].Count != 4 {
		t.Errorf("dates %v, every copy %v; want 2024: 2 and 4", r.Dates, all.Dates)
	}
	if diff := cmp.Diff([]string{"s1", "w1", "w2", "w3"}, hitIDs(all)); diff != "" {
		t.Errorf("every copy: hits (-want +got):\n%s", diff)
	}
	if all.Total != 4 || all.Matches != 4 || len(all.Hits[0].Copies) != 0 {
		t.Errorf("every copy: total %d, matches %d, %d copies on a hit; want 4, 4, none", all.Total, all.Matches, len(all.Hits[0].Copies))
	}

	// By date, a story is its newest copy (or oldest); the home page
	// (read from the date key) and a filtered search agree.
	for _, tt := range []struct {
		q    Query
		want []string
	}{
		{Query{Sort: SortNewest}, []string{"s1", "w3", "s2"}},
		{Query{Sort: SortOldest}, []string{"s2", "w1", "s1"}},
		{Query{Sort: SortNewest, From: date("2000-01-01")}, []string{"s1", "w3", "s2"}},
		{Query{Sort: SortNewest, Size: 1, Page: 2}, []string{"w3"}},
		{Query{}, []string{"s1", "s2", "w1"}}, // index order: by id
		{Query{Sort: SortNewest, AllCopies: true}, []string{"s1", "w3", "w2", "w1", "s2"}},
		{Query{Filters: map[string][]string{FacetGroup: {"w1"}}, AllCopies: true, Sort: SortOldest}, []string{"w1", "w2", "w3"}},
		{Query{Text: "group:w1", AllCopies: true, Sort: SortOldest}, []string{"w1", "w2", "w3"}},
		{Query{Filters: map[string][]string{FacetSource: {"Northern Post"}}}, []string{"w3"}},
	} {
		t.Run(fmt.Sprintf("%+v", tt.q), func(t *testing.T) {
			r := search(tt.q)
			if diff := cmp.Diff(tt.want, hitIDs(r)); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
		})
	}
	home := search(Query{Sort: SortNewest})
	if home.Total != 3 || home.Matches != 5 || facetCount(home, FacetPerson, "Keir Starmer") != 2 || facetCount(home, FacetSource, "Wire Daily") != 2 {
		t.Errorf("home page: total %d, matches %d, facets %v; want 3 stories of 5, Keir Starmer 2, Wire Daily 2", home.Total, home.Matches, home.Facets)
	}

	// A quotation quoted by each copy is one, named by its copies.
	q := search(Query{Text: "rebuild", Quotes: true})
	if len(q.Hits) != 1 || q.Total != 1 || q.Matches != 3 || facetCount(q, FacetSpeaker, "Keir Starmer") != 1 {
		t.Fatalf("quotes: hits %v, total %d, matches %d, speakers %v; want one of three, Keir Starmer once", hitIDs(q), q.Total, q.Matches, q.Facets[FacetSpeaker])
	}
	// The copies quote it alike: whichever is the hit, the others are its
	// copies.
	got := append(copyIDs(q.Hits[0]), q.Hits[0].ID+"@"+q.Hits[0].Source)
	slices.Sort(got)
	if diff := cmp.Diff([]string{"w1@Wire Daily", "w2@The Chronicle", "w3@Northern Post"}, got); diff != "" {
		t.Errorf("the quotation and its copies (-want +got):\n%s", diff)
	}
	if q := search(Query{Text: "rebuild", Quotes: true, AllCopies: true}); len(q.Hits) != 3 || facetCount(q, FacetSpeaker, "Keir Starmer") != 3 {
		t.Errorf("quotes, every copy: hits %v, speakers %v; want three", hitIDs(q), q.Facets[FacetSpeaker])
	}
}

// copiedIndex indexes the project's test articles and copies of them in
// batches (so that a story's copies lie in several segments): every third
// article run again, whole, by another paper, and every fifth cut to its
// first paragraph by a third; then deletes a few, the first copy of a
// story among them.
func copiedIndex(t *testing.T) (*testIndex, []store.Article) {
	t.Helper()
	arts := loadTestArticles(t)
	var all []store.Article
	all = append(all, arts...)
	for i, a := range arts {
		if i%3 == 0 {
			c := a
			c.ID, c.Group, c.Source = a.ID+"-copy", a.ID, "Copy Courier"
			all = append(all, c)
		}
		if i%5 == 0 {
			c := a
			c.ID, c.Group, c.Source = a.ID+"-cut", a.ID, "Cut Gazette"
			c.Body, _, _ = strings.Cut(a.Body, "\n\n")
			all = append(all, c)
		}
	}
	docs := extracted(all)
	ix := newTestIndex(t, nil)
	ctx := context.Background()
	for i := 0; i < len(docs); i += 13 {
		if err := ix.Apply(ctx, docs[i:min(i+13, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	ix.bodies = docBodies(docs)
	gone := []testDoc{{ID: arts[0].ID, Deleted: true}, {ID: arts[7].ID, Deleted: true}, {ID: arts[9].ID + "-copy", Deleted: true}}
	if err := ix.Apply(ctx, gone); err != nil {
		t.Fatal(err)
	}
	return ix, all
}

// TestCopiesAgree checks the one-word search (postings walked, or impact
// lists for pages of stories cut at a depth of ten) against the general
// one on an index of copies, each story once and every copy.
func TestCopiesAgree(t *testing.T) {
	defer func(d int, m uint64) { impactDepth, impactMinDocs = d, m }(impactDepth, impactMinDocs)
	for _, impacts := range []bool{false, true} {
		if impacts {
			impactDepth, impactMinDocs = 10, 1
		}
		ix, arts := copiedIndex(t)
		for _, allCopies := range []bool{false, true} {
			t.Run(fmt.Sprintf("impacts=%v all=%v", impacts, allCopies), func(t *testing.T) {
				wordSearchesAgree(t, ix, arts, allCopies)
			})
		}
	}
}

// TestCopiesDatePages checks pages of stories read from the date key
// against the general search of the same (a date range that holds
// everything sends it the general way), page by page, small pages and one
// that holds every story.
func TestCopiesDatePages(t *testing.T) {
	ix, _ := copiedIndex(t)
	ctx := context.Background()
	for _, tt := range []struct {
		sort string
		size int
	}{{SortNewest, 7}, {SortOldest, 7}, {SortNewest, 100}} {
		sort, size := tt.sort, tt.size
		var seen []string
		for page := 1; ; page++ {
			q := Query{Sort: sort, Size: size, Page: page}
			key, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			q.From = date("1900-01-01")
			general, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(hitIDs(general), hitIDs(key)); diff != "" {
				t.Errorf("%s page %d (-general +date key):\n%s", sort, page, diff)
			}
			if key.Total != general.Total || key.Matches != general.Matches {
				t.Errorf("%s: total %d of %d, general %d of %d", sort, key.Total, key.Matches, general.Total, general.Matches)
			}
			for _, h := range key.Hits {
				if slices.Contains(seen, h.Group) {
					t.Errorf("%s page %d: story %s shown twice", sort, page, h.Group)
				}
				seen = append(seen, h.Group)
			}
			if len(key.Hits) < size {
				if uint64(len(seen)) != key.Total {
					t.Errorf("%s: %d stories on the pages, total %d", sort, len(seen), key.Total)
				}
				break
			}
		}
	}
}

// TestReadCopiesAgree checks the copies read from the segments against the
// search sorted by date they replace, on an index whose stories lie in
// several segments with deletions: the same copies in the same order, for
// a page's stories at once and for each alone, articles and quotations.
func TestReadCopiesAgree(t *testing.T) {
	ix, _ := copiedIndex(t)
	ctx := context.Background()
	for _, quotes := range []bool{false, true} {
		res, err := ix.Search(ctx, Query{Quotes: quotes, Size: 100})
		if err != nil {
			t.Fatal(err)
		}
		field := fieldGroup
		var keys []string
		for _, h := range res.Hits {
			k := h.Group
			if quotes {
				field, k = fieldCopy, quoteCopy(h.Group, h.Quote)
			}
			if h.Group != "" && !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		if len(keys) < 10 {
			t.Fatalf("quotes=%v: %d stories, want a test of more", quotes, len(keys))
		}
		several := 0
		for _, listed := range []int{10, 1} {
			listedCopies = listed
			for _, ks := range append([][]string{keys}, chunks(keys, 1)...) {
				read, err := ix.readCopies(ctx, quotes, field, ks)
				if err != nil {
					t.Fatal(err)
				}
				searched, err := ix.searchCopies(ctx, quotes, field, ks)
				if err != nil {
					t.Fatal(err)
				}
				for _, k := range ks {
					r, s := read[k], searched[k]
					if r == nil || s == nil {
						t.Fatalf("quotes=%v, story %s: read %v, searched %v", quotes, k, r, s)
					}
					if r.count > 1 {
						several++
					}
					if r.count != s.count || !slices.Equal(r.sources, s.sources) {
						t.Errorf("quotes=%v, story %s: read %d copies from %q, searched %d from %q", quotes, k, r.count, r.sources, s.count, s.sources)
					}
					// readCopies may read more than it lists: copies of
					// the same second as the last listed.
					first := r.first[:min(len(r.first), listed+1)]
					if diff := cmp.Diff(copyRows(s.first), copyRows(first)); diff != "" {
						t.Errorf("quotes=%v, story %s, %d listed (-search +read):\n%s", quotes, k, listed, diff)
					}
				}
			}
		}
		listedCopies = 10
		if several == 0 {
			t.Errorf("quotes=%v: no story with more than one copy", quotes)
		}
	}
}

// chunks cuts s into pieces of n.
func chunks(s []string, n int) [][]string {
	var out [][]string
	for len(s) > 0 {
		m := min(n, len(s))
		out = append(out, s[:m])
		s = s[m:]
	}
	return out
}

// copyRows is what a copy shows, one line each.
func copyRows(hits []Hit) []string {
	rows := make([]string, len(hits))
	for i, h := range hits {
		rows[i] = fmt.Sprintf("%s %s %q %s %s %q", h.ID, h.Published.Format(time.RFC3339Nano), h.Title, h.Source, h.URL, h.Quote)
	}
	return rows
}

// TestStoryFacetsOnBitmaps checks the facets of a search of stories
// counted on bitmaps, where a value's count stops at its stories, against
// the general search: stories run by three papers each, naming people of
// a pool of twenty-four, each story more of them than the one before, so
// that more values than a facet lists have counts above one.
func TestStoryFacetsOnBitmaps(t *testing.T) {
	var docs []testDoc
	for s := range 30 {
		var people []extract.Person
		for p := range 1 + s%24 {
			people = append(people, extract.Person{Name: fmt.Sprintf("Person %c%c", 'A'+p, 'a'+(s+p)%5), Mentions: 1})
		}
		group := fmt.Sprintf("story-%02d", s)
		for c := range 3 {
			id := fmt.Sprintf("%s-%d", group, c)
			g := group
			if c == 0 {
				g = ""
				id = group
			}
			docs = append(docs, testDoc{ID: id, Article: store.Article{ID: id, Group: g, Title: "Council report",
				Body: fmt.Sprintf("The council published its report on story %d.", s), Source: fmt.Sprintf("Paper %d", c),
				Published: date("2024-05-01")}, Enrichment: extract.Enrichment{People: people[c%2:]}})
		}
	}
	ix := newTestIndex(t, nil)
	ctx := context.Background()
	for i := 0; i < len(docs); i += 20 {
		if err := ix.Apply(ctx, docs[i:min(i+20, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	ix.bodies = docBodies(docs)
	for _, q := range []Query{{Text: "report"}, {Text: "council", AllCopies: true}, {Text: `"council published"`}} {
		want := agree(t, ix, q, q.Text)
		if n := len(want.Facets[FacetPerson]); n < facetSize || want.Facets[FacetPerson][n-1].Count < 2 {
			t.Errorf("%q: %d people listed, the last counted %v; want %d, above one", q.Text, n, want.Facets[FacetPerson], facetSize)
		}
	}
}
