package engine

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A search for one word, ranked by relevance, is the commonest search there
// is, and the costliest when the word is common: every match is counted for
// the facets, and Bleve spends a few hundred nanoseconds on each (a
// document match from a pool, a disjunction over title and body, a heap of
// candidates, a handler call). wordSearch answers it straight from the
// segments instead: it walks the word's postings in title and body once,
// scores each document with Bleve's own BM25 formula, keeps the best page in
// a small heap, intersects the filters as bitmaps and counts the facets from
// the segment tables. Where the word is common in a segment and there is no
// filter, it scores only the segment's impact list (impacts.go) and counts
// the matches from their bitmap. Its ranking and counts are the general
// search's (TestWordSearchAgrees and TestImpactSearchAgrees check them
// against it); only the work per match is smaller.

// maxWordWindow bounds page*size for the word search: deeper pages go the
// general way.
const maxWordWindow = 1000

// oneWord answers a search for one plain word by relevance, with or
// without facet filters, without dates, within the first maxWordWindow
// hits, from the word's postings (wordSearch). A phrase of two common words
// is one term of the pair fields (pairs.go), and is answered the same way.
type oneWord struct {
	term string
	// pair: the term is a pair, searched in the title's and body's pair
	// fields instead of the text fields.
	pair bool
}

func (w oneWord) answer(ctx context.Context, e *Engine, p *prepared) (answer, error) {
	hits, total, matches, counts, err := e.wordSearch(ctx, p.q, w.term, w.pair, p.from, p.size)
	return answer{hits: hits, total: total, matches: matches, counts: counts}, err
}

// oneWordTerm returns the analysed term of p if p is a search oneWord
// answers, "" if it is not, and whether the term is a pair.
func (e *Engine) oneWordTerm(p *prepared) (string, bool) {
	q := p.q
	if !e.relevancePage(p) {
		return "", false
	}
	if term := e.wordQuery(q.Text); term != "" {
		return term, false
	}
	if q.Quotes {
		return "", false // quotations have no pair field
	}
	if pair := e.pairPhraseQuery(q.Text); pair != "" {
		return pair, true
	}
	return "", false
}

// relevancePage reports whether p asks for what the ways that rank from
// the segments themselves (oneWord, onePhrase) answer: a page by relevance
// within the first maxWordWindow hits, without dates, filtered by known
// facets or not.
func (e *Engine) relevancePage(p *prepared) bool {
	q := p.q
	if q.Sort != "" && q.Sort != SortRelevance || !q.From.IsZero() || !q.To.IsZero() || p.from+p.size > maxWordWindow || e.generalOnly {
		return false
	}
	for name := range q.Filters {
		if _, known := facetFields[name]; !known {
			return false // the general way says why
		}
	}
	return true
}

// pairPhraseQuery returns the pair term of a query that is one quoted
// phrase of two common words (pairs.go), "" if the query is anything else
// or the index has no pair fields.
func (e *Engine) pairPhraseQuery(text string) string {
	inner := quotedPhrase(text)
	if inner == "" {
		return ""
	}
	return wholePair(e.b.Mapping(), fieldBody, phraseTerms(e.textAnalyzer().Analyze([]byte(inner))))
}

// wordQuery returns the one analysed term of a query that is a single plain
// word, "" if the query is anything else.
func (e *Engine) wordQuery(text string) string {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > 100 {
		return ""
	}
	for _, r := range text {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return "" // operators, fields, phrases, wildcards: the general way
		}
	}
	tokens := e.textAnalyzer().Analyze([]byte(text))
	if len(tokens) != 1 {
		return ""
	}
	return string(tokens[0].Term)
}

// bm25Idf is the inverse document frequency Bleve's BM25 gives a term df
// of docs documents have.
func bm25Idf(docs, df uint64) float64 {
	return math.Log(1 + (float64(docs)-float64(df)+0.5)/(float64(df)+0.5))
}

// bm25AvgLen is the average field length Bleve's BM25 uses: the field's
// terms (card) over the documents, rounded up; 0 for no documents.
func bm25AvgLen(card, docs uint64) float64 {
	if docs == 0 {
		return 0
	}
	return math.Ceil(float64(card) / float64(docs))
}

// wordField is one text field the word is searched in.
type wordField struct {
	name   string
	weight float64 // Bleve's query weight: boost * idf * query norm
	boost  float64 // the query's boost (phrase.go sets the weight from it)
	idf    float64
	avgLen float64
	bounds []float64 // bound by frequency, for the common ones
}

// scored is one candidate for the page.
type scored struct {
	score float64
	num   uint64 // the document's number in the snapshot
	group uint32 // its story, when a page shows each once; 0: none
}

// pageHeap keeps the best candidates, the worst on top. Of equal scores the
// earlier document wins, as in Bleve's collector.
type pageHeap []scored

func (h pageHeap) Len() int { return len(h) }

func (h pageHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score < h[j].score
	}
	return h[i].num > h[j].num
}

func (h pageHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }

func (h *pageHeap) Push(x any) { *h = append(*h, x.(scored)) }

func (h *pageHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// better reports whether a candidate beats the worst kept one.
func (h pageHeap) better(c scored) bool { return c.beats(h[0]) }

// beats reports whether c ranks before d.
func (c scored) beats(d scored) bool {
	return c.score > d.score || (c.score == d.score && c.num < d.num)
}

// wordSearch walks term's postings for the page from..from+size of q and
// counts q's facets.
func (e *Engine) wordSearch(ctx context.Context, q Query, term string, pair bool, from, size int) (hits []Hit, total, all uint64, counts facetCounts, err error) {
	names := []string{fieldTitle, fieldBody}
	boosts := []float64{titleBoost, 1}
	if q.Quotes {
		names, boosts = []string{fieldQuote}, []float64{1}
	}
	if pair {
		names = []string{fieldTitlePairs, fieldBodyPairs}
	}
	filters := queryFilters(q)

	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return nil, 0, 0, nil, err
	}
	defer closeSnap()
	fc := &facetCounter{tables: &e.facets, collapse: !q.AllCopies}
	if err := fc.start(snap); err != nil {
		return nil, 0, 0, nil, err
	}
	defer fc.release()

	// Bleve's BM25 statistics: documents in the index, documents with the
	// term in each field, and a field's average length as Bleve takes it
	// (its distinct terms over the documents, rounded up).
	docs, err := snap.DocCount()
	if err != nil {
		return nil, 0, 0, nil, err
	}
	// The word's postings in each segment and field, opened once: their
	// sizes give the statistics and the way of counting, and the search
	// walks them.
	segs := snap.Segments()
	postings := make([][]segment.PostingsList, len(segs))
	for si, ss := range segs {
		if postings[si], err = wordPostings(ss, names, term); err != nil {
			return nil, 0, 0, nil, err
		}
	}
	fields := make([]wordField, len(names))
	var weights float64
	var estimate uint64 // matches, counting a document in both fields twice
	for i, name := range names {
		card, err := snap.FieldCardinality(name)
		if err != nil {
			return nil, 0, 0, nil, err
		}
		var df uint64
		for si := range segs {
			df += postings[si][i].Count()
		}
		estimate += df
		f := wordField{name: name, avgLen: bm25AvgLen(uint64(card), docs), idf: bm25Idf(docs, df)}
		fields[i] = f
		weights += (boosts[i] * f.idf) * (boosts[i] * f.idf)
	}
	norm := 1 / math.Sqrt(weights)
	for i := range fields {
		fields[i].weight = boosts[i] * fields[i].idf * norm
		fields[i].bounds = make([]float64, 32)
		for freq := range fields[i].bounds {
			fields[i].bounds[freq] = fields[i].boundOf(uint64(freq))
		}
	}

	// A broad word's facets are counted on bitmaps, a narrow one's
	// document by document (bitmaps.go); the postings' sizes, against the
	// documents of the kind searched, decide.
	var kindDocs uint64
	for _, sf := range fc.segs {
		kindDocs += sf.docsOf(q.Quotes)
	}
	mode := countMode(estimate, kindDocs)
	onBitmaps := mode == countOnBitmaps
	var matches []*roaring.Bitmap
	if onBitmaps {
		matches = make([]*roaring.Bitmap, len(segs))
	}

	want := from + size
	top := make(pageHeap, 0, want+1)
	var base uint64
	for si, ss := range segs {
		if err := ctx.Err(); err != nil {
			return nil, 0, 0, nil, err
		}
		// A segment where the word is common is ranked from its impact
		// list (impacts.go), with no filter to pass and a page it reaches
		// (of stories: one fewer, see buildImpacts).
		var il *impactList
		depth := impactDepth
		var stories func(uint32) uint32
		if fc.collapse {
			depth--
			stories = fc.segs[si].storyOf
		}
		if len(filters) == 0 && want <= depth && postings[si][len(names)-1].Count() >= impactMinDocs {
			if il, err = e.facets.impacts.get(ss, names, term, postings[si], stories); err != nil {
				return nil, 0, 0, nil, fmt.Errorf("search %q: rank: %w", q.Text, err)
			}
		}
		n, bm, err := searchSegment(ss, base, postings[si], fields, filters, fc, si, &top, want, mode, il)
		if err != nil {
			return nil, 0, 0, nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		if onBitmaps {
			matches[si] = bm
		}
		all += n
		base += ss.Segment().Count()
	}
	total = all - fc.copies
	if counts, err = fc.result(); err != nil {
		return nil, 0, 0, nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if onBitmaps {
		if err = e.countOnBitmaps(snap, fc, counts, matches, q.Quotes); err != nil {
			return nil, 0, 0, nil, fmt.Errorf("search %q: count facets: %w", q.Text, err)
		}
	}
	if hits, err = pageHits(segs, fc, top, from, q.Quotes); err != nil {
		return nil, 0, 0, nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	return hits, total, all, counts, nil
}

// queryFilters returns q's filters as the keyword terms a match must have.
func queryFilters(q Query) []facetTerm {
	var filters []facetTerm
	for name, vs := range q.Filters {
		field := facetFields[name]
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				filters = append(filters, facetTerm{field, v})
			}
		}
	}
	return filters
}

// countMode is how a search of about estimate matches, among kindDocs
// documents of the kind it searches, counts its facets (bitmaps.go says
// why).
func countMode(estimate, kindDocs uint64) int {
	switch {
	case estimate*bitmapShare > kindDocs:
		return countOnBitmaps
	case estimate*comboShare > kindDocs:
		return countBySets
	}
	return countEach
}

// countOnBitmaps counts into counts the many-valued facets of a search
// that counted the rest with fc, from its matches' bitmap per segment.
func (e *Engine) countOnBitmaps(snap *scorch.IndexSnapshot, fc *facetCounter, counts facetCounts, matches []*roaring.Bitmap, quotes bool) error {
	ids := make([]uint64, len(snap.Segments()))
	for i, ss := range snap.Segments() {
		ids[i] = ss.Id()
	}
	order := e.facets.candidates(ids, fc.segs, fc.values, quotes, fc.collapse)
	return bitmapCounts(counts, fc.segs, fc.values, order, matches, quotes)
}

// pageHits reads the hits of the page that starts at from among the best
// candidates top keeps, best first.
func pageHits(segs []*scorch.SegmentSnapshot, fc *facetCounter, top pageHeap, from int, quotes bool) ([]Hit, error) {
	ranked := make([]scored, len(top))
	for i := len(top) - 1; i >= 0; i-- {
		ranked[i] = heap.Pop(&top).(scored)
	}
	ranked = ranked[min(from, len(ranked)):]
	page := make([]segDoc, len(ranked))
	for i, c := range ranked {
		si, local := fc.locate(c.num)
		page[i] = segDoc{si, local}
	}
	hits, err := storedHits(segs, page, quotes)
	if err != nil {
		return nil, err
	}
	for i, c := range ranked {
		hits[i].score = c.score
	}
	return hits, nil
}

// facetTerm is one filter: a keyword field's value.
type facetTerm struct{ field, value string }

// How searchSegment counts a match's facets (bitmaps.go says when each).
const (
	countEach      = iota // every value, one by one
	countBySets           // the few values by set, the rest one by one
	countOnBitmaps        // the few values by set; the rest later, on the matches' bitmap
)

// searchSegment scores the matches of one segment and returns how many
// there were, with, for countOnBitmaps, their bitmap (not to be changed: it
// may be the segment's own) to count the many-valued facets by. It counts
// their facets as mode says. With an impact list, il, it scores only the
// list's documents that can make the page; filters must then be none.
func searchSegment(ss *scorch.SegmentSnapshot, base uint64, postings []segment.PostingsList, fields []wordField,
	filters []facetTerm, fc *facetCounter, si int, top *pageHeap, want int, mode int, il *impactList) (uint64, *roaring.Bitmap, error) {
	t := fc.segs[si]
	if il != nil {
		var stories func(uint32) uint32
		if fc.collapse {
			stories = t.storyOf
		}
		il.offer(fields, base, top, want, stories)
		bm, err := matchBitmap(postings)
		if err != nil {
			return 0, nil, err
		}
		fc.countBitmap(si, base, bm, mode)
		return bm.GetCardinality(), fc.stories(si, bm), nil
	}
	// The filters, as one bitmap of the documents that pass them all; nil
	// for no filter.
	allowed, err := filterBitmap(ss, filters)
	if err != nil {
		return 0, nil, err
	}
	if allowed != nil && allowed.IsEmpty() {
		return 0, nil, nil
	}
	var match *roaring.Bitmap
	if mode == countOnBitmaps {
		bm, err := matchBitmap(postings)
		if err != nil {
			return 0, nil, err
		}
		match = bm
		if allowed != nil {
			match = roaring.And(bm, allowed)
		}
	}
	if mode != countEach {
		fc.startSegment(si, mode)
		defer fc.endSegment(si)
	}
	var n uint64
	// Matches are counted a batch at a time (countBatch says why).
	batch := fc.batch[:0]
	err = walkPostings(postings, func(num uint32, hits []fieldHit) {
		if allowed != nil && !allowed.Contains(num) {
			return
		}
		n++
		if batch = append(batch, num); len(batch) == countBatchSize {
			fc.countBatch(si, base, batch, mode)
			batch = batch[:0]
		}
		// The document's score can reach the page only if its bound
		// (its score were the field as short as can be) beats the
		// worst kept: most documents of a common word are let go on
		// their frequencies alone. A later document never wins a tie,
		// so an equal bound is let go too. Bleve's disjunction scales
		// a sum by the share of its clauses that matched.
		var bound float64
		matched := 0
		for i, h := range hits {
			if h.freq > 0 {
				matched++
				bound += fields[i].bound(uint64(h.freq))
			}
		}
		coord := float64(matched) / float64(len(fields))
		if len(*top) >= want && bound*coord*(1+1e-9) <= (*top)[0].score {
			return
		}
		var sum float64
		for i, h := range hits {
			if h.freq > 0 {
				sum += fields[i].score(uint64(h.freq), float64(h.norm))
			}
		}
		c := scored{score: sum * coord, num: base + uint64(num)}
		if fc.collapse {
			c.group = t.storyOf(num)
		}
		top.offer(c, want)
	})
	fc.countBatch(si, base, batch, mode)
	fc.batch = batch[:0]
	return n, fc.stories(si, match), err
}

// wordPostings opens the postings of term in each of fields of a segment,
// its deleted documents left out.
func wordPostings(ss *scorch.SegmentSnapshot, fields []string, term string) ([]segment.PostingsList, error) {
	out := make([]segment.PostingsList, len(fields))
	for i, f := range fields {
		dict, err := ss.Segment().Dictionary(f)
		if err != nil {
			return nil, err
		}
		if out[i], err = dict.PostingsList([]byte(term), ss.Deleted(), nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// walkPostings calls visit for each document of the postings (one list per
// field), in number order, with its hit in each field.
func walkPostings(postings []segment.PostingsList, visit func(num uint32, hits []fieldHit)) error {
	const done = ^uint64(0)
	its := make([]segment.PostingsIterator, len(postings))
	cur := make([]segment.Posting, len(postings))
	nums := make([]uint64, len(postings))
	advance := func(i int) error {
		p, err := its[i].Next()
		if err != nil {
			return err
		}
		cur[i], nums[i] = p, done
		if p != nil {
			nums[i] = p.Number()
		}
		return nil
	}
	for i, pl := range postings {
		its[i] = pl.Iterator(true, true, false, nil)
		if err := advance(i); err != nil {
			return err
		}
	}
	hits := make([]fieldHit, len(postings))
	for {
		next := slices.Min(nums)
		if next == done {
			return nil
		}
		for i := range hits {
			hits[i] = fieldHit{}
			if nums[i] == next {
				hits[i] = fieldHit{uint32(min(cur[i].Frequency(), 1<<32-1)), float32(cur[i].Norm())}
				if err := advance(i); err != nil {
					return err
				}
			}
		}
		visit(uint32(next), hits)
	}
}

// bound is the most a match with this frequency can score in the field:
// its score were the field's length zero.
func (f wordField) bound(freq uint64) float64 {
	if freq < uint64(len(f.bounds)) {
		return f.bounds[freq]
	}
	return f.boundOf(freq)
}

func (f wordField) boundOf(freq uint64) float64 {
	tf := math.Sqrt(float64(freq))
	return f.idf * (tf * search.BM25_k1) / (tf + search.BM25_k1*(1-search.BM25_b)) * f.weight
}

// score is Bleve's BM25 score of one field's match (TermQueryScorer).
func (f wordField) score(freq uint64, norm float64) float64 {
	var tf float64
	if freq < scorer.MaxSqrtCache {
		tf = scorer.SqrtCache[freq]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	fieldLength := 1 / (norm * norm)
	s := f.idf * (tf * search.BM25_k1) /
		(tf + search.BM25_k1*(1-search.BM25_b+(search.BM25_b*fieldLength/f.avgLen)))
	return s * f.weight
}
