package index

// The archive's side of the meter (meter.go): the limit it gives each
// search, and what tests are told of the searches it stops. The meter
// itself is the query engine's; this is the archive's.

// SetSearchMemory sets the bytes one search of the archive may allocate
// (MaxSearchMemory when n <= 0): tests lower it to cross it with a few
// articles.
func (a *Archive) SetSearchMemory(n int64) {
	a.searchMemory.Store(n)
}

// stopped tells a.meterStopped, if set, that m stopped a search.
func (a *Archive) stopped(m *meter) {
	if a.meterStopped == nil {
		return
	}
	if over, crossed := m.stoppedBy(); over != nil {
		a.meterStopped(over, crossed)
	}
}

func (a *Archive) memoryLimit() int64 {
	if n := a.searchMemory.Load(); n > 0 {
		return n
	}
	return MaxSearchMemory
}
