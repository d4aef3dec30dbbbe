package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/cuttings/cuttings/index/engine"
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
// facet values (people, organisations, countries, topics), and each
// quotation's document its text, speaker and speaker type. The enrichment
// record (engine.Article.Record) adds the rest: the mentions and first
// offsets the page places names by, the topics' scores, and each
// quotation's cue and offsets. Its lists run beside the stored values, in
// the same order, so nothing is stored twice.

// enrichmentRecord is the JSON of an article's record. PeopleMentions[i]
// is the mentions of the article's i-th person, and so on; the quotation
// lists are by the quotation's number.
type enrichmentRecord struct {
	PeopleMentions  []int     `json:"pm,omitempty"`
	PeopleFirst     []int     `json:"pf,omitempty"`
	OrgMentions     []int     `json:"om,omitempty"`
	OrgFirst        []int     `json:"of,omitempty"`
	CountryMentions []int     `json:"cm,omitempty"`
	TopicScores     []float64 `json:"ts,omitempty"`
	QuoteCues       []string  `json:"qc,omitempty"`
	QuoteStarts     []int     `json:"qs,omitempty"`
	QuoteEnds       []int     `json:"qe,omitempty"`
}

// articleOf is the article the engine indexes for a change: its facet
// values, each once, in the enrichment's order, with the record beside
// them. A name given twice (which the extractor does not do) is kept once
// with the mentions of both, so that the record always runs beside the
// values.
func articleOf(d Doc) (engine.Article, error) {
	art, e := d.Article, d.Enrichment
	a := engine.Article{
		ID: d.ID, Title: art.Title, Body: art.Body, URL: art.URL,
		Source: art.Source, Published: art.Published,
	}
	var r enrichmentRecord
	for _, p := range e.People {
		if i := slices.Index(a.People, p.Name); i >= 0 {
			r.PeopleMentions[i] += p.Mentions
		} else if p.Name != "" {
			a.People = append(a.People, p.Name)
			r.PeopleMentions = append(r.PeopleMentions, p.Mentions)
			r.PeopleFirst = append(r.PeopleFirst, p.First)
		}
	}
	for _, o := range e.Organizations {
		if i := slices.Index(a.Organizations, o.Name); i >= 0 {
			r.OrgMentions[i] += o.Mentions
		} else if o.Name != "" {
			a.Organizations = append(a.Organizations, o.Name)
			r.OrgMentions = append(r.OrgMentions, o.Mentions)
			r.OrgFirst = append(r.OrgFirst, o.First)
		}
	}
	for _, c := range e.Countries {
		if i := slices.Index(a.Countries, c.Code); i >= 0 {
			r.CountryMentions[i] += c.Mentions
		} else if c.Code != "" {
			a.Countries = append(a.Countries, c.Code)
			r.CountryMentions = append(r.CountryMentions, c.Mentions)
		}
	}
	for _, t := range e.Topics {
		if !slices.Contains(a.Topics, t.Label) && t.Label != "" {
			a.Topics = append(a.Topics, t.Label)
			r.TopicScores = append(r.TopicScores, t.Score)
		}
	}
	for _, q := range e.Quotes {
		a.Quotes = append(a.Quotes, engine.Quotation{Text: q.Text, Speaker: q.Speaker, SpeakerType: q.SpeakerType})
		r.QuoteCues = append(r.QuoteCues, q.Cue)
		r.QuoteStarts = append(r.QuoteStarts, q.Start)
		r.QuoteEnds = append(r.QuoteEnds, q.End)
	}
	rec, err := json.Marshal(r)
	if err != nil {
		return a, fmt.Errorf("enrichment record: %w", err)
	}
	a.Record = string(rec)
	return a, nil
}

// enrichment reads the enrichment the index holds for an article; found is
// false when the index does not hold the article, or holds it without a
// record (it was built by a mapping from before records were kept).
func (ix *Index) enrichment(ctx context.Context, id string) (e extract.Enrichment, found bool, err error) {
	a, found, err := ix.eng.Article(ctx, id)
	if err != nil || !found || a.Record == "" {
		return e, false, err
	}
	if e, err = enrichmentOf(a); err != nil {
		return e, false, fmt.Errorf("read the enrichment of %s: %w", id, err)
	}
	return e, true, nil
}

// enrichmentOf puts an article's record together with the values it runs
// beside.
func enrichmentOf(a engine.Article) (extract.Enrichment, error) {
	var r enrichmentRecord
	if err := json.Unmarshal([]byte(a.Record), &r); err != nil {
		return extract.Enrichment{}, err
	}
	n := len(a.Quotes)
	if len(r.PeopleMentions) != len(a.People) || len(r.PeopleFirst) != len(a.People) ||
		len(r.OrgMentions) != len(a.Organizations) || len(r.OrgFirst) != len(a.Organizations) ||
		len(r.CountryMentions) != len(a.Countries) || len(r.TopicScores) != len(a.Topics) ||
		len(r.QuoteCues) != n || len(r.QuoteStarts) != n || len(r.QuoteEnds) != n {
		return extract.Enrichment{}, errors.New("the record does not run beside the stored values")
	}
	e := extract.Enrichment{ID: a.ID, Countries: []extract.Country{}, Topics: []extract.Topic{}}
	for i, name := range a.People {
		e.People = append(e.People, extract.Person{Name: name, Mentions: r.PeopleMentions[i], First: r.PeopleFirst[i]})
	}
	for i, name := range a.Organizations {
		e.Organizations = append(e.Organizations, extract.Organization{Name: name, Mentions: r.OrgMentions[i], First: r.OrgFirst[i]})
	}
	for i, code := range a.Countries {
		e.Countries = append(e.Countries, extract.Country{Code: code, Name: extract.CountryName(code), Mentions: r.CountryMentions[i]})
	}
	for i, label := range a.Topics {
		e.Topics = append(e.Topics, extract.Topic{Label: label, Score: r.TopicScores[i]})
	}
	for i, q := range a.Quotes {
		e.Quotes = append(e.Quotes, extract.Quote{Text: q.Text, Speaker: q.Speaker, SpeakerType: q.SpeakerType,
			Cue: r.QuoteCues[i], Start: r.QuoteStarts[i], End: r.QuoteEnds[i]})
	}
	return e, nil
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
	if err != nil {
		return Enrichment{}, err
	}
	if found {
		return e, nil
	}
	e = safeExtract(art.ID, art)
	a.live.names.file(&e, a.live.personTerms)
	return e, nil
}
