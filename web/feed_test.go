package web_test

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed"

	"github.com/cuttings/cuttings/store"
)

// TestFeed: /feed is valid Atom, as a feed reader's parser reads it, of the
// search's newest hits first; a new matching article appears in it.
func TestFeed(t *testing.T) {
	ta := newTestArchive(t, "")
	parse := func(path string) *gofeed.Feed {
		t.Helper()
		code, h, body := fetch(t, ta.URL+path)
		if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") {
			t.Fatalf("%s: status %d, Content-Type %q: %s", path, code, h.Get("Content-Type"), body)
		}
		// Well-formed XML, all of it.
		dec := xml.NewDecoder(strings.NewReader(body))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed XML: %v", path, err)
			}
		}
		f, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if f.FeedType != "atom" || f.FeedVersion != "1.0" {
			t.Errorf("%s: feed type %s %s, want atom 1.0", path, f.FeedType, f.FeedVersion)
		}
		if f.Title == "" || f.UpdatedParsed == nil || len(f.Links) == 0 {
			t.Errorf("%s: feed lacks title, updated or link: %+v", path, f)
		}
		for _, it := range f.Items {
			if it.GUID == "" || it.Title == "" || it.UpdatedParsed == nil || it.Link == "" {
				t.Errorf("%s: entry lacks id, title, updated or link: %+v", path, it)
			}
		}
		return f
	}
	links := func(f *gofeed.Feed) []string {
		var out []string
		for _, it := range f.Items {
			out = append(out, strings.TrimPrefix(it.Link, ta.URL))
		}
		return out
	}

	f := parse("/feed?q=Ukraine&person=Emmanuel%20Macron")
	if diff := cmp.Diff([]string{"/articles/energy-summit", "/articles/kyiv-pledge"}, links(f)); diff != "" {
		t.Errorf("feed entries, newest first (-want +got):\n%s", diff)
	}
	if !strings.Contains(f.Title, "Emmanuel Macron") {
		t.Errorf("feed title %q does not say what it follows", f.Title)
	}

	f = parse("/feed?view=quotes&speaker=Emmanuel%20Macron")
	if len(f.Items) != 2 || !strings.HasPrefix(f.Items[0].Title, "Emmanuel Macron: “Cheap energy") {
		t.Errorf("quote feed items: %q", links(f))
	}

	// A new article that matches is at the top of the feed.
	ctx := context.Background()
	late := store.Article{ID: "late-news", Title: "Macron returns to Kyiv", Source: "Daily Ledger", Published: day("2025-11-02"),
		Body: "Emmanuel Macron returned to Kyiv on Sunday to discuss Ukraine's air defences."}
	if _, err := ta.Store.PutBatch(ctx, []store.Article{late}); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	f = parse("/feed?q=Ukraine&person=Emmanuel%20Macron")
	if got := links(f); len(got) != 3 || got[0] != "/articles/late-news" {
		t.Errorf("after a new article the feed is %q", got)
	}
	if f.UpdatedParsed == nil || f.UpdatedParsed.Format("2006-01-02") != "2025-11-02" {
		t.Errorf("feed updated %v, want the new article's date", f.UpdatedParsed)
	}

	// Nothing matches: still a valid feed, with no entries.
	if f := parse("/feed?q=zeppelin"); len(f.Items) != 0 {
		t.Errorf("zeppelin: %d entries", len(f.Items))
	}
	for _, path := range []string{"/feed?sort=oldest", "/feed?page=2", "/feed?persn=x"} {
		if code, _, _ := fetch(t, ta.URL+path); code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", path, code)
		}
	}
	// The search page links the feed of what it shows.
	if _, _, page := fetch(t, ta.URL+"/?q=Ukraine&sort=oldest&page=1"); !strings.Contains(page, `id="feed" href="/feed?q=Ukraine"`) {
		t.Error("search page does not link its feed")
	}
}
