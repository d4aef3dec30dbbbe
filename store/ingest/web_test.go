package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest/fetch"
)

const (
	webFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Estuary Times</title>
<item><title>Ferry back in service</title><link>https://estuary.example/ferry</link><pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate><description>The chain ferry returned to service on Monday after a month in dry dock for new prop shafts and a repainted hull.</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>The chain ferry returned to service on Monday after a month in dry dock for new prop shafts, and the queues on both banks cleared by lunchtime.</p>]]></content:encoded></item>
<item><title>Council tax to rise</title><link>https://estuary.example/council-tax</link><description>Bills will go up by five per cent.</description></item>
</channel></rss>`
	webPage = `<html><head><title>Sea wall | Estuary Times</title><link rel="canonical" href="https://estuary.example/sea-wall"></head><body><article>
<p>The sea wall at the end of the promenade will be raised by half a metre over the winter, the Environment Agency said, after waves overtopped it four times last year.</p>
<p>Work is expected to start in November and will close the promenade's southern end until March.</p></article></body></html>`
)

// Feeds, pages and web archives are told apart by their extension, or by
// their first bytes on stdin.
func TestReadWebFormats(t *testing.T) {
	warcRecord := "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2025-03-01T10:00:00Z\r\n" +
		"WARC-Target-URI: https://estuary.example/sea-wall\r\nContent-Type: application/http; msgtype=response\r\n"
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + webPage
	warcFile := warcRecord + "Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n"
	for _, tt := range []struct {
		name, file, content string
		want                []string // Where of each record, with ! for a page to fetch
	}{
		{"feed file", "estuary.rss", webFeed, []string{"estuary.rss[0]", "!estuary.rss[1]"}},
		{"feed on stdin", "-", webFeed, []string{"stdin[0]", "!stdin[1]"}},
		{"xml file", "estuary.xml", webFeed, []string{"estuary.xml[0]", "!estuary.xml[1]"}},
		{"page file", "sea-wall.html", webPage, []string{"sea-wall.html"}},
		{"page on stdin", "-", webPage, []string{"stdin"}},
		{"warc file", "crawl.warc", warcFile, []string{"crawl.warc[0]"}},
		{"warc on stdin", "-", warcFile, []string{"stdin[0]"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := Read(strings.NewReader(tt.content), tt.file, func(r Record) error {
				if r.Err != nil {
					t.Errorf("%s: %v", r.Where, r.Err)
				}
				if r.Page != "" {
					got = append(got, "!"+r.Where)
				} else {
					got = append(got, r.Where)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompletePage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/council-tax":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(strings.Replace(webPage, "https://estuary.example/sea-wall", "/council-tax", 1)))
		case "/picture":
			w.Header().Set("Content-Type", "image/jpeg")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := &fetch.Client{PerHost: -1}
	published := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	rec := Record{Where: "feed[1]", Page: srv.URL + "/council-tax?utm_medium=rss",
		Article: store.Article{Title: "Council tax to rise", Source: "Estuary Times", Published: published, Body: "Bills will go up."}}
	got := CompletePage(context.Background(), c, rec)
	if got.Err != nil || got.Page != "" {
		t.Fatalf("CompletePage: %+v", got)
	}
	want := store.Article{URL: srv.URL + "/council-tax", Title: "Council tax to rise", Source: "Estuary Times", Published: published, Language: "en",
		Body: "The sea wall at the end of the promenade will be raised by half a metre over the winter, the Environment Agency said, after waves overtopped it four times last year.\n\nWork is expected to start in November and will close the promenade's southern end until March."}
	if diff := cmp.Diff(want, got.Article); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for path, reason := range map[string]string{
		"/picture": `fetch page ` + srv.URL + `/picture: content type "image/jpeg" is not one of text/html, application/xhtml+xml`,
		"/gone":    `fetch page ` + srv.URL + `/gone: HTTP 404 Not Found`,
	} {
		rec.Page = srv.URL + path
		if got := CompletePage(context.Background(), c, rec); got.Err == nil || got.Err.Error() != reason {
			t.Errorf("%s: error %v, want %q", path, got.Err, reason)
		}
	}
}
