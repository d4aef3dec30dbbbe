package engine

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Common pairs. A body keeps no term positions (phrase.go), so a phrase is
// found as the documents that have all its words and then checked against
// their text. That costs in proportion to the documents holding all the
// words, which is small when any word of the phrase is rare and large only
// when all of them are common ("prime minister", "said it would"). So the
// body has a second field, the pair field, that indexes two terms a place
// or two apart as one term ("prime minist", "bank  england" with a space
// for each place), but only where both terms are common: on the list in
// common_terms.txt, the terms in at least one news article in fifty. A
// phrase of two common terms is then exactly the documents with its pair,
// read from the postings without any text; a phrase of three common terms
// is decided from pair and word counts where they can tell (phraseChain);
// a phrase with a rarer word is checked against the text of the few
// documents that have all its words. (Lucene's common grams pair a common
// word with any neighbour, because its phrase cost grows with the commonest
// word's positions; here it grows with the rarest word's documents, so a
// pair with a rare word would buy nothing.) Only common pairs keeps the
// field to a fraction of all pairs: their distinct terms are bounded by the
// list's square, and no rare pair gets a postings list of its own.
//
// Two places apart, a pair is made only across a stop word (the pair of
// "bank" and "england" in "Bank of England"), as a phrase's stop word holds a place
// only a stop word fills (phrase.go). So a document holds a phrase's pair
// wherever it holds the phrase. Pairs across any word, which an earlier
// list made, were more than half the field's postings, a tenth of the
// index, and served only to narrow phrases of three common words.

//go:generate go run commonterms_gen.go

//go:embed common_terms.txt
var commonTermsFile string

// commonTerms are the terms of common_terms.txt.
var commonTerms = func() map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(commonTermsFile, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out[line] = true
		}
	}
	return out
}()

// pairAnalyzerName names the pair field's analyzer and, with it, the list
// of common terms: a new list needs a new name (TestCommonTermsListed), so
// that an index built with another list is searched without pairs (its
// phrases checked against the text) until it is rebuilt.
// The name's number also stands for which pairs are made: 2 is pairs two
// apart only across a stop word.
const pairAnalyzerName = "cuttings_pairs_2"

// olderPairAnalyzer names the pairs of an index from before mapping v12,
// two apart across any word. Bleve opens an index only with every analyzer
// its mapping names, and a server keeps serving (and adding to) its index
// until a reindex replaces it, so the older analyzer stays registered,
// making the pairs it made. Searches do not use them (hasPairs).
const olderPairAnalyzer = "cuttings_pairs_1"

// The pair fields of the title and the body: indexed, never stored.
const (
	fieldTitlePairs = "title_pairs"
	fieldBodyPairs  = "body_pairs"
)

// pairFields maps a text field to its pair field.
var pairFields = map[string]string{fieldTitle: fieldTitlePairs, fieldBody: fieldBodyPairs}

// maxPairApart is how many places apart a pair's terms may be.
const maxPairApart = 2

func init() {
	for name, acrossWords := range map[string]bool{pairAnalyzerName: false, olderPairAnalyzer: true} {
		if err := registry.RegisterAnalyzer(name, func(config map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
			// The words analyzer of the title and the body, whose
			// analysis of the same text the pairs take (twice.go).
			words, err := cache.AnalyzerNamed(wordsAnalyzerName)
			if err != nil {
				return nil, err
			}
			return pairAnalyzer{words: words, acrossWords: acrossWords}, nil
		}); err != nil {
			panic(fmt.Sprintf("register %s: %v", name, err))
		}
	}
}

// pairAnalyzer makes the common pairs of the terms words makes; with
// acrossWords, also two apart across a word (olderPairAnalyzer).
type pairAnalyzer struct {
	words       analysis.Analyzer
	acrossWords bool
}

func (a pairAnalyzer) Analyze(text []byte) analysis.TokenStream {
	return pairTokens(a.words.Analyze(text), a.acrossWords)
}

// pairTokens returns a token for each two common terms next to each other
// or with one stop word between (or, acrossWords, any word), at the first
// one's position.
func pairTokens(in analysis.TokenStream, acrossWords bool) analysis.TokenStream {
	var out analysis.TokenStream
	for i, a := range in {
		if !commonTerms[string(a.Term)] {
			continue
		}
		for _, b := range in[i+1:] {
			apart := b.Position - a.Position
			if apart > maxPairApart {
				break
			}
			if apart < 1 || !commonTerms[string(b.Term)] {
				continue
			}
			if apart > 1 && b != in[i+1] && !acrossWords {
				// Another term between: no pair (stop words leave
				// no token).
				continue
			}
			out = append(out, &analysis.Token{
				Term:     []byte(pairTerm(string(a.Term), apart, string(b.Term))),
				Position: a.Position, Start: a.Start, End: b.End, Type: analysis.AlphaNumeric,
			})
		}
	}
	return out
}

// pairTerm is the term of two terms apart places apart: a space for each
// place. No term the English analyzer makes holds a space, so a pair is
// never taken for a word.
func pairTerm(a string, apart int, b string) string {
	return a + strings.Repeat(" ", apart) + b
}

// hasPairs reports whether an index with mapping m has the pair fields
// with this program's list of common terms.
func hasPairs(m mapping.IndexMapping) bool {
	return m != nil && m.AnalyzerNameForPath(fieldBodyPairs) == pairAnalyzerName &&
		m.AnalyzerNameForPath(fieldTitlePairs) == pairAnalyzerName
}

// wholePair returns the pair term that is the whole of phrase (phraseTerms'
// form) in field, when the index with mapping m has it: two common terms
// one or two places apart. "" when there is none.
func wholePair(m mapping.IndexMapping, field string, phrase [][]string) string {
	if _, ok := pairFields[field]; !ok || !hasPairs(m) {
		return ""
	}
	if plan := planPairs(phrase, nil); plan.whole {
		return plan.needs[0]
	}
	return ""
}

// phrasePair is one pair term a document must have to hold a phrase.
type phrasePair struct {
	term     string
	from, to int // the positions of its terms in the phrase
}

// phrasePairs returns the pairs a document must have to hold phrase
// (phraseTerms' form): one for each two of its terms that are common and
// next to each other or with a stop word's place between.
func phrasePairs(phrase [][]string) []phrasePair {
	var out []phrasePair
	for i, a := range phrase {
		if len(a) != 1 || !commonTerms[a[0]] {
			continue
		}
		for j := i + 1; j < len(phrase) && j-i <= maxPairApart; j++ {
			if j > i+1 && len(phrase[i+1]) > 0 {
				break // a term between: no pair
			}
			if b := phrase[j]; len(b) == 1 && commonTerms[b[0]] {
				out = append(out, phrasePair{pairTerm(a[0], j-i, b[0]), i, j})
			}
		}
	}
	return out
}

// phraseTermCount is how many places of phrase hold a term.
func phraseTermCount(phrase [][]string) int {
	n := 0
	for _, ts := range phrase {
		if len(ts) > 0 {
			n++
		}
	}
	return n
}

// pairPlan is what the pair field tells of one phrase.
type pairPlan struct {
	// needs are the pair terms a document must have to hold the phrase.
	needs []string
	// covered: every term of the phrase is in one of needs, so a document
	// with them has all its words.
	covered bool
	// whole: the phrase is two terms, and its one pair is the phrase:
	// every document with it holds the phrase, so the phrase is searched
	// as that one term (wholePair).
	whole bool
	// chain, for a phrase of three terms with two pairs, says how their
	// counts may decide it.
	chain *phraseChain
}

// A phrase of three terms, a b c, is in a document that has its pairs
// "a b" and "b c" more often, together, than it has b: each "a b" ends at
// an occurrence of b and each "b c" starts at one, a different one for
// each, so when there are more of them than of b, one b is both and the
// phrase is there. Counted from the postings, that decides most documents
// of a common phrase ("chief executive officer") without their text; the
// others are checked against it.

// phraseChain is a phrase of three terms in two pairs: the pairs, and which
// of the phrase's words is the middle one.
type phraseChain struct {
	first, second string
	mid           int
}

// planPairs returns what the pairs tell of phrase (phraseTerms' form), whose
// distinct terms are words.
func planPairs(phrase [][]string, words []string) pairPlan {
	pairs := phrasePairs(phrase)
	var plan pairPlan
	in := map[int]bool{}
	for _, p := range pairs {
		plan.needs = append(plan.needs, p.term)
		in[p.from], in[p.to] = true, true
	}
	terms := phraseTermCount(phrase)
	plan.covered = len(pairs) > 0 && len(in) == terms
	last := len(phrase) - 1
	switch {
	case terms == 2 && len(pairs) == 1 && pairs[0].from == 0 && pairs[0].to == last:
		plan.whole = true
	case terms == 3 && plan.covered:
		// The two pairs that share the middle term.
		for _, p := range pairs {
			for _, q := range pairs {
				if p.from == 0 && p.to == q.from && q.to == last {
					if mid := slices.Index(words, phrase[p.to][0]); mid >= 0 {
						plan.chain = &phraseChain{first: p.term, second: q.term, mid: mid}
					}
				}
			}
		}
	}
	return plan
}

// decidedDocs are documents of a segment that hold a phrase, with the
// frequency of each of its words and the field's norm.
type decidedDocs struct {
	docs  []uint32
	freqs [][]uint64
	norms []float64
}

// decide sorts the candidates of one segment (documents with all the
// phrase's pairs) of a phrase of three terms (plan.chain) into those the
// counts show to hold the phrase and those left to check in the text, each
// with their words' frequencies and the field's norm, which the counts
// read.
//
// body, when not nil, gives each document's body key (bodykeys.go): a copy
// with the same text as a candidate before it takes that one's counts and
// outcome, without its own read.
func (s *phraseSearcher) decide(seg segment.Segment, cands *roaring.Bitmap, body func(doc uint32) uint64) (decided, rest decidedDocs, err error) {
	words, err := freqReaders(seg, s.q.field, s.words, true)
	if err != nil {
		return decided, rest, err
	}
	c := s.pairs.chain
	pairs, err := freqReaders(seg, fieldBodyPairs, []string{c.first, c.second}, false)
	if err != nil {
		return decided, rest, err
	}
	first, second := pairs[0], pairs[1]
	// The frequencies, in one array.
	all := make([]uint64, len(s.words)*int(cands.GetCardinality()))
	type outcome struct {
		held bool
		fs   []uint64
		norm float64
	}
	var seen map[uint64]outcome
	if body != nil {
		seen = map[uint64]outcome{}
	}
	it := cands.Iterator()
	for at := 0; it.HasNext(); at += len(s.words) {
		doc := it.Next()
		var key uint64
		if body != nil {
			key = body(doc)
		}
		if o, ok := seen[key]; ok && key != 0 {
			to := &decided
			if !o.held {
				to = &rest
			}
			to.docs = append(to.docs, doc)
			to.freqs = append(to.freqs, o.fs)
			to.norms = append(to.norms, o.norm)
			continue
		}
		fs := all[at : at+len(s.words) : at+len(s.words)]
		for k, r := range words {
			if fs[k], err = r.freq(doc); err != nil {
				return decided, rest, err
			}
		}
		f1, err := first.freq(doc)
		if err != nil {
			return decided, rest, err
		}
		f2, err := second.freq(doc)
		if err != nil {
			return decided, rest, err
		}
		held := f1+f2 > fs[c.mid]
		to := &decided
		if !held {
			to = &rest
		}
		to.docs = append(to.docs, doc)
		to.freqs = append(to.freqs, fs)
		// The field's norm is the document's, whichever word's
		// posting gives it.
		to.norms = append(to.norms, words[0].norm)
		if key != 0 {
			seen[key] = outcome{held: held, fs: fs, norm: words[0].norm}
		}
	}
	return decided, rest, nil
}

// appendHeld appends the documents to out as held documents, numbered in
// the snapshot from base.
func (d decidedDocs) appendHeld(out []held, base uint64) []held {
	out = slices.Grow(out, len(d.docs))
	for k, doc := range d.docs {
		out = append(out, held{num: base + uint64(doc), freq: d.freqs[k], norm: d.norms[k]})
	}
	return out
}

// freqReader reads a term's frequency in documents of a segment, taken in
// increasing order, and with norms, the field's norm in the last one read.
type freqReader struct {
	term string
	// fast reads the list's chunks directly (chunkfreqs.go); nil where
	// it cannot, and it, zap's iterator, is used.
	fast *chunkFreqs
	it   segment.PostingsIterator
	norm float64
}

func freqReaders(seg segment.Segment, field string, terms []string, norms bool) ([]*freqReader, error) {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return nil, err
	}
	out := make([]*freqReader, len(terms))
	for k, t := range terms {
		// No deleted documents left out: the postings then skip straight
		// to a document instead of stepping past the deleted ones.
		pl, err := dict.PostingsList([]byte(t), nil, nil)
		if err != nil {
			return nil, err
		}
		out[k] = &freqReader{term: t}
		if out[k].fast = newChunkFreqs(seg, pl); out[k].fast == nil {
			out[k].it = pl.Iterator(true, norms, false, nil)
		}
	}
	return out, nil
}

func (r *freqReader) freq(doc uint32) (uint64, error) {
	if r.fast != nil {
		f, norm, found, err := r.fast.freq(doc)
		if err != nil {
			return 0, fmt.Errorf("postings of %q: %w", r.term, err)
		}
		if !found {
			return 0, fmt.Errorf("document %d has no posting of %q", doc, r.term)
		}
		r.norm = norm
		return f, nil
	}
	p, err := r.it.Advance(uint64(doc))
	if err != nil {
		return 0, err
	}
	if p == nil || p.Number() != uint64(doc) {
		return 0, fmt.Errorf("document %d has no posting of %q", doc, r.term)
	}
	r.norm = p.Norm()
	return p.Frequency(), nil
}
