package engine

import (
	"fmt"
	"testing"
	"time"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// TestFewByDateStories checks fewByDate where one story's copies are the
// newest matches of a segment, many more than a page: the segment's page
// must go on to other stories, and the search must be answered from the
// matches' dates (not handed to the general way) with the general way's
// page. Undated articles among the matches send the search to the
// general way, which places them.
func TestFewByDateStories(t *testing.T) {
	defer readByDate(true)()
	day := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	var docs []testDoc
	add := func(id, group string, published time.Time) {
		a := store.Article{
			ID: id, Title: "Harbour dispute " + id, Group: group, Source: "Wire", Published: published,
			Body: fmt.Sprintf("The harbour board said on %s that the dispute over berths would go to arbitration.", id),
		}
		docs = append(docs, testDoc{ID: id, Article: a, Enrichment: extract.Extract(a)})
	}
	// Twelve copies of one story, the newest of all; then eight stories
	// of one copy each, a day apart and older.
	for i := range 12 {
		add(fmt.Sprintf("copy-%02d", i), "story-a", day.Add(time.Duration(i)*time.Minute))
	}
	for i := range 8 {
		add(fmt.Sprintf("single-%02d", i), "", day.AddDate(0, 0, -1-i))
	}
	ix := newTestIndex(t, docs)
	for _, q := range []Query{
		{Text: "harbour", Sort: SortNewest, Size: 5},
		{Text: "harbour", Sort: SortOldest, Size: 5},
		{Text: "harbour", Sort: SortNewest, Size: 4, Page: 2},
		{Text: "harbour", Sort: SortNewest, Size: 5, AllCopies: true},
		{Text: "harbour dispute", Sort: SortNewest, Size: 3},
	} {
		what := fmt.Sprintf("%q %s page %d size %d copies=%v", q.Text, q.Sort, q.Page, q.Size, q.AllCopies)
		before := fewByDatePages.Load()
		got := agree(t, ix, q, what)
		if fewByDatePages.Load() == before {
			t.Errorf("%s: not read from the matches' dates", what)
		}
		if q.Sort == SortNewest && !q.AllCopies && q.Page < 2 && (len(got.Hits) == 0 || got.Hits[0].Group != "story-a") {
			t.Errorf("%s: the newest story is not first: %+v", what, got.Hits)
		}
	}

	// Undated articles among the matches: the general way.
	add("undated-1", "", time.Time{})
	add("undated-2", "", time.Time{})
	ix = newTestIndex(t, docs)
	for _, sort := range []string{SortNewest, SortOldest} {
		q := Query{Text: "harbour", Sort: sort, Size: 30}
		if sort == SortNewest {
			q.Size = 5 // a page the dated articles fill
		}
		before := fewByDatePages.Load()
		got := agree(t, ix, q, "with undated articles, "+sort)
		if fewByDatePages.Load() != before {
			t.Errorf("%s: with undated articles among the matches, read from their dates", sort)
		}
		if want := min(q.Size, 11); len(got.Hits) != want {
			t.Errorf("%s: %d hits, want %d of the 11 stories", sort, len(got.Hits), want)
		}
	}
}

// TestDateWay: a page of twenty stories sorted by date, over 31 years of
// dates, at the limits as they are.
func TestDateWay(t *testing.T) {
	for _, c := range []struct {
		matches, stories uint64
		years            int
		want             int
	}{
		{854, 170, 31, byFew},         // a phrase in few stories of many copies: keyPage might read ~1,300 days
		{8500, 190, 31, byFew},        // the same at a million articles
		{7116, 1549, 31, byKey},       // a word in many stories: ~150 days at most
		{39918, 8705, 31, byKey},      // more matches than byDateFew
		{39500, 850, 31, byKey},       // too many to sort: the days, whatever they are
		{40000, 100, 31, byKey},       // likewise
		{854, 170, 0, byGeneral},      // no dates
		{1 << 20, 1 << 18, 31, byKey}, // a common word
		{30000, 29000, 31, byKey},     // many stories: a few days
		{4197, 905, 31, byKey},        // 54 to 250 days, but more matches than twelve a day
		{2000, 905, 31, byFew},        // fewer
		{100, 100, 31, byFew},         // few matches
		{1000, 1000, 31, byFew},       // 227 days either way
	} {
		if got := dateWay(c.matches, c.stories, 20, c.years); got != c.want {
			t.Errorf("dateWay(%d matches, %d stories, %d years) = %d, want %d", c.matches, c.stories, c.years, got, c.want)
		}
	}
}

// readByDate has the ways that read a page sorted by date read it from the
// matches' dates (fewByDate), or else from the date key day by day
// (keyPage), whatever the matches; it returns what puts the limits back.
func readByDate(few bool) (restore func()) {
	f, d := byDateFew, byDateDays
	if few {
		byDateFew, byDateDays = 1<<40, 0
	} else {
		byDateFew, byDateDays = 0, 1<<40
	}
	return func() { byDateFew, byDateDays = f, d }
}
