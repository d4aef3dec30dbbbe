package engine

import (
	"context"
	"fmt"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Snippet lengths, in characters.
const (
	snippetRunes = 240
	quoteRunes   = 1000 // long enough to show most quotations whole
)

// span is a match in a text, as byte offsets [start, end).
type span struct{ start, end int }

// snippet cuts about n characters of text around its densest run of matches
// and returns them as HTML: text escaped, whitespace runs squeezed to one
// space, matches wrapped in <mark>, "…" where text was cut. The matches come
// from the index's term vectors, so they follow stemming and phrases as the
// query did. With no usable match it is the lead of text.
func snippet(text string, matches []span, n int) string {
	ms := cleanSpans(text, matches)
	if len(ms) == 0 {
		return lead(text, n)
	}
	// A fifth of the snippet shows what leads up to its first match.
	leadIn := n / 5
	// The window starting at which match holds the most matches?
	best, bestCount := 0, 0
	for i, m := range ms {
		end := advance(text, m.start, n-leadIn)
		count := 0
		for _, o := range ms[i:] {
			if o.end > end {
				break
			}
			count++
		}
		if count > bestCount {
			best, bestCount = i, count
		}
	}
	from := retreat(text, ms[best].start, leadIn)
	if from > 0 {
		// Start at a word, not inside one.
		if i := strings.IndexFunc(text[from:ms[best].start], unicode.IsSpace); i >= 0 {
			rest := strings.TrimLeftFunc(text[from+i:ms[best].start], unicode.IsSpace)
			from = ms[best].start - len(rest)
		} else {
			from = ms[best].start
		}
	}
	to := advance(text, from, n)
	if to < len(text) {
		if i := strings.LastIndexFunc(text[from:to], unicode.IsSpace); i > 0 {
			to = from + i
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	cur := from
	for _, m := range ms {
		if m.start < from {
			continue
		}
		if m.end > to {
			break
		}
		b.WriteString(escapeSqueezed(text[cur:m.start]))
		b.WriteString("<mark>")
		b.WriteString(escapeSqueezed(text[m.start:m.end]))
		b.WriteString("</mark>")
		cur = m.end
	}
	b.WriteString(escapeSqueezed(text[cur:to]))
	if to < len(text) {
		b.WriteString("…")
	}
	return strings.TrimSpace(b.String())
}

// cleanSpans sorts matches, drops any that do not fit text (the text may
// have changed since it was indexed) and merges overlapping ones.
func cleanSpans(text string, matches []span) []span {
	var ms []span
	for _, m := range matches {
		if m.start >= 0 && m.start < m.end && m.end <= len(text) &&
			utf8.RuneStart(text[m.start]) && (m.end == len(text) || utf8.RuneStart(text[m.end])) {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(a, b span) int { return a.start - b.start })
	out := ms[:0]
	for _, m := range ms {
		if len(out) > 0 && m.start <= out[len(out)-1].end {
			out[len(out)-1].end = max(out[len(out)-1].end, m.end)
			continue
		}
		out = append(out, m)
	}
	return out
}

// advance returns the byte offset n characters after i, or len(text).
func advance(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}

// retreat returns the byte offset n characters before i, or 0.
func retreat(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}

// escapeSqueezed escapes s for HTML with each run of whitespace (paragraph
// breaks included) as one space.
func escapeSqueezed(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(s, "  ") {
		return html.EscapeString(s)
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return html.EscapeString(b.String())
}

// lead is the start of text as an escaped HTML snippet, cut at a word
// boundary, for a hit with no match to show.
func lead(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return html.EscapeString(text)
	}
	s := text[:advance(text, 0, n)]
	if i := strings.LastIndexByte(s, ' '); i > len(s)/2 {
		s = s[:i]
	}
	return html.EscapeString(s) + "…"
}

// addSnippets highlights the query's matches in each hit: in the quotation
// or in the article's body (which the store keeps), analysed again to find
// them (highlight.go): the index keeps no term positions for either.
func (e *Engine) addSnippets(ctx context.Context, quotes bool, textQuery query.Query, hits []Hit) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
		if quotes {
			ids[i] = h.QuoteID
		}
	}
	if quotes {
		var m *bodyMatcher
		if textQuery != nil {
			m = newBodyMatcher(textQuery, fieldQuote, e.textAnalyzer())
		}
		for i, h := range hits {
			var matches []span
			if m != nil {
				matches = m.spans(h.Quote)
			}
			hits[i].Snippet = snippet(h.Quote, matches, quoteRunes)
		}
		return nil
	}
	if e.bodies == nil {
		return nil
	}
	bodies, err := e.readBodies(ctx, ids)
	if err != nil {
		return fmt.Errorf("read bodies for snippets: %w", err)
	}
	var m *bodyMatcher
	if textQuery != nil {
		m = newBodyMatcher(textQuery, fieldBody, e.textAnalyzer())
	}
	for i, h := range hits {
		if body, ok := bodies[h.ID]; ok {
			var matches []span
			if m != nil {
				matches = m.spans(body)
			}
			hits[i].Snippet = snippet(body, matches, snippetRunes)
		}
	}
	return nil
}
