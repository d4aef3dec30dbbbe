package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cuttings/cuttings/store"
)

// harbourArticles are n articles of about a kilobyte each, every one
// holding the phrase "harbour master", so that a search for the phrase
// reads every body to check it.
func harbourArticles(n int) []store.Article {
	out := make([]store.Article, n)
	filler := strings.Repeat("Trawlers unloaded mackerel and herring at the north quay before dawn. ", 14)
	for i := range out {
		out[i] = store.Article{
			ID:        fmt.Sprintf("harbour-%04d", i),
			Title:     fmt.Sprintf("Quay notes %d", i),
			Source:    "Northern Courier",
			Published: time.Date(2021, time.Month(1+i%12), 1+i%28, 9, 0, 0, 0, time.UTC),
			Body:      fmt.Sprintf("The harbour master said on day %d that the gates would stay open. %s", i, filler),
		}
	}
	return out
}

// A search of the archive runs under the engine's meter with the archive's
// limit (SetSearchMemory), which stops it once what it allocates goes over,
// wherever that happens: while it reads bodies to check a phrase (half-way
// through, with the limit between two pages of bodies), when Bleve has
// built its searchers, or for the hits a deep page keeps. The search ends
// within 100 ms of the crossing with an *OverBudgetError naming the limit,
// and the archive is told of it. (The engine's own test, in
// index/engine/meter_test.go, covers the term searchers' limit too.)
func TestSearchMemoryBound(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	a := openTestArchive(t, dir, st)
	defer a.Close()
	putArticles(t, st, harbourArticles(1000)) // two of the phrase check's pages of 500 bodies
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var crossed time.Time
	a.meterStopped = func(_ *OverBudgetError, at time.Time) {
		mu.Lock()
		crossed = at
		mu.Unlock()
	}
	var words []string
	for i := range 150 {
		words = append(words, fmt.Sprint(i)) // each article names its day
	}
	tests := []struct {
		name  string
		q     Query
		limit int64 // bytes; 0 for the default
		want  string
		what  string // in the message
	}{
		// A page of 500 bodies is about 600 KB: the second page crosses.
		{"phrase checked against bodies", Query{Text: `"harbour master"`}, 900 << 10, LimitMemory, "bodies"},
		{"searchers built for 150 words", Query{Text: strings.Join(words, " ")}, 48 << 10, LimitMemory, "searchers"},
		{"a deep window", Query{Text: "harbour", Page: 500, Size: 100}, 1 << 20, LimitMemory, "window of 50000 hits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.SetSearchMemory(tt.limit)
			defer a.SetSearchMemory(0)
			mu.Lock()
			crossed = time.Time{}
			mu.Unlock()
			_, err := a.Search(ctx, tt.q)
			returned := time.Now()
			var over *OverBudgetError
			if !errors.As(err, &over) || !errors.Is(err, ErrOverBudget) {
				t.Fatalf("search = %v; want an *OverBudgetError", err)
			}
			if over.Limit != tt.want || !strings.Contains(err.Error(), "the limit is") || !strings.Contains(err.Error(), tt.what) {
				t.Errorf("error %q (limit %q); want limit %q, naming %q", err, over.Limit, tt.want, tt.what)
			}
			mu.Lock()
			at := crossed
			mu.Unlock()
			if at.IsZero() {
				t.Fatal("the meter did not report the crossing")
			}
			if took := returned.Sub(at); took > 100*time.Millisecond {
				t.Errorf("search returned %v after crossing its limit; want within 100ms", took)
			}
		})
	}
	// The default limit lets all of them through.
	for _, tt := range tests {
		if _, err := a.Search(ctx, tt.q); err != nil {
			t.Errorf("%s with the default limit: %v", tt.name, err)
		}
	}
}
