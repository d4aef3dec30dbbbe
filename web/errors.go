package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
)

// badRequest is the error for anything the client got wrong; the message
// names the problem.
func badRequest(format string, args ...any) error {
	return echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf(format, args...))
}

// statusOf maps an error to its HTTP status: echo's own errors keep theirs,
// the index's and store's sentinels become 4xx, a deadline becomes 503, and
// anything else is the server's fault.
func statusOf(err error) int {
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		return he.Code
	case errors.Is(err, index.ErrOverBudget):
		// Well-formed, but it would cost more than one query may.
		return http.StatusUnprocessableEntity
	case errors.Is(err, index.ErrBadQuery):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, index.ErrBusy), errors.Is(err, index.ErrUnavailable):
		// Nothing wrong with the request: the server cannot answer it now.
		return http.StatusServiceUnavailable
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// messageOf is what the client is told. Internal errors are not described:
// their details go to the log, not to whoever asked.
func messageOf(err error, code int) string {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		if m, ok := he.Message.(string); ok {
			return m
		}
		if m, ok := he.Message.(error); ok {
			return m.Error()
		}
		return http.StatusText(he.Code)
	}
	switch {
	case errors.Is(err, index.ErrBusy):
		return index.ErrBusy.Error()
	case errors.Is(err, index.ErrUnavailable):
		return index.ErrUnavailable.Error()
	case code == http.StatusServiceUnavailable:
		return "the request took too long; try a narrower search"
	case code >= 500:
		return "internal server error"
	}
	return err.Error()
}

// errorPage is what the HTML error page shows.
type errorPage struct {
	Title   string
	Status  int
	Message string
	Query   string // the q the reader typed, to fix it in place
}

// handleError is Echo's HTTPErrorHandler, the one place errors become HTTP:
// JSON {"error": "..."} for the API, an HTML page otherwise.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	code := statusOf(err)
	msg := messageOf(err, code)
	if code >= 500 {
		s.logger.Error("request failed", "request_id", idOf(c), "method", c.Request().Method, "uri", c.Request().URL.RequestURI(), "err", err)
	}
	if code == http.StatusUnauthorized {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="cuttings"`)
	}
	if errors.Is(err, index.ErrBusy) || errors.Is(err, index.ErrUnavailable) {
		c.Response().Header().Set("Retry-After", "5")
	}
	var werr error
	switch {
	case c.Request().Method == http.MethodHead:
		werr = c.NoContent(code)
	case isAPI(c):
		body := map[string]string{"error": msg}
		var over *index.OverBudgetError
		if errors.As(err, &over) {
			body["limit"] = over.Limit // which one, for a program to read
		}
		werr = c.JSON(code, body)
	default:
		werr = s.render(c, code, "error", errorPage{
			Title: http.StatusText(code), Status: code, Message: msg, Query: c.QueryParam("q"),
		})
	}
	if werr != nil {
		s.logger.Error("writing error response", "request_id", idOf(c), "err", werr)
	}
}
