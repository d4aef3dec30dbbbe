package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/cuttings/cuttings/store"
)

// ReindexStats describes a finished reindex.
type ReindexStats struct {
	Name     string // the new live index directory, inside the data directory
	Articles uint64
	Quotes   uint64
	Seq      int64 // the store seq it has indexed up to
	Took     time.Duration
}

// Reindex builds a new index of dataDir from the whole store and makes it
// the live one; see ReindexWithStats.
func Reindex(ctx context.Context, dataDir string, st *store.Store, progress func(done, total int)) error {
	_, err := ReindexWithStats(ctx, dataDir, st, progress)
	return err
}

// ReindexProgress is told how a reindex goes. Either may be nil.
type ReindexProgress struct {
	// Indexed is called after each batch with the articles indexed so
	// far and the store's article count.
	Indexed func(done, total int)
	// Merging is called once every article is indexed, before the
	// segments are merged into one: 17% of a 100,000-article reindex's
	// time when last timed (BENCHMARKS.md), in which the count of
	// articles no longer moves.
	Merging func()
}

// ReindexWithStats is ReindexWithProgress told only of the articles
// indexed.
func ReindexWithStats(ctx context.Context, dataDir string, st *store.Store, progress func(done, total int)) (ReindexStats, error) {
	return ReindexWithProgress(ctx, dataDir, st, ReindexProgress{Indexed: progress})
}

// ReindexWithProgress builds a new index directory from the store, catches
// it up with the store's last change, closes it and only then points INDEX
// at it, so a half-built index is never live. A running server (in this
// process or another) notices, swaps the new index in and removes the old
// one; when none runs, the old one is removed here. progress is told as it
// goes.
func ReindexWithProgress(ctx context.Context, dataDir string, st *store.Store, p ReindexProgress) (ReindexStats, error) {
	progress := p.Indexed
	start := time.Now()
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}
	total, err := st.Count(ctx)
	if err != nil {
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}
	name := newIndexName()
	dir := filepath.Join(dataDir, name)
	ix, err := Create(dir)
	if err != nil {
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}
	abandon := func(err error) (ReindexStats, error) {
		ix.Close()
		os.RemoveAll(dir)
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}

	done := 0
	if progress != nil {
		progress(0, total)
	}
	if _, err := catchUp(ctx, st, ix, func(n int) {
		done += n
		if progress != nil {
			// Articles added while we run make the total grow.
			progress(done, max(total, done))
		}
	}); err != nil {
		return abandon(err)
	}
	// The index is merged into one segment, and left as its merger would
	// leave it, not mid-merge: a server that opened it would otherwise
	// spend its first minute merging what the reindex wrote last.
	if p.Merging != nil {
		p.Merging()
	}
	if err := ix.mergeAll(ctx); err != nil {
		return abandon(err)
	}
	if err := ix.settle(ctx); err != nil {
		return abandon(err)
	}
	articles, quotes, err := ix.Counts(ctx)
	if err != nil {
		return abandon(err)
	}
	stats := ReindexStats{Name: name, Articles: articles, Quotes: quotes, Seq: ix.LastSeq()}
	if err := ix.Close(); err != nil {
		os.RemoveAll(dir)
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}

	old, err := readLive(dataDir)
	if err != nil {
		slog.Warn("reindex: replacing an unreadable INDEX", "err", err)
	}
	if err := writeLive(dataDir, name); err != nil {
		os.RemoveAll(dir)
		return ReindexStats{}, fmt.Errorf("reindex: %w", err)
	}
	if old != "" && old != name {
		if err := removeIfUnserved(dataDir, old); err != nil {
			slog.Warn("reindex: old index left in place", "dir", old, "err", err)
		}
	}
	stats.Took = time.Since(start)
	return stats, nil
}

// removeIfUnserved removes an old index directory unless a server runs: the
// server may have it open, and removes it itself once it has swapped.
func removeIfUnserved(dataDir, name string) error {
	f, ok, err := tryLock(dataDir)
	if err != nil || !ok {
		return err
	}
	defer func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}()
	err = os.RemoveAll(filepath.Join(dataDir, name))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// mergeAll merges the index's segments into one. Each segment has a term
// dictionary and postings of its own, so a term in many segments is kept
// many times over: at 100,000 articles the merger's two dozen segments
// took a fifth more room than one (most of it in the pairs of pairs.go,
// whose terms are many and their postings short), and a search opens
// every term once per segment. It takes seconds at 100,000 articles.
func (ix *Index) mergeAll(ctx context.Context) error {
	s, err := ix.scorch()
	if s == nil {
		return err
	}
	// One forced merge merges up to ten segments into each new one; a
	// few rounds leave one.
	for range maxMergeRounds {
		if err := s.ForceMerge(ctx, nil); err != nil {
			return fmt.Errorf("merge segments: %w", err)
		}
		snap, err := s.Reader()
		if err != nil {
			return fmt.Errorf("merge segments: %w", err)
		}
		n := 0
		if is, ok := snap.(*scorch.IndexSnapshot); ok {
			n = len(is.Segments())
		}
		snap.Close()
		if n <= 1 {
			break
		}
	}
	return nil
}

// scorch returns the index's scorch engine, or nil (and no error) for an
// index of another kind, which has no merger to drive.
func (ix *Index) scorch() (*scorch.Scorch, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, err
	}
	s, _ := adv.(*scorch.Scorch)
	return s, nil
}

// maxMergeRounds bounds mergeAll's forced merges: ten segments into one
// each time, so four rounds merge ten thousand.
const maxMergeRounds = 4

// settle waits until the index's merger and persister have caught up with
// its last batch: Bleve's index_bgthreads_active is false twice running.
func (ix *Index) settle(ctx context.Context) error {
	s, err := ix.scorch()
	if s == nil {
		return err
	}
	for quiet := 0; quiet < 2; {
		if active, _ := s.StatsMap()["index_bgthreads_active"].(bool); active {
			quiet = 0
		} else {
			quiet++
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(settlePoll):
		}
	}
	return nil
}

// settlePoll is how often settle asks whether the merger is done.
const settlePoll = 200 * time.Millisecond
