// Package warc reads web archives (.warc, and .warc.gz compressed record by
// record, as crawlers write them) and turns every HTML page a server sent —
// each response record with a 200 and an HTML content type — into an
// article, through package page. The record's target URI is the article's
// URL and its date the article's date unless the page states when it was
// published. Requests, metadata, images and other records are skipped. It
// hides github.com/nlnwa/gowarc.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"strings"

	"github.com/nlnwa/gowarc"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest/page"
)

// MaxPage is the largest page read from a record; a larger one is
// reported and skipped.
const MaxPage = 8 << 20

// Page is one HTML response of the archive as an article, or why it could
// not become one.
type Page struct {
	Record  int    // the record's place in the file, from 0, every record counted
	URI     string // WARC-Target-URI
	Article store.Article
	Err     error
}

// Read reads the web archive in r and calls emit with each HTML response
// record, in order. A record whose page yields no article is emitted with
// Err set and the rest go on; a file that is not a web archive, or breaks
// off, stops Read with an error saying at which record.
func Read(r io.Reader, emit func(Page) error) error {
	// Crawlers' archives seldom pass every check of the standard (digests,
	// optional fields); what matters here is that records can be read.
	br := bufio.NewReader(r)
	start, _ := br.Peek(5)
	if !bytes.Equal(start, []byte("WARC/")) && !bytes.HasPrefix(start, []byte{0x1f, 0x8b}) {
		return errors.New("not a web archive: it does not start with a WARC record")
	}
	wr, err := gowarc.NewWarcFileReaderFromStream(br, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore))
	if err != nil {
		return err
	}
	defer wr.Close()
	for n := 0; ; n++ {
		rec, _, _, err := wr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if n == 0 {
				return fmt.Errorf("not a web archive: %w", err)
			}
			return fmt.Errorf("record %d: %w", n, err)
		}
		p, ok := readRecord(rec)
		if !ok {
			continue
		}
		p.Record = n
		if err := emit(p); err != nil {
			return err
		}
	}
}

// readRecord turns a record into a Page; ok is false for a record that is
// not an HTML page a server sent.
func readRecord(rec gowarc.WarcRecord) (p Page, ok bool) {
	if rec.Type() != gowarc.Response {
		return p, false
	}
	block, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP || block.HttpStatusCode() != 200 {
		return p, false
	}
	header := block.HttpHeader()
	contentType := header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return p, false
	}
	p.URI = strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	payload, err := block.PayloadBytes()
	if err != nil {
		p.Err = err
		return p, true
	}
	counted := &countingReader{r: payload}
	body, err := decode(counted, chunked(block.ProtocolHeaderBytes()), header.Get("Content-Encoding"))
	if err != nil {
		p.Err = err
		return p, true
	}
	// gowarc hands over what there is of a record cut short (a crawl that
	// died mid-write); a page with its end missing is not an article.
	if want, err := rec.ContentLength(); err == nil && len(body) < MaxPage {
		io.Copy(io.Discard, counted)
		if got := int64(len(block.ProtocolHeaderBytes())) + counted.n; got < want-4 {
			p.Err = fmt.Errorf("record is cut short: %d of %d bytes", got, want)
			return p, true
		}
	}
	a, err := page.Parse(bytes.NewReader(body), contentType, p.URI)
	if err != nil {
		p.Err = err
		return p, true
	}
	// The URI the crawler asked for is where the page was; a canonical link
	// may point elsewhere entirely (a syndicated copy names its original).
	a.URL = p.URI
	if a.Published.IsZero() {
		if t, err := rec.Date(); err == nil {
			a.Published = t
		}
	}
	p.Article = a
	return p, true
}

// chunked reports whether the raw HTTP header says the body is chunked;
// the parsed header has lost Transfer-Encoding by the time it is read.
func chunked(header []byte) bool {
	for line := range strings.SplitSeq(string(header), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Transfer-Encoding") &&
			strings.Contains(strings.ToLower(value), "chunked") {
			return true
		}
	}
	return false
}

// decode undoes the chunking and compression a server applied, which
// archives keep as sent, and applies MaxPage.
func decode(r io.Reader, chunked bool, content string) ([]byte, error) {
	if chunked {
		r = httputil.NewChunkedReader(bufio.NewReader(r))
	}
	switch strings.ToLower(strings.TrimSpace(content)) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("page says it is gzip-compressed: %w", err)
		}
		defer zr.Close()
		r = zr
	default:
		return nil, fmt.Errorf("page compressed with %q, which is not read", content)
	}
	body, err := io.ReadAll(io.LimitReader(r, MaxPage+1))
	if err != nil {
		return nil, err
	}
	if len(body) > MaxPage {
		return nil, errors.New("page is larger than 8 MiB")
	}
	return body, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
