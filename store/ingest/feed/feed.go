// Package feed turns an RSS 2.0, Atom 1.0 or RSS 1.0 (RDF) feed into
// articles, one per item: its title, link, date and authors from the feed,
// the feed's title as the source, and the item's full text when the feed
// carries it (content:encoded, Atom content). An item that carries only a
// summary, or content too short to be the story, names the page to fetch
// for its text instead, and Complete merges that page in. Parsing is all or nothing: a feed that is not well-formed
// gives an error and no items, so a broken feed never half-updates the
// archive. No I/O.
package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest/page"
)

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed as an article.
type Item struct {
	// Article holds what the feed says; its Body is the full text when
	// Page is empty, else the item's summary (perhaps empty).
	Article store.Article
	// Page is the item's link when the feed carries no full text: the
	// article is on that page.
	Page string
}

// Parse reads a whole feed from r. contentType is the HTTP Content-Type if
// known: its charset applies when the XML does not declare an encoding.
// feedURL ("" if unknown) resolves relative links.
func Parse(r io.Reader, contentType, feedURL string) (*Feed, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data, err = toUTF8(data, contentType)
	if err != nil {
		return nil, err
	}
	// gofeed forgives what it can (an unclosed tag may just lose the items
	// after it); an archive would rather hear the feed is broken than
	// quietly keep half of it.
	if err := wellFormed(data); err != nil {
		return nil, err
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, errors.New("not an RSS, Atom or RDF feed")
		}
		return nil, fmt.Errorf("broken feed: %w", err)
	}
	if parsed.FeedType == "json" {
		return nil, errors.New("not an RSS, Atom or RDF feed (JSON Feed is not read)")
	}
	base, _ := url.Parse(feedURL)
	if parsed.Link != "" {
		if l, err := url.Parse(parsed.Link); err == nil && l.IsAbs() {
			base = l
		}
	}
	f := &Feed{Title: strings.TrimSpace(parsed.Title)}
	for _, it := range parsed.Items {
		f.Items = append(f.Items, item(it, f.Title, parsed.Language, base))
	}
	return f, nil
}

func item(it *gofeed.Item, source, language string, base *url.URL) Item {
	a := store.Article{
		URL:      resolve(base, it.Link),
		Title:    page.Text(it.Title), // titles arrive with entities and, now and then, markup
		Source:   source,
		Language: language,
	}
	if a.URL == "" && strings.Contains(it.GUID, "://") {
		a.URL = resolve(base, it.GUID) // an RSS guid that is a permalink
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		a.Published = *it.UpdatedParsed
	}
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			a.Authors = append(a.Authors, p.Name)
		}
	}
	if len(a.Authors) == 0 && it.DublinCoreExt != nil {
		a.Authors = append(a.Authors, it.DublinCoreExt.Creator...)
	}
	// Content shorter than an article ("The council met tonight. Read
	// more…") is a teaser, and the page has the story.
	if content := page.Text(it.Content); len(strings.Fields(content)) >= page.MinWords || (content != "" && a.URL == "") {
		a.Body = content
		return Item{Article: a}
	}
	a.Body = page.Text(it.Description)
	if a.URL != "" {
		return Item{Article: a, Page: a.URL}
	}
	return Item{Article: a}
}

// Complete returns the item's article with the text of its page, which
// page.Parse read from the item's link. What the feed says of the item
// (title, date, authors, source) stands; the page fills what the feed left
// out, and its canonical URL replaces the link, which is often a tracking
// redirect.
func Complete(it Item, p store.Article) store.Article {
	a := it.Article
	a.Body = p.Body
	if p.URL != "" {
		a.URL = p.URL
	}
	if a.Title == "" {
		a.Title = p.Title
	}
	if a.Published.IsZero() {
		a.Published = p.Published
	}
	if len(a.Authors) == 0 {
		a.Authors = p.Authors
	}
	if a.Source == "" {
		a.Source = p.Source
	}
	if a.Language == "" {
		a.Language = p.Language
	}
	return a
}

// resolve makes link absolute against base, without the tracking
// parameters feeds add to their links (the archive's canonical form).
func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return link // Validate will say what is wrong with it
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return store.CanonicalURL(u.String())
}

// toUTF8 decodes a feed served in another charset when the XML itself does
// not say which (an XML declaration's encoding is gofeed's to honour).
func toUTF8(data []byte, contentType string) ([]byte, error) {
	if contentType == "" || declaresEncoding(data) {
		return data, nil
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return data, nil
	}
	label := strings.ToLower(params["charset"])
	if label == "utf-8" || label == "utf8" || label == "us-ascii" {
		return data, nil
	}
	r, err := charset.NewReaderLabel(label, bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("charset %q: %w", label, err)
	}
	return io.ReadAll(r)
}

// wellFormed reads the whole document as strict XML, HTML's named entities
// allowed (feeds use &nbsp; and its kin freely).
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	sawElement := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if !sawElement {
				return errors.New("not an RSS, Atom or RDF feed: no XML in it")
			}
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fmt.Errorf("broken feed: line %d: %s", se.Line, se.Msg)
			}
			return fmt.Errorf("broken feed: %w", err)
		}
		if _, ok := tok.(xml.StartElement); ok {
			sawElement = true
		}
	}
}

func declaresEncoding(data []byte) bool {
	head := data[:min(len(data), 200)]
	if !bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"), []byte("<?xml")) {
		return false
	}
	end := bytes.Index(head, []byte("?>"))
	return end > 0 && bytes.Contains(head[:end], []byte("encoding"))
}
