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
func boundWord(postings []segment.PostingsList) (*wordBounds, error) {
	b := &wordBounds{width: len(postings)}
	best := map[uint32]float32{} // main field only: frequency -> highest norm
	if err := walkPostings(postings, true, func(_ uint32, hits []fieldHit, _ []segment.Posting) {
		b.add(hits, best)
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
// impactMinDocs documents in the main field when they were worked out.
type segmentBounds struct {
	words map[string]*wordBounds
	bytes int
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
	for _, ss := range snap.Segments() {
		c.mu.Lock()
		done := c.bounds[ss.Id()] != nil
		c.mu.Unlock()
		if done || ss.Count() < impactMinDocs {
			continue
		}
		start := time.Now()
		sb, err := segmentBoundsOf(ss, stop)
		if err != nil || sb == nil {
			return false, err
		}
		// Only a large segment's take long enough to be worth a line.
		if took := time.Since(start); took >= time.Second {
			slog.Info("bounded common words", "segment", ss.Id(), "documents", ss.Count(),
				"words", len(sb.words), "bytes", sb.bytes, "took", took.Round(time.Millisecond))
		}
		c.mu.Lock()
		if c.bounds == nil {
			c.bounds = map[uint64]*segmentBounds{}
		}
		c.bounds[ss.Id()] = sb
		c.mu.Unlock()
	}
	return true, nil
}

// segmentBoundsOf works out a segment's bounds; nil when stop closed first.
func segmentBoundsOf(ss *scorch.SegmentSnapshot, stop <-chan struct{}) (*segmentBounds, error) {
	main := boundFields[len(boundFields)-1]
	dict, err := ss.Segment().Dictionary(main)
	if err != nil {
		return nil, fmt.Errorf("bound words: read %s terms: %w", main, err)
	}
	sb := &segmentBounds{words: map[string]*wordBounds{}}
	it := dict.AutomatonIterator(nil, nil, nil)
	for {
		select {
		case <-stop:
			return nil, nil
		default:
		}
		e, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("bound words: read %s terms: %w", main, err)
		}
		if e == nil {
			break
		}
		if e.Count < impactMinDocs {
			continue
		}
		term := strings.Clone(e.Term)
		postings, err := wordPostings(ss, boundFields, term)
		if err != nil {
			return nil, fmt.Errorf("bound words: %q: %w", term, err)
		}
		if postings[len(postings)-1].Count() < impactMinDocs {
			continue
		}
		b, err := boundWord(postings)
		if err != nil {
			return nil, fmt.Errorf("bound words: %q: %w", term, err)
		}
		sb.words[term] = b
		sb.bytes += len(term) + b.bytes()
	}
	// The walks read the words' frequencies and norms once; their pages
	// go from the resident set, as the impact lists' do.
	releaseMapped(ss.Segment())
	return sb, nil
}
