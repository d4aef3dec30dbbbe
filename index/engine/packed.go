package engine

import (
	"encoding/binary"
	"strconv"
)

// A document's stored values, packed in one. Bleve stores each value of a
// document with a few bytes of its own (its field, type, offset, length
// and place in a list): 7.5 MB of 31 MB of stored fields at 100k articles,
// where an article has a dozen values (title, source, date, each person
// and country, its topics, group, quotation count and record) and a
// quotation four. So what hits and an article's page read of a document
// is stored as one value of fieldValues, in the order below, each string
// as its length (a varint) and its bytes, each list as its count and its
// strings; the values are searched in their own fields as before, which
// no longer store them. Hits of an index from before mapping v11 read the
// fields one by one (articleHit, quoteHit).
//
//	article: 'A', title, URL, source, date (storedTime), group, the number
//	  of quotation documents (decimal), record, people, countries, topics
//	  (packLabels)
//	quotation: 'Q', span (quoteSpan), text (when the span is empty), speaker,
//	  speaker type (packLabels)

// Kinds of packed values: the first byte.
const (
	packedArticle = 'A'
	packedQuote   = 'Q'
)

// storedArticle is what an article's document stores.
type storedArticle struct {
	title, url, source, published, group, quotes, record string
	people, countries, topics                            []string
}

// storedQuote is what a quotation's document stores.
type storedQuote struct {
	span, text, speaker, speakerType string
}

type packer struct{ b []byte }

func (p *packer) string(s string) {
	p.b = binary.AppendUvarint(p.b, uint64(len(s)))
	p.b = append(p.b, s...)
}

func (p *packer) strings(s []string) {
	p.b = binary.AppendUvarint(p.b, uint64(len(s)))
	for _, v := range s {
		p.string(v)
	}
}

// unpacker reads what a packer wrote; once it fails it reads nothing and
// ok is false.
type unpacker struct {
	s  string
	ok bool
}

func (u *unpacker) uvarint() uint64 {
	if !u.ok {
		return 0
	}
	var buf [binary.MaxVarintLen64]byte
	n := copy(buf[:], u.s)
	v, k := binary.Uvarint(buf[:n])
	if k <= 0 {
		u.ok = false
		return 0
	}
	u.s = u.s[k:]
	return v
}

func (u *unpacker) string() string {
	n := u.uvarint()
	if !u.ok || n > uint64(len(u.s)) {
		u.ok = false
		return ""
	}
	v := u.s[:n]
	u.s = u.s[n:]
	return v
}

func (u *unpacker) strings() []string {
	n := u.uvarint()
	if !u.ok || n > uint64(len(u.s)) { // every string takes a byte at least
		u.ok = false
		return nil
	}
	var out []string
	for range n {
		out = append(out, u.string())
	}
	if !u.ok {
		return nil
	}
	return out
}

func packArticle(a storedArticle) string {
	p := packer{b: []byte{packedArticle}}
	for _, s := range []string{a.title, a.url, a.source, a.published, a.group, a.quotes, a.record} {
		p.string(s)
	}
	p.strings(a.people)
	p.strings(a.countries)
	p.string(packLabels(a.topics, topicCodes))
	return string(p.b)
}

func unpackArticle(v string) (a storedArticle, ok bool) {
	if len(v) == 0 || v[0] != packedArticle {
		return a, false
	}
	u := unpacker{s: v[1:], ok: true}
	for _, s := range []*string{&a.title, &a.url, &a.source, &a.published, &a.group, &a.quotes, &a.record} {
		*s = u.string()
	}
	a.people = u.strings()
	a.countries = u.strings()
	topics := u.string()
	if !u.ok || len(u.s) > 0 {
		return storedArticle{}, false
	}
	if a.topics, ok = unpackLabels(topics, topicCodes); !ok {
		return storedArticle{}, false
	}
	return a, true
}

func packQuote(q storedQuote) string {
	p := packer{b: []byte{packedQuote}}
	p.string(q.span)
	p.string(q.text)
	p.string(q.speaker)
	var types []string
	if q.speakerType != "" {
		types = []string{q.speakerType}
	}
	p.string(packLabels(types, speakerTypeCodes))
	return string(p.b)
}

func unpackQuote(v string) (q storedQuote, ok bool) {
	if len(v) == 0 || v[0] != packedQuote {
		return q, false
	}
	u := unpacker{s: v[1:], ok: true}
	q.span, q.text, q.speaker = u.string(), u.string(), u.string()
	types := u.string()
	if !u.ok || len(u.s) > 0 {
		return storedQuote{}, false
	}
	labels, ok := unpackLabels(types, speakerTypeCodes)
	if !ok || len(labels) > 1 {
		return storedQuote{}, false
	}
	if len(labels) == 1 {
		q.speakerType = labels[0]
	}
	return q, true
}

// quoteCount reads the number of quotation documents an article stores.
func (a storedArticle) quoteCount() int {
	n, _ := strconv.Atoi(a.quotes)
	return n
}
