package engine

import (
	"math/bits"
	"sync/atomic"
)

// A search of a common word narrowed to a few of its documents (a year of
// thirty, a facet value) reads the word's frequency and norm in each of
// them. zap keeps those as varints, a chunk of about a thousand postings
// after another, and reaching one document means reading every varint
// before it in its chunk: with a match every few dozen postings, every
// chunk is read through, and "said" in one year cost twice "said" over all
// thirty (BENCHMARKS.md, twenty-first round). So the warmer, as it walks a
// segment's common words for their bounds (bounds.go), keeps the densest
// words' frequencies and norms in the main field decoded, found by a
// document's number in constant time. It is memory for time, within
// decodedBudget: about five bytes a posting.

// decodedWalks counts the fields whose decoded postings a walk read, so
// that tests know the path ran.
var decodedWalks atomic.Int64

// decodedShare is how dense a word must be in a segment's main field for
// its postings to be kept decoded: at least one document in decodedShare.
// Rarer words are read through fast enough from zap.
const decodedShare = 32

// decodedBudget bounds the memory the decoded postings of all segments take,
// in bytes.
const decodedBudget = 64 << 20

// decodedPostings are one word's postings in one field of a segment,
// decoded: which documents have it, and with what frequency and norm.
type decodedPostings struct {
	docs  []uint64 // a bit a document, by number
	ranks []uint32 // the documents before each block of rankBlock words of docs
	freqs []uint8  // by rank; frequencies of 255 or more are in big
	norms []float32
	big   map[uint32]uint32 // rank -> frequency, for 255 or more
}

// rankBlock is how many words of docs a rank is kept for: a lookup adds
// up to rankBlock-1 words' counts to it.
const rankBlock = 8

// decodedBuilder builds a decodedPostings from the documents in number
// order.
type decodedBuilder struct {
	d decodedPostings
}

// newDecodedBuilder starts the decoded postings of a word with about n
// documents in a segment of docs documents.
func newDecodedBuilder(docs uint64, n uint64) *decodedBuilder {
	return &decodedBuilder{d: decodedPostings{
		docs:  make([]uint64, (docs+63)/64),
		freqs: make([]uint8, 0, n),
		norms: make([]float32, 0, n),
	}}
}

// add takes in document num, after every lower one, with hit h; a document
// beyond the segment's size given is an error of the caller's, and panics.
func (b *decodedBuilder) add(num uint32, h fieldHit) {
	d := &b.d
	d.docs[num/64] |= 1 << (num % 64)
	if h.freq >= 255 {
		if d.big == nil {
			d.big = map[uint32]uint32{}
		}
		d.big[uint32(len(d.freqs))] = h.freq
		d.freqs = append(d.freqs, 255)
	} else {
		d.freqs = append(d.freqs, uint8(h.freq))
	}
	d.norms = append(d.norms, h.norm)
}

// done returns the decoded postings.
func (b *decodedBuilder) done() *decodedPostings {
	d := &b.d
	d.ranks = make([]uint32, (len(d.docs)+rankBlock-1)/rankBlock)
	var n uint32
	for w, word := range d.docs {
		if w%rankBlock == 0 {
			d.ranks[w/rankBlock] = n
		}
		n += uint32(bits.OnesCount64(word))
	}
	return d
}

// hit returns document num's frequency and norm (zero for none).
func (d *decodedPostings) hit(num uint32) fieldHit {
	w := int(num / 64)
	if w >= len(d.docs) {
		return fieldHit{}
	}
	bit := uint64(1) << (num % 64)
	if d.docs[w]&bit == 0 {
		return fieldHit{}
	}
	r := d.ranks[w/rankBlock]
	for j := w - w%rankBlock; j < w; j++ {
		r += uint32(bits.OnesCount64(d.docs[j]))
	}
	r += uint32(bits.OnesCount64(d.docs[w] & (bit - 1)))
	freq := uint32(d.freqs[r])
	if freq == 255 {
		freq = d.big[r]
	}
	return fieldHit{freq: freq, norm: d.norms[r]}
}

// bytes is about the memory the decoded postings take.
func (d *decodedPostings) bytes() int {
	return decodedSize(uint64(len(d.docs))*64, uint64(len(d.freqs))) + len(d.big)*16
}

// decodedSize is about the memory the decoded postings of a word with n
// documents in a segment of docs take, its frequencies of 255 or more
// apart.
func decodedSize(docs, n uint64) int {
	words := int(docs+63) / 64
	return 96 + words*8 + (words+rankBlock-1)/rankBlock*4 + int(n)*5
}
