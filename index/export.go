package index

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2/search"
)

// Each reads the index a chunk of hits at a time. Every chunk is one pass
// over the matches, so bigger chunks mean fewer passes, but what is held in
// memory is one chunk. The first chunk is small, for a quick first row;
// chunks then double up to exportChunk. Variables so that tests can cross
// chunk boundaries with a few articles.
var (
	firstExportChunk = 1000
	exportChunk      = 10000
)

// Each calls fn with every hit of q, in q's order, without Page and Size
// and without the paging window Search has: an export of a million hits.
// It reads the index a chunk at a time, each chunk starting after the last
// hit of the one before (Bleve's search-after) rather than at an offset, so
// memory stays that of one chunk however many hits there are, and no chunk
// keeps the hits before it in memory to skip them.
// Hits carry no snippets. Between chunks the index is free: a slow reader
// of the hits holds up no search and no swap to a new index.
func (a *Archive) Each(ctx context.Context, q Query, fn func(Hit) error) error {
	var after []string
	size := min(firstExportChunk, exportChunk)
	for {
		hits, next, err := a.readChunk(ctx, q, after, size)
		if err != nil {
			return err
		}
		for _, h := range hits {
			if err := fn(h); err != nil {
				return err
			}
		}
		if len(hits) < size {
			return nil
		}
		after, size = next, min(2*size, exportChunk)
	}
}

// readChunk reads one chunk of size hits after the sort values after (nil:
// the first) and returns the sort values of its last hit.
func (a *Archive) readChunk(ctx context.Context, q Query, after []string, size int) ([]Hit, []string, error) {
	leave, giveWay, err := a.admit.enter(ctx, q, true)
	if err != nil {
		return nil, nil, fmt.Errorf("export: %w", err)
	}
	defer leave()
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.live == nil {
		return nil, nil, errors.New("export: archive is closed")
	}
	ctx, m, done := withMeter(ctx, a.memoryLimit())
	defer done()
	m.giveWay = giveWay
	var hits []Hit
	var next []string
	if err = m.chargeHits(size); err == nil {
		hits, next, err = a.live.readChunk(ctx, q, after, size)
	}
	if err = m.explain(err); err != nil {
		a.stopped(m)
		return nil, nil, err
	}
	return hits, next, nil
}

func (ix *Index) readChunk(ctx context.Context, q Query, after []string, size int) (hits []Hit, next []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			hits, next, err = nil, nil, fmt.Errorf("export %q: internal error: %v", q.Text, r)
		}
	}()
	q.Page, q.Size = 1, MaxSize // request checks paging; the chunk size is set below
	req, textQuery, err := ix.request(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	if textQuery != nil && (q.Sort == "" || q.Sort == SortRelevance) {
		// Search-after needs a total order: equal scores by id.
		req.SortBy([]string{"-_score", "_id"})
	}
	req.Size = size
	if after != nil {
		req.SetSearchAfter(after)
	}
	sr, err := ix.search(withBodyMemo(ctx), req, q.Text)
	if err != nil {
		return nil, nil, err
	}
	hits = make([]Hit, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		if q.Quotes {
			hits = append(hits, quoteHit(h))
		} else {
			hits = append(hits, articleHit(h))
		}
	}
	if q.Quotes {
		if err := ix.addArticles(ctx, hits); err != nil {
			return nil, nil, err
		}
	}
	if n := len(sr.Hits); n > 0 {
		next = sortValues(req.Sort, sr.Hits[n-1])
	}
	return hits, next, nil
}

// sortValues are a hit's sort values as search-after reads them back: the
// score as a number, everything else as the index keeps it.
func sortValues(order search.SortOrder, h *search.DocumentMatch) []string {
	out := make([]string, len(order))
	for i, s := range order {
		switch {
		case s.RequiresScoring():
			out[i] = strconv.FormatFloat(h.Score, 'g', -1, 64)
		case s.RequiresDocID():
			out[i] = h.ID
		default:
			out[i] = h.Sort[i]
		}
	}
	return out
}
