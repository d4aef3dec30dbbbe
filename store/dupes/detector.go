package dupes

// The candidate index: each article enters the smallest few hashes of its
// sample; a new article looks up every hash of its sample. Two articles
// that share most of one's phrases share its smallest hashes, so a copy
// finds its original without the archive being searched, and the work per
// article is bounded by the sample, not the archive.
const (
	// indexed is how many of an article's smallest phrase hashes enter
	// the candidate index.
	indexed = 16
	// maxPosting is how many articles one hash keeps. A phrase in more
	// articles than that is boilerplate ("said in a statement"): the first
	// ones stay, so a story copied that often still finds its group, and
	// the cost of looking it up stays bounded.
	maxPosting = 64
	// queried is how many of a new article's smallest hashes are looked
	// up: a copy shares an original's smallest hashes unless it is many
	// times longer.
	queried = 48
	// minShared is how many looked-up hashes an article of indexed
	// phrases or more must share with a candidate before the two are
	// compared. 2 would spare comparing stories that share one boilerplate
	// phrase, but lost a labelled Reuters copy; it stays 1 until the cost
	// needs it.
	minShared = 1
)

// Detector assigns articles to groups of copies as they arrive: an article
// joins the group of the earlier article it matches best (the highest
// containment that Rule accepts), or starts a group of its own, named by
// its id. Groups never merge, so an article's group does not change once
// given. It is not safe for concurrent use.
type Detector struct {
	Rule Rule

	sigs   []Signature // by slot: one per article kept
	groups []string    // group of each slot
	seen   []uint32    // the query that last visited each slot
	shared []uint16    // hashes it shared with that query
	query  uint32
	cands  []int32 // the slots visited by the current query

	postings map[uint32]posting // hash -> its chain of entries
	next     []int32            // entry -> the previous entry of its hash, or -1
	slot     []int32            // entry -> slot
}

type posting struct{ head, n int32 }

// Len returns how many articles the detector keeps.
func (d *Detector) Len() int { return len(d.sigs) }

// Add returns the group of a new article, its own id when it matches no
// earlier one, and keeps it for the articles after it.
func (d *Detector) Add(id string, sig Signature) string {
	group := d.Match(sig)
	if group == "" {
		group = id
	}
	d.Keep(group, sig)
	return group
}

// Match returns the group of the kept article that sig matches best, or ""
// when it matches none.
func (d *Detector) Match(sig Signature) string {
	rule := d.Rule.withDefaults()
	if sig.Phrases < BriefPhrases || len(d.postings) == 0 {
		return ""
	}
	d.query++
	if d.query == 0 { // wrapped: forget every visit
		clear(d.seen)
		d.query = 1
	}
	d.cands = d.cands[:0]
	for _, h := range sig.Sample[:min(queried, len(sig.Sample))] {
		p, ok := d.postings[h]
		if !ok {
			continue
		}
		for e := p.head; e >= 0; e = d.next[e] {
			s := d.slot[e]
			if d.seen[s] != d.query {
				d.seen[s], d.shared[s] = d.query, 0
				d.cands = append(d.cands, s)
			}
			d.shared[s]++
		}
	}
	need := uint16(1)
	if len(sig.Sample) >= indexed {
		need = minShared
	}
	best, bestC := int32(-1), 0.0
	for _, s := range d.cands {
		if d.shared[s] < need && len(d.sigs[s].Sample) >= indexed {
			continue
		}
		same, c := rule.Same(sig, d.sigs[s])
		if same && c >= 1 {
			return d.groups[s] // a whole copy: none matches better
		}
		if same && (c > bestC || c == bestC && s < best) {
			best, bestC = s, c
		}
	}
	if best < 0 {
		return ""
	}
	return d.groups[best]
}

// Keep remembers an article already in a group: one loaded from the store,
// or a new version of an updated one, so that later articles can match it.
// Briefs are not kept: nothing matches them.
func (d *Detector) Keep(group string, sig Signature) {
	if sig.Phrases < BriefPhrases {
		return
	}
	if d.postings == nil {
		d.postings = map[uint32]posting{}
	}
	s := int32(len(d.sigs))
	d.sigs = append(d.sigs, sig)
	d.groups = append(d.groups, group)
	d.seen = append(d.seen, 0)
	d.shared = append(d.shared, 0)
	for _, h := range sig.Sample[:min(indexed, len(sig.Sample))] {
		p, ok := d.postings[h]
		if !ok {
			p = posting{head: -1}
		}
		if p.n >= maxPosting {
			continue
		}
		d.next = append(d.next, p.head)
		d.slot = append(d.slot, s)
		d.postings[h] = posting{head: int32(len(d.slot) - 1), n: p.n + 1}
	}
}
