package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// Names inside a data directory.
const (
	liveFile    = "INDEX"  // names the live index directory
	indexPrefix = "index-" // index directories are index-<unix nanos>
	lockFile    = "serve.lock"
	addrFile    = "serve.addr"
)

// followInterval is how often Follow looks for new changes and a new index.
const followInterval = 500 * time.Millisecond

// changesPage is how many changes are read, extracted and written as one
// Bleve batch.
const changesPage = 256

// Archive is the live index of a data directory, following the store. It is
// safe for concurrent use: searches run while it syncs, and while it swaps
// in an index that a reindex built.
type Archive struct {
	dataDir string
	st      *store.Store

	// mu is held for reading by every search and for writing only while
	// the live index is swapped, so no search ever sees a closed index.
	mu       sync.RWMutex
	live     *Index
	liveName string

	// admit holds a token per search running. A search is work for
	// the processor only: with more searches than processors, those
	// running share them and all finish late, each slowed by all the
	// others; waiting in order, each runs at full speed once it starts,
	// and a short search is not held up behind every long one at once.
	// Costly searches have a lane of their own (admit.go).
	admit *admission

	// searchMemory is what one search may allocate (limits.go); 0 is
	// MaxSearchMemory.
	searchMemory atomic.Int64
	// meterStopped, when set (by tests), is told of each search a meter
	// stopped, with the limit and when it was crossed.
	meterStopped func(over *OverBudgetError, crossed time.Time)

	// health is what is wrong with the live index, if anything, and what
	// finds it out (recover.go).
	health health

	// readOnly archives are searched only (readonly.go).
	readOnly bool

	// writeMu lets one Sync or swap run at a time.
	writeMu sync.Mutex
	closed  bool
}

// OpenArchive opens the live index of dataDir, creating the first one when
// there is none. It does not sync: call Sync or Follow.
func OpenArchive(ctx context.Context, dataDir string, st *store.Store) (*Archive, error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("open archive: %w", err)
	}
	name, err := readLive(dataDir)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", dataDir, err)
	}
	var ix *Index
	if name != "" {
		dir := filepath.Join(dataDir, name)
		if _, statErr := os.Stat(dir); errors.Is(statErr, os.ErrNotExist) {
			slog.Warn("live index is missing; starting a new one", "dir", dir)
			name = ""
		} else if ix, err = Open(dir); err != nil {
			// Bleve opens the last snapshot whose segments it can
			// read (with the seq that snapshot was written with, so
			// the store fills in what it lacks); when there is none,
			// it fails.
			bad := damagedSegment(dir)
			if bad == "" {
				return nil, fmt.Errorf("open archive %s: %w", dataDir, err)
			}
			// The store has everything the index had.
			slog.Error("live index is damaged; starting a new one, to be filled from the store", "dir", dir, "file", bad, "err", err)
			if err := os.RemoveAll(dir); err != nil {
				return nil, fmt.Errorf("open archive %s: remove damaged index: %w", dataDir, err)
			}
			name = ""
		}
	}
	if name == "" {
		name = newIndexName()
		if ix, err = Create(filepath.Join(dataDir, name)); err != nil {
			return nil, fmt.Errorf("open archive %s: %w", dataDir, err)
		}
		if err := writeLive(dataDir, name); err != nil {
			ix.Close()
			return nil, fmt.Errorf("open archive %s: %w", dataDir, err)
		}
	}
	if why := ix.Stale(); why != "" {
		slog.Warn("index needs a reindex", "dir", ix.Dir(), "why", why)
	}
	a := &Archive{dataDir: dataDir, st: st, live: ix, liveName: name,
		admit: newAdmission(runtime.GOMAXPROCS(0))}
	a.serve(ix)
	return a, nil
}

// Search answers q from the live index. Ordinary searches run at most one
// per processor at once, more wait their turn, in order; costly ones run
// one at a time beside them (admit.go). Each runs under the engine's meter
// of what it allocates (limits.go).
func (a *Archive) Search(ctx context.Context, q Query) (*Result, error) {
	leave, giveWay, err := a.admit.enter(ctx, q, false)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer leave()
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.live == nil {
		return nil, errors.New("search: archive is closed")
	}
	if err := a.searchable(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	ctx, m, done := a.meter(ctx, giveWay)
	defer done()
	res, err := a.live.Search(ctx, q)
	if err != nil {
		a.stopped(m)
		a.noteSearchError(err)
		return nil, err
	}
	return res, nil
}

// Sync indexes every store change after the live index's seq and returns
// how many it indexed.
func (a *Archive) Sync(ctx context.Context) (int, error) {
	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	if a.closed {
		return 0, errors.New("sync: archive is closed")
	}
	if a.readOnly {
		return 0, fmt.Errorf("sync: %w", ErrReadOnly)
	}
	if err := a.writable(); err != nil {
		return 0, fmt.Errorf("sync: %w", err)
	}
	n, err := catchUp(ctx, a.st, a.live, nil)
	if a.noteWriteError(err) {
		// Not to be read again, from now: Bleve may panic on it.
		a.retireLocked()
	}
	return n, err
}

// Follow syncs every half second, and swaps in a new index when a reindex
// has renamed INDEX, until ctx is done. Errors are logged, not returned: the
// next round tries again.
func (a *Archive) Follow(ctx context.Context) error {
	t := time.NewTicker(followInterval)
	defer t.Stop()
	var lastErr string
	for {
		err := a.swapIfRenamed(ctx)
		if err == nil {
			a.tend(ctx)
			_, err = a.Sync(ctx)
		}
		if err != nil && ctx.Err() == nil && err.Error() != lastErr {
			slog.Error("follow store", "err", err)
		}
		lastErr = ""
		if err != nil {
			lastErr = err.Error()
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// swapIfRenamed opens the index INDEX names if it is not the live one,
// catches it up with the store, makes it live, and then closes and removes
// the old one.
func (a *Archive) swapIfRenamed(ctx context.Context) error {
	name, err := readLive(a.dataDir)
	if err != nil {
		return err
	}
	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	if a.closed || name == "" || name == a.liveName {
		return nil
	}
	// On failure the old index stays live and the next round tries again;
	// Follow logs the error once.
	ix, err := Open(filepath.Join(a.dataDir, name))
	if err != nil {
		return fmt.Errorf("swap to %s: %w", name, err)
	}
	if _, err := catchUp(ctx, a.st, ix, nil); err != nil {
		ix.Close()
		return fmt.Errorf("swap to %s: %w", name, err)
	}
	a.serve(ix)
	undrain := a.admit.drain()
	a.mu.Lock()
	undrain()
	old := a.live
	a.live, a.liveName = ix, name
	a.health.mu.Lock()
	retired := a.health.retired
	a.health.retired = false
	a.health.mu.Unlock()
	a.mu.Unlock()
	slog.Info("swapped in a new index", "dir", ix.Dir(), "seq", ix.LastSeq())
	if why := ix.Stale(); why != "" {
		slog.Warn("index needs a reindex", "dir", ix.Dir(), "why", why)
	}
	unwatchAsync(old.Dir())
	if retired {
		// Closed already (recover.go).
	} else if err := old.Close(); err != nil {
		slog.Error("close old index", "err", err)
	}
	if err := os.RemoveAll(old.Dir()); err != nil {
		return fmt.Errorf("remove old index: %w", err)
	}
	return nil
}

// LastSeq returns the store seq the live index has indexed up to.
func (a *Archive) LastSeq() int64 {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.live == nil {
		return 0
	}
	return a.live.LastSeq()
}

// Warmed reports whether the live index has once been read through in the
// background (Index.Warmed): until then a search may take seconds.
func (a *Archive) Warmed() bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.live != nil && a.live.Warmed()
}

// IndexedSeq is LastSeq, under the name the web package's status uses.
func (a *Archive) IndexedSeq() int64 { return a.LastSeq() }

// Stale says why the live index should be rebuilt, or "" if it need not be.
func (a *Archive) Stale() string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.live == nil {
		return ""
	}
	return a.live.Stale()
}

// LiveName returns the name of the live index directory inside the data
// directory.
func (a *Archive) LiveName() string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.liveName
}

// Close closes the live index; the store stays open.
func (a *Archive) Close() error {
	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return nil
	}
	a.closed = true
	ix := a.live
	a.live = nil
	unwatchAsync(ix.Dir())
	a.health.mu.Lock()
	retired := a.health.retired
	a.health.mu.Unlock()
	if retired {
		return nil // closed already (recover.go)
	}
	return ix.Close()
}

// serve readies an index to be the live one: bodies for snippets and
// phrases, facet tables kept warm, its failures reported to the archive.
func (a *Archive) serve(ix *Index) {
	ix.useBodies(a.st.Bodies)
	ix.readFailed = a.noteSearchError
	watchAsync(ix.Dir(), a.asyncFault)
	ix.KeepWarm()
}

// catchUp applies every store change after ix's seq, reading, extracting and
// writing page by page; extraction of the next page overlaps the writing of
// this one, and two pages are written at once (pageWriter). progress, if
// set, is told how many articles each page indexed.
func catchUp(ctx context.Context, st *store.Store, ix *Index, progress func(n int)) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type page struct {
		docs []Doc
		err  error
	}
	pages := make(chan page, 2)
	go func() {
		defer close(pages)
		send := func(p page) bool {
			select {
			case pages <- p:
				return true
			case <-ctx.Done():
				return false
			}
		}
		after := ix.LastSeq()
		for {
			changes, err := st.Changes(ctx, after, changesPage)
			if err != nil {
				send(page{err: fmt.Errorf("read changes after %d: %w", after, err)})
				return
			}
			docs := enrich(changes)
			ix.names.resolve(docs, ix.personTerms)
			if len(changes) == 0 || !send(page{docs: docs}) {
				return
			}
			after = changes[len(changes)-1].Seq
		}
	}()
	w := newPageWriter(ix.apply, ix.recordSeq, ix.advance, ix.LastSeq())
	w.progress = progress
	for p := range pages {
		if p.err != nil {
			if err := w.finish(); err != nil {
				return w.n, &writeError{err}
			}
			return w.n, p.err
		}
		if err := w.write(ctx, p.docs); err != nil {
			w.finish()
			return w.n, &writeError{err}
		}
	}
	if err := w.finish(); err != nil {
		return w.n, &writeError{err}
	}
	return w.n, ctx.Err()
}

// pageWriter writes pages of changes in order, two at a time. Bleve builds
// a batch's segment on the goroutine that writes it, so writing one page at
// a time left a core idle about a quarter of a reindex (BENCHMARKS.md).
// Two rules keep the index right while two are in flight:
//   - a page that changes an article the page before it also changes waits
//     for that one, so that the later change is the one kept;
//   - the seq a page records (Apply's) is only as far as every page before
//     it has been written, so that an index that stops (a crash) between
//     the two never claims a change it does not hold: it writes that page
//     again when it catches up.
//
// finish records the last page's seq once both are written.
type pageWriter struct {
	apply    func(ctx context.Context, docs []Doc, seq int64) error // Index.apply
	record   func(seq int64) error                                  // Index.recordSeq
	advance  func(seq int64)                                        // Index.advance
	progress func(n int)
	n        int // changes written

	written  int64     // every change up to this seq is in the index
	recorded int64     // the seq the last page started recorded
	prev     *inflight // the page being written, if any
	failed   bool      // a page failed: the seq stays where it was
}

// newPageWriter returns a pageWriter over an index that holds every change
// up to seq.
func newPageWriter(apply func(ctx context.Context, docs []Doc, seq int64) error, record func(seq int64) error, advance func(seq int64), seq int64) *pageWriter {
	return &pageWriter{apply: apply, record: record, advance: advance, written: seq, recorded: seq}
}

type inflight struct {
	docs []Doc
	ids  map[string]bool
	top  int64 // its highest seq
	done chan error
}

// write starts writing docs beside the page in flight (after it, if they
// share an article) and returns once that page is written: at most two are
// ever in flight.
func (w *pageWriter) write(ctx context.Context, docs []Doc) error {
	if len(docs) == 0 {
		return nil
	}
	cur := &inflight{docs: docs, ids: make(map[string]bool, len(docs)), done: make(chan error, 1)}
	shared := false
	for _, d := range docs {
		cur.ids[d.ID] = true
		cur.top = max(cur.top, d.Seq)
		if w.prev != nil && w.prev.ids[d.ID] {
			shared = true
		}
	}
	if shared {
		if err := w.wait(); err != nil {
			return err
		}
	}
	record := cur.top
	if w.prev != nil {
		record = w.written
	}
	w.recorded = record
	go func() { cur.done <- w.apply(ctx, docs, record) }()
	err := w.wait()
	w.prev = cur
	return err
}

// wait waits for the page in flight, if any.
func (w *pageWriter) wait() error {
	p := w.prev
	if p == nil {
		return nil
	}
	w.prev = nil
	err := <-p.done
	if err != nil || w.failed {
		// Nothing after a page that failed counts as written: the page
		// was not.
		w.failed = true
		return err
	}
	// The pages before it were written before it was waited for.
	w.written = max(w.written, p.top)
	w.advance(p.top)
	w.n += len(p.docs)
	if w.progress != nil {
		live := 0
		for _, d := range p.docs {
			if !d.Deleted {
				live++
			}
		}
		w.progress(live)
	}
	return nil
}

// finish waits for the page in flight and records the seq of the last page
// written if that page could not (it was started beside another).
func (w *pageWriter) finish() error {
	if err := w.wait(); err != nil {
		return err
	}
	if !w.failed && w.recorded < w.written {
		w.recorded = w.written
		return w.record(w.written)
	}
	return nil
}

// enrich runs the extractor over changes on GOMAXPROCS workers, keeping
// their order.
func enrich(changes []store.Change) []Doc {
	docs := make([]Doc, len(changes))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(changes)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(changes) {
					return
				}
				c := changes[i]
				docs[i] = Doc{Seq: c.Seq, ID: c.ID, Deleted: c.Deleted}
				if !c.Deleted {
					docs[i].Article = c.Article
					docs[i].Enrichment = safeExtract(c.ID, c.Article)
				}
			}
		})
	}
	wg.Wait()
	return docs
}

// safeExtract keeps one article that trips the extractor from stopping the
// index: it is indexed with its text alone, and logged.
func safeExtract(id string, a store.Article) (e extract.Enrichment) {
	defer func() {
		if r := recover(); r != nil {
			slog.Error("extractor panicked; indexing the article without enrichment", "id", id, "panic", r)
			e = extract.Enrichment{ID: id}
		}
	}()
	return extract.Extract(a)
}

// newIndexName names a new index directory by the time it was started.
func newIndexName() string {
	return indexPrefix + strconv.FormatInt(time.Now().UnixNano(), 10)
}

// LiveName returns the name of the live index directory of dataDir, ""
// if it has none yet.
func LiveName(dataDir string) (string, error) { return readLive(dataDir) }

// readLive returns the index directory name INDEX holds, "" if there is no
// INDEX yet.
func readLive(dataDir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, liveFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", liveFile, err)
	}
	name := strings.TrimSpace(string(b))
	if !strings.HasPrefix(name, indexPrefix) || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf("read %s: %q is not an index directory name", liveFile, name)
	}
	return name, nil
}

// writeLive points INDEX at name, atomically: readers see the old name or
// the new one, never a torn file.
func writeLive(dataDir, name string) error {
	return writeFileAtomic(filepath.Join(dataDir, liveFile), []byte(name+"\n"))
}

// writeFileAtomic writes a temporary file, syncs it and renames it over path.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename itself durable; best effort
		d.Close()
	}
	return nil
}
