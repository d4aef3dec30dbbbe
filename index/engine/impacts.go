package engine

import (
	"cmp"
	"container/heap"
	"container/list"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A common word's search spends most of its time ranking: every one of
// hundreds of thousands of postings is decoded and scored to find the best
// twenty. Yet which documents can make a page hardly depends on the search:
// a document's BM25 score grows with the word's frequency in it and falls
// with its length, whatever the index's statistics (idf, average length)
// are when it runs. A document that a hundred others beat on both counts
// can never be among the best hundred. So, per segment and word, an impact
// list keeps only the documents that could: for each frequency, the
// shortest documents with it, cut where a hundred others beat them. A
// search scores those (a few hundred) and stops within each frequency at
// the first that cannot make the page. The ranking stays exact; the lists
// are built on a word's first search and kept, within a memory budget,
// until their segment is merged away or loses documents.
//
// The score's other fields (the title, boosted) are rarer: a document that
// has the word in one of them is kept whole, with its frequency and norm in
// every field, and always scored.

// impactDepth is how deep a page the impact lists answer (from+size); a
// deeper page walks the postings. impactMinDocs is how many postings a
// segment's main field must have for an impact list to pay: fewer are
// walked. Tests lower both.
var (
	impactDepth          = 100
	impactMinDocs uint64 = 4096
)

// impactBudget bounds the memory the kept lists take, in bytes.
const impactBudget = 48 << 20

// fieldHit is a document's frequency and norm in one field (0, 0: none).
type fieldHit struct {
	freq uint32
	norm float32
}

// impactLevel holds the documents with the word only in the main field,
// all with the same frequency there, best first: norm descending (shorter
// first), then number ascending (the earlier wins a tie).
type impactLevel struct {
	freq  uint32
	norms []float32
	nums  []uint32
}

// impactList is one segment's impact list for one word in some fields; the
// last field is the main one (the body, or the quotation).
type impactList struct {
	fields int
	// The documents with the word in another field, each with a hit
	// per field.
	wholeNums []uint32
	wholeHits []fieldHit
	levels    []impactLevel // by frequency, highest first
	bytes     int
	walked    int // the documents the postings hold
}

// buildImpacts walks the postings (one list per field, main last) of a
// segment once and keeps what can make a page of depth impactDepth.
func buildImpacts(postings []segment.PostingsList) (*impactList, error) {
	il := &impactList{fields: len(postings)}
	main := len(postings) - 1
	// Per frequency of the main field, the best impactDepth documents so
	// far, in a heap with the worst on top: the common frequencies by
	// index, the rare high ones (a word a document repeats thousands of
	// times) in a map.
	var byFreq [256]*levelHeap
	high := map[uint32]*levelHeap{}
	err := walkPostings(postings, func(num uint32, hits []fieldHit) {
		il.walked++
		if slices.ContainsFunc(hits[:main], func(h fieldHit) bool { return h.freq > 0 }) {
			il.wholeNums = append(il.wholeNums, num)
			il.wholeHits = append(il.wholeHits, hits...)
			return
		}
		f := hits[main].freq
		var h *levelHeap
		if f < uint32(len(byFreq)) {
			if h = byFreq[f]; h == nil {
				h = &levelHeap{}
				byFreq[f] = h
			}
		} else if h = high[f]; h == nil {
			h = &levelHeap{}
			high[f] = h
		}
		h.offer(hits[main].norm, num)
	})
	if err != nil {
		return nil, err
	}
	freqs := slices.Sorted(maps.Keys(high))
	slices.Reverse(freqs)
	for f := len(byFreq) - 1; f > 0; f-- {
		if byFreq[f] != nil {
			freqs = append(freqs, uint32(f))
			high[uint32(f)] = byFreq[f]
		}
	}
	// Levels from the highest frequency down. A document is beaten by
	// the documents before it on its level and by every document of a
	// higher level at least as short; once impactDepth beat it, it and
	// the rest of its level are dropped. (Counting only kept documents
	// undercounts, which keeps more than needed, never less.)
	var higher []float32 // kept norms of higher levels, descending
	for _, f := range freqs {
		lv := high[f].sorted(f)
		keep := len(lv.norms)
		for i, n := range lv.norms {
			// Higher-level norms ≥ n: higher is descending.
			above := sort.Search(len(higher), func(j int) bool { return higher[j] < n })
			if i+above >= impactDepth {
				keep = i
				break
			}
		}
		lv.norms, lv.nums = lv.norms[:keep], lv.nums[:keep]
		if keep == 0 {
			continue
		}
		il.levels = append(il.levels, lv)
		higher = append(higher, lv.norms...)
		slices.SortFunc(higher, func(a, b float32) int { return cmp.Compare(b, a) })
	}
	il.bytes = 64 + len(il.wholeNums)*4 + len(il.wholeHits)*8
	for _, lv := range il.levels {
		il.bytes += 32 + len(lv.norms)*8
	}
	return il, nil
}

// offer scores the list's documents that can make the page into top, which
// keeps the best want; base numbers the segment's first document in the
// snapshot. The scores are wordSearch's, summed in the same order.
func (il *impactList) offer(fields []wordField, base uint64, top *pageHeap, want int) {
	coord := 1 / float64(len(fields))
	for d, num := range il.wholeNums {
		var sum float64
		matched := 0
		for i, h := range il.wholeHits[d*il.fields : (d+1)*il.fields] {
			if h.freq > 0 {
				matched++
				sum += fields[i].score(uint64(h.freq), float64(h.norm))
			}
		}
		coord := float64(matched) / float64(len(fields))
		top.offer(scored{score: sum * coord, num: base + uint64(num)}, want)
	}
	main := fields[len(fields)-1]
	for _, lv := range il.levels {
		for i, n := range lv.norms {
			c := scored{score: main.score(uint64(lv.freq), float64(n)) * coord, num: base + uint64(lv.nums[i])}
			if !top.offer(c, want) {
				break // the rest of the level scores no better
			}
		}
	}
}

// offer keeps c in h if it is among the best want; it reports whether it
// was.
func (h *pageHeap) offer(c scored, want int) bool {
	if len(*h) < want {
		heap.Push(h, c)
		return true
	}
	if !h.better(c) {
		return false
	}
	(*h)[0] = c
	heap.Fix(h, 0)
	return true
}

// levelHeap keeps the impactDepth best documents of one frequency, the
// worst on top.
type levelHeap struct {
	norms []float32
	nums  []uint32
}

// worse orders documents of one level: a lower norm (a longer document)
// is worse, and of equal norms the later document.
func (h *levelHeap) worse(i, j int) bool {
	if h.norms[i] != h.norms[j] {
		return h.norms[i] < h.norms[j]
	}
	return h.nums[i] > h.nums[j]
}

func (h *levelHeap) swap(i, j int) {
	h.norms[i], h.norms[j] = h.norms[j], h.norms[i]
	h.nums[i], h.nums[j] = h.nums[j], h.nums[i]
}

// offer adds a document, which comes after every document offered before.
func (h *levelHeap) offer(norm float32, num uint32) {
	if len(h.norms) < impactDepth {
		h.norms, h.nums = append(h.norms, norm), append(h.nums, num)
		for i := len(h.norms) - 1; i > 0; {
			p := (i - 1) / 2
			if !h.worse(i, p) {
				break
			}
			h.swap(i, p)
			i = p
		}
		return
	}
	// A later document with the same norm does not beat the worst.
	if norm <= h.norms[0] {
		return
	}
	h.norms[0], h.nums[0] = norm, num
	for i := 0; ; {
		l, r, w := 2*i+1, 2*i+2, i
		if l < len(h.norms) && h.worse(l, w) {
			w = l
		}
		if r < len(h.norms) && h.worse(r, w) {
			w = r
		}
		if w == i {
			return
		}
		h.swap(i, w)
		i = w
	}
}

// sorted returns the heap's documents best first as a level.
func (h *levelHeap) sorted(freq uint32) impactLevel {
	order := make([]int, len(h.norms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(h.norms[b], h.norms[a]), cmp.Compare(h.nums[a], h.nums[b]))
	})
	lv := impactLevel{freq: freq, norms: make([]float32, len(order)), nums: make([]uint32, len(order))}
	for i, o := range order {
		lv.norms[i], lv.nums[i] = h.norms[o], h.nums[o]
	}
	return lv
}

// impactKey names one impact list: a segment as a snapshot has it (the
// number of its deleted documents tells its versions apart: a segment
// only ever loses documents), the fields and the word.
type impactKey struct {
	seg     uint64
	deleted uint64
	fields  string
	term    string
}

// impactEntry is one kept list, built once by whoever asks first.
type impactEntry struct {
	key   impactKey
	ready chan struct{}
	list  *impactList
	err   error
}

// impactCache keeps impact lists, least recently used first out.
type impactCache struct {
	mu    sync.Mutex
	lru   list.List // of *impactEntry, most recent at the front
	byKey map[impactKey]*list.Element
	bytes int
	// warmedFor names the segments warmImpacts last built lists for.
	warmedFor string
}

// warmWords is how many of the words searched last the warmer keeps impact
// lists of for new segments.
const warmWords = 32

// get returns the impact list of a segment of a snapshot for term in
// fields, building it from postings (one list per field, as fields) on
// first use.
func (c *impactCache) get(ss *scorch.SegmentSnapshot, fields []string, term string, postings []segment.PostingsList) (*impactList, error) {
	key := impactKey{seg: ss.Id(), fields: strings.Join(fields, ","), term: term}
	if d := ss.Deleted(); d != nil {
		key.deleted = d.GetCardinality()
	}
	c.mu.Lock()
	if c.byKey == nil {
		c.byKey = map[impactKey]*list.Element{}
	}
	if el, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(el)
		c.mu.Unlock()
		e := el.Value.(*impactEntry)
		<-e.ready
		return e.list, e.err
	}
	e := &impactEntry{key: key, ready: make(chan struct{})}
	el := c.lru.PushFront(e)
	c.byKey[key] = el
	c.mu.Unlock()

	l, err := buildImpacts(postings)
	// The walk read the word's frequencies and norms once; searches read
	// the list from now on. Their pages go from the resident set, as the
	// facet tables' do (releaseMapped).
	releaseMapped(ss.Segment())
	c.mu.Lock()
	defer c.mu.Unlock()
	e.list, e.err = l, err
	close(e.ready)
	if err != nil {
		c.remove(el)
		return nil, err
	}
	c.bytes += l.bytes
	// Over budget, the least recently used lists go (never one still
	// being built: its size is not counted yet).
	for back := c.lru.Back(); c.bytes > impactBudget && back != nil && back != el; {
		prev := back.Prev()
		if be := back.Value.(*impactEntry); be.list != nil {
			c.remove(back)
		}
		back = prev
	}
	return e.list, nil
}

// remove forgets a list; c.mu is held.
func (c *impactCache) remove(el *list.Element) {
	e := el.Value.(*impactEntry)
	c.lru.Remove(el)
	if c.byKey[e.key] == el {
		delete(c.byKey, e.key)
	}
	if e.list != nil {
		c.bytes -= e.list.bytes
	}
}

// forget drops the lists of segments not in live.
func (c *impactCache) forget(live map[uint64]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for el := c.lru.Front(); el != nil; {
		next := el.Next()
		if e := el.Value.(*impactEntry); e.list != nil && !live[e.key.seg] {
			c.remove(el)
		}
		el = next
	}
}

// recentWords returns the fields and words of the n lists used last, most
// recent first, each once.
func (c *impactCache) recentWords(n int) []impactKey {
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := map[impactKey]bool{}
	var out []impactKey
	for el := c.lru.Front(); el != nil && len(out) < n; el = el.Next() {
		k := el.Value.(*impactEntry).key
		k.seg, k.deleted = 0, 0
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// warmImpacts builds, for the segments of snap, the impact lists of the
// words searched last (up to warmWords), so that a segment a merge or a
// batch has just written does not make the next search of a common word
// walk its postings and build its list then. It does so once per set of
// segments (segmentsKey).
func (c *impactCache) warmImpacts(snap *scorch.IndexSnapshot, segmentsKey string) error {
	c.mu.Lock()
	if c.warmedFor == segmentsKey {
		c.mu.Unlock()
		return nil
	}
	c.mu.Unlock()
	for _, k := range c.recentWords(warmWords) {
		fields := strings.Split(k.fields, ",")
		for _, ss := range snap.Segments() {
			postings, err := wordPostings(ss, fields, k.term)
			if err != nil {
				return err
			}
			if postings[len(fields)-1].Count() < impactMinDocs {
				continue
			}
			if _, err := c.get(ss, fields, k.term, postings); err != nil {
				return err
			}
		}
	}
	c.mu.Lock()
	c.warmedFor = segmentsKey
	c.mu.Unlock()
	return nil
}
