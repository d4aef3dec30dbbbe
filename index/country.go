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
