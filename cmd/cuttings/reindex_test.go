package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestReindexCommand(t *testing.T) {
	dir := searchDataDir(t)
	// A first search makes the first index.
	if _, stderr, err := runSearchTest(t, "--data", dir, "harbour"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	old, err := os.ReadFile(filepath.Join(dir, "INDEX"))
	if err != nil {
		t.Fatal(err)
	}

	var stdout, stderr bytes.Buffer
	if err := run([]string{"reindex", "--data", dir}, strings.NewReader(""), &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	re := regexp.MustCompile(`^reindex: 3 articles, 1 quotes in \d+\.\ds \(\d+ articles/s\); live index is (index-\d+)\n$`)
	m := re.FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("output %q does not match %s", stdout.String(), re)
	}
	live, err := os.ReadFile(filepath.Join(dir, "INDEX"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(live)) != m[1] || string(live) == string(old) {
		t.Errorf("INDEX = %q (was %q), output names %s", live, old, m[1])
	}
	// No server runs, so the old index is gone.
	if _, err := os.Stat(filepath.Join(dir, strings.TrimSpace(string(old)))); !os.IsNotExist(err) {
		t.Errorf("old index still there: %v", err)
	}

	out, errOut, err := runSearchTest(t, "--data", dir, "--json", "harbour")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if r := decodeSearch(t, out); r.Total != 1 {
		t.Errorf("after reindex, harbour finds %d, want 1", r.Total)
	}
}

func TestReindexCommandUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run([]string{"reindex", "extra"}, strings.NewReader(""), &stdout, &stderr); err == nil {
		t.Error("reindex with an argument succeeded")
	}
	stderr.Reset()
	if err := run([]string{"reindex", "-h"}, strings.NewReader(""), &stdout, &stderr); err != nil {
		t.Errorf("reindex -h: %v", err)
	}
	if !strings.Contains(stderr.String(), "usage: cuttings reindex") {
		t.Errorf("reindex -h printed %q", stderr.String())
	}
}
