package web_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/web"
)

// exportSources: every synthetic article has one of these, so a source
// filter selects a tenth of the archive.
const exportSources = 10

// benchArchive is an archive of n small synthetic articles in a temporary
// directory, built once per run (it takes a while).
var benchArchive struct {
	once sync.Once
	a    *index.Archive
	err  error
}

func exportArchive(b *testing.B, n int) *index.Archive {
	benchArchive.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "cuttings-export-bench-")
		if err != nil {
			benchArchive.err = err
			return
		}
		// Left for the OS to clean: benchmarks of several sizes share it.
		st, err := store.Open(ctx, dir)
		if err != nil {
			benchArchive.err = err
			return
		}
		start := time.Now()
		batch := make([]store.Article, 0, 1000)
		for i := range n {
			batch = append(batch, store.Article{
				ID:        "art-" + strconv.Itoa(i),
				Title:     fmt.Sprintf("Harbour report number %d", i),
				Source:    fmt.Sprintf("Source %d", i%exportSources),
				Published: time.Date(2000, 1, 1, 12, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
				Body:      fmt.Sprintf("The harbour master said on day %d that the ferries were running.", i),
			})
			if len(batch) == cap(batch) || i == n-1 {
				if _, err := st.PutBatch(ctx, batch); err != nil {
					benchArchive.err = err
					return
				}
				batch = batch[:0]
			}
		}
		// Built the way 'cuttings reindex' builds, which waits for the
		// index's background merging to end: the export is measured on an
		// archive at rest, not beside a merger's memory.
		if err := index.Reindex(ctx, dir, st, nil); err != nil {
			benchArchive.err = err
			return
		}
		a, err := index.OpenArchive(ctx, dir, st)
		if err != nil {
			benchArchive.err = err
			return
		}
		if _, err := a.Sync(ctx); err != nil {
			benchArchive.err = err
			return
		}
		fmt.Fprintf(os.Stderr, "export benchmark: %d articles stored and indexed in %s\n", n, time.Since(start).Round(time.Second))
		benchArchive.a = a
	})
	if benchArchive.err != nil {
		b.Fatal(benchArchive.err)
	}
	return benchArchive.a
}

// peakHeap runs f and returns, above what was in use before it started,
// the most heap in use seen (runtime.ReadMemStats every 5ms: live data and
// garbage not yet collected), and the most live heap seen (read just after
// a collection forced every 100ms: what f keeps).
func peakHeap(f func()) (inuse, live uint64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	baseInuse, baseLive := m.HeapInuse, m.HeapAlloc
	done := make(chan struct{})
	sampled := make(chan [2]uint64)
	go func() {
		var most [2]uint64
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for i := 0; ; i++ {
			var m runtime.MemStats
			if i%20 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&m)
				most[1] = max(most[1], m.HeapAlloc)
			} else {
				runtime.ReadMemStats(&m)
			}
			most[0] = max(most[0], m.HeapInuse)
			select {
			case <-done:
				sampled <- most
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	most := <-sampled
	above := func(v, base uint64) uint64 {
		if v < base {
			return 0
		}
		return v - base
	}
	return above(most[0], baseInuse), above(most[1], baseLive)
}

// countingWriter counts what an export writes.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(b []byte) (int, error) { w.n += int64(len(b)); return len(b), nil }

// BenchmarkExport streams the CSV and JSON Lines exports of an archive of
// CUTTINGS_EXPORT_ARTICLES synthetic articles (100,000 unless set): all of
// them, and a tenth (one source). Flat memory shows as a peak heap that does
// not grow with the hits exported. The time includes the forced collections
// of the live-heap sampling. Run:
//
//	go test ./web -run '^$' -bench BenchmarkExport -benchtime 3x
func BenchmarkExport(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 100,000-article index; skipped in -short mode")
	}
	n := 100_000
	if s := os.Getenv("CUTTINGS_EXPORT_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	a := exportArchive(b, n)
	ctx := context.Background()
	for _, format := range []string{web.FormatCSV, web.FormatJSONL} {
		for _, c := range []struct {
			name string
			q    index.Query
			hits int
		}{
			{"tenth", index.Query{Filters: map[string][]string{index.FacetSource: {"Source 3"}}, Sort: index.SortNewest}, n / exportSources},
			{"all", index.Query{Sort: index.SortNewest}, n},
			{"all-by-relevance", index.Query{Text: "harbour"}, n},
		} {
			b.Run(fmt.Sprintf("%s/%s/%d", format, c.name, c.hits), func(b *testing.B) {
				var inuse, live uint64
				var written int64
				b.ReportAllocs()
				for b.Loop() {
					w := &countingWriter{}
					var err error
					in, li := peakHeap(func() { err = web.WriteExport(ctx, w, a, c.q, format, nil) })
					if err != nil {
						b.Fatal(err)
					}
					inuse, live = max(inuse, in), max(live, li)
					written = w.n
				}
				b.ReportMetric(float64(inuse)/(1<<20), "peak-heap-inuse-MiB")
				b.ReportMetric(float64(live)/(1<<20), "peak-live-heap-MiB")
				b.ReportMetric(float64(written)/(1<<20), "MiB-written")
				b.ReportMetric(float64(c.hits), "hits")
			})
		}
	}
}
