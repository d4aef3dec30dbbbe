package engine

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// everything answers a search that filters nothing. Its counts and total
// are those of every document of its kind: kept until the index changes,
// or counted from the facet tables (a sorted search of everything would read
// every document's date from the index files). Its page is read from the
// date key's postings when it is sorted by date (keyPage); by relevance
// (index order, nothing to rank by), or deeper than keyPage reads, Bleve
// finds the page and counts nothing.
type everything struct{}

func (everything) answer(ctx context.Context, e *Engine, p *prepared) (answer, error) {
	counts, total, kept := e.keptCounts(p.q.Quotes)
	if !kept {
		var err error
		if counts, total, err = e.countAll(ctx, p.q.Quotes); err != nil {
			return answer{}, err
		}
	}
	hits, ok, err := e.keyPage(ctx, p.q, p.from, p.size, counts)
	if err != nil {
		return answer{}, err
	}
	if !ok {
		sr, err := e.search(ctx, p.req, p.q.Text)
		if err != nil {
			return answer{}, err
		}
		hits = hitsOf(sr, p.q.Quotes)
	}
	return answer{hits: hits, total: total, counts: counts}, nil
}

// The counts of everything of a kind change only when the index does: they
// are kept per generation (Changed), and counted again by the first search
// after a change or by the warmer (engine.go).

// keptCounts returns the counts and total of everything of a kind
// (articles, or quotations when quotes is true), if they are kept for the
// index as it is.
func (e *Engine) keptCounts(quotes bool) (facetCounts, uint64, bool) {
	gen := e.gen.Load()
	e.allCounts.Lock()
	defer e.allCounts.Unlock()
	t := docType(quotes)
	if e.allCounts.gen[t] != gen+1 {
		return nil, 0, false
	}
	return e.allCounts.counts[t], e.allCounts.total[t], true
}

// keptAll reports whether the counts of everything of a kind are kept for
// the index as it is.
func (e *Engine) keptAll(quotes bool) bool {
	_, _, ok := e.keptCounts(quotes)
	return ok
}

// keepAll keeps the counts and total of everything of a kind, taken at
// generation gen (read before counting, so they are at least as new).
func (e *Engine) keepAll(quotes bool, gen uint64, counts facetCounts, total uint64) {
	e.allCounts.Lock()
	defer e.allCounts.Unlock()
	t := docType(quotes)
	if e.allCounts.gen[t] < gen+1 {
		e.allCounts.gen[t], e.allCounts.counts[t], e.allCounts.total[t] = gen+1, counts, total
	}
}

// countAll counts the facets of every live document of a type (articles,
// or quotes when quotes is true) from the segments' facet tables, keeps
// them as the counts of the query that matches everything, and returns them
// with how many documents there are.
func (e *Engine) countAll(ctx context.Context, quotes bool) (facetCounts, uint64, error) {
	gen := e.gen.Load()
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return nil, 0, err
	}
	defer closeSnap()
	fc := &facetCounter{tables: &e.facets}
	if err := fc.start(snap); err != nil {
		return nil, 0, err
	}
	defer fc.release()
	typ := typeArticle
	if quotes {
		typ = typeQuote
	}
	var total uint64
	for si, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		docs, err := termBitmap(ss.Segment(), fieldType, typ, ss.Deleted())
		if err != nil {
			return nil, 0, fmt.Errorf("count facets: %w", err)
		}
		total += docs.GetCardinality()
		fc.countBitmap(si, fc.offsets[si], docs, countBySets)
	}
	counts, err := fc.result()
	if err != nil {
		return nil, 0, fmt.Errorf("count facets: %w", err)
	}
	e.keepAll(quotes, gen, counts, total)
	return counts, total, nil
}

// The home page is the newest page of everything. Its counts are kept, but
// sorting finds its page by reading the date key of every candidate, and a
// search narrowed to the newest dates still advances through the postings of
// the document type, which hold most of the index: 20 ms at a million
// articles. keyPage reads the page from the date key's dictionary instead,
// day by day from the newest (or oldest): each key's documents, those of the
// wanted type kept, until the page is covered. All documents of the days
// read are taken, and every unread day is older (newer), so the page is the
// one the full search would find: by date, then by id.

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
func (e *Engine) keyPage(ctx context.Context, q Query, from, size int, counts facetCounts) (hits []Hit, ok bool, err error) {
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
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return nil, false, err
	}
	defer closeSnap()
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
					entry, err := it.Next()
					if err != nil {
						return nil, false, err
					}
					if entry == nil || !strings.HasPrefix(entry.Term, prefix) {
						break
					}
					pl, err := dict.PostingsList([]byte(entry.Term), ss.Deleted(), nil)
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
							found = append(found, keyed{key: entry.Term, segDoc: segDoc{si, p.Number()}})
						}
					}
				}
			}
			if len(found) >= need {
				return e.keyHits(ctx, q, segs, found, newest, from, need)
			}
		}
	}
	return nil, false, nil // the page reaches undated documents
}

// keyHits orders the documents found by date, then by id, and reads the
// page's hits.
func (e *Engine) keyHits(ctx context.Context, q Query, segs []*scorch.SegmentSnapshot, found []keyed, newest bool, from, need int) ([]Hit, bool, error) {
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
