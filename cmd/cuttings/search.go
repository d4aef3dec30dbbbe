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
	"github.com/cuttings/cuttings/web"
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
	// AllCopies lists every copy of a story; Group only the copies of one.
	AllCopies bool
	Group     string
	JSON      bool
	Format    string
	// ReadOnly searches the index as it is, writing nothing in Data; a
	// data directory this process may not write is searched so anyway.
	ReadOnly bool
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
	storeFlag(fs, &o.Store)
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
	fs.BoolVar(&o.AllCopies, "all-copies", false, "list every copy of a story (the same agency story run by several papers) as a hit of its own, and count each in the facets; by default a story is one hit")
	fs.StringVar(&o.Group, "group", "", "only the copies of one story: the `group` a hit names")
	fs.BoolVar(&o.JSON, "json", false, "print the result as JSON, as the server's /api/search does (--format json)")
	fs.BoolVar(&o.ReadOnly, "read-only", false, "write nothing in --data: search the index as it is, without indexing what the store has that it lacks (the default when --data cannot be written)")
	fs.StringVar(&o.Format, "format", "text", "`format`: text, json (one page, as /api/search), or csv or jsonl (every hit, streamed; --page and --size do not apply)")
}

// runSearch is `cuttings search`: one query, answered by the running server
// if there is one (it holds the index), or else by the index itself.
func runSearch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts searchOptions
	opts.flags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cuttings search [--data ./data] [--person P]... [--country C]... [--from DATE] [--to DATE] [--sort newest] [--quotes] [--format text|json|csv|jsonl] [--read-only] QUERY...")
		fmt.Fprintln(stderr, `
Searches the archive. QUERY uses Bleve's query syntax: words, "a phrase",
+must, -not, field:value (person:"Keir Starmer", title:ukraine); no QUERY
matches everything. A stop word inside a phrase matches any stop word:
"bank of england" finds "bank in England", not "bank rate England". Filters of one facet given several times must all
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
	switch opts.Format {
	case "text":
		if opts.JSON {
			opts.Format = web.FormatJSON
		}
	case web.FormatJSON, web.FormatCSV, web.FormatJSONL:
	default:
		fmt.Fprintf(stderr, "cuttings search: unknown --format %q (want text, json, csv or jsonl)\n", opts.Format)
		return fmt.Errorf("search: %w", errUsage)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	running, err := index.ServerRunning(opts.Data)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if opts.Format == web.FormatCSV || opts.Format == web.FormatJSONL {
		if running {
			err = opts.exportFromServer(ctx, q, stdout)
		} else {
			err = opts.exportIndex(ctx, q, stdout, stderr)
		}
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		return nil
	}
	var res *web.SearchJSON
	if running {
		res, err = opts.askServer(ctx, q)
	} else {
		res, err = opts.searchIndex(ctx, q, stderr)
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if opts.Format == web.FormatJSON {
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
	q := index.Query{Text: strings.TrimSpace(text), Sort: o.Sort, Size: o.Size, Page: o.Page, Quotes: o.Quotes, AllCopies: o.AllCopies}
	if g := strings.TrimSpace(o.Group); g != "" {
		q.Filters = map[string][]string{index.FacetGroup: {g}}
	}
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

// parseDate reads --from or --to.
func parseDate(name, s string, end bool) (time.Time, error) {
	t, err := index.ParseDate(s, end)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

// searchIndex answers q from the index in the data directory, after
// indexing what the store has that the index has not.
func (o *searchOptions) searchIndex(ctx context.Context, q index.Query, stderr io.Writer) (*web.SearchJSON, error) {
	a, done, err := o.openArchive(ctx, stderr)
	if err != nil {
		return nil, err
	}
	defer done()
	r, err := a.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	out := web.NewSearchJSON(q, r)
	return &out, nil
}

// openArchive opens the archive in the data directory, after indexing what
// the store has that the index has not; done closes it.
func (o *searchOptions) openArchive(ctx context.Context, stderr io.Writer) (a *index.Archive, done func(), err error) {
	if _, err := os.Stat(o.Data); err != nil {
		return nil, nil, fmt.Errorf("no archive in %s (cuttings ingest makes one): %w", o.Data, err)
	}
	if o.ReadOnly || index.ReadOnlyDir(o.Data) {
		return o.openReadOnly(ctx, stderr)
	}
	st, err := store.Open(ctx, storeDSN(o.Data, o.Store))
	if err != nil {
		return nil, nil, err
	}
	a, err = index.OpenArchive(ctx, o.Data, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	done = func() { a.Close(); st.Close() }
	if last, err := st.LastSeq(ctx); err == nil && last-a.LastSeq() > 1000 {
		fmt.Fprintf(stderr, "cuttings search: indexing %d changes first…\n", last-a.LastSeq())
	}
	if _, err := a.Sync(ctx); err != nil {
		done()
		return nil, nil, err
	}
	if why := a.Stale(); why != "" {
		fmt.Fprintf(stderr, "cuttings search: %s\n", why)
	}
	return a, done, nil
}

// openReadOnly opens the archive in the data directory without writing
// anything there, and says when its index is behind the store.
func (o *searchOptions) openReadOnly(ctx context.Context, stderr io.Writer) (a *index.Archive, done func(), err error) {
	st, err := store.OpenReadOnly(ctx, storeDSN(o.Data, o.Store))
	if err != nil {
		return nil, nil, err
	}
	a, err = index.OpenArchiveReadOnly(ctx, o.Data, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	if last, err := st.LastSeq(ctx); err == nil && last > a.LastSeq() {
		fmt.Fprintf(stderr, "cuttings search: %s is searched read-only: the index lacks the store's last %d changes (run cuttings search or reindex where it can be written)\n", o.Data, last-a.LastSeq())
	}
	if why := a.Stale(); why != "" {
		fmt.Fprintf(stderr, "cuttings search: %s\n", why)
	}
	return a, func() { a.Close(); st.Close() }, nil
}

// exportIndex writes every hit of q from the index in the data directory.
func (o *searchOptions) exportIndex(ctx context.Context, q index.Query, stdout, stderr io.Writer) error {
	a, done, err := o.openArchive(ctx, stderr)
	if err != nil {
		return err
	}
	defer done()
	return web.WriteExport(ctx, stdout, a, q, o.Format, nil)
}

// exportFromServer asks the running server for every hit of q and copies
// its answer as it comes.
func (o *searchOptions) exportFromServer(ctx context.Context, q index.Query, stdout io.Writer) error {
	v := o.values(q)
	v.Set("format", o.Format)
	resp, err := o.get(ctx, q, v, 0) // as long as rows keep coming
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(stdout, resp.Body)
	return err
}

// get sends a GET to the server on the data directory; a status other than
// 200 is an error carrying the server's message.
func (o *searchOptions) get(ctx context.Context, q index.Query, v url.Values, timeout time.Duration) (*http.Response, error) {
	addr, err := index.ReadServeAddr(o.Data)
	if err != nil {
		return nil, fmt.Errorf("a server runs on %s but: %w", o.Data, err)
	}
	path := "/api/search"
	if q.Quotes {
		path = "/api/quotes"
	}
	u := "http://" + addr + path + "?" + v.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Timeout: timeout}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("ask the server on %s: %w", addr, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(body, &e) == nil && e.Error != "" {
			return nil, fmt.Errorf("server: %s", e.Error)
		}
		return nil, fmt.Errorf("server: %s", resp.Status)
	}
	return resp, nil
}

// values are the URL parameters of q; the server parses dates itself, the
// same way.
func (o *searchOptions) values(q index.Query) url.Values {
	v := url.Values{}
	if q.Text != "" {
		v.Set("q", q.Text)
	}
	for _, f := range filterNames {
		for _, val := range q.Filters[f] {
			v.Add(f, val)
		}
	}
	if o.From != "" {
		v.Set("from", o.From)
	}
	if o.To != "" {
		v.Set("to", o.To)
	}
	if q.Sort != "" {
		v.Set("sort", q.Sort)
	}
	if q.AllCopies {
		v.Set("copies", "all")
	}
	for _, g := range q.Filters[index.FacetGroup] {
		v.Set(index.FacetGroup, g)
	}
	return v
}

// askServer sends q to the server running on the data directory, which
// holds its index, and reads its JSON answer.
func (o *searchOptions) askServer(ctx context.Context, q index.Query) (*web.SearchJSON, error) {
	v := o.values(q)
	v.Set("page", strconv.Itoa(q.Page))
	v.Set("size", strconv.Itoa(q.Size))
	resp, err := o.get(ctx, q, v, 30*time.Second)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("read the server's answer: %w", err)
	}
	var res web.SearchJSON
	if err := json.Unmarshal(body, &res); err != nil {
		return nil, fmt.Errorf("read the server's answer: %w", err)
	}
	return &res, nil
}

// facetsShown is how many values of each facet the text output lists.
const facetsShown = 8

// printResult writes the hits and facet counts for a reader: on a terminal
// matches are bold, elsewhere they are marked *like this*.
func printResult(w io.Writer, q index.Query, r *web.SearchJSON, color bool) {
	// Stories when copies of one were shown once; otherwise each hit is
	// an article (or a quotation).
	what := "article"
	switch {
	case q.Quotes:
		what = "quotation"
	case r.TotalCopies != r.Total:
		what = "stor"
	}
	switch {
	case what == "stor" && r.Total == 1:
		what = "story"
	case what == "stor":
		what = "stories"
	case r.Total != 1:
		what += "s"
	}
	if r.TotalCopies != r.Total {
		what += fmt.Sprintf(" (%d with copies)", r.TotalCopies)
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
		if h.CopyCount > 0 {
			fmt.Fprintf(w, "    also in %s  [--group %s --all-copies]\n", copySources(h), h.Group)
		}
	}
	if r.Total == 0 {
		return
	}
	fmt.Fprintln(w)
	for _, name := range filterNames {
		vs := r.Facets.ByName(name)
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

// copySources names the sources of a hit's copies, each once, with how many
// copies there are when that is more.
func copySources(h web.HitJSON) string {
	s := strings.Join(h.CopySources, ", ")
	if h.CopyCount > len(h.CopySources) {
		s += fmt.Sprintf(" (%d copies)", h.CopyCount)
	}
	return s
}
