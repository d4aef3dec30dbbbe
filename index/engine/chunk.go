package engine

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2/search"
)

// Chunk reads size hits of q, in q's order, after the hit whose sort values
// are after (nil: from the first), and returns the sort values of its last
// hit, for the next chunk: an export of every hit, a chunk at a time
// (Bleve's search-after), so that memory stays that of one chunk and no
// chunk keeps the hits before it. Q's Page and Size are not read; hits
// carry no snippets. Under a meter (WithMeter), the chunk's hits and what
// it reads are charged to it, and a chunk it stops returns the
// *OverBudgetError.
func (e *Engine) Chunk(ctx context.Context, q Query, after []string, size int) ([]Hit, []string, error) {
	m := meterOf(ctx)
	if err := m.chargeHits(size); err != nil {
		return nil, nil, err
	}
	hits, next, err := e.chunk(ctx, q, after, size)
	if err = m.explain(err); err != nil {
		return nil, nil, err
	}
	return hits, next, nil
}

// chunk is Chunk without the meter's charge for the chunk's hits and its
// word on how the read ended.
func (e *Engine) chunk(ctx context.Context, q Query, after []string, size int) (hits []Hit, next []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			hits, next, err = nil, nil, fmt.Errorf("export %q: internal error: %v", q.Text, r)
		}
	}()
	q.Page, q.Size = 1, MaxSize // prepare checks paging; the chunk size is set below
	p, err := e.prepare(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	req := p.req
	if p.textQuery != nil && (q.Sort == "" || q.Sort == SortRelevance) {
		// Search-after needs a total order: equal scores by id.
		req.SortBy([]string{"-_score", "_id"})
	}
	req.Size = size
	if after != nil {
		req.SetSearchAfter(after)
	}
	sr, err := e.search(withBodyMemo(ctx), req, q.Text)
	if err != nil {
		return nil, nil, err
	}
	hits = hitsOf(sr, q.Quotes)
	if q.Quotes {
		if err := e.addArticles(ctx, hits); err != nil {
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
