package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// placeMatch is what matchPlace returns, in a form cmp can print.
type placeMatch struct {
	Code string
	N    int
	Kind placeKind
}

func TestMatchPlace(t *testing.T) {
	none := placeMatch{}
	tests := []struct {
		name  string
		words string // split on spaces
		want  placeMatch
	}{
		// Names, from world-countries' common and official names.
		{"common name", "United Kingdom said", placeMatch{"GB", 2, placeCountry}},
		{"leading the is the caller's", "the United Kingdom", none},
		{"the inside a name", "Democratic Republic of the Congo", placeMatch{"CD", 5, placeCountry}},
		{"one word", "France", placeMatch{"FR", 1, placeCountry}},
		{"English common name", "Ivory Coast", placeMatch{"CI", 2, placeCountry}},
		{"South only in a full name", "South Korea", placeMatch{"KR", 2, placeCountry}},
		{"North only in a full name", "North Korea", placeMatch{"KP", 2, placeCountry}},
		{"New only in a full name", "New Zealand", placeMatch{"NZ", 2, placeCountry}},
		{"official name", "Czech Republic", placeMatch{"CZ", 2, placeCountry}},
		{"Czechia", "Czechia", placeMatch{"CZ", 1, placeCountry}},
		{"accents", "Côte d'Ivoire", placeMatch{"CI", 2, placeAlias}},
		{"accents folded, curly apostrophe", "Cote d’Ivoire", placeMatch{"CI", 2, placeAlias}},
		{"possessive inside", "People's Republic of China", placeMatch{"CN", 4, placeCountry}},
		{"possessive split off", "People 's Republic of China", placeMatch{"CN", 5, placeCountry}},
		{"possessive dropped", "People Republic of China", placeMatch{"CN", 4, placeCountry}},
		// "Jordan" is kept: it is the country's only name. A person's full
		// name ("Michael Jordan") is a longer phrase the caller classifies
		// as a whole.
		{"Jordan is the country", "Jordan", placeMatch{"JO", 1, placeCountry}},
		// "Georgia" is left out: in news it is mostly the US state.
		{"Georgia is ambiguous", "Georgia", none},
		{"Republic of Georgia", "Republic of Georgia", placeMatch{"GE", 3, placeAlias}},
		{"Georgian", "Georgian", placeMatch{"GE", 1, placeDemonym}},

		// Aliases.
		{"UK", "UK", placeMatch{"GB", 1, placeAlias}},
		{"U.K.", "U.K.", placeMatch{"GB", 1, placeAlias}},
		{"Britain", "Britain", placeMatch{"GB", 1, placeAlias}},
		{"Great Britain", "Great Britain", placeMatch{"GB", 2, placeAlias}},
		{"England", "England", placeMatch{"GB", 1, placeAlias}},
		{"Northern Ireland is not Ireland", "Northern Ireland", placeMatch{"GB", 2, placeAlias}},
		{"US", "US", placeMatch{"US", 1, placeAlias}},
		{"U.S.", "U.S. officials", placeMatch{"US", 1, placeAlias}},
		{"USA", "USA", placeMatch{"US", 1, placeAlias}},
		{"America", "America", placeMatch{"US", 1, placeAlias}},
		{"Holland", "Holland", placeMatch{"NL", 1, placeAlias}},
		{"Netherlands", "Netherlands", placeMatch{"NL", 1, placeCountry}},
		{"Burma", "Burma", placeMatch{"MM", 1, placeAlias}},
		{"DRC", "DRC", placeMatch{"CD", 1, placeAlias}},
		{"Congo means DR Congo", "Congo", placeMatch{"CD", 1, placeAlias}},
		{"Republic of Congo", "Republic of Congo", placeMatch{"CG", 3, placeAlias}},
		{"UAE", "UAE", placeMatch{"AE", 1, placeAlias}},
		{"Turkey", "Turkey", placeMatch{"TR", 1, placeAlias}},

		// Demonyms and their plurals.
		{"British", "British troops", placeMatch{"GB", 1, placeDemonym}},
		{"French", "French President", placeMatch{"FR", 1, placeDemonym}},
		{"Dutch", "Dutch", placeMatch{"NL", 1, placeDemonym}},
		{"Emirati", "Emirati", placeMatch{"AE", 1, placeDemonym}},
		{"Ukrainians", "Ukrainians", placeMatch{"UA", 1, placeDemonym}},
		{"Americans", "Americans", placeMatch{"US", 1, placeDemonym}},
		{"Britons", "Britons", placeMatch{"GB", 1, placeDemonym}},
		{"Israelis", "Israelis", placeMatch{"IL", 1, placeDemonym}},
		{"two words", "South Korean", placeMatch{"KR", 2, placeDemonym}},
		{"two-word plural", "New Zealanders", placeMatch{"NZ", 2, placeDemonym}},
		{"Swiss", "Swiss", placeMatch{"CH", 1, placeDemonym}},
		{"Congolese: the larger Congo", "Congolese", placeMatch{"CD", 1, placeDemonym}},
		{"Dominican: the larger country", "Dominican", placeMatch{"DO", 1, placeDemonym}},

		// Capitals and major cities.
		{"Paris", "Paris", placeMatch{"FR", 1, placeCity}},
		{"Kyiv", "Kyiv", placeMatch{"UA", 1, placeCity}},
		{"Kiev", "Kiev", placeMatch{"UA", 1, placeCity}},
		{"Moscow", "Moscow", placeMatch{"RU", 1, placeCity}},
		{"Washington: the US government", "Washington", placeMatch{"US", 1, placeCity}},
		{"Washington D.C.", "Washington D.C.", placeMatch{"US", 2, placeCity}},
		{"Mumbai", "Mumbai", placeMatch{"IN", 1, placeCity}},
		{"Lagos", "Lagos", placeMatch{"NG", 1, placeCity}},
		{"São Paulo", "São Paulo", placeMatch{"BR", 2, placeCity}},
		{"Sao Paulo", "Sao Paulo", placeMatch{"BR", 2, placeCity}},
		{"New York City", "New York City", placeMatch{"US", 3, placeCity}},
		{"New York", "New York", placeMatch{"US", 2, placeCity}},
		{"St Petersburg", "St Petersburg", placeMatch{"RU", 2, placeCity}},
		{"The Hague without the", "Hague", placeMatch{"NL", 1, placeCity}},
		{"Hyderabad: the bigger one", "Hyderabad", placeMatch{"IN", 1, placeCity}},
		{"Tel Aviv", "Tel Aviv", placeMatch{"IL", 2, placeCity}},

		// Seats of government.
		{"Downing Street", "Downing Street said", placeMatch{"GB", 2, placeSeat}},
		{"No 10", "No 10", placeMatch{"GB", 2, placeSeat}},
		{"Kremlin", "Kremlin", placeMatch{"RU", 1, placeSeat}},
		{"White House", "White House", placeMatch{"US", 2, placeSeat}},
		{"Élysée", "Élysée", placeMatch{"FR", 1, placeSeat}},

		// Regions hide the country names inside them.
		{"Latin America", "Latin America", placeMatch{"", 2, placeRegion}},
		{"Latin American", "Latin American leaders", placeMatch{"", 2, placeRegion}},
		{"Indian Ocean", "Indian Ocean", placeMatch{"", 2, placeRegion}},
		{"New Mexico is in the US", "New Mexico", placeMatch{"US", 2, placeAlias}},
		{"New Jersey is in the US", "New Jersey", placeMatch{"US", 2, placeAlias}},
		{"British Columbia is in Canada", "British Columbia", placeMatch{"CA", 2, placeAlias}},

		// Longest match.
		{"official US name", "United States of America", placeMatch{"US", 4, placeCountry}},
		{"US Virgin Islands", "United States Virgin Islands", placeMatch{"VI", 4, placeCountry}},
		{"Central African Republic", "Central African Republic", placeMatch{"CF", 3, placeCountry}},
		{"Benin City is in Nigeria", "Benin City", placeMatch{"NG", 2, placeCity}},
		{"Benin", "Benin", placeMatch{"BJ", 1, placeCountry}},
		{"Mexico City", "Mexico City", placeMatch{"MX", 2, placeCity}},
		{"Papua New Guinea", "Papua New Guinea", placeMatch{"PG", 3, placeCountry}},
		{"Turks and Caicos", "Turks and Caicos Islands", placeMatch{"TC", 4, placeCountry}},
		{"Turks", "Turks", placeMatch{"TR", 1, placeDemonym}},
		{"phrase longer than the words", "Democratic Republic of", none},

		// Case is as written.
		{"lower-case turkey", "turkey", none},
		{"lower-case china", "china", none},
		{"us is not US", "us", none},
		{"Us is not US", "Us", none},

		// Codes that are English words are never aliases.
		{"IN", "IN", none},
		{"IT", "IT", none},
		{"AT", "AT", none},
		{"BE", "BE", none},

		// Common words, names and shared names are not places.
		{"Reading", "Reading", none},
		{"Nice", "Nice", none},
		{"Mobile", "Mobile", none},
		{"Victoria", "Victoria", none},
		{"Florence", "Florence", none},
		{"Lincoln", "Lincoln", none},
		{"Jackson", "Jackson", none},
		{"Sofia", "Sofia", none},
		{"Phoenix", "Phoenix", none},
		{"Salvador", "Salvador", none},
		{"El Salvador", "El Salvador", placeMatch{"SV", 2, placeCountry}},
		{"Valencia: Spain or Venezuela", "Valencia", none},
		{"Male is not Malé", "Male", none},
		{"Malé", "Malé", placeMatch{"MV", 1, placeCity}},
		{"prefix alone", "North", none},
		{"New alone", "New", none},
		{"South alone", "South", none},
		{"empty word", "", none},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, n, kind := matchPlace(strings.Split(tt.words, " "))
			if diff := cmp.Diff(tt.want, placeMatch{code, n, kind}); diff != "" {
				t.Errorf("matchPlace(%q) mismatch (-want +got):\n%s", tt.words, diff)
			}
		})
	}
	t.Run("no words", func(t *testing.T) {
		if code, n, kind := matchPlace(nil); code != "" || n != 0 || kind != placeNone {
			t.Errorf("matchPlace(nil) = %q, %d, %v", code, n, kind)
		}
	})
}

func TestSeatOrganization(t *testing.T) {
	type org struct {
		Name string
		N    int
	}
	tests := []struct {
		words string
		want  org
	}{
		{"Downing Street said", org{"Downing Street", 2}},
		{"No 10", org{"Downing Street", 2}},
		{"Number 10 said", org{"Downing Street", 2}},
		{"Kremlin", org{"Kremlin", 1}},
		{"White House", org{"White House", 2}},
		{"Élysée Palace", org{"Élysée", 2}},
		{"Elysee", org{"Élysée", 1}},
		{"Westminster", org{}}, // a seat, but no one speaks as Westminster
		{"Paris", org{}},
		{"downing street", org{}},
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			name, n := seatOrganization(strings.Split(tt.words, " "))
			if diff := cmp.Diff(tt.want, org{name, n}); diff != "" {
				t.Errorf("seatOrganization(%q) mismatch (-want +got):\n%s", tt.words, diff)
			}
		})
	}
}

func TestCountryName(t *testing.T) {
	tests := []struct{ code, want string }{
		{"GB", "United Kingdom"},
		{"US", "United States"},
		{"RU", "Russia"},
		{"KR", "South Korea"},
		{"CI", "Ivory Coast"},
		{"UA", "Ukraine"},
		{"XK", "Kosovo"},
		{"gb", ""},
		{"ZZ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := CountryName(tt.code); got != tt.want {
				t.Errorf("CountryName(%q) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

func TestFlag(t *testing.T) {
	tests := []struct{ code, want string }{
		{"GB", "🇬🇧"},
		{"US", "🇺🇸"},
		{"UA", "🇺🇦"},
		{"gb", ""},
		{"ZZ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := Flag(tt.code); got != tt.want {
				t.Errorf("Flag(%q) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

// TestPlaceNamesValid checks the generated data and the seats together: every
// code is a known two-letter code, every phrase can be matched, and no
// phrase is listed twice.
func TestPlaceNamesValid(t *testing.T) {
	if len(countryNames) < 249 {
		t.Errorf("%d countries, want all of ISO 3166-1", len(countryNames))
	}
	for code, name := range countryNames {
		if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' || name == "" {
			t.Errorf("bad country %q: %q", code, name)
		}
	}
	seen := map[string]bool{}
	check := func(phrase, code string, kind placeKind) {
		if seen[phrase] {
			t.Errorf("%q listed twice", phrase)
		}
		seen[phrase] = true
		if (code == "") != (kind == placeRegion) {
			t.Errorf("%q: code %q for kind %v", phrase, code, kind)
		}
		if code != "" && countryNames[code] == "" {
			t.Errorf("%q: unknown code %q", phrase, code)
		}
		words := strings.Split(phrase, " ")
		for _, w := range words {
			if w == "" {
				t.Errorf("%q: empty word", phrase)
			}
		}
		if c := phrase[0]; 'a' <= c && c <= 'z' {
			t.Errorf("%q starts in lower case: matchPlace never looks it up", phrase)
		}
		if gotCode, n, gotKind := matchPlace(words); gotCode != code || n != len(words) || gotKind != kind {
			t.Errorf("matchPlace(%q) = %q, %d, %v; want %q, %d, %v", phrase, gotCode, n, gotKind, code, len(words), kind)
		}
	}
	for _, p := range placeNames {
		check(p.phrase, p.code, p.kind)
	}
	for _, s := range seats {
		check(s.phrase, s.code, placeSeat)
	}
}

// placeSentence is a news sentence split into words, as the extractor does.
var placeSentence = strings.Fields(`The Prime Minister told reporters in Downing Street on Tuesday that
British and French troops could be deployed to Ukraine once a ceasefire is agreed , adding
that the United States had been " fully briefed " and that the Kremlin was watching . Officials
in Kyiv said Ukrainians wanted guarantees from Washington , and a spokesman for the Élysée
said President Emmanuel Macron would travel to Paris and then to New York City next week`)

func TestMatchPlaceAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		for i := range placeSentence {
			matchPlace(placeSentence[i:])
		}
	})
	if allocs != 0 {
		t.Errorf("matchPlace allocates %.1f times per sentence, want 0", allocs)
	}
}

func BenchmarkMatchPlace(b *testing.B) {
	for b.Loop() {
		for i := range placeSentence {
			matchPlace(placeSentence[i:])
		}
	}
	b.ReportMetric(float64(b.N*len(placeSentence))/b.Elapsed().Seconds(), "words/s")
}
