package index

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

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
// people, countries and topics (hits show them), and each quotation's
// document its text, speaker and speaker type. The enrichment record
// (engine.Article.Record) adds the rest, in as few bytes as it can, since
// every article has one: the organisations (their facet is searched, not
// stored), the mentions and first offsets the page places names by, the
// topics' scores, and each quotation's cue and offsets.
//
// The record is signed varints and length-prefixed strings, in this order;
// each list but the organisations' runs beside the stored values it belongs
// to, as long as they are:
//
//	per person: mentions, first offset
//	the number of organisations; per organisation: name, mentions, first offset
//	per country: mentions
//	per topic: score in thousandths (the extractor's precision), or -1 and
//	  the score as a decimal string when thousandths would not read back exactly
//	per quotation: cue, start offset, length (end - start)

// recordWriter appends to a record.
type recordWriter struct{ b []byte }

func (w *recordWriter) int(n int) { w.b = binary.AppendVarint(w.b, int64(n)) }

func (w *recordWriter) string(s string) {
	w.int(len(s))
	w.b = append(w.b, s...)
}

func (w *recordWriter) score(f float64) {
	if k := math.Round(f * 1000); k >= 0 && k <= math.MaxInt32 && k/1000 == f {
		w.int(int(k))
		return
	}
	w.int(-1)
	w.string(strconv.FormatFloat(f, 'g', -1, 64))
}

// recordReader reads a record; once it fails, it reads zeros and err says
// why.
type recordReader struct {
	b   []byte
	err error
}

func (r *recordReader) int() int {
	if r.err != nil {
		return 0
	}
	n, k := binary.Varint(r.b)
	if k <= 0 {
		r.err = errors.New("the record ends early")
		return 0
	}
	r.b = r.b[k:]
	return int(n)
}

func (r *recordReader) string() string {
	n := r.int()
	if r.err != nil {
		return ""
	}
	if n < 0 || n > len(r.b) {
		r.err = errors.New("the record ends early")
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *recordReader) score() float64 {
	k := r.int()
	if k >= 0 {
		return float64(k) / 1000
	}
	s := r.string()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && r.err == nil {
		r.err = fmt.Errorf("score %q: %w", s, err)
	}
	return f
}

// articleOf is the article the engine indexes for a change: its facet
// values, each once, in the enrichment's order, with the record beside
// them. A name given twice (which the extractor does not do) is kept once
// with the mentions of both, so that the record always runs beside the
// values.
func articleOf(d Doc) engine.Article {
	art, e := d.Article, d.Enrichment
	a := engine.Article{
		ID: d.ID, Title: art.Title, Body: art.Body, URL: art.URL,
		Source: art.Source, Published: art.Published, Group: art.Group,
	}
	var people []extract.Person
	for _, p := range e.People {
		if i := slices.IndexFunc(people, func(q extract.Person) bool { return q.Name == p.Name }); i >= 0 {
			people[i].Mentions += p.Mentions
		} else if p.Name != "" {
			people = append(people, p)
		}
	}
	var orgs []extract.Organization
	for _, o := range e.Organizations {
		if i := slices.IndexFunc(orgs, func(q extract.Organization) bool { return q.Name == o.Name }); i >= 0 {
			orgs[i].Mentions += o.Mentions
		} else if o.Name != "" {
			orgs = append(orgs, o)
		}
	}
	var countries []extract.Country
	for _, c := range e.Countries {
		if i := slices.IndexFunc(countries, func(q extract.Country) bool { return q.Code == c.Code }); i >= 0 {
			countries[i].Mentions += c.Mentions
		} else if c.Code != "" {
			countries = append(countries, c)
		}
	}

	var w recordWriter
	for _, p := range people {
		a.People = append(a.People, p.Name)
		w.int(p.Mentions)
		w.int(p.First)
	}
	w.int(len(orgs))
	for _, o := range orgs {
		a.Organizations = append(a.Organizations, o.Name)
		w.string(o.Name)
		w.int(o.Mentions)
		w.int(o.First)
	}
	for _, c := range countries {
		a.Countries = append(a.Countries, c.Code)
		w.int(c.Mentions)
	}
	for _, t := range e.Topics {
		if t.Label != "" && !slices.Contains(a.Topics, t.Label) {
			a.Topics = append(a.Topics, t.Label)
			w.score(t.Score)
		}
	}
	for _, q := range e.Quotes {
		a.Quotes = append(a.Quotes, engine.Quotation{Text: q.Text, Speaker: q.Speaker, SpeakerType: q.SpeakerType})
		w.string(q.Cue)
		w.int(q.Start)
		w.int(q.End - q.Start)
	}
	a.Record = string(w.b)
	return a
}

// enrichmentOf reads an article's record together with the values it runs
// beside.
func enrichmentOf(a engine.Article) (extract.Enrichment, error) {
	r := recordReader{b: []byte(a.Record)}
	e := extract.Enrichment{ID: a.ID, Countries: []extract.Country{}, Topics: []extract.Topic{}}
	for _, name := range a.People {
		e.People = append(e.People, extract.Person{Name: name, Mentions: r.int(), First: r.int()})
	}
	for n := r.int(); n > 0 && r.err == nil; n-- {
		e.Organizations = append(e.Organizations, extract.Organization{Name: r.string(), Mentions: r.int(), First: r.int()})
	}
	for _, code := range a.Countries {
		e.Countries = append(e.Countries, extract.Country{Code: code, Name: extract.CountryName(code), Mentions: r.int()})
	}
	for _, label := range a.Topics {
		e.Topics = append(e.Topics, extract.Topic{Label: label, Score: r.score()})
	}
	for _, q := range a.Quotes {
		cue, start := r.string(), r.int()
		e.Quotes = append(e.Quotes, extract.Quote{Text: q.Text, Speaker: q.Speaker, SpeakerType: q.SpeakerType,
			Cue: cue, Start: start, End: start + r.int()})
	}
	if r.err == nil && len(r.b) > 0 {
		r.err = fmt.Errorf("%d bytes left over", len(r.b))
	}
	if r.err != nil {
		return extract.Enrichment{}, fmt.Errorf("the record does not run beside the stored values: %w", r.err)
	}
	return e, nil
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

// Enrichment returns an article's enrichment as the live index filed it:
// what its page, the API's article view and the facets all show. An
// article the index does not hold yet (the follower indexes a stored
// article within a second or so), or holds from before enrichment records
// were kept (the index then says it is stale), is extracted now and its
// people filed under the archive's names as the indexer would file them.
// So is every article while the live index may not be read (a write to it
// failed or its files are corrupt, recover.go): the article's page does not
// need the index, and is still served while a new one is built. art is
// the article as the store holds it: its quotations are cut from its body.
func (a *Archive) Enrichment(ctx context.Context, art store.Article) (Enrichment, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.live == nil {
		return Enrichment{}, errors.New("read enrichment: archive is closed")
	}
	if a.searchable() != nil {
		// Nothing is read from the index, not even the names it
		// holds: those already learnt are used.
		e := safeExtract(art.ID, art)
		a.live.names.file(&e, nil)
		return e, nil
	}
	// Its quotations are read from its body, which art holds.
	e, found, err := a.live.enrichment(engine.WithBody(ctx, art.ID, art.Body), art.ID)
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
