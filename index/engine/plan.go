package engine

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// A search is checked, parsed and rewritten once (prepare, request.go) and
// then answered in one of three ways, which plan picks: the one place that
// decides how a query runs. Each way is a type in a file of its own; a new
// shortcut is a new way, and a case in plan saying when it applies.

// prepared is one search on its way: the query, the page it asks for, and
// the Bleve request the general search would run.
type prepared struct {
	q          Query
	from, size int
	req        *bleve.SearchRequest
	textQuery  query.Query // the query string's part of req; nil for none
}

// answer is what a way finds: the page's hits, how many documents match,
// and the facet counts of all of them.
type answer struct {
	hits  []Hit
	total uint64 // stories, or every match with AllCopies
	// matches counts every match, copies included.
	matches uint64
	counts  facetCounts
}

// way is one way of answering a search.
type way interface {
	answer(ctx context.Context, e *Engine, p *prepared) (answer, error)
}

// plan picks the way p is answered.
func (e *Engine) plan(p *prepared) way {
	if matchAll(p.q) {
		// No text, no filter, no dates: the home page and its like. The
		// counts are kept until the index changes, and a page by date
		// is read from the date key's postings (homepage.go).
		return everything{}
	}
	if term, pair := e.oneWordTerm(p); term != "" {
		// One plain word by relevance, filtered or not, without dates,
		// within the first maxWordWindow hits: the word's postings are
		// walked segment by segment, or its impact lists read (word.go).
		// So is a phrase of two common words, one term of the pair
		// fields (pairs.go).
		return oneWord{term: term, pair: pair}
	}
	if terms, required := e.severalWordsTerms(p); terms != "" {
		// Two or more plain words by relevance, as above, any of them
		// or every one required ("+oil +prices"): their postings are
		// walked together (word.go).
		return severalWords{terms: terms, required: required}
	}
	if terms, required, pair := e.byDateTerms(p); terms != "" {
		// One or a few plain words, or a phrase of two common words,
		// sorted by date: counted as above, the page read from the date
		// key's postings (bydate.go).
		return wordsByDate{terms: terms, required: required, pair: pair}
	}
	if phrase := e.onePhraseText(p); phrase != "" {
		// One phrase of two or more terms, by relevance or by date,
		// filtered or not: the title's and the body's phrase searchers
		// find its matches, which are counted from the segments and
		// ranked, or their page read from their dates (onephrase.go).
		return onePhrase{phrase: phrase}
	}
	// Anything else: Bleve's search of the rewritten query, phrases in
	// bodies and quotations checked against their text, every match
	// counted as Bleve hands it over (general.go).
	return general{}
}

// Search answers q. Page 0 means the first page and Size 0 means
// DefaultSize; everything else out of range is an ErrBadQuery. Under a
// meter (WithMeter), the page window and what the search reads are
// charged to it, and a search it stops returns the *OverBudgetError.
func (e *Engine) Search(ctx context.Context, q Query) (*Result, error) {
	m := meterOf(ctx)
	if err := m.chargeWindow(q); err != nil {
		return nil, err
	}
	res, err := e.answerQuery(ctx, q)
	if err = m.explain(err); err != nil {
		return nil, err
	}
	return res, nil
}

// answerQuery is Search without the meter's charge for the window and its
// word on how the search ended.
func (e *Engine) answerQuery(ctx context.Context, q Query) (res *Result, err error) {
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
	p, err := e.prepare(ctx, q)
	if err != nil {
		return nil, err
	}
	a, err := e.plan(p).answer(ctx, e, p)
	if err != nil {
		return nil, err
	}
	return e.finish(ctx, p, a, start)
}

// finish adds to the hits what they show of their articles and their
// snippets, and turns the counts into facets.
func (e *Engine) finish(ctx context.Context, p *prepared, a answer, start time.Time) (*Result, error) {
	out := &Result{Total: a.total, Matches: a.matches, Hits: a.hits}
	if p.q.Quotes {
		if err := e.addArticles(ctx, out.Hits); err != nil {
			return nil, err
		}
	}
	if !p.q.AllCopies {
		if err := e.addCopies(ctx, p, out.Hits); err != nil {
			return nil, err
		}
	}
	if err := e.addSnippets(ctx, p.q.Quotes, p.textQuery, out.Hits); err != nil {
		return nil, err
	}
	out.Facets, out.Dates = readFacets(a.counts)
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

// docType numbers a search's kind of document: 0 articles, 1 quotations.
func docType(quotes bool) int {
	if quotes {
		return 1
	}
	return 0
}
