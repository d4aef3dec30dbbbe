package engine

import (
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

// most is the most a document of the list's segment scores for its word,
// scaled by the share of the word's fields it has in, as wordsScore adds
// it: the best of its documents kept whole and of each level's first (the
// shortest with that frequency).
func (il *impactList) most(fields []wordField) float64 {
	var best float64
	for d := range il.wholeNums {
		best = max(best, il.wholeScore(d, fields))
	}
	main := fields[len(fields)-1]
	for _, lv := range il.levels {
		if len(lv.norms) > 0 {
			best = max(best, main.score(uint64(lv.freq), float64(lv.norms[0]))*(1/float64(len(fields))))
		}
	}
	return best
}

// rankedWords counts the segments rankWords ranked, so that tests know it
// ran.
var rankedWords atomic.Int64

// rankWords offers to top the documents of one segment, numbered from
// base, that can make a page of want among the matches of several words
// (postings and fields: a word's width fields, word after word), those in
// allowed only when it is not nil. most is the most each word can add to
// a document's sum (at least: more is slower, never wrong). Each document
// goes by its story with stories. It counts nothing.
//
// Which documents can make the page depends on the page's worst, which
// rises as the walk goes: the candidates are worked out again from the
// next document on whenever it has risen enough to change them.
func rankWords(postings []segment.PostingsList, fields []wordField, width int, most []float64, allowed *roaring.Bitmap,
	base uint64, stories func(uint32) uint32, top *pageHeap, want int) error {
	rankedWords.Add(1)
	words := len(fields) / width
	docs := make([]*roaring.Bitmap, words)
	for w := range docs {
		bm, err := matchBitmap(postings[w*width : (w+1)*width])
		if err != nil {
			return err
		}
		docs[w] = bm
	}
	its := make([]segment.PostingsIterator, len(postings))
	cur := make([]segment.Posting, len(postings))
	nums := make([]uint64, len(postings)) // cur's document; 0 before the first
	for i, pl := range postings {
		its[i] = pl.Iterator(true, true, false, nil)
	}
	hits := make([]fieldHit, len(postings))
	from := uint64(0)
	for {
		viable := viableSets(most, top, want)
		cand := candidates(docs, viable)
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
				if cur[i] == nil && nums[i] == 0 || cur[i] != nil && nums[i] < num {
					p, err := its[i].Advance(num)
					if err != nil {
						return err
					}
					cur[i], nums[i] = p, ^uint64(0)
					if p != nil {
						nums[i] = p.Number()
					}
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
			if top.offer(c, want) && viableSets(most, top, want) != viable {
				break // fewer documents can make the page now
			}
		}
		if !it.HasNext() {
			return nil
		}
	}
}

// viableSets returns, as a bit per set of words (bit w of a set's number
// for word w), the sets of words a document must have at least one of to
// make the page, given the most each word adds: Bleve scales the sum of a
// document's words by the share of the words it has.
func viableSets(most []float64, top *pageHeap, want int) wordSets {
	n := len(most)
	var out wordSets
	for set := 1; set < 1<<n; set++ {
		var sum float64
		k := 0
		for w := range n {
			if set&(1<<w) != 0 {
				sum += most[w]
				k++
			}
		}
		if len(*top) < want || sum*float64(k)/float64(n)*(1+1e-9) > (*top)[0].score {
			out.add(set)
		}
	}
	return out
}

// wordSets is a set of sets of words, a bit per set of up to
// maxSeveralWords words.
type wordSets [(1<<maxSeveralWords + 63) / 64]uint64

func (s *wordSets) add(set int)     { s[set/64] |= 1 << (set % 64) }
func (s wordSets) has(set int) bool { return s[set/64]&(1<<(set%64)) != 0 }

// candidates returns the documents that have all the words of at least one
// viable set (viableSets): the union, over the smallest viable sets, of
// their words' documents intersected.
func candidates(docs []*roaring.Bitmap, viable wordSets) *roaring.Bitmap {
	out := roaring.New()
	for set := 1; set < 1<<len(docs); set++ {
		if !viable.has(set) {
			continue
		}
		smallest := true
		for w := range docs {
			if sub := set &^ (1 << w); sub != set && sub != 0 && viable.has(sub) {
				smallest = false
				break
			}
		}
		if !smallest {
			continue
		}
		var all *roaring.Bitmap
		for w := range docs {
			if set&(1<<w) == 0 {
				continue
			}
			if all == nil {
				all = docs[w].Clone()
			} else {
				all.And(docs[w])
			}
		}
		out.Or(all)
	}
	return out
}
