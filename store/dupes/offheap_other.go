//go:build !unix

package dupes

// mapBytes is the Go heap where there is no mmap(2).
func mapBytes(n int) []byte { return make([]byte, n) }

func unmapBytes([]byte) {}
