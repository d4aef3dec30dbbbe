//go:build !unix

package main

import "time"

// flushToDisk does nothing where there is no sync(2).
func flushToDisk() {}

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
