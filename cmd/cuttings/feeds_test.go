package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

// storedArticles is everything in the store at data, by URL.
func storedArticles(t *testing.T, data string) map[string]store.Article {
	t.Helper()
	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	changes, err := st.Changes(context.Background(), 0, 10000)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]store.Article{}
	for _, c := range changes {
		if !c.Deleted {
			out[c.Article.URL] = c.Article
		}
	}
	return out
}

// checkStory compares an article in the store with the story the
// newsroom wrote.
func checkStory(t *testing.T, got map[string]store.Article, s newsStory, base, source string) {
	t.Helper()
	a, ok := got[s.pageURL(base)]
	if !ok {
		t.Errorf("%s: not in the store", s.pageURL(base))
		return
	}
	want := store.Article{
		ID: a.ID, URL: s.pageURL(base), Title: s.title, Authors: []string{s.author}, Source: source,
		Published: s.published, Language: "en-gb", Body: s.body(),
	}
	if diff := cmp.Diff(want, a, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("%s (-want +got):\n%s", s.slug, diff)
	}
}

// shortPace makes fetching from the one test host quick, for the length
// of a test.
func shortPace(t *testing.T) {
	old := fetchPerHost
	fetchPerHost = 5 * time.Millisecond
	t.Cleanup(func() { fetchPerHost = old })
}

// A feed of 50 items, 10 of which carry only a summary: those are read
// from their pages (one in windows-1252), the rest from the feed.
func TestIngestFeedURL(t *testing.T) {
	shortPace(t)
	srv, stories := newsroom(t)
	data := t.TempDir()
	sum, stderr, err := runIngestTest(t, "", "--data", data, srv.URL+"/feed.rss")
	if err != nil || stderr != "" {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if diff := cmp.Diff(ingestSummary{Read: 50, Added: 50}, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	got := storedArticles(t, data)
	if len(got) != 50 {
		t.Errorf("%d articles stored, want 50", len(got))
	}
	onPage := 0
	for _, s := range stories {
		checkStory(t, got, s, srv.URL, newsroomSource)
		if s.onPage {
			onPage++
		}
	}
	if onPage != 10 {
		t.Errorf("%d stories on pages, want 10", onPage)
	}

	// Read again: the same articles, unchanged, the pages' canonical URLs
	// matching what is stored.
	sum, _, err = runIngestTest(t, "", "--data", data, srv.URL+"/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ingestSummary{Read: 50, Unchanged: 50}, sum); diff != "" {
		t.Errorf("second ingest (-want +got):\n%s", diff)
	}
}

func TestIngestAtomURL(t *testing.T) {
	srv, stories := newsroom(t)
	data := t.TempDir()
	sum, stderr, err := runIngestTest(t, "", "--data", data, srv.URL+"/atom.xml")
	if err != nil || stderr != "" {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if diff := cmp.Diff(ingestSummary{Read: 3, Added: 3}, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	got := storedArticles(t, data)
	for _, s := range stories[:3] {
		a := got[s.pageURL(srv.URL)]
		a.Language = "en-gb" // an Atom feed here names no language; the default stands
		got[s.pageURL(srv.URL)] = a
		checkStory(t, got, s, srv.URL, newsroomSource+" (Atom)")
	}
}

// A feed that is not well-formed is one rejection naming the URL and the
// line, and none of its items is written; the other inputs go on.
func TestIngestBrokenFeed(t *testing.T) {
	srv, _ := newsroom(t)
	data := t.TempDir()
	good := filepath.Join(t.TempDir(), "good.jsonl")
	ingestWriteFile(t, good, `{"id":"g1","title":"Gig rowing regatta","body":"Forty crews raced in the gig regatta at Newquay on Saturday."}`+"\n")
	sum, stderr, err := runIngestTest(t, "", "--data", data, srv.URL+"/broken.rss", good)
	if !errors.Is(err, errRejected) {
		t.Errorf("err = %v, want errRejected", err)
	}
	if diff := cmp.Diff(ingestSummary{Read: 2, Added: 1, Rejected: 1}, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if want := srv.URL + "/broken.rss: broken feed: line "; !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr %q, want it to start %q", stderr, want)
	}
	if got := storedArticles(t, data); len(got) != 1 {
		t.Errorf("%d articles stored, want only the good file's", len(got))
	}
}

// A host that does not answer is reported with the URL and the wait, and
// the other inputs go on.
func TestIngestTimeout(t *testing.T) {
	shortPace(t)
	srv, stories := newsroom(t)
	data := t.TempDir()
	start := time.Now()
	sum, stderr, err := runIngestTest(t, "", "--data", data, "--timeout", "300ms", srv.URL+"/slow", srv.URL+"/atom.xml")
	if !errors.Is(err, errRejected) {
		t.Errorf("err = %v, want errRejected", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	if diff := cmp.Diff(ingestSummary{Added: 3, Read: 3, Rejected: 1}, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if want := srv.URL + "/slow: no complete answer within 300ms\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if got := storedArticles(t, data); len(got) != 3 || got[stories[0].pageURL(srv.URL)].Title != stories[0].title {
		t.Errorf("stored %d articles, want the Atom feed's 3", len(got))
	}
}

// A directory of saved pages: each page one article, a page with no
// article text rejected by name.
func TestIngestSavedPages(t *testing.T) {
	dir := t.TempDir()
	base := "https://chronicle.example"
	var want []newsStory
	for i, s := range pageStories[:4] {
		s.published = time.Date(2025, 5, 1+i, 9, 0, 0, 0, time.UTC)
		want = append(want, s)
		ingestWriteFile(t, filepath.Join(dir, "2025", "05", s.slug+".html"), s.page(base))
	}
	ingestWriteFile(t, filepath.Join(dir, "2025", "index.htm"), `<html><head><title>Harbourside Chronicle</title></head><body><nav><a href="/news">News</a></nav></body></html>`)
	ingestWriteFile(t, filepath.Join(dir, "2025", "style.css"), "body { color: navy }")
	data := t.TempDir()
	sum, stderr, err := runIngestTest(t, "", "--data", data, dir)
	if !errors.Is(err, errRejected) {
		t.Errorf("err = %v, want errRejected", err)
	}
	// The stylesheet is not read, and said so (issue 15: no file is
	// passed over in silence).
	if diff := cmp.Diff(ingestSummary{Read: 5, Added: 4, Rejected: 1, Skipped: 1}, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if want := filepath.Join(dir, "2025", "style.css") + ": skipped: not a kind of file ingest reads (by its extension)\n" +
		filepath.Join(dir, "2025", "index.htm") + ": no article text found on the page\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	got := storedArticles(t, data)
	for _, s := range want {
		checkStory(t, got, s, base, newsroomSource)
	}
}

func TestWatchDir(t *testing.T) {
	old := watchInterval
	watchInterval = 200 * time.Millisecond
	t.Cleanup(func() { watchInterval = old })
	dir := t.TempDir()
	ingestWriteFile(t, filepath.Join(dir, "old.jsonl"), `{"id":"o"}`+"\n")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reads := make(chan []string, 10)
	done := make(chan error, 1)
	go func() {
		done <- watchDir(ctx, dir, os.Stderr, func(files []string) error {
			rel := make([]string, len(files))
			for i, f := range files {
				rel[i], _ = filepath.Rel(dir, f)
			}
			reads <- rel
			return nil
		})
	}()
	next := func() []string {
		t.Helper()
		select {
		case r := <-reads:
			return r
		case <-time.After(5 * time.Second):
			t.Fatal("no files read")
			return nil
		}
	}
	if got := next(); !cmp.Equal(got, []string{"old.jsonl"}) {
		t.Errorf("first read %v, want the file already there", got)
	}

	// A file being written is read once it stops changing, and only then.
	path := filepath.Join(dir, "new", "story.html")
	ingestWriteFile(t, path, "<html><body><p>The first half")
	for range 6 {
		time.Sleep(watchInterval / 10)
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(" and more")
		f.Close()
		select {
		case r := <-reads:
			t.Fatalf("read %v while it was being written", r)
		default:
		}
	}
	if got := next(); !cmp.Equal(got, []string{filepath.Join("new", "story.html")}) {
		t.Errorf("read %v, want the new file", got)
	}
	// Hidden files (a writer's temporary name) and unknown kinds are not read.
	ingestWriteFile(t, filepath.Join(dir, ".partial.html"), "<html>")
	ingestWriteFile(t, filepath.Join(dir, "notes.doc"), "x")
	time.Sleep(4 * watchInterval)
	select {
	case r := <-reads:
		t.Errorf("read %v", r)
	default:
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("watchDir: %v", err)
	}
}

// A page's URL is one article, everything about it from the page itself.
func TestIngestPageURL(t *testing.T) {
	srv, stories := newsroom(t)
	data := t.TempDir()
	s := stories[49] // on its page, in windows-1252
	if s.charset != "windows-1252" {
		t.Fatalf("story 49 is %q, want the windows-1252 one", s.slug)
	}
	sum, stderr, err := runIngestTest(t, "", "--data", data, s.pageURL(srv.URL)+"?utm_campaign=share")
	if err != nil || stderr != "" {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if diff := cmp.Diff(ingestSummary{Read: 1, Added: 1}, sum); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	checkStory(t, storedArticles(t, data), s, srv.URL, newsroomSource)
}
