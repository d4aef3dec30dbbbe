package engine

import (
	"cmp"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A search of several common words (rankWords) needs, in each segment, the
// most each word can add to a document's score. It took that from the
// word's impact list, which walks all the word's postings the first time
// the word is searched: a search of three common words no one had searched
// yet walked three, a quarter of its median time at a million articles
// (BENCHMARKS.md, eighteenth round). Yet that
// most is worked out from very little, whatever the index's statistics
// when the search runs: the pairs of frequency and length that no other
// document beats on both (a higher frequency and a shorter text never score
// less). Those are a few dozen numbers a word, so the warmer works them out
// for every common word of a segment when the segment appears, and a
// search reads them instead of walking postings.

// boundedWords counts the words whose most a search read from their bounds,
// so that tests know the path ran.
var boundedWords atomic.Int64

// boundFields are the fields whose bounds the warmer keeps: a search of
// articles' text. Other searches (of quotations) build impact lists.
var boundFields = []string{fieldTitle, fieldBody}

// freqNorm is a frequency in the main field and the highest norm (the
// shortest text) a document with it has.
type freqNorm struct {
	freq uint32
	norm float32
}

// wordBounds is what the most a word adds to a document's sum in one
// segment is worked out from: main for the documents with it in the main
// field only, whole for those with it in another field too (width hits
// each, none beaten in every field by another).
type wordBounds struct {
	main  []freqNorm
	whole []fieldHit
	width int
}

// beats reports whether a document with hits a scores at least as much as
// one with hits b in every field: as often there, and as short where b has
// the word.
func beats(a, b []fieldHit) bool {
	for i := range a {
		if a[i].freq < b[i].freq || (b[i].freq > 0 && a[i].norm < b[i].norm) {
			return false
		}
	}
	return true
}

// boundWord walks a word's postings in a segment (one list per field, the
// main one last) and keeps its bounds.
// With dec, it also keeps the main field's postings decoded there.
func boundWord(postings []segment.PostingsList, dec *decodedBuilder) (*wordBounds, error) {
	b := &wordBounds{width: len(postings)}
	best := map[uint32]float32{} // main field only: frequency -> highest norm
	main := len(postings) - 1
	if err := walkPostings(postings, true, func(num uint32, hits []fieldHit, _ []segment.Posting) {
		b.add(hits, best)
		if dec != nil && hits[main].freq > 0 {
			dec.add(num, hits[main])
		}
	}); err != nil {
		return nil, err
	}
	b.main = mainFront(best)
	b.whole = slices.Clip(b.whole)
	return b, nil
}

// add takes in one document's hits: into best (frequency -> highest norm)
// if it has the word in the main field only, else into b.whole unless
// another there beats it, dropping those it beats.
func (b *wordBounds) add(hits []fieldHit, best map[uint32]float32) {
	w := b.width
	if !slices.ContainsFunc(hits[:w-1], func(h fieldHit) bool { return h.freq > 0 }) {
		h := hits[w-1]
		if n, ok := best[h.freq]; !ok || h.norm > n {
			best[h.freq] = h.norm
		}
		return
	}
	for d := 0; d < len(b.whole); d += w {
		if beats(b.whole[d:d+w], hits) {
			return
		}
	}
	kept := b.whole[:0]
	for d := 0; d < len(b.whole); d += w {
		if !beats(hits, b.whole[d:d+w]) {
			kept = append(kept, b.whole[d:d+w]...)
		}
	}
	b.whole = append(kept, hits...)
}

// mainFront returns the pairs of best (frequency -> highest norm) that no
// higher frequency matches or passes in norm, highest frequency first.
func mainFront(best map[uint32]float32) []freqNorm {
	all := make([]freqNorm, 0, len(best))
	for f, n := range best {
		all = append(all, freqNorm{f, n})
	}
	slices.SortFunc(all, func(x, y freqNorm) int { return cmp.Compare(y.freq, x.freq) })
	kept := all[:0]
	for _, p := range all {
		if len(kept) == 0 || p.norm > kept[len(kept)-1].norm {
			kept = append(kept, p)
		}
	}
	return slices.Clip(kept)
}

// most is the most a document of the bounds' segment scores for the word
// in fields (the word's width fields, as wordsScore adds them): what its
// impact list's most would say, or more where documents were deleted since.
func (b *wordBounds) most(fields []wordField) wordMost {
	var m wordMost
	main := fields[len(fields)-1]
	for _, p := range b.main {
		m.main = max(m.main, main.score(uint64(p.freq), float64(p.norm))*(1/float64(len(fields))))
	}
	m.all = m.main
	for d := 0; d < len(b.whole); d += b.width {
		m.all = max(m.all, wordsScore(b.whole[d:d+b.width], fields, len(fields)))
	}
	return m
}

// bytes is about the memory the bounds take.
func (b *wordBounds) bytes() int { return 48 + len(b.main)*8 + len(b.whole)*8 }

// segmentBounds are a segment's bounds of every word with at least
// impactMinDocs documents in the main field when they were worked out, and
// the densest words' postings in the main field decoded (decoded.go).
type segmentBounds struct {
	words map[string]*wordBounds
	// top are the main field's words in the most documents, most first
	// (up to warmCommonWords): warmCommon builds their impact lists.
	top          []string
	bytes        int
	decoded      map[string]*decodedPostings
	decodedBytes int
}

// boundsOf returns the bounds of term in fields for segment seg, or nil
// when the warmer has not worked them out.
func (c *impactCache) boundsOf(seg uint64, fields []string, term string) *wordBounds {
	if !slices.Equal(fields, boundFields) {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if sb := c.bounds[seg]; sb != nil {
		return sb.words[term]
	}
	return nil
}

// warmBounds works out the bounds of the common words of each segment of
// snap that has none yet, stopping early (the rest left for the next
// warm, and complete false) when stop is closed.
func (c *impactCache) warmBounds(snap *scorch.IndexSnapshot, stop <-chan struct{}) (complete bool, err error) {
	// The segments merged away go first: their decoded postings would
	// hold the budget the segments they were merged into need. A search
	// of an older snapshot finds none for them and walks postings.
	live := map[uint64]bool{}
	for _, ss := range snap.Segments() {
		live[ss.Id()] = true
	}
	c.mu.Lock()
	c.forgetBounds(live)
	c.mu.Unlock()
	for _, ss := range snap.Segments() {
		c.mu.Lock()
		done := c.bounds[ss.Id()] != nil
		c.mu.Unlock()
		if done || ss.Count() < impactMinDocs {
			continue
		}
		start := time.Now()
		c.mu.Lock()
		room := decodedBudget - c.decodedBytes
		c.mu.Unlock()
		sb, err := segmentBoundsOf(ss, room, stop)
		if err != nil || sb == nil {
			return false, err
		}
		// Only a large segment's take long enough to be worth a line.
		if took := time.Since(start); took >= time.Second {
			slog.Info("bounded common words", "segment", ss.Id(), "documents", ss.Count(),
				"words", len(sb.words), "bytes", sb.bytes, "decoded", len(sb.decoded),
				"decoded_bytes", sb.decodedBytes, "took", took.Round(time.Millisecond))
		}
		c.mu.Lock()
		if c.bounds == nil {
			c.bounds = map[uint64]*segmentBounds{}
		}
		c.bounds[ss.Id()] = sb
		c.decodedBytes += sb.decodedBytes
		c.mu.Unlock()
	}
	return true, nil
}

// segmentBoundsOf works out a segment's bounds, with decoded postings of
// at most room bytes; nil when stop closed first.
func segmentBoundsOf(ss *scorch.SegmentSnapshot, room int, stop <-chan struct{}) (*segmentBounds, error) {
	main := boundFields[len(boundFields)-1]
	dict, err := ss.Segment().Dictionary(main)
	if err != nil {
		return nil, fmt.Errorf("bound words: read %s terms: %w", main, err)
	}
	common, stopped, err := commonWords(dict, stop)
	if err != nil || stopped {
		return nil, err
	}
	docs := ss.Segment().Count()
	decode := densestWords(common, docs, room)
	sb := &segmentBounds{words: map[string]*wordBounds{}, decoded: map[string]*decodedPostings{}}
	byCount := slices.SortedStableFunc(slices.Values(common), func(a, b termCount) int { return cmp.Compare(b.count, a.count) })
	for _, w := range byCount[:min(warmCommonWords, len(byCount))] {
		sb.top = append(sb.top, w.term)
	}
	for _, w := range common {
		select {
		case <-stop:
			return nil, nil
		default:
		}
		postings, err := wordPostings(ss, boundFields, w.term)
		if err != nil {
			return nil, fmt.Errorf("bound words: %q: %w", w.term, err)
		}
		if postings[len(postings)-1].Count() < impactMinDocs {
			continue
		}
		var dec *decodedBuilder
		if decode[w.term] {
			dec = newDecodedBuilder(docs, postings[len(postings)-1].Count())
		}
		b, err := boundWord(postings, dec)
		if err != nil {
			return nil, fmt.Errorf("bound words: %q: %w", w.term, err)
		}
		sb.words[w.term] = b
		sb.bytes += len(w.term) + b.bytes()
		if dec != nil {
			d := dec.done()
			sb.decoded[w.term] = d
			sb.decodedBytes += len(w.term) + d.bytes()
		}
	}
	// The walks read the words' frequencies and norms once; their pages
	// go from the resident set, as the impact lists' do.
	releaseMapped(ss.Segment())
	return sb, nil
}

// termCount is a term and the documents that have it.
type termCount struct {
	term  string
	count uint64
}

// commonWords returns the terms of dict in at least impactMinDocs
// documents (deleted ones included), with their counts, in the
// dictionary's order; stopped when stop closed first.
//
// A dictionary's iterator gives each term's count too, but zap's reads it
// into a postings list it never clears: after a term of a single
// document, every later term counts 1, and a common word was taken for a
// rare one. The count is read from a postings list of its own.
func commonWords(dict segment.TermDictionary, stop <-chan struct{}) (common []termCount, stopped bool, err error) {
	it := dict.AutomatonIterator(nil, nil, nil)
	var pl segment.PostingsList
	for n := 0; ; n++ {
		if n%4096 == 0 {
			select {
			case <-stop:
				return nil, true, nil
			default:
			}
		}
		e, err := it.Next()
		if err != nil {
			return nil, false, fmt.Errorf("bound words: read the terms: %w", err)
		}
		if e == nil {
			return common, false, nil
		}
		if pl, err = dict.PostingsList([]byte(e.Term), nil, pl); err != nil {
			return nil, false, fmt.Errorf("bound words: read the terms: %w", err)
		}
		if c := pl.Count(); c >= impactMinDocs {
			common = append(common, termCount{strings.Clone(e.Term), c})
		}
	}
}

// densestWords returns the words of common (a segment's main field, of
// docs documents) whose postings the warmer keeps decoded: those in at
// least one document in decodedShare, densest first while they fit in room
// bytes.
func densestWords(common []termCount, docs uint64, room int) map[string]bool {
	least := max(impactMinDocs, docs/decodedShare)
	var dense []termCount
	for _, w := range common {
		if w.count >= least {
			dense = append(dense, w)
		}
	}
	slices.SortFunc(dense, func(a, b termCount) int { return cmp.Compare(b.count, a.count) })
	out := map[string]bool{}
	for _, w := range dense {
		size := len(w.term) + decodedSize(docs, w.count)
		if size > room {
			break
		}
		room -= size
		out[w.term] = true
	}
	return out
}

// decodedOf returns the decoded postings in segment seg of each of terms
// in fields, a word's fields after each other as wordSearch opens them
// (nil where there are none, or nil for none at all).
func (c *impactCache) decodedOf(seg uint64, fields []string, terms []string) []*decodedPostings {
	if !slices.Equal(fields, boundFields) {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	sb := c.bounds[seg]
	if sb == nil || len(sb.decoded) == 0 {
		return nil
	}
	var out []*decodedPostings
	for w, term := range terms {
		if d := sb.decoded[term]; d != nil {
			if out == nil {
				out = make([]*decodedPostings, len(terms)*len(fields))
			}
			out[(w+1)*len(fields)-1] = d
		}
	}
	return out
}

// forgetBounds drops the bounds of the segments not in live; c.mu is held.
func (c *impactCache) forgetBounds(live map[uint64]bool) {
	for seg, sb := range c.bounds {
		if !live[seg] {
			c.decodedBytes -= sb.decodedBytes
			delete(c.bounds, seg)
			delete(c.commonWarmed, seg)
		}
	}
}
