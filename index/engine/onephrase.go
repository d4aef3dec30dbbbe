package engine

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// A phrase of common words ("company spokesman said", "cts net loss") can
// match tens of thousands of articles, most of them decided from the pair
// fields' counts without a text read (pairs.go). The general way then hands
// every match to Bleve's collector through the disjunction of the title's
// and the body's phrase, and counts its facets one by one: a few hundred
// nanoseconds a match, and most of the search. onePhrase takes the matches
// as the two phrase searchers find them (the title's positions; the body's
// pairs, counts and texts, phrase.go), adds up their scores as Bleve's
// disjunction does, keeps the best page in a small heap and counts the
// facets on each segment's bitmap of matches, as the one-word way does for a
// broad word (word.go). The documents, their scores and the counts are the
// general way's (TestOnePhraseAgrees); only the work per match is smaller.

// onePhrase answers a search that is one quoted phrase of articles, with
// or without facet filters and dates: by relevance within the first
// maxWordWindow hits, or sorted by date within the first maxKeyPage, the
// page then read from the matches' dates (datePage).
type onePhrase struct {
	phrase string // as the user wrote it, without the quotes
}

// onePhraseText returns the phrase of p if p is a search onePhrase
// answers, "" if it is not.
func (e *Engine) onePhraseText(p *prepared) string {
	if !e.relevancePage(p) && !e.byDatePage(p) || p.q.Quotes || e.bodies == nil || !hasPairs(e.b.Mapping()) {
		return ""
	}
	inner := quotedPhrase(p.q.Text)
	if inner == "" {
		return ""
	}
	// A phrase of one term is a word, searched as one; a phrase of two
	// common terms is one term of the pair fields (oneWord).
	if phraseTermCount(phraseTerms(e.textAnalyzer().Analyze([]byte(inner)))) < 2 {
		return ""
	}
	return inner
}

// quotedPhrase returns what is between the quotes of a query that is one
// quoted phrase of words, "" if the query is anything else.
func quotedPhrase(text string) string {
	text = strings.TrimSpace(text)
	if len(text) < 2 || len(text) > 100 || text[0] != '"' || text[len(text)-1] != '"' {
		return ""
	}
	inner := text[1 : len(text)-1]
	for _, r := range inner {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' {
			return "" // escapes, quotes, anything the parser might read otherwise
		}
	}
	return inner
}

func (w onePhrase) answer(ctx context.Context, e *Engine, p *prepared) (answer, error) {
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return answer{}, err
	}
	defer closeSnap()
	ph, err := e.phraseSearchers(ctx, snap, w.phrase)
	if err != nil {
		return answer{}, fmt.Errorf("search %q: %w", p.q.Text, err)
	}
	if ph == nil {
		// The body's phrase is no phrase checked in the text (no
		// store to read bodies from, or a word repeated alone):
		// Bleve's search answers it.
		return general{}.answer(ctx, e, p)
	}
	defer ph.close()
	docs, err := ph.matches(ctx, snap)
	if err != nil {
		return answer{}, fmt.Errorf("search %q: %w", p.q.Text, err)
	}
	return e.rankPhrase(ctx, snap, p, docs)
}

// phraseFields are a phrase's searchers in the title and the body, with
// the query norm Bleve's disjunction of the two would give them.
type phraseFields struct {
	title search.Searcher
	body  *phraseSearcher
}

// bm25 tells the searchers built outside Bleve's search to score by BM25,
// as the mapping does (schema.go).
var bm25 = search.GetScoringModelCallbackFn(func() string { return bleveindex.BM25Scoring })

// phraseSearchers builds the searchers of phrase in the title (boosted, as
// the rewriter boosts it) and the body of snap, as the general search
// would, and gives them its query norm. It returns nil when the body's
// searcher is not a phraseSearcher.
func (e *Engine) phraseSearchers(ctx context.Context, snap *scorch.IndexSnapshot, phrase string) (*phraseFields, error) {
	ctx = context.WithValue(ctx, search.GetScoringModelCallbackKey, bm25)
	m := e.b.Mapping()
	an := e.textAnalyzer()
	title, err := (&textPhraseQuery{field: fieldTitle, phrase: phrase, boost: titleBoost, analyzer: an, texts: titleTexts}).Searcher(ctx, snap, m, search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	body, err := (&textPhraseQuery{field: fieldBody, phrase: phrase, boost: 1, analyzer: an, texts: storeTexts(e.readBodies), kept: &e.facets.phrases, bodyKeys: e.bodyKeys}).Searcher(ctx, snap, m, search.SearcherOptions{})
	if err != nil {
		title.Close()
		return nil, err
	}
	ps, ok := body.(*phraseSearcher)
	if !ok {
		title.Close()
		body.Close()
		return nil, nil
	}
	// Bleve's disjunction (and the conjunctions around it) normalises
	// its clauses by the root of the sum of their weights.
	norm := 1 / math.Sqrt(title.Weight()+ps.Weight())
	title.SetQueryNorm(norm)
	ps.SetQueryNorm(norm)
	return &phraseFields{title: title, body: ps}, nil
}

func (ph *phraseFields) close() {
	ph.title.Close()
	ph.body.Close()
}

// phraseMatch is a document that holds a phrase: its number in the
// snapshot and its score.
type phraseMatch struct {
	num   uint64
	score float64
}

// matches returns the documents of snap that hold the phrase in the title
// or the body, in number order, each scored as Bleve's disjunction of the
// two scores it: the sum of the fields' scores, times the share of the two
// that hold it.
func (ph *phraseFields) matches(ctx context.Context, snap *scorch.IndexSnapshot) ([]phraseMatch, error) {
	titles, err := searcherMatches(ctx, ph.title)
	if err != nil {
		return nil, fmt.Errorf("phrase in titles: %w", err)
	}
	if err := ph.body.collect(); err != nil {
		return nil, err
	}
	bodies := ph.body.docs
	out := make([]phraseMatch, 0, len(bodies)+len(titles))
	i, j := 0, 0
	for i < len(titles) || j < len(bodies) {
		var t, b *phraseMatch
		var bm phraseMatch
		switch {
		case j == len(bodies):
			t = &titles[i]
		case i == len(titles):
			bm = phraseMatch{bodies[j].num, bodies[j].score}
			b = &bm
		default:
			bm = phraseMatch{bodies[j].num, bodies[j].score}
			switch {
			case titles[i].num < bm.num:
				t = &titles[i]
			case titles[i].num > bm.num:
				b = &bm
			default:
				t, b = &titles[i], &bm
			}
		}
		// Summed in the clauses' order, title first, as Bleve sums them.
		var sum float64
		matched := 0
		num := uint64(0)
		if t != nil {
			sum += t.score
			matched++
			num = t.num
			i++
		}
		if b != nil {
			sum += b.score
			matched++
			num = b.num
			j++
		}
		out = append(out, phraseMatch{num: num, score: sum * (float64(matched) / 2)})
	}
	return out, nil
}

// searcherMatches walks a Bleve searcher to its end: the documents it
// matches, with their scores.
func searcherMatches(ctx context.Context, s search.Searcher) ([]phraseMatch, error) {
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	var out []phraseMatch
	for {
		if len(out)%1024 == 1023 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			return out, nil
		}
		if len(dm.IndexInternalID) != 8 {
			return nil, fmt.Errorf("internal id of %d bytes", len(dm.IndexInternalID))
		}
		out = append(out, phraseMatch{binary.BigEndian.Uint64(dm.IndexInternalID), dm.Score})
		sctx.DocumentMatchPool.Put(dm)
	}
}

// rankPhrase keeps the page of p from docs (matches in number order, with
// their scores) and counts their facets, each segment's on its bitmap of
// matches when they are many.
func (e *Engine) rankPhrase(ctx context.Context, snap *scorch.IndexSnapshot, p *prepared, docs []phraseMatch) (answer, error) {
	q := p.q
	fc := &facetCounter{tables: &e.facets, collapse: !q.AllCopies}
	if err := fc.start(snap); err != nil {
		return answer{}, err
	}
	defer fc.release()
	filters := queryFilters(q)
	segs := snap.Segments()
	// The matches of each segment, as their numbers there, filtered.
	perSeg := make([]*roaring.Bitmap, len(segs))
	scores := make([][]phraseMatch, len(segs))
	var all uint64
	k := 0
	for si, ss := range segs {
		base, end := fc.offsets[si], fc.offsets[si+1]
		from := k
		for k < len(docs) && docs[k].num < end {
			k++
		}
		if k == from {
			continue
		}
		allowed, err := filterBitmap(ss, filters)
		if err != nil {
			return answer{}, fmt.Errorf("search %q: %w", q.Text, err)
		}
		locals := make([]uint32, 0, k-from)
		scores[si] = make([]phraseMatch, 0, k-from)
		for _, d := range docs[from:k] {
			local := uint32(d.num - base)
			if allowed != nil && !allowed.Contains(local) {
				continue
			}
			locals = append(locals, local)
			scores[si] = append(scores[si], d)
		}
		bm := roaring.New()
		bm.AddMany(locals) // in order
		perSeg[si] = bm
		all += bm.GetCardinality()
	}
	var kindDocs uint64
	for _, sf := range fc.segs {
		kindDocs += sf.docsOf(false)
	}
	mode := countMode(all, kindDocs)
	want := p.from + p.size
	// A page by date is read from the matches' dates (datePage), not
	// ranked.
	byDate := q.Sort == SortNewest || q.Sort == SortOldest
	top := make(pageHeap, 0, want+1)
	var matches []*roaring.Bitmap
	if mode == countOnBitmaps {
		matches = make([]*roaring.Bitmap, len(segs))
	}
	for si, bm := range perSeg {
		if bm == nil || bm.IsEmpty() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return answer{}, err
		}
		base := fc.offsets[si]
		fc.countBitmap(si, base, bm, mode)
		if mode == countOnBitmaps {
			matches[si] = fc.stories(si, bm)
		}
		if byDate {
			continue
		}
		t := fc.segs[si]
		for _, d := range scores[si] {
			c := scored{score: d.score, num: d.num}
			if fc.collapse {
				c.group = t.storyOf(uint32(d.num - base))
			}
			top.offer(c, want)
		}
	}
	counts, err := fc.result()
	if err != nil {
		return answer{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if mode == countOnBitmaps {
		if err := e.countOnBitmaps(snap, fc, counts, matches, false); err != nil {
			return answer{}, fmt.Errorf("search %q: count facets: %w", q.Text, err)
		}
	}
	if byDate {
		way := dateWay(all, all-fc.copies, uint64(p.from+p.size), countedYears(counts))
		hits, ok, err := e.datePage(ctx, snap, q, p.from, p.size, counts, perSeg, way)
		if err != nil {
			return answer{}, fmt.Errorf("search %q: %w", q.Text, err)
		}
		if !ok {
			return general{}.answer(ctx, e, p)
		}
		byDatePages.Add(1)
		return answer{hits: hits, total: all - fc.copies, matches: all, counts: counts}, nil
	}
	hits, err := pageHits(segs, fc, top, p.from, false)
	if err != nil {
		return answer{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	return answer{hits: hits, total: all - fc.copies, matches: all, counts: counts}, nil
}

// filterBitmap returns the live documents of a segment that pass every
// filter, nil for no filter.
func filterBitmap(ss *scorch.SegmentSnapshot, filters []facetTerm) (*roaring.Bitmap, error) {
	var allowed *roaring.Bitmap
	for _, f := range filters {
		var bm *roaring.Bitmap
		var err error
		if f.ranges != nil {
			bm, err = rangesBitmap(ss, f.ranges)
		} else {
			bm, err = termBitmap(ss.Segment(), f.field, f.value, ss.Deleted())
		}
		if err != nil {
			return nil, err
		}
		if allowed == nil {
			allowed = bm
		} else {
			allowed.And(bm)
		}
	}
	return allowed, nil
}

// rangesBitmap returns the live documents of a segment that have a term of
// any of ranges.
func rangesBitmap(ss *scorch.SegmentSnapshot, ranges []termRange) (*roaring.Bitmap, error) {
	var parts []*roaring.Bitmap
	for _, r := range ranges {
		dict, err := ss.Segment().Dictionary(r.field)
		if err != nil {
			return nil, err
		}
		// The end is exclusive: hi and nothing after it.
		it := dict.AutomatonIterator(nil, []byte(r.lo), []byte(r.hi+"\x00"))
		for {
			entry, err := it.Next()
			if err != nil {
				return nil, err
			}
			if entry == nil {
				break
			}
			pl, err := dict.PostingsList([]byte(entry.Term), ss.Deleted(), nil)
			if err != nil {
				return nil, err
			}
			bm, err := postingsBitmap(pl)
			if err != nil {
				return nil, err
			}
			parts = append(parts, bm)
		}
	}
	if len(parts) == 0 {
		return roaring.New(), nil
	}
	return roaring.FastOr(parts...), nil
}
