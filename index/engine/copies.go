package engine

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Copies of one story (the store's groups: the same agency text run by
// several papers) are one story to a search unless the query asks for
// every copy (Query.AllCopies):
//
//   - the page shows each story once, by its best-ranked copy (the newest
//     on a sort by date), and the hit names the other copies (hits.go);
//   - Total counts stories; Result.Matches counts every copy;
//   - the facets count a story once, by the first of its copies the
//     search meets in index order: a story is counted under the values
//     of that copy. Copies are one text with small edits, so their
//     values nearly always agree; where one copy names a person another
//     cut, the person is counted if the first copy met names them. The
//     counts are exact in that sense: every story once, none twice;
//   - except the source facet, which counts every copy: each source did
//     run the story, and a filter by source finds each copy.
//
// A quotation is a copy when its article is a copy and its words are the
// same (the copy key, quoteCopy): the same words quoted in two copies of a
// story are one quotation.
//
// Each document's story is numbered index-wide (segmentFacets.group); a
// search marks the numbers it has met in a bitset, one bit per story.

// copied reports whether the story of row r of table t was met before by
// this search, and marks it met.
func (fc *facetCounter) copied(t *segmentFacets, r uint64) bool {
	g := t.group[r]
	if g == 0 {
		return false
	}
	w, b := g/64, g%64
	if fc.seen[w]>>b&1 == 1 {
		fc.copies++
		return true
	}
	fc.seen[w] |= 1 << b
	return false
}

// dropCopies returns the rows (of the matches locals of segment si) whose
// story the search meets for the first time, and counts the others' source
// only; searches counted on bitmaps note both, for stories.
func (fc *facetCounter) dropCopies(si int, locals, rows []uint32, mode int) []uint32 {
	t := fc.segs[si]
	kept := rows[:0]
	onBitmaps := mode == countOnBitmaps
	if onBitmaps && fc.copySeg != si {
		fc.copySeg, fc.copyLocals, fc.keptLocals = si, fc.copyLocals[:0], fc.keptLocals[:0]
	}
	for i, r := range rows {
		if !fc.copied(t, uint64(r)) {
			kept = append(kept, r)
			if onBitmaps {
				fc.keptLocals = append(fc.keptLocals, locals[i])
			}
			continue
		}
		fc.copyCombos[t.combo[r]]++
		if onBitmaps {
			fc.copyLocals = append(fc.copyLocals, locals[i])
		}
	}
	return kept
}

// stories returns the matches of segment si, a bitmap of its documents,
// without the copies counted on bitmaps: what the many-valued facets are
// counted from. It may return matches itself, which is not changed. The
// bitmap is made at once from the stories' first copies or from the other
// copies, whichever are fewer (in a large archive of wire copies most
// matches of a common word are copies): far cheaper than adding each to a
// bitmap as it is met.
func (fc *facetCounter) stories(si int, matches *roaring.Bitmap) *roaring.Bitmap {
	if !fc.collapse || matches == nil || fc.copySeg != si || len(fc.copyLocals) == 0 {
		return matches
	}
	var out *roaring.Bitmap
	if len(fc.keptLocals) <= len(fc.copyLocals) {
		out = roaring.BitmapOf(fc.keptLocals...)
	} else {
		out = roaring.AndNot(matches, roaring.BitmapOf(fc.copyLocals...))
	}
	fc.copySeg, fc.copyLocals, fc.keptLocals = -1, fc.copyLocals[:0], fc.keptLocals[:0]
	return out
}

// storyOf returns the story of the segment's document num (0: none).
func (sf *segmentFacets) storyOf(num uint32) uint32 {
	return sf.group[sf.row(uint64(num))]
}

// seenPool recycles the bitsets of stories met; they go back all zero.
var seenPool bitsetPool

type bitsetPool struct{ p sync.Pool }

// get returns an all-zero bitset of at least n bits.
func (bp *bitsetPool) get(n int) []uint64 {
	words := n/64 + 1
	if v, ok := bp.p.Get().(*[]uint64); ok && cap(*v) >= words {
		return (*v)[:words]
	}
	return make([]uint64, words)
}

// putSeen clears the search's bitset and gives it back.
func (fc *facetCounter) putSeen() {
	if fc.seen == nil {
		return
	}
	seen := fc.seen
	clear(seen)
	seenPool.p.Put(&seen)
	fc.seen = nil
}

// groupPage keeps, for Bleve's collector, the best want matches of which
// no two are copies of one story: each story's best match. Bleve's own
// collector, handed these at the end, orders them and cuts the page. The
// worst kept is on top of the heap; a match that does not beat it cannot
// make the page, whatever its story, since a story's kept match is never
// worse than the worst.
type groupPage struct {
	want          int
	sort          search.SortOrder
	cachedScoring []bool
	cachedDesc    []bool
	pool          *search.DocumentMatchPool
	docs          []*search.DocumentMatch
	groups        []uint32
	// at finds a story's kept match: a deep page keeps thousands.
	at map[uint32]int
}

func newGroupPage(want int, sort search.SortOrder) *groupPage {
	return &groupPage{want: want, sort: sort, cachedScoring: sort.CacheIsScore(), cachedDesc: sort.CacheDescending(), at: map[uint32]int{}}
}

// start readies the page for one search's collector.
func (gp *groupPage) start(sctx *search.SearchContext) { gp.pool = sctx.DocumentMatchPool }

// compare orders two matches as the search sorts them: below 0 when a
// comes first.
func (gp *groupPage) compare(a, b *search.DocumentMatch) int {
	return gp.sort.Compare(gp.cachedScoring, gp.cachedDesc, a, b)
}

// offer keeps d, of story group (0: none), if it is its story's best so far
// and among the best want stories.
func (gp *groupPage) offer(d *search.DocumentMatch, group uint32) {
	full := len(gp.docs) >= gp.want
	if full && gp.compare(d, gp.docs[0]) >= 0 {
		gp.pool.Put(d)
		return
	}
	if i, ok := gp.at[group]; ok && group != 0 {
		if gp.compare(d, gp.docs[i]) < 0 {
			gp.pool.Put(gp.docs[i])
			gp.docs[i] = d
			heap.Fix(gp, i)
		} else {
			gp.pool.Put(d)
		}
		return
	}
	if !full {
		gp.docs, gp.groups = append(gp.docs, d), append(gp.groups, group)
		gp.at[group] = len(gp.docs) - 1
		heap.Fix(gp, len(gp.docs)-1)
		return
	}
	gp.pool.Put(gp.docs[0])
	delete(gp.at, gp.groups[0])
	gp.docs[0], gp.groups[0] = d, group
	gp.at[group] = 0
	heap.Fix(gp, 0)
}

// flush hands the kept matches to Bleve's collector, and then the end.
func (gp *groupPage) flush(next search.DocumentMatchHandler) error {
	for _, d := range gp.docs {
		if err := next(d); err != nil {
			return err
		}
	}
	gp.docs, gp.groups = nil, nil
	return next(nil)
}

// The heap's order: the worst match on top.
func (gp *groupPage) Len() int           { return len(gp.docs) }
func (gp *groupPage) Less(i, j int) bool { return gp.compare(gp.docs[i], gp.docs[j]) > 0 }
func (gp *groupPage) Swap(i, j int) {
	gp.docs[i], gp.docs[j] = gp.docs[j], gp.docs[i]
	gp.groups[i], gp.groups[j] = gp.groups[j], gp.groups[i]
	gp.at[gp.groups[i]], gp.at[gp.groups[j]] = i, j
}
func (gp *groupPage) Push(x any) { panic("groupPage grows by offer") }
func (gp *groupPage) Pop() any   { panic("groupPage never shrinks") }

// maxCopies bounds the copies read for one page's hits where the
// segments are not read directly (searchCopies): a story run by thousands
// of papers names the first of them.
const maxCopies = 5000

// listedCopies is how many of its story's other copies a hit names, the
// first to run. At a million articles a story has tens of copies: naming
// them all cost more than the rest of a page (their stored fields and
// their JSON). The hit counts every copy (CopyCount) and names every
// source that ran it (CopySources); a search by its group lists them all.
// A variable for tests.
var listedCopies = 10

// storyCopies is what a page learns of one story's copies.
type storyCopies struct {
	// first are the first copies to run, oldest first: listedCopies+1 of
	// them where there are as many (one may be the hit itself), or more
	// where some ran at the same second as the last.
	first []Hit
	// count counts every copy; sources names their sources, each once,
	// in the order the copies ran.
	count   int
	sources []string
}

// addCopies names, for each hit of a page of stories, the story's first
// other copies in the archive (whether or not they match the search: a
// copy cut short may not), oldest first, and counts them all: for an
// article, the other articles of its group; for a quotation, the other
// articles that quote the same words in a copy of the story. One search
// finds them for the whole page.
func (e *Engine) addCopies(ctx context.Context, p *prepared, hits []Hit) error {
	field := fieldGroup
	if p.q.Quotes {
		field = fieldCopy
	}
	keyOf := func(h Hit) string {
		if h.Group == "" {
			return "" // an index from before groups
		}
		if p.q.Quotes {
			return quoteCopy(h.Group, h.Quote)
		}
		return h.Group
	}
	// Most stories are one article: only those the facet tables count
	// more than one document of are looked up.
	var keys []string
	for _, h := range hits {
		if k := keyOf(h); k != "" && !slices.Contains(keys, k) && e.facets.mayHaveCopies(field, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	found, err := e.readCopies(ctx, p.q.Quotes, field, keys)
	if err != nil {
		return err
	}
	for i, h := range hits {
		sc := found[keyOf(h)]
		if sc == nil || sc.count < 2 {
			continue
		}
		for _, c := range sc.first {
			if c.ID != h.ID && len(hits[i].Copies) < listedCopies {
				hits[i].Copies = append(hits[i].Copies, copyOf(c))
			}
		}
		// The hit is one of the story's documents, unless it went
		// between the search and this read.
		hits[i].CopyCount = max(sc.count-1, len(hits[i].Copies))
		for _, s := range sc.sources {
			if s != h.Source {
				hits[i].CopySources = append(hits[i].CopySources, s)
			}
		}
	}
	return nil
}

// sourceRan is a copy's source and the second it ran.
type sourceRan struct {
	source string
	when   int64
}

// sourcesInOrder returns the sources of a story's copies, each once, in
// the order they first ran, to the second; sources that first ran in the
// same second by name.
func sourcesInOrder(ran []sourceRan) []string {
	slices.SortFunc(ran, func(a, b sourceRan) int {
		return cmp.Or(cmp.Compare(a.when, b.when), strings.Compare(a.source, b.source))
	})
	var out []string
	for _, r := range ran {
		if r.source != "" && !slices.Contains(out, r.source) {
			out = append(out, r.source)
		}
	}
	return out
}

func copyOf(h Hit) Copy {
	return Copy{ID: h.ID, Title: h.Title, URL: h.URL, Source: h.Source, Published: h.Published}
}

// readCopies finds the documents whose field holds one of keys (the
// articles of groups, or the quotations of quotation copies, with their
// articles) and returns, by key, the first to run, their number and their
// sources. The copies' postings are read from the segments, and their
// dates and sources from the facet tables; only the first copies' stored
// fields are read: a search sorted by date would read the sort key of
// every copy through the collector first.
func (e *Engine) readCopies(ctx context.Context, quotes bool, field string, keys []string) (map[string]*storyCopies, error) {
	if e.generalOnly {
		return e.searchCopies(ctx, quotes, field, keys)
	}
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return nil, fmt.Errorf("read the copies of %d stories: %w", len(keys), err)
	}
	defer closeSnap()
	segs := snap.Segments()
	// The facet tables tell articles from quotations (a quotation holds
	// its article's group too) without reading the type's postings.
	tables, values, err := e.facets.snapshotTables(snap)
	if err != nil {
		return nil, fmt.Errorf("read the copies of %d stories: %w", len(keys), err)
	}
	type copyDoc struct {
		segDoc
		key  int
		when int64
	}
	var docs []copyDoc
	for si, ss := range segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := tables[si]
		// One dictionary for the keys, and the postings' own bitmaps
		// (only read): most keys are in none of a segment's documents.
		dict, err := ss.Segment().Dictionary(field)
		if err != nil {
			return nil, fmt.Errorf("read the copies of %d stories: %w", len(keys), err)
		}
		var pl segment.PostingsList
		for ki, k := range keys {
			if pl, err = dict.PostingsList([]byte(k), ss.Deleted(), pl); err != nil {
				return nil, fmt.Errorf("read the copies of %d stories: %w", len(keys), err)
			}
			b, err := sharedPostingsBitmap(pl)
			if err != nil {
				return nil, fmt.Errorf("read the copies of %d stories: %w", len(keys), err)
			}
			for it := b.Iterator(); it.HasNext(); {
				d := uint64(it.Next())
				if (t.isArticle[d/64]>>(d%64)&1 == 1) != quotes {
					docs = append(docs, copyDoc{segDoc{si, d}, ki, t.when[t.row(d)]})
				}
			}
		}
	}
	slices.SortFunc(docs, func(a, b copyDoc) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.when, b.when), cmp.Compare(a.seg, b.seg), cmp.Compare(a.num, b.num))
	})
	out := make(map[string]*storyCopies, len(keys))
	var read []segDoc
	var readKey []int
	for from := 0; from < len(docs); {
		to := from + 1
		for to < len(docs) && docs[to].key == docs[from].key {
			to++
		}
		story := docs[from:to]
		sc := &storyCopies{count: len(story)}
		ran := make([]sourceRan, 0, len(story))
		for _, d := range story {
			t := tables[d.seg]
			ran = append(ran, sourceRan{t.sourceOf(t.row(d.num), values), d.when})
		}
		sc.sources = sourcesInOrder(ran)
		// The first copies by the second they ran, and any that ran in
		// the same second as the last of them: their order is settled by
		// the full date and id once they are read.
		cut := min(len(story), listedCopies+1)
		for cut < len(story) && story[cut].when == story[cut-1].when {
			cut++
		}
		sc.first = make([]Hit, 0, cut)
		for _, d := range story[:cut] {
			read = append(read, d.segDoc)
			readKey = append(readKey, d.key)
		}
		out[keys[story[0].key]] = sc
		from = to
	}
	found, err := storedHits(segs, read, quotes)
	if err != nil {
		return nil, fmt.Errorf("read the copies of %d stories: %w", len(keys), err)
	}
	if quotes {
		if err := e.addArticles(ctx, found); err != nil {
			return nil, fmt.Errorf("read the copies of %d quotations: %w", len(keys), err)
		}
	}
	for i, h := range found {
		sc := out[keys[readKey[i]]]
		sc.first = append(sc.first, h)
	}
	for _, sc := range out {
		slices.SortFunc(sc.first, compareCopies)
	}
	return out, nil
}

// compareCopies orders copies as the search by date does: oldest first,
// then by id (a quotation's own id: the articles' ids in its order), and
// the undated last.
func compareCopies(a, b Hit) int {
	if az, bz := a.Published.IsZero(), b.Published.IsZero(); az != bz {
		if az {
			return 1
		}
		return -1
	}
	if c := a.Published.Compare(b.Published); c != 0 {
		return c
	}
	return cmp.Or(strings.Compare(a.QuoteID, b.QuoteID), strings.Compare(a.ID, b.ID))
}

// searchCopies is readCopies by searches sorted by date, one a story:
// the way that reads no segment itself, and what the tests hold readCopies
// to. A story of more than maxCopies copies is counted in full and its
// sources taken from the first maxCopies.
func (e *Engine) searchCopies(ctx context.Context, quotes bool, field string, keys []string) (map[string]*storyCopies, error) {
	typ := typeArticle
	if quotes {
		typ = typeQuote
	}
	out := make(map[string]*storyCopies, len(keys))
	for _, k := range keys {
		q := query.NewConjunctionQuery([]query.Query{termQuery(fieldType, typ), termQuery(field, k)})
		req := bleve.NewSearchRequestOptions(q, maxCopies, 0, false)
		req.Score = bleve.ScoreNone
		req.SortBy([]string{fieldPublishedKey, "_id"})
		req.Fields = articleHitFields
		if quotes {
			req.Fields = quoteHitFields
		}
		sr, err := e.search(ctx, req, "")
		if err != nil {
			return nil, fmt.Errorf("read the copies of %d stories: %w", len(keys), err)
		}
		if sr.Total == 0 {
			continue
		}
		found := make([]Hit, len(sr.Hits))
		for i, h := range sr.Hits {
			if quotes {
				found[i] = quoteHit(h)
			} else {
				found[i] = articleHit(h)
			}
		}
		if quotes {
			if err := e.addArticles(ctx, found); err != nil {
				return nil, fmt.Errorf("read the copies of %d quotations: %w", len(keys), err)
			}
		}
		var ran []sourceRan
		for _, h := range found {
			when := int64(math.MaxInt64)
			if !h.Published.IsZero() {
				when = h.Published.Unix()
			}
			ran = append(ran, sourceRan{h.Source, when})
		}
		sc := &storyCopies{count: int(sr.Total), first: found[:min(len(found), listedCopies+1)], sources: sourcesInOrder(ran)}
		out[k] = sc
	}
	return out, nil
}
