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
	k := allKind(p.q)
	all, kept := e.keptCounts(k)
	if !kept {
		var err error
		if all, err = e.countAll(ctx, k); err != nil {
			return answer{}, err
		}
	}
	hits, ok, err := e.keyPage(ctx, p.q, p.from, p.size, all.counts, nil)
	if err != nil {
		return answer{}, err
	}
	if !ok && p.q.AllCopies {
		sr, err := e.search(ctx, p.req, p.q.Text)
		if err != nil {
			return answer{}, err
		}
		hits = hitsOf(sr, p.q.Quotes)
	} else if !ok {
		if hits, err = e.searchStories(ctx, p); err != nil {
			return answer{}, err
		}
	}
	return answer{hits: hits, total: all.total, matches: all.matches, counts: all.counts}, nil
}

// allKind numbers the kinds of search of everything whose counts are
// kept: articles or quotations, each story once or every copy.
func allKind(q Query) int {
	k := docType(q.Quotes) * 2
	if q.AllCopies {
		k++
	}
	return k
}

// allCounts are the counts of everything of one kind.
type allCounts struct {
	counts         facetCounts
	total, matches uint64
}

// The counts of everything of a kind change only when the index does: they
// are kept per generation (Changed), and counted again by the first search
// after a change or by the warmer (engine.go).

// keptCounts returns the counts of everything of a kind (allKind), if they
// are kept for the index as it is.
func (e *Engine) keptCounts(kind int) (allCounts, bool) {
	gen := e.gen.Load()
	e.allCounts.Lock()
	defer e.allCounts.Unlock()
	if e.allCounts.gen[kind] != gen+1 {
		return allCounts{}, false
	}
	return e.allCounts.all[kind], true
}

// keptAll reports whether the counts of everything of a kind are kept for
// the index as it is.
func (e *Engine) keptAll(kind int) bool {
	_, ok := e.keptCounts(kind)
	return ok
}

// keepAll keeps the counts of everything of a kind, taken at generation
// gen (read before counting, so they are at least as new).
func (e *Engine) keepAll(kind int, gen uint64, all allCounts) {
	e.allCounts.Lock()
	defer e.allCounts.Unlock()
	if e.allCounts.gen[kind] < gen+1 {
		e.allCounts.gen[kind], e.allCounts.all[kind] = gen+1, all
	}
}

// countAll counts the facets of every live document of a kind (allKind)
// from the segments' facet tables, keeps them as the counts of the query
// that matches everything, and returns them with how many stories and
// documents there are.
func (e *Engine) countAll(ctx context.Context, kind int) (allCounts, error) {
	gen := e.gen.Load()
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return allCounts{}, err
	}
	defer closeSnap()
	fc := &facetCounter{tables: &e.facets, collapse: kind%2 == 0}
	if err := fc.start(snap); err != nil {
		return allCounts{}, err
	}
	defer fc.release()
	typ := typeArticle
	if kind/2 == 1 {
		typ = typeQuote
	}
	var all allCounts
	for si, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return allCounts{}, err
		}
		docs, err := termBitmap(ss.Segment(), fieldType, typ, ss.Deleted())
		if err != nil {
			return allCounts{}, fmt.Errorf("count facets: %w", err)
		}
		all.matches += docs.GetCardinality()
		fc.countBitmap(si, fc.offsets[si], docs, countBySets)
	}
	if all.counts, err = fc.result(); err != nil {
		return allCounts{}, fmt.Errorf("count facets: %w", err)
	}
	all.total = all.matches - fc.copies
	e.keepAll(kind, gen, all)
	return all, nil
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
	id    string
	group uint32 // its story, when the page shows each once; 0: none
}

// keyPage returns the hits of a date-sorted page of all documents of q's
// type, with counts the kept counts of everything; ok is false when it
// cannot (not sorted by date, a page deeper than maxKeyPage, or one that
// reaches undated documents). With only, the page is of the documents only
// returns for each segment of the snapshot read (the matches of a search,
// whose counts are then counts), instead of all.
func (e *Engine) keyPage(ctx context.Context, q Query, from, size int, counts facetCounts,
	only func(segs []*scorch.SegmentSnapshot) ([]*roaring.Bitmap, error)) (hits []Hit, ok bool, err error) {
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return nil, false, err
	}
	defer closeSnap()
	return e.keyPageIn(ctx, snap, q, from, size, counts, only)
}

// keyPageIn is keyPage on snap.
func (e *Engine) keyPageIn(ctx context.Context, snap *scorch.IndexSnapshot, q Query, from, size int, counts facetCounts,
	only func(segs []*scorch.SegmentSnapshot) ([]*roaring.Bitmap, error)) (hits []Hit, ok bool, err error) {
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
	segs := snap.Segments()
	// A page of stories counts each story's newest (oldest) copy, the
	// first met, once; stories numbers them.
	var tables []*segmentFacets
	var stories map[uint32]bool
	if !q.AllCopies {
		if tables, _, err = e.facets.snapshotTables(snap); err != nil {
			return nil, false, err
		}
		stories = map[uint32]bool{}
	}
	found := 0
	// The live documents of the wanted type, per segment (or those only
	// says).
	ofType := make([]*roaring.Bitmap, len(segs))
	if only != nil {
		if ofType, err = only(segs); err != nil {
			return nil, false, err
		}
	} else {
		for i, ss := range segs {
			if ofType[i], err = termBitmap(ss.Segment(), fieldType, typ, ss.Deleted()); err != nil {
				return nil, false, err
			}
		}
	}
	var docs []keyed
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
						if !ofType[si].Contains(uint32(p.Number())) {
							continue
						}
						k := keyed{key: entry.Term, segDoc: segDoc{si, p.Number()}}
						found++
						if tables != nil {
							t := tables[si]
							if k.group = t.group[t.row(k.num)]; k.group != 0 {
								if stories[k.group] {
									found--
								}
								stories[k.group] = true
							}
						}
						docs = append(docs, k)
					}
				}
			}
			if found >= need {
				return e.keyHits(ctx, q, segs, docs, newest, from, need)
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
	// holds, and only those. A page of stories may hold any of them.
	end := len(found)
	if q.AllCopies {
		last := found[need-1].key
		end = need
		for end < len(found) && found[end].key == last {
			end++
		}
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
	if !q.AllCopies {
		found = firstOfStory(found)
	}
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

// firstOfStory keeps, of documents in the page's order, the first of each
// story.
func firstOfStory(found []keyed) []keyed {
	seen := map[uint32]bool{}
	return slices.DeleteFunc(found, func(k keyed) bool {
		if k.group == 0 {
			return false
		}
		if seen[k.group] {
			return true
		}
		seen[k.group] = true
		return false
	})
}
