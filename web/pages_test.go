package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// getPage fetches a page and returns its status, Content-Type and body.
func getPage(t *testing.T, u string) (int, string, string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header.Get("Content-Type"), string(body)
}

func TestPages(t *testing.T) {
	ta := newTestArchive(t, "")
	tests := []struct {
		path     string
		code     int
		ctype    string
		contains []string
		absent   []string
	}{
		{"/", 200, "text/html", []string{
			`id="total" data-total="5"`,
			`<section class="facet facet-person">`,
			`href="/?person=Emmanuel%20Macron"`,
			`href="/?from=2024-01-01&amp;to=2024-12-31"`, // a year of the histogram
			`<option value="relevance" selected>`,
			`href="/articles/kyiv-pledge"`,
		}, []string{`class="filter-chip"`, `id="prev"`}},
		{"/?q=Ukraine&person=Emmanuel+Macron", 200, "text/html", []string{
			`data-total="2"`,
			`value="Ukraine"`,
			`<input type="hidden" name="person" value="Emmanuel Macron">`,
			`class="filter-chip" data-facet="person"`,
			`<a class="remove" href="/?q=Ukraine"`,
			`<mark>Ukraine</mark>`,
			`aria-pressed="true"`,
		}, nil},
		{"/?from=2024&to=2024", 200, "text/html", []string{
			`data-total="2"`,
			`<li class="bar selected">`,
			`<a href="/" title="2 in 2024">`, // the selected year lifts the filter
			`class="filter-chip" data-facet="published"`,
			`2024 <a class="remove" href="/"`,
			`<input type="hidden" name="from" value="2024-01-01"><input type="hidden" name="to" value="2024-12-31">`,
		}, nil},
		{"/?sort=oldest&size=2&page=2", 200, "text/html", []string{
			`page 2 of 3`,
			`id="prev" rel="prev" href="/?size=2&amp;sort=oldest"`,
			`id="next" rel="next" href="/?page=3&amp;size=2&amp;sort=oldest"`,
			`<option value="oldest" selected>`,
		}, nil},
		{"/?view=quotes&speaker=Keir+Starmer", 200, "text/html", []string{
			`data-total="1"`,
			`We will stand with Ukraine for as long as it takes`,
			`<a class="speaker" href="/people/Keir%20Starmer">Keir Starmer</a>`,
			`<a class="title" href="/articles/kyiv-pledge">`,
			`class="current" aria-current="page">Quotes`,
		}, nil},
		{"/articles/kyiv-pledge", 200, "text/html", []string{
			`<h1 id="article-title">Starmer and Macron pledge long-term support for Ukraine</h1>`,
			`href="https://chronicle.example/2024/03/kyiv-pledge"`,
			`14 Mar 2024`,
			`<p><a class="name name-person" href="/?person=Volodymyr%20Zelensky">Volodymyr Zelensky</a>, who joined the talks`,
			`<h3 class="speaker"><a href="/people/Keir%20Starmer">Keir Starmer</a></h3>`,
			`<h3 class="speaker"><a href="/people/Emmanuel%20Macron">Emmanuel Macron</a></h3>`,
			`Europe cannot afford to look away`,
		}, nil},
		{"/articles/no-such-article", 404, "text/html", []string{`no article with id &#34;no-such-article&#34;`}, nil},
		{"/people/Emmanuel%20Macron", 200, "text/html", []string{
			`<h1 id="person-name">Emmanuel Macron</h1>`,
			`2 articles</a>`,
			`2 times</a>`,
			`Cheap energy is a question of sovereignty for Europe`,
			`href="/people/Keir%20Starmer"`, // alongside
		}, nil},
		{"/people/Nobody%20Atall", 404, "text/html", []string{`no article mentions or quotes`}, nil},
		{"/?page=0", 400, "text/html", []string{`page must be between 1 and 1000, not 0`}, nil},
		{"/?q=%22unclosed", 400, "text/html", []string{`unterminated quote`, `id="q" name="q" type="search" value="&#34;unclosed"`}, nil},
		{"/?persn=x", 400, "text/html", []string{`unknown parameter &#34;persn&#34;`}, nil},
		{"/no/such/page", 404, "text/html", []string{`404 Not Found`}, nil},
		{"/static/style.css", 200, "text/css", []string{`.filter-chip`}, nil},
		{"/static/app.js", 200, "javascript", []string{`getElementById("sort")`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, ctype, body := getPage(t, ta.URL+tt.path)
			if code != tt.code {
				t.Errorf("status %d, want %d", code, tt.code)
			}
			if !strings.Contains(ctype, tt.ctype) {
				t.Errorf("Content-Type %q, want %s", ctype, tt.ctype)
			}
			for _, s := range tt.contains {
				if !strings.Contains(body, s) {
					t.Errorf("page does not contain %s", s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(body, s) {
					t.Errorf("page contains %s", s)
				}
			}
			if t.Failed() && testing.Verbose() {
				t.Logf("page:\n%s", body)
			}
		})
	}
}

func TestPagesEscape(t *testing.T) {
	ta := newTestArchive(t, "tok")
	h := http.Header{"Authorization": {"Bearer tok"}, "Content-Type": {"application/json"}}
	body := `{"id":"xss","title":"<script>alert(1)</script> in the headline","source":"<b>Bold</b>","body":"A <img src=x onerror=alert(2)> tag in the text about Leeds."}`
	var sum summaryJSON
	if code, _ := do(t, http.MethodPost, ta.URL+"/api/articles", h, strings.NewReader(body), &sum); code != 200 {
		t.Fatalf("POST: %d %+v", code, sum)
	}
	for _, path := range []string{"/?q=Leeds", "/?q=headline", "/articles/xss", "/?source=%3Cb%3EBold%3C%2Fb%3E"} {
		code, _, page := getPage(t, ta.URL+path)
		if code != 200 {
			t.Errorf("%s: status %d", path, code)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>Bold"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: page contains unescaped %q", path, bad)
			}
		}
	}
	_, _, page := getPage(t, ta.URL+"/articles/xss")
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt; in the headline") {
		t.Errorf("article page does not show the escaped title")
	}
}

func TestSecurityHeaders(t *testing.T) {
	ta := newTestArchive(t, "")
	res, err := http.Get(ta.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if v := res.Header.Get("X-Content-Type-Options"); v != "nosniff" {
		t.Errorf("X-Content-Type-Options %q", v)
	}
}
