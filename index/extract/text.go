package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters, digits, inner apostrophes, hyphens, dots of abbreviations
	tokPunct                // one punctuation character
	tokQuote                // a quotation mark that opens or closes a quote (see quotes.go)
)

// token is a span of the body. Offsets are bytes.
type token struct {
	start, end int
	kind       tokKind
	text       string
	para       int  // paragraph index
	sentStart  bool // first token of a sentence
	inQuote    bool // inside a quotation
	capital    bool // word starting with an upper-case letter
	quoteOpen  bool // a quotation mark that opens a quotation
}

// paragraph is a byte range of the body between blank lines (or single
// newlines: both end a paragraph in news text).
type paragraph struct{ start, end int }

// splitParagraphs cuts the body at newlines; empty lines are dropped.
func splitParagraphs(body string) []paragraph {
	var ps []paragraph
	start := 0
	for i := 0; i <= len(body); i++ {
		if i == len(body) || body[i] == '\n' {
			s, e := start, i
			for s < e && (body[s] == ' ' || body[s] == '\t' || body[s] == '\r') {
				s++
			}
			for e > s && (body[e-1] == ' ' || body[e-1] == '\t' || body[e-1] == '\r') {
				e--
			}
			if e > s {
				ps = append(ps, paragraph{s, e})
			}
			start = i + 1
		}
	}
	return ps
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// mojibakeTail reports whether r continues a letter of UTF-8 text that was
// read as Latin-1 somewhere upstream ("PeÃ±a" for Peña): the second byte of
// such a letter shows as a symbol (U+0080–U+00BF) after a capital from
// Â to ß, and splitting the word there would cut the name in two.
func mojibakeTail(before string, r rune) bool {
	if r < 0x80 || r > 0xBF {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	return last >= 0xC2 && last <= 0xDF
}

// isApostrophe reports whether r can join two parts of one word (it's, O'Brien).
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' }

// tokenize splits paragraph text into words and punctuation. Quote marks
// found by findQuotes (by byte offset) become tokQuote tokens; other
// apostrophes stay inside words.
func tokenize(body string, paras []paragraph, marks map[int]int, toks []token) []token {
	for pi, p := range paras {
		i := p.start
		for i < p.end {
			r, n := utf8.DecodeRuneInString(body[i:])
			if r == ' ' || r == '\t' || r == '\u00a0' || unicode.IsSpace(r) {
				i += n
				continue
			}
			if w := marks[i]; w > 0 {
				toks = append(toks, token{start: i, end: i + w, kind: tokQuote, text: body[i : i+w], para: pi})
				i += w
				continue
			}
			if isWordRune(r) {
				j := i + n
				for j < p.end {
					r2, n2 := utf8.DecodeRuneInString(body[j:])
					if isWordRune(r2) || mojibakeTail(body[i:j], r2) {
						j += n2
						continue
					}
					// Joiners inside a word: it's, well-known, U.S., 3.5, 1,000.
					if (isApostrophe(r2) || r2 == '-' || r2 == '.' || r2 == ',' || r2 == '&') && j+n2 < p.end && marks[j] == 0 {
						r3, _ := utf8.DecodeRuneInString(body[j+n2:])
						if isWordRune(r3) {
							if r2 == ',' && !(unicode.IsDigit(r) && unicode.IsDigit(r3)) {
								break
							}
							if r2 == '.' && !unicode.IsDigit(r3) && !isInitialism(body[i:j]) {
								break
							}
							j += n2
							continue
						}
					}
					// A trailing dot of an initialism (U.S.) belongs to the word.
					if r2 == '.' && isInitialism(body[i:j]) {
						j += n2
					}
					break
				}
				w := body[i:j]
				first, _ := utf8.DecodeRuneInString(w)
				toks = append(toks, token{start: i, end: j, kind: tokWord, text: w, para: pi, capital: unicode.IsUpper(first)})
				i = j
				continue
			}
			toks = append(toks, token{start: i, end: i + n, kind: tokPunct, text: body[i : i+n], para: pi})
			i += n
		}
	}
	markSentences(toks)
	return toks
}

// isInitialism reports whether w looks like U.S or U.K or D.C (single letters
// joined by dots), so that its dots do not end a sentence.
func isInitialism(w string) bool {
	if len(w) == 0 {
		return false
	}
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if i == 0 || w[i-1] == '.' {
				return false
			}
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			if i > 0 && w[i-1] != '.' {
				return false
			}
			letters++
		default:
			return false
		}
	}
	return letters >= 1 && len(w) <= 8
}

// abbreviations that end with a dot but do not end a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "St": true, "Sen": true, "Rep": true,
	"Gov": true, "Gen": true, "Col": true, "Lt": true, "Sgt": true, "Capt": true, "Cmdr": true, "Adm": true,
	"Rev": true, "Jr": true, "Sr": true, "Mt": true, "No": true, "Nos": true, "vs": true, "Inc": true,
	"Ltd": true, "Co": true, "Corp": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true, "Aug": true,
	"Sept": true, "Sep": true, "Oct": true, "Nov": true, "Dec": true, "Ft": true, "Pres": true, "Supt": true,
	"Det": true, "Del": true, "Insp": true, "Gens": true, "Reps": true, "Sens": true, "Messrs": true, "e.g": true, "i.e": true,
	"approx": true, "est": true, "dept": true, "Dept": true, "Univ": true, "Ave": true, "Blvd": true,
	// Ranks before a name: "Const. Tiva Qamaniq", "Cpl. Marcy Tulk".
	"Const": true, "Cst": true, "Cpl": true, "Pte": true, "Maj": true, "Brig": true, "Cllr": true,
}

// Every title written with its dot (titleWords' "Coun.", "Pvt.") is an
// abbreviation too: "said Coun. Ann Russo" is one sentence.
func init() {
	for t := range titleWords {
		if stem, ok := strings.CutSuffix(t, "."); ok {
			abbreviations[stem] = true
		}
	}
}

// markSentences sets sentStart on the first token of each sentence. A
// sentence ends at . ! ? (outside abbreviations) before a space and a token
// that can start a sentence, and at every paragraph end.
func markSentences(toks []token) {
	for i := range toks {
		if i == 0 || toks[i].para != toks[i-1].para {
			toks[i].sentStart = true
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokPunct || (t.text != "." && t.text != "!" && t.text != "?") {
			continue
		}
		if t.text == "." && i > 0 && toks[i-1].kind == tokWord && toks[i-1].end == t.start {
			w := toks[i-1].text
			if abbreviations[w] || (len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z') || partyTag(w) {
				// ("Tolliver, D-N.Y., said": a party tag's dot ends nothing)
				continue
			}
		}
		// Skip closing quote marks and brackets that belong to this sentence.
		j := i + 1
		for j < len(toks) && toks[j].para == t.para && (toks[j].kind == tokQuote && toks[j].start == toks[j-1].end || toks[j].text == ")" || toks[j].text == "." || toks[j].text == "!" || toks[j].text == "?") {
			j++
		}
		if j < len(toks) && toks[j].para == t.para && !(j == i+1 && toks[j].kind == tokWord && toks[j].start == t.end) {
			// Not "D-N.Y.": a dot with a word right after it, no space.
			n := toks[j]
			if n.kind == tokQuote || n.capital || n.kind == tokWord && n.text[0] >= '0' && n.text[0] <= '9' || n.text == "(" || n.text == "-" || n.text == "–" || n.text == "—" {
				toks[j].sentStart = true
			}
		}
	}
}
