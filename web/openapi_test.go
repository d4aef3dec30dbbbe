package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cuttings/cuttings/web"
)

// TestOpenAPI: /api/openapi.json is a valid OpenAPI document (kin-openapi
// validates it), documents every route of the router's table and no route
// the router lacks, every parameter it documents is accepted, and what it
// does not document is refused.
func TestOpenAPI(t *testing.T) {
	ta := newTestArchive(t, "")
	code, h, body := fetch(t, ta.URL+"/api/openapi.json")
	if code != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		t.Fatalf("/api/openapi.json: status %d, Content-Type %q", code, h.Get("Content-Type"))
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData([]byte(body))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("validate: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", doc.OpenAPI)
	}

	// The router's own table, as Echo keeps it.
	ws, err := web.New(ta.Archive, ta.Store, web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	routes := map[string]bool{}
	pathParam := regexp.MustCompile(`:([A-Za-z_]+)`)
	for _, r := range ws.Handler().Routes() {
		if strings.HasPrefix(r.Path, "/static") {
			continue // files, not an API
		}
		key := r.Method + " " + pathParam.ReplaceAllString(r.Path, "{$1}")
		routes[key] = true
		item := doc.Paths.Value(pathParam.ReplaceAllString(r.Path, "{$1}"))
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("route %s is not in the OpenAPI document", key)
		}
	}
	// An example of every parameter any operation documents.
	examples := map[string]url.Values{}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				if p.Value.In == "query" {
					examples[p.Value.Name] = exampleValues(p.Value)
				}
			}
		}
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if !routes[method+" "+path] {
				t.Errorf("the OpenAPI document has %s %s, the router does not", method, path)
				continue
			}
			if method != http.MethodGet {
				continue
			}
			// The URL with the documented example of each path parameter.
			u := path
			for _, p := range op.Parameters {
				if p.Value.In == "path" {
					u = strings.ReplaceAll(u, "{"+p.Value.Name+"}", url.PathEscape(p.Value.Example.(string)))
				}
			}
			for _, p := range op.Parameters {
				if p.Value.In != "query" {
					continue
				}
				q := exampleValues(p.Value)
				if len(q) == 0 {
					t.Errorf("%s %s: parameter %s has no example", method, path, p.Value.Name)
					continue
				}
				if code, _, body := fetch(t, ta.URL+u+"?"+q.Encode()); code == http.StatusBadRequest {
					t.Errorf("%s %s?%s: documented, but refused: %s", method, path, q.Encode(), firstLine(body))
				}
			}
			code, _, refusal := fetch(t, ta.URL+u+"?undocumented=1")
			if code != http.StatusBadRequest {
				t.Errorf("%s %s?undocumented=1: status %d, want 400 for a parameter the document does not list", method, path, code)
			}
			// The refusal names the parameters the server knows; each one
			// it accepts here must be documented here.
			m := knownParams.FindStringSubmatch(refusal)
			if m == nil {
				continue
			}
			for _, name := range strings.Split(m[1], ", ") {
				if documented(op, name) {
					continue
				}
				ex, ok := examples[name]
				if !ok {
					t.Errorf("%s %s: the server knows %q, which no operation documents", method, path, name)
					continue
				}
				if code, _, _ := fetch(t, ta.URL+u+"?"+ex.Encode()); code != http.StatusBadRequest {
					t.Errorf("%s %s?%s: accepted (status %d) but not documented for this route", method, path, ex.Encode(), code)
				}
			}
		}
	}

	// The pages link it.
	if _, _, page := fetch(t, ta.URL+"/"); !strings.Contains(page, `href="/api/openapi.json"`) {
		t.Error("the search page does not link the API description")
	}
}

// knownParams finds the list of parameters in a refusal of an unknown one.
var knownParams = regexp.MustCompile(`\(known: ([^)]*)\)`)

// documented reports whether op documents a query parameter name.
func documented(op *openapi3.Operation, name string) bool {
	for _, p := range op.Parameters {
		if p.Value.In == "query" && p.Value.Name == name {
			return true
		}
	}
	return false
}

// exampleValues is a parameter's documented example as URL values.
func exampleValues(p *openapi3.Parameter) url.Values {
	q := url.Values{}
	switch ex := p.Example.(type) {
	case string:
		q.Set(p.Name, ex)
	case float64: // JSON numbers
		q.Set(p.Name, fmt.Sprint(ex))
	case []any:
		for _, v := range ex {
			q.Add(p.Name, fmt.Sprint(v))
		}
	}
	return q
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
