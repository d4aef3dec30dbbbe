package main

import (
	"strings"
	"unicode"
)

// foldTable maps accented Latin letters to the ASCII letter English news
// often writes instead ("São Paulo" -> "Sao Paulo"). It covers Latin-1 and
// Latin Extended-A and the few letters of Latin Extended Additional that the
// data uses; a name with any other non-ASCII letter gets no folded variant.
var foldTable = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE"}
	for _, g := range []struct{ from, to string }{
		{"àáâãäåāăąạảấầẩẫậắằẳẵặ", "a"}, {"ÀÁÂÃÄÅĀĂĄẠ", "A"},
		{"çćĉċč", "c"}, {"ÇĆĈĊČ", "C"},
		{"ďđḍ", "d"}, {"ĎĐḌ", "D"},
		{"èéêëēĕėęěẹẻẽếềểễệ", "e"}, {"ÈÉÊËĒĔĖĘĚẸ", "E"},
		{"ĝğġģ", "g"}, {"ĜĞĠĢ", "G"},
		{"ĥħḥḩ", "h"}, {"ĤĦḤḨ", "H"},
		{"ìíîïĩīĭįıịỉ", "i"}, {"ÌÍÎÏĨĪĬĮİỊ", "I"},
		{"ĵ", "j"}, {"Ĵ", "J"},
		{"ķ", "k"}, {"Ķ", "K"},
		{"ĺļľŀł", "l"}, {"ĹĻĽĿŁ", "L"},
		{"ñńņňṇ", "n"}, {"ÑŃŅŇṆ", "N"},
		{"òóôõöøōŏőọỏốồổỗộớờởỡợơ", "o"}, {"ÒÓÔÕÖØŌŎŐỌƠ", "O"},
		{"ṗ", "p"}, {"Ṗ", "P"},
		{"ŕŗř", "r"}, {"ŔŖŘ", "R"},
		{"śŝşšșṣ", "s"}, {"ŚŜŞŠȘṢ", "S"},
		{"ţťŧțṭ", "t"}, {"ŢŤŦȚṬ", "T"},
		{"ùúûüũūŭůűųụủứừửữựư", "u"}, {"ÙÚÛÜŨŪŬŮŰŲỤƯ", "U"},
		{"ŵ", "w"}, {"Ŵ", "W"},
		{"ýÿŷỳỵỷỹ", "y"}, {"ÝŶŸỲ", "Y"},
		{"źżžẓ", "z"}, {"ŹŻŽẒ", "Z"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// fold returns s with its accented letters replaced by ASCII ones, and false
// if s has a non-ASCII letter the table does not know.
func fold(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case foldTable[r] != "":
			b.WriteString(foldTable[r])
		case unicode.IsLetter(r):
			return s, false
		default:
			b.WriteRune(r) // curly apostrophes and the like stay
		}
	}
	return b.String(), true
}

// latinOnly reports whether every letter of s is in the Latin script: the
// other scripts' altSpellings (Cyrillic, Arabic, Han...) never occur in
// English prose.
func latinOnly(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// codeLike reports whether s is an all-capital abbreviation ("GB", "RSA").
func codeLike(s string) bool {
	for _, r := range s {
		if !('A' <= r && r <= 'Z') {
			return false
		}
	}
	return len(s) >= 2
}

// plural returns the plural of a demonym used as a noun for people
// ("Ukrainian" -> "Ukrainians"), or "" where English uses the adjective
// ("the French", "the Swiss", "the Chinese").
func plural(d string) string {
	for _, suffix := range []string{"ese", "ss", "sh", "ch", "x", "z", "y", "s", "ic"} {
		if strings.HasSuffix(d, suffix) {
			return ""
		}
	}
	return d + "s"
}

// splitDemonym splits world-countries' combined demonyms ("Bosnian,
// Herzegovinian", "Kittitian or Nevisian").
func splitDemonym(d string) []string {
	var out []string
	for _, part := range strings.Split(d, ",") {
		for _, p := range strings.Split(part, " or ") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// variants returns the forms of a name that news writes: the name itself,
// "St"/"St." for "Saint" and back, unaccented, with straight or curly
// apostrophes, and possessives split the way the extractor's tokenizer
// splits them ("People's" also as "People" "'s" and as "People").
func variants(name string) []string {
	forms := []string{name}
	expand := func(f func(string) []string) {
		for _, s := range forms[:len(forms):len(forms)] {
			for _, t := range f(s) {
				forms = appendNew(forms, t)
			}
		}
	}
	expand(saintForms)
	expand(func(s string) []string {
		if t, ok := fold(s); ok && t != s {
			return []string{t}
		}
		return nil
	})
	expand(func(s string) []string {
		switch {
		case strings.Contains(s, "'"):
			return []string{strings.ReplaceAll(s, "'", "’")}
		case strings.Contains(s, "’"):
			return []string{strings.ReplaceAll(s, "’", "'")}
		}
		return nil
	})
	expand(possessiveForms)
	return forms
}

func appendNew(forms []string, s string) []string {
	for _, f := range forms {
		if f == s {
			return forms
		}
	}
	return append(forms, s)
}

// saintForms writes "Saint", "St" and "St." for one another.
func saintForms(s string) []string {
	words := strings.Split(s, " ")
	var out []string
	for i, w := range words {
		if w != "Saint" && w != "St" && w != "St." {
			continue
		}
		for _, alt := range []string{"Saint", "St", "St."} {
			if alt != w {
				ws := append([]string(nil), words...)
				ws[i] = alt
				out = append(out, strings.Join(ws, " "))
			}
		}
	}
	return out
}

// possessiveForms splits an inner possessive word ("People's Republic").
func possessiveForms(s string) []string {
	words := strings.Split(s, " ")
	var out []string
	for i, w := range words[:len(words)-1] {
		for _, suffix := range []string{"'s", "’s"} {
			// A stem of one or two letters is a particle, not a possessive
			// ("Ra’s Bayrūt", a district of Beirut).
			stem, ok := strings.CutSuffix(w, suffix)
			if !ok || letters(stem) < 3 {
				continue
			}
			split := append(append(append([]string(nil), words[:i]...), stem, suffix), words[i+1:]...)
			dropped := append(append(append([]string(nil), words[:i]...), stem), words[i+1:]...)
			out = append(out, strings.Join(split, " "), strings.Join(dropped, " "))
		}
	}
	return out
}
