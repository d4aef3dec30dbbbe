//go:build unix

package dupes

import "golang.org/x/sys/unix"

// mapBytes returns n bytes of anonymous memory mapped outside the Go heap:
// zero, given pages by the system as they are first written, and not
// counted by the collector, which would otherwise let the heap grow to
// twice the detector before collecting.
func mapBytes(n int) []byte {
	b, err := unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		panic("dupes: map memory: " + err.Error())
	}
	return b
}

func unmapBytes(b []byte) { unix.Munmap(b) }
