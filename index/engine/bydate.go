package engine

import (
	"context"
	"strings"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// wordsByDate answers a search of one or a few plain words (any of them, or
// every one required) sorted by date, newest or oldest first: "said" newest
// first matched two thirds of a million articles, and Bleve read the date of
// every one to sort them (a third of a second). Its counts are the words'
// way's (wordSearch), which counts every match whatever the order; its page
// is read from the date key's postings, day by day from the newest (or
// oldest), kept to the matches, as the home page's is (keyPage). Where the
// matches are too few for that to find a page within byDateDays days of
// dates, or the page cannot be read so (deeper than keyPage reads, or
// reaching undated documents), the general way answers.
type wordsByDate struct {
	terms    string // the analysed terms, space-separated
	required bool   // every word must match
}

// byDateDays bounds the days of dates keyPage is expected to read for a
// page, from the matches' share of the days their years hold: each day
// costs a dictionary lookup in every segment. Tests change it.
var byDateDays uint64 = 200

// byDatePages counts the pages wordsByDate read from the date key, so that
// tests know it did.
var byDatePages atomic.Int64

func (w wordsByDate) answer(ctx context.Context, e *Engine, p *prepared) (answer, error) {
	terms := strings.Fields(w.terms)
	byScore := p.q
	byScore.Sort = SortRelevance
	_, total, matches, counts, err := e.wordSearch(ctx, byScore, terms, false, w.required, 0, 1)
	if err != nil {
		return answer{}, err
	}
	years := 0
	for i, name := range countedFacets {
		if name == FacetPublished {
			years = len(counts[i])
		}
	}
	need := uint64(p.from + p.size)
	if years == 0 || matches*byDateDays < need*uint64(years)*366 {
		return general{}.answer(ctx, e, p)
	}
	only := func(segs []*scorch.SegmentSnapshot) ([]*roaring.Bitmap, error) {
		return wordsMatches(segs, p.q, terms, w.required)
	}
	hits, ok, err := e.keyPage(ctx, p.q, p.from, p.size, counts, only)
	if err != nil {
		return answer{}, err
	}
	if !ok {
		return general{}.answer(ctx, e, p)
	}
	byDatePages.Add(1)
	return answer{hits: hits, total: total, matches: matches, counts: counts}, nil
}

// wordsMatches returns, for each segment, the live documents that match
// the words of q (any, or every one when required) in the fields its kind
// searches, and pass its filters.
func wordsMatches(segs []*scorch.SegmentSnapshot, q Query, terms []string, required bool) ([]*roaring.Bitmap, error) {
	names, _ := wordFields(q.Quotes, false)
	filters := queryFilters(q)
	out := make([]*roaring.Bitmap, len(segs))
	for si, ss := range segs {
		var postings []segment.PostingsList
		for _, term := range terms {
			pl, err := wordPostings(ss, names, term)
			if err != nil {
				return nil, err
			}
			postings = append(postings, pl...)
		}
		_, match, err := wordsMatched(postings, len(names), required)
		if err != nil {
			return nil, err
		}
		allowed, err := filterBitmap(ss, filters)
		if err != nil {
			return nil, err
		}
		if allowed != nil {
			match = roaring.And(match, allowed)
		}
		out[si] = match
	}
	return out, nil
}
