package engine

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// wordsByDate answers a search of one or a few plain words (any of them, or
// every one required) sorted by date, newest or oldest first: "said" newest
// first matched two thirds of a million articles, and Bleve read the date of
// every one to sort them (a third of a second). Its counts are the words'
// way's (wordSearch), which counts every match whatever the order; its page
// is read from the date key's postings, day by day from the newest (or
// oldest), kept to the matches, as the home page's is (keyPage), or, where
// that would read many days for few matches, from the matches' dates
// (fewByDate): dateWay picks. Where the page cannot be read so (deeper
// than keyPage reads, or reaching undated documents), the general way
// answers.
type wordsByDate struct {
	terms    string // the analysed terms, space-separated; with pair, one term of the pair fields
	required bool   // every word must match
	// pair: a phrase of two common words, one term of the pair fields
	// (pairs.go), as oneWord searches it by relevance.
	pair bool
}

// termList is the terms w searches: a pair term is one, its two words
// space-separated.
func (w wordsByDate) termList() []string {
	if w.pair {
		return []string{w.terms}
	}
	return strings.Fields(w.terms)
}

// byDateDays bounds the days of dates keyPage is expected to read for a
// page, from the matches' share of the days their years hold: each day
// costs a dictionary lookup in every segment. Tests change it.
var byDateDays uint64 = 200

// byDatePages counts the pages wordsByDate read from the date key or the
// dates of few matches, so that tests know it did.
var byDatePages atomic.Int64

// fewByDatePages counts those of byDatePages that fewByDate read.
var fewByDatePages atomic.Int64

// byDateFew is the most matches whose page fewByDate reads, and
// byDateFewPerDay about how many matches it reads in the time keyPage
// reads one day (a dictionary lookup and a day's postings, in each
// segment): estimated from words and phrases timed both ways at 100,000
// of the bench's articles (BENCHMARKS.md, twenty-third round). keyPage reads days until it has a
// page of stories: a phrase matched in a few stories of many copies each
// (the bench gives a story about forty) has it read years of days, where
// its dates are sorted in a fraction of a millisecond; a word in thousands
// of stories finds its page in a few days. Tests change them.
var (
	byDateFew       uint64 = 1 << 15
	byDateFewPerDay uint64 = 12
)

// Ways of reading a page sorted by date.
const (
	byGeneral = iota // Bleve's search and sort
	byKey            // keyPage: the date key's postings, day by day
	byFew            // fewByDate: the matches' dates, sorted
)

// dateWay picks how a page of need hits sorted by date is read, from the
// search's matches (copies included), its stories (its total: the
// matches with AllCopies) and the years its matches span. keyPage reads days until it
// has need stories: as many as need matches take if a story's copies are
// spread over many dates, as many as need stories take if they come out
// on one day, as wire copies do. Where the two differ, the matches' dates
// are read if they are fewer than byDateFewPerDay for each day the
// stories would have keyPage read.
func dateWay(matches, stories, need uint64, years int) int {
	if years == 0 {
		return byGeneral
	}
	span := need * uint64(years) * 366
	byMatches, byStories := span/max(matches, 1), span/max(stories, 1) // days keyPage reads
	switch {
	case byMatches <= byDateDays && (byStories <= byDateDays || matches > min(byDateFew, byDateFewPerDay*byStories)):
		return byKey
	case matches <= byDateFew:
		return byFew
	}
	return byGeneral
}

// countedYears is how many years the published histogram of counts has.
func countedYears(counts facetCounts) int {
	for i, name := range countedFacets {
		if name == FacetPublished {
			return len(counts[i])
		}
	}
	return 0
}

// fewByDate returns the page of a search sorted by date, of its matches in
// each segment of snap (nil: none there): their dates (to the second) read
// from the facet tables and sorted, then, for each segment, those up to
// where it holds a page of its own (the page's stories, with every
// document of the last one's second) keyed by their dates as keyPage keys
// them, and keyHits picks the page from those of all segments: a document
// a segment leaves out is later than a page of that segment's own. ok is
// false when the matches hold fewer than a page or an undated document.
func (e *Engine) fewByDate(ctx context.Context, snap *scorch.IndexSnapshot, q Query, from, size int, matches []*roaring.Bitmap) (hits []Hit, ok bool, err error) {
	newest := q.Sort == SortNewest
	need := from + size
	if q.Sort != SortNewest && q.Sort != SortOldest || need > maxKeyPage {
		return nil, false, nil
	}
	segs := snap.Segments()
	tables, _, err := e.facets.snapshotTables(snap)
	if err != nil {
		return nil, false, err
	}
	type dated struct {
		when int64
		num  uint32
	}
	var docs []keyed
	stories := map[uint32]bool{}
	for si, ss := range segs {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		if matches[si] == nil {
			continue
		}
		t := tables[si]
		var ds []dated
		for it := matches[si].Iterator(); it.HasNext(); {
			d := it.Next()
			w := t.when[t.row(uint64(d))]
			if w == math.MaxInt64 {
				return nil, false, nil // undated: the general way
			}
			ds = append(ds, dated{w, d})
		}
		slices.SortFunc(ds, func(a, b dated) int {
			if newest {
				return cmp.Compare(b.when, a.when)
			}
			return cmp.Compare(a.when, b.when)
		})
		// This segment's page: need documents, or stories, and every
		// document of the last one's second (its key orders them).
		own := map[uint32]bool{}
		found, end := 0, 0
		for ; end < len(ds) && (found < need || ds[end].when == ds[end-1].when); end++ {
			g := uint32(0)
			if !q.AllCopies {
				g = t.group[t.row(uint64(ds[end].num))]
			}
			if g == 0 || !own[g] {
				found++
			}
			if g != 0 {
				own[g] = true
			}
		}
		if end == 0 {
			continue
		}
		// Their keys, read in document order.
		picked := ds[:end]
		slices.SortFunc(picked, func(a, b dated) int { return cmp.Compare(a.num, b.num) })
		dv, ok := ss.Segment().(segment.DocValueVisitable)
		if !ok {
			return nil, false, nil
		}
		var state segment.DocVisitState
		for _, d := range picked {
			k := keyed{segDoc: segDoc{si, uint64(d.num)}}
			if state, err = dv.VisitDocValues(uint64(d.num), []string{fieldPublishedKey}, func(_ string, term []byte) {
				k.key = string(term)
			}, state); err != nil {
				return nil, false, fmt.Errorf("read the date of document %d: %w", d.num, err)
			}
			if !q.AllCopies {
				k.group = t.group[t.row(uint64(d.num))]
				if k.group != 0 {
					stories[k.group] = true
				}
			}
			docs = append(docs, k)
		}
	}
	distinct := len(docs)
	if !q.AllCopies {
		distinct = len(stories)
		for _, k := range docs {
			if k.group == 0 {
				distinct++
			}
		}
	}
	if distinct < need {
		return nil, false, nil
	}
	hits, ok, err = e.keyHits(ctx, q, segs, docs, newest, from, need)
	if ok {
		fewByDatePages.Add(1)
	}
	return hits, ok, err
}

func (w wordsByDate) answer(ctx context.Context, e *Engine, p *prepared) (answer, error) {
	terms := w.termList()
	byScore := p.q
	byScore.Sort = SortRelevance
	_, total, matches, counts, err := e.wordSearch(ctx, byScore, terms, w.pair, w.required, 0, 1)
	if err != nil {
		return answer{}, err
	}
	way := dateWay(matches, total, uint64(p.from+p.size), countedYears(counts))
	if way == byGeneral {
		return general{}.answer(ctx, e, p)
	}
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return answer{}, err
	}
	defer closeSnap()
	perSeg, err := wordsMatches(snap.Segments(), p.q, terms, w.pair, w.required)
	if err != nil {
		return answer{}, err
	}
	hits, ok, err := e.datePage(ctx, snap, p.q, p.from, p.size, counts, perSeg, way)
	if err != nil {
		return answer{}, err
	}
	if !ok {
		return general{}.answer(ctx, e, p)
	}
	byDatePages.Add(1)
	return answer{hits: hits, total: total, matches: matches, counts: counts}, nil
}

// wordsMatches returns, for each segment, the live documents that match
// the words of q (any, or every one when required) in the fields its kind
// searches (the pair fields for a pair term), and pass its filters.
func wordsMatches(segs []*scorch.SegmentSnapshot, q Query, terms []string, pair, required bool) ([]*roaring.Bitmap, error) {
	names, _ := wordFields(q.Quotes, pair)
	filters := queryFilters(q)
	out := make([]*roaring.Bitmap, len(segs))
	for si, ss := range segs {
		var postings []segment.PostingsList
		for _, term := range terms {
			pl, err := wordPostings(ss, names, term)
			if err != nil {
				return nil, err
			}
			postings = append(postings, pl...)
		}
		_, match, err := wordsMatched(postings, len(names), required)
		if err != nil {
			return nil, err
		}
		allowed, err := filterBitmap(ss, filters)
		if err != nil {
			return nil, err
		}
		if allowed != nil {
			match = roaring.And(match, allowed)
		}
		out[si] = match
	}
	return out, nil
}

// datePage returns the page of a search sorted by date whose matches in
// each segment of snap are known, read the way dateWay chose. ok is false
// where it is to be read by the general way.
func (e *Engine) datePage(ctx context.Context, snap *scorch.IndexSnapshot, q Query, from, size int, counts facetCounts, matches []*roaring.Bitmap, way int) ([]Hit, bool, error) {
	switch way {
	case byFew:
		return e.fewByDate(ctx, snap, q, from, size, matches)
	case byKey:
		for si := range matches {
			if matches[si] == nil {
				matches[si] = roaring.New()
			}
		}
		return e.keyPageIn(ctx, snap, q, from, size, counts, func([]*scorch.SegmentSnapshot) ([]*roaring.Bitmap, error) { return matches, nil })
	}
	return nil, false, nil
}
