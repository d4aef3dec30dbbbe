package extract

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// topicLabels are the 17 top-level IPTC Media Topics, spelled as the index
// stores them. Their order (alphabetical) is the tie-break order.
var topicLabels = [numTopics]string{
	"arts, culture, entertainment and media",
	"conflict, war and peace",
	"crime, law and justice",
	"disaster, accident and emergency incident",
	"economy, business and finance",
	"education",
	"environment",
	"health",
	"human interest",
	"labour",
	"lifestyle and leisure",
	"politics",
	"religion",
	"science and technology",
	"society",
	"sport",
	"weather",
}

const numTopics = 17

// TopicLabels returns the labels topics are given, in their tie-break
// order.
func TopicLabels() []string { return topicLabels[:] }

// Tuning of classifyTopics, measured on the even lines of the BBC gold set
// (see TOPICS.md).
const (
	// topicTitleWeight multiplies the evidence of a title word: a headline
	// names what the story is about, the body also wanders.
	topicTitleWeight = 3
	// topicLeadWords and topicLeadWeight weigh up the first words of the
	// body: news is written lead first, and the lead says what the story is
	// about before the background wanders off.
	topicLeadWords  = 40
	topicLeadWeight = 2
	// topicRunnerUp is the fraction of the best topic's evidence another
	// topic needs to be reported too; below it, a topic is only colour.
	topicRunnerUp = 0.45
	// topicMinRunnerUp is the least evidence a further topic needs (half a
	// strong title word, or two words in the body), so that a short text is
	// not tagged from a single stray word.
	topicMinRunnerUp = 4.5
	// topicStrongRunnerUp is evidence that makes a further topic worth
	// reporting at only topicStrongRunnerUpShare of the best: in a long
	// story whose main topic piles up evidence, a second topic that the
	// story speaks to at length (about five strong body words) is still
	// one an editor would tag, though below topicRunnerUp of the best.
	topicStrongRunnerUp      = 15
	topicStrongRunnerUpShare = 0.3
	// topicMaxTopics caps the list the way an editor tags: one to three.
	topicMaxTopics = 3
	// topicConfidence is the evidence at which the best topic scores 0.5;
	// the score approaches 1 as evidence grows.
	topicConfidence = 4
	// topicRepeatDecay is how fast repetitions of a word lose weight
	// (topicRepeat); between 0.5 and 1 the accuracy barely moves.
	topicRepeatDecay = 0.7
	// topicMaxWord is the longest token looked up; longer ones are no
	// lexicon word, and the bound keeps the lower-casing buffer on the stack.
	topicMaxWord = 32
)

// classifyTopics returns the article's IPTC top-level topics, best first,
// scores in [0,1].
//
// Every word (and the two-word phrases of the lexicon) adds its weights to
// the topics it signals; title words count topicTitleWeight times and the
// lead's words topicLeadWeight times, and each repetition of a word counts
// less than the one before (topicRepeat), so that many different words of
// a topic outweigh one word said many times. The word model, trained on
// news of five of the labels, then reorders those five and decides short
// texts (mixTopicEvidence); the other twelve keep the lexicon's evidence.
//
// The best topic is always returned when there is any evidence (an empty,
// non-nil slice when there is none); others follow when their evidence is
// at least topicRunnerUp of the best, or at least topicStrongRunnerUp in
// all and topicStrongRunnerUpShare of the best. A topic's score is its evidence over
// the best's evidence plus topicConfidence: scores keep the evidence
// ratios, and the best nears 1 only with ample evidence.
func classifyTopics(title, body string) []Topic {
	ev := topicEvidence(topicIndex(), topicModel(), title, body)
	return chooseTopics(&ev)
}

// topicEvidence returns the evidence of each label: the lexicon's, mixed
// with the beliefs of the model m when m is not nil (mixTopicEvidence).
func topicEvidence(lex *topicLexiconIndex, m *topicWordModel, title, body string) [numTopics]float64 {
	var t topicTally
	t.words = m
	lex.scanArticle(title, body, &t)
	if m == nil {
		return t.evidence
	}
	return mixTopicEvidence(m, &t.evidence, m.beliefs(&t))
}

// chooseTopics picks the topics from the evidence of each label.
func chooseTopics(ev *[numTopics]float64) []Topic {
	var order [numTopics]int
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order[:], func(a, b int) int {
		return cmp.Compare(ev[b], ev[a]) // ties keep label order
	})
	best := ev[order[0]]
	if best <= 0 {
		return []Topic{} // not nil: the JSON form is [], like the other lists
	}
	topics := make([]Topic, 0, topicMaxTopics)
	for _, l := range order[:topicMaxTopics] {
		e := ev[l]
		strong := e >= topicStrongRunnerUp && e >= topicStrongRunnerUpShare*best
		if len(topics) > 0 && (e < topicRunnerUp*best && !strong || e < topicMinRunnerUp) {
			break
		}
		score := e / (best + topicConfidence)
		topics = append(topics, Topic{Label: topicLabels[l], Score: math.Round(score*1000) / 1000})
	}
	return topics
}

// topicRepeat[k] is the share of its weight a word gets on its (k+1)th
// occurrence in an article: (k+1)^-topicRepeatDecay, so the second counts
// 0.62, the tenth 0.2, and ten occurrences weigh about four times one.
var topicRepeat = func() (r [64]float64) {
	for k := range r {
		r[k] = math.Pow(float64(k+1), -topicRepeatDecay)
	}
	return r
}()

// topicTally accumulates an article's evidence per topic, and counts the
// occurrences of each lexicon entry and model word in small tables on the
// stack, to weigh repetitions down without allocating.
type topicTally struct {
	evidence [numTopics]float64
	entries  topicCounts // of lexicon entries

	words      *topicWordModel                // the model, if any, that reads the words too
	model      [numTopics]float64             // its log-odds so far, by its own label order
	modelWords float64                        // words it knew, title words counted more
	wordCounts topicCounts                    // of model words
	titleCase  bool                           // the text scanned is a title-case headline
	record     func(tok string, mult float64) // training: sees every token
}

// topicCounts counts occurrences of ids in an open-addressing table.
type topicCounts struct {
	entry [topicTallySlots]int32 // id + 1; 0 is an empty slot
	seen  [topicTallySlots]uint16
	used  int // slots taken
}

// topicTallySlots bounds the distinct ids counted per article;
// past about three quarters full, further new entries count as first
// occurrences, which only very long texts reach.
const topicTallySlots = 1024

// add counts one occurrence of entry, weighted by mult and by how many
// came before.
func (t *topicTally) add(lex *topicLexiconIndex, entry int32, mult float64) {
	f := topicRepeat[min(t.entries.occurrence(entry), len(topicRepeat)-1)]
	for _, w := range lex.entries[entry].weights {
		t.evidence[w.label] += float64(w.weight) * mult * f
	}
}

// occurrence records one more occurrence of entry and returns how many
// came before it.
func (t *topicCounts) occurrence(entry int32) int {
	h := (uint32(entry) * 2654435761) >> 22 // Fibonacci hashing to 10 bits
	for {
		switch t.entry[h] {
		case entry + 1:
			n := t.seen[h]
			if n < math.MaxUint16 {
				t.seen[h]++
			}
			return int(n)
		case 0:
			if t.used >= topicTallySlots*3/4 {
				return 0
			}
			t.entry[h] = entry + 1
			t.seen[h] = 1
			t.used++
			return 0
		}
		h = (h + 1) % topicTallySlots
	}
}

// topicWeight is the evidence one word or phrase gives one topic.
type topicWeight struct {
	label  uint8
	weight float32
}

// topicEntry is a lexicon word form or phrase. A word that begins some
// phrase is held back one token, so that the phrase, when it follows,
// replaces the weights of its two words instead of adding to them.
type topicEntry struct {
	weights      []topicWeight
	startsPhrase bool
}

// topicLexiconIndex is the lexicon compiled for lookup: word forms to
// entries, and phrases as pairs of word entries, so that a scan never
// builds a string.
type topicLexiconIndex struct {
	ids     map[string]int32 // word form → entry
	entries []topicEntry     // word forms, then phrases
	phrases map[uint64]int32 // topicPhraseKey(first, second) → entry
}

// topicIndex is built from topicLexicon on first use, so that programs that
// never classify do not pay for it, and only read afterwards.
var topicIndex = sync.OnceValue(func() *topicLexiconIndex { return buildTopicIndex(topicLexicon) })

// scanArticle scans an article's title and body into t.
func (lex *topicLexiconIndex) scanArticle(title, body string, t *topicTally) {
	t.titleCase = isTopicTitleCase(title)
	lex.scan(title, topicTitleWeight, 0, topicModelTitleWeight, t)
	t.titleCase = false
	lex.scan(body, 1, topicLeadWords, 1, t)
}

// isTopicTitleCase reports whether most words of a headline are capitalised
// ("Chipmaker Posts Record Profit On AI Demand"), as some publishers write
// them: there a capital does not mark a name.
func isTopicTitleCase(title string) bool {
	words, capitals := 0, 0
	for i := 0; i < len(title); i++ {
		if i > 0 && title[i-1] != ' ' {
			continue // not the start of a word
		}
		c := title[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			words++
			if c <= 'Z' {
				capitals++
			}
		}
	}
	return words >= 3 && capitals*4 >= words*3
}

// scan adds to t the evidence of every lexicon word and phrase in text,
// multiplied by base, and by topicLeadWeight too for the first lead words,
// and hands every word to the model of t counted modelMult times.
// It reads text once, lower-cases ASCII into a stack buffer and looks each
// token up without allocating.
func (lex *topicLexiconIndex) scan(text string, base float64, lead int, modelMult float64, t *topicTally) {
	var buf [topicMaxWord]byte
	mult, heldMult := base, base
	words := 0
	held := int32(-1) // a phrase-starting word waiting for its successor
	broken := false   // punctuation since the previous word: no phrase across it
	opening := true   // the next word opens a sentence
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		if !isTopicWordByte(text, i) {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '-' || c == '\'':
				i++
			case c == 0xE2 && i+2 < n:
				// General punctuation (U+2000–U+207F): dashes, quotes,
				// spaces. The typographic apostrophe and the hyphens join
				// like their ASCII forms; the rest break phrases.
				if !(text[i+1] == 0x80 && (text[i+2] == 0x99 || text[i+2] == 0x90 || text[i+2] == 0x91)) {
					broken = true
				}
				i += 3
			case c == 0xC2 && i+1 < n: // no-break space
				i += 2
			default:
				broken = true
				opening = opening || c == '.' || c == '!' || c == '?'
				i++
			}
			opening = opening || c == '\n'
			continue
		}
		// A capitalised word inside a sentence is a name, or part of one:
		// the model leaves names out, because the people, places and teams
		// of the news it learnt from are not those of the news it will read.
		name := 'A' <= c && c <= 'Z' && !opening && !t.titleCase
		opening = false
		k := 0
		for i < n && isTopicWordByte(text, i) {
			if k < topicMaxWord {
				b := text[i]
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				buf[k] = b
			}
			k++
			i++
		}
		id := lex.lookup(buf[:min(k, topicMaxWord)], k <= topicMaxWord)
		if k <= topicMaxWord && !name {
			if t.words != nil {
				t.words.word(buf[:k], modelMult, t)
			} else if t.record != nil {
				t.record(string(buf[:k]), modelMult) // a copy, so that buf stays on the stack
			}
		}
		mult = base
		if words < lead {
			mult = base * topicLeadWeight
		}
		words++
		if held >= 0 {
			if id >= 0 && !broken {
				if p, ok := lex.phrases[topicPhraseKey(held, id)]; ok {
					t.add(lex, p, heldMult)
					held = -1
					continue
				}
			}
			t.add(lex, held, heldMult)
			held = -1
		}
		broken = false
		if id < 0 {
			continue
		}
		if lex.entries[id].startsPhrase {
			held, heldMult = id, mult
		} else {
			t.add(lex, id, mult)
		}
	}
	if held >= 0 {
		t.add(lex, held, heldMult)
	}
}

// lookup returns the lexicon entry of a lower-cased token, or -1. A token
// of digits and letters the lexicon does not know ("13bn", "600m") is
// looked up without its leading digits, so amounts count as their unit.
func (lex *topicLexiconIndex) lookup(tok []byte, whole bool) int32 {
	if !whole {
		return -1
	}
	if v, ok := lex.ids[string(tok)]; ok {
		return v
	}
	i := 0
	for i < len(tok) && '0' <= tok[i] && tok[i] <= '9' {
		i++
	}
	if i == 0 || i == len(tok) {
		return -1
	}
	if v, ok := lex.ids[string(tok[i:])]; ok {
		return v
	}
	return -1
}

// isTopicWordByte reports whether text[i] belongs to a word: ASCII letters
// and digits, and bytes of non-ASCII letters (everything from 0x80 but
// U+2000–U+207F, general punctuation and super/subscripts, and the
// no-break space).
func isTopicWordByte(text string, i int) bool {
	c := text[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c < 0x80:
		return false
	case c == 0xE2:
		return !(i+1 < len(text) && text[i+1] == 0x80 || i+1 < len(text) && text[i+1] == 0x81)
	case c == 0xC2:
		return !(i+1 < len(text) && text[i+1] == 0xA0)
	}
	return true
}

// validTopicWord reports whether a lexicon word can ever match a token:
// lower-case letters and digits, at most one "_" joining two words.
func validTopicWord(word string) bool {
	first, second, _ := strings.Cut(word, "_")
	for _, part := range []string{first, second} {
		if len(part) > topicMaxWord {
			return false
		}
		for i := range len(part) {
			c := part[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c >= 0x80) {
				return false
			}
		}
	}
	return first != "" && (second != "" || !strings.Contains(word, "_"))
}

// topicPhraseKey packs the entries of a phrase's two words into one map key.
func topicPhraseKey(first, second int32) uint64 {
	return uint64(uint32(first))<<32 | uint64(uint32(second))
}

// topicLexiconEntry is the vocabulary of one label, as written in
// topics_lexicon.go: lines of "weight: word word first_second ...".
type topicLexiconEntry struct {
	label string
	words string
}

// buildTopicIndex compiles the lexicon. A listed word also matches its
// regular inflections (plural, -ed, -ing, with e-dropping and y→i), unless
// it ends in "!"; irregular forms are listed by hand. A form listed
// explicitly under a label overrides forms generated for that label, so a
// hand-set weight always wins. An underscore joins a two-word phrase, whose
// second word is inflected the same way. Malformed lexicon lines panic: the
// lexicon is code, and the tests build it.
func buildTopicIndex(lexicon []topicLexiconEntry) *topicLexiconIndex {
	type formWeights struct {
		explicit, generated [numTopics]float32
	}
	forms := map[string]*formWeights{}
	set := func(form string, label int, w float32, explicit bool) {
		fw := forms[form]
		if fw == nil {
			fw = &formWeights{}
			forms[form] = fw
		}
		if explicit {
			fw.explicit[label] = max(fw.explicit[label], w)
		} else {
			fw.generated[label] = max(fw.generated[label], w)
		}
	}
	for _, entry := range lexicon {
		label := slices.Index(topicLabels[:], entry.label)
		if label < 0 {
			panic(fmt.Sprintf("topic lexicon: unknown label %q", entry.label))
		}
		for line := range strings.Lines(entry.words) {
			fields := strings.Fields(line)
			if len(fields) == 0 {
				continue
			}
			ws, ok := strings.CutSuffix(fields[0], ":")
			w, err := strconv.ParseFloat(ws, 32)
			if !ok || err != nil || w <= 0 {
				panic(fmt.Sprintf("topic lexicon %q: bad weight in %q", entry.label, line))
			}
			for _, word := range fields[1:] {
				word, fixed := strings.CutSuffix(word, "!")
				if !validTopicWord(word) {
					panic(fmt.Sprintf("topic lexicon %q: bad word %q", entry.label, word))
				}
				set(word, label, float32(w), true)
				if fixed {
					continue
				}
				for _, f := range topicInflections(word) {
					set(f, label, float32(w), false)
				}
			}
		}
	}

	lex := &topicLexiconIndex{ids: map[string]int32{}, phrases: map[uint64]int32{}}
	id := func(word string) int32 {
		if v, ok := lex.ids[word]; ok {
			return v
		}
		v := int32(len(lex.entries))
		lex.ids[word] = v
		lex.entries = append(lex.entries, topicEntry{})
		return v
	}
	weights := func(fw *formWeights) []topicWeight {
		var ws []topicWeight
		for l := range numTopics {
			w := fw.explicit[l]
			if w == 0 {
				w = fw.generated[l]
			}
			if w > 0 {
				ws = append(ws, topicWeight{label: uint8(l), weight: w})
			}
		}
		return ws
	}
	// Sorted so that ids, and hence the index, do not depend on map order.
	sorted := slices.Sorted(maps.Keys(forms))
	for _, form := range sorted {
		if !strings.Contains(form, "_") {
			lex.entries[id(form)].weights = weights(forms[form])
		}
	}
	for _, form := range sorted {
		first, second, isPhrase := strings.Cut(form, "_")
		if !isPhrase {
			continue
		}
		a, b := id(first), id(second)
		lex.entries[a].startsPhrase = true
		lex.phrases[topicPhraseKey(a, b)] = int32(len(lex.entries))
		lex.entries = append(lex.entries, topicEntry{weights: weights(forms[form])})
	}
	return lex
}

// topicInflections returns the regular plural, past and -ing forms of
// word (of its last word, for a phrase). It over-generates harmlessly:
// "goaled" never occurs, so it never matches.
func topicInflections(word string) []string {
	head, last := "", word
	if i := strings.LastIndexByte(word, '_'); i >= 0 {
		head, last = word[:i+1], word[i+1:]
	}
	if len(last) < 2 {
		return nil
	}
	var out []string
	add := func(s string) { out = append(out, head+s) }
	n := len(last)
	end := last[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case end == 'y' && !vowel(last[n-2]):
		stem := last[:n-1]
		add(stem + "ies")
		add(stem + "ied")
		add(last + "ing")
	case end == 'e':
		add(last + "s")
		add(last + "d")
		if last[n-2] == 'e' || last[n-2] == 'y' || last[n-2] == 'o' {
			add(last + "ing")
		} else {
			add(last[:n-1] + "ing")
		}
	case end == 's' || end == 'x' || end == 'z' || strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "sh"):
		add(last + "es")
		add(last + "ed")
		add(last + "ing")
	default:
		add(last + "s")
		add(last + "ed")
		add(last + "ing")
	}
	return out
}
