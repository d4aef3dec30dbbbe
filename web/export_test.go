package web_test

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fetch GETs a URL and returns its status, headers and body.
func fetch(t *testing.T, u string) (int, http.Header, string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, string(b)
}

// TestExport: format=csv and format=jsonl list every hit of the same
// search, filters and sort honoured, in the order the JSON pages list them.
func TestExport(t *testing.T) {
	ta := newTestArchive(t, "")
	for _, tc := range []struct {
		path, query string
	}{
		{"/api/search", "sort=oldest"},
		{"/api/search", ""}, // no text: newest first, as on the page
		{"/api/search", "q=Ukraine&sort=newest"},
		{"/api/search", "person=Emmanuel+Macron&from=2025"},
		{"/api/quotes", "q=Ukraine&sort=oldest"},
		{"/api/quotes", "speaker=Emmanuel+Macron"},
		{"/api/search", "view=quotes&sort=newest"},
		{"/api/search", "q=zeppelin"},
	} {
		t.Run(tc.path+"?"+tc.query, func(t *testing.T) {
			var page searchJSON
			if code, _ := get(t, ta.URL, tc.path+"?size=100&"+tc.query, &page); code != 200 {
				t.Fatalf("page: status %d", code)
			}
			quotes := tc.path == "/api/quotes" || strings.Contains(tc.query, "view=quotes")
			var want []string
			for _, h := range page.Hits {
				want = append(want, h.ID+"|"+h.Speaker)
			}

			code, h, body := fetch(t, ta.URL+tc.path+"?format=csv&"+tc.query)
			if code != 200 {
				t.Fatalf("csv: status %d: %s", code, body)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
				t.Errorf("csv: Content-Type %q", ct)
			}
			if cd := h.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
				t.Errorf("csv: Content-Disposition %q", cd)
			}
			rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatalf("csv: %v\n%s", err, body)
			}
			head := rows[0]
			col := func(name string) int {
				for i, h := range head {
					if h == name {
						return i
					}
				}
				t.Fatalf("csv: no column %q in %q", name, head)
				return -1
			}
			var got []string
			for _, r := range rows[1:] {
				speaker := ""
				if quotes {
					speaker = r[col("speaker")]
					if r[col("quote")] == "" || r[col("title")] == "" {
						t.Errorf("csv: quote row without its quote or title: %q", r)
					}
				}
				got = append(got, r[col("id")]+"|"+speaker)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("csv rows (-page +csv):\n%s", diff)
			}

			code, h, body = fetch(t, ta.URL+tc.path+"?format=jsonl&"+tc.query)
			if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/x-ndjson") {
				t.Fatalf("jsonl: status %d, Content-Type %q", code, h.Get("Content-Type"))
			}
			got = nil
			sc := bufio.NewScanner(strings.NewReader(body))
			for sc.Scan() {
				var hit struct {
					ID, Speaker, Quote string
				}
				if err := json.Unmarshal(sc.Bytes(), &hit); err != nil {
					t.Fatalf("jsonl line %q: %v", sc.Text(), err)
				}
				if quotes != (hit.Quote != "") {
					t.Errorf("jsonl: quote %q in a %s export", hit.Quote, tc.path)
				}
				got = append(got, hit.ID+"|"+hit.Speaker)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("jsonl lines (-page +jsonl):\n%s", diff)
			}
		})
	}
}

// TestExportRefused: what an export cannot do is a JSON 400 naming it, not
// a download.
func TestExportRefused(t *testing.T) {
	ta := newTestArchive(t, "")
	for _, path := range []string{
		"/api/search?format=xml",
		"/api/search?format=csv&page=2",
		"/api/quotes?format=jsonl&size=10",
		"/api/search?format=csv&format=jsonl",
		"/api/search?format=csv&sort=sideways",
		"/api/search?format=csv&q=" + "%2Fa%5B%2F", // a regexp that does not parse
	} {
		var e struct{ Error string }
		code, h := get(t, ta.URL, path, &e)
		if code != http.StatusBadRequest || e.Error == "" || h.Get("Content-Disposition") != "" {
			t.Errorf("%s: status %d, error %q, Content-Disposition %q", path, code, e.Error, h.Get("Content-Disposition"))
		}
	}
	if code, _, _ := fetch(t, ta.URL+"/?format=csv"); code != http.StatusBadRequest {
		t.Errorf("/?format=csv: status %d, want 400", code)
	}
}

// TestExportLinks: the search page links the export of what it shows.
func TestExportLinks(t *testing.T) {
	ta := newTestArchive(t, "")
	_, _, page := fetch(t, ta.URL+"/?q=Ukraine&person=Emmanuel%20Macron&sort=oldest&view=quotes&page=1")
	for _, want := range []string{
		`href="/api/quotes?format=csv&amp;person=Emmanuel%20Macron&amp;q=Ukraine&amp;sort=oldest"`,
		`href="/api/quotes?format=jsonl&amp;person=Emmanuel%20Macron&amp;q=Ukraine&amp;sort=oldest"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
}
