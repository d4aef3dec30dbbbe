package engine

import (
	"encoding/binary"
	"slices"
)

// Labels from short closed lists, stored as a letter each. Every article
// stores the topics its hits show, and every quotation its speaker's type;
// as text that was 3.2 MB of topic labels at 100k articles ("conflict, war
// and peace" is 23 bytes, and an article has two or three) and 0.9 MB of
// "person" and "organization". Bleve stores each document's values on
// their own, compressed one document at a time, so a label repeated across
// documents costs its full length every time. The facets still count and
// filter by the labels: only the stored copy, in a document's packed values
// (packed.go), is coded, and a label the list does not hold is stored as it
// is.

// topicCodes are the topics stored as a letter, 'a' for the first. Codes
// name a label by its place: never reorder or remove one (an index would
// read its stored codes as other labels); a new label goes at the end, and
// the list must stay within 26.
var topicCodes = []string{
	"arts, culture, entertainment and media",
	"conflict, war and peace",
	"crime, law and justice",
	"disaster, accident and emergency incident",
	"economy, business and finance",
	"education",
	"environment",
	"health",
	"human interest",
	"labour",
	"lifestyle and leisure",
	"politics",
	"religion",
	"science and technology",
	"society",
	"sport",
	"weather",
}

// speakerTypeCodes are the speaker types stored as a letter, likewise.
var speakerTypeCodes = []string{"person", "organization", "unknown"}

// TopicCoded reports whether a topic label is stored as a letter: the
// index package checks that every label its extractor gives is, so that
// none costs its length.
func TopicCoded(label string) bool { return slices.Contains(topicCodes, label) }

// SpeakerTypeCoded reports whether a speaker type is stored as a letter.
func SpeakerTypeCoded(typ string) bool { return slices.Contains(speakerTypeCodes, typ) }

// rawLabel starts a label stored as it is: its length as a varint, then
// its bytes. It is no letter code.
const rawLabel = '='

// packLabels is how labels are stored: a letter for each label in codes,
// rawLabel and the label for any other.
func packLabels(labels []string, codes []string) string {
	var b []byte
	for _, l := range labels {
		if i := slices.Index(codes, l); i >= 0 {
			b = append(b, byte('a'+i))
			continue
		}
		b = append(b, rawLabel)
		b = binary.AppendUvarint(b, uint64(len(l)))
		b = append(b, l...)
	}
	return string(b)
}

// unpackLabels reads what packLabels wrote; ok is false for anything else.
func unpackLabels(s string, codes []string) (labels []string, ok bool) {
	for len(s) > 0 {
		c := s[0]
		switch {
		case c >= 'a' && int(c-'a') < len(codes):
			labels = append(labels, codes[c-'a'])
			s = s[1:]
		case c == rawLabel:
			n, k := binary.Uvarint([]byte(s[1:min(len(s), 1+binary.MaxVarintLen64)]))
			if k <= 0 || n > uint64(len(s)-1-k) {
				return nil, false
			}
			labels = append(labels, s[1+k:1+k+int(n)])
			s = s[1+k+int(n):]
		default:
			return nil, false
		}
	}
	return labels, true
}
