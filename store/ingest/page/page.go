// Package page turns a web page — saved to a file, fetched, or found in a
// web archive — into an article: its text by readability (the main content
// without menus, ads and comments), its title, date, authors, source and
// canonical URL from the page's own metadata (JSON-LD NewsArticle,
// OpenGraph and article: meta tags, <link rel=canonical>), in that order of
// trust. It reads bytes and returns a store.Article; no I/O.
package page

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/cuttings/cuttings/store"
)

// ErrNoText means readability found no article text on the page: an index
// page, a log-in wall, a page of pictures.
var ErrNoText = errors.New("no article text found on the page")

// Parse reads an HTML page from r and returns it as an article. contentType
// is the HTTP Content-Type if known ("" for a file): its charset, else a
// byte order mark, else the page's <meta charset>, else a guess from the
// bytes decides how the bytes become text. pageURL is where the page was
// found ("" if unknown); relative links resolve against it and it is the
// article's URL when the page names no canonical one. Authors, dates and
// the like the page does not state are left empty.
func Parse(r io.Reader, contentType, pageURL string) (store.Article, error) {
	utf8, err := charset.NewReader(r, contentType)
	if err != nil {
		return store.Article{}, fmt.Errorf("decode page: %w", err)
	}
	doc, err := html.Parse(utf8)
	if err != nil {
		return store.Article{}, fmt.Errorf("parse page: %w", err)
	}
	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	// Metadata first: readability rewrites the tree as it goes.
	m := readMeta(doc, base)

	parsed, err := readability.FromDocument(doc, base)
	if err != nil || parsed.Node == nil {
		return store.Article{}, ErrNoText
	}
	var body strings.Builder
	if err := parsed.RenderText(&body); err != nil {
		return store.Article{}, ErrNoText
	}
	a := store.Article{
		URL:       first(m.canonical, pageURL),
		Title:     first(m.title, parsed.Title()),
		Authors:   m.authors,
		Source:    first(m.source, parsed.SiteName()),
		Published: m.published,
		Language:  first(m.language, parsed.Language()),
		Body:      body.String(),
	}
	if len(a.Authors) == 0 && parsed.Byline() != "" {
		a.Authors = []string{strings.TrimPrefix(strings.TrimPrefix(parsed.Byline(), "By "), "by ")}
	}
	if a.Published.IsZero() {
		if t, err := parsed.PublishedTime(); err == nil {
			a.Published = t
		}
	}
	a.Body = dropByline(a.Body)
	if len(strings.Fields(a.Body)) < MinWords {
		return a, ErrNoText
	}
	return a, nil
}

// MinWords is the fewest words an article's text may have: fewer is a
// page of links or a headline alone, which readability returns when it
// finds nothing better.
const MinWords = 20

// dropByline removes a first paragraph that is the byline ("By Ruth
// Penhaligon and Tom Keast"). Readability leaves it in the text when the
// page's metadata already named the author; the archive has the authors
// and wants the body to start with the story.
func dropByline(body string) string {
	body = strings.TrimLeft(body, " \t\r\n")
	firstPara, rest, ok := strings.Cut(body, "\n")
	line := strings.TrimSpace(firstPara)
	if !ok || len(line) > 100 || !strings.HasPrefix(strings.ToLower(line), "by ") || strings.ContainsAny(line, ".!?\"“") {
		return body
	}
	return strings.TrimLeft(rest, " \t\r\n")
}

// Text returns the text of an HTML fragment, such as a feed item's
// content, as paragraphs: block elements break lines, scripts and styles
// are dropped. A fragment that is plain text comes back as it was.
func Text(fragment string) string {
	if !strings.Contains(fragment, "<") && !strings.Contains(fragment, "&") {
		return fragment
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), body)
	if err != nil {
		return fragment
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	drop(body, "script", "style", "noscript", "iframe")
	return render.InnerText(body)
}

// drop removes the elements with these names from the tree under n.
func drop(n *html.Node, names ...string) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && contains(names, c.Data) {
			n.RemoveChild(c)
		} else {
			drop(c, names...)
		}
		c = next
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// first is the first non-empty string.
func first(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

// ParseDate reads the dates pages and feeds write: RFC 3339 with or without
// seconds or zone, plain dates, RFC 1123 and its relatives. A date with no
// zone is UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", s)
}

var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
}
