package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

// ingestSummary is the counts of an ingest summary line.
type ingestSummary struct {
	Read, Added, Updated, Unchanged, Rejected, Skipped int
}

var ingestSummaryRE = regexp.MustCompile(`^ingest: (\d+) read, (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) rejected(?:, (\d+) files? skipped)? in [0-9.]+s \(\d+ articles/s\)\n$`)

func parseIngestSummary(t *testing.T, out string) ingestSummary {
	t.Helper()
	m := ingestSummaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("stdout %q is not an ingest summary", out)
	}
	var s ingestSummary
	for i, p := range []*int{&s.Read, &s.Added, &s.Updated, &s.Unchanged, &s.Rejected, &s.Skipped} {
		fmt.Sscan(m[i+1], p)
	}
	return s
}

func runIngestTest(t *testing.T, stdin string, args ...string) (ingestSummary, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(append([]string{"ingest"}, args...), strings.NewReader(stdin), &stdout, &stderr)
	if err != nil && !errors.Is(err, errRejected) {
		t.Fatalf("ingest %v: %v\nstderr:\n%s", args, err, stderr.String())
	}
	return parseIngestSummary(t, stdout.String()), stderr.String(), err
}

func ingestWriteFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngest(t *testing.T) {
	in := t.TempDir()
	data := filepath.Join(t.TempDir(), "data")
	// 1,203 good records (more than two batches) with three bad lines.
	var b strings.Builder
	bad := map[int]string{
		7:   `{"id": "bad-json", "body": "cut short`,
		500: `{"id": "no-body", "title": "Only a title"}`,
		901: `{"id": "bad-date", "body": "x", "published": "31/02/2020"}`,
	}
	good := 0
	for line := 1; line <= 1206; line++ {
		if rec, ok := bad[line]; ok {
			b.WriteString(rec + "\n")
			continue
		}
		good++
		fmt.Fprintf(&b, `{"id": "a%d", "title": "Article %d", "published": "2025-01-02", "body": "Paragraph one of %d.\nParagraph two."}`+"\n", good, good, good)
	}
	ingestWriteFile(t, filepath.Join(in, "feed.jsonl"), b.String())
	ingestWriteFile(t, filepath.Join(in, "more", "one.txt"), "A text article\nSource: Example\nURL: https://example.com/text\n\nIts body.\n")
	ingestWriteFile(t, filepath.Join(in, "more", "two.json"), `[{"url": "https://example.com/j1", "text": "From an array."}]`)

	sum, stderr, err := runIngestTest(t, "", "--data", data, in)
	if !errors.Is(err, errRejected) {
		t.Errorf("first ingest error = %v, want errRejected", err)
	}
	want := ingestSummary{Read: 1208, Added: 1205, Rejected: 3}
	if diff := cmp.Diff(want, sum); diff != "" {
		t.Errorf("first ingest (-want +got):\n%s", diff)
	}
	feed := filepath.Join(in, "feed.jsonl")
	wantErr := strings.Join([]string{
		feed + ":7: invalid JSON: unexpected end of input at byte 37",
		feed + ":500: body is empty",
		feed + `:901: published: cannot parse "31/02/2020" as a date`,
	}, "\n") + "\n"
	if diff := cmp.Diff(wantErr, stderr); diff != "" {
		t.Errorf("first ingest stderr (-want +got):\n%s", diff)
	}

	// Everything is in the store, normalised.
	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 1205 {
		t.Errorf("store holds %d articles, want 1205", n)
	}
	a, err := st.Get(context.Background(), "a1200")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Paragraph one of 1200.\n\nParagraph two."; a.Body != want || a.Language != "en" {
		t.Errorf("a1200 body %q language %q, want %q en", a.Body, a.Language, want)
	}
	st.Close()

	// The same input again changes nothing.
	sum, _, err = runIngestTest(t, "", "--data", data, in)
	if !errors.Is(err, errRejected) {
		t.Errorf("second ingest error = %v, want errRejected", err)
	}
	want = ingestSummary{Read: 1208, Unchanged: 1205, Rejected: 3}
	if diff := cmp.Diff(want, sum); diff != "" {
		t.Errorf("second ingest (-want +got):\n%s", diff)
	}

	// A changed article arrives on stdin, matched by URL: an update.
	sum, stderr, err = runIngestTest(t, `{"url": "HTTPS://example.com/text/", "title": "A text article", "body": "Its new body."}`+"\n",
		"--data", data, "-")
	if err != nil {
		t.Errorf("stdin ingest error = %v, stderr %q", err, stderr)
	}
	if diff := cmp.Diff(ingestSummary{Read: 1, Updated: 1}, sum); diff != "" {
		t.Errorf("stdin ingest (-want +got):\n%s", diff)
	}
}

func TestIngestClean(t *testing.T) {
	in := filepath.Join(t.TempDir(), "clean.jsonl")
	ingestWriteFile(t, in, `{"id": "x", "body": "y"}`+"\n")
	sum, stderr, err := runIngestTest(t, "", "--data", t.TempDir(), in)
	if err != nil || stderr != "" {
		t.Errorf("clean ingest: err %v, stderr %q", err, stderr)
	}
	if diff := cmp.Diff(ingestSummary{Read: 1, Added: 1}, sum); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestIngestUsage(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr error
		stderr  string // a part of it
	}{
		{"help", []string{"ingest", "-h"}, nil, "usage: cuttings ingest"},
		{"no files", []string{"ingest", "--data", "x"}, errUsage, "no FILE, DIR, URL or - given"},
		{"bad flag", []string{"ingest", "--nope"}, errUsage, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderr)
			}
		})
	}

	var stdout, stderr bytes.Buffer
	err := run([]string{"ingest", "--data", t.TempDir(), filepath.Join(t.TempDir(), "missing.jsonl")}, nil, &stdout, &stderr)
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want not exist", err)
	}
}

// Every input that gives no article is named, and counted in the summary:
// an empty file, a JSON array of nothing, and a file under a directory
// whose extension ingest does not read. None is a rejection (the exit
// status stays 0), but none is passed over in silence either.
func TestIngestSkipped(t *testing.T) {
	in := t.TempDir()
	ingestWriteFile(t, filepath.Join(in, "one.jsonl"), `{"id":"a1","title":"Harbour wall","body":"The harbour wall was repaired on Monday, the council said."}`+"\n")
	ingestWriteFile(t, filepath.Join(in, "empty.json"), "")
	ingestWriteFile(t, filepath.Join(in, "none.json"), "[]")
	ingestWriteFile(t, filepath.Join(in, "notes.md"), "# not an article\n")
	ingestWriteFile(t, filepath.Join(in, ".draft.jsonl"), "") // hidden: a writer's temporary file, left alone
	emptyDir := t.TempDir()
	sum, stderr, err := runIngestTest(t, "", "--data", t.TempDir(), in, emptyDir)
	if err != nil {
		t.Fatalf("exit: %v", err)
	}
	if diff := cmp.Diff(ingestSummary{Read: 1, Added: 1, Skipped: 4}, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	for _, name := range []string{"empty.json", "none.json", "notes.md"} {
		if !strings.Contains(stderr, filepath.Join(in, name)+": skipped") {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
	if !strings.Contains(stderr, emptyDir+": skipped: no file in it") {
		t.Errorf("stderr does not name the empty directory:\n%s", stderr)
	}
	if strings.Contains(stderr, ".draft") {
		t.Errorf("stderr names the hidden file:\n%s", stderr)
	}
}
