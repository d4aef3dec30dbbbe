package engine

import (
	"cmp"
	"slices"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/search"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A search of several common words matches much of the archive ("said stock
// mln" a third of it), and walking every match of every word to score it
// was most of its time. Its facets are counted on bitmaps then, so the walk
// is only for the page, and most matches cannot reach it: Bleve scales a
// document's sum by the share of the words it has, so once the page is
// full a document with only some of the words, whose most summed and scaled
// by their share cannot beat the page's worst, cannot make it. rankWords
// keeps to the documents that can (the MaxScore idea, set by set): from
// each word's most in the segment, the sets of words a document must hold
// all of are worked out, and only the documents in one of those sets'
// intersected bitmaps are read from the postings (skipped to) and scored.
// The page is the one walking every match would give: a document left out
// scores at most the page's worst, and of equal scores the lower number
// wins, whatever order the documents are scored in.

// limit is the most a match can score in the field, whatever its frequency
// and length: the bound as the frequency grows without end. It is far above
// what documents of news length score, so a word's impact list (which holds
// its best documents) tells its most where the segment has one (most).
func (f wordField) limit() float64 {
	return f.idf * search.BM25_k1 * f.weight
}

// wordMost is the most a word can add to a document's sum, as wordsScore
// adds it: main for a document that has it only in the main field (the
// body, or the quotation), all for any. A title match is rare and weighs
// double, so a word's all is often far above its main.
type wordMost struct{ main, all float64 }

// most is the most a document of the list's segment scores for its word:
// of the documents kept whole (those with the word in another field than
// the main one) and of each level's first (the shortest with that
// frequency, the word in the main field only), as the bounds of those
// (bounds.go) say.
func (il *impactList) most(fields []wordField) wordMost {
	b := wordBounds{whole: il.wholeHits, width: il.fields}
	for _, lv := range il.levels {
		if len(lv.norms) > 0 {
			b.main = append(b.main, freqNorm{lv.freq, lv.norms[0]})
		}
	}
	return b.most(fields)
}

// limits is a word's most from its fields' limits alone.
func limits(fields []wordField) wordMost {
	m := wordMost{main: fields[len(fields)-1].limit() * (1 / float64(len(fields)))}
	for _, f := range fields {
		m.all += f.limit()
	}
	return m
}

// rankedWords counts the segments rankWords ranked, so that tests know it
// ran.
var rankedWords atomic.Int64

// rankWords offers to top the documents of one segment, numbered from
// base, that can make a page of want among the matches of several words
// (postings and fields: a word's width fields, word after word, the main
// field last; wordDocs: each word's documents, in any of its fields, not to
// be changed), those in allowed only when it is not nil; dec has the
// fields' decoded postings, read instead where not nil. most is the most
// each word can add to a document's sum (at least: more is slower, never
// wrong). Each document goes by its story with stories. It counts nothing.
//
// Which documents can make the page depends on the page's worst, which
// rises as the walk goes: the candidates are worked out again from the
// next document on whenever it has risen enough to change them. The walk
// starts from a page already well filled: the first seedDocs documents
// that have every word are scored first (the page is the same in any
// order: of equal scores the lower number wins, wherever it comes).
func rankWords(postings []segment.PostingsList, dec []*decodedPostings, wordDocs []*roaring.Bitmap, fields []wordField, width int, most []wordMost, allowed *roaring.Bitmap,
	base uint64, stories func(uint32) uint32, top *pageHeap, want int) error {
	rankedWords.Add(1)
	words := len(fields) / width
	// Each word's documents, and those with it in another field than the
	// main one; only those allowed, if not all are.
	docs := make([]*roaring.Bitmap, words)
	others := make([]*roaring.Bitmap, words)
	for w := range docs {
		docs[w] = wordDocs[w]
		if width > 1 {
			var err error
			if others[w], err = matchBitmap(postings[w*width : (w+1)*width-1]); err != nil {
				return err
			}
		}
		if allowed != nil {
			docs[w] = roaring.And(docs[w], allowed)
			if others[w] != nil {
				others[w] = roaring.And(others[w], allowed)
			}
		}
	}
	hits := make([]fieldHit, len(postings))
	// offer scores document num, its postings at c, for the page.
	offer := func(c *cursors, num uint64) (bool, error) {
		if err := c.to(num); err != nil {
			return false, err
		}
		for i := range hits {
			hits[i] = fieldHit{}
			if c.dec[i] != nil {
				hits[i] = c.dec[i].hit(uint32(num)) // with its norm
			} else if c.nums[i] == num {
				hits[i].freq = uint32(min(c.cur[i].Frequency(), 1<<32-1))
			}
		}
		if len(*top) >= want && wordsBound(hits, fields, width)*(1+1e-9) <= (*top)[0].score {
			return false, nil
		}
		for i := range hits {
			if hits[i].freq > 0 && c.dec[i] == nil {
				hits[i].norm = float32(c.cur[i].Norm())
			}
		}
		s := scored{score: wordsScore(hits, fields, width), num: base + num}
		if stories != nil {
			s.group = stories(uint32(num))
		}
		return top.offer(s, want), nil
	}

	// Each way's documents, made once a walk (candidates).
	made := map[int]*roaring.Bitmap{}
	var seeded *roaring.Bitmap
	if seed := seedOf(wayDocs(docs, others, everyWord(words), made)); !seed.IsEmpty() {
		c, err := newCursors(postings, dec)
		if err != nil {
			return err
		}
		for it := seed.Iterator(); it.HasNext(); {
			if _, err := offer(c, uint64(it.Next())); err != nil {
				return err
			}
		}
		seeded = seed
	}

	c, err := newCursors(postings, dec)
	if err != nil {
		return err
	}
	from := uint64(0)
	for {
		worst := -1.0 // the page's worst, if it is full
		if len(*top) >= want {
			worst = (*top)[0].score
		}
		viable := viableWords(most, worst, width > 1)
		cand := candidates(docs, others, viable, made, from)
		changed := false
		for num, ok := cand.next(); ok; num, ok = cand.next() {
			from = uint64(num) + 1
			if seeded != nil && seeded.Contains(num) {
				continue
			}
			offered, err := offer(c, uint64(num))
			if err != nil {
				return err
			}
			// The ways are worked out again only once the page's worst
			// has risen by a fiftieth: they cost 3^words each time.
			if offered && len(*top) >= want && (worst < 0 || (*top)[0].score > worst*1.02) {
				worst = (*top)[0].score
				if !slices.Equal(viableWords(most, worst, width > 1), viable) {
					changed = true
					break // fewer documents can make the page now
				}
			}
		}
		if !changed {
			return nil
		}
	}
}

// seedDocs is how many documents with every word rankWords scores first.
// Tests change it.
var seedDocs uint64 = 256

// everyWord is the way (viableWords) of a document that has each of n
// words, in any field: every digit 1.
func everyWord(n int) int {
	way := 0
	for range n {
		way = way*3 + 1
	}
	return way
}

// seedOf returns the first seedDocs documents of all (which have every
// word).
func seedOf(all *roaring.Bitmap) *roaring.Bitmap {
	var first []uint32
	for it := all.Iterator(); it.HasNext() && uint64(len(first)) < seedDocs; {
		first = append(first, it.Next())
	}
	return roaring.BitmapOf(first...)
}

// cursors are each field's postings, at its first document not before the
// last one asked for (nums: done once they end), or its decoded postings
// (dec, where not nil; nums then done from the start), read in any order.
type cursors struct {
	its  []segment.PostingsIterator
	cur  []segment.Posting
	nums []uint64
	dec  []*decodedPostings
}

const cursorsDone = ^uint64(0)

// newCursors opens cursors on postings, reading those dec has decoded (dec
// may be nil) there.
func newCursors(postings []segment.PostingsList, dec []*decodedPostings) (*cursors, error) {
	c := &cursors{its: make([]segment.PostingsIterator, len(postings)), cur: make([]segment.Posting, len(postings)),
		nums: make([]uint64, len(postings)), dec: make([]*decodedPostings, len(postings))}
	for i, pl := range postings {
		if dec != nil && dec[i] != nil {
			c.dec[i], c.nums[i] = dec[i], cursorsDone
			decodedWalks.Add(1)
			continue
		}
		c.its[i] = pl.Iterator(true, true, false, nil)
		p, err := c.its[i].Next()
		if err != nil {
			return nil, err
		}
		c.set(i, p)
	}
	return c, nil
}

func (c *cursors) set(i int, p segment.Posting) {
	c.cur[i], c.nums[i] = p, cursorsDone
	if p != nil {
		c.nums[i] = p.Number()
	}
}

// to moves each cursor before num to its first document not before num.
func (c *cursors) to(num uint64) error {
	for i := range c.nums {
		if c.nums[i] < num {
			p, err := c.its[i].Advance(num)
			if err != nil {
				return err
			}
			c.set(i, p)
		}
	}
	return nil
}

// viableWords returns the smallest ways of having the words that can make
// a page whose worst is worst (below 0: a page not yet full, which anything
// can make). A way gives each word a digit of a number in base 3: 0, the
// document lacks it; 1, has it (and adds at most its main); 2, has it in
// another field than the main one (adds at most its all), which only
// withOthers allows. Bleve scales the sum of a document's words by the
// share of the words it has. A way is the smallest when no way with one of
// its digits one lower can.
func viableWords(most []wordMost, worst float64, withOthers bool) []int {
	n := len(most)
	states := 2
	if withOthers {
		states = 3
	}
	ways := 1
	for range n {
		ways *= 3
	}
	can := func(way int) bool {
		if worst < 0 {
			return way != 0
		}
		var sum float64
		k := 0
		for w := range n {
			switch way % 3 {
			case 1:
				sum += most[w].main
				k++
			case 2:
				sum += most[w].all
				k++
			}
			way /= 3
		}
		return sum*float64(k)/float64(n)*(1+1e-9) > worst
	}
	var out []int
	for way := 1; way < ways; way++ {
		smallest := can(way)
		for w, p := 0, 1; smallest && w < n; w, p = w+1, p*3 {
			d := way / p % 3
			if d >= states {
				smallest = false
			} else if d > 0 && can(way-p) {
				smallest = false
			}
		}
		if smallest {
			out = append(out, way)
		}
	}
	return out
}

// candidates returns the documents from from on that have the words as one
// of the ways does (viableWords): the union, over the ways, of their words'
// documents (others, for a word in another field) intersected. It changes
// none of them (the bitmaps may be the postings' own). The union is read as
// it goes, not made: a walk works its candidates out again a dozen times
// as the page's worst rises, and reads only a few of each union (a
// thousand of the hundred thousand of a walk's unions in a search of four
// or five words at 100,000 articles). made keeps each way's intersection
// across the calls of one walk: as the page's worst rises the ways change,
// but mostly to ways one word more than a way made before, which is then
// intersected with that word alone.
func candidates(docs, others []*roaring.Bitmap, ways []int, made map[int]*roaring.Bitmap, from uint64) *union {
	u := &union{its: make([]roaring.IntPeekable, 0, len(ways))}
	if from > 1<<32-1 {
		return u
	}
	for _, way := range ways {
		it := wayDocs(docs, others, way, made).Iterator()
		it.AdvanceIfNeeded(uint32(from))
		if it.HasNext() {
			u.its = append(u.its, it)
		}
	}
	return u
}

// union reads the union of bitmaps in increasing order, from their
// iterators.
type union struct{ its []roaring.IntPeekable }

// next returns the union's next document, and false once it has none.
func (u *union) next() (uint32, bool) {
	if len(u.its) == 0 {
		return 0, false
	}
	least := u.its[0].PeekNext()
	for _, it := range u.its[1:] {
		least = min(least, it.PeekNext())
	}
	// Move past it every iterator at it, and drop those that end.
	kept := u.its[:0]
	for _, it := range u.its {
		if it.PeekNext() == least {
			it.Next()
		}
		if it.HasNext() {
			kept = append(kept, it)
		}
	}
	u.its = kept
	return least, true
}

// wayDocs returns the documents that have the words as way says (not to
// be changed), from made where it can, and keeps them there.
func wayDocs(docs, others []*roaring.Bitmap, way int, made map[int]*roaring.Bitmap) *roaring.Bitmap {
	if bm, ok := made[way]; ok {
		return bm
	}
	// A way with one digit one lower, made before, intersected with that
	// word's documents: a 1 lowered to 0 leaves the word out (docs); a 2
	// lowered to 1 has it in any field (others are among docs).
	for w, p, rest := 0, 1, way; rest > 0; w, p, rest = w+1, p*3, rest/3 {
		d := rest % 3
		if d == 0 || way-p == 0 {
			continue
		}
		if sub, ok := made[way-p]; ok {
			of := docs[w]
			if d == 2 {
				of = others[w]
			}
			bm := roaring.And(sub, of)
			made[way] = bm
			return bm
		}
	}
	var of []*roaring.Bitmap
	for w, rest := 0, way; rest > 0; w, rest = w+1, rest/3 {
		switch rest % 3 {
		case 1:
			of = append(of, docs[w])
		case 2:
			of = append(of, others[w])
		}
	}
	var bm *roaring.Bitmap
	if len(of) == 1 {
		bm = of[0] // the word's own, only read
	} else {
		// The smallest first: each intersection is then at most its size.
		slices.SortFunc(of, func(a, b *roaring.Bitmap) int {
			return cmp.Compare(a.GetCardinality(), b.GetCardinality())
		})
		bm = roaring.FastAnd(of...)
	}
	made[way] = bm
	return bm
}
