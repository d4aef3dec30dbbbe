// Package dupes finds wire copies: the same agency text run again with
// small edits, cut, extended, corrected or under a new headline. Each
// article's body becomes a small Signature: a sample of its five-word
// phrases, of the figures and names it states and the dates it gives. A
// pair is a copy when most of the shorter article's phrases are in the
// longer one (containment, so a copy cut to its first paragraphs still
// counts), its figures are there too and the names and dates agree (so
// two reports poured into one template, a dividend, a weekly table or the
// same notice for another day, are not). A Detector groups articles as
// they arrive: each joins the group of the earlier article it matches
// best, or starts one of its own. The package only detects; the store
// persists signatures and groups, and the archive decides what to show
// ("also in 3 sources").
package dupes

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
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
	// SampleSize is how many phrase hashes a signature keeps: the
	// smallest ones (a bottom-k sample), so that any two signatures sample
	// the same phrases. An article of up to SampleSize phrases is kept
	// whole.
	SampleSize = 32
	// NumberSize is how many figure and how many name fingerprints a
	// signature keeps, the same way.
	NumberSize = 16
	// DateSize is how many dates (a month and a day) a signature keeps.
	DateSize = 4
	// LeadPhrases is where the lead hashes look: the smallest hash of
	// the first 24 phrases and the smallest of the next 48. A copy cut to
	// its first paragraphs keeps them, when it may keep none of the whole
	// text's smallest hashes; two, so that an edited first sentence does
	// not lose it.
	LeadPhrases = 24
	// MinPhrases is the fewest phrases an article needs to be grouped by
	// the threshold: below it a one-line notice differs from the next
	// company's only by a name or a date.
	MinPhrases = 24
	// BriefPhrases is the fewest phrases a brief needs to be grouped on
	// its words alone, and then only with a near-identical copy
	// (BriefThreshold).
	BriefPhrases = 12
	// BriefThreshold is the containment a brief needs: it is sent again,
	// not edited.
	BriefThreshold = 0.9
	// BriefFigures is how many specific figures (SpecificDigits digits or
	// more, not a year) an article of any length must share, all its
	// figures agreeing, to be grouped below MinPhrases without being near
	// identical: a company's results re-sent with "Revs" for "Sales".
	BriefFigures = 3
	// SpecificDigits is how many digits make a figure specific: 178,919
	// names one company's quarter, 30 cts or 1.5 does not.
	SpecificDigits = 4
	// DefaultThreshold is the containment from which two articles are
	// copies.
	DefaultThreshold = 0.35
	// DefaultNumbers is the share of the shorter article's figures that
	// the longer must state too.
	DefaultNumbers = 0.8
	// DefaultNames is the share of one article's names that the other
	// must name too.
	DefaultNames = 0.7
)

// Signature is what the detector keeps of an article's body.
type Signature struct {
	Phrases int      // distinct phrases in the body
	Sample  []uint32 // the smallest phrase hashes, ascending, at most SampleSize
	Leads   []uint32 // the smallest hash of the first LeadPhrases phrases, and of the 2*LeadPhrases after
	Numbers int      // distinct figures in the body
	Numeric []uint16 // the smallest figure fingerprints, ascending, at most NumberSize; odd for a specific figure
	Names   int      // distinct capitalised words in the body
	Named   []uint16 // the smallest name fingerprints, ascending, at most NumberSize
	Dates   []uint16 // the body's dates as month<<5 | day, ascending, at most DateSize
}

// scratch holds a signer's buffers between calls.
type scratch struct {
	roll    uint64 // the rolling hash of the last Shingle words
	set     []uint32
	heap    []uint32
	phrases []uint32
	figures []uint16
	names   []uint16
	dates   []uint16
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Sign returns the signature of a body. Words are compared in lower case,
// letters and digits only, so punctuation, curly or straight quotes and
// line breaks do not matter. Figures are the body's numbers ("1.5",
// "6-1/4", "2,554", both ends of a range "6-8") and the number words one
// to twelve, as digits; names are capitalised words that do not open a
// sentence; dates are a month's name and a day ("April 7", "7 April").
func Sign(body string) Signature {
	sc := scratchPool.Get().(*scratch)
	sc.phrases, sc.figures, sc.names, sc.dates = sc.phrases[:0], sc.figures[:0], sc.names[:0], sc.dates[:0]
	sc.roll = 0
	scan(body, sc)
	var sig Signature
	// One array for the phrase sample and the leads, one for the figures,
	// names and dates: two allocations a signature.
	var leads [2]uint32
	nl := 0
	if n := len(sc.phrases); n > 0 {
		leads[0], nl = slices.Min(sc.phrases[:min(n, LeadPhrases)]), 1
		if n > LeadPhrases {
			leads[1], nl = slices.Min(sc.phrases[LeadPhrases:min(n, 3*LeadPhrases)]), 2
		}
	}
	var sample []uint32
	sig.Phrases, sample = sc.bottomPhrases(SampleSize)
	if len(sample)+nl > 0 {
		big := make([]uint32, 0, len(sample)+nl)
		big = append(big, sample...)
		sig.Sample = big[:len(sample):len(sample)]
		sig.Leads = append(big[len(sample):], leads[:nl]...)
	}
	var numeric, named, dates []uint16
	sig.Numbers, numeric = bottom16(sc.figures, NumberSize)
	sig.Names, named = bottom16(sc.names, NumberSize)
	_, dates = bottom16(sc.dates, DateSize)
	if n := len(numeric) + len(named) + len(dates); n > 0 {
		small := make([]uint16, 0, n)
		sig.Numeric, small = fill(small, numeric)
		sig.Named, small = fill(small, named)
		sig.Dates, _ = fill(small, dates)
	}
	scratchPool.Put(sc)
	return sig
}

// fill appends vals to buf and returns them as a slice of their own (nil
// when empty), and buf.
func fill(buf, vals []uint16) ([]uint16, []uint16) {
	if len(vals) == 0 {
		return nil, buf
	}
	start := len(buf)
	buf = append(buf, vals...)
	return buf[start:len(buf):len(buf)], buf
}

// bottomPhrases counts the distinct phrase hashes and returns the k
// smallest, ascending (in the scratch: the caller copies them): a hash set
// for the count and a max-heap of the k smallest, so that the phrases need
// no sorting.
func (sc *scratch) bottomPhrases(k int) (int, []uint32) {
	n := len(sc.phrases)
	if n == 0 {
		return 0, nil
	}
	size := 1
	for size < 2*n {
		size <<= 1
	}
	if cap(sc.set) < size {
		sc.set = make([]uint32, size)
	}
	set := sc.set[:size]
	clear(set)
	heap := sc.heap[:0]
	distinct, zero := 0, false
	for _, x := range sc.phrases {
		// The set keeps x+1, so that 0 is empty; x = MaxUint32 wraps to
		// 0 and is counted apart.
		if x == math.MaxUint32 {
			if zero {
				continue
			}
			zero = true
		} else {
			i := int(x) & (size - 1) // phrase hashes are mixed already
			for set[i] != 0 && set[i] != x+1 {
				i = (i + 1) & (size - 1)
			}
			if set[i] != 0 {
				continue
			}
			set[i] = x + 1
		}
		distinct++
		switch {
		case len(heap) < k:
			heap = append(heap, x)
			for i := len(heap) - 1; i > 0; { // sift up
				p := (i - 1) / 2
				if heap[p] >= heap[i] {
					break
				}
				heap[p], heap[i] = heap[i], heap[p]
				i = p
			}
		case x < heap[0]:
			heap[0] = x
			for i := 0; ; { // sift down
				l, big := 2*i+1, i
				if l < len(heap) && heap[l] > heap[big] {
					big = l
				}
				if l+1 < len(heap) && heap[l+1] > heap[big] {
					big = l + 1
				}
				if big == i {
					break
				}
				heap[i], heap[big] = heap[big], heap[i]
				i = big
			}
		}
	}
	sc.heap = heap
	slices.Sort(heap)
	return distinct, heap // the caller copies it out of the scratch
}

// bottom16 sorts hs, drops repeats and returns how many distinct values
// there are and the k smallest (in hs: the caller copies them).
func bottom16(hs []uint16, k int) (int, []uint16) {
	slices.Sort(hs)
	hs = slices.Compact(hs)
	return len(hs), hs[:min(k, len(hs))]
}

// Hashing: FNV-1a over the bytes, finished with a 64-bit mixer
// (SplitMix64's): FNV's low bits are weak, and a bottom-k sample needs the
// values spread evenly.
const (
	fnvOffset = 0xcbf29ce484222325
	fnvPrime  = 0x100000001b3
)

func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// token kinds the scanner tells apart.
const (
	tokWord   = iota // letters and digits
	tokFigure        // a number standing alone ("1.5", "2,554", "6-1/4")
)

// scan reads body once and fills sc: a hash for every phrase of Shingle
// words, in the order of the text, a fingerprint for every figure, name
// and date.
func scan(s string, sc *scratch) {
	var (
		window   [Shingle]uint64
		words    int // words and figures so far
		letters  int // words that start with a letter
		capitals int // of them capitalised
		opening  = true
		// The previous token, for dates: a month before a day or a day
		// before a month.
		prevMonth, prevDay int
	)
	names := sc.names
	for i := 0; i < len(s); {
		c := s[i]
		// Separators: remember whether the next word opens a sentence (or
		// a quotation, or a paragraph).
		switch byteClass[c] {
		case classSep:
			i++
			continue
		case classOpens:
			opening = true
			i++
			continue
		case classHigh:
			if r, size := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				if r == '“' || r == '”' || r == '«' || r == '»' {
					opening = true
				}
				i += size
				continue
			}
		}
		start := i
		kind := tokWord
		if isDigit(c) {
			// A figure: digits joined by single separators between digits.
			j := i + 1
			for j < len(s) && (isDigit(s[j]) || j+1 < len(s) && isDigit(s[j+1]) && isDigit(s[j-1]) && isFigureSep(s[j])) {
				j++
			}
			if j == len(s) || !isWordByte(s, j) {
				kind = tokFigure
				i = j
			}
		}
		var h uint64 = fnvOffset
		if kind == tokWord {
			// A run of letters and digits, any script, in lower case.
			for i < len(s) {
				c := s[i]
				if c < utf8.RuneSelf {
					l := asciiLower[c]
					if l == 0 {
						break
					}
					h = (h ^ uint64(l)) * fnvPrime
					i++
					continue
				}
				r, size := utf8.DecodeRuneInString(s[i:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
				i += size
			}
			// A name starts with a capital and a small letter (ASCII).
			upper := 'A' <= s[start] && s[start] <= 'Z'
			lowerNext := upper && i-start >= 2 && 'a' <= s[start+1] && s[start+1] <= 'z'
			w := s[start:i]
			words++
			if !isDigit(s[start]) {
				letters++
			}
			if upper {
				capitals++
			}
			month, weekday, number := 0, false, ""
			if specialBits[h&1023/64]&(1<<(h&63)) != 0 {
				month, weekday = calendarWord(w)
				number = numberWord(w)
			}
			switch {
			case month > 0:
				if prevDay > 0 {
					sc.dates = append(sc.dates, uint16(month<<5|prevDay))
					prevDay = 0
				} else {
					prevMonth = month
				}
			case weekday:
				prevMonth, prevDay = 0, 0
			default:
				prevMonth, prevDay = 0, 0
				if number != "" {
					sc.figures = append(sc.figures, figureFingerprint(number, false))
				} else if upper && lowerNext && !opening {
					names = append(names, uint16(mix(h)>>48))
				}
			}
		} else {
			// A figure is its digit runs as words to the phrases ("6-1/4"
			// is 6, 1 and 4, as a copy may punctuate it otherwise).
			f := s[start:i]
			for k := 0; k < len(f); k++ {
				if isDigit(f[k]) {
					h = (h ^ uint64(f[k])) * fnvPrime
					continue
				}
				words++
				phrase(&window, words, h, sc)
				h = fnvOffset
			}
			words++
			addFigure(sc, f)
			day := smallInt(rangeStart(f))
			switch {
			case prevMonth > 0 && day > 0:
				sc.dates = append(sc.dates, uint16(prevMonth<<5|day))
				prevMonth, prevDay = 0, 0
			default:
				prevMonth, prevDay = 0, day
			}
		}
		opening = false
		phrase(&window, words, h, sc)
	}
	// A body where hardly a word has a capital (text in lower case) names
	// nothing that can be told.
	if capitals*lowerCase < letters {
		names = names[:0]
	}
	sc.names = names
}

// phrase records word number words (counted from 1), of hash h, and the
// phrase it ends. The phrase hash rolls: a polynomial in the last Shingle
// word hashes, updated with two multiplications a word.
func phrase(window *[Shingle]uint64, words int, h uint64, sc *scratch) {
	out := window[words%Shingle] // the word leaving the phrase (0 at first)
	window[words%Shingle] = h
	sc.roll = sc.roll*rollBase + h - out*rollBaseShingle
	if words >= Shingle {
		sc.phrases = append(sc.phrases, uint32(mix(sc.roll)>>32))
	}
}

// rollBase is the rolling hash's base, odd; rollBaseShingle its Shingle-th
// power, what the word leaving a phrase weighs.
const rollBase = 0x9e3779b97f4a7c15

var rollBaseShingle = func() uint64 {
	p := uint64(1)
	for range Shingle {
		p *= rollBase
	}
	return p
}()

// lowerCase is how many words per capital mark a body as written in lower
// case: news prose has a capital every eight words or so.
const lowerCase = 40

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Byte classes for the scanner: a letter or digit, a separator, one after
// which a word opens a sentence (or a quotation, or a paragraph), a byte of
// a character beyond ASCII.
const (
	classAlnum = iota
	classSep
	classOpens
	classHigh
)

var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classHigh
		case isAlnum(byte(c)):
			t[c] = classAlnum
		case c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"':
			t[c] = classOpens
		default:
			t[c] = classSep
		}
	}
	return t
}()

// asciiLower is each ASCII letter and digit in lower case, 0 for the rest.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

func isAlnum(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' }

func isFigureSep(c byte) bool { return c == '.' || c == ',' || c == '/' || c == '-' || c == ':' }

// isWordByte reports whether s[j] continues a word: a letter glued to a
// figure ("3rd", "10-K" is read as 10 then K, "G7" as a word).
func isWordByte(s string, j int) bool {
	c := s[j]
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[j:])
		return unicode.IsLetter(r)
	}
	return 'a' <= c|0x20 && c|0x20 <= 'z'
}

// addFigure adds a figure's fingerprints: a clock time ("11:01") says when
// a table was sent, not what it holds, and is left out; a range "6-8" is
// its two ends, as a copy may write "6 to 8"; a mixed fraction "6-1/4" is
// one figure.
func addFigure(sc *scratch, f string) {
	if isClock(f) {
		return
	}
	for k := 1; k+1 < len(f); k++ {
		if f[k] == '-' && !containsByte(f[k+1:], '/') && !containsByte(f[:k], '/') {
			addFigure(sc, f[:k])
			addFigure(sc, f[k+1:])
			return
		}
	}
	sc.figures = append(sc.figures, figureFingerprint(f, specific(f)))
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// specific reports whether a figure names one thing: SpecificDigits
// digits or more, and not a year or a season ("1987", "1986/87").
func specific(f string) bool {
	digits := 0
	for i := 0; i < len(f); i++ {
		switch {
		case isDigit(f[i]):
			if digits > 0 || f[i] != '0' {
				digits++
			}
		case f[i] == '/':
			return false
		}
	}
	if len(f) == 4 && digits == 4 && (f[:2] == "19" || f[:2] == "20") {
		return false
	}
	return digits >= SpecificDigits
}

// figureFingerprint is 16 bits of a figure's hash, odd for a specific one.
func figureFingerprint(f string, specific bool) uint16 {
	h := uint64(fnvOffset)
	for i := 0; i < len(f); i++ {
		h = (h ^ uint64(f[i])) * fnvPrime
	}
	fp := uint16(mix(h)>>48) &^ 1
	if specific {
		fp |= 1
	}
	return fp
}

// isClock reports whether a figure is a time of day, "9:40" or "11:01".
func isClock(f string) bool {
	for i := 0; i < len(f); i++ {
		if f[i] == ':' {
			return i <= 2 && len(f)-i-1 == 2 && isDigit(f[i+1]) && isDigit(f[i+2])
		}
	}
	return false
}

// rangeStart is the first figure of a range ("6" of "6-8"), else f.
func rangeStart(f string) string {
	for k := 1; k < len(f); k++ {
		if f[k] == '-' {
			return f[:k]
		}
	}
	return f
}

// smallInt is a figure of one or two digits from 1 to 31 (a day), else 0.
func smallInt(f string) int {
	switch {
	case len(f) == 1 && f[0] != '0':
		return int(f[0] - '0')
	case len(f) == 2 && isDigit(f[0]) && isDigit(f[1]):
		if d := int(f[0]-'0')*10 + int(f[1]-'0'); d >= 1 && d <= 31 {
			return d
		}
	}
	return 0
}

// numberWord is the digits of a number word a wire story spells out and
// a copy may write as digits ("eight" and "8"), or "".
func numberWord(w string) string {
	if len(w) < 3 || len(w) > 6 {
		return ""
	}
	var b [6]byte
	for i := 0; i < len(w); i++ {
		b[i] = w[i] | 0x20
	}
	switch string(b[:len(w)]) {
	case "one":
		return "1"
	case "two":
		return "2"
	case "three":
		return "3"
	case "four":
		return "4"
	case "five":
		return "5"
	case "six":
		return "6"
	case "seven":
		return "7"
	case "eight":
		return "8"
	case "nine":
		return "9"
	case "ten":
		return "10"
	case "eleven":
		return "11"
	case "twelve":
		return "12"
	}
	return ""
}

// specialBits has a bit set for the word hash (in the low ten bits) of
// every month, weekday and number word, so that most words need not be
// looked at again.
var specialBits = func() (bits [16]uint64) {
	for _, w := range []string{"january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun",
		"july", "jul", "august", "aug", "september", "sep", "sept", "october", "oct", "november", "nov", "december", "dec",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"} {
		h := uint64(fnvOffset)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * fnvPrime
		}
		bits[h&1023/64] |= 1 << (h & 63)
	}
	return bits
}()

// calendarWord tells a month's name or abbreviation (its number) and a
// weekday's: they say when, not who, so they are not names.
func calendarWord(w string) (month int, weekday bool) {
	if len(w) < 3 || len(w) > 10 {
		return 0, false
	}
	var b [10]byte
	for i := 0; i < len(w); i++ {
		b[i] = w[i] | 0x20
	}
	switch string(b[:len(w)]) {
	case "january", "jan":
		return 1, false
	case "february", "feb":
		return 2, false
	case "march", "mar":
		return 3, false
	case "april", "apr":
		return 4, false
	case "may":
		return 5, false
	case "june", "jun":
		return 6, false
	case "july", "jul":
		return 7, false
	case "august", "aug":
		return 8, false
	case "september", "sep", "sept":
		return 9, false
	case "october", "oct":
		return 10, false
	case "november", "nov":
		return 11, false
	case "december", "dec":
		return 12, false
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays":
		return 0, true
	}
	return 0, false
}

// Containment estimates the share of the shorter article's phrases that
// are in the longer one. An article kept whole in its sample is compared
// exactly; otherwise only the phrases whose hashes both samples cover
// count (below the larger sample's largest value).
func Containment(a, b Signature) float64 {
	if a.Phrases > b.Phrases {
		a, b = b, a
	}
	return containedPhrases(a.Sample, a.Phrases, b.Sample, b.Phrases)
}

// containedPhrases is contained over the phrase samples' top 16 bits, all
// a Detector keeps of them: two phrases of the longer article's sample
// share a value by chance about once in 65536/(its phrases), a few in a
// hundred for the longest.
func containedPhrases(a []uint32, n int, b []uint32, m int) float64 {
	bound := uint32(math.MaxUint32)
	if len(a) < n {
		bound = a[len(a)-1] >> 16
	}
	if len(b) < m {
		bound = min(bound, b[len(b)-1]>>16)
	}
	seen, shared := 0, 0
	j := 0
	for _, x := range a {
		x >>= 16
		if x > bound {
			break
		}
		seen++
		for j < len(b) && b[j]>>16 < x {
			j++
		}
		if j < len(b) && b[j]>>16 == x {
			shared++
		}
	}
	if seen == 0 {
		return 0
	}
	return float64(shared) / float64(seen)
}

// NumbersAgree estimates the share of the shorter article's figures (the
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

// NamesAgree estimates how far the names of the two articles agree: the
// larger of the share of one's names the other names too, either way
// (a copy cut or extended drops or adds names, one sub-edited may write a
// name in lower case); 1 when either names nothing (or is written in
// lower case) and cannot be checked.
func NamesAgree(a, b Signature) float64 {
	if a.Names == 0 || b.Names == 0 {
		return 1
	}
	return max(contained(a.Named, a.Names, b.Named, b.Names), contained(b.Named, b.Names, a.Named, a.Names))
}

// DatesAgree reports whether the dates of two articles can be those of
// one story: unless each gives a date the other's sample covers and they
// share none. A sample of DateSize dates may leave later ones out, so only
// dates up to the smaller of two full samples' last count.
func DatesAgree(a, b Signature) bool {
	bound := uint16(math.MaxUint16)
	if len(a.Dates) == DateSize {
		bound = a.Dates[DateSize-1]
	}
	if len(b.Dates) == DateSize {
		bound = min(bound, b.Dates[DateSize-1])
	}
	seenA, seenB := false, false
	for _, x := range a.Dates {
		if x > bound {
			break
		}
		seenA = true
		if slices.Contains(b.Dates, x) {
			return true
		}
	}
	for _, x := range b.Dates {
		if x <= bound {
			seenB = true
		}
	}
	return !seenA || !seenB
}

// specificShared counts the specific figures (odd fingerprints) the two
// samples share.
func specificShared(a, b []uint16) int {
	n := 0
	for _, x := range a {
		if x&1 == 1 && slices.Contains(b, x) {
			n++
		}
	}
	return n
}

// contained estimates |A∩B|/|A| from bottom-k samples of A (of n distinct
// values) and B (of m). Past the largest value of a truncated sample,
// membership cannot be told, so only A's values up to the smaller such
// bound count.
func contained[T uint16 | uint32](a []T, n int, b []T, m int) float64 {
	var bound T = ^T(0)
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

// Rule decides whether two signatures are copies.
type Rule struct {
	// Threshold is the containment from which two articles can be
	// copies; 0 is DefaultThreshold.
	Threshold float64
	// Numbers is the share of the shorter article's figures the longer
	// must state; 0 is DefaultNumbers, negative turns the check off.
	Numbers float64
	// MinPhrases is the fewest phrases an article needs to be grouped by
	// the threshold; 0 is MinPhrases.
	MinPhrases int
	// Names is how far the names must agree (NamesAgree); 0 is
	// DefaultNames, negative turns the check off.
	Names float64
	// NoDates turns the dates check off.
	NoDates bool
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

// Same reports whether a and b are copies, and the containment that says
// how close.
func (r Rule) Same(a, b Signature) (bool, float64) {
	return r.withDefaults().same(&a, &b)
}

// same is Same on a rule with its defaults filled in.
func (r Rule) same(a, b *Signature) (bool, float64) {
	if a.Phrases > b.Phrases {
		a, b = b, a
	}
	if a.Phrases == 0 {
		return false, 0
	}
	// Dates, figures and names first: their samples are small, and they
	// turn away the templates that share most phrases.
	if !r.NoDates && !DatesAgree(*a, *b) {
		return false, 0
	}
	figures := 1.0
	if a.Numbers > 0 {
		figures = contained(a.Numeric, a.Numbers, b.Numeric, b.Numbers)
	}
	if r.Numbers > 0 && figures < r.Numbers {
		return false, 0
	}
	if r.Names > 0 && NamesAgree(*a, *b) < r.Names {
		return false, 0
	}
	c := containedPhrases(a.Sample, a.Phrases, b.Sample, b.Phrases)
	switch {
	case c < r.Threshold:
		return false, c
	case a.Phrases >= r.MinPhrases:
		return true, c
	case a.Phrases >= BriefPhrases && c >= BriefThreshold:
		return true, c
	case figures == 1 && specificShared(a.Numeric, b.Numeric) >= BriefFigures:
		// A brief that states the same specific figures: the same
		// company's results, re-sent.
		return true, c
	}
	return false, c
}

// SignatureVersion is the first byte of a marshalled signature, so that a
// signature of another format is told apart rather than misread (the store
// signs again what another version wrote).
const SignatureVersion = 2

// MarshalBinary encodes a signature for the store: a version byte, the
// counts and the lead hashes as varints, then the samples as varints, each
// delta-coded; of the phrase sample, only the hashes a Detector indexes
// are kept whole, the rest as their top 16 bits, all it compares (about
// 110 bytes for a Reuters story).
func (s Signature) MarshalBinary() ([]byte, error) {
	out := make([]byte, 0, 24+4*len(s.Sample)+2*(len(s.Numeric)+len(s.Named)+len(s.Dates)))
	out = append(out, SignatureVersion)
	out = binary.AppendUvarint(out, uint64(s.Phrases))
	out = binary.AppendUvarint(out, uint64(s.Numbers))
	out = binary.AppendUvarint(out, uint64(s.Names))
	out = binary.AppendUvarint(out, uint64(len(s.Leads)))
	for _, x := range s.Leads {
		out = binary.AppendUvarint(out, uint64(x))
	}
	out = binary.AppendUvarint(out, uint64(len(s.Sample)))
	prev := uint32(0)
	for i, x := range s.Sample {
		if i < indexed {
			out = binary.AppendUvarint(out, uint64(x-prev))
		} else {
			// Past the hashes a Detector indexes, it compares the top 16
			// bits only: they are all that is kept.
			out = binary.AppendUvarint(out, uint64(x>>16-prev>>16))
		}
		prev = x
	}
	for _, sample := range [][]uint16{s.Numeric, s.Named, s.Dates} {
		out = binary.AppendUvarint(out, uint64(len(sample)))
		prev := uint16(0)
		for _, x := range sample {
			out = binary.AppendUvarint(out, uint64(x-prev))
			prev = x
		}
	}
	return out, nil
}

// ErrSignature is returned for bytes that are not a signature this
// package wrote; ErrVersion for a signature of another version.
var (
	ErrSignature = errors.New("not a signature")
	ErrVersion   = fmt.Errorf("%w of this version", ErrSignature)
)

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) == 0 {
		return fmt.Errorf("%w: empty", ErrSignature)
	}
	if b[0] != SignatureVersion {
		return fmt.Errorf("%w: version %d", ErrVersion, b[0])
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
	var head [3]uint64
	for i := range head {
		v, err := next()
		if err != nil {
			return err
		}
		head[i] = v
	}
	nl, err := next()
	if err != nil {
		return err
	}
	if nl > 2 {
		return fmt.Errorf("%w: %d leads", ErrSignature, nl)
	}
	var leads []uint32
	for range nl {
		v, err := next()
		if err != nil {
			return err
		}
		if v > math.MaxUint32 {
			return fmt.Errorf("%w: hash out of range", ErrSignature)
		}
		leads = append(leads, uint32(v))
	}
	ns, err := next()
	if err != nil {
		return err
	}
	if ns > SampleSize || ns > head[0] {
		return fmt.Errorf("%w: sample of %d", ErrSignature, ns)
	}
	sample := make([]uint32, ns)
	prev := uint64(0)
	for i := range sample {
		d, err := next()
		if err != nil {
			return err
		}
		if i < indexed {
			prev += d
		} else {
			prev = (prev>>16 + d) << 16
		}
		if prev > math.MaxUint32 {
			return fmt.Errorf("%w: hash out of range", ErrSignature)
		}
		sample[i] = uint32(prev)
	}
	var small [3][]uint16
	for i, limit := range []int{NumberSize, NumberSize, DateSize} {
		n, err := next()
		if err != nil {
			return err
		}
		if n > uint64(limit) || i < 2 && n > head[i+1] {
			return fmt.Errorf("%w: sample of %d", ErrSignature, n)
		}
		if n == 0 {
			continue
		}
		vals := make([]uint16, n)
		prev := uint64(0)
		for j := range vals {
			d, err := next()
			if err != nil {
				return err
			}
			prev += d
			if prev > math.MaxUint16 {
				return fmt.Errorf("%w: value out of range", ErrSignature)
			}
			vals[j] = uint16(prev)
		}
		small[i] = vals
	}
	if len(b) != 0 {
		return fmt.Errorf("%w: %d bytes left over", ErrSignature, len(b))
	}
	*s = Signature{Phrases: int(head[0]), Numbers: int(head[1]), Names: int(head[2]), Leads: leads,
		Sample: sample, Numeric: small[0], Named: small[1], Dates: small[2]}
	if len(sample) == 0 {
		s.Sample = nil
	}
	return nil
}
