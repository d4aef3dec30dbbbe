package engine

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// bodyMatcher finds in an article's body what a query matched there. The
// body keeps no term positions in the index (phrase.go says why), so a hit's
// snippet is marked by analysing its body as the index did and matching
// the query's words, prefixes, patterns, fuzzy words and phrases against the
// analysed words. Clauses a document must not match mark nothing.
type bodyMatcher struct {
	field    string
	analyzer analysis.Analyzer
	terms    map[string]bool
	prefixes []string
	patterns []*regexp.Regexp
	fuzzy    []fuzzyWord
	phrases  [][][]string
}

type fuzzyWord struct {
	term  string
	edits int
}

// newBodyMatcher collects the clauses of q that search field (the body or
// a quotation); nil if none does.
func newBodyMatcher(q query.Query, field string, an analysis.Analyzer) *bodyMatcher {
	m := &bodyMatcher{field: field, analyzer: an, terms: map[string]bool{}}
	m.add(q)
	if len(m.terms) == 0 && len(m.prefixes) == 0 && len(m.patterns) == 0 && len(m.fuzzy) == 0 && len(m.phrases) == 0 {
		return nil
	}
	return m
}

func (m *bodyMatcher) add(q query.Query) {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []query.Query{q.Must, q.Should} {
			if c != nil {
				m.add(c)
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			m.add(c)
		}
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			m.add(c)
		}
	case *textPhraseQuery:
		if q.field == m.field {
			m.phrases = append(m.phrases, phraseTerms(m.analyzer.Analyze([]byte(q.phrase))))
		}
	case *query.MatchPhraseQuery:
		if q.FieldVal == m.field {
			m.phrases = append(m.phrases, phraseTerms(m.analyzer.Analyze([]byte(q.MatchPhrase))))
		}
	case *query.MatchQuery:
		if q.FieldVal == m.field {
			for _, t := range m.analyzer.Analyze([]byte(q.Match)) {
				if q.Fuzziness > 0 {
					m.fuzzy = append(m.fuzzy, fuzzyWord{string(t.Term), q.Fuzziness})
				} else {
					m.terms[string(t.Term)] = true
				}
			}
		}
	case *query.TermQuery:
		if q.FieldVal == m.field {
			m.terms[q.Term] = true
		}
	case *query.PrefixQuery:
		if q.FieldVal == m.field {
			m.prefixes = append(m.prefixes, q.Prefix)
		}
	case *query.WildcardQuery:
		if q.FieldVal == m.field {
			if re, err := regexp.Compile("^(?:" + wildcardRegexp(q.Wildcard) + ")$"); err == nil {
				m.patterns = append(m.patterns, re)
			}
		}
	case *query.RegexpQuery:
		if q.FieldVal == m.field {
			if re, err := regexp.Compile("^(?:" + q.Regexp + ")$"); err == nil {
				m.patterns = append(m.patterns, re)
			}
		}
	case *query.FuzzyQuery:
		if q.FieldVal == m.field {
			m.fuzzy = append(m.fuzzy, fuzzyWord{q.Term, q.Fuzziness})
		}
	}
}

// spans returns the byte spans of body the query matched.
func (m *bodyMatcher) spans(body string) []span {
	if len(m.prefixes) == 0 && len(m.patterns) == 0 && len(m.fuzzy) == 0 {
		return m.quickSpans(body)
	}
	return m.analyzedSpans(body)
}

// analyzedSpans finds the query's matches by analysing body as the index
// did.
func (m *bodyMatcher) analyzedSpans(body string) []span {
	tokens := m.analyzer.Analyze([]byte(body))
	var out []span
	for _, t := range tokens {
		if m.word(string(t.Term)) {
			out = append(out, span{t.Start, t.End})
		}
	}
	for _, p := range m.phrases {
		out = append(out, phraseSpans(tokens, p)...)
	}
	return out
}

func (m *bodyMatcher) word(term string) bool {
	if m.terms[term] {
		return true
	}
	for _, p := range m.prefixes {
		if strings.HasPrefix(term, p) {
			return true
		}
	}
	for _, re := range m.patterns {
		if re.MatchString(term) {
			return true
		}
	}
	for _, f := range m.fuzzy {
		if withinEdits(term, f.term, f.edits) {
			return true
		}
	}
	return false
}

// withinEdits reports whether a and b are at most n edits (insertions,
// deletions, substitutions of a character) apart, as a fuzzy term is.
func withinEdits(a, b string, n int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > n || -d > n {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > n {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= n
}

// quickScratch holds quickSpans' buffers between calls.
type quickScratch struct {
	words []span
	stems []string
}

var spanScratch = sync.Pool{New: func() any { return new(quickScratch) }}

// quickSpans finds the query's words and phrases in body with the word scan
// of phrase.go, stemming only the words that could be one of them: the
// analyzer would stem every word of the body, many times the cost.
func (m *bodyMatcher) quickSpans(body string) []span {
	// The terms sought, and their first letters.
	want := map[string]bool{}
	for t := range m.terms {
		want[t] = true
	}
	for _, p := range m.phrases {
		for _, ts := range p {
			for _, t := range ts {
				want[t] = true
			}
		}
	}
	if len(want) == 0 {
		return nil
	}
	firsts := map[rune]int{} // first letter -> shortest term with it
	for t := range want {
		r := firstRune(t)
		if n, ok := firsts[r]; !ok || len(t) < n {
			firsts[r] = len(t)
		}
	}
	// The words and their stems are scratch, reused: a page of hits would
	// otherwise allocate a few hundred kilobytes a search, and the
	// garbage collector's work slows every search running beside it.
	sc := spanScratch.Get().(*quickScratch)
	defer spanScratch.Put(sc)
	words := sc.words[:0]
	scanWords(body, func(w span) bool {
		words = append(words, w)
		return true
	})
	sc.words = words
	if cap(sc.stems) < len(words) {
		sc.stems = make([]string, len(words))
	}
	stems := sc.stems[:len(words)] // "" where the word cannot be a term
	clear(stems)
	defer clear(stems) // no strings kept alive by the pool
	for i, w := range words {
		text := body[w.start:w.end]
		if n, ok := firsts[unicode.ToLower(firstRune(text))]; ok && len(text) >= n {
			if st := stemWord(text); want[st] {
				stems[i] = st
			}
		}
	}
	var out []span
	for i, st := range stems {
		if st != "" && m.terms[st] {
			out = append(out, words[i])
		}
	}
	for _, p := range m.phrases {
		for i := 0; i+len(p) <= len(words); i++ {
			ok := true
			for k, ts := range p {
				if len(ts) > 0 && !slices.Contains(ts, stems[i+k]) {
					ok = false
					break
				}
			}
			// A stop word's place holds a stop word (phrase.go).
			for k, ts := range p {
				if ok && len(ts) == 0 {
					w := words[i+k]
					ok = stemWord(body[w.start:w.end]) == ""
				}
			}
			if !ok {
				continue
			}
			for k, ts := range p {
				if len(ts) > 0 {
					out = append(out, words[i+k])
				}
			}
		}
	}
	return out
}
