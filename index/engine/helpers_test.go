package engine

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/index/internal/fixture"
	"github.com/cuttings/cuttings/store"
)

// testDoc is one change to a test index: an article with its enrichment, or
// the deletion of an article.
type testDoc struct {
	ID         string
	Deleted    bool
	Article    store.Article
	Enrichment extract.Enrichment
}

// testIndex is an engine over an index of its own in a test's temporary
// directory, written the way index writes the archive's: an article's
// documents all together, its quotations past a new count deleted.
type testIndex struct {
	*Engine
	b bleve.Index
}

// newTestIndex indexes docs in one batch; article bodies are read from docs.
func newTestIndex(t testing.TB, docs []testDoc) *testIndex {
	t.Helper()
	b, err := bleve.NewUsing(filepath.Join(t.TempDir(), "index-test"), Mapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix := &testIndex{Engine: New(b), b: b}
	t.Cleanup(func() {
		ix.Close()
		b.Close()
	})
	if err := ix.Apply(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	ix.bodies = docBodies(docs)
	return ix
}

// Apply writes changes in one batch; the last change of an article wins.
func (ix *testIndex) Apply(ctx context.Context, docs []testDoc) error {
	if len(docs) == 0 {
		return nil
	}
	last := map[string]testDoc{}
	var ids []string
	for _, d := range docs {
		if _, ok := last[d.ID]; !ok {
			ids = append(ids, d.ID)
		}
		last[d.ID] = d
	}
	old, err := ix.QuoteCounts(ctx, ids)
	if err != nil {
		return err
	}
	batch := ix.b.NewBatch()
	for _, id := range ids {
		d := last[id]
		kept := 0
		if d.Deleted {
			batch.Delete(id)
		} else {
			a := testArticle(d)
			kept = len(a.Quotes)
			for _, doc := range Documents(a) {
				if err := batch.Index(doc.ID, doc.Fields); err != nil {
					return err
				}
			}
		}
		for n := kept; n < old[id]; n++ {
			batch.Delete(QuoteID(id, n))
		}
	}
	if err := ix.b.Batch(batch); err != nil {
		return err
	}
	ix.Changed()
	return nil
}

// testArticle is what the engine indexes of a test change: its enrichment's
// names as the facet values, in order.
func testArticle(d testDoc) Article {
	a, e := d.Article, d.Enrichment
	people, orgs, countries, topics := e.Names()
	out := Article{ID: d.ID, Title: a.Title, Body: a.Body, URL: a.URL, Source: a.Source, Published: a.Published,
		People: people, Organizations: orgs, Countries: countries, Topics: topics, Group: a.Group}
	for _, q := range e.Quotes {
		out.Quotes = append(out.Quotes, Quotation{Text: q.Text, Speaker: q.Speaker, SpeakerType: q.SpeakerType})
	}
	return out
}

// docBodies stands in for the store as the source of bodies for snippets
// and phrases.
func docBodies(docs []testDoc) func(context.Context, []string) (map[string]string, error) {
	byID := map[string]string{}
	for _, d := range docs {
		byID[d.ID] = d.Article.Body
	}
	return fixture.Bodies(byID)
}

func hitIDs(r *Result) []string {
	out := []string{}
	for _, h := range r.Hits {
		if h.QuoteID != "" {
			out = append(out, h.QuoteID)
		} else {
			out = append(out, h.ID)
		}
	}
	return out
}

var date = fixture.Date

// testdataArticle is a line of testdata/articles/*.jsonl; the gold fields
// the extraction tests use are ignored here.
type testdataArticle struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Authors   []string  `json:"authors"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	Text      string    `json:"text"`
}

// eachJSONLine hands each non-empty line of the files pattern matches to
// fn, with the file's name.
func eachJSONLine(t testing.TB, pattern string, fn func(name string, line []byte)) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			if len(sc.Bytes()) > 0 {
				fn(name, sc.Bytes())
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// loadTestArticles reads the articles written for the project's tests.
func loadTestArticles(t testing.TB) []store.Article {
	t.Helper()
	var out []store.Article
	eachJSONLine(t, filepath.Join("..", "..", "testdata", "articles", "*.jsonl"), func(name string, line []byte) {
		var a testdataArticle
		if err := json.Unmarshal(line, &a); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, store.Article{
			ID: a.ID, URL: a.URL, Title: a.Title, Authors: a.Authors, Source: a.Source,
			Published: a.Published, Language: "en", Body: a.Text,
		})
	})
	if len(out) == 0 {
		t.Skip("no testdata/articles/*.jsonl")
	}
	return out
}

// extracted pairs each article with what the extractor finds in it.
func extracted(arts []store.Article) []testDoc {
	docs := make([]testDoc, 0, len(arts))
	for _, a := range arts {
		docs = append(docs, testDoc{ID: a.ID, Article: a, Enrichment: extract.Extract(a)})
	}
	return docs
}

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
