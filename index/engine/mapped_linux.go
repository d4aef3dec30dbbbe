package engine

import (
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"golang.org/x/sys/unix"
)

// releaseMapped drops the pages of a segment's file from this process's
// resident set. Reading a segment's facet postings into tables, or a
// word's postings into an impact list, touches every page of them once;
// the tables and lists hold what searches need from then on, and the pages
// would stay resident (counted in the server's RSS) until the kernel is
// short of memory. MADV_DONTNEED on the read-only shared mapping
// unmaps them from this process only: they stay in the page cache, and a
// later read faults them back in without going to disk.
func releaseMapped(seg segment.Segment) {
	d, ok := seg.(interface{ Data() []byte })
	if !ok {
		return
	}
	if b := d.Data(); len(b) > 0 {
		_ = unix.Madvise(b, unix.MADV_DONTNEED) // advice: nothing to do if refused
	}
}
