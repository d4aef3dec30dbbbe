package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
)

// articleData is one stored article with its enrichment as the index filed
// it: the people its page shows are those the facets count.
type articleData struct {
	store.Article
	Enrichment index.Enrichment
}

// loadArticle reads the article named by the :id path parameter and its
// enrichment; an unknown id is a 404.
func (s *Server) loadArticle(c echo.Context) (articleData, error) {
	id, err := pathParam(c, "id")
	if err != nil {
		return articleData{}, err
	}
	a, err := s.store.Get(c.Request().Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return articleData{}, echo.NewHTTPError(http.StatusNotFound, fmt.Sprintf("no article with id %q", id))
	}
	if err != nil {
		return articleData{}, fmt.Errorf("load article: %w", err)
	}
	e, err := s.archive.Enrichment(c.Request().Context(), a)
	if err != nil {
		return articleData{}, fmt.Errorf("load article %q: %w", id, err)
	}
	return articleData{Article: a, Enrichment: e}, nil
}

// apiEnrichment is the enrichment as GET /api/articles/:id shows it; the id
// is the article's own, so it is not repeated.
type apiEnrichment struct {
	People        []index.Person       `json:"people"`
	Organizations []index.Organization `json:"organizations"`
	Countries     []index.Country      `json:"countries"`
	Topics        []index.Topic        `json:"topics"`
	Quotes        []index.Quote        `json:"quotes"`
}

// apiArticleJSON is the JSON of GET /api/articles/:id.
type apiArticleJSON struct {
	store.Article
	Enrichment apiEnrichment `json:"enrichment"`
}

func (a articleData) apiArticle() apiArticleJSON {
	e := a.Enrichment
	return apiArticleJSON{
		Article: a.Article,
		Enrichment: apiEnrichment{
			People:        nonNil(e.People),
			Organizations: nonNil(e.Organizations),
			Countries:     nonNil(e.Countries),
			Topics:        nonNil(e.Topics),
			Quotes:        nonNil(e.Quotes),
		},
	}
}

// articleView is what the article page renders.
type articleView struct {
	Title         string
	Article       store.Article
	Date          string
	Paragraphs    []paragraphView
	QuotesOnly    bool   // only the paragraphs that hold a quotation
	AllURL        string // the toggle between the whole text and its quotations
	QuotesURL     string
	People        []entityLink
	Organizations []entityLink
	Countries     []entityLink
	Topics        []entityLink
	Speakers      []speakerQuotes
	QuoteCount    int
}

// speakerQuotes is one speaker's section of the article page.
type speakerQuotes struct {
	Speaker string
	Type    string
	URL     string // the person page; empty for an unknown speaker
	Quotes  []numberedQuote
}

// numberedQuote is a quotation in the list of who said what; its number
// finds it in the text (#quote-N).
type numberedQuote struct {
	N    int
	Text string
}

// articlePage answers GET /articles/:id, and with view=quotes shows only
// the paragraphs that hold a quotation.
func (s *Server) articlePage(c echo.Context) error {
	quotesOnly := false
	for name, vs := range c.QueryParams() {
		switch {
		case name != "view":
			return badRequest("unknown parameter %q (this page takes only view=quotes)", name)
		case len(vs) != 1 || (vs[0] != viewQuotes && vs[0] != ""):
			return badRequest("unknown view %q (want view=quotes, or none for the whole text)", strings.Join(vs, ","))
		}
		quotesOnly = vs[0] == viewQuotes
	}
	a, err := s.loadArticle(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "article", newArticleView(a, quotesOnly))
}

func newArticleView(a articleData, quotesOnly bool) articleView {
	v := articleView{
		Title:      a.Title,
		Article:    a.Article,
		Date:       formatDay(a.Published),
		QuotesOnly: quotesOnly,
		AllURL:     articleURL(a.ID),
		QuotesURL:  articleURL(a.ID) + "?view=" + viewQuotes,
		QuoteCount: len(a.Enrichment.Quotes),
	}
	for _, p := range bodyParagraphs(a.Body, a.Enrichment) {
		if p.HasQuote || !quotesOnly {
			v.Paragraphs = append(v.Paragraphs, p)
		}
	}
	if v.Title == "" {
		v.Title = a.ID
	}
	none := index.Query{}
	for _, p := range a.Enrichment.People {
		v.People = append(v.People, entityLink{Label: p.Name, URL: personURL(p.Name)})
	}
	for _, o := range a.Enrichment.Organizations {
		v.Organizations = append(v.Organizations, entityLink{Label: o.Name, URL: searchURL(withFilter(none, index.FacetOrg, o.Name))})
	}
	for _, c := range a.Enrichment.Countries {
		name := c.Name
		if name == "" {
			name = countryName(c.Code)
		}
		v.Countries = append(v.Countries, entityLink{Label: name, Flag: countryFlag(c.Code), URL: searchURL(withFilter(none, index.FacetCountry, c.Code))})
	}
	for _, t := range a.Enrichment.Topics {
		v.Topics = append(v.Topics, entityLink{Label: t.Label, URL: searchURL(withFilter(none, index.FacetTopic, t.Label))})
	}

	// Group quotes by speaker, speakers in the order they first speak.
	at := map[string]int{}
	for n, q := range a.Enrichment.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "Unattributed"
		}
		i, ok := at[speaker]
		if !ok {
			i = len(v.Speakers)
			at[speaker] = i
			sq := speakerQuotes{Speaker: speaker, Type: q.SpeakerType}
			if q.Speaker != "" && q.SpeakerType != index.SpeakerUnknown {
				sq.URL = personURL(q.Speaker)
			}
			v.Speakers = append(v.Speakers, sq)
		}
		v.Speakers[i].Quotes = append(v.Speakers[i].Quotes, numberedQuote{N: n + 1, Text: displayQuote(q.Text)})
	}
	return v
}
