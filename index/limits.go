package index

import (
	"context"

	"github.com/cuttings/cuttings/index/engine"
)

// The archive's side of the meter (index/engine/meter.go): the limit it
// gives each search, and what tests are told of the searches it stops. The
// meter itself, charged and checked while a search runs, is the query
// engine's; this is the archive's.

// Limits of one search while it runs, beside the query budget's (query.go):
// what the engine's meter stops a search at, with an *OverBudgetError
// naming LimitMemory or LimitSearchers.
const (
	MaxSearchMemory  = engine.MaxSearchMemory  // bytes one search allocates, as the meter counts them
	MaxTermSearchers = engine.MaxTermSearchers // term searchers one search opens

	LimitMemory    = engine.LimitMemory
	LimitSearchers = engine.LimitSearchers
)

// SetSearchMemory sets the bytes one search of the archive may allocate
// (MaxSearchMemory when n <= 0): tests lower it to cross it with a few
// articles.
func (a *Archive) SetSearchMemory(n int64) {
	a.searchMemory.Store(n)
}

// meter gives a search of the archive the engine's meter, with the
// archive's limit and, for a costly search, giveWay from its admission
// (admit.go) to call at every checkpoint. done releases ctx.
func (a *Archive) meter(ctx context.Context, giveWay func(context.Context) error) (_ context.Context, m *engine.Meter, done func()) {
	return engine.WithMeter(ctx, a.memoryLimit(), giveWay)
}

// stopped tells a.meterStopped, if set, that m stopped a search.
func (a *Archive) stopped(m *engine.Meter) {
	if a.meterStopped == nil {
		return
	}
	if over, crossed := m.StoppedBy(); over != nil {
		a.meterStopped(over, crossed)
	}
}

func (a *Archive) memoryLimit() int64 {
	if n := a.searchMemory.Load(); n > 0 {
		return n
	}
	return MaxSearchMemory
}
