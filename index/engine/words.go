package engine

import (
	"fmt"
	"hash/maphash"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// Bleve's English analyzer (en) splits text into words by Unicode's word
// boundaries (UAX #29, in a general state machine), then drops the
// possessive 's, lowercases, drops stop words and stems each word with
// Porter's stemmer, allocating the stem afresh for every word. While an
// archive is indexed that was a seventh of the CPU: the splitting and the
// stemming most of it.
//
// englishWords makes the same terms, faster. Its splitter knows the
// characters news is written in (ASCII, Latin letters with accents, curly
// quotation marks, dashes, a few currency signs) and applies the word
// boundary rules those characters meet; a text holding any other
// character goes to Bleve's analyzer whole. The possessive, lowercase and
// stop filters are Bleve's own. Stems are remembered, as a news archive
// uses the same few hundred thousand words again and again.
//
// The terms must be Bleve's to the byte: an index built by either is
// searched with the other. TestEnglishWordsAgree compares the two on
// written articles and on random text of the characters the splitter
// knows and those beside them.

// wordClass is a character's part in UAX #29's word boundary rules, for
// the characters the splitter knows.
type wordClass uint8

const (
	classOther     wordClass = iota // breaks on both sides (space, punctuation, symbols)
	classLetter                     // ALetter
	classDigit                      // Numeric
	classJoiner                     // ExtendNumLet: the underscore
	classMidLetter                  // MidLetter: between two letters (':', '·')
	classMidNumLet                  // MidNumLet or Single_Quote: between two letters or two digits ('.', '\'', '‘', '’')
	classMidNum                     // MidNum: between two digits (',', ';')
	classUnknown                    // a character the splitter does not know
)

// asciiClasses holds the class of each ASCII character.
var asciiClasses = func() (c [128]wordClass) {
	for b := 'a'; b <= 'z'; b++ {
		c[b] = classLetter
		c[b-'a'+'A'] = classLetter
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = classDigit
	}
	c['_'] = classJoiner
	c[':'] = classMidLetter
	c['.'] = classMidNumLet
	c['\''] = classMidNumLet
	c[','] = classMidNum
	c[';'] = classMidNum
	return c
}()

// classOf returns the class of the character at text[i] and its length.
func classOf(text []byte, i int) (wordClass, int) {
	if b := text[i]; b < utf8.RuneSelf {
		return asciiClasses[b], 1
	}
	r, size := utf8.DecodeRune(text[i:])
	switch {
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7:
		// Latin-1 Supplement, Latin Extended-A and -B: all letters.
		return classLetter, size
	case r == '\u2018' || r == '\u2019':
		return classMidNumLet, size
	case r == '\u00B7':
		return classMidLetter, size
	case r == '\u00A0', r == '\u00A3', r == '\u00A9', r == '\u00AB', r == '\u00B0', r == '\u00BB',
		r == '\u2013', r == '\u2014', r == '\u201C', r == '\u201D', r == '\u2022', r == '\u2026', r == '\u20AC':
		// No-break space, pound, copyright, guillemets, degree, dashes,
		// double quotation marks, bullet, ellipsis, euro.
		return classOther, size
	}
	return classUnknown, size
}

// splitWords appends to tokens the words of text as Bleve's unicode
// tokenizer finds them (terms sharing text's bytes, positions from 1), or
// reports false if text holds a character the splitter does not know.
func splitWords(text []byte, tokens []analysis.Token) ([]analysis.Token, bool) {
	inWord := func(c wordClass) bool { return c == classLetter || c == classDigit || c == classJoiner }
	pos := 1
	for i := 0; i < len(text); {
		c, size := classOf(text, i)
		if c == classUnknown {
			return tokens, false
		}
		if !inWord(c) {
			i += size
			continue
		}
		start := i
		letters, digits := c == classLetter, c == classDigit
		last := c
		i += size
		for i < len(text) {
			c, size = classOf(text, i)
			if c == classUnknown {
				return tokens, false
			}
			if inWord(c) {
				// WB5, WB8-10, WB13a-b: letters, digits and the
				// underscore join one another.
				letters = letters || c == classLetter
				digits = digits || c == classDigit
				last = c
				i += size
				continue
			}
			if i+size >= len(text) {
				break
			}
			next, nextSize := classOf(text, i+size)
			if next == classUnknown {
				return tokens, false
			}
			// WB6-7: a letter, a middle mark, a letter. WB11-12: a digit, a
			// middle mark, a digit. Only the letter or digit right before
			// counts: after an underscore the mark breaks.
			if last == classLetter && next == classLetter && (c == classMidLetter || c == classMidNumLet) ||
				last == classDigit && next == classDigit && (c == classMidNum || c == classMidNumLet) {
				i += size + nextSize
				continue
			}
			break
		}
		typ := analysis.AlphaNumeric
		if !letters && digits {
			typ = analysis.Numeric
		}
		tokens = append(tokens, analysis.Token{Term: text[start:i], Start: start, End: i, Position: pos, Type: typ})
		pos++
	}
	return tokens, true
}

// englishWords is Bleve's en analyzer, faster (see above).
type englishWords struct {
	slow                     analysis.Analyzer
	possessive, lower, stops analysis.TokenFilter
	stems                    *stemCache
}

func newEnglishWords(cache *registry.Cache) (*englishWords, error) {
	slow, err := cache.AnalyzerNamed(en.AnalyzerName)
	if err != nil {
		return nil, err
	}
	w := &englishWords{slow: slow, stems: newStemCache()}
	for _, f := range []struct {
		name string
		to   *analysis.TokenFilter
	}{{en.PossessiveName, &w.possessive}, {lowercase.Name, &w.lower}, {en.StopName, &w.stops}} {
		if *f.to, err = cache.TokenFilterNamed(f.name); err != nil {
			return nil, fmt.Errorf("english words: filter %s: %w", f.name, err)
		}
	}
	return w, nil
}

// Analyze returns text's terms. Like Bleve's analyzer, it lowercases text
// in place.
func (w *englishWords) Analyze(text []byte) analysis.TokenStream {
	backing, ok := splitWords(text, make([]analysis.Token, 0, len(text)/6+1))
	if !ok {
		return w.slow.Analyze(text)
	}
	tokens := make(analysis.TokenStream, len(backing))
	for i := range backing {
		tokens[i] = &backing[i]
	}
	tokens = w.possessive.Filter(tokens)
	tokens = w.lower.Filter(tokens)
	tokens = w.stops.Filter(tokens)
	for _, t := range tokens {
		t.Term = w.stems.stem(t.Term)
	}
	return tokens
}

// stemCache remembers Porter stems of lowercase words, in a table of
// stemCacheSlots slots indexed by the word's hash; a word whose slot
// holds another word is stemmed and takes the slot. Analysis workers read
// it at once without locks (a slot is swapped whole), and common words,
// asked for most, hold their slots. The stems it hands out are shared: the
// terms of an analysis are only read after it.
type stemCache struct {
	seed  maphash.Seed
	slots [stemCacheSlots]atomic.Pointer[stemmed]
}

type stemmed struct {
	word string
	stem []byte
}

// stemCacheSlots slots (about 4 MB when full); words longer than
// stemCacheLen bytes are stemmed and not kept: rare words, numbers and
// codes would push out the common ones.
const (
	stemCacheSlots = 1 << 16
	stemCacheLen   = 20
)

func newStemCache() *stemCache { return &stemCache{seed: maphash.MakeSeed()} }

func (c *stemCache) stem(word []byte) []byte {
	if len(word) > stemCacheLen {
		return porterStem(word)
	}
	slot := &c.slots[maphash.Bytes(c.seed, word)%stemCacheSlots]
	if e := slot.Load(); e != nil && e.word == string(word) {
		return e.stem
	}
	s := porterStem(word)
	slot.Store(&stemmed{word: string(word), stem: s})
	return s
}

// porterStem stems one lowercase word as Bleve's porter filter does.
func porterStem(word []byte) []byte {
	return analysis.BuildTermFromRunes(porterstemmer.StemWithoutLowerCasing([]rune(string(word))))
}
