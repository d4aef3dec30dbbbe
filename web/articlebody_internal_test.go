package web

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest"
)

// TestBodyParagraphsKeepText: over every article of testdata, cutting the
// body into runs loses, adds and reorders nothing: each paragraph's pieces
// join to the paragraph, every quotation the index places in the text is
// marked once with its speaker after it, and names are only linked
// whole.
func TestBodyParagraphsKeepText(t *testing.T) {
	files, err := filepath.Glob("../testdata/articles/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata articles: %v", err)
	}
	var articles []store.Article
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		err = ingest.Read(f, name, func(r ingest.Record) error {
			if r.Err == nil {
				articles = append(articles, r.Article)
			}
			return nil
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(articles) < 40 {
		t.Errorf("read %d articles, want the 46 of testdata", len(articles))
	}
	// The page cuts the body by the enrichment the index holds.
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutBatch(ctx, slices.Clone(articles)); err != nil {
		t.Fatal(err)
	}
	archive, err := index.OpenArchive(ctx, dir, st)
	if err != nil {
		t.Fatal(err)
	}
	defer archive.Close()
	if _, err := archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		e, err := archive.Enrichment(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		paras := bodyParagraphs(a.Body, e)
		want := paragraphSpans(a.Body)
		if len(paras) != len(want) {
			t.Errorf("%s: %d paragraphs, want %d", a.ID, len(paras), len(want))
			continue
		}
		marked := map[int]int{}
		badges := map[int]int{}
		for i, p := range paras {
			var text strings.Builder
			for _, run := range p.Runs {
				if run.SaidBy != nil {
					badges[run.SaidBy.Quote]++
					continue
				}
				if run.First {
					marked[run.Quote]++
				}
				for _, piece := range run.Pieces {
					text.WriteString(piece.Text)
					if piece.URL != "" && (strings.TrimSpace(piece.Text) != piece.Text || piece.Text == "") {
						t.Errorf("%s: linked name %q is not a whole name", a.ID, piece.Text)
					}
				}
			}
			if got := text.String(); got != a.Body[want[i].start:want[i].end] {
				t.Errorf("%s paragraph %d:\n got %q\nwant %q", a.ID, i, got, a.Body[want[i].start:want[i].end])
			}
		}
		for _, q := range quoteSpans(a.Body, e.Quotes) {
			if marked[q.n] != 1 || badges[q.n] != 1 {
				t.Errorf("%s: quotation %d marked %d times with %d speakers, want once each", a.ID, q.n, marked[q.n], badges[q.n])
			}
		}
	}
}
