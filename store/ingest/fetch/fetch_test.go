package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestGet(t *testing.T) {
	page := "<html><body><p>The council voted to keep the library open.</p></body></html>"
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Repeat("x", 2000)))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := &Client{MaxBytes: 1000, PerHost: -1}
	ctx := context.Background()

	res, err := c.Get(ctx, Request{URL: srv.URL + "/moved", Accept: Pages})
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Body) != page || res.URL != srv.URL+"/page" || res.ContentType != "text/html; charset=windows-1252" {
		t.Errorf("got %q from %s as %q", res.Body, res.URL, res.ContentType)
	}

	for _, tt := range []struct {
		path, reason string
	}{
		{"/image", `content type "image/png" is not one of text/html, application/xhtml+xml`},
		{"/big", "larger than 1000 bytes"},
		{"/gone", "HTTP 410 Gone"},
	} {
		_, err := c.Get(ctx, Request{URL: srv.URL + tt.path, Accept: Pages})
		var fe *Error
		if !errors.As(err, &fe) || fe.URL != srv.URL+tt.path || !strings.Contains(fe.Reason, tt.reason) {
			t.Errorf("GET %s: error %v, want one naming the URL and %q", tt.path, err, tt.reason)
		}
	}
	if _, err := c.Get(ctx, Request{URL: "file:///etc/passwd"}); err == nil || !strings.Contains(err.Error(), "not an http or https URL") {
		t.Errorf("file URL: error %v", err)
	}
}

func TestGetTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := &Client{Timeout: 200 * time.Millisecond, PerHost: -1}
	start := time.Now()
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/slow"})
	if err == nil || !strings.Contains(err.Error(), srv.URL+"/slow: no complete answer within 200ms") {
		t.Errorf("error %v, want the URL and the timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v", d)
	}
}

func TestGetConditional(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, r.Header.Get("If-None-Match")+"|"+r.Header.Get("If-Modified-Since"))
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Sat, 05 Dec 2026 10:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte("<rss/>"))
	}))
	defer srv.Close()
	c := &Client{PerHost: -1}
	first, err := c.Get(context.Background(), Request{URL: srv.URL, Accept: Feeds})
	if err != nil || first.NotModified || first.ETag != `"v1"` {
		t.Fatalf("first: %+v, %v", first, err)
	}
	second, err := c.Get(context.Background(), Request{URL: srv.URL, Accept: Feeds, ETag: first.ETag, LastModified: first.LastModified})
	if err != nil || !second.NotModified || len(second.Body) != 0 || second.ETag != `"v1"` {
		t.Fatalf("second: %+v, %v", second, err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []string{"|", `"v1"|Sat, 05 Dec 2026 10:00:00 GMT`}
	if strings.Join(seen, ",") != strings.Join(want, ",") {
		t.Errorf("validators sent %q, want %q", seen, want)
	}
}

// Requests to one host are spaced by PerHost, even when made at once;
// another host does not wait for them.
func TestGetPerHost(t *testing.T) {
	var mu sync.Mutex
	var times []time.Time
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
	})
	one := httptest.NewServer(handler)
	defer one.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer other.Close()

	c := &Client{PerHost: 150 * time.Millisecond}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), Request{URL: one.URL}); err != nil {
				t.Error(err)
			}
		})
	}
	time.Sleep(20 * time.Millisecond)
	start := time.Now()
	// Another name for this machine counts as another host.
	if _, err := c.Get(context.Background(), Request{URL: strings.Replace(other.URL, "127.0.0.1", "localhost", 1)}); err != nil {
		t.Error(err)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("another host waited %v", d)
	}
	wg.Wait()
	if len(times) != 4 {
		t.Fatalf("%d requests arrived, want 4", len(times))
	}
	// Requests start on their turn; on a busy machine one may reach the
	// server a little late, so each is measured from the first.
	slices.SortFunc(times, time.Time.Compare)
	for i := 1; i < len(times); i++ {
		if since := times[i].Sub(times[0]); since < time.Duration(i)*150*time.Millisecond-40*time.Millisecond {
			t.Errorf("request %d to one host %v after the first, want about %v", i, since, time.Duration(i)*150*time.Millisecond)
		}
	}
}

// A redirect to the same host waits its turn like any request.
func TestGetRedirectWaits(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusFound) })
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("moved here")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := &Client{PerHost: 200 * time.Millisecond}
	start := time.Now()
	res, err := c.Get(context.Background(), Request{URL: srv.URL + "/old"})
	if err != nil || string(res.Body) != "moved here" {
		t.Fatalf("Get: %v", err)
	}
	if d := time.Since(start); d < 190*time.Millisecond {
		t.Errorf("the redirect was followed after %v, want a turn of 200ms", d)
	}
}
