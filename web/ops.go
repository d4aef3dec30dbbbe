package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
)

// What operators watch: Prometheus metrics at /metrics, a readiness check
// at /readyz, and a structured log line per request carrying a request id
// that the response also carries (X-Request-Id), so a complaint can be
// matched to its line.

// metrics are the server's own collectors, in a registry of its own so that
// two servers in one process (tests) count apart.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec   // by route, method, code
	latency  *prometheus.HistogramVec // by route, method
	ingested *prometheus.CounterVec   // articles through POST /api/articles, by result
}

// statusTimeout bounds what a scrape or a readiness check spends asking the
// store: a stuck database must not hang the scraper too.
const statusTimeout = 5 * time.Second

func newMetrics(a *index.Archive, st *store.Store) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "cuttings_http_requests_total",
			Help: "HTTP requests answered, by route (as in the route table), method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "cuttings_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route", "method"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "cuttings_ingested_articles_total",
			Help: "Articles sent to POST /api/articles, by result: added, updated, unchanged or rejected.",
		}, []string{"result"}),
	}
	seqs := func() (stored, indexed int64) {
		ctx, cancel := context.WithTimeout(context.Background(), statusTimeout)
		defer cancel()
		stored, _ = st.LastSeq(ctx) // an error reads as 0: the gauge dips, the scrape goes on
		return stored, a.LastSeq()
	}
	count := func(quotes bool) float64 {
		ctx, cancel := context.WithTimeout(context.Background(), statusTimeout)
		defer cancel()
		// A search for everything answers from counts the index keeps.
		r, err := a.Search(ctx, index.Query{Quotes: quotes, Size: 1})
		if err != nil {
			return 0
		}
		return float64(r.Total)
	}
	m.registry.MustRegister(
		m.requests, m.latency, m.ingested,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "cuttings_store_seq",
			Help: "The store's last sequence number: every write takes the next one. Its rate is the rate of writes, from any process.",
		}, func() float64 { s, _ := seqs(); return float64(s) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "cuttings_index_seq",
			Help: "The store sequence number the index has indexed up to. Its rate is the indexing rate.",
		}, func() float64 { return float64(a.LastSeq()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "cuttings_index_lag",
			Help: "Store writes not yet in the index: store seq minus indexed seq.",
		}, func() float64 { s, i := seqs(); return float64(max(s-i, 0)) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "cuttings_index_unhealthy",
			Help: "1 while the index is damaged, lost or cannot be written (/healthz says what), 0 otherwise.",
		}, func() float64 {
			if a.Health().Problem != "" {
				return 1
			}
			return 0
		}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name:        "cuttings_documents",
			Help:        "Documents in the index, by type.",
			ConstLabels: prometheus.Labels{"type": "article"},
		}, func() float64 { return count(false) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name:        "cuttings_documents",
			Help:        "Documents in the index, by type.",
			ConstLabels: prometheus.Labels{"type": "quote"},
		}, func() float64 { return count(true) }),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// metricsPage answers GET /metrics in Prometheus's text format.
func (s *Server) metricsPage(c echo.Context) error {
	if err := noParams(c); err != nil {
		return err
	}
	promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{}).ServeHTTP(c.Response(), c.Request())
	return nil
}

// ready answers GET /readyz: 503 until the index has caught up with the
// store and been read through in the background (facet tables, common
// words' bounds: seconds at a million articles, when the first searches
// would be slow) once since the server started, again whenever it is more
// than the allowed lag behind, and while the index is unhealthy
// (recover.go in index); 200 otherwise.
func (s *Server) ready(c echo.Context) error {
	if err := noParams(c); err != nil {
		return err
	}
	stored, indexed, lag, err := s.lag(c.Request().Context())
	if err != nil {
		return err
	}
	if lag == 0 {
		s.caughtUp.Store(true)
	}
	if s.archive.Warmed() {
		s.warmed.Store(true)
	}
	ih := s.archive.Health()
	ready := s.caughtUp.Load() && s.warmed.Load() && lag <= s.maxLag && ih.Problem == ""
	body := map[string]any{"ready": ready, "warm": s.warmed.Load(), "store_seq": stored, "indexed_seq": indexed, "lag": lag, "max_lag": s.maxLag}
	if ih.Problem != "" {
		body["problem"] = ih.Problem
	}
	if !ready {
		return c.JSON(http.StatusServiceUnavailable, body)
	}
	return c.JSON(http.StatusOK, body)
}

// lag is how many store writes the index has yet to read.
func (s *Server) lag(ctx context.Context) (stored, indexed, lag int64, err error) {
	stored, err = s.store.LastSeq(ctx)
	if err != nil {
		return 0, 0, 0, err
	}
	indexed = s.archive.LastSeq()
	return stored, indexed, max(stored-indexed, 0), nil
}

// countIngest adds a POST /api/articles summary to the metrics.
func (m *metrics) countIngest(sum postSummary) {
	m.ingested.WithLabelValues("added").Add(float64(sum.Added))
	m.ingested.WithLabelValues("updated").Add(float64(sum.Updated))
	m.ingested.WithLabelValues("unchanged").Add(float64(sum.Unchanged))
	m.ingested.WithLabelValues("rejected").Add(float64(len(sum.Rejected)))
}

// requestIDKey is where a request's id is kept in its echo.Context.
const requestIDKey = "request_id"

// requestID gives every request an id: the client's X-Request-Id when it
// sent a sensible one (a proxy's), a new random one otherwise.
func requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if !sensibleID(id) {
			var b [8]byte
			_, _ = rand.Read(b[:]) // crypto/rand does not fail on supported systems
			id = hex.EncodeToString(b[:])
		}
		c.Set(requestIDKey, id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

// sensibleID accepts up to 64 letters, digits, '-', '_' and '.': enough for
// any proxy's ids, nothing that could forge a log line.
func sensibleID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
		if !ok {
			return false
		}
	}
	return true
}

// idOf is a request's id.
func idOf(c echo.Context) string {
	id, _ := c.Get(requestIDKey).(string)
	return id
}

// observe counts and times every request for the metrics and writes its
// log line.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		took := time.Since(start)
		status := c.Response().Status
		if err != nil && !c.Response().Committed {
			status = statusOf(err)
		}
		route := c.Path()
		if route == "" || route == "/*" {
			route = "unmatched" // one label for every unknown URL, however many there are
		}
		method := c.Request().Method
		s.metrics.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
		s.metrics.latency.WithLabelValues(route, method).Observe(took.Seconds())
		s.logger.LogAttrs(c.Request().Context(), slog.LevelInfo, "request",
			slog.String("request_id", idOf(c)),
			slog.String("method", method),
			slog.String("uri", c.Request().URL.RequestURI()),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Duration("took", took),
		)
		return err
	}
}
