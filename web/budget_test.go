package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
)

// The queries of issue 15, each of which tied up a server on 20,000
// articles, sent to the real router: each is refused with a 422 naming the
// limit it is over, or answered, and either way quickly. The bound is 2 s,
// generous for a loaded CI machine; the refusals are decided before the
// search runs and take milliseconds.
func TestQueryBudget(t *testing.T) {
	ta := newTestArchive(t, "")
	addGazetteer(t, ta)
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = "oil"
		}
		return strings.Join(w, " ")
	}
	wildcards := strings.TrimSpace(strings.Repeat("*e* ", 20))
	tests := []struct {
		name  string
		q     string
		limit string // "" when an answer is allowed
	}{
		{"20 wildcards", wildcards, index.LimitPatterns},
		{"3 broad wildcards", "*e* *a* *o*", index.LimitExpansions},
		{"20 wildcards that match nothing", strings.TrimSpace(strings.Repeat("*zq* ", 20)), index.LimitPatterns},
		{"20 regexps", strings.TrimSpace(strings.Repeat("/.*zq.*/ ", 20)), index.LimitPatterns},
		{"25,000 words", words(25_000), index.LimitBytes},
		{"fuzzy too far", "macron~5", index.LimitFuzziness},
		{"20 phrases", strings.TrimSpace(strings.Repeat(`"prime minister" `, 20)), index.LimitPhrases},
		{"1,000 terms", strings.TrimSpace(strings.Repeat("a ", 1000)), index.LimitTerms},
		{"5,000 terms", words(5000), index.LimitBytes},
		{"everything", "*", index.LimitExpansions},
		{"regexp of everything", "/.*/", index.LimitExpansions},
		// Within budget: answered.
		{"a prefix", "minist*", ""},
		{"a fuzzy name", "zelenksy~1", ""},
		{"as many phrases as allowed", strings.TrimSpace(strings.Repeat(`"prime minister" `, index.MaxPhrases)), ""},
		{"as many patterns as allowed", strings.TrimSpace(strings.Repeat("minist* ", index.MaxPatterns)), ""},
		{"a few hundred terms", strings.TrimSpace(strings.Repeat("minister ", index.MaxQueryTerms)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, path := range []string{"/api/search", "/"} {
				start := time.Now()
				res, err := http.Get(ta.URL + path + "?q=" + url.QueryEscape(tt.q))
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				took := time.Since(start)
				if took > 2*time.Second {
					t.Errorf("GET %s: %v; want under 2s", path, took)
				}
				if res.StatusCode >= 500 {
					t.Fatalf("GET %s: status %d: %s", path, res.StatusCode, body)
				}
				if tt.limit == "" {
					if res.StatusCode != http.StatusOK {
						t.Errorf("GET %s: status %d, want 200: %.300s", path, res.StatusCode, body)
					}
					continue
				}
				if res.StatusCode != http.StatusUnprocessableEntity {
					t.Errorf("GET %s: status %d, want 422: %.300s", path, res.StatusCode, body)
					continue
				}
				if path != "/api/search" {
					continue
				}
				var e struct{ Error, Limit string }
				if err := json.Unmarshal(body, &e); err != nil {
					t.Fatalf("GET %s: %v: %s", path, err, body)
				}
				if e.Limit != tt.limit || !strings.Contains(e.Error, "the limit is") {
					t.Errorf("GET %s: limit %q, error %q; want limit %q and a message naming it", path, e.Limit, e.Error, tt.limit)
				}
			}
		})
	}
}

// addGazetteer adds an article of 2,000 place names to ta. The fixtures'
// few hundred words are within every budget; a gazetteer of the kind a
// wire archive is full of gives the dictionary enough words for "*",
// "/.*/" and "*e*" to expand past index.MaxExpansions.
func addGazetteer(tb testing.TB, ta *testArchive) {
	tb.Helper()
	var places []string
	for i := range 2000 {
		places = append(places, "kre"+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676))+"ville")
	}
	ctx := context.Background()
	if _, err := ta.Store.PutBatch(ctx, []store.Article{{
		ID: "gazetteer", Title: "A gazetteer of the region", Source: "Daily Ledger",
		Published: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), Language: "en",
		Body: "The towns of the region: " + strings.Join(places, ", ") + ".",
	}}); err != nil {
		tb.Fatal(err)
	}
	if _, err := ta.Archive.Sync(ctx); err != nil {
		tb.Fatal(err)
	}
}

// Filters are part of the budget too: a URL of a thousand person= values
// is refused naming the limit, as many as the limit are answered.
func TestFilterBudget(t *testing.T) {
	ta := newTestArchive(t, "")
	for _, tt := range []struct {
		n    int
		want int
	}{{index.MaxFilters, http.StatusOK}, {1000, http.StatusUnprocessableEntity}} {
		v := url.Values{}
		for i := range tt.n {
			v.Add("person", "Person "+strconv.Itoa(i))
		}
		start := time.Now()
		res, err := http.Get(ta.URL + "/api/search?" + v.Encode())
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%d filters: %v; want under 2s", tt.n, took)
		}
		if res.StatusCode != tt.want {
			t.Errorf("%d filters: status %d, want %d: %.300s", tt.n, res.StatusCode, tt.want, body)
		}
		if tt.want == http.StatusUnprocessableEntity && !strings.Contains(string(body), `"limit":"filters"`) {
			t.Errorf("%d filters: %s; want the filters limit named", tt.n, body)
		}
	}
}

// What a search allocates while it runs is bounded too: past the
// archive's limit the search stops and the client gets a 422 naming the
// memory limit, on the page as in the API, quickly.
func TestSearchMemoryBound(t *testing.T) {
	ta := newTestArchive(t, "")
	addGazetteer(t, ta)
	// The gazetteer's body alone is over this: reading it for a snippet
	// crosses the limit.
	ta.Archive.SetSearchMemory(16 << 10)
	for _, path := range []string{"/api/search", "/"} {
		start := time.Now()
		res, err := http.Get(ta.URL + path + "?q=" + url.QueryEscape("region towns"))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("GET %s: %v; want under 2s", path, took)
		}
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("GET %s: status %d, want 422: %.300s", path, res.StatusCode, body)
		}
		if path == "/api/search" && (!strings.Contains(string(body), `"limit":"memory"`) || !strings.Contains(string(body), "the limit is 16 KiB")) {
			t.Errorf("GET %s: %s; want the memory limit named", path, body)
		}
	}
	ta.Archive.SetSearchMemory(0)
	res, err := http.Get(ta.URL + "/api/search?q=" + url.QueryEscape("region towns"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("with the default limit: status %d, want 200", res.StatusCode)
	}
}
