package web

import "github.com/cuttings/cuttings/index"

// countryName is a country's English name for its ISO code, or the code
// itself when the code is unknown.
func countryName(code string) string {
	if n := index.CountryName(code); n != "" {
		return n
	}
	return code
}

// countryFlag is a country's flag emoji for its ISO code ("" if unknown).
func countryFlag(code string) string { return index.CountryFlag(code) }

// facetLabel is what pages and the API show for a facet value: a country's
// name rather than its code, the index's label otherwise.
func facetLabel(facet string, v index.FacetValue) string {
	if facet == index.FacetCountry {
		if n := index.CountryName(v.Value); n != "" {
			return n
		}
	}
	if v.Label != "" {
		return v.Label
	}
	return v.Value
}
