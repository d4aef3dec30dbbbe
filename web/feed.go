package web

import (
	"encoding/xml"
	"fmt"
	"html"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
)

// An alert is a search someone follows in a feed reader: GET /feed takes
// the search page's parameters and answers the newest hits as Atom
// (RFC 4287), so a new article or quotation that matches shows up there.

// atomFeed and its parts are the Atom elements /feed writes.
type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	Title      atomText       `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Authors    []atomPerson   `xml:"author,omitempty"`
	Summary    atomText       `xml:"summary"`
	Categories []atomCategory `xml:"category,omitempty"`
}

// feed answers GET /feed: the search's newest hits as an Atom feed.
func (s *Server) feed(c echo.Context) error {
	q, err := parseQuery(c)
	if err != nil {
		return err
	}
	for _, p := range []string{"page", "format"} {
		if c.QueryParam(p) != "" {
			return badRequest("a feed takes no %s: it is always the newest hits", p)
		}
	}
	if q.Sort != index.SortRelevance && q.Sort != index.SortNewest {
		return badRequest("a feed is newest first; leave out sort=%s", q.Sort)
	}
	q.Sort = index.SortNewest
	r, err := s.archive.Search(c.Request().Context(), q)
	if err != nil {
		return err
	}
	base := c.Scheme() + "://" + c.Request().Host
	f := atomFeed{
		Title:    "cuttings: " + feedTitle(q),
		Subtitle: fmt.Sprintf("%d matching %s, newest first", r.Total, map[bool]string{false: "articles", true: "quotations"}[q.Quotes]),
		// The feed is the search: the same search is the same feed.
		ID: base + feedURL(q),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + feedURL(q)},
			{Rel: "alternate", Type: "text/html", Href: base + searchURL(q)},
		},
		Author: atomPerson{Name: "cuttings"},
	}
	var newest time.Time
	for _, h := range r.Hits {
		if h.Published.After(newest) {
			newest = h.Published
		}
	}
	if newest.IsZero() {
		// Nothing dated matches: the feed has not changed since the epoch
		// as far as a reader can tell, and says so the same way each time.
		newest = time.Unix(0, 0)
	}
	f.Updated = atomTime(newest)
	for _, h := range r.Hits {
		f.Entries = append(f.Entries, newAtomEntry(base, h, q.Quotes, newest))
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	return c.Blob(http.StatusOK, "application/atom+xml; charset=utf-8", append([]byte(xml.Header), out...))
}

// newAtomEntry is one hit as an entry. An undated hit takes the feed's time.
func newAtomEntry(base string, h index.Hit, quote bool, feedTime time.Time) atomEntry {
	e := atomEntry{
		ID:      base + articleURL(h.ID),
		Updated: atomTime(feedTime),
		Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: base + articleURL(h.ID)}},
	}
	if !h.Published.IsZero() {
		e.Updated, e.Published = atomTime(h.Published), atomTime(h.Published)
	}
	if h.URL != "" {
		e.Links = append(e.Links, atomLink{Rel: "related", Href: h.URL})
	}
	if h.Source != "" {
		e.Authors = []atomPerson{{Name: h.Source}}
	}
	title := h.Title
	if title == "" {
		title = h.ID
	}
	e.Title = atomText{Type: "text", Text: title}
	// The snippet is HTML (escaped text and <mark>); Atom carries it escaped.
	e.Summary = atomText{Type: "html", Text: h.Snippet}
	if quote {
		speaker := h.Speaker
		if speaker == "" {
			speaker = "Unattributed"
		}
		e.ID = base + articleURL(h.ID) + "#" + h.QuoteID
		e.Title = atomText{Type: "text", Text: speaker + ": “" + displayQuote(h.Quote) + "”"}
		if h.Snippet == "" {
			e.Summary = atomText{Type: "html", Text: html.EscapeString(displayQuote(h.Quote))}
		}
		e.Summary.Text += html.EscapeString(" — in " + title)
	}
	for _, p := range h.People {
		e.Categories = append(e.Categories, atomCategory{Term: p})
	}
	for _, t := range h.Topics {
		e.Categories = append(e.Categories, atomCategory{Term: t})
	}
	return e
}

// feedURL is the feed of a search: its filters and size, no paging, no sort.
func feedURL(q index.Query) string {
	f := q
	f.Page, f.Sort = 1, ""
	if enc := queryValues(f).Encode(); enc != "" {
		return "/feed?" + strings.ReplaceAll(enc, "+", "%20")
	}
	return "/feed"
}

// feedTitle describes the search a feed follows.
func feedTitle(q index.Query) string {
	if d := describeQuery(q); d != "" {
		return d
	}
	if q.Quotes {
		return "all quotations"
	}
	return "all articles"
}

// atomTime is a date as Atom writes it (RFC 3339).
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
