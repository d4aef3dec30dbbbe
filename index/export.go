package index

import (
	"context"
	"errors"
	"fmt"
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
	if err := a.searchable(); err != nil {
		// An index out of service is unavailable (503), as for a search,
		// not an error read from its closed files.
		return nil, nil, fmt.Errorf("export: %w", err)
	}
	ctx, m, done := a.meter(ctx, giveWay)
	defer done()
	hits, next, err := a.live.eng.Chunk(ctx, q, after, size)
	if err != nil {
		a.stopped(m)
		return nil, nil, err
	}
	return hits, next, nil
}
