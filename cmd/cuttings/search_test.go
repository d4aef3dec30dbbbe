package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/web"
)

// searchTestArticles are a few articles written for these tests.
func searchTestArticles() []store.Article {
	day := func(s string) time.Time {
		t, _ := time.Parse(time.DateOnly, s)
		return t.Add(9 * time.Hour)
	}
	return []store.Article{
		{ID: "s1", Title: "Harbour reopens after storm repairs", Source: "Northern Post", Published: day("2024-03-02"),
			Body: "The harbour at Whitby reopened on Friday. \"We are open for business again,\" said Mary Oldroyd, the harbour master."},
		{ID: "s2", Title: "Ferry timetable cut for winter", Source: "Coast Gazette", Published: day("2023-11-20"),
			Body: "The ferry operator cut its winter timetable to two crossings a day, blaming fuel costs & falling demand."},
		{ID: "s3", Title: "Lifeboat crew honoured", Source: "Northern Post", Published: day("2025-06-14"),
			Body: "The Whitby lifeboat crew received a bravery award for a rescue in last year's storm."},
	}
}

// searchDataDir is a data directory whose store holds the test articles.
func searchDataDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutBatch(context.Background(), searchTestArticles()); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runSearchTest(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(append([]string{"search"}, args...), strings.NewReader(""), &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

func decodeSearch(t *testing.T, out string) web.SearchJSON {
	t.Helper()
	var r web.SearchJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--json output %q: %v", out, err)
	}
	return r
}

func searchIDs(r web.SearchJSON) []string {
	ids := []string{}
	for _, h := range r.Hits {
		if h.QuoteID != "" {
			ids = append(ids, h.QuoteID)
		} else {
			ids = append(ids, h.ID)
		}
	}
	return ids
}

func TestSearchCommandJSON(t *testing.T) {
	dir := searchDataDir(t)
	tests := []struct {
		name string
		args []string
		want []string // hit ids, in order
	}{
		{"all", []string{"--sort", "newest"}, []string{"s3", "s1", "s2"}},
		{"words", []string{"whitby", "harbour"}, []string{"s1", "s3"}},
		{"must", []string{"+whitby", "+harbour"}, []string{"s1"}},
		{"phrase", []string{`"winter timetable"`}, []string{"s2"}},
		{"source filter", []string{"--source", "Northern Post", "--sort", "oldest"}, []string{"s1", "s3"}},
		{"two sources (AND)", []string{"--source", "Northern Post", "--source", "Coast Gazette"}, []string{}},
		{"year range", []string{"--from", "2024", "--to", "2024"}, []string{"s1"}},
		{"to includes its day", []string{"--to", "2023-11-20"}, []string{"s2"}},
		{"paging", []string{"--sort", "oldest", "--size", "1", "--page", "2"}, []string{"s1"}},
		{"quotes", []string{"--quotes", "business"}, []string{"q:s1:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, err := runSearchTest(t, append([]string{"--data", dir, "--json"}, tt.args...)...)
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			r := decodeSearch(t, out)
			if diff := cmp.Diff(tt.want, searchIDs(r)); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSearchCommandShape checks --json has the fields of the server's API.
func TestSearchCommandShape(t *testing.T) {
	dir := searchDataDir(t)
	out, stderr, err := runSearchTest(t, "--data", dir, "--json", "--size", "1", "harbour")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	if diff := cmp.Diff([]string{"facets", "hits", "page", "size", "took_ms", "total", "total_copies"}, keys(raw)); diff != "" {
		t.Errorf("result keys (-want +got):\n%s", diff)
	}
	hit := raw["hits"].([]any)[0].(map[string]any)
	if diff := cmp.Diff([]string{"copies", "copy_count", "copy_sources", "countries", "group", "id", "people", "published", "snippet", "source", "title", "topics", "url"}, keys(hit)); diff != "" {
		t.Errorf("hit keys (-want +got):\n%s", diff)
	}
	if s := hit["snippet"].(string); !strings.Contains(s, "<mark>harbour</mark>") {
		t.Errorf("snippet %q has no marked match", s)
	}
	facets := raw["facets"].(map[string]any)
	if diff := cmp.Diff([]string{"country", "org", "person", "published", "source", "speaker", "topic"}, keys(facets)); diff != "" {
		t.Errorf("facet keys (-want +got):\n%s", diff)
	}

	out, stderr, err = runSearchTest(t, "--data", dir, "--json", "--quotes")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	hit = raw["hits"].([]any)[0].(map[string]any)
	if diff := cmp.Diff([]string{"copies", "copy_count", "copy_sources", "group", "id", "published", "quote", "quote_id", "snippet", "source", "speaker", "speaker_type", "title", "url"}, keys(hit)); diff != "" {
		t.Errorf("quote hit keys (-want +got):\n%s", diff)
	}
}

func TestSearchCommandText(t *testing.T) {
	dir := searchDataDir(t)
	out, stderr, err := runSearchTest(t, "--data", dir, "fuel")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, want := range []string{
		"1 article, 1-1 shown",
		"2023-11-20  Coast Gazette  Ferry timetable cut for winter",
		"[s2]",
		"blaming *fuel* costs & falling demand", // unescaped, match marked
		"source:    Coast Gazette (1)",
		"published: 2023 (1)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	out, _, err = runSearchTest(t, "--data", dir, "nothingmatchesthis")
	if err != nil || !strings.HasPrefix(out, "no articles found") {
		t.Errorf("no match: %q, %v", out, err)
	}
}

func TestSearchCommandErrors(t *testing.T) {
	dir := searchDataDir(t)
	tests := []struct {
		name string
		args []string
		want error
	}{
		{"bad date", []string{"--from", "2024-13-01"}, errUsage},
		{"unknown flag", []string{"--colour", "red"}, errUsage},
		{"bad size", []string{"--size", "500"}, index.ErrBadQuery},
		{"bad sort", []string{"--sort", "random"}, index.ErrBadQuery},
		{"bad query", []string{`"unclosed`}, index.ErrBadQuery},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runSearchTest(t, append([]string{"--data", dir}, tt.args...)...)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, _, err := runSearchTest(t, "--data", filepath.Join(dir, "missing"), "x"); err == nil ||
		!strings.Contains(err.Error(), "no archive") {
		t.Errorf("missing data dir: err = %v", err)
	}
}

// TestSearchCommandThroughServer asks a running server, which holds the
// index, and gets what the index itself answers.
func TestSearchCommandThroughServer(t *testing.T) {
	dir := searchDataDir(t)
	args := []string{"--data", dir, "--json", "--size", "2", "harbour"}
	direct, stderr, err := runSearchTest(t, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	quotesArgs := []string{"--data", dir, "--json", "--quotes", "--speaker", "Mary Oldroyd"}
	directQuotes, stderr, err := runSearchTest(t, quotesArgs...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer stopServer(t, s, cancel, ctx)
	if running, err := index.ServerRunning(dir); err != nil || !running {
		t.Fatalf("ServerRunning = %v, %v", running, err)
	}

	viaServer, stderr, err := runSearchTest(t, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	viaServerQuotes, stderr, err := runSearchTest(t, quotesArgs...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	same := func(direct, viaServer string) {
		t.Helper()
		a, b := decodeSearch(t, direct), decodeSearch(t, viaServer)
		a.TookMS, b.TookMS = 0, 0
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("direct and server answers differ (-direct +server):\n%s", diff)
		}
		if len(a.Hits) == 0 {
			t.Error("no hits")
		}
	}
	same(direct, viaServer)
	same(directQuotes, viaServerQuotes)

	// The server's 400 comes back as the error.
	if _, _, err := runSearchTest(t, "--data", dir, `"unclosed`); err == nil || !strings.Contains(err.Error(), "server:") {
		t.Errorf("bad query through the server: err = %v", err)
	}
}

// TestSearchCommandExport: --format csv and jsonl print every hit, filters
// and sort honoured, the same whether the index or a running server answers.
func TestSearchCommandExport(t *testing.T) {
	dir := searchDataDir(t)
	csvArgs := []string{"--data", dir, "--format", "csv", "--sort", "oldest", "--source", "Northern Post"}
	direct, stderr, err := runSearchTest(t, csvArgs...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	want := "id,title,url,source,published,people,countries,topics\n"
	if !strings.HasPrefix(direct, want) {
		t.Errorf("csv heading: %q", direct)
	}
	lines := strings.Split(strings.TrimSpace(direct), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "s1,") || !strings.HasPrefix(lines[2], "s3,") {
		t.Errorf("csv rows, oldest first from Northern Post:\n%s", direct)
	}
	jsonlArgs := []string{"--data", dir, "--format", "jsonl", "--quotes", "--speaker", "Mary Oldroyd"}
	directQuotes, stderr, err := runSearchTest(t, jsonlArgs...)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(directQuotes, `"speaker":"Mary Oldroyd"`) || strings.Count(directQuotes, "\n") != 1 {
		t.Errorf("jsonl quotes: %q", directQuotes)
	}
	if _, _, err := runSearchTest(t, "--data", dir, "--format", "xml"); !errors.Is(err, errUsage) {
		t.Errorf("--format xml: err = %v, want a usage error", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer stopServer(t, s, cancel, ctx)
	for _, c := range []struct {
		args   []string
		direct string
	}{{csvArgs, direct}, {jsonlArgs, directQuotes}} {
		viaServer, stderr, err := runSearchTest(t, c.args...)
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		if diff := cmp.Diff(c.direct, viaServer); diff != "" {
			t.Errorf("%q: direct and server exports differ (-direct +server):\n%s", c.args, diff)
		}
	}
}

// The text output names every source that ran a story's other copies, and
// counts the copies when there are more than sources.
func TestCopySources(t *testing.T) {
	for _, c := range []struct {
		h    web.HitJSON
		want string
	}{
		{web.HitJSON{CopyCount: 2, CopySources: []string{"Coast Wire", "Western Echo"}}, "Coast Wire, Western Echo"},
		{web.HitJSON{CopyCount: 41, CopySources: []string{"Coast Wire", "Western Echo"}}, "Coast Wire, Western Echo (41 copies)"},
	} {
		if got := copySources(c.h); got != c.want {
			t.Errorf("copySources(%d copies from %q) = %q, want %q", c.h.CopyCount, c.h.CopySources, got, c.want)
		}
	}
}
