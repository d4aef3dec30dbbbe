package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/web"
)

// A server whose index is lost, cannot be written or goes bad while it
// runs does not panic: /healthz and /readyz say what is wrong, it answers
// what it still can, and it rebuilds the index from the store. These tests
// run the server as `cuttings serve` does, following the store.

// followingServer is a server over an archive that follows its store.
type followingServer struct {
	URL     string
	Dir     string
	Store   *store.Store
	Archive *index.Archive

	mu   sync.Mutex
	stop func() // stops following; nil while stopped
}

// newFollowingServer serves the archive of testArticles in dir (a fresh
// temporary directory when ""), following its store.
func newFollowingServer(t *testing.T, dir string, tune func(*index.Archive)) *followingServer {
	t.Helper()
	ctx := context.Background()
	if dir == "" {
		dir = t.TempDir()
	}
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutBatch(ctx, append([]store.Article(nil), testArticles...)); err != nil {
		t.Fatal(err)
	}
	a, err := index.OpenArchive(ctx, dir, st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if tune != nil {
		tune(a)
	}
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	ws, err := web.New(a, st, web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ws.Handler())
	t.Cleanup(srv.Close)
	fs := &followingServer{URL: srv.URL, Dir: dir, Store: st, Archive: a}
	fs.follow()
	t.Cleanup(fs.pause)
	return fs
}

// follow starts following the store; pause stops it and waits.
func (fs *followingServer) follow() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		fs.Archive.Follow(ctx)
	}()
	fs.stop = func() { cancel(); <-done }
}

func (fs *followingServer) pause() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.stop != nil {
		fs.stop()
		fs.stop = nil
	}
}

// put writes articles to the store, as another process's ingest would.
func (fs *followingServer) put(t *testing.T, as ...store.Article) {
	t.Helper()
	if _, err := fs.Store.PutBatch(context.Background(), as); err != nil {
		t.Fatal(err)
	}
}

// get fetches a URL of the server and decodes its JSON answer.
func (fs *followingServer) get(t *testing.T, path string) (int, map[string]any, http.Header) {
	t.Helper()
	res, err := http.Get(fs.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("GET %s: %v: %.300s", path, err, body)
	}
	return res.StatusCode, m, res.Header
}

// health is what /healthz says, and its status.
func (fs *followingServer) health(t *testing.T) (int, map[string]any) {
	code, m, _ := fs.get(t, "/healthz")
	return code, m
}

// until polls cond every 10 ms until it holds, or fails the test after
// 20 s saying what was awaited.
func until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 20s for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// found reports whether a search for q finds the article id.
func (fs *followingServer) found(t *testing.T, q, id string) bool {
	code, m, _ := fs.get(t, "/api/search?q="+q)
	if code != http.StatusOK {
		return false
	}
	hits, _ := m["hits"].([]any)
	for _, h := range hits {
		if hm, _ := h.(map[string]any); hm["id"] == id {
			return true
		}
	}
	return false
}

// keeperArticle is an article of words no fixture article has.
func keeperArticle(n int) store.Article {
	return store.Article{
		ID:        fmt.Sprintf("keeper-%d", n),
		Title:     fmt.Sprintf("Lighthouse keeper %d hands over the lamp", n),
		Source:    "Coastal Gazette",
		Published: time.Date(2024, 5, n, 8, 0, 0, 0, time.UTC),
		Language:  "en",
		Body:      fmt.Sprintf("The lighthouse keeper of Skerrow Point handed over the lamp on day %d after thirty winters.", n),
	}
}

// waitUnhealthy polls /healthz until it reports a problem containing
// want, checks the answer, and returns it.
func (fs *followingServer) waitUnhealthy(t *testing.T, want string) map[string]any {
	t.Helper()
	var got map[string]any
	until(t, "/healthz to report "+want, func() bool {
		code, m := fs.health(t)
		if code == http.StatusServiceUnavailable && m["status"] == "unhealthy" && strings.Contains(fmt.Sprint(m["problem"]), want) {
			got = m
			return true
		}
		return false
	})
	if strings.Contains(fmt.Sprint(got["problem"]), fs.Dir) {
		t.Errorf("/healthz names the data directory to anyone who asks: %v", got["problem"])
	}
	code, m, _ := fs.get(t, "/readyz")
	if code != http.StatusServiceUnavailable || m["ready"] != false || m["problem"] == nil {
		// The problem may have been mended in between: only a ready
		// server with no problem is wrong here if it is still unhealthy.
		if hc, _ := fs.health(t); hc != http.StatusOK {
			t.Errorf("/readyz while unhealthy: %d %v", code, m)
		}
	}
	return got
}

// waitHealthy polls /healthz until it says ok.
func (fs *followingServer) waitHealthy(t *testing.T) {
	t.Helper()
	until(t, "/healthz to say ok", func() bool {
		code, m := fs.health(t)
		return code == http.StatusOK && m["status"] == "ok"
	})
}

// Removing the live index directory: the server goes on answering
// searches from the files it holds open, says the directory is gone, and
// builds a new index, which then holds what was written meanwhile.
func TestIndexDirectoryRemoved(t *testing.T) {
	fs := newFollowingServer(t, "", nil)
	old := fs.Archive.LiveName()
	if err := os.RemoveAll(filepath.Join(fs.Dir, old)); err != nil {
		t.Fatal(err)
	}
	fs.put(t, keeperArticle(1)) // the write that would have failed
	h := fs.waitUnhealthy(t, "was removed")
	if h["searchable"] != true {
		t.Errorf("/healthz: %v; want searchable while rebuilding", h)
	}
	if res, err := http.Get(fs.URL + "/metrics"); err == nil {
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !strings.Contains(string(body), "cuttings_index_unhealthy 1") && fs.Archive.Health().Problem != "" {
			t.Error("/metrics does not say the index is unhealthy")
		}
	}
	if code, m, _ := fs.get(t, "/api/search?q=macron"); code != http.StatusOK && fs.Archive.Health().Problem != "" {
		t.Errorf("search while the directory is gone: %d %v; want an answer", code, m)
	}
	fs.waitHealthy(t)
	until(t, "the article written meanwhile to be found", func() bool { return fs.found(t, "lighthouse", "keeper-1") })
	if now := fs.Archive.LiveName(); now == old {
		t.Errorf("live index is still %s; want a new one", old)
	} else if _, err := os.Stat(filepath.Join(fs.Dir, now)); err != nil {
		t.Errorf("new live index: %v", err)
	}
}

// A segment file that goes bad while the server runs is found by the
// check of the files' checksums; the index is not read again (a search is
// a 503 saying the index is being rebuilt), and a new one is built from
// the store.
func TestCorruptSegment(t *testing.T) {
	fs := newFollowingServer(t, "", func(a *index.Archive) { a.SetVerifyEvery(100 * time.Millisecond) })
	fs.waitHealthy(t)
	old := fs.Archive.LiveName()
	segs, err := filepath.Glob(filepath.Join(fs.Dir, old, "store", "*.zap"))
	if err != nil || len(segs) == 0 {
		t.Fatalf("no segment files in %s (%v)", old, err)
	}
	var biggest string
	var size int64
	for _, p := range segs {
		if info, err := os.Stat(p); err == nil && info.Size() > size {
			biggest, size = p, info.Size()
		}
	}
	// Bytes in the middle of the file, overwritten in place, as a bad
	// disk block or a stray write would.
	f, err := os.OpenFile(biggest, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad", 32)), size/2); err != nil {
		t.Fatal(err)
	}
	f.Close()

	sawRefusal := false
	until(t, "/healthz to report the corrupt file, or the rebuild to end", func() bool {
		code, m := fs.health(t)
		if code == http.StatusServiceUnavailable && strings.Contains(fmt.Sprint(m["problem"]), "corrupt") {
			if m["searchable"] != false {
				t.Errorf("/healthz: %v; want searchable false", m)
			}
			code, body, hdr := fs.get(t, "/api/search?q=macron")
			if code == http.StatusServiceUnavailable {
				sawRefusal = true
				if hdr.Get("Retry-After") == "" || !strings.Contains(fmt.Sprint(body["error"]), "rebuilt") {
					t.Errorf("search on the corrupt index: %v %v; want a 503 saying it is being rebuilt, with Retry-After", body, hdr)
				}
				// An export is refused the same way, not failed with
				// what a read of the closed index says.
				if res, err := http.Get(fs.URL + "/api/search?q=macron&format=jsonl"); err == nil {
					msg, _ := io.ReadAll(res.Body)
					res.Body.Close()
					if res.StatusCode != http.StatusServiceUnavailable && fs.Archive.LiveName() == old {
						t.Errorf("export on the corrupt index: %d %.200s; want 503", res.StatusCode, msg)
					}
				}
			}
			return false
		}
		return fs.Archive.LiveName() != old && code == http.StatusOK
	})
	fs.waitHealthy(t)
	if !sawRefusal {
		t.Log("the rebuild was over before a search could see it")
	}
	if _, err := os.Stat(filepath.Join(fs.Dir, old)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("corrupt index %s left behind (%v)", old, err)
	}
	if code, m, _ := fs.get(t, "/api/search?q=macron"); code != http.StatusOK || m["total"].(float64) == 0 {
		t.Errorf("search after the rebuild: %d %v", code, m)
	}
}

// A full disk: with too little free space the index is not written (a
// write that fails half-way leaves an index Bleve cannot read again); the
// server says so, answers searches from the index as it is, and catches up
// once there is room. A write that fails anyway (the disk filled between
// the check and the write) takes the index out of service until it is
// rebuilt, while what does not need it (an article from the store) is
// still answered. Run for real on a small tmpfs when the test may mount
// one (CI runs as root); otherwise simulated.
func TestDiskFull(t *testing.T) {
	disk, real := smallDisk(t)
	if !real && os.Geteuid() == 0 {
		t.Log("root without a tmpfs: permissions do not bind root, so a failing write cannot be simulated; only the free-space check is tested")
	}
	var fs *followingServer
	if real {
		fs = newFollowingServer(t, filepath.Join(disk, "data"), func(a *index.Archive) { a.SetMinFree(4 << 20) })
	} else {
		fs = newFollowingServer(t, "", nil)
	}
	old := fs.Archive.LiveName()

	t.Run("too little room to write", func(t *testing.T) {
		fs.pause()
		fs.put(t, keeperArticle(2))
		var undo func()
		if real {
			undo = fill(t, disk, 1<<20) // leaves a MiB: under the 4 MiB wanted
		} else {
			fs.Archive.SetMinFree(1 << 62) // more than any disk has
			undo = func() { fs.Archive.SetMinFree(0) }
		}
		fs.follow()
		h := fs.waitUnhealthy(t, "free")
		if h["searchable"] != true {
			t.Errorf("/healthz: %v; want searchable", h)
		}
		if code, m, _ := fs.get(t, "/api/search?q=macron"); code != http.StatusOK {
			t.Errorf("search on a full disk: %d %v; want the index as it is", code, m)
		}
		if fs.found(t, "lighthouse", "keeper-2") {
			t.Error("keeper-2 indexed on a full disk")
		}
		undo()
		fs.waitHealthy(t)
		until(t, "keeper-2 to be indexed once there is room", func() bool { return fs.found(t, "lighthouse", "keeper-2") })
		if now := fs.Archive.LiveName(); now != old {
			t.Errorf("live index %s replaced by %s; want it caught up in place", old, now)
		}
	})

	t.Run("a write that fails", func(t *testing.T) {
		if !real && os.Geteuid() == 0 {
			t.Skip("needs a tmpfs (mount, as root) or a user whom a read-only directory stops")
		}
		fs.pause()
		fs.put(t, keeperArticle(3))
		var undo func()
		if real {
			fs.Archive.SetMinFree(-1) // let it try
			undo = fill(t, disk, 0)
		} else {
			undo = readOnlyIndex(t, filepath.Join(fs.Dir, fs.Archive.LiveName()))
		}
		fs.follow()
		h := fs.waitUnhealthy(t, "failed")
		if h["searchable"] != false {
			t.Errorf("/healthz: %v; want searchable false", h)
		}
		if code, m, hdr := fs.get(t, "/api/search?q=macron"); fs.Archive.Health().Problem != "" && (code != http.StatusServiceUnavailable || hdr.Get("Retry-After") == "") {
			t.Errorf("search after a failed write: %d %v; want a 503 with Retry-After", code, m)
		}
		if code, m, _ := fs.get(t, "/api/articles/keeper-2"); code != http.StatusOK {
			t.Errorf("article from the store: %d %v; want it served", code, m)
		}
		undo()
		fs.waitHealthy(t)
		until(t, "keeper-3 to be indexed by the rebuilt index", func() bool { return fs.found(t, "lighthouse", "keeper-3") })
		if fs.Archive.LiveName() == old {
			t.Error("the index a write failed on is still live")
		}
	})
}

// smallDisk mounts a 32 MiB tmpfs for the test and reports true, or, when
// it may not (not root, no mount), returns "" and false: the caller
// simulates a full disk instead.
func smallDisk(t *testing.T) (string, bool) {
	if os.Geteuid() != 0 {
		t.Log("not root: a full disk is simulated (a free-space limit above the disk's, a read-only index directory)")
		return "", false
	}
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", dir).CombinedOutput()
	if err != nil {
		if os.Getenv("CUTTINGS_REQUIRE_TMPFS") != "" {
			t.Fatalf("mount tmpfs: %v: %s", err, out)
		}
		t.Logf("cannot mount a tmpfs (%v: %s): a full disk is simulated", err, strings.TrimSpace(string(out)))
		return "", false
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir, true
}

// fill writes a file on disk until leave bytes are free (0: until the
// disk is full); undo removes it.
func fill(t *testing.T, disk string, leave int64) (undo func()) {
	t.Helper()
	path := filepath.Join(disk, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var st syscall.Statfs_t
	if err := syscall.Statfs(disk, &st); err != nil {
		t.Fatal(err)
	}
	want := int64(st.Bavail)*int64(st.Bsize) - leave
	chunk := make([]byte, 64<<10)
	for written := int64(0); leave == 0 || written < want; {
		n, err := f.Write(chunk[:min(int64(len(chunk)), max(want-written, 1))])
		written += int64(n)
		if err != nil {
			if leave == 0 && errors.Is(err, syscall.ENOSPC) {
				break
			}
			t.Fatalf("fill %s: %v", disk, err)
		}
	}
	return func() {
		if err := os.Remove(path); err != nil {
			t.Errorf("remove filler: %v", err)
		}
	}
}

// readOnlyIndex makes an index directory unwritable, as a full disk is to
// the index (it matters only to a user whom permissions bind: not root).
func readOnlyIndex(t *testing.T, dir string) (undo func()) {
	t.Helper()
	for _, d := range []string{dir, filepath.Join(dir, "store")} {
		if err := os.Chmod(d, 0o555); err != nil {
			t.Fatal(err)
		}
	}
	return func() {
		for _, d := range []string{dir, filepath.Join(dir, "store")} {
			os.Chmod(d, 0o755) // gone already once the index was retired
		}
	}
}
