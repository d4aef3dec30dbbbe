package index

import (
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// mappingVersion changes whenever the mapping or the documents built for it
// change in a way that needs a reindex.
const mappingVersion = 1

// Document types, stored in fieldType.
const (
	typeArticle = "article"
	typeQuote   = "quote"
)

// Field names, shared by the mapping, the documents, queries and facets.
// Facet fields are named as the facets are, so that "person:..." in a query
// string and the person filter mean the same thing.
const (
	fieldType        = "type"
	fieldTitle       = "title"
	fieldBody        = "body"
	fieldQuote       = "quote"
	fieldURL         = "url"
	fieldSource      = FacetSource
	fieldPublished   = FacetPublished
	fieldYear        = "year" // "2024": the histogram counts it as a facet
	fieldPerson      = FacetPerson
	fieldOrg         = FacetOrg
	fieldCountry     = FacetCountry
	fieldTopic       = FacetTopic
	fieldSpeaker     = FacetSpeaker
	fieldSpeakerType = "speaker_type"
	fieldQuotes      = "quotes" // an article's number of quote documents
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
// speaker, and the hit takes the rest from its article. Text fields keep
// term vectors, which phrase queries and snippets need; every facet is a
// keyword with doc values, which faceting and sorting read.
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
	kw := func(store, docValues bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.DocValues = docValues
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
		f.DocValues = true // sorting by date reads them
		f.IncludeInAll = false
		return f
	}

	article := mapping.NewDocumentStaticMapping()
	article.AddFieldMappingsAt(fieldType, kw(false, false))
	article.AddFieldMappingsAt(fieldTitle, text(true))
	article.AddFieldMappingsAt(fieldBody, text(false))
	article.AddFieldMappingsAt(fieldURL, storedOnly())
	article.AddFieldMappingsAt(fieldSource, kw(true, true))
	article.AddFieldMappingsAt(fieldPublished, published(true))
	article.AddFieldMappingsAt(fieldYear, kw(false, true))
	article.AddFieldMappingsAt(fieldPerson, kw(true, true))
	article.AddFieldMappingsAt(fieldOrg, kw(false, true))
	article.AddFieldMappingsAt(fieldCountry, kw(true, true))
	article.AddFieldMappingsAt(fieldTopic, kw(true, true))
	article.AddFieldMappingsAt(fieldSpeaker, kw(false, true))
	article.AddFieldMappingsAt(fieldQuotes, storedOnly())

	quote := mapping.NewDocumentStaticMapping()
	quote.AddFieldMappingsAt(fieldType, kw(false, false))
	quote.AddFieldMappingsAt(fieldQuote, text(true))
	quote.AddFieldMappingsAt(fieldSpeaker, kw(true, true))
	quote.AddFieldMappingsAt(fieldSpeakerType, kw(true, false))
	quote.AddFieldMappingsAt(fieldSource, kw(false, true))
	quote.AddFieldMappingsAt(fieldPublished, published(false))
	quote.AddFieldMappingsAt(fieldYear, kw(false, true))
	quote.AddFieldMappingsAt(fieldPerson, kw(false, true))
	quote.AddFieldMappingsAt(fieldOrg, kw(false, true))
	quote.AddFieldMappingsAt(fieldCountry, kw(false, true))
	quote.AddFieldMappingsAt(fieldTopic, kw(false, true))

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
