package engine

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

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
	hits, total, matches, counts, err := e.wordSearch(ctx, p.q, []string{w.term}, w.pair, false, p.from, p.size)
	return answer{hits: hits, total: total, matches: matches, counts: counts}, err
}

// maxSeveralWords bounds the words severalWords answers; more go the
// general way.
const maxSeveralWords = 8

// severalWords answers a search of two or more plain words, by relevance,
// as oneWord answers one: any of the words matches, as in Bleve's query
// string, and a document is ranked by the sum of its words' scores scaled
// by the share of the words it has, as Bleve's disjunction ranks it. The
// words' postings in title and body are walked together, so a match costs
// a few additions instead of Bleve's searcher tree; where the matches are
// many, only those that can make the page are scored (maxscore.go).
//
// With every word required ("+oil +prices", Bleve's query string for "oil
// and prices"), only the documents that have them all match, and their sum
// is Bleve's conjunction's: the words' postings are walked the same way, the
// documents without every word left out as a filter leaves them out.
type severalWords struct {
	terms    string // the analysed terms, space-separated (a way stays comparable)
	required bool   // every word must match
}

func (w severalWords) answer(ctx context.Context, e *Engine, p *prepared) (answer, error) {
	hits, total, matches, counts, err := e.wordSearch(ctx, p.q, strings.Fields(w.terms), false, w.required, p.from, p.size)
	return answer{hits: hits, total: total, matches: matches, counts: counts}, err
}

// severalWordsTerms returns the analysed terms of p, space-separated, if p
// is a search severalWords answers: two to maxSeveralWords plain words,
// each of letters and digits beginning with a letter (Bleve's query string
// reads a number as more than a word) and each one term (a stop word is
// left out by the general way, which a sum here would not mirror); either
// none of them or every one required ("+oil +prices"), which required says.
func (e *Engine) severalWordsTerms(p *prepared) (terms string, required bool) {
	if !e.relevancePage(p) {
		return "", false
	}
	return e.plainWords(p.q.Text, 2)
}

// byDateTerms returns what severalWordsTerms does, for one word too, or
// the pair term of a phrase of two common words, if p is a search
// wordsByDate answers: sorted by date, within the first maxKeyPage hits.
func (e *Engine) byDateTerms(p *prepared) (terms string, required, pair bool) {
	q := p.q
	if !e.byDatePage(p) {
		return "", false, false
	}
	if terms, required = e.plainWords(q.Text, 1); terms != "" || q.Quotes {
		return terms, required, false
	}
	// A phrase of two common words: one term of the pair fields.
	if pair := e.pairPhraseQuery(q.Text); pair != "" {
		return pair, false, true
	}
	return "", false, false
}

// plainWords returns the analysed terms of text, space-separated, if it is
// least to maxSeveralWords plain words as severalWordsTerms says, and
// whether every one is required.
func (e *Engine) plainWords(text string, least int) (terms string, required bool) {
	words := strings.Fields(text)
	// A word opens a cursor a field, as a term searcher of the general
	// way does; over the budget for those, the general way says so.
	if len(words) < least || len(words) > maxSeveralWords || 2*len(words) > maxTermSearchers {
		return "", false
	}
	required = strings.HasPrefix(words[0], "+")
	analysed := make([]string, len(words))
	for i, w := range words {
		if strings.HasPrefix(w, "+") != required {
			return "", false // some words required, some not
		}
		w = strings.TrimPrefix(w, "+")
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) {
			return "", false
		}
		if analysed[i] = e.wordQuery(w); analysed[i] == "" {
			return "", false
		}
	}
	return strings.Join(analysed, " "), required
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

// byDatePage reports whether p asks for a page sorted by date (newest or
// oldest first) within the first maxKeyPage hits, filtered by known
// facets and by dates the index reads as keywords: a page the ways that
// read dates answer.
func (e *Engine) byDatePage(p *prepared) bool {
	q := p.q
	if q.Sort != SortNewest && q.Sort != SortOldest || !e.datesFilter(q) || p.from+p.size > maxKeyPage || e.generalOnly {
		return false
	}
	for name := range q.Filters {
		if _, known := facetFields[name]; !known {
			return false // the general way says why
		}
	}
	return true
}

// relevancePage reports whether p asks for what the ways that rank from
// the segments themselves (oneWord, onePhrase) answer: a page by relevance
// within the first maxWordWindow hits, without dates, filtered by known
// facets or not.
func (e *Engine) relevancePage(p *prepared) bool {
	q := p.q
	if q.Sort != "" && q.Sort != SortRelevance || !e.datesFilter(q) || p.from+p.size > maxWordWindow || e.generalOnly {
		return false
	}
	for name := range q.Filters {
		if _, known := facetFields[name]; !known {
			return false // the general way says why
		}
	}
	return true
}

// datesFilter reports whether q's date range, if it has one, can filter
// the segments: the index keeps the published date's keywords (mapping v7
// and later).
func (e *Engine) datesFilter(q Query) bool {
	return q.From.IsZero() && q.To.IsZero() || hasDateKeywords(e.b.Mapping())
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

// wordSearch walks the postings of terms (any of which matches) for the
// page from..from+size of q and counts q's facets.
func (e *Engine) wordSearch(ctx context.Context, q Query, terms []string, pair, required bool, from, size int) (hits []Hit, total, all uint64, counts facetCounts, err error) {
	names, boosts := wordFields(q.Quotes, pair)
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
	// The words' postings in each segment and field, opened once: their
	// sizes give the statistics and the way of counting, and the search
	// walks them. A word's fields follow each other: clause i is
	// terms[i/width] in names[i%width].
	width := len(names)
	segs := snap.Segments()
	postings := make([][]segment.PostingsList, len(segs))
	for si, ss := range segs {
		for _, term := range terms {
			pl, err := wordPostings(ss, names, term)
			if err != nil {
				return nil, 0, 0, nil, err
			}
			postings[si] = append(postings[si], pl...)
		}
	}
	avgLens := make([]float64, width)
	for i, name := range names {
		card, err := snap.FieldCardinality(name)
		if err != nil {
			return nil, 0, 0, nil, err
		}
		avgLens[i] = bm25AvgLen(uint64(card), docs)
	}
	fields := make([]wordField, len(terms)*width)
	var weights float64
	var estimate uint64 // matches, counting a document in both fields twice
	for i := range fields {
		name, boost := names[i%width], boosts[i%width]
		var df uint64
		for si := range segs {
			df += postings[si][i].Count()
		}
		estimate += df
		f := wordField{name: name, boost: boost, avgLen: avgLens[i%width], idf: bm25Idf(docs, df)}
		fields[i] = f
		weights += (boost * f.idf) * (boost * f.idf)
	}
	// Several words' matches in each segment (the union of each word's
	// documents, their intersection with every word required), kept for
	// counting on them.
	var matched []*roaring.Bitmap
	var wordDocs [][]*roaring.Bitmap // each segment's, of each word
	if len(terms) > 1 {
		// Words of one search are often in the same documents ("shrs
		// vs"): their postings' sizes added would take a few thousand
		// matches for many more, and count the facets the way that
		// costs most for a few.
		estimate = 0
		matched = make([]*roaring.Bitmap, len(segs))
		wordDocs = make([][]*roaring.Bitmap, len(segs))
		for si := range segs {
			if wordDocs[si], matched[si], err = wordsMatched(postings[si], width, required); err != nil {
				return nil, 0, 0, nil, err
			}
			estimate += matched[si].GetCardinality()
		}
	}
	// A filter's documents in each segment (nil for none). How the facets
	// are counted depends on the matches the filter lets pass, not on the
	// words': a common word in one year of thirty matches few, and
	// counting them as a broad search's cost it twice as long.
	var allowedBy, passedBy []*roaring.Bitmap // and the matches it lets pass
	if len(filters) > 0 {
		unfiltered, every := estimate, true
		estimate = 0
		allowedBy = make([]*roaring.Bitmap, len(segs))
		passedBy = make([]*roaring.Bitmap, len(segs))
		for si, ss := range segs {
			if allowedBy[si], err = filterBitmap(ss, filters); err != nil {
				return nil, 0, 0, nil, fmt.Errorf("search %q: filter: %w", q.Text, err)
			}
			words := (*roaring.Bitmap)(nil)
			if matched != nil {
				words = matched[si]
			} else if words, err = matchBitmap(postings[si]); err != nil {
				return nil, 0, 0, nil, err
			}
			passedBy[si] = roaring.And(words, allowedBy[si])
			estimate += passedBy[si].GetCardinality()
			every = every && passedBy[si].GetCardinality() == words.GetCardinality()
		}
		if every {
			// A filter that lets every match pass ("since 1990" in an
			// archive of later news) is none: the search is the words'
			// alone, and a common word's impact list can rank it.
			filters, allowedBy, passedBy, estimate = nil, nil, nil, unfiltered
		}
	}
	norm := 1 / math.Sqrt(weights)
	for i := range fields {
		fields[i].weight = fields[i].boost * fields[i].idf * norm
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
		// A segment where one word searched alone is common is ranked
		// from its impact list (impacts.go), with no filter to pass and a
		// page it reaches (of stories: one fewer, see buildImpacts).
		var il *impactList
		var stories func(uint32) uint32
		if fc.collapse {
			stories = fc.segs[si].storyOf
		}
		if depth := listDepth(want, fc.collapse); depth > 0 && len(terms) == 1 && len(filters) == 0 && postings[si][width-1].Count() >= impactMinDocs {
			if il, err = e.facets.impacts.get(ss, names, terms[0], postings[si], stories, depth); err != nil {
				return nil, 0, 0, nil, fmt.Errorf("search %q: rank: %w", q.Text, err)
			}
		}
		// Several words with many matches in the segment are ranked
		// from the documents that can make the page however their
		// facets are counted: a common word and a rarer one in a few
		// years walked all their matches, the common word's a hundred
		// thousand, for a page the rarer one decides. Fewer are walked
		// faster than the ranking's bitmaps are made, and so are four or
		// five words, whose ways of matching (viableWords) are 81 or 243.
		var several *segmentWords
		if len(terms) > 1 && (onBitmaps || len(terms) <= 3 && segmentMatches(matched[si], passedBy, si) >= rankWordsMin) {
			several = &segmentWords{union: matched[si], docs: wordDocs[si]}
			if several.most, err = e.wordsMost(ss, names, terms, postings[si], fields, stories); err != nil {
				return nil, 0, 0, nil, fmt.Errorf("search %q: rank: %w", q.Text, err)
			}
		}
		var allowed, passed *roaring.Bitmap
		switch {
		case required && matched != nil && allowedBy != nil:
			// Every word required: the documents without one are left
			// out as a filter leaves them out, and the matches it lets
			// pass are all there is to walk.
			allowed, passed = passedBy[si], passedBy[si]
		case required && matched != nil:
			allowed, passed = matched[si], matched[si]
		case allowedBy != nil:
			allowed, passed = allowedBy[si], passedBy[si]
		}
		// The densest words' postings decoded, for a walk of the few
		// documents a filter lets pass or that can make the page of
		// several words (decoded.go).
		var dec []*decodedPostings
		if passed != nil || several != nil {
			dec = e.facets.impacts.decodedOf(ss.Id(), names, terms)
		}
		n, bm, err := searchSegment(base, postings[si], fields, width, several, allowed, passed, dec, fc, si, &top, want, mode, il)
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

// rankWordsMin is how many matches of several words in a segment are
// ranked from those that can make the page (rankWords) when their facets
// are not counted on bitmaps; fewer are walked (BENCHMARKS.md, twenty-first
// round). Tests lower it. rankedUncounted counts the segments so ranked,
// so that tests know the path ran.
var (
	rankWordsMin    uint64 = 8 << 10
	rankedUncounted atomic.Int64
)

// segmentMatches returns how many matches segment si has: those of the
// words (matched) a filter lets pass, if there is one (passedBy).
func segmentMatches(matched *roaring.Bitmap, passedBy []*roaring.Bitmap, si int) uint64 {
	if passedBy != nil {
		return passedBy[si].GetCardinality()
	}
	return matched.GetCardinality()
}

// segmentWords is what a segment's search of several words counted on
// bitmaps needs beyond one word's: the words' matches (their union, and
// each word's, not to be changed) and the most each word can add to a
// document's score.
type segmentWords struct {
	union *roaring.Bitmap
	docs  []*roaring.Bitmap // each word's, in any field (not to be changed)
	most  []wordMost
}

// wordsMost returns the most each of several words can add to the score
// of a document of segment ss: where its postings there are many enough
// for an impact list, from the bounds the warmer keeps (bounds.go) or, if
// it has none yet, from the word's impact list (built on first use and
// kept, as for a search of the word alone); else from its fields' limits.
func (e *Engine) wordsMost(ss *scorch.SegmentSnapshot, names, terms []string, postings []segment.PostingsList, fields []wordField, stories func(uint32) uint32) ([]wordMost, error) {
	width := len(names)
	most := make([]wordMost, len(terms))
	for w, term := range terms {
		pl, fs := postings[w*width:(w+1)*width], fields[w*width:(w+1)*width]
		if pl[width-1].Count() < impactMinDocs {
			most[w] = limits(fs)
			continue
		}
		if b := e.facets.impacts.boundsOf(ss.Id(), names, term); b != nil {
			most[w] = b.most(fs)
			boundedWords.Add(1)
			continue
		}
		il, err := e.facets.impacts.get(ss, names, term, pl, stories, impactDepth)
		if err != nil {
			return nil, err
		}
		most[w] = il.most(fs)
	}
	return most, nil
}

// queryFilters returns q's filters as the keyword terms a match must have.
func queryFilters(q Query) []facetTerm {
	var filters []facetTerm
	for name, vs := range q.Filters {
		field := facetFields[name]
		for _, v := range vs {
			if v = strings.TrimSpace(v); v != "" {
				filters = append(filters, facetTerm{field: field, value: v})
			}
		}
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		filters = append(filters, facetTerm{ranges: dateTermRanges(q.From, q.To)})
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

// facetTerm is one filter: a keyword field's value, or any term of ranges
// (the published date's keywords for a date range).
type facetTerm struct {
	field, value string
	ranges       []termRange
}

// How searchSegment counts a match's facets (bitmaps.go says when each).
const (
	countEach      = iota // every value, one by one
	countBySets           // the few values by set, the rest one by one
	countOnBitmaps        // the few values by set; the rest later, on the matches' bitmap
)

// searchSegment scores the matches of one segment and returns how many
// there were, with, for countOnBitmaps, their bitmap (not to be changed: it
// may be the segment's own) to count the many-valued facets by. It counts
// their facets as mode says. The postings and fields are a word's width
// fields, word after word; several, for several words counted on bitmaps,
// has their matches and the most each word can add (rankWords). With an
// impact list, il, it scores only the list's documents that can make the
// page; there must then be no filter. allowed, when not nil, holds the
// documents the search's filters (and with every word required, the words)
// let pass, and passed the matches among them (neither to be changed);
// dec, the postings decoded of each field that has them (decoded.go), for
// the walk of passed or rankWords'.
func searchSegment(base uint64, postings []segment.PostingsList, fields []wordField, width int, several *segmentWords,
	allowed, passed *roaring.Bitmap, dec []*decodedPostings, fc *facetCounter, si int, top *pageHeap, want int, mode int, il *impactList) (uint64, *roaring.Bitmap, error) {
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
	var err error
	if allowed != nil && allowed.IsEmpty() {
		return 0, nil, nil
	}
	var match *roaring.Bitmap
	if mode == countOnBitmaps {
		switch {
		case passed != nil:
			match = passed
		case several != nil:
			match = several.union
		default:
			if match, err = matchBitmap(postings); err != nil {
				return 0, nil, err
			}
		}
	}
	if several != nil {
		// Several words: the matches are counted from their bitmap, and
		// only those that can make the page are walked (maxscore.go).
		counted := match
		if counted == nil {
			counted = several.union
			if passed != nil {
				counted = passed
			}
		}
		fc.countBitmap(si, base, counted, mode)
		if match == nil {
			rankedUncounted.Add(1)
		}
		var stories func(uint32) uint32
		if fc.collapse {
			stories = t.storyOf
		}
		if err := rankWords(postings, dec, several.docs, fields, width, several.most, allowed, base, stories, top, want); err != nil {
			return 0, nil, err
		}
		return counted.GetCardinality(), fc.stories(si, match), nil
	}
	if mode != countEach {
		fc.startSegment(si, mode)
		defer fc.endSegment(si)
	}
	var n uint64
	// Matches are counted a batch at a time (countBatch says why).
	batch := fc.batch[:0]
	walk := func(visit func(num uint32, hits []fieldHit, at []segment.Posting)) error {
		return walkPostings(postings, false, visit)
	}
	if passed != nil {
		// A filter (a date range, a facet value, every word required):
		// only the matches it lets pass are read, the postings skipped to
		// each. Walking every posting and asking the filter of each cost
		// a common word in one year of thirty three times the word alone
		// (BENCHMARKS.md); a skip decodes nothing past the postings'
		// chunks that hold no match.
		walk = func(visit func(num uint32, hits []fieldHit, at []segment.Posting)) error {
			return walkDocs(postings, dec, passed, visit)
		}
	}
	err = walk(func(num uint32, hits []fieldHit, at []segment.Posting) {
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
		// a sum by the share of its clauses that matched: a word's by
		// its fields that have it, the words' by the words matched.
		if len(*top) >= want && wordsBound(hits, fields, width)*(1+1e-9) <= (*top)[0].score {
			return
		}
		for i, p := range at {
			if p != nil {
				hits[i].norm = float32(p.Norm())
			}
		}
		c := scored{score: wordsScore(hits, fields, width), num: base + uint64(num)}
		if fc.collapse {
			c.group = t.storyOf(num)
		}
		top.offer(c, want)
	})
	fc.countBatch(si, base, batch, mode)
	fc.batch = batch[:0]
	return n, fc.stories(si, match), err
}

// wordsScore is a document's score, as Bleve's disjunctions give it, from
// its hits in each clause (a word's width fields, word after word).
func wordsScore(hits []fieldHit, fields []wordField, width int) float64 {
	return wordsSum(hits, fields, width, false)
}

// wordsBound is the most a document with these hits can score
// (wordsScore, each field's score taken at its bound): norms unread.
func wordsBound(hits []fieldHit, fields []wordField, width int) float64 {
	return wordsSum(hits, fields, width, true)
}

func wordsSum(hits []fieldHit, fields []wordField, width int, bound bool) float64 {
	var total float64
	words, matched := len(hits)/width, 0
	for w := range words {
		var sum float64
		n := 0
		for i := w * width; i < (w+1)*width; i++ {
			h := hits[i]
			switch {
			case h.freq == 0:
				continue
			case bound:
				sum += fields[i].bound(uint64(h.freq))
			default:
				sum += fields[i].score(uint64(h.freq), float64(h.norm))
			}
			n++
		}
		if n > 0 {
			matched++
			total += sum * (float64(n) / float64(width))
		}
	}
	return total * (float64(matched) / float64(words))
}

// wordFields returns the fields a search of words reads, with their
// boosts: the title's and the body's (their pair fields' for a pair), or a
// quotation's.
func wordFields(quotes, pair bool) (names []string, boosts []float64) {
	switch {
	case quotes:
		return []string{fieldQuote}, []float64{1}
	case pair:
		return []string{fieldTitlePairs, fieldBodyPairs}, []float64{titleBoost, 1}
	}
	return []string{fieldTitle, fieldBody}, []float64{titleBoost, 1}
}

// wordsMatched returns the documents of a segment each word has in any of
// its width fields (postings: a word's fields, word after word), not to be
// changed, and the documents the words match: their union, or with every
// word required their intersection.
func wordsMatched(postings []segment.PostingsList, width int, required bool) (each []*roaring.Bitmap, matched *roaring.Bitmap, err error) {
	each = make([]*roaring.Bitmap, len(postings)/width)
	for w := range each {
		if each[w], err = matchBitmap(postings[w*width : (w+1)*width]); err != nil {
			return nil, nil, err
		}
	}
	if required {
		return each, roaring.FastAnd(each...), nil
	}
	return each, roaring.FastOr(each...), nil
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

// walkDocs calls visit as walkPostings does, for each document of docs
// only, in number order: each field's postings are skipped to it, or read
// from its decoded postings where dec has them (dec may be nil; a hit read
// there comes with its norm and no posting).
func walkDocs(postings []segment.PostingsList, dec []*decodedPostings, docs *roaring.Bitmap, visit func(num uint32, hits []fieldHit, at []segment.Posting)) error {
	its := make([]segment.PostingsIterator, len(postings))
	cur := make([]segment.Posting, len(postings))
	ended := make([]bool, len(postings))
	if dec == nil {
		dec = make([]*decodedPostings, len(postings))
	}
	for i, pl := range postings {
		if dec[i] != nil {
			decodedWalks.Add(1)
			continue
		}
		its[i] = pl.Iterator(true, true, false, nil)
	}
	hits := make([]fieldHit, len(postings))
	at := make([]segment.Posting, len(postings))
	for it := docs.Iterator(); it.HasNext(); {
		num := uint64(it.Next())
		for i := range its {
			hits[i], at[i] = fieldHit{}, nil
			if dec[i] != nil {
				hits[i] = dec[i].hit(uint32(num))
				continue
			}
			if ended[i] {
				continue
			}
			if cur[i] == nil || cur[i].Number() < num {
				p, err := its[i].Advance(num)
				if err != nil {
					return err
				}
				if cur[i] = p; p == nil {
					ended[i] = true
					continue
				}
			}
			if cur[i].Number() == num {
				hits[i].freq = uint32(min(cur[i].Frequency(), 1<<32-1))
				at[i] = cur[i]
			}
		}
		visit(uint32(num), hits, at)
	}
	return nil
}

// walkPostings calls visit for each document of the postings (one list per
// field), in number order, with its hit in each field and the posting it
// was read from (nil for none), which visit may read until it returns. With
// norms false, a hit's norm is left 0 (reading it costs, and a match that
// cannot make the page needs none).
func walkPostings(postings []segment.PostingsList, norms bool, visit func(num uint32, hits []fieldHit, at []segment.Posting)) error {
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
	at := make([]segment.Posting, len(postings))
	for {
		next := slices.Min(nums)
		if next == done {
			return nil
		}
		for i := range hits {
			hits[i], at[i] = fieldHit{}, nil
			if nums[i] == next {
				hits[i].freq = uint32(min(cur[i].Frequency(), 1<<32-1))
				if norms {
					hits[i].norm = float32(cur[i].Norm())
				}
				at[i] = cur[i]
			}
		}
		visit(uint32(next), hits, at)
		// The postings visit read are moved on only now: an iterator
		// reuses its posting.
		for i := range at {
			if at[i] != nil {
				if err := advance(i); err != nil {
					return err
				}
			}
		}
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
