package index

import (
	"time"

	"github.com/cuttings/cuttings/index/engine"
)

// A search's vocabulary is the query engine's (index/engine); it is named
// here so that the pages, the API and the CLI speak to the archive alone.

// Facet names, as the API and pages spell them.
const (
	FacetPerson    = engine.FacetPerson
	FacetSpeaker   = engine.FacetSpeaker
	FacetCountry   = engine.FacetCountry
	FacetTopic     = engine.FacetTopic
	FacetOrg       = engine.FacetOrg
	FacetSource    = engine.FacetSource
	FacetPublished = engine.FacetPublished // the date histogram
	// FacetGroup filters by story (the copies of one); it is not counted.
	FacetGroup = engine.FacetGroup
)

// Sort orders of a Query.
const (
	SortRelevance = engine.SortRelevance
	SortNewest    = engine.SortNewest
	SortOldest    = engine.SortOldest
)

// Paging limits of a Query.
const (
	DefaultSize = engine.DefaultSize
	MaxSize     = engine.MaxSize
)

type (
	// Query is one search: free text in Bleve's query-string syntax,
	// filters by facet value (several values of one facet must all hold),
	// a date range, sort order and paging.
	Query = engine.Query
	// Result is one page of hits with facet counts over all matching
	// documents.
	Result = engine.Result
	// Hit is one matching article, or one quotation when Query.Quotes is
	// set.
	Hit = engine.Hit
	// FacetValue is one value of a facet and how many matching documents
	// have it; a country's Label is its name.
	FacetValue = engine.FacetValue
	// DateBucket counts matching documents published in [From, To).
	DateBucket = engine.DateBucket
	// Copy is another copy of a hit's story.
	Copy = engine.Copy
)

// ErrBadQuery is returned, wrapped with the reason, for a Query the index
// cannot answer because of what the user asked: an unparsable query string,
// an unknown facet or sort, paging out of range.
var ErrBadQuery = engine.ErrBadQuery

// A query's cost is decided before it runs: a query over one of these
// limits is refused with an *OverBudgetError (which is an ErrBadQuery too)
// instead of being searched. What passes runs under MaxSearchTime.
const (
	MaxQueryBytes = engine.MaxQueryBytes // bytes of the query string
	MaxQueryTerms = engine.MaxQueryTerms // words and operators of the query string
	MaxExpansions = engine.MaxExpansions // dictionary words all wildcards, regexps, prefixes and fuzzy terms stand for
	MaxPatterns   = engine.MaxPatterns   // wildcard, regexp, prefix and fuzzy terms
	MaxFilters    = engine.MaxFilters    // facet values filtered by, all facets together
	MaxPhrases    = engine.MaxPhrases    // quoted phrases
	MaxSearchTime = engine.MaxSearchTime // one search, whatever the request's deadline
)

// Limits, as an *OverBudgetError names them.
const (
	LimitBytes      = engine.LimitBytes
	LimitTerms      = engine.LimitTerms
	LimitExpansions = engine.LimitExpansions
	LimitPatterns   = engine.LimitPatterns
	LimitFilters    = engine.LimitFilters
	LimitPhrases    = engine.LimitPhrases
	LimitFuzziness  = engine.LimitFuzziness
)

// ErrOverBudget is what an *OverBudgetError is (errors.Is).
var ErrOverBudget = engine.ErrOverBudget

// OverBudgetError says which limit a query is over and by how much.
type OverBudgetError = engine.OverBudgetError

// ParseDate reads the from or to date of a search: a year, a month, a day
// or an RFC 3339 time, in UTC. As the end of a range (end) a year, month or
// day means its last instant. An empty string is the zero time (an open
// end). Errors wrap ErrBadQuery.
func ParseDate(s string, end bool) (time.Time, error) { return engine.ParseDate(s, end) }

// Term is the term the analyzer of article bodies makes of one word (lower
// case, stemmed): what a search for the word looks up.
func Term(word string) string { return engine.Term(word) }
