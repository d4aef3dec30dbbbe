package extract

// Quotation attribution: cues before and after a quotation, and the
// fallbacks when a quotation has none of its own.

import (
	"sort"
	"strings"
	"unicode/utf8"
)

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
			if s, ok := a.reportedSince(sp, kept); ok {
				// "“…,” Whitcombe said. Lady Elmsworth said the money would
				// help. “We want …”": a sentence of reported speech between
				// the two quotations hands the next one to its speaker.
				qs.ent, qs.via = s.ent, "reported-sentence"
			}
			if len(prev) > 0 && qs.ent == nil {
				last := a.spans[kept[len(kept)-1]]
				lq := prev[len(prev)-1]
				samePara := last.para == sp.para
				contPara := last.para == sp.para-1 && a.startsParagraph(sp)
				if (samePara || contPara || sp.reopens) && lq.ent != nil {
					qs.ent, qs.via = lq.ent, "previous-quote"
				}
			}
			if qs.ent == nil {
				if s, ok := a.nextInParagraph(si); ok {
					qs = s.by("next-quote")
					qs.cue = ""
				}
			}
			if qs.ent == nil && a.startsParagraph(sp) && sp.para > 0 && (len(kept) == 0 || a.spans[kept[len(kept)-1]].para < sp.para-1) {
				// "Carter said that …" then a paragraph of quotation: the
				// reported speaker goes on in his own words.
				if s, ok := a.reportedSpeaker(sp.para - 1); ok {
					qs = s.by("reported-paragraph")
				}
			}
			if qs.ent == nil && !qs.unknown {
				// "Calloway said the moorings would be ready. “…”": a quotation
				// that is a sentence of its own goes on from the reported
				// speech of the sentence before, in the same paragraph.
				// Else "Voss toured the port. “We need …”": it
				// goes with whom that sentence was about.
				if ti := a.tokenIndex(sp.open); ti < len(a.toks) && a.toks[ti].sentStart && ti > 0 && a.toks[ti-1].para == sp.para {
					start := ti - 1
					for start > 0 && !a.toks[start].sentStart {
						start--
					}
					if s, ok := a.reportedIn(start, ti); ok {
						qs.ent, qs.via = s.ent, "reported-sentence"
					} else if s := a.sentOf[ti] - 1; s >= 0 && a.focus[s] != nil {
						qs.ent, qs.via = a.focus[s], "focus"
					}
				}
			}
		}
		if qs.ent != nil && qs.ent.kind == entPerson || qs.ent != nil && qs.ent.kind == entOrg {
			a.lastSpeaker, a.lastSpeakerPos = qs.ent, sp.start
			if ti := a.tokenIndex(sp.open); ti < len(a.toks) && ti >= int(a.laterClause[a.sentOf[ti]]) {
				a.focus[a.sentOf[ti]] = qs.ent
				a.orgSpoke[a.sentOf[ti]] = qs.ent.kind == entOrg && a.spokesperson(ti)
			}
		}
		prev = append(prev, qs)
		kept = append(kept, si)
		a.ruled = append(a.ruled, ruledQuote{span: si, rule: qs})
		q := Quote{Text: a.body[sp.start:sp.end], Cue: qs.cue, SpeakerType: SpeakerUnknown}
		if qs.ent != nil {
			q.Speaker = qs.ent.name
			q.SpeakerType = SpeakerPerson
			if qs.ent.kind == entOrg {
				q.SpeakerType = SpeakerOrganization
			}
		}
		q.Start, q.End = a.runeOffset(sp.start), a.runeOffset(sp.end)
		out = append(out, q)
	}
	return out
}

// reportedSince returns the speaker of reported speech in the sentence
// right before span sp, when sp opens a sentence of its own in the same
// paragraph and that sentence comes after the last kept quotation.
func (a *article) reportedSince(sp *span, kept []int) (quoteSpeaker, bool) {
	ti := a.tokenIndex(sp.open)
	if ti >= len(a.toks) || ti == 0 || !a.toks[ti].sentStart || a.toks[ti-1].para != sp.para {
		return quoteSpeaker{}, false
	}
	start := ti - 1
	for start > 0 && !a.toks[start].sentStart {
		start--
	}
	if len(kept) > 0 && a.spans[kept[len(kept)-1]].end > a.toks[start].start {
		return quoteSpeaker{}, false
	}
	for k := start; k < ti; k++ {
		if a.toks[k].kind == tokQuote || a.insideSpan(a.toks[k].start) {
			return quoteSpeaker{}, false
		}
	}
	return a.reportedIn(start, ti)
}

// reportedSpeaker finds the subject of a reporting verb in the last
// sentence of paragraph pi (indirect speech: "Carter said that …").
func (a *article) reportedSpeaker(pi int) (quoteSpeaker, bool) {
	end := a.tokenIndex(a.paras[pi].end)
	start := end - 1
	for start > 0 && !a.toks[start].sentStart {
		start--
	}
	if s, ok := a.reportedIn(start, end); ok {
		return s, true
	}
	// "Voss spoke only in slogans." then quotations: whom that
	// last sentence was about, if a person.
	if e := a.focus[a.sentOf[start]]; e != nil && e.kind == entPerson {
		return quoteSpeaker{ent: e, found: true}, true
	}
	return quoteSpeaker{}, false
}

// reportedIn finds the subject of a reporting verb among tokens [start,
// end), outside quotations: "Carter said that …".
func (a *article) reportedIn(start, end int) (quoteSpeaker, bool) {
	// "Not long after Calloway left, Pratt told …": a clause that opens
	// with a subordinator is not where the sentence's speaker is.
	for k := start; k < end && k < start+4; k++ {
		if subordinators[lower(a.toks[k].text)] {
			for c := k + 1; c < end && c < k+25; c++ {
				if a.toks[c].text == "," {
					start = c + 1
					break
				}
			}
			break
		}
	}
	for k := start; k < end; k++ {
		t := a.toks[k]
		if t.kind == tokWord && !t.capital && (cueVerbs[t.text] || a.phrasalCue(k)) && !strings.HasSuffix(t.text, "ing") && !a.insideSpan(t.start) {
			if s, ok := a.speakerBefore(k, start, a.toks[k].start); ok && s.ent != nil {
				s.cue = ""
				return s, true
			}
		}
	}
	return quoteSpeaker{}, false
}

var subordinators = setOf("after", "when", "while", "as", "before", "since", "although", "though", "if", "because", "once", "until", "whereas", "whenever", "unless")

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
	var weak quoteSpeaker
	if closeTok >= 0 {
		if s, ok := a.cueAfter(closeTok+1, sp); ok {
			if g, pron := a.pronounAfter(closeTok + 1); pron && s.ent != nil && open > 0 && cueVerbs[lower(a.toks[open-1].text)] {
				// "Harlow said “…,” she said.": the name before the
				// quotation says who the pronoun after it is.
				if b, ok := a.cueBefore(open, sp); ok && b.ent != nil && b.ent != s.ent && b.ent.kind == entPerson &&
					(g == unknownGender || b.ent.gender == unknownGender || b.ent.gender == g) {
					return b.by("before-over-pronoun")
				}
			}
			if !s.weak {
				return s.by("after")
			}
			// "When Keel pointed out that … ‘…,’ Amber seized on it":
			// a verb after the quote that is no reporting verb, or a cue
			// that opens a clause of its own, gives way to a cue before.
			weak = s
		}
	}
	// "Holt's “nobody will pay more” promise", "Marsh mocked Jansen's
	// vow to keep “out of it”": words someone owns, whoever reports them.
	if s, ok := a.possessiveSource(open, closeTok); ok {
		return s.by("possessive")
	}
	// Before the quote, within the sentence.
	if s, ok := a.cueBefore(open, sp); ok {
		return s.by("before")
	}
	if weak.found {
		weak.weak = false
		return weak.by("weak-after")
	}
	// "“…” and nobody listened, Quintero said.": a reporting clause that
	// closes the quotation's sentence after a comma.
	if closeTok >= 0 {
		if s, ok := a.trailingCue(closeTok+1, sp); ok {
			return s.by("trailing")
		}
	}
	// "“…” ― Marisol Vega": a dash and a name sign the quote.
	if closeTok >= 0 {
		if s, ok := a.signedAfter(closeTok+1, sp); ok {
			return s.by("signed")
		}
	}
	// A partial quote with no reporting verb ("Vance made clear her aim to
	// ‘rebuild the party’ …"): the subject of its sentence.
	if !a.toks[open].sentStart {
		limit := open
		for limit > 0 && !a.toks[limit].sentStart {
			limit--
		}
		if s, ok := a.sentenceSubject(limit, open, sp.start); ok && s.ent != nil {
			s.cue = ""
			return s.by("subject")
		}
		// "After quarrelling about whether the other was ‘ready’ to
		// govern, Marr turned to …": a quotation in an opening
		// clause that names nobody goes with the main clause's subject.
		if closeTok >= 0 && a.opensWithClause(limit, open) {
			if s, ok := a.mainSubjectAfter(closeTok+1, sp); ok {
				return s.by("main-subject")
			}
		}
	}
	return quoteSpeaker{}
}

// opensWithClause reports a sentence from token limit that opens with a
// subordinate or participial clause ("After …", "In explaining …",
// "Citing …") and names nobody before token open.
func (a *article) opensWithClause(limit, open int) bool {
	w := lower(a.toks[limit].text)
	if (w == "and" || w == "but") && limit+1 < open {
		w = lower(a.toks[limit+1].text)
	}
	if !subordinators[w] && !prepositions[w] && !(strings.HasSuffix(w, "ing") && len(w) > 5) {
		return false
	}
	for k := limit; k < open; k++ {
		if m := a.byTok[k]; m > 0 && (a.mentions[m-1].kind == entPerson || a.mentions[m-1].kind == entOrg) && !a.insideSpan(a.toks[k].start) {
			return false
		}
	}
	return true
}

// mainSubjectAfter finds the subject that follows the comma closing an
// opening clause: "…, Marr on Monday switched to …".
func (a *article) mainSubjectAfter(i int, sp *span) (quoteSpeaker, bool) {
	k0 := i
	if i >= 2 && a.toks[i-2].text == "," {
		k0 = i - 2 // "their ‘broken promises,’ Marr asked": the comma is inside the marks
	}
	for k := k0; k < len(a.toks) && k < i+30 && a.toks[k].para == sp.para && (k <= i || !a.toks[k].sentStart); k++ {
		if a.toks[k].kind == tokQuote && k >= i {
			return quoteSpeaker{}, false
		}
		if a.toks[k].text != "," {
			continue
		}
		j := k + 1
		if k < i {
			j = i
		}
		if j < len(a.toks) && lower(a.toks[j].text) == "the" {
			j++
		}
		if j >= len(a.toks) {
			return quoteSpeaker{}, false
		}
		if n := a.byTok[j]; n > 0 {
			mm := &a.mentions[n-1]
			if mm.from == j && mm.ent != nil && (mm.kind == entPerson || mm.kind == entOrg) && !mm.possessive && mm.to < len(a.toks) && a.toks[mm.to].kind == tokWord {
				return quoteSpeaker{ent: mm.ent, found: true}, true
			}
		}
		if g, ok := pronounGender[a.toks[j].text]; ok {
			return quoteSpeaker{ent: a.resolvePronoun(g, sp.start), found: true}, true
		}
		return quoteSpeaker{}, false
	}
	return quoteSpeaker{}, false
}

// speechNouns name something said or written.
var speechNouns = setOf("comment", "comments", "remark", "remarks", "claim", "claims", "pledge", "promise", "words",
	"phrase", "description", "line", "post", "tweet", "statement", "dictum", "slogan", "vow", "assertion", "warning",
	"characterization", "characterisation", "label", "quip", "joke", "boast", "insult", "admission", "mantra",
	"message", "speech", "question", "answer", "reply", "response", "accusation", "argument", "motto", "catchphrase")

// possessiveSource attributes a quotation to the owner of a speech noun
// around it: "X's “…” comment", "X's vow to keep “…”".
func (a *article) possessiveSource(open, closeTok int) (quoteSpeaker, bool) {
	owner := func(k int) (quoteSpeaker, bool) {
		if k < 0 {
			return quoteSpeaker{}, false
		}
		if m := a.byTok[k]; m > 0 {
			mm := &a.mentions[m-1]
			if mm.possessive && mm.to == k+1 && mm.ent != nil && (mm.kind == entPerson || mm.kind == entOrg) {
				return quoteSpeaker{ent: mm.ent, found: true}, true
			}
		}
		return quoteSpeaker{}, false
	}
	if closeTok >= 0 && closeTok+1 < len(a.toks) && speechNouns[lower(a.toks[closeTok+1].text)] {
		if s, ok := owner(open - 1); ok {
			return s, true
		}
	}
	// The quotation must be inside the noun's complement ("vow to keep
	// “out of it”", "post: “…”"): in "called Keel's remarks “hurtful”" it
	// is the reporter's own word for them.
	noun, complement := false, false
	for k := open - 1; k >= 0 && k > open-9 && a.toks[k].para == a.toks[open].para && !a.toks[open].sentStart; k-- {
		t := a.toks[k]
		if t.kind == tokQuote || t.text == "." || t.sentStart && a.byTok[k] == 0 {
			break
		}
		if !noun {
			switch lower(t.text) {
			case "to", "that", "about", "of", ":", "on":
				complement = true
			case "is", "was", "were", "are", "as", "a", "an":
				// "Keel's comments about the plan were “absurd”",
				// "called Amber's speech a “low point”": a predicate.
				return quoteSpeaker{}, false
			}
		}
		if a.byTok[k] > 0 {
			if s, ok := owner(k); ok && noun && complement {
				return s, true
			}
			if a.mentions[a.byTok[k]-1].possessive {
				k = a.mentions[a.byTok[k]-1].from // "Holt's Facebook post"
				continue
			}
			break
		}
		if speechNouns[lower(t.text)] {
			noun = true // "pledge", "comment": nouns here, whatever else they are
			continue
		}
		if t.kind == tokWord && cueVerbs[t.text] {
			break
		}
	}
	return quoteSpeaker{}, false
}

// verbLike reports a word that reads as a finite verb after a subject.
func verbLike(t token) bool {
	if subjectVerb(t) {
		return true
	}
	return t.kind == tokWord && !t.capital && len(t.text) > 3 && !stopwords[t.text] &&
		(strings.HasSuffix(t.text, "s") && !strings.HasSuffix(t.text, "ss") || strings.HasSuffix(t.text, "ed")) ||
		t.text == "stood" || t.text == "went" || t.text == "took" || t.text == "made" || t.text == "gave" || t.text == "spoke"
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
	// A title may carry the sentence's own full stop or comma inside the
	// marks, as American style puts them: "said on NBC's “Meet the Press.”"
	// Only a stop inside the words makes a sentence.
	sentence := strings.ContainsAny(strings.TrimRight(text, ".,"), ".!?") || strings.ContainsAny(text, "!?")
	if len(words) > 6 || sentence && len(words) > 2 {
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
		if strings.HasSuffix(prevWord, "'s") || strings.HasSuffix(prevWord, "’s") {
			// "the network's ‘Morning Forum’", "the senator's ‘Jobs
			// First’": a possessive before a Title Case phrase names a
			// show, a book or a slogan of its owner.
			return true
		}
		if strings.HasSuffix(strings.TrimRight(text, ","), ".") && len(words) > 2 {
			// (a Title Case sentence of three words or more with its stop,
			// after no such word, may be speech: "Honesty Is In Question.")
			return false
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
// next paragraph: "“…” ― Marisol Vega" / "- Sanders.".
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
			if mm.from == i+1 && (mm.kind == entPerson || mm.kind == entOrg || mm.kind == entMaybe) && (mm.to >= len(a.toks) || a.toks[mm.to].para != a.toks[i+1].para || a.toks[mm.to].text == "." || a.toks[mm.to].text == "," || a.toks[mm.to].quoteOpen) {
				if mm.ent != nil {
					return quoteSpeaker{ent: mm.ent, found: true}, true
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
	if t := a.toks[i]; !t.capital && stopwords[lw] && !cueVerbs[lw] && lw != "according" && lw != "as" && lw != "the" && lw != "a" && lw != "an" &&
		lw != "one" && lw != "he" && lw != "she" && lw != "they" && lw != "we" && lw != "i" && lw != "his" && lw != "her" && lw != "their" && lw != "its" {
		// "“…” to support communities, and the commission said": the
		// sentence goes on about something else; its cue is not this quote's.
		return quoteSpeaker{}, false
	}
	if lw == "according" && i+1 < len(a.toks) && a.toks[i+1].text == "to" {
		if s, ok := a.speakerAfterCue(i+2, sp); ok {
			// "Lin sent a message, describing the launch as “…,” according
			// to the state agency": the source only reports; the speaker named
			// before the quotation, if any, said it.
			s.cue = "according to"
			s.weak = true
			return s, true
		}
	}
	if lw == "as" {
		// "the gap is “too big to fill,” as Ortega told a podcast": the
		// clause names the quotation's source.
		for k := i + 1; k < len(a.toks) && k < i+8 && a.toks[k].kind == tokWord; k++ {
			if t := a.toks[k]; !t.capital && (cueVerbs[t.text] && !strings.HasSuffix(t.text, "ing") || a.putIt(k)) {
				if s, ok := a.speakerBefore(k, i+1, sp.start); ok && s.ent != nil {
					s.cue = a.cueText(k)
					return s, true
				}
				break
			}
		}
		return quoteSpeaker{}, false
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
	if m := a.byTok[i]; m > 0 && a.mentions[m-1].from == i && a.mentions[m-1].to < len(a.toks) && a.toks[a.mentions[m-1].to].text == "," {
		// "…,” Harold Benning, 47, of Tacoma, Wash., who was polled, said.
		reach = i + 28
	}
	if newSentence {
		// "… full of nonsense.” Not that anyone … is arguing": after a quote that
		// ends its sentence only "He said." right away attributes it, or a
		// name that opens the next words: "…!” Sen. Ann Lee said",
		// "…?” Hatch, a retired teacher, asked".
		reach = i + 3
		if m := a.byTok[i]; m > 0 && a.mentions[m-1].from == i {
			mm := &a.mentions[m-1]
			end := mm.to
			for end < len(a.toks) && a.byTok[end] > 0 && a.mentions[a.byTok[end]-1].from == end {
				end = a.mentions[a.byTok[end]-1].to // "US Senator Ann Lee": a place, then the name
			}
			reach = end + 3
			if end < len(a.toks) && a.toks[end].text == "," {
				reach = i + 28
			}
		}
	}
	for k := i; k < len(a.toks) && k < reach && a.toks[k].para == sp.para; k++ {
		t := a.toks[k]
		if t.kind == tokQuote || (t.kind == tokPunct && t.text != "," && t.text != "." && t.text != "(" && t.text != ")" && t.text != "-") {
			break
		}
		if t.text == "." && !a.isAbbrevDot(k) && (k+1 >= len(a.toks) || a.toks[k+1].sentStart || a.toks[k+1].para != sp.para) {
			// Only a dot that ends the sentence stops here: not "Rep. Glenn
			// Tamsin, R-Pa., said" or "Gina Holloway, D-N.Y., said".
			break
		}
		// "“…,” Viguerie notes." / "“…,” Trump barked": right after the
		// quote, a name and any verb in the past or present tense.
		loose := k > i && a.byTok[k-1] > 0 && a.mentions[a.byTok[k-1]-1].from == i && t.kind == tokWord && !t.capital &&
			(strings.HasSuffix(t.text, "ed") || strings.HasSuffix(t.text, "s") && !strings.HasSuffix(t.text, "ss")) && !stopwords[t.text]
		// A phrasal cue answers: after a quote that ends its sentence it
		// is somebody's reply ("…” Tarrant fired back in May, …"), but
		// "…?” Marsh went on" goes on with the same speaker.
		if k > i && (a.toks[k-1].text == "who" || a.toks[k-1].text == "which") {
			continue // "Harold Benning, 47, who answered the survey, said"
		}
		phrasal := a.phrasalCue(k) && (!newSentence || a.toks[k+1].text == "on")
		if t.kind == tokWord && (cueVerbs[lower(t.text)] || loose || phrasal) && !t.capital {
			n := k + 1
			if n < len(a.toks) && (a.toks[n].text == "back" || a.toks[n].text == "on" || a.toks[n].text == "in") {
				n++ // "writes back, “…”"
			}
			opensNext := n < len(a.toks) && (a.toks[n].text == ":" || a.toks[n].kind == tokQuote ||
				a.toks[n].text == "," && n+1 < len(a.toks) && a.toks[n+1].kind == tokQuote)
			if opensNext && a.toks[i].sentStart && a.toks[n].text != "," {
				// "… desk.” The statement added: “…”": this cue opens the next quote.
				return quoteSpeaker{}, false
			}
			if newSentence && (!a.closesSentence(k+1) || !a.startsParagraph(sp) && a.finiteClause(k+1)) {
				// "…“betrayal.” Kent has said that the deal …": a
				// new sentence of reported speech, not this quote's cue.
				return quoteSpeaker{}, false
			}
			// "…” She went further, arguing without proof that “…”": the cue of
			// the quotation later in its own sentence, unless this one
			// has none before it ("“Then read it again.” Marsh replied, “Slowly.”").
			opensNext = opensNext || newSentence && a.quoteLaterInSentence(k+1)
			if s, ok := a.speakerBefore(k, i, sp.start); ok {
				s.cue = a.cueText(k)
				// "After Keel said that … ‘…,’ Amber said: ‘…’": a cue that
				// opens the next quotation is this one's only failing a cue before.
				s.weak = !cueVerbs[lower(t.text)] && !phrasal || a.opensClause(k+1) && !objectCues[lower(t.text)] || opensNext || a.relativeBetween(i, k)
				return s, true
			}
			return quoteSpeaker{}, false
		}
	}
	return quoteSpeaker{}, false
}

// compoundEnd returns the last token of a compound adjective of
// capitalised words that starts at token k ("New Jersey-born", "Los
// Angeles-based", "UK-led"), 0 when none starts there.
func (a *article) compoundEnd(k int) int {
	for j := k; j < len(a.toks) && j < k+3 && a.toks[j].kind == tokWord && a.toks[j].capital && a.toks[j].para == a.toks[k].para; j++ {
		if !isCapWord(a.toks[j]) {
			return j // capitalised, yet no name word: its hyphenated end describes
		}
	}
	return 0
}

// relativeBetween reports a relative pronoun among tokens [from, to):
// "“…,” language that aides said had been agreed" describes the quote.
func (a *article) relativeBetween(from, to int) bool {
	for k := from; k < to; k++ {
		switch a.toks[k].text {
		case "that", "which", "who", "whom":
			return true
		}
	}
	return false
}

// quoteLaterInSentence reports a quotation that a cue ending at token k-1
// introduces later in its sentence: "said, without offering proof, that “…".
func (a *article) quoteLaterInSentence(k int) bool {
	for j := k; j < len(a.toks) && j < k+20 && !a.toks[j].sentStart && a.toks[j].para == a.toks[k-1].para; j++ {
		if a.toks[j].kind == tokQuote {
			p := a.toks[j-1].text
			return a.toks[j].quoteOpen && (p == "," || p == ":" || p == "that")
		}
	}
	return false
}

// opensClause reports a reporting verb's object clause starting at token k:
// "said that …", "said the deal …", "said he …" (not "said.", "said on
// Monday", "said of the plan").
func (a *article) opensClause(k int) bool {
	if k >= len(a.toks) || a.toks[k].sentStart || a.toks[k].kind != tokWord {
		return false
	}
	t := a.toks[k]
	switch lower(t.text) {
	case "that", "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our",
		"he", "she", "they", "it", "we", "i", "you", "there":
		return true
	}
	if m := a.byTok[k]; m > 0 {
		mm := &a.mentions[m-1]
		return mm.kind == entPerson || mm.kind == entOrg || mm.kind == entMaybe
	}
	return false
}

// trailingCue finds "…, X said." closing the sentence of a quotation that
// the sentence goes on from: "“…” and nobody listened, Quintero said.",
// "Anyone who “borrows” faces a long drive, Quintero said." Only a clause after a
// comma that ends the sentence, or goes on with a time or place, counts.
func (a *article) trailingCue(i int, sp *span) (quoteSpeaker, bool) {
	for k := i; k < len(a.toks) && k < i+40 && a.toks[k].para == sp.para; k++ {
		t := a.toks[k]
		if k > i && t.sentStart || t.kind == tokQuote || t.text == ":" || t.text == ";" {
			break
		}
		if t.text != "," || k+1 >= len(a.toks) || conjunctions[lower(a.toks[k+1].text)] {
			continue
		}
		if c := k + 1; c+1 < len(a.toks) && invertibleCues[a.toks[c].text] && a.byTok[c+1] > 0 {
			// "“…” for the senator, said Marsh.": the inverted form.
			mm := &a.mentions[a.byTok[c+1]-1]
			if mm.from == c+1 && a.closesSentence(mm.to) {
				if s, ok := a.speakerAfterCue(c+1, sp); ok && (s.ent != nil || s.unknown) {
					s.cue = a.cueText(c)
					return s, true
				}
			}
		}
		for c := k + 1; c < len(a.toks) && c < k+9; c++ {
			ct := a.toks[c]
			if ct.kind != tokWord || ct.sentStart {
				break
			}
			if ct.capital || !cueVerbs[ct.text] || strings.HasSuffix(ct.text, "ing") {
				continue
			}
			if !a.closesSentence(c+1) || !a.plainSubject(k+1, c) {
				break
			}
			if s, ok := a.speakerBefore(c, k+1, sp.start); ok && (s.ent != nil || s.unknown) {
				s.cue = a.cueText(c)
				return s, true
			}
			break
		}
	}
	return quoteSpeaker{}, false
}

// plainSubject reports whether tokens [from, to) read as a speaker noun
// phrase only, not "a charge the party has denied".
func (a *article) plainSubject(from, to int) bool {
	for j := from; j < to; j++ {
		t := a.toks[j]
		if a.byTok[j] > 0 || t.capital || t.kind != tokWord {
			continue
		}
		w := lower(t.text)
		_, role := roleHeads[w]
		_, pron := pronounGender[t.text]
		_, org := genericOrgHeads[w]
		if !(role || pron || org || softWords[w] || descriptionHeads[w] || orgSpeakerNouns[w] ||
			w == "the" || w == "a" || w == "an" || w == "for" || w == "of" || w == "at" || w == "they" || w == "we") {
			return false
		}
	}
	return true
}

// closesSentence reports that the words from token k to the end of the
// sentence add no clause of their own: "." / "Tuesday in Paris." / "on
// Monday, noting …".
func (a *article) closesSentence(k int) bool {
	// "told a local radio station …", "asked the committee's members": the listener
	// after the verb opens no clause.
	object := k > 0 && objectCues[lower(a.toks[k-1].text)]
	for j := k; j < len(a.toks) && j < k+12; j++ {
		t := a.toks[j]
		if t.sentStart || t.para != a.toks[k-1].para || t.text == "." || t.text == "," || t.text == "!" || t.text == "?" || t.text == ";" {
			return true
		}
		if t.kind == tokWord && cueVerbs[t.text] && j > k && subordinators[lower(a.toks[j-1].text)] {
			continue // "told the BBC when asked about …": a subordinate verb reports no new speech
		}
		if t.kind == tokQuote || t.kind == tokWord && (lower(t.text) == "that" || cueVerbs[t.text] || j == k && !object && a.opensClause(j)) {
			return false
		}
	}
	return true
}

// finiteClause reports a finite verb in the sentence after token k-1, as
// in a clause of reported speech without its "that": "Ms Hale thought
// damage had been done". After a quotation that ends its sentence inside
// a paragraph ("… ignored.” Ms Hale, from …, thought harm had been
// done"), such a sentence reports something else. A quotation that opens
// its paragraph is different: the paragraph's next sentence often names
// its speaker that way ("“These are good jobs.” Dan Ross said workers were
// shocked").
func (a *article) finiteClause(k int) bool {
	for j := k + 1; j < len(a.toks) && j < k+12; j++ {
		t := a.toks[j]
		if t.sentStart || t.para != a.toks[k-1].para || t.kind == tokQuote || t.text == "." || t.text == ";" {
			return false
		}
		if t.kind == tokWord && (auxiliaries[t.text] || t.text == "were" || t.text == "are" || t.text == "have") {
			return true
		}
	}
	return false
}

// objectCues take the person spoken to as their object: "told reporters".
var objectCues = setOf("told", "tells", "asked", "asks", "urged", "urges", "warned", "warns", "reminded", "assured")

// putIt reports "put it" at token k: "as the Harbor Gazette put it, “…”".
func (a *article) putIt(k int) bool {
	return (a.toks[k].text == "put" || a.toks[k].text == "puts") && k+1 < len(a.toks) && a.toks[k+1].text == "it"
}

// phrasalCues report speech with a particle after them: "shot back",
// "went on", "chimed in".
var phrasalCues = map[string]string{
	"shot": "back", "shoots": "back", "fired": "back", "fires": "back", "hit": "back", "hits": "back",
	"pushed": "back", "pushes": "back", "snapped": "back", "went": "on", "goes": "on", "chimed": "in",
	"chimes": "in", "weighed": "in", "weighs": "in", "piped": "up", "pipes": "up",
}

// phrasalCue reports a phrasal reporting verb at token k. "On", "in" and
// "up" must end the phrase ("went on, …", "chimed in: …"): "the Senate
// goes on recess" reports nothing.
func (a *article) phrasalCue(k int) bool {
	p, ok := phrasalCues[a.toks[k].text]
	if !ok || k+1 >= len(a.toks) || a.toks[k+1].text != p {
		return false
	}
	if p == "back" {
		return true
	}
	if k+2 >= len(a.toks) || a.toks[k+2].sentStart {
		return true
	}
	n := a.toks[k+2]
	return n.kind != tokWord || n.text == "to" && k+3 < len(a.toks) && cueVerbs[a.toks[k+3].text]
}

// pronounAfter reports a he/she right after a quotation's closing mark
// (past commas) and its gender.
func (a *article) pronounAfter(i int) (gender, bool) {
	for i < len(a.toks) && a.toks[i].text == "," {
		i++
	}
	if i >= len(a.toks) {
		return unknownGender, false
	}
	g, ok := pronounGender[a.toks[i].text]
	return g, ok
}

func (a *article) isAbbrevDot(k int) bool {
	return k > 0 && a.toks[k-1].end == a.toks[k].start && abbreviations[a.toks[k-1].text]
}

// cueText is the cue as printed: the verb, or "told reporters", "according to".
func (a *article) cueText(k int) string {
	w := a.toks[k].text
	if a.phrasalCue(k) || a.putIt(k) {
		return w + " " + a.toks[k+1].text
	}
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
		if mm.kind != entPerson || mm.possessive || len(mm.words) == 1 && !mm.honorific && mm.role == "" {
			// "said Halvern's principal analyst Ana Ruiz", "added
			// Brightline founder Tom Hale", "said Mr Ruiz's lawyer Tom
			// Hale": the name before says whose the person is.
			if e := a.personAfterRole(mm.to, mm.possessive); e != nil {
				return quoteSpeaker{ent: e, found: true}, true
			}
		}
		return a.speakerOfMention(mm, mm.to-1, i, sp.start)
	}
	t := a.toks[i]
	if g, ok := pronounGender[t.text]; ok {
		return quoteSpeaker{ent: a.resolvePronoun(g, sp.start), found: true}, true
	}
	// "said retired surgeon Dana Hollis", "said former Vermont Gov.
	// Ray Tolliver", "said spokesman Ian Voss": words describing the person,
	// then the person.
	for k := i; k < len(a.toks) && k < i+6 && a.toks[k].para == sp.para; k++ {
		if end := a.compoundEnd(k); end > 0 {
			k = end // "said New Jersey-born developer Tom Hatley"
			continue
		}
		if n := a.byTok[k]; n > 0 {
			if mm := &a.mentions[n-1]; k > i && mm.from == k && mm.kind == entPerson && mm.ent != nil && !mm.possessive {
				return quoteSpeaker{ent: mm.ent, found: true}, true
			}
			break
		}
		t := a.toks[k]
		lw := lower(t.text)
		if t.kind != tokWord || t.capital || stopwords[lw] && lw != "the" && lw != "former" || cueVerbs[lw] || strings.ContainsAny(lw, "'’") {
			break
		}
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
		if j := strings.LastIndexByte(lw, '-'); j > 0 && roleHeads[lw] == "" && roleHeads[lw[j+1:]] != "" {
			lw = lw[j+1:] // "said vice-president Omar Siddiq", "said co-founder Ann Lee"
		}
		if _, ok := roleHeads[lw]; ok && k+2 < len(a.toks) && a.toks[k+1].text == "," {
			if n := a.byTok[k+2]; n > 0 && a.mentions[n-1].ent != nil && a.mentions[n-1].kind == entPerson {
				return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
			}
		}
		if _, ok := roleHeads[lw]; ok && k+1 < len(a.toks) {
			// "said chairman Alan Greaves", "said party leader Ann Corbel":
			// the role is the name's, not a description of someone earlier.
			if n := a.byTok[k+1]; n > 0 && a.mentions[n-1].from == k+1 && a.mentions[n-1].ent != nil && a.mentions[n-1].kind == entPerson {
				return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
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
								return quoteSpeaker{ent: mm.ent, found: true}, true
							}
						}
					}
				}
			}
			return a.commonNounSpeaker(k, i, sp.start)
		}
	}
	// "said an Ohio Republican", "added another party official": somebody
	// the article does not name, not whoever spoke last.
	switch lower(a.toks[i].text) {
	case "a", "an", "another", "one":
		if e := a.bodyOfUnnamed(i+1, sp); e != nil {
			return quoteSpeaker{ent: e, found: true}, true
		}
		return quoteSpeaker{found: true, unknown: true}, true
	}
	return quoteSpeaker{}, false
}

// bodyOfUnnamed returns the body an unnamed speaker after a reporting verb
// speaks for: "said an IMF official", "said a senior Foreign Office
// official", "said one EU diplomat". The words at toks[k] are at most two
// lower-case describing words, the body, and what the person is to it. A
// former official speaks for nobody but themselves.
func (a *article) bodyOfUnnamed(k int, sp *span) *entity {
	for n := 0; n < 2 && k < len(a.toks) && a.byTok[k] == 0; n++ {
		t := a.toks[k]
		lw := lower(t.text)
		if t.kind != tokWord || t.capital || stopwords[lw] || lw == "former" || cueVerbs[lw] || a.toks[k].para != sp.para {
			return nil
		}
		k++
	}
	if k >= len(a.toks) || a.byTok[k] == 0 {
		return nil
	}
	mm := &a.mentions[a.byTok[k]-1]
	if mm.from != k || mm.kind != entOrg || mm.ent == nil || mm.possessive || mm.to >= len(a.toks) {
		return nil
	}
	if w := lower(a.toks[mm.to].text); a.toks[mm.to].kind != tokWord || !(orgSpeakerNouns[w] || isPersonNoun(w)) {
		return nil
	}
	return mm.ent
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
	if open > limit && a.toks[open-1].text == ":" && open >= 2 {
		// "… small towns - Karen Oduya: “…”": a name alone before the
		// colon, after a dash or at the start, signs the quotation.
		if n := a.byTok[open-2]; n > 0 {
			mm := &a.mentions[n-1]
			if mm.ent != nil && (mm.kind == entPerson || mm.kind == entOrg) && mm.to == open-1 && !mm.possessive &&
				(a.toks[mm.from].sentStart || mm.from > 0 && isDash(a.toks[mm.from-1].text)) {
				return quoteSpeaker{ent: mm.ent, found: true}, true
			}
		}
		c := open - 2
		for c > limit && a.toks[c].text != "," && a.toks[c].kind != tokQuote {
			c--
		}
		from := c
		if a.toks[c].text == "," || a.toks[c].kind == tokQuote {
			from = c + 1
		}
		if c < open-2 && !a.clauseHasCue(c, open-1) && lower(a.toks[from].text) != "that" {
			if t := a.toks[from]; a.toks[c].text == "," && t.kind == tokWord && !t.capital && !stopwords[t.text] && a.byTok[from] == 0 {
				// "Quill, who declined to be interviewed, proposes …:": the clause
				// has no subject of its own; it is the sentence's.
				if s, ok := a.speakerBefore(from, limit, sp.start); ok && s.ent != nil {
					s.cue = ""
					return s, true
				}
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
	mainFrom := limit // where the main clause starts after an opening subordinate clause
	if subordinators[lower(a.toks[limit].text)] && a.toks[limit].sentStart {
		mainFrom = a.subjectStart(limit)
	}
	for k := open - 1; k >= limit; k-- {
		t := a.toks[k]
		if t.kind != tokWord || t.capital && k != limit && !(cueVerbs[lower(t.text)] && a.toks[k].sentStart) {
			// "According to X, …"
			continue
		}
		lw := lower(t.text)
		if lw == "according" && k+2 < open && lower(a.toks[k+1].text) == "to" {
			src := k + 2
			if lower(a.toks[src].text) == "the" && src+1 < open {
				src++ // "According to the Harbour Gazette, …"
			}
			if m := a.byTok[src]; m > 0 {
				mm := &a.mentions[m-1]
				if s, ok := a.speakerOfMention(mm, mm.to-1, src, sp.start); ok {
					s.cue = "according to"
					return s, true
				}
			}
			if s, ok := a.speakerAfterCue(k+2, sp); ok {
				s.cue = "according to"
				return s, true
			}
		}
		if !cueVerbs[lw] && !a.phrasalCue(k) && !a.putIt(k) || a.insideSpan(t.start) || k > limit && a.cueIsNoun(k) {
			continue
		}
		if strings.HasPrefix(lw, "continue") && k+1 < open && a.toks[k+1].text == "to" {
			continue // "Rudd would continue to be ‘…’": going on, not speaking
		}
		if k < mainFrom && open > mainFrom+1 && (lower(a.toks[limit].text) != "as" || lw == "spoke" || lw == "speaks") {
			// "While Vane was speaking, the union was phoning …", "Once Keel
			// had attacked it, …": another clause's cue (but "As the columnist
			// wrote, “…”" and "As the paper reported, …" name a source).
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
			// "Hale calling it a ‘…’"; "Nefzi said, adding, …"; "Ortega
			// compared herself to her rival, saying, …": the participle's own
			// subject, else that of the cue before it, else the sentence's.
			var s quoteSpeaker
			ok := false
			if k > limit && a.byTok[k-1] > 0 {
				// "with Senator Ann Lee telling reporters":
				// the participle's own subject, right before it (not "a
				// letter to the attorney general asking", "statements by the
				// mayor calling for …").
				if mm := &a.mentions[a.byTok[k-1]-1]; mm.from > limit && lower(a.toks[mm.from-1].text) == "with" {
					s, ok = a.speakerBefore(k, limit, sp.start)
				}
			}
			// "Spicer said, adding, …": the subject of the cue before.
			for c := k - 1; c >= limit && (!ok || s.ent == nil); c-- {
				if ct := a.toks[c]; ct.kind == tokWord && !ct.capital && cueVerbs[ct.text] && !strings.HasSuffix(ct.text, "ing") && !a.insideSpan(ct.start) && !(c > limit && a.cueIsNoun(c)) {
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
		if c := a.outerCue(k, limit); c >= 0 {
			// "Morrow said her party would give tenants “a fairer deal”":
			// the party is hers, and so are the words.
			if s, ok := a.speakerBefore(c, limit, sp.start); ok && s.ent != nil {
				s.cue = a.cueText(c)
				return s, true
			}
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
		// "Governor Hale released the following statement:"
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

// titledAfterOrg returns the person whose title directly follows the
// organisation mm names: "Lakeport Police Chief Corey Banning", "Hockey
// Canada President Tom Lane" (the title opens the person's mention).
func (a *article) titledAfterOrg(mm *mention) *entity {
	if mm.kind != entOrg || mm.possessive || mm.to >= len(a.toks) {
		return nil
	}
	n := a.byTok[mm.to]
	if n == 0 {
		return nil
	}
	p := &a.mentions[n-1]
	if p.from != mm.to || p.kind != entPerson || p.ent == nil || p.nameFrom <= p.from {
		return nil
	}
	return p.ent
}

// outerCue returns the reporting verb whose words hold the cue at toks[k]
// when the cue's subject is a possessive pronoun's ("said his party
// offered", "told reporters her government had"), or -1: the pronoun
// points back to the outer subject, who is the one speaking.
func (a *article) outerCue(k, limit int) int {
	p := k - 1
	for p > limit && k-p <= 3 && a.toks[p].kind == tokWord && !a.toks[p].capital && !possessivePronouns[lower(a.toks[p].text)] && !stopwords[lower(a.toks[p].text)] {
		p--
	}
	if p <= limit || p == k-1 || !possessivePronouns[lower(a.toks[p].text)] {
		return -1
	}
	for c := p - 1; c >= limit; c-- {
		t := a.toks[c]
		if t.text == ";" || t.kind == tokQuote || conjunctions[lower(t.text)] {
			return -1
		}
		if t.kind == tokWord && !t.capital && cueVerbs[t.text] && !strings.HasSuffix(t.text, "ing") && !a.insideSpan(t.start) && !(c > limit && a.cueIsNoun(c)) {
			return c
		}
	}
	return -1
}

// possessivePronouns open a subject that belongs to someone named before.
var possessivePronouns = setOf("his", "her", "their", "its")

func isDash(s string) bool {
	return s == "-" || s == "–" || s == "—" || s == "―"
}

// cueIsNoun reports a reporting word used as a noun: "Clinton's remarks",
// "the claims", "his comments".
func (a *article) cueIsNoun(k int) bool {
	p := a.toks[k-1]
	switch lower(p.text) {
	case "the", "a", "an", "his", "her", "their", "its", "our", "these", "those", "such", "whose":
		return true
	}
	if m := a.byTok[k-1]; m > 0 {
		mm := &a.mentions[m-1]
		if mm.possessive {
			return true
		}
		// "a Twitter comment" (but "the White House said").
		if mm.from > 0 {
			switch lower(a.toks[mm.from-1].text) {
			case "a", "an":
				return true
			}
		}
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
	if a.toks[limit].sentStart {
		// "In a statement from his office, Governor Hale condemned …",
		// "Lisbon (AFP) – Clara Voss has …": the subject comes
		// after a dateline and the opening phrase.
		if sb := a.subjectStart(limit); sb < end {
			limit = sb
		}
	} else if prepositions[lower(a.toks[limit].text)] {
		for k := limit + 1; k < end && k < limit+25; k++ {
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
			prev := ""
			if k > limit {
				prev = lower(a.toks[k-1].text)
			}
			if (prev == "and" || prev == "or") && mm.to < end && verbLike(a.toks[mm.to]) {
				prev = "" // "As the hearing went on and Keel stood by …": a clause's subject
			}
			if k > limit && (prepositions[prev] || prev != "" && a.objectOfPreposition(mm)) {
				k = int(mm.to) - 1 // "Like Corker, Menendez …", "at the University of Leeds": not the subject
				continue
			}
			if mm.kind == entOrg && mm.to+1 < end && orgSpeakerNouns[lower(a.toks[mm.to].text)] {
				// "Foreign Ministry spokeswoman Maria Zakharova went further".
				if n := a.byTok[mm.to+1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
					return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
				}
			}
			if e := a.titledAfterOrg(mm); e != nil {
				// "Lakeport Police Chief Corey Banning lobbied …": the
				// body names whose chief the person is.
				return quoteSpeaker{ent: e, found: true}, true
			}
			if (mm.kind == entPerson || mm.kind == entOrg) && mm.ent != nil {
				return quoteSpeaker{ent: mm.ent, found: true}, true
			}
			v := mm.to
			for v < end && softWords[a.toks[v].text] {
				v++ // "That Marsh also misjudged"
			}
			if (mm.kind == entMaybe || mm.kind == entNone) && k <= limit+1 && !mm.possessive && !a.toks[k].quoteOpen && v < end &&
				(a.toks[mm.to].text == "," || verbLike(a.toks[v]) || a.toks[v].text == "did" || a.toks[v].text == "does") {
				// "Vane, who …, praised Keel for …": an unknown name is the
				// subject; the person after the verb is not.
				return quoteSpeaker{}, false
			}
			if mm.kind == entPlace && k == limit && mm.to < end && subjectVerb(a.toks[mm.to]) {
				// "Japan labelled the launch a ‘grave threat’".
				if s, ok := a.speakerOfMention(mm, mm.to-1, limit, pos); ok && s.ent != nil {
					return s, true
				}
			}
			if mm.kind == entRole {
				// "The Chancellor, Rachel Reeves, …"
				if mm.to+1 < end && a.toks[mm.to].text == "," {
					if n := a.byTok[mm.to+1]; n > 0 && a.mentions[n-1].kind == entPerson && a.mentions[n-1].ent != nil {
						return quoteSpeaker{ent: a.mentions[n-1].ent, found: true}, true
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

var prepositions = setOf("like", "unlike", "with", "by", "to", "of", "for", "from", "against", "about", "than", "at", "in", "on", "after", "before", "and", "or", "alongside", "including", "between",
	"among", "amid", "during", "despite", "under", "through", "throughout", "across", "near", "within", "without", "toward", "towards", "around", "via", "beside", "behind", "into", "onto", "inside", "outside", "beyond")

// insideSpan reports whether byte offset off lies inside a quotation.
func (a *article) insideSpan(off int) bool {
	i := sort.Search(len(a.spans), func(i int) bool { return a.spans[i].end > off })
	return i < len(a.spans) && a.spans[i].start <= off
}

// personAfterRole returns the person named after a role written in lower
// case from token k on ("principal analyst", "founder and chief executive"),
// or at once after a possessive ("Halvern's Ana Ruiz").
func (a *article) personAfterRole(k int, possessive bool) *entity {
	role := possessive
	lead := k // where a titled name would follow the body's name at once
	for j := k; j < len(a.toks) && j < k+5; j++ {
		t := a.toks[j]
		if n := a.byTok[j]; n > 0 {
			mm := &a.mentions[n-1]
			if (role || j == lead && (mm.role != "" || mm.honorific || mm.prefix > 0) && !possessive) && mm.from == j && mm.kind == entPerson && mm.ent != nil {
				// (the body's own officer: "said Clean Air Watch President
				// Ray Tolliver", "said Army Capt. Ana Ruiz": a rank is
				// a title, not a courtesy, after a service's name; and
				// "said Child Support Agency Doug Smith", no title between)
				return mm.ent
			}
			if mm.from == j && mm.possessive && j > k && lower(a.toks[j-1].text) == "and" {
				// "added Marsh and Tolley's Ravi Sethi": a firm named by two
				// words joined by "and", its possessive on the second.
				role = true
				j = mm.to - 1
				continue
			}
			return nil
		}
		if j == lead && isOrdinal(t.text) {
			lead++ // "said Air Force 1st Lt. Owen Hale"
			continue
		}
		if t.kind != tokWord || t.capital {
			return nil
		}
		if describesPerson(t.text) {
			role = true
		}
	}
	return nil
}

// isOrdinal reports whether w is a number written as an ordinal: "1st",
// "22nd", "3rd", "101st", as a rank's grade is ("1st Lt.", "2nd Lt.").
func isOrdinal(w string) bool {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 || len(w) != n+2 {
		return false
	}
	switch w[n:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}
