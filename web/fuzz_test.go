package web_test

import (
	"net/http"
	"net/url"
	"testing"
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
