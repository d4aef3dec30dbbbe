package extract

import (
	"strings"
)

// article holds what the steps of Extract share while reading one article.
type article struct {
	body string
	// ascii is the length of the body's ASCII opening (-1 until counted);
	// lastByte and lastRune the last offset runeOffset converted.
	ascii, lastByte, lastRune int
	toks                      []token
	paras                     []paragraph
	spans                     []span
	mentions                  []mention
	byTok                     []int32 // token index -> mention index + 1 (0 = none)
	people                    []*entity
	orgs                      []*entity
	lead                      *entity         // the most mentioned person, when clearly so
	midCap                    map[string]bool // words only ever written capitalised, inside sentences too

	placeSpeakers map[string]*entity // countries that speak, by name

	lastSpeaker    *entity // the speaker of the latest attributed quote
	lastSpeakerPos int

	// ruled holds, for each quotation attributeQuotes returns, its span and
	// what the hand rules made of it: the speaker ranker starts from there.
	ruled []ruledQuote
	ranks map[*entity]int // salience: people and organisations by mentions, most first

	sentOf []int32   // token index -> sentence index
	focus  []*entity // sentence index -> who the sentence is about (its speaker or subject)
	// orgSpoke marks sentences whose focus is an organisation quoted
	// through a spokesperson or statement.
	orgSpoke []bool
	// laterClause is, per sentence, the token where a clause with a subject
	// of its own begins ("…, but Ann Marsh rejected it"), or 0: a speaker
	// quoted before it does not take the sentence's focus back.
	laterClause []int32
}

// personAfterDescriptor returns the person named right after a mention
// that is not a person and a few lower-case words ("Regular rider Sandra
// Yee", "Insurance Bureau of Canada vice-president Carla Bexley"), or
// whose title opens the person's mention ("Lakeport Police Chief Darnell
// Hughes").
func (a *article) personAfterDescriptor(mm *mention) *entity {
	if mm.kind == entPerson || mm.possessive {
		return nil
	}
	if e := a.titledAfterOrg(mm); e != nil {
		return e
	}
	for j := mm.to; j < len(a.toks) && j <= mm.to+3; j++ {
		if n := a.byTok[j]; n > 0 {
			p := &a.mentions[n-1]
			if j > mm.to && p.from == j && p.kind == entPerson && p.ent != nil && !p.possessive {
				return p.ent
			}
			return nil
		}
		t := a.toks[j]
		lw := lower(t.text)
		if lw == "and" && j+1 < len(a.toks) && isCapWord(a.toks[j+1]) {
			continue // "Energy and Resources Minister Dale Haroldson"
		}
		if t.kind != tokWord || t.capital || stopwords[lw] || cueVerbs[lw] || verbLike(t) {
			return nil
		}
	}
	return nil
}

// roleSubject returns the person a sentence's subject at toks[p] names by
// a role the article gave them, when the subject is that role and a verb
// follows it: "The chancellor insisted …", "the first minister said …".
func (a *article) roleSubject(p int) *entity {
	if p >= len(a.toks) || lower(a.toks[p].text) != "the" {
		return nil
	}
	country := ""
	var words []string
	for k := p + 1; k < len(a.toks) && k <= p+4; k++ {
		t := a.toks[k]
		if code, n, _ := matchPlace([]string{t.text}); n == 1 && t.capital {
			country = code // "the French president"
			continue
		}
		lw := lower(t.text)
		if t.kind != tokWord || t.capital && k > p+1 || stopwords[lw] || a.byTok[k] > 0 {
			return nil
		}
		words = append(words, lw)
		if _, ok := roleHeads[lw]; ok && k+1 < len(a.toks) && verbLike(a.toks[k+1]) {
			if e := a.resolveRole(strings.Join(words, " "), country, t.start); e != nil && e.kind == entPerson {
				return e
			}
			return nil
		}
	}
	return nil
}

// computeFocus numbers the sentences and records each one's subject: the
// first person or organisation named in its opening words, outside a
// prepositional phrase. Speakers found later take precedence.
func (a *article) computeFocus() {
	a.sentOf = make([]int32, len(a.toks))
	n := int32(-1)
	for i := range a.toks {
		if a.toks[i].sentStart {
			n++
		}
		a.sentOf[i] = n
	}
	a.focus = make([]*entity, n+1)
	a.orgSpoke = make([]bool, n+1)
	a.laterClause = make([]int32, n+1)
	for i := 0; i < len(a.toks); i++ {
		if !a.toks[i].sentStart || a.insideSpan(a.toks[i].start) {
			// A sentence inside a quotation is the speaker's: the names
			// in it are not who the article is talking about.
			continue
		}
		from := a.subjectStart(i)
		p := from
		if openingConjunctions[lower(a.toks[p].text)] && p+1 < len(a.toks) {
			p++ // "But he refused …", "And she said …"
		}
		if g, ok := pronounGender[a.toks[p].text]; ok {
			// "She dedicated the prize to her editor, Ann Marsh, …": the
			// sentence is still about whom the pronoun stands for, not
			// the first name after it.
			a.focus[a.sentOf[i]] = a.recentFocus(int(a.sentOf[i]), g)
			continue
		}
		if e := a.roleSubject(p); e != nil {
			// "The chancellor insisted the sums did not add up. He
			// said: …": the sentence is about whoever holds the role.
			a.focus[a.sentOf[i]] = e
			continue
		}
		for k := from; k < len(a.toks) && k < from+10 && (k == i || !a.toks[k].sentStart); k++ {
			m := a.byTok[k]
			if m == 0 {
				if a.toks[k].kind == tokQuote {
					break
				}
				continue
			}
			mm := &a.mentions[m-1]
			if (mm.kind == entNone || mm.kind == entRole || mm.kind == entMaybe) && mm.to+1 < len(a.toks) && a.toks[mm.to].text == "," {
				// "The area's MP, Llinos Griffiths, said": the role, then
				// the name in apposition, is whom the sentence is about.
				if n := a.byTok[mm.to+1]; n > 0 && a.mentions[n-1].from == mm.to+1 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
					a.focus[a.sentOf[k]] = a.mentions[n-1].ent
					break
				}
			}
			if k > i && prepositions[lower(a.toks[k-1].text)] || mm.possessive || mm.kind == entPlace || (mm.kind == entNone || mm.kind == entRole) && a.descriptionBeforeName(mm.to) {
				// (and a word that names nothing before a description:
				// "Shadow culture minister Lady Elmsworth said")
				k = mm.to - 1
				continue
			}
			if mm.to+1 < len(a.toks) && (orgSpeakerNouns[lower(a.toks[mm.to].text)] || isPersonNoun(lower(a.toks[mm.to].text))) {
				// "Halvern spokeswoman Alice Moreno said": the person
				// (after any mention, even one misread as a person).
				if n := a.byTok[mm.to+1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
					a.focus[a.sentOf[k]] = a.mentions[n-1].ent
					break
				}
			}
			if e := a.personAfterDescriptor(mm); e != nil {
				// "Regular rider Mina Osei said", "Insurance Bureau of
				// Canada vice-president Carla Bexley said": the words
				// before the name describe the person.
				a.focus[a.sentOf[k]] = e
				break
			}
			if mm.ent != nil && (mm.kind == entPerson || mm.kind == entOrg) {
				a.focus[a.sentOf[k]] = mm.ent
			}
			break
		}
		if a.focus[a.sentOf[i]] == nil {
			if e := a.passiveAgent(i); e != nil {
				// "The award was presented by the charity's founder,
				// Keith Dunmore.": the agent is whom
				// the sentence is about.
				a.focus[a.sentOf[i]] = e
			}
		}
		if e, at := a.laterClauseSubject(i); e != nil {
			// "Ruiz said the surface was slow, but the federation's Ann
			// Marsh rejected his comments.": the last clause's subject is
			// whom a "she said" after it means.
			a.focus[a.sentOf[i]] = e
			a.laterClause[a.sentOf[i]] = int32(at)
		}
		if e := a.trailingSpeaker(i); e != nil {
			// "The review would be limited, Mr Okafor said.": reported
			// speech is about whoever reports it, the main clause's subject.
			a.focus[a.sentOf[i]] = e
		}
	}
}

// passiveAgent returns the person named as the agent of a passive verb in
// the sentence starting at token i ("was welcomed by X", "were praised by
// the club's chief executive, X"), within a few words of "by".
func (a *article) passiveAgent(i int) *entity {
	for k := i + 2; k < len(a.toks) && !a.toks[k].sentStart; k++ {
		if lower(a.toks[k].text) != "by" || a.insideSpan(a.toks[k].start) {
			continue
		}
		v, aux := a.toks[k-1], lower(a.toks[k-2].text)
		if !strings.HasSuffix(v.text, "ed") || aux != "was" && aux != "were" && aux != "been" && aux != "is" && aux != "are" {
			continue
		}
		for j := k + 1; j < len(a.toks) && j <= k+7 && !a.toks[j].sentStart; j++ {
			if n := a.byTok[j]; n > 0 {
				mm := &a.mentions[n-1]
				if mm.possessive {
					j = mm.to - 1
					continue
				}
				if mm.kind == entPerson && mm.ent != nil {
					return mm.ent
				}
				return nil
			}
		}
		return nil
	}
	return nil
}

// descriptionBeforeName reports one to three lower-case words from token k,
// the last a role, right before a person's name: "(Shadow) culture minister
// Lady Elmsworth".
func (a *article) descriptionBeforeName(k int) bool {
	for j := k; j < len(a.toks) && j < k+4; j++ {
		t := a.toks[j]
		if n := a.byTok[j]; n > 0 {
			mm := &a.mentions[n-1]
			return j > k && mm.from == j && mm.kind == entPerson && describesPerson(lower(a.toks[j-1].text))
		}
		if t.kind != tokWord || t.capital {
			return false
		}
	}
	return false
}

// openingConjunctions open a sentence before its subject.
var openingConjunctions = setOf("but", "and", "yet", "so", "then")

// recentFocus returns the person one of the few sentences before sentence s
// is about, if the gender g fits (any does when g is unknownGender).
func (a *article) recentFocus(s int, g gender) *entity {
	for p := s - 1; p >= 0 && p >= s-3; p-- {
		if e := a.focus[p]; e != nil {
			if e.kind == entPerson && (g == unknownGender || e.gender == unknownGender || e.gender == g) {
				return e
			}
			return nil
		}
	}
	return nil
}

// laterClauseSubject returns the person who is the subject of a clause
// joined by "but" or "while" later in the sentence starting at token i.
func (a *article) laterClauseSubject(i int) (*entity, int) {
	var found *entity
	at := 0
	for k := i + 1; k < len(a.toks) && !a.toks[k].sentStart; k++ {
		t := a.toks[k]
		if t.kind != tokWord || a.insideSpan(t.start) {
			continue
		}
		if w := lower(t.text); w != "but" && w != "while" && w != "whereas" {
			continue
		}
		// The subject may follow a body's possessive: "but Rowing
		// Club's Ann Marsh dismissed …", "but the league's Ann Marsh".
		j := k + 1
		if n := a.byTok[j]; n > 0 && a.mentions[n-1].possessive && a.mentions[n-1].kind != entPerson {
			j = a.mentions[n-1].to
		} else {
			for x := j; x < len(a.toks) && x < j+4 && a.toks[x].kind == tokWord && !a.toks[x].capital && a.byTok[x] == 0; x++ {
				if _, pos := stripPossessive(a.toks[x].text); pos {
					j = x + 1
					break
				}
			}
		}
		if n := a.byTok[j]; n > 0 {
			mm := &a.mentions[n-1]
			if mm.from == j && mm.kind == entPerson && mm.ent != nil && !mm.possessive && mm.to < len(a.toks) && subjectVerb(a.toks[mm.to]) {
				found, at = mm.ent, k
			}
		}
	}
	return found, at
}

// trailingSpeaker returns who a reporting clause at the end of the sentence
// starting at token i names (", Ms Roe said." or ", said Ms Roe."), when the
// sentence holds no quotation.
func (a *article) trailingSpeaker(i int) *entity {
	end := i + 1
	for end < len(a.toks) && !a.toks[end].sentStart {
		if a.toks[end].kind == tokQuote {
			return nil
		}
		end++
	}
	k := end - 1
	if k-3 < i || a.toks[k].text != "." {
		return nil
	}
	k--
	// ", NAME said." — the name ends just before the verb.
	if a.cueWord(k) {
		if m := a.byTok[k-1]; m > 0 {
			mm := &a.mentions[m-1]
			if mm.to == k && mm.from > i && a.toks[mm.from-1].text == "," && mm.ent != nil && (mm.kind == entPerson || mm.kind == entOrg) && !mm.possessive {
				return mm.ent
			}
		}
		return nil
	}
	// ", said NAME." — the name ends the sentence.
	if m := a.byTok[k]; m > 0 {
		mm := &a.mentions[m-1]
		if mm.from-2 > i && a.cueWord(mm.from-1) && a.toks[mm.from-2].text == "," && mm.ent != nil && (mm.kind == entPerson || mm.kind == entOrg) {
			return mm.ent
		}
		// ", according to the Harbour Institute's Mr Tallis.":
		// the source the sentence reports.
		if mm.ent != nil && mm.kind == entPerson && !mm.possessive {
			for j := mm.from - 1; j > i+1 && j >= mm.from-8; j-- {
				if lower(a.toks[j-1].text) == "according" && a.toks[j].text == "to" {
					if a.toks[j-2].text == "," {
						return mm.ent
					}
					break
				}
				if a.toks[j].kind != tokWord {
					break
				}
			}
		}
	}
	return nil
}

// subjectStart returns where the subject of the sentence starting at token
// i begins: after a dateline ("LISBON (AFP) — Clara Voss …") and after
// an opening phrase ("At the rally, Linda Marr …").
func (a *article) subjectStart(i int) int {
	from := i
	if i == 0 || a.toks[i-1].para != a.toks[i].para {
		// A dateline is a place in capitals or a place with an agency in
		// brackets before a dash; "Dana Holt — surgeon and TV host —" is not.
		first := a.toks[i].text
		place := strings.ToUpper(first) == first && len(first) > 1
		if m := a.byTok[i]; m > 0 && a.mentions[m-1].kind == entPlace {
			place = true
		}
		for k := i; k < len(a.toks) && k < i+8 && a.toks[k].para == a.toks[i].para; k++ {
			t := a.toks[k]
			if t.text == "(" {
				place = true
			}
			if k > i && isDash(t.text) {
				if place {
					from = k + 1
				}
				break
			}
			if t.kind == tokWord && !t.capital && !(t.text[0] >= '0' && t.text[0] <= '9') || t.kind == tokQuote {
				break // "LYON, May 3 (AFP) —" has a date
			}
		}
	}
	if from >= len(a.toks) {
		return i
	}
	// "At the rally, …", "Asked about the files, Harlow said …",
	// "Speaking in Leeds, the minister …", "For instance: That Marsh …".
	first := lower(a.toks[from].text)
	name := a.byTok[from] > 0 && len(a.mentions[a.byTok[from]-1].words) > 1
	if prepositions[first] || subordinators[first] || !name && len(first) > 4 && (strings.HasSuffix(first, "ed") || strings.HasSuffix(first, "ing")) {
		for k := from + 1; k < len(a.toks) && k < from+25 && !a.toks[k].sentStart; k++ {
			if w := a.toks[k].text; prepositions[first] && (w == "was" || w == "were" || w == "is" || w == "are") {
				break // "Among the patients was Samuel Adeyemi, 58, …": inverted
			}
			if a.toks[k].text == "," || a.toks[k].text == ":" {
				return k + 1
			}
		}
	}
	return from
}

// quoteSpeaker is the attribution of one span.
type quoteSpeaker struct {
	ent       *entity
	cue       string
	found     bool // a cue or context attributed it (even to an unknown speaker)
	unknown   bool // attributed to somebody the text does not name
	weak      bool // a cue after the quote that a cue before it overrides
	scareName bool
	via       string // which rule attributed it: a feature of the speaker ranker
}

// by records which rule attributed a quotation.
func (s quoteSpeaker) by(rule string) quoteSpeaker {
	s.via = rule
	return s
}

// tokenIndex returns the index of the first token starting at or after byte offset off.
func (a *article) tokenIndex(off int) int {
	lo, hi := 0, len(a.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if a.toks[m].start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

var softWords = setOf("also", "later", "then", "tonight", "today", "yesterday", "previously", "once", "has", "had",
	"have", "would", "will", "was", "is", "had", "again", "simply", "quickly", "recently", "earlier", "further",
	"repeatedly", "publicly", "privately", "separately", "bluntly", "flatly", "angrily", "calmly", "firmly",
	"last", "week", "this", "on", "at", "in", "may", "might", "could", "did", "does", "do", "not", "never",
	"often", "frequently", "subsequently", "told", "has", "reportedly", "allegedly", "herself", "himself")

// infinitiveLeads come between a subject and "to say": "went on to say",
// "was quick to add", "decided to write".
var infinitiveLeads = setOf("on", "went", "goes", "go", "going", "was", "were", "is", "are", "quick", "continued",
	"continues", "proceeded", "proceeds", "decided", "decides", "chose", "chooses", "wanted", "wants", "tried",
	"tries", "began", "begins", "started", "starts", "later", "also", "then", "has", "had", "would", "took", "time")

var conjunctions = setOf("but", "and", "yet", "while", "before", "after", "as")

// speakerAt parses a speaker noun phrase ending just before token index end
// (exclusive), scanning backwards; it returns the speaker and whether the
// phrase was a speaker at all.
func (a *article) speakerBefore(end, limit int, pos int) (quoteSpeaker, bool) {
	i := end - 1
	// Skip adverbs and auxiliaries between subject and verb: "he also said".
	for i >= limit && a.toks[i].kind == tokWord && softWords[lower(a.toks[i].text)] && !a.toks[i].capital {
		i--
	}
	// "Voss went on to say", "she was quick to add": the infinitive's
	// subject is the sentence's.
	if i > limit && a.toks[i].text == "to" {
		j := i - 1
		for j > limit && j > i-5 && infinitiveLeads[lower(a.toks[j].text)] && !a.toks[j].capital {
			j--
		}
		if j < i-1 {
			i = j
		}
	}
	if i < limit {
		return quoteSpeaker{}, false
	}
	// Apposition: "Keir Starmer, the prime minister, said" / "X, who ..., said".
	if a.toks[i].text == "," {
		// "The Tánaiste, Micheál Martin, said": a name right before the
		// comma is the speaker; else "Ayşe Demir, who runs a shop, said".
		if i > limit && a.byTok[i-1] > 0 {
			m := a.byTok[i-1]
			mm := &a.mentions[m-1]
			if mm.kind == entOrg && mm.ent != nil {
				// "Marco Vianelli, the editor of the city's oldest
				// newspaper, (the) Harbour Gazette, said": the body
				// names the newspaper; the person is the speaker.
				c := mm.from - 1
				if c > limit && lower(a.toks[c].text) == "the" {
					c--
				}
				if c >= limit && a.toks[c].text == "," {
					if p := a.describedBefore(c, limit); p != nil {
						return quoteSpeaker{ent: p, found: true}, true
					}
				}
			}
			if (mm.kind == entPerson || mm.kind == entOrg) && mm.ent != nil && mm.from > limit && a.toks[mm.from-1].text == "," {
				return quoteSpeaker{ent: mm.ent, found: true}, true
			}
		}
		// "Marco Ruiz, whose hometown, Miami, is sinking, argues": a
		// relative clause holds commas and names of its own; the speaker
		// is whoever it describes.
		if w := a.relativeBefore(i); w-1 > limit {
			if s, ok := a.speakerBefore(w-1, limit, pos); ok {
				return s, true
			}
		}
		for k := i - 1; k >= limit && k > i-25; k-- {
			if a.toks[k].text == "," {
				if a.placeOrAge(k) {
					// "Harold Benning, 47, of Tacoma, Wash., who …, said": an
					// age or a home town between commas is no speaker.
					i = k
					continue
				}
				if s, ok := a.speakerBefore(k, limit, pos); ok {
					return s, true
				}
				break
			}
			if a.toks[k].kind == tokQuote {
				break
			}
		}
		return quoteSpeaker{}, false
	}
	t := a.toks[i]
	if t.kind != tokWord {
		if t.text == ")" { // "Sen. Ted Cruz (R-Texas) said"
			for k := i - 1; k >= limit && k > i-8; k-- {
				if a.toks[k].text == "(" {
					return a.speakerBefore(k, limit, pos)
				}
			}
		}
		return quoteSpeaker{}, false
	}
	if m := a.byTok[i]; m > 0 {
		return a.speakerOfMention(&a.mentions[m-1], i, limit, pos)
	}
	lw := lower(t.text)
	if g, ok := pronounGender[t.text]; ok {
		return quoteSpeaker{ent: a.resolvePronoun(g, pos), found: true}, true
	}
	if lw == "they" || lw == "we" {
		return quoteSpeaker{ent: a.resolveThey(pos), found: true}, true
	}
	if lw == "i" {
		return quoteSpeaker{found: true}, true
	}
	if (lw == "who" || lw == "which") && i-2 >= limit && a.toks[i-1].text == "," {
		// "echoing President Paul Delorme, who has called the deal
		// ‘unacceptable’": the relative pronoun's antecedent.
		if m := a.byTok[i-2]; m > 0 {
			if mm := &a.mentions[m-1]; mm.ent != nil && (mm.kind == entPerson || mm.kind == entOrg) {
				return quoteSpeaker{ent: mm.ent, found: true}, true
			}
		}
		// "and the Greens, who argue it is ‘ruinous’": somebody, not
		// whoever an earlier cue of the sentence names.
		return quoteSpeaker{found: true, unknown: true}, true
	}
	// "Dr Paul Mensah head of geology said" (the commas lost): a
	// person's role in lower case between the name and the verb.
	role := false
	for j := i; j >= limit && j > i-6; j-- {
		t := a.toks[j]
		if n := a.byTok[j]; n > 0 {
			if mm := &a.mentions[n-1]; role && mm.to == j+1 && mm.kind == entPerson && mm.ent != nil && !mm.possessive {
				return quoteSpeaker{ent: mm.ent, found: true}, true
			}
			break
		}
		if t.kind != tokWord || t.capital {
			break
		}
		if w := lower(t.text); describesPerson(w) || w == "head" {
			role = true
		} else if stopwords[w] && w != "of" && w != "the" {
			break
		}
	}
	if s, ok := a.commonNounSpeaker(i, limit, pos); ok {
		return s, true
	}
	// "Owen Pratt of the fishermen's cooperative told": a person named
	// before the place or body he is of.
	for j := i - 1; j > limit && j > i-7 && a.toks[j].kind == tokWord; j-- {
		if w := lower(a.toks[j].text); w == "of" || w == "from" || w == "at" {
			if n := a.byTok[j-1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
				return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
			}
			break
		}
	}
	return quoteSpeaker{}, false
}

// describedBefore returns the person named before a description that ends
// at the comma c: "Marco Vianelli, the editor of the city's oldest
// newspaper," (the description in lower case, its commas the apposition's).
func (a *article) describedBefore(c, limit int) *entity {
	k := c - 1
	for ; k > limit && k > c-15 && a.toks[k].text != ","; k-- {
		t := a.toks[k]
		if t.kind == tokQuote || a.byTok[k] > 0 && a.mentions[a.byTok[k]-1].kind == entPerson {
			return nil
		}
	}
	if k <= limit || a.toks[k].text != "," || k == c-1 {
		return nil
	}
	if first := lower(a.toks[k+1].text); first != "the" && first != "a" && first != "an" && a.toks[k+1].capital {
		return nil // a name, not a description
	}
	if n := a.byTok[k-1]; n > 0 {
		mm := &a.mentions[n-1]
		if mm.kind == entPerson && mm.ent != nil && !mm.possessive && (mm.from == limit || a.toks[mm.from].sentStart || mm.from > limit && !isCapWord(a.toks[mm.from-1])) {
			return mm.ent
		}
	}
	return nil
}

// placeOrAge reports an apposition ending just before the comma at token
// c that is an age ("30"), a home town ("of Tacoma") or a state after a
// town ("Tacoma, Wash."), so that a speaker's name lies before it.
func (a *article) placeOrAge(c int) bool {
	j := c - 1
	dot := false
	if j > 1 && a.toks[j].text == "." {
		j, dot = j-1, true // "Tacoma, Wash., who": the state's dot is a token of its own
	}
	if j < 1 {
		return false
	}
	t := a.toks[j]
	if t.kind == tokWord && len(t.text) <= 3 && t.text[0] >= '0' && t.text[0] <= '9' {
		return a.toks[j-1].text == ","
	}
	m := a.byTok[j]
	if m == 0 {
		return false
	}
	mm := &a.mentions[m-1]
	if mm.from < 2 {
		return false
	}
	before := lower(a.toks[mm.from-1].text)
	if (before == "of" || before == "from") && a.toks[mm.from-2].text == "," {
		return true
	}
	if mm.kind == entPlace && before == "," {
		return true
	}
	w := mm.words
	return before == "," && len(w) == 1 && len(w[0]) <= 6 && (dot || strings.HasSuffix(w[0], ".")) && a.byTok[mm.from-2] > 0
}

// speakerOfMention turns a mention ending at token i into a speaker.
func (a *article) speakerOfMention(m *mention, i, limit, pos int) (quoteSpeaker, bool) {
	if m.kind == entOrg && m.from >= 2 {
		// "Senator Ricardo Anaya of the National Action Party wrote".
		k := m.from - 1
		if lower(a.toks[k].text) == "the" {
			k--
		}
		if k > limit && (a.toks[k].text == "of" || a.toks[k].text == "from" || a.toks[k].text == "at" || a.toks[k].text == "for") {
			if n := a.byTok[k-1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
				return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
			}
			// "Rosa Lind, the press officer for the Harbor Labour
			// Party said": the apposition's comma went missing.
			for j := k - 1; j > limit && j > k-8 && a.toks[j].kind == tokWord; j-- {
				if orgSpeakerNouns[lower(a.toks[j].text)] {
					break
				}
				if _, role := roleHeads[lower(a.toks[j].text)]; role && j-1 > limit {
					for c := j - 1; c > limit && c > j-5; c-- {
						if a.toks[c].text == "," {
							if n := a.byTok[c-1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
								return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
							}
							break
						}
					}
					break
				}
			}
		}
	}
	if m.kind == entRole || m.kind == entNone {
		switch lower(a.tokText(m.from - 1)) {
		case "the":
			// "the Labour MP for Ashbourne asked": the member the
			// article named with those letters ("Peter Cullen MP").
			for k := m.from; k < m.to; k++ {
				if w := a.toks[k].text; legislators[w] {
					if e := a.resolveRole(strings.ToLower(w), "", pos); e != nil {
						return quoteSpeaker{ent: e, found: true}, true
					}
					break
				}
			}
		case "a", "an":
			// "A Conservative MP has accused …", then "Helen Corrie,
			// MP for Fenmoor West, said": the opening sentence
			// describes whom the next paragraphs name.
			if e := a.namedLater(lower(a.toks[m.to-1].text), m.from); e != nil {
				return quoteSpeaker{ent: e, found: true}, true
			}
		}
	}
	switch m.kind {
	case entPerson, entOrg:
		if m.ent != nil {
			return quoteSpeaker{ent: m.ent, found: true}, true
		}
	case entRole:
		// "Bishop said" after Mayor Ann Bishop: a title word that is also
		// the surname of a person of the article.
		if m.to-m.from == 1 {
			if e := a.personBySurname(a.toks[m.from].text); e != nil {
				return quoteSpeaker{ent: e, found: true}, true
			}
		}
		if e := a.resolveRole(m.role, m.country, pos); e != nil {
			return quoteSpeaker{ent: e, found: true}, true
		}
		return quoteSpeaker{found: true, unknown: true}, true
	case entNone, entMaybe:
		// "Coral Samoa said": a name with a place or a known body
		// in it that nobody typed is an organisation's.
		if len(m.words) >= 2 && orgLike(m.words) && !m.possessive {
			// Not "Owen Pratt of Radio Samoa observed".
			k := m.from - 1
			if k >= 0 && lower(a.toks[k].text) == "the" {
				k--
			}
			if k > 0 && (a.toks[k].text == "of" || a.toks[k].text == "from" || a.toks[k].text == "at") {
				if n := a.byTok[k-1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
					return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
				}
			}
			return quoteSpeaker{ent: a.placeSpeaker(m.words), found: true}, true
		}
	case entPlace:
		// "Jordan said", "said Jordan": a place word that is also the
		// surname of a person of the article is that person speaking.
		if len(m.words) == 1 && !m.possessive {
			if e := a.personBySurname(m.words[0]); e != nil {
				return quoteSpeaker{ent: e, found: true}, true
			}
		}
		// "A statement issued by the Home Office after the meeting said".
		if s, ok := a.statementBy(m.from, limit, pos); ok {
			return s, true
		}
		// "Japan labelled the launch a ‘grave threat’", "Canada
		// demanded": a country that speaks is its government.
		if _, n, kind := matchPlace(m.words); n == len(m.words) && !m.possessive && (kind == placeCountry || kind == placeAlias || kind == placeSeat) {
			return quoteSpeaker{ent: a.placeSpeaker(m.words), found: true}, true
		}
		return quoteSpeaker{}, false
	}
	return quoteSpeaker{}, false
}

// placeSpeaker is the organisation a speaking country or seat of
// government stands for, one per name in an article. It is not listed
// among the article's organisations: it is a place there.
func (a *article) placeSpeaker(words []string) *entity {
	name := strings.Join(words, " ")
	if e := a.placeSpeakers[name]; e != nil {
		return e
	}
	if a.placeSpeakers == nil {
		a.placeSpeakers = map[string]*entity{}
	}
	e := &entity{kind: entOrg, words: words, name: name}
	a.placeSpeakers[name] = e
	return e
}

// personBySurname returns the one person of the article whose surname is w.
func (a *article) personBySurname(w string) *entity {
	var found *entity
	for _, e := range a.people {
		if len(e.words) > 1 && e.last() == w {
			if found != nil && found != e {
				return nil
			}
			found = e
		}
	}
	return found
}

// commonNounSpeaker handles "the prime minister", "the ministry", "a spokesman
// for X", "officials" ending at token i.
func (a *article) commonNounSpeaker(i, limit, pos int) (quoteSpeaker, bool) {
	lw := lower(a.toks[i].text)
	// Find the start of the noun phrase: back to a determiner.
	start := i
	for start > limit && start > i-5 {
		p := lower(a.toks[start-1].text)
		if a.toks[start-1].kind != tokWord || stopwords[p] && !a.toks[start-1].capital && p != "the" && p != "a" && p != "an" {
			break
		}
		start--
		if p == "the" || p == "a" || p == "an" {
			break
		}
	}
	if spouse, ok := spouseNouns[lw]; ok && i > limit {
		// "Gavin and Louise Tapley were stranded … His wife said": the
		// person with the surname of whom the pronoun means.
		var g gender
		switch lower(a.toks[i-1].text) {
		case "his":
			g = male
		case "her":
			g = female
		}
		if g != unknownGender {
			if e := a.spouseOf(a.resolvePronoun(g, a.toks[i-1].start), spouse); e != nil {
				return quoteSpeaker{ent: e, found: true}, true
			}
			return quoteSpeaker{found: true, unknown: true}, true
		}
	}
	// "A statement issued by X following ... said": the real speaker comes
	// after by/for/from; "A statement posted on the Kremlin's website".
	if s, ok := a.statementBy(i+1, limit, pos); ok && s.ent != nil {
		return s, true
	}
	if d := lower(a.toks[start].text); (d == "a" || d == "an") && describesPerson(lw) && !spokesNouns[lw] {
		// "A coroner has warned of “chances lost” …",
		// then "senior coroner Ruth Abara said": the opening
		// sentence describes whom the next paragraphs name.
		if e := a.namedLater(lw, start); e != nil {
			return quoteSpeaker{ent: e, found: true}, true
		}
	}
	if _, ok := roleHeads[lw]; ok {
		// The role as worded, without determiners and countries: "the
		// prime minister", "the shadow health secretary", "the premier".
		country := ""
		var words []string
		for k := start; k <= i; k++ {
			w := lower(a.toks[k].text)
			if code, n, _ := matchPlace([]string{a.toks[k].text}); n == 1 {
				country = code
				continue
			}
			if w == "the" || w == "a" || w == "an" || a.byTok[k] > 0 {
				continue
			}
			words = append(words, w)
		}
		role := strings.Join(words, " ")
		held := false
		for k := start; k < i; k++ {
			if n := a.byTok[k]; n > 0 && a.mentions[n-1].possessive && a.mentions[n-1].kind != entPlace {
				held = true // "Tesco's chief executive", "Mr Blair's spokesman"
			}
		}
		if e := a.resolveRoleHeld(role, country, pos, held); e != nil {
			return quoteSpeaker{ent: e, found: true}, true
		}
		if callings[lw] && !held && lower(a.toks[start].text) == "the" && start == i-1 {
			// "Captain Lewis Okonkwo echoed his manager. … the defender
			// said": a calling, not an office, that nobody was given; the
			// person the last sentences are about.
			g := unknownGender
			if lw == "actress" {
				g = female
			}
			if e := a.recentFocus(int(a.sentOf[a.tokenIndex(pos)]), g); e != nil {
				return quoteSpeaker{ent: e, found: true}, true
			}
		}
		return quoteSpeaker{found: true, unknown: true}, true
	}
	if head, ok := genericOrgHeads[lw]; ok {
		for k := start; k < i; k++ {
			if n := a.byTok[k]; n > 0 && a.mentions[n-1].kind == entPerson || head == "" && a.toks[k].capital && k > start {
				// "The Holt campaign", "the Lyon police prefecture": a
				// body the article does not name.
				return quoteSpeaker{found: true, unknown: true}, true
			}
		}
		if e := a.resolveOrgHead(head, businessNouns[lw], pos); e != nil {
			return quoteSpeaker{ent: e, found: true}, true
		}
		return quoteSpeaker{found: true, unknown: true}, true
	}
	if (lw == "statement" || lw == "spokesman" || lw == "spokeswoman" || lw == "spokesperson") && start < i && lower(a.toks[start].text) == "the" && a.lastSpeaker != nil && a.lastSpeaker.kind == entOrg {
		// "The statement added": the organisation that issued it.
		return quoteSpeaker{ent: a.lastSpeaker, found: true}, true
	}
	if orgSpeakerNouns[lw] {
		// "A WHO spokesperson said": the organisation named in the phrase.
		for k := start; k < i; k++ {
			if n := a.byTok[k]; n > 0 && a.mentions[n-1].kind == entOrg && a.mentions[n-1].ent != nil {
				return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
			}
			// "WHO" written as a common word's capitals: the known body.
			if name, ok := knownOrgs[a.toks[k].text]; ok && a.toks[k].text == strings.ToUpper(a.toks[k].text) {
				for _, e := range a.orgs {
					if e.name == name {
						return quoteSpeaker{ent: e, found: true}, true
					}
				}
			}
		}
		// "A Coral Samoa spokesman said": a capitalised name right
		// before the noun is the body the spokesman speaks for.
		if n := a.byTok[i-1]; i > start && n > 0 {
			mm := &a.mentions[n-1]
			article := mm.from > 0 && (lower(a.toks[mm.from-1].text) == "a" || lower(a.toks[mm.from-1].text) == "an")
			if mm.to == i && (mm.kind == entNone || mm.kind == entMaybe || article && mm.kind == entPerson) && len(mm.words) > 0 && !mm.possessive &&
				!(len(mm.words) == 1 && a.toks[mm.from].sentStart) { // not "One message said"
				// ("a Coral Samoa spokesman": no person's name takes "a")
				return quoteSpeaker{ent: a.placeSpeaker(mm.words), found: true}, true
			}
		}
	}
	if spokesNouns[lw] && start < i && (lower(a.toks[start].text) == "a" || lower(a.toks[start].text) == "an") {
		// "The Department for Transport said it was disappointed. A
		// spokesman said: …": the body the sentences before are about.
		if e := a.recentOrgSubject(pos); e != nil {
			return quoteSpeaker{ent: e, found: true}, true
		}
	}
	if descriptionHeads[lw] || orgSpeakerNouns[lw] {
		return quoteSpeaker{found: true, unknown: true}, true
	}
	return quoteSpeaker{}, false
}

// callings are the role words that say what someone does rather than an
// office someone holds: "the defender", "the actress" refer back to the
// person being written about; "the minister" may be anyone in office.
var callings = setOf("striker", "midfielder", "defender", "goalkeeper", "actor", "actress", "singer", "author", "novelist")

// spouseNouns are the words for a husband or wife, with the gender of
// the one they name.
var spouseNouns = map[string]gender{"wife": female, "husband": male}

// spouseOf returns the one other person of the article who shares e's
// surname and may be of gender g, or nil (none, or more than one).
func (a *article) spouseOf(e *entity, g gender) *entity {
	if e == nil {
		return nil
	}
	var found *entity
	for _, p := range a.people {
		if p == e || p.kind != entPerson || len(p.words) < 2 || p.last() != e.last() || p.gender != unknownGender && p.gender != g {
			continue
		}
		if found != nil {
			return nil
		}
		found = p
	}
	return found
}

// spokesNouns are the people who speak for a body without a name of
// their own.
var spokesNouns = setOf("spokesman", "spokeswoman", "spokesperson")

// recentOrgSubject returns the organisation that is the subject of the
// sentence holding byte pos or of the one before it, in the same paragraph
// or the one before: whom "a spokesman" speaks for.
func (a *article) recentOrgSubject(pos int) *entity {
	ti := a.tokenIndex(pos)
	if ti >= len(a.toks) {
		return nil
	}
	para := a.toks[ti].para
	for st, n := a.sentenceStartOf(ti), 0; n < 2 && a.toks[st].para >= para-1; n++ {
		if s := a.sentOf[st]; s >= 0 && a.focus[s] != nil {
			e := a.focus[s]
			if e.kind != entOrg {
				return nil
			}
			return e
		}
		if st == 0 {
			break
		}
		st = a.sentenceStartOf(st - 1)
	}
	return nil
}

// genericOrgHeads are common nouns that stand for an organisation named
// earlier: "the ministry said".
var genericOrgHeads = map[string]string{
	"ministry": "Ministry", "department": "Department", "company": "", "firm": "", "group": "", "bank": "Bank",
	"agency": "Agency", "council": "Council", "commission": "Commission", "committee": "Committee",
	"party": "Party", "club": "Club", "court": "Court", "university": "University", "union": "Union",
	"organisation": "", "organization": "", "government": "Government", "police": "Police", "army": "Army",
	"board": "Board", "authority": "Authority", "office": "Office", "campaign": "", "charity": "",
	"network": "Network", "coalition": "Coalition", "alliance": "Alliance", "federation": "Federation",
	"league": "League", "fund": "Fund", "institute": "Institute", "association": "Association",
	"carrier": "", "airline": "", "insurer": "", "lender": "", "retailer": "", "manufacturer": "", "regulator": "",
	"watchdog": "", "broadcaster": "", "developer": "", "operator": "", "builder": "", "contractor": "",
	"supplier": "", "provider": "", "producer": "", "maker": "", "chain": "", "utility": "",
	"publisher": "", "startup": "", "start-up": "", "conglomerate": "", "supermarket": "", "automaker": "",
	"carmaker": "", "chipmaker": "", "miner": "", "exchange": "", "body": "", "trust": "", "team": "Team", "newspaper": "", "hospital": "Hospital", "school": "School", "service": "Service",
	"center": "Center", "centre": "Centre", "prefecture": "",
	"observatory": "Observatory", "foundation": "Foundation", "museum": "Museum", "society": "Society",
	"clinic": "Clinic", "academy": "Academy",
}

// statementBy finds "statement|spokesman … by|for|from|of X" inside [limit, end)
// and returns X as the speaker.
func (a *article) statementBy(end, limit, pos int) (quoteSpeaker, bool) {
	for k := limit; k < end && k < len(a.toks); k++ {
		if !orgSpeakerNouns[lower(a.toks[k].text)] {
			continue
		}
		for j := k + 1; j < end && j < k+7; j++ {
			if n := a.byTok[j]; n > 0 && a.mentions[n-1].kind == entOrg && a.mentions[n-1].ent != nil && a.mentions[n-1].possessive {
				// "A statement posted on the Kremlin's website said".
				return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
			}
			p := lower(a.toks[j].text)
			if p != "by" && p != "for" && p != "from" && p != "of" {
				continue
			}
			for x := j + 1; x < end && x < j+4; x++ {
				if m := a.byTok[x]; m > 0 {
					mm := &a.mentions[m-1]
					if (mm.kind == entOrg || mm.kind == entPerson) && mm.ent != nil {
						return quoteSpeaker{ent: mm.ent, found: true}, true
					}
				}
			}
		}
	}
	return quoteSpeaker{}, false
}

// resolvePronoun picks the person a he/she refers to: the last speaker of a
// compatible gender, else the last person mentioned before pos.
func (a *article) resolvePronoun(g gender, pos int) *entity {
	compatible := func(e *entity) bool {
		return e != nil && e.kind == entPerson && (g == unknownGender || e.gender == unknownGender || e.gender == g)
	}
	// The subject of the current sentence, if a person precedes the pronoun in it.
	ti := a.tokenIndex(pos)
	if st := a.sentenceStartOf(ti); st < ti {
		// "After the debate, Voss told journalists she believed …".
		if sb := a.subjectStart(st); sb < ti {
			if m := a.byTok[sb]; m > 0 {
				if mm := &a.mentions[m-1]; mm.from == sb && mm.kind == entPerson && compatible(mm.ent) && !mm.possessive && !a.insideSpan(a.toks[sb].start) {
					return mm.ent
				}
			}
		}
	}
	if ti < len(a.toks) {
		// "Herald journalist Ann Marsh said he believed …": the person the
		// sentence is about, named before the pronoun, after a title phrase.
		if f := a.focus[a.sentOf[ti]]; compatible(f) {
			for k := a.sentenceStartOf(ti); k < ti; k++ {
				if m := a.byTok[k]; m > 0 && a.mentions[m-1].ent == f && !a.insideSpan(a.toks[k].start) {
					return f
				}
			}
		}
	}
	for k := ti - 1; k >= 0 && k > ti-40; k-- {
		if m := a.byTok[k]; m > 0 && !a.insideSpan(a.toks[k].start) {
			mm := &a.mentions[m-1]
			if mm.kind == entPerson && compatible(mm.ent) && !mm.possessive {
				// only when it opens the sentence (a subject, not an object)
				if a.toks[mm.from].sentStart || mm.from > 0 && a.toks[mm.from-1].sentStart && a.toks[mm.from-1].kind != tokWord {
					return mm.ent
				}
			}
		}
		if a.toks[k].sentStart {
			break
		}
	}
	// Who the previous sentences were about, nearest first. An
	// organisation that spoke in the sentence just before stands for its
	// spokeswoman ("a spokeswoman for the ministry said … She added").
	if ti < len(a.toks) {
		cur := int(a.sentOf[ti])
		for s := cur - 1; s >= 0 && s >= cur-6; s-- {
			e := a.focus[s]
			if e != nil && e.kind == entPerson && compatible(e) {
				return e
			}
			if e != nil && e.kind == entOrg && s == cur-1 && a.orgSpoke[s] {
				return e
			}
		}
	}
	if a.lastSpeaker != nil && compatible(a.lastSpeaker) && pos-a.lastSpeakerPos < 1500 {
		return a.lastSpeaker
	}
	for k := ti - 1; k >= 0 && k > ti-300; k-- {
		if m := a.byTok[k]; m > 0 && !a.insideSpan(a.toks[k].start) {
			mm := &a.mentions[m-1]
			if mm.kind == entPerson && compatible(mm.ent) {
				return mm.ent
			}
		}
	}
	return nil
}

// sentenceStartOf returns the first token of the sentence of token ti.
func (a *article) sentenceStartOf(ti int) int {
	if ti >= len(a.toks) {
		ti = len(a.toks) - 1
	}
	for ti > 0 && !a.toks[ti].sentStart {
		ti--
	}
	return ti
}

// resolveThey picks the organisation a "they" refers to.
func (a *article) resolveThey(pos int) *entity {
	if a.lastSpeaker != nil && a.lastSpeaker.kind == entOrg {
		return a.lastSpeaker
	}
	return a.recentOrg("", false, pos)
}

// resolveRole finds the person the article gave a role ("the president").
func (a *article) resolveRole(role, country string, pos int) *entity {
	return a.resolveRoleHeld(role, country, pos, false)
}

// resolveRoleHeld is resolveRole for a role held at a body or by a person
// the phrase names ("Tesco's chief executive"), when held is set: then
// the article's leading person is no fallback, for the role is not theirs.
func (a *article) resolveRoleHeld(role, country string, pos int, held bool) *entity {
	head := role
	if i := strings.LastIndexByte(role, ' '); i >= 0 && role != "prime minister" {
		head = role[i+1:]
	}
	if h, ok := roleHeads[head]; ok {
		head = h
	}
	var best *entity
	bestPos, bestTier := -1, 0
	ti := a.tokenIndex(pos)
	for k := 0; k < len(a.mentions); k++ {
		m := &a.mentions[k]
		// Holders named later count only within the sentence ("said the
		// minister, Rachel Reeves"): "The health secretary said …" is not
		// the shadow health secretary of the next paragraph.
		if m.ent == nil || m.ent.kind != entPerson || m.from > ti && (ti >= len(a.toks) || m.from >= len(a.toks) || a.sentOf[m.from] != a.sentOf[ti]) {
			continue
		}
		for r := range m.ent.roles {
			if !roleMatches(r, head) || country != "" && m.ent.country != "" && m.ent.country != country {
				continue
			}
			// The role as the text words it wins over its normal form:
			// "the premier" is the province's premier, not the prime minister.
			tier := 1
			if r == role {
				tier = 3
			} else if strings.HasSuffix(r, " "+role) || strings.Contains(role, " ") && strings.HasSuffix(role, " "+r) {
				tier = 2
			}
			if tier > bestTier || tier == bestTier && m.from > bestPos {
				best, bestPos, bestTier = m.ent, m.from, tier
			}
		}
	}
	if best != nil {
		return best
	}
	if a.lead != nil && roleIsLeader(head) && !held {
		return a.lead
	}
	return nil
}

// tokText returns the text of token k, or "" outside the article.
func (a *article) tokText(k int) string {
	if k < 0 || k >= len(a.toks) {
		return ""
	}
	return a.toks[k].text
}

// namedLater returns the first person after token k named with the word
// that describes them there: "senior coroner Ruth Abara", "Philippa
// Arden, MP for Fenmoor West,". An article's opening sentence describes
// whom its next two paragraphs name ("A coroner has said …"); elsewhere
// only the next sentence may name the person ("… a judge claimed … Judge
// Alan Hurst QC made his remarks").
func (a *article) namedLater(word string, k int) *entity {
	lede := a.toks[k].para == a.firstPara()
	is := func(j int) bool {
		w := lower(a.toks[j].text)
		if i := strings.LastIndexByte(w, '-'); i > 0 {
			w = w[i+1:]
		}
		return w == word || roleHeads[w] != "" && roleHeads[w] == roleHeads[word]
	}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.from <= k+1 || m.ent == nil || m.ent.kind != entPerson || a.insideSpan(a.toks[m.from].start) {
			continue
		}
		if lede && a.toks[m.from].para > a.toks[k].para+2 || !lede && a.sentOf[m.from] > a.sentOf[k]+1 {
			return nil
		}
		for j := m.from - 1; j >= 0 && j >= m.from-3 && a.toks[j].kind == tokWord; j-- {
			if is(j) {
				return m.ent // "senior coroner Ruth Abara"
			}
		}
		for j := m.from; j < m.to; j++ {
			if is(j) {
				return m.ent // "Coroner Ruth Abara", a title inside the mention
			}
		}
		if m.to < len(a.toks) && a.toks[m.to].text == "," {
			for j := m.to + 1; j < len(a.toks) && j <= m.to+4 && a.toks[j].kind == tokWord; j++ {
				if is(j) {
					return m.ent // "Helen Corrie, MP for Fenmoor West,"
				}
			}
		}
	}
	return nil
}

// firstPara returns the paragraph of the body's first word, past a
// dateline or a headline the body repeats.
func (a *article) firstPara() int {
	for _, t := range a.toks {
		if t.kind == tokWord {
			return t.para
		}
	}
	return -1
}

func roleMatches(r, head string) bool {
	if r == head || strings.HasSuffix(r, " "+head) {
		return true
	}
	if h, ok := roleHeads[r]; ok && h == head {
		return true
	}
	return head == "prime minister" && (r == "pm" || r == "premier")
}

// roleIsLeader reports roles that, when the article never names their
// holder, most likely mean its leading person.
func roleIsLeader(head string) bool {
	switch head {
	case "prime minister", "president", "chancellor", "minister", "secretary", "leader", "governor", "mayor",
		"chief executive", "coach", "manager", "chairman", "premier":
		return true
	}
	return false
}

// resolveOrgHead finds the organisation a common noun refers to: the most
// recent organisation with that head word (any organisation when head is "").
func (a *article) resolveOrgHead(head string, business bool, pos int) *entity {
	if e := a.recentOrg(head, business, pos); e != nil {
		return e
	}
	if a.lastSpeaker != nil && a.lastSpeaker.kind == entOrg && !(business && publicBody(a.lastSpeaker)) {
		return a.lastSpeaker
	}
	return a.recentOrg("", business, pos)
}

// recentOrg is the latest organisation named before pos whose name holds
// head; for a business ("the company said"), not a court, a council or
// another public body.
func (a *article) recentOrg(head string, business bool, pos int) *entity {
	ti := a.tokenIndex(pos)
	for k := len(a.mentions) - 1; k >= 0; k-- {
		m := &a.mentions[k]
		if m.from >= ti || m.ent == nil || m.ent.kind != entOrg || business && publicBody(m.ent) {
			continue
		}
		if head == "" || strings.Contains(m.ent.name, head) {
			return m.ent
		}
	}
	return nil
}

// businessNouns stand for a business named earlier ("the company said"),
// never for a court, a police force or a ministry.
var businessNouns = setOf("company", "firm", "carrier", "airline", "insurer", "lender", "retailer", "manufacturer",
	"developer", "operator", "builder", "contractor", "supplier", "provider", "producer", "maker", "chain",
	"publisher", "startup", "start-up", "conglomerate", "supermarket", "automaker", "carmaker", "chipmaker", "miner")

// publicHeads end the names of public bodies (publicBody).
var publicHeads = setOf("Court", "Police", "Constabulary", "Council", "Ministry", "Department", "Government", "Commission",
	"Committee", "Parliament", "Party", "Army", "Navy", "Assembly", "Senate", "Congress", "Tribunal", "Service")

// publicBody reports an organisation whose name ends in a public body's
// head word ("Norwich Crown Court", "Kent Police").
func publicBody(e *entity) bool {
	return len(e.words) > 0 && publicHeads[e.words[len(e.words)-1]]
}
