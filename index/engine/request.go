package engine

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	vregexp "github.com/blevesearch/vellum/regexp"
)

// prepare checks q's paging and sort and turns it into the Bleve request
// the general search runs; the other ways read the query and the page from
// it.
func (e *Engine) prepare(ctx context.Context, q Query) (*prepared, error) {
	page, size := q.Page, q.Size
	if page == 0 {
		page = 1
	}
	if size == 0 {
		size = DefaultSize
	}
	if page < 1 {
		return nil, badQuery("page %d: pages start at 1", q.Page)
	}
	// AND, OR and NOT become Bleve's marks before anything reads the
	// text: the plans read it as well as the parser (operators.go).
	text, err := booleanOperators(q.Text)
	if err != nil {
		return nil, err
	}
	q.Text = text
	if size < 1 || size > MaxSize {
		return nil, badQuery("size %d: want 1 to %d", q.Size, MaxSize)
	}
	if page > maxWindow/size {
		return nil, badQuery("page %d of %d hits is too deep (at most %d hits)", page, size, maxWindow)
	}
	bq, textQuery, err := e.buildQuery(ctx, q)
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(bq, size, (page-1)*size, false)
	switch q.Sort {
	case "", SortRelevance:
		if textQuery == nil {
			// Nothing to rank by: skip scoring and keep a stable order.
			req.Score = bleve.ScoreNone
			req.SortBy([]string{"_id"})
		} else {
			// Ties keep index order: breaking them by _id would
			// read the stored id of every match, a fifth of a broad
			// search's time.
			req.SortBy([]string{"-_score"})
		}
	case SortNewest, SortOldest:
		req.SortByCustom(search.SortOrder{
			&search.SortField{
				Field:   fieldPublishedKey,
				Desc:    q.Sort == SortNewest,
				Type:    search.SortFieldAsString,
				Missing: search.SortFieldMissingLast,
			},
			// Same dates (an article's quotes) in id order.
			&search.SortDocID{},
		})
	default:
		return nil, badQuery("unknown sort %q (want %s, %s or %s)", q.Sort, SortRelevance, SortNewest, SortOldest)
	}
	req.Fields = articleHitFields
	if q.Quotes {
		req.Fields = quoteHitFields
	}
	return &prepared{q: q, from: req.From, size: req.Size, req: req, textQuery: textQuery}, nil
}

// buildQuery combines the query string with the document type, the filters
// and the date range. Only the query string scores: the rest is a filter, so
// that how many people an article names does not change its rank.
func (e *Engine) buildQuery(ctx context.Context, q Query) (full, textQuery query.Query, err error) {
	typ, textFields := typeArticle, []string{fieldTitle, fieldBody}
	if q.Quotes {
		typ, textFields = typeQuote, []string{fieldQuote}
	}
	must := []query.Query{termQuery(fieldType, typ)}
	var bodies func(ctx context.Context, ids []string) (map[string]string, error)
	if e.bodies != nil {
		bodies = e.readBodies
	}
	r := rewriter{textFields: textFields, analyzer: e.textAnalyzer(), bodies: bodies, phrases: &e.facets.phrases, bodyKeys: e.bodyKeys}
	if err := checkFilters(q); err != nil {
		return nil, nil, err
	}

	if text := strings.TrimSpace(q.Text); text != "" {
		if !utf8.ValidString(text) {
			return nil, nil, badQuery("query is not valid UTF-8")
		}
		if err := checkText(text); err != nil {
			return nil, nil, err
		}
		parsed, err := query.NewQueryStringQuery(text).Parse()
		if err != nil {
			return nil, nil, badQuery("cannot parse %q: %v", text, oneLine(err))
		}
		if err := checkPatterns(parsed); err != nil {
			return nil, nil, err
		}
		parsed = r.rewrite(parsed)
		if r.err != nil {
			return nil, nil, r.err
		}
		if v, ok := parsed.(query.ValidatableQuery); ok {
			if err := v.Validate(); err != nil {
				return nil, nil, badQuery("%q: %v", text, oneLine(err))
			}
		}
		if err := e.checkExpansions(ctx, parsed); err != nil {
			return nil, nil, err
		}
		textQuery = parsed
	}

	names := make([]string, 0, len(q.Filters))
	for name := range q.Filters {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		field, ok := facetFields[name]
		if !ok {
			return nil, nil, badQuery("unknown facet %q", name)
		}
		for _, v := range q.Filters[name] {
			if v = strings.TrimSpace(v); v != "" {
				must = append(must, termQuery(field, v))
			}
		}
	}

	if !q.From.IsZero() || !q.To.IsZero() {
		for _, t := range []time.Time{q.From, q.To} {
			if !t.IsZero() && !indexableDate(t) {
				return nil, nil, badQuery("date %s out of range", t.Format(time.DateOnly))
			}
		}
		if !q.From.IsZero() && !q.To.IsZero() && q.From.After(q.To) {
			return nil, nil, badQuery("from %s is after to %s", q.From.Format(time.DateOnly), q.To.Format(time.DateOnly))
		}
		must = append(must, publishedRange(q.From, q.To))
	}
	if textQuery == nil {
		// Without text, the conjunction leapfrogs through the filters'
		// postings; a filter over a match-all would visit every document.
		return query.NewConjunctionQuery(must), nil, nil
	}
	if r.requiresField(textQuery, textFields) {
		// Only documents of the wanted type have these fields, so the
		// type filter would change nothing, and it costs a third of a
		// broad search: every match advances through the type's
		// postings, which hold most of the index.
		must = must[1:]
	}
	bq := query.NewBooleanQuery(nil, nil, nil)
	// A boolean query drops a must clause that matches nothing and would
	// then match every document the filter lets through; inside a
	// conjunction of one, a text query that matches nothing ("the") keeps
	// matching nothing.
	bq.Must = query.NewConjunctionQuery([]query.Query{textQuery})
	if len(must) > 0 {
		bq.Filter = query.NewConjunctionQuery(must)
	}
	return bq, textQuery, nil
}

// requiresField reports whether every document q matches has one of
// fields: whether q cannot match without a clause on them. It answers no
// when unsure. A clause that may turn into Bleve's match-none (only stop
// words; a prefix or wildcard that expands to no word) does not count:
// in a query string Bleve skips such a clause, and what is left may match
// documents of either type.
func (r *rewriter) requiresField(q query.Query, fields []string) bool {
	switch q := q.(type) {
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			if r.requiresField(c, fields) {
				return true
			}
		}
		return false
	case *query.DisjunctionQuery:
		for _, d := range q.Disjuncts {
			if !r.requiresField(d, fields) {
				return false
			}
		}
		return len(q.Disjuncts) > 0
	case *query.BooleanQuery:
		// A must clause decides; without one, the should clauses do.
		if q.Must != nil {
			return r.requiresField(q.Must, fields)
		}
		return q.Should != nil && r.requiresField(q.Should, fields)
	case *query.MatchQuery:
		return slices.Contains(fields, q.FieldVal) && r.hasTokens(q.Match)
	case *query.MatchPhraseQuery:
		return slices.Contains(fields, q.FieldVal) && r.hasTokens(q.MatchPhrase)
	case *query.TermQuery:
		return slices.Contains(fields, q.FieldVal)
	case *query.PhraseQuery:
		return slices.Contains(fields, q.FieldVal) && len(q.Terms) > 0
	case *textPhraseQuery:
		return slices.Contains(fields, q.field) && r.hasTokens(q.phrase)
	}
	return false
}

// tooBroad reports whether a search failed because a wildcard, regexp or
// fuzzy term expands to too many words, which is the user's to fix. Bleve
// and vellum say so only in their messages.
func tooBroad(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "TooManyClauses") || strings.Contains(msg, vregexp.ErrTooManyStates.Error())
}

// oneLine keeps a parser's multi-line message to its first line.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
