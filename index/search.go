package index

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	vregexp "github.com/blevesearch/vellum/regexp"
)

// ErrBadQuery is returned, wrapped with the reason, for a Query the index
// cannot answer because of what the user asked: an unparsable query string,
// an unknown facet or sort, paging out of range.
var ErrBadQuery = errors.New("bad query")

func badQuery(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadQuery, fmt.Sprintf(format, args...))
}

// Paging limits.
const (
	DefaultSize = 20
	MaxSize     = 100
	// maxWindow bounds page*size: Bleve keeps that many hits in memory
	// to find one page.
	maxWindow = 100_000
)

// titleBoost weighs a match in the title above one in the body.
const titleBoost = 2.0

// Search answers q. Page 0 means the first page and Size 0 means
// DefaultSize; everything else out of range is an ErrBadQuery.
func (ix *Index) Search(ctx context.Context, q Query) (res *Result, err error) {
	defer func() {
		// Bleve's parser and searchers are not ours; a panic on some odd
		// input must not take the server down.
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("search %q: internal error: %v", q.Text, r)
		}
	}()
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, MaxSearchTime)
	defer cancel()
	ctx = withBodyMemo(ctx)
	req, textQuery, err := ix.request(ctx, q)
	if err != nil {
		return nil, err
	}
	if hits, total, counts, ok, err := ix.wordSearch(ctx, q, req.From, req.Size); err != nil {
		return nil, err
	} else if ok {
		return ix.finish(ctx, q, textQuery, &Result{Total: total, Hits: hits}, counts, start)
	}
	fc, cached, total := ix.facetCounter(q)
	if fc != nil && matchAll(q) {
		// The home page's counts were not kept for this generation:
		// count them from the facet tables (a sorted search of
		// everything reads every document's date from the index files).
		if cached, total, err = ix.countAll(ctx, q.Quotes); err != nil {
			return nil, err
		}
		fc = nil
	}
	if fc == nil {
		// The home page: its counts and total are kept, its page read
		// from the date key's postings (datepage.go).
		if hits, ok, err := ix.keyPage(ctx, q, req.From, req.Size, cached); err != nil {
			return nil, err
		} else if ok {
			return ix.finish(ctx, q, textQuery, &Result{Total: total, Hits: hits}, cached, start)
		}
	}
	sctx := ctx
	if fc != nil {
		sctx = countingContext(ctx, fc)
	}
	sr, err := ix.search(sctx, req, q.Text)
	if err != nil {
		return nil, err
	}
	if fc != nil {
		if cached, err = fc.result(); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
		ix.keepMatchAll(q, fc.gen, cached, sr.Total)
	}
	if total == 0 {
		total = sr.Total
	}
	out := &Result{Total: total, Hits: make([]Hit, 0, len(sr.Hits))}
	for _, h := range sr.Hits {
		if q.Quotes {
			out.Hits = append(out.Hits, quoteHit(h))
		} else {
			out.Hits = append(out.Hits, articleHit(h))
		}
	}
	return ix.finish(ctx, q, textQuery, out, cached, start)
}

// finish adds to a result's hits what they show of their articles and
// their snippets, and the facets.
func (ix *Index) finish(ctx context.Context, q Query, textQuery query.Query, out *Result, counts facetCounts, start time.Time) (*Result, error) {
	if q.Quotes {
		if err := ix.addArticles(ctx, out.Hits); err != nil {
			return nil, err
		}
	}
	if err := ix.addSnippets(ctx, q.Quotes, textQuery, out.Hits); err != nil {
		return nil, err
	}
	out.Facets, out.Dates = readFacets(counts)
	out.Took = time.Since(start)
	return out, nil
}

// matchAll reports whether q filters nothing: its facet counts are those
// of every document of its type, the same until the index changes.
func matchAll(q Query) bool {
	if strings.TrimSpace(q.Text) != "" || !q.From.IsZero() || !q.To.IsZero() {
		return false
	}
	for _, vs := range q.Filters {
		for _, v := range vs {
			if strings.TrimSpace(v) != "" {
				return false
			}
		}
	}
	return true
}

func docType(q Query) int {
	if q.Quotes {
		return 1
	}
	return 0
}

// facetCounter returns the counter for q's search, or the counts and
// total kept for it when q matches everything and the index has not
// changed since.
func (ix *Index) facetCounter(q Query) (*facetCounter, facetCounts, uint64) {
	gen := ix.gen.Load()
	if matchAll(q) {
		ix.allCounts.Lock()
		defer ix.allCounts.Unlock()
		t := docType(q)
		if ix.allCounts.gen[t] == gen+1 {
			return nil, ix.allCounts.counts[t], ix.allCounts.total[t]
		}
	}
	return &facetCounter{tables: &ix.facets, gen: gen}, nil, 0
}

// keptAll reports whether the counts of everything of a type (articles, or
// quotes) are kept for the index as it is.
func (ix *Index) keptAll(quotes bool) bool {
	ix.allCounts.Lock()
	defer ix.allCounts.Unlock()
	return ix.allCounts.gen[docType(Query{Quotes: quotes})] == ix.gen.Load()+1
}

// keepMatchAll keeps the counts and total of a query that matches
// everything, taken at generation gen (read before the search, so they are
// at least as new).
func (ix *Index) keepMatchAll(q Query, gen uint64, counts facetCounts, total uint64) {
	if !matchAll(q) {
		return
	}
	ix.allCounts.Lock()
	defer ix.allCounts.Unlock()
	t := docType(q)
	if ix.allCounts.gen[t] < gen+1 {
		ix.allCounts.gen[t], ix.allCounts.counts[t], ix.allCounts.total[t] = gen+1, counts, total
	}
}

// countAll counts the facets of every live document of a type (articles,
// or quotes when quotes is true) from the segments' facet tables, keeps
// them as the counts of the query that matches everything, and returns them
// with how many documents there are.
func (ix *Index) countAll(ctx context.Context, quotes bool) (facetCounts, uint64, error) {
	gen := ix.gen.Load()
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		return nil, 0, err
	}
	defer closeSnap()
	if snap == nil {
		return nil, 0, errors.New("count facets: not a segment index")
	}
	fc := &facetCounter{tables: &ix.facets, gen: gen}
	if err := fc.start(snap); err != nil {
		return nil, 0, err
	}
	defer fc.release()
	typ := typeArticle
	if quotes {
		typ = typeQuote
	}
	var total uint64
	for si, ss := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		docs, err := termBitmap(ss.Segment(), fieldType, typ, ss.Deleted())
		if err != nil {
			return nil, 0, fmt.Errorf("count facets: %w", err)
		}
		total += docs.GetCardinality()
		fc.countBitmap(si, fc.offsets[si], docs, countBySets)
	}
	counts, err := fc.result()
	if err != nil {
		return nil, 0, fmt.Errorf("count facets: %w", err)
	}
	ix.keepMatchAll(Query{Quotes: quotes}, gen, counts, total)
	return counts, total, nil
}

// search runs a request, telling the user's mistakes from ours.
func (ix *Index) search(ctx context.Context, req *bleve.SearchRequest, text string) (*bleve.SearchResult, error) {
	sr, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if tooBroad(err) {
			return nil, badQuery("%q matches too many words; make it more specific", text)
		}
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	return sr, nil
}

// request turns a Query into a Bleve search request; textQuery is the
// query string's part of it, nil for none.
func (ix *Index) request(ctx context.Context, q Query) (req *bleve.SearchRequest, textQuery query.Query, err error) {
	page, size := q.Page, q.Size
	if page == 0 {
		page = 1
	}
	if size == 0 {
		size = DefaultSize
	}
	if page < 1 {
		return nil, nil, badQuery("page %d: pages start at 1", q.Page)
	}
	if size < 1 || size > MaxSize {
		return nil, nil, badQuery("size %d: want 1 to %d", q.Size, MaxSize)
	}
	if page > maxWindow/size {
		return nil, nil, badQuery("page %d of %d hits is too deep (at most %d hits)", page, size, maxWindow)
	}
	bq, textQuery, err := ix.buildQuery(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	req = bleve.NewSearchRequestOptions(bq, size, (page-1)*size, false)
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
		return nil, nil, badQuery("unknown sort %q (want %s, %s or %s)", q.Sort, SortRelevance, SortNewest, SortOldest)
	}
	req.Fields = articleHitFields
	if q.Quotes {
		req.Fields = quoteHitFields
	}
	return req, textQuery, nil
}

// buildQuery combines the query string with the document type, the filters
// and the date range. Only the query string scores: the rest is a filter, so
// that how many people an article names does not change its rank.
func (ix *Index) buildQuery(ctx context.Context, q Query) (full, textQuery query.Query, err error) {
	typ, textFields := typeArticle, []string{fieldTitle, fieldBody}
	if q.Quotes {
		typ, textFields = typeQuote, []string{fieldQuote}
	}
	must := []query.Query{termQuery(fieldType, typ)}
	var bodies func(ctx context.Context, ids []string) (map[string]string, error)
	if ix.bodies != nil {
		bodies = ix.readBodies
	}
	r := rewriter{textFields: textFields, analyzer: ix.textAnalyzer(), bodies: bodies}
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
		if err := ix.checkExpansions(ctx, parsed); err != nil {
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
		yes := true
		dq := query.NewDateRangeInclusiveQuery(q.From, q.To, &yes, &yes)
		dq.SetField(fieldPublished)
		must = append(must, dq)
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

// rewriter adapts a parsed query string to this index. A clause that names
// no field must search the text fields, which Bleve would send to _all (an
// index field we do not keep): it becomes a disjunction over the text
// fields. A clause on a keyword field becomes the exact term a filter would
// use. It also rejects fuzziness Bleve cannot serve, before the search does.
type rewriter struct {
	textFields []string
	analyzer   analysis.Analyzer
	// bodies reads article bodies, against which a phrase in the body is
	// checked (phrase.go).
	bodies func(ctx context.Context, ids []string) (map[string]string, error)
	err    error
}

func (r *rewriter) rewrite(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		q.Must = r.rewriteOptional(q.Must)
		q.Should = r.rewriteOptional(q.Should)
		q.MustNot = r.rewriteOptional(q.MustNot)
		q.Filter = r.rewriteOptional(q.Filter)
		return q
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = r.rewrite(c)
		}
		return q
	case *query.DisjunctionQuery:
		for i, d := range q.Disjuncts {
			q.Disjuncts[i] = r.rewrite(d)
		}
		return q
	case *query.MatchQuery:
		if q.Fuzziness > searcher.MaxFuzziness {
			r.fail(&OverBudgetError{Limit: LimitFuzziness, Value: q.Fuzziness, Max: searcher.MaxFuzziness})
		}
		if keywordFields[q.FieldVal] {
			return r.keyword(q.FieldVal, q.Match, q)
		}
		if q.FieldVal == "" && !r.hasTokens(q.Match) {
			// Only stop words: let the query string ignore the clause
			// (it skips clauses that match nothing) instead of requiring
			// a word that is never indexed.
			return query.NewMatchNoneQuery()
		}
	case *query.MatchPhraseQuery:
		if keywordFields[q.FieldVal] {
			return r.keyword(q.FieldVal, q.MatchPhrase, q)
		}
		if q.FieldVal == "" && !r.hasTokens(q.MatchPhrase) {
			return query.NewMatchNoneQuery()
		}
	case *query.FuzzyQuery:
		if q.Fuzziness > searcher.MaxFuzziness {
			r.fail(&OverBudgetError{Limit: LimitFuzziness, Value: q.Fuzziness, Max: searcher.MaxFuzziness})
		}
	case *query.RegexpQuery:
		r.checkRegexp("/"+q.Regexp+"/", q.Regexp)
	case *query.WildcardQuery:
		r.checkRegexp(q.Wildcard, wildcardRegexp(q.Wildcard))
	}
	if fq, ok := q.(query.FieldableQuery); ok && fq.Field() == "" {
		return r.anyTextField(fq)
	}
	return r.bodyPhrase(q)
}

// bodyPhrase makes a phrase in the body or a quotation a textPhraseQuery,
// which checks it against the text: neither keeps term positions.
func (r *rewriter) bodyPhrase(q query.Query) query.Query {
	p, ok := q.(*query.MatchPhraseQuery)
	if !ok {
		return q
	}
	switch p.FieldVal {
	case fieldBody:
		return &textPhraseQuery{field: fieldBody, phrase: p.MatchPhrase, boost: p.Boost(), analyzer: r.analyzer, texts: storeTexts(r.bodies)}
	case fieldQuote:
		return &textPhraseQuery{field: fieldQuote, phrase: p.MatchPhrase, boost: p.Boost(), analyzer: r.analyzer, texts: storedTexts(fieldQuote)}
	}
	return q
}

func (r *rewriter) rewriteOptional(q query.Query) query.Query {
	if q == nil {
		return nil
	}
	return r.rewrite(q)
}

func (r *rewriter) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Bounds on a regexp or wildcard clause, well under Bleve's own: Bleve
// builds the clause's automaton once per index segment, and a big one takes
// seconds to build.
const (
	maxRegexpRepeat = 20      // {n,m} counts
	maxRegexpBytes  = 1 << 20 // the compiled automaton
)

// checkRegexp rejects a pattern the term dictionary's automaton cannot run
// or would take long to build, which Bleve would only find out while
// searching.
func (r *rewriter) checkRegexp(clause, pattern string) {
	parsed, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		r.fail(badQuery("%s: %v", clause, err))
		return
	}
	if bigRepeat(parsed) {
		r.fail(badQuery("%s: repetition counts above %d are not supported", clause, maxRegexpRepeat))
		return
	}
	if _, err := vregexp.NewParsedWithLimit(pattern, parsed, maxRegexpBytes); err != nil {
		r.fail(badQuery("%s: %v", clause, err))
	}
}

func bigRepeat(re *syntax.Regexp) bool {
	if re.Op == syntax.OpRepeat && (re.Min > maxRegexpRepeat || re.Max > maxRegexpRepeat) {
		return true
	}
	for _, sub := range re.Sub {
		if bigRepeat(sub) {
			return true
		}
	}
	return false
}

// wildcardRegexp is the regular expression of a wildcard term: * is any
// run of characters, ? any one, the rest literal.
func wildcardRegexp(w string) string {
	var b strings.Builder
	lit := 0
	for i, c := range w {
		if c == '*' || c == '?' {
			b.WriteString(regexp.QuoteMeta(w[lit:i]))
			if c == '*' {
				b.WriteString(".*")
			} else {
				b.WriteString(".")
			}
			lit = i + 1
		}
	}
	b.WriteString(regexp.QuoteMeta(w[lit:]))
	return b.String()
}

func (r *rewriter) hasTokens(text string) bool {
	return r.analyzer == nil || len(r.analyzer.Analyze([]byte(text))) > 0
}

// keyword makes a term query of a clause on a keyword field, keeping its boost.
func (r *rewriter) keyword(field, value string, orig query.BoostableQuery) query.Query {
	if field == fieldCountry {
		value = strings.ToUpper(value) // ISO codes; country:gb means GB
	}
	t := termQuery(field, value)
	t.SetBoost(orig.Boost())
	return t
}

// anyTextField makes copies of q, one per text field, any of which may match.
func (r *rewriter) anyTextField(q query.FieldableQuery) query.Query {
	if len(r.textFields) == 1 {
		q.SetField(r.textFields[0])
		return r.bodyPhrase(q)
	}
	alts := make([]query.Query, 0, len(r.textFields))
	for _, f := range r.textFields {
		c := cloneWithField(q, f)
		if b, ok := c.(query.BoostableQuery); ok && f == fieldTitle {
			b.SetBoost(b.Boost() * titleBoost)
		}
		alts = append(alts, r.bodyPhrase(c))
	}
	return query.NewDisjunctionQuery(alts)
}

// cloneWithField returns a shallow copy of q searching field. Every
// fieldable query Bleve's parser makes is a pointer to a struct, so a copy
// of the struct is an independent query.
func cloneWithField(q query.FieldableQuery, field string) query.FieldableQuery {
	v := reflect.ValueOf(q)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		q.SetField(field) // cannot copy; the first field wins
		return q
	}
	c := reflect.New(v.Elem().Type())
	c.Elem().Set(v.Elem())
	fq := c.Interface().(query.FieldableQuery)
	fq.SetField(field)
	return fq
}

// articleHit reads one article hit's stored fields.
func articleHit(h *search.DocumentMatch) Hit {
	return Hit{
		ID:        h.ID,
		Title:     fieldString(h.Fields[fieldTitle]),
		URL:       fieldString(h.Fields[fieldURL]),
		Source:    fieldString(h.Fields[fieldSource]),
		Published: fieldTime(h.Fields[fieldPublished]),
		People:    fieldStrings(h.Fields[fieldPerson]),
		Countries: fieldStrings(h.Fields[fieldCountry]),
		Topics:    fieldStrings(h.Fields[fieldTopic]),
		score:     h.Score,
	}
}

// quoteHit reads one quotation hit's stored fields; addArticles adds its
// article's.
func quoteHit(h *search.DocumentMatch) Hit {
	return Hit{
		ID:          quoteArticle(h.ID),
		QuoteID:     h.ID,
		Quote:       fieldString(h.Fields[fieldQuote]),
		Speaker:     fieldString(h.Fields[fieldSpeaker]),
		SpeakerType: fieldString(h.Fields[fieldSpeakerType]),
		score:       h.Score,
	}
}

// addArticles fills quote hits with what they show of their articles, which
// the index stores once, with the article.
func (ix *Index) addArticles(ctx context.Context, hits []Hit) error {
	if len(hits) == 0 {
		return nil
	}
	var ids []string
	for _, h := range hits {
		if !slices.Contains(ids, h.ID) {
			ids = append(ids, h.ID)
		}
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = articleHitFields
	req.Score = bleve.ScoreNone
	sr, err := ix.search(ctx, req, "")
	if err != nil {
		return fmt.Errorf("read the articles of %d quotes: %w", len(hits), err)
	}
	articles := make(map[string]Hit, len(sr.Hits))
	for _, h := range sr.Hits {
		articles[h.ID] = articleHit(h)
	}
	for i, h := range hits {
		a := articles[h.ID]
		hits[i].Title, hits[i].URL, hits[i].Source, hits[i].Published = a.Title, a.URL, a.Source, a.Published
		hits[i].People, hits[i].Countries, hits[i].Topics = a.People, a.Countries, a.Topics
	}
	return nil
}

// addSnippets highlights the query's matches in each hit: in the quotation
// or in the article's body (which the store keeps), analysed again to find
// them (highlight.go): the index keeps no term positions for either.
func (ix *Index) addSnippets(ctx context.Context, quotes bool, textQuery query.Query, hits []Hit) error {
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
			m = newBodyMatcher(textQuery, fieldQuote, ix.textAnalyzer())
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
	if ix.bodies == nil {
		return nil
	}
	bodies, err := ix.readBodies(ctx, ids)
	if err != nil {
		return fmt.Errorf("read bodies for snippets: %w", err)
	}
	var m *bodyMatcher
	if textQuery != nil {
		m = newBodyMatcher(textQuery, fieldBody, ix.textAnalyzer())
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

// textAnalyzer is the analyzer of the text fields.
func (ix *Index) textAnalyzer() analysis.Analyzer {
	m := ix.b.Mapping()
	return m.AnalyzerNamed(m.AnalyzerNameForPath(fieldBody))
}

// fieldTime reads a stored date, which Bleve returns formatted as RFC 3339.
func fieldTime(v any) time.Time {
	s := fieldString(v)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// A phrase search reads its candidates' bodies to check them, and then its
// hits' bodies again for their snippets. A search keeps the bodies it read
// (up to bodyMemoBytes), so that the second reading finds them.
const bodyMemoBytes = 8 << 20

type bodyMemo struct {
	mu    sync.Mutex
	m     map[string]string
	bytes int
}

type bodyMemoKey struct{}

// withBodyMemo gives a search's context a place to keep bodies.
func withBodyMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, bodyMemoKey{}, &bodyMemo{m: map[string]string{}})
}

// readBodies reads the bodies of articles from the store, or from those the
// search has read already.
func (ix *Index) readBodies(ctx context.Context, ids []string) (map[string]string, error) {
	memo, _ := ctx.Value(bodyMemoKey{}).(*bodyMemo)
	if memo == nil {
		return chargeTexts(ctx, bodiesRead)(ix.bodies(ctx, ids))
	}
	out := make(map[string]string, len(ids))
	var missing []string
	memo.mu.Lock()
	for _, id := range ids {
		if b, ok := memo.m[id]; ok {
			out[id] = b
		} else {
			missing = append(missing, id)
		}
	}
	memo.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	read, err := chargeTexts(ctx, bodiesRead)(ix.bodies(ctx, missing))
	if err != nil {
		return nil, err
	}
	memo.mu.Lock()
	defer memo.mu.Unlock()
	for id, b := range read {
		out[id] = b
		if memo.bytes+len(b) <= bodyMemoBytes {
			memo.m[id] = b
			memo.bytes += len(b)
		}
	}
	return out, nil
}
