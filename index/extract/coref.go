package extract

// Entity resolution: which capitalised names are people and organisations,
// and which mentions are the same one.

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// acronymOf reports whether acr is made of the initials of the capitalised
// words of name (function words skipped): CNSA, OCHA, WHO. A word in capitals
// gives all its letters or its first: UKIP is the UK Independence Party.
func acronymOf(acr string, name []string) bool {
	var initials, whole strings.Builder
	for _, w := range name {
		r, _ := utf8.DecodeRuneInString(w)
		if !isUpperRune(r) {
			continue
		}
		initials.WriteRune(r)
		if len(w) > 1 && len(w) <= 4 && strings.ToUpper(w) == w {
			whole.WriteString(w)
		} else {
			whole.WriteRune(r)
		}
	}
	s := initials.String()
	return s == acr || strings.HasPrefix(s, "U") && s[1:] == acr || // "UN Office for …" is OCHA too
		len(name) > 2 && whole.String() == acr
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
	// Words the article capitalises inside sentences and never writes in
	// lower case are names, even when a dictionary knows them as common
	// words ("Bishop", "Sterling").
	lowerSeen := map[string]bool{}
	a.midCap = map[string]bool{}
	for _, t := range a.toks {
		if t.kind != tokWord {
			continue
		}
		if !t.capital {
			lowerSeen[t.text] = true
		} else if !t.sentStart && !t.quoteOpen {
			a.midCap[t.text] = true
		}
	}
	for w := range a.midCap {
		if lowerSeen[strings.ToLower(w)] {
			delete(a.midCap, w)
		}
	}
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
			if w := a.relativeBefore(i); w > 0 {
				// "Marco Ruiz, whose hometown, Miami, is sinking, argues":
				// whom the relative clause describes.
				i = w - 2
			} else if i > 0 && a.byTok[i-1] > 0 && a.mentions[a.byTok[i-1]-1].from > 0 && a.toks[a.mentions[a.byTok[i-1]-1].from-1].text == "," {
				i--
			} else {
				c := i
				for level := 0; level < 5; level++ {
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
					if n := a.byTok[i]; n > 0 && !a.objectOfPreposition(&a.mentions[n-1]) && !a.placeOrAge(prev) {
						break
					}
				}
			}
		}
		if i >= 0 && a.byTok[i] > 0 {
			if m := &a.mentions[a.byTok[i]-1]; m.from == 0 || !prepositions[lower(a.toks[m.from-1].text)] ||
				a.clauseAfterConjunction(m.from) && m.kind == entNone ||
				lower(a.toks[m.from-1].text) == "with" && strings.HasSuffix(t.text, "ing") && i == k-1 {
				// Not "Gov. John Kasich of Ohio, who …, said"; but ", and
				// Virgin Australia said" opens a clause (a lone name there
				// stays unknown: it may be a company's), and "with Dennis
				// Orlow writing" gives the participle its own subject.
				a.promote(m, i)
			}
		}
		if k > 1 && (conjunctions[a.toks[k-1].text] && a.toks[k-1].text != "as" || strings.HasSuffix(t.text, "ing") && a.toks[k-1].text == ",") {
			// "Voss raised both hands … and thundered", "Voss
			// contrasted his record with the incumbent's, saying": the sentence's subject,
			// a name that opens it and is followed by a verb, speaks.
			s := k - 1
			for s > 0 && !a.toks[s].sentStart {
				s--
			}
			if prepositions[lower(a.toks[s].text)] || subordinators[lower(a.toks[s].text)] {
				// "At a bakery the next morning, Voss contrasted …".
				for j := s + 1; j < k && j < s+25; j++ {
					if a.toks[j].text == "," {
						s = j + 1
						break
					}
				}
			}
			if n := a.byTok[s]; n > 0 && a.mentions[n-1].from == s {
				m := &a.mentions[n-1]
				if v := a.toks[min(m.to, k)]; m.to < k && (subjectVerb(v) || v.kind == tokWord && !v.capital && strings.HasSuffix(v.text, "s") && !strings.HasSuffix(v.text, "ss") && !stopwords[v.text]) &&
					(len(m.words) > 1 || len(m.words) == 1 && a.midCap[m.words[0]]) {
					a.promote(m, m.to-1)
				}
			}
		}
		if invertibleCues[t.text] && k+1 < len(a.toks) && a.byTok[k+1] > 0 && k > 0 && (a.toks[k-1].kind == tokQuote || a.toks[k-1].text == ",") {
			m := &a.mentions[a.byTok[k+1]-1]
			if m.from == k+1 && !a.titledPersonAt(m.to) {
				a.promote(m, m.to-1)
			}
		}
	}
	a.promoteSources()
}

// titledPersonAt reports whether a person named with a rank or title
// begins at toks[k], after at most an ordinal: "said Air Force 1st Lt.
// Owen Hale", "said Navy Cmdr. Alan Reese". The name before it is the
// service or body the person belongs to, not the one who speaks.
func (a *article) titledPersonAt(k int) bool {
	if k < len(a.toks) && isOrdinal(a.toks[k].text) {
		k++
	}
	if k >= len(a.toks) || a.byTok[k] == 0 {
		return false
	}
	m := &a.mentions[a.byTok[k]-1]
	return m.from == k && m.nameFrom > m.from && (m.role != "" || m.honorific)
}

// relativeBefore returns the token of a "who" or "whose" that opens a
// relative clause after a comma, within the sentence up to the comma at
// token c: "Marco Ruiz, whose hometown, Miami, is sinking, argues"; 0 for
// none.
func (a *article) relativeBefore(c int) int {
	for k := c - 1; k > 1 && k > c-30 && a.toks[k].kind != tokQuote && !a.toks[k+1].sentStart; k-- {
		if w := lower(a.toks[k].text); (w == "whose" || w == "who") && a.toks[k-1].text == "," {
			return k
		}
	}
	return 0
}

// promoteSources names the sources that a construction, not a verb after
// them, marks: "according to the Daily Caller", "as the Federalist
// reported", and a name that signs a quotation after a dash or at a
// paragraph's start ("… problematic - Pew Research: “…”").
func (a *article) promoteSources() {
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entMaybe && m.kind != entNone || m.from == 0 || m.possessive || len(m.words) == 0 {
			continue
		}
		k := m.from - 1
		the := lower(a.toks[k].text) == "the"
		if the {
			k--
		}
		switch {
		case k >= 1 && lower(a.toks[k].text) == "to" && lower(a.toks[k-1].text) == "according":
		case m.to+1 < len(a.toks) && a.toks[m.to].text == ":" && a.toks[m.to+1].quoteOpen &&
			(a.toks[m.from].sentStart || isDash(a.toks[m.from-1].text)):
		case the && m.to < len(a.toks) && cueVerbs[a.toks[m.to].text] && !strings.HasSuffix(a.toks[m.to].text, "ing"):
		default:
			continue
		}
		if the && m.kind == entNone {
			// "the Daily Caller reported": a name with an article that
			// speaks is a body (the article's "the" made it no person).
			if !eventName(m.words) && !a.fillsQuote(m) && !stopwords[lower(m.words[0])] && a.sourceName(m.words) {
				m.kind = entOrg
			}
			continue
		}
		if a.sourceName(m.words) {
			a.promote(m, m.to-1)
		}
	}
}

// memberNouns describe a person by party, persuasion or US state: "the
// Iowa Republican said", "the Texan said" is somebody, not a body. (Not the
// state nouns that name papers: the Oregonian, the Oklahoman, the
// Tennessean, the Washingtonian.)
var memberNouns = setOf("Republican", "Democrat", "Democratic", "Conservative", "Liberal", "Independent", "Progressive",
	"Libertarian", "Socialist", "Tory",
	"Alabamian", "Alaskan", "Arizonan", "Arkansan", "Californian", "Coloradan", "Delawarean", "Floridian", "Georgian",
	"Hawaiian", "Idahoan", "Illinoisan", "Hoosier", "Iowan", "Kansan", "Kentuckian", "Louisianan", "Mainer", "Marylander",
	"Michigander", "Minnesotan", "Mississippian", "Missourian", "Montanan", "Nebraskan", "Nevadan", "Ohioan",
	"Pennsylvanian", "Carolinian", "Dakotan", "Texan", "Utahn", "Vermonter", "Virginian",
	"Wisconsinite", "Wyomingite")

// sourceName reports words that can name a source a construction marks:
// not a title ("the Lord said"), a member noun, a family ("the Khans"),
// a person's surname ("the Sanders said") or a place.
func (a *article) sourceName(words []string) bool {
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if memberNouns[last] || honorificOrTitle(words[0]) || a.surnameOfPerson(last) {
		return false
	}
	if len(words) == 1 && strings.HasSuffix(last, "s") && a.surnameOfPerson(strings.TrimSuffix(last, "s")) {
		return false // "the Khans said": a family
	}
	for _, w := range words {
		if stopwords[lower(w)] {
			return false // "U.S. He said": two sentences
		}
	}
	if _, n, _ := matchPlace(words); n == len(words) {
		return false
	}
	return !strings.Contains(last, ".") || orgLike(words)
}

// orgEntity returns the organisation named words in byName, making it (and
// adding it to order) if it is new; first is where it is first named.
func orgEntity(byName map[string]*entity, order *[]*entity, words []string, first int) *entity {
	name := strings.Join(words, " ")
	if full, ok := partyModifiers[name]; ok {
		// "Lib Dem" typed a body by "Lib Dem leaders": the party.
		name, words = full, strings.Fields(full)
	}
	e := byName[name]
	if e == nil {
		e = &entity{kind: entOrg, words: words, name: name, first: first}
		byName[name] = e
		*order = append(*order, e)
	}
	return e
}

func (a *article) promote(m *mention, last int) {
	if m.kind == entNone && len(m.words) > 1 && last == m.to-1 && orgLike(m.words) && !eventName(m.words) && !a.fillsQuote(m) {
		m.kind = entOrg // "Virgin Australia said": a name with a place in it
		return
	}
	if m.kind != entMaybe || last != m.to-1 || len(m.words) > 4 || a.fillsQuote(m) {
		return
	}
	for _, w := range m.words {
		if notNameWords[w] || stopwords[lower(w)] || partyTag(w) {
			return
		}
	}
	if len(m.words) == 1 && a.toks[m.from].sentStart && strings.HasSuffix(m.words[0], "s") && !a.midCap[m.words[0]] {
		return // "Scientists say": a plural noun that opens a sentence
	}
	if len(m.words) == 1 && !sentenceInitialIsName(m.words[0]) && !a.midCap[m.words[0]] {
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
	if capsHeading(words, nil) {
		return false
	}
	for i, w := range words {
		if len(w) >= 2 && strings.ToUpper(w) == w && !strings.Contains(w, ".") && !shouted(w) {
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

// describesPerson reports a lower-case word for what a person is or does,
// whatever hyphenated prefix it has: "minister", "vice-chairman",
// "co-founder".
func describesPerson(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i > 0 {
		w = w[i+1:]
	}
	return isPersonNoun(w)
}

// appositionNoun reports whether the name stands in apposition to a noun
// that is accepted: "the developer, Pennine Leisure," / "Save Grovesend
// Fields, a campaign group".
func (a *article) appositionNoun(m *mention, accept func(string) bool) bool {
	if m.from >= 2 && a.toks[m.from-1].text == "," {
		for k := m.from - 2; k >= 0 && k > m.from-5 && a.toks[k].kind == tokWord; k-- {
			w := lower(a.toks[k].text)
			if accept(w) {
				return true
			}
			if isPersonNoun(w) || isOrgNoun(w) {
				// The phrase's head decides: "Its board chair, Réjean
				// Fillion," is a person whatever "board" names.
				break
			}
		}
	}
	if m.to+1 < len(a.toks) && a.toks[m.to].text == "," {
		d := lower(a.toks[m.to+1].text)
		if d == "a" || d == "an" || d == "the" {
			for k := m.to + 2; k < len(a.toks) && k < m.to+6 && (a.toks[k].kind == tokWord || a.toks[k].text == "’" || a.toks[k].text == "'"); k++ {
				// (an apostrophe: "the largest teachers’ union")
				// The noun phrase must close with a comma or the sentence:
				// in "In Manchester, the chancellor said" it is a subject.
				if accept(lower(a.toks[k].text)) && a.appositionCloses(k+1) {
					return true
				}
				if w := lower(a.toks[k].text); w == "of" || w == "who" || w == "at" || w == "in" || w == "for" || w == "with" || w == "from" {
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
		if j == k && (t.text == "that" || t.text == "which" || t.text == "whose") {
			return true // "a software company that manages …"
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
		case len(m.words) >= 2 && len(m.words) <= 3 && (a.toks[m.from].sentStart || a.clauseAfterConjunction(m.from)) && m.to < len(a.toks) && subjectVerb(a.toks[m.to]) && !orgLike(m.words):
			// "Volodymyr Zelensky joined the talks": a full name that
			// opens a sentence and does something.
			m.kind = entPerson
		case len(m.words) >= 2 && len(m.words) <= 3 && m.from > 0 && a.byTok[m.from-1] > 0 && a.mentions[a.byTok[m.from-1]-1].kind == entPlace && a.mentions[a.byTok[m.from-1]-1].possessive:
			// "Ukraine’s Volodymyr Zelensky": a country's named person.
			m.kind = entPerson
		case len(m.words) >= 2 && len(m.words) <= 3 && a.ageAfter(m):
			// "Samuel Adeyemi, 58, who …": only people have ages.
			m.kind = entPerson
		case a.appositionNoun(m, isOrgNoun):
			m.kind = entOrg
		case len(m.words) <= 4 && a.appositionNoun(m, isPersonNoun):
			m.kind = entPerson
		}
	}
}

// ageAfter reports a name followed by an age between commas: "X, 22,".
func (a *article) ageAfter(m *mention) bool {
	k := m.to
	if k+2 >= len(a.toks) || a.toks[k].text != "," || a.toks[k+2].text != "," {
		return false
	}
	w := a.toks[k+1].text
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// subjectVerb reports a word that reads as the verb after a subject:
// a past tense or a common auxiliary.
func subjectVerb(t token) bool {
	if t.kind != tokWord || t.capital {
		return false
	}
	switch t.text {
	case "has", "had", "is", "was", "will", "would", "could", "says", "said", "told", "wants", "thinks",
		// common irregular past tenses
		"sent", "made", "took", "gave", "won", "lost", "hit", "met", "left", "led", "went", "came", "saw", "got",
		"kept", "held", "brought", "became", "began", "found", "spoke", "wrote", "drew", "struck", "threw", "ran":
		return true
	}
	return len(t.text) > 4 && strings.HasSuffix(t.text, "ed") && !stopwords[t.text]
}

// personNouns stand in apposition to people: "Marcela Ríos, a teacher,".
var personNouns = setOf("coroner", "teacher", "volunteer", "farmer", "resident", "retiree", "pensioner", "student", "nurse",
	"fisherman", "grandmother", "grandfather", "mother", "father", "son", "daughter", "widow", "owner", "worker",
	"official", "spokesman", "spokeswoman", "spokesperson", "economist", "professor", "lecturer", "historian",
	"activist", "campaigner", "lawyer", "barrister", "solicitor", "doctor", "surgeon", "engineer", "designer",
	"filmmaker", "director", "writer", "artist", "player", "veteran", "survivor", "victim", "witness", "driver",
	"shopkeeper", "trader", "miner", "priest", "imam", "rabbi", "pastor", "chef", "musician", "singer", "actor",
	"actress", "novelist", "poet", "scientist", "researcher", "analyst", "adviser", "advisor", "aide", "strategist",
	"candidate", "lawmaker", "senator", "deputy", "mp", "councillor", "mayor", "governor", "judge", "host", "founder",
	"chairman", "chairwoman", "chair", "leader", "head", "executive", "boss", "manager", "coach", "captain", "midwife",
	"paramedic", "firefighter", "officer", "inspector", "constable", "detective", "commander", "general", "colonel",
	"predecessor", "successor", "journalist", "reporter", "correspondent", "editor", "columnist", "commentator",
	"presenter", "broadcaster", "pundit", "blogger", "curator", "photographer", "composer", "architect", "planner",
	"pharmacist", "dentist", "therapist", "psychologist", "psychiatrist", "sculptor", "painter", "dancer",
	"choreographer", "playwright", "comedian", "athlete", "organiser", "organizer")

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
			m.ent = orgEntity(orgs, &order, m.words, a.toks[m.from].start)
		case entPerson:
			if len(m.words) < 2 {
				return
			}
			first := m.words[0]
			if f := formalNames[first]; f != "" {
				first = f // "Rob Penhallow" and "Robert Penhallow" are one person
			}
			key := first + " " + (&entity{words: m.words}).last()
			e := people[key]
			if e == nil && initialAndSurname(m.words) {
				// "S Lusk" on a team sheet after "Sean Lusk".
				e = initialOf(order, m.words)
			}
			if e == nil && nameParticles[m.words[0]] {
				// "Mr van der Velde" after a full name ending so: a surname
				// with its particle, not a first name and a surname.
				e = surnameOf(order, m.words)
			}
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
	var particled []*mention
	// Pass 1: full names of people and all organisations. A name that is
	// all of a quotation ("Star Wars") is a title, whatever its first word.
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind == entPerson && !m.honorific && m.role == "" && a.fillsQuote(m) {
			m.kind = entNone
		}
		if m.kind == entPerson && len(m.words) >= 2 && nameParticles[m.words[0]] {
			// A surname with its particle waits for the full names.
			particled = append(particled, m)
			continue
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
		if m.kind == entPerson && len(m.words) > 0 && (len(m.words) == 1 || nameParticles[m.words[0]]) {
			// ("Mr van der Velde": a surname with its particle)
			honorSurnames[m.words[len(m.words)-1]] = true
		}
	}
	// adopt makes an unknown name a person, known by its surname and first
	// name where no other person is.
	adopt := func(m *mention) {
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
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind == entMaybe && len(m.words) >= 2 && (len(m.words) <= 4 || len(m.words) <= 6 && hasParticle(m.words)) && honorSurnames[m.words[len(m.words)-1]] {
			adopt(m)
		}
	}
	for _, m := range particled {
		add(m)
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
			adopt(m)
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
				// "Cruz" after "Ted Cruz" and "Ana Cruz": the one named
				// last that fits the honorific or title ("Mr. Brandt"
				// is not Carla Brandt).
				// "Madan, who …, said she would": a pronoun of the same
				// sentence tells the two apart.
				// A name whose given name has that gender goes first, then
				// one whose gender the lists do not know.
				g, gendered := a.pronounAhead(m.to)
				for pass := 0; pass < 2 && m.ent == nil; pass++ {
					for k := i - 1; k >= 0; k-- {
						if p := &a.mentions[k]; p.ent != nil && p.ent.kind == entPerson && len(p.words) > 1 && p.ent.last() == w && a.fitsMention(m, p.ent) {
							pg, _ := givenName(p.ent.firstW())
							if gendered && (pass == 0 && pg != g || pass == 1 && pg != unknownGender && pg != g) {
								continue
							}
							m.ent, m.kind = p.ent, entPerson
							break
						}
					}
				}
				for k := i + 1; m.ent == nil && k < len(a.mentions); k++ {
					// Before either is named in full (a headline's
					// "Clinton"): the one named next.
					if p := &a.mentions[k]; p.ent != nil && p.ent.kind == entPerson && len(p.words) > 1 && p.ent.last() == w && a.fitsMention(m, p.ent) {
						m.ent, m.kind = p.ent, entPerson
					}
				}
				if m.ent != nil {
					continue
				}
			}
			if e := surname[w]; e != nil && m.kind == entPerson && !a.fitsMention(m, e) {
				// "Mr. Brandt" in an article that names only Carla Brandt
				// in full: somebody else of that surname, who keeps the
				// lone surname from then on only when so marked.
				key := "\x00" + w
				o := people[key]
				if o == nil {
					o = &entity{kind: entPerson, words: m.words, first: a.toks[m.from].start, roles: map[string]bool{}}
					people[key] = o
					order = append(order, o)
				}
				m.ent = o
			} else if e != nil {
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
	order = a.orgAliases(order)
	a.titledCompanies(orgs, &order)
	a.nationalBodies(order)
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
	// A party named only as an adjective ("Tory leader Ann Corbel")
	// is named all the same.
	// They are read off the tokens, not made mentions: a mention there
	// would stand between the person and the sentence's start, where
	// attribution looks for the subject.
	for k := 0; k < len(a.toks); k++ {
		t := a.toks[k]
		if !t.capital {
			continue
		}
		if n := a.byTok[k]; n > 0 && a.mentions[n-1].kind != entNone && a.mentions[n-1].kind != entMaybe && k >= a.mentions[n-1].nameFrom {
			// (the title before a name may hold the party: "Alberta
			// NDP Leader Farid Qureshi")
			continue
		}
		name, n := partyModifiers[t.text], 1
		if k+1 < len(a.toks) && a.toks[k+1].capital {
			if long, ok := partyModifiers[t.text+" "+a.toks[k+1].text]; ok {
				name, n = long, 2
			}
		}
		if name == "" || k+n >= len(a.toks) || a.toks[k+n].kind != tokWord || a.toks[k+n].capital && !memberTitles[a.toks[k+n].text] {
			continue
		}
		if n == 1 && ideologies[t.text] && !a.toks[k+1].capital && !a.partyRoleAhead(k+1) {
			// "Liberal groups", "Conservative economists": the outlook,
			// not the party; "Liberal leader", "Conservative MP" are the
			// party's.
			continue
		}
		orgEntity(orgs, &order, strings.Fields(name), t.start).mentions++
		k += n - 1
	}
	// A party's adjective that a verb made a person ("the Lib Dem said")
	// is the party.
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind == entPerson && m.ent != nil && !m.honorific && m.role == "" && partyModifiers[strings.Join(m.ent.words, " ")] != "" {
			name := partyModifiers[strings.Join(m.ent.words, " ")]
			m.kind, m.ent = entOrg, orgEntity(orgs, &order, strings.Fields(name), m.ent.first)
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
			if g, ok := givenName(e.firstW()); ok && len(e.words) > 1 {
				e.gender = g
			}
		}
		for len(e.words) > 2 && postNominals[e.words[len(e.words)-1]] || len(e.words) == 2 && postNominals[e.words[1]] && !(e.kind == entPerson && romanNumeral(e.words[1])) {
			// ("Charles III" keeps its regnal number)
			e.words = e.words[:len(e.words)-1] // "Duncan Reeve QC" is Duncan Reeve
		}
		e.name = strings.Join(e.words, " ")
		if e.kind == entOrg && !partyNames[e.name] && !strings.Contains(a.body, e.name) {
			// "the EU" alone is filed as EU, the form the article gives.
			e.name = a.writtenName(e)
		}
		if e.mentions == 0 {
			continue
		}
		if e.kind == entOrg && (len(e.words) == 1 && commonHeads[e.words[0]] || len(e.words) == 2 && mediaHeads[e.words[1]] && placeWord(e.words[0])) {
			// "TV", "the Government", "US TV": a kind of body, not one
			// (a speaker all the same for attribution).
			e.unlisted = true
		}
		if e.kind == entPerson && len(e.words) == 1 && !a.loneNameIsPerson(e, vocab) {
			// "Verdantix said", "Election looms": a one-word name that a
			// verb made a speaker, with nothing of a person about it. A
			// proper name (never written in lower case, not a dictionary
			// word) is a body's; anything else is listed as neither.
			// Attribution still reads it as it was found; only the lists
			// change.
			if w := e.words[0]; knownOrgs[w] != "" {
				e.listOrg, e.name = true, knownOrgs[w] // "Labour said": the Labour Party
			} else if a.midCap[w] && sentenceInitialIsName(w) && !a.surnameOfPerson(w) {
				e.listOrg = true
			} else {
				e.unlisted = true
			}
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

// partyModifiers are the adjectival forms of parties, which news puts
// before a member's role ("Tory leader", "Lib Dem spokesman").
var partyModifiers = map[string]string{"Tory": "Conservative Party", "Conservative": "Conservative Party",
	"Liberal Democrat": "Liberal Democrats", "Lib Dem": "Liberal Democrats", "Plaid": "Plaid Cymru",
	"NDP": "NDP", "New Democrat": "NDP", "Bloc": "Bloc Québécois", "Liberal": "Liberal Party",
	"Progressive Conservative": "Progressive Conservative Party", "PQ": "Parti Québécois", "CAQ": "Coalition Avenir Québec"}

// ideologies are party adjectives that are also words for an outlook.
var ideologies = setOf("Liberal", "Conservative", "Democrat", "Progressive")

// partyRoles are the lower-case words after a party's adjective that make
// it the party's: its people, offices and bodies.
var partyRoles = setOf("leader", "leaders", "leadership", "deputy", "critic", "critics", "candidate", "candidates",
	"member", "members", "government", "governments", "caucus", "party", "opposition", "minister", "ministers",
	"premier", "senator", "senators", "spokesman", "spokeswoman", "spokesperson", "backbencher", "backbenchers",
	"councillor", "councillors", "chairman", "chair", "co-chairman", "co-chair", "chairwoman", "president", "whip", "mp", "mps", "mla", "mpp", "msp",
	"peer", "peers", "activist", "activists", "campaign", "campaigners", "insiders", "source", "sources",
	"officials", "strategist", "strategists", "administration", "nominee", "contender", "contenders", "hopeful",
	"hopefuls", "incumbent", "challenger", "rival", "rivals", "colleague", "colleagues", "headquarters", "conference",
	"manifesto", "policy", "victory", "defeat", "majority", "minority", "seat", "seats", "vote", "MP", "MPs")

// partyRoleAhead reports a party's role among the three lower-case words
// from token k: "Conservative local government spokesman".
func (a *article) partyRoleAhead(k int) bool {
	for j := k; j < len(a.toks) && j < k+3 && a.toks[j].kind == tokWord && !a.toks[j].capital; j++ {
		if partyRoles[a.toks[j].text] {
			return true
		}
	}
	return false
}

// memberTitles are the capitalised words for a party's members and leaders
// that follow its adjective: "Conservative MPs", "Liberal MPP", "NDP Leader".
var memberTitles = setOf("MP", "MPs", "MPP", "MPPs", "MLA", "MLAs", "MSP", "MSPs", "MEP", "MEPs", "MNA", "MNAs",
	"AM", "AMs", "Leader", "Senator", "Senators", "Councillor", "Councillors", "Peer", "Peers")

// commonHeads are head words that alone name a kind of body, not one.
var commonHeads = setOf("TV", "Radio", "Television", "Government", "Cabinet", "Guild", "Media", "Press", "Police", "Army", "Navy", "Union", "Party", "Council", "Court", "Nation", "Municipality")

// mediaHeads after a country name a country's media ("US TV"), no one
// broadcaster.
var mediaHeads = setOf("TV", "Radio", "Television", "Media", "Press")

func placeWord(w string) bool {
	_, n, _ := matchPlace([]string{w})
	return n == 1
}

// initialOf returns the one person of order whose full name has the
// surname of words and a first name with its initial.
func initialOf(order []*entity, words []string) *entity {
	var found *entity
	last := (&entity{words: words}).last()
	for _, e := range order {
		if e.kind == entPerson && len(e.words) > 1 && len(e.words[0]) > 2 && e.words[0][0] == words[0][0] && e.last() == last {
			if found != nil {
				return nil
			}
			found = e
		}
	}
	return found
}

// writtenName returns the longest form of organisation e that the article
// writes (the first of equals), or e's name if no mention is written as a
// plain name.
func (a *article) writtenName(e *entity) string {
	best := e.name
	n := 0
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.ent != e || m.nameFrom >= m.to || a.toks[m.nameFrom].start >= a.toks[m.to-1].end || numberTen(a.toks, m.from) {
			continue // ("No 10" is no form of Downing Street's name)
		}
		w, _ := stripPossessive(a.body[a.toks[m.nameFrom].start:a.toks[m.to-1].end])
		if len(w) > n && !strings.Contains(w, "\n") {
			best, n = w, len(w)
		}
	}
	return best
}

// fitsMention reports whether a lone surname mention m can be entity e:
// its honorific's gender and its title agree with what e's full mentions
// say (resolution of those is still under way, so they are read here).
func (a *article) fitsMention(m *mention, e *entity) bool {
	if m.gender != unknownGender {
		g := unknownGender
		if fg, ok := givenName(e.firstW()); ok {
			g = fg
		}
		if g != unknownGender && g != m.gender {
			return false
		}
	}
	if m.role == "" {
		return true
	}
	other := false // another person of this surname had the title
	for k := range a.mentions {
		p := &a.mentions[k]
		if p.role != m.role || p.ent == nil || p.ent.kind != entPerson || p.ent.last() != e.last() {
			continue
		}
		if p.ent == e {
			return true
		}
		other = true
	}
	return !other
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
	if m.from >= 1 {
		// "from captain Eric Beaulne", "said coach Gord Fenwick": a
		// role in lower case right before the name.
		if t := a.toks[m.from-1]; t.kind == tokWord && !t.capital {
			if r, ok := roleHeads[t.text]; ok && r != "minister" {
				m.ent.roles[r] = true
				return
			}
		}
	}
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

// titledCompanies undoes a title read into a company's name: "General Motors
// … GM said" is no general called Motors. A name that a title word begins,
// with no honorific, whose acronym the article also uses alone is the body
// the acronym stands for.
func (a *article) titledCompanies(orgs map[string]*entity, order *[]*entity) {
	acronyms := map[string]bool{}
	for i := range a.mentions {
		m := &a.mentions[i]
		if len(m.words) == 1 && len(m.words[0]) >= 2 && len(m.words[0]) <= 5 && strings.ToUpper(m.words[0]) == m.words[0] {
			acronyms[m.words[0]] = true
		}
	}
	if len(acronyms) == 0 {
		return
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entPerson || m.honorific || m.role == "" || m.nameFrom <= m.from {
			continue
		}
		full := make([]string, 0, m.to-m.from)
		for k := m.from; k < m.to; k++ {
			if a.toks[k].kind == tokWord {
				w, _ := stripPossessive(a.toks[k].text)
				full = append(full, w)
			}
		}
		if len(full) < 2 || len(full) > 4 {
			continue
		}
		for acr := range acronyms {
			if acronymOf(acr, full) {
				m.kind, m.words, m.role = entOrg, full, ""
				m.ent = orgEntity(orgs, order, full, a.toks[m.from].start)
				break
			}
		}
	}
}

// pronounAhead returns the gender of the first "he", "she", "his" or "her"
// after token k in its sentence, outside quotations, within a few words.
func (a *article) pronounAhead(k int) (gender, bool) {
	for j := k; j < len(a.toks) && j < k+16 && (j == k || !a.toks[j].sentStart); j++ {
		t := a.toks[j]
		if t.kind != tokWord || a.insideSpan(t.start) {
			continue
		}
		switch lower(t.text) {
		case "he", "his", "him":
			return male, true
		case "she", "her":
			return female, true
		}
	}
	return unknownGender, false
}

// surnameOf returns the one person whose full name ends in words, a
// surname of more than one word.
func surnameOf(order []*entity, words []string) *entity {
	var found *entity
	for _, e := range order {
		if e.kind != entPerson || len(e.words) <= len(words) || !slices.Equal(e.words[len(e.words)-len(words):], words) {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// formalNames are the full forms of common English short first names:
// an article may give both ("Rob Penhallow … the appointment of Robert
// Penhallow"), and the one it gives first names the person.
var formalNames = map[string]string{
	"Dave": "David", "Bill": "William", "Billy": "William", "Will": "William", "Bob": "Robert", "Rob": "Robert",
	"Bobby": "Robert", "Jim": "James", "Jimmy": "James", "Mike": "Michael", "Mick": "Michael", "Tony": "Anthony",
	"Tom": "Thomas", "Tommy": "Thomas", "Dick": "Richard", "Rick": "Richard", "Chris": "Christopher",
	"Dan": "Daniel", "Danny": "Daniel", "Ed": "Edward", "Eddie": "Edward", "Ted": "Edward", "Ben": "Benjamin",
	"Sam": "Samuel", "Joe": "Joseph", "Nick": "Nicholas", "Pete": "Peter", "Andy": "Andrew", "Alex": "Alexander",
	"Matt": "Matthew", "Pat": "Patrick", "Ron": "Ronald", "Don": "Donald", "Jon": "Jonathan", "Greg": "Gregory",
	"Jeff": "Jeffrey", "Ken": "Kenneth", "Larry": "Lawrence", "Tim": "Timothy", "Charlie": "Charles",
	"Chuck": "Charles", "Fred": "Frederick", "Phil": "Philip", "Steve": "Steven", "Stu": "Stuart",
	"Kate": "Katherine", "Katie": "Katherine", "Liz": "Elizabeth", "Beth": "Elizabeth", "Sue": "Susan",
	"Jenny": "Jennifer", "Maggie": "Margaret", "Becky": "Rebecca", "Debbie": "Deborah", "Vicky": "Victoria",
	"Mandy": "Amanda", "Nicky": "Nicola", "Jo": "Joanne", "Cathy": "Catherine", "Pam": "Pamela",
}

// nationalBodies makes "the Department of Justice" the US Department of
// Justice the article named before or after: a body named once with its
// country and then without it.
func (a *article) nationalBodies(order []*entity) {
	longer := map[string]*entity{}
	for _, e := range order {
		if e.kind != entOrg || len(e.words) < 3 {
			continue
		}
		if _, n, kind := matchPlace(e.words); n > 0 && n <= 2 && n < len(e.words)-1 && kind != placeCity {
			short := strings.Join(e.words[n:], " ")
			if o, seen := longer[short]; seen && o != e {
				longer[short] = nil // two countries' bodies: which one is unclear
			} else {
				longer[short] = e
			}
		}
	}
	if len(longer) == 0 {
		return
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entOrg || m.ent == nil {
			continue
		}
		if e := longer[strings.Join(m.ent.words, " ")]; e != nil {
			m.ent = e
		}
	}
}
