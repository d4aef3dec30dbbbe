package engine

import (
	"context"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	vregexp "github.com/blevesearch/vellum/regexp"
)

// titleBoost weighs a match in the title above one in the body.
const titleBoost = 2.0

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
	// phrases keeps the documents that hold phrases in the body, and the
	// quotations that hold them.
	phrases *phraseCache
	// bodyKeys tells copies with the same body (bodykeys.go).
	bodyKeys func(snap *scorch.IndexSnapshot) (func(num uint64) uint64, error)
	err      error
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
	case *query.DateRangeQuery:
		if q.FieldVal == fieldPublished {
			// The date is not indexed as itself (daterange.go).
			return publishedClause(q)
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

// bodyPhrase makes a phrase in a text field a textPhraseQuery: it is
// checked against the text (the title's, the body's or the quotation's), as
// none keeps term positions, unless it is a common pair (pairs.go).
func (r *rewriter) bodyPhrase(q query.Query) query.Query {
	p, ok := q.(*query.MatchPhraseQuery)
	if !ok {
		return q
	}
	switch p.FieldVal {
	case fieldTitle:
		if r.analyzer != nil {
			return &textPhraseQuery{field: fieldTitle, phrase: p.MatchPhrase, boost: p.Boost(), analyzer: r.analyzer, texts: titleTexts}
		}
	case fieldBody:
		return &textPhraseQuery{field: fieldBody, phrase: p.MatchPhrase, boost: p.Boost(), analyzer: r.analyzer, texts: storeTexts(r.bodies), kept: r.phrases, bodyKeys: r.bodyKeys}
	case fieldQuote:
		// Kept as the body's are: a phrase checked against every
		// quotation that has its words reads each one's text from its
		// article's body (100 ms for "interest rates" at a million
		// articles, BENCHMARKS.md), and its next page or facet value
		// would read them again.
		return &textPhraseQuery{field: fieldQuote, phrase: p.MatchPhrase, boost: p.Boost(), analyzer: r.analyzer, texts: quoteTexts(r.bodies), kept: r.phrases}
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
