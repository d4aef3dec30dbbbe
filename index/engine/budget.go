package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// A query's cost is decided before it runs: these limits are checked on the
// query string and on the words its wildcards, regexps, prefixes and fuzzy
// terms stand for in the index's term dictionary, and a query over any of
// them is refused with an *OverBudgetError instead of being searched. What
// passes still runs under MaxSearchTime.
const (
	// MaxQueryBytes bounds the query string. A newsroom's longest
	// queries (a dozen names OR'ed, a few quoted phrases) are a few
	// hundred bytes; 4 KiB leaves room for ten times that.
	MaxQueryBytes = 4096
	// MaxQueryTerms bounds the words and operators of the query string
	// (each is a clause the index must search). The cost of a search grows
	// with them (issue 15 measured 1,000 terms at 0.64 s on 20,000
	// articles); a few
	// hundred is more than anyone types.
	MaxQueryTerms = 256
	// MaxExpansions bounds the dictionary words that the query's
	// wildcards, regexps, prefixes and fuzzy terms expand to, all of them
	// together: each word is one more posting list to merge. "minist*"
	// or "econom*" expand to tens of words; "*e*" to most of the
	// dictionary.
	MaxExpansions = 500
	// MaxPatterns bounds the wildcard, regexp, prefix and fuzzy terms
	// of a query, however few words they expand to: each is matched
	// against the whole term dictionary of every text field, which costs
	// the same for a pattern that matches nothing (twenty "*zq*" took
	// 0.85 s on 20,000 articles). A query rarely has more than two or
	// three.
	MaxPatterns = 10
	// MaxFilters bounds the facet values a query filters by, all facets
	// together: each is one more posting list every match is checked
	// against. A reader picks a handful from the sidebar; 64 leaves room
	// for a program's long lists while refusing a URL of thousands.
	MaxFilters = 64
	// MaxPhrases bounds the quoted phrases of a query. A phrase in the
	// body is checked against the text of every article that holds all
	// its words (article bodies keep no positions), so one of common
	// words costs in proportion to the archive: 120 such phrases took
	// 2.4 s on 20,000 articles. Reporters quote two or three.
	MaxPhrases = 10
	// MaxSearchTime bounds one search, whatever the request's own
	// deadline: a query that passed its budget but still runs long is
	// stopped rather than holding a processor (searches run one per
	// processor) while others wait.
	MaxSearchTime = 10 * time.Second
)

// Limits, as an *OverBudgetError names them.
const (
	LimitBytes      = "bytes"
	LimitTerms      = "terms"
	LimitExpansions = "expansions"
	LimitPatterns   = "patterns"
	LimitFilters    = "filters"
	LimitPhrases    = "phrases"
	// LimitFuzziness is the edit distance of a fuzzy term (word~N):
	// Bleve's own maximum, 2; past it the automaton grows too fast.
	LimitFuzziness = "fuzziness"
)

// ErrOverBudget is what an *OverBudgetError is (errors.Is): a query that
// would cost more than the index lets one query cost.
var ErrOverBudget = errors.New("query over budget")

// OverBudgetError says which limit a query is over and by how much.
type OverBudgetError struct {
	Limit  string // LimitBytes, LimitTerms, LimitPatterns, LimitExpansions, LimitFilters, LimitPhrases, LimitFuzziness, LimitMemory or LimitSearchers
	Value  int    // what the query has (for expansions: at least this many)
	Max    int    // the limit
	Clause string // the clause that went over, for expansions; what was being read, for memory
}

func (e *OverBudgetError) Error() string {
	switch e.Limit {
	case LimitBytes:
		return fmt.Sprintf("query is %d bytes; the limit is %d", e.Value, e.Max)
	case LimitTerms:
		return fmt.Sprintf("query has %d terms; the limit is %d", e.Value, e.Max)
	case LimitFuzziness:
		return fmt.Sprintf("fuzzy term has edit distance %d; the limit is %d", e.Value, e.Max)
	case LimitPhrases:
		return fmt.Sprintf("query has %d phrases; the limit is %d", e.Value, e.Max)
	case LimitFilters:
		return fmt.Sprintf("query has %d filter values; the limit is %d", e.Value, e.Max)
	case LimitPatterns:
		return fmt.Sprintf("query has %d wildcard, regexp, prefix and fuzzy terms; the limit is %d", e.Value, e.Max)
	case LimitExpansions:
		return fmt.Sprintf("query's wildcards, regexps, prefixes and fuzzy terms expand to more than %d words (%s goes over); the limit is %d: make them more specific", e.Max, e.Clause, e.Max)
	case LimitMemory:
		return fmt.Sprintf("search stopped after allocating %s (%s went over); the limit is %s: narrow it with rarer words, fewer phrases, filters or dates", formatBytes(e.Value), e.Clause, formatBytes(e.Max))
	case LimitSearchers:
		return fmt.Sprintf("search stopped after opening more than %d term searchers; the limit is %d: use fewer words and patterns", e.Max, e.Max)
	}
	return fmt.Sprintf("query over its %s limit of %d", e.Limit, e.Max)
}

// Is makes an *OverBudgetError both ErrOverBudget and ErrBadQuery: the
// user's to fix.
func (e *OverBudgetError) Is(target error) bool {
	return target == ErrOverBudget || target == ErrBadQuery
}

// checkFilters bounds the filter values of q.
func checkFilters(q Query) error {
	n := 0
	for _, vs := range q.Filters {
		n += len(vs)
	}
	if n > MaxFilters {
		return &OverBudgetError{Limit: LimitFilters, Value: n, Max: MaxFilters}
	}
	return nil
}

// checkText applies the limits that need only the query string, before it
// is parsed: the parser's own cost grows with its input.
func checkText(text string) error {
	if len(text) > MaxQueryBytes {
		return &OverBudgetError{Limit: LimitBytes, Value: len(text), Max: MaxQueryBytes}
	}
	if n := len(strings.Fields(text)); n > MaxQueryTerms {
		return &OverBudgetError{Limit: LimitTerms, Value: n, Max: MaxQueryTerms}
	}
	return nil
}

// checkPatterns counts the wildcard, regexp, prefix and fuzzy terms and
// the phrases of q as parsed, before the rewriter copies each to every
// text field.
func checkPatterns(q query.Query) error {
	var clauses []expanding
	collectExpanding(q, &clauses)
	if len(clauses) > MaxPatterns {
		return &OverBudgetError{Limit: LimitPatterns, Value: len(clauses), Max: MaxPatterns}
	}
	if n := countPhrases(q); n > MaxPhrases {
		return &OverBudgetError{Limit: LimitPhrases, Value: n, Max: MaxPhrases}
	}
	return nil
}

// countPhrases counts the phrase clauses of q.
func countPhrases(q query.Query) int {
	n := 0
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []query.Query{q.Must, q.Should, q.MustNot, q.Filter} {
			if c != nil {
				n += countPhrases(c)
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			n += countPhrases(c)
		}
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			n += countPhrases(c)
		}
	case *query.MatchPhraseQuery, *query.PhraseQuery:
		n++
	}
	return n
}

// checkExpansions counts the dictionary words each expanding clause of q
// (rewritten: every clause has its field) stands for, stopping as soon as
// the total is over MaxExpansions, so that counting costs no more than the
// budget allows.
func (e *Engine) checkExpansions(ctx context.Context, q query.Query) error {
	var clauses []expanding
	collectExpanding(q, &clauses)
	if len(clauses) == 0 {
		return nil
	}
	adv, err := e.b.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	left := MaxExpansions
	for _, c := range clauses {
		// Each clause walks a whole dictionary: a checkpoint (meter.go).
		if err := meterOf(ctx).checkpoint(); err != nil {
			return err
		}
		d, err := c.dict(r)
		if err != nil {
			return badQuery("%s: %v", c.clause, oneLine(err))
		}
		if d == nil {
			continue
		}
		for left >= 0 {
			if err := ctx.Err(); err != nil {
				d.Close()
				return err
			}
			entry, err := d.Next()
			if err != nil {
				d.Close()
				return fmt.Errorf("count expansions of %s: %w", c.clause, err)
			}
			if entry == nil {
				break
			}
			left--
		}
		d.Close()
		if left < 0 {
			return &OverBudgetError{Limit: LimitExpansions, Value: MaxExpansions + 1, Max: MaxExpansions, Clause: c.clause}
		}
	}
	return nil
}

// expanding is one clause that stands for the dictionary words dict lists.
type expanding struct {
	clause string // as the user wrote it, for the error
	dict   func(r index.IndexReader) (index.FieldDict, error)
}

// collectExpanding finds the clauses of q that expand to dictionary words.
func collectExpanding(q query.Query, out *[]expanding) {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []query.Query{q.Must, q.Should, q.MustNot, q.Filter} {
			if c != nil {
				collectExpanding(c, out)
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			collectExpanding(c, out)
		}
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			collectExpanding(c, out)
		}
	case *query.WildcardQuery:
		field, pattern := q.FieldVal, wildcardRegexp(q.Wildcard)
		*out = append(*out, expanding{clause: q.Wildcard, dict: regexpDict(field, pattern)})
	case *query.RegexpQuery:
		field, pattern := q.FieldVal, q.Regexp
		*out = append(*out, expanding{clause: "/" + q.Regexp + "/", dict: regexpDict(field, pattern)})
	case *query.PrefixQuery:
		field, prefix := q.FieldVal, q.Prefix
		*out = append(*out, expanding{clause: q.Prefix + "*", dict: func(r index.IndexReader) (index.FieldDict, error) {
			return r.FieldDictPrefix(field, []byte(prefix))
		}})
	case *query.FuzzyQuery:
		if q.Fuzziness > 0 {
			*out = append(*out, fuzzyDict(q.FieldVal, q.Term, q.Fuzziness, q.Prefix))
		}
	case *query.MatchQuery:
		if q.Fuzziness > 0 {
			// The words are analyzed first; the lower-cased word is
			// close enough to count what it stands for.
			for w := range strings.FieldsSeq(strings.ToLower(q.Match)) {
				*out = append(*out, fuzzyDict(q.FieldVal, w, q.Fuzziness, q.Prefix))
			}
		}
	}
}

func regexpDict(field, pattern string) func(r index.IndexReader) (index.FieldDict, error) {
	return func(r index.IndexReader) (index.FieldDict, error) {
		rr, ok := r.(index.IndexReaderRegexp)
		if !ok {
			return nil, nil
		}
		return rr.FieldDictRegexp(field, pattern)
	}
}

func fuzzyDict(field, term string, fuzziness, prefix int) expanding {
	return expanding{
		clause: fmt.Sprintf("%s~%d", term, fuzziness),
		dict: func(r index.IndexReader) (index.FieldDict, error) {
			fr, ok := r.(index.IndexReaderFuzzy)
			if !ok {
				return nil, nil
			}
			p := ""
			if prefix > 0 && prefix < len(term) {
				p = term[:prefix]
			}
			return fr.FieldDictFuzzy(field, term, fuzziness, p)
		},
	}
}
