package index

import "github.com/cuttings/cuttings/index/extract"

// countryLabel is what a page shows for a country code: its name, or the
// code itself when the code is unknown.
func countryLabel(code string) string {
	if name := extract.CountryName(code); name != "" {
		return name
	}
	return code
}

// CountryName returns the common English name of an ISO 3166-1 alpha-2
// code ("GB" -> "United Kingdom"), or "" if the code is unknown: the names
// the extractor files countries under.
func CountryName(code string) string { return extract.CountryName(code) }

// CountryFlag returns the flag emoji of an ISO 3166-1 alpha-2 code, or ""
// if the code is unknown.
func CountryFlag(code string) string { return extract.Flag(code) }
