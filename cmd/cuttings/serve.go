package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest"
	"github.com/cuttings/cuttings/store/ingest/fetch"
	"github.com/cuttings/cuttings/store/ingest/poll"
	"github.com/cuttings/cuttings/web"
)

// serveOptions are the flags of `cuttings serve`.
type serveOptions struct {
	Addr  string
	Data  string
	Store string // a PostgreSQL DSN shared by several nodes; "" is the SQLite store in Data
	Demo  bool
	Token string
	Feeds string        // a file of feed URLs to poll
	Every time.Duration // between two reads of one feed
	// demo holds the *.jsonl files --demo serves; nil is the articles
	// built into the binary. Tests set it.
	demo fs.FS
}

// flags binds the options to a flag set.
func (o *serveOptions) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Addr, "addr", ":8080", "`address` to listen on")
	fs.StringVar(&o.Data, "data", "./data", "data `directory` holding the store and the index")
	storeFlag(fs, &o.Store)
	fs.BoolVar(&o.Demo, "demo", false, "serve a fresh temporary archive of the built-in sample articles (removed on exit); ignores --data")
	fs.StringVar(&o.Feeds, "feeds", "", "poll the feeds listed in `file` (one URL a line, # comments) into the archive")
	fs.DurationVar(&o.Every, "poll-every", poll.DefaultEvery, "time between two reads of one feed (a failing feed waits longer)")
	fs.StringVar(&o.Token, "token", "", "bearer `token` for POST and DELETE /api/articles (default $CUTTINGS_TOKEN; none: writes refused)")
}

// shutdownGrace is how long requests in flight get to finish on SIGINT/SIGTERM.
const shutdownGrace = 10 * time.Second

// runServe is `cuttings serve`: the search page and JSON API, until
// SIGINT or SIGTERM.
func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts serveOptions
	opts.flags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cuttings serve [--addr :8080] [--data ./data] [--store postgres://...] [--demo] [--token T] [--feeds FILE [--poll-every 15m]]")
		fmt.Fprintln(stderr, "\nServes the search page on / and the JSON API on /api/, following the store as it changes.")
		fmt.Fprintln(stderr, "With --feeds, reads each listed feed at once and then every --poll-every; /healthz and the")
		fmt.Fprintln(stderr, "search page say when each feed was last read and what failed.")
		fmt.Fprintln(stderr, "\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("serve: %w", errUsage)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "cuttings serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return fmt.Errorf("serve: %w", errUsage)
	}
	if opts.Token == "" {
		// From the environment rather than a flag default, so that -h
		// never prints it.
		opts.Token = os.Getenv("CUTTINGS_TOKEN")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := startServer(ctx, opts, stderr)
	if err != nil {
		return err
	}
	what := fmt.Sprintf("%d articles from %s", srv.Articles, opts.Data)
	if opts.Demo {
		what = fmt.Sprintf("%d demo articles", srv.Articles)
	}
	fmt.Fprintf(stdout, "cuttings: serving %s on %s\n", what, srv.URL)
	if srv.poller != nil {
		fmt.Fprintf(stdout, "cuttings: polling %d feeds from %s every %v\n", len(srv.poller.Feeds), opts.Feeds, srv.poller.Every)
	}
	if opts.Token == "" {
		fmt.Fprintln(stderr, "cuttings: no --token or CUTTINGS_TOKEN: POST and DELETE /api/articles are refused")
	}
	return srv.Wait(ctx)
}

// server is a running `cuttings serve`.
type server struct {
	Addr     string // the bound host:port, for a client on this machine
	URL      string // http://Addr
	Articles int    // in the store at start

	dir      string // the data directory (temporary with --demo)
	http     *http.Server
	served   chan error // http.Server.Serve's result
	followed chan error // Archive.Follow's result
	stop     func()     // stops Follow
	closers  []func()   // undo startup, in reverse order
	log      io.Writer
	poller   *poll.Poller  // nil without --feeds
	polled   chan struct{} // closed when the poller has stopped
}

// startServer opens the archive, takes the data directory's server lock,
// starts following the store and starts serving on opts.Addr ("127.0.0.1:0"
// picks a free port; Addr says which). It returns once the server accepts
// connections. Wait ends it.
func startServer(ctx context.Context, opts serveOptions, logw io.Writer) (_ *server, err error) {
	s := &server{log: logw}
	undo := func() {}
	defer func() {
		if err != nil {
			s.close()
			undo()
		}
	}()

	if opts.Feeds != "" {
		// Read the list first: a mistake in it should stop the server
		// before it starts, with the file and line.
		f, err := os.Open(opts.Feeds)
		if err != nil {
			return nil, fmt.Errorf("serve --feeds: %w", err)
		}
		feeds, err := poll.ReadList(f, opts.Feeds)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("serve --feeds: %w", err)
		}
		s.poller = &poll.Poller{Feeds: feeds, Every: opts.Every, Log: logw,
			Client: &fetch.Client{PerHost: fetchPerHost}}
	}

	// The port first: a server that cannot have it (taken, not allowed)
	// must fail before it creates anything in --data (the lock, the
	// index directory), leaving the directory as it found it. Until
	// Serve starts below, connections wait in the listen queue.
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s.closers = append(s.closers, func() { ln.Close() })

	dir := opts.Data
	demo := opts.demo
	if opts.Demo {
		if demo == nil {
			demo = demoArticles()
		}
		if dir, err = os.MkdirTemp("", "cuttings-demo-"); err != nil {
			return nil, fmt.Errorf("serve --demo: %w", err)
		}
		s.closers = append(s.closers, func() { os.RemoveAll(dir) })
	}

	s.dir = dir
	if !opts.Demo {
		// A start that fails from here on removes what it made in
		// --data (the bind failure above made nothing).
		undo = index.NoteDataDir(dir)
	}

	release, err := index.LockServer(dir)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s.closers = append(s.closers, release)

	dsn := storeDSN(dir, opts.Store) // every node follows one store into its own index
	if opts.Demo {
		dsn = dir
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s.closers = append(s.closers, func() { st.Close() })

	if opts.Demo {
		if err := ingestDemo(ctx, st, demo, logw); err != nil {
			return nil, err
		}
	}

	archive, err := index.OpenArchive(ctx, dir, st)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s.closers = append(s.closers, func() {
		if err := archive.Close(); err != nil {
			fmt.Fprintf(logw, "cuttings: close index: %v\n", err)
		}
	})
	if opts.Demo {
		// Index everything before the first request, so the demo never
		// shows an empty page.
		if _, err := archive.Sync(ctx); err != nil {
			return nil, fmt.Errorf("serve --demo: index: %w", err)
		}
	}
	if s.Articles, err = st.Count(ctx); err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}

	wopts := web.Options{Token: opts.Token, Log: logw}
	if s.poller != nil {
		s.poller.Store = st
		wopts.Feeds = s.poller.Statuses
	}
	ws, err := web.New(archive, st, wopts)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	s.Addr = reachable(ln.Addr())
	s.URL = "http://" + s.Addr
	if err := index.WriteServeAddr(dir, s.Addr); err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}

	// Follow indexes what other processes write to the store and picks up
	// reindex swaps, for as long as the server runs.
	fctx, stop := context.WithCancel(context.Background())
	s.stop = stop
	s.followed = make(chan error, 1)
	go func() { s.followed <- archive.Follow(fctx) }()
	if s.poller != nil {
		s.polled = make(chan struct{})
		go func() {
			defer close(s.polled)
			s.poller.Run(fctx)
		}()
	}

	s.http = &http.Server{
		Handler:           ws.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	s.served = make(chan error, 1)
	go func() { s.served <- s.http.Serve(ln) }()
	return s, nil
}

// Wait serves until ctx is done, then shuts down gracefully: requests in
// flight finish, following stops, and the archive, store and lock are
// released (and a demo directory removed). It also ends, with an error, if
// serving or following fails.
func (s *server) Wait(ctx context.Context) error {
	var err error
	select {
	case <-ctx.Done():
	case err = <-s.served:
		err = fmt.Errorf("serve: %w", err)
	case err = <-s.followed:
		s.followed = nil
		if err == nil {
			err = errors.New("following the store stopped")
		}
		err = fmt.Errorf("serve: follow store: %w", err)
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if serr := s.http.Shutdown(sctx); serr != nil && err == nil {
		err = fmt.Errorf("serve: shutdown: %w", serr)
	}
	s.close()
	return err
}

// close stops following and undoes startup in reverse order.
func (s *server) close() {
	if s.stop != nil {
		s.stop()
		if s.followed != nil {
			if err := <-s.followed; err != nil && !errors.Is(err, context.Canceled) {
				fmt.Fprintf(s.log, "cuttings: follow store: %v\n", err)
			}
		}
		if s.polled != nil {
			<-s.polled // it writes to the store, which closes next
		}
		s.stop = nil
	}
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
	s.closers = nil
}

// reachable is a listener's address as a client on this machine dials it:
// ":8080" listens on every interface, and localhost is one of them.
func reachable(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// ingestDemo writes the valid articles of the demo's *.jsonl files to the
// store; a bad record is reported and skipped, as `cuttings ingest` would.
func ingestDemo(ctx context.Context, st *store.Store, demo fs.FS, logw io.Writer) error {
	files, err := fs.Glob(demo, "*.jsonl")
	if err != nil {
		return fmt.Errorf("serve --demo: %w", err)
	}
	if len(files) == 0 {
		return errors.New("serve --demo: no demo articles (*.jsonl)")
	}
	for _, path := range files { // fs.Glob sorts them
		var batch []store.Article
		err := func() error {
			f, err := demo.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			return ingest.Read(f, path, func(r ingest.Record) error {
				if r.Err == nil {
					r.Err = ingest.Validate(&r.Article)
				}
				if r.Err != nil {
					fmt.Fprintf(logw, "cuttings: demo: skipping %s: %v\n", r.Where, r.Err)
					return nil
				}
				batch = append(batch, r.Article)
				return nil
			})
		}()
		if err != nil {
			return fmt.Errorf("serve --demo: %w", err)
		}
		if _, err := st.PutBatch(ctx, batch); err != nil {
			return fmt.Errorf("serve --demo: %s: %w", path, err)
		}
	}
	return nil
}
