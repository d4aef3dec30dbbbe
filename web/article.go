package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// articleData is one stored article with what the extractor finds in it.
type articleData struct {
	store.Article
	Enrichment extract.Enrichment
}

// loadArticle reads the article named by the :id path parameter and runs
// the extractor on it; an unknown id is a 404.
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
	// Extraction is cheap next to a page render, and running it here keeps
	// the page true to the current extractor even before a reindex.
	return articleData{Article: a, Enrichment: extract.Extract(a)}, nil
}

// apiEnrichment is the enrichment as GET /api/articles/:id shows it; the id
// is the article's own, so it is not repeated.
type apiEnrichment struct {
	People        []extract.Person       `json:"people"`
	Organizations []extract.Organization `json:"organizations"`
	Countries     []extract.Country      `json:"countries"`
	Topics        []extract.Topic        `json:"topics"`
	Quotes        []extract.Quote        `json:"quotes"`
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
	Paragraphs    []string
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
	Quotes  []string
}

// articlePage answers GET /articles/:id.
func (s *Server) articlePage(c echo.Context) error {
	if err := noParams(c); err != nil {
		return err
	}
	a, err := s.loadArticle(c)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "article", newArticleView(a))
}

func newArticleView(a articleData) articleView {
	v := articleView{
		Title:      a.Title,
		Article:    a.Article,
		Date:       formatDay(a.Published),
		Paragraphs: paragraphs(a.Body),
		QuoteCount: len(a.Enrichment.Quotes),
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
	for _, q := range a.Enrichment.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "Unattributed"
		}
		i, ok := at[speaker]
		if !ok {
			i = len(v.Speakers)
			at[speaker] = i
			sq := speakerQuotes{Speaker: speaker, Type: q.SpeakerType}
			if q.Speaker != "" && q.SpeakerType != extract.SpeakerUnknown {
				sq.URL = personURL(q.Speaker)
			}
			v.Speakers = append(v.Speakers, sq)
		}
		v.Speakers[i].Quotes = append(v.Speakers[i].Quotes, displayQuote(q.Text))
	}
	return v
}

// paragraphs splits a body at blank lines, as store.Article keeps it.
func paragraphs(body string) []string {
	var out []string
	for p := range strings.SplitSeq(body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
