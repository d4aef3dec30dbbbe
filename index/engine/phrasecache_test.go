package engine

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"testing"
)

// TestPhrasesKept checks that a phrase searched again, its documents kept
// per segment (phrasecache.go), finds what it found the first time, with
// the same scores, and that after deletions it finds what a search with
// nothing kept finds: the kept documents of a segment that lost some are
// not used.
func TestPhrasesKept(t *testing.T) {
	defer func(n uint64) { phraseKeepMin = n }(phraseKeepMin)
	phraseKeepMin = 1
	ix, arts := segmentedIndexBy(t, 9, 4, 15)
	ctx := context.Background()
	phrases := []string{"chief executive officer", "said the government", "the government said",
		"prime minister said", "minister of the interior", "last year the", "said on monday"}
	for _, a := range arts[:20] {
		ws := regexp.MustCompile(`[\pL\pN]+`).FindAllString(a.Body, -1)
		for k := 4; k+3 < len(ws); k += 41 {
			phrases = append(phrases, ws[k]+" "+ws[k+1]+" "+ws[k+2])
		}
	}
	search := func(p string) *Result {
		r, err := ix.Search(ctx, Query{Text: `"` + p + `"`, Size: MaxSize})
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		return r
	}
	forget := func() {
		c := &ix.facets.phrases
		c.mu.Lock()
		defer c.mu.Unlock()
		c.lru.Init()
		c.byKey, c.bytes = nil, 0
	}
	keptCount := func() int {
		c := &ix.facets.phrases
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.lru.Len()
	}
	// compare runs a search twice, the second finding what the first kept
	// (fill, then use).
	compare := func(p, what string, fill, use func() *Result) { sameResults(t, p+" "+what, fill, use) }
	compared, keptSome := 0, 0
	for _, p := range phrases {
		forget()
		if search(p).Total == 0 {
			continue
		}
		compared++
		if keptCount() > 0 {
			keptSome++ // a phrase of two common words is one term: nothing to keep
		}
		compare(p, "searched again", func() *Result { forget(); return search(p) }, func() *Result { return search(p) })
	}
	// Deletions change the segments that lose documents: what was kept of
	// them before must not be used. (Compared as sets of documents: a
	// merge between the two searches changes scores, not matches.)
	forget()
	var gone []testDoc
	for _, p := range phrases {
		// The first hit of each phrase goes.
		if r := search(p); len(r.Hits) > 0 && !slices.ContainsFunc(gone, func(d testDoc) bool { return d.ID == r.Hits[0].ID }) {
			gone = append(gone, testDoc{ID: r.Hits[0].ID, Deleted: true})
		}
	}
	if err := ix.Apply(ctx, gone); err != nil {
		t.Fatal(err)
	}
	kept := map[string]*Result{}
	for _, p := range phrases {
		kept[p] = search(p)
	}
	forget()
	for _, p := range phrases {
		got, want := kept[p], search(p)
		if want.Total != got.Total || !slices.Equal(sorted(hitIDs(want)), sorted(hitIDs(got))) {
			t.Errorf("%q after deletions: %d matches %v, want %d %v", p, got.Total, sorted(hitIDs(got)), want.Total, sorted(hitIDs(want)))
		}
	}
	if compared < 20 || keptSome < 10 {
		t.Errorf("compared %d phrases, %d kept; want at least 20 and 10", compared, keptSome)
	}
	t.Logf("compared %d phrases, %d kept", compared, keptSome)
}

// sameResults runs two searches, first and second, and reports where their
// results differ, hits, totals, facets and scores; a background merge
// between the two changes the statistics of the scores, so a pair that
// differs is run again (twice at most).
func sameResults(t *testing.T, what string, first, second func() *Result) {
	t.Helper()
	var diffs []string
	for range 3 {
		want, got := first(), second()
		if diffs = append(differences(want, got), scoreDifferences(want, got)...); len(diffs) == 0 {
			return
		}
	}
	for _, d := range diffs {
		t.Errorf("%s: %s", what, d)
	}
}

// scoreDifferences reports where two results of one search on one index
// score their hits otherwise.
func scoreDifferences(want, got *Result) []string {
	if !slices.Equal(hitIDs(want), hitIDs(got)) {
		return nil // differences says so
	}
	var out []string
	for i := range want.Hits {
		g, w := got.Hits[i].score, want.Hits[i].score
		if math.Abs(g-w) > 1e-9*math.Abs(w) || w == 0 {
			out = append(out, fmt.Sprintf("hit %d (%s): score %g, want %g", i, want.Hits[i].ID, g, w))
		}
	}
	return out
}

// TestQuotePhrasesKept checks that a phrase searched in quotations again,
// the quotations that hold it kept per segment, finds what it found the
// first time, with the same scores; and that what a search of the same
// phrase in articles kept is never read for quotations, nor the reverse.
func TestQuotePhrasesKept(t *testing.T) {
	defer func(n uint64) { phraseKeepMin = n }(phraseKeepMin)
	phraseKeepMin = 1
	ix, arts := segmentedIndexBy(t, 9, 4, 15)
	ctx := context.Background()
	// Phrases of three words from the quotations, and a few that are
	// also in the bodies around them.
	phrases := []string{"the government", "prime minister", "we will", "said the"}
	for i, d := range extracted(arts) {
		for k, q := range d.Enrichment.Quotes {
			ws := regexp.MustCompile(`[\pL\pN]+`).FindAllString(q.Text, -1)
			if (i+k)%3 == 0 && len(ws) >= 5 {
				phrases = append(phrases, ws[1]+" "+ws[2]+" "+ws[3])
			}
		}
	}
	search := func(p string, quotes bool) *Result {
		r, err := ix.Search(ctx, Query{Text: `"` + p + `"`, Size: MaxSize, Quotes: quotes})
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		return r
	}
	c := &ix.facets.phrases
	forget := func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.lru.Init()
		c.byKey, c.bytes = nil, 0
	}
	keptQuotes := func() int {
		c.mu.Lock()
		defer c.mu.Unlock()
		n := 0
		for k := range c.byKey {
			if k.field == fieldQuote {
				n++
			}
		}
		return n
	}
	same := func(p, what string, first, second func() *Result) { sameResults(t, p+" "+what, first, second) }
	compared, keptSome := 0, 0
	for _, p := range phrases {
		forget()
		if search(p, true).Total == 0 {
			continue
		}
		compared++
		if keptQuotes() > 0 {
			keptSome++
		}
		// Kept by the first search, read by the second, with the
		// articles' search of the phrase kept in between.
		same(p, "quotations searched again", func() *Result { forget(); return search(p, true) },
			func() *Result { search(p, false); return search(p, true) })
		// The articles' kept documents are not quotations, nor the
		// reverse.
		same(p, "quotations after articles", func() *Result { forget(); return search(p, true) },
			func() *Result { forget(); search(p, false); return search(p, true) })
		same(p, "articles after quotations", func() *Result { forget(); return search(p, false) },
			func() *Result { forget(); search(p, true); return search(p, false) })
	}
	if compared < 20 || keptSome < 10 {
		t.Errorf("compared %d phrases in quotations, %d kept; want at least 20 and 10", compared, keptSome)
	}
	t.Logf("compared %d phrases in quotations, %d kept", compared, keptSome)
}
