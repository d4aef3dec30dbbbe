// Package dupes finds wire copies: the same agency story run by several
// newsrooms, each with its own headline, an intro of its own, a paragraph
// cut or a word changed. Each article's body becomes a MinHash signature
// of its five-word phrases; locality-sensitive hashing over the signatures
// finds the pairs worth comparing without comparing every pair; a pair is a
// copy when most of the shorter article's phrases are in the longer one
// (containment, so a copy cut to its first paragraphs still counts). Groups
// are the connected pairs. The package only detects; what the archive does
// with the groups ("also in 3 sources") is for its callers.
package dupes

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// Tuning, measured in TestPrecisionRecall (see DUPES.md).
const (
	// Hashes is the length of a signature. An estimate of resemblance J
	// has a standard deviation of sqrt(J(1-J)/Hashes): at most 0.044 at 128.
	Hashes = 128
	// Bands and rows split a signature for the candidate search: two
	// articles are compared when all the rows of any one band agree. With
	// 64 bands of 2 rows, a pair resembling at 0.3 is found 99.8% of the
	// time, one at 0.05 about 15%.
	bands = 64
	rows  = Hashes / bands
	// Shingle is the words in a phrase: long enough that two different
	// stories on one subject share few, short enough that an edited word
	// spoils only a few.
	Shingle = 5
	// MinPhrases is the fewest phrases an article needs to be compared:
	// below it, a shared sentence would make two briefs "copies".
	MinPhrases = 12
	// DefaultThreshold is the containment at which two articles are the
	// same story.
	DefaultThreshold = 0.5
)

// Signature is what the detector keeps of an article's body.
type Signature struct {
	Min     [Hashes]uint64 // the least hash of the phrases under each hash function
	Phrases int            // distinct phrases, for containment from resemblance
}

// seeds are the hash functions: h_i(x) = a_i*x + b_i over 64 bits, with a_i
// odd, from a fixed seed so that signatures compare across runs and
// machines.
var seeds = func() (s [Hashes][2]uint64) {
	r := rand.New(rand.NewPCG(0x63757474, 0x696e6773)) // "cutt", "ings"
	for i := range s {
		s[i] = [2]uint64{r.Uint64() | 1, r.Uint64()}
	}
	return s
}()

// Sign returns the signature of a body. Words are compared in lower case,
// letters and digits only, so punctuation, curly or straight quotes and
// line breaks do not matter.
func Sign(body string) Signature {
	words := strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var sig Signature
	for i := range sig.Min {
		sig.Min[i] = ^uint64(0)
	}
	seen := map[uint64]bool{}
	for i := 0; i+Shingle <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+Shingle] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		if seen[x] {
			continue
		}
		seen[x] = true
		for j, ab := range seeds {
			if v := ab[0]*x + ab[1]; v < sig.Min[j] {
				sig.Min[j] = v
			}
		}
	}
	sig.Phrases = len(seen)
	return sig
}

// Resemblance estimates the Jaccard resemblance of two articles' phrases:
// shared phrases over all phrases.
func Resemblance(a, b Signature) float64 {
	if a.Phrases == 0 || b.Phrases == 0 {
		return 0
	}
	same := 0
	for i := range a.Min {
		if a.Min[i] == b.Min[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// Containment estimates how much of the shorter article's phrases are in
// the longer one's, from their resemblance and sizes: |A∩B| = J(|A|+|B|)/(1+J).
func Containment(a, b Signature) float64 {
	j := Resemblance(a, b)
	if j == 0 {
		return 0
	}
	shared := j * float64(a.Phrases+b.Phrases) / (1 + j)
	return min(1, shared/float64(min(a.Phrases, b.Phrases)))
}

// Detector groups articles that are copies of one another. Add every
// article, then ask for Groups. It is not safe for concurrent use.
type Detector struct {
	// Threshold is the containment from which two articles are copies; 0
	// is DefaultThreshold.
	Threshold float64

	ids     []string
	sigs    []Signature
	buckets [bands]map[uint64][]int // band key -> articles
	parent  []int                   // union-find over articles
}

// Add signs an article's body and joins it to the copies already added.
func (d *Detector) Add(id, body string) {
	d.AddSignature(id, Sign(body))
}

// AddSignature adds an article by a signature already made.
func (d *Detector) AddSignature(id string, sig Signature) {
	n := len(d.ids)
	d.ids = append(d.ids, id)
	d.sigs = append(d.sigs, sig)
	d.parent = append(d.parent, n)
	if sig.Phrases < MinPhrases {
		return
	}
	threshold := d.Threshold
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	compared := map[int]bool{}
	for b := range bands {
		if d.buckets[b] == nil {
			d.buckets[b] = map[uint64][]int{}
		}
		key := bandKey(sig, b)
		for _, other := range d.buckets[b][key] {
			if compared[other] {
				continue
			}
			compared[other] = true
			if Containment(sig, d.sigs[other]) >= threshold {
				d.union(n, other)
			}
		}
		d.buckets[b][key] = append(d.buckets[b][key], n)
	}
}

// bandKey hashes the rows of band b of a signature.
func bandKey(sig Signature, b int) uint64 {
	h := uint64(14695981039346656037)
	for _, v := range sig.Min[b*rows : (b+1)*rows] {
		h = (h ^ v) * 1099511628211
	}
	return h
}

func (d *Detector) find(i int) int {
	for d.parent[i] != i {
		d.parent[i] = d.parent[d.parent[i]]
		i = d.parent[i]
	}
	return i
}

func (d *Detector) union(a, b int) {
	ra, rb := d.find(a), d.find(b)
	if ra != rb {
		d.parent[max(ra, rb)] = min(ra, rb) // the first added stays the root
	}
}

// Groups returns the groups of copies with more than one article, each in
// the order the articles were added, the groups in the order of their
// first article.
func (d *Detector) Groups() [][]string {
	members := map[int][]string{}
	var roots []int
	for i, id := range d.ids {
		r := d.find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], id)
	}
	var out [][]string
	for _, r := range roots {
		if len(members[r]) > 1 {
			out = append(out, slices.Clone(members[r]))
		}
	}
	return out
}
