package engine

import (
	"sort"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Body keys (mapping v13) tell copies of a story with the same words
// apart from other articles without reading their text: each article's
// body is indexed as a key of its exact text (bodyKey). A phrase checked
// against bodies reads one copy's text for all of them (phrase.go).

// bodyOrdinals returns, per local document of the segment, the number of
// its body key within the segment (from 1; 0 for none: a quotation, an
// article without a body, or an index from before keys). It is built from
// the key field's postings on first use and kept with the segment's facet
// tables; nil when the segment has no keys.
func (sf *segmentFacets) bodyOrdinals(seg segment.Segment) ([]uint32, error) {
	sf.bodyOnce.Do(func() {
		var ords []uint32
		next := uint32(1)
		sf.bodyErr = eachTerm(seg, fieldBodyKey, func(d uint64) {
			if ords == nil {
				ords = make([]uint32, seg.Count())
			}
			ords[d] = next
		}, func(string) { next++ })
		sf.bodyOrd = ords
	})
	return sf.bodyOrd, sf.bodyErr
}

// bodyKeys returns, for the documents of snap by their number in it, a key
// that documents with the same body share and no other document has: the
// segment and the body's number in it, 0 for a document with no key. It
// returns nil when no segment has keys. Two copies in different segments
// have different keys: they are decided apart, as they were before keys.
func (e *Engine) bodyKeys(snap *scorch.IndexSnapshot) (func(num uint64) uint64, error) {
	tables, _, err := e.facets.snapshotTables(snap)
	if err != nil {
		return nil, err
	}
	segs := snap.Segments()
	bases := make([]uint64, len(segs)+1)
	ords := make([][]uint32, len(segs))
	keyed := false
	for i, ss := range segs {
		bases[i+1] = bases[i] + ss.Segment().Count()
		if ords[i], err = tables[i].bodyOrdinals(ss.Segment()); err != nil {
			return nil, err
		}
		keyed = keyed || ords[i] != nil
	}
	if !keyed {
		return nil, nil
	}
	return func(num uint64) uint64 {
		si := sort.Search(len(segs), func(i int) bool { return bases[i+1] > num })
		if si >= len(segs) || ords[si] == nil {
			return 0
		}
		o := ords[si][num-bases[si]]
		if o == 0 {
			return 0
		}
		return uint64(si+1)<<32 | uint64(o)
	}, nil
}
