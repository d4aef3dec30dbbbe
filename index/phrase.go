package index

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Article bodies keep no term positions in the index: positions (with the
// byte offsets zap stores beside them) were half the index, the body's
// share more than the 1.5x of the text the whole index may take. A phrase
// in the body is therefore found in two steps: the index finds the articles
// that have all its words, and the phrase is then checked against each
// one's text, read from the store in pages. The ranking is the one Bleve's
// phrase search gives (it scores a phrase as the conjunction of its words);
// the cost is a store read and an analysis per article that has the words.
// Titles and quotations keep their positions and use Bleve's own phrases.

// phraseCheckPage is how many candidate articles are read from the store at
// once to check a phrase.
const phraseCheckPage = 500

// bodyPhraseQuery is a phrase searched in article bodies.
type bodyPhraseQuery struct {
	phrase   string
	boost    float64
	analyzer analysis.Analyzer
	bodies   func(ctx context.Context, ids []string) (map[string]string, error)
}

// phraseTerms returns the terms of an analysed phrase by relative position
// (stop words leave empty positions), as Bleve's phrase queries place them.
func phraseTerms(tokens analysis.TokenStream) [][]string {
	if len(tokens) == 0 {
		return nil
	}
	first := tokens[0].Position
	var out [][]string
	for _, t := range tokens {
		at := t.Position - first
		for len(out) <= at {
			out = append(out, nil)
		}
		out[at] = append(out[at], string(t.Term))
	}
	return out
}

func (q *bodyPhraseQuery) Searcher(ctx context.Context, i bleveindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	phrase := phraseTerms(q.analyzer.Analyze([]byte(q.phrase)))
	var words []string
	for _, ts := range phrase {
		for _, t := range ts {
			if !slices.Contains(words, t) {
				words = append(words, t)
			}
		}
	}
	if len(words) == 0 {
		return searcher.NewMatchNoneSearcher(i)
	}
	if len(phrase) == 1 && len(words) == 1 {
		return searcher.NewTermSearcher(ctx, i, words[0], fieldBody, q.boost, options)
	}
	parts := make([]search.Searcher, 0, len(words))
	for _, w := range words {
		s, err := searcher.NewTermSearcher(ctx, i, w, fieldBody, q.boost, options)
		if err != nil {
			for _, p := range parts {
				p.Close()
			}
			return nil, err
		}
		parts = append(parts, s)
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, i, parts, options)
	if err != nil {
		return nil, err
	}
	if q.bodies == nil {
		// No store to read bodies from (an index opened on its own):
		// every article with all the words counts.
		return conj, nil
	}
	return &phraseSearcher{ctx: ctx, conj: conj, reader: i, phrase: phrase, q: q}, nil
}

// phraseSearcher yields the matches of a conjunction whose text holds the
// phrase. It collects them all on first use: the text is read from the
// store in pages, which a document-at-a-time filter could not do.
type phraseSearcher struct {
	ctx    context.Context
	conj   search.Searcher
	reader bleveindex.IndexReader
	phrase [][]string
	q      *bodyPhraseQuery

	collected bool
	err       error
	docs      []phraseDoc
	next      int
}

type phraseDoc struct {
	id    bleveindex.IndexInternalID
	score float64
}

func (s *phraseSearcher) collect() error {
	if s.collected {
		return s.err
	}
	s.collected = true
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.conj.DocumentMatchPoolSize(), 0)}
	var page []phraseDoc
	var ids []string
	check := func() error {
		if len(page) == 0 {
			return nil
		}
		if err := s.ctx.Err(); err != nil {
			return err
		}
		bodies, err := s.q.bodies(s.ctx, ids)
		if err != nil {
			return fmt.Errorf("check phrase %q: %w", s.q.phrase, err)
		}
		for k, d := range page {
			if body, ok := bodies[ids[k]]; ok && len(phraseSpans(s.q.analyzer.Analyze([]byte(body)), s.phrase)) > 0 {
				s.docs = append(s.docs, d)
			}
		}
		page, ids = page[:0], ids[:0]
		return nil
	}
	for {
		dm, err := s.conj.Next(sctx)
		if err != nil {
			s.err = err
			return err
		}
		if dm == nil {
			break
		}
		id, err := s.reader.ExternalID(dm.IndexInternalID)
		if err != nil {
			s.err = err
			return err
		}
		page = append(page, phraseDoc{id: slices.Clone(dm.IndexInternalID), score: dm.Score})
		ids = append(ids, id)
		sctx.DocumentMatchPool.Put(dm)
		if len(page) == phraseCheckPage {
			if s.err = check(); s.err != nil {
				return s.err
			}
		}
	}
	s.err = check()
	return s.err
}

func (s *phraseSearcher) Next(sctx *search.SearchContext) (*search.DocumentMatch, error) {
	if err := s.collect(); err != nil {
		return nil, err
	}
	if s.next >= len(s.docs) {
		return nil, nil
	}
	d := s.docs[s.next]
	s.next++
	dm := sctx.DocumentMatchPool.Get()
	dm.IndexInternalID = append(dm.IndexInternalID[:0], d.id...)
	dm.Score = d.score
	return dm, nil
}

func (s *phraseSearcher) Advance(sctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	if err := s.collect(); err != nil {
		return nil, err
	}
	for s.next < len(s.docs) && bytes.Compare(s.docs[s.next].id, id) < 0 {
		s.next++
	}
	return s.Next(sctx)
}

func (s *phraseSearcher) Close() error               { return s.conj.Close() }
func (s *phraseSearcher) Weight() float64            { return s.conj.Weight() }
func (s *phraseSearcher) SetQueryNorm(qnorm float64) { s.conj.SetQueryNorm(qnorm) }
func (s *phraseSearcher) Count() uint64              { return s.conj.Count() }
func (s *phraseSearcher) Min() int                   { return 0 }
func (s *phraseSearcher) Size() int                  { return s.conj.Size() + len(s.docs)*32 }
func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.conj.DocumentMatchPoolSize() + 1 }
func (q *bodyPhraseQuery) SetBoost(b float64)        { q.boost = b }
func (q *bodyPhraseQuery) Boost() float64            { return q.boost }
func (q *bodyPhraseQuery) Field() string             { return fieldBody }
func (q *bodyPhraseQuery) SetField(string)           {}
func (q *bodyPhraseQuery) String() string            { return fmt.Sprintf("body:%q", q.phrase) }

// phraseSpans returns where in an analysed text the phrase occurs: the byte
// spans of the words of each occurrence.
func phraseSpans(tokens analysis.TokenStream, phrase [][]string) []span {
	if len(phrase) == 0 || len(tokens) == 0 {
		return nil
	}
	// The token at each position; stop words leave gaps.
	last := tokens[len(tokens)-1].Position
	at := make([]*analysis.Token, last+1)
	for _, t := range tokens {
		if t.Position >= 0 && t.Position <= last && at[t.Position] == nil {
			at[t.Position] = t
		}
	}
	var out []span
	for p := range at {
		if p+len(phrase) > len(at) {
			break
		}
		ok := true
		for k, want := range phrase {
			if len(want) == 0 {
				continue
			}
			t := at[p+k]
			if t == nil || !slices.Contains(want, string(t.Term)) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for k := range phrase {
			if t := at[p+k]; t != nil && len(phrase[k]) > 0 {
				out = append(out, span{t.Start, t.End})
			}
		}
	}
	return out
}
