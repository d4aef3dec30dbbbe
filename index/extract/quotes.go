package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markFamily groups quotation marks that pair with each other.
type markFamily uint8

const (
	famDouble    markFamily = iota + 1 // " “ ”
	famSingle                          // ' ‘ ’
	famGuillemet                       // « »
)

// span is one outermost quotation found in a paragraph: body[start:end] is
// its text without marks; open is the byte offset of the opening mark.
type span struct {
	open, start, end int
	closeMark        int  // byte offset of the closing mark, -1 when the paragraph ended first
	para             int  // paragraph index
	reopens          bool // the paragraph re-opens a quote the previous paragraph left open
	family           markFamily
}

type openMark struct {
	family markFamily
	at     int // byte offset of the mark
	width  int
	reopen bool // opened where the quotation before it went on unclosed
}

// runeBefore and runeAfter give the neighbours of a mark inside [lo, hi).
func runeBefore(s string, i, lo int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	return r
}

func runeAfter(s string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return r
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// findQuotes finds the outermost quotations of every paragraph. Marks that
// pair are recorded in marks (byte offset -> width) so the tokenizer can tell
// them from apostrophes. A quotation still open at the end of a paragraph
// ends there; when the next paragraph begins with an opening mark of the
// same family it is a continuation (British style) and marked reopens.
func findQuotes(body string, paras []paragraph, marks map[int]int) []span {
	var spans []span
	var stack []openMark
	var leftOpen markFamily // family of a quote the previous paragraph left open
	for pi, p := range paras {
		stack = stack[:0]
		prevOpen := leftOpen
		leftOpen = 0
		// A single mark opens a quotation only if a mark that can close
		// it follows in the paragraph, or the next paragraph goes on with
		// one: else it is an elision ("shoot 'em ups", "zombies or 'bots").
		lastSingleCloser := lastSingleCloser(body, p)
		singleGoesOn := pi+1 < len(paras) && strings.ContainsRune("'‘", runeAfter(body, paras[pi+1].start, paras[pi+1].end))
		for i := p.start; i < p.end; {
			r, n := utf8.DecodeRuneInString(body[i:])
			if r == '<' && i+1 < p.end && (body[i+1] == '/' || body[i+1] >= 'a' && body[i+1] <= 'z') {
				// Markup left in the text (<tweet author="…">): its attribute
				// values are not quotations.
				if k := strings.IndexByte(body[i:p.end], '>'); k > 0 {
					i += k + 1
					continue
				}
			}
			if r == '\'' && i+1 < p.end && body[i+1] == '\'' {
				// Two straight single marks stand for a double one ('' … '').
				r, n = '"', 2
			}
			prev, next := runeBefore(body, i, p.start), runeAfter(body, i+n, p.end)
			opens, closes := false, false
			var fam markFamily
			if len(stack) > 0 && body[i:i+n] == body[stack[0].at:stack[0].at+stack[0].width] {
				// "… the real losers here. "It's like a fortress …": a British
				// quotation goes on into a new paragraph with a fresh opening
				// mark and no closing one, and where the break was lost the
				// mark follows a sentence's end and a space. The quotation
				// open so far ends there; a new one begins (see newOpening).
				// Only the same mark: a “ inside a "…" quotation is nested.
				o := stack[0]
				if end, reopen, ok := newOpening(body, o.at+o.width, i, p.start, next); ok {
					marks[o.at] = o.width
					spans = append(spans, span{open: o.at, start: o.at + o.width, end: end, closeMark: -1, para: pi, family: o.family,
						reopens: o.reopen || o.at == p.start && prevOpen == o.family})
					stack = append(stack[:0], openMark{o.family, i, n, reopen})
					i += n
					continue
				}
			}
			switch r {
			case '"':
				fam = famDouble
				if top := topFamily(stack); has(stack, famDouble) && !(unicode.IsSpace(prev) && isAlnum(next) && top != famDouble) {
					closes = true
				} else if !isAlnum(prev) || prev == ' ' {
					opens = true
				}
			case '“':
				fam, opens = famDouble, true
				if has(stack, famDouble) && !isAlnum(next) && !unicode.IsSpace(prev) {
					opens, closes = false, true
				}
			case '”':
				fam, closes = famDouble, true
				if !has(stack, famDouble) && (unicode.IsSpace(prev) || i == p.start) && isAlnum(next) {
					closes, opens = false, true // a ” used as an opening mark
				}
			case '«':
				fam, opens = famGuillemet, true
			case '»':
				fam, closes = famGuillemet, true
			case '‘', '\'':
				fam = famSingle
				switch {
				case isAlnum(prev):
					// Trump‘s, don't: an apostrophe, or a closing straight mark
					// after a word, but not a plural possessive ("the players'
					// families") when the quotation closes later on.
					if r == '\'' && has(stack, famSingle) && !isAlnum(next) && !pluralPossessive(body, i, n, p, prev, next, stack) {
						closes = true
					}
				case isAlnum(next) || (next != ' ' && unicode.IsPunct(next) && next != '\'' && next != '’'):
					if r == '\'' && unicode.IsDigit(next) {
						break // the '90s
					}
					opens = i < lastSingleCloser || singleGoesOn
				case has(stack, famSingle) && r == '\'':
					closes = true
				}
			case '’':
				fam = famSingle
				if has(stack, famSingle) && !unicode.IsSpace(prev) && !isAlnum(next) && !elision(body, i, p.start, prev) &&
					!pluralPossessive(body, i, n, p, prev, next, stack) {
					// Not "rock ’n’ roll", and not a plural possessive
					// ("Mr Hollis’ plan") when the quote closes later on.
					closes = true
				}
			}
			switch {
			case opens:
				stack = append(stack, openMark{fam, i, n, false})
			case closes:
				k := len(stack) - 1
				for k >= 0 && stack[k].family != fam {
					k--
				}
				if k >= 0 {
					if k == 0 {
						o := stack[0]
						marks[o.at], marks[i] = o.width, n
						spans = append(spans, span{open: o.at, start: o.at + o.width, end: i, closeMark: i, para: pi, family: o.family,
							reopens: o.reopen || o.at == p.start && prevOpen == o.family})
					}
					stack = stack[:k]
				}
			}
			i += n
		}
		if len(stack) > 0 {
			o := stack[0]
			if o.at+o.width < p.end {
				marks[o.at] = o.width
				spans = append(spans, span{open: o.at, start: o.at + o.width, end: p.end, closeMark: -1, para: pi, family: o.family,
					reopens: o.reopen || o.at == p.start && prevOpen == o.family})
				leftOpen = o.family
			}
		}
	}
	for i := range spans {
		s := &spans[i]
		for s.start < s.end {
			r, n := utf8.DecodeRuneInString(body[s.start:])
			if !unicode.IsSpace(r) {
				break
			}
			s.start += n
		}
		for s.end > s.start {
			r, n := utf8.DecodeLastRuneInString(body[:s.end])
			if !unicode.IsSpace(r) {
				break
			}
			s.end -= n
		}
	}
	return spans
}

// newOpening decides a mark at i, the same as the one that opened the
// quotation still open since start, that stands after a space and before
// a word: an opening mark, not a closing one (ok), when the space follows
// the end of a sentence or a colon. After a sentence's end the mark
// reopens the quotation (reopen) and the open one ends at i. After a colon
// ("… for the country. Asked about it, Mr Reid said: "…") the open one
// lost its closing mark: it ends with the last sentence before the
// colon's, and the new quotation is somebody's new words.
func newOpening(body string, start, i, lo int, next rune) (end int, reopen, ok bool) {
	if runeBefore(body, i, lo) != ' ' || unicode.IsSpace(next) || strings.ContainsRune(",;:)]", next) {
		return 0, false, false
	}
	switch runeBefore(body, i-1, lo) {
	case '.', '!', '?', '…':
		return i, true, true
	case ':':
		return lastSentenceEnd(body, start, i), false, true
	}
	return 0, false, false
}

// lastSentenceEnd gives the end of the last sentence that ends inside
// [start, i) before a space and a capital letter, or i if none does.
func lastSentenceEnd(body string, start, i int) int {
	for j := i - 2; j > start; j-- {
		if body[j] != ' ' || !strings.ContainsRune(".!?", rune(body[j-1])) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(body[j+1 : i]); !unicode.IsUpper(r) {
			continue
		}
		w := j - 1
		for w > start && isWordRune(rune(body[w-1])) {
			w--
		}
		if word := body[w : j-1]; body[j-1] == '.' && (abbreviations[word] || len(word) == 1) {
			continue // Mr. Reid, J. Reid
		}
		return j
	}
	return i
}

// elision reports the second mark of ’n’ (rock ’n’ roll).
func elision(body string, i, lo int, prev rune) bool {
	if prev != 'n' || i-1 <= lo {
		return false
	}
	r := runeBefore(body, i-1, lo)
	return r == '’' || r == '\''
}

// lastSingleCloser gives the offset of the last single mark in paragraph
// p that could close a quotation (after a word or punctuation, not before
// a word), or -1.
func lastSingleCloser(body string, p paragraph) int {
	for j := p.end; j > p.start; {
		r, n := utf8.DecodeLastRuneInString(body[p.start:j])
		j -= n
		if (r == '\'' || r == '’') && !unicode.IsSpace(runeBefore(body, j, p.start)) && !isAlnum(runeAfter(body, j+n, p.end)) {
			return j
		}
	}
	return -1
}

// pluralPossessive reports a single mark at i after an s, a space and a
// lower-case word ("the players' families", "Mr Hollis’ plan") inside a
// quotation that closes later on: an apostrophe, not the closing mark.
// Words someone says, a quotation that opens a sentence or follows a
// colon or comma, may go on through more reopened paragraphs before it
// closes ("‘The governors’ decision was a shock. ‘Parents …’"); a quoted
// word or phrase ("called it ‘ridiculous’ and left. ‘We …’") ends at the
// next mark that can close it.
func pluralPossessive(body string, i, n int, p paragraph, prev, next rune, stack []openMark) bool {
	if prev != 's' || next != ' ' || !unicode.IsLower(runeAfter(body, i+n+1, p.end)) {
		return false
	}
	k := len(stack) - 1
	for k >= 0 && stack[k].family != famSingle {
		k--
	}
	speech := false
	if k >= 0 {
		j := stack[k].at
		for j > p.start && body[j-1] == ' ' {
			j--
		}
		speech = j == p.start || strings.ContainsRune(":,.!?", runeBefore(body, j, p.start))
	}
	return laterCloser(body, i+n, p.end, speech)
}

// laterCloser reports a closing single mark later in [i, hi), with no
// opening one before it unless overOpenings.
func laterCloser(body string, i, hi int, overOpenings bool) bool {
	for j := i; j < hi; {
		r, n := utf8.DecodeRuneInString(body[j:hi])
		switch r {
		case '‘':
			if !overOpenings {
				return false
			}
		case '’', '\'':
			before, after := runeBefore(body, j, i), runeAfter(body, j+n, hi)
			if r == '\'' && unicode.IsSpace(before) && isAlnum(after) {
				if !overOpenings {
					return false // a straight opening mark
				}
				break
			}
			if !unicode.IsSpace(before) && !isAlnum(after) {
				return true
			}
		}
		j += n
	}
	return false
}

func has(stack []openMark, f markFamily) bool {
	for _, o := range stack {
		if o.family == f {
			return true
		}
	}
	return false
}

func topFamily(stack []openMark) markFamily {
	if len(stack) == 0 {
		return 0
	}
	return stack[len(stack)-1].family
}
