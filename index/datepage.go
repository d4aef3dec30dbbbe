package index

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// The home page is the newest page of everything. Its counts are kept
// (facets.go), but sorting finds its page by reading the date key of every
// candidate, and a search narrowed to the newest dates still advances
// through the postings of the document type, which hold most of the index:
// 20 ms at a million articles. keyPage reads the page from the date key's
// dictionary instead, day by day from the newest (or oldest): each key's
// documents, those of the wanted type kept, until the page is covered. All
// documents of the days read are taken, and every unread day is older
// (newer), so the page is the one the full search would find: by date, then
// by id.

// maxKeyPage bounds how deep a page keyPage reads; deeper pages go the
// general way.
const maxKeyPage = 10_000

// keyed is one dated document of the wanted type.
type keyed struct {
	key string
	segDoc
	id string
}

// keyPage returns the hits of a date-sorted page of all documents of q's
// type, with counts the kept counts of everything; ok is false when it
// cannot (not sorted by date, a page deeper than maxKeyPage, or one that
// reaches undated documents).
func (ix *Index) keyPage(ctx context.Context, q Query, from, size int, counts facetCounts) (hits []Hit, ok bool, err error) {
	newest := q.Sort == SortNewest
	need := from + size
	var years []FacetValue
	for i, name := range countedFacets {
		if name == FacetPublished {
			years = slices.Clone(counts[i])
		}
	}
	if q.Sort != SortNewest && q.Sort != SortOldest || need > maxKeyPage || len(years) == 0 {
		return nil, false, nil
	}
	slices.SortFunc(years, func(a, b FacetValue) int { return cmp.Compare(a.Value, b.Value) })
	if newest {
		slices.Reverse(years)
	}
	typ := typeArticle
	if q.Quotes {
		typ = typeQuote
	}
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		return nil, false, err
	}
	defer closeSnap()
	if snap == nil {
		return nil, false, nil
	}
	segs := snap.Segments()
	// The live documents of the wanted type, per segment.
	ofType := make([]*roaring.Bitmap, len(segs))
	for i, ss := range segs {
		if ofType[i], err = termBitmap(ss.Segment(), fieldType, typ, ss.Deleted()); err != nil {
			return nil, false, err
		}
	}
	var found []keyed
	for _, y := range years {
		year, err := strconv.Atoi(y.Value)
		if err != nil || year < 1000 || year > 9999 {
			return nil, false, nil
		}
		days := 365
		if time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC).YearDay() == 366 {
			days = 366
		}
		for d := range days {
			day := d
			if newest {
				day = days - 1 - d
			}
			if err := ctx.Err(); err != nil {
				return nil, false, err
			}
			prefix := time.Date(year, time.January, 1+day, 0, 0, 0, 0, time.UTC).Format("20060102")
			for si, ss := range segs {
				dict, err := ss.Segment().Dictionary(fieldPublishedKey)
				if err != nil {
					return nil, false, err
				}
				it := dict.AutomatonIterator(nil, []byte(prefix), []byte(prefix+"~"))
				for {
					e, err := it.Next()
					if err != nil {
						return nil, false, err
					}
					if e == nil || !strings.HasPrefix(e.Term, prefix) {
						break
					}
					pl, err := dict.PostingsList([]byte(e.Term), ss.Deleted(), nil)
					if err != nil {
						return nil, false, err
					}
					pi := pl.Iterator(false, false, false, nil)
					for {
						p, err := pi.Next()
						if err != nil {
							return nil, false, err
						}
						if p == nil {
							break
						}
						if ofType[si].Contains(uint32(p.Number())) {
							found = append(found, keyed{key: e.Term, segDoc: segDoc{si, p.Number()}})
						}
					}
				}
			}
			if len(found) >= need {
				return ix.keyHits(ctx, q, segs, found, newest, from, need)
			}
		}
	}
	return nil, false, nil // the page reaches undated documents
}

// keyHits orders the documents found by date, then by id, and reads the
// page's hits.
func (ix *Index) keyHits(ctx context.Context, q Query, segs []*scorch.SegmentSnapshot, found []keyed, newest bool, from, need int) ([]Hit, bool, error) {
	slices.SortFunc(found, func(a, b keyed) int {
		if newest {
			return strings.Compare(b.key, a.key)
		}
		return strings.Compare(a.key, b.key)
	})
	// Documents of one date go by id: read the ids of the dates the page
	// holds, and only those.
	last := found[need-1].key
	end := need
	for end < len(found) && found[end].key == last {
		end++
	}
	found = found[:end]
	for i := range found {
		id, err := segs[found[i].seg].DocID(found[i].num)
		if err != nil {
			return nil, false, err
		}
		found[i].id = string(id)
	}
	slices.SortStableFunc(found, func(a, b keyed) int {
		if a.key != b.key {
			if newest {
				return strings.Compare(b.key, a.key)
			}
			return strings.Compare(a.key, b.key)
		}
		return strings.Compare(a.id, b.id)
	})
	docs := make([]segDoc, 0, need-from)
	for _, f := range found[from:need] {
		docs = append(docs, f.segDoc)
	}
	hits, err := storedHits(segs, docs, q.Quotes)
	if err != nil {
		return nil, false, err
	}
	return hits, true, nil
}
