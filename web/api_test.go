package web_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/web"
)

// searchJSON is the part of /api/search's answer the tests look at.
type searchJSON struct {
	Total uint64 `json:"total"`
	Page  int    `json:"page"`
	Size  int    `json:"size"`
	Hits  []struct {
		ID          string   `json:"id"`
		Title       string   `json:"title"`
		Source      string   `json:"source"`
		Snippet     string   `json:"snippet"`
		People      []string `json:"people"`
		Countries   []string `json:"countries"`
		Quote       string   `json:"quote"`
		Speaker     string   `json:"speaker"`
		SpeakerType string   `json:"speaker_type"`
	} `json:"hits"`
	Facets map[string][]facetJSON `json:"facets"`
}

type facetJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
	From  string `json:"from"`
	To    string `json:"to"`
}

func (r searchJSON) ids() []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// counts is a facet as value -> count.
func (r searchJSON) counts(facet string) map[string]int {
	m := map[string]int{}
	for _, v := range r.Facets[facet] {
		m[v.Value] = v.Count
	}
	return m
}

// years is the published histogram as year -> count.
func (r searchJSON) years() map[string]int {
	m := map[string]int{}
	for _, b := range r.Facets["published"] {
		m[b.From[:4]] += b.Count
	}
	return m
}

// get fetches path and decodes a JSON answer into v (if not nil).
func get(t *testing.T, base, path string, v any) (int, http.Header) {
	t.Helper()
	return do(t, http.MethodGet, base+path, nil, nil, v)
}

// do sends one request and decodes a JSON answer into v (if not nil).
func do(t *testing.T, method, u string, header http.Header, body io.Reader, v any) (int, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if v != nil {
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("%s %s: Content-Type %q, body %s", method, u, ct, data)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s %s: %v in %s", method, u, err, data)
		}
	}
	return res.StatusCode, res.Header
}

func TestSearchHits(t *testing.T) {
	ta := newTestArchive(t, "")
	tests := []struct {
		name    string
		query   string
		ordered bool // compare ids in hit order
		total   uint64
		want    []string
	}{
		{"everything", "", false, 5, []string{"air-defence", "budget-plans", "cup-final", "energy-summit", "kyiv-pledge"}},
		{"word", "q=penalties", false, 1, []string{"cup-final"}},
		{"word in several", "q=Ukraine", false, 3, []string{"air-defence", "energy-summit", "kyiv-pledge"}},
		{"phrase", "q=" + url.QueryEscape(`"air defence"`), false, 1, []string{"air-defence"}},
		{"excluded word", "q=" + url.QueryEscape("Ukraine -Zelensky"), false, 1, []string{"energy-summit"}},
		{"person", "person=Emmanuel+Macron", false, 2, []string{"energy-summit", "kyiv-pledge"}},
		{"two people AND", "person=Emmanuel+Macron&person=Keir+Starmer", false, 1, []string{"kyiv-pledge"}},
		{"two facets AND", "person=Emmanuel+Macron&source=Daily+Ledger", false, 1, []string{"energy-summit"}},
		{"source", "source=The+Chronicle", false, 2, []string{"budget-plans", "kyiv-pledge"}},
		{"country code in any case", "country=fr", false, 2, []string{"energy-summit", "kyiv-pledge"}},
		{"year", "from=2025&to=2025", false, 2, []string{"budget-plans", "energy-summit"}},
		{"to is inclusive", "to=2024-03-14", false, 2, []string{"cup-final", "kyiv-pledge"}},
		{"oldest first", "sort=oldest", true, 5, []string{"cup-final", "kyiv-pledge", "air-defence", "budget-plans", "energy-summit"}},
		{"newest first", "sort=newest", true, 5, []string{"energy-summit", "budget-plans", "air-defence", "kyiv-pledge", "cup-final"}},
		{"paging", "sort=oldest&size=2&page=2", true, 5, []string{"air-defence", "budget-plans"}},
		{"past the end", "size=2&page=9", true, 5, nil},
		{"no match", "q=zeppelin", false, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r searchJSON
			if code, _ := get(t, ta.URL, "/api/search?"+tt.query, &r); code != http.StatusOK {
				t.Fatalf("status %d", code)
			}
			got := r.ids()
			if !tt.ordered {
				sort.Strings(got)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			if r.Total != tt.total {
				t.Errorf("total = %d, want %d", r.Total, tt.total)
			}
		})
	}
}

func TestSearchShape(t *testing.T) {
	ta := newTestArchive(t, "")
	var raw map[string]json.RawMessage
	get(t, ta.URL, "/api/search?q=Ukraine&size=1", &raw)
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if diff := cmp.Diff([]string{"facets", "hits", "page", "size", "took_ms", "total", "total_copies"}, keys); diff != "" {
		t.Errorf("top-level keys (-want +got):\n%s", diff)
	}
	var facets map[string]json.RawMessage
	if err := json.Unmarshal(raw["facets"], &facets); err != nil {
		t.Fatal(err)
	}
	keys = keys[:0]
	for k := range facets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if diff := cmp.Diff([]string{"country", "org", "person", "published", "source", "speaker", "topic"}, keys); diff != "" {
		t.Errorf("facet keys (-want +got):\n%s", diff)
	}
	var hits []map[string]json.RawMessage
	if err := json.Unmarshal(raw["hits"], &hits); err != nil || len(hits) != 1 {
		t.Fatalf("hits: %v, %s", err, raw["hits"])
	}
	keys = keys[:0]
	for k := range hits[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if diff := cmp.Diff([]string{"copies", "copy_count", "copy_sources", "countries", "group", "id", "people", "published", "snippet", "source", "title", "topics", "url"}, keys); diff != "" {
		t.Errorf("hit keys (-want +got):\n%s", diff)
	}
	var r searchJSON
	get(t, ta.URL, "/api/search?q=Ukraine&size=1", &r)
	if r.Page != 1 || r.Size != 1 || len(r.Hits) != 1 || r.Total != 3 {
		t.Errorf("page %d size %d hits %d total %d; want 1, 1, 1, 3", r.Page, r.Size, len(r.Hits), r.Total)
	}
	if s := r.Hits[0].Snippet; !strings.Contains(s, "<mark>") {
		t.Errorf("snippet %q has no <mark>", s)
	}
}

func TestSearchFacets(t *testing.T) {
	ta := newTestArchive(t, "")
	tests := []struct {
		name        string
		query       string
		wantSource  map[string]int
		wantYears   map[string]int
		wantPeople  map[string]int // these values, among others
		wantCountry map[string]int // these values, among others
	}{
		{
			name:        "everything",
			wantSource:  map[string]int{"The Chronicle": 2, "Daily Ledger": 2, "Northern Post": 1},
			wantYears:   map[string]int{"2023": 1, "2024": 2, "2025": 2},
			wantPeople:  map[string]int{"Emmanuel Macron": 2, "Keir Starmer": 1, "Rachel Reeves": 1},
			wantCountry: map[string]int{"UA": 3, "FR": 2},
		},
		{
			name:        "a filter narrows the counts",
			query:       "source=The+Chronicle",
			wantSource:  map[string]int{"The Chronicle": 2},
			wantYears:   map[string]int{"2024": 1, "2025": 1},
			wantPeople:  map[string]int{"Keir Starmer": 1, "Rachel Reeves": 1, "Emmanuel Macron": 1},
			wantCountry: map[string]int{"UA": 1},
		},
		{
			name:        "AND of two people",
			query:       "person=Emmanuel+Macron&person=Keir+Starmer",
			wantSource:  map[string]int{"The Chronicle": 1},
			wantYears:   map[string]int{"2024": 1},
			wantPeople:  map[string]int{"Emmanuel Macron": 1, "Keir Starmer": 1},
			wantCountry: map[string]int{"FR": 1, "UA": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r searchJSON
			get(t, ta.URL, "/api/search?"+tt.query, &r)
			if diff := cmp.Diff(tt.wantSource, r.counts("source")); diff != "" {
				t.Errorf("source facet (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantYears, r.years()); diff != "" {
				t.Errorf("published histogram (-want +got):\n%s", diff)
			}
			people := r.counts("person")
			for name, n := range tt.wantPeople {
				if people[name] != n {
					t.Errorf("person facet %q = %d, want %d (facet: %v)", name, people[name], n, people)
				}
			}
			countries := r.counts("country")
			for code, n := range tt.wantCountry {
				if countries[code] != n {
					t.Errorf("country facet %q = %d, want %d (facet: %v)", code, countries[code], n, countries)
				}
			}
			// Facets come most frequent first.
			for name, vs := range r.Facets {
				if name != "published" && !slices.IsSortedFunc(vs, func(a, b facetJSON) int { return b.Count - a.Count }) {
					t.Errorf("facet %s not sorted by count: %v", name, vs)
				}
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	ta := newTestArchive(t, "")
	var r searchJSON
	if code, _ := get(t, ta.URL, "/api/quotes?speaker=Emmanuel+Macron", &r); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if r.Total != 2 {
		t.Errorf("total = %d, want 2", r.Total)
	}
	var ids []string
	for _, h := range r.Hits {
		if h.Speaker != "Emmanuel Macron" || h.SpeakerType != "person" || h.Quote == "" {
			t.Errorf("hit speaker %q (%s), quote %q", h.Speaker, h.SpeakerType, h.Quote)
		}
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	if diff := cmp.Diff([]string{"energy-summit", "kyiv-pledge"}, ids); diff != "" {
		t.Errorf("article ids (-want +got):\n%s", diff)
	}

	// A word of the quote and a speaker facet.
	get(t, ta.URL, "/api/quotes?q=sovereignty", &r)
	if r.Total != 1 || len(r.Hits) != 1 || !strings.Contains(r.Hits[0].Quote, "Cheap energy") {
		t.Fatalf("q=sovereignty: %+v", r)
	}
	get(t, ta.URL, "/api/quotes", &r)
	speakers := r.counts("speaker")
	for _, name := range []string{"Keir Starmer", "Volodymyr Zelensky", "Rachel Reeves", "Maria Lopez"} {
		if speakers[name] != 1 {
			t.Errorf("speaker facet %q = %d, want 1 (facet %v)", name, speakers[name], speakers)
		}
	}
}

func TestBadRequests(t *testing.T) {
	ta := newTestArchive(t, "")
	tests := []struct {
		path    string
		code    int
		wantErr string // part of the error message
	}{
		{"/api/search?page=0", 400, "page must be between 1 and 1000"},
		{"/api/search?page=two", 400, `page must be a whole number, not "two"`},
		{"/api/search?size=0", 400, "size must be between 1 and 100"},
		{"/api/search?size=101", 400, "size must be between 1 and 100, not 101"},
		{"/api/search?sort=best", 400, `unknown sort "best"`},
		{"/api/search?q=" + url.QueryEscape(`"unclosed`), 400, "unterminated quote"},
		{"/api/search?q=" + url.QueryEscape("title:"), 400, "cannot parse"},
		{"/api/search?q=" + url.QueryEscape("/[/"), 400, ""},
		{"/api/search?persn=Macron", 400, `unknown parameter "persn"`},
		{"/api/search?from=2024-13-01", 400, `bad date in from: "2024-13-01"`},
		{"/api/search?to=yesterday", 400, `bad date in to: "yesterday"`},
		{"/api/search?from=2025&to=2024", 400, "from (2025) is after to (2024)"},
		{"/api/search?q=a&q=b", 400, `parameter "q" given 2 times`},
		{"/api/search?view=maps", 400, `unknown view "maps"`},
		{"/api/quotes?sort=loudest", 400, `unknown sort "loudest"`},
		{"/api/articles/no-such-article", 404, `no article with id "no-such-article"`},
		{"/api/articles/kyiv-pledge?full=1", 400, `unknown parameter "full"`},
		{"/api/people/Nobody%20Atall", 404, `no article mentions or quotes "Nobody Atall"`},
		{"/api/people/Emmanuel%20Macron?size=500", 400, "size must be between 1 and 100"},
		{"/api/nothing-here", 404, "Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var got struct {
				Error string `json:"error"`
			}
			code, _ := get(t, ta.URL, tt.path, &got)
			if code != tt.code {
				t.Errorf("status %d, want %d", code, tt.code)
			}
			if !strings.Contains(got.Error, tt.wantErr) {
				t.Errorf("error %q does not contain %q", got.Error, tt.wantErr)
			}
		})
	}
}

func TestWriteNeedsToken(t *testing.T) {
	body := `{"id":"new-one","title":"A new article","body":"Something happened in Leeds on Friday."}`
	tests := []struct {
		name        string
		serverToken string
		auth        string
		code        int
		wantErr     string
	}{
		{"writes disabled", "", "Bearer anything", 403, "writes are disabled"},
		{"no header", "s3cret", "", 401, "missing Authorization"},
		{"not bearer", "s3cret", "Basic czNjcmV0", 401, "Bearer"},
		{"wrong token", "s3cret", "Bearer guess", 401, "wrong token"},
		{"right token", "s3cret", "Bearer s3cret", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestArchive(t, tt.serverToken)
			h := http.Header{"Content-Type": {"application/json"}}
			if tt.auth != "" {
				h.Set("Authorization", tt.auth)
			}
			var got struct {
				Error string `json:"error"`
				Added int    `json:"added"`
			}
			code, _ := do(t, http.MethodPost, ta.URL+"/api/articles", h, strings.NewReader(body), &got)
			if code != tt.code {
				t.Errorf("POST status %d, want %d (%+v)", code, tt.code, got)
			}
			if !strings.Contains(got.Error, tt.wantErr) {
				t.Errorf("POST error %q does not contain %q", got.Error, tt.wantErr)
			}
			code, _ = do(t, http.MethodDelete, ta.URL+"/api/articles/cup-final", h, nil, &got)
			if code != tt.code {
				t.Errorf("DELETE status %d, want %d (%+v)", code, tt.code, got)
			}
			// Only the right token writes: the new article is there and
			// the deleted one gone.
			wantNew, wantOld := http.StatusNotFound, http.StatusOK
			if tt.code == http.StatusOK {
				wantNew, wantOld = http.StatusOK, http.StatusNotFound
			}
			if code, _ := get(t, ta.URL, "/api/articles/new-one", nil); code != wantNew {
				t.Errorf("GET new-one: status %d, want %d", code, wantNew)
			}
			if code, _ := get(t, ta.URL, "/api/articles/cup-final", nil); code != wantOld {
				t.Errorf("GET cup-final: status %d, want %d", code, wantOld)
			}
		})
	}
}

// summaryJSON is POST /api/articles' answer.
type summaryJSON struct {
	Added     int      `json:"added"`
	Updated   int      `json:"updated"`
	Unchanged int      `json:"unchanged"`
	IDs       []string `json:"ids"`
	Rejected  []struct {
		Where string `json:"where"`
		Error string `json:"error"`
	} `json:"rejected"`
	Error string `json:"error"`
}

func TestPostArticles(t *testing.T) {
	ta := newTestArchive(t, "tok")
	auth := func(ct string) http.Header {
		return http.Header{"Authorization": {"Bearer tok"}, "Content-Type": {ct}}
	}
	jsonl := `{"id":"flood-1","title":"Floods close roads in Yorkshire","source":"Northern Post","published":"2025-03-03T09:00:00Z","body":"Heavy rain closed roads across Yorkshire on Monday.\n\n\"We have not seen water like this in twenty years,\" said Tom Hardy, a farmer near York."}
{"id":"broken", "title": 
{"id":"flood-2","title":"Clean-up begins after Yorkshire floods","source":"Northern Post","published":"2025-03-05T09:00:00Z","body":"Volunteers began clearing mud from homes in Yorkshire on Wednesday."}
`
	var sum summaryJSON
	code, _ := do(t, http.MethodPost, ta.URL+"/api/articles", auth("application/x-ndjson"), strings.NewReader(jsonl), &sum)
	if code != http.StatusOK {
		t.Fatalf("status %d: %+v", code, sum)
	}
	if sum.Added != 2 || sum.Updated != 0 || sum.Unchanged != 0 || len(sum.Rejected) != 1 {
		t.Fatalf("summary %+v, want 2 added, 1 rejected", sum)
	}
	if diff := cmp.Diff([]string{"flood-1", "flood-2"}, sum.IDs); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if r := sum.Rejected[0]; r.Where != "body.jsonl:2" || r.Error == "" {
		t.Errorf("rejected %+v, want where body.jsonl:2 and a reason", r)
	}

	// Searchable as soon as the POST has answered.
	var r searchJSON
	get(t, ta.URL, "/api/search?q=Yorkshire", &r)
	got := r.ids()
	sort.Strings(got)
	if diff := cmp.Diff([]string{"flood-1", "flood-2"}, got); diff != "" {
		t.Errorf("search after POST (-want +got):\n%s", diff)
	}

	// The same again as a JSON array: unchanged, and one changed.
	arr := `[{"id":"flood-2","title":"Clean-up begins after Yorkshire floods","source":"Northern Post","published":"2025-03-05T09:00:00Z","body":"Volunteers began clearing mud from homes in Yorkshire on Wednesday."},
	{"id":"flood-1","title":"Floods close roads across Yorkshire","source":"Northern Post","published":"2025-03-03T09:00:00Z","body":"Heavy rain closed roads across Yorkshire on Monday."}]`
	sum = summaryJSON{}
	code, _ = do(t, http.MethodPost, ta.URL+"/api/articles", auth("application/json; charset=utf-8"), strings.NewReader(arr), &sum)
	if code != http.StatusOK || sum.Unchanged != 1 || sum.Updated != 1 || len(sum.Rejected) != 0 {
		t.Errorf("second POST: status %d, %+v; want 1 unchanged, 1 updated", code, sum)
	}
	get(t, ta.URL, "/api/search?q="+url.QueryEscape(`"closed roads across"`), &r)
	if diff := cmp.Diff([]string{"flood-1"}, r.ids()); diff != "" {
		t.Errorf("search after update (-want +got):\n%s", diff)
	}

	// Nothing valid is a 400 that still says what was wrong.
	sum = summaryJSON{}
	code, _ = do(t, http.MethodPost, ta.URL+"/api/articles", auth("application/x-ndjson"), strings.NewReader("{\"title\":\"no body\"}\nnot json\n"), &sum)
	if code != http.StatusBadRequest || sum.Added != 0 || len(sum.Rejected) != 2 {
		t.Errorf("all-bad POST: status %d, %+v; want 400 with 2 rejected", code, sum)
	}

	for _, tt := range []struct {
		name, ct, body string
		code           int
		wantErr        string
	}{
		{"empty body", "application/json", "  \n", 400, "empty request body"},
		{"no content type", "", "{}", 415, "Content-Type"},
		{"form", "application/x-www-form-urlencoded", "a=b", 415, "unsupported Content-Type"},
		{"too big", "application/x-ndjson", strings.Repeat("x", 33<<20), 413, "limit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := auth(tt.ct)
			if tt.ct == "" {
				h.Del("Content-Type")
			}
			var got summaryJSON
			code, _ := do(t, http.MethodPost, ta.URL+"/api/articles", h, strings.NewReader(tt.body), &got)
			if code != tt.code || !strings.Contains(got.Error, tt.wantErr) {
				t.Errorf("status %d error %q; want %d and %q", code, got.Error, tt.code, tt.wantErr)
			}
		})
	}
}

func TestDeleteArticle(t *testing.T) {
	ta := newTestArchive(t, "tok")
	h := http.Header{"Authorization": {"Bearer tok"}}
	var got map[string]string
	if code, _ := do(t, http.MethodDelete, ta.URL+"/api/articles/kyiv-pledge", h, nil, &got); code != http.StatusOK {
		t.Fatalf("status %d: %v", code, got)
	}
	if diff := cmp.Diff(map[string]string{"deleted": "kyiv-pledge"}, got); diff != "" {
		t.Errorf("answer (-want +got):\n%s", diff)
	}
	if code, _ := get(t, ta.URL, "/api/articles/kyiv-pledge", nil); code != http.StatusNotFound {
		t.Errorf("GET after DELETE: status %d, want 404", code)
	}
	var r searchJSON
	get(t, ta.URL, "/api/search?person=Keir+Starmer", &r)
	if r.Total != 0 {
		t.Errorf("search after DELETE: total %d, want 0", r.Total)
	}
	get(t, ta.URL, "/api/quotes?speaker=Keir+Starmer", &r)
	if r.Total != 0 {
		t.Errorf("quotes after DELETE: total %d, want 0", r.Total)
	}
	if code, _ := do(t, http.MethodDelete, ta.URL+"/api/articles/kyiv-pledge", h, nil, &got); code != http.StatusNotFound {
		t.Errorf("second DELETE: status %d, want 404 (%v)", code, got)
	}
}

func TestArticleAPI(t *testing.T) {
	ta := newTestArchive(t, "")
	var got struct {
		ID         string `json:"id"`
		Title      string `json:"title"`
		Source     string `json:"source"`
		Published  string `json:"published"`
		Body       string `json:"body"`
		Enrichment struct {
			People []struct {
				Name string `json:"name"`
			} `json:"people"`
			Organizations []json.RawMessage `json:"organizations"`
			Countries     []struct {
				Code string `json:"code"`
			} `json:"countries"`
			Topics []json.RawMessage `json:"topics"`
			Quotes []struct {
				Text    string `json:"text"`
				Speaker string `json:"speaker"`
			} `json:"quotes"`
		} `json:"enrichment"`
	}
	if code, _ := get(t, ta.URL, "/api/articles/kyiv-pledge", &got); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if got.ID != "kyiv-pledge" || got.Source != "The Chronicle" || got.Published != "2024-03-14T12:00:00Z" || !strings.HasPrefix(got.Body, "Keir Starmer and") {
		t.Errorf("article fields: %+v", got)
	}
	var people, speakers []string
	for _, p := range got.Enrichment.People {
		people = append(people, p.Name)
	}
	for _, q := range got.Enrichment.Quotes {
		speakers = append(speakers, q.Speaker)
	}
	for _, name := range []string{"Keir Starmer", "Emmanuel Macron"} {
		if !slices.Contains(people, name) {
			t.Errorf("people %q do not include %q", people, name)
		}
	}
	if diff := cmp.Diff([]string{"Keir Starmer", "Emmanuel Macron"}, speakers); diff != "" {
		t.Errorf("quote speakers (-want +got):\n%s", diff)
	}
	if got.Enrichment.Organizations == nil || got.Enrichment.Topics == nil {
		t.Errorf("organizations and topics must be arrays, not null")
	}
}

func TestPersonAPI(t *testing.T) {
	ta := newTestArchive(t, "")
	var got struct {
		Name     string `json:"name"`
		Articles int    `json:"articles"`
		Mentions []struct {
			From  string `json:"from"`
			Count int    `json:"count"`
		} `json:"mentions"`
		QuotesTotal int `json:"quotes_total"`
		Quotes      []struct {
			Quote   string `json:"quote"`
			Speaker string `json:"speaker"`
			ID      string `json:"id"`
		} `json:"quotes"`
		People    []facetJSON `json:"people"`
		Countries []facetJSON `json:"countries"`
	}
	if code, _ := get(t, ta.URL, "/api/people/Emmanuel%20Macron", &got); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if got.Name != "Emmanuel Macron" || got.Articles != 2 || got.QuotesTotal != 2 || len(got.Quotes) != 2 {
		t.Errorf("name %q, articles %d, quotes %d/%d; want Emmanuel Macron, 2, 2/2", got.Name, got.Articles, got.QuotesTotal, len(got.Quotes))
	}
	years := map[string]int{}
	for _, m := range got.Mentions {
		years[m.From[:4]] += m.Count
	}
	if diff := cmp.Diff(map[string]int{"2024": 1, "2025": 1}, years); diff != "" {
		t.Errorf("mentions by year (-want +got):\n%s", diff)
	}
	// Newest quote first, all his.
	if len(got.Quotes) == 2 && (got.Quotes[0].ID != "energy-summit" || got.Quotes[1].ID != "kyiv-pledge") {
		t.Errorf("quote articles %s, %s; want energy-summit, kyiv-pledge", got.Quotes[0].ID, got.Quotes[1].ID)
	}
	alongside := map[string]int{}
	for _, p := range got.People {
		alongside[p.Value] = p.Count
	}
	if alongside["Emmanuel Macron"] != 0 || alongside["Keir Starmer"] != 1 {
		t.Errorf("people alongside: %v; want Keir Starmer 1, and not Macron himself", alongside)
	}
	countries := map[string]int{}
	for _, c := range got.Countries {
		countries[c.Value] = c.Count
	}
	if countries["FR"] != 2 {
		t.Errorf("countries alongside: %v; want FR 2", countries)
	}
}

func TestHealth(t *testing.T) {
	ta := newTestArchive(t, "")
	var got map[string]any
	if code, _ := get(t, ta.URL, "/healthz", &got); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	want := map[string]any{"status": "ok", "articles": float64(5), "store_seq": float64(5), "indexed_seq": float64(5), "lag": float64(0)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("healthz (-want +got):\n%s", diff)
	}
}

func TestGzip(t *testing.T) {
	ta := newTestArchive(t, "")
	req, _ := http.NewRequest(http.MethodGet, ta.URL+"/api/search?q=Ukraine", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", res.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var r searchJSON
	if err := json.NewDecoder(zr).Decode(&r); err != nil || r.Total != 3 {
		t.Errorf("decoded %+v, %v; want total 3", r, err)
	}
}

func TestMiddleware(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	archive, err := index.OpenArchive(ctx, dir, st)
	if err != nil {
		t.Fatal(err)
	}
	defer archive.Close()
	ws, err := web.New(archive, st, web.Options{Timeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	e := ws.Handler()
	// Extra routes behind the same middleware and error handler.
	e.GET("/api/panic", func(echo.Context) error { panic("boom") })
	e.GET("/panic", func(echo.Context) error { panic("boom") })
	e.GET("/api/slow", func(c echo.Context) error {
		<-c.Request().Context().Done()
		return c.Request().Context().Err()
	})
	tests := []struct {
		path     string
		code     int
		ctype    string
		contains string
	}{
		{"/api/panic", 500, "application/json", `{"error":"internal server error"}`},
		{"/panic", 500, "text/html", "500 Internal Server Error"},
		{"/api/slow", 503, "application/json", "took too long"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
			if rec.Code != tt.code || !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.ctype) || !strings.Contains(rec.Body.String(), tt.contains) {
				t.Errorf("%d %q %s; want %d %s containing %q", rec.Code, rec.Header().Get("Content-Type"), rec.Body, tt.code, tt.ctype, tt.contains)
			}
		})
	}
}
