package index

import (
	"slices"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
)

// Facet sizes: how many values of each facet a Result lists, and how many
// years the histogram can show.
const (
	facetSize = 15
	maxYears  = 1000
)

// Facets are counted by Bleve during the search, from doc values, at a few
// microseconds per matching document for all facets together. These two
// functions are all that knows how: a faster counter (per segment from doc
// values, or cached match-all counts per index generation) replaces them.

// facetRequests asks for every facet and the year histogram.
func facetRequests() bleve.FacetsRequest {
	fr := make(bleve.FacetsRequest, len(facetFields)+1)
	for name, field := range facetFields {
		fr[name] = bleve.NewFacetRequest(field, facetSize)
	}
	// The histogram counts a year keyword rather than date ranges: it
	// needs no range list chosen in advance and lists only years that
	// have documents.
	fr[FacetPublished] = bleve.NewFacetRequest(fieldYear, maxYears)
	return fr
}

// readFacets turns Bleve's facet results into ours: values most frequent
// first (ties by value), years oldest first.
func readFacets(res search.FacetResults) (map[string][]FacetValue, []DateBucket) {
	facets := make(map[string][]FacetValue, len(facetFields))
	for name := range facetFields {
		var values []FacetValue
		if fr := res[name]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				label := t.Term
				if name == FacetCountry {
					label = countryLabel(t.Term)
				}
				values = append(values, FacetValue{Value: t.Term, Label: label, Count: t.Count})
			}
		}
		facets[name] = values
	}
	var dates []DateBucket
	if fr := res[FacetPublished]; fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			y, err := strconv.Atoi(t.Term)
			if err != nil {
				continue
			}
			from := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
			dates = append(dates, DateBucket{From: from, To: from.AddDate(1, 0, 0), Count: t.Count})
		}
	}
	slices.SortFunc(dates, func(a, b DateBucket) int { return a.From.Compare(b.From) })
	return facets, dates
}
