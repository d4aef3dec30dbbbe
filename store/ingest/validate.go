package ingest

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cuttings/cuttings/store"
)

// Limits on what an article may be.
const (
	MaxBody = 2 << 20 // bytes of normalised body
	MaxID   = 200     // bytes
)

// DefaultLanguage is the language of an article that does not name one.
const DefaultLanguage = "en"

// Validate normalises a in place — white space trimmed, the body as
// paragraphs separated by one blank line, the language defaulted and in
// lower case, authors deduplicated — and returns why the article cannot be
// stored, or nil.
func Validate(a *store.Article) error {
	for _, f := range []struct {
		name  string
		value string
	}{{"id", a.ID}, {"url", a.URL}, {"title", a.Title}, {"source", a.Source}, {"language", a.Language}, {"body", a.Body}} {
		if !utf8.ValidString(f.value) {
			return fmt.Errorf("%s: invalid UTF-8", f.name)
		}
	}
	for _, name := range a.Authors {
		if !utf8.ValidString(name) {
			return errors.New("authors: invalid UTF-8")
		}
	}

	a.ID = strings.TrimSpace(a.ID)
	if len(a.ID) > MaxID {
		return fmt.Errorf("id is longer than %d bytes (%d)", MaxID, len(a.ID))
	}
	if strings.ContainsFunc(a.ID, unicode.IsControl) {
		return fmt.Errorf("id %q contains control characters", a.ID)
	}

	a.URL = strings.TrimSpace(a.URL)
	if a.URL != "" {
		u, err := url.Parse(a.URL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("url: %q is not an absolute URL", a.URL)
		}
	}

	a.Title = collapseSpace(a.Title)
	a.Source = collapseSpace(a.Source)
	a.Authors = cleanAuthors(a.Authors)

	a.Language = strings.ToLower(strings.TrimSpace(a.Language))
	if a.Language == "" {
		a.Language = DefaultLanguage
	}
	if !isLanguageTag(a.Language) {
		return fmt.Errorf("language: %q is not a language code like \"en\" or \"pt-br\"", a.Language)
	}

	if !a.Published.IsZero() {
		a.Published = a.Published.UTC()
	}

	a.Body = NormalizeBody(a.Body)
	if a.Body == "" {
		return errors.New("body is empty")
	}
	if len(a.Body) > MaxBody {
		return fmt.Errorf("body is larger than %d MiB (%d bytes)", MaxBody>>20, len(a.Body))
	}
	return nil
}

// NormalizeBody returns text as the archive keeps a body: line endings \n,
// each line trimmed, every non-blank line a paragraph, paragraphs separated
// by exactly one blank line. A line break inside a paragraph is thus a
// paragraph break; feeds that wrap lines are rare, while feeds that separate
// paragraphs by a single newline are common.
func NormalizeBody(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var b strings.Builder
	b.Grow(len(text) + len(text)/64)
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(line)
	}
	return b.String()
}

// collapseSpace trims s and turns every run of white space (newlines too)
// into one space: titles and names are one line.
func collapseSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

func cleanAuthors(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = collapseSpace(n)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	return out
}

// isLanguageTag accepts the shape of a BCP 47 tag ("en", "pt-br",
// "zh-hant-tw"): letters and digits in parts of 1 to 8 joined by '-' or '_'.
func isLanguageTag(s string) bool {
	if len(s) > 35 {
		return false
	}
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '-' || r == '_' }) {
		if len(part) > 8 {
			return false
		}
		for _, r := range part {
			if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
				return false
			}
		}
	}
	return !strings.HasPrefix(s, "-") && !strings.HasSuffix(s, "-") && !strings.Contains(s, "--")
}
