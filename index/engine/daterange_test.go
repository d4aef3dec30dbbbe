package engine

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// TestPublishedRange checks date ranges, which search the published day and,
// inside a day, the date key, against a plain comparison of the dates: for
// articles and quotations, ranges of whole days, ranges that start or end
// inside a day (both inside one day too), whole months and years, open ends,
// on an index of several segments with deletions.
func TestPublishedRange(t *testing.T) {
	t.Run("keywords", func(t *testing.T) { testPublishedRange(t, newTestIndex(t, nil)) })
	// An index from before the date keywords searches its date field.
	t.Run("date field", func(t *testing.T) {
		m := Mapping()
		for _, typ := range []string{typeArticle, typeQuote} {
			dm := m.TypeMapping[typ]
			delete(dm.Properties, fieldPublishedDay)
			delete(dm.Properties, fieldPublishedMonth)
			f := mapping.NewDateTimeFieldMapping()
			f.Store = typ == typeArticle
			f.DocValues = false
			f.IncludeInAll = false
			dm.AddFieldMappingsAt(fieldPublished, f)
		}
		b, err := bleve.NewUsing(filepath.Join(t.TempDir(), "index-v6"), m, scorch.Name, scorch.Name, nil)
		if err != nil {
			t.Fatal(err)
		}
		ix := &testIndex{Engine: New(b), b: b}
		t.Cleanup(func() {
			ix.Close()
			b.Close()
		})
		if hasDateKeywords(b.Mapping()) {
			t.Fatal("the old mapping has date keywords")
		}
		testPublishedRange(t, ix)
	})
}

func testPublishedRange(t *testing.T, ix *testIndex) {
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2024, 2, 27, 0, 0, 0, 0, time.UTC)
	var docs []testDoc
	published := map[string]time.Time{}
	for i := range 120 {
		p := start.Add(time.Duration(rng.Int64N(int64(6 * day))))
		if i >= 80 {
			// Over years, across months and years.
			p = start.AddDate(-2, 0, 0).Add(time.Duration(rng.Int64N(int64(3 * 365 * day))))
		}
		if i%9 == 0 {
			p = dayOf(p) // a day's first instant
		}
		if i%13 == 0 {
			p = dayOf(p).Add(day - 1) // and its last
		}
		id := fmt.Sprintf("d%02d", i)
		published[id] = p
		docs = append(docs, testDoc{ID: id, Article: store.Article{ID: id, Title: "Harbour report", Body: "The harbour reopened.", Published: p},
			Enrichment: extract.Enrichment{Quotes: []extract.Quote{said("Ana Ruiz", "We are ready.")}}})
	}
	ctx := context.Background()
	for i := 0; i < len(docs); i += 25 {
		if err := ix.Apply(ctx, docs[i:min(i+25, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	gone := []testDoc{{ID: "d03", Deleted: true}, {ID: "d40", Deleted: true}}
	if err := ix.Apply(ctx, gone); err != nil {
		t.Fatal(err)
	}
	delete(published, "d03")
	delete(published, "d40")

	// Ends: zero, whole days, instants inside days, the articles' own dates.
	ends := []time.Time{{}}
	for d := range 7 {
		ends = append(ends, start.Add(time.Duration(d)*day-day), start.Add(time.Duration(d)*day+7*time.Hour+1))
	}
	for _, id := range []string{"d00", "d05", "d13", "d26", "d51", "d85"} {
		ends = append(ends, published[id])
	}
	// Whole months and years.
	for _, d := range []string{"2022-01-01", "2022-03-01", "2023-01-01", "2023-12-01", "2024-01-01", "2024-03-01", "2025-01-01"} {
		ends = append(ends, date(d))
	}
	for _, from := range ends {
		for _, to := range ends {
			// A range's end is its day's last instant when it is a day
			// (ParseDate's way), else the instant itself.
			for _, endOfDay := range []bool{false, true} {
				if endOfDay {
					if to.IsZero() || !to.Equal(dayOf(to)) {
						continue
					}
					to = to.Add(day - 1)
				}
				if (from.IsZero() && to.IsZero()) || (!to.IsZero() && from.After(to)) {
					continue
				}
				want := []string{}
				wantQuotes := []string{}
				for id, p := range published {
					if (from.IsZero() || !p.Before(from)) && (to.IsZero() || !p.After(to)) {
						want = append(want, id)
						wantQuotes = append(wantQuotes, QuoteID(id, 0))
					}
				}
				for _, quotes := range []bool{false, true} {
					w := want
					if quotes {
						w = wantQuotes
					}
					got := []string{}
					var total uint64
					for page := 1; page == 1 || len(got) < int(total); page++ {
						r, err := ix.Search(ctx, Query{From: from, To: to, Quotes: quotes, Size: MaxSize, Page: page})
						if err != nil {
							t.Fatalf("%v..%v: %v", from, to, err)
						}
						if len(r.Hits) == 0 {
							break
						}
						got, total = append(got, hitIDs(r)...), r.Total
					}
					if diff := cmp.Diff(sorted(w), sorted(got)); diff != "" || int(total) != len(w) {
						t.Errorf("%v..%v (quotes %v): total %d (-want +got):\n%s", from, to, quotes, total, diff)
					}
				}
			}
		}
	}

	// A query string's range on the published date.
	from := published["d05"]
	r, err := ix.Search(ctx, Query{Text: fmt.Sprintf(`+published:>="%s" +harbour`, from.Format(time.RFC3339Nano)), Size: MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range published {
		if !p.Before(from) {
			n++
		}
	}
	if int(r.Total) != n {
		t.Errorf("published:>=%s: %d articles, want %d", from.Format(time.RFC3339Nano), r.Total, n)
	}
}

// TestPublishedKeyOrder checks that date keys sort as their dates do,
// whole seconds (no fraction) and fractions with trailing zeros among them,
// and that a whole second's key is 14 bytes.
func TestPublishedKeyOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	base := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	var times []time.Time
	for _, ns := range []int64{0, 1, 10, 100_000_000, 120_000_000, 500_000_000, 999_999_999, 1_000_000_000, 1_000_000_001} {
		times = append(times, base.Add(time.Duration(ns)))
	}
	for range 500 {
		ns := rng.Int64N(int64(3 * time.Second))
		if rng.IntN(2) == 0 {
			ns -= ns % int64(time.Millisecond) // trailing zeros
		}
		times = append(times, base.Add(time.Duration(ns)))
	}
	for _, a := range times {
		for _, b := range times {
			ka, kb := a.Format(publishedKeyLayout), b.Format(publishedKeyLayout)
			if a.Compare(b) != strings.Compare(ka, kb) {
				t.Fatalf("%v vs %v: keys %q, %q sort otherwise", a, b, ka, kb)
			}
		}
	}
	if k := base.Format(publishedKeyLayout); k != "20240301120000" {
		t.Errorf("a whole second's key is %q", k)
	}
}
