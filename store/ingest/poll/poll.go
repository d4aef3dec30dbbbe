// Package poll keeps an archive current with a list of feeds: it reads
// each feed on a schedule with conditional requests (an unchanged feed
// costs a 304), completes items from their pages, writes the articles to
// the store, backs off from a feed that fails, and keeps for each feed when
// it was last read and what went wrong, for the server to show. Fetching,
// with its limits and its one request a second per host, is package
// fetch's.
package poll

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest"
	"github.com/cuttings/cuttings/store/ingest/fetch"
)

// Defaults of a Poller's schedule.
const (
	DefaultEvery      = 15 * time.Minute
	DefaultMaxBackoff = 6 * time.Hour
	// maxRejected is how many of a poll's rejected items a status keeps.
	maxRejected = 10
)

// Status is what is known of one feed, for /healthz and the page.
type Status struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"` // the source of its last articles
	// LastRead is when the feed was last read successfully, a 304
	// included; zero if never.
	LastRead time.Time `json:"last_read,omitzero"`
	// LastTry is when the feed was last asked for, successfully or not.
	LastTry   time.Time `json:"last_try,omitzero"`
	NextTry   time.Time `json:"next_try,omitzero"`
	Unchanged bool      `json:"unchanged,omitempty"` // the last read was a 304
	// Added and Updated count the last read's articles.
	Added   int `json:"added"`
	Updated int `json:"updated"`
	// Error is why the last try failed ("" when it did not); Failures
	// counts the tries that failed in a row, which set the back-off.
	Error    string `json:"error,omitempty"`
	Failures int    `json:"failures,omitempty"`
	// Rejected are the last read's items that could not be stored, as
	// "where: reason" (the first few).
	Rejected []string `json:"rejected,omitempty"`
}

// Poller reads a list of feeds into a store until its context ends. Set
// the fields, then call Run.
type Poller struct {
	Feeds      []string
	Store      *store.Store
	Client     *fetch.Client
	Every      time.Duration // between reads of one feed; 0 is DefaultEvery
	MaxBackoff time.Duration // the longest wait after failures; 0 is DefaultMaxBackoff
	Log        io.Writer     // one line per failure; nil is quiet

	mu     sync.Mutex
	status map[string]*feedState
}

// feedState is a feed's status and the validators of its last copy.
type feedState struct {
	Status
	etag, lastModified string
}

// Run polls every feed until ctx ends: each at once, then every Every, or
// after a back-off that doubles with each failure in a row.
func (p *Poller) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, u := range p.Feeds {
		p.state(u) // every feed has a status from the start
		wg.Go(func() {
			for {
				wait := p.Poll(ctx, u)
				select {
				case <-ctx.Done():
					return
				case <-time.After(wait):
				}
			}
		})
	}
	wg.Wait()
	return nil
}

// Statuses returns each feed's status, in the order of Feeds.
func (p *Poller) Statuses() []Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Status, 0, len(p.Feeds))
	for _, u := range p.Feeds {
		st := Status{URL: u}
		if s, ok := p.status[u]; ok {
			st = s.Status
			st.Rejected = slices.Clone(st.Rejected)
		}
		out = append(out, st)
	}
	return out
}

func (p *Poller) state(u string) *feedState {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.status == nil {
		p.status = map[string]*feedState{}
	}
	s, ok := p.status[u]
	if !ok {
		s = &feedState{Status: Status{URL: u}}
		p.status[u] = s
	}
	return s
}

// Poll reads one feed once, writes its new and changed articles, records
// the outcome, and returns how long to wait before the next read.
func (p *Poller) Poll(ctx context.Context, feedURL string) time.Duration {
	s := p.state(feedURL)
	p.mu.Lock()
	req := fetch.Request{URL: feedURL, Accept: fetch.Feeds, ETag: s.etag, LastModified: s.lastModified}
	p.mu.Unlock()

	res, err := p.Client.Get(ctx, req)
	// When the server answered: the request may have waited its turn for
	// the host first.
	now := time.Now()
	var (
		added, updated int
		rejected       []string
		title          string
	)
	if err == nil && !res.NotModified {
		added, updated, title, rejected, err = p.read(ctx, res)
	}
	if ctx.Err() != nil {
		return 0 // shutting down: not the feed's failure
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	s.LastTry = now
	if err != nil {
		s.Error = err.Error()
		s.Failures++
		wait := p.backoff(s.Failures)
		s.NextTry = now.Add(wait)
		if p.Log != nil {
			fmt.Fprintf(p.Log, "cuttings: feed %s (try again in %v)\n", s.Error, wait.Round(time.Second))
		}
		return wait
	}
	s.Error, s.Failures = "", 0
	s.LastRead = now
	s.Unchanged = res.NotModified
	s.etag, s.lastModified = res.ETag, res.LastModified
	s.Added, s.Updated = added, updated
	if !res.NotModified {
		s.Rejected = rejected
		if title != "" {
			s.Title = title
		}
	}
	wait := p.every()
	s.NextTry = now.Add(wait)
	return wait
}

// read turns a fetched feed into articles and writes them. A feed that
// does not parse is an error and nothing of it is written.
func (p *Poller) read(ctx context.Context, res *fetch.Response) (added, updated int, title string, rejected []string, err error) {
	var batch []store.Article
	var feedErr error
	err = ingest.ReadFetched(res.Body, res.ContentType, res.URL, func(rec ingest.Record) error {
		if rec.Page != "" {
			// An item already in the archive under its link is not
			// fetched again each time the feed changes.
			if _, err := p.Store.Get(ctx, store.URLID(store.CanonicalURL(rec.Page))); err == nil {
				return nil
			}
			rec = ingest.CompletePage(ctx, p.Client, rec)
		}
		if rec.Err != nil {
			if rec.Where == res.URL { // the feed itself, not one of its items
				feedErr = fmt.Errorf("%s: %w", res.URL, rec.Err)
				return nil
			}
			if len(rejected) < maxRejected {
				rejected = append(rejected, fmt.Sprintf("%s: %v", rec.Where, rec.Err))
			}
			if p.Log != nil {
				fmt.Fprintf(p.Log, "cuttings: feed %s: %v\n", rec.Where, rec.Err)
			}
			return nil
		}
		if title == "" {
			title = rec.Article.Source
		}
		batch = append(batch, rec.Article)
		return ctx.Err()
	})
	if err == nil {
		err = feedErr
	}
	if err != nil {
		return 0, 0, "", nil, err
	}
	results, err := p.Store.PutBatch(ctx, batch)
	if err != nil {
		return 0, 0, "", nil, fmt.Errorf("%s: store: %w", res.URL, err)
	}
	for _, r := range results {
		switch r {
		case store.Added:
			added++
		case store.Updated:
			updated++
		}
	}
	return added, updated, title, rejected, nil
}

func (p *Poller) every() time.Duration {
	if p.Every > 0 {
		return p.Every
	}
	return DefaultEvery
}

// backoff is the wait after n failures in a row: Every, doubled for each
// failure after the first, at most MaxBackoff.
func (p *Poller) backoff(n int) time.Duration {
	limit := p.MaxBackoff
	if limit <= 0 {
		limit = DefaultMaxBackoff
	}
	wait := p.every()
	for i := 1; i < n && wait < limit; i++ {
		wait *= 2
	}
	return min(wait, limit)
}

// ReadList reads a list of feeds: one URL a line; blank lines and lines
// starting with # are skipped. A line that is not an http or https URL is
// an error naming the file and line; so is a list with no feeds.
func ReadList(r io.Reader, name string) ([]string, error) {
	var feeds []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%s:%d: %q is not an http or https URL", name, n, line)
		}
		if !seen[line] {
			seen[line] = true
			feeds = append(feeds, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(feeds) == 0 {
		return nil, fmt.Errorf("%s: no feed URLs in it", name)
	}
	return feeds, nil
}
