package engine

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// Article bodies and quotations keep no term positions in the index:
// positions (with the byte offsets zap stores beside them) were half the
// index, more than the 1.5x of the text the whole index may take. A phrase
// in either is therefore found in two steps: the index finds the documents
// that have all its words, and the phrase is then checked against each
// one's text, read in pages: an article's body from the store, a quotation
// from the index's stored copy. The ranking is the one Bleve's phrase search
// gives (it scores a phrase as the conjunction of its words); the cost is a
// read and a scan per document that has the words. Titles are checked the
// same way against the title each article stores (mapping v12: their
// positions were 2% of the index, for phrases in a few words of text).
// Where the words are common, the title's and body's common pairs
// (pairs.go) answer a phrase of two of them outright, and narrow and often
// decide the candidates of a longer one.
//
// A stop word in a phrase ("bank of england") holds a place that a stop
// word must fill in the text: any stop word ("bank in england"), but not
// another word ("bank rate england"), which Bleve's and Lucene's phrases
// would let through. That is what a reader means by the phrase, and it
// lets the pair field keep the pairs two places apart only across a stop
// word (pairs.go).

// phraseCheckPage is how many candidate articles are read from the store at
// once to check a phrase.
const phraseCheckPage = 500

// textPhraseQuery is a phrase searched in a field without positions.
type textPhraseQuery struct {
	field    string
	phrase   string
	boost    float64
	analyzer analysis.Analyzer
	// texts reads the field's text of the documents with these ids; nil
	// when there is nowhere to read it from.
	texts textSource
	// kept keeps what the search found, per segment, for the next search
	// of the phrase (phrasecache.go); nil for none.
	kept *phraseCache
	// bodyKeys gives, for a snapshot, each document's body key, which
	// copies with the same text share (bodykeys.go); nil, or a nil
	// function, for none.
	bodyKeys func(snap *scorch.IndexSnapshot) (func(num uint64) uint64, error)
}

// textSource reads the text of documents, by id, from the index being
// searched or elsewhere.
type textSource func(ctx context.Context, r bleveindex.IndexReader, ids []string) (map[string]string, error)

// storeTexts reads article bodies with bodies (the store).
func storeTexts(bodies func(ctx context.Context, ids []string) (map[string]string, error)) textSource {
	if bodies == nil {
		return nil
	}
	return func(ctx context.Context, _ bleveindex.IndexReader, ids []string) (map[string]string, error) {
		return bodies(ctx, ids)
	}
}

// phraseTerms returns the terms of an analysed phrase by relative position
// (stop words leave empty positions).
func phraseTerms(tokens analysis.TokenStream) [][]string {
	if len(tokens) == 0 {
		return nil
	}
	first := tokens[0].Position
	var out [][]string
	for _, t := range tokens {
		at := t.Position - first
		for len(out) <= at {
			out = append(out, nil)
		}
		out[at] = append(out[at], string(t.Term))
	}
	return out
}

func (q *textPhraseQuery) Searcher(ctx context.Context, i bleveindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	phrase := phraseTerms(q.analyzer.Analyze([]byte(q.phrase)))
	if pair := wholePair(m, q.field, phrase); pair != "" {
		// The phrase is one term of the field's pair field (pairs.go),
		// searched and ranked as a word is.
		return searcher.NewTermSearcher(ctx, i, pair, pairFields[q.field], q.boost, options)
	}
	var words []string
	for _, ts := range phrase {
		for _, t := range ts {
			if !slices.Contains(words, t) {
				words = append(words, t)
			}
		}
	}
	if len(words) == 0 {
		return searcher.NewMatchNoneSearcher(i)
	}
	if len(phrase) == 1 && len(words) == 1 {
		return searcher.NewTermSearcher(ctx, i, words[0], q.field, q.boost, options)
	}
	parts := make([]search.Searcher, 0, len(words))
	var err error
	for _, w := range words {
		s, err := searcher.NewTermSearcher(ctx, i, w, q.field, q.boost, options)
		if err != nil {
			for _, p := range parts {
				p.Close()
			}
			return nil, err
		}
		parts = append(parts, s)
	}
	var conj search.Searcher
	if _, onBitmaps := i.(*scorch.IndexSnapshot); onBitmaps && q.texts != nil && options.Score != "none" && !options.IncludeTermVectors {
		// collectOnBitmaps finds the documents; the conjunction would
		// only give its weight and norms, and intersect the words'
		// postings for nothing.
		conj = newConjunctionWeights(parts, options)
	} else if conj, err = searcher.NewConjunctionSearcher(ctx, i, parts, options); err != nil {
		return nil, err
	}
	if q.texts == nil {
		// No store to read bodies from (an index opened on its own):
		// every article with all the words counts.
		return conj, nil
	}
	ps := &phraseSearcher{ctx: ctx, conj: conj, reader: i, phrase: phrase, words: words, q: q}
	if q.field == fieldBody && hasPairs(m) {
		ps.pairs = planPairs(phrase, words)
	}
	for _, p := range parts {
		ps.df = append(ps.df, p.Count())
	}
	if ps.scorers, ps.bm25, err = wordScorers(ctx, i, q.field, q.boost, words, parts, options); err != nil {
		conj.Close()
		return nil, err
	}
	return ps, nil
}

// wordScorers makes for each word the scorer Bleve's term searcher for it
// has (parts are those searchers), with the same statistics: a document the
// phrase search scores itself gets the score the conjunction would give it.
// Where they score by BM25, it also returns the same statistics as
// wordFields, which score without a scorer's allocations (their weights
// are set with the query norm, as the scorers' are).
func wordScorers(ctx context.Context, r bleveindex.IndexReader, field string, boost float64, words []string,
	parts []search.Searcher, options search.SearcherOptions) ([]*scorer.TermQueryScorer, []wordField, error) {
	docs, err := r.DocCount()
	if err != nil {
		return nil, nil, err
	}
	var avgLen float64
	if cb, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn); ok && cb() == bleveindex.BM25Scoring {
		if br, ok := r.(bleveindex.BM25Reader); ok && docs > 0 {
			card, err := br.FieldCardinality(field)
			if err != nil {
				return nil, nil, err
			}
			avgLen = bm25AvgLen(uint64(card), docs)
		}
	}
	out := make([]*scorer.TermQueryScorer, len(words))
	for k, w := range words {
		out[k] = scorer.NewTermQueryScorer([]byte(w), field, boost, docs, parts[k].Count(), avgLen, options)
	}
	if avgLen == 0 || options.Score == "none" || options.Explain {
		return out, nil, nil
	}
	fields := make([]wordField, len(words))
	for k := range words {
		// A scorer's query weight is 1 until the query norm is set.
		fields[k] = wordField{name: field, avgLen: avgLen, weight: 1, boost: boost, idf: bm25Idf(docs, parts[k].Count())}
	}
	return out, fields, nil
}

// phraseSearcher yields the matches of a conjunction whose text holds the
// phrase. It collects them all on first use: the text is read from the
// store in pages, which a document-at-a-time filter could not do.
type phraseSearcher struct {
	ctx    context.Context
	conj   search.Searcher
	reader bleveindex.IndexReader
	phrase [][]string
	words  []string
	q      *textPhraseQuery
	// pairs is what the body's pair field (pairs.go) tells of the
	// phrase; none for an index without it.
	pairs pairPlan
	// scorers score each word as the conjunction's term searchers do; df
	// is how many documents have each word.
	scorers []*scorer.TermQueryScorer
	df      []uint64
	// bm25 scores each word as scorers do, where they score by BM25;
	// nil otherwise.
	bm25 []wordField

	collected bool
	err       error
	docs      []phraseDoc
	next      int
}

// phraseDoc is a document that holds the phrase: its number in the
// snapshot (its internal id, read as a number) and its score.
type phraseDoc struct {
	num   uint64
	score float64
}

func (s *phraseSearcher) collect() error {
	if s.collected {
		return s.err
	}
	s.collected = true
	if snap, ok := s.reader.(*scorch.IndexSnapshot); ok {
		s.err = s.collectOnBitmaps(snap)
	} else {
		s.err = s.collectByConjunction()
	}
	return s.err
}

// collectByConjunction walks the conjunction of the phrase's words and
// checks each match's text.
func (s *phraseSearcher) collectByConjunction() error {
	if cw, ok := s.conj.(*conjunctionWeights); ok {
		conj, err := searcher.NewConjunctionSearcher(s.ctx, s.reader, cw.parts, cw.options)
		if err != nil {
			return err
		}
		if cw.norm != 0 {
			conj.SetQueryNorm(cw.norm)
		}
		s.conj = conj
	}
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.conj.DocumentMatchPoolSize(), 0)}
	var page []phraseDoc
	var ids []string
	check := func() error {
		if len(page) == 0 {
			return nil
		}
		if err := s.ctx.Err(); err != nil {
			return err
		}
		texts, err := s.q.texts(s.ctx, s.reader, ids)
		if err != nil {
			return fmt.Errorf("check phrase %q: %w", s.q.phrase, err)
		}
		for k, d := range page {
			if text, ok := texts[ids[k]]; ok && phraseIn(text, s.phrase) {
				s.docs = append(s.docs, d)
			}
		}
		page, ids = page[:0], ids[:0]
		return nil
	}
	for {
		dm, err := s.conj.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			break
		}
		id, err := s.reader.ExternalID(dm.IndexInternalID)
		if err != nil {
			return err
		}
		if len(dm.IndexInternalID) != 8 {
			return fmt.Errorf("check phrase %q: internal id of %d bytes", s.q.phrase, len(dm.IndexInternalID))
		}
		page = append(page, phraseDoc{num: binary.BigEndian.Uint64(dm.IndexInternalID), score: dm.Score})
		ids = append(ids, id)
		sctx.DocumentMatchPool.Put(dm)
		if len(page) == phraseCheckPage {
			if err := check(); err != nil {
				return err
			}
		}
	}
	return check()
}

// collectOnBitmaps finds the documents with all the phrase's words by
// intersecting each segment's postings bitmaps, checks the phrase in their
// texts, and scores the documents that hold it as the conjunction of the
// words would. Walking the conjunction match by match instead steps
// through every posting of a common word in the phrase ("said"):
// milliseconds for a phrase that a rare word makes selective.
func (s *phraseSearcher) collectOnBitmaps(snap *scorch.IndexSnapshot) error {
	var found []held // decided by the counts, in order
	var cands []held // to check in the text, in order
	segs := snap.Segments()
	bases := make([]uint64, len(segs)+1)
	// The terms a candidate must have: the phrase's common pairs, then
	// its words unless the pairs have them all.
	var needs []facetTerm
	for _, p := range s.pairs.needs {
		needs = append(needs, facetTerm{field: fieldBodyPairs, value: p})
	}
	if !s.pairs.covered {
		for _, w := range s.words {
			needs = append(needs, facetTerm{field: s.q.field, value: w})
		}
	}
	// The segments whose documents are found here, to be kept.
	keep := make([]bool, len(segs))
	// The body keys, for the counts and the text check both.
	var keyOf func(num uint64) uint64
	if s.q.bodyKeys != nil {
		var err error
		if keyOf, err = s.q.bodyKeys(snap); err != nil {
			return fmt.Errorf("check phrase %q: %w", s.q.phrase, err)
		}
	}
	for si, ss := range segs {
		bases[si+1] = bases[si] + ss.Segment().Count()
		if docs, ok := s.q.kept.get(phraseKeyOf(ss, s.q.field, s.phrase)); ok {
			found = slices.Grow(found, len(docs))
			for _, d := range docs {
				found = append(found, held{num: bases[si] + d.num, freq: d.freq, norm: d.norm})
			}
			continue
		}
		var both *roaring.Bitmap
		for _, ft := range needs {
			bm, err := termBitmap(ss.Segment(), ft.field, ft.value, ss.Deleted())
			if err != nil {
				return fmt.Errorf("check phrase %q: %w", s.q.phrase, err)
			}
			if both == nil {
				both = bm
			} else {
				both.And(bm)
			}
			if both.IsEmpty() {
				break
			}
		}
		if both.IsEmpty() {
			continue
		}
		keep[si] = s.q.kept != nil && both.GetCardinality() >= phraseKeepMin
		if s.pairs.chain != nil {
			// The counts decide the phrase where they can tell; only
			// the rest are read. Both come with their words'
			// frequencies and norms, read to count.
			var body func(doc uint32) uint64
			if keyOf != nil {
				base := bases[si]
				body = func(doc uint32) uint64 { return keyOf(base + uint64(doc)) }
			}
			decided, rest, err := s.decide(ss.Segment(), both, body)
			if err != nil {
				return fmt.Errorf("check phrase %q: %w", s.q.phrase, err)
			}
			found = decided.appendHeld(found, bases[si])
			cands = rest.appendHeld(cands, bases[si])
			continue
		}
		for it := both.Iterator(); it.HasNext(); {
			cands = append(cands, held{num: bases[si] + uint64(it.Next())})
		}
	}
	checked, err := s.check(snap, cands, keyOf)
	if err != nil {
		return err
	}
	// Decided and checked documents, in order again.
	found = mergeHeld(found, checked)
	// The rarest word's postings give the other checked documents' field
	// length (their norm) and that word's frequency.
	rare := 0
	for k := range s.words {
		if s.df[k] < s.df[rare] {
			rare = k
		}
	}
	si, open := 0, -1
	var r *freqReader
	s.docs = slices.Grow(s.docs, len(found))
	for i := range found {
		h := &found[i]
		for h.num >= bases[si+1] {
			si++
		}
		if h.norm == 0 {
			if si != open {
				open = si
				rs, err := freqReaders(segs[si].Segment(), s.q.field, s.words[rare:rare+1], true)
				if err != nil {
					return err
				}
				r = rs[0]
			}
			f, err := r.freq(uint32(h.num - bases[si]))
			if err != nil {
				return fmt.Errorf("check phrase %q: %w", s.q.phrase, err)
			}
			h.freq[rare], h.norm = f, r.norm
		}
		s.docs = append(s.docs, phraseDoc{num: h.num, score: s.score(h.freq, h.norm)})
	}
	s.keep(segs, bases, keep, found)
	return nil
}

// phraseKeepMin is how many candidates a segment must have for what the
// search found in it to be kept: fewer are found again at little cost.
// Many more than that cost a millisecond or more: a tenth of a millisecond
// a hundred candidates for their frequencies, read from each word's and
// pair's postings, and a body read from the store for each one the counts
// leave (20-28 µs). Tests lower it.
var phraseKeepMin uint64 = 32

// keep keeps, for the segments keep marks, the documents found there
// (found, in order, numbered in the snapshot whose segments start at
// bases).
func (s *phraseSearcher) keep(segs []*scorch.SegmentSnapshot, bases []uint64, keep []bool, found []held) {
	from := 0
	for si, ss := range segs {
		to := from
		for to < len(found) && found[to].num < bases[si+1] {
			to++
		}
		if keep[si] {
			docs := make([]held, to-from)
			for k, h := range found[from:to] {
				docs[k] = held{num: h.num - bases[si], freq: h.freq, norm: h.norm}
			}
			s.q.kept.put(phraseKeyOf(ss, s.q.field, s.phrase), docs)
		}
		from = to
	}
}

// held is a document that holds the phrase, or a candidate that may: its
// number in the snapshot, and its words' frequencies and its norm where
// they are known (norm 0 where they are not).
type held struct {
	num  uint64
	freq []uint64
	norm float64
}

// check reads the texts of cands (in order) and returns, in order, those
// that hold the phrase, with their words' frequencies (counted in the text
// where they are not known).
//
// Copies of a story with the same words (the same keyOf, bodykeys.go; nil
// for an index without keys) are
// decided by one of them: the first one's text is read, and the others'
// neither looked up nor read. A phrase of common words may have thousands
// of candidates at a million articles that are forty copies each of a few
// hundred texts, and reading each copy's row from the store was most of
// its first search (BENCHMARKS.md, fifteenth round).
func (s *phraseSearcher) check(snap *scorch.IndexSnapshot, cands []held, keyOf func(num uint64) uint64) ([]held, error) {
	var out []held
	type textKey struct {
		data *byte
		n    int
	}
	read := map[textKey]*textCheck{}
	sameBody := func(uint64) uint64 { return 0 }
	if keyOf != nil {
		sameBody = keyOf
	}
	byBody := map[uint64]*textCheck{} // decided texts, by body key
	// decide checks a text, once for all the copies that share it.
	decide := func(text string, needFreq bool) *textCheck {
		// Copies of a story come from the store as one string
		// (store.Bodies): the phrase is looked for in it once.
		key := textKey{unsafe.StringData(text), len(text)}
		r := read[key]
		if r == nil {
			r = &textCheck{in: phraseIn(text, s.phrase)}
			read[key] = r
		}
		if r.in && needFreq && r.freq == nil {
			// Counted once, for whichever copy first needs them.
			r.freq = termFreqs(text, s.words)
		}
		return r
	}
	for from := 0; from < len(cands); from += phraseCheckPage {
		if err := s.ctx.Err(); err != nil {
			return nil, err
		}
		page := cands[from:min(from+phraseCheckPage, len(cands))]
		pageOut := len(out) // where this page's found documents start
		keys := make([]uint64, len(page))
		// The page's candidates whose text is read: those without a
		// body key, and the first of each body not decided before.
		var reads []int
		isRead := make([]bool, len(page))
		for k, c := range page {
			keys[k] = sameBody(c.num)
			if b := keys[k]; b != 0 {
				if _, ok := byBody[b]; ok {
					continue
				}
				byBody[b] = nil // read for this candidate
			}
			reads, isRead[k] = append(reads, k), true
		}
		texts, err := s.readTexts(snap, page, reads)
		if err != nil {
			return nil, err
		}
		// A body whose first candidate had no text (gone from the store
		// since) is read for each of its others.
		var again []int
		for k, c := range page {
			b := keys[k]
			var r *textCheck
			switch text, ok := texts[k]; {
			case b != 0 && !isRead[k] && byBody[b] != nil:
				r = byBody[b]
			case ok:
				// A body's counts are taken with its first copy,
				// for the others that may need them.
				r = decide(text, c.norm == 0 || b != 0)
				if b != 0 {
					byBody[b] = r
				}
			case b != 0 && isRead[k]:
				delete(byBody, b)
				continue
			case b != 0:
				again = append(again, k)
				continue
			default:
				continue // not in the store
			}
			if r.in {
				out = append(out, s.found(c, r))
			}
		}
		if len(again) > 0 {
			more, err := s.readTexts(snap, page, again)
			if err != nil {
				return nil, err
			}
			for _, k := range again {
				if text, ok := more[k]; ok {
					if r := decide(text, page[k].norm == 0); r.in {
						out = append(out, s.found(page[k], r))
					}
				}
			}
			// In order again: the pages before hold smaller numbers.
			slices.SortFunc(out[pageOut:], func(a, b held) int { return cmp.Compare(a.num, b.num) })
		}
	}
	return out, nil
}

// textCheck is what a text tells of the phrase: whether it holds it, and
// its words' frequencies (nil until a document needs them).
type textCheck struct {
	in   bool
	freq []uint64
}

// found is candidate c, which holds the phrase: with its own copy of the
// words' frequencies where they were not known (the rare word's count is
// filled in later, collectOnBitmaps).
func (s *phraseSearcher) found(c held, r *textCheck) held {
	if c.norm == 0 {
		c.freq = slices.Clone(r.freq)
	}
	return c
}

// readTexts reads the texts of the candidates of page at the positions
// in which, by position.
func (s *phraseSearcher) readTexts(snap *scorch.IndexSnapshot, page []held, which []int) (map[int]string, error) {
	if len(which) == 0 {
		return nil, nil
	}
	ids := make([]string, len(which))
	for j, k := range which {
		id, err := snap.ExternalID(docNumID(page[k].num))
		if err != nil {
			return nil, err
		}
		ids[j] = id
	}
	texts, err := s.q.texts(s.ctx, s.reader, ids)
	if err != nil {
		return nil, fmt.Errorf("check phrase %q: %w", s.q.phrase, err)
	}
	out := make(map[int]string, len(which))
	for j, k := range which {
		if text, ok := texts[ids[j]]; ok {
			out[k] = text
		}
	}
	return out, nil
}

// mergeHeld merges two lists of documents in order into one.
func mergeHeld(a, b []held) []held {
	if len(b) == 0 {
		return a
	}
	out := make([]held, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].num < b[0].num {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// score is the score the conjunction of the phrase's words gives a
// document whose body has the words freq times and the norm norm: the BM25
// of Bleve's term scorers, worked out here (wordField.score), or the
// scorers' own for another model.
func (s *phraseSearcher) score(freq []uint64, norm float64) float64 {
	var sum float64
	if s.bm25 != nil {
		for k, f := range s.bm25 {
			sum += f.score(freq[k], norm)
		}
		return sum
	}
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(1, 0)}
	for k, sc := range s.scorers {
		dm := sc.Score(sctx, &bleveindex.TermFieldDoc{Freq: freq[k], Norm: norm})
		sum += dm.Score
		sctx.DocumentMatchPool.Put(dm)
	}
	return sum
}

// termFreqs counts the words of text whose terms are terms, as the
// analyzer would (phraseIn's way of reading words).
func termFreqs(text string, terms []string) []uint64 {
	out := make([]uint64, len(terms))
	scanWords(text, func(w span) bool {
		if k := termIndex(text[w.start:w.end], terms); k >= 0 {
			out[k]++
		}
		return true
	})
	return out
}

// termIndex returns which of terms word's term is, or -1. Only a word that
// could stem to one of them (as long, the same first letter) is stemmed:
// stemming every word of a text is most of the cost of reading it.
func termIndex(word string, terms []string) int {
	first := unicode.ToLower(firstRune(word))
	for _, t := range terms {
		if len(word) >= len(t) && len(t) > 0 && first == firstRune(t) {
			return slices.Index(terms, stemWord(word))
		}
	}
	return -1
}

func (s *phraseSearcher) Next(sctx *search.SearchContext) (*search.DocumentMatch, error) {
	if err := s.collect(); err != nil {
		return nil, err
	}
	if s.next >= len(s.docs) {
		return nil, nil
	}
	d := s.docs[s.next]
	s.next++
	dm := sctx.DocumentMatchPool.Get()
	dm.IndexInternalID = binary.BigEndian.AppendUint64(dm.IndexInternalID[:0], d.num)
	dm.Score = d.score
	return dm, nil
}

func (s *phraseSearcher) Advance(sctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	if err := s.collect(); err != nil {
		return nil, err
	}
	var at [8]byte
	for s.next < len(s.docs) && bytes.Compare(binary.BigEndian.AppendUint64(at[:0], s.docs[s.next].num), id) < 0 {
		s.next++
	}
	return s.Next(sctx)
}

func (s *phraseSearcher) Close() error { return s.conj.Close() }

// conjunctionWeights stands in for Bleve's conjunction of a phrase's words
// where the phrase searcher finds the documents itself: the same weight,
// query norms and count as NewConjunctionSearcher's (its searchers sorted
// the same way, their norms set as it sets them), without its intersection
// of the words' postings (OptimizeTFRConjunction), which is the most of its
// cost. It is never walked.
type conjunctionWeights struct {
	searchers searcher.OrderedSearcherList
	// For walking after all (collectByConjunction): the words'
	// searchers in the phrase's order, the options and the query norm
	// set last (0 for none).
	parts   []search.Searcher
	options search.SearcherOptions
	norm    float64
}

func newConjunctionWeights(parts []search.Searcher, options search.SearcherOptions) *conjunctionWeights {
	c := &conjunctionWeights{searchers: slices.Clone(parts), parts: parts, options: options}
	sort.Sort(c.searchers)
	// ConjunctionSearcher.computeQueryNorm.
	sum := 0.0
	for _, s := range c.searchers {
		sum += s.Weight()
	}
	norm := 1.0 / math.Sqrt(sum)
	for _, s := range c.searchers {
		s.SetQueryNorm(norm)
	}
	return c
}

var errNotWalked = errors.New("the conjunction of a phrase's words is not walked")

func (c *conjunctionWeights) Next(*search.SearchContext) (*search.DocumentMatch, error) {
	return nil, errNotWalked
}

func (c *conjunctionWeights) Advance(*search.SearchContext, bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	return nil, errNotWalked
}

func (c *conjunctionWeights) Weight() float64 {
	var w float64
	for _, s := range c.searchers {
		w += s.Weight()
	}
	return w
}

func (c *conjunctionWeights) SetQueryNorm(norm float64) {
	c.norm = norm
	for _, s := range c.searchers {
		s.SetQueryNorm(norm)
	}
}

func (c *conjunctionWeights) Count() uint64 {
	var n uint64
	for _, s := range c.searchers {
		n += s.Count()
	}
	return n
}

func (c *conjunctionWeights) Close() (err error) {
	for _, s := range c.searchers {
		if e := s.Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

func (c *conjunctionWeights) Size() int {
	n := 0
	for _, s := range c.searchers {
		n += s.Size()
	}
	return n
}

func (c *conjunctionWeights) Min() int { return 0 }

func (c *conjunctionWeights) DocumentMatchPoolSize() int {
	n := len(c.searchers)
	for _, s := range c.searchers {
		n += s.DocumentMatchPoolSize()
	}
	return n
}
func (s *phraseSearcher) Weight() float64 { return s.conj.Weight() }
func (s *phraseSearcher) SetQueryNorm(qnorm float64) {
	s.conj.SetQueryNorm(qnorm)
	for _, sc := range s.scorers {
		sc.SetQueryNorm(qnorm)
	}
	for k := range s.bm25 {
		f := &s.bm25[k]
		f.weight = f.boost * f.idf * qnorm
	}
}
func (s *phraseSearcher) Count() uint64              { return s.conj.Count() }
func (s *phraseSearcher) Min() int                   { return 0 }
func (s *phraseSearcher) Size() int                  { return s.conj.Size() + len(s.docs)*32 }
func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.conj.DocumentMatchPoolSize() + 1 }
func (q *textPhraseQuery) SetBoost(b float64)        { q.boost = b }
func (q *textPhraseQuery) Boost() float64            { return q.boost }
func (q *textPhraseQuery) Field() string             { return q.field }
func (q *textPhraseQuery) SetField(f string)         { q.field = f }
func (q *textPhraseQuery) String() string            { return fmt.Sprintf("%s:%q", q.field, q.phrase) }

// phraseSpans returns where in an analysed text the phrase occurs: the byte
// spans of the words of each occurrence.
func phraseSpans(tokens analysis.TokenStream, phrase [][]string) []span {
	if len(phrase) == 0 || len(tokens) == 0 {
		return nil
	}
	// The token at each position; stop words leave gaps.
	last := tokens[len(tokens)-1].Position
	at := make([]*analysis.Token, last+1)
	for _, t := range tokens {
		if t.Position >= 0 && t.Position <= last && at[t.Position] == nil {
			at[t.Position] = t
		}
	}
	var out []span
	for p := range at {
		if p+len(phrase) > len(at) {
			break
		}
		ok := true
		for k, want := range phrase {
			t := at[p+k]
			if len(want) == 0 {
				// A stop word's place: a stop word must hold it,
				// which leaves no token there.
				if t != nil {
					ok = false
					break
				}
				continue
			}
			if t == nil || !slices.Contains(want, string(t.Term)) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for k := range phrase {
			if t := at[p+k]; t != nil && len(phrase[k]) > 0 {
				out = append(out, span{t.Start, t.End})
			}
		}
	}
	return out
}

// Checking a phrase with the analyzer costs about 100µs for a short
// article, nearly all of it tokenising and stemming words the phrase does
// not have; a common phrase has thousands of candidate articles. phraseIn
// finds the words with a plain scan instead and stems only those that could
// be the phrase's: a word can stem to a term only if it starts with the
// term's first letter and is at least as long. Word boundaries follow the
// Unicode rules the analyzer's tokenizer applies to news text: letters and
// digits make words, an apostrophe or full stop between letters and a full
// stop or comma between digits stay inside one, everything else separates.

// stopWords are the analyzer's English stop words, which hold a place in a
// phrase but never match one of its terms.
var stopWords = func() analysis.TokenMap {
	m, err := registry.NewCache().TokenMapNamed(en.StopName)
	if err != nil {
		panic(fmt.Sprintf("English stop words: %v", err))
	}
	return m
}()

// phraseIn reports whether text holds the phrase: consecutive words whose
// stems are its terms, a stop word where it has a gap. It keeps only the
// last few words while it scans.
func phraseIn(text string, phrase [][]string) bool {
	n := len(phrase)
	if n == 0 {
		return false
	}
	ring := make([]span, n)
	seen := 0
	found := false
	scanWords(text, func(w span) bool {
		ring[seen%n] = w
		seen++
		if seen < n {
			return true
		}
		for k, terms := range phrase {
			if len(terms) == 0 {
				continue
			}
			w := ring[(seen-n+k)%n]
			if termIndex(text[w.start:w.end], terms) < 0 {
				return true
			}
		}
		// The gaps last: most places fail on a term, which costs
		// less to test.
		for k, terms := range phrase {
			if len(terms) == 0 {
				if w := ring[(seen-n+k)%n]; stemWord(text[w.start:w.end]) != "" {
					return true
				}
			}
		}
		found = true
		return false
	})
	return found
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// Term is the term the analyzer of article bodies makes of one word (lower
// case, possessive dropped, Porter stem), "" for a stop word: what a search
// for the word looks up.
func Term(word string) string { return stemWord(word) }

// stemWord is the analyzer's term for one word: possessive dropped, lower
// case, Porter stem; "" for a stop word.
func stemWord(w string) string {
	w = strings.ToLower(w)
	for _, suffix := range []string{"'s", "\u2019s", "\uff07s"} {
		if strings.HasSuffix(w, suffix) {
			w = w[:len(w)-len(suffix)]
			break
		}
	}
	if stopWords[w] {
		return ""
	}
	return string(porterstemmer.StemWithoutLowerCasing([]rune(w)))
}

// asciiWord marks the ASCII bytes that are word characters.
var asciiWord = func() (t [128]bool) {
	for c := range 128 {
		r := rune(c)
		t[c] = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < 128 {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// scanWords calls yield with each word of text, in order, until it returns
// false.
func scanWords(text string, yield func(span) bool) {
	start := -1
	var prev rune
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r < utf8.RuneSelf {
			if asciiWord[r] { // the common case, without a call
				if start < 0 {
					start = i
				}
				prev = r
				i++
				continue
			}
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r >= utf8.RuneSelf && isWordRune(r) {
			if start < 0 {
				start = i
			}
			prev = r
			i += size
			continue
		}
		if start >= 0 {
			// A joiner stays inside the word when a word character of
			// the right kind follows.
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			joins := false
			switch r {
			case '\'', '\u2019', ':':
				joins = unicode.IsLetter(prev) && unicode.IsLetter(next)
			case '.':
				joins = (unicode.IsLetter(prev) && unicode.IsLetter(next)) || (unicode.IsDigit(prev) && unicode.IsDigit(next))
			case ',', ';':
				joins = unicode.IsDigit(prev) && unicode.IsDigit(next)
			}
			if !joins {
				if !yield(span{start, i}) {
					return
				}
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		yield(span{start, len(text)})
	}
}
