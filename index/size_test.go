package index

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/cuttings/cuttings/index/extract"
)

// TestIndexSize indexes the test articles many times over and reports the
// index's size against the text it holds. The target is 1.5x; the bound here
// only catches a regression such as storing bodies again.
func TestIndexSize(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	arts := loadTestArticles(t)
	dir := filepath.Join(t.TempDir(), "index-size")
	ix, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const copies = 10
	var raw, quotes, quoteBytes int
	var docs []Doc
	for c := range copies {
		for _, a := range arts {
			a.ID = fmt.Sprintf("%s-%d", a.ID, c)
			raw += len(a.Title) + len(a.Body)
			e := extract.Extract(a)
			quotes += len(e.Quotes)
			for _, q := range e.Quotes {
				quoteBytes += len(q.Text)
			}
			docs = append(docs, Doc{Seq: int64(len(docs) + 1), ID: a.ID, Article: a, Enrichment: e})
		}
	}
	for len(docs) > 0 {
		n := min(changesPage, len(docs))
		if err := ix.Apply(ctx, docs[:n]); err != nil {
			t.Fatal(err)
		}
		docs = docs[n:]
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	var size int64
	err = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		size += info.Size()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ratio := float64(size) / float64(raw)
	t.Logf("%d articles (%d bytes of title and body), %d quotes (%d bytes): index %d bytes, %.2fx",
		len(arts)*copies, raw, quotes, quoteBytes, size, ratio)
	if ratio > 4 {
		t.Errorf("index is %.2fx the text it holds", ratio)
	}
}
