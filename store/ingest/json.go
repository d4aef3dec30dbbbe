package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cuttings/cuttings/store"
)

// jsonArticle is the JSON form of an article with every accepted alias.
// Anything else in the object is ignored: files often carry other data
// (tags, gold annotations) beside the article.
type jsonArticle struct {
	ID          json.RawMessage `json:"id"` // a string or an integer
	URL         *string         `json:"url"`
	Link        *string         `json:"link"`
	Title       *string         `json:"title"`
	Authors     json.RawMessage `json:"authors"` // a string, a list, or objects with a name
	Author      json.RawMessage `json:"author"`
	Source      *string         `json:"source"`
	Published   json.RawMessage `json:"published"` // a date string or Unix seconds
	Date        json.RawMessage `json:"date"`
	PubDate     json.RawMessage `json:"pubDate"`
	PublishedAt json.RawMessage `json:"published_at"`
	Language    *string         `json:"language"`
	Lang        *string         `json:"lang"`
	Body        *string         `json:"body"`
	Text        *string         `json:"text"`
	Content     *string         `json:"content"`
}

// decodeRecord turns one JSON object into a validated Record.
func decodeRecord(raw []byte, where string) Record {
	a, err := decodeArticle(raw)
	if err == nil {
		err = Validate(&a)
	}
	return Record{Article: a, Where: where, Err: err}
}

func decodeArticle(raw []byte) (store.Article, error) {
	var a store.Article
	if i := invalidUTF8(raw); i >= 0 {
		return a, fmt.Errorf("invalid UTF-8 at byte %d", i)
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] != '{' {
		if !json.Valid(raw) {
			return a, jsonError(json.Unmarshal(raw, new(any)))
		}
		return a, fmt.Errorf("invalid JSON: want an object, got %s", jsonKind(raw[0]))
	}
	var j jsonArticle
	if err := json.Unmarshal(raw, &j); err != nil {
		return a, jsonError(err)
	}
	var err error
	if a.ID, err = decodeID(j.ID); err != nil {
		return a, err
	}
	a.URL = firstString(j.URL, j.Link)
	a.Title = firstString(j.Title)
	a.Source = firstString(j.Source)
	a.Language = firstString(j.Language, j.Lang)
	a.Body = firstString(j.Body, j.Text, j.Content)
	for _, f := range []struct {
		name string
		raw  json.RawMessage
	}{{"authors", j.Authors}, {"author", j.Author}} {
		if len(f.raw) == 0 {
			continue
		}
		names, err := decodeAuthors(f.raw)
		if err != nil {
			return a, fmt.Errorf("%s: %w", f.name, err)
		}
		a.Authors = append(a.Authors, names...)
	}
	for _, f := range []struct {
		name string
		raw  json.RawMessage
	}{{"published", j.Published}, {"date", j.Date}, {"pubDate", j.PubDate}, {"published_at", j.PublishedAt}} {
		if len(f.raw) == 0 || string(f.raw) == "null" {
			continue
		}
		t, err := decodeDate(f.raw)
		if err != nil {
			return a, fmt.Errorf("%s: %w", f.name, err)
		}
		if !t.IsZero() {
			a.Published = t
			break
		}
	}
	return a, nil
}

// firstString returns the first of the aliases that is present and not
// blank, so {"body": "", "text": "..."} still has a body.
func firstString(vs ...*string) string {
	for _, v := range vs {
		if v != nil && strings.TrimSpace(*v) != "" {
			return *v
		}
	}
	return ""
}

func decodeID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	// Integer ids (database keys) are common; they become their digits.
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		if _, err := strconv.ParseInt(n.String(), 10, 64); err == nil {
			return n.String(), nil
		}
	}
	return "", fmt.Errorf("id: want a string or an integer, got %s", jsonKind(raw[0]))
}

// decodeAuthors accepts "Name", ["Name", ...] and the JSON Feed form
// [{"name": "Name"}, ...].
func decodeAuthors(raw json.RawMessage) ([]string, error) {
	switch raw[0] {
	case 'n': // null
		return nil, nil
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return []string{s}, err
	case '{':
		var o struct{ Name string }
		if err := json.Unmarshal(raw, &o); err != nil {
			return nil, fmt.Errorf("want a name, got %s", raw)
		}
		return []string{o.Name}, nil
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		var names []string
		for _, it := range items {
			if len(it) == 0 || (it[0] != '"' && it[0] != '{') {
				return nil, fmt.Errorf("want names, got a list with %s", jsonKind(it[0]))
			}
			n, err := decodeAuthors(it)
			if err != nil {
				return nil, err
			}
			names = append(names, n...)
		}
		return names, nil
	}
	return nil, fmt.Errorf("want a name or a list of names, got %s", jsonKind(raw[0]))
}

func decodeDate(raw json.RawMessage) (time.Time, error) {
	if raw[0] != '"' {
		// Unix seconds, as some exports write them.
		n, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("want a date, got %s", raw)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, err
	}
	return ParseDate(s)
}

// dateLayouts are the date forms accepted, most common first. Layouts
// without a zone are read as UTC.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700", // RSS often drops the leading zero
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	time.RFC822Z,
	time.RFC822,
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	time.RFC850,
	time.ANSIC,
}

// zoneOffsets are the zone abbreviations news feeds use that Go cannot know
// (it only knows the local zone's): parsed as UTC, they would be hours off.
var zoneOffsets = map[string]int{
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"BST": 1, "CET": 1, "CEST": 2, "IST": 5, "JST": 9, "AEST": 10, "AEDT": 11,
}

// ParseDate reads a publication date in any of the forms articles come with:
// RFC 3339 (with or without a zone), a bare date, "2006-01-02 15:04:05",
// RFC 1123 / RFC 822 as in RSS, and a few more. The result is in UTC; the
// zero time for an empty string.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if name, off := t.Zone(); off == 0 && strings.HasSuffix(layout, "MST") {
			if hours, ok := zoneOffsets[name]; ok {
				t = t.Add(-time.Duration(hours) * time.Hour)
			}
		}
		return t.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("cannot parse %q as a date", s)
}

// readJSON reads a JSON array of articles, or one article object (or several
// objects one after another). A syntax error ends the file: where the next
// element would start cannot be known.
func readJSON(br *bufio.Reader, where string, emit func(Record) error) error {
	if b, _ := br.Peek(len(bom)); bytes.Equal(b, bom) {
		br.Discard(len(bom))
	}
	first, err := firstByte(br)
	if err != nil {
		return fmt.Errorf("read %s: %w", where, err)
	}
	dec := json.NewDecoder(br)
	switch first {
	case 0:
		return nil // an empty file holds no articles
	case '[':
		if _, err := dec.Token(); err != nil {
			return emit(Record{Where: where, Err: jsonError(err)})
		}
		for i := 0; dec.More(); i++ {
			at := fmt.Sprintf("%s[%d]", where, i)
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return emit(Record{Where: at, Err: jsonError(err)})
			}
			if err := emit(decodeRecord(raw, at)); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return emit(Record{Where: where, Err: jsonError(err)})
		}
		return nil
	case '{':
		// One object is the whole file; several get indexes as in an array,
		// so the first is held back until it is known whether more follow.
		var pending *Record
		for i := 0; ; i++ {
			var raw json.RawMessage
			err := dec.Decode(&raw)
			if err == io.EOF {
				if pending != nil {
					return emit(*pending)
				}
				return nil
			}
			if pending != nil {
				pending.Where = where + "[0]"
				if err := emit(*pending); err != nil {
					return err
				}
				pending = nil
			}
			at := fmt.Sprintf("%s[%d]", where, i)
			if i == 0 {
				at = where
			}
			if err != nil {
				return emit(Record{Where: at, Err: jsonError(err)})
			}
			r := decodeRecord(raw, at)
			if i == 0 {
				pending = &r
				continue
			}
			if err := emit(r); err != nil {
				return err
			}
		}
	default:
		return emit(Record{Where: where, Err: fmt.Errorf("invalid JSON: want an array or an object, got %s", jsonKind(first))})
	}
}

// jsonError words a decoding error for a person fixing the file.
func jsonError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		msg := strings.Replace(syntax.Error(), "unexpected end of JSON input", "unexpected end of input", 1)
		return fmt.Errorf("invalid JSON: %s at byte %d", msg, syntax.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("invalid JSON: unexpected end of input")
	case errors.As(err, &typ):
		want := "a " + typ.Type.Kind().String()
		if typ.Type.Kind() == reflect.Pointer {
			want = "a " + typ.Type.Elem().Kind().String()
		}
		return fmt.Errorf("%s: want %s, got %s", typ.Field, want, typ.Value)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// jsonKind names the kind of JSON value that starts with b.
func jsonKind(b byte) string {
	switch b {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	if b == '-' || (b >= '0' && b <= '9') {
		return "a number"
	}
	return fmt.Sprintf("%q", b)
}

// invalidUTF8 returns the offset of the first byte of b that is not valid
// UTF-8, or -1. encoding/json would silently replace such bytes.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
