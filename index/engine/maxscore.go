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
// scores at most the page's worst, and a later document never wins a tie.

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
// frequency, the word in the main field only).
func (il *impactList) most(fields []wordField) wordMost {
	var m wordMost
	main := fields[len(fields)-1]
	for _, lv := range il.levels {
		if len(lv.norms) > 0 {
			m.main = max(m.main, main.score(uint64(lv.freq), float64(lv.norms[0]))*(1/float64(len(fields))))
		}
	}
	m.all = m.main
	for d := range il.wholeNums {
		m.all = max(m.all, il.wholeScore(d, fields))
	}
	return m
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
// field last), those in allowed only when it is not nil. most is the most
// each word can add to a document's sum (at least: more is slower, never
// wrong). Each document goes by its story with stories. It counts nothing.
//
// Which documents can make the page depends on the page's worst, which
// rises as the walk goes: the candidates are worked out again from the
// next document on whenever it has risen enough to change them.
func rankWords(postings []segment.PostingsList, fields []wordField, width int, most []wordMost, allowed *roaring.Bitmap,
	base uint64, stories func(uint32) uint32, top *pageHeap, want int) error {
	rankedWords.Add(1)
	words := len(fields) / width
	// Each word's documents, and those with it in another field than the
	// main one.
	docs := make([]*roaring.Bitmap, words)
	others := make([]*roaring.Bitmap, words)
	for w := range docs {
		bm, err := matchBitmap(postings[w*width : (w+1)*width])
		if err != nil {
			return err
		}
		docs[w] = bm
		if width > 1 {
			if others[w], err = matchBitmap(postings[w*width : (w+1)*width-1]); err != nil {
				return err
			}
		}
	}
	// Each field's postings, at its first document not before the last
	// one read (nums: done once they end).
	const done = ^uint64(0)
	its := make([]segment.PostingsIterator, len(postings))
	cur := make([]segment.Posting, len(postings))
	nums := make([]uint64, len(postings))
	set := func(i int, p segment.Posting) {
		cur[i], nums[i] = p, done
		if p != nil {
			nums[i] = p.Number()
		}
	}
	for i, pl := range postings {
		its[i] = pl.Iterator(true, true, false, nil)
		p, err := its[i].Next()
		if err != nil {
			return err
		}
		set(i, p)
	}
	hits := make([]fieldHit, len(postings))
	from := uint64(0)
	for {
		worst := -1.0 // the page's worst, if it is full
		if len(*top) >= want {
			worst = (*top)[0].score
		}
		viable := viableWords(most, worst, width > 1)
		cand := candidates(docs, others, viable)
		if allowed != nil {
			cand.And(allowed)
		}
		cand.RemoveRange(0, from)
		it := cand.Iterator()
		for it.HasNext() {
			num := uint64(it.Next())
			from = num + 1
			// The words' postings, skipped to num.
			for i := range nums {
				if nums[i] < num {
					p, err := its[i].Advance(num)
					if err != nil {
						return err
					}
					set(i, p)
				}
			}
			for i := range hits {
				hits[i] = fieldHit{}
				if nums[i] == num {
					hits[i].freq = uint32(min(cur[i].Frequency(), 1<<32-1))
				}
			}
			if len(*top) >= want && wordsBound(hits, fields, width)*(1+1e-9) <= (*top)[0].score {
				continue
			}
			for i := range hits {
				if hits[i].freq > 0 {
					hits[i].norm = float32(cur[i].Norm())
				}
			}
			c := scored{score: wordsScore(hits, fields, width), num: base + num}
			if stories != nil {
				c.group = stories(uint32(num))
			}
			// The sets are worked out again only once the page's worst
			// has risen by a fiftieth: they cost 3^words each time.
			if top.offer(c, want) && len(*top) >= want && (worst < 0 || (*top)[0].score > worst*1.02) {
				worst = (*top)[0].score
				if !slices.Equal(viableWords(most, worst, width > 1), viable) {
					break // fewer documents can make the page now
				}
			}
		}
		if !it.HasNext() {
			return nil
		}
	}
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

// candidates returns the documents that have the words as one of the ways
// does (viableWords): the union, over the ways, of their words' documents
// (others, for a word in another field) intersected. It changes none of
// them (the bitmaps may be the postings' own) and returns a new bitmap.
func candidates(docs, others []*roaring.Bitmap, ways []int) *roaring.Bitmap {
	parts := make([]*roaring.Bitmap, 0, len(ways))
	var of []*roaring.Bitmap
	for _, way := range ways {
		of = of[:0]
		for w := range docs {
			switch way % 3 {
			case 1:
				of = append(of, docs[w])
			case 2:
				of = append(of, others[w])
			}
			way /= 3
		}
		if len(of) == 1 {
			parts = append(parts, of[0]) // FastOr leaves it as it is
			continue
		}
		// The smallest first: each intersection is then at most its size.
		slices.SortFunc(of, func(a, b *roaring.Bitmap) int {
			return cmp.Compare(a.GetCardinality(), b.GetCardinality())
		})
		parts = append(parts, roaring.FastAnd(of...))
	}
	return roaring.FastOr(parts...)
}
