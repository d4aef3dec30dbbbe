package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest"
	"github.com/cuttings/cuttings/store/ingest/fetch"
)

// ingestOptions are the flags of `cuttings ingest`.
type ingestOptions struct {
	Data    string
	Store   string
	Batch   int
	Timeout time.Duration // per fetched feed or page
	Watch   string        // a directory to keep reading new files from
}

// flags binds the options to a flag set.
func (o *ingestOptions) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Data, "data", "./data", "data `directory` holding the store")
	storeFlag(fs, &o.Store)
	fs.IntVar(&o.Batch, "batch", 500, "articles written per transaction")
	fs.DurationVar(&o.Timeout, "timeout", fetch.DefaultTimeout, "longest wait for one feed or page fetched from the web")
	fs.StringVar(&o.Watch, "watch", "", "keep reading the `directory`'s new and changed files until interrupted")
}

// fetchPerHost is the least time between two requests to one host; tests
// shorten it.
var fetchPerHost = fetch.DefaultPerHost

// runIngest is `cuttings ingest`: read articles from files, URLs or stdin,
// write the valid ones to the store, report the others.
func runIngest(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts ingestOptions
	opts.flags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cuttings ingest [--data ./data | --store postgres://...] [--watch DIR] FILE|DIR|URL|- ...")
		fmt.Fprintln(stderr, `
Adds articles to the store: JSON Lines (.jsonl, .ndjson, .jsonlines), JSON
(.json: an array of articles or one article), text (.txt: title, optional
"Source:", "Published:", "URL:", "Author:" lines, a blank line, the body),
RSS 2.0, Atom and RSS 1.0 feeds (.rss, .atom, .rdf, .xml), saved web pages
(.html, .htm, .xhtml) and web archives (.warc, .warc.gz: every HTML page
in them). A URL is fetched: a feed or a page. A feed item without its full
text is completed from the page it links to. A directory is read
recursively; "-" reads stdin, sniffing its format. An article with the id,
or with no id and the URL, of one already stored updates it. Rejected
records are listed on stderr as path:line: reason (path[i] for the i-th
item of a feed or record of a web archive), and make the exit status 1.

With --watch DIR, the files already in DIR are read, then every new or
changed file as soon as it has stopped changing, until interrupted.

JSON fields: id, url (link), title, authors (author; a name or a list),
source, published (date, pubDate, published_at), language (lang),
body (text, content). Other fields are ignored.

flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("ingest: %w", errUsage)
	}
	if fs.NArg() == 0 && opts.Watch == "" {
		fmt.Fprintln(stderr, "cuttings ingest: no FILE, DIR, URL or - given")
		fs.Usage()
		return fmt.Errorf("ingest: %w", errUsage)
	}
	if opts.Batch < 1 {
		opts.Batch = 1
	}
	if opts.Watch != "" {
		if info, err := os.Stat(opts.Watch); err != nil || !info.IsDir() {
			return fmt.Errorf("ingest --watch %s: not a directory", opts.Watch)
		}
	}
	files, skipped, err := ingest.ListFiles(fs.Args())
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, storeDSN(opts.Data, opts.Store))
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer st.Close()
	fetcher := &fetch.Client{Timeout: opts.Timeout, PerHost: fetchPerHost}

	if opts.Watch != "" {
		if len(files) > 0 {
			if _, err := ingestFiles(ctx, st, fetcher, opts, files, skipped, stdin, stdout, stderr); err != nil {
				return err
			}
		}
		return watchDir(ctx, opts.Watch, stderr, func(files []string) error {
			_, err := ingestFiles(ctx, st, fetcher, opts, files, nil, stdin, stdout, stderr)
			return err
		})
	}
	c, err := ingestFiles(ctx, st, fetcher, opts, files, skipped, stdin, stdout, stderr)
	if err != nil {
		return err
	}
	if c.rejected > 0 {
		return errRejected
	}
	return nil
}

// ingestFiles reads files (and URLs, and stdin) into the store and prints
// the summary line. skipped are files found under a directory that are
// not read (an unknown extension), and directories with no file in them,
// each named like a file that holds no article.
func ingestFiles(ctx context.Context, st *store.Store, fetcher *fetch.Client, opts ingestOptions,
	files, skipped []string, stdin io.Reader, stdout, stderr io.Writer) (ingestCounts, error) {
	in := &ingester{
		store:     st,
		fetcher:   fetcher,
		batchSize: opts.Batch,
		stderr:    stderr,
		bar:       newIngestBar(files, stderr),
	}
	for _, path := range skipped {
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			in.skip(path, "skipped: no file in it")
			continue
		}
		in.skip(path, "skipped: not a kind of file ingest reads (by its extension)")
	}
	start := time.Now()
	err := in.run(ctx, files, stdin)
	if in.bar != nil {
		in.bar.Finish()
		in.bar.Clear()
	}
	if err != nil {
		return in.counts, fmt.Errorf("ingest: %w", err)
	}
	elapsed := time.Since(start)
	c := in.counts
	skippedNote := ""
	if c.skipped > 0 {
		// Only when there are any: the usual line stays as it was.
		skippedNote = fmt.Sprintf(", %d files skipped", c.skipped)
		if c.skipped == 1 {
			skippedNote = ", 1 file skipped"
		}
	}
	fmt.Fprintf(stdout, "ingest: %d read, %d added, %d updated, %d unchanged, %d rejected%s in %.1fs (%.0f articles/s)\n",
		c.read, c.added, c.updated, c.unchanged, c.rejected, skippedNote, elapsed.Seconds(), float64(c.read)/max(elapsed.Seconds(), 1e-3))
	return c, nil
}

// ingestCounts tally what became of the records read; read counts them all,
// rejected or not.
type ingestCounts struct {
	read, added, updated, unchanged, rejected int
	skipped                                   int // input files that held no article, or were not read
}

// ingester reads files into batches in one goroutine and writes them to
// the store in another, so that parsing the next batch overlaps writing
// this one. The reader owns read, rejected, stderr and the bar; the writer
// owns the other counts.
type ingester struct {
	store     *store.Store
	fetcher   *fetch.Client
	batchSize int
	counts    ingestCounts
	stderr    io.Writer
	bar       *progressbar.ProgressBar // nil when stderr is not a terminal
}

func (in *ingester) run(ctx context.Context, files []string, stdin io.Reader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []store.Article, 2)
	readDone := make(chan error, 1)
	go func() {
		defer close(batches)
		readDone <- in.readFiles(ctx, files, stdin, batches)
	}()
	var writeErr error
	for batch := range batches {
		if writeErr != nil {
			continue // drain until the reader sees the cancellation
		}
		if err := in.write(ctx, batch); err != nil {
			writeErr = err
			cancel()
		}
	}
	readErr := <-readDone
	if writeErr != nil {
		return writeErr
	}
	return readErr
}

func (in *ingester) readFiles(ctx context.Context, files []string, stdin io.Reader, batches chan<- []store.Article) error {
	batch := make([]store.Article, 0, in.batchSize)
	send := func() error {
		if len(batch) == 0 {
			return nil
		}
		select {
		case batches <- batch:
		case <-ctx.Done():
			return ctx.Err()
		}
		batch = make([]store.Article, 0, in.batchSize)
		return nil
	}
	for _, path := range files {
		err := in.readFile(ctx, path, stdin, func(a store.Article) error {
			batch = append(batch, a)
			if len(batch) < in.batchSize {
				return nil
			}
			return send()
		})
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			// An unreadable file is reported like a bad record: the other
			// files are still worth ingesting.
			in.reject(err.Error())
		}
	}
	return send()
}

// readFile reads one file (or stdin, or a URL), reporting rejected records
// and passing the good ones to add.
func (in *ingester) readFile(ctx context.Context, path string, stdin io.Reader, add func(store.Article) error) (err error) {
	records := 0
	defer func() {
		if err == nil && records == 0 && ctx.Err() == nil {
			// An empty file (or a feed of no items) is not an error, but
			// the user should know that nothing came of it.
			in.skip(path, "skipped: no articles in it")
		}
	}()
	emit := func(rec ingest.Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		records++
		in.counts.read++
		if in.bar != nil && (path == ingest.Stdin || ingest.IsURL(path)) {
			in.bar.Add(1)
		}
		if rec.Page != "" {
			rec = ingest.CompletePage(ctx, in.fetcher, rec)
		}
		if rec.Err != nil {
			in.reject(fmt.Sprintf("%s: %v", rec.Where, rec.Err))
			return nil
		}
		return add(rec.Article)
	}
	if ingest.IsURL(path) {
		res, err := in.fetcher.Get(ctx, fetch.Request{URL: path, Accept: slices.Concat(fetch.Feeds, fetch.Pages)})
		if err != nil {
			return err
		}
		return ingest.ReadFetched(res.Body, res.ContentType, res.URL, emit)
	}
	var r io.Reader = stdin
	if path != ingest.Stdin {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
		if in.bar != nil {
			r = &ingestBarReader{r: f, bar: in.bar}
		}
	}
	return ingest.Read(r, path, emit)
}

// skip names an input that gave no article, on stderr with the rejections.
func (in *ingester) skip(path, why string) {
	in.counts.skipped++
	if in.bar != nil {
		in.bar.Clear()
	}
	fmt.Fprintf(in.stderr, "%s: %s\n", path, why)
}

func (in *ingester) reject(msg string) {
	in.counts.rejected++
	if in.bar != nil {
		in.bar.Clear()
	}
	fmt.Fprintln(in.stderr, msg)
}

func (in *ingester) write(ctx context.Context, batch []store.Article) error {
	results, err := in.store.PutBatch(ctx, batch)
	if err != nil {
		return err
	}
	for _, r := range results {
		switch r {
		case store.Added:
			in.counts.added++
		case store.Updated:
			in.counts.updated++
		case store.Unchanged:
			in.counts.unchanged++
		}
	}
	return nil
}

// newIngestBar returns a progress bar on stderr measured in bytes of input,
// or in records when stdin is among the inputs (its size is unknown); nil
// when stderr is not a terminal, so logs and pipes get no bar.
func newIngestBar(files []string, stderr io.Writer) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	var total int64
	for _, path := range files {
		if path == ingest.Stdin || ingest.IsURL(path) {
			return progressbar.NewOptions64(-1,
				progressbar.OptionSetWriter(stderr),
				progressbar.OptionSetDescription("ingest"),
				progressbar.OptionSetItsString("articles"),
				progressbar.OptionShowIts(),
				progressbar.OptionShowCount(),
				progressbar.OptionThrottle(100*time.Millisecond),
				progressbar.OptionSpinnerType(14),
			)
		}
		if info, err := os.Stat(path); err == nil {
			total += info.Size()
		}
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
	)
}

// ingestBarReader moves the bar by the bytes read through it.
type ingestBarReader struct {
	r   io.Reader
	bar *progressbar.ProgressBar
}

func (b *ingestBarReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.bar.Add64(int64(n))
	return n, err
}
