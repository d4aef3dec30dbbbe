package engine

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// TestWordSearchAgrees checks the one-word search against the general one on
// the project's test articles, in several segments and with deletions: the
// same total, the same page in the same order, the same facets, for article
// and quote searches, with and without a facet filter.
func TestWordSearchAgrees(t *testing.T) {
	ix, arts := segmentedIndex(t, 3, 17)
	bothCountings(t, func(t *testing.T) { wordSearchesAgree(t, ix, arts, false) })
}

// bothCountings runs test as the searches counted on bitmaps count the
// many-valued fields of few matches (match by match) and as they count
// those of many (value by value, on bitmaps).
func bothCountings(t *testing.T, test func(t *testing.T)) {
	defer func(b func(uint64) uint64) { intersectBudget = b }(intersectBudget)
	t.Run("each match", func(t *testing.T) {
		intersectBudget = func(uint64) uint64 { return 0 }
		before := countedEachMatch.Load()
		test(t)
		if n := countedEachMatch.Load() - before; n < 20 {
			t.Errorf("%d searches counted match by match; want at least 20", n)
		}
	})
	t.Run("bitmaps", func(t *testing.T) {
		intersectBudget = func(uint64) uint64 { return math.MaxUint64 }
		test(t)
	})
}

// TestImpactSearchAgrees checks the one-word search ranked from impact
// lists (impacts.go) against the general one, as TestWordSearchAgrees does,
// with lists kept for every segment and cut at a depth of ten, so that
// they drop documents, and that they did. The segments are larger than
// there, so that the lists have more to drop.
func TestImpactSearchAgrees(t *testing.T) {
	defer func(d int, m uint64) { impactDepth, impactMinDocs = d, m }(impactDepth, impactMinDocs)
	impactDepth, impactMinDocs = 10, 1
	ix, arts := segmentedIndexBy(t, 25, 3, 17, 40)
	wordSearchesAgree(t, ix, arts, false)

	c := &ix.facets.impacts
	c.mu.Lock()
	defer c.mu.Unlock()
	lists, walked, kept := 0, 0, 0
	deeper := map[int]int{} // lists by depth, beyond the first
	for el := c.lru.Front(); el != nil; el = el.Next() {
		e := el.Value.(*impactEntry)
		il := e.list
		lists++
		if e.key.depth != impactDepth {
			deeper[e.key.depth]++
		}
		walked += il.walked
		kept += len(il.wholeNums)
		for _, lv := range il.levels {
			kept += len(lv.nums)
		}
	}
	if lists < 100 || kept >= walked {
		t.Errorf("%d impact lists kept %d of %d documents; want at least 100 lists, and fewer documents kept", lists, kept, walked)
	}
	// Pages of stories: ten of them read lists 20 deep, page 4 of 10 lists
	// 80 deep; none is deeper than impactDepthMax allows, nor of another
	// depth.
	if deeper[2*impactDepth] == 0 || deeper[8*impactDepth] == 0 || len(deeper) != 2 {
		t.Errorf("lists deeper than %d, by depth: %v; want some 20 and 80 deep, and no others", impactDepth, deeper)
	}
	t.Logf("%d impact lists kept %d of %d documents", lists, kept, walked)
}

// wordSearchesAgree compares the two ways on searches of each story once,
// or with allCopies of every copy.
func wordSearchesAgree(t *testing.T, ix *testIndex, arts []store.Article, allCopies bool) {
	t.Helper()
	// Words of the titles and a few common ones, each searched alone.
	seen := map[string]bool{}
	var words []string
	for _, w := range append(strings.Fields("said government minister people year police peace would"),
		regexp.MustCompile(`\pL+`).FindAllString(titles(arts), -1)...) {
		w = strings.ToLower(w)
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	compared := 0
	for _, w := range words {
		for _, quotes := range []bool{false, true} {
			q := Query{Text: w, Quotes: quotes, Size: 10, AllCopies: allCopies}
			if ix.wordQuery(w) == "" {
				continue // a stop word: the general way
			}
			want := agree(t, ix, q, fmt.Sprintf("%q quotes=%v", w, quotes))
			compared++
			// Again within the first person facet value, and page 2.
			if ps := want.Facets[FacetPerson]; len(ps) > 0 {
				q.Filters = map[string][]string{FacetPerson: {ps[0].Value}}
				agree(t, ix, q, fmt.Sprintf("%q quotes=%v person=%s", w, quotes, ps[0].Value))
			}
			if len(want.Hits) > 0 && compared%3 == 0 {
				q.Filters = nil
				agreeInRange(t, ix, q, want.Hits[0].Published, fmt.Sprintf("%q quotes=%v", w, quotes))
				q.From, q.To = time.Time{}, time.Time{}
			}
			q.Filters, q.Page, q.Size = nil, 2, 3
			agree(t, ix, q, fmt.Sprintf("%q quotes=%v page 2", w, quotes))
			// Deeper pages: with TestImpactSearchAgrees's depth of ten,
			// 40 documents read a list four times as deep (of stories,
			// eight times), and 84 more than the deepest list holds.
			if compared%2 == 0 {
				q.Page, q.Size = 4, 10
				agree(t, ix, q, fmt.Sprintf("%q quotes=%v page 4 of 10", w, quotes))
				q.Page, q.Size = 7, 12
				agree(t, ix, q, fmt.Sprintf("%q quotes=%v page 7 of 12", w, quotes))
			}
		}
	}
	if compared < 100 {
		t.Fatalf("compared %d searches; want at least 100", compared)
	}
}

// TestSeveralWordsAgree checks the search of several plain words
// (severalWords) against the general one on an index of several segments
// with deletions: the same hits in the same order, totals, facets and dates,
// alone, filtered, on page 2, of quotations, and of every copy.
func TestSeveralWordsAgree(t *testing.T) {
	ix, arts := segmentedIndex(t, 3, 17)
	bothCountings(t, func(t *testing.T) { severalWordsAgree(t, ix, arts) })
}

// TestSeveralWordsRanked checks the search of several words where their
// matches are ranked from the words' impact lists (rankWords: every word
// has one, cut at a depth of ten), against the general search.
//
// It does so with the walk seeded with the first three documents that have
// every word, with none, and with the default: the page must not depend on
// the order the documents are scored in.
func TestSeveralWordsRanked(t *testing.T) {
	defer func(d int, m, s uint64) { impactDepth, impactMinDocs, seedDocs = d, m, s }(impactDepth, impactMinDocs, seedDocs)
	impactDepth, impactMinDocs = 10, 1
	ix, arts := segmentedIndexBy(t, 25, 3, 17, 40)
	for _, seed := range []uint64{3, 0, seedDocs} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			seedDocs = seed
			before := rankedWords.Load()
			severalWordsAgree(t, ix, arts)
			if ranked := rankedWords.Load() - before; ranked < 50 {
				t.Errorf("rankWords ranked %d segments; want at least 50", ranked)
			}
		})
	}
}

// TestSeveralWordsBounded checks the search of several words ranked from
// the bounds the warmer works out (bounds.go) instead of impact lists,
// against the general search; and that a warm told to stop leaves them for
// the next.
func TestSeveralWordsBounded(t *testing.T) {
	defer func(d int, m uint64) { impactDepth, impactMinDocs = d, m }(impactDepth, impactMinDocs)
	impactDepth, impactMinDocs = 10, 1
	ix, arts := segmentedIndexBy(t, 25, 3, 17, 40)
	stopped := make(chan struct{})
	close(stopped)
	if err := ix.warm(stopped); err != nil {
		t.Fatal(err)
	}
	if n := len(ix.facets.impacts.bounds); n != 0 || ix.Warmed() {
		t.Fatalf("a stopped warm bounded the words of %d segments (warmed %v); want none (false)", n, ix.Warmed())
	}
	// Bleve merges segments in the background, and forgets the bounds
	// of those merged away: warm until the segments stay as they are
	// (three looks a fifth of a second apart find the same, all bounded).
	var seen []uint64
	same := 0
	for range 100 {
		if err := ix.warm(nil); err != nil {
			t.Fatal(err)
		}
		snap, closeSnap, err := ix.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		var ids []uint64
		bounded := true
		for _, ss := range snap.Segments() {
			ids = append(ids, ss.Id())
			bounded = bounded && ix.facets.impacts.boundsOf(ss.Id(), boundFields, "said") != nil
		}
		closeSnap()
		if bounded && slices.Equal(ids, seen) {
			same++
		} else {
			same = 0
		}
		if same == 2 {
			break
		}
		seen = ids
		time.Sleep(200 * time.Millisecond)
	}
	if !ix.Warmed() {
		t.Error("not warmed after a warm that was not stopped")
	}
	if same < 2 {
		t.Fatalf("segments %v: not all bounded for \"said\", or still changing, after 20 s of warming", seen)
	}
	ranked, bounded := rankedWords.Load(), boundedWords.Load()
	severalWordsAgree(t, ix, arts)
	if n := rankedWords.Load() - ranked; n < 50 {
		t.Errorf("rankWords ranked %d segments; want at least 50", n)
	}
	if n := boundedWords.Load() - bounded; n < 100 {
		t.Errorf("%d words' most read from bounds; want at least 100", n)
	}
}

func severalWordsAgree(t *testing.T, ix *testIndex, arts []store.Article) {
	t.Helper()
	words := regexp.MustCompile(`\pL{4,}`).FindAllString(titles(arts), -1)
	common := strings.Fields("said government minister people year police peace would")
	compared, required := 0, 0
	for i, w := range words {
		// A title's word with the next title word, with a common word, or
		// both; a word with itself; and some of those with every word
		// required.
		for _, text := range []string{
			w + " " + words[(i+1)%len(words)],
			w + " " + common[i%len(common)],
			common[i%len(common)] + " " + w + " " + words[(i+7)%len(words)],
			w + " " + w,
			"+" + w + " +" + common[i%len(common)],
			"+" + common[(i+3)%len(common)] + " +" + w + " +" + words[(i+1)%len(words)],
		} {
			for _, quotes := range []bool{false, true} {
				q := Query{Text: text, Quotes: quotes, Size: 10, AllCopies: i%5 == 0}
				p, err := ix.prepare(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				way, ok := ix.plan(p).(severalWords)
				if !ok {
					continue // a stop word: the general way
				}
				if way.required != strings.HasPrefix(text, "+") {
					t.Errorf("%q: planned %+v", text, way)
				}
				what := fmt.Sprintf("%q quotes=%v", text, quotes)
				want := agree(t, ix, q, what)
				compared++
				if way.required {
					required++
				}
				if ps := want.Facets[FacetPerson]; len(ps) > 0 && i%3 == 0 {
					q.Filters = map[string][]string{FacetPerson: {ps[0].Value}}
					agree(t, ix, q, what+" person="+ps[0].Value)
				}
				if len(want.Hits) > 0 && i%2 == 0 {
					agreeInRange(t, ix, q, want.Hits[0].Published, what)
				}
				q.Filters, q.Page, q.Size = nil, 2, 3
				agree(t, ix, q, what+" page 2")
			}
		}
	}
	if compared < 100 || required < 30 {
		t.Fatalf("compared %d searches, %d of them with every word required; want at least 100 and 30", compared, required)
	}
}

// TestWordsByDate checks searches of words sorted by date (wordsByDate)
// against the general way on an index of several segments with deletions,
// with the page read both ways (keyPage and fewByDate): newest and oldest
// first, any word or every one, articles and quotations, stories and every
// copy, a filter, a later page; and phrases of two common words.
func TestWordsByDate(t *testing.T) {
	ix, arts := segmentedIndex(t, 3, 17)
	for _, few := range []bool{false, true} {
		// Read from the date key's postings day by day (keyPage), then
		// from the facet tables' dates of the matches (fewByDate).
		restore := readByDate(few)
		fewBefore := fewByDatePages.Load()
		checkWordsByDate(t, ix, arts)
		restore()
		if n := fewByDatePages.Load() - fewBefore; !few && n != 0 || few && n < 100 {
			t.Errorf("from the matches' dates %v: %d pages read from them", few, n)
		}
	}
}

func checkWordsByDate(t *testing.T, ix *testIndex, arts []store.Article) {
	t.Helper()
	words := regexp.MustCompile(`\pL{4,}`).FindAllString(titles(arts), -1)
	common := strings.Fields("said government minister people year police peace would")
	before := byDatePages.Load()
	compared := 0
	for i, w := range words {
		for _, text := range []string{
			w,
			common[i%len(common)],
			w + " " + common[(i+1)%len(common)],
			"+" + common[(i+2)%len(common)] + " +" + w,
		} {
			sort := SortNewest
			if i%2 == 1 {
				sort = SortOldest
			}
			q := Query{Text: text, Sort: sort, Quotes: i%3 == 0, AllCopies: i%4 == 0, Size: 5}
			p, err := ix.prepare(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := ix.plan(p).(wordsByDate); !ok {
				continue // a stop word: the general way
			}
			what := fmt.Sprintf("%q %s quotes=%v copies=%v", text, sort, q.Quotes, q.AllCopies)
			want := agree(t, ix, q, what)
			compared++
			if ps := want.Facets[FacetPerson]; len(ps) > 0 && i%3 == 1 {
				q.Filters = map[string][]string{FacetPerson: {ps[0].Value}}
				agree(t, ix, q, what+" person="+ps[0].Value)
			}
			if len(want.Hits) > 0 {
				agreeInRange(t, ix, q, want.Hits[0].Published, what)
			}
			q.Filters, q.Page, q.Size = nil, 2, 3
			agree(t, ix, q, what+" page 2")
		}
	}
	if compared < 100 {
		t.Fatalf("compared %d searches; want at least 100", compared)
	}
	if n := byDatePages.Load() - before; n < 100 {
		t.Errorf("read %d pages by date; want at least 100", n)
	}

	// Phrases of two common words, one term of the pair fields: each
	// pair of words of the articles' bodies that is one.
	pairs, found, full := map[string]bool{}, 0, 0
	for _, a := range arts {
		ws := regexp.MustCompile(`\pL[\pL'’]*`).FindAllString(a.Body, -1)
		for k := 0; k+1 < len(ws) && len(pairs) < 60; k++ {
			text := `"` + ws[k] + " " + ws[k+1] + `"`
			if pairs[strings.ToLower(text)] {
				continue
			}
			sort := SortNewest
			if len(pairs)%2 == 1 {
				sort = SortOldest
			}
			q := Query{Text: text, Sort: sort, AllCopies: len(pairs)%3 == 0, Size: 2}
			p, err := ix.prepare(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if w, ok := ix.plan(p).(wordsByDate); !ok || !w.pair {
				continue
			}
			pairs[strings.ToLower(text)] = true
			what := fmt.Sprintf("%s %s copies=%v", text, sort, q.AllCopies)
			pages := byDatePages.Load()
			want := agree(t, ix, q, what)
			if len(want.Hits) == 0 {
				t.Errorf("%s: no hits, though an article has the phrase", what)
				continue
			}
			found++
			if len(want.Hits) == q.Size {
				// A full page: read by date, not by the general way.
				full++
				if n := byDatePages.Load(); n == pages {
					t.Errorf("%s: a full page not read by date", what)
				}
			}
			if ps := want.Facets[FacetPerson]; len(ps) > 0 && len(pairs)%2 == 0 {
				q.Filters = map[string][]string{FacetPerson: {ps[0].Value}}
				agree(t, ix, q, what+" person="+ps[0].Value)
			}
			agreeInRange(t, ix, q, want.Hits[0].Published, what)
			q.Filters, q.Page, q.Size = nil, 2, 3
			agree(t, ix, q, what+" page 2")
		}
	}
	if found < 40 {
		t.Errorf("compared %d phrases of two common words by date; want at least 40", found)
	}
	if full < 10 {
		t.Errorf("%d phrases of two common words filled a page; want at least 10", full)
	}
}

// agreeInRange runs q in date ranges around at: whole days, from a time
// inside a day, and to a time inside one, against the general way.
func agreeInRange(t *testing.T, ix *testIndex, q Query, at time.Time, what string) {
	t.Helper()
	day := at.UTC().Truncate(24 * time.Hour)
	for _, r := range [][2]time.Time{
		{day.AddDate(0, -2, 0), day.Add(24*time.Hour - 1)},
		{at.Add(-90 * 24 * time.Hour), time.Time{}},
		{time.Time{}, at.Add(-time.Hour)},
		{day.AddDate(-1, 0, 0).Add(7 * time.Hour), at},
		// Every article's date: a filter that lets every match pass.
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		q.From, q.To = r[0], r[1]
		p, err := ix.prepare(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := ix.plan(p).(general); ok {
			t.Errorf("%s from %v to %v: answered by %#v", what, r[0], r[1], w)
		}
		agree(t, ix, q, fmt.Sprintf("%s from %v to %v", what, r[0], r[1]))
	}
}

// segmentedIndex indexes the project's test articles in batches of ten,
// which make several segments, then deletes the articles at positions
// deleted; it returns the index and the articles.
func segmentedIndex(t *testing.T, deleted ...int) (*testIndex, []store.Article) {
	t.Helper()
	return segmentedIndexBy(t, 10, deleted...)
}

// segmentedIndexBy is segmentedIndex with batches of batch articles.
func segmentedIndexBy(t *testing.T, batch int, deleted ...int) (*testIndex, []store.Article) {
	t.Helper()
	arts := loadTestArticles(t)
	ix := newTestIndex(t, nil)
	all := extracted(arts)
	ctx := context.Background()
	for i := 0; i < len(all); i += batch {
		if err := ix.Apply(ctx, all[i:min(i+batch, len(all))]); err != nil {
			t.Fatal(err)
		}
	}
	ix.bodies = docBodies(all)
	var gone []testDoc
	for _, i := range deleted {
		gone = append(gone, testDoc{ID: all[i].ID, Deleted: true})
	}
	if err := ix.Apply(ctx, gone); err != nil {
		t.Fatal(err)
	}
	return ix, arts
}

func titles(arts []store.Article) string {
	var b strings.Builder
	for _, a := range arts {
		b.WriteString(a.Title)
		b.WriteByte(' ')
	}
	return b.String()
}

func generalSearch(t *testing.T, ix *testIndex, q Query) *Result {
	t.Helper()
	ix.generalOnly = true
	defer func() { ix.generalOnly = false }()
	r, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wordSearchOf(t *testing.T, ix *testIndex, q Query) *Result {
	t.Helper()
	r, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// agree runs q the general way and the word way and reports where they
// differ; it returns the general result. Documents of equal score come in
// index order, which a background merge between the two searches can change,
// so a pair that differs is run again (twice at most) before it fails.
func agree(t *testing.T, ix *testIndex, q Query, what string) *Result {
	t.Helper()
	var want *Result
	var diffs []string
	for range 3 {
		want = generalSearch(t, ix, q)
		if diffs = differences(want, wordSearchOf(t, ix, q)); len(diffs) == 0 {
			return want
		}
	}
	for _, d := range diffs {
		t.Errorf("%s: %s", what, d)
	}
	return want
}

func differences(want, got *Result) []string {
	var out []string
	if want.Total != got.Total {
		out = append(out, fmt.Sprintf("total %d, want %d", got.Total, want.Total))
	}
	if want.Matches != got.Matches {
		out = append(out, fmt.Sprintf("matches %d, want %d", got.Matches, want.Matches))
	}
	if diff := cmp.Diff(hitIDs(want), hitIDs(got)); diff != "" {
		out = append(out, "hits (-general +word):\n"+diff)
	}
	if diff := cmp.Diff(want.Facets, got.Facets); diff != "" {
		out = append(out, "facets (-general +word):\n"+diff)
	}
	if diff := cmp.Diff(want.Dates, got.Dates); diff != "" {
		out = append(out, "dates (-general +word):\n"+diff)
	}
	if slices.Equal(hitIDs(want), hitIDs(got)) {
		// What each hit shows of its article or quotation, read from its
		// stored fields.
		if diff := cmp.Diff(want.Hits, got.Hits, cmpopts.IgnoreUnexported(Hit{}), cmpopts.IgnoreFields(Hit{}, "Snippet")); diff != "" {
			out = append(out, "hit fields (-general +word):\n"+diff)
		}
	}
	for i := range min(len(want.Hits), len(got.Hits)) {
		if want.Hits[i].Snippet != got.Hits[i].Snippet && slices.Equal(hitIDs(want), hitIDs(got)) {
			out = append(out, fmt.Sprintf("hit %d snippet %q, want %q", i, got.Hits[i].Snippet, want.Hits[i].Snippet))
		}
	}
	return out
}

// TestWordSearchScores checks that the word search gives each hit the score
// Bleve gives it, in an index of one batch (no merge can change the
// statistics between the two searches), for articles and quotes, of one
// word and of several (one twice).
func TestWordSearchScores(t *testing.T) {
	arts := loadTestArticles(t)
	all := extracted(arts)
	ix := newTestIndex(t, all)
	checked := 0
	for _, quotes := range []bool{false, true} {
		for _, w := range append(strings.Fields("said people year tells minister government peace police"),
			"said people", "minister government police", "peace year tells", "police police said") {
			q := Query{Text: w, Size: 10, Quotes: quotes}
			want, got := generalSearch(t, ix, q), wordSearchOf(t, ix, q)
			if len(want.Hits) != len(got.Hits) {
				t.Fatalf("%q quotes=%v: %d hits, want %d", w, quotes, len(got.Hits), len(want.Hits))
			}
			for i := range want.Hits {
				g, w2 := got.Hits[i].score, want.Hits[i].score
				if math.Abs(g-w2) > 1e-9*math.Abs(w2) || w2 == 0 {
					t.Errorf("%q quotes=%v hit %d: score %g, want %g", w, quotes, i, g, w2)
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Errorf("checked %d scores; want at least 50", checked)
	}
}

// TestWarmImpacts checks that the warmer builds the impact lists of a word
// searched before for a segment written after.
func TestWarmImpacts(t *testing.T) {
	defer func(m uint64) { impactMinDocs = m }(impactMinDocs)
	impactMinDocs = 1
	arts := loadTestArticles(t)
	all := extracted(arts)
	ix := newTestIndex(t, all[:20])
	ctx := context.Background()
	if _, err := ix.Search(ctx, Query{Text: "said"}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Apply(ctx, all[20:]); err != nil {
		t.Fatal(err)
	}
	snap := warmedSnapshot(t, ix)
	c := &ix.facets.impacts
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ss := range snap.Segments() {
		// The search showed each story once: the list for pages of stories.
		key := impactKey{seg: ss.Id(), fields: fieldTitle + "," + fieldBody, term: "said", stories: true, depth: impactDepth}
		if d := ss.Deleted(); d != nil {
			key.deleted = d.GetCardinality()
		}
		// That deep or deeper: a deeper list answers the page too, and
		// the warmer's own lists of common words are deeper.
		kept := false
		for ; key.depth <= impactDepth*impactDepthMax; key.depth *= 2 {
			_, ok := c.byKey[key]
			kept = kept || ok
		}
		if !kept {
			t.Errorf("segment %d (%d documents) has no impact list for \"said\" after warming", ss.Id(), ss.Count())
		}
	}
}

// warmedSnapshot warms ix and returns a snapshot whose segments are the
// ones the warm read: Bleve merges in the background, so it warms until
// the segments are the same before and after.
func warmedSnapshot(t *testing.T, ix *testIndex) *scorch.IndexSnapshot {
	t.Helper()
	for try := 0; ; try++ {
		before, closeBefore, err := ix.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		ids := segmentIDs(before)
		closeBefore()
		if err := ix.warm(nil); err != nil {
			t.Fatal(err)
		}
		after, closeAfter, err := ix.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if slices.Equal(ids, segmentIDs(after)) {
			t.Cleanup(func() { closeAfter() })
			return after
		}
		closeAfter()
		if try == 100 {
			t.Fatal("the index's segments kept changing while it was warmed")
		}
	}
}

// TestWarmCommon checks that the warmer builds, in each segment, the
// impact lists a search of its commonest words reads, no one having
// searched them, those words being the ones in the most documents; that a
// search then finds them built; and that it builds none once the lists
// take warmCommonBudget.
func TestWarmCommon(t *testing.T) {
	defer func(m uint64) { impactMinDocs = m }(impactMinDocs)
	impactMinDocs = 1
	all := extracted(loadTestArticles(t))
	for _, full := range []bool{false, true} {
		ix := newTestIndex(t, all)
		c := &ix.facets.impacts
		if full {
			c.bytes = warmCommonBudget
		}
		snap := warmedSnapshot(t, ix)
		c.mu.Lock()
		for _, ss := range snap.Segments() {
			sb := c.bounds[ss.Id()]
			if sb == nil {
				t.Fatalf("segment %d has no bounds after warming", ss.Id())
			}
			// The words of the body in the most documents, counted here.
			counts := map[string]uint64{}
			dict, err := ss.Segment().Dictionary(fieldBody)
			if err != nil {
				t.Fatal(err)
			}
			it := dict.AutomatonIterator(nil, nil, nil)
			for e, err := it.Next(); e != nil && err == nil; e, err = it.Next() {
				pl, err := dict.PostingsList([]byte(e.Term), nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				counts[e.Term] = pl.Count()
			}
			if len(sb.top) != min(warmCommonWords, len(counts)) {
				t.Fatalf("segment %d: %d common words kept, want %d", ss.Id(), len(sb.top), min(warmCommonWords, len(counts)))
			}
			least := counts[sb.top[len(sb.top)-1]]
			for i, w := range sb.top {
				if i > 0 && counts[w] > counts[sb.top[i-1]] {
					t.Errorf("segment %d: %q (%d documents) after %q (%d)", ss.Id(), w, counts[w], sb.top[i-1], counts[sb.top[i-1]])
				}
			}
			for w, n := range counts {
				if n > least && !slices.Contains(sb.top, w) {
					t.Errorf("segment %d: %q is in %d documents, more than the least common word kept (%d), and is not kept", ss.Id(), w, n, least)
				}
			}
			for _, w := range sb.top {
				key := impactKey{seg: ss.Id(), fields: fieldTitle + "," + fieldBody, term: w, stories: true, depth: warmCommonDepth()}
				if d := ss.Deleted(); d != nil {
					key.deleted = d.GetCardinality()
				}
				if _, ok := c.byKey[key]; ok == full {
					t.Errorf("segment %d, half the budget taken %v: impact list of %q kept: %v", ss.Id(), full, w, ok)
				}
			}
		}
		lists, bytes := len(c.byKey), c.bytes
		c.mu.Unlock()
		if full {
			continue
		}
		// A search of the commonest word reads its lists: none is built.
		c.mu.Lock()
		top := c.bounds[snap.Segments()[0].Id()].top[0]
		c.mu.Unlock()
		if _, err := ix.Search(context.Background(), Query{Text: top}); err != nil {
			t.Fatal(err)
		}
		c.mu.Lock()
		if len(c.byKey) != lists || c.bytes != bytes {
			t.Errorf("a search of %q built impact lists: %d lists of %d bytes before, %d of %d after", top, lists, bytes, len(c.byKey), c.bytes)
		}
		c.mu.Unlock()
	}
}

// TestImpactHighFrequencies checks the impact lists of a word some
// documents repeat hundreds or thousands of times (frequencies the lists
// keep apart from the common ones) against the general search.
func TestImpactHighFrequencies(t *testing.T) {
	defer func(d int, m uint64) { impactDepth, impactMinDocs = d, m }(impactDepth, impactMinDocs)
	impactDepth, impactMinDocs = 5, 1
	var docs []testDoc
	for i, n := range []int{1, 2, 3, 255, 256, 257, 300, 300, 1000, 2, 1, 5000, 4, 300} {
		a := store.Article{
			ID:    fmt.Sprintf("rep-%02d", i),
			Title: fmt.Sprintf("Report %d", i),
			// All of one length, so that a higher frequency scores higher.
			Body:      strings.Repeat("alpha ", n) + strings.Repeat("filler ", 6000-n),
			Source:    "Wire",
			Published: time.Date(2024, 1, i+1, 0, 0, 0, 0, time.UTC),
		}
		docs = append(docs, testDoc{ID: a.ID, Article: a, Enrichment: extract.Extract(a)})
	}
	ix := newTestIndex(t, docs)
	ix.bodies = docBodies(docs)
	for _, size := range []int{1, 3, 5} {
		r := agree(t, ix, Query{Text: "alpha", Size: size}, fmt.Sprintf("alpha size %d", size))
		if len(r.Hits) != size {
			t.Errorf("alpha size %d: %d hits", size, len(r.Hits))
		}
	}
	if ix.facets.impacts.lru.Len() == 0 {
		t.Error("no impact list was built")
	}
}

// TestImpactMost checks what an impact list says is the most a document
// scores for its word (rankWords' bounds) against every document's score,
// and every one with the word in the body alone: none above it, and one
// equal. The lists are cut at a depth of ten, with and without stories.
func TestImpactMost(t *testing.T) {
	defer func(d int) { impactDepth = d }(impactDepth)
	impactDepth = 10
	ix, _ := segmentedIndexBy(t, 25, 3, 17, 40)
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer closeSnap()
	names := []string{fieldTitle, fieldBody}
	// Statistics as a search might have them; the bound must hold for any.
	fields := []wordField{
		{name: fieldTitle, idf: 1.7, avgLen: 9, weight: 0.8},
		{name: fieldBody, idf: 1.3, avgLen: 180, weight: 0.4},
	}
	checked, titled := 0, 0
	for _, term := range strings.Fields("said minist govern peac year polic peopl") {
		for _, ss := range snap.Segments() {
			postings, err := wordPostings(ss, names, term)
			if err != nil {
				t.Fatal(err)
			}
			if postings[1].Count() == 0 {
				continue
			}
			// The best of all documents, and of those with the word in
			// the body only.
			var best wordMost
			if err := walkPostings(postings, true, func(_ uint32, hits []fieldHit, _ []segment.Posting) {
				s := wordsScore(hits, fields, 2)
				best.all = max(best.all, s)
				if hits[0].freq == 0 {
					best.main = max(best.main, s)
				}
			}); err != nil {
				t.Fatal(err)
			}
			for _, stories := range []func(uint32) uint32{nil, func(n uint32) uint32 { return n/3 + 1 }} {
				il, err := buildImpacts(postings, stories, impactDepth)
				if err != nil {
					t.Fatal(err)
				}
				if got := il.most(fields); got != best {
					t.Errorf("%q in segment %d (stories %v): most %+v, want %+v", term, ss.Id(), stories != nil, got, best)
				}
				if best.all > best.main {
					titled++
				}
				b, err := boundWord(postings, nil)
				if err != nil {
					t.Fatal(err)
				}
				if got := b.most(fields); got != best {
					t.Errorf("%q in segment %d: bounds' most %+v, want %+v", term, ss.Id(), got, best)
				}
				if l := limits(fields); l.main < best.main || l.all < best.all {
					t.Errorf("%q in segment %d: limits %+v, below the best %+v", term, ss.Id(), l, best)
				}
				checked++
			}
		}
	}
	if checked < 20 || titled < 4 {
		t.Errorf("checked %d lists, %d where a title match scores most; want at least 20 and 4", checked, titled)
	}
}

// TestBoundsMost checks the bounds' most against the best of the documents
// they were taken from, for random documents and statistics: the pairs of
// frequency and norm they drop never score most.
func TestBoundsMost(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 300 {
		b := &wordBounds{width: 2}
		best := map[uint32]float32{}
		var docs [][]fieldHit
		for range 1 + rng.IntN(60) {
			hits := []fieldHit{{}, {freq: uint32(1 + rng.IntN(12)), norm: 1 / float32(math.Sqrt(float64(5+rng.IntN(800))))}}
			if rng.IntN(4) == 0 {
				hits[0] = fieldHit{freq: uint32(1 + rng.IntN(3)), norm: 1 / float32(math.Sqrt(float64(2+rng.IntN(15))))}
				if rng.IntN(3) == 0 {
					hits[1] = fieldHit{}
				}
			}
			docs = append(docs, hits)
			b.add(hits, best)
		}
		b.main = mainFront(best)
		fields := []wordField{
			{name: fieldTitle, idf: 0.5 + 3*rng.Float64(), avgLen: 2 + 20*rng.Float64(), weight: rng.Float64()},
			{name: fieldBody, idf: 0.5 + 3*rng.Float64(), avgLen: 20 + 900*rng.Float64(), weight: rng.Float64()},
		}
		var want wordMost
		for _, hits := range docs {
			s := wordsScore(hits, fields, 2)
			want.all = max(want.all, s)
			if hits[0].freq == 0 {
				want.main = max(want.main, s)
			}
		}
		if got := b.most(fields); got != want {
			t.Fatalf("round %d, %d documents (%d pairs kept, %d kept whole): most %+v, want %+v",
				round, len(docs), len(b.main), len(b.whole)/2, got, want)
		}
	}
}

// segmentIDs lists a snapshot's segments.
func segmentIDs(snap *scorch.IndexSnapshot) []uint64 {
	ids := make([]uint64, len(snap.Segments()))
	for i, ss := range snap.Segments() {
		ids[i] = ss.Id()
	}
	return ids
}
