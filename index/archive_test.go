package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

func syntheticArticles(n int) []store.Article {
	out := make([]store.Article, n)
	for i := range out {
		out[i] = store.Article{
			ID:        fmt.Sprintf("syn-%04d", i),
			Title:     fmt.Sprintf("Harbour report number %d", i),
			Source:    []string{"Northern Courier", "The Ledger"}[i%2],
			Published: time.Date(2020+i%5, time.Month(1+i%12), 1+i%28, 12, 0, 0, 0, time.UTC),
			Body: fmt.Sprintf("The harbour master said on day %d that the ferries were running. "+
				"\"We expect calm seas,\" she added.", i),
		}
	}
	return out
}

func liveName(t *testing.T, dataDir string) string {
	t.Helper()
	name, err := readLive(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

func indexDirs(t *testing.T, dataDir string) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(dataDir, indexPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range dirs {
		dirs[i] = filepath.Base(d)
	}
	return dirs
}

func TestArchiveSync(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	a := openTestArchive(t, dir, st)
	if got := indexDirs(t, dir); len(got) != 1 || got[0] != liveName(t, dir) {
		t.Fatalf("index dirs %v, INDEX %q: want the first index, named by INDEX", got, liveName(t, dir))
	}

	putArticles(t, st, syntheticArticles(10))
	if n, err := a.Sync(ctx); err != nil || n != 10 {
		t.Fatalf("Sync = %d, %v; want 10", n, err)
	}
	if n, err := a.Sync(ctx); err != nil || n != 0 {
		t.Fatalf("second Sync = %d, %v; want 0", n, err)
	}
	r, err := a.Search(ctx, Query{Text: "ferries"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 10 {
		t.Errorf("ferries: %d hits, want 10", r.Total)
	}

	// An update and a delete reach the index with the next Sync.
	changed := syntheticArticles(1)[0]
	changed.Body = "The lighthouse keeper stayed at home."
	putArticles(t, st, []store.Article{changed})
	if err := st.Delete(ctx, "syn-0001"); err != nil {
		t.Fatal(err)
	}
	if n, err := a.Sync(ctx); err != nil || n != 2 {
		t.Fatalf("Sync = %d, %v; want 2", n, err)
	}
	r, err = a.Search(ctx, Query{Text: "ferries"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 8 {
		t.Errorf("ferries after update and delete: %d hits, want 8", r.Total)
	}
	r, err = a.Search(ctx, Query{Text: "lighthouse"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"syn-0000"}, hitIDs(r)); diff != "" {
		t.Errorf("lighthouse (-want +got):\n%s", diff)
	}
	last, err := st.LastSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a.LastSeq() != last {
		t.Errorf("LastSeq = %d, store's = %d", a.LastSeq(), last)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}

	// The seq survives a restart: nothing is indexed twice.
	a = openTestArchive(t, dir, st)
	defer a.Close()
	if a.LastSeq() != last {
		t.Errorf("LastSeq after reopen = %d, want %d", a.LastSeq(), last)
	}
	if n, err := a.Sync(ctx); err != nil || n != 0 {
		t.Errorf("Sync after reopen = %d, %v; want 0", n, err)
	}
	if why := a.Stale(); why != "" {
		t.Errorf("Stale = %q", why)
	}
}

func TestFollow(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	dir := t.TempDir()
	st := openTestStore(t, dir)
	a := openTestArchive(t, dir, st)
	defer a.Close()
	done := make(chan error)
	go func() { done <- a.Follow(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Follow = %v", err)
		}
	}()

	putArticles(t, st, syntheticArticles(5))
	waitFor(t, "the articles to be indexed", func() bool {
		r, err := a.Search(ctx, Query{})
		return err == nil && r.Total == 5
	})
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestReindexWhileServing rebuilds the index while a server follows the
// store and answers searches: no search fails or sees fewer articles, and
// the server swaps to the new index and removes the old one.
func TestReindexWhileServing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	const n = 300
	putArticles(t, st, syntheticArticles(n))

	release, err := LockServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	a := openTestArchive(t, dir, st)
	defer a.Close()
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	oldName := a.LiveName()
	followDone := make(chan error)
	go func() { followDone <- a.Follow(ctx) }()

	var (
		mu       sync.Mutex
		searches int
		failures []string
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			r, err := a.Search(ctx, Query{Text: "harbour", Size: 5})
			mu.Lock()
			searches++
			switch {
			case err != nil:
				failures = append(failures, err.Error())
			case r.Total != n:
				failures = append(failures, fmt.Sprintf("total %d, want %d", r.Total, n))
			}
			mu.Unlock()
		}
	})

	var progress []int
	merging := -1 // the articles indexed when Merging was called
	stats, err := ReindexWithProgress(ctx, dir, st, ReindexProgress{
		Indexed: func(done, total int) {
			if total != n {
				t.Errorf("progress total = %d, want %d", total, n)
			}
			if merging >= 0 {
				t.Errorf("articles indexed (%d) after merging began", done)
			}
			progress = append(progress, done)
		},
		Merging: func() {
			if merging >= 0 {
				t.Error("Merging called twice")
			}
			merging = progress[len(progress)-1]
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if merging != n {
		t.Errorf("merging began after %d articles indexed, want %d", merging, n)
	}
	if stats.Articles != n || stats.Name == oldName {
		t.Errorf("stats = %+v; want %d articles in a new index", stats, n)
	}
	if len(progress) < 2 || progress[len(progress)-1] != n {
		t.Errorf("progress calls %v, want 0 ... %d", progress, n)
	}
	if got := liveName(t, dir); got != stats.Name {
		t.Errorf("INDEX = %q, want %q", got, stats.Name)
	}
	waitFor(t, "the server to swap", func() bool { return a.LiveName() == stats.Name })
	// A few searches on the new index too.
	mu.Lock()
	before := searches
	mu.Unlock()
	waitFor(t, "searches on the new index", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return searches > before+3
	})
	close(stop)
	wg.Wait()
	cancel()
	if err := <-followDone; err != nil {
		t.Errorf("Follow = %v", err)
	}
	if len(failures) > 0 {
		t.Errorf("%d of %d searches failed, first: %s", len(failures), searches, failures[0])
	}
	if diff := cmp.Diff([]string{stats.Name}, indexDirs(t, dir)); diff != "" {
		t.Errorf("index dirs after the swap (-want +got):\n%s", diff)
	}
	t.Logf("%d searches during the reindex", searches)
}

// TestReindexAlone rebuilds the index with no server running: the reindex
// removes the old index itself, and the next archive opens the new one.
func TestReindexAlone(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	putArticles(t, st, syntheticArticles(20))
	a := openTestArchive(t, dir, st)
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(ctx, "syn-0003"); err != nil {
		t.Fatal(err)
	}

	if err := Reindex(ctx, dir, st, nil); err != nil {
		t.Fatal(err)
	}
	name := liveName(t, dir)
	if diff := cmp.Diff([]string{name}, indexDirs(t, dir)); diff != "" {
		t.Errorf("index dirs after reindex (-want +got):\n%s", diff)
	}
	a = openTestArchive(t, dir, st)
	defer a.Close()
	if a.LiveName() != name {
		t.Errorf("archive opened %s, INDEX names %s", a.LiveName(), name)
	}
	if n, err := a.Sync(ctx); err != nil || n != 0 {
		t.Errorf("Sync after reindex = %d, %v; want 0: the reindex caught up", n, err)
	}
	r, err := a.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 19 {
		t.Errorf("%d articles after reindex, want 19", r.Total)
	}
}

func TestReindexCanceled(t *testing.T) {
	dir := t.TempDir()
	st := openTestStore(t, dir)
	putArticles(t, st, syntheticArticles(5))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Reindex(ctx, dir, st, nil); err == nil {
		t.Fatal("Reindex with a canceled context succeeded")
	}
	if got := indexDirs(t, dir); len(got) != 0 {
		t.Errorf("a canceled reindex left %v", got)
	}
	if got := liveName(t, dir); got != "" {
		t.Errorf("a canceled reindex wrote INDEX = %q", got)
	}
}

func TestOpenArchiveMissingIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	putArticles(t, st, syntheticArticles(3))
	if err := writeLive(dir, "index-1"); err != nil {
		t.Fatal(err)
	}
	a := openTestArchive(t, dir, st)
	defer a.Close()
	if a.LiveName() == "index-1" {
		t.Error("archive claims the missing index")
	}
	if n, err := a.Sync(ctx); err != nil || n != 3 {
		t.Errorf("Sync = %d, %v; want 3 into a fresh index", n, err)
	}
}

func TestStale(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index-1")
	ix, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.b.SetInternal(keyMappingVersion, []byte("0")); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if why := ix.Stale(); !strings.Contains(why, "reindex") {
		t.Errorf("Stale = %q, want advice to reindex", why)
	}
}

func TestLockServer(t *testing.T) {
	defer func(d time.Duration) { lockRetry = d }(lockRetry)
	lockRetry = 200 * time.Millisecond
	dir := t.TempDir()

	if running, err := ServerRunning(dir); err != nil || running {
		t.Fatalf("ServerRunning before = %v, %v", running, err)
	}
	release, err := LockServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	if running, err := ServerRunning(dir); err != nil || !running {
		t.Errorf("ServerRunning while locked = %v, %v", running, err)
	}
	if _, err := LockServer(dir); !errors.Is(err, ErrServerRunning) {
		t.Errorf("second LockServer = %v, want ErrServerRunning", err)
	}
	release()
	if running, err := ServerRunning(dir); err != nil || running {
		t.Errorf("ServerRunning after release = %v, %v", running, err)
	}
	if running, err := ServerRunning(filepath.Join(dir, "nope")); err != nil || running {
		t.Errorf("ServerRunning of a missing dir = %v, %v", running, err)
	}
}

func TestServeAddr(t *testing.T) {
	tests := []struct{ written, want string }{
		{"127.0.0.1:8080", "127.0.0.1:8080"},
		{":8080", "127.0.0.1:8080"},
		{"0.0.0.0:80", "127.0.0.1:80"},
		{"[::]:9000", "127.0.0.1:9000"},
		{"localhost:1234", "localhost:1234"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.written, func(t *testing.T) {
			if err := WriteServeAddr(dir, tt.written); err != nil {
				t.Fatal(err)
			}
			got, err := ReadServeAddr(dir)
			if err != nil || got != tt.want {
				t.Errorf("ReadServeAddr = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if err := os.Remove(filepath.Join(dir, addrFile)); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadServeAddr(dir); err == nil {
		t.Error("ReadServeAddr with no file succeeded")
	}
}

// TestSearchesWaitTheirTurn checks that searches beyond one per processor
// wait for a running one to end, and that a waiting search gives up when
// its request does.
func TestSearchesWaitTheirTurn(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	a := openTestArchive(t, dir, st)
	defer a.Close()
	putArticles(t, st, syntheticArticles(3))
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	// Every processor busy.
	for range cap(a.admit.normal) {
		a.admit.normal <- struct{}{}
	}
	waiting, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := a.Search(waiting, Query{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("search while every processor is busy = %v; want it to wait until its deadline", err)
	}
	// One search ends: a waiting one runs.
	got := make(chan error)
	go func() {
		r, err := a.Search(ctx, Query{})
		if err == nil && r.Total != 3 {
			err = fmt.Errorf("total %d, want 3", r.Total)
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("search ran while every processor was busy (err %v)", err)
	case <-time.After(50 * time.Millisecond):
	}
	<-a.admit.normal
	if err := <-got; err != nil {
		t.Fatal(err)
	}
}

// openTestArchive opens the archive of dir and st, or fails the test.
func openTestArchive(t *testing.T, dir string, st *store.Store) *Archive {
	t.Helper()
	a, err := OpenArchive(context.Background(), dir, st)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// An index whose segment files were all damaged while no server ran does
// not keep the archive from opening, nor lose articles: the store fills
// in whatever the index opened (or started anew) lacks.
func TestOpenArchiveDamagedIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	a := openTestArchive(t, dir, st)
	putArticles(t, st, syntheticArticles(50))
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	old := a.LiveName()
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	segs, err := filepath.Glob(filepath.Join(dir, old, "store", "*.zap"))
	if err != nil || len(segs) == 0 {
		t.Fatalf("no segment files (%v)", err)
	}
	for _, p := range segs {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.OpenFile(p, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		// The footer: the chunk mode, version and checksum Bleve reads
		// first.
		if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad", 6)), info.Size()-12); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	// Bleve may still open an earlier snapshot that holds none of the
	// damaged segments (and the seq it was written with); if it cannot,
	// the archive starts a new index. Either way the store fills it.
	a = openTestArchive(t, dir, st)
	defer a.Close()
	if a.LiveName() != old {
		if _, err := os.Stat(filepath.Join(dir, old)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("damaged index left in place (%v)", err)
		}
	} else if bad, err := a.live.verify(); err != nil || bad != "" {
		t.Errorf("reopened index reads the damaged segment %s (%v)", bad, err)
	}
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := a.Search(ctx, Query{Text: "harbour"})
	if err != nil || r.Total != 50 {
		t.Fatalf("search after the new index was filled: %v, %v; want 50 hits", r, err)
	}
}
