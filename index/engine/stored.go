package engine

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// What the index stores of its articles, read back by id rather than
// searched: for an article's own page, for an update that must delete the
// quotations an article no longer has, and for the archive's counts.

// storedArticleFields are the stored fields of an article's document.
var storedArticleFields = []string{fieldValues, fieldTitle, fieldURL, fieldSource, fieldPublishedAt, fieldPublished,
	fieldPerson, fieldCountry, fieldTopic, fieldQuotes, fieldRecord}

// Article reads back what the index stores of an article: everything but
// its body and its organisations, which are searched and not stored (keep
// what must come back in the Record). found is false when the index does
// not hold it.
func (e *Engine) Article(ctx context.Context, id string) (a Article, found bool, err error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = storedArticleFields
	req.Score = bleve.ScoreNone
	res, err := e.b.SearchInContext(ctx, req)
	if err != nil {
		return a, false, fmt.Errorf("read article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return a, false, nil
	}
	v, published := articleValues(res.Hits[0].Fields)
	a = Article{
		ID:        id,
		Title:     v.title,
		URL:       v.url,
		Source:    v.source,
		Published: published,
		People:    v.people,
		Countries: v.countries,
		Topics:    v.topics,
		Record:    v.record,
	}
	if a.Quotes, err = e.quotations(ctx, id, v.quoteCount()); err != nil {
		return a, false, err
	}
	return a, true, nil
}

// quotations reads the n quotation documents of an article, by their
// number.
func (e *Engine) quotations(ctx context.Context, articleID string, n int) ([]Quotation, error) {
	if n <= 0 {
		return nil, nil
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = QuoteID(articleID, i)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), n, 0, false)
	req.Fields = quoteHitFields
	req.Score = bleve.ScoreNone
	res, err := e.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read the quotations of %s: %w", articleID, err)
	}
	hits := make([]Hit, n)
	for _, h := range res.Hits {
		if i := quoteNumber(h.ID); i >= 0 && i < n {
			hits[i] = quoteHit(h)
		}
	}
	if err := e.addQuoteTexts(ctx, hits); err != nil {
		return nil, fmt.Errorf("read the quotations of %s: %w", articleID, err)
	}
	quotes := make([]Quotation, n)
	for i, h := range hits {
		quotes[i] = Quotation{Text: h.Quote, Speaker: h.Speaker, SpeakerType: h.SpeakerType}
	}
	return quotes, nil
}

// QuoteCounts returns how many quotation documents the index holds for
// each of some articles (none for an article it does not hold), so that an
// update can delete the ones an article no longer has.
func (e *Engine) QuoteCounts(ctx context.Context, articleIDs []string) (map[string]int, error) {
	if len(articleIDs) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(articleIDs), len(articleIDs), 0, false)
	req.Fields = []string{fieldValues, fieldQuotes}
	req.Score = bleve.ScoreNone
	res, err := e.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read quote counts of %d articles: %w", len(articleIDs), err)
	}
	out := make(map[string]int, len(res.Hits))
	for _, h := range res.Hits {
		v, _ := articleValues(h.Fields)
		n, err := strconv.Atoi(v.quotes)
		if err == nil {
			out[h.ID] = n
		}
	}
	return out, nil
}

// Counts returns how many articles and quotations the index holds.
func (e *Engine) Counts(ctx context.Context) (articles, quotes uint64, err error) {
	count := func(typ string) (uint64, error) {
		req := bleve.NewSearchRequestOptions(termQuery(fieldType, typ), 0, 0, false)
		res, err := e.b.SearchInContext(ctx, req)
		if err != nil {
			return 0, fmt.Errorf("count %ss: %w", typ, err)
		}
		return res.Total, nil
	}
	if articles, err = count(typeArticle); err != nil {
		return 0, 0, err
	}
	if quotes, err = count(typeQuote); err != nil {
		return 0, 0, err
	}
	return articles, quotes, nil
}

// Values returns every value of a facet the index holds, deleted
// documents' included until their segments are merged.
func (e *Engine) Values(facet string) ([]string, error) {
	field, ok := facetFields[facet]
	if !ok {
		return nil, badQuery("unknown facet %q", facet)
	}
	d, err := e.b.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("read the %s values: %w", facet, err)
	}
	defer d.Close()
	var out []string
	for {
		entry, err := d.Next()
		if err != nil {
			return out, fmt.Errorf("read the %s values: %w", facet, err)
		}
		if entry == nil {
			return out, nil
		}
		out = append(out, entry.Term)
	}
}
