package page

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

// harbourPage is a news page as a newsroom's CMS writes it: navigation,
// the article, a related-links box and a footer, with its metadata in
// JSON-LD, OpenGraph and a canonical link.
const harbourPage = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour wall repairs to start in March | The Coast Gazette</title>
<link rel="canonical" href="/news/2025/02/harbour-wall-repairs">
<meta property="og:title" content="Harbour wall repairs to start in March">
<meta property="og:site_name" content="The Coast Gazette">
<meta property="article:published_time" content="2025-02-11T07:30:00+00:00">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"The Coast Gazette","url":"https://coastgazette.example/"},
 {"@type":"NewsArticle","headline":"Harbour wall repairs to start in March",
  "datePublished":"2025-02-11T07:30:00Z","dateModified":"2025-02-11T09:00:00Z",
  "author":[{"@type":"Person","name":"Ruth Penhaligon"},{"@type":"Person","name":"Tom Keast"}],
  "publisher":{"@type":"NewsMediaOrganization","name":"The Coast Gazette"}}]}
</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<main>
<article>
<h1>Harbour wall repairs to start in March</h1>
<p class="byline">By Ruth Penhaligon and Tom Keast</p>
<p>Work to repair the storm-damaged harbour wall at Porthleven will begin in the first week of March, Cornwall Council confirmed on Tuesday, after months of delay over who should pay for it.</p>
<p>The wall lost a twelve-metre section of its granite facing during the January gales, and fishermen have since been unable to use the inner berths at low tide. The council said the £2.4m scheme would be paid for from its coastal resilience fund, with a contribution from the harbour commissioners.</p>
<p>"We have waited long enough, and so have the boats," said Maria Trewin, who chairs the harbour commissioners. "Every week the wall stays open, the sea takes a little more of it."</p>
<p>Contractors expect the work to last fourteen weeks. The slipway will stay open throughout, but the car park on the quay will close from the end of February.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Lifeboat crew called out twice in a day</a></li><li><a href="/b">School meals price to rise</a></li></ul></aside>
</main>
<footer>© The Coast Gazette. All rights reserved.</footer>
</body>
</html>`

func TestParse(t *testing.T) {
	a, err := Parse(strings.NewReader(harbourPage), "text/html; charset=utf-8", "https://coastgazette.example/news/2025/02/harbour-wall-repairs?utm_source=rss")
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://coastgazette.example/news/2025/02/harbour-wall-repairs" {
		t.Errorf("URL %q, want the canonical link made absolute", a.URL)
	}
	if a.Title != "Harbour wall repairs to start in March" {
		t.Errorf("Title %q", a.Title)
	}
	if diff := cmp.Diff([]string{"Ruth Penhaligon", "Tom Keast"}, a.Authors); diff != "" {
		t.Errorf("Authors (-want +got):\n%s", diff)
	}
	if a.Source != "The Coast Gazette" {
		t.Errorf("Source %q", a.Source)
	}
	if want := time.Date(2025, 2, 11, 7, 30, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published %v, want %v", a.Published, want)
	}
	if a.Language != "en-GB" {
		t.Errorf("Language %q", a.Language)
	}
	if !strings.HasPrefix(a.Body, "Work to repair the storm-damaged harbour wall") {
		t.Errorf("body does not start with the story (the byline is the authors'):\n%s", a.Body)
	}
	for _, want := range []string{
		"Work to repair the storm-damaged harbour wall at Porthleven",
		`"We have waited long enough, and so have the boats," said Maria Trewin`,
		"Contractors expect the work to last fourteen weeks.",
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, unwanted := range []string{"Most read", "Lifeboat crew called out", "All rights reserved", "Weather"} {
		if strings.Contains(a.Body, unwanted) {
			t.Errorf("body keeps the page's furniture %q:\n%s", unwanted, a.Body)
		}
	}
	if n := strings.Count(a.Body, "\n\n"); n < 3 {
		t.Errorf("body has %d paragraph breaks, want the article's paragraphs apart:\n%s", n, a.Body)
	}
}

// A page with only OpenGraph and plain meta tags, in windows-1252 as an
// older CMS still writes it, saying so only in its <meta> (as a saved file
// has no Content-Type).
func TestParseWindows1252(t *testing.T) {
	html := `<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<meta property="og:title" content="Café owners fear ‘a summer without visitors’">
<meta property="og:url" content="https://valleypost.example/2024/06/cafe-owners">
<meta property="og:site_name" content="Valley Post">
<meta name="author" content="Siân Rhys">
<meta name="date" content="2024-06-03">
</head><body><div id="story">
<p>Café owners in Betws-y-Coed say the closure of the A5 for resurfacing could cost them “a summer without visitors”, as the diversion sends traffic twenty miles round.</p>
<p>The works, which begin on 17 June, are expected to last nine weeks. Owners of the village’s eleven cafés have written to the Welsh Government asking for the road to be reopened at weekends.</p>
<p>“We take half of our year’s money between June and September,” said Gwen Parry, who runs a tea room by the river. “Nobody is going to queue on a diversion for a scone.”</p>
</div></body></html>`
	encoded, err := charmap.Windows1252.NewEncoder().String(html)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(encoded, "’") {
		t.Fatal("the test page is not in windows-1252")
	}
	a, err := Parse(strings.NewReader(encoded), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café owners fear ‘a summer without visitors’" {
		t.Errorf("Title %q", a.Title)
	}
	if a.URL != "https://valleypost.example/2024/06/cafe-owners" || a.Source != "Valley Post" {
		t.Errorf("URL %q, Source %q", a.URL, a.Source)
	}
	if diff := cmp.Diff([]string{"Siân Rhys"}, a.Authors); diff != "" {
		t.Errorf("Authors (-want +got):\n%s", diff)
	}
	if want := time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("Published %v, want %v", a.Published, want)
	}
	if !strings.Contains(a.Body, "“We take half of our year’s money between June and September,” said Gwen Parry") {
		t.Errorf("body not decoded from windows-1252:\n%s", a.Body)
	}
}

func TestParseNoText(t *testing.T) {
	_, err := Parse(strings.NewReader(`<html><head><title>Log in</title></head><body><form><input name="user"></form></body></html>`), "text/html", "https://example.org/login")
	if err != ErrNoText {
		t.Errorf("error %v, want ErrNoText", err)
	}
}

func TestText(t *testing.T) {
	got := Text(`<p>The ferry will sail at <b>six</b> tomorrow.</p><script>track()</script><p>Passengers should arrive an hour early.</p>`)
	for _, want := range []string{"The ferry will sail at six tomorrow.", "Passengers should arrive an hour early."} {
		if !strings.Contains(got, want) {
			t.Errorf("Text lacks %q: %q", want, got)
		}
	}
	if strings.Contains(got, "track()") || !strings.Contains(got, "\n") {
		t.Errorf("Text %q: want no script and paragraphs on lines of their own", got)
	}
	if got := Text("Plain words & no markup"); got != "Plain words & no markup" {
		t.Errorf("plain text became %q", got)
	}
}
