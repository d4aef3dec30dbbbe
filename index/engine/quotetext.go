package engine

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

// A quotation's text is most of what a quotation document would store,
// and its article's body, which the store keeps, holds it already: the
// index keeps where (its span), and reads the text from the body when a
// hit, an article's page or a phrase check needs it. A quotation the body
// does not hold as it is (an extractor that mends its text) keeps its
// text.

// quoteSpan is how a quotation's place in body is kept, "start+length"
// in bytes, if body holds its text as it is. The first place the body
// has the words is as good as the quotation's own: the text read back is
// the same.
func quoteSpan(body, text string) (string, bool) {
	start := strings.Index(body, text)
	if text == "" || start < 0 {
		return "", false
	}
	return strconv.Itoa(start) + "+" + strconv.Itoa(len(text)), true
}

// spanText is the text at span in body; false when the span is not one
// quoteSpan wrote or does not fit the body (an article whose body changed
// in the store before the index caught up).
func spanText(body, span string) (string, bool) {
	a, b, ok := strings.Cut(span, "+")
	if !ok {
		return "", false
	}
	start, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || start < 0 || n <= 0 || start+n > len(body) {
		return "", false
	}
	t := body[start : start+n]
	if !utf8.ValidString(t) {
		return "", false
	}
	return t, true
}

// addQuoteTexts reads the text of quote hits that keep a span from their
// articles' bodies.
func (e *Engine) addQuoteTexts(ctx context.Context, hits []Hit) error {
	var ids []string
	for _, h := range hits {
		if h.Quote == "" && h.quoteSpan != "" {
			ids = append(ids, h.ID)
		}
	}
	if len(ids) == 0 || e.bodies == nil {
		return nil
	}
	bodies, err := e.readBodies(ctx, ids)
	if err != nil {
		return fmt.Errorf("read the texts of %d quotations: %w", len(ids), err)
	}
	for i, h := range hits {
		if h.Quote == "" && h.quoteSpan != "" {
			hits[i].Quote, _ = spanText(bodies[h.ID], h.quoteSpan)
		}
	}
	return nil
}

// quoteTexts reads quotation texts for a phrase check: the text a
// document stores, or the span of its article's body, read with bodies.
func quoteTexts(bodies func(ctx context.Context, ids []string) (map[string]string, error)) textSource {
	return func(ctx context.Context, r bleveindex.IndexReader, ids []string) (map[string]string, error) {
		out := make(map[string]string, len(ids))
		spans := map[string]string{}
		err := visitStored(ctx, r, ids, func(id string, f bleveindex.Field) {
			switch f.Name() {
			case fieldQuote, fieldQuoteText:
				out[id] = string(f.Value())
			case fieldQuoteSpan:
				spans[id] = string(f.Value())
			case fieldValues:
				if q, ok := unpackQuote(string(f.Value())); ok {
					if q.text != "" {
						out[id] = q.text
					} else if q.span != "" {
						spans[id] = q.span
					}
				}
			}
		})
		if err != nil {
			return nil, err
		}
		var articles []string
		for _, id := range ids {
			if _, ok := out[id]; !ok && spans[id] != "" {
				articles = append(articles, quoteArticle(id))
			}
		}
		if len(articles) > 0 && bodies != nil {
			read, err := bodies(ctx, articles)
			if err != nil {
				return nil, err
			}
			for id, span := range spans {
				if _, ok := out[id]; !ok {
					if t, ok := spanText(read[quoteArticle(id)], span); ok {
						out[id] = t
					}
				}
			}
		}
		return chargeTexts(ctx, quotesRead)(out, nil)
	}
}

// titleTexts reads articles' titles for a phrase check from what the index
// stores of them: the article's packed values, or its title field in an
// index from before mapping v11.
func titleTexts(ctx context.Context, r bleveindex.IndexReader, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	err := visitStored(ctx, r, ids, func(id string, f bleveindex.Field) {
		switch f.Name() {
		case fieldTitle:
			out[id] = string(f.Value())
		case fieldValues:
			if a, ok := unpackArticle(string(f.Value())); ok {
				out[id] = a.title
			}
		}
	})
	return chargeTexts(ctx, titlesRead)(out, err)
}

// visitStored calls visit with each stored field of the documents ids, in
// their order; a document no longer there has none.
func visitStored(ctx context.Context, r bleveindex.IndexReader, ids []string, visit func(id string, f bleveindex.Field)) error {
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc, err := r.Document(id)
		if err != nil {
			return err
		}
		if doc != nil {
			doc.VisitFields(func(f bleveindex.Field) { visit(id, f) })
		}
	}
	return nil
}
