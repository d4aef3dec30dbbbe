package index

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A costly search (one near the query budget: many words, patterns,
// phrases or filters, a deep page, an export's chunk) takes hundreds of
// milliseconds where an ordinary one takes a few. Were both to queue for
// the same processors, four clients sending costly ones would make
// everyone else wait behind them (`cuttings bench --attack` measured the
// ordinary mix's p99 at 12 to 18 times its unloaded figure). So costly searches queue in a lane of
// their own, run one at a time beside the ordinary ones, and give way:
// at each checkpoint of the engine's meter (every few hundred hits, every
// dictionary walked, every batch of bodies read; index/engine/meter.go) a
// costly search waits while ordinary ones want every processor, up to
// giveWayFor at a time so that it still finishes.
const (
	// costlyLanes is how many costly searches run at once.
	costlyLanes = 1
	// maxCostlyWaiting bounds the costly searches queued behind the one
	// running; one more is refused with ErrBusy at once rather than held
	// (with its connection) for tens of seconds.
	maxCostlyWaiting = 8
	// giveWayFor is the longest a costly search waits at one checkpoint.
	giveWayFor = 50 * time.Millisecond
)

// Thresholds past which a query is costly, each well past what a reader
// types and well under the budget's limit.
const (
	costlyTerms   = 24
	costlyPhrases = 2
	costlyFilters = 16
	costlyWindow  = 1000 // page × size
)

// ErrBusy is returned for a costly search when too many are already
// waiting, or when one running is stopped so that the index can be
// swapped: the query is fine, the server is busy; try again shortly.
var ErrBusy = errors.New("the server is busy with other costly searches; try again in a few seconds")

// admission decides when a search may start, and makes a running costly
// search give way to ordinary ones.
type admission struct {
	procs  int
	normal chan struct{} // a token per ordinary search running
	costly chan struct{} // a token per costly search running

	mu            sync.Mutex
	wanting       int           // ordinary searches running or waiting to
	costlyWaiting int           // costly searches waiting for their lane
	calm          chan struct{} // closed once wanting drops below procs

	// draining is set while the archive waits to swap its index: a
	// costly search holds the index for seconds, and every search that
	// comes after the swap would wait behind it, so it is stopped at
	// its next checkpoint instead.
	draining atomic.Bool
}

func newAdmission(procs int) *admission {
	return &admission{procs: procs, normal: make(chan struct{}, procs), costly: make(chan struct{}, costlyLanes)}
}

// enter waits until a search of q may run, and returns what to call when
// it ends and, for a costly search, what its checkpoints call to give way.
func (ad *admission) enter(ctx context.Context, q Query, export bool) (leave func(), giveWay func(context.Context) error, err error) {
	if !export && !costlyQuery(q) {
		ad.mu.Lock()
		ad.wanting++
		ad.mu.Unlock()
		left := func() {
			ad.mu.Lock()
			defer ad.mu.Unlock()
			ad.wanting--
			if ad.wanting < ad.procs && ad.calm != nil {
				close(ad.calm)
				ad.calm = nil
			}
		}
		select {
		case ad.normal <- struct{}{}:
			return func() { <-ad.normal; left() }, nil, nil
		case <-ctx.Done():
			left()
			return nil, nil, ctx.Err()
		}
	}
	ad.mu.Lock()
	if ad.costlyWaiting >= maxCostlyWaiting {
		ad.mu.Unlock()
		return nil, nil, ErrBusy
	}
	ad.costlyWaiting++
	ad.mu.Unlock()
	defer func() {
		ad.mu.Lock()
		ad.costlyWaiting--
		ad.mu.Unlock()
	}()
	select {
	case ad.costly <- struct{}{}:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	if err := ad.giveWay(ctx); err != nil {
		<-ad.costly
		return nil, nil, err
	}
	return func() { <-ad.costly }, ad.giveWay, nil
}

// giveWay waits, up to giveWayFor, while ordinary searches want every
// processor; it returns ErrBusy while the archive drains searches to swap
// its index.
func (ad *admission) giveWay(ctx context.Context) error {
	if ad.draining.Load() {
		return ErrBusy
	}
	ad.mu.Lock()
	if ad.wanting < ad.procs {
		ad.mu.Unlock()
		return ctx.Err()
	}
	if ad.calm == nil {
		ad.calm = make(chan struct{})
	}
	calm := ad.calm
	ad.mu.Unlock()
	t := time.NewTimer(giveWayFor)
	defer t.Stop()
	select {
	case <-calm:
	case <-t.C:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// drain stops running costly searches at their next checkpoint until the
// returned function is called: for the archive about to take its write
// lock, which every search holds for reading.
func (ad *admission) drain() (done func()) {
	ad.draining.Store(true)
	return func() { ad.draining.Store(false) }
}

// costlyQuery tells, from its text and paging alone, whether q is near
// enough to the budget to run in the costly lane. It errs towards costly:
// a costly search still runs, only beside the ordinary ones rather than
// among them.
func costlyQuery(q Query) bool {
	n := 0
	for _, vs := range q.Filters {
		n += len(vs)
	}
	size := q.Size
	if size <= 0 {
		size = DefaultSize
	}
	if n > costlyFilters || max(q.Page, 1)*size > costlyWindow {
		return true
	}
	text := q.Text
	if len(strings.Fields(text)) > costlyTerms || strings.Count(text, `"`)/2 > costlyPhrases {
		return true
	}
	// A wildcard, regexp or fuzzy term walks the term dictionary.
	return strings.ContainsAny(text, "*?/~")
}
