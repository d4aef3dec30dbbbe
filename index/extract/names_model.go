package extract

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
)

// The name model types a capitalised mention as a person, an organisation,
// a place or none of these from the words in and around it. The hand rules
// of findMentions and typeByContext decide most names; the model decides
// the ones they leave open (entMaybe) and checks lone names that a verb
// made people ("Verdantix said"). Its weights are fitted by `cuttings train
// names` on the GUM corpus (MODEL.md) and embedded here.

// nameClass is what the model can call a mention.
type nameClass int

const (
	classPerson nameClass = iota
	classOrg
	classPlace
	classOther
	numClasses
)

var classNames = [numClasses]string{"person", "organization", "place", "other"}

// namesModel holds one weight a class for each feature.
type namesModel struct {
	Classes  []string                       `json:"classes"`
	Groups   []string                       `json:"groups"` // feature groups used in training
	Weights  map[string][numClasses]float64 `json:"weights"`
	Trained  string                         `json:"trained"` // what it was fitted on
	groupSet map[string]bool
}

//go:embed names.model.json
var namesModelJSON []byte

var (
	namesOnce   sync.Once
	loadedNames *namesModel
)

// loadedNamesModel parses the embedded weights once; a missing or broken
// file leaves the hand rules alone (nil).
func loadedNamesModel() *namesModel {
	namesOnce.Do(func() {
		var m namesModel
		if len(namesModelJSON) == 0 || json.Unmarshal(namesModelJSON, &m) != nil || len(m.Weights) == 0 {
			return
		}
		m.groupSet = setOf(m.Groups...)
		loadedNames = &m
	})
	return loadedNames
}

// featureGroups are the kinds of evidence the model reads; training can
// leave any out to measure what it adds.
var featureGroups = []string{"rule", "word", "shape", "gazetteer", "context", "document"}

// nameFeatures lists the features of mention m, each prefixed by its group
// letter, only of the groups in use.
func (a *article) nameFeatures(m *mention, use map[string]bool, vocab map[string]bool, out []string) []string {
	words := m.words
	if m.nameFrom > m.from && m.nameFrom < m.to && m.kind != entOrg {
		// the name proper, after its title, as written
		words = words[:0:0]
		for k := m.nameFrom; k < m.to; k++ {
			w, _ := stripPossessive(a.toks[k].text)
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return out
	}
	n := len(words)
	first, last := words[0], words[n-1]
	out = append(out, "bias")
	if use["rule"] {
		out = append(out, "r:kind="+kindName(m.kind))
		if m.honorific {
			out = append(out, "r:honorific")
		}
		if m.role != "" {
			out = append(out, "r:role")
		}
	}
	if use["word"] {
		for i, w := range words {
			lw := strings.ToLower(w)
			switch {
			case i == 0 && n == 1:
				out = append(out, "w:only="+lw)
			case i == 0:
				out = append(out, "w:first="+lw)
			case i == n-1:
				out = append(out, "w:last="+lw)
			default:
				out = append(out, "w:mid="+lw)
			}
		}
		// Letters that mark a name's language more than its meaning:
		// "-ova", "-ek", "-ski", "Mc-".
		for i, w := range words {
			lw := []rune(strings.ToLower(w))
			pos := "l"
			if i == 0 && n > 1 {
				pos = "f"
			}
			if len(lw) > 3 {
				out = append(out, "w:"+pos+"suf3="+string(lw[len(lw)-3:]), "w:"+pos+"suf2="+string(lw[len(lw)-2:]), "w:"+pos+"pre3="+string(lw[:3]))
			}
		}
	}
	if use["shape"] {
		out = append(out, "s:len="+lenBucket(n))
		out = append(out, "s:last="+wordShape(last))
		if n > 1 {
			out = append(out, "s:first="+wordShape(first))
		}
		if hasParticle(words) {
			out = append(out, "s:particle")
		}
		if m.possessive {
			out = append(out, "s:possessive")
		}
		if hasConnector(words) {
			out = append(out, "s:connector")
		}
	}
	if use["gazetteer"] {
		if isFirstName(first) {
			out = append(out, "g:firstname", "g:firstname+len="+lenBucket(n))
		}
		if n > 1 && isFirstName(last) {
			out = append(out, "g:lastfirstname")
		}
		if _, k, kind := matchPlace(words); k == n {
			out = append(out, "g:place="+kind.String())
		} else if k > 0 {
			out = append(out, "g:placestart")
		}
		if n > 1 {
			if _, k, _ := matchPlace(words[n-1:]); k == 1 {
				out = append(out, "g:placelast")
			}
		}
		if containsOrgHead(words) {
			out = append(out, "g:orghead")
		}
		if orgHeads[last] {
			out = append(out, "g:orgheadlast")
		}
		if knownOrgs[strings.Join(words, " ")] != "" {
			out = append(out, "g:knownorg")
		}
		if hasTitle(words) {
			out = append(out, "g:title")
		}
		if vocab[strings.ToLower(last)] {
			out = append(out, "g:lastlower") // the article writes it in lower case too
		}
		if !sentenceInitialIsName(first) {
			out = append(out, "g:commonword")
		}
		if a.midCap[last] {
			out = append(out, "g:midcap")
		}
	}
	if use["context"] {
		out = append(out, "c:p1="+a.ctxWord(m.from-1), "c:n1="+a.ctxWord(m.to))
		out = append(out, "c:p2="+a.ctxWord(m.from-2)+"_"+a.ctxWord(m.from-1), "c:n2="+a.ctxWord(m.to)+"_"+a.ctxWord(m.to+1))
		if a.toks[m.from].sentStart {
			out = append(out, "c:sentstart")
		}
		if m.to < len(a.toks) && cueVerbs[a.toks[m.to].text] {
			out = append(out, "c:cueafter")
		}
		if m.from > 0 && prepositions[lower(a.toks[m.from-1].text)] {
			out = append(out, "c:prepbefore")
		}
		if a.fillsQuote(m) {
			out = append(out, "c:fillsquote")
		}
	}
	if use["document"] {
		// What the rest of the article says of these words: a lone last
		// word elsewhere, a title or honorific before it elsewhere.
		alone, titled, inLonger := false, false, false
		for i := range a.mentions {
			o := &a.mentions[i]
			if o == m || len(o.words) == 0 {
				continue
			}
			if len(o.words) == 1 && o.words[0] == last {
				alone = true
				if o.honorific || o.role != "" {
					titled = true
				}
			}
			if len(o.words) > n && o.words[len(o.words)-1] == last {
				inLonger = true
			}
		}
		if alone {
			out = append(out, "d:alone")
		}
		if titled {
			out = append(out, "d:titled")
		}
		if inLonger {
			out = append(out, "d:inlonger")
		}
	}
	return out
}

// ctxWord is the normal form of the token at k for context features: a
// lower-case word, or its shape for a capitalised one, or punctuation.
func (a *article) ctxWord(k int) string {
	if k < 0 || k >= len(a.toks) {
		return "<>"
	}
	t := a.toks[k]
	if t.kind != tokWord {
		return t.text
	}
	if t.capital {
		return "Cap"
	}
	if isNumber(t.text) {
		return "0"
	}
	return t.text
}

func kindName(k entKind) string {
	switch k {
	case entPerson:
		return "person"
	case entOrg:
		return "org"
	case entPlace:
		return "place"
	case entRole:
		return "role"
	case entMaybe:
		return "maybe"
	}
	return "none"
}

func lenBucket(n int) string {
	if n > 4 {
		return "5+"
	}
	return string(rune('0' + n))
}

// wordShape sketches a word: Xx, X (all capitals), X. (initial), Xx-Xx,
// x (lower), 0 (digits), a mixture otherwise.
func wordShape(w string) string {
	upper, lowerN, digit, other := 0, 0, 0, 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lowerN++
		case r >= '0' && r <= '9':
			digit++
		default:
			if r > 127 && strings.ToUpper(string(r)) == string(r) {
				upper++
			} else if r > 127 {
				lowerN++
			} else {
				other++
			}
		}
	}
	switch {
	case digit > 0:
		return "0"
	case strings.HasSuffix(w, ".") && upper == 1 && lowerN == 0:
		return "X."
	case strings.Contains(w, "-"):
		return "Xx-Xx"
	case upper > 1 && lowerN == 0:
		return "X"
	case upper > 1:
		return "XxX"
	case upper == 1 && lowerN > 0 && other == 0:
		return "Xx"
	}
	return "?"
}

// scores adds up the weights of the features.
func (nm *namesModel) scores(feats []string) [numClasses]float64 {
	var s [numClasses]float64
	for _, f := range feats {
		if w, ok := nm.Weights[f]; ok {
			for c := range s {
				s[c] += w[c]
			}
		}
	}
	return s
}

// predict returns the best class and its margin over the second best.
func predict(s [numClasses]float64) (nameClass, float64) {
	best, second := classPerson, classOrg
	if s[second] > s[best] {
		best, second = second, best
	}
	for c := classPlace; c < numClasses; c++ {
		if s[c] > s[best] {
			best, second = c, best
		} else if s[c] > s[second] {
			second = c
		}
	}
	return best, s[best] - s[second]
}

// typeByModel asks the name model about the mentions the hand rules left
// open.
func (a *article) typeByModel() {
	nm := loadedNamesModel()
	if nm == nil {
		return
	}
	var feats []string
	var vocab map[string]bool // made only for an article with open mentions
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entMaybe || len(m.words) < 2 {
			// A lone word stays open: coreference joins it to a full
			// name ("Montalvo" to Joe Montalvo) or leaves it.
			continue
		}
		if vocab == nil {
			vocab = lowerVocab(a.toks)
		}
		feats = a.nameFeatures(m, nm.groupSet, vocab, feats[:0])
		// Only a promotion: the model's "other" or "place" leaves a name
		// open, for coreference may still make a person of it ("Pep
		// Guardiola's side … Guardiola said"), and GUM, mostly not news,
		// is weakest at telling names from things.
		c, margin := predict(nm.scores(feats))
		if margin < namesMargin {
			continue
		}
		switch c {
		case classPerson:
			if hasTitle(m.words) || nameParticles[strings.ToLower(m.words[0])] && m.words[0] != "Al" || lowerAfterHyphen(m.words) {
				// "Mr. President": the rules turned down a title as a
				// name, what is left is a form of address; "La Matanza"
				// opens with an article, not a first name; "Laki-laki"
				// is no double-barrelled name (those are "Lewis-Francis").
				continue
			}
			m.kind = entPerson
		case classOrg:
			m.kind = entOrg
		}
	}
}

// namesMargin is how far the model's best class must lead the next, in
// log-odds, before it types an open name (a probability about 1.6 times
// the runner-up's): chosen on the nine dev sets among 0.5, 1 and 2
// (MODEL.md, session 25).
const namesMargin = 0.5

// qualifierRoles qualify a title without being one: "Former Eastbourne
// champion" makes no person of Eastbourne.
var qualifierRoles = setOf("former", "acting", "shadow", "ex", "deputy")

// loneNameIsPerson reports whether a person known by one word only is
// one: a mention gives it an honorific or a title ("Mr Pike", "Lord
// Amberley"), a role noun in lower case stands right before it ("coach
// Ferraz"), or it is a first name ("Alan"). News names a person in full
// at least once; a lone word that only speaks is more often a company, a
// band or a word opening a headline.
func (a *article) loneNameIsPerson(e *entity, vocab map[string]bool) bool {
	w := e.words[0]
	if isFirstName(w) {
		return true
	}
	if knownOrgs[w] != "" {
		return false
	}
	// After a title a common word is no surname: "the next General
	// Election", "General Motors".
	common := vocab[strings.ToLower(w)] || !sentenceInitialIsName(w)
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.ent != e {
			continue
		}
		if m.honorific || m.role != "" && !common && !qualifierRoles[m.role] {
			return true
		}
		if m.from > 0 && !common && a.toks[m.from-1].kind == tokWord && !a.toks[m.from-1].capital && roleHeads[a.toks[m.from-1].text] != "" {
			return true // "coach Ferraz", "striker Deivson"
		}
	}
	return false
}

// lowerAfterHyphen reports a word with a lower-case letter after a hyphen:
// "Laki-laki", "Guinea-bissau".
func lowerAfterHyphen(words []string) bool {
	for _, w := range words {
		if i := strings.IndexByte(w, '-'); i > 0 && i+1 < len(w) && w[i+1] >= 'a' && w[i+1] <= 'z' {
			return true
		}
	}
	return false
}
