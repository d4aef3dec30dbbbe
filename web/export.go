package web

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
)

// Formats of /api/search and /api/quotes: one page of JSON (the default),
// or every hit as CSV or JSON Lines.
const (
	FormatJSON  = "json"
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
)

// exportFlushRows is how many rows an export writes between flushes, so a
// client sees rows arrive while the rest are still being read.
const exportFlushRows = 1000

// Column headings of the CSV exports.
var (
	articleColumns = []string{"id", "title", "url", "source", "published", "people", "countries", "topics"}
	quoteColumns   = []string{"quote_id", "quote", "speaker", "speaker_type", "id", "title", "url", "source", "published", "people", "countries", "topics"}
)

// exportFormat reads the format parameter: "" or "json" is a page of JSON.
func exportFormat(c echo.Context) (string, error) {
	switch f := c.QueryParam("format"); f {
	case "", FormatJSON:
		return FormatJSON, nil
	case FormatCSV, FormatJSONL:
		if c.QueryParam("page") != "" || c.QueryParam("size") != "" {
			return "", badRequest("format=%s exports every hit: leave out page and size", f)
		}
		return f, nil
	default:
		return "", badRequest("unknown format %q (want %s, %s or %s)", f, FormatJSON, FormatCSV, FormatJSONL)
	}
}

// isExport reports whether a request asks for a whole export, which runs
// as long as there are rows to write rather than within a search's time.
func isExport(c echo.Context) bool {
	f := c.QueryParam("format")
	return f == FormatCSV || f == FormatJSONL
}

// exportURL is the API URL that exports every hit of q in format: the
// page's query without its paging.
func exportURL(q index.Query, format string) string {
	e := q
	e.Page, e.Size = 1, 0
	path := "/api/search"
	if q.Quotes {
		path = "/api/quotes"
	}
	v := queryValues(e)
	v.Del("view") // the path says which
	v.Set("format", format)
	return path + "?" + strings.ReplaceAll(v.Encode(), "+", "%20")
}

// serveExport answers an export: the whole of q, streamed.
func (s *Server) serveExport(c echo.Context, q index.Query, format string) error {
	res := c.Response()
	name := "cuttings-search"
	if q.Quotes {
		name = "cuttings-quotes"
	}
	// Headers wait for the first row: a query the index refuses is then
	// still a JSON error, not a download holding one.
	w := &lazyResponse{start: func() {
		h := res.Header()
		if format == FormatCSV {
			h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
		} else {
			h.Set(echo.HeaderContentType, "application/x-ndjson; charset=utf-8")
		}
		h.Set(echo.HeaderContentDisposition, fmt.Sprintf("attachment; filename=%q", name+"."+format))
		res.WriteHeader(http.StatusOK)
	}, w: res}
	err := WriteExport(c.Request().Context(), w, s.archive, q, format, res.Flush)
	if err != nil && res.Committed {
		// Half a file is already out: all that is left is to stop and say
		// so in the log; the client sees the body end early.
		s.logger.Error("export cut short", "request_id", idOf(c), "uri", c.Request().URL.RequestURI(), "err", err)
		return nil
	}
	if err == nil && !w.started {
		_, err = w.Write(nil) // nothing matched: an empty file, still a download
	}
	return err
}

// withPageSort is q in the order the search page shows it: without text
// every hit scores the same, so relevance would be an arbitrary order and
// newest first is what a reader browsing by filters expects.
func withPageSort(q index.Query) index.Query {
	if q.Text == "" && (q.Sort == "" || q.Sort == index.SortRelevance) {
		q.Sort = index.SortNewest
	}
	return q
}

// lazyResponse calls start before its first write.
type lazyResponse struct {
	start   func()
	started bool
	w       io.Writer
}

func (l *lazyResponse) Write(b []byte) (int, error) {
	if !l.started {
		l.started = true
		l.start()
	}
	return l.w.Write(b)
}

// WriteExport writes every hit of q to w as CSV (with a heading row) or
// JSON Lines (each line a hit as the API writes it), reading the archive a
// chunk at a time so that memory stays flat however many hits there are.
// Hits come in the search page's order (with no text and no sort, newest
// first). flush, if not nil, is called after every thousand rows.
func WriteExport(ctx context.Context, w io.Writer, a *index.Archive, q index.Query, format string, flush func()) error {
	q = withPageSort(q)
	bw := bufio.NewWriterSize(w, 32<<10)
	rows := 0
	var write func(index.Hit) error
	var end func() error
	switch format {
	case FormatCSV:
		cw := csv.NewWriter(bw)
		columns := articleColumns
		if q.Quotes {
			columns = quoteColumns
		}
		headed := false
		head := func() error {
			if headed {
				return nil
			}
			headed = true
			return cw.Write(columns)
		}
		record := make([]string, len(columns))
		write = func(h index.Hit) error {
			if err := head(); err != nil {
				return err
			}
			return cw.Write(csvRecord(record, h, q.Quotes))
		}
		end = func() error {
			if err := head(); err != nil { // an empty export still names its columns
				return err
			}
			cw.Flush()
			return cw.Error()
		}
	case FormatJSONL:
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		write = func(h index.Hit) error {
			return enc.Encode(newHitJSON(h, q.Quotes)) // no snippet: an export has none
		}
		end = func() error { return nil }
	default:
		return fmt.Errorf("export: unknown format %q", format)
	}

	err := a.Each(ctx, q, func(h index.Hit) error {
		if err := write(h); err != nil {
			return err
		}
		if rows++; rows%exportFlushRows == 0 {
			if err := bw.Flush(); err != nil {
				return err
			}
			if flush != nil {
				flush()
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := end(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvRecord fills record with a hit's columns; lists are joined by "; ".
func csvRecord(record []string, h index.Hit, quotes bool) []string {
	published := ""
	if !h.Published.IsZero() {
		published = h.Published.UTC().Format(time.RFC3339)
	}
	article := []string{h.ID, h.Title, h.URL, h.Source, published,
		strings.Join(h.People, "; "), strings.Join(h.Countries, "; "), strings.Join(h.Topics, "; ")}
	if !quotes {
		return append(record[:0], article...)
	}
	record = append(record[:0], h.QuoteID, displayQuote(h.Quote), h.Speaker, h.SpeakerType)
	return append(record, article...)
}
