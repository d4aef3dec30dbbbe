// Package web is the archive's HTTP face: a server-rendered search page,
// article and person pages, and a JSON API, all answered from one
// index.Query parsed from the request. It is the only package that knows
// Echo; store and index never speak HTTP.
package web

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest/poll"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// MaxBodySize bounds a POST /api/articles request body.
const MaxBodySize = 32 << 20

// DefaultTimeout bounds a read request (a search, a page); writes are not
// bounded because indexing a large upload can legitimately take a while.
const DefaultTimeout = 30 * time.Second

// Options configure a Server.
type Options struct {
	// Token is the bearer token that POST and DELETE need; empty refuses
	// all writes.
	Token string
	// Log receives one structured line (slog's key=value) per request and
	// per internal error; nil is quiet.
	Log io.Writer
	// Timeout bounds read requests; 0 means DefaultTimeout.
	Timeout time.Duration
	// Feeds, when set, reports the polled feeds (serve --feeds), which
	// /healthz and the search page show.
	Feeds func() []poll.Status
	// MaxLag is how many store writes the index may be behind before
	// /readyz says not ready and /healthz "behind"; 0 means DefaultMaxLag.
	MaxLag int64
}

// DefaultMaxLag is the index lag (store writes not yet indexed) past which
// a server stops saying it is ready. The indexer follows the store within
// about a second of ordinary writes, so a lag this long means it is
// stuck or a bulk ingest is well ahead of it: searches would miss
// thousands of articles, and a load balancer should prefer a node that
// has them. A bulk ingest of a few hundred at a time stays under it.
const DefaultMaxLag = 1000

// Server holds what the handlers need: the archive to search, the store to
// read and write articles, the write token and the parsed page templates.
type Server struct {
	archive *index.Archive
	store   *store.Store
	token   string
	log     io.Writer
	timeout time.Duration
	pages   map[string]*template.Template
	static  fs.FS
	feeds   func() []poll.Status
	maxLag  int64
	logger  *slog.Logger
	metrics *metrics
	// openAPIDoc is GET /api/openapi.json, built once.
	openAPIDoc []byte
	// caughtUp is set once the index has caught up with the store, and
	// warmed once its segments have been read through in the background
	// (/readyz).
	caughtUp, warmed atomic.Bool
}

// New returns a Server over an open archive and store. It parses the
// embedded templates once, so a broken template fails here, not mid-request.
func New(archive *index.Archive, st *store.Store, opts Options) (*Server, error) {
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	doc, err := OpenAPI()
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	s := &Server{
		archive: archive,
		store:   st,
		token:   opts.Token,
		log:     opts.Log,
		timeout: opts.Timeout,
		pages:   pages,
		static:  static,
		feeds:   opts.Feeds,
		maxLag:  opts.MaxLag,

		openAPIDoc: doc,
	}
	if s.log == nil {
		s.log = io.Discard
	}
	s.logger = slog.New(slog.NewTextHandler(s.log, nil))
	if s.log == io.Discard {
		s.logger = slog.New(slog.DiscardHandler)
	}
	s.metrics = newMetrics(archive, st)
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	if s.maxLag <= 0 {
		s.maxLag = DefaultMaxLag
	}
	return s, nil
}

// Handler returns a configured Echo: middleware, the error handler and the
// route table.
func (s *Server) Handler() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.Logger.SetOutput(s.log)
	e.HTTPErrorHandler = s.handleError
	e.Use(requestID, s.observe, drainBody, s.recoverPanics, compress, s.limitTime, securityHeaders)
	s.Routes(e)
	return e
}

// Routes is the route table, the one place that says which URL does what.
func (s *Server) Routes(e *echo.Echo) {
	// Pages.
	e.GET("/", s.searchPage)
	e.GET("/articles/:id", s.articlePage)
	e.GET("/people/:name", s.personPage)
	e.GET("/feed", s.feed)
	e.StaticFS("/static", s.static)

	// JSON API.
	e.GET("/healthz", s.health)
	e.GET("/readyz", s.ready)
	e.GET("/metrics", s.metricsPage)
	e.GET("/api/openapi.json", s.openAPI)
	e.GET("/api/search", s.apiSearch)
	e.GET("/api/quotes", s.apiQuotes)
	e.GET("/api/articles/:id", s.apiArticle)
	e.GET("/api/people/:name", s.apiPerson)
	e.POST("/api/articles", s.apiPostArticles, s.requireToken, limitBody(MaxBodySize))
	e.DELETE("/api/articles/:id", s.apiDeleteArticle, s.requireToken)
}

// isAPI reports whether a request wants JSON (errors included) rather than a page.
func isAPI(c echo.Context) bool {
	p := c.Request().URL.Path
	return strings.HasPrefix(p, "/api/") || p == "/healthz" || p == "/readyz" || p == "/metrics"
}
