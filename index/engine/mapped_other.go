//go:build !linux

package engine

import segment "github.com/blevesearch/scorch_segment_api/v2"

// releaseMapped is advice the kernel takes on Linux only.
func releaseMapped(segment.Segment) {}
