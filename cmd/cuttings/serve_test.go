package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

// getJSON fetches u and decodes its JSON answer.
func getJSON(t *testing.T, u string, v any) int {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return res.StatusCode
}

// postArticle posts one JSON article to a server's API with the token and
// fails the test unless it is accepted.
func postArticle(t *testing.T, base, token, article string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/articles", strings.NewReader(article))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("POST %s/api/articles: status %d", base, res.StatusCode)
	}
}

// stopServer ends a server started by a test and checks it shut down cleanly.
func stopServer(t *testing.T, s *server, cancel context.CancelFunc, ctx context.Context) {
	t.Helper()
	cancel()
	done := make(chan error, 1)
	go func() { done <- s.Wait(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Wait: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("server did not shut down")
	}
}

func TestServeStartAndStop(t *testing.T) {
	data := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: data, Token: "tok"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.Addr, "127.0.0.1:") || strings.HasSuffix(s.Addr, ":0") {
		t.Errorf("Addr %q, want the bound 127.0.0.1 port", s.Addr)
	}

	// A second server on the same data directory is refused.
	if s2, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: data}, io.Discard); err == nil {
		s2.close()
		t.Error("second server on the same data directory started")
	}

	// Writes through the API are searchable at once.
	postArticle(t, s.URL, "tok", `{"id":"a1","title":"Harbour reopens","source":"Northern Post","body":"The harbour at Whitby reopened on Friday after repairs."}`)
	var health struct {
		Status   string `json:"status"`
		Articles int    `json:"articles"`
	}
	if code := getJSON(t, s.URL+"/healthz", &health); code != 200 || health.Status != "ok" || health.Articles != 1 {
		t.Errorf("healthz %d %+v, want 200 ok 1", code, health)
	}
	var found struct{ Total int }
	getJSON(t, s.URL+"/api/search?q=Whitby", &found)
	if found.Total != 1 {
		t.Errorf("search total %d, want 1", found.Total)
	}

	stopServer(t, s, cancel, ctx)
	if _, err := http.Get(s.URL + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}

	// The lock is released: the data directory can be served again, and
	// what was written is still there.
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	s, err = startServer(ctx2, serveOptions{Addr: "127.0.0.1:0", Data: data}, io.Discard)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	if s.Articles != 1 {
		t.Errorf("after restart: %d articles, want 1", s.Articles)
	}
	stopServer(t, s, cancel2, ctx2)
}

// demoFiles are a demo's article files, with one bad line and one file
// that is not JSON Lines.
var demoFiles = fstest.MapFS{
	"one.jsonl": {Data: []byte(`{"id":"d1","title":"Ferry strike called off","source":"Coast Gazette","published":"2024-04-02T08:00:00Z","body":"The ferry strike planned for Easter was called off on Tuesday."}
{"id":"d2","title":"New lifeboat for the harbour","source":"Coast Gazette","published":"2024-05-11T08:00:00Z","body":"The harbour's new lifeboat arrived on Saturday."}
`)},
	"two.jsonl":   {Data: []byte("{\"id\":\"d3\",\"title\":\"Market hall to close\",\"body\":\"The Victorian market hall will close for a year of repairs.\"}\nnot json at all\n")},
	"ignored.txt": {Data: []byte("not an article file for the demo")},
}

func TestServeDemo(t *testing.T) {
	var log bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Demo: true, demo: demoFiles}, &log)
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 3 {
		t.Errorf("demo has %d articles, want 3", s.Articles)
	}
	if !strings.Contains(log.String(), "two.jsonl:2") {
		t.Errorf("bad demo line not reported; log:\n%s", log.String())
	}
	// Indexed before the server answers.
	var found struct{ Total int }
	getJSON(t, s.URL+"/api/search?q=harbour", &found)
	if found.Total != 1 {
		t.Errorf("search total %d, want 1", found.Total)
	}
	dir := s.dir
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("demo data directory: %v", err)
	}
	stopServer(t, s, cancel, ctx)
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("demo data directory %s not removed: %v", dir, err)
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr error
		wantOut string // in stderr
	}{
		{"help", []string{"serve", "-h"}, nil, "usage: cuttings serve"},
		{"unknown flag", []string{"serve", "--port", "80"}, errUsage, "flag provided but not defined: -port"},
		{"stray argument", []string{"serve", "data"}, errUsage, `unexpected argument "data"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(stderr.String(), tt.wantOut) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.wantOut)
			}
			if !strings.Contains(stderr.String(), "-demo") && tt.wantErr == nil {
				t.Errorf("help does not list --demo:\n%s", stderr.String())
			}
		})
	}
}

// A serve that cannot bind its port fails before it touches --data: no
// lock, no index directory, no store (issue 15), whether the directory
// holds an archive already or does not exist yet.
func TestServeBindFailureLeavesData(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	listing := func(dir string) []string {
		var names []string
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			names = append(names, path)
			return nil
		})
		return names
	}
	existing := t.TempDir()
	if err := os.WriteFile(filepath.Join(existing, "notes.txt"), []byte("the operator's"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "data")
	for _, dir := range []string{existing, missing} {
		before := listing(dir)
		var stdout, stderr bytes.Buffer
		err := run([]string{"serve", "--addr", taken.Addr().String(), "--data", dir}, nil, &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), "address already in use") {
			t.Errorf("serve on a taken port: err = %v, want address already in use", err)
		}
		if diff := cmp.Diff(before, listing(dir)); diff != "" {
			t.Errorf("--data %s changed (-before +after):\n%s", dir, diff)
		}
	}
}

// A serve that fails later in its start (a store it cannot use, an index
// it cannot open) also leaves --data as it found it: the lock, an index,
// an empty store or the directory it made are removed; what was there is
// not touched.
func TestServeFailedStartLeavesData(t *testing.T) {
	state := func(dir string) []string {
		var out []string
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, path+" (none)")
				return nil
			}
			info, _ := d.Info()
			out = append(out, fmt.Sprintf("%s %d", path, info.Size()))
			return nil
		})
		return out
	}
	newerStore := t.TempDir()
	st, err := store.Open(context.Background(), newerStore)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", filepath.Join(newerStore, store.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	badIndex := t.TempDir()
	if err := os.WriteFile(filepath.Join(badIndex, "INDEX"), []byte("../elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, dir, want string
		args            []string
	}{
		{"a store of a later format", newerStore, "format 99", nil},
		{"an INDEX naming no index", badIndex, "not an index directory name", nil},
		{"a store that does not answer, in a new directory", filepath.Join(t.TempDir(), "data"), "open store",
			[]string{"--store", "postgres://cuttings@127.0.0.1:1/none?connect_timeout=2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := state(tt.dir)
			var stdout, stderr bytes.Buffer
			args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", tt.dir}, tt.args...)
			err := run(args, nil, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("serve: err = %v, want one saying %q", err, tt.want)
			}
			if diff := cmp.Diff(before, state(tt.dir)); diff != "" {
				t.Errorf("--data changed (-before +after):\n%s", diff)
			}
		})
	}
}
