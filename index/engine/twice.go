package engine

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// An article's title and body are each analysed twice while it is
// indexed: once for their own field and once for their pair field
// (pairs.go), which makes its pairs out of the same English terms. The
// words analyzer of the title and the body remembers its last few results
// so that the second analysis of a text takes the first one's tokens
// instead of tokenizing and stemming it again. Both fields of a document
// are analysed one after the other by the same worker, in either order
// (Bleve walks the document's fields from a map), so a handful of
// results, taken back once used, is all the memory that needs.
//
// The tokens are shared by the two fields: Bleve's field analysis and
// pairTokens only read them.

// wordsAnalyzerName names the analyzer of the title and the body: Bleve's
// English analyzer's terms, made faster (englishWords, words.go),
// remembering (memoAnalyzer). It makes the same terms, so an index whose
// mapping names en.AnalyzerName there is read alike.
const wordsAnalyzerName = "cuttings_en"

// memoSize is how many analyses memoAnalyzer remembers: more than the
// documents Bleve's analysis workers hold at once.
const memoSize = 32

func init() {
	if err := registry.RegisterAnalyzer(wordsAnalyzerName, func(config map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
		words, err := newEnglishWords(cache)
		if err != nil {
			return nil, err
		}
		return &memoAnalyzer{words: words, seed: maphash.MakeSeed()}, nil
	}); err != nil {
		panic(fmt.Sprintf("register %s: %v", wordsAnalyzerName, err))
	}
}

// memoAnalyzer is words, remembering the last memoSize texts it analysed
// until each is asked for again.
type memoAnalyzer struct {
	words analysis.Analyzer
	seed  maphash.Seed

	mu   sync.Mutex
	memo [memoSize]memoEntry
	next int // the entry to overwrite when no entry is free

	// reused counts the analyses taken from memory (tests read it).
	reused int
}

type memoEntry struct {
	hash   uint64
	text   []byte // nil when free
	tokens analysis.TokenStream
}

// Analyze returns the tokens of text: those of the same text's last
// analysis if it is remembered (and forgets them, as no third field asks),
// else new ones, which it remembers.
func (m *memoAnalyzer) Analyze(text []byte) analysis.TokenStream {
	h := maphash.Bytes(m.seed, text)
	m.mu.Lock()
	for i := range m.memo {
		e := &m.memo[i]
		if e.text != nil && e.hash == h && bytes.Equal(e.text, text) {
			tokens := e.tokens
			*e = memoEntry{}
			m.reused++
			m.mu.Unlock()
			return tokens
		}
	}
	m.mu.Unlock()
	// The analysis lowercases text in place (Bleve's lowercase filter
	// writes over the bytes its tokens share with it), so what is kept to
	// compare with is a copy taken before.
	key := bytes.Clone(text)
	tokens := m.words.Analyze(text)
	m.mu.Lock()
	slot := -1
	for i := range m.memo {
		if m.memo[i].text == nil {
			slot = i
			break
		}
	}
	if slot < 0 {
		// Full: the oldest entry is one whose second analysis never came
		// (a text analysed once, as a query is).
		slot = m.next
		m.next = (m.next + 1) % memoSize
	}
	m.memo[slot] = memoEntry{hash: h, text: key, tokens: tokens}
	m.mu.Unlock()
	return tokens
}

// plainWords returns the analyzer a memoAnalyzer wraps, or a itself:
// searches analyse their query and the hits' text once, and would only
// push documents' analyses out of the memory.
func plainWords(a analysis.Analyzer) analysis.Analyzer {
	if m, ok := a.(*memoAnalyzer); ok {
		return m.words
	}
	return a
}
