package engine

import (
	"slices"
	"strings"
)

// Boolean operators. Bleve's query string marks a required clause with "+"
// and an excluded one with "-"; "AND", "OR" and "NOT" are words to it, and
// English stop words at that, so "Macron AND Zelensky" found every article
// naming either of them, and "oil OR gas" left the fast ways of answering
// plain words (word.go) for Bleve's general search. At a million articles
// (medians of five): "oil OR gold OR bank" 87 -> 23 ms, six words joined
// by OR 236 -> 71 ms (the six alone: 69 ms), "oil AND prices" 72 ms for
// the wrong answer -> 11 ms for the right one. Newsroom users type them as Lucene,
// PostgreSQL's websearch_to_tsquery and most search boxes read them, so
// they are read the way Lucene's classic query parser reads them, before
// Bleve parses the rest:
//   - "a AND b" requires both clauses: "+a +b" ("&&" the same);
//   - "a OR b" leaves both optional, Bleve's default: "a b" ("||" the same);
//   - "NOT b" excludes its clause: "-b"; "a AND NOT b" is "+a -b".
//
// Only the upper-case words are operators; "rock and roll" and a quoted
// "AND" stay words. Like Lucene, AND binds the clauses on both its sides,
// so "a OR b AND c" is "a +b +c". Bleve's syntax has no parentheses, so
// neither does this.

// operator is a query word that joins clauses rather than being one.
type operator int

const (
	opNone operator = iota
	opAnd
	opOr
	opNot
)

func operatorOf(clause string) operator {
	switch clause {
	case "AND", "&&":
		return opAnd
	case "OR", "||":
		return opOr
	case "NOT":
		return opNot
	}
	return opNone
}

// booleanOperators rewrites the operators of a query string into Bleve's
// "+" and "-" marks, and says which operator lacks a clause to join.
func booleanOperators(text string) (string, error) {
	clauses := queryClauses(text)
	if !slices.ContainsFunc(clauses, func(c string) bool { return operatorOf(c) != opNone }) {
		return text, nil // as typed: the plans read the text too
	}
	type clause struct {
		text string
		mark byte // '+', '-' or 0
	}
	var out []clause
	var and, not bool  // an AND or a NOT waits for the next clause
	afterJoin := false // the last clause was AND or OR
	for i, c := range clauses {
		op := operatorOf(c)
		if op == opNone {
			cl := clause{text: c}
			if len(c) > 1 && (c[0] == '+' || c[0] == '-') {
				cl.mark, cl.text = c[0], c[1:]
			}
			if not {
				cl.mark = '-'
			} else if and && cl.mark == 0 {
				cl.mark = '+'
			}
			out = append(out, cl)
			and, not, afterJoin = false, false, false
			continue
		}
		if i == len(clauses)-1 {
			return "", badQuery("%q: %s needs a word or phrase after it", text, c)
		}
		switch op {
		case opNot:
			if not {
				return "", badQuery("%q: NOT twice", text)
			}
			not = true
		case opAnd, opOr:
			if len(out) == 0 || afterJoin || not {
				return "", badQuery("%q: %s needs a word or phrase on each side", text, c)
			}
			if op == opAnd {
				if last := &out[len(out)-1]; last.mark == 0 {
					last.mark = '+'
				}
				and = true
			}
			afterJoin = true
		}
	}
	parts := make([]string, len(out))
	for i, cl := range out {
		parts[i] = cl.text
		if cl.mark != 0 {
			parts[i] = string(cl.mark) + cl.text
		}
	}
	return strings.Join(parts, " "), nil
}

// queryClauses splits a query string at the spaces outside quotation
// marks, as Bleve's parser separates its clauses; a backslash escapes the
// character after it.
func queryClauses(text string) []string {
	var out []string
	start, quoted := -1, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\\' && i+1 < len(text):
			if start < 0 {
				start = i
			}
			i++
		case c == '"':
			if start < 0 {
				start = i
			}
			quoted = !quoted
		case !quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			if start >= 0 {
				out = append(out, text[start:i])
				start = -1
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}
