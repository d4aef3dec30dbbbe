package extract

// The speaker ranker. The hand rules in cues.go read one construction at a
// time; what they find becomes evidence here, beside everything else a
// reader weighs: who is named around the quotation and how (full name,
// surname, title, organisation), on which side, how far away, next to which
// verb, in whose sentence, who spoke last, who the article is about. Each
// quotation's candidates (those people and organisations, the rules' choice,
// the previous quotation's speaker, and nobody) are scored by a log-linear
// model whose weights are learned from annotated news by `cuttings train
// speakers` (MODEL.md) and embedded in the binary.

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cuttings/cuttings/store"
)

// ruledQuote is one quotation attributeQuotes returned: its span and the
// hand rules' attribution.
type ruledQuote struct {
	span int
	rule quoteSpeaker
}

// candidate is one possible speaker of a quotation; a nil ent is nobody.
type candidate struct {
	ent   *entity
	feats []string
}

// speakerWindow bounds where candidates are looked for: from the paragraph
// before the quotation to the paragraph after it, at most this many tokens
// away on either side.
const (
	windowBefore = 120
	windowAfter  = 80
)

// sideMention is the nearest mention of a candidate on one side of a quotation.
type sideMention struct {
	m         *mention
	dist      int // tokens between the mention and the quotation
	sentences int // sentence boundaries between them
	cue       int // tokens between the nearest mention that is a reporting verb's subject and the quotation; -1 when none is
	subject   int // the same for the nearest mention that is any verb's subject
}

// candidates lists the possible speakers of the k-th ruled quotation with
// their features, the rules' choice first, then the others by where they
// are first named around the quotation; and the features of the quotation
// itself, which say how likely it is that anyone named is its speaker.
//
// prev is who spoke the quotation before: in training the hand rules'
// choice, in use the ranker's own.
func (a *article) candidates(k int, prev *entity) ([]candidate, []string) {
	rq := a.ruled[k]
	sp := &a.spans[rq.span]
	open := a.tokenIndex(sp.open)
	after := a.tokenIndex(sp.end)
	if sp.closeMark >= 0 {
		after = a.tokenIndex(sp.closeMark) + 1
	}
	from := open - windowBefore
	if p := sp.para - 1; p >= 0 {
		from = max(from, a.tokenIndex(a.paras[p].start))
	} else {
		from = max(from, 0)
	}
	to := after + windowAfter
	if p := sp.para + 1; p < len(a.paras) {
		to = min(to, a.tokenIndex(a.paras[p].end))
	} else {
		to = min(to, len(a.toks))
	}

	var order []*entity
	before := map[*entity]*sideMention{}
	behind := map[*entity]*sideMention{}
	for i := range a.mentions {
		m := &a.mentions[i]
		if m.ent == nil || (m.kind != entPerson && m.kind != entOrg) || m.to <= from || m.from >= to {
			continue
		}
		var side map[*entity]*sideMention
		var dist int
		isBehind := false
		switch {
		case m.to <= open:
			side, dist = before, open-m.to
		case m.from >= after:
			side, dist, isBehind = behind, m.from-after, true
		default:
			continue // inside the quotation itself
		}
		if before[m.ent] == nil && behind[m.ent] == nil && m.ent != rq.rule.ent {
			order = append(order, m.ent)
		}
		s := side[m.ent]
		if s == nil {
			s = &sideMention{cue: -1, subject: -1}
			side[m.ent] = s
		}
		if s.m == nil || dist < s.dist {
			s.m, s.dist = m, dist
			s.sentences = int(a.sentOf[min(open, len(a.toks)-1)] - a.sentOf[m.from])
			if isBehind {
				s.sentences = int(a.sentOf[m.from] - a.sentOf[max(after-1, 0)])
			}
		}
		if (s.cue < 0 || dist < s.cue) && a.isCueSubject(m) && !a.insideSpan(a.toks[m.from].start) {
			s.cue = dist
		}
		if (s.subject < 0 || dist < s.subject) && !m.possessive && m.to < len(a.toks) && subjectVerb(a.toks[m.to]) && !a.insideSpan(a.toks[m.from].start) {
			s.subject = dist
		}
	}
	prevRel := ""
	if k > 0 {
		pq := a.ruled[k-1]
		switch psp := &a.spans[pq.span]; {
		case psp.para == sp.para:
			prevRel = "same"
		case psp.para == sp.para-1:
			prevRel = "next"
		default:
			prevRel = "far"
		}
	}
	// A quotation that follows the one before with nothing but marks and
	// spaces between them goes on with the same voice: a paragraph of
	// speech that opens straight after another, its break often lost to a
	// single space in British copy ("… said: “A.” “B.”"). And one followed
	// that way by a quotation with a cue of its own is that cue's speaker's.
	prevAdjacent := k > 0 && a.onlyMarksBetween(a.spans[a.ruled[k-1].span].end, sp.open)
	var nextAdjacent *entity
	if k+1 < len(a.ruled) && a.onlyMarksBetween(sp.end, a.spans[a.ruled[k+1].span].open) {
		nextAdjacent = a.ruled[k+1].rule.ent
	}
	ents := make([]*entity, 0, len(order)+2)
	if rq.rule.ent != nil && (rq.rule.ent.kind == entPerson || rq.rule.ent.kind == entOrg) {
		ents = append(ents, rq.rule.ent)
	}
	ents = append(ents, order...)
	if prev != nil && before[prev] == nil && behind[prev] == nil && prev != rq.rule.ent {
		ents = append(ents, prev)
	}

	words := 0
	for i := open; i < after && i < len(a.toks); i++ {
		if a.toks[i].kind == tokWord {
			words++
		}
	}
	ctx := a.quoteContext(sp, open)
	cue := a.cueForm(open, after)
	// Who is nearest on each side, and who was last the subject of a
	// reporting verb before the quotation: "Mr Okafor said. “…,” he said."
	nearB, nearA, lastCue := nearest(ents, before, false), nearest(ents, behind, false), nearest(ents, before, true)
	lastSubj := nearestSubject(ents, before)
	// The person a he or she next to the quotation most likely is: the
	// nearest person before it whose gender does not clash.
	var pronounPerson *entity
	pronounG, pronoun := a.pronounNear(open, after)
	if g := pronounG; pronoun {
		agrees := make([]*entity, 0, len(ents))
		for _, e := range ents {
			if e.kind == entPerson && (e.gender == unknownGender || e.gender == g) {
				agrees = append(agrees, e)
			}
		}
		pronounPerson = nearest(agrees, before, false)
	}
	out := make([]candidate, 0, len(ents))
	rank := a.salience()
	for _, e := range ents {
		f := make([]string, 0, 64)
		add := func(s ...string) { f = append(f, strings.Join(s, ":")) }
		// Each of these is also conjoined with the quotation's own cue:
		// after "he said" the last speaker counts, after "Smith said" the name.
		both := func(s ...string) {
			add(s...)
			add(append(s, "cue="+cue)...)
		}
		if e == nearB {
			both("nearest-before")
		}
		if e == nearA {
			both("nearest-after")
		}
		if e == lastCue {
			both("last-cue-subject", bucket(before[e].sentences, 0, 1, 2))
		}
		if e == lastSubj {
			both("last-subject", bucket(before[e].sentences, 0, 1, 2))
		}
		kind := "per"
		if e.kind == entOrg {
			kind = "org"
		}
		add("kind", kind)
		if e == rq.rule.ent {
			both("rule")
			add("rule", rq.rule.via)
			add("rule", rq.rule.via, kind)
		}
		if e == prev {
			both("prev", prevRel)
			add("prev", prevRel, ctx)
			if prevAdjacent {
				both("prev", "adjacent")
				add("prev", "adjacent", prevRel)
			}
			if sp.reopens {
				// The quotation before went on unclosed and this one
				// reopens it (findQuotes): one speech in two spans.
				both("prev", "reopened")
			}
		}
		if e == nextAdjacent {
			both("next-adjacent")
		}
		if si := a.sentOf[min(open, len(a.toks)-1)]; a.focus[si] == e {
			both("focus", "this")
		} else if si > 0 && a.focus[si-1] == e {
			both("focus", "before")
		}
		both("salience", strconv.Itoa(min(rank[e], 3)))
		if e == a.lead {
			add("lead")
		}
		// The nearest mention on each side is read through the nearest,
		// last-cue-subject and last-subject features above, not by its own
		// distance, form and neighbours: those features fitted PolNeAR's
		// style and did not carry to British news (MODEL.md, session 10).
		if before[e] == nil && behind[e] == nil {
			add("outside")
		}
		if e == pronounPerson {
			add("pronoun", "nearest")
			if b := before[e]; b != nil {
				add("pronoun", "nearest", bucket(b.sentences, 0, 1, 2))
			}
		}
		if g := pronounG; pronoun && e.kind == entPerson {
			switch {
			case e.gender == unknownGender:
				add("pronoun", "unknown")
			case e.gender == g:
				add("pronoun", "agrees")
			default:
				add("pronoun", "clashes")
			}
		}
		out = append(out, candidate{ent: e, feats: f})
	}
	qf := append(quoteFeatures(rq.rule, words, len(ents), ctx), "q:cue:"+cue, "q:shape:"+a.quoteShape(sp))
	if prevAdjacent {
		qf = append(qf, "q:adjacent:prev")
	}
	if sp.reopens {
		qf = append(qf, "q:reopened")
	}
	if nextAdjacent != nil {
		qf = append(qf, "q:adjacent:next")
	}
	return out, qf
}

// onlyMarksBetween reports whether the body between byte offsets lo and hi
// holds nothing but spaces, quotation marks and a full stop or comma left
// outside a closing mark.
func (a *article) onlyMarksBetween(lo, hi int) bool {
	if lo < 0 || hi > len(a.body) || lo > hi {
		return false
	}
	for _, r := range a.body[lo:hi] {
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"'“”‘’«»„.,", r) {
			return false
		}
	}
	return true
}

// quoteShape says what the quoted words look like: a sentence of speech
// (a capital, and punctuation before the closing mark), a fragment, or a
// title or name (every word capitalised), which is rarely anybody's speech.
func (a *article) quoteShape(sp *span) string {
	text := strings.TrimSpace(a.body[sp.start:sp.end])
	if text == "" {
		return "empty"
	}
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	fields := strings.Fields(text)
	titled, capitals := len(fields) <= 6, 0
	for _, w := range fields {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capitals++
		case !stopwords[w]:
			titled = false
		}
	}
	titled = titled && capitals > 0
	ends := strings.ContainsRune(".,?!…", last)
	switch {
	case titled:
		return "titled"
	case unicode.IsUpper(first) && ends:
		return "sentence"
	case unicode.IsUpper(first):
		return "capital"
	case ends:
		return "ends"
	}
	return "fragment"
}

// nearest returns the candidate with the nearest mention on one side (among
// the mentions ok accepts, when ok is given).
func nearest(ents []*entity, side map[*entity]*sideMention, cueSubject bool) *entity {
	var best *entity
	bd := 1 << 30
	for _, e := range ents {
		s := side[e]
		if s == nil {
			continue
		}
		d := s.dist
		if cueSubject {
			if s.cue < 0 {
				continue
			}
			d = s.cue
		}
		if d < bd {
			best, bd = e, d
		}
	}
	return best
}

// nearestSubject returns the candidate named nearest before the quotation
// as the subject of a verb: "Ruth Abbott rejected the claim. “…,” she said."
func nearestSubject(ents []*entity, before map[*entity]*sideMention) *entity {
	var best *entity
	bd := 1 << 30
	for _, e := range ents {
		if s := before[e]; s != nil && s.subject >= 0 && s.subject < bd {
			best, bd = e, s.subject
		}
	}
	return best
}

// isCueSubject reports a mention followed by a reporting verb ("Smith
// said", "Smith also told") or after one ("said Smith").
func (a *article) isCueSubject(m *mention) bool {
	return m.to < len(a.toks) && (a.cueWord(m.to) || m.to+1 < len(a.toks) && a.toks[m.to].kind == tokWord && !a.toks[m.to].capital && a.cueWord(m.to+1)) ||
		m.from > 0 && a.cueWord(m.from-1) || a.cueAfterApposition(m.to)
}

// cueAfterApposition reports a reporting verb after an apposition that
// starts at token k: "Ana Ruiz, who chairs the board, said".
func (a *article) cueAfterApposition(k int) bool {
	if k >= len(a.toks) || a.toks[k].text != "," {
		return false
	}
	// Up to three commas: "Ana Ruiz, whose company, Halvern, makes
	// valves, said".
	commas := 0
	for j := k + 1; j < len(a.toks) && j < k+24; j++ {
		t := a.toks[j]
		if t.kind == tokQuote || t.sentStart || t.text == "." || t.text == ";" {
			return false
		}
		if t.text == "," {
			if j+1 < len(a.toks) && a.cueWord(j+1) {
				return true
			}
			if commas++; commas == 3 {
				return false
			}
		}
	}
	return false
}

// cueForm says how the quotation's own reporting clause names its speaker:
// by a pronoun ("he said"), by a name ("said Smith", "Smith said:"), or not
// at all next to it.
func (a *article) cueForm(open, after int) string {
	k := after
	for k < len(a.toks) && (a.toks[k].text == "," || isDash(a.toks[k].text)) {
		k++
	}
	for step := 0; step < 2 && k < len(a.toks); step++ {
		if _, ok := pronounGender[a.toks[k].text]; ok {
			return "pronoun"
		}
		if n := a.byTok[k]; n > 0 && (a.mentions[n-1].kind == entPerson || a.mentions[n-1].kind == entOrg) {
			return "name"
		}
		if !a.cueWord(k) {
			break
		}
		k++
	}
	if open > 0 && (a.toks[open-1].text == ":" || a.toks[open-1].text == ",") {
		for k := open - 2; k >= 0 && k >= open-4; k-- {
			if _, ok := pronounGender[a.toks[k].text]; ok {
				return "pronoun"
			}
			if n := a.byTok[k]; n > 0 && (a.mentions[n-1].kind == entPerson || a.mentions[n-1].kind == entOrg) {
				return "name"
			}
		}
	}
	return "none"
}

// quoteContext names how a quotation stands in its paragraph: opening it,
// after a colon, or inside a sentence.
func (a *article) quoteContext(sp *span, open int) string {
	switch {
	case a.startsParagraph(sp):
		return "opens"
	case open > 0 && a.toks[open-1].text == ":":
		return "colon"
	case open < len(a.toks) && a.toks[open].sentStart:
		return "sentence"
	default:
		return "inside"
	}
}

// quoteFeatures describe a quotation: what the rules made of it, how it
// stands, how long it is, and how many candidates it has.
func quoteFeatures(rule quoteSpeaker, words, cands int, ctx string) []string {
	f := []string{"q", "q:via:" + rule.via, "q:ctx:" + ctx, "q:len:" + bucket(words, 1, 3, 8, 20), "q:cands:" + bucket(cands, 1, 3)}
	if rule.unknown {
		f = append(f, "q:unknown")
	}
	if rule.found {
		f = append(f, "q:found")
	}
	return f
}

// cueWord reports a reporting verb at token k ("said", "told", "added").
func (a *article) cueWord(k int) bool {
	t := a.toks[k]
	return t.kind == tokWord && (cueVerbs[t.text] || cueVerbs[lower(t.text)]) && !strings.HasSuffix(t.text, "ing")
}

// pronounNear finds "he" or "she" just before or after a quotation.
func (a *article) pronounNear(open, after int) (gender, bool) {
	if g, ok := a.pronounAfter(after); ok {
		return g, true
	}
	for k := open - 1; k >= 0 && k >= open-3; k-- {
		if g, ok := pronounGender[a.toks[k].text]; ok {
			return g, true
		}
	}
	return unknownGender, false
}

// salience ranks the article's people and organisations by mentions, the
// most mentioned 0.
func (a *article) salience() map[*entity]int {
	if a.ranks != nil {
		return a.ranks
	}
	all := make([]*entity, 0, len(a.people)+len(a.orgs))
	all = append(all, a.people...)
	all = append(all, a.orgs...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].mentions > all[j].mentions })
	a.ranks = make(map[*entity]int, len(all))
	for i, e := range all {
		a.ranks[e] = i
	}
	return a.ranks
}

// bucket names the range of cuts that n falls in: "<=2", "<=5", ">40".
func bucket(n int, cuts ...int) string {
	for _, c := range cuts {
		if n <= c {
			return "<=" + strconv.Itoa(c)
		}
	}
	return ">" + strconv.Itoa(cuts[len(cuts)-1])
}

// rankSpeakers sets each quotation's speaker to the best-scoring candidate,
// or to nobody when the model doubts that the best is right.
func (a *article) rankSpeakers(quotes []Quote, m *SpeakerModel) {
	var prev *entity
	for k := range a.ruled {
		cands, qf := a.candidates(k, prev)
		best, _ := m.choose(cands, qf)
		q := &quotes[k]
		if best < 0 {
			q.Speaker, q.SpeakerType = "", SpeakerUnknown
			prev = nil
			continue
		}
		e := cands[best].ent
		prev = e
		q.Speaker, q.SpeakerType = e.name, SpeakerPerson
		if e.kind == entOrg {
			q.SpeakerType = SpeakerOrganization
		}
	}
}

// SpeakerModel holds the weights of the speaker ranker's features: a
// ranking of the candidates, then a yes or no on the best of them, whose
// features are the quotation's and the best candidate's with "keep:" before
// them, and the ranking's margin.
type SpeakerModel struct {
	weights   map[string]float64
	threshold float64 // the least probability that the best is right at which it is named
}

func (m *SpeakerModel) score(feats []string) float64 {
	s := 0.0
	for _, f := range feats {
		s += m.weights[f]
	}
	return s
}

// best returns the index of the best-scoring candidate and its lead over
// the next (-1 when there are none).
func (m *SpeakerModel) best(cands []candidate) (int, float64) {
	best, top, second := -1, math.Inf(-1), math.Inf(-1)
	for i, c := range cands {
		s := m.score(c.feats)
		switch {
		case s > top:
			best, second, top = i, top, s
		case s > second:
			second = s
		}
	}
	return best, top - second
}

// keepFeatures are the features of the decision to name the best candidate.
func keepFeatures(best candidate, qf []string, margin float64) []string {
	f := make([]string, 0, len(best.feats)+len(qf)+1)
	for _, x := range qf {
		f = append(f, "keep:"+x)
	}
	for _, x := range best.feats {
		f = append(f, "keep:"+x)
	}
	m := "inf"
	if !math.IsInf(margin, 1) {
		m = bucket(int(margin*2), 0, 1, 2, 4, 8)
	}
	return append(f, "keep:margin:"+m)
}

// choose returns the candidate to name (-1 for nobody) and the model's
// probability that it is right.
func (m *SpeakerModel) choose(cands []candidate, qf []string) (int, float64) {
	best, margin := m.best(cands)
	if best < 0 {
		return -1, 0
	}
	p := sigmoid(m.score(keepFeatures(cands[best], qf, margin)))
	if p < m.threshold {
		return -1, p
	}
	return best, p
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// speakerModelFile is the model `cuttings train speakers` writes.
type speakerModelFile struct {
	About     string             `json:"about"`
	Threshold float64            `json:"threshold"`
	Features  int                `json:"features"`
	Weights   map[string]float64 `json:"weights"`
}

// ParseSpeakerModel reads a model written by SpeakerModel.MarshalJSON.
func ParseSpeakerModel(b []byte) (*SpeakerModel, error) {
	var f speakerModelFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("speaker model: %w", err)
	}
	if len(f.Weights) == 0 {
		return nil, fmt.Errorf("speaker model: no weights")
	}
	return &SpeakerModel{weights: f.Weights, threshold: f.Threshold}, nil
}

// MarshalJSON writes the weights, rounded and in key order, so that the
// same training gives the same file.
func (m *SpeakerModel) MarshalJSON() ([]byte, error) {
	w := make(map[string]float64, len(m.weights))
	for k, v := range m.weights {
		if r := math.Round(v*1e4) / 1e4; r != 0 {
			w[k] = r
		}
	}
	return json.MarshalIndent(speakerModelFile{
		About:     "speaker ranker weights, written by `cuttings train speakers`; see MODEL.md",
		Threshold: m.threshold,
		Features:  len(w),
		Weights:   w,
	}, "", " ")
}

//go:embed speakers.model.json
var builtinSpeakers []byte

// defaultSpeakers is the embedded model, parsed once and shared read-only.
var defaultSpeakers = sync.OnceValue(func() *SpeakerModel {
	m, err := ParseSpeakerModel(builtinSpeakers)
	if err != nil {
		panic("extract: the embedded " + err.Error())
	}
	return m
})

// SpeakerChoice is one quotation Extract finds and the candidates its
// speaker ranker chooses among: what TrainSpeakers learns from.
type SpeakerChoice struct {
	Quote      string   // the quotation as Extract reports it
	Gold       string   // its speaker as annotated, set by the caller ("" when it is no annotated quotation)
	Candidates []string // the candidates' names
	// Right marks the candidates a careful reader accepts; the caller sets
	// it from annotations. None right means no candidate should be named.
	Right []bool
	// Weight counts the choice this many times (0 is 1): a small
	// collection of another style weighs as much as a large one.
	Weight float64
	cands  []candidate
	quote  []string
}

func (c *SpeakerChoice) weight() float64 {
	if c.Weight == 0 {
		return 1
	}
	return c.Weight
}

// Choose returns the candidate the model names for a choice (-1 for
// nobody) and its probability of being right.
func (m *SpeakerModel) Choose(c *SpeakerChoice) (int, float64) {
	return m.choose(c.cands, c.quote)
}

// SpeakerChoices lists, for each quotation Extract finds in an article, the
// speakers the ranker chooses among.
func SpeakerChoices(in store.Article) []SpeakerChoice {
	a, _ := read(in)
	out := make([]SpeakerChoice, len(a.ruled))
	for k, rq := range a.ruled {
		sp := a.spans[rq.span]
		var prev *entity
		if k > 0 {
			prev = a.ruled[k-1].rule.ent
		}
		cands, qf := a.candidates(k, prev)
		c := SpeakerChoice{Quote: a.body[sp.start:sp.end], Candidates: make([]string, len(cands)), Right: make([]bool, len(cands)), cands: cands, quote: qf}
		for i, cd := range cands {
			c.Candidates[i] = cd.ent.name
		}
		out[k] = c
	}
	return out
}

// SpeakerTraining sets how TrainSpeakers fits the ranker.
type SpeakerTraining struct {
	// RankL2 is the penalty on the squares of the ranking's weights; 0
	// means 10. A strong penalty keeps the candidate the hand rules pick
	// unless other evidence is strong and repeated.
	RankL2 float64
	// KeepL2 is the same for the decision to name the best candidate; 0
	// means 3.
	KeepL2     float64
	Iterations int     // at most this many L-BFGS steps for each fit; 0 means 1000
	Threshold  float64 // the least probability of being right at which the best candidate is named; 0 means 0.5
	// Without lists feature groups to leave out, for ablation: a feature
	// whose name holds one of these words (between colons) is dropped.
	Without []string
}

// dropped reports whether a feature belongs to a group left out.
func (o SpeakerTraining) dropped(name string) bool {
	for _, g := range o.Without {
		if slices.Contains(strings.Split(name, ":"), g) {
			return true
		}
	}
	return false
}

// TrainSpeakers fits the model in two steps. The ranking learns the
// log-likelihood of the right candidates (a softmax over each quotation's
// candidates) from the quotations that have a right candidate. The
// decision to name the best candidate is then a logistic regression over
// every quotation, on whether the ranking's best is right. Both are
// convex fits over all the examples at once (convex.go), so the model
// does not depend on the order of the choices.
func TrainSpeakers(choices []SpeakerChoice, o SpeakerTraining) (*SpeakerModel, error) {
	if o.RankL2 == 0 {
		o.RankL2 = 10
	}
	if o.KeepL2 == 0 {
		o.KeepL2 = 3
	}
	if o.Iterations == 0 {
		o.Iterations = 1000
	}
	if o.Threshold == 0 {
		o.Threshold = 0.5
	}
	f := features{drop: o.dropped}
	type ranking struct {
		cands  [][]int32
		right  []bool
		weight float64
	}
	var ranks []ranking
	for _, c := range choices {
		if !slices.Contains(c.Right, true) {
			continue
		}
		r := ranking{right: c.Right, weight: c.weight()}
		for _, cd := range c.cands {
			r.cands = append(r.cands, f.ids(cd.feats))
		}
		ranks = append(ranks, r)
	}
	var scores []float64
	rankW, err := fitConvex(len(f.names), o.RankL2, o.Iterations, func(w, grad []float64) float64 {
		var total float64
		for _, r := range ranks {
			scores = scores[:0]
			for _, fs := range r.cands {
				scores = append(scores, dot(w, fs))
			}
			total += softmaxLoss(scores, func(i int) bool { return r.right[i] }, r.weight)
			for i, fs := range r.cands {
				for _, x := range fs {
					grad[x] += scores[i]
				}
			}
		}
		return total
	})
	if err != nil {
		return nil, fmt.Errorf("train speakers: the ranking: %w", err)
	}
	m := &SpeakerModel{weights: f.weights(rankW), threshold: o.Threshold}

	type decision struct {
		feats  []int32
		right  bool
		weight float64
	}
	var keeps []decision
	for _, c := range choices {
		best, margin := m.best(c.cands)
		if best < 0 {
			continue
		}
		keeps = append(keeps, decision{f.ids(keepFeatures(c.cands[best], c.quote, margin)), c.Right[best], c.weight()})
	}
	keepW, err := fitConvex(len(f.names), o.KeepL2, o.Iterations, func(w, grad []float64) float64 {
		var total float64
		for _, d := range keeps {
			loss, deriv := logisticLoss(dot(w, d.feats), d.right, d.weight)
			total += loss
			for _, x := range d.feats {
				grad[x] += deriv
			}
		}
		return total
	})
	if err != nil {
		return nil, fmt.Errorf("train speakers: the decision to name: %w", err)
	}
	for k, v := range f.weights(keepW) {
		if strings.HasPrefix(k, "keep:") {
			m.weights[k] = v
		}
	}
	return m, nil
}

// features numbers feature names in order of appearance.
type features struct {
	byName map[string]int32
	names  []string
	drop   func(string) bool
}

func (f *features) ids(names []string) []int32 {
	if f.byName == nil {
		f.byName = map[string]int32{}
	}
	out := make([]int32, 0, len(names))
	for _, n := range names {
		if f.drop != nil && f.drop(n) {
			continue
		}
		id, ok := f.byName[n]
		if !ok {
			id = int32(len(f.names))
			f.byName[n] = id
			f.names = append(f.names, n)
		}
		out = append(out, id)
	}
	return out
}

func (f *features) weights(w []float64) map[string]float64 {
	out := make(map[string]float64, len(w))
	for i, v := range w {
		if v != 0 {
			out[f.names[i]] = v
		}
	}
	return out
}

func dot(w []float64, fs []int32) float64 {
	s := 0.0
	for _, x := range fs {
		s += w[x]
	}
	return s
}
