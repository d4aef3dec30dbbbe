package index

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"golang.org/x/sys/unix"
)

// The store is the archive's source of truth; the index is rebuilt from
// it whenever it cannot be trusted. A server notices, while it runs, that
// its index directory was removed, that the disk is too full to write, or
// that a segment file no longer matches its checksum; it says so on
// /healthz and /readyz, answers what it still can, and builds a new index
// from the store (as `cuttings reindex` would) to take the old one's place.
//
// Bleve itself does not survive a failed write: after a batch that could
// not reach disk, the next read of that segment panicked in one of Bleve's
// own goroutines, where no recover can reach (issue 15). So the index is
// not written while the disk is short of space or its directory is gone,
// and an index a write failed on, or whose files are corrupt, is not read
// again: searches get ErrUnavailable until the new one is in.

// ErrUnavailable is returned by a search while the archive has no index it
// can read: the live one was found damaged and is being rebuilt from the
// store.
var ErrUnavailable = errors.New("the index is being rebuilt from the store; try again shortly")

const (
	// MinFreeBytes is the free space the index wants on its disk before
	// it writes a batch: a batch's segment is a few megabytes, and a
	// merge of segments needs room for the merged one.
	MinFreeBytes = 64 << 20
	// VerifyEvery is how often a serving archive checks the checksums of
	// its index's segment files (it also checks soon after it starts, and
	// when a search fails for no reason of the query's).
	VerifyEvery = time.Hour
	// verifySuspectEvery bounds the checks that failing searches ask for.
	verifySuspectEvery = time.Minute
	// rebuildFirstWait and rebuildMaxWait space the tries of a rebuild
	// that fails (the disk still full): doubling from the first to the
	// most.
	rebuildFirstWait = 5 * time.Second
	rebuildMaxWait   = 5 * time.Minute
)

// fault is what is wrong with the live index, in order of gravity: a
// graver fault found later takes the place of a lighter one.
type fault int

const (
	faultNone fault = iota
	// faultDisk: too little free space to write. The index is sound and
	// served; it waits for space and then catches up.
	faultDisk
	// faultLost: the live directory was removed. The index is served
	// from the files it holds open while a new one is built.
	faultLost
	// faultWrite: a write to the index failed; Bleve cannot be trusted
	// to read it again. Not served; rebuilt.
	faultWrite
	// faultCorrupt: a segment file does not match its checksum. Not
	// served; rebuilt.
	faultCorrupt
)

// readable reports whether an index with fault f may still be searched.
func (f fault) readable() bool { return f < faultWrite }

// Health is the state of an archive's index, as /healthz and /readyz
// report it.
type Health struct {
	Problem    string    // what is wrong, in words; "" when nothing is
	Since      time.Time // when it was found
	Searchable bool      // searches are answered meanwhile
	Rebuilding bool      // a new index is being built from the store
}

// health is an archive's side of Health, and of the checks that find the
// problems.
type health struct {
	mu         sync.Mutex
	fault      fault
	problem    string
	since      time.Time
	rebuilding bool
	lastTry    time.Time     // of a rebuild
	wait       time.Duration // before the next try
	verifiedAt time.Time
	suspectAt  time.Time // when a check was last asked for by a failing search
	suspect    bool

	minFree     int64         // 0: MinFreeBytes
	verifyEvery time.Duration // 0: VerifyEvery
	retired     bool          // the live index was closed, not to be read again
}

// Health reports the state of the archive's index.
func (a *Archive) Health() Health {
	h := &a.health
	h.mu.Lock()
	defer h.mu.Unlock()
	return Health{Problem: h.problem, Since: h.since, Searchable: h.fault.readable(), Rebuilding: h.rebuilding}
}

// SetMinFree sets the free bytes the index wants on its disk before it
// writes: MinFreeBytes when n is 0, no check when n < 0 (tests that fill
// a disk to make a write fail).
func (a *Archive) SetMinFree(n int64) {
	a.health.mu.Lock()
	a.health.minFree = n
	a.health.mu.Unlock()
}

// SetVerifyEvery sets how often a following archive checks its segment
// files (VerifyEvery when d <= 0): tests shorten it.
func (a *Archive) SetVerifyEvery(d time.Duration) {
	a.health.mu.Lock()
	a.health.verifyEvery = d
	a.health.mu.Unlock()
}

// setFault records f, unless a graver fault is recorded already.
func (a *Archive) setFault(f fault, format string, args ...any) {
	h := &a.health
	h.mu.Lock()
	defer h.mu.Unlock()
	if f < h.fault || (f == h.fault && h.problem != "") {
		return
	}
	problem := fmt.Sprintf(format, args...)
	slog.Error("index unhealthy", "dir", a.dataDir, "problem", problem)
	// /healthz answers anyone: paths inside the data directory are
	// named from it, and the directory itself is not named.
	problem = strings.ReplaceAll(problem, a.dataDir+string(filepath.Separator), "")
	h.fault, h.problem, h.since = f, strings.ReplaceAll(problem, a.dataDir, "the data directory"), time.Now()
	if h.wait == 0 {
		h.wait = rebuildFirstWait
	}
}

// clearFault forgets the recorded fault if it is f.
func (a *Archive) clearFault(f fault) {
	h := &a.health
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.fault != f {
		return
	}
	slog.Info("index healthy again", "dir", a.dataDir, "was", h.problem)
	h.fault, h.problem, h.since, h.wait, h.lastTry = faultNone, "", time.Time{}, 0, time.Time{}
}

// searchable returns an error wrapping ErrUnavailable while the live
// index may not be read.
func (a *Archive) searchable() error {
	h := &a.health
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.fault.readable() && !h.retired {
		return nil
	}
	return fmt.Errorf("%w (%s)", ErrUnavailable, h.problem)
}

// noteSearchError asks for a check of the segment files when a search
// failed for a reason that is neither the query's nor its request's.
func (a *Archive) noteSearchError(err error) {
	if err == nil || errors.Is(err, ErrBadQuery) || errors.Is(err, ErrBusy) || errors.Is(err, ErrUnavailable) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return
	}
	h := &a.health
	h.mu.Lock()
	h.suspect = true
	h.mu.Unlock()
}

// writeError is a failed write to the index, as catchUp reports it: the
// index a write failed on is not read again.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// writable says whether the live index may be written now, recording
// the fault when it may not: its directory must be there and its disk
// must have room. Called with writeMu held.
func (a *Archive) writable() error {
	h := &a.health
	h.mu.Lock()
	f, problem, minFree := h.fault, h.problem, h.minFree
	h.mu.Unlock()
	if f > faultDisk {
		return fmt.Errorf("index not written: %s", problem)
	}
	dir := a.live.Dir()
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		a.setFault(faultLost, "the live index directory %s was removed", dir)
		return fmt.Errorf("index not written: %s is gone", dir)
	}
	if minFree == 0 {
		minFree = MinFreeBytes
	}
	if free, err := freeBytes(a.dataDir); err == nil && minFree > 0 && free < minFree {
		a.setFault(faultDisk, "the disk holding %s has %s free; the index needs %s to write: free some space", a.dataDir, formatBytes(free), formatBytes(minFree))
		return fmt.Errorf("index not written: %s has %s free", a.dataDir, formatBytes(free))
	}
	a.clearFault(faultDisk)
	return nil
}

// noteWriteError records a failed write to the index, and reports whether
// err was one.
func (a *Archive) noteWriteError(err error) bool {
	var we *writeError
	if !errors.As(err, &we) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	a.setFault(faultWrite, "writing the index failed: %v", oneLine(err))
	return true
}

// freeBytes is the space left to this process on the disk holding dir.
func freeBytes(dir string) (int64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, fmt.Errorf("free space of %s: %w", dir, err)
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}

// tend runs before each round of Follow's: it checks the segment files
// when that is due, and rebuilds the index when it cannot be used.
func (a *Archive) tend(ctx context.Context) {
	if a.verifyDue() {
		a.verify()
	}
	h := &a.health
	h.mu.Lock()
	f, due := h.fault, time.Since(h.lastTry) >= h.wait
	h.mu.Unlock()
	if f < faultLost || !due {
		return
	}
	a.rebuild(ctx, f)
}

// verifyDue reports whether the segment files should be checked now.
func (a *Archive) verifyDue() bool {
	h := &a.health
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.fault > faultDisk {
		return false // known bad: a rebuild is what it needs
	}
	every := h.verifyEvery
	if every <= 0 {
		every = VerifyEvery
	}
	if h.verifiedAt.IsZero() || time.Since(h.verifiedAt) >= every {
		return true
	}
	if h.suspect && time.Since(h.suspectAt) >= verifySuspectEvery {
		h.suspect, h.suspectAt = false, time.Now()
		return true
	}
	return false
}

// verify checks the checksum of every segment file the live index reads.
// It reads the whole index, so it gives way to searches as a costly one
// does (admit.go), and holds no lock while it reads: a swap must not wait
// for it, nor the searches behind the swap.
func (a *Archive) verify() {
	a.health.mu.Lock()
	a.health.verifiedAt = time.Now()
	retired := a.health.retired
	a.health.mu.Unlock()
	a.mu.RLock()
	ix := a.live
	var paths []string
	var err error
	if ix != nil && !retired {
		paths, err = ix.segmentPaths()
	}
	a.mu.RUnlock()
	if err != nil {
		slog.Warn("check index files", "dir", ix.Dir(), "err", err)
		return
	}
	pace := func() { _ = a.admit.giveWay(context.Background()) }
	for _, p := range paths {
		ok, err := segmentSumMatches(p, pace)
		if errors.Is(err, os.ErrNotExist) {
			continue // merged away meanwhile, or swapped out
		}
		if err != nil {
			slog.Warn("check index files", "file", p, "err", err)
			return
		}
		if !ok {
			a.mu.RLock()
			still := a.live == ix
			a.mu.RUnlock()
			if still {
				a.setFault(faultCorrupt, "segment file %s of the live index is corrupt (its checksum does not match)", p)
			}
			return
		}
	}
}

// segmentPaths lists the files of the segments the index reads now;
// segments not yet written out have none.
func (ix *Index) segmentPaths() ([]string, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, nil
	}
	var paths []string
	for _, ss := range snap.Segments() {
		if p, ok := ss.Segment().(interface{ Path() string }); ok {
			paths = append(paths, p.Path())
		}
	}
	return paths, nil
}

// verify checks every segment file of the index as it is now and returns
// the first whose checksum does not match, or "".
func (ix *Index) verify() (bad string, err error) {
	paths, err := ix.segmentPaths()
	if err != nil {
		return "", err
	}
	for _, p := range paths {
		ok, err := segmentSumMatches(p, nil)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if !ok {
			return p, nil
		}
	}
	return "", nil
}

// damagedSegment returns the first segment file in an index directory, not
// open, whose checksum does not match, or "" when there is none (or the
// files cannot be read: that is not damage this can tell).
func damagedSegment(dir string) string {
	paths, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil {
		return ""
	}
	for _, p := range paths {
		if ok, err := segmentSumMatches(p, nil); err == nil && !ok {
			return p
		}
	}
	return ""
}

// segmentSumMatches reads a segment file and compares the CRC-32 of all
// but its last four bytes with those four bytes, where the segment's
// writer put it. pace, if set, is called between every MiB read.
func segmentSumMatches(path string, pace func()) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return false, err
	}
	if info.Size() < 4 {
		return false, nil
	}
	sum := crc32.NewIEEE()
	for left := info.Size() - 4; left > 0; {
		n := min(left, 1<<20)
		if _, err := io.CopyN(sum, f, n); err != nil {
			return false, fmt.Errorf("read %s: %w", path, err)
		}
		left -= n
		if pace != nil {
			pace()
		}
	}
	var stored [4]byte
	if _, err := io.ReadFull(f, stored[:]); err != nil {
		return false, fmt.Errorf("read %s: %w", path, err)
	}
	return sum.Sum32() == binary.BigEndian.Uint32(stored[:]), nil
}

// rebuild builds a new index from the store and swaps it in. An index
// that may not be read is closed and removed first: nothing reads it,
// and on a full disk its space is what the new one needs. A rebuild that
// fails is tried again later, waiting longer each time.
func (a *Archive) rebuild(ctx context.Context, f fault) {
	h := &a.health
	h.mu.Lock()
	h.rebuilding, h.lastTry = true, time.Now()
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		h.rebuilding = false
		h.mu.Unlock()
	}()
	if !f.readable() {
		a.retire()
	}
	slog.Info("rebuilding the index from the store", "dir", a.dataDir)
	stats, err := ReindexWithStats(ctx, a.dataDir, a.st, nil)
	if err == nil {
		err = a.swapIfRenamed(ctx)
	}
	if err != nil {
		h.mu.Lock()
		wait := h.wait
		h.wait = min(2*h.wait, rebuildMaxWait)
		h.problem = fmt.Sprintf("%s; rebuilding it failed (%v), next try in %v", firstPart(h.problem), oneLine(err), wait)
		h.mu.Unlock()
		slog.Error("rebuild the index", "dir", a.dataDir, "err", err, "next try in", wait)
		return
	}
	slog.Info("rebuilt the index from the store", "dir", filepath.Join(a.dataDir, stats.Name), "articles", stats.Articles, "seq", stats.Seq)
	h.mu.Lock()
	h.verifiedAt = time.Time{} // check the new one's files too, soon
	h.mu.Unlock()
	a.clearFault(f)
}

// firstPart is a problem without what an earlier failed rebuild added.
func firstPart(problem string) string {
	before, _, _ := strings.Cut(problem, "; rebuilding it failed")
	return before
}

// retire closes the live index and removes its directory, without waiting
// for writes that will never reach disk. The archive answers searches
// with ErrUnavailable until a new index is swapped in.
func (a *Archive) retire() {
	a.writeMu.Lock()
	defer a.writeMu.Unlock()
	a.retireLocked()
}

// retireLocked is retire with writeMu held.
func (a *Archive) retireLocked() {
	undrain := a.admit.drain()
	a.mu.Lock()
	undrain()
	defer a.mu.Unlock()
	a.health.mu.Lock()
	retired := a.health.retired
	a.health.retired = true
	a.health.mu.Unlock()
	if a.closed || retired {
		return
	}
	unwatchAsync(a.live.Dir())
	a.live.mu.Lock()
	a.live.persisted = nil // the last batch will never be on disk
	a.live.mu.Unlock()
	if err := a.live.Close(); err != nil {
		slog.Warn("close the damaged index", "dir", a.live.Dir(), "err", err)
	}
	if err := os.RemoveAll(a.live.Dir()); err != nil {
		slog.Warn("remove the damaged index", "dir", a.live.Dir(), "err", err)
	}
}

// Bleve reports what fails in its background work (writing segments,
// merging them, a panic there) through a callback registered by name; the
// callback finds the archive by the index directory.
const asyncErrorCallback = "cuttings"

var asyncWatch sync.Map // index directory -> func(error)

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
		// Scorch names its own directory, inside the index's.
		for _, dir := range []string{path, filepath.Dir(path)} {
			if fn, ok := asyncWatch.Load(dir); ok {
				fn.(func(error))(err)
				return
			}
		}
		slog.Warn("index background work failed", "dir", path, "err", err)
	}
}

func watchAsync(dir string, fn func(error)) { asyncWatch.Store(dir, fn) }
func unwatchAsync(dir string)               { asyncWatch.Delete(dir) }

// asyncFault records what Bleve's background work reports of the live
// index: a panic there, or a segment it could not write, leaves an index
// that cannot be trusted; a failed merge or clean-up leaves it as it was.
func (a *Archive) asyncFault(err error) {
	var se *scorch.ScorchError
	if errors.As(err, &se) && (errors.Is(err, scorch.ErrAsyncPanic) || errors.Is(err, scorch.ErrPersist) && se.Source != "merger") {
		a.setFault(faultWrite, "the index's background %s failed: %s", se.Source, se.ErrMsg)
		return
	}
	slog.Warn("index background work failed", "dir", a.dataDir, "err", err)
}

// formatBytes writes a byte count as people read it.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// oneLine keeps an error's multi-line message to its first line, for the
// problem /healthz shows.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
