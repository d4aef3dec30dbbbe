package web

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cuttings/cuttings/index"
)

// The article page shows its body with every quotation marked where it
// stands, its speaker beside it, and the names of people, organisations and
// countries linked to their facet. The text is cut into pieces here and
// escaped by the template like any other text: nothing of the body is ever
// trusted as HTML.

// paragraphView is one paragraph of the body.
type paragraphView struct {
	Runs     []textRun
	HasQuote bool
}

// textRun is a stretch of a paragraph: plain text, the part of one
// quotation that lies in this paragraph, or the speaker of the quotation
// that has just ended.
type textRun struct {
	Quote  int  // the quotation's number (1, 2, ...) on the page; 0: not a quotation
	First  bool // the quotation's first run, which carries its anchor
	Pieces []textPiece
	SaidBy *saidBy
}

// textPiece is text, or a name linked to its facet.
type textPiece struct {
	Text string
	Kind string // "", or the facet the name is linked to: person, org, country
	URL  string
}

// saidBy is the speaker shown after a quotation.
type saidBy struct {
	Quote   int
	Speaker string
	Type    string
	URL     string // the speaker's page; empty for an unknown speaker
}

// span is a stretch [start, end) of the body in bytes.
type span struct{ start, end int }

// nameSpan is a mention of a name in the body.
type nameSpan struct {
	span
	kind, url string
}

// quoteSpan is a quotation in the body, with where its speaker is shown.
type quoteSpan struct {
	span
	n      int
	badge  int // byte offset after its closing marks
	saidBy saidBy
}

// closingMarks may follow a quotation's words: the speaker goes after them.
const closingMarks = "\"'”’»›"

// bodyParagraphs cuts an article's body into paragraphs of runs.
func bodyParagraphs(body string, e index.Enrichment) []paragraphView {
	quotes := quoteSpans(body, e.Quotes)
	names := nameSpans(body, e, quotes)

	// Every place something starts or ends cuts the text.
	var cuts []int
	for _, q := range quotes {
		cuts = append(cuts, q.start, q.end, q.badge)
	}
	for _, n := range names {
		cuts = append(cuts, n.start, n.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var out []paragraphView
	begun := map[int]bool{}
	for _, p := range paragraphSpans(body) {
		var pv paragraphView
		at := p.start
		pieceEnds := append(slices.DeleteFunc(slices.Clone(cuts), func(c int) bool { return c <= p.start || c >= p.end }), p.end)
		for _, end := range pieceEnds {
			for _, q := range quotes {
				if q.badge == at && at > p.start {
					pv.Runs = append(pv.Runs, textRun{SaidBy: &q.saidBy})
				}
			}
			if end <= at {
				continue
			}
			piece := textPiece{Text: body[at:end]}
			for _, n := range names {
				if n.start <= at && end <= n.end {
					piece.Kind, piece.URL = n.kind, n.url
				}
			}
			quote := 0
			for _, q := range quotes {
				if q.start <= at && end <= q.end {
					quote = q.n
				}
			}
			if quote != 0 {
				pv.HasQuote = true
			}
			if last := len(pv.Runs) - 1; last >= 0 && pv.Runs[last].SaidBy == nil && pv.Runs[last].Quote == quote {
				pv.Runs[last].Pieces = append(pv.Runs[last].Pieces, piece)
			} else {
				pv.Runs = append(pv.Runs, textRun{Quote: quote, First: quote != 0 && !begun[quote], Pieces: []textPiece{piece}})
				begun[quote] = true
			}
			at = end
		}
		// A speaker whose quotation ends the paragraph.
		for _, q := range quotes {
			if q.badge == p.end {
				pv.Runs = append(pv.Runs, textRun{SaidBy: &q.saidBy})
			}
		}
		out = append(out, pv)
	}
	return out
}

// paragraphSpans are the body's paragraphs (split at blank lines, as
// store.Article keeps them), without their surrounding space.
func paragraphSpans(body string) []span {
	var out []span
	at := 0
	for at <= len(body) {
		end := strings.Index(body[at:], "\n\n")
		if end < 0 {
			end = len(body)
		} else {
			end += at
		}
		s, e := at, end
		for s < e && isSpaceByte(body[s]) {
			s++
		}
		for e > s && isSpaceByte(body[e-1]) {
			e--
		}
		if s < e {
			out = append(out, span{s, e})
		}
		at = end + 2
	}
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// quoteSpans places the quotations in the body. The extractor gives
// character offsets; a quotation whose offsets do not hold its words (an
// older index, a body changed since) is looked for by its words instead,
// and left out of the text if they are not there.
func quoteSpans(body string, quotes []index.Quote) []quoteSpan {
	runeAt := runeOffsets(body)
	var out []quoteSpan
	for i, q := range quotes {
		s, ok := span{}, false
		if q.Start >= 0 && q.Start < q.End && q.End < len(runeAt) {
			s = span{runeAt[q.Start], runeAt[q.End]}
			ok = body[s.start:s.end] == q.Text
		}
		if !ok && q.Text != "" {
			if at := strings.Index(body, q.Text); at >= 0 {
				s, ok = span{at, at + len(q.Text)}, true
			}
		}
		if !ok || (len(out) > 0 && s.start < out[len(out)-1].end) {
			continue // not in the text, or overlapping the one before
		}
		badge := s.end
		for badge < len(body) {
			r, size := utf8.DecodeRuneInString(body[badge:])
			if !strings.ContainsRune(closingMarks, r) {
				break
			}
			badge += size
		}
		qs := quoteSpan{span: s, n: i + 1, badge: badge, saidBy: saidBy{Quote: i + 1, Speaker: q.Speaker, Type: q.SpeakerType}}
		if q.Speaker == "" {
			qs.saidBy.Speaker = "Unattributed"
		} else if q.SpeakerType != index.SpeakerUnknown {
			qs.saidBy.URL = personURL(q.Speaker)
		}
		out = append(out, qs)
	}
	return out
}

// runeOffsets maps a character offset to its byte offset; the last entry
// is the body's length.
func runeOffsets(body string) []int {
	out := make([]int, 0, len(body)+1)
	for i := range body {
		out = append(out, i)
	}
	return append(out, len(body))
}

// nameSpans finds the mentions of the article's people, organisations and
// countries that can be found by their words: the name as filed, a
// person's surname when no one else in the article has it, and the words
// the extractor first met the name by (its First offset), so "Elysee
// Palace" is found for "Élysée". A mention never straddles a quotation's
// edge; longer names win over shorter ones they overlap.
func nameSpans(body string, e index.Enrichment, quotes []quoteSpan) []nameSpan {
	type form struct{ words, kind, url string }
	var forms []form
	none := index.Query{}
	surnames := map[string]int{}
	for _, p := range e.People {
		if f := strings.Fields(p.Name); len(f) > 1 {
			surnames[f[len(f)-1]]++
		}
	}
	runeAt := runeOffsets(body)
	firstWords := func(first int) string {
		if first < 0 || first >= len(runeAt)-1 {
			return ""
		}
		words := capitalisedRun(body[runeAt[first]:])
		if len(strings.Fields(words)) < 2 {
			return "" // one word ("Bank" of "Bank of England") says too little
		}
		return words
	}
	for _, p := range e.People {
		url := searchURL(withFilter(none, index.FacetPerson, p.Name))
		forms = append(forms, form{p.Name, index.FacetPerson, url}, form{firstWords(p.First), index.FacetPerson, url})
		if f := strings.Fields(p.Name); len(f) > 1 && surnames[f[len(f)-1]] == 1 {
			forms = append(forms, form{f[len(f)-1], index.FacetPerson, url})
		}
	}
	for _, o := range e.Organizations {
		url := searchURL(withFilter(none, index.FacetOrg, o.Name))
		forms = append(forms, form{o.Name, index.FacetOrg, url}, form{firstWords(o.First), index.FacetOrg, url})
	}
	for _, c := range e.Countries {
		url := searchURL(withFilter(none, index.FacetCountry, c.Code))
		forms = append(forms, form{c.Name, index.FacetCountry, url}, form{countryName(c.Code), index.FacetCountry, url})
	}
	// Longest first, so "Bank of England" is taken before "England".
	slices.SortStableFunc(forms, func(a, b form) int { return len(b.words) - len(a.words) })

	var out []nameSpan
	taken := func(s span) bool {
		for _, n := range out {
			if s.start < n.end && n.start < s.end {
				return true
			}
		}
		for _, q := range quotes {
			inside := q.start <= s.start && s.end <= q.end
			outside := s.end <= q.start || q.end <= s.start
			if !inside && !outside {
				return true
			}
		}
		return false
	}
	for _, f := range forms {
		if utf8.RuneCountInString(f.words) < 2 {
			continue
		}
		for at := 0; at < len(body); {
			i := strings.Index(body[at:], f.words)
			if i < 0 {
				break
			}
			s := span{at + i, at + i + len(f.words)}
			at = s.end
			if wordAt(body, s.start-1, true) || wordAt(body, s.end, false) || taken(s) {
				continue
			}
			out = append(out, nameSpan{span: s, kind: f.kind, url: f.url})
		}
	}
	return out
}

// wordAt reports whether the character ending (before) or starting at i is
// part of a word, so that a name is only found whole.
func wordAt(body string, i int, before bool) bool {
	if i < 0 || i >= len(body) {
		return false
	}
	var r rune
	if before {
		r, _ = utf8.DecodeLastRuneInString(body[:i+1])
	} else {
		r, _ = utf8.DecodeRuneInString(body[i:])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// capitalisedRun is the run of capitalised words s starts with, up to a
// word that is not or a mark that ends it ("Elysee Palace, said" ->
// "Elysee Palace").
func capitalisedRun(s string) string {
	end := 0
	for w := range strings.FieldsSeq(s) {
		word := strings.TrimRightFunc(w, unicode.IsPunct)
		r, _ := utf8.DecodeRuneInString(word)
		if word == "" || !unicode.IsUpper(r) || strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
			break
		}
		at := strings.Index(s[end:], word)
		end += at + len(word)
		if len(word) < len(w) {
			break
		}
	}
	return s[:end]
}
