package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cuttings/cuttings/store"
)

// `cuttings search` on a data directory it may not write searches the
// index as it is, says how far behind the store it is, and writes nothing:
// asked to (--read-only), and on a directory that is read-only for real (a
// read-only mount as root, permissions otherwise: root ignores them).
func TestSearchReadOnly(t *testing.T) {
	dir := searchDataDir(t)
	if _, _, err := runSearchTest(t, "--data", dir, "harbour"); err != nil { // builds the index
		t.Fatal(err)
	}
	// One more article in the store that the index has not read.
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutBatch(context.Background(), []store.Article{{ID: "s4", Title: "Harbour dues rise", Source: "Coast Gazette",
		Published: time.Date(2025, 8, 1, 9, 0, 0, 0, time.UTC), Body: "The harbour board raised its dues for pleasure boats."}}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	check := func(t *testing.T, data string, args ...string) {
		t.Helper()
		before := listing(t, dir)
		out, stderr, err := runSearchTest(t, append(append([]string{"--data", data, "--json"}, args...), "harbour")...)
		if err != nil {
			t.Fatalf("search: %v\n%s", err, stderr)
		}
		if diff := cmp.Diff([]string{"s1"}, searchIDs(decodeSearch(t, out))); diff != "" {
			t.Errorf("hits (-want +got):\n%s", diff)
		}
		if !strings.Contains(stderr, "lacks the store's last 1 changes") {
			t.Errorf("stderr does not say the index is behind:\n%s", stderr)
		}
		if diff := cmp.Diff(before, listing(t, dir)); diff != "" {
			t.Errorf("the data directory changed (-before +after):\n%s", diff)
		}
	}
	t.Run("asked", func(t *testing.T) { check(t, dir, "--read-only") })
	t.Run("read-only directory", func(t *testing.T) {
		if os.Geteuid() != 0 {
			chmodTree(t, dir, 0o555, 0o444)
			defer chmodTree(t, dir, 0o755, 0o644)
			check(t, dir)
			return
		}
		mnt := t.TempDir()
		if out, err := exec.Command("mount", "--bind", dir, mnt).CombinedOutput(); err != nil {
			t.Skipf("root, and cannot bind-mount %s read-only (%v: %s): permissions would not stop root", dir, err, strings.TrimSpace(string(out)))
		}
		defer func() {
			if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
				t.Errorf("umount %s: %v: %s", mnt, err, out)
			}
		}()
		if out, err := exec.Command("mount", "-o", "remount,ro,bind", mnt).CombinedOutput(); err != nil {
			t.Skipf("cannot remount %s read-only (%v: %s)", mnt, err, strings.TrimSpace(string(out)))
		}
		check(t, mnt)
	})
	// Where it may write, the same search indexes the new article first.
	out, _, err := runSearchTest(t, "--data", dir, "--json", "harbour")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"s1", "s4"}, searchIDs(decodeSearch(t, out)), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("hits once writable (-want +got):\n%s", diff)
	}
}

// listing is every file and directory under dir with its size, mode and
// modification time.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, fmt.Sprintf("%s %d %v %s", path, info.Size(), info.Mode(), info.ModTime().Format(time.RFC3339Nano)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// chmodTree sets the mode of every directory and file under dir.
func chmodTree(t *testing.T, dir string, dirMode, fileMode os.FileMode) {
	t.Helper()
	var paths []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, path)
		}
		return nil
	})
	// Files first, then directories deepest first, so that a directory
	// made read-only does not stop the walk below it.
	for i := len(paths) - 1; i >= 0; i-- {
		info, err := os.Lstat(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		mode := fileMode
		if info.IsDir() {
			mode = dirMode
		}
		if err := os.Chmod(paths[i], mode); err != nil {
			t.Fatal(err)
		}
	}
}
