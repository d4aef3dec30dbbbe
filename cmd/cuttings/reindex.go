package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
)

// reindexOptions are the flags of `cuttings reindex`.
type reindexOptions struct {
	Data  string
	Store string
}

// flags binds the options to a flag set.
func (o *reindexOptions) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Data, "data", "./data", "data `directory` holding the index (and the store)")
	storeFlag(fs, &o.Store)
}

// runReindex is `cuttings reindex`: build a new index from the store and
// make it the live one.
func runReindex(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts reindexOptions
	opts.flags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cuttings reindex [--data ./data | --store postgres://...]")
		fmt.Fprintln(stderr, `
Builds a new search index from every article in the store, in a new
directory of --data, and then makes it the live index. A running server
keeps answering from the old index until the new one is complete, then
swaps to it; an interrupted reindex leaves the live index as it was.

While it builds, Go's collector lets the heap grow to five times what is
live (GOGC=400) under a soft limit of 1 GiB; set GOGC or GOMEMLIMIT to
choose otherwise.

flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("reindex: %w", errUsage)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "cuttings reindex: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return fmt.Errorf("reindex: %w", errUsage)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, err := store.Open(ctx, storeDSN(opts.Data, opts.Store))
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	defer st.Close()

	bar := newReindexBar(stderr)
	progress := func(done, total int) {
		if bar == nil {
			return
		}
		if int64(total) != bar.GetMax64() {
			bar.ChangeMax(total)
		}
		bar.Set(done)
	}
	merging := func() {
		if bar != nil {
			// The count is done; the bar says what the wait is for.
			bar.Describe("reindex: merging into one segment")
		}
	}
	restoreGC := indexingGC()
	stats, err := index.ReindexWithProgress(ctx, opts.Data, st, index.ReindexProgress{Indexed: progress, Merging: merging})
	restoreGC()
	if bar != nil {
		bar.Finish()
		bar.Clear()
	}
	if err != nil {
		return err
	}
	secs := max(stats.Took.Seconds(), 1e-3)
	fmt.Fprintf(stdout, "reindex: %d articles, %d quotes in %.1fs (%.0f articles/s); live index is %s\n",
		stats.Articles, stats.Quotes, stats.Took.Seconds(), float64(stats.Articles)/secs, stats.Name)
	return nil
}

// newReindexBar returns a progress bar on stderr counting articles, or nil
// when stderr is not a terminal, so logs and pipes get no bar.
func newReindexBar(stderr io.Writer) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("reindex"),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionShowIts(),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
	)
}
