// Package fetch gets feeds and web pages over HTTP with the limits an
// archive that reads other people's servers needs: a timeout on every
// request, a cap on the bytes read, a check of the content type, at most
// one request a second to any one host, and conditional requests (ETag,
// Last-Modified) so that an unchanged feed costs a 304. It hides net/http's
// details behind one call; what the bytes mean is for the parsers.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Defaults of a Client's limits.
const (
	DefaultTimeout  = 20 * time.Second
	DefaultMaxBytes = 8 << 20
	DefaultPerHost  = time.Second
	maxRedirects    = 10
	// UserAgent names the archive to the servers it reads.
	UserAgent = "cuttings (news archive; +https://github.com/cuttings/cuttings)"
)

// Content types a Request may accept.
var (
	// Pages are the content types of a web page.
	Pages = []string{"text/html", "application/xhtml+xml"}
	// Feeds are the content types of RSS, Atom and RSS 1.0 (RDF) feeds as
	// servers label them, generic XML included because many label them so.
	Feeds = []string{"application/rss+xml", "application/atom+xml", "application/rdf+xml",
		"application/xml", "text/xml", "application/x-rss+xml", "application/feed+json"}
)

// Client fetches with limits. Its zero value is ready to use with the
// defaults; set the fields before the first Get.
type Client struct {
	HTTP     *http.Client  // nil is a client of its own
	Timeout  time.Duration // for the whole request, body included; 0 is DefaultTimeout
	MaxBytes int64         // a larger body is an error; 0 is DefaultMaxBytes
	PerHost  time.Duration // least time between two requests to one host name; 0 is DefaultPerHost, <0 none

	mu   sync.Mutex
	next map[string]time.Time // host -> when its next request may start
}

// Request is what to fetch.
type Request struct {
	URL string
	// Accept lists the content types wanted (Pages, Feeds, or both); a
	// response of another type is an error. Empty accepts anything.
	Accept []string
	// ETag and LastModified are the validators of the copy already read;
	// when the server says it has not changed, the Response is NotModified.
	ETag, LastModified string
}

// Response is a fetched body and what the server said about it.
type Response struct {
	URL          string // after redirects
	ContentType  string // as sent, parameters (charset) included
	Body         []byte // raw bytes; decoding the charset is the parser's job
	ETag         string
	LastModified string
	NotModified  bool // a 304: Body is empty, the caller's copy is current
}

// Error is a failed fetch: the URL and why, in words.
type Error struct {
	URL    string
	Reason string
	Err    error // the underlying error, if any
}

func (e *Error) Error() string { return e.URL + ": " + e.Reason }
func (e *Error) Unwrap() error { return e.Err }

// Get fetches one URL, waiting its turn for the host first.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &Error{URL: r.URL, Reason: "not an http or https URL"}
	}
	// One host is its name, whatever the port: it is the same machine.
	if err := c.wait(ctx, strings.ToLower(u.Hostname())); err != nil {
		return nil, &Error{URL: r.URL, Reason: "cancelled while waiting for the host", Err: err}
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.URL, nil)
	if err != nil {
		return nil, &Error{URL: r.URL, Reason: err.Error(), Err: err}
	}
	req.Header.Set("User-Agent", UserAgent)
	if len(r.Accept) > 0 {
		req.Header.Set("Accept", strings.Join(r.Accept, ", ")+", */*;q=0.1")
	}
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	hc := http.Client{}
	if c.HTTP != nil {
		hc = *c.HTTP
	}
	// A redirect is another request to a host, and waits its turn too.
	hc.CheckRedirect = func(next *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects", maxRedirects)
		}
		return c.wait(next.Context(), strings.ToLower(next.URL.Hostname()))
	}
	res, err := hc.Do(req)
	if err != nil {
		return nil, c.failure(r.URL, ctx, timeout, err)
	}
	defer res.Body.Close()

	out := &Response{
		URL:          res.Request.URL.String(),
		ContentType:  res.Header.Get("Content-Type"),
		ETag:         res.Header.Get("ETag"),
		LastModified: res.Header.Get("Last-Modified"),
	}
	switch {
	case res.StatusCode == http.StatusNotModified && (r.ETag != "" || r.LastModified != ""):
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		return out, nil
	case res.StatusCode != http.StatusOK:
		return nil, &Error{URL: r.URL, Reason: "HTTP " + res.Status}
	}
	if len(r.Accept) > 0 {
		mt, _, err := mime.ParseMediaType(out.ContentType)
		if err != nil || !slices.Contains(r.Accept, strings.ToLower(mt)) {
			return nil, &Error{URL: r.URL, Reason: fmt.Sprintf("content type %q is not one of %s", out.ContentType, strings.Join(r.Accept, ", "))}
		}
	}
	max := c.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if res.ContentLength > max {
		return nil, &Error{URL: r.URL, Reason: fmt.Sprintf("larger than %d bytes (%d)", max, res.ContentLength)}
	}
	out.Body, err = io.ReadAll(io.LimitReader(res.Body, max+1))
	if err != nil {
		return nil, c.failure(r.URL, ctx, timeout, err)
	}
	if int64(len(out.Body)) > max {
		return nil, &Error{URL: r.URL, Reason: fmt.Sprintf("larger than %d bytes", max)}
	}
	return out, nil
}

// failure words a transport error: a timeout says how long was waited.
func (c *Client) failure(u string, ctx context.Context, timeout time.Duration, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &Error{URL: u, Reason: fmt.Sprintf("no complete answer within %v", timeout), Err: err}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the URL is said once, by Error
	}
	return &Error{URL: u, Reason: err.Error(), Err: err}
}

// wait blocks until the host may be asked again and books the next turn,
// so that concurrent callers take turns rather than all going at once.
func (c *Client) wait(ctx context.Context, host string) error {
	gap := c.PerHost
	if gap == 0 {
		gap = DefaultPerHost
	}
	if gap < 0 {
		return ctx.Err()
	}
	c.mu.Lock()
	if c.next == nil {
		c.next = map[string]time.Time{}
	}
	now := time.Now()
	start := c.next[host]
	if start.Before(now) {
		start = now
	}
	c.next[host] = start.Add(gap)
	c.mu.Unlock()
	if d := time.Until(start); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return ctx.Err()
}
