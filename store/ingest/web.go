package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/cuttings/cuttings/store/ingest/feed"
	"github.com/cuttings/cuttings/store/ingest/fetch"
	"github.com/cuttings/cuttings/store/ingest/page"
	"github.com/cuttings/cuttings/store/ingest/warc"
)

// MaxDocument is the largest feed or saved page read from a file; a web
// archive is read record by record and has no such limit.
const MaxDocument = 16 << 20

// readAll reads a whole feed or page, up to MaxDocument.
func readAll(br *bufio.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(br, MaxDocument+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxDocument {
		return nil, fmt.Errorf("larger than %d MiB", MaxDocument>>20)
	}
	return data, nil
}

// readFeed reads a feed: one record per item, "where[i]" for the i-th
// item from 0. A feed that does not parse is one rejection and no items.
func readFeed(br *bufio.Reader, where, contentType, feedURL string, emit func(Record) error) error {
	data, err := readAll(br)
	if err != nil {
		return emit(Record{Where: where, Err: err})
	}
	f, err := feed.Parse(bytes.NewReader(data), contentType, feedURL)
	if err != nil {
		return emit(Record{Where: where, Err: err})
	}
	for i, it := range f.Items {
		rec := Record{Article: it.Article, Where: fmt.Sprintf("%s[%d]", where, i), Page: it.Page}
		if rec.Page == "" {
			rec.Err = Validate(&rec.Article)
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// readPage reads one saved or fetched web page as one article.
func readPage(br *bufio.Reader, where, contentType, pageURL string, emit func(Record) error) error {
	data, err := readAll(br)
	if err != nil {
		return emit(Record{Where: where, Err: err})
	}
	a, err := page.Parse(bytes.NewReader(data), contentType, pageURL)
	if err == nil {
		err = Validate(&a)
	}
	return emit(Record{Article: a, Where: where, Err: err})
}

// readWARC reads a web archive: one record per HTML response, "where[n]"
// for the archive's n-th record from 0, its URI in any rejection.
func readWARC(br *bufio.Reader, where string, emit func(Record) error) error {
	var emitErr error
	err := warc.Read(br, func(p warc.Page) error {
		rec := Record{Article: p.Article, Where: fmt.Sprintf("%s[%d]", where, p.Record), Err: p.Err}
		if rec.Err == nil {
			rec.Err = Validate(&rec.Article)
		}
		if rec.Err != nil {
			rec.Err = fmt.Errorf("%s: %w", p.URI, rec.Err)
		}
		emitErr = emit(rec)
		return emitErr
	})
	if err != nil && emitErr == nil {
		// The archive itself is unreadable from here on: one rejection,
		// and the records before it stand.
		return emit(Record{Where: where, Err: err})
	}
	return err
}

// CompletePage finishes a record whose article is on a page (a feed item
// without its full text): it fetches rec.Page, reads the article from it,
// merges what the feed said, and validates. A page that cannot be fetched
// or read rejects the record, with the URL and the reason.
func CompletePage(ctx context.Context, c *fetch.Client, rec Record) Record {
	if rec.Page == "" || rec.Err != nil {
		return rec
	}
	res, err := c.Get(ctx, fetch.Request{URL: rec.Page, Accept: fetch.Pages})
	if err != nil {
		rec.Err = fmt.Errorf("fetch page %w", err)
		return rec
	}
	p, err := page.Parse(bytes.NewReader(res.Body), res.ContentType, res.URL)
	if err != nil {
		rec.Err = fmt.Errorf("page %s: %w", rec.Page, err)
		return rec
	}
	rec.Article = feed.Complete(feed.Item{Article: rec.Article, Page: rec.Page}, p)
	rec.Page = ""
	rec.Err = Validate(&rec.Article)
	return rec
}
