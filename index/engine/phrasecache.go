package engine

import (
	"container/list"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// A phrase of common words that its pairs' counts do not decide is checked
// against the text of each candidate ("cts net loss" in tables of earnings:
// two thousand articles at a million), and even a decided one reads its
// words' frequencies at each candidate from postings of words most articles
// have. Both take tens of milliseconds, and both give the same answer for a
// segment until it changes: which of its documents hold the phrase, with
// their words' frequencies and norms (the inputs of their scores, not the
// scores, which depend on the whole index). So, as impact lists are kept
// per word, the documents that hold a phrase are kept per segment and
// phrase, within a memory budget, until the segment is merged away or
// loses documents.

// phraseBudget bounds the memory the kept phrases take, in bytes.
const phraseBudget = 32 << 20

// phraseKey names the documents of one segment that hold one phrase in
// one field (the body, or a quotation): a segment as a snapshot has it (the
// number of its deleted documents tells its versions apart), the field
// and the phrase's terms by place.
type phraseKey struct {
	seg     uint64
	deleted uint64
	field   string
	phrase  string
}

// phraseEntry is one kept segment's documents that hold a phrase,
// numbered in the segment.
type phraseEntry struct {
	key   phraseKey
	docs  []held
	bytes int
}

// phraseCache keeps the documents that hold phrases, least recently used
// first out.
type phraseCache struct {
	mu    sync.Mutex
	lru   list.List // of *phraseEntry, most recent at the front
	byKey map[phraseKey]*list.Element
	bytes int
}

// phraseKeyOf is the key of phrase (phraseTerms' form) in field in a
// segment of a snapshot.
func phraseKeyOf(ss *scorch.SegmentSnapshot, field string, phrase [][]string) phraseKey {
	var b strings.Builder
	for _, ts := range phrase {
		b.WriteString(strings.Join(ts, "|"))
		b.WriteByte(0)
	}
	k := phraseKey{seg: ss.Id(), field: field, phrase: b.String()}
	if d := ss.Deleted(); d != nil {
		k.deleted = d.GetCardinality()
	}
	return k
}

// get returns the kept documents of key (numbered in the segment; not to
// be changed), if they are kept.
func (c *phraseCache) get(key phraseKey) ([]held, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(el)
	return el.Value.(*phraseEntry).docs, true
}

// put keeps docs (numbered in the segment) as the documents of key.
func (c *phraseCache) put(key phraseKey, docs []held) {
	if c == nil {
		return
	}
	e := &phraseEntry{key: key, docs: docs, bytes: 96 + len(key.phrase)}
	for _, d := range docs {
		e.bytes += 40 + 8*len(d.freq)
	}
	if e.bytes > phraseBudget/4 {
		return // one phrase would crowd out the rest
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[phraseKey]*list.Element{}
	}
	if old, ok := c.byKey[key]; ok {
		c.remove(old)
	}
	c.byKey[key] = c.lru.PushFront(e)
	c.bytes += e.bytes
	for c.bytes > phraseBudget {
		c.remove(c.lru.Back())
	}
}

// remove forgets an entry; c.mu is held.
func (c *phraseCache) remove(el *list.Element) {
	e := el.Value.(*phraseEntry)
	c.lru.Remove(el)
	delete(c.byKey, e.key)
	c.bytes -= e.bytes
}

// forget drops the entries of segments not in live.
func (c *phraseCache) forget(live map[uint64]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for el := c.lru.Front(); el != nil; {
		next := el.Next()
		if !live[el.Value.(*phraseEntry).key.seg] {
			c.remove(el)
		}
		el = next
	}
}
