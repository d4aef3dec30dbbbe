package main

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// This file is a newsroom on a local test server: an RSS feed of 50 stories
// of the Harbourside Chronicle, 40 with their full text in the feed and 10
// with only a summary and a link to their page (one page in
// windows-1252), an Atom feed, a broken feed and a host that never answers.
// The stories are written for these tests.

const newsroomSource = "Harbourside Chronicle"

// newsStory is one story the newsroom publishes, and what the archive
// should make of it.
type newsStory struct {
	slug       string
	title      string
	author     string
	published  time.Time
	paragraphs []string
	onPage     bool   // the feed has a summary only; the text is on the page
	charset    string // of the page; "" is utf-8
}

// The places and the events of the 40 short stories in the feed.
var (
	newsTowns  = []string{"Saltash", "Looe", "Fowey", "Padstow", "Bude"}
	newsEvents = []struct{ title, first, second string }{
		{"%s lifeboat launched to a yacht in difficulty",
			"The %s lifeboat was launched on %s evening after a yacht lost its rudder two miles offshore, the RNLI said.",
			"The crew towed the boat and its two sailors back to the harbour, where they were met by the coastguard. Nobody was hurt."},
		{"Parking charges to rise in %s",
			"Parking in the main car park at %s will cost a pound more a day from next month, the council confirmed on %s.",
			"Traders said the rise would keep visitors away in the quiet months. The council said the money would pay for new lighting and a second pay machine."},
		{"%s school wins national science prize",
			"Pupils at the primary school in %s have won a national science prize for a project measuring plastic on the beach, the organisers announced on %s.",
			"The class of ten-year-olds counted and sorted litter from the same stretch of sand every week for a year. Their teacher said the prize money would go on microscopes."},
		{"Roadworks to close %s bridge overnight",
			"The road bridge into %s will close overnight for a week from %s while the surface is relaid, the highways authority said.",
			"A signed diversion will add about twenty minutes to journeys. Emergency vehicles will be let through at all times."},
		{"New bus route links %s to the station",
			"A new hourly bus will link %s with the railway station from %s, after a campaign by residents who said they had been cut off since the old route was withdrawn.",
			"The service is paid for by the county for two years. The operator said it would run later on Fridays and Saturdays if enough people used it."},
		{"%s harbour dredging to begin",
			"Dredging of the harbour at %s will begin on %s, clearing silt that has left fishing boats aground at low water for most of the winter.",
			"The harbour master said the work would take about three weeks and that the channel would stay open for most of each day."},
		{"Library hours cut in %s",
			"The library in %s will open three days a week instead of five from %s, under savings agreed by the county council.",
			"Volunteers have offered to staff a reading group and a homework club on the closed days. The council said it was looking at whether the building could be shared with other services."},
		{"%s carnival raises record sum",
			"This year's carnival in %s raised more than eighteen thousand pounds for local charities, its committee said on %s.",
			"The procession had forty-one floats, the most in a decade. The largest sums will go to the town's day centre and its youth football club."},
	}
	newsWeekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// The ten stories whose text is only on their pages.
var pageStories = []newsStory{
	{slug: "ferry-fares-frozen", title: "Ferry fares frozen for another year", author: "Morwenna Hicks", paragraphs: []string{
		"Fares on the Torpoint ferry will stay at their current level for a third year running, the joint committee that runs the crossing decided on Thursday.",
		"The committee had been asked to consider a ten per cent rise to cover the cost of new chains for the three ferries, which are replaced every few years.",
		"\"People who cross twice a day to work have had enough put on them this year,\" said the committee's chair, Colin Dray. \"We will find the money elsewhere.\"",
	}},
	{slug: "clay-pit-lake-swimming", title: "Warning after swimmers enter flooded clay pit", author: "Jago Rowe", paragraphs: []string{
		"Police have warned people not to swim in a flooded clay pit near St Austell after a group of teenagers was seen jumping from its edge at the weekend.",
		"The water is more than forty metres deep in places and stays cold even in summer, the pit's owners said. Fencing will be repaired this week.",
		"A local councillor, Tamsin Bray, said young people needed somewhere safe to swim. \"Tell them where they can go, not just where they cannot,\" she said.",
	}},
	{slug: "fish-market-rebuild", title: "Fish market rebuild to start in spring", author: "Morwenna Hicks", paragraphs: []string{
		"Work on rebuilding Newlyn's fish market will start in the spring, two years after the old building was declared unsafe, the harbour commissioners said.",
		"The new market will have cold rooms for more than a hundred tonnes of fish and a gallery where visitors can watch the morning auction.",
		"Fishermen have been landing into a temporary tent on the quay since the old hall closed. Its roof blew off twice last winter.",
	}},
	{slug: "mine-museum-funding", title: "Mining museum wins lottery funding", author: "Peter Couch", paragraphs: []string{
		"A museum in the old engine house at Geevor has won a grant of almost a million pounds to open up a second level of its underground tunnels to visitors.",
		"The money will pay for new lighting, handrails and a lift. The museum expects to open the tunnels in time for the summer of next year.",
		"Its director, Helen Tregear, said former miners would guide the tours. \"They are the ones who can tell you what it was like down there,\" she said.",
	}},
	{slug: "coastal-path-landslip", title: "Coastal path closed after landslip", author: "Jago Rowe", paragraphs: []string{
		"A stretch of the South West Coast Path between Polperro and Talland has been closed after a landslip took away part of the cliff edge overnight.",
		"Walkers are being sent inland along a lane, which adds about a mile. The National Trust said it could be months before a new route is cut.",
		"Geologists will survey the cliff next week. Heavy rain in the past month is thought to have loosened the slope.",
	}},
	{slug: "harbour-commissioner-resigns", title: "Harbour commissioner resigns over pontoon row", author: "Peter Couch", paragraphs: []string{
		"A harbour commissioner in Mevagissey has resigned, saying the board ignored residents' objections to a new pontoon for visiting yachts.",
		"In a letter to the board, Alan Pascoe said the decision had been taken before the public consultation closed. The board said it had followed its rules.",
		"The pontoon is due to be installed before Easter. A petition against it has more than six hundred signatures.",
	}},
	{slug: "pasty-festival-returns", title: "Pasty festival returns to Redruth", author: "Morwenna Hicks", paragraphs: []string{
		"The pasty festival returned to Redruth on Saturday, with bakers from across the county and a crimping competition that drew more than fifty entries.",
		"The winning pasty came from a bakery in Camborne that has used the same recipe since 1952. Its owner said the secret was in the swede.",
		"Organisers said about nine thousand people came, more than in any year since the festival began.",
	}},
	{slug: "tidal-energy-test", title: "Tidal turbine to be tested off the Lizard", author: "Jago Rowe", paragraphs: []string{
		"A tidal turbine the size of a double-decker bus will be lowered into the sea off the Lizard this summer for a year of tests, its makers said.",
		"The company behind it hopes to show that the turbine can survive the winter storms and produce power for about two hundred homes.",
		"Fishermen have asked for the site to be marked clearly. The company said it would be lit and shown on charts.",
	}},
	{slug: "rail-line-reopening", title: "Campaigners mark ten years of fight for branch line", author: "Peter Couch", paragraphs: []string{
		"Campaigners for the reopening of the branch line to Wadebridge marked ten years of their fight on Sunday with a walk along the old trackbed.",
		"They want the line, closed in 1967, rebuilt for commuters and visitors. A study last year said the cost would be about eighty million pounds.",
		"The group's secretary, Ruth Bolitho, said the county's roads could not take more cars. \"The trackbed is still there. The need is still there,\" she said.",
	}},
	{slug: "cafe-owners-diversion", title: "Café owners fear ‘a summer without visitors’", author: "Siân Rhys", charset: "windows-1252", paragraphs: []string{
		"Café owners in St Mawes say the closure of the main road for resurfacing could cost them “a summer without visitors”, as the diversion sends traffic twelve miles round.",
		"The works, which begin on 17 June, are expected to last nine weeks. Owners of the village’s eleven cafés have written to the council asking for the road to be reopened at weekends.",
		"“We take half of our year’s money between June and September,” said Gwen Parry, who runs a tea room by the quay. “Nobody is going to queue on a diversion for a scone.”",
	}},
}

// newsStories is the newsroom's 50 stories, newest first: the 40 short ones
// with their text in the feed, then the ten on pages, interleaved so that
// every fifth story is a page story.
func newsStories() []newsStory {
	start := time.Date(2025, 6, 30, 18, 0, 0, 0, time.UTC)
	authors := []string{"Morwenna Hicks", "Jago Rowe", "Peter Couch"}
	var out []newsStory
	short, pages := 0, 0
	for i := range 50 {
		published := start.Add(-time.Duration(i) * 7 * time.Hour)
		if i%5 == 4 {
			s := pageStories[pages]
			pages++
			s.onPage, s.published = true, published
			out = append(out, s)
			continue
		}
		town, ev := newsTowns[short%len(newsTowns)], newsEvents[short/len(newsTowns)]
		day := newsWeekdays[published.Weekday()]
		out = append(out, newsStory{
			slug:       fmt.Sprintf("%s-%d", strings.ToLower(town), short),
			title:      fmt.Sprintf(ev.title, town),
			author:     authors[short%len(authors)],
			published:  published,
			paragraphs: []string{fmt.Sprintf(ev.first, town, day), ev.second},
		})
		short++
	}
	return out
}

// body is the story's text as the archive keeps it.
func (s newsStory) body() string { return strings.Join(s.paragraphs, "\n\n") }

// pageURL is the story's canonical address on the newsroom's site.
func (s newsStory) pageURL(base string) string { return base + "/news/" + s.slug }

// page is the story's web page as the newsroom's CMS writes it.
func (s newsStory) page(base string) string {
	var b strings.Builder
	cs := s.charset
	if cs == "" {
		cs = "utf-8"
	}
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en-GB"><head><meta charset="%s"><title>%s | %s</title>
<link rel="canonical" href="%s">
<meta property="og:title" content="%s"><meta property="og:site_name" content="%s">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"datePublished":%q,"author":{"@type":"Person","name":%q},"publisher":{"@type":"Organization","name":%q}}</script>
</head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/what-is-on">What's on</a></nav>
<article><h1>%s</h1><p class="byline">By %s</p>
`, cs, html.EscapeString(s.title), newsroomSource, s.pageURL(base), html.EscapeString(s.title), newsroomSource,
		s.title, s.published.Format(time.RFC3339), s.author, newsroomSource, html.EscapeString(s.title), s.author)
	for _, p := range s.paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString(`</article><aside><h2>Most read</h2><ul><li><a href="/x">Gull steals chips from mayor</a></li></ul></aside><footer>Subscribe to the Chronicle</footer></body></html>`)
	return b.String()
}

// rss is the newsroom's RSS 2.0 feed of the stories. Page stories link
// with a tracking parameter, as feeds do; the page's canonical link drops
// it.
func newsRSS(base string, stories []newsStory) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>%s</title><link>%s/</link><description>News from the harbour towns</description><language>en-gb</language>
`, newsroomSource, base)
	for _, s := range stories {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><dc:creator>%s</dc:creator>\n",
			html.EscapeString(s.title), s.pageURL(base)+"?utm_source=rss", s.pageURL(base), s.published.Format(time.RFC1123Z), s.author)
		if s.onPage {
			fmt.Fprintf(&b, "<description>%s</description>\n", html.EscapeString(strings.Join(strings.Fields(s.paragraphs[0])[:10], " ")+"…"))
		} else {
			b.WriteString("<description>A summary that the full text replaces.</description>\n<content:encoded><![CDATA[")
			for _, p := range s.paragraphs {
				fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
			}
			b.WriteString("]]></content:encoded>\n")
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// newsroom serves the feeds and pages. Its /slow path never answers
// before the test ends.
func newsroom(t *testing.T) (*httptest.Server, []newsStory) {
	t.Helper()
	stories := newsStories()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	quit := make(chan struct{})
	t.Cleanup(func() { close(quit); srv.Close() })
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write([]byte(newsRSS(srv.URL, stories)))
	})
	mux.HandleFunc("/broken.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		feed := newsRSS(srv.URL, stories[:5])
		w.Write([]byte(strings.Replace(feed, "</title><link>", "<link>", 3)))
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		w.Write([]byte(newsAtom(srv.URL, stories[:3])))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-quit:
		case <-r.Context().Done():
		}
	})
	for _, s := range stories {
		if !s.onPage {
			continue
		}
		mux.HandleFunc("/news/"+s.slug, func(w http.ResponseWriter, r *http.Request) {
			page := s.page(srv.URL)
			if s.charset == "windows-1252" {
				encoded, err := charmap.Windows1252.NewEncoder().String(page)
				if err != nil {
					t.Errorf("encode %s: %v", s.slug, err)
				}
				page = encoded
			}
			w.Header().Set("Content-Type", "text/html; charset="+strings.ToUpper(orDefault(s.charset, "utf-8")))
			w.Write([]byte(page))
		})
	}
	return srv, stories
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// newsAtom is an Atom feed of the stories with their full text.
func newsAtom(base string, stories []newsStory) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>%s (Atom)</title><link href="%s/"/><id>%s/</id><updated>2025-07-01T00:00:00Z</updated>
`, newsroomSource, base, base)
	for _, s := range stories {
		fmt.Fprintf(&b, `<entry><title>%s</title><link rel="alternate" href="%s"/><id>%s</id><published>%s</published><updated>%s</updated><author><name>%s</name></author><content type="html">`,
			html.EscapeString(s.title), s.pageURL(base), s.pageURL(base), s.published.Format(time.RFC3339), s.published.Format(time.RFC3339), s.author)
		for _, p := range s.paragraphs {
			b.WriteString(html.EscapeString("<p>" + html.EscapeString(p) + "</p>"))
		}
		b.WriteString("</content></entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.String()
}
