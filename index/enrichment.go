package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// What the extractor finds in an article, in the extractor's own types:
// named here so that the pages and the API, which show an article's
// enrichment as the index filed it, need nothing but this package.
type (
	// Enrichment is one article's people, organisations, countries,
	// topics and quotations.
	Enrichment = extract.Enrichment
	// Person is one person an article mentions, under the name the
	// archive files them by.
	Person = extract.Person
	// Organization is one organisation an article mentions.
	Organization = extract.Organization
	// Country is a country an article mentions, by ISO code.
	Country = extract.Country
	// Topic is one of the IPTC Media Topics an article is about.
	Topic = extract.Topic
	// Quote is one quotation with its speaker.
	Quote = extract.Quote
)

// Speaker types of a Quote.
const (
	SpeakerPerson       = extract.SpeakerPerson
	SpeakerOrganization = extract.SpeakerOrganization
	SpeakerUnknown      = extract.SpeakerUnknown
)

// An article's enrichment is kept in its documents, as the index filed it
// (people and speakers under their archive-wide names, names.go), so that
// its page shows the people the facets count, not what extracting it again
// would say. Most of it is there already: the article's document stores its
// people, countries and topics (hits show them), and each quotation's
// document its text, speaker and speaker type. The enrichment record adds
// the rest: the organisations (their facet is not stored), the mentions and
// first offsets the page places names by, the topics' scores, and each
// quotation's cue and offsets. Its lists run beside the stored values, in
// the same order, so nothing is stored twice.

// enrichmentRecord is the JSON of an article document's fieldEnrichment.
// PeopleMentions[i] is the mentions of the document's i-th stored person,
// and so on; the quotation lists are by the number in the quote document's
// id.
type enrichmentRecord struct {
	PeopleMentions  []int     `json:"pm,omitempty"`
	PeopleFirst     []int     `json:"pf,omitempty"`
	Orgs            []string  `json:"o,omitempty"`
	OrgMentions     []int     `json:"om,omitempty"`
	OrgFirst        []int     `json:"of,omitempty"`
	CountryMentions []int     `json:"cm,omitempty"`
	TopicScores     []float64 `json:"ts,omitempty"`
	QuoteCues       []string  `json:"qc,omitempty"`
	QuoteStarts     []int     `json:"qs,omitempty"`
	QuoteEnds       []int     `json:"qe,omitempty"`
}

// filedValues are the facet values of an article's documents, each once,
// in the enrichment's order: the lists the record runs beside.
type filedValues struct {
	people, orgs, countries, topics []string
}

// fileEnrichment lays an enrichment out as the documents hold it. A name
// given twice (which the extractor does not do) is kept once with the
// mentions of both, so that the record always runs beside the values.
func fileEnrichment(e extract.Enrichment) (filedValues, enrichmentRecord) {
	var v filedValues
	var r enrichmentRecord
	for _, p := range e.People {
		if i := slices.Index(v.people, p.Name); i >= 0 {
			r.PeopleMentions[i] += p.Mentions
		} else if p.Name != "" {
			v.people = append(v.people, p.Name)
			r.PeopleMentions = append(r.PeopleMentions, p.Mentions)
			r.PeopleFirst = append(r.PeopleFirst, p.First)
		}
	}
	for _, o := range e.Organizations {
		if i := slices.Index(v.orgs, o.Name); i >= 0 {
			r.OrgMentions[i] += o.Mentions
		} else if o.Name != "" {
			v.orgs = append(v.orgs, o.Name)
			r.OrgMentions = append(r.OrgMentions, o.Mentions)
			r.OrgFirst = append(r.OrgFirst, o.First)
		}
	}
	r.Orgs = v.orgs
	for _, c := range e.Countries {
		if i := slices.Index(v.countries, c.Code); i >= 0 {
			r.CountryMentions[i] += c.Mentions
		} else if c.Code != "" {
			v.countries = append(v.countries, c.Code)
			r.CountryMentions = append(r.CountryMentions, c.Mentions)
		}
	}
	for _, t := range e.Topics {
		if slices.Index(v.topics, t.Label) < 0 && t.Label != "" {
			v.topics = append(v.topics, t.Label)
			r.TopicScores = append(r.TopicScores, t.Score)
		}
	}
	for _, q := range e.Quotes {
		r.QuoteCues = append(r.QuoteCues, q.Cue)
		r.QuoteStarts = append(r.QuoteStarts, q.Start)
		r.QuoteEnds = append(r.QuoteEnds, q.End)
	}
	return v, r
}

// errNoRecord says the index holds an article without its enrichment
// record: it was built by a mapping from before records were kept.
var errNoRecord = errors.New("no enrichment record")

// enrichment reads the enrichment the index holds for an article; found is
// false when the index does not hold the article or holds it without a
// record.
func (ix *Index) enrichment(ctx context.Context, id string) (e extract.Enrichment, found bool, err error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{fieldPerson, fieldCountry, fieldTopic, fieldEnrichment}
	req.Score = bleve.ScoreNone
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return e, false, fmt.Errorf("read the enrichment of %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return e, false, nil
	}
	fields := res.Hits[0].Fields
	raw := fieldString(fields[fieldEnrichment])
	if raw == "" {
		return e, false, nil
	}
	var r enrichmentRecord
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return e, false, fmt.Errorf("read the enrichment of %s: %w", id, err)
	}
	v := filedValues{
		people:    fieldStrings(fields[fieldPerson]),
		orgs:      r.Orgs,
		countries: fieldStrings(fields[fieldCountry]),
		topics:    fieldStrings(fields[fieldTopic]),
	}
	quotes, err := ix.quotesOf(ctx, id, len(r.QuoteCues))
	if err != nil {
		return e, false, err
	}
	e, err = r.enrichment(id, v, quotes)
	if err != nil {
		return e, false, fmt.Errorf("read the enrichment of %s: %w", id, err)
	}
	return e, true, nil
}

// quotesOf reads the n quote documents of an article, by their number.
func (ix *Index) quotesOf(ctx context.Context, articleID string, n int) ([]extract.Quote, error) {
	if n == 0 {
		return nil, nil
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = quoteID(articleID, i)
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), n, 0, false)
	req.Fields = quoteHitFields
	req.Score = bleve.ScoreNone
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read the quotations of %s: %w", articleID, err)
	}
	quotes := make([]extract.Quote, n)
	for _, h := range res.Hits {
		num := quoteNumber(h.ID)
		if num < 0 || num >= n {
			continue
		}
		quotes[num] = extract.Quote{
			Text:        fieldString(h.Fields[fieldQuote]),
			Speaker:     fieldString(h.Fields[fieldSpeaker]),
			SpeakerType: fieldString(h.Fields[fieldSpeakerType]),
		}
	}
	return quotes, nil
}

// enrichment puts a record together with the values it runs beside and
// the article's quotations (text and speaker, from their documents).
func (r enrichmentRecord) enrichment(id string, v filedValues, quotes []extract.Quote) (extract.Enrichment, error) {
	if len(r.PeopleMentions) != len(v.people) || len(r.PeopleFirst) != len(v.people) ||
		len(r.OrgMentions) != len(v.orgs) || len(r.OrgFirst) != len(v.orgs) ||
		len(r.CountryMentions) != len(v.countries) || len(r.TopicScores) != len(v.topics) ||
		len(r.QuoteStarts) != len(quotes) || len(r.QuoteEnds) != len(quotes) || len(r.QuoteCues) != len(quotes) {
		return extract.Enrichment{}, fmt.Errorf("%w: the record does not run beside the stored values", errNoRecord)
	}
	e := extract.Enrichment{ID: id, Countries: []extract.Country{}, Topics: []extract.Topic{}}
	for i, name := range v.people {
		e.People = append(e.People, extract.Person{Name: name, Mentions: r.PeopleMentions[i], First: r.PeopleFirst[i]})
	}
	for i, name := range v.orgs {
		e.Organizations = append(e.Organizations, extract.Organization{Name: name, Mentions: r.OrgMentions[i], First: r.OrgFirst[i]})
	}
	for i, code := range v.countries {
		e.Countries = append(e.Countries, extract.Country{Code: code, Name: extract.CountryName(code), Mentions: r.CountryMentions[i]})
	}
	for i, label := range v.topics {
		e.Topics = append(e.Topics, extract.Topic{Label: label, Score: r.TopicScores[i]})
	}
	for i, q := range quotes {
		q.Cue, q.Start, q.End = r.QuoteCues[i], r.QuoteStarts[i], r.QuoteEnds[i]
		e.Quotes = append(e.Quotes, q)
	}
	return e, nil
}

// quoteNumber is the number in a quote document's id, -1 if it has none.
func quoteNumber(id string) int {
	n, err := strconv.Atoi(id[strings.LastIndexByte(id, ':')+1:])
	if err != nil {
		return -1
	}
	return n
}

// Enrichment returns an article's enrichment as the live index filed it:
// what its page, the API's article view and the facets all show. An
// article the index does not hold yet (the follower indexes a stored
// article within a second or so), or holds from before enrichment records
// were kept (the index then says it is stale), is extracted now and its
// people filed under the archive's names as the indexer would file them.
func (a *Archive) Enrichment(ctx context.Context, art store.Article) (Enrichment, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.live == nil {
		return Enrichment{}, errors.New("read enrichment: archive is closed")
	}
	e, found, err := a.live.enrichment(ctx, art.ID)
	if err != nil && !errors.Is(err, errNoRecord) {
		return Enrichment{}, err
	}
	if found {
		return e, nil
	}
	e = safeExtract(art.ID, art)
	a.live.names.file(&e, a.live.personTerms)
	return e, nil
}
