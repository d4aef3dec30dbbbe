package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
)

// searchOptions are the flags of `cuttings search`.
type searchOptions struct {
	Data    string
	Store   string
	Filters map[string]*stringList // facet name -> values, all required
	From    string
	To      string
	Sort    string
	Size    int
	Page    int
	Quotes  bool
	JSON    bool
}

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// filterNames are the facets the filter flags name, in the order results
// print them.
var filterNames = []string{
	index.FacetPerson, index.FacetSpeaker, index.FacetCountry,
	index.FacetTopic, index.FacetOrg, index.FacetSource,
}

// flags binds the options to a flag set.
func (o *searchOptions) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Data, "data", "./data", "data `directory` holding the index (and the store)")
	fs.StringVar(&o.Store, "store", "", "store `DSN` such as postgres://host/db, instead of the SQLite database in --data")
	o.Filters = map[string]*stringList{}
	for _, f := range filterNames {
		o.Filters[f] = &stringList{}
		fs.Var(o.Filters[f], f, "only results with this "+f+" (repeat: all must match)")
	}
	fs.StringVar(&o.From, "from", "", "published on or after `DATE` (YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&o.To, "to", "", "published on or before `DATE` (a day, month or year includes all of it)")
	fs.StringVar(&o.Sort, "sort", index.SortRelevance, "`order`: relevance, newest or oldest")
	fs.IntVar(&o.Size, "size", 10, "results per page (1 to 100)")
	fs.IntVar(&o.Page, "page", 1, "page of results")
	fs.BoolVar(&o.Quotes, "quotes", false, "search quotations instead of articles")
	fs.BoolVar(&o.JSON, "json", false, "print the result as JSON, as the server's /api/search does")
}

// runSearch is `cuttings search`: one query, answered by the running server
// if there is one (it holds the index), or else by the index itself.
func runSearch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts searchOptions
	opts.flags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cuttings search [--data ./data] [--person P]... [--country C]... [--from DATE] [--to DATE] [--sort newest] [--quotes] [--json] QUERY...")
		fmt.Fprintln(stderr, `
Searches the archive. QUERY uses Bleve's query syntax: words, "a phrase",
+must, -not, field:value (person:"Keir Starmer", title:ukraine); no QUERY
matches everything. Filters of one facet given several times must all
match. While a server runs on --data, the search is sent to it.

flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("search: %w", errUsage)
	}
	q, err := opts.query(strings.Join(fs.Args(), " "))
	if err != nil {
		fmt.Fprintf(stderr, "cuttings search: %v\n", err)
		return fmt.Errorf("search: %w", errUsage)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	running, err := index.ServerRunning(opts.Data)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	var res *searchResult
	if running {
		res, err = opts.askServer(ctx, q)
	} else {
		res, err = opts.searchIndex(ctx, q, stderr)
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if opts.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printResult(stdout, q, res, isTerminal(stdout))
	return nil
}

// query builds the index query the flags and words describe. Dates are read
// as the server reads them; other values are checked by whoever answers.
func (o *searchOptions) query(text string) (index.Query, error) {
	q := index.Query{Text: strings.TrimSpace(text), Sort: o.Sort, Size: o.Size, Page: o.Page, Quotes: o.Quotes}
	for _, f := range filterNames {
		for _, v := range *o.Filters[f] {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			if f == index.FacetCountry {
				v = strings.ToUpper(v) // ISO codes; "gb" means GB
			}
			if q.Filters == nil {
				q.Filters = map[string][]string{}
			}
			q.Filters[f] = append(q.Filters[f], v)
		}
	}
	var err error
	if q.From, err = parseDate("--from", o.From, false); err != nil {
		return q, err
	}
	if q.To, err = parseDate("--to", o.To, true); err != nil {
		return q, err
	}
	return q, nil
}

// dateLayouts are the forms --from and --to take, most precise first.
var dateLayouts = []string{time.RFC3339, time.DateOnly, "2006-01", "2006"}

// parseDate reads a date in UTC; as the end of a range (end), a year, month
// or day means its last instant.
func parseDate(name, s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006":
				t = t.AddDate(1, 0, 0).Add(-time.Nanosecond)
			case "2006-01":
				t = t.AddDate(0, 1, 0).Add(-time.Nanosecond)
			case time.DateOnly:
				t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
			}
		}
		return t.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("bad date in %s: %q (want YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)", name, s)
}

// searchIndex answers q from the index in the data directory, after
// indexing what the store has that the index has not.
func (o *searchOptions) searchIndex(ctx context.Context, q index.Query, stderr io.Writer) (*searchResult, error) {
	if _, err := os.Stat(o.Data); err != nil {
		return nil, fmt.Errorf("no archive in %s (cuttings ingest makes one): %w", o.Data, err)
	}
	dsn := o.Data
	if o.Store != "" {
		dsn = o.Store
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	a, err := index.OpenArchive(ctx, o.Data, st)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	if last, err := st.LastSeq(ctx); err == nil && last-a.LastSeq() > 1000 {
		fmt.Fprintf(stderr, "cuttings search: indexing %d changes first…\n", last-a.LastSeq())
	}
	if _, err := a.Sync(ctx); err != nil {
		return nil, err
	}
	if why := a.Stale(); why != "" {
		fmt.Fprintf(stderr, "cuttings search: %s\n", why)
	}
	r, err := a.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	return newSearchResult(q, r), nil
}

// askServer sends q to the server running on the data directory, which
// holds its index, and reads its JSON answer.
func (o *searchOptions) askServer(ctx context.Context, q index.Query) (*searchResult, error) {
	addr, err := index.ReadServeAddr(o.Data)
	if err != nil {
		return nil, fmt.Errorf("a server runs on %s but: %w", o.Data, err)
	}
	v := url.Values{}
	if q.Text != "" {
		v.Set("q", q.Text)
	}
	for _, f := range filterNames {
		for _, val := range q.Filters[f] {
			v.Add(f, val)
		}
	}
	// The server parses dates itself, the same way.
	if o.From != "" {
		v.Set("from", o.From)
	}
	if o.To != "" {
		v.Set("to", o.To)
	}
	if q.Sort != "" {
		v.Set("sort", q.Sort)
	}
	v.Set("page", strconv.Itoa(q.Page))
	v.Set("size", strconv.Itoa(q.Size))
	path := "/api/search"
	if q.Quotes {
		path = "/api/quotes"
	}
	u := "http://" + addr + path + "?" + v.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("ask the server on %s: %w", addr, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("read the server's answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(body, &e) == nil && e.Error != "" {
			return nil, fmt.Errorf("server: %s", e.Error)
		}
		return nil, fmt.Errorf("server: %s", resp.Status)
	}
	var res searchResult
	if err := json.Unmarshal(body, &res); err != nil {
		return nil, fmt.Errorf("read the server's answer: %w", err)
	}
	return &res, nil
}

// searchResult is a page of results in the JSON of the server's
// /api/search, which --json prints and the server answers in.
type searchResult struct {
	Total  uint64       `json:"total"`
	TookMS float64      `json:"took_ms"`
	Hits   []searchHit  `json:"hits"`
	Facets searchFacets `json:"facets"`
	Page   int          `json:"page"`
	Size   int          `json:"size"`
}

// searchHit is an article hit or, with --quotes, a quotation hit; the JSON
// has the fields of its kind.
type searchHit struct {
	quote bool

	ID          string    `json:"id"`
	QuoteID     string    `json:"quote_id,omitempty"`
	Quote       string    `json:"quote"`
	Speaker     string    `json:"speaker"`
	SpeakerType string    `json:"speaker_type"`
	Title       string    `json:"title"`
	URL         string    `json:"url"`
	Source      string    `json:"source"`
	Published   time.Time `json:"published,omitzero"`
	Snippet     string    `json:"snippet"`
	People      []string  `json:"people"`
	Countries   []string  `json:"countries"`
	Topics      []string  `json:"topics"`
}

// articleHitJSON and quoteHitJSON are the two shapes of a hit.
type articleHitJSON struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	Snippet   string    `json:"snippet"`
	People    []string  `json:"people"`
	Countries []string  `json:"countries"`
	Topics    []string  `json:"topics"`
}

type quoteHitJSON struct {
	Quote       string    `json:"quote"`
	Speaker     string    `json:"speaker"`
	SpeakerType string    `json:"speaker_type"`
	ID          string    `json:"id"`
	QuoteID     string    `json:"quote_id,omitempty"`
	Title       string    `json:"title"`
	URL         string    `json:"url"`
	Published   time.Time `json:"published,omitzero"`
	Source      string    `json:"source"`
	Snippet     string    `json:"snippet"`
}

// MarshalJSON writes a hit in the shape of its kind.
func (h searchHit) MarshalJSON() ([]byte, error) {
	if h.quote || h.QuoteID != "" {
		return json.Marshal(quoteHitJSON{
			Quote: h.Quote, Speaker: h.Speaker, SpeakerType: h.SpeakerType, ID: h.ID, QuoteID: h.QuoteID,
			Title: h.Title, URL: h.URL, Published: h.Published, Source: h.Source, Snippet: h.Snippet,
		})
	}
	return json.Marshal(articleHitJSON{
		ID: h.ID, Title: h.Title, URL: h.URL, Source: h.Source, Published: h.Published, Snippet: h.Snippet,
		People: nonNil(h.People), Countries: nonNil(h.Countries), Topics: nonNil(h.Topics),
	})
}

// UnmarshalJSON reads either shape; a quotation hit has a "quote".
func (h *searchHit) UnmarshalJSON(b []byte) error {
	type plain searchHit // no methods: no recursion
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	_, p.quote = probe["quote"]
	*h = searchHit(p)
	return nil
}

// searchFacets holds every facet, always present.
type searchFacets struct {
	Person    []facetValue `json:"person"`
	Speaker   []facetValue `json:"speaker"`
	Country   []facetValue `json:"country"`
	Topic     []facetValue `json:"topic"`
	Org       []facetValue `json:"org"`
	Source    []facetValue `json:"source"`
	Published []dateBucket `json:"published"`
}

type facetValue struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type dateBucket struct {
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
	Count int       `json:"count"`
}

// byName returns a facet's values by its name.
func (f *searchFacets) byName(name string) []facetValue {
	switch name {
	case index.FacetPerson:
		return f.Person
	case index.FacetSpeaker:
		return f.Speaker
	case index.FacetCountry:
		return f.Country
	case index.FacetTopic:
		return f.Topic
	case index.FacetOrg:
		return f.Org
	case index.FacetSource:
		return f.Source
	}
	return nil
}

// newSearchResult converts the index's answer to the server's JSON shape.
func newSearchResult(q index.Query, r *index.Result) *searchResult {
	out := &searchResult{
		Total:  r.Total,
		TookMS: float64(r.Took.Microseconds()) / 1000,
		Hits:   make([]searchHit, 0, len(r.Hits)),
		Page:   q.Page,
		Size:   q.Size,
	}
	for _, h := range r.Hits {
		out.Hits = append(out.Hits, searchHit{
			quote: q.Quotes, ID: h.ID, QuoteID: h.QuoteID, Quote: h.Quote, Speaker: h.Speaker,
			SpeakerType: h.SpeakerType, Title: h.Title, URL: h.URL, Source: h.Source,
			Published: h.Published, Snippet: h.Snippet, People: h.People, Countries: h.Countries, Topics: h.Topics,
		})
	}
	values := func(name string) []facetValue {
		vs := make([]facetValue, 0, len(r.Facets[name]))
		for _, v := range r.Facets[name] {
			label := v.Label
			if label == "" {
				label = v.Value
			}
			vs = append(vs, facetValue{Value: v.Value, Label: label, Count: v.Count})
		}
		return vs
	}
	out.Facets = searchFacets{
		Person: values(index.FacetPerson), Speaker: values(index.FacetSpeaker),
		Country: values(index.FacetCountry), Topic: values(index.FacetTopic),
		Org: values(index.FacetOrg), Source: values(index.FacetSource),
		Published: make([]dateBucket, 0, len(r.Dates)),
	}
	for _, d := range r.Dates {
		out.Facets.Published = append(out.Facets.Published, dateBucket{From: d.From.UTC(), To: d.To.UTC(), Count: d.Count})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// facetsShown is how many values of each facet the text output lists.
const facetsShown = 8

// printResult writes the hits and facet counts for a reader: on a terminal
// matches are bold, elsewhere they are marked *like this*.
func printResult(w io.Writer, q index.Query, r *searchResult, color bool) {
	what := "article"
	if q.Quotes {
		what = "quotation"
	}
	if r.Total != 1 {
		what += "s"
	}
	first := (max(r.Page, 1)-1)*max(r.Size, 1) + 1
	switch {
	case r.Total == 0:
		fmt.Fprintf(w, "no %s found (%.1f ms)\n", what, r.TookMS)
	case len(r.Hits) == 0:
		fmt.Fprintf(w, "%d %s; page %d is past the last (%.1f ms)\n", r.Total, what, r.Page, r.TookMS)
	default:
		fmt.Fprintf(w, "%d %s, %d-%d shown (%.1f ms)\n", r.Total, what, first, first+len(r.Hits)-1, r.TookMS)
	}
	for _, h := range r.Hits {
		fmt.Fprintln(w)
		date := "undated   "
		if !h.Published.IsZero() {
			date = h.Published.UTC().Format(time.DateOnly)
		}
		if q.Quotes {
			speaker := h.Speaker
			if speaker == "" {
				speaker = "(unknown speaker)"
			}
			fmt.Fprintf(w, "%s  %s  %s:\n", date, h.Source, speaker)
			fmt.Fprintf(w, "    “%s”\n", readable(h.Snippet, color))
			fmt.Fprintf(w, "    in %s  [%s]\n", h.Title, h.ID)
			continue
		}
		fmt.Fprintf(w, "%s  %s  %s\n", date, h.Source, h.Title)
		fmt.Fprintf(w, "    [%s]\n", h.ID)
		if h.Snippet != "" {
			fmt.Fprintf(w, "    %s\n", readable(h.Snippet, color))
		}
	}
	if r.Total == 0 {
		return
	}
	fmt.Fprintln(w)
	for _, name := range filterNames {
		vs := r.Facets.byName(name)
		if len(vs) == 0 {
			continue
		}
		var parts []string
		for i, v := range vs {
			if i == facetsShown {
				parts = append(parts, "…")
				break
			}
			label := v.Label
			if label != v.Value && label != "" {
				label = fmt.Sprintf("%s [%s]", v.Label, v.Value)
			}
			parts = append(parts, fmt.Sprintf("%s (%d)", label, v.Count))
		}
		fmt.Fprintf(w, "%-10s %s\n", name+":", strings.Join(parts, ", "))
	}
	if len(r.Facets.Published) > 0 {
		var parts []string
		for _, d := range r.Facets.Published {
			parts = append(parts, fmt.Sprintf("%d (%d)", d.From.Year(), d.Count))
		}
		fmt.Fprintf(w, "%-10s %s\n", index.FacetPublished+":", strings.Join(parts, ", "))
	}
}

// readable turns a snippet's HTML into plain text, matches made visible.
func readable(snippet string, color bool) string {
	on, off := "*", "*"
	if color {
		on, off = "\x1b[1m", "\x1b[0m"
	}
	s := strings.NewReplacer("<mark>", on, "</mark>", off).Replace(snippet)
	return html.UnescapeString(s)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
