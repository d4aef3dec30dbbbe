package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
)

// facetTitles are the sidebar headings.
var facetTitles = map[string]string{
	index.FacetPerson:  "People",
	index.FacetSpeaker: "Speakers",
	index.FacetCountry: "Countries",
	index.FacetTopic:   "Topics",
	index.FacetOrg:     "Organisations",
	index.FacetSource:  "Sources",
}

// searchView is what the search page template renders.
type searchView struct {
	Title  string
	Text   string
	Quotes bool
	Sort   string
	Total  uint64
	// Matches counts every matching copy; AllCopies is set when each copy
	// is a hit of its own, and CopiesURL switches between that and each
	// story once.
	Matches     uint64
	AllCopies   bool
	CopiesURL   string
	Took        string
	Hits        []hitView
	Facets      []facetView
	Chips       []chipView
	Dates       []barView
	Hidden      []hiddenInput
	Page, Pages int
	PrevURL     string
	NextURL     string
	ArticlesURL string
	QuotesURL   string
	ClearURL    string
	Feeds       *feedsView // nil unless the server polls feeds
	CSVURL      string     // every hit of the search, as the export formats
	JSONLURL    string
	FeedURL     string // the search's newest hits as Atom
}

// facetView is one sidebar box.
type facetView struct {
	Name   string // the facet, for CSS classes and test selectors
	Title  string
	Values []facetLink
}

// facetLink is one facet value: a link that adds it as a filter, or, when
// it is already a filter, removes it.
type facetLink struct {
	Value    string
	Label    string
	Flag     string
	Count    int
	URL      string
	Selected bool
}

// chipView is one active filter with a link that removes it.
type chipView struct {
	Facet     string
	Label     string
	RemoveURL string
}

// hitView is one result: an article, or a quote with its article.
type hitView struct {
	index.Hit
	// AlsoIn are the first other sources of the story's copies, each
	// once, and AlsoInMore how many more there are; CopiesURL lists
	// every copy of the story.
	AlsoIn     []string
	AlsoInMore int
	CopiesURL  string
	ArticleURL string
	SpeakerURL string
	Snippet    template.HTML
	Date       string
	People     []entityLink
	Countries  []entityLink
	Topics     []entityLink
}

// entityLink is an entity chip on a hit: a link that filters by it.
type entityLink struct {
	Label string
	Flag  string
	URL   string
}

// barView is one bar of the date histogram.
type barView struct {
	Label    string
	Count    int
	Percent  int // of the tallest bar, in steps of 5, for the bar's width
	URL      string
	Selected bool
}

// hiddenInput carries a current filter through the search form.
type hiddenInput struct {
	Name, Value string
}

// searchPage answers GET /: the search box, facets, histogram and results.
func (s *Server) searchPage(c echo.Context) error {
	q, err := parseQuery(c)
	if err != nil {
		return err
	}
	if c.QueryParam("format") != "" {
		return badRequest("format is for the API: %s", exportURL(q, c.QueryParam("format")))
	}
	r, err := s.search(c, q)
	if err != nil {
		return err
	}
	v := newSearchView(q, r)
	v.Feeds = s.feedsView(time.Now())
	return s.render(c, http.StatusOK, "search", v)
}

// search runs a parsed query for the page or the API, in the page's order
// (withPageSort).
func (s *Server) search(c echo.Context, q index.Query) (*index.Result, error) {
	q = withPageSort(q)
	// The index's errors name the query; ErrBadQuery ones become a 400.
	return s.archive.Search(c.Request().Context(), q)
}

func newSearchView(q index.Query, r *index.Result) searchView {
	v := searchView{
		Title:     "Search",
		Text:      q.Text,
		Quotes:    q.Quotes,
		Sort:      q.Sort,
		Total:     r.Total,
		Matches:   r.Matches,
		AllCopies: q.AllCopies,
		Took:      formatTook(r.Took),
		Page:      q.Page,
	}
	if d := describeQuery(q); d != "" {
		v.Title = d
	}
	if v.Sort == "" {
		v.Sort = index.SortRelevance
	}
	size := q.Size
	if size <= 0 {
		size = defaultSize
	}
	v.Pages = min(int((r.Total+uint64(size)-1)/uint64(size)), maxPage)
	if q.Page > 1 {
		p := q
		p.Page = min(q.Page-1, max(v.Pages, 1))
		v.PrevURL = searchURL(p)
	}
	if q.Page < v.Pages {
		n := q
		n.Page = q.Page + 1
		v.NextURL = searchURL(n)
	}

	// The two views share everything but the view and the page.
	a, qs := q, q
	a.Quotes, a.Page = false, 1
	qs.Quotes, qs.Page = true, 1
	v.ArticlesURL, v.QuotesURL = searchURL(a), searchURL(qs)
	v.ClearURL = searchURL(index.Query{Quotes: q.Quotes})
	c := q
	c.AllCopies, c.Page = !q.AllCopies, 1
	v.CopiesURL = searchURL(c)
	v.CSVURL, v.JSONLURL = exportURL(q, FormatCSV), exportURL(q, FormatJSONL)
	v.FeedURL = feedURL(q)

	// The form carries q and sort itself and starts again at page 1; every
	// other part of the query rides along in hidden inputs, in URL order.
	vals := queryValues(q)
	for _, name := range append(append([]string{"view"}, filterFacets...), index.FacetGroup, "copies", "from", "to", "size") {
		for _, val := range vals[name] {
			v.Hidden = append(v.Hidden, hiddenInput{name, val})
		}
	}

	for _, f := range filterFacets {
		for _, val := range q.Filters[f] {
			label := val
			if f == index.FacetCountry {
				label = countryFlag(val) + " " + countryName(val)
			}
			v.Chips = append(v.Chips, chipView{Facet: f, Label: label, RemoveURL: searchURL(withoutFilter(q, f, val))})
		}
	}
	for _, g := range q.Filters[index.FacetGroup] {
		v.Chips = append(v.Chips, chipView{Facet: "story", Label: "copies of " + g, RemoveURL: searchURL(withoutFilter(q, index.FacetGroup, g))})
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		nd := cloneQuery(q)
		nd.From, nd.To, nd.Page = time.Time{}, time.Time{}, 1
		v.Chips = append(v.Chips, chipView{Facet: "published", Label: dateRangeLabel(q.From, q.To), RemoveURL: searchURL(nd)})
	}

	for _, f := range filterFacets {
		fv := facetView{Name: f, Title: facetTitles[f]}
		for _, val := range r.Facets[f] {
			l := facetLink{Value: val.Value, Label: facetLabel(f, val), Count: val.Count}
			if f == index.FacetCountry {
				l.Flag = countryFlag(val.Value)
			}
			l.Selected = slices.Contains(q.Filters[f], val.Value)
			if l.Selected {
				l.URL = searchURL(withoutFilter(q, f, val.Value))
			} else {
				l.URL = searchURL(withFilter(q, f, val.Value))
			}
			fv.Values = append(fv.Values, l)
		}
		if len(fv.Values) > 0 {
			v.Facets = append(v.Facets, fv)
		}
	}

	v.Dates = dateBars(q, r.Dates)
	for _, h := range r.Hits {
		v.Hits = append(v.Hits, newHitView(q, h))
	}
	return v
}

func newHitView(q index.Query, h index.Hit) hitView {
	v := hitView{
		Hit:        h,
		ArticleURL: articleURL(h.ID),
		// The index escapes the text and adds only <mark>: trusted HTML.
		Snippet: template.HTML(h.Snippet),
		Date:    formatDay(h.Published),
	}
	if h.Quote != "" {
		v.Quote = displayQuote(h.Quote)
		v.Snippet = template.HTML(displayQuote(h.Snippet))
	}
	if h.Speaker != "" {
		v.SpeakerURL = personURL(h.Speaker)
	}
	if h.CopyCount > 0 {
		v.AlsoIn = h.CopySources
		if len(v.AlsoIn) > alsoInShown {
			v.AlsoIn, v.AlsoInMore = v.AlsoIn[:alsoInShown], len(v.AlsoIn)-alsoInShown
		}
		v.CopiesURL = searchURL(index.Query{Quotes: q.Quotes, AllCopies: true, Sort: index.SortOldest,
			Filters: map[string][]string{index.FacetGroup: {h.Group}}})
	}
	for _, p := range h.People {
		v.People = append(v.People, entityLink{Label: p, URL: searchURL(withFilter(q, index.FacetPerson, p))})
	}
	for _, c := range h.Countries {
		v.Countries = append(v.Countries, entityLink{Label: countryName(c), Flag: countryFlag(c), URL: searchURL(withFilter(q, index.FacetCountry, c))})
	}
	for _, t := range h.Topics {
		v.Topics = append(v.Topics, entityLink{Label: t, URL: searchURL(withFilter(q, index.FacetTopic, t))})
	}
	return v
}

// alsoInShown is how many of a story's other sources a hit names; a
// story run by forty papers names the first and counts the rest.
const alsoInShown = 8

// dateBars turns the index's histogram into bars, one per year; when all
// hits fall in one year, the index's own finer buckets are more telling.
func dateBars(q index.Query, buckets []index.DateBucket) []barView {
	type span struct {
		from, to time.Time
		count    int
	}
	var years []span
	for _, b := range buckets {
		y := b.From.UTC().Year()
		if n := len(years); n > 0 && years[n-1].from.Year() == y {
			years[n-1].count += b.Count
			continue
		}
		years = append(years, span{from: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), to: time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC), count: b.Count})
	}
	spans := years
	if len(years) == 1 && len(buckets) > 1 {
		spans = spans[:0:0]
		for _, b := range buckets {
			spans = append(spans, span{from: b.From.UTC(), to: b.To.UTC(), count: b.Count})
		}
	}
	tallest := 0
	for _, s := range spans {
		tallest = max(tallest, s.count)
	}
	var bars []barView
	for _, s := range spans {
		last := s.to.Add(-time.Nanosecond)
		b := barView{
			Label:    spanLabel(s.from, s.to),
			Count:    s.count,
			Selected: q.From.Equal(s.from) && q.To.Equal(last),
		}
		// A bar filters to its span; the selected bar's link lifts the filter.
		nq := cloneQuery(q)
		nq.From, nq.To, nq.Page = s.from, last, 1
		if b.Selected {
			nq.From, nq.To = time.Time{}, time.Time{}
		}
		b.URL = searchURL(nq)
		if tallest > 0 && s.count > 0 {
			// Steps of 5 so the stylesheet can size bars with classes: the
			// page's CSP allows no inline styles.
			b.Percent = max((s.count*100/tallest+2)/5*5, 5)
		}
		bars = append(bars, b)
	}
	return bars
}

// spanLabel names [from, to) as a year, a month or a day range.
func spanLabel(from, to time.Time) string {
	switch {
	case from.Month() == time.January && from.Day() == 1 && to.Equal(from.AddDate(1, 0, 0)):
		return from.Format("2006")
	case from.Day() == 1 && to.Equal(from.AddDate(0, 1, 0)):
		return from.Format("Jan 2006")
	case to.Equal(from.AddDate(0, 0, 1)):
		return from.Format("2 Jan 2006")
	}
	return from.Format("2 Jan 2006") + " – " + to.Add(-time.Nanosecond).Format("2 Jan 2006")
}

// dateRangeLabel describes the date filter on its chip.
func dateRangeLabel(from, to time.Time) string {
	switch {
	case from.IsZero():
		return "until " + formatDay(to)
	case to.IsZero():
		return "since " + formatDay(from)
	}
	return spanLabel(from, to.Add(time.Nanosecond)) // to is inclusive, spans end exclusive
}

// displayQuote drops the comma that a quotation carries when a cue follows
// it ("… lives," he said): it belongs to the sentence, not to the words.
func displayQuote(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), ",")
}

// formatTook says how long a search took, as a reader cares: roughly.
func formatTook(d time.Duration) string {
	if d < time.Millisecond {
		return "under 1 ms"
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}

// formatDay is how pages show a date.
func formatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006")
}

// articleURL is an article's page.
func articleURL(id string) string { return "/articles/" + url.PathEscape(id) }

// personURL is a person's page.
func personURL(name string) string { return "/people/" + url.PathEscape(name) }
