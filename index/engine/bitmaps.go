package engine

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Counting a broad search's facets document by document costs a few
// nanoseconds per value of every match: tens of milliseconds when most of a
// million articles match. Counting on bitmaps costs by the values instead:
// a segment's matches become one bitmap, and a value's count in the segment
// is the size of its intersection with the value's postings. For the few
// values of the year, source, topic and country facets every value is
// counted; for people, organisations and speakers, with many thousands,
// values are taken most frequent first and counting stops as soon as no
// value left could reach the list shown (a value's count in any search is at
// most its number of documents). The counts are exact either way.

// How a search counts depends on how much of the documents of its kind
// (articles or quotations) it matches. Below one in comboShare, each match's
// values are counted one by one. Above it, a match's few values are counted
// by the set they make (a segment's sets are counted and then added up,
// which pays once enough documents share them). Above one in bitmapShare,
// the many-valued fields are counted on bitmaps: values most frequent first
// stop early only when the search's counts are a good share of the values'
// documents; for a smaller share intersecting each value's postings costs
// more than counting the matches' values. (Measured at a million articles:
// BENCHMARKS.md.)
const (
	comboShare  = 10
	bitmapShare = 6
)

// fewValues are the counted fields with few values (years, sources,
// topics, countries). Their values are hot in the cache and cheap to count
// document by document; the many values of the other fields are counted on
// bitmaps.
var fewValues = map[string]bool{fieldYear: true, fieldSource: true, fieldTopic: true, fieldCountry: true}

// fieldsFewFirst lists the counted fields' numbers, fewValues fields first.
var fieldsFewFirst = func() []int {
	var out []int
	for _, first := range []bool{true, false} {
		for i, f := range countedFields {
			if fewValues[f] == first {
				out = append(out, i)
			}
		}
	}
	return out
}()

// valueBitmap returns the articles (or the quotations) of segment table sf
// that have the value with ordinal ord, read from the segment's postings on
// first use and kept (as a copy: the segment's memory may be unmapped once
// it is merged away). A search matches one kind of document only, and the
// other kind's would only be checked and left out.
func (sf *segmentFacets) valueBitmap(ord uint32, v facetValue, quotes bool) (*roaring.Bitmap, error) {
	key := uint64(ord) << 1
	if quotes {
		key |= 1
	}
	if bm, ok := sf.bitmaps.Load(key); ok {
		return bm.(*roaring.Bitmap), nil
	}
	bm, err := termBitmap(sf.seg, countedFields[v.field], v.term, nil)
	if err != nil {
		return nil, err
	}
	if quotes {
		bm.AndNot(sf.articleDocs)
	} else {
		bm.And(sf.articleDocs)
	}
	bm.RunOptimize()
	sf.bitmaps.Store(key, bm)
	return bm, nil
}

// kindDocs returns how many articles (or quotations) of the segment have
// its value k (an index into valueOrds).
func (sf *segmentFacets) kindDocs(k int, quotes bool) uint32 {
	if quotes {
		return sf.valueDocs[k] - sf.valueArticles[k]
	}
	return sf.valueArticles[k]
}

// postingsBitmap copies a postings list's documents into a bitmap.
func postingsBitmap(pl segment.PostingsList) (*roaring.Bitmap, error) {
	bm, err := sharedPostingsBitmap(pl)
	if err != nil {
		return nil, err
	}
	return bm.Clone(), nil
}

// sharedPostingsBitmap returns a postings list's documents as a bitmap,
// which may be the postings' own: not to be changed.
func sharedPostingsBitmap(pl segment.PostingsList) (*roaring.Bitmap, error) {
	it := pl.Iterator(false, false, false, nil)
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if n, one := o.DocNum1Hit(); one {
			return roaring.BitmapOf(uint32(n)), nil
		}
		if bm := o.ActualBitmap(); bm != nil {
			return bm, nil
		}
		return roaring.New(), nil
	}
	bm := roaring.New()
	for {
		p, err := it.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			return bm, nil
		}
		bm.Add(uint32(p.Number()))
	}
}

// candidate is a value and the articles (or quotations) that have it in a
// snapshot.
type candidate struct {
	ord  uint32
	docs uint64
}

// candidates returns, per counted field, the values of the snapshot whose
// segment tables are segs, most articles (or quotations) first; for a
// search of stories, most stories of them first, each counted once per
// segment it has copies in (candidate.docs is then that). They change only
// when the segments do, so the last snapshot's are kept, per kind.
func (ft *facetTables) candidates(ids []uint64, segs []*segmentFacets, values []facetValue, quotes, stories bool) [][]candidate {
	key := segmentsKey(ids)
	kind := 0
	if quotes {
		kind = 1
	}
	if stories {
		kind += 2
	}
	ft.orderMu.Lock()
	defer ft.orderMu.Unlock()
	if ft.orderKey[kind] == key {
		return ft.order[kind]
	}
	docs := map[uint32]uint64{}
	for _, sf := range segs {
		for k, o := range sf.valueOrds {
			if stories {
				docs[o] += uint64(sf.valueStories[kind%2][k])
			} else {
				docs[o] += uint64(sf.kindDocs(k, quotes))
			}
		}
	}
	perField := make([][]candidate, len(countedFields))
	for o, n := range docs {
		f := values[o].field
		perField[f] = append(perField[f], candidate{o, n})
	}
	for _, cands := range perField {
		slices.SortFunc(cands, func(a, b candidate) int {
			// Names compared only on equal counts: the candidates are
			// sorted again whenever the segments change (every second
			// while articles arrive), tens of thousands of them.
			if a.docs != b.docs {
				return cmp.Compare(b.docs, a.docs)
			}
			return strings.Compare(values[a.ord].term, values[b.ord].term)
		})
	}
	ft.orderKey[kind], ft.order[kind] = key, perField
	return perField
}

// segmentsKey names a set of segments by their ids.
func segmentsKey(ids []uint64) string {
	var key strings.Builder
	for _, id := range ids {
		key.WriteString(strconv.FormatUint(id, 36))
		key.WriteByte(',')
	}
	return key.String()
}

// bitmapCounts counts the facets of the fields with many values for a
// search of articles (or quotations) whose matches in segment i are
// matches[i], with the snapshot's candidates, into out.
func bitmapCounts(out facetCounts, segs []*segmentFacets, values []facetValue, perField [][]candidate, matches []*roaring.Bitmap, quotes bool) error {
	var n uint64
	for _, m := range matches {
		if m != nil {
			n += m.GetCardinality()
		}
	}
	budget, spent := intersectBudget(n), uint64(0)
	countOf := func(o uint32) (int, error) {
		var n uint64
		for i, sf := range segs {
			if matches[i] == nil || matches[i].IsEmpty() {
				continue
			}
			if !sf.has(o) {
				continue
			}
			bm, err := sf.valueBitmap(o, values[o], quotes)
			if err != nil {
				return 0, err
			}
			n += matches[i].AndCardinality(bm)
		}
		return int(n), nil
	}
	for f, cands := range perField {
		if fewValues[countedFields[f]] {
			continue // counted document by document
		}
		limit := facetSize
		if countedFacets[f] == FacetPublished {
			limit = maxYears
		}
		var top []FacetValue
		for _, c := range cands {
			if len(top) == limit && int(c.docs) < top[len(top)-1].Count {
				break // no value left can make the list
			}
			if spent++; spent > budget {
				eachMatchCounts(out, segs, values, matches)
				countedEachMatch.Add(1)
				return nil
			}
			n, err := countOf(c.ord)
			if err != nil {
				return err
			}
			if n > 0 {
				v := values[c.ord]
				top = offerValue(top, FacetValue{Value: v.term, Label: v.term, Count: n}, limit)
			}
		}
		out[f] = top
	}
	return nil
}

// intersectBudget is how many values' bitmaps a search counted on bitmaps
// intersects with its n matches before it counts the many-valued fields
// match by match instead. Value by value stops early when the counts are
// a good share of the values' documents; where they are not (a search of
// stories matching few of them, where copies are many; matches with few
// people or organisations), hardly any value is left out, and thousands
// of intersections cost tens of milliseconds at a million articles where
// reading the matches' values costs one or two. One intersection costs
// about what reading two hundred matches' values does (measured at a
// million articles: BENCHMARKS.md), so the budget keeps either way within
// about twice the cheaper. Tests change it to take one way only.
var intersectBudget = func(n uint64) uint64 { return max(16, n/200) }

// countedEachMatch counts the searches that counted their many-valued
// fields match by match, so that tests know the path ran.
var countedEachMatch atomic.Int64

// eachMatchCounts counts the fields with many values for the matches (in
// segment i, matches[i]) one by one, into out.
func eachMatchCounts(out facetCounts, segs []*segmentFacets, values []facetValue, matches []*roaring.Bitmap) {
	counts := countsPool.Get().(*[]uint32)
	if cap(*counts) < len(values) {
		*counts = make([]uint32, len(values))
	}
	c := (*counts)[:len(values)]
	// The matches' values of the many-valued fields (which follow a
	// row's few values) are counted by their index-wide ordinals; seen
	// holds each value counted, once.
	var seen []uint32
	batch := make([]uint32, countBatchSize)
	for i, sf := range segs {
		if matches[i] == nil {
			continue
		}
		it := matches[i].ManyIterator()
		for n := it.NextMany(batch); n > 0; n = it.NextMany(batch) {
			for _, d := range batch[:n] {
				r := sf.row(uint64(d))
				from, to := sf.off[r]+uint32(sf.few[r]), sf.off[r+1]
				if sf.ords16 != nil {
					seen = countGlobal(c, seen, sf.global, sf.ords16[from:to])
				} else {
					seen = countGlobal(c, seen, sf.global, sf.ords32[from:to])
				}
			}
		}
	}
	// Each value counted is offered once, its count cleared as it goes:
	// the array goes back to the pool all zero.
	tops := make([][]FacetValue, len(countedFields))
	for _, o := range seen {
		v := values[o]
		tops[v.field] = offerValue(tops[v.field], FacetValue{Value: v.term, Label: v.term, Count: int(c[o])}, facetSize)
		c[o] = 0
	}
	countsPool.Put(counts)
	for f := range countedFields {
		if !fewValues[countedFields[f]] {
			out[f] = tops[f]
		}
	}
}

// countGlobal counts in counts the values a segment numbers ords, by their
// index-wide ordinals (global), and appends to seen each one counted for
// the first time.
func countGlobal[T uint16 | uint32](counts, seen, global []uint32, ords []T) []uint32 {
	for _, o := range ords {
		g := global[o]
		if counts[g] == 0 {
			seen = append(seen, g)
		}
		counts[g]++
	}
	return seen
}

// has reports whether the segment has the value with ordinal o.
func (sf *segmentFacets) has(o uint32) bool {
	w := o / 64
	return int(w) < len(sf.hasOrd) && sf.hasOrd[w]>>(o%64)&1 == 1
}

// matchBitmap returns the documents of a segment that postings (one list per
// field) match. It is not to be changed: it may be the postings' own.
func matchBitmap(postings []segment.PostingsList) (*roaring.Bitmap, error) {
	var match *roaring.Bitmap
	for _, pl := range postings {
		bm, err := sharedPostingsBitmap(pl)
		if err != nil {
			return nil, err
		}
		if match == nil {
			match = bm
		} else {
			match = roaring.Or(match, bm)
		}
	}
	return match, nil
}

// termBitmap returns the live documents of a segment that have a keyword
// value.
func termBitmap(seg segment.Segment, field, value string, deleted *roaring.Bitmap) (*roaring.Bitmap, error) {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return nil, err
	}
	pl, err := dict.PostingsList([]byte(value), deleted, nil)
	if err != nil {
		return nil, err
	}
	return postingsBitmap(pl)
}
