package main

import (
	"os"
	"runtime/debug"
)

// Building an index allocates a great deal that lives briefly (each
// article's analysis, each batch's segment), and with Go's default
// (GOGC=100, a collection whenever the heap doubles) the collector took
// about a tenth of a reindex's CPU. Letting the heap grow to five times
// what is live, below a soft ceiling, cut the CPU of a reindex of 100,000
// articles by 12% for 1.5x its peak memory (BENCHMARKS.md).
const (
	indexingGCPercent = 400
	indexingMemLimit  = 1 << 30 // past it, the collector runs as often as it must
)

// indexingGC sets the collector for building an index and returns what
// puts it back. It leaves the collector alone when GOGC or GOMEMLIMIT is
// set: the user's setting wins.
func indexingGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(indexingGCPercent)
	limit := debug.SetMemoryLimit(indexingMemLimit)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
