package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
)

// filterFacets are the facets a request can filter by, in the order pages
// show them.
var filterFacets = []string{
	index.FacetPerson, index.FacetSpeaker, index.FacetCountry,
	index.FacetTopic, index.FacetOrg, index.FacetSource,
}

// Paging limits.
const (
	defaultSize = 20
	maxSize     = 100
	// maxPage keeps deep paging (which costs the index page*size hits)
	// within reason; nobody reads page 1001.
	maxPage = 1000
)

// Views of the search page and API.
const (
	viewArticles = "articles"
	viewQuotes   = "quotes"
)

// What the copies parameter may say: each story once (the default), or
// every copy of it (the same agency story run by several papers).
const (
	copiesOne = "one"
	copiesAll = "all"
)

// singleParams may appear at most once; filter facets may repeat. group
// filters by story: the copies of one.
var singleParams = []string{"q", "from", "to", "sort", "page", "size", "view", "copies", index.FacetGroup, "format"}

// parseQuery reads the one index.Query that both the search page and the
// API answer. Anything it cannot make sense of is a 400 naming the problem,
// unknown parameter names included, so a typo ("persn=") is not silently
// ignored.
func parseQuery(c echo.Context) (index.Query, error) {
	params := c.QueryParams()
	q := index.Query{Page: 1, Size: defaultSize, Sort: index.SortRelevance}
	for name := range params {
		if !slices.Contains(singleParams, name) && !slices.Contains(filterFacets, name) {
			return q, badRequest("unknown parameter %q (known: %s, %s)", name,
				strings.Join(singleParams, ", "), strings.Join(filterFacets, ", "))
		}
		if slices.Contains(singleParams, name) && len(params[name]) > 1 {
			return q, badRequest("parameter %q given %d times; give it once", name, len(params[name]))
		}
	}

	q.Text = strings.TrimSpace(params.Get("q"))
	for _, f := range filterFacets {
		for _, v := range params[f] {
			v = strings.TrimSpace(v)
			if f == index.FacetCountry {
				v = strings.ToUpper(v) // ISO codes; "gb" means GB
			}
			if v == "" || slices.Contains(q.Filters[f], v) {
				continue
			}
			if q.Filters == nil {
				q.Filters = map[string][]string{}
			}
			q.Filters[f] = append(q.Filters[f], v)
		}
	}

	var err error
	if q.From, err = parseDate("from", params.Get("from"), false); err != nil {
		return q, err
	}
	if q.To, err = parseDate("to", params.Get("to"), true); err != nil {
		return q, err
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.From.After(q.To) {
		return q, badRequest("from (%s) is after to (%s)", params.Get("from"), params.Get("to"))
	}

	switch s := params.Get("sort"); s {
	case "", index.SortRelevance:
	case index.SortNewest, index.SortOldest:
		q.Sort = s
	default:
		return q, badRequest("unknown sort %q (want %s, %s or %s)", s, index.SortRelevance, index.SortNewest, index.SortOldest)
	}

	if q.Page, err = parseInt("page", params.Get("page"), 1, 1, maxPage); err != nil {
		return q, err
	}
	if q.Size, err = parseInt("size", params.Get("size"), defaultSize, 1, maxSize); err != nil {
		return q, err
	}

	switch v := params.Get("view"); v {
	case "", viewArticles:
	case viewQuotes:
		q.Quotes = true
	default:
		return q, badRequest("unknown view %q (want %s or %s)", v, viewArticles, viewQuotes)
	}

	switch v := params.Get("copies"); v {
	case "", copiesOne:
	case copiesAll:
		q.AllCopies = true
	default:
		return q, badRequest("unknown copies %q (want %s: each story once, or %s: every copy of it)", v, copiesOne, copiesAll)
	}
	if g := strings.TrimSpace(params.Get(index.FacetGroup)); g != "" {
		if q.Filters == nil {
			q.Filters = map[string][]string{}
		}
		q.Filters[index.FacetGroup] = []string{g}
	}
	return q, nil
}

// parseInt reads a whole number in [lo, hi]; empty means def.
func parseInt(name, s string, def, lo, hi int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, badRequest("%s must be a whole number, not %q", name, s)
	}
	if n < lo || n > hi {
		return 0, badRequest("%s must be between %d and %d, not %d", name, lo, hi, n)
	}
	return n, nil
}

// parseDate reads the from or to parameter; a bad date is the client's error.
func parseDate(name, s string, end bool) (time.Time, error) {
	t, err := index.ParseDate(s, end)
	if err != nil {
		return time.Time{}, badRequest("bad date in %s: %q (want YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)", name, s)
	}
	return t, nil
}

// formatDate writes a range end the way parseDate reads it back: a plain
// day when the time is a day boundary, RFC 3339 otherwise.
func formatDate(t time.Time, end bool) string {
	t = t.UTC()
	day := t.Truncate(24 * time.Hour)
	switch {
	case !end && t.Equal(day):
		return t.Format("2006-01-02")
	case end && t.Equal(day.AddDate(0, 0, 1).Add(-time.Nanosecond)):
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// queryValues is the inverse of parseQuery: the URL parameters of a query,
// defaults left out, so that pages can build links that change one thing.
func queryValues(q index.Query) url.Values {
	v := url.Values{}
	if q.Text != "" {
		v.Set("q", q.Text)
	}
	if q.Quotes {
		v.Set("view", viewQuotes)
	}
	for _, f := range filterFacets {
		for _, val := range q.Filters[f] {
			v.Add(f, val)
		}
	}
	for _, g := range q.Filters[index.FacetGroup] {
		v.Set(index.FacetGroup, g)
	}
	if q.AllCopies {
		v.Set("copies", copiesAll)
	}
	if !q.From.IsZero() {
		v.Set("from", formatDate(q.From, false))
	}
	if !q.To.IsZero() {
		v.Set("to", formatDate(q.To, true))
	}
	if q.Sort != "" && q.Sort != index.SortRelevance {
		v.Set("sort", q.Sort)
	}
	if q.Page > 1 {
		v.Set("page", strconv.Itoa(q.Page))
	}
	if q.Size != 0 && q.Size != defaultSize {
		v.Set("size", strconv.Itoa(q.Size))
	}
	return v
}

// searchURL is the search page URL of a query. Spaces are written %20:
// Encode's "+" is as valid, but html/template writes it &#43; in attributes.
func searchURL(q index.Query) string {
	if enc := queryValues(q).Encode(); enc != "" {
		return "/?" + strings.ReplaceAll(enc, "+", "%20") // a literal + is %2B
	}
	return "/"
}

// cloneQuery copies q deeply enough that changing its filters leaves q alone.
func cloneQuery(q index.Query) index.Query {
	c := q
	c.Filters = make(map[string][]string, len(q.Filters))
	for f, vs := range q.Filters {
		c.Filters[f] = slices.Clone(vs)
	}
	return c
}

// withFilter is q with one more filter value, back on page 1.
func withFilter(q index.Query, facet, value string) index.Query {
	c := cloneQuery(q)
	if !slices.Contains(c.Filters[facet], value) {
		c.Filters[facet] = append(c.Filters[facet], value)
	}
	c.Page = 1
	return c
}

// withoutFilter is q without one filter value, back on page 1.
func withoutFilter(q index.Query, facet, value string) index.Query {
	c := cloneQuery(q)
	c.Filters[facet] = slices.DeleteFunc(c.Filters[facet], func(v string) bool { return v == value })
	if len(c.Filters[facet]) == 0 {
		delete(c.Filters, facet)
	}
	c.Page = 1
	return c
}

// pathParam is a path parameter, decoded: Echo matches on the raw path when
// the URL has escapes of its own (a %2F in a name), and leaves them in.
func pathParam(c echo.Context, name string) (string, error) {
	v := c.Param(name)
	if c.Request().URL.RawPath == "" {
		return v, nil
	}
	u, err := url.PathUnescape(v)
	if err != nil {
		return "", badRequest("bad %s in path: %v", name, err)
	}
	return u, nil
}

// describeQuery is a short human summary for page titles.
func describeQuery(q index.Query) string {
	var parts []string
	if q.Text != "" {
		parts = append(parts, fmt.Sprintf("%q", q.Text))
	}
	for _, f := range filterFacets {
		for _, v := range q.Filters[f] {
			parts = append(parts, f+":"+v)
		}
	}
	return strings.Join(parts, " ")
}
