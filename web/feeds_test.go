package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cuttings/cuttings/store/ingest/poll"
	"github.com/cuttings/cuttings/web"
)

// The polled feeds' statuses show in /healthz and on the search page:
// when each was last read, and what failed.
func TestFeedStatus(t *testing.T) {
	read := time.Now().Add(-12 * time.Minute).UTC().Truncate(time.Second)
	statuses := []poll.Status{
		{URL: "https://quay.example/rss", Title: "Quayside Bulletin", LastRead: read, LastTry: read, Added: 3},
		{URL: "https://moor.example/feed", LastTry: read, Error: "https://moor.example/feed: HTTP 502 Bad Gateway", Failures: 2},
	}
	ta := newTestArchiveWith(t, web.Options{Feeds: func() []poll.Status { return statuses }})

	var health struct {
		Status string        `json:"status"`
		Feeds  []poll.Status `json:"feeds"`
	}
	if code, _ := get(t, ta.URL, "/healthz", &health); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if health.Status != "ok" || len(health.Feeds) != 2 {
		t.Fatalf("healthz %+v", health)
	}
	if f := health.Feeds[0]; f.URL != statuses[0].URL || !f.LastRead.Equal(read) || f.Error != "" || f.Added != 3 {
		t.Errorf("first feed %+v", f)
	}
	if f := health.Feeds[1]; f.Error != statuses[1].Error || !f.LastRead.IsZero() || f.Failures != 2 {
		t.Errorf("second feed %+v", f)
	}

	res, err := http.Get(ta.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	page, _ := io.ReadAll(res.Body)
	for _, want := range []string{
		`<p class="feed-alert"><a href="#feeds">1 of 2 feeds failing</a></p>`,
		`<section class="facet feeds" id="feeds">`,
		`2 feeds · <span class="failing">1 failing</span>`,
		`<span class="label">Quayside Bulletin</span>`,
		`read <time datetime="` + read.Format(time.RFC3339) + `">12 min ago</time>`,
		`<span class="label">https://moor.example/feed</span>`,
		`read never`,
		`<span class="error">https://moor.example/feed: HTTP 502 Bad Gateway</span>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("search page lacks %s", want)
		}
	}
}

// Without feeds, neither says anything of them.
func TestNoFeedStatus(t *testing.T) {
	ta := newTestArchive(t, "")
	var health map[string]any
	get(t, ta.URL, "/healthz", &health)
	if _, ok := health["feeds"]; ok {
		t.Errorf("healthz has feeds without --feeds: %v", health)
	}
	res, err := http.Get(ta.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	page, _ := io.ReadAll(res.Body)
	if strings.Contains(string(page), `id="feeds"`) || strings.Contains(string(page), "feed-alert") {
		t.Error("search page shows feeds without --feeds")
	}
}
