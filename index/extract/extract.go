// Package extract reads an article and finds the people, organisations and
// countries it mentions, its topics, and every direct quotation with its
// speaker. It is pure: no I/O, no mutable globals, deterministic output.
//
// The steps run in one visible sequence in Extract: paragraphs, quotation
// marks, tokens and sentences, capitalised mentions, coreference of people
// and organisations, attribution of each quotation, countries and topics.
package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cuttings/cuttings/store"
)

// Version changes whenever Extract's output for some article may change, so
// that an index built by an older extractor can be found and rebuilt.
const Version = 1

// Extract reads one article.
func Extract(a store.Article) Enrichment {
	e := Enrichment{ID: a.ID, People: []Person{}, Organizations: []Organization{}, Countries: []Country{}, Topics: []Topic{}, Quotes: []Quote{}}
	body := a.Body
	if !utf8.ValidString(body) {
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	art := &article{body: body}
	art.paras = splitParagraphs(body)
	marks := make(map[int]int)
	art.spans = findQuotes(body, art.paras, marks)
	art.toks = tokenize(body, art.paras, marks, make([]token, 0, len(body)/5))
	for _, sp := range art.spans {
		if i := art.tokenIndex(sp.open); i < len(art.toks) && art.toks[i].start == sp.open {
			art.toks[i].quoteOpen = true
		}
	}
	vocab := lowerVocab(art.toks)
	art.mentions = findMentions(art.toks, vocab)
	art.byTok = make([]int32, len(art.toks))
	for i := range art.mentions {
		for k := art.mentions[i].from; k < art.mentions[i].to; k++ {
			art.byTok[k] = int32(i + 1)
		}
	}
	art.promoteSpeakers()
	art.typeByApposition()
	art.resolveEntities(vocab)
	art.computeFocus()
	quotes := art.attributeQuotes()
	e.Quotes = quotes
	e.People, e.Organizations = art.entityLists()
	e.Countries = art.countries()
	e.Topics = classifyTopics(a.Title, body)
	return e
}

// acronymOf reports whether acr is made of the initials of the capitalised
// words of name (function words skipped): CNSA, OCHA, WHO.
func acronymOf(acr string, name []string) bool {
	var b strings.Builder
	for _, w := range name {
		if r, _ := utf8.DecodeRuneInString(w); isUpperRune(r) {
			b.WriteRune(r)
		}
	}
	s := b.String()
	return s == acr || strings.HasPrefix(s, "U") && s[1:] == acr // "UN Office for …" is OCHA too
}

// middleName returns the one person whose name has w as an inner word.
func middleName(ents []*entity, w string) *entity {
	var found *entity
	for _, e := range ents {
		if e.kind != entPerson || len(e.words) < 3 {
			continue
		}
		for _, x := range e.words[1 : len(e.words)-1] {
			if x == w {
				if found != nil && found != e {
					return nil
				}
				found = e
			}
		}
	}
	return found
}

// promoteSpeakers makes an unknown capitalised name a person when it is the
// subject of a reporting verb ("Rubio said", "said Smith"): things and
// places rarely say anything.
func (a *article) promoteSpeakers() {
	for k, t := range a.toks {
		if t.kind != tokWord || t.capital || !cueVerbs[t.text] {
			continue
		}
		i := k - 1
		for i >= 0 && a.toks[i].kind == tokWord && softWords[a.toks[i].text] {
			i--
		}
		if i >= 0 && a.toks[i].text == "," {
			// "The developer, Pennine Leisure, said" / "Kasia Wróbel, a
			// volunteer with the network, said".
			// Walk back over appositions ("Arnaud Rousseau, president of the
			// FNSEA, the largest farm union, said") to a name that is not
			// the object of a preposition.
			if i > 0 && a.byTok[i-1] > 0 && a.mentions[a.byTok[i-1]-1].from > 0 && a.toks[a.mentions[a.byTok[i-1]-1].from-1].text == "," {
				i--
			} else {
				c := i
				for level := 0; level < 3; level++ {
					prev := -1
					for j := c - 1; j >= 0 && j > c-25 && !a.toks[j+1].sentStart; j-- {
						if a.toks[j].text == "," {
							prev = j
							break
						}
					}
					if prev < 1 {
						break
					}
					i, c = prev-1, prev
					if n := a.byTok[i]; n > 0 && !a.objectOfPreposition(&a.mentions[n-1]) {
						break
					}
				}
			}
		}
		if i >= 0 && a.byTok[i] > 0 {
			if m := &a.mentions[a.byTok[i]-1]; m.from == 0 || !prepositions[lower(a.toks[m.from-1].text)] {
				// Not "Gov. John Kasich of Ohio, who …, said".
				a.promote(m, i)
			}
		}
		if invertibleCues[t.text] && k+1 < len(a.toks) && a.byTok[k+1] > 0 && k > 0 && (a.toks[k-1].kind == tokQuote || a.toks[k-1].text == ",") {
			m := &a.mentions[a.byTok[k+1]-1]
			if m.from == k+1 {
				a.promote(m, m.to-1)
			}
		}
	}
}

func (a *article) promote(m *mention, last int) {
	if m.kind != entMaybe || last != m.to-1 || len(m.words) > 4 || a.fillsQuote(m) {
		return
	}
	for _, w := range m.words {
		if notNameWords[w] || stopwords[lower(w)] || partyTag(w) {
			return
		}
	}
	if len(m.words) == 1 && a.toks[m.from].sentStart && strings.HasSuffix(m.words[0], "s") {
		return // "Scientists say": a plural noun that opens a sentence
	}
	if len(m.words) == 1 && !sentenceInitialIsName(m.words[0]) {
		return // "People", "Officials": common words in prose's dictionary
	}
	m.kind = entPerson
	if orgLike(m.words) {
		m.kind = entOrg
		return
	}
	if a.appositionNoun(m, isOrgNoun) {
		m.kind = entOrg
	}
}

// fillsQuote reports a name that is all of a quotation: a "Sky High"
// reception names an event, not a person.
func (a *article) fillsQuote(m *mention) bool {
	return m.from > 0 && a.toks[m.from-1].quoteOpen && m.to < len(a.toks) && a.toks[m.to].kind == tokQuote
}

// objectOfPreposition reports a mention after "of", "for", "at" (with an
// optional "the"): "president of the FNSEA".
func (a *article) objectOfPreposition(m *mention) bool {
	k := m.from - 1
	if k >= 0 && lower(a.toks[k].text) == "the" {
		k--
	}
	return k >= 0 && prepositions[lower(a.toks[k].text)]
}

// partyTag reports a party-and-state tag such as R-Ky or D-N.
func partyTag(w string) bool {
	return len(w) >= 3 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-'
}

// orgLike reports a name that is an organisation's, not a person's: an
// acronym (CNSA), a known body's name first (Greenpeace Brasil), or a place
// inside it (Virgin Australia, NHS England).
func orgLike(words []string) bool {
	for i, w := range words {
		if len(w) >= 2 && strings.ToUpper(w) == w && !strings.Contains(w, ".") {
			return true
		}
		if _, n, _ := matchPlace(words[i:]); n > 0 && (i > 0 || len(words) == 1) {
			return true
		}
	}
	for _, w := range words {
		if _, known := knownOrgs[w]; known {
			return true // "Greenpeace Brasil", "Iowa Democrats"
		}
	}
	return false
}

func isOrgNoun(w string) bool { _, ok := genericOrgHeads[w]; return ok }

func isPersonNoun(w string) bool { _, ok := roleHeads[w]; return ok || personNouns[w] }

// appositionNoun reports whether the name stands in apposition to a noun
// that is accepted: "the developer, Pennine Leisure," / "Save Grovesend
// Fields, a campaign group".
func (a *article) appositionNoun(m *mention, accept func(string) bool) bool {
	if m.from >= 2 && a.toks[m.from-1].text == "," {
		for k := m.from - 2; k >= 0 && k > m.from-5 && a.toks[k].kind == tokWord; k-- {
			if accept(lower(a.toks[k].text)) {
				return true
			}
		}
	}
	if m.to+1 < len(a.toks) && a.toks[m.to].text == "," {
		d := lower(a.toks[m.to+1].text)
		if d == "a" || d == "an" || d == "the" {
			for k := m.to + 2; k < len(a.toks) && k < m.to+6 && a.toks[k].kind == tokWord; k++ {
				// The noun phrase must close with a comma or the sentence:
				// in "In Manchester, the chancellor said" it is a subject.
				if accept(lower(a.toks[k].text)) && a.appositionCloses(k+1) {
					return true
				}
				if w := lower(a.toks[k].text); w == "of" || w == "who" {
					break
				}
			}
		}
	}
	return false
}

// spokesperson reports a spokesperson noun in the sentence of token ti.
func (a *article) spokesperson(ti int) bool {
	s := a.sentOf[ti]
	for k := ti; k >= 0 && a.sentOf[k] == s; k-- {
		if w := a.toks[k].text; w == "spokeswoman" || w == "spokesman" || w == "spokesperson" {
			return true
		}
	}
	for k := ti; k < len(a.toks) && a.sentOf[k] == s; k++ {
		if w := a.toks[k].text; w == "spokeswoman" || w == "spokesman" || w == "spokesperson" {
			return true
		}
	}
	return false
}

// appositionCloses reports whether an apposition that reached token k ends
// there or soon after, at a comma, a full stop or the paragraph end.
func (a *article) appositionCloses(k int) bool {
	for j := k; j < len(a.toks) && j < k+8; j++ {
		t := a.toks[j]
		if t.text == "," || t.text == "." || t.text == ";" || t.sentStart || t.para != a.toks[k-1].para {
			return true
		}
		if t.kind != tokWord || cueVerbs[t.text] {
			return false
		}
	}
	return false
}

// typeByApposition types unknown capitalised names by the noun beside them:
// a role makes a person ("the minister, Rhian Bevan,"), an organisation noun
// an organisation ("a campaign group, Save Grovesend Fields").
func (a *article) typeByApposition() {
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entMaybe || len(m.words) > 5 || a.fillsQuote(m) {
			continue
		}
		switch {
		case len(m.words) >= 2 && len(m.words) <= 3 && m.from > 0 && a.toks[m.from-1].kind == tokWord && !a.toks[m.from-1].capital && isPersonNoun(a.toks[m.from-1].text):
			// "defender Takehiro Tomiyasu", "former president Jair Bolsonaro".
			m.kind = entPerson
		case len(m.words) >= 2 && len(m.words) <= 3 && a.toks[m.from].sentStart && m.to < len(a.toks) && subjectVerb(a.toks[m.to]) && !orgLike(m.words):
			// "Volodymyr Zelensky joined the talks": a full name that
			// opens a sentence and does something.
			m.kind = entPerson
		case len(m.words) >= 2 && len(m.words) <= 3 && m.from > 0 && a.byTok[m.from-1] > 0 && a.mentions[a.byTok[m.from-1]-1].kind == entPlace && a.mentions[a.byTok[m.from-1]-1].possessive:
			// "Ukraine’s Volodymyr Zelensky": a country's named person.
			m.kind = entPerson
		case a.appositionNoun(m, isOrgNoun):
			m.kind = entOrg
		case len(m.words) <= 4 && a.appositionNoun(m, isPersonNoun):
			m.kind = entPerson
		}
	}
}

// subjectVerb reports a word that reads as the verb after a subject:
// a past tense or a common auxiliary.
func subjectVerb(t token) bool {
	if t.kind != tokWord || t.capital {
		return false
	}
	switch t.text {
	case "has", "had", "is", "was", "will", "would", "could", "says", "said", "told", "wants", "thinks":
		return true
	}
	return len(t.text) > 4 && strings.HasSuffix(t.text, "ed") && !stopwords[t.text]
}

// personNouns stand in apposition to people: "Marcela Ríos, a teacher,".
var personNouns = setOf("teacher", "volunteer", "farmer", "resident", "retiree", "pensioner", "student", "nurse",
	"fisherman", "grandmother", "grandfather", "mother", "father", "son", "daughter", "widow", "owner", "worker",
	"official", "spokesman", "spokeswoman", "spokesperson", "economist", "professor", "lecturer", "historian",
	"activist", "campaigner", "lawyer", "barrister", "solicitor", "doctor", "surgeon", "engineer", "designer",
	"filmmaker", "director", "writer", "artist", "player", "veteran", "survivor", "victim", "witness", "driver",
	"shopkeeper", "trader", "miner", "priest", "imam", "rabbi", "pastor", "chef", "musician", "singer", "actor",
	"actress", "novelist", "poet", "scientist", "researcher", "analyst", "adviser", "advisor", "aide", "strategist",
	"candidate", "lawmaker", "senator", "deputy", "mp", "councillor", "mayor", "governor", "judge", "host", "founder",
	"chairman", "chairwoman", "chair", "leader", "head", "executive", "boss", "manager", "coach", "captain", "midwife",
	"paramedic", "firefighter", "officer", "inspector", "constable", "detective", "commander", "general", "colonel")

// resolveEntities merges the mentions of one person or organisation into an
// entity with a canonical name: full names first, then lone surnames and
// first names, then unknown capitalised names that share a surname.
func (a *article) resolveEntities(vocab map[string]bool) {
	people := map[string]*entity{} // "first last" -> entity
	orgs := map[string]*entity{}
	var order []*entity
	add := func(m *mention) {
		switch m.kind {
		case entOrg:
			key := strings.Join(m.words, " ")
			e := orgs[key]
			if e == nil {
				e = &entity{kind: entOrg, words: m.words, name: key, first: a.toks[m.from].start}
				orgs[key] = e
				order = append(order, e)
			}
			m.ent = e
		case entPerson:
			if len(m.words) < 2 {
				return
			}
			key := m.words[0] + " " + (&entity{words: m.words}).last()
			e := people[key]
			if e == nil {
				e = &entity{kind: entPerson, words: m.words, first: a.toks[m.from].start, roles: map[string]bool{}}
				people[key] = e
				order = append(order, e)
			} else if len(m.words) > len(e.words) {
				e.words = m.words
			}
			m.ent = e
		}
	}
	// Pass 1: full names of people and all organisations. A name that is
	// all of a quotation ("Star Wars") is a title, whatever its first word.
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind == entPerson && !m.honorific && m.role == "" && a.fillsQuote(m) {
			m.kind = entNone
		}
		add(m)
	}
	surname := map[string]*entity{}
	given := map[string]*entity{}
	shared := map[string]bool{} // surnames of two people: resolved by recency
	for _, e := range order {
		if e.kind == entPerson {
			if _, taken := surname[e.last()]; taken {
				surname[e.last()] = nil
				shared[e.last()] = true
			} else {
				surname[e.last()] = e
			}
			if _, taken := given[e.firstW()]; taken {
				given[e.firstW()] = nil
			} else {
				given[e.firstW()] = e
			}
		}
	}
	// Lone names used with an honorific are people even when never given in
	// full ("Mr Zelensky"): they make unknown full names with that surname
	// people too.
	honorSurnames := map[string]bool{}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind == entPerson && len(m.words) == 1 {
			honorSurnames[m.words[0]] = true
		}
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind == entMaybe && len(m.words) >= 2 && len(m.words) <= 4 && honorSurnames[m.words[len(m.words)-1]] {
			m.kind = entPerson
			add(m)
			if e := m.ent; e != nil {
				if _, taken := surname[e.last()]; !taken {
					surname[e.last()] = e
				}
				if _, taken := given[e.firstW()]; !taken {
					given[e.firstW()] = e
				}
			}
		}
	}
	// A two- or three-word name whose last word also stands alone elsewhere
	// ("Mitt Romney … Romney went") is a person's name and surname.
	alone := map[string]bool{}
	for i := range a.mentions {
		m := &a.mentions[i]
		if len(m.words) != 1 {
			continue
		}
		// A word that stands alone as a name: a person's (Mr Romney,
		// "Romney said"), or a capitalised word the article never writes in
		// lower case and prose does not know as a common word ("State" is one).
		w := m.words[0]
		if m.kind == entPerson || m.kind == entMaybe && !vocab[strings.ToLower(w)] && sentenceInitialIsName(w) {
			alone[w] = true
		}
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind == entMaybe && len(m.words) >= 2 && len(m.words) <= 3 && (alone[m.words[len(m.words)-1]] || alone[m.words[0]] && surname[m.words[0]] == nil) && !hasLowerWord(m.words) && !a.fillsQuote(m) {
			// "Rohit Sharma … Rohit said": a first name alone counts too.
			m.kind = entPerson
			add(m)
			if e := m.ent; e != nil {
				if _, taken := surname[e.last()]; !taken {
					surname[e.last()] = e
				}
				if _, taken := given[e.firstW()]; !taken {
					given[e.firstW()] = e
				}
			}
		}
	}
	// Pass 2: single-word mentions.
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.ent != nil || len(m.words) == 0 {
			continue
		}
		if m.kind != entPerson && m.kind != entMaybe {
			continue
		}
		w := m.words[len(m.words)-1]
		if len(m.words) == 1 {
			if shared[w] {
				// "Cruz" after "Ted Cruz" and "Heidi Cruz": the one named last.
				for k := i - 1; k >= 0; k-- {
					if p := &a.mentions[k]; p.ent != nil && p.ent.kind == entPerson && len(p.words) > 1 && p.ent.last() == w {
						m.ent, m.kind = p.ent, entPerson
						break
					}
				}
				if m.ent != nil {
					continue
				}
			}
			if e := surname[w]; e != nil {
				m.ent, m.kind = e, entPerson
			} else if e := given[w]; e != nil {
				m.ent, m.kind = e, entPerson
			} else if e := middleName(order, w); e != nil && m.kind == entPerson {
				// "Lula" for Luiz Inácio Lula da Silva.
				m.ent = e
			} else if m.kind == entPerson {
				key := "\x00" + w
				e := people[key]
				if e == nil {
					e = &entity{kind: entPerson, words: m.words, first: a.toks[m.from].start, roles: map[string]bool{}}
					people[key] = e
					order = append(order, e)
					surname[w] = e
				}
				m.ent = e
			}
		} else if m.kind == entMaybe {
			if e := surname[w]; e != nil && e.firstW() == m.words[0] {
				m.ent, m.kind = e, entPerson
			}
		}
	}
	// An acronym of an organisation named in full: "OCHA" for the Office
	// for the Coordination of Humanitarian Affairs.
	for i := range a.mentions {
		m := &a.mentions[i]
		if len(m.words) != 1 || len(m.words[0]) < 2 || strings.ToUpper(m.words[0]) != m.words[0] {
			continue
		}
		for _, e := range order {
			if e.kind == entOrg && len(e.words) > 1 && acronymOf(m.words[0], e.words) {
				m.ent, m.kind = e, entOrg // an entity left with no mention is dropped below
				break
			}
		}
	}
	// Roles, genders and countries of people from their mentions.
	for i := range a.mentions {
		m := &a.mentions[i]
		e := m.ent
		if e == nil {
			continue
		}
		e.mentions++
		if e.kind != entPerson {
			continue
		}
		if m.gender != unknownGender && e.gender == unknownGender {
			e.gender = m.gender
		}
		if m.role != "" {
			e.roles[m.role] = true
		}
		if m.country != "" && e.country == "" {
			e.country = m.country
		}
		a.appositiveRole(m)
		a.precedingRole(m)
	}
	for _, e := range order {
		if e.kind == entPerson && e.gender == unknownGender {
			if g, ok := firstNames[e.firstW()]; ok && len(e.words) > 1 {
				e.gender = g
			}
		}
		for len(e.words) > 1 && postNominals[e.words[len(e.words)-1]] {
			e.words = e.words[:len(e.words)-1] // "Duncan Reeve QC" is Duncan Reeve
		}
		e.name = strings.Join(e.words, " ")
		if e.mentions == 0 {
			continue
		}
		if e.kind == entPerson {
			a.people = append(a.people, e)
		} else {
			a.orgs = append(a.orgs, e)
		}
	}
	// The leading person: the most mentioned; between equals, the one the
	// article names first (news puts its subject in the first sentence).
	for _, e := range a.people {
		if a.lead == nil || e.mentions > a.lead.mentions || e.mentions == a.lead.mentions && e.first < a.lead.first {
			a.lead = e
		}
	}
}

// postNominals are letters after a name that are not part of it, and the
// generational suffixes that the archive leaves out of canonical names
// ("Brent Bozell III" is filed as Brent Bozell).
var postNominals = setOf("KC", "QC", "MP", "MEP", "PhD", "MD", "OBE", "MBE", "CBE", "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV")

func hasLowerWord(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !isUpperRune(r) {
			return true
		}
	}
	return false
}

// precedingRole records "the prime minister, Benjamin Netanyahu," and
// "The Chancellor, Rachel Reeves,": a role just before the name.
func (a *article) precedingRole(m *mention) {
	if m.from < 2 || a.toks[m.from-1].text != "," {
		return
	}
	for k := m.from - 2; k >= 0 && k > m.from-6; k-- {
		t := a.toks[k]
		if t.kind != tokWord {
			return
		}
		if r, ok := roleHeads[lower(t.text)]; ok {
			if r == "minister" && k > 0 && lower(a.toks[k-1].text) == "prime" {
				r = "prime minister"
			}
			m.ent.roles[r] = true
			return
		}
	}
}

// appositiveRole records "X, the prime minister," and "the X's Y" roles.
func (a *article) appositiveRole(m *mention) {
	i := m.to
	if i+2 >= len(a.toks) || a.toks[i].text != "," {
		return
	}
	j := i + 1
	if d := lower(a.toks[j].text); d != "the" && d != "a" && d != "an" && d != "who" {
		return
	}
	if lower(a.toks[j].text) == "who" {
		j++
		if j < len(a.toks) && (a.toks[j].text == "is" || a.toks[j].text == "was") {
			j++
		}
		if j < len(a.toks) && (a.toks[j].text == "the" || a.toks[j].text == "a" || a.toks[j].text == "an") {
			j++
		}
	} else {
		j++
	}
	for k := j; k < len(a.toks) && k < j+6; k++ {
		t := a.toks[k]
		if t.kind != tokWord || t.text == "of" || t.text == "for" {
			break
		}
		if r, ok := roleHeads[lower(t.text)]; ok {
			if r == "minister" && k > 0 && lower(a.toks[k-1].text) == "prime" {
				r = "prime minister"
			}
			m.ent.roles[r] = true
			if k+1 < len(a.toks) && a.toks[k+1].kind == tokWord && roleHeads[lower(a.toks[k+1].text)] != "" {
				continue
			}
			break
		}
		if code, n, _ := matchPlace([]string{t.text}); n == 1 && m.ent.country == "" {
			m.ent.country = code
		}
	}
}

// attributeQuotes turns spans into quotes with speakers, in text order.
func (a *article) attributeQuotes() []Quote {
	out := make([]Quote, 0, len(a.spans))
	var prev []quoteSpeaker // attribution of each kept span
	var kept []int
	for si := range a.spans {
		sp := &a.spans[si]
		qs := a.attribute(si)
		if qs.scareName {
			continue
		}
		if !qs.found && qs.ent == nil {
			// No cue of its own: the same paragraph's other quotes, a
			// continuation paragraph, or a paragraph that follows one ending in a colon.
			if len(prev) > 0 {
				last := a.spans[kept[len(kept)-1]]
				lq := prev[len(prev)-1]
				samePara := last.para == sp.para
				contPara := last.para == sp.para-1 && a.startsParagraph(sp)
				if (samePara || contPara || sp.reopens) && lq.ent != nil {
					qs.ent = lq.ent
				}
			}
			if qs.ent == nil {
				if s, ok := a.nextInParagraph(si); ok {
					qs = s
					qs.cue = ""
				}
			}
			if qs.ent == nil && a.startsParagraph(sp) && sp.para > 0 && (len(kept) == 0 || a.spans[kept[len(kept)-1]].para < sp.para-1) {
				// "Carter said that …" then a paragraph of quotation: the
				// reported speaker goes on in his own words.
				if s, ok := a.reportedSpeaker(sp.para - 1); ok {
					qs = s
				}
			}
			if qs.ent == nil && !qs.unknown {
				// "Clinton touted her credentials. “We need …”": a quotation
				// that is a sentence of its own goes with whom the sentence
				// before, in the same paragraph, was about.
				if ti := a.tokenIndex(sp.open); ti < len(a.toks) && a.toks[ti].sentStart {
					if s := a.sentOf[ti] - 1; s >= 0 && ti > 0 && a.toks[ti-1].para == sp.para && a.focus[s] != nil {
						qs.ent = a.focus[s]
					}
				}
			}
		}
		if qs.ent != nil && qs.ent.kind == entPerson || qs.ent != nil && qs.ent.kind == entOrg {
			a.lastSpeaker, a.lastSpeakerPos = qs.ent, sp.start
			if ti := a.tokenIndex(sp.open); ti < len(a.toks) {
				a.focus[a.sentOf[ti]] = qs.ent
				a.orgSpoke[a.sentOf[ti]] = qs.ent.kind == entOrg && a.spokesperson(ti)
			}
		}
		prev = append(prev, qs)
		kept = append(kept, si)
		q := Quote{Text: a.body[sp.start:sp.end], Cue: qs.cue, SpeakerType: SpeakerUnknown}
		if qs.ent != nil {
			q.Speaker = qs.ent.name
			q.SpeakerType = SpeakerPerson
			if qs.ent.kind == entOrg {
				q.SpeakerType = SpeakerOrganization
			}
		}
		q.Start, q.End = runeOffset(a.body, sp.start), runeOffset(a.body, sp.end)
		out = append(out, q)
	}
	return out
}

// reportedSpeaker finds the subject of a reporting verb in the last
// sentence of paragraph pi (indirect speech: "Carter said that …").
func (a *article) reportedSpeaker(pi int) (quoteSpeaker, bool) {
	end := a.tokenIndex(a.paras[pi].end)
	start := end - 1
	for start > 0 && !a.toks[start].sentStart {
		start--
	}
	for k := start; k < end; k++ {
		t := a.toks[k]
		if t.kind == tokWord && !t.capital && cueVerbs[t.text] && !strings.HasSuffix(t.text, "ing") {
			if s, ok := a.speakerBefore(k, start, a.toks[k].start); ok && s.ent != nil {
				s.cue = ""
				return s, true
			}
		}
	}
	// "Trump spoke only in evasive bromides." then quotations: whom that
	// last sentence was about, if a person.
	if e := a.focus[a.sentOf[start]]; e != nil && e.kind == entPerson {
		return quoteSpeaker{ent: e, found: true}, true
	}
	return quoteSpeaker{}, false
}

// startsParagraph reports whether the span's opening mark opens its paragraph.
func (a *article) startsParagraph(sp *span) bool {
	return sp.open == a.paras[sp.para].start
}

// nextInParagraph attributes span si by a later quote of its paragraph that
// has a cue of its own ("‘A.’ ‘B,’ he said.").
func (a *article) nextInParagraph(si int) (quoteSpeaker, bool) {
	for k := si + 1; k < len(a.spans) && a.spans[k].para == a.spans[si].para; k++ {
		if s := a.attribute(k); s.ent != nil && !s.scareName {
			return s, true
		}
	}
	return quoteSpeaker{}, false
}

// attribute finds the cue and speaker of span si in its own sentence: after
// the quote ("…," X said / said X) or before it (X said: "…", X said the
// talks were ‘closer’).
func (a *article) attribute(si int) quoteSpeaker {
	sp := &a.spans[si]
	open := a.tokenIndex(sp.open)
	closeTok := -1
	if sp.closeMark >= 0 {
		closeTok = a.tokenIndex(sp.closeMark)
	}
	if a.isScareName(sp, open) {
		return quoteSpeaker{scareName: true}
	}
	// After the quote.
	if closeTok >= 0 {
		if s, ok := a.cueAfter(closeTok+1, sp); ok {
			return s
		}
	}
	// Before the quote, within the sentence.
	if s, ok := a.cueBefore(open, sp); ok {
		return s
	}
	// "“…” ― Christina Lastra": a dash and a name sign the quote.
	if closeTok >= 0 {
		if s, ok := a.signedAfter(closeTok+1, sp); ok {
			return s
		}
	}
	// A partial quote with no reporting verb ("Obama made clear his aim to
	// ‘fundamentally transform’ …"): the subject of its sentence.
	if !a.toks[open].sentStart {
		limit := open
		for limit > 0 && !a.toks[limit].sentStart {
			limit--
		}
		if s, ok := a.sentenceSubject(limit, open, sp.start); ok && s.ent != nil {
			s.cue = ""
			return s
		}
	}
	return quoteSpeaker{}
}

// isScareName reports a quoted name, title or scare quote: short, Title
// Case or introduced by "so-called"/"dubbed"/a determiner, with no
// sentence of its own.
func (a *article) isScareName(sp *span, open int) bool {
	text := a.body[sp.start:sp.end]
	words := strings.Fields(text)
	if len(words) == 0 {
		return true
	}
	if len(words) > 6 || strings.ContainsAny(text, ".!?") && len(words) > 2 {
		return false
	}
	prevWord := ""
	prev2 := ""
	if open > 0 && a.toks[open-1].para == a.toks[open].para {
		prevWord = lower(a.toks[open-1].text)
		if open > 1 {
			prev2 = lower(a.toks[open-2].text)
		}
	}
	switch prevWord {
	case "so-called", "dubbed", "called", "named", "titled", "entitled", "nicknamed", "branded", "labelled", "labeled", "coined", "termed":
		return true
	}
	if prevWord == "as" && (prev2 == "known" || prev2 == "referred" || prev2 == "classified" || prev2 == "billed") {
		return true
	}
	// "what physicists call a ‘quantum simulator’", "taken to calling the ‘…’".
	for k := open - 1; k >= 0 && k >= open-3 && a.toks[k].para == a.toks[open].para; k-- {
		switch lower(a.toks[k].text) {
		case "dubbed", "so-called", "nicknamed", "termed", "branded":
			return true
		case "call", "calls", "calling", "called":
			// Naming, not quoting: "what physicists call", "taken to calling".
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if w := lower(a.toks[j].text); w == "what" || w == "to" {
					return true
				}
			}
		}
		if a.toks[k].kind != tokWord {
			break
		}
	}
	// A word or two after an article or possessive, with nobody saying
	// anything near: "a ‘phase-out’ of coal", "the ‘mega-deal’".
	if len(words) <= 3 && !strings.ContainsAny(text, ".!?,") {
		switch prevWord {
		case "a", "an", "the", "its", "his", "her", "their", "our", "this", "that":
			if !a.hasCueNear(open, sp) {
				return true
			}
		}
	}
	titleCase := true
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if len(w) > 3 && !isUpperRune(r) && !(r >= '0' && r <= '9') {
			titleCase = false
			break
		}
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	if titleCase && isUpperRune(first) {
		switch prevWord {
		case "the", "a", "an", "its", "his", "her", "their", "our", "new", "between", "of", "in", "on", "film", "book", "novel", "song", "album", "show", "series", "programme", "program", "play", "opera", "exhibition", "campaign", "plan", "project", "operation", "slogan":
			return true
		}
		// A Title Case phrase with no cue anywhere near is a name.
		return !a.hasCueNear(open, sp)
	}
	return false
}

func isUpperRune(r rune) bool {
	return r >= 'A' && r <= 'Z' || r > 0x7f && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

// hasCueNear reports a reporting verb in the span's sentence.
func (a *article) hasCueNear(open int, sp *span) bool {
	for k := open - 1; k >= 0 && a.toks[k].para == sp.para; k-- {
		if cueVerbs[lower(a.toks[k].text)] {
			return true
		}
		if a.toks[k].sentStart {
			break
		}
	}
	ti := a.tokenIndex(sp.end) + 1
	for k := ti; k < len(a.toks) && k < ti+4 && a.toks[k].para == sp.para; k++ {
		if cueVerbs[lower(a.toks[k].text)] {
			return true
		}
	}
	return false
}

// signedAfter parses a dash and a name after a quote, in the same or the
// next paragraph: "“…” ― Christina Lastra" / "- Sanders.".
func (a *article) signedAfter(i int, sp *span) (quoteSpeaker, bool) {
	if i >= len(a.toks) || a.toks[i].kind != tokPunct {
		return quoteSpeaker{}, false
	}
	switch a.toks[i].text {
	case "―", "—", "–", "-":
	default:
		return quoteSpeaker{}, false
	}
	if i+1 < len(a.toks) {
		if m := a.byTok[i+1]; m > 0 {
			mm := &a.mentions[m-1]
			if mm.from == i+1 && (mm.kind == entPerson || mm.kind == entOrg || mm.kind == entMaybe) && (mm.to >= len(a.toks) || a.toks[mm.to].para != a.toks[i+1].para || a.toks[mm.to].text == "." || a.toks[mm.to].text == ",") {
				if mm.ent != nil {
					return quoteSpeaker{ent: mm.ent, found: true, named: true}, true
				}
			}
		}
	}
	return quoteSpeaker{}, false
}

// cueAfter parses "…," said X / "…," X said / "…" – X said after a quote.
func (a *article) cueAfter(i int, sp *span) (quoteSpeaker, bool) {
	for i < len(a.toks) && a.toks[i].para == sp.para && a.toks[i].kind == tokPunct && (a.toks[i].text == "," || a.toks[i].text == "–" || a.toks[i].text == "—" || a.toks[i].text == "-") {
		i++
	}
	if i >= len(a.toks) || a.toks[i].para != sp.para || a.toks[i].kind != tokWord {
		return quoteSpeaker{}, false
	}
	lw := lower(a.toks[i].text)
	if t := a.toks[i]; !t.capital && stopwords[lw] && !cueVerbs[lw] && lw != "according" && lw != "the" && lw != "a" && lw != "an" &&
		lw != "one" && lw != "he" && lw != "she" && lw != "they" && lw != "we" && lw != "i" && lw != "his" && lw != "her" && lw != "their" {
		// "“…” to support communities, and the commission said": the
		// sentence goes on about something else; its cue is not this quote's.
		return quoteSpeaker{}, false
	}
	if lw == "according" && i+1 < len(a.toks) && a.toks[i+1].text == "to" {
		if s, ok := a.speakerAfterCue(i+2, sp); ok {
			s.cue = "according to"
			return s, true
		}
	}
	newSentence := a.toks[i].sentStart
	// said X
	if invertibleCues[lw] {
		if s, ok := a.speakerAfterCue(i+1, sp); ok {
			s.cue = a.toks[i].text
			if lw == "told" && i+1 < len(a.toks) {
				s.cue = "told"
			}
			return s, true
		}
	}
	// X said: find the cue within a few tokens and parse the subject backwards.
	reach := i + 14
	if newSentence {
		// "… full of s---.” Not that anyone … is arguing": after a quote that
		// ends its sentence only "He said." right away attributes it.
		reach = i + 3
	}
	for k := i; k < len(a.toks) && k < reach && a.toks[k].para == sp.para; k++ {
		t := a.toks[k]
		if t.kind == tokQuote || (t.kind == tokPunct && t.text != "," && t.text != "." && t.text != "(" && t.text != ")" && t.text != "-") {
			break
		}
		if t.text == "." && !a.isAbbrevDot(k) {
			break
		}
		// "“…,” Viguerie notes." / "“…,” Trump barked": right after the
		// quote, a name and any verb in the past or present tense.
		loose := k > i && a.byTok[k-1] > 0 && a.mentions[a.byTok[k-1]-1].from == i && t.kind == tokWord && !t.capital &&
			(strings.HasSuffix(t.text, "ed") || strings.HasSuffix(t.text, "s") && !strings.HasSuffix(t.text, "ss")) && !stopwords[t.text]
		if t.kind == tokWord && (cueVerbs[lower(t.text)] || loose) && !t.capital {
			if k+1 < len(a.toks) && (a.toks[k+1].text == ":" || a.toks[k+1].kind == tokQuote) && a.toks[i].sentStart {
				// "… desk.” The statement added: “…”": this cue opens the next quote.
				return quoteSpeaker{}, false
			}
			if s, ok := a.speakerBefore(k, i, sp.start); ok {
				s.cue = a.cueText(k)
				return s, true
			}
			return quoteSpeaker{}, false
		}
	}
	return quoteSpeaker{}, false
}

func (a *article) isAbbrevDot(k int) bool {
	return k > 0 && a.toks[k-1].end == a.toks[k].start && abbreviations[a.toks[k-1].text]
}

// cueText is the cue as printed: the verb, or "told reporters", "according to".
func (a *article) cueText(k int) string {
	w := a.toks[k].text
	if lower(w) == "told" && k+1 < len(a.toks) && a.toks[k+1].kind == tokWord && !a.toks[k+1].capital && !stopwords[a.toks[k+1].text] {
		return "told " + a.toks[k+1].text
	}
	return w
}

// speakerAfterCue parses the speaker after an inverted cue: "said Sir Keir",
// "said the minister", "said a spokesman for the bank".
func (a *article) speakerAfterCue(i int, sp *span) (quoteSpeaker, bool) {
	if i >= len(a.toks) || a.toks[i].para != sp.para {
		return quoteSpeaker{}, false
	}
	if m := a.byTok[i]; m > 0 {
		mm := &a.mentions[m-1]
		if mm.kind == entPlace && mm.possessive && mm.to < len(a.toks) {
			// "said Portugal’s interior minister, Rui Fontelas".
			return a.speakerAfterCue(mm.to, sp)
		}
		return a.speakerOfMention(mm, mm.to-1, i, sp.start)
	}
	t := a.toks[i]
	if g, ok := pronounGender[t.text]; ok {
		return quoteSpeaker{ent: a.resolvePronoun(g, sp.start), found: true}, true
	}
	// "said the prime minister", "said a spokesman for X": find the noun phrase end.
	end := i
	for end < len(a.toks) && end < i+8 && a.toks[end].kind == tokWord && a.toks[end].para == sp.para {
		if m := a.byTok[end]; m > 0 && end > i {
			break
		}
		end++
	}
	for k := i; k < end; k++ {
		lw := lower(a.toks[k].text)
		if _, ok := roleHeads[lw]; ok && k+2 < len(a.toks) && a.toks[k+1].text == "," {
			if n := a.byTok[k+2]; n > 0 && a.mentions[n-1].ent != nil && a.mentions[n-1].kind == entPerson {
				return quoteSpeaker{ent: a.mentions[n-1].ent, found: true, named: true}, true
			}
		}
		if _, ok := roleHeads[lw]; ok || genericOrgHeads[lw] != "" || descriptionHeads[lw] || orgSpeakerNouns[lw] {
			if s, ok := a.statementBy(k, k, sp.start); ok {
				return s, true
			}
			// "a spokesman for the World Bank"
			for x := k + 1; x < len(a.toks) && x < k+5; x++ {
				p := lower(a.toks[x].text)
				if p == "for" || p == "of" || p == "at" || p == "from" {
					for y := x + 1; y < len(a.toks) && y < x+4; y++ {
						if m := a.byTok[y]; m > 0 {
							mm := &a.mentions[m-1]
							if mm.ent != nil && (orgSpeakerNouns[lw] || descriptionHeads[lw]) {
								return quoteSpeaker{ent: mm.ent, found: true, named: true}, true
							}
						}
					}
				}
			}
			return a.commonNounSpeaker(k, i, sp.start)
		}
	}
	return quoteSpeaker{}, false
}

// cueBefore looks backwards from the opening mark, inside the sentence, for
// a reporting verb and its subject.
func (a *article) cueBefore(open int, sp *span) (quoteSpeaker, bool) {
	limit := open
	for limit > 0 && !a.toks[limit].sentStart && a.toks[limit-1].para == sp.para {
		limit--
	}
	// "When Trump suggested …, Rubio fired back forcefully: …": before a
	// colon, the subject of the last clause speaks, whatever the verb.
	if open > limit && a.toks[open-1].text == ":" {
		c := open - 2
		for c > limit && a.toks[c].text != "," && a.toks[c].kind != tokQuote {
			c--
		}
		if c < open-2 && !a.clauseHasCue(c, open-1) {
			from := c
			if a.toks[c].text == "," || a.toks[c].kind == tokQuote {
				from = c + 1
			}
			if s, ok := a.sentenceSubject(from, open-1, sp.start); ok && s.ent != nil {
				s.cue = ""
				return s, true
			}
		}
	}
	// Quoted text before us in the sentence belongs to other quotes; the
	// subject may still be before them, so we scan over them.
	conjCue := -1
	for k := open - 1; k >= limit; k-- {
		t := a.toks[k]
		if t.kind != tokWord || t.capital && k != limit && !(cueVerbs[lower(t.text)] && a.toks[k].sentStart) {
			// "According to X, …"
			continue
		}
		lw := lower(t.text)
		if lw == "according" && k+2 < open && lower(a.toks[k+1].text) == "to" {
			if m := a.byTok[k+2]; m > 0 {
				mm := &a.mentions[m-1]
				if s, ok := a.speakerOfMention(mm, mm.to-1, k+2, sp.start); ok {
					s.cue = "according to"
					return s, true
				}
			}
			if s, ok := a.speakerAfterCue(k+2, sp); ok {
				s.cue = "according to"
				return s, true
			}
		}
		if !cueVerbs[lw] || a.insideSpan(t.start) || k > limit && a.cueIsNoun(k) {
			continue
		}
		// "but warned ‘…’": the subject is the one of the clause before.
		if k > limit && conjunctions[lower(a.toks[k-1].text)] || k-1 > limit && (a.toks[k-1].text == "–" || a.toks[k-1].text == "—" || a.toks[k-1].text == ",") && conjunctions[lower(a.toks[k-2].text)] {
			if conjCue < 0 {
				conjCue = k
			}
			continue
		}
		if strings.HasSuffix(lw, "ing") {
			// "Trump calling it a ‘…’"; "Nefzi said, adding, …"; "Sanders
			// compared himself to Clinton, saying, …": the participle's own
			// subject, else that of the cue before it, else the sentence's.
			var s quoteSpeaker
			ok := false
			// "Spicer said, adding, …": the subject of the cue before.
			for c := k - 1; c >= limit; c-- {
				if ct := a.toks[c]; ct.kind == tokWord && !ct.capital && cueVerbs[ct.text] && !strings.HasSuffix(ct.text, "ing") && !a.insideSpan(ct.start) {
					s, ok = a.speakerBefore(c, limit, sp.start)
					break
				}
			}
			if (!ok || s.ent == nil) && k > limit && a.toks[k-1].text == "," {
				// "Clinton spoke …, arguing …": the sentence's subject.
				s, ok = a.sentenceSubject(limit, k, sp.start)
			}
			if !ok || s.ent == nil {
				s, ok = a.speakerBefore(k, limit, sp.start)
			}
			if !ok || s.ent == nil {
				s, ok = a.sentenceSubject(limit, k, sp.start)
			}
			if ok {
				s.cue = a.cueText(k)
				return s, true
			}
			continue
		}
		if s, ok := a.speakerBefore(k, limit, sp.start); ok {
			s.cue = a.cueText(k)
			if conjCue >= 0 {
				s.cue = a.cueText(conjCue)
			}
			return s, true
		}
		// "A source close to the talks said": somebody the text does not name.
		if a.describedSubject(limit, k) {
			return quoteSpeaker{found: true, unknown: true, cue: a.cueText(k)}, true
		}
		// "Continued Stone: …" / "Said the minister: …".
		if k == limit || a.toks[k].capital {
			if s, ok := a.speakerAfterCue(k+1, sp); ok && s.ent != nil {
				s.cue = a.cueText(k)
				return s, true
			}
		}
	}
	if conjCue >= 0 {
		// "Reeves welcomed the decision but said …": the sentence's subject.
		if s, ok := a.sentenceSubject(limit, conjCue, sp.start); ok && s.ent != nil {
			s.cue = a.cueText(conjCue)
			return s, true
		}
	}
	// A paragraph that is only this quote, after a paragraph ending with a
	// colon: "Smith put it this way:".
	if open == limit && a.toks[open].sentStart && open > 0 && a.toks[open-1].text == ":" && a.toks[open-1].para == sp.para-1 {
		prev := &span{para: sp.para - 1, open: a.toks[open-1].start, start: sp.start}
		if s, ok := a.cueBefore(open-1, prev); ok {
			return s, true
		}
		// "President Clinton released the following statement:"
		start := open - 1
		for start > 0 && !a.toks[start].sentStart {
			start--
		}
		if s, ok := a.sentenceSubject(start, open-1, sp.start); ok {
			s.cue = ""
			return s, true
		}
	}
	return quoteSpeaker{}, false
}

// cueIsNoun reports a reporting word used as a noun: "Clinton's remarks",
// "the claims", "his comments".
func (a *article) cueIsNoun(k int) bool {
	p := a.toks[k-1]
	switch lower(p.text) {
	case "the", "a", "an", "his", "her", "their", "its", "our", "these", "those", "such", "whose":
		return true
	}
	if m := a.byTok[k-1]; m > 0 && a.mentions[m-1].possessive {
		return true
	}
	return false
}

// describedSubject reports a sentence that opens with a description of an
// unnamed speaker: "A source close to the talks", "One official".
func (a *article) describedSubject(limit, k int) bool {
	for j := limit; j < k && j < limit+4; j++ {
		w := lower(a.toks[j].text)
		if descriptionHeads[w] && w != "one" && w != "some" && w != "many" {
			return true
		}
		if a.byTok[j] > 0 {
			return false
		}
	}
	return false
}

// clauseHasCue reports a reporting verb among tokens [from, to).
func (a *article) clauseHasCue(from, to int) bool {
	for k := from; k < to; k++ {
		if t := a.toks[k]; t.kind == tokWord && !t.capital && cueVerbs[t.text] {
			return true
		}
	}
	return false
}

// sentenceSubject returns the first person, organisation or pronoun of the
// sentence between limit and end.
func (a *article) sentenceSubject(limit, end, pos int) (quoteSpeaker, bool) {
	if prepositions[lower(a.toks[limit].text)] {
		// "In a White House statement, President Obama condemned …": the
		// subject comes after the opening phrase.
		for k := limit + 1; k < end && k < limit+12; k++ {
			if a.toks[k].text == "," {
				limit = k + 1
				break
			}
		}
	}
	for k := limit; k < end; k++ {
		if a.toks[k].kind == tokQuote || a.insideSpan(a.toks[k].start) {
			continue // a quotation's words are not the sentence's subject
		}
		if m := a.byTok[k]; m > 0 {
			mm := &a.mentions[m-1]
			if k > limit && prepositions[lower(a.toks[k-1].text)] {
				k = int(mm.to) - 1 // "Like Corker, Menendez …": not the subject
				continue
			}
			if mm.kind == entOrg && mm.to+1 < end && orgSpeakerNouns[lower(a.toks[mm.to].text)] {
				// "Foreign Ministry spokeswoman Maria Zakharova went further".
				if n := a.byTok[mm.to+1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
					return quoteSpeaker{ent: a.mentions[n-1].ent, found: true, named: true}, true
				}
			}
			if (mm.kind == entPerson || mm.kind == entOrg) && mm.ent != nil {
				return quoteSpeaker{ent: mm.ent, found: true, named: true}, true
			}
			if mm.kind == entRole {
				// "The Chancellor, Rachel Reeves, …"
				if mm.to+1 < end && a.toks[mm.to].text == "," {
					if n := a.byTok[mm.to+1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
						return quoteSpeaker{ent: a.mentions[n-1].ent, found: true, named: true}, true
					}
				}
				return a.speakerOfMention(mm, mm.to-1, limit, pos)
			}
			k = int(mm.to) - 1
			continue
		}
		if g, ok := pronounGender[a.toks[k].text]; ok {
			return quoteSpeaker{ent: a.resolvePronoun(g, pos), found: true}, true
		}
	}
	return quoteSpeaker{}, false
}

var prepositions = setOf("like", "unlike", "with", "by", "to", "of", "for", "from", "against", "about", "than", "at", "in", "on", "after", "before", "and", "or", "alongside", "including", "between")

// insideSpan reports whether byte offset off lies inside a quotation.
func (a *article) insideSpan(off int) bool {
	i := sort.Search(len(a.spans), func(i int) bool { return a.spans[i].end > off })
	return i < len(a.spans) && a.spans[i].start <= off
}

// entityLists returns people and organisations, most mentioned first.
func (a *article) entityLists() ([]Person, []Organization) {
	people := []Person{}
	orgs := []Organization{}
	for _, e := range a.people {
		if len(e.words) == 1 && e.mentions < 1 {
			continue
		}
		people = append(people, Person{Name: e.name, Mentions: e.mentions, First: runeOffset(a.body, e.first)})
	}
	for _, e := range a.orgs {
		orgs = append(orgs, Organization{Name: e.name, Mentions: e.mentions, First: runeOffset(a.body, e.first)})
	}
	sort.SliceStable(people, func(i, j int) bool {
		if people[i].Mentions != people[j].Mentions {
			return people[i].Mentions > people[j].Mentions
		}
		return people[i].First < people[j].First
	})
	sort.SliceStable(orgs, func(i, j int) bool {
		if orgs[i].Mentions != orgs[j].Mentions {
			return orgs[i].Mentions > orgs[j].Mentions
		}
		return orgs[i].First < orgs[j].First
	})
	return people, orgs
}

// countries counts every place word of the text by country code.
func (a *article) countries() []Country {
	counts := map[string]int{}
	first := map[string]int{}
	words := make([]string, 0, 6)
	for i := 0; i < len(a.toks); i++ {
		t := a.toks[i]
		if t.kind != tokWord || !t.capital {
			continue
		}
		words = words[:0]
		for k := i; k < len(a.toks) && k < i+6 && a.toks[k].kind == tokWord; k++ {
			w, _ := stripPossessive(a.toks[k].text)
			words = append(words, w)
		}
		code, n, _ := matchPlace(words)
		if n == 0 {
			continue
		}
		if code == "" {
			// A region ("Latin America"): no country, and not a US either.
			i += n - 1
			continue
		}
		// A place word inside a person's name is not a place ("Paris Hilton").
		if m := a.byTok[i]; m > 0 && a.mentions[m-1].kind == entPerson && i >= a.mentions[m-1].nameFrom {
			continue
		}
		if _, seen := first[code]; !seen {
			first[code] = i
		}
		counts[code]++
		i += n - 1
	}
	out := make([]Country, 0, len(counts))
	for c, n := range counts {
		out = append(out, Country{Code: c, Name: CountryName(c), Mentions: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return first[out[i].Code] < first[out[j].Code]
	})
	return out
}

// runeOffset converts a byte offset of s into a character offset.
func runeOffset(s string, off int) int {
	return utf8.RuneCountInString(s[:off])
}
