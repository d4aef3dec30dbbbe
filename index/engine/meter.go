package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
)

// The budget in budget.go is decided before a query runs, from its text
// and the words its patterns stand for. What a search then allocates also
// depends on the archive (how many articles hold a phrase's words, how many
// segments each term is read from), so a search carries a meter that is
// charged as it runs and stops it once it goes over, with an
// *OverBudgetError naming the limit.
//
// The meter is the engine's: Search and Chunk charge it, and it is charged
// and checked where they read (Bleve's searchers and collector, the page
// window, bodies and quotations, dictionary walks). Its owner, package
// index, gives each search one with WithMeter: the limit, and what a
// costly search does at a checkpoint to give way to others.
const (
	// MaxSearchMemory bounds the bytes one search allocates, as the meter
	// counts them: Bleve's own estimate of the collector and searchers it
	// builds (taken before it collects a hit), the hits its page window
	// keeps, and every article body it reads to check a phrase or cut a
	// snippet. What is counted is allocated, not held: a body read and
	// dropped still counts, which makes the bound conservative. At most
	// one search per processor runs at once, so searches hold at most
	// GOMAXPROCS times this between them. The costliest query the rest
	// of the budget allows, on 20,000 articles, is charged under 20 MiB.
	MaxSearchMemory = 256 << 20
	// MaxTermSearchers bounds the term searchers (each a cursor over a
	// posting list in every segment) one search opens, counted by Bleve
	// as it builds them. The query budget keeps a query under about a
	// thousand (MaxQueryTerms words on two text fields, MaxExpansions
	// pattern words); this is the backstop for what the budget does not
	// foresee.
	MaxTermSearchers = 4096
	// hitBytes is what the collector keeps per hit of the page window
	// (the hits before the page and the page): a Bleve DocumentMatch,
	// its sort values and its place in the heap.
	hitBytes = 512
	// hitsPerCheckpoint is how many hits a search collects between two
	// checkpoints.
	hitsPerCheckpoint = 256
)

// maxTermSearchers is MaxTermSearchers, lowered by tests: the query budget
// keeps every query they can write under the real one.
var maxTermSearchers = MaxTermSearchers

// Limits the meter names, beside those of budget.go.
const (
	LimitMemory    = "memory"
	LimitSearchers = "searchers"
)

// Meter counts what one search allocates and cancels the search, with the
// *OverBudgetError as its context's cause, once that is over its limit.
// Its checkpoints are where the search stops once it is cancelled, and
// where a costly one gives way.
type Meter struct {
	limit  int64
	used   atomic.Int64
	cancel context.CancelCauseFunc

	mu      sync.Mutex
	over    *OverBudgetError // the first limit crossed
	crossed time.Time        // when; tests measure the time to stop from it
	gaveUp  error            // why a costly search was told to stop, if it was

	ctx context.Context
	// giveWay, for a costly search, waits while ordinary searches want
	// every processor (index's admission); nil for an ordinary one.
	giveWay func(context.Context) error
	hits    int // collected since the last checkpoint
}

type meterKey struct{}

// WithMeter gives a search a meter of limit bytes (MaxSearchMemory when
// limit <= 0) and hooks it into Bleve: the start of every Bleve search is
// charged with Bleve's estimate of it, and Bleve counts the term searchers
// against MaxTermSearchers. Search and Chunk under the returned context
// are charged to the meter and stopped by it.
//
// giveWay, if set, is called at every checkpoint of the search: it returns
// nil to go on (after waiting, if it will), the context's error once that
// has ended, or any other error to stop the search, which then returns
// that error. done releases the context.
func WithMeter(ctx context.Context, limit int64, giveWay func(context.Context) error) (_ context.Context, m *Meter, done func()) {
	if limit <= 0 {
		limit = MaxSearchMemory
	}
	ctx, cancel := context.WithCancelCause(ctx)
	m = &Meter{limit: limit, cancel: cancel, giveWay: giveWay}
	ctx = context.WithValue(ctx, meterKey{}, m)
	ctx = context.WithValue(ctx, bleve.SearchQueryStartCallbackKey, bleve.SearchQueryStartCallbackFn(func(size uint64) error {
		return m.charge(int64(size), "the searchers and collector Bleve built for it")
	}))
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)
	// Bleve reports what it read after each dictionary walk (a
	// wildcard's, a fuzzy term's) and each posting list: a checkpoint.
	ctx = context.WithValue(ctx, search.SearchIncrementalCostKey, search.SearchIncrementalCostCallbackFn(
		func(msg search.SearchIncrementalCostCallbackMsg, _ search.SearchQueryType, _ uint64) {
			if msg == search.AddM {
				_ = m.checkpoint() // an error has cancelled ctx, which the search checks next
			}
		}))
	ctx = context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, m.countHits(collector.MakeTopNDocumentMatchHandler))
	m.ctx = ctx
	return ctx, m, func() { cancel(nil) }
}

// checkpoint is where a running search stops if its meter stopped it, and
// a costly one gives way to ordinary ones.
func (m *Meter) checkpoint() error {
	if m == nil {
		return nil
	}
	if m.giveWay != nil {
		if err := m.giveWay(m.ctx); err != nil {
			if !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
				// Told to stop (the index is being swapped): every
				// loop that checks the context stops too.
				m.mu.Lock()
				m.gaveUp = err
				m.mu.Unlock()
				m.cancel(err)
			}
			return m.explain(err)
		}
	}
	if err := m.ctx.Err(); err != nil {
		return m.explain(err)
	}
	return nil
}

// countHits makes the collector's handler of every match pass a checkpoint
// every hitsPerCheckpoint hits. facets.go wraps its counting handler too,
// which takes the place of this one in the search's context.
func (m *Meter) countHits(next search.MakeDocumentMatchHandler) search.MakeDocumentMatchHandler {
	if m == nil {
		return next
	}
	return func(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		h, loadID, err := next(sctx)
		if err != nil || h == nil {
			return h, loadID, err
		}
		return func(d *search.DocumentMatch) error {
			if d != nil {
				if m.hits++; m.hits == hitsPerCheckpoint {
					m.hits = 0
					if err := m.checkpoint(); err != nil {
						return err
					}
				}
			}
			return h(d)
		}, loadID, nil
	}
}

// meterOf is the meter of a search's context, nil outside one.
func meterOf(ctx context.Context) *Meter {
	m, _ := ctx.Value(meterKey{}).(*Meter)
	return m
}

// charge adds n bytes allocated for what, and returns the *OverBudgetError
// once the total is over the limit; the search's context is cancelled
// then, so that every loop that checks it stops. A nil meter charges
// nothing.
func (m *Meter) charge(n int64, what string) error {
	if m == nil || n <= 0 {
		return nil
	}
	used := m.used.Add(n)
	if used <= m.limit {
		return nil
	}
	return m.stop(&OverBudgetError{Limit: LimitMemory, Value: int(used), Max: int(m.limit), Clause: what})
}

// stop records the first limit crossed and cancels the search with it.
func (m *Meter) stop(over *OverBudgetError) error {
	m.mu.Lock()
	if m.over == nil {
		m.over, m.crossed = over, time.Now()
		m.cancel(over)
	}
	over = m.over
	m.mu.Unlock()
	return over
}

// StoppedBy is the limit that stopped the search, and when it was
// crossed; nil if none did.
func (m *Meter) StoppedBy() (*OverBudgetError, time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.over, m.crossed
}

// explain turns what a search returned into the *OverBudgetError that
// stopped it, if the meter did: the search itself sees only a cancelled
// context (or Bleve's message about its term searchers), and one that
// crossed the limit at its very end may even have finished. A search the
// meter did not stop keeps its own error.
func (m *Meter) explain(err error) error {
	if m == nil {
		return err
	}
	if err != nil && strings.Contains(err.Error(), "TooManyTermSearchers") {
		return m.stop(&OverBudgetError{Limit: LimitSearchers, Value: maxTermSearchers + 1, Max: maxTermSearchers})
	}
	m.mu.Lock()
	over, gaveUp := m.over, m.gaveUp
	m.mu.Unlock()
	if over != nil {
		return over
	}
	if gaveUp != nil && err != nil {
		return gaveUp
	}
	return err
}

// chargeWindow charges the hits q's page window keeps.
func (m *Meter) chargeWindow(q Query) error {
	page, size := max(q.Page, 1), q.Size
	if size <= 0 {
		size = DefaultSize
	}
	if size > MaxSize || page > maxWindow/size {
		return nil // refused as bad paging before it runs
	}
	return m.chargeHits(page * size)
}

// chargeHits charges the hits a collector keeps to find a page of them.
// Bleve's own estimate stops counting them at a thousand.
func (m *Meter) chargeHits(n int) error {
	return m.charge(int64(n)*hitBytes, fmt.Sprintf("a window of %d hits", n))
}

// What the meter says went over, for texts read while searching.
const (
	bodiesRead = "the article bodies it read to check phrases and cut snippets"
	quotesRead = "the quotations it read to check phrases"
	titlesRead = "the titles it read to check phrases"
)

// chargeTexts charges the search of ctx for texts read (what), passing
// on a reader's result: chargeTexts(ctx, what)(read(ctx, ids)).
func chargeTexts(ctx context.Context, what string) func(map[string]string, error) (map[string]string, error) {
	return func(texts map[string]string, err error) (map[string]string, error) {
		if err != nil {
			return nil, err
		}
		n := 0
		for id, t := range texts {
			n += len(id) + len(t)
		}
		m := meterOf(ctx)
		if err := m.charge(int64(n), what); err != nil {
			return nil, err
		}
		if err := m.checkpoint(); err != nil {
			return nil, err
		}
		return texts, nil
	}
}

// formatBytes writes a byte count as people read it.
func formatBytes(n int) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
