package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cuttings/cuttings/store/ingest/poll"
)

// serve --feeds reads the listed feeds into the archive, where they are
// searchable, and /healthz says how each went.
func TestServeFeeds(t *testing.T) {
	shortPace(t)
	news, stories := newsroom(t)
	list := filepath.Join(t.TempDir(), "feeds.txt")
	ingestWriteFile(t, list, "# the Chronicle\n"+news.URL+"/feed.rss\n"+news.URL+"/broken.rss\n\n"+news.URL+"/missing.rss\n")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: t.TempDir(), Feeds: list, Every: time.Hour}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var health struct {
		Articles int           `json:"articles"`
		Feeds    []poll.Status `json:"feeds"`
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		getJSON(t, s.URL+"/healthz", &health)
		tried := 0
		for _, f := range health.Feeds {
			if !f.LastTry.IsZero() {
				tried++
			}
		}
		if tried == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("feeds not all read: %+v", health)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(health.Feeds) != 3 {
		t.Fatalf("healthz lists %d feeds, want 3", len(health.Feeds))
	}
	good, broken, missing := health.Feeds[0], health.Feeds[1], health.Feeds[2]
	if good.URL != news.URL+"/feed.rss" || good.LastRead.IsZero() || good.Error != "" || good.Added != 50 || good.Title != newsroomSource {
		t.Errorf("good feed: %+v", good)
	}
	if !broken.LastRead.IsZero() || !strings.HasPrefix(broken.Error, news.URL+"/broken.rss: broken feed: line ") {
		t.Errorf("broken feed: %+v", broken)
	}
	if missing.Error != news.URL+"/missing.rss: HTTP 404 Not Found" {
		t.Errorf("missing feed: %+v", missing)
	}

	// The feed's stories become searchable as the server follows the store.
	var found struct {
		Total int
		Hits  []struct{ Title string }
	}
	deadline = time.Now().Add(30 * time.Second)
	for {
		getJSON(t, s.URL+"/api/search?q=torpoint", &found)
		if found.Total > 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if found.Total != 1 || found.Hits[0].Title != stories[4].title {
		t.Errorf("search for a story read from its page: %+v", found)
	}
	stopServer(t, s, cancel, ctx)
}

func TestServeFeedsBadList(t *testing.T) {
	list := filepath.Join(t.TempDir(), "feeds.txt")
	ingestWriteFile(t, list, "https://a.example/rss\nnews.example/rss\n")
	_, err := startServer(context.Background(), serveOptions{Addr: "127.0.0.1:0", Data: t.TempDir(), Feeds: list}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), list+`:2: "news.example/rss" is not an http or https URL`) {
		t.Errorf("error %v, want the file, line and reason", err)
	}
	_, err = startServer(context.Background(), serveOptions{Addr: "127.0.0.1:0", Data: t.TempDir(), Feeds: list + ".missing"}, io.Discard)
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v, want not exist", err)
	}
}
