package feed

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"

	"github.com/cuttings/cuttings/store"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Northern Echo Desk</title>
<link>https://northdesk.example/</link>
<language>en-gb</language>
<item>
 <title>Tram extension approved after public inquiry</title>
 <link>https://northdesk.example/2025/03/tram-extension</link>
 <guid isPermaLink="false">nd-4471</guid>
 <pubDate>Tue, 04 Mar 2025 09:15:00 +0000</pubDate>
 <dc:creator>Hannah Oduya</dc:creator>
 <description>The inspector backs the line to the airport.</description>
 <content:encoded><![CDATA[<p>The planning inspector has approved the tram extension to the airport, ending a public inquiry that ran for eleven weeks.</p><p>"This is the line the city has been promised for twenty years," said the transport committee chair, Aled Morgan.</p>]]></content:encoded>
</item>
<item>
 <title>Flood defences &amp; footpaths: what the new budget pays for</title>
 <link>/2025/03/budget-explained</link>
 <pubDate>Wed, 05 Mar 2025 18:00:00 +0000</pubDate>
 <description>Councillors set aside money for the riverside walls.</description>
</item>
</channel>
</rss>`

func TestParseRSS(t *testing.T) {
	f, err := Parse(strings.NewReader(rss), "application/rss+xml", "https://northdesk.example/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := &Feed{Title: "Northern Echo Desk", Items: []Item{
		{Article: store.Article{
			URL: "https://northdesk.example/2025/03/tram-extension", Title: "Tram extension approved after public inquiry",
			Authors: []string{"Hannah Oduya"}, Source: "Northern Echo Desk", Language: "en-gb",
			Published: time.Date(2025, 3, 4, 9, 15, 0, 0, time.UTC),
			Body:      "The planning inspector has approved the tram extension to the airport, ending a public inquiry that ran for eleven weeks.\n\n\"This is the line the city has been promised for twenty years,\" said the transport committee chair, Aled Morgan.",
		}},
		{Article: store.Article{
			URL: "https://northdesk.example/2025/03/budget-explained", Title: "Flood defences & footpaths: what the new budget pays for",
			Source: "Northern Echo Desk", Language: "en-gb",
			Published: time.Date(2025, 3, 5, 18, 0, 0, 0, time.UTC),
			Body:      "Councillors set aside money for the riverside walls.",
		}, Page: "https://northdesk.example/2025/03/budget-explained"},
	}}
	if diff := cmp.Diff(want, f, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseAtomAndRDF(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Lowland Courier</title>
 <link href="https://courier.example/"/>
 <entry>
  <title>Ferry timetable cut for winter</title>
  <link rel="alternate" href="https://courier.example/ferry-winter"/>
  <id>tag:courier.example,2025:ferry-winter</id>
  <published>2025-10-20T06:00:00+01:00</published>
  <updated>2025-10-20T08:00:00+01:00</updated>
  <author><name>Iain Baird</name></author>
  <content type="html">&lt;p&gt;The island ferry will run four times a day instead of six from November, after the operator said it could not find enough crew for the winter.&lt;/p&gt;</content>
 </entry>
</feed>`
	rdf := `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://moorland.example/"><title>Moorland Times</title><link>https://moorland.example/</link></channel>
 <item rdf:about="https://moorland.example/quarry-plan">
  <title>Quarry plan withdrawn</title>
  <link>https://moorland.example/quarry-plan</link>
  <dc:date>2025-01-14T12:00:00Z</dc:date>
  <dc:creator>Beth Arkwright</dc:creator>
  <description>The company will not appeal the refusal.</description>
 </item>
</rdf:RDF>`
	for _, tt := range []struct {
		name, feed string
		want       Item
	}{
		{"atom", atom, Item{Article: store.Article{
			URL: "https://courier.example/ferry-winter", Title: "Ferry timetable cut for winter", Authors: []string{"Iain Baird"},
			Source: "Lowland Courier", Published: time.Date(2025, 10, 20, 5, 0, 0, 0, time.UTC),
			Body: "The island ferry will run four times a day instead of six from November, after the operator said it could not find enough crew for the winter.",
		}}},
		{"rdf", rdf, Item{Article: store.Article{
			URL: "https://moorland.example/quarry-plan", Title: "Quarry plan withdrawn", Authors: []string{"Beth Arkwright"},
			Source: "Moorland Times", Published: time.Date(2025, 1, 14, 12, 0, 0, 0, time.UTC),
			Body: "The company will not appeal the refusal.",
		}, Page: "https://moorland.example/quarry-plan"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(strings.NewReader(tt.feed), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != 1 {
				t.Fatalf("%d items, want 1", len(f.Items))
			}
			if diff := cmp.Diff(tt.want, f.Items[0], cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseBroken(t *testing.T) {
	for name, tt := range map[string]struct{ text, err string }{
		"truncated":    {rss[:len(rss)/2], "broken feed: line 13: unexpected EOF"},
		"unclosed tag": {strings.Replace(rss, "</title>", "", 1), "broken feed: line 22: element <title> closed by </channel>"},
		"not a feed":   {`<html><body><p>Page not found</p></body></html>`, "not an RSS, Atom or RDF feed"},
		"empty":        {"", "not an RSS, Atom or RDF feed"},
	} {
		t.Run(name, func(t *testing.T) {
			f, err := Parse(strings.NewReader(tt.text), "", "")
			if err == nil {
				t.Fatalf("no error; %d items", len(f.Items))
			}
			if !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %q, want %q", err, tt.err)
			}
			if f != nil {
				t.Errorf("a broken feed gave items: %+v", f)
			}
		})
	}
}

// A feed served as windows-1252 by its Content-Type alone.
func TestParseCharsetFromContentType(t *testing.T) {
	text := `<rss version="2.0"><channel><title>Gazette du Nord</title><item><title>Fermeture du café « Le Phare »</title><link>https://gazette.example/phare</link><description>Le café ferme après quarante ans.</description></item></channel></rss>`
	encoded, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(strings.NewReader(encoded), "text/xml; charset=windows-1252", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Items[0].Article.Title; got != "Fermeture du café « Le Phare »" {
		t.Errorf("title %q", got)
	}
}

func TestComplete(t *testing.T) {
	it := Item{Article: store.Article{URL: "https://northdesk.example/r/123", Title: "Budget explained", Source: "Northern Echo Desk",
		Published: time.Date(2025, 3, 5, 18, 0, 0, 0, time.UTC), Body: "A summary."}, Page: "https://northdesk.example/r/123"}
	p := store.Article{URL: "https://northdesk.example/2025/03/budget-explained", Title: "What the budget pays for | Northern Echo",
		Authors: []string{"Priya Lal"}, Source: "Northern Echo", Published: time.Date(2025, 3, 5, 17, 0, 0, 0, time.UTC), Body: "The full text."}
	want := store.Article{URL: "https://northdesk.example/2025/03/budget-explained", Title: "Budget explained", Authors: []string{"Priya Lal"},
		Source: "Northern Echo Desk", Published: time.Date(2025, 3, 5, 18, 0, 0, 0, time.UTC), Body: "The full text."}
	if diff := cmp.Diff(want, Complete(it, p)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Content too short to be the story is a teaser: the page is fetched.
func TestParseTeaser(t *testing.T) {
	text := `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Estuary Times</title>
<item><title>Council approves marina</title><link>https://estuary.example/marina</link>
<content:encoded><![CDATA[<p>Councillors approved the marina plan tonight. <a href="https://estuary.example/marina">Read more…</a></p>]]></content:encoded></item>
</channel></rss>`
	f, err := Parse(strings.NewReader(text), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if it := f.Items[0]; it.Page != "https://estuary.example/marina" {
		t.Errorf("a teaser kept as the text: %+v", it)
	}
}
