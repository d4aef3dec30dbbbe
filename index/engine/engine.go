// Package engine is the archive's query engine: it defines the documents an
// article becomes (schema.go), answers a Query over them with its hits,
// snippets, facet counts and date histogram, and reads back what an
// article's documents store (stored.go).
//
// Package index owns the archive's life: the index directory, following the
// store, extraction, the names people are filed under, reindexing, the
// index's versions. It hands each article to the engine as an Article and
// asks the engine to search; nothing outside index uses the engine, and
// index names its vocabulary (Query, Result, Hit, ...) for its callers.
//
// A search is checked against its budget, parsed and rewritten for the
// index's fields (request.go, rewrite.go, budget.go), and then answered in
// one of three ways, chosen in one place (plan.go):
//
//   - everything, the home page: counts kept per index generation, a page
//     by date read from the date key's postings (homepage.go);
//   - one word by relevance: the word's postings walked segment by
//     segment, or its impact lists (word.go, impacts.go);
//   - anything else: Bleve's search, phrases in bodies and quotations
//     checked against their text (general.go, phrase.go).
//
// All three count facets exactly from per-segment tables (facets.go,
// bitmaps.go) and cut snippets from the text (highlight.go, snippet.go).
// A search given a meter (WithMeter, meter.go) is charged for what it
// allocates as it runs, stopped once it goes over its limit, and passes
// checkpoints where its owner may have it give way.
// Bleve and its segments are used directly here; they stay behind index's
// API.
package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Engine searches one Bleve index built with Mapping. It is safe for
// concurrent use. It keeps, per index, what a search would otherwise read
// again and again (facet tables, impact lists, the home page's counts), and
// Changed tells it that what it kept of the documents may be out of date.
type Engine struct {
	b bleve.Index

	// bodies looks up article bodies for snippets and for checking
	// phrases: the index does not store them. Nil means article hits get
	// no snippet.
	bodies func(ctx context.Context, ids []string) (map[string]string, error)

	// gen counts the batches written: what is cached about the
	// documents holds for one generation.
	gen atomic.Uint64
	// facets are the segments' facet tables; allCounts the facet counts
	// of the query with no text and no filters, per document type.
	facets    facetTables
	allCounts struct {
		sync.Mutex
		gen [4]uint64 // by allKind: generation + 1 the counts were taken at; 0: none
		all [4]allCounts
	}

	// countedAllAt is when warm last counted the home page's facets.
	countedAllAt time.Time
	// warmed is set once a warm has read everything it reads of the
	// segments it found (Warmed).
	warmed atomic.Bool

	// generalOnly turns off the ways that read the segments themselves
	// (the one-word and one-phrase searches, the copies of a page's
	// stories), for tests that compare them with Bleve's search.
	generalOnly bool

	mu sync.Mutex
	// warmStop ends the goroutine KeepWarm starts; warmDone is closed
	// when it has.
	warmStop, warmDone chan struct{}
}

// New returns an engine over b, an index built with Mapping.
func New(b bleve.Index) *Engine {
	return &Engine{b: b}
}

// SetBodies sets where article bodies are read from (the store), for
// snippets and for checking phrases in bodies. Call it before the engine
// serves searches.
func (e *Engine) SetBodies(bodies func(ctx context.Context, ids []string) (map[string]string, error)) {
	e.bodies = bodies
}

// Changed tells the engine that a batch was written: the counts it kept of
// everything are out of date. Call it once the batch is searchable.
func (e *Engine) Changed() { e.gen.Add(1) }

// warmEvery is how often a served index looks for new segments to read
// facet tables from.
const warmEvery = time.Second

// KeepWarm reads the facet tables of new segments (written by a batch or a
// merge) in the background, every second, until Close: a search would
// otherwise read them itself, and the first search after a merge of large
// segments would wait seconds. An index that serves searches wants it; one
// being built does not. A read that fails, or panics on a damaged segment,
// is logged and, if failed is set, reported to it.
func (e *Engine) KeepWarm(failed func(error)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.warmStop != nil {
		return
	}
	e.warmStop, e.warmDone = make(chan struct{}), make(chan struct{})
	go func(stop, done chan struct{}) {
		defer close(done)
		t := time.NewTicker(warmEvery)
		defer t.Stop()
		for {
			if err := e.warmSafely(stop); err != nil {
				slog.Warn("read facet tables", "err", err)
				if failed != nil {
					failed(err)
				}
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}(e.warmStop, e.warmDone)
}

// Close stops the background work KeepWarm started and waits for it. It
// does not close the Bleve index, which is its owner's.
func (e *Engine) Close() {
	e.mu.Lock()
	stop, done := e.warmStop, e.warmDone
	e.warmStop = nil
	e.mu.Unlock()
	if stop != nil {
		close(stop)
		<-done
	}
}

// errNotSegments is what the code that reads segments directly says of an
// index that has none (not a scorch index): Mapping's indexes always do.
var errNotSegments = errors.New("the index is not a segment (scorch) index")

// snapshot opens a reader on the index's current segments, for the code
// that reads them directly (facet tables, word searches, the home page).
// close must be called once err is nil.
func (e *Engine) snapshot() (snap *scorch.IndexSnapshot, close func() error, err error) {
	adv, err := e.b.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nil, errNotSegments
	}
	return snap, r.Close, nil
}

// warmSafely is warm, with a panic (a damaged segment read) turned into an
// error: it runs in a goroutine of its own, where a panic would end the
// server.
func (e *Engine) warmSafely(stop <-chan struct{}) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("read facet tables: panic: %v", r)
		}
	}()
	return e.warm(stop)
}

// warm reads the facet tables of the current segments that have none yet,
// and the order of their values, and works out their common words'
// bounds, which it leaves for the next call if stop is closed (nil: never).
func (e *Engine) warm(stop <-chan struct{}) error {
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		return err
	}
	defer closeSnap()
	segs, values, err := e.facets.snapshotTables(snap)
	if err != nil {
		return err
	}
	ids := make([]uint64, len(snap.Segments()))
	for i, ss := range snap.Segments() {
		ids[i] = ss.Id()
	}
	for _, quotes := range []bool{false, true} {
		for _, stories := range []bool{false, true} {
			e.facets.candidates(ids, segs, values, quotes, stories)
		}
	}
	if err := e.facets.impacts.warmImpacts(snap, segmentsKey(ids), segs); err != nil {
		return fmt.Errorf("impact lists: %w", err)
	}
	// The home page's counts, when the index has changed since they were
	// taken (at most every 10 s while it keeps changing): its next visitor
	// then finds them kept.
	if home := allKind(Query{}); !e.keptAll(home) && time.Since(e.countedAllAt) >= 10*time.Second {
		e.countedAllAt = time.Now()
		if _, err := e.countAll(context.Background(), home); err != nil {
			return err
		}
	}
	// Last, being the longest (seconds for a large new segment) and the
	// least needed: a search without them builds impact lists instead.
	complete, err := e.facets.impacts.warmBounds(snap, stop)
	if err != nil {
		return err
	}
	// After the bounds, which name each segment's commonest words.
	if err := e.facets.impacts.warmCommon(snap, segs, stop); err != nil {
		return fmt.Errorf("impact lists: %w", err)
	}
	if complete {
		e.warmed.Store(true)
	}
	return nil
}

// Warmed reports whether the background work KeepWarm started has once
// read all it reads of the index's segments: until then a search may
// have to read a segment's facet tables or walk postings itself, and take
// seconds at a million articles. It stays true while later segments are
// read.
func (e *Engine) Warmed() bool { return e.warmed.Load() }

// textAnalyzer is the analyzer of the text fields.
func (e *Engine) textAnalyzer() analysis.Analyzer {
	m := e.b.Mapping()
	return plainWords(m.AnalyzerNamed(m.AnalyzerNameForPath(fieldBody)))
}
