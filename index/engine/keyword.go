package engine

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Keyword fields (facets, the type, the date's keywords) keep no
// frequencies or norms (mapping v12): an article is filed under each value
// once, so a value's frequency is always one, and the norm only says how
// many other values the document has, which should not rank it. Zap
// writes a frequency and a norm with every posting (a byte and five);
// without them the keyword fields took 3.7 MB less at 100k articles, an
// eighth of their bytes (BENCHMARKS.md, thirteenth round). A term query on
// such a field would score zero, so a
// clause on a keyword is a keywordQuery: every document it matches scores
// what a document with the value once, in a field of average length, would
// under BM25. On an index from before v12, whose keywords have their
// frequencies, it scores the same.

// keywordQuery matches the documents filed under one value of a keyword
// field, all with one score.
type keywordQuery struct {
	field, term string
	boost       float64
}

// termQuery returns the query of the documents filed under term in the
// keyword field.
func termQuery(field, term string) *keywordQuery {
	return &keywordQuery{field: field, term: term, boost: 1}
}

func (q *keywordQuery) SetBoost(b float64) { q.boost = b }
func (q *keywordQuery) Boost() float64     { return q.boost }
func (q *keywordQuery) Field() string      { return q.field }
func (q *keywordQuery) SetField(f string)  { q.field = f }
func (q *keywordQuery) String() string     { return fmt.Sprintf("%s:%q", q.field, q.term) }

func (q *keywordQuery) Searcher(ctx context.Context, i bleveindex.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	// The term searcher only finds the documents: it need not read
	// frequencies it would score by.
	inner := options
	inner.Score = "none"
	ts, err := searcher.NewTermSearcher(ctx, i, q.term, q.field, q.boost, inner)
	if err != nil {
		return nil, err
	}
	docs, err := i.DocCount()
	if err != nil {
		ts.Close()
		return nil, err
	}
	// A field length of one against an average of one: the BM25 of a
	// value held once.
	sc := scorer.NewTermQueryScorer([]byte(q.term), q.field, q.boost, docs, ts.Count(), 1, options)
	return &keywordSearcher{Searcher: ts, scorer: sc, scored: options.Score != "none"}, nil
}

// keywordSearcher is a term searcher whose matches all score alike.
type keywordSearcher struct {
	search.Searcher
	scorer *scorer.TermQueryScorer
	scored bool
	// score is the score of every match, worked out on the first once
	// the query norm is set.
	score float64
	known bool
}

func (s *keywordSearcher) Weight() float64 { return s.scorer.Weight() }

func (s *keywordSearcher) SetQueryNorm(norm float64) {
	s.scorer.SetQueryNorm(norm)
	s.known = false
}

func (s *keywordSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	m, err := s.Searcher.Next(ctx)
	return s.scoreMatch(ctx, m), err
}

func (s *keywordSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	m, err := s.Searcher.Advance(ctx, id)
	return s.scoreMatch(ctx, m), err
}

func (s *keywordSearcher) scoreMatch(ctx *search.SearchContext, m *search.DocumentMatch) *search.DocumentMatch {
	if m == nil || !s.scored {
		return m
	}
	if !s.known {
		dm := s.scorer.Score(ctx, &bleveindex.TermFieldDoc{Freq: 1, Norm: 1})
		s.score, s.known = dm.Score, true
		ctx.DocumentMatchPool.Put(dm)
	}
	m.Score = s.score
	return m
}
