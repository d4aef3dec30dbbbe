package index

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCostlyQuery(t *testing.T) {
	many := strings.TrimSpace(strings.Repeat("harbour ", costlyTerms+1))
	tests := []struct {
		q    Query
		want bool
	}{
		{Query{}, false},
		{Query{Text: "oil prices"}, false},
		{Query{Text: `"prime minister" budget`}, false},
		{Query{Text: `"a b" "c d" "e f"`}, true},
		{Query{Text: many}, true},
		{Query{Text: "minist*"}, true},
		{Query{Text: "/min.*/"}, true},
		{Query{Text: "zelenksy~1"}, true},
		{Query{Text: "oil", Page: 11, Size: 100}, true},
		{Query{Text: "oil", Page: 50}, false}, // 1,000 hits: the window's edge
		{Query{Filters: map[string][]string{"person": make([]string, costlyFilters+1)}}, true},
	}
	for _, tt := range tests {
		if got := costlyQuery(tt.q); got != tt.want {
			t.Errorf("costlyQuery(%+v) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// Costly searches run one at a time, beside the ordinary ones and not
// counted among them; a few more wait their turn and the rest are refused
// at once with ErrBusy.
func TestCostlyLane(t *testing.T) {
	ctx := context.Background()
	ad := newAdmission(2)
	costly := Query{Text: "minist*"}
	leave, _, err := ad.enter(ctx, costly, false)
	if err != nil {
		t.Fatal(err)
	}
	// Ordinary searches still have every processor.
	for range ad.procs {
		l, _, err := ad.enter(ctx, Query{Text: "oil"}, false)
		if err != nil {
			t.Fatal(err)
		}
		defer l()
	}
	// A second costly search waits for the first.
	short, cancel := context.WithTimeout(ctx, 30*time.Millisecond)
	defer cancel()
	if _, _, err := ad.enter(short, costly, false); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("second costly search = %v; want it to wait until its deadline", err)
	}
	// Up to maxCostlyWaiting wait; the next is refused without waiting.
	waitCtx, stopWaiting := context.WithCancel(ctx)
	waited := make(chan error, maxCostlyWaiting)
	for range maxCostlyWaiting {
		go func() {
			_, _, err := ad.enter(waitCtx, costly, false)
			waited <- err
		}()
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		ad.mu.Lock()
		n := ad.costlyWaiting
		ad.mu.Unlock()
		if n == maxCostlyWaiting {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d costly searches waiting, want %d", n, maxCostlyWaiting)
		}
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	if _, _, err := ad.enter(ctx, costly, false); !errors.Is(err, ErrBusy) {
		t.Errorf("one costly search too many = %v; want ErrBusy", err)
	}
	if took := time.Since(start); took > 10*time.Millisecond {
		t.Errorf("refusing took %v; want at once", took)
	}
	stopWaiting()
	for range maxCostlyWaiting {
		if err := <-waited; !errors.Is(err, context.Canceled) {
			t.Errorf("waiting costly search = %v; want it cancelled", err)
		}
	}
	leave()
	if l, _, err := ad.enter(ctx, costly, false); err != nil {
		t.Errorf("costly search after the first ended: %v", err)
	} else {
		l()
	}
}

// A running costly search gives way at its checkpoints while ordinary
// searches want every processor: until one ends, or giveWayFor at most.
func TestCostlyGivesWay(t *testing.T) {
	ctx := context.Background()
	ad := newAdmission(1)
	_, giveWay, err := ad.enter(ctx, Query{Text: "minist*"}, false)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := giveWay(ctx); err != nil || time.Since(start) > 10*time.Millisecond {
		t.Errorf("giveWay with no ordinary search: %v after %v; want nil at once", err, time.Since(start))
	}
	leave, _, err := ad.enter(ctx, Query{Text: "oil"}, false)
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	if err := giveWay(ctx); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < giveWayFor*9/10 || took > 10*giveWayFor {
		t.Errorf("giveWay while the processor is wanted took %v; want about %v", took, giveWayFor)
	}
	go func() {
		time.Sleep(5 * time.Millisecond)
		leave()
	}()
	start = time.Now()
	if err := giveWay(ctx); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > giveWayFor*9/10 {
		t.Errorf("giveWay went on %v after the ordinary search ended", took)
	}
}

// While the archive waits to swap its index, a running costly search is
// told to stop at its next checkpoint, with ErrBusy.
func TestCostlyDrained(t *testing.T) {
	ctx := context.Background()
	ad := newAdmission(2)
	leave, giveWay, err := ad.enter(ctx, Query{Text: "minist*"}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer leave()
	done := ad.drain()
	if err := giveWay(ctx); !errors.Is(err, ErrBusy) {
		t.Errorf("giveWay while draining = %v; want ErrBusy", err)
	}
	done()
	if err := giveWay(ctx); err != nil {
		t.Errorf("giveWay after draining = %v; want nil", err)
	}
}
