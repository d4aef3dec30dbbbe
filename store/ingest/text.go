package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/cuttings/cuttings/store"
)

// readText reads one article from a text file: the title on the first line,
// optional "Key: value" header lines (Source, Published, URL, Author, ...),
// a blank line, then the body.
func readText(br *bufio.Reader, where string, emit func(Record) error) error {
	// Read a little past the body limit: enough to know the file is too big
	// without holding an arbitrarily large file in memory.
	data, err := io.ReadAll(io.LimitReader(br, MaxBody+64<<10+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", where, err)
	}
	if len(data) > MaxBody+64<<10 {
		return emit(Record{Where: where, Err: fmt.Errorf("body is larger than %d MiB", MaxBody>>20)})
	}
	a, err := parseText(data)
	if err == nil {
		err = Validate(&a)
	}
	return emit(Record{Article: a, Where: where, Err: err})
}

func parseText(data []byte) (store.Article, error) {
	var a store.Article
	if i := invalidUTF8(data); i >= 0 {
		return a, fmt.Errorf("invalid UTF-8 at byte %d", i)
	}
	text := string(bytes.TrimPrefix(data, bom))
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.TrimLeft(text, " \t\n")
	title, rest, _ := strings.Cut(text, "\n")
	a.Title = title
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "" {
			rest = after
			break // the blank line that ends the headers
		}
		key, value, ok := strings.Cut(line, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || !textHeaders[key] {
			// The body follows the title without headers or a blank line;
			// its first paragraph may well contain a colon.
			break
		}
		value = strings.TrimSpace(value)
		switch key {
		case "source":
			a.Source = value
		case "published", "date":
			t, err := ParseDate(value)
			if err != nil {
				return a, fmt.Errorf("published: %w", err)
			}
			a.Published = t
		case "url", "link":
			a.URL = value
		case "author", "by":
			a.Authors = append(a.Authors, value)
		case "authors":
			a.Authors = append(a.Authors, strings.Split(value, ",")...)
		case "language", "lang":
			a.Language = value
		case "id":
			a.ID = value
		}
		rest = after
	}
	a.Body = rest
	return a, nil
}

// textHeaders are the header names a text article may have, in lower case.
var textHeaders = map[string]bool{
	"source": true, "published": true, "date": true, "url": true, "link": true,
	"author": true, "by": true, "authors": true, "language": true, "lang": true, "id": true,
}
