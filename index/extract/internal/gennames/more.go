package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/cuttings/cuttings/index/extract/internal/npmpkg"
)

// genderDetection is the npm package whose given-name lists (one a
// language) widen the English lists to names news meets from elsewhere:
// Jelena, Viktor, Didier, Aamir, Vivek.
const genderDetection = "gender-detection-from-name@1.11.5"

// genderDetectionIntegrity is the registry's dist.integrity of that version.
const genderDetectionIntegrity = "sha512-7li896SZlWKW5cJjCkkWPnFDahHYp7GIG/eFw2z0kvCDo7sVmRoFZqMCZHnQtK0D5X/RQaboJOEin4BxcchKRA=="

// notGivenNames are names of those lists that open the names of brands,
// clubs and places in news more often than a person's ("Aston Villa",
// "Aston Martin").
var notGivenNames = map[string]bool{"Aston": true}

var nameEntry = regexp.MustCompile(`\['([^']+)',\s*'(male|female|unisex)'\]`)

// fetchGenderDetection returns the given names that at least two of the
// package's language lists hold (a name one list alone gives is often a
// rare spelling), of four letters or more, that prose's tag dictionary does
// not know as a common word, with the gender the lists agree on.
func fetchGenderDetection(dir string) (map[string]string, error) {
	path, err := npmpkg.Pack(dir, genderDetection, genderDetectionIntegrity)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	common, err := commonWords()
	if err != nil {
		return nil, err
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	lists := map[string]map[string]bool{} // name -> languages
	genders := map[string]map[string]bool{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(h.Name, "package/names/") || !strings.HasSuffix(h.Name, ".js") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		for _, m := range nameEntry.FindAllStringSubmatch(string(b), -1) {
			n, g := m[1], m[2]
			if lists[n] == nil {
				lists[n], genders[n] = map[string]bool{}, map[string]bool{}
			}
			lists[n][h.Name] = true
			genders[n][g] = true
		}
	}
	if len(lists) == 0 {
		return nil, fmt.Errorf("no names in package/names/*.js")
	}
	// A name the French list writes with its accents ("hélène", "benoît")
	// is the name the other lists write without them: count those lists
	// for it too.
	folded := map[string]map[string]bool{}
	for n, langs := range lists {
		f := foldAccents(n)
		if folded[f] == nil {
			folded[f] = map[string]bool{}
		}
		for l := range langs {
			folded[f][l] = true
		}
	}
	outNames := map[string]string{}
	for n := range lists {
		langs := folded[foldAccents(n)]
		if len(langs) < 2 || len([]rune(n)) < 4 || !nameWord(n) || common[n] {
			continue
		}
		name := titleCase(n)
		if notGivenNames[name] {
			continue
		}
		g := "unknownGender"
		if len(genders[n]) == 1 {
			for k := range genders[n] {
				if k == "male" || k == "female" {
					g = k
				}
			}
		}
		outNames[name] = g
	}
	return outNames, nil
}

// nameWord reports letters, with at most one hyphen between them.
func nameWord(n string) bool {
	parts := strings.Split(n, "-")
	if len(parts) > 2 {
		return false
	}
	for _, p := range parts {
		if p == "" {
			return false
		}
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// foldAccents writes a name's accented Latin letters without their
// accents: "hélène" -> "helene".
func foldAccents(n string) string {
	return accentFolder.Replace(n)
}

var accentFolder = strings.NewReplacer("à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ç", "c",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o", "ù", "u", "ú", "u", "û", "u", "ü", "u", "ÿ", "y")

func titleCase(n string) string {
	parts := strings.Split(n, "-")
	for i, p := range parts {
		r := []rune(p)
		r[0] = unicode.ToUpper(r[0])
		parts[i] = string(r)
	}
	return strings.Join(parts, "-")
}

// commonWords returns the words prose's tag dictionary knows with a tag
// other than a proper noun's, lower-cased: "grace" and "will" are not
// added as names.
func commonWords() (map[string]bool, error) {
	b, err := prose.Asset("model/AveragedPerceptron/tags.gob")
	if err != nil {
		return nil, err
	}
	var dict map[string]string
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&dict); err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for w, tag := range dict {
		if tag != "NNP" && tag != "NNPS" {
			out[strings.ToLower(w)] = true
		}
	}
	return out, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
