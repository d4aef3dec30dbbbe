package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"

	"github.com/labstack/echo/v4"
)

// pageNames are the page templates; each is parsed with layout.html, which
// holds the frame and the pieces pages share.
var pageNames = []string{"search", "article", "person", "error"}

// parsePages parses every page template once, at start.
func parsePages() (map[string]*template.Template, error) {
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := template.New(name).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// render writes a page. It renders into a buffer first so that a template
// error becomes a proper error page rather than half a page.
func (s *Server) render(c echo.Context, code int, page string, data any) error {
	t, ok := s.pages[page]
	if !ok {
		return fmt.Errorf("render: no page %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		if page == "error" {
			// The error page itself failed; plain text is all that is left.
			return c.String(http.StatusInternalServerError, "internal server error")
		}
		return fmt.Errorf("render %s: %w", page, err)
	}
	return c.HTMLBlob(code, buf.Bytes())
}
