package page

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// meta is what a page says about itself.
type meta struct {
	canonical string
	title     string
	authors   []string
	source    string
	published time.Time
	language  string
}

// readMeta reads the page's metadata. Each field takes the most specific
// statement found: a JSON-LD NewsArticle is written for search engines
// and is usually right; OpenGraph and article: tags come next; plain
// <meta name=...> tags last.
func readMeta(doc *html.Node, base *url.URL) meta {
	var m meta
	var ld []ldArticle
	tags := map[string]string{} // first value of each meta property or name, lower case
	var canonical string
	walk(doc, func(n *html.Node) {
		switch n.Data {
		case "html":
			if m.language == "" {
				m.language = attr(n, "lang")
			}
		case "link":
			if canonical == "" && hasWord(attr(n, "rel"), "canonical") {
				canonical = attr(n, "href")
			}
		case "meta":
			key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			if _, seen := tags[key]; key != "" && !seen {
				tags[key] = attr(n, "content")
			}
		case "script":
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
				ld = append(ld, readLD(n.FirstChild.Data)...)
			}
		}
	})
	var article ldArticle
	if len(ld) > 0 {
		article = ld[0]
	}

	m.canonical = absolute(base, first(canonical, tags["og:url"], article.URL))
	m.title = first(article.Headline, tags["og:title"], tags["twitter:title"])
	m.authors = article.Authors
	if len(m.authors) == 0 {
		for _, key := range []string{"author", "article:author", "dc.creator", "byl"} {
			// article:author is often a profile URL rather than a name.
			if v := strings.TrimPrefix(strings.TrimSpace(tags[key]), "By "); v != "" && !strings.Contains(v, "://") {
				m.authors = []string{v}
				break
			}
		}
	}
	m.source = first(article.Publisher, tags["og:site_name"], tags["application-name"])
	for _, v := range []string{article.Published, tags["article:published_time"], tags["datepublished"],
		tags["date"], tags["pubdate"], tags["dc.date"], tags["dc.date.issued"], article.Modified} {
		if t, err := ParseDate(v); err == nil {
			m.published = t
			break
		}
	}
	if m.language == "" {
		m.language = first(article.Language, tags["og:locale"])
	}
	m.language = strings.ReplaceAll(m.language, "_", "-")
	return m
}

// walk calls fn on every element under n, in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasWord(list, word string) bool {
	return slices.ContainsFunc(strings.Fields(list), func(w string) bool { return strings.EqualFold(w, word) })
}

// absolute resolves ref against base; a ref that cannot be made absolute
// is dropped, so that it never replaces a good URL.
func absolute(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() || u.Host == "" {
		return ""
	}
	return u.String()
}

// ldArticle is the part of a schema.org Article in JSON-LD that an archive
// wants.
type ldArticle struct {
	Headline, URL, Publisher, Published, Modified, Language string
	Authors                                                 []string
}

// articleTypes are the schema.org types of a news article.
var articleTypes = []string{"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
	"opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "report"}

// readLD reads the articles in one JSON-LD script: an object, an array of
// them, or a @graph. Malformed JSON-LD is common and ignored.
func readLD(text string) []ldArticle {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(text)), &v); err != nil {
		return nil
	}
	var out []ldArticle
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				visit(x)
			}
		case map[string]any:
			if g, ok := v["@graph"]; ok {
				visit(g)
			}
			if !isArticleType(v["@type"]) {
				return
			}
			a := ldArticle{
				Headline:  str(v["headline"]),
				URL:       first(str(v["url"]), str(v["mainEntityOfPage"])),
				Published: str(v["datePublished"]),
				Modified:  str(v["dateModified"]),
				Language:  str(v["inLanguage"]),
				Publisher: names(v["publisher"]).first(),
				Authors:   names(v["author"]),
			}
			if a.Headline == "" {
				a.Headline = str(v["name"])
			}
			out = append(out, a)
		}
	}
	visit(v)
	return out
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return slices.Contains(articleTypes, strings.ToLower(t))
	case []any:
		return slices.ContainsFunc(t, isArticleType)
	}
	return false
}

// str is a JSON-LD value as a string: a string, or an object's @id or url.
func str(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		return first(str(v["@id"]), str(v["url"]))
	case []any:
		if len(v) > 0 {
			return str(v[0])
		}
	}
	return ""
}

type nameList []string

func (l nameList) first() string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// names reads a JSON-LD person or organisation, or a list of them: a
// string, or objects with a name.
func names(v any) nameList {
	switch v := v.(type) {
	case string:
		if s := strings.TrimSpace(v); s != "" && !strings.Contains(s, "://") {
			return nameList{s}
		}
	case map[string]any:
		if s, ok := v["name"].(string); ok && strings.TrimSpace(s) != "" {
			return nameList{strings.TrimSpace(s)}
		}
	case []any:
		var out nameList
		for _, x := range v {
			out = append(out, names(x)...)
		}
		return out
	}
	return nil
}
