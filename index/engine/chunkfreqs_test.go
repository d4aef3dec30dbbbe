package engine

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// TestChunkFreqsAgree holds chunkFreqs to zap's own postings iterator: for
// documents taken in order, sparse and dense, with and without a posting,
// across chunks, the same frequency and norm, on segments read from files
// (the only ones chunkFreqs reads) with lists of many chunks.
func TestChunkFreqsAgree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index-test")
	b, err := bleve.NewUsing(dir, Mapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	// Words by how often a body has them: "common" in nearly all, "rare"
	// in a few, repeated up to five times, bodies of different lengths
	// (different norms).
	words := []struct {
		word  string
		share float64
	}{{"common", 0.95}, {"often", 0.6}, {"half", 0.5}, {"some", 0.2}, {"rare", 0.01}, {"once", 0.0002}}
	const n = 6000
	for from := 0; from < n; from += 1000 {
		batch := b.NewBatch()
		for i := from; i < from+1000; i++ {
			var body []string
			for _, w := range words {
				if rng.Float64() < w.share {
					for range 1 + rng.IntN(5) {
						body = append(body, w.word)
					}
				}
			}
			for range rng.IntN(40) {
				body = append(body, "filler")
			}
			rng.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
			a := Article{ID: fmt.Sprintf("a%05d", i), Title: "t", Body: strings.Join(body, " "), Source: "S"}
			for _, doc := range Documents(a) {
				if err := batch.Index(doc.ID, doc.Fields); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := b.Batch(batch); err != nil {
			t.Fatal(err)
		}
	}
	// Reopened, the index's segments are its files.
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err = bleve.Open(dir); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	e := New(b)
	snap, closeSnap, err := e.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer closeSnap()
	read, chunked := 0, 0
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		dict, err := seg.Dictionary(fieldBody)
		if err != nil {
			t.Fatal(err)
		}
		docs := uint32(seg.Count())
		for _, w := range words {
			term := Term(w.word)
			for _, every := range []float64{1, 0.5, 0.05, 0.002} {
				pl, err := dict.PostingsList([]byte(term), nil, nil)
				if err != nil {
					t.Fatal(err)
				}
				fast := newChunkFreqs(seg, pl)
				if fast == nil {
					continue
				}
				read++
				if len(fast.ends) > 1 {
					chunked++
				}
				it := pl.Iterator(true, true, false, nil)
				for doc := uint32(0); doc < docs; doc++ {
					if rng.Float64() >= every {
						continue
					}
					f, norm, found, err := fast.freq(doc)
					if err != nil {
						t.Fatalf("%q, document %d: %v", term, doc, err)
					}
					p, err := it.Advance(uint64(doc))
					if err != nil {
						t.Fatal(err)
					}
					want := p != nil && p.Number() == uint64(doc)
					if found != want {
						t.Fatalf("%q, document %d: found %v, zap %v", term, doc, found, want)
					}
					if want && (f != p.Frequency() || norm != p.Norm()) {
						t.Fatalf("%q, document %d: frequency %d norm %v, zap %d %v", term, doc, f, norm, p.Frequency(), p.Norm())
					}
					if !want && p != nil {
						// zap stepped past doc; a fresh iterator for
						// the next document.
						it = pl.Iterator(true, true, false, nil)
					}
				}
			}
		}
	}
	if read == 0 || chunked == 0 {
		t.Fatalf("chunkFreqs read %d lists, %d of more than one chunk: the test reads none the way searches do", read, chunked)
	}
}
