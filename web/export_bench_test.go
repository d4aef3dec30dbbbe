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

// peakHeap samples the heap in use while f runs and returns the most seen
// above what was in use before f started.
func peakHeap(f func()) (peak uint64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapInuse
	done := make(chan struct{})
	sampled := make(chan uint64)
	go func() {
		var most uint64
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			most = max(most, m.HeapInuse)
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
	if most < base {
		return 0
	}
	return most - base
}

// countingWriter counts what an export writes.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(b []byte) (int, error) { w.n += int64(len(b)); return len(b), nil }

// BenchmarkExport streams the CSV and JSON Lines exports of an archive of
// CUTTINGS_EXPORT_ARTICLES synthetic articles (100,000 unless set): all of
// them, and a tenth (one source). Flat memory shows as a peak heap that does
// not grow with the hits exported. Run:
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
				var peak uint64
				var written int64
				b.ReportAllocs()
				for b.Loop() {
					w := &countingWriter{}
					var err error
					p := peakHeap(func() { err = web.WriteExport(ctx, w, a, c.q, format, nil) })
					if err != nil {
						b.Fatal(err)
					}
					peak = max(peak, p)
					written = w.n
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
				b.ReportMetric(float64(written)/(1<<20), "MiB-written")
				b.ReportMetric(float64(c.hits), "hits")
			})
		}
	}
}
