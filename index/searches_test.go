package index

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cuttings/cuttings/store"
)

// testArticle is a line of testdata/articles/*.jsonl; the gold fields the
// extraction tests use are ignored here.
type testArticle struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Authors   []string  `json:"authors"`
	Source    string    `json:"source"`
	Published time.Time `json:"published"`
	Text      string    `json:"text"`
}

// loadTestArticles reads the articles written for the project's tests.
func loadTestArticles(t testing.TB) []store.Article {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out []store.Article
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			if len(sc.Bytes()) == 0 {
				continue
			}
			var a testArticle
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out = append(out, store.Article{
				ID: a.ID, URL: a.URL, Title: a.Title, Authors: a.Authors, Source: a.Source,
				Published: a.Published, Language: "en", Body: a.Text,
			})
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	if len(out) == 0 {
		t.Skip("no testdata/articles/*.jsonl")
	}
	return out
}

func openTestStore(t testing.TB, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func putArticles(t testing.TB, st *store.Store, as []store.Article) {
	t.Helper()
	if _, err := st.PutBatch(context.Background(), slices.Clone(as)); err != nil {
		t.Fatal(err)
	}
}

// searchCase is one entry of testdata/searches.json:
//
//	{"name": "...",
//	 "query": {"text": "...", "filters": {"person": ["..."]}, "from": "2024-01-01",
//	           "to": "2024-12-31", "sort": "newest", "page": 1, "size": 10, "quotes": false},
//	 "want_ids": [...],     // exactly these hits (page 1; size defaults to 100)
//	 "want_first": [...],   // the page starts with these hits, in order
//	 "want_total": 16,      // total matches
//	 "want_facets": {"source": {"The Ledger": 4}, "published": {"2024": 16}}}
//
// Every want is optional; facet counts are checked for the values listed
// only. Dates are days; "to" includes its whole day, as the search page and
// CLI read it. Quote hits are named by quote id ("q:<article id>:<n>").
type searchCase struct {
	Name  string `json:"name"`
	Query struct {
		Text    string              `json:"text"`
		Filters map[string][]string `json:"filters"`
		From    string              `json:"from"`
		To      string              `json:"to"`
		Sort    string              `json:"sort"`
		Page    int                 `json:"page"`
		Size    int                 `json:"size"`
		Quotes  bool                `json:"quotes"`
	} `json:"query"`
	WantIDs    *[]string                 `json:"want_ids"`   // the exact set of hits (page 1)
	WantFirst  []string                  `json:"want_first"` // the first hits, in order
	WantTotal  *uint64                   `json:"want_total"`
	WantFacets map[string]map[string]int `json:"want_facets"` // facet -> value -> count; "published" by year
}

func (c searchCase) query(t *testing.T) Query {
	q := Query{Text: c.Query.Text, Filters: c.Query.Filters, Sort: c.Query.Sort,
		Page: c.Query.Page, Size: c.Query.Size, Quotes: c.Query.Quotes}
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		return d
	}
	q.From = day(c.Query.From)
	if to := day(c.Query.To); !to.IsZero() {
		q.To = to.AddDate(0, 0, 1).Add(-time.Nanosecond)
	}
	if c.WantIDs != nil && q.Size == 0 {
		q.Size = MaxSize
	}
	return q
}

// TestSearches runs testdata/searches.json against the test articles,
// indexed the way the server indexes them: put in a store, extracted and
// indexed by an Archive's Sync.
func TestSearches(t *testing.T) {
	arts := loadTestArticles(t)
	b, err := os.ReadFile(filepath.Join("..", "testdata", "searches.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []searchCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}

	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	putArticles(t, st, arts)
	a, err := OpenArchive(ctx, dir, st)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if n, err := a.Sync(ctx); err != nil || n != len(arts) {
		t.Fatalf("Sync = %d, %v; want %d", n, err, len(arts))
	}

	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			q := c.query(t)
			r, err := a.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(r)
			if c.WantIDs != nil {
				want := slices.Clone(*c.WantIDs)
				slices.Sort(want)
				sorted := slices.Sorted(slices.Values(got))
				if diff := cmp.Diff(want, sorted, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("ids (-want +got):\n%s", diff)
				}
				if r.Total != uint64(len(want)) {
					t.Errorf("Total = %d, want %d", r.Total, len(want))
				}
			}
			if c.WantFirst != nil {
				if len(got) > len(c.WantFirst) {
					got = got[:len(c.WantFirst)]
				}
				if diff := cmp.Diff(c.WantFirst, got); diff != "" {
					t.Errorf("first ids (-want +got):\n%s", diff)
				}
			}
			if c.WantTotal != nil && r.Total != *c.WantTotal {
				t.Errorf("Total = %d, want %d", r.Total, *c.WantTotal)
			}
			for facet, want := range c.WantFacets {
				counts := map[string]int{}
				if facet == FacetPublished {
					for _, d := range r.Dates {
						counts[d.From.Format("2006")] = d.Count
					}
				} else {
					for _, v := range r.Facets[facet] {
						counts[v.Value] = v.Count
					}
				}
				for value, n := range want {
					if counts[value] != n {
						t.Errorf("facet %s %q = %d, want %d (all: %v)", facet, value, counts[value], n, counts)
					}
				}
			}
		})
	}
}
