package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cuttings/cuttings/store"
)

// harbourDocs are n articles of about a kilobyte each, every one holding
// the phrase "harbour master", so that a search for the phrase reads every
// body to check it.
func harbourDocs(n int) []testDoc {
	out := make([]testDoc, n)
	filler := strings.Repeat("Trawlers unloaded mackerel and herring at the north quay before dawn. ", 14)
	for i := range out {
		id := fmt.Sprintf("harbour-%04d", i)
		out[i] = testDoc{ID: id, Article: store.Article{
			ID:        id,
			Title:     fmt.Sprintf("Quay notes %d", i),
			Source:    "Northern Courier",
			Published: time.Date(2021, time.Month(1+i%12), 1+i%28, 9, 0, 0, 0, time.UTC),
			Body:      fmt.Sprintf("The harbour master said on day %d that the gates would stay open. %s", i, filler),
		}}
	}
	return out
}

type meterCase struct {
	name      string
	q         Query
	chunk     int   // an export's chunk of this many hits rather than a search
	limit     int64 // bytes; 0 for the default
	searchers int   // term searchers; 0 for the default
	want      string
	what      string // in the message
}

// A search's meter stops it once what it allocates goes over the meter's
// limit, wherever that happens: while it reads bodies to check a phrase
// (half-way through, with the limit between two pages of bodies), when
// Bleve has built its searchers, for the hits a deep page keeps, or when
// Bleve opens more term searchers than allowed. The search ends within
// 100 ms of the crossing with an *OverBudgetError naming the limit; an
// export's chunk is charged for its hits.
func TestMeterStopsSearch(t *testing.T) {
	ix := newTestIndex(t, harbourDocs(2*phraseCheckPage))
	var words []string
	for i := range 150 {
		words = append(words, fmt.Sprint(i)) // each article names its day
	}
	tests := []meterCase{
		// A page of 500 bodies is about 600 KB: the second page crosses.
		{"phrase checked against bodies", Query{Text: `"harbour master"`}, 0, 900 << 10, 0, LimitMemory, "bodies"},
		{"searchers built for 150 words", Query{Text: strings.Join(words, " ")}, 0, 48 << 10, 0, LimitMemory, "searchers"},
		{"a deep window", Query{Text: "harbour", Page: 500, Size: 100}, 0, 1 << 20, 0, LimitMemory, "window of 50000 hits"},
		{"term searchers", Query{Text: "harbour master gates quay dawn trawlers mackerel herring"}, 0, 0, 5, LimitSearchers, "term searchers"},
		{"an export's chunk", Query{Text: "harbour"}, 10000, 1 << 20, 0, LimitMemory, "window of 10000 hits"},
	}
	run := func(ctx context.Context, tt meterCase) error {
		if tt.chunk > 0 {
			_, _, err := ix.Chunk(ctx, tt.q, nil, tt.chunk)
			return err
		}
		_, err := ix.Search(ctx, tt.q)
		return err
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.searchers > 0 {
				maxTermSearchers = tt.searchers
				defer func() { maxTermSearchers = MaxTermSearchers }()
			}
			ctx, m, done := WithMeter(context.Background(), tt.limit, nil)
			defer done()
			err := run(ctx, tt)
			returned := time.Now()
			var over *OverBudgetError
			if !errors.As(err, &over) || !errors.Is(err, ErrOverBudget) {
				t.Fatalf("search = %v; want an *OverBudgetError", err)
			}
			if over.Limit != tt.want || !strings.Contains(err.Error(), "the limit is") || !strings.Contains(err.Error(), tt.what) {
				t.Errorf("error %q (limit %q); want limit %q, naming %q", err, over.Limit, tt.want, tt.what)
			}
			stopped, at := m.StoppedBy()
			if stopped == nil || at.IsZero() {
				t.Fatal("the meter did not report the crossing")
			}
			if took := returned.Sub(at); took > 100*time.Millisecond {
				t.Errorf("search returned %v after crossing its limit; want within 100ms", took)
			}
		})
	}
	// The default limit lets the memory cases through, as does no meter.
	for _, tt := range tests {
		if tt.want != LimitMemory {
			continue
		}
		ctx, _, done := WithMeter(context.Background(), 0, nil)
		if err := run(ctx, tt); err != nil {
			t.Errorf("%s with the default limit: %v", tt.name, err)
		}
		done()
		if err := run(context.Background(), tt); err != nil {
			t.Errorf("%s with no meter: %v", tt.name, err)
		}
	}
}

// A search given way at its checkpoints runs to its end when giveWay lets
// it go on, and stops with giveWay's error when that tells it to stop.
func TestMeterGiveWay(t *testing.T) {
	ix := newTestIndex(t, harbourDocs(2*phraseCheckPage))
	q := Query{Text: `"harbour master" harb*`}
	var calls atomic.Int64
	ctx, _, done := WithMeter(context.Background(), 0, func(context.Context) error {
		calls.Add(1)
		return nil
	})
	r, err := ix.Search(ctx, q)
	done()
	if err != nil || r.Total != 2*phraseCheckPage {
		t.Fatalf("search giving way = %v, %v; want %d hits", r, err, 2*phraseCheckPage)
	}
	if calls.Load() == 0 {
		t.Error("the search passed no checkpoint")
	}
	stop := errors.New("stop: the index is being swapped")
	ctx, m, done := WithMeter(context.Background(), 0, func(context.Context) error { return stop })
	defer done()
	if _, err := ix.Search(ctx, q); !errors.Is(err, stop) {
		t.Errorf("search told to stop = %v; want %v", err, stop)
	}
	if over, _ := m.StoppedBy(); over != nil {
		t.Errorf("a search told to stop is reported over %s", over.Limit)
	}
}
