package engine

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Facet sizes: how many values of each facet a Result lists, and how many
// years the histogram can show.
const (
	facetSize = 15
	maxYears  = 1000
)

// Facets are counted here rather than by Bleve's facet builders, which
// decode every matching document's doc values and cost a few microseconds
// per match. Index segments never change once written, so each segment's
// facet values are read once into a compact table (per document, the
// ordinals of its values) and a search only adds up ordinals: tens of
// nanoseconds per match. The counts stay exact: every matching document is
// counted, as Bleve's collector hands it over. The counts of a query
// without text or filters (the home page) are kept until the index changes.

// countedFields are the fields counted, in the order of a segment table's
// field numbers: the facets, then the year histogram.
var countedFields = []string{fieldPerson, fieldSpeaker, fieldCountry, fieldTopic, fieldOrg, fieldSource, fieldYear}

// countedFacets names the facet of each counted field.
var countedFacets = []string{FacetPerson, FacetSpeaker, FacetCountry, FacetTopic, FacetOrg, FacetSource, FacetPublished}

// facetValue is one distinct value of a counted field.
type facetValue struct {
	field uint8 // index into countedFields
	term  string
}

// segmentFacets holds one segment's facet values in compressed-row form:
// per document, the numbers of its values, which global turns into
// index-wide ordinals (facetTables.values), so that the counts of all
// segments add up in one array without looking values up by name.
type segmentFacets struct {
	once sync.Once
	err  error
	// The values of the document in row r are ords[off[r]:off[r+1]]; the
	// rows hold articles first (row says why and how).
	off       []uint32
	isArticle []uint64 // a bit per document
	rank      []uint32 // per 64 documents, the articles before them
	articles  uint64
	// The values are numbered within the segment, most documents first,
	// so that the counts of the values most matches have sit together in
	// the processor's nearest cache; global turns a segment's number into
	// the index-wide ordinal. A segment of at most 65536 values keeps its
	// numbers in ords16, half the memory; a larger one in ords32.
	ords16 []uint16
	ords32 []uint32
	global []uint32

	// The segment's values, each with how many of its documents (deleted
	// ones included) have it, for counting on bitmaps (bitmaps.go).
	seg segment.Segment
	few []uint8 // per row, how many of its values are of fewValues fields
	// combo numbers each row's set of fewValues values, and year its
	// year (from 1; 0 for none), in facetTables.sets and years.
	combo     []uint32
	year      []uint16
	valueOrds []uint32
	valueDocs []uint32
	// valueArticles counts the articles among each value's documents;
	// articleDocs are the segment's articles.
	valueArticles []uint32
	// valueStories counts the stories among each value's articles, and
	// the stories among its quotations (countStories).
	valueStories [2][]uint32
	articleDocs  *roaring.Bitmap
	bitmaps      sync.Map // kindOrd -> *roaring.Bitmap, read on first use
	hasOrd       []uint64 // a bit per ordinal of the values the segment has

	// group is, per row, the index-wide number of the story the document
	// is a copy of (facetTables.groupOrdinals; 0 for none: a document of
	// an index from before groups), for counting a story once and
	// collapsing its copies into one hit. isSource tells, by the
	// segment's number, the values of the source facet, which counts
	// every copy.
	group    []uint32
	isSource []bool
	// when is, per row, the document's date in seconds (from its date
	// key; math.MaxInt64 for none): a page's copies are put in the order
	// they ran before any is read (readCopies).
	when []int64
	// storiesCounted says the table's documents are in
	// facetTables.storyDocs; guarded by facetTables.mu.
	storiesCounted bool

	// bodyOrd numbers each document's body key (bodykeys.go), read on
	// first use.
	bodyOnce sync.Once
	bodyOrd  []uint32
	bodyErr  error
}

// setRows numbers the rows of the segment's n documents: articles (the
// documents in articles) first, each kind in document order.
func (sf *segmentFacets) setRows(n uint64, articles *roaring.Bitmap) {
	sf.isArticle = make([]uint64, n/64+1)
	sf.rank = make([]uint32, n/64+1)
	for it := articles.Iterator(); it.HasNext(); {
		if d := uint64(it.Next()); d < n {
			sf.isArticle[d/64] |= 1 << (d % 64)
		}
	}
	var r uint32
	for w, b := range sf.isArticle {
		sf.rank[w] = r
		r += uint32(bits.OnesCount64(b))
	}
	sf.articles = uint64(r)
}

// docsOf returns how many articles (or quotations) the segment holds,
// deleted ones included.
func (sf *segmentFacets) docsOf(quotes bool) uint64 {
	if quotes {
		return uint64(len(sf.few)) - sf.articles
	}
	return sf.articles
}

// row returns the row of local document d.
func (sf *segmentFacets) row(d uint64) uint64 {
	w, b := d/64, d%64
	word := sf.isArticle[w]
	before := uint64(sf.rank[w]) + uint64(bits.OnesCount64(word&(1<<b-1)))
	if word>>b&1 == 1 {
		return before
	}
	return sf.articles + d - before
}

// build reads the segment's facet values from its postings: for each
// counted field, each term and the documents that have it. That needs no
// doc values, which would hold the same again per document.
func (sf *segmentFacets) build(seg segment.Segment, ft *facetTables) error {
	n := seg.Count()
	// The documents of each value, values in the order found.
	var docs []uint32
	var ends []int
	var values []facetValue
	perDoc := make([]uint32, n+1)
	few := make([]uint8, n)
	articles, err := termBitmap(seg, fieldType, typeArticle, nil)
	if err != nil {
		return fmt.Errorf("read the articles: %w", err)
	}
	sf.setRows(n, articles)
	var valueArticles []uint32
	// The fields of few values first, so that they lead each document's
	// values: a search counting the others on bitmaps counts just these.
	for _, fi := range fieldsFewFirst {
		field := countedFields[fi]
		arts := uint32(0)
		err := eachTerm(seg, field, func(d uint64) {
			docs = append(docs, uint32(d))
			perDoc[d+1]++
			if sf.isArticle[d/64]>>(d%64)&1 == 1 {
				arts++
			}
			if fewValues[field] && few[d] < 255 {
				few[d]++
			}
		}, func(term string) {
			values = append(values, facetValue{field: uint8(fi), term: term})
			ends = append(ends, len(docs))
			valueArticles = append(valueArticles, arts)
			arts = 0
		})
		if err != nil {
			return err
		}
	}
	global := ft.ordinals(values)
	sf.seg = seg
	sf.articleDocs = articles
	sf.valueArticles = valueArticles
	sf.valueOrds = global
	if len(global) > 0 {
		sf.hasOrd = make([]uint64, slices.Max(global)/64+1)
	}
	for _, o := range global {
		sf.hasOrd[o/64] |= 1 << (o % 64)
	}
	sf.valueDocs = make([]uint32, len(ends))
	for i, to := range ends {
		from := 0
		if i > 0 {
			from = ends[i-1]
		}
		sf.valueDocs[i] = uint32(to - from)
	}
	// The documents are laid out in rows, articles first, then
	// quotations: a search of one kind reads its own kind's rows densely,
	// not spread between the other's. (A quotation carries its article's
	// people and organisations: most values are theirs.)
	rowOf := make([]uint32, n)
	fewRow := make([]uint8, n)
	sf.off = make([]uint32, n+1)
	for d := range n {
		r := sf.row(d)
		rowOf[d], fewRow[r] = uint32(r), few[d]
		sf.off[r+1] = perDoc[d+1]
	}
	for r := range n {
		sf.off[r+1] += sf.off[r]
	}
	sf.few = fewRow
	// The segment's numbers, most documents first.
	byDocs := make([]int, len(values))
	for i := range byDocs {
		byDocs[i] = i
	}
	slices.SortStableFunc(byDocs, func(a, b int) int { return cmp.Compare(sf.valueDocs[b], sf.valueDocs[a]) })
	local := make([]uint32, len(values))
	sf.global = make([]uint32, len(values))
	for l, i := range byDocs {
		local[i], sf.global[l] = uint32(l), global[i]
	}
	ords := make([]uint32, len(docs))
	next := slices.Clone(sf.off[:n])
	from := 0
	for i, to := range ends {
		for _, d := range docs[from:to] {
			r := rowOf[d]
			ords[next[r]] = local[i]
			next[r]++
		}
		from = to
	}
	if len(values) <= 1<<16 {
		sf.ords16 = make([]uint16, len(ords))
		for i, o := range ords {
			sf.ords16[i] = uint16(o)
		}
	} else {
		sf.ords32 = ords
	}
	// Documents share their few-valued values (a source, a topic or two,
	// a country or two) far more often than not: each distinct set is
	// numbered, so that counting them costs one increment per document.
	// The year stays out of the sets: over thirty years it would make
	// nearly every set distinct. It is counted on its own, by a short
	// number into the segment's years.
	yearField := uint8(slices.Index(countedFields, fieldYear))
	isYear := make([]bool, len(values)) // by the segment's number
	for l, i := range byDocs {
		isYear[l] = values[i].field == yearField
	}
	sf.combo = make([]uint32, n)
	sf.year = make([]uint16, n)
	// The segment's sets (each named by its ordinals' bytes) and years,
	// numbered here first, then index-wide.
	ids := map[string]uint32{}
	var sets []string
	yearIDs := map[uint32]uint16{}
	var years []uint32
	var key []byte
	for r := range n {
		key = key[:0]
		for _, l := range ords[sf.off[r] : sf.off[r]+uint32(sf.few[r])] {
			o := sf.global[l]
			if isYear[l] && sf.year[r] == 0 {
				y, ok := yearIDs[o]
				if !ok && len(years) < math.MaxUint16 {
					years = append(years, o)
					y = uint16(len(years))
					yearIDs[o] = y
				}
				sf.year[r] = y
				continue
			}
			key = binary.LittleEndian.AppendUint32(key, o)
		}
		id, ok := ids[string(key)]
		if !ok {
			id = uint32(len(sets))
			ids[string(key)] = id
			sets = append(sets, string(key))
		}
		sf.combo[r] = id
	}
	setNums, yearNums := ft.setNumbers(sets, years)
	for r, c := range sf.combo {
		sf.combo[r] = setNums[c]
	}
	for r, y := range sf.year {
		if y != 0 {
			sf.year[r] = yearNums[y-1]
		}
	}
	sourceField := uint8(slices.Index(countedFields, fieldSource))
	sf.isSource = make([]bool, len(values))
	for l, i := range byDocs {
		sf.isSource[l] = values[i].field == sourceField
	}
	if err := sf.buildGroups(seg, ft); err != nil {
		return err
	}
	if err := sf.buildDates(seg); err != nil {
		return err
	}
	sf.countStories(docs, ends)
	return nil
}

// countStories counts, for each value (its documents are docs up to its
// end in ends), the stories among its articles and among its quotations: a
// search of stories counts a value at most once per story, and at a
// million articles most stories have tens of copies, so a value's
// documents would bound its count in such a search far above it
// (bitmapCounts stops at the bound). A document of no story is a story of
// its own.
func (sf *segmentFacets) countStories(docs []uint32, ends []int) {
	var stories uint32
	for _, g := range sf.group {
		stories = max(stories, g)
	}
	last := make([]uint32, stories+1) // per story, the value that last counted it, from 1
	for k := range sf.valueStories {
		sf.valueStories[k] = make([]uint32, len(ends))
	}
	from := 0
	for i, to := range ends {
		for _, d := range docs[from:to] {
			kind := 1
			if sf.isArticle[d/64]>>(d%64)&1 == 1 {
				kind = 0
			}
			g := sf.group[sf.row(uint64(d))]
			// Articles and quotations have stories of their own kinds
			// (groups, copy keys), numbered apart.
			if g != 0 && last[g] == uint32(i)+1 {
				continue
			}
			if g != 0 {
				last[g] = uint32(i) + 1
			}
			sf.valueStories[kind][i]++
		}
		from = to
	}
}

// buildGroups numbers the story of each of the segment's documents: an
// article's group, a quotation's copy key (the same words in copies of one
// story).
func (sf *segmentFacets) buildGroups(seg segment.Segment, ft *facetTables) error {
	n := seg.Count()
	sf.group = make([]uint32, n)
	var hashes []uint64
	var rows [][]uint32
	for _, field := range []string{fieldGroup, fieldCopy} {
		articles := field == fieldGroup
		var docs []uint32
		err := eachTerm(seg, field, func(d uint64) {
			// Quotations carry their article's group too, for
			// filtering; they are collapsed by their copy key.
			if (sf.isArticle[d/64]>>(d%64)&1 == 1) == articles {
				docs = append(docs, uint32(sf.row(d)))
			}
		}, func(term string) {
			if len(docs) > 0 {
				hashes = append(hashes, maphash.String(groupSeed, field+"\x00"+term))
				rows = append(rows, docs)
				docs = nil
			}
		})
		if err != nil {
			return err
		}
	}
	ft.numberStories(sf, hashes, rows)
	return nil
}

// buildDates reads each document's date, to the second, from its date
// key's doc values, read in document order: each chunk of them is
// decompressed once, where the key's dictionary would be a lookup a
// document (a million at a million articles).
func (sf *segmentFacets) buildDates(seg segment.Segment) error {
	n := seg.Count()
	sf.when = make([]int64, n)
	for r := range sf.when {
		sf.when[r] = math.MaxInt64
	}
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return fmt.Errorf("read dates: a %T segment has no doc values", seg)
	}
	fields := []string{fieldPublishedKey}
	var state segment.DocVisitState
	var err error
	for d := range n {
		state, err = dv.VisitDocValues(d, fields, func(_ string, term []byte) {
			if when, ok := keySeconds(term); ok {
				sf.when[sf.row(d)] = when
			}
		}, state)
		if err != nil {
			return fmt.Errorf("read the date of document %d: %w", d, err)
		}
	}
	return nil
}

// keySeconds reads a date key (publishedKeyLayout) to the second, without
// time.Parse: a segment of a million documents has a million keys.
func keySeconds(key []byte) (int64, bool) {
	if len(key) < 14 {
		return 0, false
	}
	var n [6]int
	for i, w := range []int{4, 2, 2, 2, 2, 2} {
		for range w {
			c := key[0]
			if c < '0' || c > '9' {
				return 0, false
			}
			n[i] = n[i]*10 + int(c-'0')
			key = key[1:]
		}
	}
	return time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], 0, time.UTC).Unix(), true
}

// sourceOf returns the source of row r, its value's term ("" for none).
func (sf *segmentFacets) sourceOf(r uint64, values []facetValue) string {
	from, to := sf.off[r], sf.off[r]+uint32(sf.few[r])
	for i := from; i < to; i++ {
		var l uint32
		if sf.ords16 != nil {
			l = uint32(sf.ords16[i])
		} else {
			l = sf.ords32[i]
		}
		if sf.isSource[l] {
			return values[sf.global[l]].term
		}
	}
	return ""
}

// eachTerm reads the postings of field in seg, term by term in the
// dictionary's order: doc for each document of a term, then done with the
// term. Document numbers are checked against the segment's count.
func eachTerm(seg segment.Segment, field string, doc func(d uint64), done func(term string)) error {
	n := seg.Count()
	dict, err := seg.Dictionary(field)
	if err != nil {
		return fmt.Errorf("read %s terms: %w", field, err)
	}
	it := dict.AutomatonIterator(nil, nil, nil)
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	for {
		e, err := it.Next()
		if err != nil {
			return fmt.Errorf("read %s terms: %w", field, err)
		}
		if e == nil {
			return nil
		}
		if pl, err = dict.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return fmt.Errorf("read %s postings: %w", field, err)
		}
		pi = pl.Iterator(false, false, false, pi)
		for {
			p, err := pi.Next()
			if err != nil {
				return fmt.Errorf("read %s postings: %w", field, err)
			}
			if p == nil {
				break
			}
			d := p.Number()
			if d >= n {
				return fmt.Errorf("read %s postings: document %d of %d", field, d, n)
			}
			doc(d)
		}
		done(e.Term)
	}
}

// groupSeed hashes group keys: a story is known by its key's 64-bit hash,
// which keeps the numbering's map small; two keys of a million-article
// archive share a hash with a chance of about one in 30 million.
var groupSeed = maphash.MakeSeed()

// numberStories gives the rows of table sf the index-wide numbers (from 1)
// of their stories, by the hashes of the stories' keys (rows[i] are those
// of hashes[i]), numbering new ones, and counts them in ft.storyDocs.
// Numbered index-wide, the copies of a story in several segments have one
// number, which a search marks once it has counted the story.
func (ft *facetTables) numberStories(sf *segmentFacets, hashes []uint64, rows [][]uint32) {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	if ft.groups == nil {
		ft.groups, ft.storyDocs = map[uint64]uint32{}, []uint32{0}
	}
	for i, h := range hashes {
		g, ok := ft.groups[h]
		if !ok {
			g = uint32(len(ft.groups) + 1)
			ft.groups[h] = g
			ft.storyDocs = append(ft.storyDocs, 0)
		}
		for _, r := range rows[i] {
			sf.group[r] = g
		}
		ft.storyDocs[g] += uint32(len(rows[i]))
	}
	sf.storiesCounted = true
}

// forgetStories takes the documents of table sf, which is being forgotten,
// out of ft.storyDocs; ft.mu is held.
func (ft *facetTables) forgetStories(sf *segmentFacets) {
	if !sf.storiesCounted {
		return
	}
	for _, g := range sf.group {
		if g != 0 {
			ft.storyDocs[g]--
		}
	}
	sf.storiesCounted = false
}

// mayHaveCopies reports whether the story with this key in field (fieldGroup
// or fieldCopy) may have more than one document: false only when the
// tables count one at most. The tables count deleted documents, and those
// of segments merged away until they are forgotten, never fewer than a
// snapshot holds.
func (ft *facetTables) mayHaveCopies(field, key string) bool {
	h := maphash.String(groupSeed, field+"\x00"+key)
	ft.mu.Lock()
	defer ft.mu.Unlock()
	g, ok := ft.groups[h]
	return ok && ft.storyDocs[g] > 1
}

// setNumbers returns the index-wide numbers of sets of few values (each
// named by its ordinals, little-endian) and of years (each its ordinal;
// numbers from 1), numbering new ones. Numbered index-wide, a search counts
// the sets and years of all segments in one array, and turns them into
// value counts once.
func (ft *facetTables) setNumbers(sets []string, years []uint32) ([]uint32, []uint16) {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	if ft.setIDs == nil {
		ft.setIDs, ft.yearIDs = map[string]uint32{}, map[uint32]uint16{}
	}
	setNums := make([]uint32, len(sets))
	for i, key := range sets {
		id, ok := ft.setIDs[key]
		if !ok {
			id = uint32(len(ft.sets))
			ft.setIDs[key] = id
			set := make([]uint32, len(key)/4)
			for k := range set {
				set[k] = binary.LittleEndian.Uint32([]byte(key[4*k:]))
			}
			ft.sets = append(ft.sets, set)
		}
		setNums[i] = id
	}
	yearNums := make([]uint16, len(years))
	for i, o := range years {
		y, ok := ft.yearIDs[o]
		if !ok && len(ft.years) < math.MaxUint16 {
			ft.years = append(ft.years, o)
			y = uint16(len(ft.years))
			ft.yearIDs[o] = y
		}
		yearNums[i] = y
	}
	return setNums, yearNums
}

// facetTables caches the tables of an index's segments, by segment id, and
// numbers every facet value the index has held.
type facetTables struct {
	mu     sync.Mutex
	tables map[uint64]*segmentFacets
	// values by ordinal; it only grows (by the values of new segments),
	// so a slice of it taken under mu stays valid.
	values []facetValue
	ords   map[facetValue]uint32
	// sets and years are the sets of few values and the years documents
	// have, by their number (setNumbers); like values, they only grow.
	sets    [][]uint32
	setIDs  map[string]uint32
	years   []uint32
	yearIDs map[uint32]uint16
	// groups numbers stories by their key's hash (numberStories); it
	// only grows. storyDocs counts, by story number, the documents of the
	// tables kept (deleted ones included).
	groups    map[uint64]uint32
	storyDocs []uint32

	// impacts are the segments' impact lists (impacts.go).
	impacts impactCache
	// phrases are the segments' documents that hold phrases searched
	// (phrasecache.go).
	phrases phraseCache

	// The last snapshot's values by how many articles (order[0]) or
	// quotations (order[1]) have them, or (order[2], order[3]) how many
	// stories of them.
	orderMu  sync.Mutex
	orderKey [4]string
	order    [4][][]candidate
}

// ordinals returns the index-wide ordinals of values, numbering new ones.
func (ft *facetTables) ordinals(values []facetValue) []uint32 {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	out := make([]uint32, len(values))
	if ft.ords == nil {
		ft.ords = map[facetValue]uint32{}
	}
	for i, v := range values {
		o, ok := ft.ords[v]
		if !ok {
			o = uint32(len(ft.values))
			ft.ords[v] = o
			ft.values = append(ft.values, v)
		}
		out[i] = o
	}
	return out
}

// snapshotTables returns the tables of all of a snapshot's segments,
// building those not yet built, and the values their ordinals index. It
// forgets the tables of segments the snapshot no longer has.
func (ft *facetTables) snapshotTables(snap *scorch.IndexSnapshot) ([]*segmentFacets, []facetValue, error) {
	segs := snap.Segments()
	tables := make([]*segmentFacets, len(segs))
	ft.mu.Lock()
	if ft.tables == nil {
		ft.tables = map[uint64]*segmentFacets{}
	}
	added := false
	for i, ss := range segs {
		sf, ok := ft.tables[ss.Id()]
		if !ok {
			sf = &segmentFacets{}
			ft.tables[ss.Id()] = sf
			added = true
		}
		tables[i] = sf
	}
	if added && len(ft.tables) > 2*len(segs) {
		live := make(map[uint64]bool, len(segs))
		for _, ss := range segs {
			live[ss.Id()] = true
		}
		for id, sf := range ft.tables {
			if !live[id] {
				ft.forgetStories(sf)
				delete(ft.tables, id)
			}
		}
		ft.impacts.forget(live)
		ft.phrases.forget(live)
	}
	ft.mu.Unlock()
	for i, sf := range tables {
		sf.once.Do(func() {
			seg := segs[i].Segment()
			sf.err = sf.build(seg, ft)
			if sf.err == nil {
				// With the tables, not on the first phrase search:
				// a third of a second at a million articles.
				_, sf.err = sf.bodyOrdinals(seg)
			}
			releaseMapped(seg)
		})
		if sf.err != nil {
			return nil, nil, sf.err
		}
	}
	ft.mu.Lock()
	values := ft.values
	ft.mu.Unlock()
	return tables, values, nil
}

// countsPool recycles count arrays; they go back all zero.
var countsPool = sync.Pool{New: func() any { return new([]uint32) }}

// countScratch is a facetCounter's buffers, recycled by scratchPool:
// a broad search needs a few hundred kilobytes of them.
type countScratch struct {
	comboCounts, yearCounts, segCounts, batch, rows, copyCombos, copyLocals, keptLocals []uint32
	spans                                                                               [][2]uint32
}

var scratchPool = sync.Pool{New: func() any { return new(countScratch) }}

// facetCounter counts the facets of one search's matches. Bleve's collector
// hands it each match in document order, inside the snapshot it searches.
type facetCounter struct {
	tables  *facetTables
	segs    []*segmentFacets
	values  []facetValue
	offsets []uint64
	counts  *[]uint32
	cur     int
	// hits are the matches while few enough that re-reading their
	// values is cheaper than scanning every count.
	hits     []uint64
	overflow bool
	err      error
	// comboCounts counts the matches by their set of few values, and
	// yearCounts by their year (facetTables.sets and years); sets and
	// years are the facetTables' when the search started. They are added
	// to the value counts once, by result.
	comboCounts []uint32
	yearCounts  []uint32
	sets        [][]uint32
	years       []uint32
	bySets      bool
	// segCounts counts one segment's values by the segment's numbers; it
	// is all zero between segments.
	segCounts []uint32
	// batch and spans are countBatch's buffers, reused.
	batch   []uint32
	rows    []uint32
	spans   [][2]uint32
	touched uint32 // touch's sums, kept so that its reads are not left out

	// collapse counts each story once (copies.go): a match whose story
	// an earlier match had (seen, a bit per story number) is a copy,
	// counted only in the source facet; copies counts them.
	collapse bool
	seen     []uint64
	copies   uint64
	// copyCombos counts the copies by their set of few values (as
	// comboCounts counts first copies): result adds each set's count to
	// the sources in it. A copy counts in the source facet only, and one
	// increment a copy is cheaper than finding the source among its
	// values.
	copyCombos []uint32
	// copyLocals and keptLocals gather, in order, the copies and the
	// first copies of segment copySeg of a search counted on bitmaps,
	// until stories makes its bitmap of stories of them.
	copyLocals, keptLocals []uint32
	copySeg                int
	// page, when set, keeps the best match of each story for Bleve's
	// collector (copies.go); noCount leaves the facets uncounted.
	page    *groupPage
	noCount bool
}

// handler wraps Bleve's top-N handler so that every match is counted
// before it competes for the page.
func (fc *facetCounter) handler(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
	snap, ok := sctx.IndexReader.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false, fmt.Errorf("count facets: index reader is a %T, not a scorch snapshot", sctx.IndexReader)
	}
	if err := fc.start(snap); err != nil {
		return nil, false, err
	}
	next, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
	if err != nil || next == nil {
		return next, loadID, cmp.Or(err, errors.New("count facets: no collector"))
	}
	if fc.page != nil {
		fc.page.start(sctx)
	}
	return func(d *search.DocumentMatch) error {
		if d == nil {
			if fc.page != nil {
				return fc.page.flush(next)
			}
			return next(nil)
		}
		if fc.err != nil {
			return next(d)
		}
		group := fc.add(d.IndexInternalID)
		if fc.page != nil {
			fc.page.offer(d, group)
			return nil
		}
		return next(d)
	}, loadID, nil
}

// start readies fc to count matches in snap.
func (fc *facetCounter) start(snap *scorch.IndexSnapshot) error {
	var err error
	if fc.segs, fc.values, err = fc.tables.snapshotTables(snap); err != nil {
		return fmt.Errorf("count facets: %w", err)
	}
	fc.offsets = make([]uint64, len(fc.segs)+1)
	for i, s := range snap.Segments() {
		fc.offsets[i+1] = fc.offsets[i] + s.Segment().Count()
	}
	sc := scratchPool.Get().(*countScratch)
	fc.comboCounts, fc.yearCounts, fc.segCounts, fc.copyCombos = sc.comboCounts, sc.yearCounts, sc.segCounts, sc.copyCombos
	fc.batch, fc.rows, fc.spans = sc.batch, sc.rows, sc.spans
	fc.copyLocals, fc.keptLocals = sc.copyLocals[:0], sc.keptLocals[:0]
	fc.tables.mu.Lock()
	fc.sets, fc.years = fc.tables.sets, fc.tables.years
	fc.tables.mu.Unlock()
	if fc.collapse {
		fc.tables.mu.Lock()
		stories := len(fc.tables.groups) + 1
		fc.tables.mu.Unlock()
		fc.seen = seenPool.get(stories)
		fc.copyCombos = grow(fc.copyCombos, len(fc.sets)) // all zero, from the pool
		fc.copySeg = -1
	}
	fc.counts = countsPool.Get().(*[]uint32)
	if cap(*fc.counts) < len(fc.values) {
		*fc.counts = make([]uint32, len(fc.values))
	}
	*fc.counts = (*fc.counts)[:len(fc.values)]
	return nil
}

// release lets go of a count array that result did not read (a search
// that failed); its counts are not zero, so it does not go back to the pool.
func (fc *facetCounter) release() {
	fc.counts = nil
	fc.putSeen()
}

// count counts the document local of segment si, numbered num in the
// snapshot.
func (fc *facetCounter) count(si int, local, num uint64) {
	counts := *fc.counts
	t := fc.segs[si]
	r := t.row(local)
	if fc.collapse && fc.copied(t, r) {
		fc.copyCombos[t.combo[r]]++
	} else {
		t.addGlobal(counts, [][2]uint32{{t.off[r], t.off[r+1]}})
	}
	if !fc.overflow {
		if len(fc.hits) < len(counts)/8 {
			fc.hits = append(fc.hits, num)
		} else {
			fc.overflow, fc.hits = true, nil
		}
	}
}

// countBatchSize is how many matches countBatch takes at once.
const countBatchSize = 512

// countBatch counts the matches locals (in order) of segment si, whose
// first document is numbered base in the snapshot, as mode says (countEach,
// countBySets or countOnBitmaps). A broad search's matches are spread over
// tables far larger than the processor's caches, and each match's values
// are found through its offsets: one match at a time, every match waits
// for its own memory reads in turn. A batch at a time, each pass's reads
// are independent of each other, so the processor overlaps them.
func (fc *facetCounter) countBatch(si int, base uint64, locals []uint32, mode int) {
	if len(locals) == 0 {
		return
	}
	t := fc.segs[si]
	counts := *fc.counts
	rows := fc.rows[:0]
	for _, l := range locals {
		rows = append(rows, uint32(t.row(uint64(l))))
	}
	fc.rows = rows
	if fc.collapse {
		rows = fc.dropCopies(si, locals, rows, mode)
	}
	if mode != countEach {
		// The few values by the set they make; result adds the sets'
		// counts up.
		for _, r := range rows {
			fc.comboCounts[t.combo[r]]++
			fc.yearCounts[t.year[r]]++
		}
		if mode == countOnBitmaps {
			return
		}
	}
	spans := fc.spans[:0]
	for _, r := range rows {
		from := t.off[r]
		if mode == countBySets {
			from += uint32(t.few[r])
		}
		spans = append(spans, [2]uint32{from, t.off[r+1]})
	}
	fc.spans = spans
	// The matches' values, spread over a table far larger than the
	// caches, are read once ahead, all at once, so that the counting
	// below finds them in the cache instead of waiting for each in turn.
	fc.touched += t.touch(spans)
	if mode == countEach {
		// Few matches: straight into the index-wide counts.
		t.addGlobal(counts, spans)
	} else {
		// Many: into the segment's counts, most documents first,
		// added up by endSegment.
		t.addLocal(fc.segCounts, spans)
	}
	if mode == countEach && !fc.overflow {
		for _, l := range locals {
			if len(fc.hits) >= len(counts)/8 {
				fc.overflow, fc.hits = true, nil
				break
			}
			fc.hits = append(fc.hits, base+uint64(l))
		}
	}
}

// countBitmap counts the matches of segment si, whose first document is
// numbered base in the snapshot, from their bitmap, as mode says.
func (fc *facetCounter) countBitmap(si int, base uint64, bm *roaring.Bitmap, mode int) {
	if mode != countEach {
		fc.startSegment(si, mode)
		defer fc.endSegment(si)
	}
	if cap(fc.batch) < countBatchSize {
		fc.batch = make([]uint32, countBatchSize)
	}
	batch := fc.batch[:countBatchSize]
	it := bm.ManyIterator()
	for {
		n := it.NextMany(batch)
		if n == 0 {
			break
		}
		fc.countBatch(si, base, batch[:n], mode)
	}
	fc.batch = batch[:0]
}

// startSegment readies the counts of segment si, counted as mode says.
func (fc *facetCounter) startSegment(si int, mode int) {
	if !fc.bySets {
		// All zero, from the pool.
		fc.comboCounts = grow(fc.comboCounts, len(fc.sets))
		fc.yearCounts = grow(fc.yearCounts, len(fc.years)+1)
		fc.bySets = true
	}
	v := len(fc.segs[si].global)
	if mode != countBySets {
		v = 0 // the segment's own counts are for countBySets
	}
	fc.segCounts = grow(fc.segCounts, v)
}

// grow returns counts, all zero, with room for n, as counts[:n].
func grow(counts []uint32, n int) []uint32 {
	if cap(counts) < n {
		return make([]uint32, n)
	}
	return counts[:n]
}

// endSegment adds the segment's own counts of segment si to the value
// counts.
func (fc *facetCounter) endSegment(si int) {
	counts := *fc.counts
	// Nearly every value of a broad search's segment is counted: adding
	// all without a test is faster than testing each.
	global := fc.segs[si].global[:len(fc.segCounts)]
	for l, n := range fc.segCounts {
		counts[global[l]] += n
	}
	clear(fc.segCounts)
	fc.overflow = true
}

// locate returns the segment of the document numbered num in the snapshot
// and its number there.
func (fc *facetCounter) locate(num uint64) (si int, local uint64) {
	// Matches come in order, so the segment is this one or a later one.
	if num < fc.offsets[fc.cur] {
		fc.cur = 0
	}
	for fc.cur < len(fc.segs)-1 && num >= fc.offsets[fc.cur+1] {
		fc.cur++
	}
	return fc.cur, num - fc.offsets[fc.cur]
}

// ordsOf appends the ordinals of the values of the document numbered num
// in the snapshot to buf.
func (fc *facetCounter) ordsOf(num uint64, buf []uint32) []uint32 {
	si, local := fc.locate(num)
	t := fc.segs[si]
	r := t.row(local)
	if t.ords16 != nil {
		return appendGlobal(buf, t.global, t.ords16[t.off[r]:t.off[r+1]])
	}
	return appendGlobal(buf, t.global, t.ords32[t.off[r]:t.off[r+1]])
}

// The methods below read a segment's value numbers, 16 or 32 bits wide,
// over spans of them (a document's values, or part of them).

// addGlobal counts the values of spans by their index-wide ordinals.
func (sf *segmentFacets) addGlobal(counts []uint32, spans [][2]uint32) {
	if sf.ords16 != nil {
		addGlobal(counts, sf.global, sf.ords16, spans)
	} else {
		addGlobal(counts, sf.global, sf.ords32, spans)
	}
}

// addLocal counts the values of spans by the segment's numbers.
func (sf *segmentFacets) addLocal(counts []uint32, spans [][2]uint32) {
	if sf.ords16 != nil {
		addLocal(counts, sf.ords16, spans)
	} else {
		addLocal(counts, sf.ords32, spans)
	}
}

// touch reads the first and last value of each span, so that the
// processor fetches them; the sum it returns only keeps the reads.
func (sf *segmentFacets) touch(spans [][2]uint32) uint32 {
	if sf.ords16 != nil {
		return touch(sf.ords16, spans)
	}
	return touch(sf.ords32, spans)
}

func addGlobal[T uint16 | uint32](counts, global []uint32, ords []T, spans [][2]uint32) {
	for _, sp := range spans {
		for _, o := range ords[sp[0]:sp[1]] {
			counts[global[o]]++
		}
	}
}

// appendGlobal appends the index-wide ordinals of the values a segment
// numbers ords to buf.
func appendGlobal[T uint16 | uint32](buf, global []uint32, ords []T) []uint32 {
	for _, o := range ords {
		buf = append(buf, global[o])
	}
	return buf
}

func touch[T uint16 | uint32](ords []T, spans [][2]uint32) uint32 {
	var sum uint32
	for _, sp := range spans {
		if sp[0] < sp[1] {
			sum += uint32(ords[sp[0]]) + uint32(ords[sp[1]-1])
		}
	}
	return sum
}

func addLocal[T uint16 | uint32](counts []uint32, ords []T, spans [][2]uint32) {
	for _, sp := range spans {
		for _, o := range ords[sp[0]:sp[1]] {
			counts[o]++
		}
	}
}

// add counts the match Bleve's collector hands over by its internal id,
// and returns the number of its story (0 for none).
func (fc *facetCounter) add(id []byte) uint32 {
	if len(id) != 8 {
		fc.err = fmt.Errorf("count facets: internal id of %d bytes", len(id))
		return 0
	}
	num := binary.BigEndian.Uint64(id)
	if num >= fc.offsets[len(fc.segs)] {
		fc.err = fmt.Errorf("count facets: document %d is past the snapshot's %d", num, fc.offsets[len(fc.segs)])
		return 0
	}
	si, local := fc.locate(num)
	if !fc.noCount {
		fc.count(si, local, num)
	}
	t := fc.segs[si]
	return t.group[t.row(local)]
}

// facetCounts are the exact counts of one search, per counted field.
type facetCounts [][]FacetValue

// result reads the counts, returns the count array to the pool and keeps
// the top values of each facet.
func (fc *facetCounter) result() (facetCounts, error) {
	if fc.counts == nil { // the search never started
		return nil, cmp.Or(fc.err, errors.New("count facets: nothing counted"))
	}
	// Each ordinal is one value of one field, so the top values of each
	// field are picked straight from the counts, without a map.
	tops := make([][]FacetValue, len(countedFields))
	counts := *fc.counts
	if fc.bySets {
		for c, n := range fc.comboCounts {
			if n != 0 {
				for _, o := range fc.sets[c] {
					counts[o] += n
				}
			}
		}
		for y, n := range fc.yearCounts[1:] {
			counts[fc.years[y]] += n
		}
		clear(fc.comboCounts)
		clear(fc.yearCounts)
	}
	if fc.copies > 0 {
		source := uint8(slices.Index(countedFields, fieldSource))
		for c, n := range fc.copyCombos {
			if n != 0 {
				for _, o := range fc.sets[c] {
					if fc.values[o].field == source {
						counts[o] += n
					}
				}
			}
		}
		clear(fc.copyCombos)
	}
	take := func(o uint32) {
		if c := counts[o]; c > 0 {
			v := fc.values[o]
			limit := facetSize
			if countedFacets[v.field] == FacetPublished {
				limit = maxYears
			}
			tops[v.field] = offerValue(tops[v.field], FacetValue{Value: v.term, Label: v.term, Count: int(c)}, limit)
			counts[o] = 0
		}
	}
	if fc.overflow {
		for o := range counts {
			take(uint32(o))
		}
	} else {
		fc.cur = 0
		var ords []uint32
		for _, num := range fc.hits {
			ords = fc.ordsOf(num, ords[:0])
			for _, o := range ords {
				take(o)
			}
		}
	}
	countsPool.Put(fc.counts)
	fc.counts = nil
	fc.putSeen()
	// Every segment's own counts were added up and cleared.
	scratchPool.Put(&countScratch{fc.comboCounts, fc.yearCounts, fc.segCounts, fc.batch, fc.rows, fc.copyCombos, fc.copyLocals[:0], fc.keptLocals[:0], fc.spans})
	if fc.err != nil {
		return nil, fc.err
	}
	return tops, nil
}

// offerValue adds fv to top, a list of at most limit values ordered by
// byCount, if it belongs there.
func offerValue(top []FacetValue, fv FacetValue, limit int) []FacetValue {
	if len(top) == limit && byCount(fv, top[len(top)-1]) >= 0 {
		return top
	}
	i, _ := slices.BinarySearchFunc(top, fv, byCount)
	top = slices.Insert(top, i, fv)
	if len(top) > limit {
		top = top[:limit]
	}
	return top
}

// byCount orders facet values most frequent first, ties by value.
func byCount(a, b FacetValue) int {
	// The values are compared only on equal counts: offerValue asks this
	// of every value a broad search counted, nearly all below the list.
	if a.Count != b.Count {
		return cmp.Compare(b.Count, a.Count)
	}
	return strings.Compare(a.Value, b.Value)
}

// countingContext makes Bleve's collector hand every match to fc.
func countingContext(ctx context.Context, fc *facetCounter) context.Context {
	return context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, meterOf(ctx).countHits(fc.handler))
}

// readFacets turns counts into a Result's facets: values most frequent
// first (ties by value), years oldest first.
func readFacets(fcs facetCounts) (map[string][]FacetValue, []DateBucket) {
	facets := make(map[string][]FacetValue, len(facetFields))
	var dates []DateBucket
	for i, name := range countedFacets {
		if name == FacetPublished {
			for _, v := range fcs[i] {
				y, err := strconv.Atoi(v.Value)
				if err != nil {
					continue
				}
				from := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
				dates = append(dates, DateBucket{From: from, To: from.AddDate(1, 0, 0), Count: v.Count})
			}
			continue
		}
		// Copies: the cached match-all counts are shared between results,
		// and index labels the countries of each.
		values := slices.Clone(fcs[i])
		if len(values) == 0 {
			values = nil
		}
		facets[name] = values
	}
	slices.SortFunc(dates, func(a, b DateBucket) int { return a.From.Compare(b.From) })
	return facets, dates
}
