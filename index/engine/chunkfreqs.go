package engine

import (
	"encoding/binary"
	"errors"
	"math"
	"reflect"

	"github.com/RoaringBitmap/roaring/v2"
	bleveindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A phrase's candidates need their words' frequencies (and the field's
// norm) from postings of words most articles have ("said", "company"),
// one candidate at a time and in order (pairs.go's decide). Zap's postings
// iterator finds a document's frequency by stepping its bitmap one posting
// at a time up to the document, whatever lies between: a few nanoseconds a
// posting, so every candidate read costs the whole list up to it, a few
// milliseconds for each common word even for a hundred candidates. Zap
// keeps the frequencies and norms in chunks of postings that start at fixed
// document numbers (a multiple of the list's chunk size), and the chunk a
// document is in follows from its number. chunkFreqs jumps the bitmap to
// the candidate's chunk (roaring's AdvanceIfNeeded skips whole containers
// and words), steps only through the postings of that chunk before it, and
// reads the same bytes zap would: the candidate's frequency and norm are
// zap's to the bit (TestChunkFreqsAgree).
//
// Zap does not export where a list's frequencies start nor its chunk size,
// so they are read from its PostingsList by reflection, for the one version
// of zap whose layout this follows (zapx v17); for any other segment, list
// or layout, newChunkFreqs returns nil and zap's iterator is used.

// chunkFreqs reads the frequency and norm of documents of one postings
// list, taken in increasing order.
type chunkFreqs struct {
	it        roaring.IntPeekable
	data      []byte   // the segment's file
	dataStart uint64   // where the chunks' bytes start in data
	ends      []uint64 // each chunk's end, from dataStart
	chunkSize uint64
	chunk     int    // the chunk loaded, -1 for none
	buf       []byte // what is left of it to read
}

// zapPostingsType is the type of zapx v17's postings lists, whose layout
// chunkFreqs follows.
const zapPostingsType = "github.com/blevesearch/zapx/v17.PostingsList"

// newChunkFreqs returns a reader of pl's frequencies and norms, or nil when
// pl is not a list chunkFreqs can read (another segment type or version,
// a list of one document, a list without frequencies, a segment held in
// memory, a reader hook that transforms the file's bytes).
func newChunkFreqs(seg segment.Segment, pl segment.PostingsList) *chunkFreqs {
	if bleveindex.ReaderHook != nil {
		return nil
	}
	file, ok := seg.(interface{ Data() []byte })
	if !ok {
		return nil
	}
	v := reflect.ValueOf(pl)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	v = v.Elem()
	if t := v.Type(); t.PkgPath()+"."+t.Name() != zapPostingsType {
		return nil
	}
	field := func(name string) (uint64, bool) {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.Uint64 {
			return 0, false
		}
		return f.Uint(), true
	}
	freqOffset, ok1 := field("freqOffset")
	chunkSize, ok2 := field("chunkSize")
	oneHit, ok3 := field("normBits1Hit")
	if !ok1 || !ok2 || !ok3 || oneHit != 0 || freqOffset == 0 || chunkSize == 0 {
		return nil
	}
	bm, ok := pl.Iterator(false, false, false, nil).(interface{ ActualBitmap() *roaring.Bitmap })
	if !ok || bm.ActualBitmap() == nil {
		return nil
	}
	data := file.Data()
	if freqOffset >= uint64(len(data)) {
		return nil
	}
	at := freqOffset
	n, read := binary.Uvarint(data[at:])
	if read <= 0 || n > uint64(len(data)) {
		return nil
	}
	at += uint64(read)
	ends := make([]uint64, n)
	for k := range ends {
		if ends[k], read = binary.Uvarint(data[at:]); read <= 0 {
			return nil
		}
		at += uint64(read)
	}
	if n > 0 && at+ends[n-1] > uint64(len(data)) {
		return nil
	}
	return &chunkFreqs{it: bm.ActualBitmap().Iterator(), data: data, dataStart: at, ends: ends, chunkSize: chunkSize, chunk: -1}
}

var errChunkFreqs = errors.New("frequencies out of step with the postings")

// freq returns the frequency and the norm of doc, which must have a posting
// and come after the documents read before. found is false when doc has no
// posting.
func (c *chunkFreqs) freq(doc uint32) (freq uint64, norm float64, found bool, err error) {
	chunk := int(uint64(doc) / c.chunkSize)
	if chunk != c.chunk {
		if chunk < c.chunk || chunk >= len(c.ends) {
			return 0, 0, false, errChunkFreqs
		}
		var start uint64
		if chunk > 0 {
			start = c.ends[chunk-1]
		}
		c.buf = c.data[c.dataStart+start : c.dataStart+c.ends[chunk]]
		c.chunk = chunk
		c.it.AdvanceIfNeeded(uint32(uint64(chunk) * c.chunkSize))
	}
	// Step past the chunk's postings before doc, and their entries.
	for c.it.HasNext() && c.it.PeekNext() < doc {
		c.it.Next()
		if _, _, err := c.next(); err != nil {
			return 0, 0, false, err
		}
	}
	if !c.it.HasNext() || c.it.PeekNext() != doc {
		return 0, 0, false, nil
	}
	c.it.Next()
	f, bits, err := c.next()
	if err != nil {
		return 0, 0, false, err
	}
	// zap's Posting.Norm: the bits are the field's length in terms.
	return f, float64(float32(1.0 / math.Sqrt(float64(uint32(bits))))), true, nil
}

// next reads one posting's entry of the loaded chunk: its frequency and,
// unless that is 0, its norm's bits (zap's encoding: the frequency shifted
// left by one, the low bit telling whether locations follow elsewhere).
func (c *chunkFreqs) next() (freq, normBits uint64, err error) {
	v, n := binary.Uvarint(c.buf)
	if n <= 0 {
		return 0, 0, errChunkFreqs
	}
	c.buf = c.buf[n:]
	if freq = v >> 1; freq == 0 {
		return 0, 0, nil
	}
	if normBits, n = binary.Uvarint(c.buf); n <= 0 {
		return 0, 0, errChunkFreqs
	}
	c.buf = c.buf[n:]
	return freq, normBits, nil
}
