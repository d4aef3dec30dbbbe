package engine

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cuttings/cuttings/index/extract"
)

// TestOnePhraseAgrees checks the phrase search ranked from the segments
// (onephrase.go) against the general one on an index of several segments
// with deletions: the same total and matches, the same page in the same
// order with the same scores, the same facets and snippets, for each story
// once and every copy, filtered, on a later page, in date ranges, and
// sorted by date. Some phrase cases come
// in copies of one story from two sources, so that some phrases match
// enough articles to be counted on bitmaps, and copies are collapsed.
func TestOnePhraseAgrees(t *testing.T) {
	arts := append(loadTestArticles(t), phraseCases...)
	copied := map[string]bool{"pc-title": true, "pc-body": true, "pc-split": true, "pc-split2": true,
		"pc-quote": true, "pc-apart": true, "pc-chain": true, "pc-chain2": true}
	for c := range 8 {
		for _, a := range phraseCases {
			if !copied[a.ID] {
				continue
			}
			a.ID, a.Group = fmt.Sprintf("%s-copy%d", a.ID, c), a.ID
			a.Source = []string{"Wire A", "Wire B"}[c%2]
			arts = append(arts, a)
		}
	}
	all := extracted(arts)
	// The copied stories name people and organisations, not all copies
	// the same ones: the facets counted on bitmaps have values to count,
	// and a story counts under the values of its first copy met.
	people := []string{"Ana Ruiz", "Tom Hale", "Maria Lopez"}
	orgs := []string{"Harbour Board", "Central Bank"}
	for i, d := range all {
		if !copied[d.Article.Group] && !copied[d.ID] {
			continue
		}
		if d.Article.Group == "" {
			all[i].Article.Group = d.ID
		}
		all[i].Enrichment.People = append(d.Enrichment.People, extract.Person{Name: people[i%3], Mentions: 1})
		all[i].Enrichment.Organizations = append(d.Enrichment.Organizations, extract.Organization{Name: orgs[i%2], Mentions: 1})
	}
	ix := newTestIndex(t, nil)
	ctx := context.Background()
	for i := 0; i < len(all); i += 13 {
		if err := ix.Apply(ctx, all[i:min(i+13, len(all))]); err != nil {
			t.Fatal(err)
		}
	}
	ix.bodies = docBodies(all)
	var gone []testDoc
	for _, i := range []int{3, 20, 47, 50, len(all) - 2} {
		gone = append(gone, testDoc{ID: all[i].ID, Deleted: true})
	}
	if err := ix.Apply(ctx, gone); err != nil {
		t.Fatal(err)
	}

	phrases := []string{"bank of england", "bank holiday england", "said said said", "new new york",
		"the prime minister of", "minister of state", "interest rates rise again", "interest rates rise",
		"interest rates will rise", "minister of the interior", "chief executive officer", "rates rise came",
		"said the government", "the government said", "executive officer of the chief", "prime minister said"}
	word := regexp.MustCompile(`[\pL\pN]+`)
	for _, a := range arts {
		ws := word.FindAllString(a.Body, -1)
		for k := 2; k+4 < len(ws); k += 31 {
			phrases = append(phrases, strings.Join(ws[k:k+2+k%3], " "))
		}
	}
	slices.Sort(phrases)
	phrases = slices.Compact(phrases)

	compared, bitmaps, scores, sorted := 0, 0, 0, 0
	for _, p := range phrases {
		q := Query{Text: `"` + p + `"`, Size: 10}
		prep, err := ix.prepare(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := ix.plan(prep).(onePhrase); !ok {
			continue // a word, or a pair: other ways, tested elsewhere
		}
		want := agree(t, ix, q, fmt.Sprintf("%q", p))
		if want.Total == 0 {
			continue
		}
		compared++
		scores += phraseScoresAgree(t, ix, q, p)
		if want.Matches*bitmapShare > uint64(len(all)) {
			bitmaps++
		}
		variants := map[string]Query{
			"all copies": {Text: q.Text, Size: 10, AllCopies: true},
			"page 2":     {Text: q.Text, Page: 2, Size: 2},
		}
		for _, facet := range []string{FacetSource, FacetPerson} {
			if vs := want.Facets[facet]; len(vs) > 0 {
				variants[facet] = Query{Text: q.Text, Size: 10, Filters: map[string][]string{facet: {vs[0].Value}}}
			}
		}
		for name, v := range variants {
			agree(t, ix, v, fmt.Sprintf("%q %s", p, name))
			scores += phraseScoresAgree(t, ix, v, p+" "+name)
		}
		// By date, the page read from the matches' dates both ways
		// (fewByDate and keyPageIn), and in date ranges. Where a
		// match is undated (some phrase cases are), the general way
		// answers.
		every := generalSearch(t, ix, Query{Text: q.Text, Size: 100, AllCopies: true})
		dated := uint64(len(every.Hits)) == every.Matches
		for _, h := range every.Hits {
			dated = dated && !h.Published.IsZero()
		}
		for _, few := range []bool{false, true} {
			restore := readByDate(few)
			for name, v := range map[string]Query{
				"newest":                 {Text: q.Text, Size: 3, Sort: SortNewest},
				"oldest, all copies":     {Text: q.Text, Size: 3, Sort: SortOldest, AllCopies: true},
				"newest, page 2":         {Text: q.Text, Page: 2, Size: 2, Sort: SortNewest},
				"oldest, filtered":       {Text: q.Text, Size: 3, Sort: SortOldest, Filters: map[string][]string{FacetSource: {want.Hits[0].Source}}},
				"newest, all copies, p2": {Text: q.Text, Page: 2, Size: 3, Sort: SortNewest, AllCopies: true},
			} {
				what := fmt.Sprintf("%q %s from the matches' dates: %v", p, name, few)
				before := byDatePages.Load()
				got := agree(t, ix, v, what)
				if dated && len(got.Hits) == v.Size && byDatePages.Load() == before {
					t.Errorf("%s: a full page not read by date", what)
				}
				if dated && len(got.Hits) == v.Size {
					sorted++
				}
				if len(got.Hits) > 0 && name == "newest" && !got.Hits[0].Published.IsZero() {
					agreeInRange(t, ix, v, got.Hits[0].Published, what)
				}
			}
			restore()
		}
		if len(want.Hits) > 0 && !want.Hits[0].Published.IsZero() {
			agreeInRange(t, ix, q, want.Hits[0].Published, fmt.Sprintf("%q", p))
		}
	}
	if sorted < 40 {
		t.Errorf("%d full pages by date compared; want at least 40", sorted)
	}
	if compared < 50 || bitmaps < 2 || scores < 500 {
		t.Errorf("compared %d phrases (%d counted on bitmaps), %d scores; want at least 50, 2 and 500", compared, bitmaps, scores)
	}
	t.Logf("compared %d phrases, %d counted on bitmaps, %d scores", compared, bitmaps, scores)
}

// phraseScoresAgree checks that the phrase search ranked from the segments
// gives each hit the general search's score, and returns how many it
// compared. A background merge between the two searches changes the
// statistics the scores are made of (its deleted documents go), so scores
// that differ are taken again (twice at most) before they fail.
func phraseScoresAgree(t *testing.T, ix *testIndex, q Query, what string) int {
	t.Helper()
	var diffs []string
	for range 3 {
		want, got := generalSearch(t, ix, q), wordSearchOf(t, ix, q)
		if !slices.Equal(hitIDs(want), hitIDs(got)) {
			return 0 // agree has said so, unless a merge came between
		}
		diffs = diffs[:0]
		for i := range want.Hits {
			g, w := got.Hits[i].score, want.Hits[i].score
			if math.Abs(g-w) > 1e-9*math.Abs(w) || w == 0 {
				diffs = append(diffs, fmt.Sprintf("hit %d (%s): score %g, want %g", i, want.Hits[i].ID, g, w))
			}
		}
		if len(diffs) == 0 {
			return len(want.Hits)
		}
	}
	for _, d := range diffs {
		t.Errorf("%s: %s", what, d)
	}
	return 0
}
