package engine

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// hitsOf reads the hits of a Bleve search: articles, or quotations.
func hitsOf(sr *bleve.SearchResult, quotes bool) []Hit {
	hits := make([]Hit, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		if quotes {
			hits = append(hits, quoteHit(h))
		} else {
			hits = append(hits, articleHit(h))
		}
	}
	return hits
}

// articleHit reads one article hit's stored fields.
func articleHit(h *search.DocumentMatch) Hit {
	a, published := articleValues(h.Fields)
	return Hit{
		ID:        h.ID,
		Title:     a.title,
		URL:       a.url,
		Source:    a.source,
		Published: published,
		People:    a.people,
		Countries: a.countries,
		Topics:    a.topics,
		Group:     a.group,
		score:     h.Score,
	}
}

// articleValues reads an article document's stored values: packed, or
// field by field as an index from before mapping v11 stored them.
func articleValues(f map[string]any) (storedArticle, time.Time) {
	if a, ok := unpackArticle(fieldString(f[fieldValues])); ok {
		t, _ := readStoredTime(a.published)
		return a, t
	}
	return storedArticle{
		title:     fieldString(f[fieldTitle]),
		url:       fieldString(f[fieldURL]),
		source:    fieldString(f[fieldSource]),
		group:     fieldString(f[fieldGroup]),
		quotes:    fieldString(f[fieldQuotes]),
		record:    fieldString(f[fieldRecord]),
		people:    fieldStrings(f[fieldPerson]),
		countries: fieldStrings(f[fieldCountry]),
		topics:    fieldStrings(f[fieldTopic]),
	}, publishedOf(f)
}

// quoteHit reads one quotation hit's stored fields; addArticles adds its
// article's.
func quoteHit(h *search.DocumentMatch) Hit {
	if q, ok := unpackQuote(fieldString(h.Fields[fieldValues])); ok {
		return Hit{
			ID:          quoteArticle(h.ID),
			QuoteID:     h.ID,
			Quote:       q.text,
			quoteSpan:   q.span,
			Speaker:     q.speaker,
			SpeakerType: q.speakerType,
			score:       h.Score,
		}
	}
	// An index from before mapping v11, field by field.
	return Hit{
		ID:          quoteArticle(h.ID),
		QuoteID:     h.ID,
		Quote:       cmp.Or(fieldString(h.Fields[fieldQuote]), fieldString(h.Fields[fieldQuoteText])),
		quoteSpan:   fieldString(h.Fields[fieldQuoteSpan]),
		Speaker:     fieldString(h.Fields[fieldSpeaker]),
		SpeakerType: fieldString(h.Fields[fieldSpeakerType]),
		score:       h.Score,
	}
}

// addArticles fills quote hits with what they show of their articles, which
// the index stores once, with the article, and with their text, which
// their articles' bodies hold.
func (e *Engine) addArticles(ctx context.Context, hits []Hit) error {
	if len(hits) == 0 {
		return nil
	}
	var ids []string
	for _, h := range hits {
		if !slices.Contains(ids, h.ID) {
			ids = append(ids, h.ID)
		}
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = articleHitFields
	req.Score = bleve.ScoreNone
	sr, err := e.search(ctx, req, "")
	if err != nil {
		return fmt.Errorf("read the articles of %d quotes: %w", len(hits), err)
	}
	articles := make(map[string]Hit, len(sr.Hits))
	for _, h := range sr.Hits {
		articles[h.ID] = articleHit(h)
	}
	for i, h := range hits {
		a := articles[h.ID]
		hits[i].Title, hits[i].URL, hits[i].Source, hits[i].Published = a.Title, a.URL, a.Source, a.Published
		hits[i].People, hits[i].Countries, hits[i].Topics = a.People, a.Countries, a.Topics
		hits[i].Group = a.Group
	}
	return e.addQuoteTexts(ctx, hits)
}

// publishedOf reads an article's stored date: storedTime's form, or a date
// field an index from before mapping v9 stored.
func publishedOf(fields map[string]any) time.Time {
	if t, ok := readStoredTime(fieldString(fields[fieldPublishedAt])); ok {
		return t
	}
	return fieldTime(fields[fieldPublished])
}

// fieldTime reads a stored date field, which Bleve returns formatted as
// RFC 3339.
func fieldTime(v any) time.Time {
	s := fieldString(v)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// docNumID is the internal id of the document numbered num in a snapshot.
func docNumID(num uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, num)
}

// segDoc is a document by its segment in a snapshot and its number there.
type segDoc struct {
	seg int
	num uint64
}

// storedHits reads the hits docs of segs, in their order, from their
// stored fields, as the general search's hits read them (Bleve's
// LoadAndHighlightFields). A search by document id would look each id up
// in every segment, twice: most of a rare word's search.
func storedHits(segs []*scorch.SegmentSnapshot, docs []segDoc, quotes bool) ([]Hit, error) {
	fields := articleHitFields
	if quotes {
		fields = quoteHitFields
	}
	hits := make([]Hit, 0, len(docs))
	for _, d := range docs {
		dm := &search.DocumentMatch{}
		var bad error
		err := segs[d.seg].Segment().VisitStoredFields(d.num, func(name string, typ byte, value []byte, _ []uint64) bool {
			if name == "_id" {
				dm.ID = string(value)
				return true
			}
			if !slices.Contains(fields, name) {
				return true
			}
			switch typ {
			case 't':
				dm.AddFieldValue(name, string(value))
			case 'd':
				t, layout, err := document.NewDateTimeFieldFromBytes(name, nil, value).DateTime()
				if err != nil {
					bad = fmt.Errorf("read hit %d of segment %d: field %s: %w", d.num, d.seg, name, err)
					return false
				}
				if layout == "" {
					layout = time.RFC3339
				}
				dm.AddFieldValue(name, t.Format(layout))
			}
			return true
		})
		if err = cmp.Or(err, bad); err != nil {
			return nil, err
		}
		if quotes {
			hits = append(hits, quoteHit(dm))
		} else {
			hits = append(hits, articleHit(dm))
		}
	}
	return hits, nil
}

// fieldString reads a stored single-valued field of a hit.
func fieldString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

// fieldStrings reads a stored multi-valued field of a hit: Bleve returns a
// single value bare and several as a slice.
func fieldStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
