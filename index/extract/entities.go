package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

type gender uint8

const (
	unknownGender gender = iota
	male
	female
)

type entKind uint8

const (
	entNone entKind = iota
	entPerson
	entOrg
	entPlace
	entRole // a title with no name: "the Prime Minister signed ..."
	entMaybe
)

// mention is one capitalised phrase of the text and what it was taken for.
type mention struct {
	from, to   int // token range [from, to) of the whole phrase, title included
	nameFrom   int // first token of the name proper (after honorifics and titles)
	kind       entKind
	words      []string // the name's words, possessives stripped
	role       string   // normal form of the title before the name, if any
	country    string   // demonym or place inside the title ("French President")
	gender     gender
	honorific  bool
	ent        *entity
	possessive bool
	prefix     int // leading words that name a body before a title: "European Commission President …"
}

// entity is one person or organisation of the article after coreference.
type entity struct {
	kind     entKind
	words    []string // the longest full form
	name     string
	mentions int
	first    int // byte offset of the first mention
	gender   gender
	roles    map[string]bool
	country  string
	// A lone name that is no person goes to the organisation list
	// (listOrg) or to neither (unlisted); attribution reads it as found.
	listOrg, unlisted bool
}

// last is the surname: the last word that is not a suffix like Jr.
func (e *entity) last() string {
	for i := len(e.words) - 1; i > 0; i-- {
		if !nameSuffixes[e.words[i]] {
			return e.words[i]
		}
	}
	return e.words[0]
}

// legislators are the letters after the name of a member of a parliament
// or assembly, which say which house the person sits in: "Jane Doe MSP".
var legislators = setOf("MP", "MSP", "MS", "AM", "MLA", "MPP", "MNA", "MHA", "MEP", "TD")

// memberLetters follow the name of a member of a parliament or assembly,
// or of an order or a profession: "Jane Doe MSP", "John Roe QC".
var memberLetters = func() map[string]bool {
	m := setOf("QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE")
	for w := range legislators {
		m[w] = true
	}
	return m
}()

var nameSuffixes = setOf("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "KC", "QC", "MP", "MEP", "PhD")

func (e *entity) firstW() string { return e.words[0] }

// stripPossessive removes 's / ’s / ‘s / a trailing apostrophe.
func stripPossessive(w string) (string, bool) {
	for _, suf := range []string{"'s", "’s", "‘s", "ʼs"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	if (strings.HasSuffix(w, "’") || strings.HasSuffix(w, "'")) && len(w) > 3 {
		r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(w, "’'"))
		if r == 's' {
			return strings.TrimRight(w, "’'"), true
		}
	}
	return w, false
}

var nameParticles = setOf("de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dal", "dalla", "le", "la", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "y", "Van", "De", "Ten",
	"ap") // Welsh: "Rhun ap Iorwerth"

// broadcastWords take a station's number after them; stationSuffixes may
// follow the number ("Radio 5 Live", "Radio 6 Music").
var broadcastWords = setOf("Radio", "Channel", "News")
var stationSuffixes = setOf("Live", "Music", "Extra", "Xtra", "FM")

var orgConnectors = setOf("of", "for", "the", "on", "and", "&")

func isCapWord(t token) bool {
	if t.kind != tokWord {
		return false
	}
	if t.capital {
		// "Stockholm-based", "UK-led": adjectives, not names ("Woo-hyun" is one).
		if i := strings.LastIndexByte(t.text, '-'); i > 0 && i+1 < len(t.text) && hyphenAdjectives[t.text[i+1:]] {
			return false
		}
		return true
	}
	// al-Assad, el-Sisi, bin-Salman
	if i := strings.IndexByte(t.text, '-'); i > 0 && i < 4 && i+1 < len(t.text) {
		r, _ := utf8.DecodeRuneInString(t.text[i+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// lowerVocab returns the set of words that occur in lower case in the
// text: a capitalised word that is also used in lower case is a common
// word, not a name.
// afterDateline reports the first word after a dateline's dash: "OTTAWA —
// The Bloc Québécois", "LONDON (Reuters) - The": the story's first word,
// though the tokenizer saw no sentence start there.
func afterDateline(toks []token, k int) bool {
	if k < 2 {
		return false
	}
	switch toks[k-1].text {
	case "—", "–", "-", "--":
	default:
		return false
	}
	p := toks[k-2].text
	if p == ")" || len(p) > 1 && strings.ToUpper(p) == p && strings.ToLower(p) != p {
		return true
	}
	// "TACOMA, Wash. —": a dateline in capitals, then its state.
	for b := k - 2; b >= 0 && b >= k-7 && toks[b].para == toks[k-1].para; b-- {
		if b == 0 || toks[b-1].para != toks[b].para {
			w := toks[b].text
			return len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w
		}
	}
	return false
}

func lowerVocab(toks []token) map[string]bool {
	m := make(map[string]bool, len(toks)/2)
	for _, t := range toks {
		if t.kind == tokWord && !t.capital {
			c := t.text[0]
			if c >= 'a' && c <= 'z' {
				m[t.text] = true
			}
		}
	}
	return m
}

// findMentions collects the capitalised phrases of the text and classifies
// each as a person, organisation, place, title or unknown name.
func findMentions(toks []token, vocab map[string]bool) []mention {
	var ms []mention
	surnames := fullNameSurnames(toks)
	headlines := titleCaseParagraphs(toks)
	for i := 0; i < len(toks); {
		if !isCapWord(toks[i]) {
			i++
			continue
		}
		if numberTen(toks, i) {
			// "No 10", "Number 10": Downing Street, a mention like any
			// other ("No 10 said", "a Number 10 spokeswoman said").
			m := classify([]string{toks[i].text, "10"}, vocab) // the seat's organisation (places.go)
			m.from, m.to, m.nameFrom = i, i+2, i
			ms = append(ms, m)
			i += 2
			continue
		}
		if end := nicknameAt(toks, i); end > 0 {
			// Danny "The Hammer" Quayle: the given name and the surname
			// are the person; the nickname between is no part of the name.
			w, pos := stripPossessive(toks[end-1].text)
			ms = append(ms, mention{kind: entPerson, words: []string{toks[i].text, w}, from: i, to: end, nameFrom: i, possessive: pos})
			i = end
			continue
		}
		fr, n := i, frenchBodyRun(toks, i)
		if n == 0 && frenchArticles[toks[i].text] {
			fr, n = i+1, frenchBodyRun(toks, i+1)
		}
		if n > 0 {
			// "The Office québécois de la langue française said", "the
			// Division scolaire franco-manitobaine": a body named in French
			// is written in lower case after its head word.
			var words []string
			for k := fr; k < fr+n; k++ {
				words = append(words, toks[k].text)
			}
			w, pos := stripPossessive(words[len(words)-1])
			words[len(words)-1] = w
			ms = append(ms, mention{kind: entOrg, words: words, from: fr, to: fr + n, nameFrom: fr, possessive: pos})
			i = fr + n
			continue
		}
		// Grow the run of capitalised words with name particles and, inside
		// organisation names, of/for/the/and.
		j := i
		var words []string
		possessive := false
		hasOrgHead := false
		for j < len(toks) && toks[j].para == toks[i].para {
			t := toks[j]
			if j > i && t.sentStart {
				break
			}
			if j > i && numberTen(toks, j) {
				break // "A Number 10 spokeswoman": the seat is a name of its own
			}
			if isCapWord(t) {
				w, pos := stripPossessive(t.text)
				if len(words) > 0 && headlineVerb(w) {
					// "Ann Reyes Says Rival ‘…’": in a headline in Title
					// Case a reporting verb ends the name before it.
					break
				}
				if head, ok := gluedHead(w); ok && len(words) > 0 {
					// "Carla NunezRep. Tom Becker": the source lost a
					// space; the name ends with the head.
					words = append(words, head)
					j++
					break
				}
				words = append(words, w)
				if orgHeads[w] {
					hasOrgHead = true
				} else if hasOrgHead && !containsOrgHead(words) {
					// A bound head followed by a name ("House Speaker Paul
					// Ryan") heads nothing: "of Wisconsin" is no part of it.
					hasOrgHead = false
				}
				j++
				if pos {
					if orgPossessive(toks, j, w, vocab) {
						// "the Republican People’s Party": a possessive
						// inside an organisation's name, kept as written.
						words[len(words)-1] = t.text
						continue
					}
					possessive = true
					break
				}
				if num, pos, ok := numberAfter(toks, j, 5); ok && w == "Local" && len(words) > 1 {
					// "United Auto Workers Local 79", "Steelworkers Local
					// 1107": a union's branch by its number.
					words = append(words, num)
					j++
					hasOrgHead = true
					if pos {
						possessive = true
						break
					}
					continue
				}
				if num, pos, ok := numberAfter(toks, j, 2); ok && broadcastWords[w] {
					// "BBC Radio 4", "Channel 4", "BBC News 24", "BBC
					// Radio 5 Live": a station's number is its name.
					words = append(words, num)
					j++
					if pos {
						possessive = true
						break
					}
					if j < len(toks) && isCapWord(toks[j]) && stationSuffixes[toks[j].text] && toks[j].para == t.para {
						w2, pos2 := stripPossessive(toks[j].text)
						words = append(words, w2)
						j++
						if pos2 {
							possessive = true
							break
						}
					}
					hasOrgHead = true
				}
				continue
			}
			if (t.text == "’" || t.text == "'") && len(words) > 0 && toks[j-1].end == t.start && strings.HasSuffix(words[len(words)-1], "s") && orgPossessive(toks, j+1, words[len(words)-1], vocab) {
				// "the Secondary Principals’ Association": the plural
				// possessive's apostrophe is a token of its own.
				words[len(words)-1] += t.text
				j++
				continue
			}
			if t.text == "," && hasOrgHead && hasConnector(words) && orgListAhead(toks, j) {
				// "the Commission for Conciliation, Mediation and
				// Arbitration": a list inside a name after "for" or "of".
				words[len(words)-1] += ","
				j++
				continue
			}
			if t.text == "and" && len(withoutThe(words)) == 1 && !hasOrgHead && (commonCapital(words[len(words)-1]) || andJoinable(words[len(words)-1])) && orgRunAhead(toks, j+1) {
				// "the Food and Drug Administration", "the Transport and
				// Logistics Workers Union": a word joined to the name of a
				// body.
				words = append(words, t.text)
				j++
				continue
			}
			if (t.text == "and" || t.text == "for" || t.text == "of" || t.text == "&" || t.text == "the") && len(words) >= 1 && len(words) <= 5 {
				if n := knownNameAhead(words, toks, j); n > 0 {
					// "the Centers for Disease Control and Prevention",
					// "U.S. Customs and Border Protection": a body the
					// lexicon knows by a name with "and" in it.
					for k := j; k < j+n; k++ {
						words = append(words, toks[k].text)
					}
					j += n
					hasOrgHead = true // ("House of Lords Record Office" goes on)
					continue
				}
			}
			if core := withoutThe(words); t.text == "and" && len(core) >= 2 && len(core) <= 3 && (knownOrgs[core[0]] != "" || boundHeads[core[0]]) && committeeAhead(toks, j+1) {
				// "the Senate Energy and Natural Resources Committee",
				// "the House Ways and Means Committee": a chamber's
				// committee named by two subjects.
				words = append(words, t.text)
				j++
				continue
			}
			if (t.text == "and" || t.text == ",") && len(words) >= 1 && len(words) <= 2 && !hasOrgHead {
				if n := agencyAhead(words, toks, j); n > 0 {
					// "Fisheries and Oceans Canada", "Immigration,
					// Refugees and Citizenship Canada": a body named by
					// its fields and the country it serves.
					for k := j; k < j+n; k++ {
						if toks[k].text == "," {
							words[len(words)-1] += ","
						} else {
							words = append(words, toks[k].text)
						}
					}
					j += n
					continue
				}
			}
			if t.text == "of" && !hasOrgHead && ofRunJoinable(words, toks, j+1) {
				// "Vale of Harrowdale District Council", "Aldwick Church of
				// England Primary School", "Isle of Wight Council": a
				// place's or a body's name with "of" inside, before the
				// head word that makes it a body.
				words = append(words, t.text)
				j++
				continue
			}
			if t.text == "and" && len(words) >= 1 && len(words) <= 3 && !hasOrgHead && andRunJoinable(words, toks, j+1) {
				// "Cumbria Fire and Rescue Service", "Devon and Cornwall
				// Police", "the Senate Energy and Natural Resources
				// Committee": words of one body's name before "and".
				words = append(words, t.text)
				j++
				continue
			}
			if t.text == "," && len(withoutThe(words)) == 1 && !hasOrgHead && commonCapital(words[len(words)-1]) && orgListHeadAhead(toks, j) {
				// "the Foreign, Commonwealth and Development Office".
				words[len(words)-1] += ","
				j++
				continue
			}
			if t.kind == tokWord && nameParticles[t.text] && len(words) > 0 && j+2 < len(toks) && nameParticles[toks[j+1].text] && isCapWord(toks[j+2]) && toks[j+2].para == t.para {
				// "Ursula von der Leyen"
				words = append(words, t.text, toks[j+1].text)
				j += 2
				continue
			}
			if t.kind == tokWord && j+1 < len(toks) && isCapWord(toks[j+1]) && toks[j+1].para == t.para && !toks[j+1].sentStart {
				afterTitle := len(words) > 0 && titleWords[words[len(words)-1]] && (t.text == "of" || t.text == "for")
				next := toks[j+1].text
				_, nextIsPlace, _ := matchPlace([]string{next})
				// (Not after a complete name: "Oxfam International and
				// Liberty" are two bodies, unless a head follows.)
				complete := orgHeads[words[len(words)-1]] && !orgRunAhead(toks, j+1)
				if t.text == "and" && headAfterConnector(words) && andTailAhead(toks, j+1, vocab) {
					// "the Department of Health and Social Care".
					words = append(words, t.text)
					j++
					continue
				}
				andInOrg := t.text == "and" && hasOrgHead && !complete && !hasTitle(words) && !hasHonorific(next) && !titleWords[next] && !isFirstName(next) && nextIsPlace == 0 &&
					!(len(words) == 1 && (knownOrgs[words[0]] != "" || boundHeads[words[0]])) && knownOrgs[next] == "" && !boundHeads[next] && // not "House and Senate": two bodies
					next != "The" // nor "The New York Times and The Washington Post"
				connector := hasOrgHead && orgConnectors[t.text] && t.text != "and" && !notNameWords[next]
				if nameParticles[t.text] || connector || andInOrg || afterTitle || t.text == "&" {
					words = append(words, t.text)
					j++
					continue
				}
			}
			if (t.text == "of" || t.text == "for") && hasOrgHead && j+2 < len(toks) && toks[j+1].text == "the" && isCapWord(toks[j+2]) && toks[j+2].para == t.para && !notNameWords[toks[j+2].text] {
				// "Bank of the Philippine Islands", "Office for the
				// Coordination of Humanitarian Affairs".
				words = append(words, t.text, "the")
				j += 2
				continue
			}
			if t.text == "." && len(words) > 0 && toks[j-1].end == t.start && j+1 < len(toks) && isCapWord(toks[j+1]) && toks[j+1].para == t.para {
				// "Sen. Ted Cruz", "Vladimir V. Putin", "Army Capt. Luis Ferrer".
				w := words[len(words)-1]
				if abbreviations[w] || len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || titleWords[w] || honorifics[w+"."] != unknownGender || titleWords[w+"."] {
					words[len(words)-1] = w + "."
					j++
					continue
				}
			}
			if t.text == "&" && j+1 < len(toks) && isCapWord(toks[j+1]) {
				words = append(words, t.text)
				j++
				continue
			}
			break
		}
		if j < len(toks) && toks[j].para == toks[i].para && !toks[j].sentStart && toks[j].kind == tokWord && toks[j].capital && !isCapWord(toks[j]) {
			// "Los Angeles-based attorney …", "New York-listed": the run
			// is the front of a compound adjective (isCapWord stopped at
			// its hyphenated end), not a name of its own.
			i = j + 1
			continue
		}
		from := i
		// Drop sentence-initial common words: "The", "But", "Following".
		opensSentence := func(k int) bool {
			// A quotation starts an utterance: its first word is capitalised.
			return toks[k].sentStart || k > 0 && toks[k-1].quoteOpen
		}
		if len(words) > 1 && words[0] == "The" && afterDateline(toks, from) {
			// "OTTAWA — The Bloc Québécois": only the article goes; the
			// words after it are as capitalised as the writer meant.
			words = words[1:]
			from++
		}
		described := false // the run opened with a kind of body: "Retailer …"
		for len(words) > 0 && opensSentence(from) || len(words) > 0 && from > i {
			w := words[0]
			lw := strings.ToLower(w)
			common := stopwords[lw] || cueVerbs[lw] || (vocab[lw] && !honorificOrTitle(w) && !isKnownName(words)) ||
				len(lw) > 5 && strings.HasSuffix(lw, "ing") && !isFirstName(w) // "Entrusting Donald Trump …"
			if common && from == i && !stopwords[lw] && opensKnownName(words, vocab) {
				common = false
			}
			if !common && from == i && !honorificOrTitle(w) && !isKnownName(words) && knownOrgs[w] == "" {
				// Not decided by the article itself: ask prose's tag dictionary.
				if _, n, _ := matchPlace(words); n == 0 {
					common = !sentenceInitialIsName(w)
				}
			}
			if common && from == i && len(words) == 1 && surnames[w] && (verbAfter(toks, j) || whoAfter(toks, j)) {
				// "Will urged voters …" in an article about George Will:
				// the surname of a person the article names in full,
				// doing something, is that person, not the common word.
				common = false
			}
			if !common && from == i && len(words) >= 2 && orgDescriptors[lw] && !(len(words) == 2 && orgHeads[words[1]]) {
				// "Charity Mind Matters said", "Retailer Harlow Brothers
				// said": a sentence may open with what kind of body it
				// is, then its name (not "Charity Commission").
				common, described = true, true
			}
			if from > i {
				// After "The" or "But" only further function words go, and
				// "US" in capitals is no "us".
				_, place, _ := matchPlace(words[:1])
				common = stopwords[lw] && place == 0
			}
			if !common && from == i && len(words) >= 3 && len(words) <= 4 && roleHeads[lw] != "" && !honorificOrTitle(w) && !containsOrgHead(words[1:]) {
				// "Center Ada Obi blocked four shots", "Guard Tomas
				// Reyes scored": a player's position before the name,
				// not a body ending in "Center" or "Guard".
				common = true
			}
			if !common && from == i && len(words) == 1 && orgHeads[w] && knownOrgs[w] == "" && j < len(toks) && imperativeObjects[toks[j].text] {
				// "Watch the video above", "Watch this space": a verb
				// that is also a body's head word, telling the reader.
				common = true
			}
			if common && from == i && !stopwords[lw] && (!strings.HasSuffix(lw, "ing") || sportGerunds[lw]) && placeAgency(words) {
				// "Curling Canada said", "Colleges Ontario, which …": a
				// field and the place it serves name a body at a
				// sentence's start too (not "Neighbouring Uganda").
				common = false
			}
			if common && from == i && len(words) >= 2 && headsName(words[1:]) && commonNoun(lw) {
				// "Insurance Bureau of Canada said", "Transport Department
				// figures": a noun before a body's head word is what the
				// body does, part of its name, at a sentence's start too.
				common = false
			}
			if common && len(words) > 2 && containsOrgHead(words) {
				if _, n, _ := matchPlace(words[1:]); n > 0 {
					// "East Japan Railway", "North Wales Police": the word
					// before a place is part of the name.
					common = stopwords[lw]
				}
			}
			if !common {
				break
			}
			if len(words) > 1 && knownOrgs[strings.Join(words, " ")] != "" {
				break
			}
			words = words[1:]
			from++
			if len(words) == 0 {
				break
			}
		}
		if len(words) >= 2 && hyphenDescriptor(words[0]) {
			// "Oscar-nominated Ann Reyes", "Glasgow-born Tom Hale",
			// "London-based Halvern": what describes the name is not in it.
			words = words[1:]
			from++
		}
		if n := len(words); n > 1 && weekdays[words[n-1]] {
			// "told CNN Tuesday", "entering the United States Tuesday",
			// "CBS News on Super Tuesday": the day is when, not a name's.
			words = words[:n-1]
			if n > 2 && dayModifiers[words[n-2]] {
				words = words[:n-2]
			}
		}
		// Trailing connectors never end a name.
		for len(words) > 0 && (orgConnectors[words[len(words)-1]] || nameParticles[words[len(words)-1]]) {
			words = words[:len(words)-1]
		}
		if len(words) > 0 {
			m := classify(words, vocab)
			if m.kind == entRole && len(words) == 1 && surnames[words[0]] && !toks[from].quoteOpen {
				// "Cardinal grew up in Loon Lake" after "artist Delphine
				// Cardinal": a title word that is the surname of someone
				// the article names in full is that person.
				m = mention{kind: entMaybe, words: words}
			}
			if described && (m.kind == entPerson && !m.honorific && m.role == "" || m.kind == entMaybe || m.kind == entNone) {
				// What the sentence said the name is.
				m = mention{kind: entOrg, words: words}
			}
			if len(words) == 2 && stopwords[strings.ToLower(words[1])] && !surnameFunctionWords[words[1]] && headlines[toks[from].para] {
				// "… and Hale In, What's Next": in a headline every word
				// is capitalised, so a first name and a function word are
				// no name.
				m.kind = entNone
			}
			// "the David Blunkett visa affair": one more word may
			// come between the name and what it is about (not "the
			// Kara Tepe refugee camp", a place).
			attributive := m.kind == entPerson && len(words) > 1 && isKnownName(words) && j < len(toks) &&
				(personsNouns[toks[j].text] || toks[j].kind == tokWord && !toks[j].capital && j+1 < len(toks) && personsNouns[toks[j+1].text] && toks[j+1].text != "camp")
			if (m.kind == entMaybe || m.kind == entPerson && !m.honorific && m.role == "") && from > 0 && lower(toks[from-1].text) == "the" && !attributive {
				// ("the Bernie Sanders campaign" names a person before a
				// common noun: attributive, it stays a person.)
				// "the Abraham Accords", "the Paris Declaration": a name, but
				// not a person's; "the ACU" names an organisation.
				m.kind = entNone
				if orgLike(words) && !(j < len(toks) && toks[j].kind == tokWord && thingNouns[toks[j].text]) {
					// Not "the DETER system", "the KRAS gene": a thing
					// named by its acronym.
					m.kind, m.words = entOrg, words
				}
			}
			if m.kind == entOrg && j < len(toks) && (toks[j].text == "building" || toks[j].text == "buildings") {
				// "the Congress building": the building, not the body.
				m.kind = entNone
			}
			if m.kind == entOrg && facility(words) {
				// "Centre Court", "the Xichang Satellite Launch Center": a
				// place where things happen, not a body.
				m.kind = entNone
			}
			if code := placeAbbreviation(toks, from, j, words); code != "" {
				// "Worcester, Mass.", "Tolliver, D-N.Y.": a state, not a name.
				m = mention{kind: entPlace, words: words, country: code}
				if code == "-" {
					m.kind, m.country = entNone, ""
				}
			} else if dateline(toks, from, j) {
				// "LOS ANGELES —": the place an article was filed from.
				code, n, _ := matchPlace(titleCased(words))
				stateAfter := false
				if len(words) > 1 && toks[j].text == "," && j+1 < len(toks) {
					// "EAGLE PASS, Texas —": a town, then its state.
					_, k, _ := matchPlace([]string{toks[j+1].text})
					stateAfter = k > 0 || regionCode(toks[j+1].text) != ""
				}
				if n == len(words) || stateAfter || m.kind != entOrg && m.kind != entPerson && toks[j].text != "," {
					// (before a comma only a known place: "CTERA, the
					// union, said" opens with a name)
					m = mention{kind: entPlace, words: words, country: code}
				}
			}
			m.from, m.to = from, j
			m.nameFrom += from
			m.possessive = possessive || nameBeforeApostrophe(toks, j, words)
			if sur := sharedSurname(toks, j, words); sur != "" && !possessive {
				// "Neil and Karen Pendlebury": the first name shares the
				// surname after the second.
				m.kind, m.words = entPerson, []string{words[0], sur}
			}
			if m.kind == entPerson && m.prefix > 0 {
				// "CTERA Secretary General Sonia Alesso": the body, then
				// its officer.
				for k := from + 1; k < j; k++ {
					if strings.TrimSuffix(toks[k].text, ".") == strings.TrimSuffix(words[m.prefix], ".") {
						org := classify(words[:m.prefix], vocab)
						org.from, org.to, org.nameFrom = from, k, from
						ms = append(ms, org)
						m.from = k
						break
					}
				}
			}
			ms = append(ms, m)
		}
		if j == i {
			j++
		}
		i = j
	}
	shareSurnames(ms, toks)
	mentionEdges(ms, toks)
	return corroborateHeadline(ms, toks, vocab, headlines)
}

// shareSurnames gives a given name alone before "and" and a person's full
// name the full name's surname where sharedSurname could not: its surname
// is a given name too ("Robin and Barry Gibb", "Bill and Hillary
// Clinton"), so only once the full name is typed a person's does it count.
// The mention keeps its one token.
func shareSurnames(ms []mention, toks []token) {
	for i := 1; i < len(ms); i++ {
		m, first := &ms[i], &ms[i-1]
		if m.kind != entPerson || m.honorific || m.role != "" || len(m.words) < 2 || !isFirstName(m.words[0]) ||
			len(first.words) != 1 || first.to+1 != m.from || first.honorific || first.role != "" || first.possessive || !isFirstName(first.words[0]) {
			continue
		}
		if and := toks[first.to].text; and != "and" && and != "&" {
			continue
		}
		if i >= 2 && ms[i-2].to+1 == first.from && toks[first.from-1].text == "," && len(ms[i-2].words) == 1 ||
			firstNameTaken(ms, first.words[0], m.words[len(m.words)-1]) {
			// "Brandy, Monica and Lauryn Hill": the end of a list of
			// names; "Hillary and Tim Kaine": the article's Hillary is
			// someone else.
			continue
		}
		first.words = []string{first.words[0], m.words[len(m.words)-1]} // not a middle initial: "Jeb and George W. Bush"
		first.kind = entPerson
	}
}

// corroborateHeadline keeps of the names in a headline written in Title
// Case (the text's first paragraph, capitalising common words:
// commonWordsCapitalised) those the rest of the text names too.
// There every word is capitalised, so a capital marks no name: "Clinton
// Campaign Manager Laughs, Evades Reporter's Question", "Donald Trump
// Rampages to Lead". A name the rest of the text writes is kept; else the
// longest run of its words that the rest writes as a name, or as a name's
// first or last word ("Liberal Oscar-winner Sarandon" for "Susan
// Sarandon"), is, with a first name before it ("Ann Coulter" where the
// rest writes "Coulter"); else it is no name, unless it opens the
// headline before a colon (who speaks). Places and bodies the lexicon knows
// are kept. A text that is all headline is left as it is.
func corroborateHeadline(ms []mention, toks []token, vocab map[string]bool, headlines map[int]bool) []mention {
	if len(toks) == 0 || !headlines[toks[0].para] || !commonWordsCapitalised(toks, toks[0].para, vocab) {
		return ms
	}
	head := toks[0].para
	if toks[len(toks)-1].para == head {
		return ms // all headline
	}
	known := map[string]bool{}
	for _, m := range ms {
		if toks[m.from].para == head || m.kind == entNone {
			continue
		}
		known[strings.Join(m.words, " ")] = true
		if len(m.words) > 1 && (m.kind == entPerson || m.kind == entMaybe) {
			known[m.words[0]] = true
			known[m.words[len(m.words)-1]] = true
		}
	}
	out := ms[:0]
	for _, m := range ms {
		name := strings.Join(m.words, " ")
		if toks[m.from].para != head || m.kind == entPlace || m.kind == entNone || known[name] || knownOrgs[name] != "" {
			out = append(out, m)
			continue
		}
		sub, ok := knownRun(m, toks, known, vocab)
		switch {
		case ok:
			out = append(out, sub)
		case m.from == 0 && m.to < len(toks) && toks[m.to].text == ":":
			// "NY Daily News: Paris Attacks …", "Cruz: Trump Would …":
			// the name opening a headline before a colon is who speaks,
			// when the rest of the text does not name part of it ("McCain
			// Challenger Kelli Ward: …" is Kelli Ward).
			out = append(out, m)
		}
	}
	return out
}

// commonWordsCapitalised reports a paragraph that capitalises words the
// text writes in lower case elsewhere, or function words, inside its
// sentences: a headline in Title Case ("… Thinks About …"), not a caption
// thick with names ("Calgary Flames forward Liam Cote skates on Friday").
func commonWordsCapitalised(toks []token, para int, vocab map[string]bool) bool {
	n := 0
	for _, t := range toks {
		if t.para != para || t.kind != tokWord || !t.capital || t.sentStart || t.inQuote || len(t.text) < 2 || allCaps([]string{t.text}) {
			continue
		}
		if lw := strings.ToLower(t.text); vocab[lw] || stopwords[lw] {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// knownRun returns the mention of the longest run of m's words that known
// holds, found among m's tokens, and false if there is none.
func knownRun(m mention, toks []token, known, vocab map[string]bool) (mention, bool) {
	for n := len(m.words) - 1; n > 0; n-- {
		for at := 0; at+n <= len(m.words); at++ {
			run := m.words[at : at+n]
			if !known[strings.Join(run, " ")] {
				continue
			}
			if at > 0 && isFirstName(m.words[at-1]) && (n == 1 || !isFirstName(run[0])) {
				// "Cecile Richards Says …" where the rest of the text
				// writes "Richards": the headline gives the full name.
				run = m.words[at-1 : at+n]
			}
			// The run's tokens: its words in a row, possessives stripped.
			for k := m.from; k+len(run) <= m.to; k++ {
				match := true
				for x := range run {
					if w, _ := stripPossessive(toks[k+x].text); w != run[x] {
						match = false
						break
					}
				}
				if !match {
					continue
				}
				sub := classify(run, vocab)
				sub.from, sub.to = k, k+len(run)
				sub.nameFrom += k
				_, sub.possessive = stripPossessive(toks[sub.to-1].text)
				return sub, true
			}
		}
	}
	return mention{}, false
}

// titleSurnames are title words that are common surnames too: after an
// honorific they are the name ("Mr. King", "Mr. Major"), where "Mr.
// President" is a form of address.
var titleSurnames = setOf("King", "Bishop", "Major", "Marshal", "Duke", "Prince", "Judge")

// surnameFunctionWords are function words that are common surnames, kept
// even in a headline ("Theresa May Wins …").
var surnameFunctionWords = setOf("Will", "May")

// titleCaseParagraphs returns the paragraphs written in title case (most of
// their words capitalised): headlines, where a capital says nothing.
func titleCaseParagraphs(toks []token) map[int]bool {
	words, caps := map[int]int{}, map[int]int{}
	for _, t := range toks {
		if t.kind == tokWord && !t.inQuote {
			words[t.para]++
			if t.capital {
				caps[t.para]++
			}
		}
	}
	out := map[int]bool{}
	for p, n := range words {
		if n >= 4 && caps[p]*10 >= n*6 {
			out[p] = true
		}
	}
	return out
}

// fullNameSurnames returns the last words of the article's "First Last"
// names: a known first name followed by one capitalised word in the same
// sentence.
func fullNameSurnames(toks []token) map[string]bool {
	out := map[string]bool{}
	for k := 0; k+1 < len(toks); k++ {
		if isCapWord(toks[k]) && isFirstName(toks[k].text) && isCapWord(toks[k+1]) && !toks[k+1].sentStart &&
			(k+2 >= len(toks) || !isCapWord(toks[k+2]) || toks[k+2].sentStart) {
			out[toks[k+1].text] = true
		}
	}
	return out
}

// verbAfter reports a verb in the past tense or of speech at token k: what
// a name opening a sentence is doing ("Will urged", "West said").
func verbAfter(toks []token, k int) bool {
	if k >= len(toks) || toks[k].kind != tokWord || toks[k].capital || toks[k].sentStart {
		return false
	}
	w := toks[k].text
	return cueVerbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed")
}

// personsNouns follow a person's name used before a noun: "the Bernie
// Sanders campaign", "the Hillary Clinton years".
var personsNouns = setOf("campaign", "campaigns", "camp", "administration", "presidency", "era", "years", "aides", "staff",
	"supporters", "voters", "backers", "surrogates", "allies", "loyalists", "faithful", "wing", "agenda", "scandal",
	"candidacy", "nomination", "ticket", "doctrine", "interview", "speech", "rally", "rallies", "victory", "defeat",
	"affair", "row", "saga", "trial", "government", "family", "inquiry", "visit", "memo", "budget", "reforms")

// whoAfter reports ", who" at token k: "Pence, who is running …" is
// about a person.
func whoAfter(toks []token, k int) bool {
	return k+1 < len(toks) && toks[k].text == "," && toks[k+1].text == "who"
}

// compoundTitle reports a title word, or a hyphenated one made of titles
// after "co-", "vice-" or "ex-": "co-Anchor", "Secretary-Treasurer". A
// ministry's field is no post of its own at the end ("Culture-Business
// Report"), nor does "in" join one ("Commander-in-Chief Forum" is an event).
func compoundTitle(w string) bool {
	if titleWords[w] {
		return true
	}
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	last := parts[len(parts)-1]
	if !titleWords[last] || titleFields[last] {
		return false
	}
	for _, p := range parts[:len(parts)-1] {
		switch p {
		case "co", "Co", "vice", "Vice", "ex", "Ex":
		default:
			if !titleWords[p] {
				return false
			}
		}
	}
	return true
}

// titleFields are the title words that name a ministry's field or qualify
// a post, not the post: "Foreign" in "Foreign Secretary".
var titleFields = setOf("Foreign", "Finance", "Defence", "Defense", "Health", "Home", "Interior", "Trade",
	"Economy", "Environment", "Education", "Energy", "Transport", "Culture", "State", "Shadow", "Acting",
	"Former", "First", "Opposition", "Labor", "Agriculture", "Justice", "Treasury", "Business", "Security",
	"Development", "Presidential", "Crown", "Prime", "Vice", "Deputy", "Executive")

func honorificOrTitle(w string) bool {
	_, h := honorifics[w]
	return h || titleWords[w]
}

// numberTen reports "No 10" or "Number 10" (Downing Street) at token i.
func numberTen(toks []token, i int) bool {
	w := toks[i].text
	return (w == "No" || w == "No." || w == "Number") && i+1 < len(toks) && toks[i+1].text == "10" && toks[i+1].para == toks[i].para
}

// localBodyHeads end the names of a town's own bodies, which take the
// town's name: "Ealing Council", "Kettering General Hospital", "Woking
// Football Club".
var localBodyHeads = setOf("Council", "Hospital", "Club", "FC", "School", "College", "University", "Police",
	"Station", "Airport", "Library", "Academy", "Museum", "Cathedral", "Prison", "Town", "Borough")

// opensKnownName reports a run of capitalised words whose first word,
// though it reads as a common word at a sentence's start, is part of a
// name: a body the lexicon knows or a place the gazetteer knows by more
// than one word ("Downing Street said"); or an "-ing" word no dictionary
// knows that is a place or the town a local body is named after ("Ealing
// Council", "Kettering General Hospital"), not a participle ("Following
// Labour Party advice").
func opensKnownName(words []string, vocab map[string]bool) bool {
	if knownOrgs[strings.Join(words, " ")] != "" {
		return true
	}
	if _, n, _ := matchPlace(words); n > 1 {
		return true
	}
	w := words[0]
	lw := strings.ToLower(w)
	if !strings.HasSuffix(lw, "ing") || vocab[lw] || !sentenceInitialIsName(w) || cueVerbs[lw] || prepositions[lw] || openingWords[lw] || subordinators[lw] {
		return false
	}
	_, n, _ := matchPlace(words[:1])
	return n == 1 || len(words) > 1 && localBodyHeads[words[len(words)-1]]
}

func isKnownName(words []string) bool {
	_, ok := givenName(words[0])
	return ok && len(words) > 1
}

// classify decides what a capitalised phrase names.
func classify(words []string, vocab map[string]bool) mention {
	if n := len(words); n >= 3 && memberLetters[words[n-1]] {
		// "Alasdair Munro MSP", "Frank Tolley MP": the letters after a
		// name say what the person is, and are no part of the name.
		m := classify(words[:n-1], vocab)
		if m.kind == entMaybe || m.kind == entNone {
			m.kind = entPerson
		}
		if m.role == "" && legislators[words[n-1]] {
			m.role = strings.ToLower(words[n-1]) // "the Labour MP for Ashbourne" later
		}
		return m
	}
	m := mention{kind: entMaybe}
	full := strings.Join(words, " ")
	if name, ok := knownOrgs[full]; ok {
		m.kind, m.words = entOrg, strings.Fields(name)
		return m
	}

	if placeAgency(words) {
		m.kind, m.words = entOrg, words
		return m
	}
	if n := len(words); n > 1 && memberPlurals[words[n-1]] {
		if name, ok := knownOrgs[strings.Join(words[:n-1], " ")]; ok {
			// "Labour MPs", "Tory MEPs": the party's members name the party.
			m.kind, m.words = entOrg, strings.Fields(name)
			return m
		}
		if name, ok := knownOrgs[strings.Join(words[1:n-1], " ")]; ok && n > 2 && devolvedDemonyms[words[0]] && partyNames[name] {
			// "Scottish Labour MSPs": the branch's members.
			m.kind, m.words = entOrg, words[:n-1]
			return m
		}
	}
	if code, n, kind := matchPlace(words); n > 0 && n < len(words) && (kind == placeDemonym || code == "") {
		if name, ok := knownOrgs[strings.Join(words[n:], " ")]; ok {
			// "the South American Mercosur bloc": the adjective is no
			// part of the name; but "the Scottish Government" is not
			// Parliament.
			m.kind, m.words = entOrg, strings.Fields(name)
			if n == len(words)-1 && nationalBodies[words[n]] {
				m.words = words
			}
			if n == 1 && devolvedDemonyms[words[0]] && partyNames[name] {
				// "the Scottish Conservative Party", "Welsh Labour": a
				// party's branch in a devolved nation is a body of its own.
				m.words = words
			}
			return m
		}
		if n == len(words)-1 && nationalBodies[words[n]] && kind == placeDemonym {
			// "the Scottish Government", "the Welsh Parliament".
			m.kind, m.words = entOrg, words
			return m
		}
	}
	if initialAndSurname(words) {
		// "O Dacre, B Quarrie, T Lusk": a team sheet names players
		// by an initial and a surname.
		m.kind, m.words = entPerson, words
		return m
	}
	if len(words) >= 3 && len(words) <= 4 && isFirstName(words[1]) && !isFirstName(words[0]) && !hasTitle(words[:1]) && !containsOrgHead(words) && !hasLowerWord(words[1:]) && leadingDescriptor(words[0], vocab) {
		// "Kenyan Eliud Kipchoge", "ex-President Anton Vell",
		// "DJ Lena Quist": a word that describes the person is no part
		// of the name.
		m = classify(words[1:], vocab)
		m.nameFrom++
		return m
	}
	if regionalDemonyms[full] || regionalDemonyms[strings.TrimSuffix(full, "s")] {
		// "Nova Scotians", "Albertans": the people of a province or state.
		m.kind, m.words = entNone, words
		return m
	}
	if len(words) >= 3 && len(words) <= 4 && isPersonNoun(strings.ToLower(words[0])) && !isFirstName(words[0]) && !hasTitle(words[:1]) && !honorificOrTitle(words[0]) && !containsOrgHead(words) {
		// "Farmer Remi Caron said": an occupation that opens the
		// sentence before a first name the lists lack.
		m = classify(words[1:], vocab)
		m.nameFrom++
		return m
	}
	if len(words) >= 3 && partyAdjectives[words[0]] && isFirstName(words[1]) {
		// "Republican Donald Trump": the party is no part of the name.
		m = classify(words[1:], vocab)
		m.nameFrom++
		return m
	}
	if capsHeading(words, vocab) {
		m.kind, m.words = entNone, words
		return m
	}
	if geographic(words) && !orgHeads[words[len(words)-1]] {
		// "Mount Lewotobi Laki-laki", "Scarborough Shoal": a landform.
		m.kind, m.words = entNone, words
		return m
	}
	if partyTag(words[0]) || eventName(words) {
		// "R-Ky.", "Typhoon Yagi", "the Academy Awards", "the Champions
		// League": a party tag, a storm, a prize or a competition.
		m.kind, m.words = entNone, words
		return m
	}
	if len(words) > 1 && allCaps(words) {
		if code, n, _ := matchPlace(titleCased(words)); n == len(words) {
			// "MEXICO CITY" in a dateline or a headline.
			m.kind, m.words, m.country = entPlace, words, code
			return m
		}
	}
	for i := 1; i < len(words); i++ {
		if name, n := seatOrganization(words[i:]); n == len(words)-i {
			// "the Obama White House": the seat, whoever holds it.
			m.kind, m.words = entOrg, strings.Fields(name)
			return m
		}
	}
	if name, n := seatOrganization(words); n == len(words) {
		// "Downing Street", "the Kremlin": a place that speaks for a government.
		m.kind, m.words = entOrg, strings.Fields(name)
		return m
	}
	if _, n, _ := matchPlace(words); n == len(words) {
		m.kind, m.words = entPlace, words
		return m
	}
	if orgHeads[words[len(words)-1]] && allTitles(words) {
		// "the Treasury", "the Foreign Office": the body, not its minister.
		m.kind, m.words = entOrg, words
		return m
	}
	if allTitles(words) || len(words) >= 3 && words[0] == "Member" && words[1] == "of" {
		// ("a Member of Parliament", "Member of the Legislative
		// Assembly": what the person is, not the body.)
		m.kind, m.role, m.words = entRole, strings.ToLower(full), words
		return m
	}
	// Honorifics and titles before a name: "French President Emmanuel Macron",
	// "Sir Keir", "Mr Kushner", "Sen. Ted Cruz", "CWA President Chris
	// Shelton", "Chief Financial Officer Kim Woo-hyun". The name is what
	// follows the last title or honorific.
	k := 0
	var role []string
	for t := len(words) - 2; t >= 0; t-- {
		if !compoundTitle(words[t]) && !hasHonorific(words[t]) {
			continue
		}
		if t >= 2 && hasConnector(words[:t]) && containsOrgHead(words[:t]) && !isFirstName(words[t+1]) {
			// "National Association of Head Teachers": a title word
			// inside a body's name after "of" is no title (but
			// "Rural Municipality of Maple Bend Reeve Walter Penner"
			// names the reeve).
			break
		}
		name := words[t+1:]
		if n := len(words); len(name) >= 3 && (name[0] == "of" && isFirstName(words[n-2]) || name[0] == "Of" && len(name) == 4) && isCapWordString(words[n-1]) &&
			!orgHeads[words[n-1]] && !titleWords[words[n-2]] && !titleWords[words[n-1]] && !hasParticle(words[n-2:]) &&
			!stopwords[strings.ToLower(words[n-3])] {
			// "Commissioner of Competition Julia Rao", "Director of
			// Public Prosecutions Max Hill": a title with "of" and a
			// field in it, then a given name and a surname (not "Mayor
			// of Rocky Ridge": a field must come between). A headline's
			// capitals show the title's "Of" for what it is: "Chief Of
			// Staff Rahm Emmett".
			m.kind, m.words, m.nameFrom = entPerson, words[n-2:], n-2
			m.role = strings.ToLower(strings.Join(words[t:n-2], " "))
			return m
		}
		// ("Mayor Dan Ward": a first name and one word after a title
		// are a person, whatever else the word names.)
		personAfterTitle := len(name) == 2 && isFirstName(name[0]) && !titleWords[name[0]]
		if allTitles(name) && !(hasHonorific(words[t]) && len(name) == 1 && titleSurnames[name[0]]) || containsOrgHead(name) && !personAfterTitle || len(name) > 6 || len(name) > 4 && !hasParticle(name) || hasLowerWord(name) && !hasParticle(name) {
			break
		}
		// Where the title phrase starts: titles, honorifics and words
		// between them ("Chief Financial Officer").
		s := t
		for s > 0 && (titleWords[words[s-1]] || hasHonorific(words[s-1]) || s >= 2 && titleWords[words[s-2]] && !hasLowerWord(words[s-1:s])) {
			s--
		}
		for _, w := range words[s : t+1] {
			if g, ok := honorifics[w]; ok {
				m.honorific = true
				if g != unknownGender {
					m.gender = g
				}
				continue
			}
			role = append(role, strings.ToLower(strings.TrimSuffix(w, ".")))
		}
		if s > 0 {
			if code, n, _ := matchPlace(words[:s]); n > 0 {
				m.country = code
			} else if p := classify(words[:s], vocab); p.kind == entOrg && !titleWords[words[0]] && !localTitles[words[t]] && (orgHeads[words[s-1]] || s == 1 || knownOrgs[strings.Join(words[:s], " ")] != "" || s >= 3 && words[s-2] == "Local" && isNumber(words[s-1])) {
				// Not "Senate Majority Leader …": the words before the
				// title must end in a head word or be one name.
				m.prefix = s
			}
		}
		k = t + 1
		break
	}
	rest := words[k:]
	if k > 0 && (m.honorific || len(role) > 0) && (!containsOrgHead(rest) || len(rest) == 2 && isFirstName(rest[0])) && (len(rest) <= 4 || len(rest) <= 6 && hasParticle(rest)) {
		if _, n, _ := matchPlace(rest); n == len(rest) && len(role) > 0 {
			// "Prime Minister of Britain": a role, not a name. (After
			// an honorific alone a place word is a surname: "Mr Jordan".)
			m.kind, m.role, m.country = entRole, strings.Join(role, " "), ""
			return m
		}
		m.kind, m.words, m.nameFrom, m.role = entPerson, rest, k, strings.Join(role, " ")
		return m
	}
	if len(words) > 1 && (words[0] == "Former" || words[0] == "Acting" || words[0] == "Shadow") && !hasTitle(words[1:]) {
		// "Former House speaker …": a role cut short, not a body.
		m.kind, m.words = entNone, words
		return m
	}
	if n := len(words); n >= 4 && orgHeads[words[n-3]] && isFirstName(words[n-2]) && isCapWordString(words[n-1]) &&
		!orgHeads[words[n-1]] && !titleWords[words[n-2]] && !titleWords[words[n-1]] {
		// "Child Support Agency Doug Smith": a body's name ends in its
		// head word, and a given name and a surname after it are the
		// person who speaks for it (as a title between would say).
		if p := classify(words[:n-2], vocab); p.kind == entOrg {
			m.kind, m.words, m.nameFrom, m.prefix = entPerson, words[n-2:], n-2, n-2
			return m
		}
	}
	if len(words) == 1 && boundHeads[words[0]] {
		// "the House": which house, coreference may tell.
		m.words = words
		return m
	}
	if containsOrgHead(words) {
		if allTitles(words) {
			m.kind, m.role, m.words = entRole, strings.ToLower(full), words
			return m
		}
		if last := words[len(words)-1]; len(words) >= 2 && titleWords[last] && !orgHeads[last] && personTitle(last) {
			// "the Green Party Co-Chairman said": a body's officer,
			// a person, not the body.
			m.kind, m.role, m.words = entRole, strings.ToLower(strings.TrimSuffix(last, ".")), words
			return m
		}
		m.kind, m.words = entOrg, words
		return m
	}
	if allTitles(words) {
		m.kind, m.role, m.words = entRole, strings.ToLower(full), words
		return m
	}
	if len(words) > 1 && !isFirstName(words[0]) && !hasTitle(words) {
		// "NHS England", "Greenpeace Brasil": a known body, or an acronym
		// that is not a place, with a place.
		for _, w := range words {
			_, known := knownOrgs[w]
			acronym := len(w) >= 2 && strings.ToUpper(w) == w && !strings.Contains(w, ".")
			if _, n, _ := matchPlace([]string{w}); n == 0 && (known || acronym) {
				m.kind, m.words = entOrg, words
				return m
			}
		}
	}
	if teamName(words) {
		// "Toronto Raptors", "New York Yankees", "Leeds Rhinos": a place
		// and a plural make a team.
		m.kind, m.words = entOrg, words
		return m
	}
	for i := range words {
		if _, n, kind := matchPlace(words[i:]); n > 0 && (i == 0 || !isFirstName(words[0])) {
			if i == 0 && n == 1 && len(words) == 2 && kind == placeCountry && isFirstName(words[0]) && surnameLike(words[1], vocab) {
				// "Jordan Barker", "Chad Warren", "Israel Folau": a first
				// name that is also a place, then a surname; not "Jordan
				// Valley", "India Today" or "German Reich".
				continue
			}
			// "Paris Declaration", "British Airways", "Virginia Democrats":
			// a place inside names something that is not a person.
			m.kind, m.words = entNone, words
			return m
		}
	}
	if len(words) >= 3 && !hasLowerWord(words) && strings.ToUpper(full) == full {
		m.kind = entNone // "RED STATES OUTNUMBER BLUE STATES": a headline
		return m
	}
	for i, w := range words {
		if w == "&" {
			m.kind = entNone // "Faith & Freedom": a body or a brand, not a person
			return m
		}
		if notNameWords[w] {
			m.kind = entNone
			return m
		}
		// A capitalised function word marks a headline or a title of a
		// work ("Hale Is Only a Small Player", "The Lead"), not a name.
		if (i > 0 || len(words) > 1) && stopwords[strings.ToLower(w)] && !nameParticles[w] &&
			!(len(words) == 2 && i == 1 && isFirstName(words[0]) && !stopwords[strings.ToLower(words[0])]) {
			// ("George Will": a first name and a surname that is also a
			// function word is a name.)
			m.kind = entNone
			return m
		}
	}
	m.words = words
	if len(words) >= 2 && len(words) <= 4 {
		g, known := givenName(words[0])
		if nameParticles[strings.ToLower(words[0])] && words[0] != "Al" {
			// "La Matanza", "El Paso", "De Beers": an article or a
			// particle, though the list knows "La" as a first name ("Al"
			// is one: Al Gore).
			known = false
		}
		lastLower := vocab[strings.ToLower(words[len(words)-1])]
		if lastLower && len(words) == 2 && stopwords[strings.ToLower(words[1])] {
			// "George Will", "Al From": a function word is written in
			// lower case in every article; that says nothing of the name.
			lastLower = false
		}
		if known && !lastLower {
			m.kind, m.gender = entPerson, g
			return m
		}
		if lastLower {
			m.kind = entNone
		}
	}
	if len(words) > 4 {
		m.kind = entNone
	}
	return m
}

// surnameLike reports a word that reads as a surname: capitalised, never
// in lower case in the article, a name to prose's tag dictionary, and no
// head word of a body, a medium or a landform.
func surnameLike(w string, vocab map[string]bool) bool {
	return isCapWordString(w) && !vocab[strings.ToLower(w)] && sentenceInitialIsName(w) && !orgHeads[w] &&
		!companyHeads[w] && !sectorHeads[w] && !mediaHeads[w] && !titleWords[w] && !geographic([]string{"X", w}) &&
		!strings.HasSuffix(w, "s") && !memberNouns[w] && !partyAdjectives[w] && !placeWord(w) && !strings.HasSuffix(w, ".")
}

func hasTitle(words []string) bool {
	for _, w := range words {
		if titleWords[w] || hasHonorific(w) {
			return true
		}
	}
	return false
}

// capsHeading reports a subheading in capitals ("STARS WHO LEFT
// EMPTY-HANDED", "SITS IN JUDGEMENT"): a common word in capitals, or a
// function word in capitals among other capitals.
func capsHeading(words []string, vocab map[string]bool) bool {
	caps, function := 0, false
	for _, w := range words {
		if strings.ToUpper(w) != w || strings.ToLower(w) == w {
			continue
		}
		caps++
		lw := strings.ToLower(w)
		if shouted(w) || len(w) >= 4 && vocab[lw] {
			return true
		}
		if stopwords[lw] && len(w) > 1 {
			function = true
		}
	}
	return caps >= 2 && function
}

// shouted reports a common word written in capitals, as in a subheading
// ("SITS IN JUDGEMENT"): not an acronym.
func shouted(w string) bool {
	lw := strings.ToLower(w)
	return len(w) >= 4 && strings.ToUpper(w) == w && lw != w && (stopwords[lw] || !sentenceInitialIsName(lw))
}

// teamName reports a city, state or country followed by one or two
// capitalised words ending in a plural that is no demonym: a team.
func teamName(words []string) bool {
	_, n, kind := matchPlace(words)
	if n == 0 || kind == placeDemonym || len(words)-n < 1 || len(words)-n > 2 {
		return false
	}
	for _, w := range words[n:] {
		if !isCapWordString(w) || titleWords[w] || orgHeads[w] || stopwords[strings.ToLower(w)] {
			return false
		}
	}
	last := words[len(words)-1]
	if _, k, _ := matchPlace([]string{last}); k > 0 {
		return false
	}
	return len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// gluedTails are words that, glued to a name where a space was lost, open
// the next sentence or name: "NunezRep.", "MorrisThe".
var gluedTails = setOf("Rep", "Sen", "Gov", "Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "In", "He", "She", "It", "But",
	"And", "This", "That", "They", "We", "Photo", "File", "Credit")

// gluedHead returns the name before a glued tail: "Nunez" of "NunezRep".
// Names with an inner capital ("McDonald", "DiMarco", "LeBron") have a
// short head or a tail that is no such word.
func gluedHead(w string) (string, bool) {
	for i := 3; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			if gluedTails[strings.TrimSuffix(w[i:], ".")] {
				return w[:i], true
			}
			return "", false
		}
	}
	return "", false
}

// initialAndSurname reports an initial and one or two capitalised words
// that are no function word, place, title or head of a body's name: "A
// Brennock", "J. Ostley".
func initialAndSurname(words []string) bool {
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	w := words[0]
	if !(len(w) == 1 || len(w) == 2 && w[1] == '.') || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, r := range words[1:] {
		if stopwords[strings.ToLower(r)] || orgHeads[r] || titleWords[r] || hasHonorific(r) || notNameWords[r] || !isCapWordString(r) {
			return false
		}
	}
	_, n, _ := matchPlace(words[1:])
	return n == 0
}

// leadingDescriptor reports a capitalised word before a person's name that
// describes the person: a demonym ("Kenyan"), a former title ("ex-President"),
// a word the article also writes in lower case ("Writer" opening a
// sentence), or an occupation's abbreviation ("DJ", "MC").
func leadingDescriptor(w string, vocab map[string]bool) bool {
	if strings.HasPrefix(w, "ex-") || strings.HasPrefix(w, "Ex-") || w == "DJ" || w == "MC" || isPersonNoun(strings.ToLower(w)) {
		// (an occupation opening a sentence: "Farmer Lucie Tremblay said")
		return true
	}
	if _, n, kind := matchPlace([]string{w}); n == 1 && kind == placeDemonym || regionalDemonyms[w] {
		return true
	}
	if lw := strings.ToLower(w); prepositions[lw] || subordinators[lw] || openingWords[lw] {
		// "Besides Karen Lowe, …", "Unlike Ruth Abbott, …": a word that
		// opens the sentence before a first name.
		return true
	}
	if occupational(w) {
		// "Bassist Gary Tuck", "Curator Tanya Lightfoot": an occupation
		// before a first name and a surname.
		return true
	}
	return vocab[strings.ToLower(w)] && !sentenceInitialIsName(w)
}

// occupational reports a capitalised word shaped like a noun of occupation
// (-ist, -er, -or, -ian, -ant) or an age ("Seventeen-year-old").
func occupational(w string) bool {
	if strings.HasSuffix(w, "-old") {
		return true
	}
	if len(w) < 6 || strings.ToUpper(w) == w {
		return false
	}
	for _, suf := range []string{"ist", "er", "or", "ian", "ant"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// openingWords open sentences before a name and are never one.
var openingWords = setOf("besides", "despite", "unlike", "without", "during", "under", "among", "amid", "beyond", "towards", "toward", "via", "per", "except", "including", "excluding", "meanwhile", "however", "instead", "also", "then", "but", "yet", "so", "even", "only", "now", "today", "yesterday", "tonight")

// devolvedDemonyms name the UK's devolved nations, where parties have
// branches of their own.
var devolvedDemonyms = setOf("Scottish", "Welsh")

// regionalDemonyms name people of a US state or a Canadian province, which
// the gazetteer's country demonyms lack: "Texan Ray Holt".
var regionalDemonyms = setOf("Texan", "Californian", "Floridian", "Ohioan", "Virginian", "Arizonan", "Oklahoman", "Kansan",
	"Iowan", "Nevadan", "Coloradan", "Alaskan", "Hawaiian", "Michigander", "Minnesotan", "Kentuckian", "Louisianan",
	"Missourian", "Nebraskan", "Vermonter", "Wisconsinite", "Montanan", "Idahoan", "Oregonian", "New Yorker",
	"Albertan", "Ontarian", "Quebecer", "Québécois", "Manitoban", "Nova Scotian", "Newfoundlander", "Saskatchewanian")

// nationalBodies are the institutions a nation or region names after
// itself: "the Scottish Government", "the Welsh Parliament".
var nationalBodies = setOf("Parliament", "Executive", "Government", "Assembly", "Senate", "Congress", "Army", "Navy", "Cabinet", "Treasury")

// hyphenAdjectives end capitalised words that are adjectives: UK-led.
var hyphenAdjectives = setOf("based", "led", "born", "backed", "owned", "run", "made", "style", "era", "wide",
	"bound", "speaking", "funded", "linked", "like", "friendly", "focused", "listed", "registered", "flagged",
	"built", "bred", "trained", "educated", "raised", "centric", "inspired", "sponsored", "controlled", "held")

func isFirstName(w string) bool { _, ok := givenName(w); return ok }

// givenName returns the gender the lists give a first name, and whether
// they know it. A compound of two first names is one too ("Marc-André",
// "Marie-Ève", "Jean-François"), with the gender of its first part if the
// lists give it one, else of its second.
func givenName(w string) (gender, bool) {
	if g, ok := firstNames[w]; ok {
		return g, true
	}
	a, b, hyphen := strings.Cut(w, "-")
	if !hyphen || strings.Contains(b, "-") || !isCapWordString(a) || !isCapWordString(b) {
		return unknownGender, false
	}
	ga, oka := firstNames[a]
	gb, okb := firstNames[b]
	if !oka || !okb {
		return unknownGender, false
	}
	if ga != unknownGender {
		return ga, true
	}
	return gb, true
}

func hasParticle(words []string) bool {
	for _, w := range words {
		if nameParticles[w] {
			return true
		}
	}
	return false
}

func hasHonorific(w string) bool { _, ok := honorifics[w]; return ok }

func containsOrgHead(words []string) bool {
	for i, w := range words {
		if headsName(words[i:]) {
			return true
		}
		if tradeHeads[w] && i == len(words)-1 && i > 0 && !orgConnectors[words[i-1]] {
			return true
		}
	}
	return false
}

func allTitles(words []string) bool {
	for _, w := range words {
		if !titleWords[w] && !orgConnectors[w] {
			return false
		}
	}
	return true
}

// boundHeads make an organisation's name only after a name: "Chatham
// House", "Luton Town", not "the House" or "the town".
var boundHeads = setOf("House", "Town", "Survey", "Railway", "Mining", "Motor", "Platinum", "Minerals", "Steel")

// eventHeads open the names of storms, which are events, not people:
// "Typhoon Yagi", "Hurricane Milton".
var eventHeads = setOf("Typhoon", "Hurricane", "Cyclone", "Storm", "Tropical")

// eventTails close the names of prizes, ceremonies and tournaments, which
// are events, not the bodies that run them: "the Academy Awards", "the
// World Cup", "the Nobel Prize".
var eventTails = setOf("Awards", "Prize", "Prizes", "Cup", "Championship", "Championships", "Trophy", "Open", "Masters", "Prix",
	"Award", "Olympics", "Olympic", "Paralympics", "Games", "Indoors", "Outdoors", "War", "Marathon", "Slam")

// competition reports a league named for the teams that play in it ("the
// Champions League", "the Nations League"): a tournament, whereas a league
// named otherwise ("the Premier League") is usually also its company.
func competition(words []string) bool {
	n := len(words)
	return n >= 2 && words[n-1] == "League" && (words[n-2] == "Champions" || words[n-2] == "Nations" || words[n-2] == "Europa" || words[n-2] == "Conference") ||
		n == 2 && words[1] == "Nations" && (words[0] == "Six" || words[0] == "Four" || words[0] == "Five") // rugby's Six Nations
}

// allCaps reports words written in capitals only ("LOS ANGELES").
func allCaps(words []string) bool {
	for _, w := range words {
		letters := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 2 {
			return false
		}
	}
	return true
}

// titleCased writes capitalised words as a gazetteer phrase: "MEXICO CITY"
// -> "Mexico City".
func titleCased(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		out[i] = string(r) + strings.ToLower(w[n:])
	}
	return out
}

// dateline reports a run of capitals that opens a paragraph and ends at a
// dash or a bracket: the place the article was filed from ("BOSTON —",
// "LAGOS -", "MADRID (Reuters)").
func dateline(toks []token, from, to int) bool {
	if from > 0 && toks[from-1].para == toks[from].para || to >= len(toks) {
		return false
	}
	words := make([]string, 0, to-from)
	for _, t := range toks[from:to] {
		words = append(words, t.text)
	}
	if !allCaps(words) {
		return false
	}
	switch toks[to].text {
	case "—", "–", "-", "(", ",":
		return true
	}
	return false
}

// stateAbbreviations are the abbreviations of US states that news writes
// after a town: "Worcester, Mass.", "Austin, Tex.".
var stateAbbreviations = setOf("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
	"Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
	"Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo", "N.Y", "N.J", "N.H", "N.C", "N.D", "N.M", "S.C", "S.D", "R.I", "W.Va")

// provinceAbbreviations are the abbreviations of Canada's provinces and
// territories that news writes after a town: "Prince Rupert, B.C.",
// "Moose Jaw, Sask.".
var provinceAbbreviations = setOf("B.C", "BC", "Alta", "Sask", "Man", "Ont", "Que", "N.S", "N.B", "P.E.I",
	"N.L", "Nfld", "Y.T", "N.W.T", "Nun")

// regionCode returns "US" for a US state's abbreviation and "CA" for a
// Canadian province's, with or without its last dot; "" for neither.
func regionCode(w string) string {
	w = strings.TrimSuffix(w, ".")
	switch {
	case stateAbbreviations[w]:
		return "US"
	case provinceAbbreviations[w]:
		return "CA"
	}
	return ""
}

// numberAfter returns the number of at most max digits that token j, right
// after the word before it in the same paragraph, is ("Local 79", "Radio
// 4"), and whether that word's possessive ends it.
func numberAfter(toks []token, j, max int) (num string, possessive, ok bool) {
	if j >= len(toks) || toks[j].kind != tokWord || toks[j].start != toks[j-1].end+1 || toks[j].para != toks[j-1].para ||
		toks[j].text[0] < '1' || toks[j].text[0] > '9' {
		return "", false, false
	}
	num, possessive = stripPossessive(toks[j].text)
	return num, possessive, isNumber(num) && len(num) <= max
}

// placeAbbreviation reports a state abbreviation after a town and a comma
// ("Worcester, Mass.") with "US", and a party tag after a name ("Tolliver,
// D-N.Y.,") with "-"; otherwise "".
func placeAbbreviation(toks []token, from, to int, words []string) string {
	if from < 2 || toks[from-1].text != "," || toks[from-2].kind != tokWord || !toks[from-2].capital {
		return ""
	}
	if partyTag(words[0]) {
		return "-"
	}
	ab := strings.TrimSuffix(strings.Join(words, ""), ".")
	code := regionCode(ab)
	if code == "" || ab == "Man" { // ("Man" may be a word)
		return ""
	}
	if strings.HasSuffix(words[len(words)-1], ".") || to < len(toks) && toks[to].text == "." && toks[to].start == toks[to-1].end {
		return code
	}
	return ""
}

// commonCapital reports a capitalised word that is a common word, not a
// name: "Food" in "Food and Drug Administration", "People" in "People’s
// Party".
func commonCapital(w string) bool {
	if isFirstName(w) || knownOrgs[w] != "" {
		return false
	}
	if _, n, _ := matchPlace([]string{w}); n > 0 {
		return false
	}
	return !sentenceInitialIsName(w)
}

// orgRunAhead reports whether the capitalised words from toks[j] on (at
// most four, not opening a sentence) hold an organisation's head word.
// andJoinable reports a capitalised word that may open a body's name
// before "and": not a person's first name, a known body or a place.
func andJoinable(w string) bool {
	if isFirstName(w) || knownOrgs[w] != "" || orgHeads[w] || hasHonorific(w) {
		return false
	}
	_, n, _ := matchPlace([]string{w})
	return n == 0
}

// andRunJoinable reports whether the capitalised words before "and" open
// a body's name that the run from toks[j] on closes with a head word:
// common words ("Fire", "Energy", "Water"), after a place or a known body
// ("Cumbria", "Senate"), or a place before a place and its force ("Devon
// and Cornwall Police").
func andRunJoinable(words []string, toks []token, j int) bool {
	if j+1 >= len(toks) || !isCapWord(toks[j]) || toks[j].sentStart || !orgRunAhead(toks, j) {
		return false
	}
	words = withoutThe(words)
	for _, w := range words {
		if isFirstName(w) && len(words) > 1 || hasHonorific(w) || titleWords[w] || orgHeads[w] || stopwords[strings.ToLower(w)] {
			// (one word may be a first name too: "Devon and Cornwall
			// Police")
			return false
		}
	}
	if len(words) > 1 {
		_, n, _ := matchPlace(words[len(words)-1:])
		return n == 0 && !isFirstName(toks[j].text)
	}
	// One word: two places policed by one force.
	return !isFirstName(toks[j].text) && isCapWord(toks[j+1]) && (toks[j+1].text == "Police" || toks[j+1].text == "Constabulary") &&
		!(j+2 < len(toks) && isCapWord(toks[j+2]))
}

// sharedSurname returns the surname a lone given name takes from the
// name joined to it by "and": "Neil and Karen Pendlebury", "John and Mary
// Okafor". Both must be given names, and the second name two words.
func sharedSurname(toks []token, j int, words []string) string {
	if len(words) != 1 || !isFirstName(words[0]) || j+3 >= len(toks) || toks[j].text != "and" {
		return ""
	}
	first, sur := toks[j+1], toks[j+2]
	if !isCapWord(first) || !isCapWord(sur) || !isFirstName(first.text) || isFirstName(sur.text) || first.para != toks[j].para || sur.para != toks[j].para {
		return ""
	}
	if next := toks[j+3]; isCapWord(next) && next.para == sur.para && !next.sentStart {
		return "" // "Neil and Karen Pendlebury Smith": more than a surname
	}
	w, _ := stripPossessive(sur.text)
	return w
}

// ofRunJoinable reports one or two words that go on through "of" into the
// name of a body (orgRunEndsAhead): not a title ("Leader of …"), a
// person's name ("Karim Haddadi of Skyline Consulting") or people
// ("Members of …").
func ofRunJoinable(words []string, toks []token, j int) bool {
	if len(words) < 1 || len(words) > 2 || titleWords[words[0]] || hasHonorific(words[0]) || len(words) == 2 && isFirstName(words[0]) {
		return false
	}
	lw := strings.ToLower(words[0])
	return !isPersonNoun(lw) && !isPersonNoun(strings.TrimSuffix(lw, "s")) && orgRunEndsAhead(toks, j)
}

// orgRunEndsAhead reports a run of two to five capitalised words at toks[j],
// in one sentence, whose last word is a body's head word ("Marsden District
// Council", "England Primary School").
func orgRunEndsAhead(toks []token, j int) bool {
	k := j
	for k < len(toks) && k < j+5 && isCapWord(toks[k]) && toks[k].para == toks[j].para && (k == j || !toks[k].sentStart) {
		k++
	}
	if k-j < 2 || k < len(toks) && isCapWord(toks[k]) && toks[k].para == toks[j].para && !toks[k].sentStart {
		return false
	}
	w, _ := stripPossessive(toks[k-1].text)
	return orgHeads[w]
}

// nameBeforeApostrophe reports a name ending in s whose apostrophe stands alone
// right after it, before a lower-case word: "Willis' mother", "Davies’
// lawyer". (Inside a body's name the apostrophe was taken in already:
// "the Secondary Principals’ Association".)
func nameBeforeApostrophe(toks []token, j int, words []string) bool {
	if j+1 >= len(toks) || len(words) == 0 || !strings.HasSuffix(words[len(words)-1], "s") {
		return false
	}
	t := toks[j]
	return (t.text == "'" || t.text == "’") && t.start == toks[j-1].end && toks[j+1].kind == tokWord && !toks[j+1].capital
}

// placeAgency reports a body named by its field and the country or
// province it serves, either way round: "Environment Canada", "Curling
// Canada", "Sport England", "Nova Scotia Health", "Manitoba Hydro". The
// field is a capitalised noun, not an adjective: "Western Canada" and
// "Rural Alberta" are places. Before the place the field may be a noun
// prose's dictionary does not hold at all ("Hockey", "Parks", "Tennis")
// when it does not look like an adjective, and words before that noun may
// be adjectives ("Global Affairs Canada", "Indigenous Services Canada").
func placeAgency(words []string) bool {
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	if strings.HasSuffix(words[len(words)-1], ",") {
		return false
	}
	// A comma inside lists the fields: "Immigration, Refugees and
	// Citizenship Canada".
	if slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(w, ",") }) {
		// A copy only then: this runs for every capitalised run.
		clean := make([]string, len(words))
		for i, w := range words {
			clean[i] = strings.TrimSuffix(w, ",")
		}
		words = clean
	}
	if _, k, _ := matchPlace(words); k == len(words) {
		return false // "Latin America", "Nova Scotia": a place whole
	}
	// noun reports a capitalised common noun: one prose's dictionary
	// tags as one, a field word, or (when unknown is set) a word the
	// dictionary does not hold that is neither an adjective by its form
	// nor a place or a given name.
	noun := func(w string, unknown bool) bool {
		if !isCapWordString(w) || compass[w] || isFirstName(w) || settlementWords[w] || notAgencies[w] || hasHonorific(w) {
			return false
		}
		tag, ok := tagDict()[strings.ToLower(w)]
		switch {
		case ok:
			return tag == "NN" || tag == "NNS"
		case titleWords[w] || placeServices[w]:
			return true
		}
		if !unknown || adjectiveLike(w) {
			return false
		}
		_, k, _ := matchPlace([]string{w})
		return k == 0
	}
	common := func(ws []string, last bool) bool {
		if len(ws) == 0 || ws[0] == "and" || ws[len(ws)-1] == "and" {
			return false
		}
		for i, w := range ws {
			if w == "and" {
				continue
			}
			head := last && i == len(ws)-1
			if !noun(w, last) && !(last && !head && isCapWordString(w) && !isFirstName(w) && adjectiveLike(w)) {
				return false
			}
		}
		return true
	}
	for n := 1; n < len(words); n++ {
		// field first: "Environment Canada", "Fisheries and Oceans Canada"
		if _, k, kind := matchPlace(words[n:]); k == len(words)-n && (kind == placeCountry || kind == placeState || kind == placeAlias) && common(words[:n], true) {
			return true
		}
		// place first: "Nova Scotia Health"
		if _, k, kind := matchPlace(words[:n]); k == n && (kind == placeCountry || kind == placeState) && common(words[n:], false) && !titleWords[words[len(words)-1]] || k == n && (kind == placeCountry || kind == placeState) && len(words) == n+1 && placeServices[words[n]] {
			return true
		}
	}
	return false
}

// agencyAhead returns how many tokens from the "and" or comma at toks[j]
// complete words into a body placeAgency knows (0 for none): the fields
// that follow, with "and" and commas between them, and the place.
func agencyAhead(words []string, toks []token, j int) int {
	run := slices.Clone(words)
	// After a comma the fields are a list, which "and" closes: "Erfurt,
	// Germany" is a town and its country.
	listed := toks[j].text == "and"
	for k := j; k < len(toks) && k < j+7 && toks[k].para == toks[j].para; k++ {
		t := toks[k]
		switch {
		case t.text == "," || t.text == "and":
			if k > j && (toks[k-1].text == "," || toks[k-1].text == "and") {
				return 0
			}
			if t.text == "and" {
				run = append(run, "and")
				listed = true
			}
			continue
		case !isCapWord(t) || t.sentStart:
			return 0
		}
		w, pos := stripPossessive(t.text)
		run = append(run, w)
		if listed && placeAgency(run) && !(k+1 < len(toks) && isCapWord(toks[k+1]) && !toks[k+1].sentStart) {
			if pos {
				return 0 // "…Canada's": the possessive ends the name for the caller to read
			}
			return k + 1 - j
		}
		if pos {
			return 0
		}
	}
	return 0
}

// adjectiveLike reports a capitalised word that reads as an adjective by
// its ending or is one of the modifiers that make a region of a country
// ("Rural", "Upstate", "Mainland"): "Atlantic Canada", "Southern Ontario",
// "Corporate America" are places, not bodies.
func adjectiveLike(w string) bool {
	if regionModifiers[w] {
		return true
	}
	l := strings.ToLower(w)
	for _, suf := range [...]string{"al", "ern", "ic", "ous", "ive", "ful", "less", "ish", "an", "ese", "ist", "ly", "ary", "ate"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

// regionModifiers make a part of a country or province of it without an
// adjective's ending.
var regionModifiers = setOf("Upper", "Lower", "Greater", "Middle", "Little", "Old", "New", "Great", "Inner", "Outer",
	"Upstate", "Downstate", "Downtown", "Metro", "Mainland", "Deep", "Far", "Mid", "Black", "White", "Red", "Blue",
	"Rural", "Urban", "Small-Town", "Nazi", "Soviet", "Free", "Occupied", "Independent", "Baja")

// settlementWords after or before a place name make another place: "Jersey
// City", "Kent County", "Island Park".
var settlementWords = setOf("City", "Town", "County", "Island", "Islands", "Province", "State", "District", "Region",
	"Valley", "Bay", "Coast", "Harbour", "Harbor", "Park", "Square", "Street", "Mountains", "Lake", "River", "Sea",
	"Township", "Village", "Borough", "Heights", "Falls", "Beach", "Port", "Airport", "Station")

// notAgencies are common nouns that make an event or a thing of a place,
// not a body: "Iraq War", "Ireland Day".
var notAgencies = setOf("War", "Wars", "Crisis", "Summit", "Agreement", "Accord", "Treaty", "Deal", "Conflict",
	"Election", "Elections", "Referendum", "Revolution", "Declaration", "Border", "Time", "Day", "Cup", "Open",
	"Games", "Trophy", "Prize", "Award", "Awards", "Championship", "Tour", "Rally", "Primary", "Caucus", "Caucuses",
	"Debate", "Talks", "Visit", "Trip", "Plan", "Bill", "Law", "Act", "Strategy", "Budget", "Economy", "Market")

// placeServices are the fields a province's or nation's own body is named
// by after it, though they are titles elsewhere ("Health Minister").
var placeServices = setOf("Health", "Hydro", "Transportation", "Transport", "Housing", "Justice", "Education", "Infrastructure", "Energy", "Water")

// knownNameAhead returns how many tokens from the "and" at toks[j] complete
// words into a body the lexicon knows (0 for none).
func knownNameAhead(words []string, toks []token, j int) int {
	words = withoutThe(words)
	name := strings.Join(words, " ") + " " + toks[j].text
	for k := j + 1; k < len(toks) && k < j+7 && toks[k].para == toks[j].para; k++ {
		if !isCapWord(toks[k]) && toks[k].text != "and" && toks[k].text != "of" && toks[k].text != "for" && toks[k].text != "the" {
			break
		}
		name += " " + toks[k].text
		if knownOrgs[name] != "" && isCapWord(toks[k]) {
			return k - j + 1
		}
	}
	return 0
}

// committeeAhead reports a capitalised run from toks[j] that a committee's
// head word closes: "Natural Resources Committee", "Means Committee".
func committeeAhead(toks []token, j int) bool {
	return capRunAhead(toks, j, func(w string) bool {
		switch w {
		case "Committee", "Subcommittee", "Select", "Commission":
			return true
		}
		return false
	})
}

// capRunAhead reports whether match holds for one of the capitalised words
// from toks[j] on: at most four, in one sentence and paragraph, read
// through a plural possessive's apostrophe ("the Transport and General
// Workers' Union") and up to a possessive, which ends a name ("the House
// Energy and Commerce Committee's chairman").
func capRunAhead(toks []token, j int, match func(w string) bool) bool {
	n := 0
	for k := j; k < len(toks) && n < 4 && toks[k].para == toks[j].para; k++ {
		t := toks[k]
		if k > j && (t.text == "’" || t.text == "'") && toks[k-1].end == t.start && strings.HasSuffix(toks[k-1].text, "s") {
			continue
		}
		if !isCapWord(t) || t.sentStart {
			break
		}
		w, pos := stripPossessive(t.text)
		if match(w) {
			return true
		}
		if pos {
			break
		}
		n++
	}
	return false
}

// withoutThe returns a name's words without the "The" that opened its
// sentence ("The Senate Energy …").
func withoutThe(words []string) []string {
	if len(words) > 1 && words[0] == "The" {
		return words[1:]
	}
	return words
}

// headAfterConnector reports a name whose last word, a head, follows "of"
// or "for", directly or at the end of a list: "Department of Health",
// "Institute for Health", "Department for Culture, Media".
func headAfterConnector(words []string) bool {
	k := len(words) - 2
	for k >= 0 && strings.HasSuffix(words[k], ",") {
		k--
	}
	return k >= 1 && (words[k] == "of" || words[k] == "for") && containsOrgHead(words[:k])
}

// andTailAhead reports one or two capitalised common words from toks[j]
// that end a body's name after "and" ("… of Health and Social Care", "…
// for Health and Care Excellence"): no head, body, place or first name.
func andTailAhead(toks []token, j int, vocab map[string]bool) bool {
	n := 0
	for k := j; k < len(toks) && isCapWord(toks[k]) && !toks[k].sentStart && toks[k].para == toks[j].para; k++ {
		w := toks[k].text
		if n == 2 || orgHeads[w] || knownOrgs[w] != "" || hasHonorific(w) || titleWords[w] {
			return false
		}
		if isFirstName(w) && (n == 0 && !vocab[strings.ToLower(w)] && !(k+1 < len(toks) && isCapWord(toks[k+1]) && (vocab[strings.ToLower(toks[k+1].text)] || !sentenceInitialIsName(toks[k+1].text)))) {
			return false // "… and Jane Smith"; not "… and Care Excellence"
		}
		if _, m, _ := matchPlace([]string{w}); m > 0 {
			return false
		}
		n++
	}
	return n > 0
}

// orgListHeadAhead reports a list from the comma at toks[j] that closes
// with "and" and a run holding a head word ("…, Commonwealth and
// Development Office").
func orgListHeadAhead(toks []token, j int) bool {
	if !orgListAhead(toks, j) {
		return false
	}
	for k := j + 1; k < len(toks) && k < j+12; k++ {
		if toks[k].text == "and" {
			return k+1 < len(toks) && orgRunAhead(toks, k+1)
		}
	}
	return false
}

func orgRunAhead(toks []token, j int) bool {
	return capRunAhead(toks, j, func(w string) bool { return orgHeads[w] })
}

// saintWords open the names of the schools, hospitals and churches named
// for a saint (orgPossessive).
var saintWords = setOf("St", "St.", "Saint", "Ste", "Ste.")

// afterSaint reports a word after "St", "St." or "Saint".
func afterSaint(toks []token, j int) bool {
	k := j - 1
	if k >= 1 && toks[k].text == "." {
		k--
	}
	return k >= 0 && saintWords[toks[k].text] && toks[k].para == toks[j].para
}

// orgPossessive reports a possessive common word that goes on into an
// organisation's name ("People’s Party", "Principals’ Association").
func orgPossessive(toks []token, j int, w string, vocab map[string]bool) bool {
	if j >= len(toks) || !orgRunAhead(toks, j) {
		return false
	}
	if afterSaint(toks, j-1) {
		// "St Mary's Hospital", "St. Joseph's Health Centre": a body
		// named for a saint.
		return true
	}
	if titleWords[w] {
		// "the Information Commissioner's Office", "the County
		// Attorney's Office": an officer's office is a body.
		// (The Prime Minister's and the President's office are found
		// by the title's own rule.)
		// "the King's Fund", "the Prince's Trust", "the Directors'
		// Guild": a title's possessive before any other head word that
		// cannot stand for a place names a body too.
		return w != "Minister" && w != "President" && j < len(toks) && orgHeads[toks[j].text] && !boundHeads[toks[j].text]
	}
	if lw := strings.ToLower(w); (vocab[lw] || vocab[strings.TrimSuffix(lw, "s")]) && !isFirstName(w) {
		return true // the article writes it in lower case too
	}
	if j < len(toks) && orgHeads[toks[j].text] && !boundHeads[toks[j].text] && !isFirstName(w) && (strings.HasSuffix(w, "men") || strings.HasSuffix(w, "ers") || strings.HasSuffix(w, "ors")) {
		// "the Prison Governors' Association", "the Fishermen's
		// Alliance": a plural of people before a head.
		return true
	}
	return commonCapital(w)
}

func hasConnector(words []string) bool {
	for _, w := range words {
		if w == "of" || w == "for" {
			return true
		}
	}
	return false
}

// orgListAhead reports whether the comma at toks[j] opens the rest of a
// list of capitalised words that closes with "and" and a capitalised word
// ("…, Mediation and Arbitration"), ending the name.
func orgListAhead(toks []token, j int) bool {
	k := j
	for items := 0; items < 4; items++ {
		if k >= len(toks) || toks[k].text != "," {
			return false
		}
		k++
		n := 0
		for k < len(toks) && isCapWord(toks[k]) && !toks[k].sentStart {
			k++
			n++
		}
		if n == 0 || n > 3 || k >= len(toks) {
			return false
		}
		if toks[k].text == "and" {
			k++
			n = 0
			for k < len(toks) && isCapWord(toks[k]) && !toks[k].sentStart {
				k++
				n++
			}
			return n > 0 && n <= 3
		}
	}
	return false
}

// typeByContext types the names that their own words left undecided by
// the words around them: a relative pronoun, a noun for a kind of
// organisation, a plural verb after a team, a result between two clubs.
func (a *article) typeByContext() {
	a.typeByContextRules()
	a.typeByModel()
	a.typeByConjunct()
	a.typeByOrgList()
	a.typeTowns()
	a.typeAfterPersonNoun()
	a.dropCredits()
}

// typeAfterPersonNoun makes a person of a name of two or three words that
// neither the rules nor the names model typed, right after a lower-case
// word for what a person is or does: "said co-curator Maata
// Kilabuk-Nowak", "striker Kwabena Osei-Tutu". (A body's name holds a head
// word or an acronym, and a place is in the gazetteer: neither is taken.)
func (a *article) typeAfterPersonNoun() {
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entMaybe || len(m.words) < 2 || len(m.words) > 3 || m.possessive || m.from == 0 {
			continue
		}
		prev := a.toks[m.from-1]
		if prev.kind != tokWord || prev.capital || prev.para != a.toks[m.from].para || !describesPerson(prev.text) {
			continue
		}
		if orgLike(m.words) || containsOrgHead(m.words) {
			continue
		}
		if _, n, _ := matchPlace(m.words); n > 0 {
			continue
		}
		m.kind = entPerson
	}
}

// townNames is the set of the towns' names in towns_gen.go.
var townNames = sync.OnceValue(func() map[string]bool {
	names := strings.Split(townNameLines, "\n")
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
})

// typeTowns takes a name of two words or more that is a town's ("grew up
// in Milton Keynes", "cattle near Swift Current", "a wildfire west of
// Williams Lake") back from a person, or from a name not yet typed, when
// nothing in the article makes it a person: no mention of it with an
// honorific or a title, and its last word never a name on its own ("Hill
// said" after "Lawrence Hill"). Its first word is often a given name, so
// the rules and the names model alone read a person. It runs after the
// names model, which is trained without it.
func (a *article) typeTowns() {
	towns := townNames()
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entPerson && m.kind != entMaybe || len(m.words) < 2 || m.honorific || m.role != "" {
			continue
		}
		if !towns[strings.Join(m.words, " ")] || a.personSense(m.words) {
			continue
		}
		m.kind = entNone
	}
}

// personSense reports a mention that makes the name words a person's: the
// same words with an honorific or a title, or their last word alone.
func (a *article) personSense(words []string) bool {
	last := words[len(words)-1]
	for i := range a.mentions {
		p := &a.mentions[i]
		if len(p.words) == 1 && p.words[0] == last {
			return true
		}
		if (p.honorific || p.role != "") && slices.Equal(p.words, words) {
			return true
		}
	}
	return false
}

// typeByOrgList makes bodies of the names listed after a plural kind of
// body: "photo giants such as Kodak", "firms such as Lazard, Skadden and
// Cravath". A name joins only when it is a proper name (never written in
// lower case, not a common word), no place and no person's surname.
// (Lists joined to a body by "and" alone were tried: "X and Y" joins
// places, people and adjectives to bodies as often as bodies.)
func (a *article) typeByOrgList() {
	var vocab map[string]bool
	// inList reports a name that follows "such as" after a plural kind of
	// body, directly or as a later item of the same list.
	var inList func(from int) bool
	inList = func(from int) bool {
		if a.kindsSuchAs(from) {
			return true
		}
		if from < 2 || !listJoint(a.toks[from-1].text) {
			return false
		}
		n := a.byTok[from-2]
		return n > 0 && a.mentions[n-1].to == from-1 && inList(a.mentions[n-1].from)
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entMaybe && !(m.kind == entPerson && len(m.words) == 1) || m.honorific || m.role != "" {
			// (a lone name that spoke was made a person: "firms such as
			// Slate … Slate said")
			continue
		}
		if len(m.words) > 4 || m.possessive || hasTitle(m.words) || a.fillsQuote(m) || !inList(m.from) || len(m.words) > 1 && isFirstName(m.words[0]) {
			continue
		}
		if vocab == nil {
			vocab = lowerVocab(a.toks)
		}
		if properName(m.words, vocab) && !a.surnameOfPerson(m.words[len(m.words)-1]) {
			m.kind = entOrg
		}
	}
}

// kindsSuchAs reports "such as" before token k after a plural kind of body
// ("firms such as", "photo giants such as", "unions such as"), one word
// allowed between the noun and "such".
func (a *article) kindsSuchAs(k int) bool {
	if k < 3 || a.toks[k-1].text != "as" || a.toks[k-2].text != "such" {
		return false
	}
	for j := k - 3; j >= 0 && j >= k-4; j-- {
		w := lower(a.toks[j].text)
		if a.toks[j].kind != tokWord || a.toks[j].capital && !a.toks[j].sentStart {
			return false
		}
		if w == "companies" || w == "charities" || w == "parties" || strings.HasSuffix(w, "s") && orgKindNouns[strings.TrimSuffix(w, "s")] {
			return true
		}
	}
	return false
}

// typeByConjunct makes people of open two- or three-word names listed with
// people: "Venus Hartley, Shinobu Arakawa and Tomasz Wrobel". A name
// joined by a comma, "and" or "or" to a person's full name is one too, when
// its words are all capitalised and none is a common word of the article.
func (a *article) typeByConjunct() {
	var vocab map[string]bool
	isPerson := func(n int32) bool {
		return n > 0 && a.mentions[n-1].kind == entPerson && len(a.mentions[n-1].words) > 1
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entMaybe || len(m.words) < 2 || len(m.words) > 3 || m.possessive || hasTitle(m.words) || containsOrgHead(m.words) {
			continue
		}
		before := m.from >= 2 && listJoint(a.toks[m.from-1].text) && isPerson(a.byTok[m.from-2]) && a.mentions[a.byTok[m.from-2]-1].to == m.from-1
		after := m.to+1 < len(a.toks) && listJoint(a.toks[m.to].text) && isPerson(a.byTok[m.to+1]) && a.mentions[a.byTok[m.to+1]-1].from == m.to+1
		if !before && !after {
			continue
		}
		if vocab == nil {
			vocab = lowerVocab(a.toks)
		}
		if properName(m.words, vocab) {
			m.kind = entPerson
		}
	}
}

// properName reports words that can only be a name: each capitalised,
// never written in lower case in the article, a name to prose's
// dictionary, and together no place.
func properName(words []string, vocab map[string]bool) bool {
	for _, w := range words {
		if !isCapWordString(w) || vocab[strings.ToLower(w)] || !sentenceInitialIsName(w) {
			return false
		}
	}
	_, n, _ := matchPlace(words)
	return n == 0
}

func listJoint(w string) bool { return w == "," || w == "and" || w == "or" }

// dropCredits sets aside the names of a byline or a photo credit ("By
// Elaine Porter" opening a paragraph, "THE CANADIAN PRESS/Nathan Denette",
// "Nathan Denette / The Associated Press"): the people who wrote or took
// the pictures, not people the article is about; and the agency credited
// there.
func (a *article) dropCredits() {
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entPerson && m.kind != entMaybe && m.kind != entOrg || m.honorific || m.role != "" {
			continue
		}
		slashBefore := m.from > 0 && a.toks[m.from-1].text == "/"
		slashAfter := m.to < len(a.toks) && a.toks[m.to].text == "/"
		by := m.kind != entOrg && m.from > 0 && a.toks[m.from-1].text == "By" && a.toks[m.from-1].sentStart && (m.to >= len(a.toks) || a.toks[m.to].para != a.toks[m.from].para || a.toks[m.to].text == "," || a.toks[m.to].text == "and")
		if slashBefore || slashAfter || by {
			m.kind = entNone
		}
	}
}

// typeByContextRules is typeByContext's hand rules; the name model is
// trained on what they leave open.
func (a *article) typeByContextRules() {
	typed := map[string]entKind{} // names typed here, for their other mentions
	events := map[string]bool{}   // "Yagi" of "Typhoon Yagi"
	for i := range a.mentions {
		if m := &a.mentions[i]; len(m.words) > 1 && eventHeads[m.words[0]] {
			events[m.words[len(m.words)-1]] = true
		}
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if a.fillsQuote(m) && (m.kind == entMaybe || m.kind == entNone) && a.selfNamed(m) {
			// "A group calling itself “Frostbyte”": a body's own name.
			m.kind = entOrg
			continue
		}
		if a.fillsQuote(m) || m.possessive && m.kind != entMaybe {
			continue
		}
		switch {
		case m.kind == entOrg && len(m.words) == 1 && orgHeads[m.words[0]] && knownOrgs[m.words[0]] == "" && !m.possessive &&
			m.to < len(a.toks) && a.toks[m.to].kind == tokWord && !a.toks[m.to].capital && isPersonNoun(a.toks[m.to].text):
			// "Energy analyst Mark Tidwell", "Media lawyer Ann Bell": a
			// field of work before a person's noun, not a body.
			m.kind = entNone
			continue
		case m.kind == entMaybe && len(m.words) == 1 && events[m.words[0]]:
			// "Yagi, which …" after "Typhoon Yagi".
			m.kind = entNone
			continue
		case m.kind == entMaybe && len(m.words) >= 2 && len(m.words) <= 4 && !orgLike(m.words) && a.relativeAfter(m, "who"):
			// "Villa are managed by Unai Emery, who …", "Ibrahima
			// Diallo, 22, who left Guinea": people.
			m.kind = entPerson
		case (m.kind == entMaybe || m.kind == entNone && len(m.words) > 1 && orgLike(m.words)) && a.relativeAfter(m, "whose") && a.roleAfter(m.to+2):
			// "La Biennale di Venezia, whose president": a body. (", which"
			// alone is no sign: wars, laws and towns take it too.)
			m.kind = entOrg
		case (m.kind == entMaybe || m.kind == entNone && len(m.words) > 1 && orgLike(m.words) && !eventName(m.words)) && a.officerOf(m):
			// "the president of SAG-AFTRA", "a member of Grupa Granica".
			m.kind = entOrg
		case m.kind == entMaybe && a.companyCue(m) && !a.surnameOfPerson(m.words[len(m.words)-1]):
			// "Zelvora shares fell", "shares in Trandex", "Quillon's chief
			// executive": a company.
			m.kind = entOrg
		case m.kind == entPerson && !m.honorific && m.role == "" && len(m.words) >= 2 && m.from > 0 &&
			(lower(a.toks[m.from-1].text) == "a" || lower(a.toks[m.from-1].text) == "an") && a.spokesmanAfter(m) && !a.namedElsewhere(m):
			// "A Coral Samoa spokesman": a name the article gives only
			// here, between an indefinite article and a spokesman, is a
			// body, though it opens with a first name (a person's
			// spokesman is "a spokesman for X" or X's, or X is named again).
			m.kind = entOrg
		case m.kind == entMaybe && a.spokesmanAfter(m) && !a.surnameOfPerson(m.words[len(m.words)-1]):
			// "a Brightwater Foods spokeswoman", "a Telvanto spokesman": a body
			// speaks through one (a person's spokesman follows a full
			// name the rules already know, or a surname).
			m.kind = entOrg
		case (m.kind == entMaybe || m.kind == entPerson && !m.honorific && m.role == "") && len(m.words) >= 2 && a.membersAfter(m):
			// "Fianna Fáil leader Micheál Martin", "Labour MPs": a party.
			m.kind = entOrg
		case m.from > 0 && orgKindNoun(a.toks[m.from-1]) && (m.kind == entMaybe || m.kind == entPerson && !m.honorific && m.role == "" && (len(m.words) == 1 || bodyOnlyNouns[a.toks[m.from-1].text] && !a.surnameAlone(m))) && !a.clauseSubject(m):
			// (a lone name that speaks was made a person: "the agency
			// Vexor said" makes it a body again)
			// "the enforcement agency Ibama", "the research firm Briter
			// Bridges", "payments start-up Akoko Pay", and names that
			// open with a given name, "bookmaker William Hill", unless
			// the article calls it by its last word alone, as a person.
			m.kind = entOrg
		case (m.kind == entMaybe || m.kind == entNone && !eventName(m.words)) && (len(m.words) >= 2 || orgLike(m.words)) && a.orgNounAfter(m):
			// "the Grupa Granica aid network".
			m.kind = entOrg
		case m.kind == entNone && len(m.words) > 1 && len(m.words) <= 5 && !eventName(m.words) && !allCaps(m.words) && a.appositionNoun(m, isOrgNoun):
			// "Akoko Pay, a Lagos-based start-up that …": a name that ends
			// in a common word, in apposition to a kind of organisation.
			m.kind = entOrg
		case (m.kind == entMaybe || m.kind == entPlace && a.cityOnly(m) || m.kind == entNone && a.theOrFormerBefore(m) && !allCaps(m.words) && !eventName(m.words) && !isFirstName(m.words[0])) && len(m.words) <= 3 && !m.possessive && a.clubNounAfter(m) && !a.surnameOfPerson(m.words[len(m.words)-1]):
			// "Rovigo midfielder Luca Bassi", "Ferrand coach Ian Keel",
			// "Wasps fans": a club.
			m.kind = entOrg
		case (m.kind == entMaybe || m.kind == entPlace && a.cityOnly(m)) && a.collectiveVerb(m):
			// "Arsenal have learnt", "Villa are managed by": a singular
			// name with a plural verb is a team, as British news writes.
			m.kind = entOrg
		case m.kind == entNone && a.cityFirstName(m):
			// "substitute Memphis Depay …; Depay, the Dutch striker":
			// a person whose first name is a city's.
			m.kind = entPerson
		case (m.kind == entMaybe || m.kind == entNone) && a.clubResult(m):
			// "Atlético Madrid beat Inter Milan": clubs named for cities.
			m.kind = entOrg
		default:
			continue
		}
		typed[strings.Join(m.words, " ")] = m.kind
	}
	// One sense per article: the other open mentions of a name typed here
	// ("We play against Villa"; "the law firm Brackley Venn … Brackley Venn
	// has a client") are the same team or body.
	for i := range a.mentions {
		m := &a.mentions[i]
		if k, ok := typed[strings.Join(m.words, " ")]; ok && m.kind == entMaybe {
			m.kind = k
		}
	}
}

// relativeAfter reports a name followed by a comma and one of the relative
// pronouns, an age between commas allowed: "Sinn Féin, which", "Ibrahima
// Diallo, 22, who".
func (a *article) relativeAfter(m *mention, pronouns ...string) bool {
	k := m.to
	if k < len(a.toks) && a.toks[k].text == "," && k+3 < len(a.toks) && isNumber(a.toks[k+1].text) && a.toks[k+2].text == "," {
		k += 2
	}
	if k+1 >= len(a.toks) || a.toks[k].text != "," {
		return false
	}
	for _, p := range pronouns {
		if a.toks[k+1].text == p {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// orgKindNouns are nouns for a kind of organisation that news puts right
// before its name: "the agency Ibama", "the start-up Akoko Pay".
var orgKindNouns = union(bodyOnlyNouns, setOf("party", "group", "alliance", "coalition", "bloc", "movement",
	"manufacturer", "publisher", "operator", "club", "outlet", "daily", "tabloid", "giant", "producer", "maker",
	"provider", "supplier", "studio", "distributor", "exporter", "miner", "refiner"))

// bodyOnlyNouns are the kind nouns that name only a body: before a name
// that opens with a given name ("bookmaker William Hill", "the chain
// Ridgeway Home") they make it one, where "producer", "pollster" or
// "manufacturer" can be a person's trade ("manufacturer Ron Johnson").
var bodyOnlyNouns = setOf("agency", "firm", "company", "start-up", "startup", "union", "network", "bank",
	"insurer", "lender", "carrier", "airline", "broadcaster", "newspaper", "charity", "regulator", "watchdog",
	"conglomerate", "retailer", "automaker", "carmaker", "chipmaker", "drugmaker", "chain", "label", "band",
	"website", "bookmaker", "steelmaker", "consultancy", "brewer", "supermarket", "housebuilder", "utility")

// nicknameAt returns the end of a name with a nickname in quotation marks
// between its given name and its surname at toks[i] (Danny "The Hammer"
// Quayle, Dwayne "The Rock" Johnson), or 0.
func nicknameAt(toks []token, i int) int {
	if !isFirstName(toks[i].text) || i+4 >= len(toks) || toks[i+1].kind != tokQuote {
		return 0
	}
	k := i + 2
	for k < len(toks) && k < i+5 && isCapWord(toks[k]) && toks[k].para == toks[i].para {
		k++
	}
	if k == i+2 || k+1 >= len(toks) || toks[k].kind != tokQuote || !isCapWord(toks[k+1]) || toks[k+1].sentStart || toks[k+1].para != toks[i].para {
		return 0
	}
	if k+2 < len(toks) && isCapWord(toks[k+2]) && !toks[k+2].sentStart {
		return 0 // more name after it: not the simple form
	}
	return k + 2
}

// frenchHeads open the names of bodies written in French, whose other
// words are in lower case: "Office québécois de la langue française",
// "Division scolaire franco-manitobaine", "Régie du logement".
var frenchHeads = setOf("Office", "Division", "Conseil", "Commission", "Caisse", "Société", "Régie", "Sûreté",
	"Fédération", "Institut", "Université", "Collège", "École", "Syndicat", "Assemblée", "Ministère", "Banque",
	"Agence", "Comité", "Confédération", "Centre", "Association", "Regroupement", "Mouvement", "Réseau",
	"Conférence", "Cégep", "Tribunal", "Protecteur", "Directeur", "Ordre", "Front", "Parti", "Union", "Coalition")

// frenchArticles may stand before a French body's name: "the Régie du
// logement", "La Caisse de dépôt".
var frenchArticles = setOf("The", "La", "Le", "Les", "L’", "L'")

// frenchJoiners are the small words inside a French name.
var frenchJoiners = setOf("de", "du", "des", "la", "le", "les", "et", "en", "pour", "sur", "au", "aux", "d'", "l'", "d’", "l’")

// frenchBodyRun returns how many tokens from toks[i] name a body in French
// (0 for none): a head word, then French words in lower case, the words
// after "de", "du" or "la" whatever they are ("de la protection du
// consommateur"), capitalised names after them ("du Québec"). The word after
// the head must be French, so "Office workers" and "Union leaders" are no
// such name.
func frenchBodyRun(toks []token, i int) int {
	if i >= len(toks) || !frenchHeads[toks[i].text] {
		return 0
	}
	end := 0
	for j := i + 1; j < len(toks) && toks[j].para == toks[i].para && !toks[j].sentStart && toks[j].kind == tokWord; j++ {
		w := toks[j].text
		afterJoiner := frenchJoiners[toks[j-1].text]
		switch {
		case frenchJoiners[w]:
		case !toks[j].capital && (frenchWord(w) || afterJoiner && j > i+1):
			end = j + 1
		case toks[j].capital && afterJoiner && j > i+1:
			end = j + 1
		default:
			return max(end-i, 0)
		}
	}
	return max(end-i, 0)
}

// frenchWord reports a lower-case word that looks French: an accented
// letter, or an ending English words seldom have ("scolaire", "québécois",
// "nationale", "franco-manitobaine").
func frenchWord(w string) bool {
	if strings.ContainsAny(w, "éèêëàâçôûîïù") {
		return true
	}
	for _, end := range []string{"aire", "aise", "oise", "ois", "ienne", "aine", "eux", "euse", "aux"} {
		if strings.HasSuffix(w, end) && len(w) > len(end)+2 {
			return true
		}
	}
	return len(w) >= 7 && (strings.HasSuffix(w, "ale") || strings.HasSuffix(w, "elle"))
}

// orgDescriptors are the kinds of body that open a British news sentence
// before the body's name ("Retailer Harlow Brothers said"), and are seldom
// the first word of a name themselves (not "bank", "union", "party").
var orgDescriptors = setOf("charity", "retailer", "carmaker", "automaker", "chipmaker", "drugmaker", "insurer",
	"lender", "broadcaster", "regulator", "watchdog", "conglomerate", "supermarket", "housebuilder", "brewer",
	"miner", "refiner", "exporter", "publisher", "distributor", "pollster", "bookmaker", "telecoms", "utility")

func orgKindNoun(t token) bool {
	return t.kind == tokWord && !t.capital && orgKindNouns[t.text]
}

// orgNounAfter reports "the X network", "the X aid group": a name between
// "the" and a noun for a kind of organisation, one modifier allowed; and a
// broadcaster or paper before its medium ("with France Inter radio").
func (a *article) orgNounAfter(m *mention) bool {
	if m.to < len(a.toks) && mediaNouns[a.toks[m.to].text] {
		return true
	}
	if m.from == 0 || lower(a.toks[m.from-1].text) != "the" {
		return false
	}
	for k := m.to; k < len(a.toks) && k < m.to+2; k++ {
		t := a.toks[k]
		if t.kind != tokWord || t.capital {
			return false
		}
		if orgKindNouns[t.text] {
			return k+1 >= len(a.toks) || a.toks[k+1].text != "of"
		}
	}
	return false
}

var mediaNouns = setOf("radio", "television", "newspaper", "channel", "broadcaster")

// membersAfter reports a name followed by the lower-case word for its
// leaders or members: "Fianna Fáil leader", "Labour MPs". People have
// spokesmen and supporters, but no leader, lawmakers or members.
func (a *article) membersAfter(m *mention) bool {
	if m.to >= len(a.toks) || m.possessive {
		return false
	}
	switch a.toks[m.to].text {
	case "leader", "leaders", "co-leader", "lawmakers", "MPs", "members", "councillors":
		return true
	}
	return false
}

// companyCue reports the words around a company's name: its shares after
// it, "shares in" or "stake in" before it, its chief executive or chairman
// after its possessive.
func (a *article) companyCue(m *mention) bool {
	if m.to < len(a.toks) {
		switch a.toks[m.to].text {
		case "shares", "stock", "stake", "shareholders":
			return true
		}
		if m.possessive && m.to+1 < len(a.toks) {
			switch a.toks[m.to].text + " " + a.toks[m.to+1].text {
			case "chief executive", "chief financial", "board of", "share price", "annual report", "profits", "shareholders":
				return true
			}
			switch a.toks[m.to].text {
			case "chairman", "shareholders", "profits", "profit", "revenues", "subsidiary", "board", "unit", "largest", "core":
				return true
			}
		}
	}
	if m.from >= 2 {
		switch lower(a.toks[m.from-2].text) + " " + lower(a.toks[m.from-1].text) {
		case "shares in", "stake in", "shareholders in", "takeover of", "bid for", "merger with":
			return true
		}
	}
	return false
}

// spokesmanAfter reports a name followed by spokesman, spokeswoman or
// spokesperson.
func (a *article) spokesmanAfter(m *mention) bool {
	if m.to >= len(a.toks) || m.possessive {
		return false
	}
	switch a.toks[m.to].text {
	case "spokesman", "spokeswoman", "spokesperson":
		return true
	}
	return false
}

// roleAfter reports a role noun at token k: "whose president".
func (a *article) roleAfter(k int) bool {
	return k < len(a.toks) && a.toks[k].kind == tokWord && roleHeads[lower(a.toks[k].text)] != ""
}

// eventName reports the name of a storm, prize or competition.
func eventName(words []string) bool {
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if len(words) > 1 && romanNumeral(last) {
		last = words[len(words)-2] // "World War II"
	}
	return len(words) > 1 && eventHeads[words[0]] || eventTails[last] || competition(words)
}

// cityOnly reports a mention that is a city's name, not a country's: a
// club may carry it ("Liverpool are").
func (a *article) cityOnly(m *mention) bool {
	_, n, kind := matchPlace(m.words)
	return n == len(m.words) && kind == placeCity
}

// collectiveVerb reports a name without a plural "s" that a plural verb
// follows ("Arsenal have", "Villa are"), not after "and" (two subjects) or
// an auxiliary ("does Smith have"), and not a person's surname.
func (a *article) collectiveVerb(m *mention) bool {
	if m.to >= len(a.toks) || m.possessive {
		return false
	}
	if v := a.toks[m.to].text; v != "have" && v != "are" {
		return false
	}
	last := m.words[len(m.words)-1]
	if strings.HasSuffix(last, "s") || stopwords[strings.ToLower(m.words[0])] || strings.ContainsAny(last, "'’") || allCaps(m.words) && len(m.words) > 1 {
		return false // not "We are", "There are", "You'd have"
	}
	if a.toks[m.from].sentStart && !sentenceInitialIsName(m.words[0]) {
		return false
	}
	if m.from > 0 {
		if prepositions[lower(a.toks[m.from-1].text)] {
			return false // "delegates in Philadelphia have"
		}
		switch lower(a.toks[m.from-1].text) {
		case "and", "&", "or", ",", "nor", "do", "does", "did", "will", "would", "could", "should", "can", "may",
			"might", "must", "to", "let", "where", "why", "how", "what", "when", "which", "who", "whom", "whose":
			return false
		}
	}
	return !a.surnameOfPerson(last)
}

// surnameOfPerson reports a word that ends a person's full name in the
// article.
// namedElsewhere reports another mention that ends in the same word as m.
func (a *article) namedElsewhere(m *mention) bool {
	w := m.words[len(m.words)-1]
	for i := range a.mentions {
		p := &a.mentions[i]
		if p != m && len(p.words) > 0 && p.words[len(p.words)-1] == w {
			return true
		}
	}
	return false
}

func (a *article) surnameOfPerson(w string) bool {
	for i := range a.mentions {
		p := &a.mentions[i]
		if p.kind == entPerson && len(p.words) > 1 && p.words[len(p.words)-1] == w {
			return true
		}
	}
	return false
}

// cityFirstName reports a two-word name that starts with a city and ends in
// a word the article also uses alone as a name: a person named like a city
// ("Memphis Depay … Depay"), not a thing named for one ("the Paris
// Declaration", "Boston Dynamics", "the Denver Broncos … the Broncos": the
// second word alone is then a common word, a head word or a plural).
func (a *article) cityFirstName(m *mention) bool {
	if len(m.words) != 2 {
		return false
	}
	if _, n, kind := matchPlace(m.words[:1]); n != 1 || kind != placeCity {
		return false
	}
	w := m.words[1]
	if strings.HasSuffix(w, "s") || orgHeads[w] || titleWords[w] || !isCapWordString(w) {
		return false
	}
	if _, n, _ := matchPlace([]string{w}); n > 0 {
		return false
	}
	for i := range a.mentions {
		p := &a.mentions[i]
		if p != m && len(p.words) == 1 && p.words[0] == w && (p.kind == entMaybe || p.kind == entPerson) {
			return true
		}
	}
	return false
}

// isCapWordString reports a word written with a capital and then lower case.
func isCapWordString(w string) bool {
	r := []rune(w)
	return len(r) > 1 && unicode.IsUpper(r[0]) && strings.ToLower(string(r[1:])) == string(r[1:])
}

// clubNouns follow a club's name: its staff, players and fans.
var clubNouns = setOf("boss", "manager", "coach", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger",
	"captain", "skipper", "player", "players", "fans", "supporters", "fly-half", "scrum-half", "full-back", "playmaker",
	"wing", "flanker", "batsman", "batter", "bowler", "wicketkeeper", "all-rounder",
	// a band's
	"singer", "guitarist", "drummer", "bassist", "frontman", "frontwoman", "vocalist", "keyboardist")

// theOrFormerBefore reports "the" or "former" right before m: "the
// Harriers wing", "the former Vexmoor singer".
func (a *article) theOrFormerBefore(m *mention) bool {
	if m.from == 0 {
		return false
	}
	w := lower(a.toks[m.from-1].text)
	if w == "former" && m.from > 1 {
		// "the former Vexmoor singer", not "a former Scottish player"
		_, n, _ := matchPlace(m.words)
		return n == 0
	}
	if w != "the" {
		return false
	}
	_, n, _ := matchPlace(m.words)
	return n == 0
}

// clubNounAfter reports a club noun right after m: "Rovigo midfielder".
func (a *article) clubNounAfter(m *mention) bool {
	// (Not over a qualifier, "Ferrand assistant coach Ian Keel":
	// attribution then takes the club for the speaker.)
	return m.to < len(a.toks) && clubNouns[a.toks[m.to].text]
}

// resultVerbs report a match between two sides: "Atlético Madrid beat Inter
// Milan".
var resultVerbs = setOf("beat", "beats", "defeated", "defeat", "defeats", "thrashed", "edged", "knock", "knocked", "knocks", "eliminated", "routed", "overcame", "stunned", "drew", "hosted", "host", "hosts")

// clubResult reports a name with a city in it (not the first word, and not
// a country's name) on either side of a result verb: a club.
func (a *article) clubResult(m *mention) bool {
	if len(m.words) < 2 || isFirstName(m.words[0]) {
		return false
	}
	city := false
	for i := 1; i < len(m.words); i++ {
		if _, n, kind := matchPlace(m.words[i:]); n > 0 && kind == placeCity {
			city = true
		}
	}
	if !city {
		return false
	}
	before := m.from > 0 && resultVerbs[a.toks[m.from-1].text]
	after := m.to < len(a.toks) && resultVerbs[a.toks[m.to].text]
	return before || after
}

// orgAliases resolves the short names of organisations named in full: a
// name's first or last word alone ("City" for Manchester City, "the Bank"
// for the Bank of England), an acronym in brackets or after "known as"
// ("Social Democratic Party (SPD)", "National Water Commission, known as
// Conagua"), and a party's members for the party ("Social Democrats").
// A longer unknown name that ends in a team's lone name ("Aston Villa"
// after "Villa are") is that team. It returns order with any new entity.
func (a *article) orgAliases(order []*entity) []*entity {
	lone := map[string]bool{}
	for i := range a.mentions {
		if m := &a.mentions[i]; m.kind == entOrg && len(m.words) == 1 {
			lone[m.words[0]] = true
		}
	}
	byName := map[string]*entity{}
	for _, e := range order {
		if e.kind == entOrg {
			byName[e.name] = e
		}
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.ent != nil || m.kind != entMaybe || len(m.words) < 2 || len(m.words) > 4 || !lone[m.words[len(m.words)-1]] {
			continue
		}
		m.kind, m.ent = entOrg, orgEntity(byName, &order, m.words, a.toks[m.from].start)
	}
	// "Harlan Greaves said" after "Harlan Greaves Group", "Coral Samoa
	// said" after "Coral Samoa Airlines": a company named in full, then
	// without its legal, group or trade word, is still the company,
	// whatever a first name in it suggested. (A foundation is named after a
	// person: "Ada Brennock" is not the Ada Brennock Foundation; nor is anyone
	// the article calls Mr or Senator.)
	for i := range a.mentions {
		m := &a.mentions[i]
		if len(m.words) < 1 || m.honorific || m.role != "" || m.kind != entPerson && m.kind != entMaybe {
			continue
		}
		if len(m.words) == 1 && (knownOrgs[m.words[0]] != "" || a.surnameOfPerson(m.words[0]) || isFirstName(m.words[0])) {
			// ("Wexmoor said" after "Wexmoor Energy" is the company; "Greaves
			// said" after "Ann Greaves" is her.)
			continue
		}
		for _, e := range order {
			full := e.words
			for len(full) > len(m.words)+1 && companyHeads[full[len(full)-1]] {
				full = full[:len(full)-1] // "Tarnbeck Foods Inc." is Tarnbeck too
			}
			if e.kind == entOrg && len(full) == len(m.words)+1 && (companyHeads[full[len(m.words)]] || sectorHeads[full[len(m.words)]]) && slices.Equal(full[:len(m.words)], m.words) && !a.titled(m.ent) {
				m.kind, m.ent = entOrg, e
				break
			}
		}
	}
	alias := map[string]*entity{}
	for i := range a.mentions {
		m := &a.mentions[i]
		if len(m.words) != 1 || m.from < 2 {
			continue
		}
		// The organisation named just before: "X (ACR)", "X, known as Y".
		k := m.from - 1
		switch {
		case a.toks[k].text == "(" && m.to < len(a.toks) && a.toks[m.to].text == ")":
			k--
		case k >= 3 && a.toks[k].text == "as" && a.toks[k-1].text == "known" && a.toks[k-2].text == ",":
			k -= 3
		default:
			continue
		}
		if n := a.byTok[k]; n > 0 {
			if p := &a.mentions[n-1]; p.to == k+1 && p.kind == entOrg && p.ent != nil && len(p.ent.words) > 1 {
				alias[m.words[0]] = p.ent
			}
		}
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.kind != entOrg && !(m.kind == entMaybe || m.kind == entPerson && !m.honorific && m.role == "") {
			continue
		}
		if len(m.words) == 1 && m.kind != entOrg {
			if e := alias[m.words[0]]; e != nil {
				// "Conagua said" after "…, known as Conagua".
				m.kind, m.ent = entOrg, e
			}
			continue
		}
		if m.ent != nil && (m.ent.kind != entOrg || len(m.ent.words) > 1 && len(m.words) > 1 && !partyMembers(m.words, nil)) {
			continue
		}
		if len(m.words) == 1 {
			if e := alias[m.words[0]]; e != nil {
				m.kind, m.ent = entOrg, e
				continue
			}
			if m.kind == entPerson {
				continue
			}
		}
		var found *entity
		for _, e := range order {
			if e.kind != entOrg || len(e.words) <= len(m.words) {
				continue
			}
			if len(m.words) == 1 && shortName(m.words[0], e.words) || len(m.words) > 1 && partyMembers(m.words, e.words) {
				if found != nil && found != e {
					found = nil
					break
				}
				found = e
			}
		}
		if found != nil {
			m.kind, m.ent = entOrg, found
		}
	}
	return order
}

// companyHeads end a company's name and are dropped in its short form.
var companyHeads = setOf("Group", "Holdings", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "Corp", "Corp.", "Corporation",
	"Company", "Co", "LLC", "Industries", "Partners", "Capital", "Ventures", "Associates", "Enterprises", "Limited")

// sectorHeads end a company's name with its trade; news then calls it by
// the word before ("Wexmoor Energy … Wexmoor said", "Tarnbeck Foods … Tarnbeck").
var sectorHeads = setOf("Energy", "Airways", "Airlines", "Motors", "Foods", "Pharmaceuticals", "Resources", "Systems",
	"Technologies", "Communications", "Networks", "Telecom", "Mining", "Petroleum", "Oil", "Entertainment", "Media",
	"Insurance", "Logistics", "Minerals", "Software", "Brewery", "Breweries", "Railway", "Railways", "Rail", "Steel",
	"Chemicals", "Water", "Shipping", "Electric")

// titled reports a person entity some mention names with an honorific or
// a title.
func (a *article) titled(e *entity) bool {
	if e == nil || e.kind != entPerson {
		return false
	}
	for i := range a.mentions {
		if m := &a.mentions[i]; m.ent == e && (m.honorific || m.role != "") {
			return true
		}
	}
	return false
}

// partyMembers reports whether members names the party party: "Social
// Democrats" for the Social Democratic Party. A nil party asks whether
// members can name one at all.
func partyMembers(members, party []string) bool {
	n := len(members)
	last := members[n-1]
	if !strings.HasSuffix(last, "s") || len(last) < 5 {
		return false
	}
	if party == nil {
		return true
	}
	if len(party) != n+1 || !orgHeads[party[n]] {
		return false
	}
	for i := 0; i < n-1; i++ {
		if members[i] != party[i] {
			return false
		}
	}
	stem := strings.TrimSuffix(last, "s")
	return party[n-1] != last && strings.HasPrefix(party[n-1], stem)
}

// romanNumeral reports a regnal number: "Charles III", "Leo XIV".
func romanNumeral(w string) bool {
	return w != "" && strings.Trim(w, "IVXL") == ""
}

// thingNouns follow a name that names a thing, not a body: "the DETER
// system", "the KRAS gene".
var thingNouns = setOf("system", "systems", "programme", "program", "satellite", "satellites", "model", "index",
	"scheme", "gene", "genes", "mutation", "variant", "vaccine", "drug", "test", "tests", "software", "app",
	"rocket", "missile", "missiles", "engine", "platform", "device", "protocol", "standard", "format", "law", "act")

// facility reports a name of a place where things happen, which news names
// with an organisation's head word: "Kennedy Space Center", "a detention
// centre", "Centre Court".
func facility(words []string) bool {
	n := len(words)
	if n < 2 {
		return false
	}
	switch words[n-1] {
	case "Center", "Centre", "Court", "Stadium", "Arena":
		switch words[n-2] {
		case "Launch", "Space", "Shopping", "Convention", "Exhibition", "Detention", "Data", "Leisure", "Centre", "Center", "Tennis", "Sports":
			return true
		}
	}
	return false
}

// selfNamed reports a quoted name that an organisation gives itself: "a
// group calling itself “…”", "a network that calls itself “…”".
func (a *article) selfNamed(m *mention) bool {
	k := m.from - 2 // before the opening quotation mark
	if k < 1 || a.toks[k].text != "itself" {
		return false
	}
	if v := a.toks[k-1].text; v != "calling" && v != "calls" && v != "called" {
		return false
	}
	for j := k - 2; j >= 0 && j > k-5 && a.toks[j].kind == tokWord; j-- {
		if orgKindNouns[lower(a.toks[j].text)] || genericOrgHeads[lower(a.toks[j].text)] != "" || lower(a.toks[j].text) == "group" {
			return true
		}
	}
	return false
}

// shortName reports whether w alone can stand for the organisation named
// in full by name: its last word, unless a connector comes before it
// ("City" for Manchester City, not "Congress" for the Library of
// Congress); its first word when that is its head ("the Bank" for the Bank
// of England) or a distinctive word that is no body's name by itself
// ("Corvane" for Corvane Therapeutics, not "Senate" for the Senate
// Judiciary Committee).
func shortName(w string, name []string) bool {
	n := len(name)
	if w == name[n-1] {
		for _, x := range name[:n-1] {
			if orgConnectors[x] {
				return false
			}
		}
		return true
	}
	if w != name[0] {
		return false
	}
	if orgConnectors[name[1]] {
		return true
	}
	return !orgHeads[w] && knownOrgs[w] == ""
}

// officerOf reports a name after "the president of", "a member of the",
// "the head of": only a body has officers and members.
func (a *article) officerOf(m *mention) bool {
	k := m.from - 1
	if k >= 0 && lower(a.toks[k].text) == "the" {
		k--
	}
	if k < 1 || a.toks[k].text != "of" {
		return false
	}
	w := a.toks[k-1]
	if w.kind != tokWord || w.capital {
		return false
	}
	if m.to < len(a.toks) && a.toks[m.to].kind == tokWord && !a.toks[m.to].capital && !subjectVerb(a.toks[m.to]) {
		return false // "chairman of the Hale campaign": the name modifies a noun
	}
	if len(m.words) == 1 && (!sentenceInitialIsName(m.words[0]) || a.surnameOfPerson(m.words[0])) {
		return false
	}
	switch w.text {
	case "president", "chairman", "chairwoman", "chair", "head", "leader", "co-leader", "director", "founder",
		"co-founder", "member", "members", "spokesman", "spokeswoman", "spokesperson", "executive", "secretary-general",
		"treasurer", "board", "boss", "chief":
		return true
	}
	return false
}

// clauseSubject reports a name after a kind noun that is rather the
// subject of a relative clause: a lone word or a name after "a group"
// followed by a verb other than a reporting one ("the coalition Hale
// enjoyed", "a group Dana Hale won"). A longer name after "the firm"
// names the firm ("the research firm Quellstone Analytics showed").
// auxiliaries open a finite verb phrase.
var auxiliaries = setOf("has", "had", "is", "was", "will", "would", "could", "can", "may", "might", "must", "should", "does", "did")

func (a *article) clauseSubject(m *mention) bool {
	if m.to >= len(a.toks) {
		return false
	}
	t := a.toks[m.to]
	if t.kind != tokWord || t.capital || cueVerbs[t.text] || prepositions[t.text] {
		return false // ("oil giant Marovska to a partner": no verb follows)
	}
	indefinite := m.from >= 2 && (lower(a.toks[m.from-2].text) == "a" || lower(a.toks[m.from-2].text) == "an")
	if len(m.words) == 1 && !indefinite && auxiliaries[t.text] && !isFirstName(m.words[0]) {
		// "the telecoms firm Telvanto has collapsed": the name is the
		// subject of the sentence, in apposition to its kind.
		return false
	}
	return len(m.words) == 1 || indefinite
}

// clauseAfterConjunction reports a token right after a conjunction that opens a
// clause ("before Lautaro Martínez sent", ", and Shreyas Iyer finished"):
// a full name there that does something is a subject, as at a sentence's
// start.
func (a *article) clauseAfterConjunction(k int) bool {
	if k == 0 {
		return false
	}
	switch lower(a.toks[k-1].text) {
	case "before", "after", "while", "when", "until", "because", "since", "although", "though":
		return true
	case "and", "but":
		return k >= 2 && a.toks[k-2].text == ","
	}
	return false
}

// partyAdjectives stand before a politician's name in news ("Republican
// Donald Trump", "Labour MP …").
var partyAdjectives = setOf("Republican", "Democrat", "Democratic", "Labour", "Tory", "Conservative", "Liberal", "GOP")

// geographic reports the name of a landform or body of water: "Mount
// Etna", "Lake Victoria", "the Red Sea", "Scarborough Shoal".
// streetTails end the names of streets and venues (not surnames: "Park",
// "Hall" and "Lane" are left out).
var streetTails = setOf("Street", "St.", "Avenue", "Ave.", "Boulevard", "Blvd", "Blvd.", "Road", "Rd.", "Square", "Plaza",
	"Arena", "Stadium", "Highway", "Crescent", "Place", "Expressway", "Parkway", "Terrace", "Gardens")

var compass = setOf("West", "East", "North", "South")

func geographic(words []string) bool {
	if len(words) < 2 {
		return false
	}
	switch words[0] {
	case "Mount", "Mt", "Mt.", "Lake", "River", "Cape", "Isle", "Volcano":
		return true
	}
	last := words[len(words)-1]
	if compass[last] && len(words) > 2 {
		last = words[len(words)-2] // "Queen Street West"
	}
	if _, n := seatOrganization(words); n == len(words) {
		return false // "Downing Street" speaks for a government
	}
	if streetTails[last] && !stopwords[strings.ToLower(words[0])] && !(len(words) == 2 && isFirstName(words[0]) && isFirstName(last)) {
		// "Yonge Street", "Rogers Place", "Martin Luther King Jr.
		// Boulevard", "Scotiabank Arena": streets and venues.
		return true
	}
	if isFirstName(words[0]) && len(words) == 2 {
		return false // "Michael Bay"
	}
	switch words[len(words)-1] {
	case "Sea", "Ocean", "River", "Lake", "Mountains", "Mountain", "Hills", "Valley", "Desert", "Strait", "Shoal",
		"Island", "Islands", "Peninsula", "Glacier", "Volcano", "Reef", "Bay", "Canal", "Basin", "Delta":
		return true
	}
	return false
}

// localTitles are offices of a town or county: the words before them name
// the place ("Harbour City Mayor …"), not a body that speaks.
var localTitles = setOf("Mayor", "Sheriff", "Alderman", "Councillor", "Councilman", "Councilwoman", "Selectman")

// hyphenDescriptor reports a capitalised compound whose last part is a
// lower-case participle or adjective: "Oscar-nominated", "Glasgow-born".
func hyphenDescriptor(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	tail := w[i+1:]
	if len(tail) < 3 || strings.ToLower(tail) != tail {
		return false
	}
	for _, r := range tail {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return strings.HasSuffix(tail, "ed") || strings.HasSuffix(tail, "ing") || strings.HasSuffix(tail, "born") ||
		tail == "run" || tail == "led" || tail == "made" || tail == "held" || tail == "grown" || tail == "bound" || tail == "old"
}

// headlineVerb reports a reporting verb in the present tense written with a
// capital, as headlines in Title Case write it ("Says", "Calls", "Warns").
func headlineVerb(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.ToUpper(w) == w {
		return false
	}
	lw := strings.ToLower(w)
	return cueVerbs[lw] && !orgHeads[w] && !isFirstName(w)
}

// personTitle reports a title that names one person's office, not a body or
// a branch ("Chairman", "Co-Chairman", "Spokesman", not "Council", "Home").
func personTitle(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "chairman", "chairwoman", "chair", "co-chairman", "co-chairwoman", "co-chair", "vice-chairman", "vice-chair",
		"spokesman", "spokeswoman", "spokesperson", "leader", "co-leader", "director", "chief", "president",
		"vice-president", "secretary", "minister", "founder", "co-founder", "ceo", "captain", "coach", "manager", "boss":
		return true
	}
	return false
}

// headsName reports a run that opens with a body's head word and is a name
// by it: "Bureau of Canada", "Department". A bound head heads only the end
// of a name or a name going on with "of": "Chatham House", "House of
// Lords", not "House Republican Dale Tolliver".
func headsName(words []string) bool {
	return orgHeads[words[0]] && (!boundHeads[words[0]] || len(words) == 1 || orgConnectors[words[1]])
}

// commonNoun reports a lower-case word that prose's tag dictionary knows
// only as a singular common noun: "insurance", "transport", not "today"
// or "officials".
func commonNoun(lw string) bool {
	return tagDict()[lw] == "NN" && !openingWords[lw]
}

// surnameAlone reports another mention of m's last word alone or after
// an honorific ("Hill said", "Mr Hill"): the way a person is named again.
func (a *article) surnameAlone(m *mention) bool {
	w := m.words[len(m.words)-1]
	for i := range a.mentions {
		p := &a.mentions[i]
		if p != m && len(p.words) == 1 && p.words[0] == w {
			return true
		}
	}
	return false
}

// firstNameTaken reports a full name in ms that opens with the given name
// first and ends in another surname than surname.
func firstNameTaken(ms []mention, first, surname string) bool {
	for _, o := range ms {
		if len(o.words) >= 2 && o.words[0] == first && o.words[len(o.words)-1] != surname {
			return true
		}
	}
	return false
}

// mentionEdges moves the edges of mentions that a run of capitalised words
// gets wrong: an ordinal opens a body's name ("the 5th U.S. Circuit Court
// of Appeals"; a run starts at a capital), and the agency in a dateline
// ("WASHINGTON (AP) —") is the story's credit, not a body the story is
// about.
func mentionEdges(ms []mention, toks []token) {
	for i := range ms {
		m := &ms[i]
		if m.kind == entOrg && m.from > 0 && isOrdinal(toks[m.from-1].text) && toks[m.from-1].para == toks[m.from].para && containsOrgHead(m.words) {
			m.from--
			m.nameFrom = min(m.nameFrom, m.from)
			m.words = append([]string{toks[m.from].text}, m.words...)
		}
		if m.from > 0 && toks[m.from-1].text == "(" && m.to+2 <= len(toks) && afterDateline(toks, m.to+2) {
			m.kind = entNone
		}
	}
}

// sportGerunds are sports named by a word in -ing, which with a country
// name its governing body: "Curling Canada", "Swimming Canada".
var sportGerunds = setOf("curling", "swimming", "rowing", "cycling", "sailing", "skating", "boxing", "wrestling",
	"bowling", "diving", "fencing", "climbing", "skiing", "canoeing", "shooting", "riding", "running")

// dayModifiers make a weekday a day of its own: "Super Tuesday", "Good Friday".
var dayModifiers = setOf("Super", "Black", "Good", "Easter", "Cyber", "Ash", "Maundy", "Holy", "Palm", "Bloody")

// imperativeObjects open what a verb at a sentence's start acts on.
var imperativeObjects = setOf("the", "this", "these", "a", "an", "our", "your", "my", "his", "her", "their", "it", "out", "here")
