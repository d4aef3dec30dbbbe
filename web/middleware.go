package web

// The middleware lives here rather than in echo/middleware: that package
// pulls in golang.org/x/time for its rate limiter, which this module does
// not otherwise need. Each piece is small and does only what cuttings uses.

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// recoverPanics turns a handler's panic into a 500, logged with its stack,
// instead of a dropped connection.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			r := recover()
			if r == nil {
				return
			}
			if r == http.ErrAbortHandler {
				panic(r) // net/http's way of aborting a response on purpose
			}
			s.logger.Error("panic", "request_id", idOf(c), "method", c.Request().Method, "uri", c.Request().URL.RequestURI(),
				"panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = fmt.Errorf("panic: %v", r)
		}()
		return next(c)
	}
}

// limitTime bounds read requests. Writes are not bounded: indexing a large
// upload may legitimately take longer than any search should.
func (s *Server) limitTime(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		// An export runs as long as it has rows to write; a client that
		// goes away cancels it.
		if r := c.Request(); (r.Method == http.MethodGet || r.Method == http.MethodHead) && !isExport(c) {
			ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
			defer cancel()
			c.SetRequest(r.WithContext(ctx))
		}
		return next(c)
	}
}

// limitBody bounds a request body; reading past the limit fails with an
// *http.MaxBytesError, which the handler reports as 413.
func limitBody(n int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			r := c.Request()
			if r.ContentLength > n {
				return echo.NewHTTPError(http.StatusRequestEntityTooLarge,
					fmt.Sprintf("request body is %d bytes; the limit is %d", r.ContentLength, n))
			}
			r.Body = http.MaxBytesReader(c.Response(), r.Body, n)
			return next(c)
		}
	}
}

// securityHeaders lets pages use only the server's own scripts and styles:
// snippets are HTML from the index, and this keeps a slip there harmless.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		return next(c)
	}
}

// gzipWriters compress at the fastest level: a page of results (with
// every copy of each story) is a hundred kilobytes of JSON at a million
// articles, which the default level takes three times as long to
// compress, for a sixth less.
var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed) // a valid level: no error
	return w
}}

// compress gzips responses for clients that accept it.
func compress(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		res := c.Response()
		res.Header().Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
		if r.Method == http.MethodHead || !acceptsGzip(r.Header.Get(echo.HeaderAcceptEncoding)) {
			return next(c)
		}
		gw := &gzipResponse{ResponseWriter: res.Writer}
		res.Writer = gw
		defer func() {
			res.Writer = gw.ResponseWriter
			gw.finish()
		}()
		return next(c)
	}
}

// acceptsGzip reads an Accept-Encoding header; "gzip;q=0" refuses it.
func acceptsGzip(h string) bool {
	for part := range strings.SplitSeq(h, ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// gzipResponse compresses a response body once its status shows there is
// one to compress.
type gzipResponse struct {
	http.ResponseWriter
	gz          *gzip.Writer // nil until a compressible response starts
	wroteHeader bool
}

func (w *gzipResponse) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	h := w.Header()
	// No body, a partial body (Range) or an already encoded one: pass through.
	if code >= http.StatusOK && code != http.StatusNoContent && code != http.StatusNotModified &&
		code != http.StatusPartialContent && h.Get(echo.HeaderContentEncoding) == "" {
		h.Set(echo.HeaderContentEncoding, "gzip")
		h.Del(echo.HeaderContentLength) // the length changes
		w.gz = gzipWriters.Get().(*gzip.Writer)
		w.gz.Reset(w.ResponseWriter)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *gzipResponse) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.gz == nil {
		return w.ResponseWriter.Write(b)
	}
	return w.gz.Write(b)
}

// Flush sends what is compressed so far.
func (w *gzipResponse) Flush() {
	if w.gz != nil {
		w.gz.Flush()
	}
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (w *gzipResponse) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// finish writes the gzip trailer and returns the writer to the pool.
func (w *gzipResponse) finish() {
	if w.gz == nil {
		return
	}
	_ = w.gz.Close() // an error here means the client went away: nobody to tell
	w.gz.Reset(io.Discard)
	gzipWriters.Put(w.gz)
	w.gz = nil
}

// Bounds on reading a request body the handler refused without reading.
const (
	// maxDrain is read and discarded at most: a POST within MaxBodySize
	// is always read to its end; a bigger one is cut off after this.
	maxDrain = 2 * MaxBodySize
	// drainTime bounds how long a slow client may keep sending it.
	drainTime = 10 * time.Second
)

// drainBody lets a client read an early refusal (401, 403, 413, 415) of a
// request whose body the handler never read. Closing the connection with
// the body unread makes the kernel reset it, and a client that sends its
// whole body before reading (no Expect: 100-continue) gets the reset, not
// the status. So the refusal is written and flushed first, then the rest of
// the body is read and discarded, within bounds.
func drainBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		body := r.Body // before limitBody wraps it: draining must not trip its limit
		if r.ContentLength == 0 || body == nil || body == http.NoBody {
			return next(c)
		}
		rc := http.NewResponseController(c.Response())
		// Without this, net/http stops reading a body of more than
		// 256 KiB once the response starts, and closes the connection.
		if rc.EnableFullDuplex() != nil {
			return next(c)
		}
		err := next(c)
		if err != nil {
			c.Error(err) // the refusal goes out now; Echo's later call finds it written
		}
		if rc.Flush() != nil {
			return err
		}
		_ = rc.SetReadDeadline(time.Now().Add(drainTime))
		// Past maxDrain the client is left to the reset: reading a
		// gigabyte to refuse it would be the attack.
		_, _ = io.CopyN(io.Discard, body, maxDrain)
		return err
	}
}
