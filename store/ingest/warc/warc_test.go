package warc

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http/httputil"
	"strings"
	"testing"
	"time"
)

// story is an article page the test archives, and what should come of it.
type story struct {
	uri, title, source string
	published          string // in the page's metadata; "" leaves the record's date
	paragraphs         []string
}

var stories = []story{
	{"https://riverside.example/news/bridge-closure", "Old bridge to close for six months", "Riverside Herald", "2025-04-02T08:00:00Z", []string{
		"The Victoria Bridge will close to all traffic from May while engineers replace its corroded bearings, the county council said on Wednesday.",
		"Buses will be diverted over the bypass, adding about ten minutes to journeys between the station and the hospital. A temporary footbridge is planned for pedestrians and cyclists by the summer.",
		"\"The bearings are original and they have done their job for a hundred and twenty years,\" said the council's head of highways, Linda Marsh. \"We would rather close it on our terms than have it close itself.\"",
	}},
	{"https://riverside.example/news/allotment-waiting-list", "Allotment waiting list passes a thousand", "Riverside Herald", "", []string{
		"More than a thousand people are now waiting for an allotment in the borough, and some will wait a decade, figures released to the Herald show.",
		"The longest list is at Mill Lane, where a plot last changed hands in the spring of 2021. The council has promised to split larger plots in two when tenants give them up, which it says could free forty by next year.",
		"Tenants' association secretary Dev Mistry said half-plots were welcome but no substitute for new land. \"There are fields behind the school that have sat empty for years,\" he said.",
	}},
	{"https://dalesvoice.example/2025/05/mountain-rescue-record", "Mountain rescue team has its busiest month", "Dales Voice", "2025-05-31T17:45:00Z", []string{
		"The Upper Wharfedale mountain rescue team was called out thirty-one times in May, its busiest month since it was founded in 1948.",
		"Most calls came from walkers who had underestimated the distance or set out too late in the day, the team's leader said. Two came from the same group on consecutive weekends.",
		"Volunteers have asked visitors to carry a paper map and a torch, and to tell someone where they are going before they set off from the car park at Kettlewell.",
	}},
	{"https://dalesvoice.example/2025/06/cheese-fair", "Cheese fair returns to the market square", "Dales Voice", "", []string{
		"The cheese fair returned to the market square at Hawes on Saturday after a two-year absence, with forty-two makers from across the north of England and the Scottish Borders.",
		"Organisers had feared the heat would keep people away, but the square was full by eleven and the first stalls had sold out by early afternoon, according to the fair's committee.",
		"\"It is the one day of the year when people come here to talk about cheese rather than the weather,\" said stallholder Agnes Metcalfe, who has made Wensleydale on her farm for thirty years.",
	}},
	{"https://portnews.example/ferries/strike-ballot", "Ferry crews to ballot on strike action", "Port News", "2025-07-09T06:30:00+01:00", []string{
		"Crews on the island ferries will vote on strike action over rosters after talks with the operator broke down on Tuesday, their union said.",
		"The ballot closes on the first of August. Any strike would come during the busiest weeks of the tourist season, when the ferries carry up to four thousand passengers a day.",
		"The operator said it remained open to talks and that the new rosters had been drawn up to meet safety rules on rest between shifts.",
	}},
	{"https://portnews.example/harbour/new-pontoons", "New pontoons for the inner harbour", "Port News", "", []string{
		"Forty new pontoon berths will be installed in the inner harbour over the winter, doubling the space for visiting yachts, the harbour board announced.",
		"The board said the project, costing just under a million pounds, would pay for itself within eight years from mooring fees. Local boat owners will be offered the berths first at a reduced rate.",
		"Harbourmaster Fiona Craig said the old wooden staging had reached the end of its life. \"Every winter we patch it, and every spring there is less of it to patch,\" she said.",
	}},
}

func (s story) html() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s - %s</title>", s.title, s.source)
	fmt.Fprintf(&b, `<meta property="og:title" content="%s"><meta property="og:site_name" content="%s">`, s.title, s.source)
	if s.published != "" {
		fmt.Fprintf(&b, `<meta property="article:published_time" content="%s">`, s.published)
	}
	fmt.Fprintf(&b, "</head><body><header><a href=\"/\">%s</a> <a href=\"/news\">News</a> <a href=\"/contact\">Contact us</a></header><article><h1>%s</h1>", s.source, s.title)
	for _, p := range s.paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article><footer>Sign up for our newsletter</footer></body></html>")
	return b.String()
}

// record writes one WARC record by hand, as the standard lays it out.
func record(typ, uri, date, contentType, block string) string {
	var b strings.Builder
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08d-0000-4000-8000-000000000000>\r\n", len(uri)+len(block))
	fmt.Fprintf(&b, "WARC-Date: %s\r\n", date)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", contentType, len(block), block)
	return b.String()
}

func response(uri, date, contentType, body string, extraHeaders ...string) string {
	head := "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n"
	for _, h := range extraHeaders {
		head += h + "\r\n"
	}
	return record("response", uri, date, "application/http; msgtype=response", head+"\r\n"+body)
}

func request(uri, date string) string {
	host := strings.Split(strings.TrimPrefix(uri, "https://"), "/")[0]
	return record("request", uri, date, "application/http; msgtype=request", "GET / HTTP/1.1\r\nHost: "+host+"\r\n\r\n")
}

// archive is a crawl of the stories: 20 records, 7 of them HTML responses
// (6 stories and a log-in page), the rest requests, an image, a stylesheet,
// a 404 page, metadata and warcinfo. One story is sent chunked and
// gzip-compressed, as servers do.
func archive(t *testing.T) []string {
	t.Helper()
	date := func(i int) string { return time.Date(2025, 8, 1, 12, i, 0, 0, time.UTC).Format(time.RFC3339) }
	recs := []string{record("warcinfo", "", date(0), "application/warc-fields", "software: a test\r\nformat: WARC File Format 1.1\r\n")}
	for i, s := range stories {
		recs = append(recs, request(s.uri, date(i+1)))
		if i == 3 {
			var zipped bytes.Buffer
			zw := gzip.NewWriter(&zipped)
			zw.Write([]byte(s.html()))
			zw.Close()
			var chunked bytes.Buffer
			cw := httputil.NewChunkedWriter(&chunked)
			cw.Write(zipped.Bytes()[:10])
			cw.Write(zipped.Bytes()[10:])
			cw.Close()
			chunked.WriteString("\r\n")
			recs = append(recs, response(s.uri, date(i+1), "text/html; charset=utf-8", chunked.String(), "Transfer-Encoding: chunked", "Content-Encoding: gzip"))
			continue
		}
		recs = append(recs, response(s.uri, date(i+1), "text/html; charset=utf-8", s.html()))
	}
	recs = append(recs,
		request("https://riverside.example/login", date(20)),
		response("https://riverside.example/login", date(20), "text/html", `<html><body><form><input name="user"><input type="password"></form></body></html>`),
		response("https://riverside.example/img/bridge.jpg", date(21), "image/jpeg", "\xff\xd8\xff\xe0 not really a picture"),
		response("https://riverside.example/style.css", date(22), "text/css", "body { font-family: serif }"),
		record("response", "https://riverside.example/missing", date(23), "application/http; msgtype=response",
			"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body><p>This page has gone the way of the old pier.</p></body></html>"),
		record("metadata", "https://riverside.example/news/bridge-closure", date(24), "application/warc-fields", "via: https://riverside.example/\r\n"),
		record("revisit", stories[0].uri, date(25), "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"),
	)
	if len(recs) != 20 {
		t.Fatalf("the test archive has %d records, want 20", len(recs))
	}
	return recs
}

func TestRead(t *testing.T) {
	recs := archive(t)
	plain := strings.Join(recs, "")
	var gz bytes.Buffer
	for _, r := range recs { // one gzip member a record, as crawlers write .warc.gz
		zw := gzip.NewWriter(&gz)
		zw.Write([]byte(r))
		zw.Close()
	}
	for name, data := range map[string][]byte{"warc": []byte(plain), "warc.gz": gz.Bytes()} {
		t.Run(name, func(t *testing.T) {
			var pages []Page
			err := Read(bytes.NewReader(data), func(p Page) error {
				pages = append(pages, p)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != len(stories)+1 {
				t.Fatalf("%d pages, want %d (the stories and the log-in page)", len(pages), len(stories)+1)
			}
			for i, s := range stories {
				p := pages[i]
				if p.Err != nil {
					t.Errorf("%s: %v", s.uri, p.Err)
					continue
				}
				if p.Record != 2*i+2 || p.URI != s.uri {
					t.Errorf("page %d is record %d %s, want record %d %s", i, p.Record, p.URI, 2*i+2, s.uri)
				}
				a := p.Article
				want := time.Date(2025, 8, 1, 12, i+1, 0, 0, time.UTC) // the record's date
				if s.published != "" {
					want, _ = time.Parse(time.RFC3339, s.published)
				}
				if !a.Published.Equal(want) {
					t.Errorf("%s: published %v, want %v", s.uri, a.Published, want)
				}
				if a.URL != s.uri || a.Title != s.title || a.Source != s.source {
					t.Errorf("%s: got URL %q title %q source %q", s.uri, a.URL, a.Title, a.Source)
				}
				if want := strings.Join(s.paragraphs, "\n\n"); strings.TrimSpace(a.Body) != want {
					t.Errorf("%s: body\n%s\nwant\n%s", s.uri, a.Body, want)
				}
			}
			login := pages[len(stories)]
			if login.URI != "https://riverside.example/login" || login.Err == nil || login.Record != 14 {
				t.Errorf("log-in page: record %d %s err %v, want record 14 with an error", login.Record, login.URI, login.Err)
			}
		})
	}
}

func TestReadNotAnArchive(t *testing.T) {
	err := Read(strings.NewReader("<html><body>not an archive</body></html>"), func(Page) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "not a web archive") {
		t.Errorf("error %v, want one saying it is not a web archive", err)
	}
	whole := response(stories[0].uri, "2025-08-01T12:00:00Z", "text/html", stories[0].html())
	var pages []Page
	err = Read(strings.NewReader(whole+whole[:len(whole)-200]), func(p Page) error {
		pages = append(pages, p)
		return nil
	})
	if err != nil || len(pages) != 2 || pages[0].Err != nil || pages[1].Err == nil || !strings.Contains(pages[1].Err.Error(), "cut short") {
		t.Errorf("an archive whose last record is cut short: %v, %+v; want the first page and an error for the second", err, pages)
	}
}
