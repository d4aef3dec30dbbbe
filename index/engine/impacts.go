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

// impactDepth is how deep a page (from+size) a word's impact list
// answers; a deeper page reads a list twice or four times as deep, and so
// on up to impactDepthMax times as deep, built on the first search that
// needs it and kept as the others are (the twenty-fourth round of
// BENCHMARKS.md: at a million articles the fifth page of "said" walked its
// postings, six times the first page's time). A page deeper still walks
// the postings. A page of stories (each shown once, by its best copy) is
// answered from lists of their own, one fewer deep (buildImpacts says
// why). impactMinDocs is how many postings a segment's main field must
// have for an impact list to pay: fewer are walked. Tests lower both.
var (
	impactDepth          = 100
	impactMinDocs uint64 = 4096
)

// impactDepthMax is how many times impactDepth the deepest list is.
const impactDepthMax = 8

// listDepth returns the depth of the impact list that answers a page of
// want documents (of stories, with collapse: a list of depth d answers
// d-1 of them); 0 when a page that deep walks the postings.
func listDepth(want int, collapse bool) int {
	for d := impactDepth; d <= impactDepth*impactDepthMax; d *= 2 {
		reach := d
		if collapse {
			reach--
		}
		if want <= reach {
			return d
		}
	}
	return 0
}

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
	freq    uint32
	norms   []float32
	nums    []uint32
	stories []uint32 // while the list is built
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
// segment once and keeps what can make a page of depth depth.
//
// With stories (a document's story; 0 for none) it keeps what can make a
// page of depth-1 stories, each by its best document: a level
// keeps one document per story (its best), and a document is cut only
// when the documents that beat it are of depth stories (counted by
// the first document of each story the walk keeps, which may count fewer,
// never more). One of those stories may be its own; the others, at least
// depth-1, each have a better document.
func buildImpacts(postings []segment.PostingsList, stories func(uint32) uint32, depth int) (*impactList, error) {
	il := &impactList{fields: len(postings)}
	main := len(postings) - 1
	// Per frequency of the main field, the best depth documents so
	// far, in a heap with the worst on top: the common frequencies by
	// index, the rare high ones (a word a document repeats thousands of
	// times) in a map.
	var byFreq [256]*levelHeap
	high := map[uint32]*levelHeap{}
	err := walkPostings(postings, true, func(num uint32, hits []fieldHit, _ []segment.Posting) {
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
				h = &levelHeap{depth: depth}
				byFreq[f] = h
			}
		} else if h = high[f]; h == nil {
			h = &levelHeap{depth: depth}
			high[f] = h
		}
		story := uint32(0)
		if stories != nil {
			story = stories(num)
		}
		h.offer(hits[main].norm, num, story)
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
	// higher level at least as short; once depth beat it, it and
	// the rest of its level are dropped. (Counting only kept documents
	// undercounts, which keeps more than needed, never less.)
	var higher []float32 // kept norms of higher levels, descending
	// met are the stories of the documents kept so far: a document counts
	// as a beater only as the first of its story.
	met := map[uint32]bool{}
	first := func(story uint32) bool {
		if story == 0 {
			return true
		}
		if met[story] {
			return false
		}
		met[story] = true
		return true
	}
	for _, f := range freqs {
		lv := high[f].sorted(f)
		keep := len(lv.norms)
		before := 0 // the level's counted documents before the i-th
		var counted []float32
		for i, n := range lv.norms {
			// Higher-level norms ≥ n: higher is descending.
			above := sort.Search(len(higher), func(j int) bool { return higher[j] < n })
			if before+above >= depth {
				keep = i
				break
			}
			if first(lv.stories[i]) {
				before++
				counted = append(counted, n)
			}
		}
		lv.norms, lv.nums = lv.norms[:keep], lv.nums[:keep]
		lv.stories = nil
		if keep == 0 {
			continue
		}
		il.levels = append(il.levels, lv)
		higher = append(higher, counted...)
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
// snapshot. The scores are wordSearch's, summed in the same order. With
// stories (a document's story), top keeps each story's best.
func (il *impactList) offer(fields []wordField, base uint64, top *pageHeap, want int, stories func(uint32) uint32) {
	storyOf := func(num uint32) uint32 {
		if stories == nil {
			return 0
		}
		return stories(num)
	}
	coord := 1 / float64(len(fields))
	for d, num := range il.wholeNums {
		top.offer(scored{score: il.wholeScore(d, fields), num: base + uint64(num), group: storyOf(num)}, want)
	}
	main := fields[len(fields)-1]
	for _, lv := range il.levels {
		for i, n := range lv.norms {
			c := scored{score: main.score(uint64(lv.freq), float64(n)) * coord, num: base + uint64(lv.nums[i]), group: storyOf(lv.nums[i])}
			if !top.offer(c, want) {
				break // the rest of the level scores no better
			}
		}
	}
}

// wholeScore is the score of the list's d-th document kept whole, summed
// in wordSearch's order.
func (il *impactList) wholeScore(d int, fields []wordField) float64 {
	return wordsScore(il.wholeHits[d*il.fields:(d+1)*il.fields], fields, len(fields))
}

// offer keeps c in h if it is among the best want and, when it has a
// story, its story's best so far (h keeps one candidate per story). It
// reports whether c ranks among the best want, whether or not its story
// had a better one: a candidate that does not cannot make the page, nor
// can any that ranks after it.
func (h *pageHeap) offer(c scored, want int) bool {
	full := len(*h) >= want
	if full && !h.better(c) {
		return false
	}
	if c.group != 0 {
		for i, k := range *h {
			if k.group == c.group {
				if c.beats(k) {
					(*h)[i] = c
					heap.Fix(h, i)
				}
				return true
			}
		}
	}
	if !full {
		heap.Push(h, c)
		return true
	}
	(*h)[0] = c
	heap.Fix(h, 0)
	return true
}

// levelHeap keeps the depth best documents of one frequency, the worst on
// top.
type levelHeap struct {
	depth   int
	norms   []float32
	nums    []uint32
	stories []uint32
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
	h.stories[i], h.stories[j] = h.stories[j], h.stories[i]
}

// offer adds a document of a story (0: none), which comes after every
// document offered before. Of a story's documents the level keeps the
// best.
func (h *levelHeap) offer(norm float32, num, story uint32) {
	full := len(h.norms) >= h.depth
	// A later document with the same norm does not beat the worst.
	if full && norm <= h.norms[0] {
		return
	}
	if story != 0 {
		if i := slices.Index(h.stories, story); i >= 0 {
			if norm > h.norms[i] {
				h.norms[i], h.nums[i] = norm, num
				h.down(i)
			}
			return
		}
	}
	if !full {
		h.norms, h.nums, h.stories = append(h.norms, norm), append(h.nums, num), append(h.stories, story)
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
	h.norms[0], h.nums[0], h.stories[0] = norm, num, story
	h.down(0)
}

// down moves the document at i, made better, away from the top (the
// worst) to its place.
func (h *levelHeap) down(i int) {
	for {
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
	lv := impactLevel{freq: freq, norms: make([]float32, len(order)), nums: make([]uint32, len(order)), stories: make([]uint32, len(order))}
	for i, o := range order {
		lv.norms[i], lv.nums[i], lv.stories[i] = h.norms[o], h.nums[o], h.stories[o]
	}
	return lv
}

// impactKey names one impact list: a segment as a snapshot has it (the
// number of its deleted documents tells its versions apart: a segment
// only ever loses documents), the fields and the word, and how deep a
// page it answers.
type impactKey struct {
	seg     uint64
	deleted uint64
	fields  string
	term    string
	stories bool // a list for pages of stories (buildImpacts)
	depth   int
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
	// bounds are each segment's common words' bounds (bounds.go), by
	// segment; they are not counted in the budget, being small.
	bounds map[uint64]*segmentBounds
	// decodedBytes is what the bounds' decoded postings take
	// (decoded.go), within decodedBudget.
	decodedBytes int
	// commonWarmed are the segments warmCommon has done.
	commonWarmed map[uint64]bool
}

// warmWords is how many of the words searched last the warmer keeps impact
// lists of for new segments.
const warmWords = 32

// get returns an impact list of a segment of a snapshot for term in
// fields for pages up to depth: a kept one that deep or deeper (a deeper
// list holds every document a shallower one would), else one built from
// postings (one list per field, as fields) and kept; with stories (a
// document's story), a list for pages of stories.
func (c *impactCache) get(ss *scorch.SegmentSnapshot, fields []string, term string, postings []segment.PostingsList, stories func(uint32) uint32, depth int) (*impactList, error) {
	key := impactKey{seg: ss.Id(), fields: strings.Join(fields, ","), term: term, stories: stories != nil, depth: depth}
	if d := ss.Deleted(); d != nil {
		key.deleted = d.GetCardinality()
	}
	c.mu.Lock()
	if c.byKey == nil {
		c.byKey = map[impactKey]*list.Element{}
	}
	for deeper := key; deeper.depth <= impactDepth*impactDepthMax; deeper.depth *= 2 {
		if el, ok := c.byKey[deeper]; ok {
			c.lru.MoveToFront(el)
			c.mu.Unlock()
			e := el.Value.(*impactEntry)
			<-e.ready
			return e.list, e.err
		}
	}
	e := &impactEntry{key: key, ready: make(chan struct{})}
	el := c.lru.PushFront(e)
	c.byKey[key] = el
	c.mu.Unlock()

	l, err := buildImpacts(postings, stories, depth)
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

// forget drops the lists and bounds of segments not in live.
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
	c.forgetBounds(live)
}

// warmCommonWords is how many of a segment's commonest words warmCommon
// builds impact lists of, and warmCommonBudget what the kept lists may take
// before it builds one: a quarter of the budget, which held the lists of
// the 33 commonest words at a million articles (13 MB: their lists hold the
// many articles with them in the title), and all 64 at 100,000 (2.5 MB).
const (
	warmCommonWords  = 64
	warmCommonBudget = impactBudget / 4
)

// warmCommonDepth is how deep warmCommon's lists are: four times
// impactDepth, nineteen pages of twenty stories. Deeper lists cost little
// more: most of a common word's list is the documents with it in the
// title, kept whatever the depth (at a million articles the 33 lists took
// 12.6 MB 100 deep, 12.7 MB 200 deep and 12.8 MB 400 deep).
func warmCommonDepth() int { return 4 * impactDepth }

// warmCommon builds, for each segment of snap whose bounds the warmer has
// and that it has not done before, the impact lists a search of one of the
// segment's commonest words by relevance reads (title and body, a page of
// stories), while the kept lists take less than warmCommonBudget: the
// words searched since keep theirs, and the server's memory stays within
// its target at a million articles (BENCHMARKS.md). A list is otherwise built by the
// word's first search, which took two to four times as long as the next
// ones at 100,000 articles (BENCHMARKS.md, twenty-fourth round), and the
// commonest words are both the likeliest to be searched and the slowest
// to walk. Those lists then age in the cache like any other.
// tables are the segments' facet tables, for the stories.
func (c *impactCache) warmCommon(snap *scorch.IndexSnapshot, tables []*segmentFacets, stop <-chan struct{}) error {
	for si, ss := range snap.Segments() {
		c.mu.Lock()
		sb := c.bounds[ss.Id()]
		done := c.commonWarmed[ss.Id()]
		c.mu.Unlock()
		if sb == nil || done {
			continue
		}
		for _, term := range sb.top {
			select {
			case <-stop:
				return nil
			default:
			}
			c.mu.Lock()
			full := c.bytes >= warmCommonBudget
			c.mu.Unlock()
			if full {
				return nil
			}
			postings, err := wordPostings(ss, boundFields, term)
			if err != nil {
				return err
			}
			if postings[len(postings)-1].Count() < impactMinDocs {
				continue
			}
			if _, err := c.get(ss, boundFields, term, postings, tables[si].storyOf, warmCommonDepth()); err != nil {
				return err
			}
		}
		c.mu.Lock()
		if c.commonWarmed == nil {
			c.commonWarmed = map[uint64]bool{}
		}
		c.commonWarmed[ss.Id()] = true
		c.mu.Unlock()
	}
	return nil
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
// tables are the segments' facet tables, for the stories of lists of
// pages of stories.
func (c *impactCache) warmImpacts(snap *scorch.IndexSnapshot, segmentsKey string, tables []*segmentFacets) error {
	c.mu.Lock()
	if c.warmedFor == segmentsKey {
		c.mu.Unlock()
		return nil
	}
	c.mu.Unlock()
	for _, k := range c.recentWords(warmWords) {
		fields := strings.Split(k.fields, ",")
		for si, ss := range snap.Segments() {
			postings, err := wordPostings(ss, fields, k.term)
			if err != nil {
				return err
			}
			if postings[len(fields)-1].Count() < impactMinDocs {
				continue
			}
			var stories func(uint32) uint32
			if k.stories {
				stories = tables[si].storyOf
			}
			if _, err := c.get(ss, fields, k.term, postings, stories, k.depth); err != nil {
				return err
			}
		}
	}
	c.mu.Lock()
	c.warmedFor = segmentsKey
	c.mu.Unlock()
	return nil
}
