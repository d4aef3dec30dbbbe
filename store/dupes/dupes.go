// Package dupes finds wire copies: the same story run again, cut, extended,
// corrected or given a new headline, whether by the agency that sent it or
// by the newsrooms that ran it. Each article's body becomes a small
// Signature: a sample of its five-word phrases and of the numbers it
// states. A pair is the same story when most of the shorter article's
// phrases are in the longer one (containment, so a copy cut to its first
// paragraphs still counts) and the shorter one's numbers are there too (so
// two reports poured into one template, a dividend or a weekly table, are
// not). A Detector groups articles as they arrive: each joins the group of
// the earlier article it matches best, or starts one of its own. The
// package only detects; the store persists signatures and groups, and the
// archive decides what to show ("also in 3 sources").
package dupes

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tuning, measured on labelled Reuters pairs and on the written wire
// stories (DUPES.md, TestReutersPairs, TestPrecisionRecall).
const (
	// Shingle is the words in a phrase: long enough that two different
	// stories on one subject share few, short enough that an edited word
	// spoils only a few.
	Shingle = 5
	// SampleSize is how many phrase hashes a signature keeps: the smallest
	// ones (a bottom-k sample), so that any two signatures sample the same
	// phrases. An article of up to SampleSize phrases is kept whole.
	SampleSize = 64
	// NumberSize is how many number hashes a signature keeps, the same way.
	NumberSize = 16
	// MinPhrases is the fewest phrases an article needs to be grouped by
	// the threshold: below it a one-line dividend or listing notice differs
	// from the next company's only by a name or a date.
	MinPhrases = 24
	// BriefPhrases is the fewest phrases a brief needs to be grouped at
	// all, and then only with a near-identical copy (BriefThreshold).
	BriefPhrases = 12
	// BriefThreshold is the containment a brief needs: it is sent again,
	// not edited.
	BriefThreshold = 0.9
	// DefaultThreshold is the containment from which two articles are the
	// same story.
	DefaultThreshold = 0.3
	// DefaultNumbers is the share of the shorter article's numbers that
	// the longer must state too.
	DefaultNumbers = 0.8
	// DefaultNames is the share of the shorter article's names that the
	// longer must name too.
	DefaultNames = 0.8
)

// Signature is what the detector keeps of an article's body.
type Signature struct {
	Phrases int      // distinct phrases in the body
	Sample  []uint32 // the smallest phrase hashes, ascending, at most SampleSize
	Numbers int      // distinct numbers in the body
	Numeric []uint32 // the smallest number hashes, ascending, at most NumberSize
	Names   int      // distinct capitalised words in the body
	Named   []uint32 // the smallest name hashes, ascending, at most NumberSize
}

// Sign returns the signature of a body. Words are compared in lower case,
// letters and digits only, so punctuation, curly or straight quotes and
// line breaks do not matter. Numbers are the body's figures ("1.5",
// "6-1/4", "2,554") and the number words one to twelve, as digits.
func Sign(body string) Signature {
	var sig Signature
	phrases := phraseHashes(body)
	sig.Phrases, sig.Sample = bottom(phrases, SampleSize)
	sig.Numbers, sig.Numeric = bottom(numberHashes(body), NumberSize)
	sig.Names, sig.Named = bottom(nameHashes(body), NumberSize)
	return sig
}

// bottom sorts hs, drops repeats and returns how many distinct values
// there are and the k smallest, in a slice of their own.
func bottom(hs []uint32, k int) (int, []uint32) {
	slices.Sort(hs)
	hs = slices.Compact(hs)
	if len(hs) == 0 {
		return 0, nil
	}
	return len(hs), slices.Clone(hs[:min(k, len(hs))])
}

// phraseHashes hashes every run of Shingle consecutive words.
func phraseHashes(body string) []uint32 {
	var (
		window [Shingle]uint64
		n      int
		out    = make([]uint32, 0, len(body)/6)
	)
	words(body, func(w uint64) {
		window[n%Shingle] = w
		n++
		if n < Shingle {
			return
		}
		h := uint64(0x243f6a8885a308d3)
		for i := n - Shingle; i < n; i++ {
			h = (h ^ window[i%Shingle]) * 0x100000001b3
			h ^= h >> 29
		}
		out = append(out, uint32(mix(h)>>32))
	})
	return out
}

// words calls emit with the hash of each word of s: a run of letters and
// digits, in lower case.
func words(s string, emit func(uint64)) {
	const offset, prime = 0xcbf29ce484222325, 0x100000001b3
	h, in := uint64(offset), false
	for i := 0; i < len(s); {
		c := rune(s[i])
		size := 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			c = unicode.ToLower(c)
		default:
			if in {
				emit(h)
				h, in = offset, false
			}
			continue
		}
		in = true
		h = (h ^ uint64(c)) * prime
	}
	if in {
		emit(h)
	}
}

// numberWords are the numbers a wire story spells out, as the digits a
// copy may use instead.
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}

// numberHashes hashes every figure in s: digits joined by single '.', ',',
// '/' or '-' between digits ("2,554.41", "6-1/4"), not part of a word
// ("G7" is a name), and the number words, as digits.
func numberHashes(s string) []uint32 {
	var out []uint32
	wordStart := -1
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		letter := 'a' <= c|0x20 && c|0x20 <= 'z'
		if letter {
			if wordStart < 0 {
				wordStart = i
			}
			continue
		}
		if wordStart >= 0 {
			if w := s[wordStart:i]; len(w) >= 3 && len(w) <= 6 {
				var lower [6]byte
				for k := 0; k < len(w); k++ {
					lower[k] = w[k] | 0x20
				}
				// Indexing with string(bytes) does not allocate.
				if d, ok := numberWords[string(lower[:len(w)])]; ok {
					out = append(out, hashString(d))
				}
			}
			wordStart = -1
		}
		if !isDigit(c) {
			continue
		}
		if i > 0 && 'a' <= s[i-1]|0x20 && s[i-1]|0x20 <= 'z' {
			for i+1 < len(s) && isDigit(s[i+1]) {
				i++ // digits in a word ("G7", "B2B") are part of a name
			}
			continue
		}
		j := i
		for j < len(s) && (isDigit(s[j]) || j+1 < len(s) && isDigit(s[j+1]) && isDigit(s[j-1]) && strings.IndexByte(".,/-:", s[j]) >= 0) {
			j++
		}
		// A figure glued to letters ("3rd", "10-K") is a word; a clock
		// time ("11:01") says when a table was sent, not what it holds.
		if (j == len(s) || !('a' <= s[j]|0x20 && s[j]|0x20 <= 'z')) && !isClock(s[i:j]) {
			out = append(out, hashString(s[i:j]))
		}
		i = j - 1
	}
	return out
}

// nameHashes hashes, in lower case, every capitalised word of s that
// does not start a sentence (a capital then at least one small letter,
// so that a table in capitals names nothing). A body written in lower
// case, where hardly a word has a capital, names nothing either: its
// names cannot be told.
func nameHashes(s string) []uint32 {
	var out []uint32
	start, opening := -1, true
	words, capitals := 0, 0
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		if 'a' <= c|0x20 && c|0x20 <= 'z' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := s[start:i]
			words++
			if 'A' <= w[0] && w[0] <= 'Z' {
				capitals++
			}
			if !opening && len(w) >= 2 && 'A' <= w[0] && w[0] <= 'Z' && 'a' <= w[1] && w[1] <= 'z' {
				out = append(out, hashLower(w))
			}
			start, opening = -1, false
		}
		switch c {
		case '.', '!', '?', '\n', ':', '"':
			// The next word opens a sentence (or a quotation, or a
			// paragraph): its capital says nothing.
			opening = true
		}
	}
	if capitals*lowerCase < words {
		return nil
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isClock reports whether a figure is a time of day, "9:40" or "11:01".
func isClock(f string) bool {
	h, m, ok := strings.Cut(f, ":")
	return ok && len(h) <= 2 && len(m) == 2 && !strings.ContainsAny(m, ".,/-:")
}

// hashLower is hashString of an ASCII word in lower case.
func hashLower(w string) uint32 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i]|0x20)) * 0x100000001b3
	}
	return uint32(mix(h) >> 32)
}

func hashString(s string) uint32 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 0x100000001b3
	}
	return uint32(mix(h) >> 32)
}

// mix is a 64-bit finaliser (from SplitMix64): FNV's low bits are weak,
// and a bottom-k sample needs the values spread evenly.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// Containment estimates the share of the shorter article's phrases that
// are in the longer one. An article kept whole in its sample is compared
// exactly; otherwise only the phrases whose hashes both samples cover
// count (below the larger sample's largest value).
func Containment(a, b Signature) float64 {
	if a.Phrases > b.Phrases {
		a, b = b, a
	}
	return contained(a.Sample, a.Phrases, b.Sample, b.Phrases)
}

// NumbersAgree estimates the share of the shorter article's numbers (the
// one with fewer phrases) that the longer states too; 1 when the shorter
// states none.
func NumbersAgree(a, b Signature) float64 {
	if a.Phrases > b.Phrases {
		a, b = b, a
	}
	if a.Numbers == 0 {
		return 1
	}
	return contained(a.Numeric, a.Numbers, b.Numeric, b.Numbers)
}

// NamesAgree estimates the share of the shorter article's names (its
// capitalised words) that the longer names too; 1 when either names
// nothing (or is written in lower case) and cannot be checked.
func NamesAgree(a, b Signature) float64 {
	if a.Phrases > b.Phrases {
		a, b = b, a
	}
	if a.Names == 0 || b.Names == 0 {
		return 1
	}
	return contained(a.Named, a.Names, b.Named, b.Names)
}

// lowerCase is how many words per capital mark a body as written in lower
// case: news prose has a capital every eight words or so.
const lowerCase = 40

// contained estimates |A∩B|/|A| from bottom-k samples of A (of n distinct
// values) and B (of m). Past the largest value of a truncated sample,
// membership cannot be told, so only A's values up to the smaller such
// bound count.
func contained(a []uint32, n int, b []uint32, m int) float64 {
	bound := uint32(math.MaxUint32)
	if len(a) < n {
		bound = a[len(a)-1]
	}
	if len(b) < m {
		bound = min(bound, b[len(b)-1])
	}
	seen, shared := 0, 0
	j := 0
	for _, x := range a {
		if x > bound {
			break
		}
		seen++
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			shared++
		}
	}
	if seen == 0 {
		return 0
	}
	return float64(shared) / float64(seen)
}

// Rule decides whether two signatures are the same story.
type Rule struct {
	// Threshold is the containment from which two articles can be the same
	// story; 0 is DefaultThreshold.
	Threshold float64
	// Numbers is the share of the shorter article's numbers the longer
	// must state; 0 is DefaultNumbers, negative turns the check off.
	Numbers float64
	// MinPhrases is the fewest phrases an article needs to be grouped; 0
	// is MinPhrases.
	MinPhrases int
	// Names is the share of the shorter article's names the longer must
	// name; 0 is DefaultNames, negative turns the check off.
	Names float64
}

func (r Rule) withDefaults() Rule {
	if r.Threshold <= 0 {
		r.Threshold = DefaultThreshold
	}
	if r.Numbers == 0 {
		r.Numbers = DefaultNumbers
	}
	if r.MinPhrases <= 0 {
		r.MinPhrases = MinPhrases
	}
	if r.Names == 0 {
		r.Names = DefaultNames
	}
	return r
}

// Same reports whether a and b are the same story, and the containment
// that says how close.
func (r Rule) Same(a, b Signature) (bool, float64) {
	r = r.withDefaults()
	shorter := min(a.Phrases, b.Phrases)
	if shorter < BriefPhrases {
		return false, 0
	}
	// Figures and names first: their samples are small, and they turn
	// away the templates that share most phrases.
	if r.Numbers > 0 && NumbersAgree(a, b) < r.Numbers {
		return false, 0
	}
	if r.Names > 0 && NamesAgree(a, b) < r.Names {
		return false, 0
	}
	c := Containment(a, b)
	if c < r.Threshold || shorter < r.MinPhrases && c < BriefThreshold {
		return false, c
	}
	return true, c
}

// signatureVersion is the first byte of a marshalled signature, so that a
// store written by a later format is refused rather than misread.
const signatureVersion = 1

// MarshalBinary encodes a signature for the store: a version byte, the two
// counts and the two samples as varints, the samples delta-coded (about
// 3.5 bytes a hash for a typical article).
func (s Signature) MarshalBinary() ([]byte, error) {
	out := make([]byte, 0, 1+6*binary.MaxVarintLen32+4*(len(s.Sample)+len(s.Numeric)+len(s.Named)))
	out = append(out, signatureVersion)
	out = binary.AppendUvarint(out, uint64(s.Phrases))
	out = binary.AppendUvarint(out, uint64(s.Numbers))
	out = binary.AppendUvarint(out, uint64(s.Names))
	for _, sample := range [][]uint32{s.Sample, s.Numeric, s.Named} {
		out = binary.AppendUvarint(out, uint64(len(sample)))
		prev := uint32(0)
		for _, x := range sample {
			out = binary.AppendUvarint(out, uint64(x-prev))
			prev = x
		}
	}
	return out, nil
}

// ErrSignature is returned for bytes that are not a signature this
// package wrote.
var ErrSignature = errors.New("not a signature")

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || b[0] != signatureVersion {
		return fmt.Errorf("%w: version %v", ErrSignature, b[:min(1, len(b))])
	}
	b = b[1:]
	next := func() (uint64, error) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, fmt.Errorf("%w: truncated", ErrSignature)
		}
		b = b[n:]
		return v, nil
	}
	var counts [3]uint64
	for i := range counts {
		v, err := next()
		if err != nil {
			return err
		}
		counts[i] = v
	}
	var samples [3][]uint32
	for i, limit := range []int{SampleSize, NumberSize, NumberSize} {
		n, err := next()
		if err != nil {
			return err
		}
		if n > uint64(limit) || n > counts[i] {
			return fmt.Errorf("%w: sample of %d", ErrSignature, n)
		}
		sample := make([]uint32, n)
		prev := uint64(0)
		for j := range sample {
			d, err := next()
			if err != nil {
				return err
			}
			prev += d
			if prev > math.MaxUint32 {
				return fmt.Errorf("%w: hash out of range", ErrSignature)
			}
			sample[j] = uint32(prev)
		}
		samples[i] = sample
	}
	if len(b) != 0 {
		return fmt.Errorf("%w: %d bytes left over", ErrSignature, len(b))
	}
	*s = Signature{Phrases: int(counts[0]), Numbers: int(counts[1]), Names: int(counts[2]),
		Sample: samples[0], Numeric: samples[1], Named: samples[2]}
	return nil
}
