package index

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// mappingVersion changes whenever the mapping or the documents built for it
// change in a way that needs a reindex.
const mappingVersion = 6

// Document types, stored in fieldType.
const (
	typeArticle = "article"
	typeQuote   = "quote"
)

// Field names, shared by the mapping, the documents, queries and facets.
// Facet fields are named as the facets are, so that "person:..." in a query
// string and the person filter mean the same thing.
const (
	fieldType         = "type"
	fieldTitle        = "title"
	fieldBody         = "body"
	fieldQuote        = "quote"
	fieldURL          = "url"
	fieldSource       = FacetSource
	fieldPublished    = FacetPublished
	fieldPublishedKey = "published_key" // the date as one sortable keyword
	fieldYear         = "year"          // "2024": the histogram counts it as a facet
	fieldPerson       = FacetPerson
	fieldOrg          = FacetOrg
	fieldCountry      = FacetCountry
	fieldTopic        = FacetTopic
	fieldSpeaker      = FacetSpeaker
	fieldSpeakerType  = "speaker_type"
	fieldQuotes       = "quotes"     // an article's number of quote documents
	fieldEnrichment   = "enrichment" // the rest of an article's enrichment (enrichment.go)
)

// facetFields maps each facet a Query may filter or count by to its field.
var facetFields = map[string]string{
	FacetPerson:  fieldPerson,
	FacetSpeaker: fieldSpeaker,
	FacetCountry: fieldCountry,
	FacetTopic:   fieldTopic,
	FacetOrg:     fieldOrg,
	FacetSource:  fieldSource,
}

// keywordFields are matched whole: a query-string clause on one of them
// becomes a term query, as a filter would.
var keywordFields = map[string]bool{
	fieldType: true, fieldSource: true, fieldYear: true, fieldPerson: true,
	fieldOrg: true, fieldCountry: true, fieldTopic: true, fieldSpeaker: true,
	fieldSpeakerType: true,
}

// Fields a hit reads from the stored fields of its document: an article's,
// and a quote's own (the rest of a quote hit comes from its article).
var (
	articleHitFields = []string{fieldTitle, fieldURL, fieldSource, fieldPublished, fieldPerson, fieldCountry, fieldTopic}
	quoteHitFields   = []string{fieldQuote, fieldSpeaker, fieldSpeakerType}
)

// newMapping builds the one mapping of the index. It is built to be small
// (the index should stay near the size of the text it holds): only what
// hits show is stored, and nothing twice. The body is not stored (snippets
// are cut from the store's copy); a quote document stores its text and
// speaker, and the hit takes the rest from its article. Only the title
// keeps term vectors (positions for Bleve's phrase queries): body and
// quotation phrases are checked against their text (phrase.go) and their
// snippets found by analysing it again (highlight.go). Every facet is a
// keyword without doc values (facets are counted from its postings); only
// the date key keeps doc values, for sorting.
func newMapping() *mapping.IndexMappingImpl {
	text := func(store bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = store
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(store bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		// Facets are counted from the postings (facets.go), so no
		// keyword needs doc values.
		f.DocValues = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		// Freq and norm stay: a query string may name a keyword field
		// (person:"..."), and a term without them scores NaN.
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	published := func(store bool) *mapping.FieldMapping {
		f := mapping.NewDateTimeFieldMapping()
		f.Store = store
		// A date's doc values hold all 16 of its range terms; sorting
		// reads publishedKey's single one instead.
		f.DocValues = false
		f.IncludeInAll = false
		return f
	}
	publishedKey := func() *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		// Doc values are only written for an indexed field.
		f.Store = false
		f.DocValues = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		return f
	}

	article := mapping.NewDocumentStaticMapping()
	article.AddFieldMappingsAt(fieldType, kw(false))
	article.AddFieldMappingsAt(fieldTitle, text(true))
	// The body keeps no term vectors: they were more than a third of the
	// index. Its phrases are checked against the text (phrase.go) and its
	// snippets found by analysing it again (highlight.go).
	body := text(false)
	body.IncludeTermVectors = false
	article.AddFieldMappingsAt(fieldBody, body)
	article.AddFieldMappingsAt(fieldURL, storedOnly())
	article.AddFieldMappingsAt(fieldSource, kw(true))
	article.AddFieldMappingsAt(fieldPublished, published(true))
	article.AddFieldMappingsAt(fieldPublishedKey, publishedKey())
	article.AddFieldMappingsAt(fieldYear, kw(false))
	article.AddFieldMappingsAt(fieldPerson, kw(true))
	article.AddFieldMappingsAt(fieldOrg, kw(false))
	article.AddFieldMappingsAt(fieldCountry, kw(true))
	article.AddFieldMappingsAt(fieldTopic, kw(true))
	article.AddFieldMappingsAt(fieldSpeaker, kw(false))
	article.AddFieldMappingsAt(fieldQuotes, storedOnly())
	article.AddFieldMappingsAt(fieldEnrichment, storedOnly())

	quote := mapping.NewDocumentStaticMapping()
	quote.AddFieldMappingsAt(fieldType, kw(false))
	// Nor does a quotation (phrases are checked against its stored text).
	quoteText := text(true)
	quoteText.IncludeTermVectors = false
	quote.AddFieldMappingsAt(fieldQuote, quoteText)
	quote.AddFieldMappingsAt(fieldSpeaker, kw(true))
	quote.AddFieldMappingsAt(fieldSpeakerType, kw(true))
	quote.AddFieldMappingsAt(fieldSource, kw(false))
	quote.AddFieldMappingsAt(fieldPublished, published(false))
	quote.AddFieldMappingsAt(fieldPublishedKey, publishedKey())
	quote.AddFieldMappingsAt(fieldYear, kw(false))
	quote.AddFieldMappingsAt(fieldPerson, kw(false))
	quote.AddFieldMappingsAt(fieldOrg, kw(false))
	quote.AddFieldMappingsAt(fieldCountry, kw(false))
	quote.AddFieldMappingsAt(fieldTopic, kw(false))

	m := mapping.NewIndexMapping()
	m.TypeField = fieldType
	m.DefaultType = typeArticle
	m.AddDocumentMapping(typeArticle, article)
	m.AddDocumentMapping(typeQuote, quote)
	// Nothing goes into _all: an unqualified query clause is rewritten to
	// name its fields (title and body, or quote), which keeps the index
	// from holding every token twice.
	m.DefaultMapping = mapping.NewDocumentDisabledMapping()
	m.DefaultAnalyzer = en.AnalyzerName
	m.ScoringModel = bleveindex.BM25Scoring
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}
