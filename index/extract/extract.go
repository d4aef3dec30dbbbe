// Package extract reads an article and finds the people, organisations and
// countries it mentions, its topics, and every direct quotation with its
// speaker. It is pure: no I/O, no mutable globals, deterministic output.
//
// The steps run in one visible sequence in Extract: paragraphs, quotation
// marks, tokens and sentences, capitalised mentions (typed by hand rules,
// then by the name model where the rules leave them open), coreference of
// people and organisations, the hand rules' attribution of each quotation,
// the speaker model's ranking of its candidates, countries and topics (the
// lexicon, then the topic model). The models are learned by `cuttings
// train` and embedded (MODEL.md).
package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cuttings/cuttings/store"
)

// Version changes whenever Extract's output for some article may change, so
// that an index built by an older extractor can be found and rebuilt.
const Version = 38

// Extract reads one article with the built-in models.
func Extract(a store.Article) Enrichment {
	return Extractor{}.Extract(a)
}

// Extractor reads articles with models of its own, as training does to
// measure a model on articles it did not learn from. A nil model is the
// built-in one.
type Extractor struct {
	Speakers *SpeakerModel
}

// Extract reads one article.
func (x Extractor) Extract(a store.Article) Enrichment {
	art, quotes := read(a)
	m := x.Speakers
	if m == nil {
		m = defaultSpeakers()
	}
	art.rankSpeakers(quotes, m)
	e := Enrichment{ID: a.ID, Countries: []Country{}, Topics: []Topic{}, Quotes: quotes}
	e.People, e.Organizations = art.entityLists()
	e.Countries = art.countries()
	e.Topics = classifyTopics(a.Title, art.body)
	return e
}

// read runs the steps up to the hand rules' attribution of each quotation.
func read(a store.Article) (*article, []Quote) {
	art, vocab := readMentions(a.Body)
	art.typeByContext()
	art.resolveEntities(vocab)
	art.computeFocus()
	return art, art.attributeQuotes()
}

// readMentions runs the steps up to the capitalised mentions and their
// first typing: paragraphs, quotation marks, tokens and sentences,
// mentions, speakers promoted, appositions. It returns the article's
// lower-case vocabulary too.
func readMentions(body string) (*article, map[string]bool) {
	if !utf8.ValidString(body) {
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	art := &article{body: body, ascii: -1}
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
	return art, vocab
}

// entityLists returns people and organisations, most mentioned first.
func (a *article) entityLists() ([]Person, []Organization) {
	people := []Person{}
	orgs := []Organization{}
	for _, e := range a.people {
		if len(e.words) == 1 && e.mentions < 1 || e.unlisted {
			continue
		}
		if e.listOrg {
			orgs = append(orgs, Organization{Name: e.name, Mentions: e.mentions, First: a.runeOffset(e.first)})
			continue
		}
		people = append(people, Person{Name: e.name, Mentions: e.mentions, First: a.runeOffset(e.first)})
	}
	for _, e := range a.orgs {
		if e.unlisted {
			continue
		}
		orgs = append(orgs, Organization{Name: e.name, Mentions: e.mentions, First: a.runeOffset(e.first)})
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
	firstNamesOfPeople := map[string]bool{}
	for _, e := range a.people {
		if len(e.words) > 1 {
			firstNamesOfPeople[e.words[0]] = true
		}
	}
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
		code, n, kind := matchPlace(words)
		if n > 0 && kind == placeCity {
			// A city says where something happened, not which country an
			// article is about: a reader does not file a concert "in
			// London" or a conference "in Athens" under their countries.
			i += n - 1
			continue
		}
		if h := strings.LastIndexByte(words[0], '-'); n == 0 && h > 0 && hyphenAdjectives[words[0][h+1:]] {
			// "London-based", "Polish-born", "UK-led".
			code, n, _ = matchPlace([]string{words[0][:h]})
		}
		if m := a.byTok[i]; n == 0 && m > 0 && a.mentions[m-1].kind == entPlace && a.mentions[m-1].from == i && a.mentions[m-1].country != "" {
			// A dateline in capitals ("LOS ANGELES —") or a state's
			// abbreviation ("Worcester, Mass.").
			code, n = a.mentions[m-1].country, a.mentions[m-1].to-i
		}
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
		if a.notCountry(i, n, kind, code, firstNamesOfPeople) {
			i += n - 1
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

// notCountry reports a country's name or demonym at token i (n words,
// matched as kind) that names no country here:
//   - a first name: "Jordan Thiessen" in a photo credit, "Jordan's never
//     been beaten" after "Jordan Barker";
//   - a language: "said in French", "Spanish-language", "French text";
//   - "Indian" of North America's First Nations: "Indian Residential
//     School", "the Indian Act";
//   - "Georgian" where nothing places the article in the Caucasus: in US
//     news it is mostly the state's people (as "Georgia" itself is left out
//     of the places).
func (a *article) notCountry(i, n int, kind placeKind, code string, firstNames map[string]bool) bool {
	w, _ := stripPossessive(a.toks[i].text)
	if n == 1 && kind == placeCountry && firstNames[w] {
		return true
	}
	if m := a.byTok[i]; n == 1 && m > 0 {
		mm := &a.mentions[m-1]
		if kind == placeCountry && i == mm.nameFrom && len(mm.words) > 1 && mm.kind != entPlace && mm.kind != entOrg && isFirstName(w) {
			return true
		}
	}
	if kind != placeDemonym || n != 1 {
		return false
	}
	prev, next := "", ""
	if i > 0 {
		prev = lower(a.toks[i-1].text)
	}
	if i+1 < len(a.toks) {
		next = lower(a.toks[i+1].text)
	}
	// ("in Italian cinemas", "in Chinese factory demand": a demonym before
	// a noun is an adjective, whatever comes before it.)
	nounAfter := i+1 < len(a.toks) && a.toks[i+1].kind == tokWord && !stopwords[next] && !cueVerbs[next]
	if languageBefore[prev] && !nounAfter || languageAfter[next] || strings.HasSuffix(lower(a.toks[i].text), "-language") {
		return true
	}
	if w == "Indian" && (firstNationsAfter[next] || prev == "american" || prev == "first") {
		return true
	}
	if code == "GE" && !strings.Contains(a.body, "Tbilisi") && !strings.Contains(a.body, "Caucasus") {
		return true
	}
	return false
}

// languageBefore and languageAfter are the words around a demonym that
// make it a language: "said in French", "French text".
var (
	languageBefore = setOf("in", "into", "speak", "speaks", "spoke", "speaking", "learn", "learning", "fluent", "teach", "teaching", "taught")
	languageAfter  = setOf("language", "-language", "speaker", "speakers", "speaking", "text", "translation", "subtitles", "immersion", "version", "dub", "dubbed")
	// firstNationsAfter follow "Indian" in the names of North America's
	// First Nations' institutions and law.
	firstNationsAfter = setOf("residential", "act", "band", "bands", "reserve", "reserves", "affairs", "country", "tribe", "tribes", "health", "reservation", "reservations", "status")
)

// runeOffset converts a byte offset of the body into a character offset.
// Counting from the start for every quotation and name took 6% of the
// extraction: the count goes on from the last offset converted when off is
// past it (the callers mostly go forward), and the body's ASCII opening,
// which is most of most news, counts a character a byte.
func (a *article) runeOffset(off int) int {
	if a.ascii < 0 {
		a.ascii = len(a.body)
		for i := 0; i < len(a.body); i++ {
			if a.body[i] >= utf8.RuneSelf {
				a.ascii = i
				break
			}
		}
		a.lastByte, a.lastRune = a.ascii, a.ascii
	}
	if off <= a.ascii {
		return off
	}
	if off < a.lastByte {
		a.lastByte, a.lastRune = a.ascii, a.ascii
	}
	a.lastRune += utf8.RuneCountInString(a.body[a.lastByte:off])
	a.lastByte = off
	return a.lastRune
}
