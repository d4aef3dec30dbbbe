package engine

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// general answers any search: Bleve runs the rewritten query (request.go,
// rewrite.go; phrases in bodies and quotations are checked against their
// text, phrase.go) and hands every match to a facet counter before it
// competes for the page (facets.go).
type general struct{}

func (general) answer(ctx context.Context, e *Engine, p *prepared) (answer, error) {
	fc := &facetCounter{tables: &e.facets, collapse: !p.q.AllCopies}
	if fc.collapse {
		fc.page = newGroupPage(p.from+p.size, p.req.Sort)
	}
	sr, err := e.search(countingContext(ctx, fc), p.req, p.q.Text)
	if err != nil {
		fc.release()
		return answer{}, err
	}
	counts, err := fc.result()
	if err != nil {
		return answer{}, fmt.Errorf("search %q: %w", p.q.Text, err)
	}
	return answer{hits: hitsOf(sr, p.q.Quotes), total: sr.Total - fc.copies, matches: sr.Total, counts: counts}, nil
}

// searchStories runs p's Bleve search for its page alone, each story once
// (by its best-ranked copy), counting nothing.
func (e *Engine) searchStories(ctx context.Context, p *prepared) ([]Hit, error) {
	fc := &facetCounter{tables: &e.facets, noCount: true, page: newGroupPage(p.from+p.size, p.req.Sort)}
	sr, err := e.search(countingContext(ctx, fc), p.req, p.q.Text)
	if err != nil {
		fc.release()
		return nil, err
	}
	if _, err := fc.result(); err != nil {
		return nil, fmt.Errorf("search %q: %w", p.q.Text, err)
	}
	return hitsOf(sr, p.q.Quotes), nil
}

// search runs a request, telling the user's mistakes from ours.
func (e *Engine) search(ctx context.Context, req *bleve.SearchRequest, text string) (*bleve.SearchResult, error) {
	sr, err := e.b.SearchInContext(ctx, req)
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
