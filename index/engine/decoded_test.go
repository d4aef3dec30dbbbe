package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// TestDecodedPostings checks a word's decoded postings against zap's, in
// each segment of an index with deletions: the same frequency and norm for
// every document that has the word, none for every other.
func TestDecodedPostings(t *testing.T) {
	ix, _ := segmentedIndexBy(t, 25, 3, 17, 40)
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer closeSnap()
	checked, with := 0, 0
	for _, term := range strings.Fields("said minist govern peac year polic peopl") {
		for _, ss := range snap.Segments() {
			postings, err := wordPostings(ss, boundFields, term)
			if err != nil {
				t.Fatal(err)
			}
			docs := ss.Segment().Count()
			dec := newDecodedBuilder(docs, postings[1].Count())
			if _, err := boundWord(postings, dec); err != nil {
				t.Fatal(err)
			}
			d := dec.done()
			want := map[uint32]fieldHit{}
			if err := walkPostings(postings[1:], true, func(num uint32, hits []fieldHit, _ []segment.Posting) {
				want[num] = hits[0]
			}); err != nil {
				t.Fatal(err)
			}
			for num := range uint32(docs) + 70 {
				if got := d.hit(num); got != want[num] {
					t.Fatalf("%q in segment %d, document %d: decoded %+v, zap %+v", term, ss.Id(), num, got, want[num])
				}
				checked++
			}
			with += len(want)
		}
	}
	if checked < 1000 || with < 100 {
		t.Fatalf("checked %d documents, %d with their word; want at least 1,000 and 100", checked, with)
	}
}

// TestDecodedRandom checks decoded postings built from random documents,
// frequencies of 255 and more among them, across many blocks of ranks.
func TestDecodedRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for round := range 50 {
		docs := uint64(1 + rng.IntN(5000))
		share := 1 + rng.IntN(10)
		b := newDecodedBuilder(docs, 0)
		want := map[uint32]fieldHit{}
		for num := range uint32(docs) {
			if rng.IntN(share) != 0 {
				continue
			}
			h := fieldHit{freq: uint32(1 + rng.IntN(20)), norm: 1 / float32(math.Sqrt(float64(1+rng.IntN(900))))}
			if rng.IntN(40) == 0 {
				h.freq = uint32(250 + rng.IntN(3000))
			}
			b.add(num, h)
			want[num] = h
		}
		d := b.done()
		for num := range uint32(docs) + 64 {
			if got := d.hit(num); got != want[num] {
				t.Fatalf("round %d (%d documents, one in %d): document %d decoded %+v, want %+v", round, docs, share, num, got, want[num])
			}
		}
	}
}

// TestDecodedSearchAgrees checks searches of one word and of several,
// filtered by a facet value or a date range, against the general search
// when the warm has kept the densest words' postings decoded and the walks
// of the few matches a filter lets pass read them there.
func TestDecodedSearchAgrees(t *testing.T) {
	defer func(d int, m uint64) { impactDepth, impactMinDocs = d, m }(impactDepth, impactMinDocs)
	impactDepth, impactMinDocs = 10, 1
	ix, arts := segmentedIndexBy(t, 25, 3, 17, 40)
	// Bleve merges in the background, and a merged segment has no
	// decoded postings until the next warm: the searches are compared
	// every time, and counted once a round ran on warmed segments.
	most := int64(0)
	for range 4 {
		if err := ix.warm(nil); err != nil {
			t.Fatal(err)
		}
		walks := decodedWalks.Load()
		wordSearchesAgree(t, ix, arts, false)
		bothCountings(t, func(t *testing.T) { severalWordsAgree(t, ix, arts) })
		if most = max(most, decodedWalks.Load()-walks); most >= 100 {
			break
		}
	}
	if most < 100 {
		t.Errorf("at most %d walks in a round read decoded postings; want at least 100", most)
	}
}

// TestWarmKeepsCommonWords checks that the warm bounds every word with
// impactMinDocs documents in a segment, and keeps the densest decoded,
// whatever terms come before them in the dictionary: zap's dictionary
// iterator counts every term after one of a single document as 1. It waits
// for a segment where it does (one Bleve merged, whose terms of one
// document are kept in the dictionary itself).
func TestWarmKeepsCommonWords(t *testing.T) {
	defer func(m uint64) { impactMinDocs = m }(impactMinDocs)
	impactMinDocs = 5
	ix, _ := segmentedIndexBy(t, 25, 3, 17, 40)
	common := strings.Fields("said minist govern peac year polic peopl")
	// miscounted reports whether the dictionary of segment ss counts one
	// of the common words wrong.
	miscounted := func(ss *scorch.SegmentSnapshot) bool {
		dict, err := ss.Segment().Dictionary(fieldBody)
		if err != nil {
			t.Fatal(err)
		}
		it := dict.AutomatonIterator(nil, nil, nil)
		for {
			e, err := it.Next()
			if err != nil {
				t.Fatal(err)
			}
			if e == nil {
				return false
			}
			if slices.Contains(common, e.Term) {
				pl, err := dict.PostingsList([]byte(e.Term), nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				if pl.Count() != e.Count {
					return true
				}
			}
		}
	}
	for start := time.Now(); ; time.Sleep(200 * time.Millisecond) {
		if time.Since(start) > 30*time.Second {
			t.Fatal("no segment where zap's dictionary miscounts a common word after 30 s")
		}
		// The segments the warm read: Bleve merges in the background.
		snap := warmedSnapshot(t, ix)
		checked, wrong := 0, false
		for _, ss := range snap.Segments() {
			wrong = wrong || miscounted(ss)
			for _, term := range common {
				postings, err := wordPostings(ss, boundFields, term)
				if err != nil {
					t.Fatal(err)
				}
				n := postings[1].Count()
				if n < impactMinDocs {
					continue
				}
				checked++
				if ix.facets.impacts.boundsOf(ss.Id(), boundFields, term) == nil {
					t.Errorf("segment %d: %q in %d documents has no bounds", ss.Id(), term, n)
				}
				if n*decodedShare >= ss.Segment().Count() && ix.facets.impacts.decodedOf(ss.Id(), boundFields, []string{term}) == nil {
					t.Errorf("segment %d of %d documents: %q in %d has no decoded postings", ss.Id(), ss.Segment().Count(), term, n)
				}
			}
		}
		if checked < 5 {
			t.Fatalf("checked %d words; want at least 5", checked)
		}
		if wrong || t.Failed() {
			return
		}
	}
}

// TestSeveralWordsRankedUncounted checks searches of several words ranked
// from the documents that can make the page (rankWords) while their facets
// are counted match by match, not on bitmaps, against the general search.
func TestSeveralWordsRankedUncounted(t *testing.T) {
	defer func(m uint64) { rankWordsMin = m }(rankWordsMin)
	rankWordsMin = 1
	ix, arts := segmentedIndex(t, 3, 17)
	before := rankedUncounted.Load()
	bothCountings(t, func(t *testing.T) { severalWordsAgree(t, ix, arts) })
	if n := rankedUncounted.Load() - before; n < 100 {
		t.Errorf("%d segments ranked with their facets not counted on bitmaps; want at least 100", n)
	}
}
