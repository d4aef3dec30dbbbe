package web_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/web"
)

// scrape reads /metrics as Prometheus would and returns each series as
// "name{label=value,...}" -> value.
func scrape(t *testing.T, base string) map[string]float64 {
	t.Helper()
	code, h, body := fetch(t, base+"/metrics")
	if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics: status %d, Content-Type %q", code, h.Get("Content-Type"))
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	families, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("/metrics does not parse: %v", err)
	}
	out := map[string]float64{}
	for name, f := range families {
		for _, m := range f.GetMetric() {
			var labels []string
			for _, l := range m.GetLabel() {
				labels = append(labels, l.GetName()+"="+l.GetValue())
			}
			key := name + "{" + strings.Join(labels, ",") + "}"
			switch f.GetType() {
			case dto.MetricType_COUNTER:
				out[key] = m.GetCounter().GetValue()
			case dto.MetricType_GAUGE:
				out[key] = m.GetGauge().GetValue()
			case dto.MetricType_HISTOGRAM:
				out[key] = float64(m.GetHistogram().GetSampleCount())
			}
		}
	}
	return out
}

// TestMetrics: after a search and an ingest, /metrics shows the requests
// counted and timed by route, the articles ingested, the store and index
// moving on together and the documents there are.
func TestMetrics(t *testing.T) {
	ta := newTestArchive(t, "secret")
	before := scrape(t, ta.URL)

	if code, _, _ := fetch(t, ta.URL+"/api/search?q=Ukraine"); code != 200 {
		t.Fatalf("search: status %d", code)
	}
	if code, _, _ := fetch(t, ta.URL+"/api/search?sort=sideways"); code != 400 {
		t.Fatalf("bad search: status %d", code)
	}
	body := `{"id":"metrics-1","title":"Harbour fees rise","published":"2025-03-01","body":"Harbour fees rose on Monday. \"We had no choice,\" said Maria Lopez, the harbour master."}` + "\n" +
		`{"id":"metrics-2","title":"No body"}` + "\n"
	req, _ := http.NewRequest(http.MethodPost, ta.URL+"/api/articles", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer secret")
	req.Header.Set("Content-Type", "application/x-ndjson")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("ingest: status %d", res.StatusCode)
	}

	// The ingest's answer is flushed as it goes, so the client can have
	// all of it before the server has counted the request: scrape until
	// it has (or a while has passed, and the checks below say what).
	posted := `cuttings_http_requests_total{code=200,method=POST,route=/api/articles}`
	after := scrape(t, ta.URL)
	for deadline := time.Now().Add(5 * time.Second); after[posted] == before[posted] && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		after = scrape(t, ta.URL)
	}
	moved := func(key string, by float64) {
		t.Helper()
		if got := after[key] - before[key]; got != by {
			t.Errorf("%s moved by %v (from %v to %v), want %v", key, got, before[key], after[key], by)
		}
	}
	moved(`cuttings_http_requests_total{code=200,method=GET,route=/api/search}`, 1)
	moved(`cuttings_http_requests_total{code=400,method=GET,route=/api/search}`, 1)
	moved(posted, 1)
	moved(`cuttings_http_request_duration_seconds{method=GET,route=/api/search}`, 2)
	moved(`cuttings_ingested_articles_total{result=added}`, 1)
	moved(`cuttings_ingested_articles_total{result=rejected}`, 1)
	moved(`cuttings_store_seq{}`, 1)
	moved(`cuttings_index_seq{}`, 1)
	moved(`cuttings_documents{type=article}`, 1)
	moved(`cuttings_documents{type=quote}`, 1)
	if v, ok := after[`cuttings_index_unhealthy{}`]; !ok || v != 0 {
		t.Errorf("cuttings_index_unhealthy = %v (present %v), want 0", v, ok)
	}
	if lag := after[`cuttings_index_lag{}`]; lag != 0 {
		t.Errorf("index lag %v after a synced ingest, want 0", lag)
	}
	if n := after[`cuttings_documents{type=article}`]; n != float64(len(testArticles)+1) {
		t.Errorf("%v articles, want %d", n, len(testArticles)+1)
	}
	// The first scrape is counted too, under its own route.
	if after[`cuttings_http_requests_total{code=200,method=GET,route=/metrics}`] < 1 {
		t.Error("the scrape itself is not counted")
	}
}

// TestReadyAndRequestID: /readyz is 503 until the index has caught up with
// the store (and been warmed), then 200; every response carries a request id, the client's
// own when it sent a sensible one, and the log line names it.
func TestReadyAndRequestID(t *testing.T) {
	ctx := context.Background()
	st, archive := openUnsynced(t)
	var log bytes.Buffer
	ws, err := web.New(archive, st, web.Options{Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ws.Handler())
	t.Cleanup(srv.Close)

	var r struct {
		Ready bool  `json:"ready"`
		Warm  bool  `json:"warm"`
		Lag   int64 `json:"lag"`
	}
	if code, _ := get(t, srv.URL, "/readyz", &r); code != http.StatusServiceUnavailable || r.Ready || r.Lag != int64(len(testArticles)) {
		t.Errorf("before indexing: /readyz %d %+v, want 503, not ready, lag %d", code, r, len(testArticles))
	}
	if _, err := archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	// Ready once the background warm has read the new segments through
	// (a second's tick at most).
	code := 0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if code, _ = get(t, srv.URL, "/readyz", &r); code == http.StatusOK {
			break
		}
	}
	if code != http.StatusOK || !r.Ready || !r.Warm || r.Lag != 0 {
		t.Errorf("after indexing: /readyz %d %+v, want 200, ready, warm", code, r)
	}

	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/search?q=Ukraine", nil)
	req.Header.Set("X-Request-Id", "proxy-42.a")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("X-Request-Id"); got != "proxy-42.a" {
		t.Errorf("X-Request-Id %q, want the client's", got)
	}
	req.Header.Set("X-Request-Id", "forged id=1 level=ERROR")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	made := res.Header.Get("X-Request-Id")
	if len(made) != 16 {
		t.Errorf("X-Request-Id %q for a client's unusable one, want a new one", made)
	}
	for _, want := range []string{
		`msg=request request_id=proxy-42.a method=GET uri="/api/search?q=Ukraine" route=/api/search status=200`,
		`request_id=` + made + ` `,
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, log.String())
		}
	}
}

// TestReadyWhileBehind: a server whose index falls more than MaxLag store
// writes behind says so: /readyz 503 (a load balancer should send searches
// elsewhere, they would miss those articles) and /healthz "behind" with
// the lag, still 200 (the process is alive); both recover once the index
// catches up.
func TestReadyWhileBehind(t *testing.T) {
	ctx := context.Background()
	ta := newTestArchiveWith(t, web.Options{MaxLag: 2})
	type status struct {
		Ready  bool   `json:"ready"`
		Status string `json:"status"`
		Lag    int64  `json:"lag"`
	}
	check := func(when string, wantReady bool, wantLag int64) {
		t.Helper()
		var r, h status
		code, _ := get(t, ta.URL, "/readyz", &r)
		if wantCode := map[bool]int{true: 200, false: 503}[wantReady]; code != wantCode || r.Ready != wantReady || r.Lag != wantLag {
			t.Errorf("%s: /readyz %d %+v, want %d, ready %v, lag %d", when, code, r, wantCode, wantReady, wantLag)
		}
		wantStatus := map[bool]string{true: "ok", false: "behind"}[wantReady]
		if code, _ := get(t, ta.URL, "/healthz", &h); code != 200 || h.Status != wantStatus || h.Lag != wantLag {
			t.Errorf("%s: /healthz %d %+v, want 200, status %q, lag %d", when, code, h, wantStatus, wantLag)
		}
	}
	check("caught up", true, 0)
	put := func(ids ...string) {
		for _, id := range ids {
			a := testArticles[0]
			a.ID, a.URL, a.Title = id, "https://chronicle.example/"+id, "Another report "+id
			if _, err := ta.Store.PutBatch(ctx, []store.Article{a}); err != nil {
				t.Fatal(err)
			}
		}
	}
	put("late-1", "late-2")
	check("two writes behind, the limit", true, 2)
	put("late-3")
	check("three writes behind", false, 3)
	if _, err := ta.Archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	check("caught up again", true, 0)
}
