package main

import (
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's setting.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestIndexingGC checks that building an index lets the heap grow further
// and puts the setting back afterwards, and that a GOGC or GOMEMLIMIT the
// user set is left as it is.
func TestIndexingGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before, beforeLimit := gcPercent(), debug.SetMemoryLimit(-1)
	restore := indexingGC()
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != indexingGCPercent || l != indexingMemLimit {
		t.Errorf("while indexing: GOGC %d, limit %d; want %d, %d", p, l, indexingGCPercent, indexingMemLimit)
	}
	restore()
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != before || l != beforeLimit {
		t.Errorf("after: GOGC %d, limit %d; want them back at %d, %d", p, l, before, beforeLimit)
	}

	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "200")
			restore := indexingGC()
			defer restore()
			if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != before || l != beforeLimit {
				t.Errorf("with %s set: GOGC %d, limit %d; want them left at %d, %d", env, p, l, before, beforeLimit)
			}
		})
	}
}
