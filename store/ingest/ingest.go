// Package ingest reads articles from files — JSON Lines, JSON arrays, plain
// text, RSS and Atom feeds, saved web pages and web archives — and turns
// each record into a normalised store.Article or a rejection that says
// where the record is and what is wrong with it. It does not write to the
// store; the caller decides how to batch. The formats of the web have
// packages of their own below this one (feed, page, warc), and fetch gets
// them over HTTP.
package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest/fetch"
)

// Record is one article read from a file, already validated, or the reason
// it was rejected.
type Record struct {
	Article store.Article // normalised by Validate; partial when Err is set
	// Where is "path:line" for a JSON Lines record, "path[i]" for the i-th
	// (from 0) element of a JSON array, item of a feed or record of a web
	// archive, "path" for a whole file; a URL for path when it was fetched.
	Where string
	Err   error // non-nil when the record was rejected
	// Page, when set, is the page that holds the article's text: a feed
	// item that carries only a summary. Article is not validated yet;
	// CompletePage fetches the page and finishes the record.
	Page string
}

// MaxLine is the longest JSON Lines record read; a longer line is rejected
// and skipped without holding it in memory.
const MaxLine = 16 << 20

// format is how a file's content is laid out.
type format int

const (
	formatJSONL format = iota + 1
	formatJSON
	formatText
	formatFeed
	formatPage
	formatWARC
)

// formats maps the file name extensions Files picks up to their format.
var formats = map[string]format{
	".jsonl":     formatJSONL,
	".ndjson":    formatJSONL,
	".jsonlines": formatJSONL,
	".json":      formatJSON,
	".txt":       formatText,
	".rss":       formatFeed,
	".atom":      formatFeed,
	".rdf":       formatFeed,
	".xml":       formatFeed,
	".html":      formatPage,
	".htm":       formatPage,
	".xhtml":     formatPage,
	".warc":      formatWARC,
	".warc.gz":   formatWARC,
}

// formatOf is the format a file name's extension says, if any.
func formatOf(name string) (format, bool) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".warc.gz") {
		return formatWARC, true
	}
	f, ok := formats[filepath.Ext(lower)]
	return f, ok
}

// Stdin is the file name that means standard input, to Files and Read.
const Stdin = "-"

// Read reads the articles in r and calls emit with each, valid or not, in
// order. The format comes from name's extension; for any other name
// (including Stdin) it is sniffed from the first bytes: '[' a JSON array,
// '{' JSON Lines, "WARC/" or gzip a web archive, '<' a feed when its root is
// rss, feed or rdf:RDF and a web page otherwise, anything else one text
// article, nothing at all no article. Read stops at the first error from r
// or from emit and returns it; a bad record is not an error.
func Read(r io.Reader, name string, emit func(Record) error) error {
	where := name
	if name == Stdin {
		where = "stdin"
	}
	return read(r, name, where, "", "", emit)
}

// ReadFetched reads what was fetched from pageURL: a feed or a web page,
// as its contentType says (sniffed when it says neither). Records are
// named by the URL.
func ReadFetched(body []byte, contentType, pageURL string, emit func(Record) error) error {
	mt, _, _ := mime.ParseMediaType(contentType)
	name := ""
	switch {
	case slices.Contains(fetch.Pages, mt):
		name = ".html"
	case slices.Contains(fetch.Feeds, mt):
		name = ".xml"
	}
	return read(bytes.NewReader(body), name, pageURL, contentType, pageURL, emit)
}

// read reads r in the format name's extension says, or sniffs it.
// contentType and baseURL are what is known of a fetched input.
func read(r io.Reader, name, where, contentType, baseURL string, emit func(Record) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	f, ok := formatOf(name)
	if !ok || name == Stdin {
		var err error
		if f, err = sniff(br); err != nil {
			return fmt.Errorf("read %s: %w", where, err)
		}
		if f == 0 {
			return nil // nothing but white space: no article, nothing wrong
		}
	}
	switch f {
	case formatJSONL:
		return readJSONL(br, where, emit)
	case formatJSON:
		return readJSON(br, where, emit)
	case formatFeed:
		return readFeed(br, where, contentType, baseURL, emit)
	case formatPage:
		return readPage(br, where, contentType, baseURL, emit)
	case formatWARC:
		return readWARC(br, where, emit)
	default:
		return readText(br, where, emit)
	}
}

// sniff tells a format by the first bytes of br; 0 for nothing but white
// space.
func sniff(br *bufio.Reader) (format, error) {
	if head, _ := br.Peek(5); bytes.Equal(head, []byte("WARC/")) || bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		return formatWARC, nil
	}
	first, err := firstByte(br)
	if err != nil {
		return 0, err
	}
	switch first {
	case 0:
		return 0, nil
	case '[':
		return formatJSON, nil
	case '{':
		return formatJSONL, nil
	case '<':
		head, _ := br.Peek(2048)
		if feedRoot.Match(head) {
			return formatFeed, nil
		}
		return formatPage, nil
	}
	return formatText, nil
}

// feedRoot finds the root element of a feed among a document's first bytes.
var feedRoot = regexp.MustCompile(`<(rss|feed|rdf:RDF)[\s>]`)

// firstByte returns the first byte that is not white space or a byte order
// mark, without consuming anything; 0 for an empty input.
func firstByte(br *bufio.Reader) (byte, error) {
	for n := 64; ; n *= 2 {
		buf, err := br.Peek(n)
		rest := bytes.TrimLeft(bytes.TrimPrefix(buf, bom), " \t\r\n")
		if len(rest) > 0 {
			return rest[0], nil
		}
		if err == io.EOF {
			return 0, nil
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return 0, err
		}
		if n >= br.Size() {
			return 0, nil // a buffer full of white space: let the text reader say so
		}
	}
}

var bom = []byte("\xef\xbb\xbf")

// readJSONL reads one JSON object a line. Blank lines are skipped; a line
// longer than MaxLine is rejected and skipped.
func readJSONL(br *bufio.Reader, where string, emit func(Record) error) error {
	var line []byte
	for n := 1; ; n++ {
		var tooLong bool
		var err error
		line, tooLong, err = readLine(br, line[:0])
		if err != nil && err != io.EOF {
			return fmt.Errorf("read %s:%d: %w", where, n, err)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		at := fmt.Sprintf("%s:%d", where, n)
		switch {
		case tooLong:
			if e := emit(Record{Where: at, Err: fmt.Errorf("line is longer than %d MiB", MaxLine>>20)}); e != nil {
				return e
			}
		case len(bytes.TrimSpace(line)) > 0:
			if e := emit(decodeRecord(line, at)); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine appends the next line of br to buf, without its line ending.
// Past MaxLine it stops appending, reads on to the end of the line and
// reports tooLong. err is io.EOF after the last line.
func readLine(br *bufio.Reader, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxLine+2 { // +2: the line ending
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(buf) == 0 && !tooLong:
			return buf, false, io.EOF
		case err != nil && err != io.EOF:
			return buf, tooLong, err
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if err == io.EOF {
			return buf, tooLong, io.EOF
		}
		return buf, tooLong, nil
	}
}

// IsURL reports whether a command-line argument is a URL to fetch rather
// than a file.
func IsURL(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// Files expands the command line's arguments into the files to read:
// a directory stands for the files under it with a known extension
// (.jsonl, .ndjson, .jsonlines, .json, .txt, .rss, .atom, .rdf, .xml,
// .html, .htm, .xhtml, .warc, .warc.gz), recursively, in sorted order,
// skipping hidden files and directories; a file stands for itself whatever
// its name; Stdin and URLs stay as they are.
func Files(args []string) ([]string, error) {
	files, _, err := ListFiles(args)
	return files, err
}

// ListFiles is Files, and also lists the files under the directories that
// it leaves out because their extension is none it reads (hidden files
// aside, which are left out on purpose: editors' and writers' temporary
// files), and each directory given that holds no file at all, so that the
// user is told of every input not read.
func ListFiles(args []string) (files, skipped []string, err error) {
	for _, arg := range args {
		if arg == Stdin || IsURL(arg) {
			files = append(files, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			return nil, nil, err // *fs.PathError names the file
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		var found, unknown []string
		// The trailing separator makes WalkDir follow arg when it is a
		// symbolic link to a directory.
		root := strings.TrimSuffix(arg, string(filepath.Separator)) + string(filepath.Separator)
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := path != root && strings.HasPrefix(d.Name(), ".")
			if d.IsDir() {
				if hidden {
					return filepath.SkipDir
				}
				return nil
			}
			if hidden {
				return nil
			}
			if _, known := formatOf(path); !known {
				if d.Type().IsRegular() {
					unknown = append(unknown, path)
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// A link to a file counts; a link to a directory is not
				// followed, which also keeps link cycles out.
				if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			found = append(found, path)
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("list %s: %w", arg, err)
		}
		slices.Sort(found)
		slices.Sort(unknown)
		files = append(files, found...)
		skipped = append(skipped, unknown...)
		if len(found) == 0 && len(unknown) == 0 {
			skipped = append(skipped, arg)
		}
	}
	return files, skipped, nil
}
