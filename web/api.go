package web

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest"
)

// apiSearch answers GET /api/search: articles, or quotes with view=quotes.
func (s *Server) apiSearch(c echo.Context) error {
	return s.apiHits(c, false)
}

// apiQuotes answers GET /api/quotes: the same query over quotations.
func (s *Server) apiQuotes(c echo.Context) error {
	return s.apiHits(c, true)
}

// apiHits answers both: one page of JSON, or with format=csv or jsonl
// every hit, streamed.
func (s *Server) apiHits(c echo.Context, quotes bool) error {
	q, err := parseQuery(c)
	if err != nil {
		return err
	}
	format, err := exportFormat(c)
	if err != nil {
		return err
	}
	q.Quotes = q.Quotes || quotes
	if format != FormatJSON {
		return s.serveExport(c, q, format)
	}
	r, err := s.search(c, q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, NewSearchJSON(q, r))
}

// apiArticle answers GET /api/articles/:id with the article and its
// enrichment as the index filed it.
func (s *Server) apiArticle(c echo.Context) error {
	if err := noParams(c); err != nil {
		return err
	}
	v, err := s.loadArticle(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v.apiArticle())
}

// apiPerson answers GET /api/people/:name.
func (s *Server) apiPerson(c echo.Context) error {
	p, err := s.loadPerson(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p.api())
}

// health answers GET /healthz.
func (s *Server) health(c echo.Context) error {
	if err := noParams(c); err != nil {
		return err
	}
	ctx := c.Request().Context()
	n, err := s.store.Count(ctx)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	stored, indexed, lag, err := s.lag(ctx)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	// "behind" says its searches miss more than the allowed lag of new
	// articles, as /readyz does; the server is fine otherwise (200).
	// "unhealthy" says the index is damaged or cannot be written (a
	// removed directory, a full disk, a corrupt file): 503, with what is
	// wrong, whether searches are answered meanwhile, and whether a new
	// index is being built from the store.
	status, code := "ok", http.StatusOK
	if lag > s.maxLag {
		status = "behind"
	}
	health := map[string]any{
		"articles":    n,
		"store_seq":   stored,
		"indexed_seq": indexed,
		"lag":         lag,
	}
	if ih := s.archive.Health(); ih.Problem != "" {
		status, code = "unhealthy", http.StatusServiceUnavailable
		health["problem"] = ih.Problem
		health["since"] = ih.Since.UTC().Format(time.RFC3339)
		health["searchable"] = ih.Searchable
		health["rebuilding"] = ih.Rebuilding
	}
	health["status"] = status
	if feeds := s.feedStatuses(); feeds != nil {
		// A failing feed is not an unhealthy server: the status stays
		// "ok" and each feed says what failed.
		health["feeds"] = feeds
	}
	return c.JSON(code, health)
}

// noParams refuses query parameters on a URL that takes none, like
// parseQuery refuses unknown ones.
func noParams(c echo.Context) error {
	for name := range c.QueryParams() {
		return badRequest("unknown parameter %q (this URL takes none)", name)
	}
	return nil
}

// requireToken guards the write API. With no token configured, writes are
// refused outright rather than left open.
func (s *Server) requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if s.token == "" {
			return echo.NewHTTPError(http.StatusForbidden, "writes are disabled: start the server with --token or CUTTINGS_TOKEN to allow them")
		}
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		scheme, got, ok := strings.Cut(h, " ")
		if h == "" {
			return echo.NewHTTPError(http.StatusUnauthorized, "missing Authorization: Bearer <token> header")
		}
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return echo.NewHTTPError(http.StatusUnauthorized, "Authorization header must be \"Bearer <token>\"")
		}
		if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.token)) != 1 {
			return echo.NewHTTPError(http.StatusUnauthorized, "wrong token")
		}
		return next(c)
	}
}

// postSummary answers POST /api/articles.
type postSummary struct {
	Added     int        `json:"added"`
	Updated   int        `json:"updated"`
	Unchanged int        `json:"unchanged"`
	IDs       []string   `json:"ids"` // of the articles written, in input order
	Rejected  []rejected `json:"rejected"`
}

// rejected is one record that was not written, and why.
type rejected struct {
	Where string `json:"where"`
	Error string `json:"error"`
}

// ingestName picks the file name whose extension tells ingest.Read the
// format, from the request's Content-Type.
func ingestName(contentType string) (string, error) {
	mt, _, err := mime.ParseMediaType(contentType)
	if contentType == "" || err != nil {
		return "", echo.NewHTTPError(http.StatusUnsupportedMediaType,
			"set Content-Type to application/json (one article or an array) or application/x-ndjson (JSONL)")
	}
	switch mt {
	case echo.MIMEApplicationJSON:
		return "body.json", nil
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-seq", echo.MIMETextPlain:
		return "body.jsonl", nil
	}
	return "", echo.NewHTTPError(http.StatusUnsupportedMediaType,
		fmt.Sprintf("unsupported Content-Type %q: want application/json or application/x-ndjson", mt))
}

// apiPostArticles answers POST /api/articles: validate every record, write
// the valid ones, and index them before answering, so that a client can
// search for what it just sent.
func (s *Server) apiPostArticles(c echo.Context) error {
	name, err := ingestName(c.Request().Header.Get(echo.HeaderContentType))
	if err != nil {
		return err
	}
	// Read the whole body first: a body over the limit must be a 413, not a
	// half-ingested request.
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return echo.NewHTTPError(http.StatusRequestEntityTooLarge,
				fmt.Sprintf("request body is over the limit of %d bytes; send fewer articles at a time", tooBig.Limit))
		}
		return badRequest("reading request body: %v", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("empty request body: send one article, an array of articles, or JSONL")
	}

	sum := postSummary{IDs: []string{}, Rejected: []rejected{}}
	var valid []store.Article
	err = ingest.Read(bytes.NewReader(body), name, func(r ingest.Record) error {
		if r.Err == nil {
			r.Err = ingest.Validate(&r.Article)
		}
		if r.Err != nil {
			sum.Rejected = append(sum.Rejected, rejected{Where: r.Where, Error: r.Err.Error()})
			return nil
		}
		valid = append(valid, r.Article)
		return nil
	})
	if err != nil {
		return badRequest("reading articles: %v", err)
	}
	if len(valid) == 0 {
		if len(sum.Rejected) == 0 {
			return badRequest("no articles in request body")
		}
		s.metrics.countIngest(sum)
		return c.JSON(http.StatusBadRequest, sum)
	}

	ctx := c.Request().Context()
	results, err := s.store.PutBatch(ctx, valid)
	if err != nil {
		return fmt.Errorf("store articles: %w", err)
	}
	for i, res := range results {
		switch res {
		case store.Added:
			sum.Added++
		case store.Updated:
			sum.Updated++
		case store.Unchanged:
			sum.Unchanged++
		}
		sum.IDs = append(sum.IDs, valid[i].ID)
	}
	s.metrics.countIngest(sum)
	if _, err := s.archive.Sync(ctx); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError,
			"articles stored but not yet indexed; they will be searchable shortly").WithInternal(err)
	}
	return c.JSON(http.StatusOK, sum)
}

// apiDeleteArticle answers DELETE /api/articles/:id.
func (s *Server) apiDeleteArticle(c echo.Context) error {
	id, err := pathParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if err := s.store.Delete(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return echo.NewHTTPError(http.StatusNotFound, fmt.Sprintf("no article with id %q", id))
		}
		return fmt.Errorf("delete article: %w", err)
	}
	if _, err := s.archive.Sync(ctx); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError,
			"article deleted but still in the index; it will drop out shortly").WithInternal(err)
	}
	return c.JSON(http.StatusOK, map[string]string{"deleted": id})
}
