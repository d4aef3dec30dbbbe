package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The built-in demo is a copy of testdata/articles; `go generate
// ./cmd/cuttings` refreshes it.
func TestDemoArticlesAreTestdata(t *testing.T) {
	want, err := filepath.Glob("../../testdata/articles/*.jsonl")
	if err != nil || len(want) == 0 {
		t.Fatalf("no testdata/articles/*.jsonl: %v", err)
	}
	got, err := fs.Glob(demoArticles(), "*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("built-in demo has %d files %v, testdata/articles %d; run go generate ./cmd/cuttings", len(got), got, len(want))
	}
	for _, path := range want {
		name := filepath.Base(path)
		w, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		g, err := fs.ReadFile(demoArticles(), name)
		if err != nil {
			t.Fatalf("built-in demo lacks %s; run go generate ./cmd/cuttings", name)
		}
		if !bytes.Equal(g, w) {
			t.Errorf("built-in demo's %s differs from testdata/articles; run go generate ./cmd/cuttings", name)
		}
	}
}

// A binary copied out of the repository serves the demo from the articles
// built into it, whatever directory it runs in.
func TestCopiedBinaryServesDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "cuttings")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	empty := t.TempDir()
	cmd := exec.Command(bin, "serve", "--demo", "--addr", addr)
	cmd.Dir = empty
	cmd.Env = append(os.Environ(), "HOME="+empty) // nothing of the repository within reach
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Error("the demo server did not stop on SIGINT")
		}
	}()

	base := "http://" + addr
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the demo server exited: %v\n%s", err, out.String())
		case <-ctx.Done():
			t.Fatalf("the demo server did not answer on %s\n%s", addr, out.String())
		case <-time.After(100 * time.Millisecond):
		}
	}

	page := get(t, base+"/")
	if !strings.Contains(page, "<form") {
		t.Errorf("GET / is not the search page:\n%.300s", page)
	}
	var found struct {
		Total int
		Hits  []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(get(t, base+"/api/search?q=ukraine")), &found); err != nil {
		t.Fatal(err)
	}
	if found.Total == 0 || !strings.HasPrefix(found.Hits[0].ID, "demo-") {
		t.Errorf("search for ukraine in the demo: %+v, want demo articles", found)
	}
	entries, err := os.ReadDir(empty)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("the demo wrote %s into its working directory", e.Name())
	}
}

// get fetches u and returns its body, failing the test unless it is a 200.
func get(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d\n%s", u, res.StatusCode, body)
	}
	return string(body)
}

// freeAddr returns a 127.0.0.1 address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return fmt.Sprint(ln.Addr())
}
