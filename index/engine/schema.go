package engine

import (
	"crypto/sha256"
	"encoding/base64"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// The schema: the documents an article becomes, and how Bleve indexes
// each of their fields. Every shortcut the engine takes reads the fields as
// laid out here (facets from keyword postings, the home page from the date
// key, phrases in bodies checked against their text), so the schema lives
// with the engine; index decides what goes into an Article. A change to the
// mapping or to the documents needs index's mappingVersion raised, so that
// older indexes are reported for a reindex.

// Document types, stored in fieldType.
const (
	typeArticle = "article"
	typeQuote   = "quote"
)

// Field names, shared by the mapping, the documents, queries and facets.
// Facet fields are named as the facets are, so that "person:..." in a query
// string and the person filter mean the same thing.
const (
	fieldType  = "type"
	fieldTitle = "title"
	fieldBody  = "body"
	fieldQuote = "quote"
	// A quotation's text is searched in fieldQuote and not stored there:
	// its article's body holds it, and the store keeps the body.
	// fieldQuoteSpan says where ("start+length", bytes); fieldQuoteText
	// keeps the text only where the body does not hold it as it is.
	fieldQuoteSpan      = "quote_span"
	fieldQuoteText      = "quote_text"
	fieldURL            = "url"
	fieldSource         = FacetSource
	fieldPublished      = FacetPublished
	fieldPublishedAt    = "published_at"    // the date as hits show it: stored only (storedTime)
	fieldPublishedKey   = "published_key"   // the date as one sortable keyword
	fieldPublishedDay   = "published_day"   // "2024-03-01", for ranges (daterange.go)
	fieldPublishedMonth = "published_month" // "2024-03", likewise
	fieldYear           = "year"            // "2024": the histogram counts it as a facet
	fieldPerson         = FacetPerson
	fieldOrg            = FacetOrg
	fieldCountry        = FacetCountry
	fieldTopic          = FacetTopic
	fieldSpeaker        = FacetSpeaker
	fieldSpeakerType    = "speaker_type"
	fieldQuotes         = "quotes" // an article's number of quote documents
	fieldRecord         = "record" // Article.Record: stored, never searched
	// fieldValues is every value a document stores, packed in one
	// (packed.go); since mapping v11 no other field is stored. The fields
	// above that only stored a value are still set, for an index from
	// before, which a follower may be writing to until a reindex replaces
	// it and which reads them; this mapping leaves them out.
	fieldValues = "values"
	// fieldGroup is the story an article is a copy of (its group in the
	// store, or its own id when it is the first or only one): articles
	// and their quotations carry it, so that "group:ID" finds every copy.
	fieldGroup = FacetGroup
	// fieldCopy is what a quotation is collapsed by: the same words in
	// two copies of one story are one quotation (quoteCopy).
	fieldCopy = "copy"
	// fieldBodyKey is a hash of an article's body (bodyKey): copies of a
	// story with the same words share it, so a phrase is checked in their
	// text once (phrase.go). Mapping v13; absent from an index before.
	fieldBodyKey = "bodykey"
)

// facetFields maps each facet a Query may filter or count by to its field.
var facetFields = map[string]string{
	FacetPerson:  fieldPerson,
	FacetSpeaker: fieldSpeaker,
	FacetCountry: fieldCountry,
	FacetTopic:   fieldTopic,
	FacetOrg:     fieldOrg,
	FacetSource:  fieldSource,
	// Filtered by, never counted: a group's copies, for "also in".
	FacetGroup: fieldGroup,
}

// keywordFields are matched whole: a query-string clause on one of them
// becomes a term query, as a filter would.
var keywordFields = map[string]bool{
	fieldType: true, fieldSource: true, fieldYear: true, fieldPerson: true,
	fieldOrg: true, fieldCountry: true, fieldTopic: true, fieldSpeaker: true,
	fieldSpeakerType: true, fieldGroup: true,
}

// Fields a hit reads from the stored fields of its document: an article's,
// and a quote's own (the rest of a quote hit comes from its article).
var (
	// fieldPublished is read for an index from before mapping v9, which
	// stored the date there, as a date field; fieldTopic for one from
	// before v10, which stored the topics' labels.
	// The fields after fieldValues are read for an index from before v11.
	articleHitFields = []string{fieldValues, fieldTitle, fieldURL, fieldSource, fieldPublishedAt, fieldPublished, fieldPerson, fieldCountry, fieldTopic, fieldGroup}
	// fieldQuote is read for an index from before mapping v9, which
	// stored the text there; fieldSpeakerType for one from before v10.
	quoteHitFields = []string{fieldValues, fieldQuote, fieldQuoteSpan, fieldQuoteText, fieldSpeaker, fieldSpeakerType}
)

// Mapping builds the one mapping of the index. It is built to be small
// (the index should stay near the size of the text it holds): only what
// hits show is stored, and nothing twice. The body is not stored (snippets
// are cut from the store's copy), nor is a quotation's text (a quote
// document stores where its article's body holds it, quotetext.go, and its
// speaker), and a quote hit takes the rest from its article. No text field
// keeps term vectors: phrases are checked against the text (phrase.go) and
// snippets found by analysing it again (highlight.go). Every facet is a
// keyword without doc values (facets are counted from its postings) nor
// frequencies (keyword.go); only the date key keeps doc values, for
// sorting. An article stores the values its hits show (title, URL, source, date, people, countries, and
// topics as letters, codes.go) and its Record, a quotation its span,
// speaker and speaker type (a letter), all of a document's in one value
// (packed.go).
func Mapping() *mapping.IndexMappingImpl {
	text := func(analyzer string) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		// No positions: they were more than a third of the index
		// (phrase.go).
		f.IncludeTermVectors = false
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
		// A value is held once: no frequency or norm (keyword.go).
		f.SkipFreqNorm = true
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
	publishedKey := func() *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		// Doc values are only written for an indexed field.
		f.Store = false
		f.DocValues = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.SkipFreqNorm = true
		return f
	}

	article := mapping.NewDocumentStaticMapping()
	article.AddFieldMappingsAt(fieldType, kw(false))
	// Every value a hit or the article's page reads is stored in
	// fieldValues (packed.go); no other field stores one.
	article.AddFieldMappingsAt(fieldValues, storedOnly())
	// The title and the body share their analysis with their pair fields
	// (twice.go).
	article.AddFieldMappingsAt(fieldTitle, text(wordsAnalyzerName))
	article.AddFieldMappingsAt(fieldBody, text(wordsAnalyzerName))
	// The title's and the body's common pairs (pairs.go): a phrase of two
	// common words is one term there, searched and ranked as a word is.
	// Frequencies stay: they rank it, and decide a phrase of three.
	pairs := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = pairAnalyzerName
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	article.AddFieldMappingsAt(fieldTitlePairs, pairs())
	article.AddFieldMappingsAt(fieldBodyPairs, pairs())
	article.AddFieldMappingsAt(fieldSource, kw(false))
	// The date as hits show it: stored in fieldValues, not indexed, as a
	// few characters (storedTime). A date field stores its nanoseconds and its layout,
	// 36 bytes an article, and is indexed as 16 terms, one per four bits
	// of its nanoseconds: more than a fifth of the index, a quotation's
	// the same again. Ranges search the date's year, month and day as
	// keywords instead (three terms), and the date key inside a day
	// (daterange.go).
	article.AddFieldMappingsAt(fieldPublishedDay, kw(false))
	article.AddFieldMappingsAt(fieldPublishedMonth, kw(false))
	article.AddFieldMappingsAt(fieldPublishedKey, publishedKey())
	article.AddFieldMappingsAt(fieldYear, kw(false))
	article.AddFieldMappingsAt(fieldPerson, kw(false))
	article.AddFieldMappingsAt(fieldOrg, kw(false))
	article.AddFieldMappingsAt(fieldCountry, kw(false))
	// Searched by label, stored as letters (codes.go).
	article.AddFieldMappingsAt(fieldTopic, kw(false))
	article.AddFieldMappingsAt(fieldSpeaker, kw(false))
	article.AddFieldMappingsAt(fieldGroup, kw(false))
	article.AddFieldMappingsAt(fieldBodyKey, kw(false))

	quote := mapping.NewDocumentStaticMapping()
	quote.AddFieldMappingsAt(fieldType, kw(false))
	// A quotation's phrases are checked against its text, read from its
	// article's body by its span.
	quote.AddFieldMappingsAt(fieldQuote, text(en.AnalyzerName))
	quote.AddFieldMappingsAt(fieldValues, storedOnly())
	quote.AddFieldMappingsAt(fieldSpeaker, kw(false))
	quote.AddFieldMappingsAt(fieldSpeakerType, kw(false))
	quote.AddFieldMappingsAt(fieldSource, kw(false))
	quote.AddFieldMappingsAt(fieldPublishedDay, kw(false))
	quote.AddFieldMappingsAt(fieldPublishedMonth, kw(false))
	quote.AddFieldMappingsAt(fieldPublishedKey, publishedKey())
	quote.AddFieldMappingsAt(fieldYear, kw(false))
	quote.AddFieldMappingsAt(fieldPerson, kw(false))
	quote.AddFieldMappingsAt(fieldOrg, kw(false))
	quote.AddFieldMappingsAt(fieldCountry, kw(false))
	quote.AddFieldMappingsAt(fieldTopic, kw(false))
	quote.AddFieldMappingsAt(fieldGroup, kw(false))
	quote.AddFieldMappingsAt(fieldCopy, kw(false))

	// Without a disabled _all of its own, each document would still carry an
	// empty _all composite that every analysed field is offered to: about
	// 2% of a build's CPU for nothing.
	article.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	quote.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())

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

// Article is an article as the engine indexes it: its text, where and when
// it appeared, the facet values it is filed under (each once), and its
// quotations, each of which becomes a document of its own carrying the
// article's facet values.
type Article struct {
	ID        string
	Title     string
	Body      string // searched, not stored: snippets are cut from the store's copy
	URL       string
	Source    string
	Published time.Time

	People        []string
	Organizations []string
	Countries     []string // ISO 3166-1 alpha-2 codes
	Topics        []string
	Quotes        []Quotation

	// Group names the story the article is a copy of: the id of its
	// first copy, or its own id. Empty means its own id.
	Group string

	// Record is stored with the article, bytes as they are, and never
	// searched: what index keeps of the article beside the stored values.
	Record string
}

// Quotation is one quotation of an article and who said it.
type Quotation struct {
	Text        string
	Speaker     string
	SpeakerType string
}

// Document is one document of the index: its id and its fields, as
// Mapping indexes them.
type Document struct {
	ID     string
	Fields map[string]any
}

// Documents returns the documents of an article: its own, then one per
// quotation, numbered from 0 (QuoteID). An update writes them all again and
// deletes the quotation documents past the new count.
func Documents(a Article) []Document {
	doc := map[string]any{
		fieldType:   typeArticle,
		fieldTitle:  a.Title,
		fieldBody:   a.Body,
		fieldQuotes: strconv.Itoa(len(a.Quotes)),
	}
	setString(doc, fieldTitlePairs, a.Title)
	setString(doc, fieldBodyPairs, a.Body)
	if a.Body != "" {
		doc[fieldBodyKey] = bodyKey(a.Body)
	}
	setString(doc, fieldURL, a.URL)
	setString(doc, fieldRecord, a.Record)
	common(doc, a)
	var published string
	if indexableDate(a.Published) {
		published = storedTime(a.Published)
		doc[fieldPublishedAt] = published
	}
	doc[fieldValues] = packArticle(storedArticle{
		title: a.Title, url: a.URL, source: a.Source, published: published, group: groupOf(a),
		quotes: strconv.Itoa(len(a.Quotes)), record: a.Record,
		people: distinct(a.People), countries: distinct(a.Countries), topics: distinct(a.Topics),
	})
	var speakers []string
	for _, q := range a.Quotes {
		speakers = appendNew(speakers, q.Speaker)
	}
	setStrings(doc, fieldSpeaker, speakers)
	out := []Document{{ID: a.ID, Fields: doc}}
	for n, q := range a.Quotes {
		qd := map[string]any{
			fieldType:  typeQuote,
			fieldQuote: q.Text,
		}
		stored := storedQuote{speaker: q.Speaker, speakerType: q.SpeakerType}
		if span, ok := quoteSpan(a.Body, q.Text); ok {
			qd[fieldQuoteSpan] = span
			stored.span = span
		} else {
			setString(qd, fieldQuoteText, q.Text)
			stored.text = q.Text
		}
		qd[fieldValues] = packQuote(stored)
		// What the filters and facets need of its article.
		common(qd, a)
		setString(qd, fieldSpeaker, q.Speaker)
		setString(qd, fieldSpeakerType, q.SpeakerType)
		qd[fieldCopy] = quoteCopy(groupOf(a), q.Text)
		out = append(out, Document{ID: QuoteID(a.ID, n), Fields: qd})
	}
	return out
}

// QuoteID is the document id of an article's n-th quotation.
func QuoteID(articleID string, n int) string {
	return "q:" + articleID + ":" + strconv.Itoa(n)
}

// quoteArticle is the article id in a quote document's id.
func quoteArticle(quoteID string) string {
	id := strings.TrimPrefix(quoteID, "q:")
	if i := strings.LastIndexByte(id, ':'); i >= 0 {
		id = id[:i]
	}
	return id
}

// quoteNumber is the number in a quote document's id, -1 if it has none.
func quoteNumber(quoteID string) int {
	n, err := strconv.Atoi(quoteID[strings.LastIndexByte(quoteID, ':')+1:])
	if err != nil {
		return -1
	}
	return n
}

// Bleve's dates must fit in int64 nanoseconds since 1970.
var (
	minDate = time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC)
	maxDate = time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)
)

// publishedKeyLayout sorts as the dates do: indexable years have four
// digits, and the fraction of a second comes without its trailing zeros,
// or not at all when it is zero (nearly every article's date), so that the
// key is 14 bytes and not 24 in every document's doc values and term. A
// key without a fraction sorts before the same second with one, and two
// fractions as their digits do, so the order is the dates'. (Mapping v9 and
// earlier wrote all nine digits; a range over such keys, whose ends are
// written this way, still includes and excludes the same dates.)
const publishedKeyLayout = "20060102150405.999999999"

func indexableDate(t time.Time) bool {
	return !t.IsZero() && t.After(minDate) && t.Before(maxDate)
}

// storedTime is how an article's date is stored: its Unix seconds in base
// 36 (six characters for this century), and ".nanoseconds" when it has
// any; readStoredTime reads it back.
func storedTime(t time.Time) string {
	s := strconv.FormatInt(t.Unix(), 36)
	if ns := t.Nanosecond(); ns != 0 {
		s += "." + strconv.Itoa(ns)
	}
	return s
}

func readStoredTime(s string) (time.Time, bool) {
	secs, frac, _ := strings.Cut(s, ".")
	sec, err := strconv.ParseInt(secs, 36, 64)
	if err != nil {
		return time.Time{}, false
	}
	ns := 0
	if frac != "" {
		if ns, err = strconv.Atoi(frac); err != nil || ns < 0 || ns > 999_999_999 {
			return time.Time{}, false
		}
	}
	return time.Unix(sec, int64(ns)).UTC(), true
}

// groupOf is the group an article is filed under.
func groupOf(a Article) string {
	if a.Group != "" {
		return a.Group
	}
	return a.ID
}

// quoteCopy is the key a quotation is collapsed by: a hash of its story's
// group and its words (letters and digits, in lower case), so that the
// same words quoted in two copies of a story, punctuated or cased
// otherwise, are one quotation, and two quotations of one copy are two.
// The hash alone is kept (13 characters, not the group's id and more): a
// key for every quotation is a term for every quotation.
func quoteCopy(group, text string) string {
	h := fnv.New64a()
	h.Write([]byte(group))
	h.Write([]byte{0})
	var buf [utf8.UTFMax]byte
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			h.Write(buf[:n])
		}
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// bodyKey is the key of a body's exact text: the first 96 bits of its
// SHA-256, 16 characters. Two different texts share a key with odds of
// about one in 10^15 in an archive of ten million distinct bodies.
func bodyKey(body string) string {
	sum := sha256.Sum256([]byte(body))
	return base64.RawURLEncoding.EncodeToString(sum[:12])
}

// common sets the fields articles and quotes share.
func common(doc map[string]any, a Article) {
	doc[fieldGroup] = groupOf(a)
	setString(doc, fieldSource, a.Source)
	if indexableDate(a.Published) {
		p := a.Published.UTC()
		// No mapping since v9 has a published field: the value is for
		// an index from before, which a follower may still be writing
		// to until a reindex replaces it.
		doc[fieldPublished] = p
		doc[fieldPublishedDay] = p.Format(time.DateOnly)
		doc[fieldPublishedMonth] = p.Format(monthLayout)
		doc[fieldPublishedKey] = p.Format(publishedKeyLayout)
		doc[fieldYear] = strconv.Itoa(p.Year())
	}
	setStrings(doc, fieldPerson, distinct(a.People))
	setStrings(doc, fieldOrg, distinct(a.Organizations))
	setStrings(doc, fieldCountry, distinct(a.Countries))
	setStrings(doc, fieldTopic, distinct(a.Topics))
}

// distinct returns the non-empty values of s, each once, in order.
func distinct(s []string) []string {
	var out []string
	for _, v := range s {
		out = appendNew(out, v)
	}
	return out
}

func appendNew(s []string, v string) []string {
	if v == "" || slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// setString leaves empty values out: an empty keyword would be a facet value.
func setString(doc map[string]any, field, v string) {
	if v != "" {
		doc[field] = v
	}
}

func setStrings(doc map[string]any, field string, vs []string) {
	if len(vs) > 0 {
		doc[field] = vs
	}
}
