package web

import (
	"encoding/json"
	"time"

	"github.com/cuttings/cuttings/index"
)

// SearchJSON is one page of results as GET /api/search and /api/quotes
// answer it; `cuttings search --json` prints the same shape and reads it
// back from a running server.
type SearchJSON struct {
	// Total counts stories (each story once) unless the query asked for
	// every copy; TotalCopies counts every matching article (or
	// quotation), copies included.
	Total       uint64     `json:"total"`
	TotalCopies uint64     `json:"total_copies"`
	TookMS      float64    `json:"took_ms"`
	Hits        []HitJSON  `json:"hits"`
	Facets      FacetsJSON `json:"facets"`
	Page        int        `json:"page"`
	Size        int        `json:"size"`
}

// HitJSON is an article hit or a quotation hit; its JSON has the fields of
// its kind (a quotation hit has "quote", "speaker" and "speaker_type", and
// ID is its article's).
type HitJSON struct {
	IsQuote bool `json:"-"`

	ID          string     `json:"id"`
	QuoteID     string     `json:"quote_id,omitempty"`
	Quote       string     `json:"quote"`
	Speaker     string     `json:"speaker"`
	SpeakerType string     `json:"speaker_type"`
	Title       string     `json:"title"`
	URL         string     `json:"url"`
	Source      string     `json:"source"`
	Published   time.Time  `json:"published,omitzero"`
	Snippet     string     `json:"snippet"`
	People      []string   `json:"people"`
	Countries   []string   `json:"countries"`
	Topics      []string   `json:"topics"`
	Group       string     `json:"group,omitempty"`
	Copies      []CopyJSON `json:"copies,omitempty"`
	// CopyCount counts the story's other copies, of which Copies lists the
	// first ten to run; CopySources names every source that ran them.
	CopyCount   int      `json:"copy_count"`
	CopySources []string `json:"copy_sources"`
}

// CopyJSON is another copy of a hit's story: an article, where and when it
// ran.
type CopyJSON struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
}

// The two shapes a hit is written in.
type (
	articleHitJSON struct {
		ID          string     `json:"id"`
		Title       string     `json:"title"`
		URL         string     `json:"url"`
		Source      string     `json:"source"`
		Published   time.Time  `json:"published,omitzero"`
		Snippet     string     `json:"snippet"`
		People      []string   `json:"people"`
		Countries   []string   `json:"countries"`
		Topics      []string   `json:"topics"`
		Group       string     `json:"group,omitempty"`
		Copies      []CopyJSON `json:"copies"`
		CopyCount   int        `json:"copy_count"`
		CopySources []string   `json:"copy_sources"`
	}
	quoteHitJSON struct {
		Quote       string     `json:"quote"`
		Speaker     string     `json:"speaker"`
		SpeakerType string     `json:"speaker_type"`
		ID          string     `json:"id"`
		QuoteID     string     `json:"quote_id,omitempty"`
		Title       string     `json:"title"`
		URL         string     `json:"url"`
		Published   time.Time  `json:"published,omitzero"`
		Source      string     `json:"source"`
		Snippet     string     `json:"snippet"`
		Group       string     `json:"group,omitempty"`
		Copies      []CopyJSON `json:"copies"`
		CopyCount   int        `json:"copy_count"`
		CopySources []string   `json:"copy_sources"`
	}
)

// MarshalJSON writes a hit in the shape of its kind.
func (h HitJSON) MarshalJSON() ([]byte, error) {
	if h.IsQuote {
		return json.Marshal(quoteHitJSON{
			Quote: h.Quote, Speaker: h.Speaker, SpeakerType: h.SpeakerType, ID: h.ID, QuoteID: h.QuoteID,
			Title: h.Title, URL: h.URL, Published: h.Published, Source: h.Source, Snippet: h.Snippet,
			Group: h.Group, Copies: nonNil(h.Copies), CopyCount: h.CopyCount, CopySources: nonNil(h.CopySources),
		})
	}
	return json.Marshal(articleHitJSON{
		ID: h.ID, Title: h.Title, URL: h.URL, Source: h.Source, Published: h.Published, Snippet: h.Snippet,
		People: nonNil(h.People), Countries: nonNil(h.Countries), Topics: nonNil(h.Topics),
		Group: h.Group, Copies: nonNil(h.Copies), CopyCount: h.CopyCount, CopySources: nonNil(h.CopySources),
	})
}

// UnmarshalJSON reads either shape; a quotation hit has a "quote".
func (h *HitJSON) UnmarshalJSON(b []byte) error {
	type plain HitJSON // no methods: no recursion
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	_, p.IsQuote = probe["quote"]
	*h = HitJSON(p)
	return nil
}

// FacetsJSON holds every facet, always present, so clients need no nil checks.
type FacetsJSON struct {
	Person    []FacetValueJSON `json:"person"`
	Speaker   []FacetValueJSON `json:"speaker"`
	Country   []FacetValueJSON `json:"country"`
	Topic     []FacetValueJSON `json:"topic"`
	Org       []FacetValueJSON `json:"org"`
	Source    []FacetValueJSON `json:"source"`
	Published []DateBucketJSON `json:"published"`
}

// ByName returns a facet's values by the facet's name (index.FacetPerson, ...).
func (f *FacetsJSON) ByName(name string) []FacetValueJSON {
	switch name {
	case index.FacetPerson:
		return f.Person
	case index.FacetSpeaker:
		return f.Speaker
	case index.FacetCountry:
		return f.Country
	case index.FacetTopic:
		return f.Topic
	case index.FacetOrg:
		return f.Org
	case index.FacetSource:
		return f.Source
	}
	return nil
}

// FacetValueJSON is one facet value, the label a page shows for it (a
// country's name for its code) and its count.
type FacetValueJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// DateBucketJSON is one bar of the published histogram, [from, to).
type DateBucketJSON struct {
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
	Count int       `json:"count"`
}

// NewSearchJSON converts the index's answer to q into its JSON.
func NewSearchJSON(q index.Query, r *index.Result) SearchJSON {
	return SearchJSON{
		Total:       r.Total,
		TotalCopies: r.Matches,
		TookMS:      float64(r.Took.Microseconds()) / 1000,
		Hits:        hitsJSON(r.Hits, q.Quotes),
		Page:        q.Page,
		Size:        q.Size,
		Facets: FacetsJSON{
			Person:    facetValues(index.FacetPerson, r.Facets[index.FacetPerson]),
			Speaker:   facetValues(index.FacetSpeaker, r.Facets[index.FacetSpeaker]),
			Country:   facetValues(index.FacetCountry, r.Facets[index.FacetCountry]),
			Topic:     facetValues(index.FacetTopic, r.Facets[index.FacetTopic]),
			Org:       facetValues(index.FacetOrg, r.Facets[index.FacetOrg]),
			Source:    facetValues(index.FacetSource, r.Facets[index.FacetSource]),
			Published: dateBuckets(r.Dates),
		},
	}
}

func hitsJSON(hs []index.Hit, quotes bool) []HitJSON {
	out := make([]HitJSON, 0, len(hs))
	for _, h := range hs {
		out = append(out, newHitJSON(h, quotes))
	}
	return out
}

func newHitJSON(h index.Hit, quote bool) HitJSON {
	return HitJSON{
		IsQuote: quote, ID: h.ID, QuoteID: h.QuoteID, Quote: h.Quote, Speaker: h.Speaker,
		SpeakerType: h.SpeakerType, Title: h.Title, URL: h.URL, Source: h.Source, Published: h.Published,
		Snippet: h.Snippet, People: h.People, Countries: h.Countries, Topics: h.Topics,
		Group: h.Group, Copies: copiesJSON(h.Copies), CopyCount: h.CopyCount, CopySources: h.CopySources,
	}
}

func copiesJSON(cs []index.Copy) []CopyJSON {
	var out []CopyJSON
	for _, c := range cs {
		out = append(out, CopyJSON{ID: c.ID, Title: c.Title, URL: c.URL, Source: c.Source, Published: c.Published.UTC()})
	}
	return out
}

func facetValues(facet string, vs []index.FacetValue) []FacetValueJSON {
	out := make([]FacetValueJSON, 0, len(vs))
	for _, v := range vs {
		out = append(out, FacetValueJSON{Value: v.Value, Label: facetLabel(facet, v), Count: v.Count})
	}
	return out
}

func dateBuckets(bs []index.DateBucket) []DateBucketJSON {
	out := make([]DateBucketJSON, 0, len(bs))
	for _, b := range bs {
		out = append(out, DateBucketJSON{From: b.From.UTC(), To: b.To.UTC(), Count: b.Count})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
