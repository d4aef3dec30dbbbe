package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
)

// personQuoteSize is how many of a person's quotes a page shows by default.
const personQuoteSize = 20

// personNameSample is how many of a person's newest articles are read
// again for the names they are filed under.
const personNameSample = 10

// personData is what the archive knows about one person: the articles that
// mention them and the quotes they said.
type personData struct {
	Name     string
	Query    index.Query // quotes query: page and size of the quote list
	Articles *index.Result
	Quotes   *index.Result
	Spans    []index.DateBucket // mentions over time: years, or months
	Monthly  bool
	Names    []nameForm
}

// loadPerson runs the two searches behind a person: articles with
// person=name (for the histogram and who else appears) and quotes with
// speaker=name. A name the archive has never seen is a 404.
func (s *Server) loadPerson(c echo.Context) (personData, error) {
	name, err := pathParam(c, "name")
	if err != nil {
		return personData{}, err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return personData{}, badRequest("empty person name")
	}
	params := c.QueryParams()
	for p, vs := range params {
		if p != "page" && p != "size" {
			return personData{}, badRequest("unknown parameter %q (known: page, size)", p)
		}
		if len(vs) > 1 {
			return personData{}, badRequest("parameter %q given %d times; give it once", p, len(vs))
		}
	}
	q := index.Query{
		Filters: map[string][]string{index.FacetSpeaker: {name}},
		Sort:    index.SortNewest,
		Quotes:  true,
	}
	if q.Page, err = parseInt("page", params.Get("page"), 1, 1, maxPage); err != nil {
		return personData{}, err
	}
	if q.Size, err = parseInt("size", params.Get("size"), personQuoteSize, 1, maxSize); err != nil {
		return personData{}, err
	}

	ctx := c.Request().Context()
	articles, err := s.archive.Search(ctx, index.Query{
		Filters: map[string][]string{index.FacetPerson: {name}},
		Sort:    index.SortNewest,
		Page:    1,
		Size:    personNameSample, // the facets, the histogram and a few to read names from
	})
	if err != nil {
		return personData{}, fmt.Errorf("person %q articles: %w", name, err)
	}
	quotes, err := s.archive.Search(ctx, q)
	if err != nil {
		return personData{}, fmt.Errorf("person %q quotes: %w", name, err)
	}
	if articles.Total == 0 && quotes.Total == 0 {
		return personData{}, echo.NewHTTPError(http.StatusNotFound, fmt.Sprintf("no article mentions or quotes %q", name))
	}
	spans, monthly, err := s.mentionSpans(ctx, name, articles.Dates)
	if err != nil {
		return personData{}, err
	}
	var ids []string
	for _, h := range articles.Hits {
		ids = append(ids, h.ID)
	}
	return personData{Name: name, Query: q, Articles: articles, Quotes: quotes,
		Spans: spans, Monthly: monthly, Names: s.namesFiled(ctx, name, ids)}, nil
}

// alongside is a facet of the person's articles without the person.
func (p personData) alongside(facet string) []index.FacetValue {
	var out []index.FacetValue
	for _, v := range p.Articles.Facets[facet] {
		if (facet == index.FacetPerson || facet == index.FacetSpeaker) && v.Value == p.Name {
			continue
		}
		out = append(out, v)
	}
	return out
}

// apiPersonJSON is the JSON of GET /api/people/:name.
type apiPersonJSON struct {
	Name      string           `json:"name"`
	Articles  uint64           `json:"articles"` // how many articles mention them
	Mentions  []DateBucketJSON `json:"mentions"` // those articles over time
	QuoteHits uint64           `json:"quotes_total"`
	Quotes    []HitJSON        `json:"quotes"`
	People    []FacetValueJSON `json:"people"`    // most often alongside
	Countries []FacetValueJSON `json:"countries"` // most often alongside
	// QuotedWith are the speakers quoted in the articles that mention
	// them, and QuoteTopics the topics of the articles they are quoted in.
	QuotedWith  []FacetValueJSON `json:"quoted_with"`
	QuoteTopics []FacetValueJSON `json:"quote_topics"`
	// Names are how their newest articles name them (up to ten read).
	Names []nameForm `json:"names"`
	Page  int        `json:"page"`
	Size  int        `json:"size"`
}

func (p personData) api() apiPersonJSON {
	return apiPersonJSON{
		Name:        p.Name,
		Articles:    p.Articles.Total,
		Mentions:    dateBuckets(p.Articles.Dates),
		QuoteHits:   p.Quotes.Total,
		Quotes:      hitsJSON(p.Quotes.Hits, true),
		People:      facetValues(index.FacetPerson, p.alongside(index.FacetPerson)),
		Countries:   facetValues(index.FacetCountry, p.alongside(index.FacetCountry)),
		QuotedWith:  facetValues(index.FacetSpeaker, p.alongside(index.FacetSpeaker)),
		QuoteTopics: facetValues(index.FacetTopic, p.Quotes.Facets[index.FacetTopic]),
		Names:       nonNil(p.Names),
		Page:        p.Query.Page,
		Size:        p.Query.Size,
	}
}

// personView is what the person page renders.
type personView struct {
	Title       string
	Name        string
	Articles    uint64
	QuoteTotal  uint64
	Quotes      []hitView
	People      []facetLink
	Countries   []facetLink
	ArticlesURL string // search: articles mentioning them
	QuotesURL   string // search: their quotes
	Chart       *chartView
	QuotedWith  []facetLink // other speakers in their articles
	QuoteTopics []facetLink // what they are quoted about
	Names       []nameForm
	Page, Pages int
	PrevURL     string
	NextURL     string
}

// personPage answers GET /people/:name.
func (s *Server) personPage(c echo.Context) error {
	p, err := s.loadPerson(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "person", newPersonView(p))
}

func newPersonView(p personData) personView {
	mentioned := index.Query{Filters: map[string][]string{index.FacetPerson: {p.Name}}}
	said := index.Query{Filters: map[string][]string{index.FacetSpeaker: {p.Name}}, Quotes: true}
	v := personView{
		Title:       p.Name,
		Name:        p.Name,
		Articles:    p.Articles.Total,
		QuoteTotal:  p.Quotes.Total,
		ArticlesURL: searchURL(mentioned),
		QuotesURL:   searchURL(said),
		Page:        p.Query.Page,
		Chart:       newChart(p.Name, p.Spans, p.Monthly),
		Names:       p.Names,
	}
	for _, f := range p.alongside(index.FacetSpeaker) {
		v.QuotedWith = append(v.QuotedWith, facetLink{Value: f.Value, Label: f.Value, Count: f.Count, URL: personURL(f.Value)})
	}
	for _, f := range p.Quotes.Facets[index.FacetTopic] {
		v.QuoteTopics = append(v.QuoteTopics, facetLink{Value: f.Value, Label: f.Value, Count: f.Count, URL: searchURL(withFilter(said, index.FacetTopic, f.Value))})
	}
	for _, h := range p.Quotes.Hits {
		v.Quotes = append(v.Quotes, newHitView(said, h))
	}
	for _, f := range p.alongside(index.FacetPerson) {
		v.People = append(v.People, facetLink{Value: f.Value, Label: f.Value, Count: f.Count, URL: personURL(f.Value)})
	}
	for _, f := range p.alongside(index.FacetCountry) {
		v.Countries = append(v.Countries, facetLink{
			Value: f.Value, Label: facetLabel(index.FacetCountry, f), Flag: countryFlag(f.Value), Count: f.Count,
			URL: searchURL(withFilter(mentioned, index.FacetCountry, f.Value)),
		})
	}
	v.Pages = int((p.Quotes.Total + uint64(p.Query.Size) - 1) / uint64(p.Query.Size))
	page := func(n int) string {
		u := personURL(p.Name) + fmt.Sprintf("?page=%d", n)
		if p.Query.Size != personQuoteSize {
			u += fmt.Sprintf("&size=%d", p.Query.Size)
		}
		return u
	}
	if p.Query.Page > 1 {
		v.PrevURL = page(p.Query.Page - 1)
	}
	if p.Query.Page < v.Pages {
		v.NextURL = page(p.Query.Page + 1)
	}
	return v
}
