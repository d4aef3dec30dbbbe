package dupes

import (
	"encoding/binary"
	"runtime"
	"slices"
	"unsafe"
)

// The detector keeps every article it may have to match in a few flat
// arrays, about 190 bytes an article, so that a million articles take
// under 200 MB of the process's memory, not a gigabyte: a record of each
// signature in chunks of uint16s, the name of each article's group in
// chunks of bytes, and a candidate index of each article's smallest phrase
// hashes (and its leads) in one open-addressed table. The chunks and the
// table are mapped outside the Go heap (offheap_unix.go), so the collector
// does not let the heap grow to twice their size. A new article looks up
// its smallest hashes and its leads; two articles that share most of one's
// phrases share its smallest hashes, and a copy cut to its first
// paragraphs keeps the leads, so a copy finds its original without the
// archive being searched, and the work per article is bounded by the
// sample, not the archive.
const (
	// indexed is how many of an article's smallest phrase hashes enter
	// the candidate index, besides its lead hash.
	indexed = 4
	// queried is how many of a new article's smallest hashes it looks up,
	// besides its leads: a kept article's smallest hashes that are in a
	// copy are among the copy's smallest unless the copy is several times
	// longer (and then it shares the kept article's leads).
	queried = 16
	// maxPosting is how many articles one hash keeps. A phrase in more
	// articles than that is boilerplate ("said in a statement"): the first
	// ones stay, so a story copied that often still finds its group, and
	// the cost of looking it up stays bounded.
	maxPosting = 64
)

// Detector assigns articles to groups of copies as they arrive: an article
// joins the group of the earlier article it matches best (the highest
// containment that Rule accepts), or starts a group of its own, named by
// its id. Groups never merge, so an article's group does not change once
// given. An article identical to one kept (same signature, same group) is
// not kept again: it adds nothing a later article could match. It is not
// safe for concurrent use, and must not be copied once used (its memory is
// mapped, and given back when it is released or collected).
type Detector struct {
	Rule Rule

	// Records and names are kept in chunks of chunkSize, so that growing
	// them never copies what is there (a copy would hold twice the memory
	// for a moment); a slot's record and name are at chunk<<chunkBits |
	// offset.
	recs   [][]uint16 // signature records, one after another (record below)
	starts []uint32   // slot -> where its record is in recs
	groups []uint32   // slot -> where its group's name is in names
	names  [][]byte   // group names, each a uvarint length then the bytes
	table  table      // hash -> slots
	mem    *offheap   // what recs, names and table are mapped in

	// Scratch for Match.
	cands []uint32
	order []uint64
	b     Signature
}

// Len returns how many articles the detector keeps.
func (d *Detector) Len() int { return len(d.starts) }

// Bytes returns about how much memory the detector holds.
func (d *Detector) Bytes() int {
	n := 4*cap(d.starts) + 4*cap(d.groups) + 8*len(d.table.slots)
	for _, c := range d.recs {
		n += 2 * len(c)
	}
	for _, c := range d.names {
		n += len(c)
	}
	return n
}

// Release gives the detector's mapped memory back at once and empties it
// (it stays usable). A detector dropped without Release gives it back when
// the collector finds it unreachable.
func (d *Detector) Release() {
	if d.mem != nil {
		d.mem.free()
	}
	rule := d.Rule
	*d = Detector{Rule: rule}
}

// offheap is the memory a detector has mapped.
type offheap struct {
	regions map[*byte]int // start -> length
}

func (d *Detector) offheap() *offheap {
	if d.mem == nil {
		d.mem = &offheap{regions: map[*byte]int{}}
		runtime.AddCleanup(d, (*offheap).free, d.mem)
	}
	return d.mem
}

func (m *offheap) alloc(n int) []byte {
	b := mapBytes(n)
	m.regions[unsafe.SliceData(b)] = len(b)
	return b
}

func (m *offheap) release(b []byte) {
	if n, ok := m.regions[unsafe.SliceData(b)]; ok {
		delete(m.regions, unsafe.SliceData(b))
		unmapBytes(unsafe.Slice(unsafe.SliceData(b), n))
	}
}

func (m *offheap) free() {
	for p, n := range m.regions {
		unmapBytes(unsafe.Slice(p, n))
	}
	clear(m.regions)
}

// allocChunk returns an empty chunk of chunkSize elements' room, mapped.
func allocChunk[T uint16 | byte](m *offheap) []T {
	var zero T
	b := m.alloc(chunkSize * int(unsafe.Sizeof(zero)))
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), chunkSize)[:0]
}

const (
	chunkBits = 20
	chunkSize = 1 << chunkBits
)

// place returns where in chunks a value of n elements goes, starting a
// chunk when the last has no room. A chunk is mapped whole, and the system
// gives it pages as they are written; a value longer than a chunk (a name
// of a megabyte) gets one of its own from the Go heap.
func place[T uint16 | byte](m *offheap, chunks *[][]T, n int) uint32 {
	last := len(*chunks) - 1
	if last < 0 || len((*chunks)[last])+n > cap((*chunks)[last]) {
		if n > chunkSize {
			*chunks = append(*chunks, make([]T, 0, n))
		} else {
			*chunks = append(*chunks, allocChunk[T](m))
		}
		last++
	}
	if last >= 1<<(32-chunkBits) {
		panic("dupes: detector full") // 4096 chunks: tens of millions of articles
	}
	return uint32(last)<<chunkBits | uint32(len((*chunks)[last]))
}

func at[T uint16 | byte](chunks [][]T, where uint32) []T {
	return chunks[where>>chunkBits][where&(chunkSize-1):]
}

// matchable reports whether a signature can be a copy of anything: a
// brief under BriefPhrases is one only by sharing BriefFigures specific
// figures, so one that states fewer (a dividend notice) is neither matched
// nor kept.
func matchable(sig *Signature) bool {
	if sig.Phrases >= BriefPhrases {
		return true
	}
	n := 0
	for _, x := range sig.Numeric {
		n += int(x & 1)
	}
	return sig.Phrases > 0 && n >= BriefFigures
}

// Add returns the group of a new article, its own id when it matches no
// earlier one, and keeps it for the articles after it.
func (d *Detector) Add(id string, sig Signature) string {
	if !matchable(&sig) {
		return id
	}
	s, exact := d.match(&sig)
	if s < 0 {
		d.keep(d.addName(id), &sig)
		return id
	}
	if !exact {
		d.keep(d.groups[s], &sig)
	}
	return d.name(d.groups[s])
}

// Match returns the group of the kept article that sig matches best, or ""
// when it matches none.
func (d *Detector) Match(sig Signature) string {
	s, _ := d.match(&sig)
	if s < 0 {
		return ""
	}
	return d.name(d.groups[s])
}

// Keep remembers an article already in a group: one loaded from the store,
// or a new version of an updated one, so that later articles can match it.
func (d *Detector) Keep(group string, sig Signature) {
	if !matchable(&sig) {
		return
	}
	// A copy identical to one kept in the same group adds nothing.
	for _, s := range d.table.lookup(sig.Sample[0], d.cands[:0]) {
		d.load(s, &d.b)
		if equalSignatures(&sig, &d.b) && d.nameIs(d.groups[s], group) {
			return
		}
	}
	d.keep(d.addName(group), &sig)
}

// match returns the slot of the kept article sig matches best, or -1, and
// whether that article's signature is identical to sig.
func (d *Detector) match(sig *Signature) (int, bool) {
	if !matchable(sig) || len(d.starts) == 0 {
		return -1, false
	}
	rule := d.Rule.withDefaults()
	cands := d.cands[:0]
	query := sig.Sample[:min(queried, len(sig.Sample))]
	for _, h := range query {
		cands = d.table.lookup(h, cands)
	}
	for _, h := range sig.Leads {
		if !slices.Contains(query, h) {
			cands = d.table.lookup(h, cands)
		}
	}
	// Most shared hashes first: a whole copy is likely among them, and
	// ends the search.
	slices.Sort(cands)
	order := d.order[:0]
	for i := 0; i < len(cands); {
		j := i + 1
		for j < len(cands) && cands[j] == cands[i] {
			j++
		}
		order = append(order, uint64(^uint32(j-i))<<32|uint64(cands[i]))
		i = j
	}
	slices.Sort(order)
	d.cands, d.order = cands, order
	best, bestC := -1, 0.0
	for _, o := range order {
		s := uint32(o)
		d.load(s, &d.b)
		same, c := rule.same(sig, &d.b)
		if !same {
			continue
		}
		if c >= 1 && equalSignatures(sig, &d.b) {
			return int(s), true
		}
		if c > bestC || c == bestC && int(s) < best {
			best, bestC = int(s), c
		}
	}
	return best, false
}

// keep appends an article's record and indexes it.
func (d *Detector) keep(group uint32, sig *Signature) {
	s := uint32(len(d.starts))
	where := place(d.offheap(), &d.recs, recordLen(sig))
	c := &d.recs[where>>chunkBits]
	*c = appendRecord(*c, sig)
	d.starts = append(d.starts, where)
	d.groups = append(d.groups, group)
	for _, h := range sig.Sample[:min(indexed, len(sig.Sample))] {
		d.table.insert(d.mem, h, s)
	}
	for i, h := range sig.Leads {
		if !slices.Contains(sig.Sample[:min(indexed, len(sig.Sample))], h) && (i == 0 || h != sig.Leads[0]) {
			d.table.insert(d.mem, h, s)
		}
	}
}

// addName appends a group name and returns where it is.
func (d *Detector) addName(name string) uint32 {
	where := place(d.offheap(), &d.names, binary.MaxVarintLen64+len(name))
	c := &d.names[where>>chunkBits]
	*c = binary.AppendUvarint(*c, uint64(len(name)))
	*c = append(*c, name...)
	return where
}

// nameIs reports whether the name at where is name, without making a
// string of it.
func (d *Detector) nameIs(where uint32, name string) bool {
	b := at(d.names, where)
	n, k := binary.Uvarint(b)
	return string(b[k:k+int(n)]) == name
}

func (d *Detector) name(where uint32) string {
	b := at(d.names, where)
	n, k := binary.Uvarint(b)
	return string(b[k : k+int(n)])
}

// A record is a signature in uint16s: phrases (capped at 65535), figures
// and names (each capped at 255: they only tell whether a sample is
// whole), the four sample lengths, then the top 16 bits of each phrase
// hash of the sample (all Rule compares), the figures, the names and the
// dates. The lead hash is only indexed.
const recordHead = 4

func recordLen(sig *Signature) int {
	return recordHead + len(sig.Sample) + len(sig.Numeric) + len(sig.Named) + len(sig.Dates)
}

func appendRecord(recs []uint16, sig *Signature) []uint16 {
	recs = append(recs, uint16(min(sig.Phrases, 0xffff)), uint16(min(sig.Numbers, 0xff))|uint16(min(sig.Names, 0xff))<<8,
		uint16(len(sig.Sample))|uint16(len(sig.Dates))<<8, uint16(len(sig.Numeric))|uint16(len(sig.Named))<<8)
	for _, h := range sig.Sample {
		recs = append(recs, uint16(h>>16))
	}
	recs = append(recs, sig.Numeric...)
	recs = append(recs, sig.Named...)
	return append(recs, sig.Dates...)
}

// load decodes slot s's record into sig, reusing its slices. The phrase
// hashes come back with their low 16 bits zero.
func (d *Detector) load(s uint32, sig *Signature) {
	r := at(d.recs, d.starts[s])
	ns, nd, nn, nm := int(r[2]&0xff), int(r[2]>>8), int(r[3]&0xff), int(r[3]>>8)
	sig.Phrases, sig.Numbers, sig.Names, sig.Leads = int(r[0]), int(r[1]&0xff), int(r[1]>>8), nil
	r = r[recordHead:]
	sig.Sample = sig.Sample[:0]
	for _, x := range r[:ns] {
		sig.Sample = append(sig.Sample, uint32(x)<<16)
	}
	r = r[ns:]
	sig.Numeric = append(sig.Numeric[:0], r[:nn]...)
	sig.Named = append(sig.Named[:0], r[nn:nn+nm]...)
	sig.Dates = append(sig.Dates[:0], r[nn+nm:nn+nm+nd]...)
}

// equalSignatures reports whether two signatures are the same as a record
// keeps them.
func equalSignatures(a, b *Signature) bool {
	if min(a.Phrases, 0xffff) != min(b.Phrases, 0xffff) || min(a.Numbers, 0xff) != min(b.Numbers, 0xff) ||
		min(a.Names, 0xff) != min(b.Names, 0xff) || len(a.Sample) != len(b.Sample) {
		return false
	}
	for i := range a.Sample {
		if a.Sample[i]>>16 != b.Sample[i]>>16 {
			return false
		}
	}
	return slices.Equal(a.Numeric, b.Numeric) && slices.Equal(a.Named, b.Named) && slices.Equal(a.Dates, b.Dates)
}

// table is a multimap from 32-bit hashes to slots, open addressing with
// linear probing over one []uint64 (a hash in the high half, its slot plus
// one in the low half; zero is empty). It grows by half at a time, so it
// stays between 53% and 80% full.
type table struct {
	slots []uint64
	n     int
}

// home is where h's slots start: the indexed hashes are each article's
// smallest, crowded at the bottom of the range, so they are mixed again.
func (t *table) home(h uint32) int { return int(mix(uint64(h)) >> 32 * uint64(len(t.slots)) >> 32) }

// insert adds slot s under h, unless h already has maxPosting slots.
func (t *table) insert(m *offheap, h uint32, s uint32) {
	if 5*(t.n+1) > 4*len(t.slots) {
		t.grow(m)
	}
	i, count := t.home(h), 0
	for t.slots[i] != 0 {
		if uint32(t.slots[i]>>32) == h {
			if count++; count >= maxPosting {
				return
			}
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
	t.slots[i] = uint64(h)<<32 | uint64(s+1)
	t.n++
}

// lookup appends the slots under h to out.
func (t *table) lookup(h uint32, out []uint32) []uint32 {
	if len(t.slots) == 0 {
		return out
	}
	for i := t.home(h); t.slots[i] != 0; {
		if uint32(t.slots[i]>>32) == h {
			out = append(out, uint32(t.slots[i])-1)
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
	return out
}

func (t *table) grow(m *offheap) {
	old := t.slots
	n := max(512, len(old)+len(old)/2)
	b := m.alloc(8 * n)
	t.slots = unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(b))), n)
	t.n = 0
	// Reinserted in hash order from the old table's first empty slot, so
	// that each hash's slots keep their order (the first kept first).
	start := 0
	for start < len(old) && old[start] != 0 {
		start++
	}
	for k := range old {
		e := old[(start+k)%len(old)]
		if e == 0 {
			continue
		}
		i := t.home(uint32(e >> 32))
		for t.slots[i] != 0 {
			if i++; i == len(t.slots) {
				i = 0
			}
		}
		t.slots[i] = e
		t.n++
	}
	if len(old) > 0 {
		m.release(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(old))), 8*len(old)))
	}
}
