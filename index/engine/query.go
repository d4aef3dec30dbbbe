package engine

import (
	"errors"
	"fmt"
	"time"
)

// Facet names, as the API and pages spell them.
const (
	FacetPerson    = "person"
	FacetSpeaker   = "speaker"
	FacetCountry   = "country"
	FacetTopic     = "topic"
	FacetOrg       = "org"
	FacetSource    = "source"
	FacetPublished = "published" // the date histogram
	// FacetGroup filters by story: the copies of one (a group of the
	// store's). It is not counted.
	FacetGroup = "group"
)

// Sort orders of a Query.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// Query is one search: free text in Bleve's query-string syntax, filters by
// facet value (several values of one facet must all hold: AND), a date range,
// sort order and paging.
type Query struct {
	Text    string              // "" matches everything
	Filters map[string][]string // facet name -> values that must all match
	From    time.Time           // inclusive; zero = open
	To      time.Time           // inclusive; zero = open
	Sort    string              // SortRelevance (default), SortNewest, SortOldest
	Page    int                 // 1-based
	Size    int                 // hits per page, 1..100; 0 = 20
	Quotes  bool                // search quote documents instead of articles
	// AllCopies shows and counts every copy of a story (the same agency
	// text run by several papers) as a hit of its own. Without it a story
	// is one hit, by its best-ranked copy, Total counts stories and the
	// facets count a story once (copies.go).
	AllCopies bool
}

// Result is one page of hits with facet counts over all matching documents.
type Result struct {
	// Total counts the stories that match (every copy, with AllCopies);
	// Matches counts every matching article (or quotation), copies
	// included.
	Total   uint64
	Matches uint64
	Took    time.Duration
	Hits    []Hit
	Facets  map[string][]FacetValue // facet name -> values, most frequent first
	Dates   []DateBucket            // the published histogram, oldest first
}

// Hit is one matching article, or one quotation when Query.Quotes is set.
type Hit struct {
	ID        string // article id (for a quote: the article it is from)
	Title     string
	URL       string
	Source    string
	Published time.Time
	Snippet   string // HTML: text escaped, matches wrapped in <mark>
	People    []string
	Countries []string
	Topics    []string
	// Group names the story the article is a copy of (the id of its
	// first copy, or its own id). Copies are, when a search shows each
	// story once, the story's first other copies in the archive, matching
	// or not, oldest first; for a quotation, the other articles that
	// quote the same words in a copy of the story.
	Group  string
	Copies []Copy
	// CopyCount counts the story's other copies, of which Copies names the
	// first to run (at most ten); CopySources names the sources that ran
	// them, each once, in the order they did, the hit's own left out.
	CopyCount   int
	CopySources []string
	// For quote hits only.
	QuoteID     string
	Quote       string
	Speaker     string
	SpeakerType string

	// quoteSpan is where Quote is in the article's body, until
	// addQuoteTexts reads it from there.
	quoteSpan string
	// score is the hit's relevance, for tests that compare two ways of
	// ranking.
	score float64
}

// Copy is another copy of a hit's story: an article, where and when it ran.
type Copy struct {
	ID        string
	Title     string
	URL       string
	Source    string
	Published time.Time
}

// FacetValue is one value of a facet and how many matching documents have it.
// Label is what a page shows: the value, which the archive may replace (a
// country's name for its code; the engine knows no names).
type FacetValue struct {
	Value string
	Label string
	Count int
}

// DateBucket counts matching documents published in [From, To).
type DateBucket struct {
	From  time.Time
	To    time.Time
	Count int
}

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
