package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/cuttings/cuttings/index"
)

// FuzzSearchParams sends arbitrary query strings to the search API and
// page: whatever a client sends, the answer is never a 5xx.
func FuzzSearchParams(f *testing.F) {
	for _, seed := range []string{
		"q=Ukraine",
		"q=%22unclosed",
		"q=title%3A",
		"q=%2F%5B%2F",
		"q=body%3Ax%5Eabc",
		"q=published%3A%3Eabc",
		"person=Emmanuel+Macron&person=Keir+Starmer&sort=oldest",
		"page=0", "page=-1", "page=99999999999999999999", "size=101",
		"from=2024-02-30", "to=2024&from=2025", "from=2024-01-01T25:00:00Z",
		"view=quotes&speaker=", "%zz", "q=%00", "q=*", "q=%5E", "q=~2",
	} {
		f.Add(seed)
	}
	ta := newTestArchive(f, "")
	f.Fuzz(func(t *testing.T, raw string) {
		for _, path := range []string{"/api/search?", "/api/quotes?", "/?"} {
			u, err := url.Parse(ta.URL + path + raw)
			if err != nil {
				return // not a URL a client could send
			}
			res, err := http.Get(u.String())
			if err != nil {
				return
			}
			res.Body.Close()
			if res.StatusCode >= 500 {
				t.Errorf("GET %s: status %d", u, res.StatusCode)
			}
		}
	})
}

// FuzzParseQuery fuzzes the query string on the server's whole path:
// parseQuery, the index's parsing of Bleve's syntax, its rewriter and its
// cost budget, through the real router over an archive whose dictionary is
// big enough for wildcards to go over budget. Whatever q is, the answer is
// a 200, a 400 that says what is wrong, or a 422 that names one of the
// budget's limits; never a 5xx, and never slow: the budget is decided
// before the search runs. Its seed corpus is testdata/fuzz/FuzzParseQuery
// (the queries of issue 15 among them); CI fuzzes it for 30 s.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range []string{
		"oil", "\"prime minister\"", "title:ukraine -russia", "+macron +zelensky",
		"minist*", "zelenksy~1", "person:\"Keir Starmer\"", "country:gb",
		"*e* *e* *e*", "/.*/", "*", "?", "oil~3", "/[a-z]{1,30}/", "published:>2024",
	} {
		f.Add(seed, false)
	}
	ta := newTestArchive(f, "")
	addGazetteer(f, ta)
	limits := []string{index.LimitBytes, index.LimitTerms, index.LimitPatterns, index.LimitExpansions, index.LimitFilters, index.LimitPhrases, index.LimitFuzziness}
	// A query that hangs must fail as itself, not stall the fuzzer.
	client := &http.Client{Timeout: 20 * time.Second}
	f.Fuzz(func(t *testing.T, q string, quotes bool) {
		v := url.Values{"q": {q}}
		if quotes {
			v.Set("view", "quotes")
		}
		start := time.Now()
		res, err := client.Get(ta.URL + "/api/search?" + v.Encode())
		if err != nil {
			t.Fatalf("q=%q: %v", q, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		// Generous for a machine busy fuzzing on every core.
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("q=%q: took %v", q, took)
		}
		var e struct{ Error, Limit string }
		switch res.StatusCode {
		case http.StatusOK:
			return
		case http.StatusBadRequest, http.StatusUnprocessableEntity:
			if err := json.Unmarshal(body, &e); err != nil || e.Error == "" {
				t.Fatalf("q=%q: %d without an error message: %s", q, res.StatusCode, body)
			}
		default:
			t.Fatalf("q=%q: status %d: %s", q, res.StatusCode, body)
		}
		if res.StatusCode == http.StatusUnprocessableEntity && !slices.Contains(limits, e.Limit) {
			t.Errorf("q=%q: 422 naming limit %q, want one of %v: %s", q, e.Limit, limits, e.Error)
		}
	})
}
