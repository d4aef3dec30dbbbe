package extract

import (
	"sort"
	"strings"
)

// The country gazetteer: countries_gen.go lists the phrases that name a
// country (names, aliases, demonyms, capitals and major cities), generated
// from maintained packages; seats below adds the seats of government that
// news uses for a government. DATA.md says where every piece comes from.
//
//go:generate go run ./internal/gencountries -o countries_gen.go

// placeKind says how a phrase names a country.
type placeKind uint8

const (
	placeNone    placeKind = iota // no match
	placeCountry                  // a name: "United Kingdom", "Republic of Korea"
	placeAlias                    // another name: "UK", "Britain", "Burma"
	placeDemonym                  // "British", "Ukrainians"
	placeCity                     // a capital or major city: "Kyiv", "Mumbai"
	placeSeat                     // a seat of government: "Downing Street", "Kremlin"
	placeRegion                   // a region containing a country's name, naming none: "Latin America"
	placeState                    // a state of a federation: "Ohio", "North Carolina"
)

func (k placeKind) String() string {
	switch k {
	case placeCountry:
		return "country"
	case placeAlias:
		return "alias"
	case placeDemonym:
		return "demonym"
	case placeCity:
		return "city"
	case placeSeat:
		return "seat"
	case placeRegion:
		return "region"
	case placeState:
		return "state"
	}
	return "none"
}

// placeName is one phrase of the gazetteer as countries_gen.go lists it:
// words separated by single spaces, exactly as written in prose.
type placeName struct {
	phrase string
	code   string // ISO 3166-1 alpha-2; empty for a region
	kind   placeKind
}

// seat is a seat of government that stands for a country, and for the
// organisation speaking from it where news uses it so ("Downing Street
// said").
type seat struct {
	phrase string
	code   string
	org    string // canonical organisation name, or empty
}

// seats are hand-listed (general knowledge) and kept to unambiguous ones:
// "the Chancellery" or "the Palace" name no one country. A leading "the" is
// not written here: the caller skips it.
var seats = []seat{
	{"Downing Street", "GB", "Downing Street"},
	{"Number 10", "GB", "Downing Street"},
	{"No 10", "GB", "Downing Street"},
	{"No. 10", "GB", "Downing Street"},
	{"Whitehall", "GB", "Whitehall"},
	{"Westminster", "GB", ""},
	{"Kremlin", "RU", "Kremlin"},
	{"White House", "US", "White House"},
	{"Pentagon", "US", "Pentagon"},
	{"Capitol Hill", "US", ""},
	{"Foggy Bottom", "US", ""},
	{"Élysée", "FR", "Élysée"},
	{"Élysée Palace", "FR", "Élysée"},
	{"Elysee", "FR", "Élysée"},
	{"Elysee Palace", "FR", "Élysée"},
	{"Quai d'Orsay", "FR", ""},
	{"Quai d’Orsay", "FR", ""},
	{"Zhongnanhai", "CN", ""},
	{"Bankova", "UA", ""},
	{"Palazzo Chigi", "IT", ""},
	{"Moncloa", "ES", ""},
	{"Casa Rosada", "AR", "Casa Rosada"},
}

// states are the states of the United States (general knowledge), which
// news names without the country: "Ohio Gov. John Kasich", "in North
// Carolina". Georgia is left out: it is also a country, and in news mostly
// the state, so neither is safe; Washington already means the US.
var states = []string{
	"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
	"Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
	"Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
	"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
	"Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
	"Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
}

// provinces are Canada's provinces and territories, which Canadian news
// names without the country, as US news its states.
var provinces = []string{
	"Ontario", "Quebec", "Québec", "Nova Scotia", "New Brunswick", "Manitoba", "British Columbia", "Prince Edward Island",
	"Saskatchewan", "Alberta", "Newfoundland and Labrador", "Newfoundland", "Yukon", "Northwest Territories", "Nunavut",
}

// placeCandidate is one phrase as the index holds it: the words after the
// first, which is the index key.
type placeCandidate struct {
	rest []string
	code string
	kind placeKind
	org  string
}

// placeIndex maps the first word of every phrase to its candidates, longest
// first. It is built once and only read afterwards.
var placeIndex = buildPlaceIndex(placeNames, seats)

func buildPlaceIndex(names []placeName, seats []seat) map[string][]placeCandidate {
	index := map[string][]placeCandidate{}
	add := func(phrase, code string, kind placeKind, org string) {
		words := strings.Split(phrase, " ")
		index[words[0]] = append(index[words[0]], placeCandidate{rest: words[1:], code: code, kind: kind, org: org})
	}
	for _, n := range names {
		add(n.phrase, n.code, n.kind, "")
	}
	for _, s := range seats {
		add(s.phrase, s.code, placeSeat, s.org)
	}
	for _, s := range states {
		if len(index[strings.Split(s, " ")[0]]) == 0 || !hasPhrase(index, s) {
			add(s, "US", placeState, "")
		}
	}
	for _, s := range provinces {
		if !hasPhrase(index, s) {
			add(s, "CA", placeState, "")
		}
	}
	for _, cs := range index {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].rest) > len(cs[j].rest) })
	}
	return index
}

func hasPhrase(index map[string][]placeCandidate, phrase string) bool {
	words := strings.Split(phrase, " ")
	for _, c := range index[words[0]] {
		if strings.Join(c.rest, " ") == strings.Join(words[1:], " ") {
			return true
		}
	}
	return false
}

// lookupPlace returns the longest phrase starting at words[0], or nil.
func lookupPlace(words []string) *placeCandidate {
	if len(words) == 0 || words[0] == "" {
		return nil
	}
	// Most words are lower case and no phrase starts with a lower-case
	// ASCII letter: skip the map for them.
	if c := words[0][0]; 'a' <= c && c <= 'z' {
		return nil
	}
	cs := placeIndex[words[0]]
	for i := range cs {
		c := &cs[i]
		if len(c.rest) >= len(words) {
			continue
		}
		match := true
		for j, w := range c.rest {
			if words[j+1] != w {
				match = false
				break
			}
		}
		if match {
			return c
		}
	}
	return nil
}

// matchPlace looks for the longest place name starting at words[0]. words
// are consecutive word tokens exactly as written: matching is case-sensitive
// ("Turkey" matches, "turkey" does not; "US" matches, "us" does not) and a
// leading "the" is not part of any name, so the caller skips it. It returns
// the ISO 3166-1 alpha-2 code, how many words matched (0 = none) and how the
// phrase names the country.
//
// A region that contains a country's name but names no single country
// ("Latin America", "Indian Ocean") matches with an empty code, so that the
// caller skips its words instead of finding "America" inside it.
func matchPlace(words []string) (code string, n int, kind placeKind) {
	c := lookupPlace(words)
	if c == nil {
		return "", 0, placeNone
	}
	return c.code, len(c.rest) + 1, c.kind
}

// seatOrganization reports whether words start with a seat of government
// that news also uses as an organisation speaking ("Downing Street said",
// "the Kremlin said"): it returns the organisation's canonical name ("No 10"
// -> "Downing Street") and how many words matched, or "", 0.
func seatOrganization(words []string) (name string, n int) {
	c := lookupPlace(words)
	if c == nil || c.org == "" {
		return "", 0
	}
	return c.org, len(c.rest) + 1
}

// CountryName returns the common English name for an ISO 3166-1 alpha-2
// code ("GB" -> "United Kingdom"), or "" if the code is unknown.
func CountryName(code string) string {
	return countryNames[code]
}

// Flag returns the flag emoji for an ISO 3166-1 alpha-2 code ("GB" -> "🇬🇧"),
// or "" if the code is unknown.
func Flag(code string) string {
	if countryNames[code] == "" {
		return ""
	}
	// A flag is the code's two letters as regional indicator symbols.
	const regionalA = 0x1F1E6
	return string([]rune{regionalA + rune(code[0]-'A'), regionalA + rune(code[1]-'A')})
}
