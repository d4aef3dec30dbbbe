package poll

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest/fetch"
)

// quayFeed is a small RSS feed of the Quayside Bulletin: two stories with
// their text, one with a summary and a link to its page.
func quayFeed(base string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Quayside Bulletin</title><link>` + base + `/</link>
<item><title>Crab landings double</title><link>` + base + `/crab</link><pubDate>Mon, 07 Apr 2025 07:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Crab landings at the quay doubled in March compared with a year ago, the harbour office said, after a mild winter brought the pots back early.</p>]]></content:encoded></item>
<item><title>Ice plant to be replaced</title><link>` + base + `/ice</link><pubDate>Sun, 06 Apr 2025 07:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>The harbour's ice plant, which has broken down three times this year, will be replaced before the summer, the harbour board agreed.</p>]]></content:encoded></item>
<item><title>Fish auction moves online</title><link>` + base + `/auction</link><pubDate>Sat, 05 Apr 2025 07:00:00 +0000</pubDate>
<description>Buyers will bid from their phones.</description></item>
</channel></rss>`
}

const auctionPage = `<html><head><title>Fish auction moves online</title></head><body><article>
<p>The morning fish auction on the quay will move online from May, letting buyers bid from their phones rather than standing on the market floor at five in the morning.</p>
<p>The auctioneer said the fish would still be landed and graded on the quay as now, and buyers could still come and look before the sale.</p>
</article></body></html>`

// quay is a test server for the feed: it answers a request that carries
// the feed's ETag with a 304, counts what it serves, and fails or hangs on
// demand.
type quay struct {
	*httptest.Server
	mu          sync.Mutex
	feedGets    int
	notModified int
	pageGets    int
	fail        bool
}

func newQuay(t *testing.T) *quay {
	q := &quay{}
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		q.mu.Lock()
		defer q.mu.Unlock()
		q.feedGets++
		if q.fail {
			http.Error(w, "upstream is down", http.StatusBadGateway)
			return
		}
		if r.Header.Get("If-None-Match") == `"quay-1"` {
			q.notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"quay-1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, quayFeed(q.URL))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.Replace(quayFeed(q.URL), "</item>", "", 1))
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/auction", func(w http.ResponseWriter, r *http.Request) {
		q.mu.Lock()
		q.pageGets++
		q.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, auctionPage)
	})
	q.Server = httptest.NewServer(mux)
	t.Cleanup(func() { close(release); q.Close() })
	return q
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestPollConditional(t *testing.T) {
	q := newQuay(t)
	st := openStore(t)
	p := &Poller{Feeds: []string{q.URL + "/feed"}, Store: st, Client: &fetch.Client{PerHost: -1}, Every: time.Minute}
	ctx := context.Background()

	before := time.Now()
	if wait := p.Poll(ctx, q.URL+"/feed"); wait != time.Minute {
		t.Errorf("wait after a good read %v, want Every", wait)
	}
	s := p.Statuses()[0]
	if s.Added != 3 || s.Error != "" || s.Unchanged || s.Title != "Quayside Bulletin" || s.LastRead.Before(before) {
		t.Errorf("first poll: %+v", s)
	}
	a, err := st.Get(ctx, store.URLID(q.URL+"/auction"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Fish auction moves online" || !strings.HasPrefix(a.Body, "The morning fish auction on the quay will move online from May") || a.Source != "Quayside Bulletin" {
		t.Errorf("the item on its page: %+v", a)
	}

	// The second poll sends the ETag and gets a 304: nothing read, the
	// feed still counted as read.
	first := s.LastRead
	p.Poll(ctx, q.URL+"/feed")
	s = p.Statuses()[0]
	q.mu.Lock()
	if q.feedGets != 2 || q.notModified != 1 || q.pageGets != 1 {
		t.Errorf("feed fetched %d times, %d of them 304, page %d times; want 2, 1, 1", q.feedGets, q.notModified, q.pageGets)
	}
	q.mu.Unlock()
	if !s.Unchanged || s.Added != 0 || !s.LastRead.After(first) || s.Error != "" {
		t.Errorf("second poll: %+v", s)
	}
	if n, _ := st.Count(ctx); n != 3 {
		t.Errorf("store holds %d articles, want 3", n)
	}
}

func TestPollFailures(t *testing.T) {
	q := newQuay(t)
	st := openStore(t)
	p := &Poller{Store: st, Client: &fetch.Client{PerHost: -1, Timeout: 200 * time.Millisecond},
		Every: time.Minute, MaxBackoff: 3 * time.Minute}
	p.Feeds = []string{q.URL + "/feed", q.URL + "/hang", q.URL + "/broken"}
	ctx := context.Background()

	q.mu.Lock()
	q.fail = true
	q.mu.Unlock()
	var waits []time.Duration
	for range 4 {
		waits = append(waits, p.Poll(ctx, q.URL+"/feed"))
	}
	if want := []time.Duration{time.Minute, 2 * time.Minute, 3 * time.Minute, 3 * time.Minute}; fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("back-off %v, want %v", waits, want)
	}
	p.Poll(ctx, q.URL+"/hang")
	p.Poll(ctx, q.URL+"/broken")

	st0 := p.Statuses()
	for i, want := range []string{
		q.URL + "/feed: HTTP 502 Bad Gateway",
		q.URL + "/hang: no complete answer within 200ms",
		q.URL + "/broken: broken feed: line ",
	} {
		if !strings.HasPrefix(st0[i].Error, want) || !st0[i].LastRead.IsZero() || st0[i].LastTry.IsZero() {
			t.Errorf("status %+v, want error %q and never read", st0[i], want)
		}
	}
	if st0[0].Failures != 4 {
		t.Errorf("%d failures, want 4", st0[0].Failures)
	}
	if n, _ := st.Count(ctx); n != 0 {
		t.Errorf("a broken feed wrote %d articles", n)
	}

	// The feed comes back: the failure is forgotten, the wait is Every.
	q.mu.Lock()
	q.fail = false
	q.mu.Unlock()
	if wait := p.Poll(ctx, q.URL+"/feed"); wait != time.Minute {
		t.Errorf("wait after recovery %v", wait)
	}
	if s := p.Statuses()[0]; s.Error != "" || s.Failures != 0 || s.Added != 3 {
		t.Errorf("after recovery: %+v", s)
	}
}

func TestRun(t *testing.T) {
	q := newQuay(t)
	st := openStore(t)
	p := &Poller{Feeds: []string{q.URL + "/feed"}, Store: st, Client: &fetch.Client{PerHost: -1}, Every: 50 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		q.mu.Lock()
		n := q.notModified
		q.mu.Unlock()
		if n >= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the feed was not polled again; status %+v", p.Statuses())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
	if n, _ := st.Count(context.Background()); n != 3 {
		t.Errorf("store holds %d articles, want 3", n)
	}
}

func TestReadList(t *testing.T) {
	feeds, err := ReadList(strings.NewReader("# the morning's feeds\nhttps://a.example/rss\n\n  https://b.example/atom.xml  \nhttps://a.example/rss\n"), "feeds.txt")
	if err != nil || fmt.Sprint(feeds) != "[https://a.example/rss https://b.example/atom.xml]" {
		t.Errorf("ReadList = %v, %v", feeds, err)
	}
	for text, want := range map[string]string{
		"https://a.example/rss\nfeeds.example.com/rss\n": `feeds.txt:2: "feeds.example.com/rss" is not an http or https URL`,
		"# nothing yet\n": "feeds.txt: no feed URLs in it",
	} {
		if _, err := ReadList(strings.NewReader(text), "feeds.txt"); err == nil || err.Error() != want {
			t.Errorf("ReadList(%q): %v, want %q", text, err, want)
		}
	}
}
