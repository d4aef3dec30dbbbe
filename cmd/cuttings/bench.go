package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// benchOptions are the flags of `cuttings bench`.
type benchOptions struct {
	Articles int
	Data     string
	Keep     bool
	Reuse    bool
	Clients  int
	Queries  int
	Corpus   string
	Ingest   int
	Live     float64
	Seed     uint64
	// Attack runs the attack bench (attack.go) instead: AttackFor is
	// each phase's length, Rounds how many times both phases run.
	Attack    bool
	AttackFor time.Duration
	Rounds    int
	// NoGroups writes the store without grouping copies; StoreOnly stops
	// after the store write. Together they measure what grouping adds to
	// ingest. Distinct shuffles the words of every replica after a
	// record's first within its paragraphs, so that no two articles are
	// copies (the replicated corpus gives every story an exact copy per
	// replica, which the detector finds and does not keep).
	NoGroups, StoreOnly, Distinct bool
	// Profiles: of the build (store and reindex) and of the query runs.
	BuildProfile, QueryProfile string
	// Classes, when set, are the only query classes measured.
	Classes string
	// Lucene also indexes the same articles in Lucene and times the same
	// queries there (lucene.go); LuceneJars is where its jars are.
	Lucene     bool
	LuceneJars string
	// workDir is where the corpus search starts; "" is the working
	// directory. Tests set it.
	workDir string
}

func (o *benchOptions) flags(fs *flag.FlagSet) {
	fs.IntVar(&o.Articles, "articles", 100_000, "`number` of articles to build the archive from (the corpus replicated)")
	fs.StringVar(&o.Data, "data", "", "data `directory` to build in (default: a temporary one, removed afterwards unless --keep)")
	fs.BoolVar(&o.Keep, "keep", false, "keep the data directory")
	fs.BoolVar(&o.Reuse, "reuse", false, "measure the archive a kept bench run left in --data (same --articles and --seed) instead of building one; implies --keep")
	fs.IntVar(&o.Clients, "clients", 4, "`number` of concurrent clients for the concurrent query run")
	fs.IntVar(&o.Queries, "queries", 200, "`number` of queries per class and run")
	fs.StringVar(&o.Corpus, "corpus", "", "`directory` holding reuters-21578.jsonl (and bbc-topics.jsonl, polnear-dev.jsonl, here or in ../gold); default: shared/corpora found above the working directory")
	fs.IntVar(&o.Ingest, "ingest", 5000, "`number` of BBC-size articles put into the running archive to time ingest to searchable")
	fs.Float64Var(&o.Live, "live", 0, "articles per `second` put into the store while the searches are measured (the server indexes them as they come), 0 for none")
	fs.Uint64Var(&o.Seed, "seed", 1, "random `seed` for dates, order and queries")
	fs.BoolVar(&o.NoGroups, "no-groups", false, "write the store without grouping copies of one story (to measure what grouping costs)")
	fs.BoolVar(&o.StoreOnly, "store-only", false, "stop after writing the store: no index, no searches")
	fs.BoolVar(&o.Distinct, "distinct", false, "shuffle the words of each replica within its paragraphs, so that no article is a copy of another")
	fs.StringVar(&o.BuildProfile, "buildprofile", "", "write a CPU profile of the store write and reindex to `file`")
	fs.StringVar(&o.QueryProfile, "queryprofile", "", "write a CPU profile of the query runs to `file`")
	fs.StringVar(&o.Classes, "classes", "", "measure only these query `classes` (comma-separated: empty, broad, selective, phrase, words, many, newest, range, filter, mixed, pages), e.g. to profile one")
	fs.BoolVar(&o.Lucene, "lucene", false, "also index the same articles with Lucene 8.7 in process and time the same queries there, side by side (needs a JDK and Lucene's jars: "+luceneInstallHint+")")
	fs.StringVar(&o.LuceneJars, "lucene-jars", defaultLuceneJars(), "`directory` holding Lucene 8's jars (lucene-core-8.*.jar and the others; $CUTTINGS_LUCENE_JARS)")
	fs.BoolVar(&o.Attack, "attack", false, "instead: serve Reuters-21578 as it is and time the normal query mix alone and while as many clients send the costliest queries the budgets allow (issue 15)")
	fs.DurationVar(&o.AttackFor, "attack-for", 20*time.Second, "with --attack: how long each phase runs")
	fs.IntVar(&o.Rounds, "rounds", 3, "with --attack: how many rounds of both phases (medians are reported)")
}

// Corpus files, and the field holding each one's body.
var benchFiles = []struct{ name, dir, field string }{
	{"reuters-21578.jsonl", "corpora", "body"},
	{"bbc-topics.jsonl", "gold", "text"},
	{"polnear-dev.jsonl", "gold", "text"},
}

// Targets, on 2 cores at 1M articles.
const (
	targetIngestRate  = 300.0 // articles/s, ingest to searchable
	targetDiskRatio   = 1.5   // index and store bytes / raw text bytes
	targetRSS         = 1 << 30
	targetReindex1M   = time.Hour
	targetBroadP99    = 50 * time.Millisecond
	targetSelectP99   = 20 * time.Millisecond
	targetPhraseP99   = 20 * time.Millisecond
	benchBatch        = 500
	benchIngestSource = "bench-ingest"
	benchDateFromYear = 1996
	benchDateToYear   = 2026
)

// broadWords are common words of news text, one per broad query.
var broadWords = []string{"said", "year", "government", "market", "people", "new", "would", "last",
	"also", "percent", "company", "time", "told", "world", "first", "minister", "week", "country"}

// runBench is `cuttings bench`: it builds an archive from a replicated
// corpus and measures writing, indexing, ingest to searchable, index size,
// search latency over HTTP and memory, and prints them beside the targets.
func runBench(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts benchOptions
	opts.flags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cuttings bench [--articles 100000] [--data DIR [--keep]] [--clients 4] [--queries 200] [--corpus DIR]")
		fmt.Fprintln(stderr, "       cuttings bench --attack [--attack-for 20s] [--rounds 3] [--clients 4] [--data DIR [--keep|--reuse]] [--corpus DIR]")
		fmt.Fprintln(stderr, "\nBuilds an archive of N articles by replicating Reuters-21578, BBC and PolNeAR with new ids")
		fmt.Fprintln(stderr, "and dates, and measures indexing, ingest, index size, faceted search over HTTP and memory.")
		fmt.Fprintln(stderr, "\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("bench: %w", errUsage)
	}
	if fs.NArg() > 0 || opts.Articles < 1 || opts.Clients < 1 || opts.Queries < 1 || opts.Ingest < 0 || opts.Live < 0 || opts.Live > 10_000 {
		fs.Usage()
		return fmt.Errorf("bench: %w", errUsage)
	}
	if opts.Attack {
		if opts.Rounds < 1 || opts.AttackFor <= 0 {
			fs.Usage()
			return fmt.Errorf("bench: %w", errUsage)
		}
		return benchAttack(context.Background(), opts, stdout, stderr)
	}
	return bench(context.Background(), opts, stdout, stderr)
}

// benchRecord is one article of the corpus before replication.
type benchRecord struct {
	title, body, source string
	bbc                 bool
}

// benchReport collects the figures the table prints.
type benchReport struct {
	N, Records         int
	RawBytes           int64
	StoreTook          time.Duration
	StoreCPU           time.Duration // user and system time of the process during the store write
	ReindexTook        time.Duration
	Quotes             uint64
	IndexBytes         int64
	StoreBytes         int64 // the store's database files
	IngestN            int
	IngestTook         time.Duration
	Latency            map[string][2]latency // class -> [1 client, N clients]
	Matches            map[string]int        // class -> its queries' totals, summed (with --lucene)
	Failed             int
	RSS, HWM           int64
	RSSAnon, RSSFile   int64 // heap and stacks; mapped index files
	Clients, Queries   int
	Live               float64 // articles a second put during the searches
	LivePut            int     // how many were put
	GoMaxProcs, NumCPU int
	Lucene             *luceneReport // with --lucene
}

type latency struct{ p50, p99 time.Duration }

func bench(ctx context.Context, opts benchOptions, stdout, stderr io.Writer) error {
	files, err := findBenchCorpus(opts)
	if err != nil {
		return err
	}
	var records []benchRecord
	for i, f := range files {
		rs, err := readBenchFile(f, benchFiles[i].field, i == 1)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		records = append(records, rs...)
	}
	if len(records) == 0 {
		return errors.New("bench: the corpus has no articles")
	}
	var bbc []benchRecord
	for _, r := range records {
		if r.bbc {
			bbc = append(bbc, r)
		}
	}
	if len(bbc) == 0 && (opts.Ingest > 0 || opts.Live > 0) {
		return errors.New("bench: no BBC articles to time ingest with")
	}

	dir := opts.Data
	if dir == "" {
		if dir, err = os.MkdirTemp("", "cuttings-bench-"); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	} else if entries, _ := os.ReadDir(dir); len(entries) > 0 && !opts.Reuse {
		return fmt.Errorf("bench: data directory %s is not empty", dir)
	}
	if opts.Reuse {
		if opts.Data == "" {
			return errors.New("bench: --reuse needs --data, the directory a bench run kept")
		}
		opts.Keep = true
		// The kept archive already holds the articles an ingest run
		// would add; timing it again would measure nothing.
		opts.Ingest = 0
	}
	if !opts.Keep {
		defer os.RemoveAll(dir)
	}

	// Lucene's harness is compiled first: a machine without a JDK or the
	// jars fails before the long build.
	var luceneDir, luceneCP string
	if opts.Lucene {
		if luceneDir, err = os.MkdirTemp("", "cuttings-lucene-"); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(luceneDir)
		if luceneCP, err = lucenePrepare(ctx, opts.LuceneJars, luceneDir); err != nil {
			return err
		}
	}

	rng := rand.New(rand.NewPCG(opts.Seed, 0x6375747469))
	rep := benchReport{N: opts.Articles, Records: len(records), Clients: opts.Clients, Queries: opts.Queries,
		GoMaxProcs: runtime.GOMAXPROCS(0), NumCPU: runtime.NumCPU()}
	fmt.Fprintf(stdout, "Corpus: %d articles (Reuters-21578, BBC, PolNeAR) from %s, replicated to %d (about %.1f copies each) with new ids and published dates spread uniformly over %d-%d (seed %d).\n",
		len(records), filepath.Dir(files[0]), opts.Articles, float64(opts.Articles)/float64(len(records)), benchDateFromYear, benchDateToYear, opts.Seed)
	fmt.Fprintf(stdout, "Machine: %d CPUs, GOMAXPROCS %d, %s/%s, %s. Data: %s\n\n", rep.NumCPU, rep.GoMaxProcs, runtime.GOOS, runtime.GOARCH, runtime.Version(), dir)

	stopProfile, err := startProfile(opts.BuildProfile)
	if err != nil {
		return err
	}
	// a, b: write the replicated corpus to a fresh store.
	st, err := store.OpenWith(ctx, dir, store.Options{NoGroups: opts.NoGroups})
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer st.Close()
	order := rng.Perm(len(records))
	var published []int64 // each article's date, kept for Lucene's copy
	if opts.Lucene {
		published = make([]int64, opts.Articles)
	}
	start, cpu := time.Now(), cpuTime()
	batch := make([]store.Article, 0, benchBatch)
	for i := range opts.Articles {
		r := benchCopy(records, order, i, opts)
		a := benchArticle(rng, benchID(i), r)
		if published != nil {
			published[i] = a.Published.Unix()
		}
		batch = append(batch, a)
		rep.RawBytes += int64(len(r.title) + len(r.body))
		if len(batch) == benchBatch || i == opts.Articles-1 {
			if opts.Reuse {
				batch = batch[:0] // the corpus is drawn again only to keep the same ids, sizes and queries
				continue
			}
			if _, err := st.PutBatch(ctx, batch); err != nil {
				return fmt.Errorf("bench: store: %w", err)
			}
			batch = batch[:0]
		}
	}
	rep.StoreTook, rep.StoreCPU = time.Since(start), cpuTime()-cpu
	grouping := "grouped"
	if opts.NoGroups {
		grouping = "not grouped"
	}
	fmt.Fprintf(stdout, "store: %d articles in %s (%.0f/s, %s; CPU %s)\n", opts.Articles, rep.StoreTook.Round(time.Millisecond),
		rate(opts.Articles, rep.StoreTook), grouping, rep.StoreCPU.Round(time.Millisecond))
	if kept, bytes := st.DetectorSize(); kept > 0 {
		fmt.Fprintf(stdout, "detector: %d articles kept (identical copies, and briefs that can be no copy, are not), %s\n", kept, mib(int64(bytes)))
	}
	if opts.Lucene {
		// Written after the store's timing: it runs the extraction of
		// every original again for the facet values.
		start := time.Now()
		lc, err := newLuceneCorpus(luceneDir)
		if err != nil {
			return err
		}
		for i := range opts.Articles {
			r := benchCopy(records, order, i, opts)
			a := store.Article{ID: benchID(i), Title: r.title, Source: r.source, Published: time.Unix(published[i], 0).UTC(), Language: "en", Body: r.body}
			if err := lc.add(order[i%len(records)], a); err != nil {
				lc.close()
				return fmt.Errorf("bench --lucene: %w", err)
			}
		}
		if err := lc.close(); err != nil {
			return err
		}
		published = nil
		fmt.Fprintf(stdout, "lucene: corpus written for Lucene in %s\n", time.Since(start).Round(time.Millisecond))
	}
	if opts.StoreOnly {
		stopProfile()
		mem := procMemory()
		fmt.Fprintf(stdout, "memory: VmRSS %s, VmHWM %s\n", mib(mem["VmRSS"]), mib(mem["VmHWM"]))
		return nil
	}

	// c: the full index, extraction included.
	var stats index.ReindexStats
	if opts.Reuse {
		if stats.Name, err = index.LiveName(dir); err != nil || stats.Name == "" {
			return fmt.Errorf("bench: --reuse: no index in %s (%v)", dir, err)
		}
		stats.Articles = uint64(opts.Articles)
	} else {
		// As `cuttings reindex` sets it; the searches after run with the
		// server's setting.
		restoreGC := indexingGC()
		stats, err = index.ReindexWithStats(ctx, dir, st, nil)
		restoreGC()
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	rep.ReindexTook, rep.Quotes = stats.Took, stats.Quotes
	fmt.Fprintf(stdout, "reindex: %d articles, %d quotes in %s (%.0f articles/s; 1M would take %s)\n",
		stats.Articles, stats.Quotes, stats.Took.Round(time.Millisecond), rate(opts.Articles, stats.Took), project(opts.Articles, stats.Took))

	stopProfile()
	// e: index size against the text it holds.
	if rep.IndexBytes, err = dirSize(filepath.Join(dir, stats.Name)); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintf(stdout, "index: %d bytes for %d bytes of title and body text (%.2fx)\n", rep.IndexBytes, rep.RawBytes, ratio(rep.IndexBytes, rep.RawBytes))
	if rep.StoreBytes, err = storeSize(ctx, st, dir); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintf(stdout, "store: %d bytes (%.2fx); index and store %.2fx\n", rep.StoreBytes, ratio(rep.StoreBytes, rep.RawBytes), ratio(rep.IndexBytes+rep.StoreBytes, rep.RawBytes))

	// The build leaves gigabytes of written pages for the kernel to flush;
	// searches measured meanwhile would wait on the disk behind them. They
	// are measured on an archive at rest, as a server usually finds it.
	start = time.Now()
	flushToDisk()
	fmt.Fprintf(stdout, "flushed the build to disk in %s\n", time.Since(start).Round(time.Millisecond))

	// Keep only what the queries need of the corpus.
	words := newCorpusWords(records)
	selective := selectiveQueries(rng, words, opts.Queries)
	phrases := phraseQueries(rng, words, opts.Queries)
	// A stream of its own keeps the other classes' queries as they were
	// before this class was added.
	several := wordsQueries(rand.New(rand.NewPCG(opts.Seed, 0x776f726473)), words, opts.Queries, 2)
	many := wordsQueries(rand.New(rand.NewPCG(opts.Seed, 0x6d616e79)), words, opts.Queries, 4)
	newest := newestQueries(rand.New(rand.NewPCG(opts.Seed, 0x6e6577)), words, opts.Queries)
	ranges := rangeQueries(rand.New(rand.NewPCG(opts.Seed, 0x72616e6765)), words, opts.Queries)
	filters := filterQueries(rand.New(rand.NewPCG(opts.Seed, 0x66696c746572)), words, opts.Queries)
	mixed := mixedQueries(rand.New(rand.NewPCG(opts.Seed, 0x6d69786564)), opts.Queries, [][]string{phrases, selective, several, many}, filters)
	// Its broad words from a stream of their own too: drawn from rng, they
	// changed the broad class's draw after them.
	pagesRng := rand.New(rand.NewPCG(opts.Seed, 0x7061676573))
	pages := pageQueries(pagesRng, opts.Queries, [][]string{broadQueries(pagesRng, opts.Queries), phrases, several, selective})
	records, words = nil, nil
	runtime.GC()

	// f: the real server, over loopback.
	// Concurrent requests log at once; stderr may be a plain buffer.
	// The request log's line per request would bury the bench's own
	// report (and costs time inside what is measured); errors still show.
	srv, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: dir}, &lockedWriter{w: requestLogFilter{stderr}})
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer srv.close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: opts.Clients + 1}, Timeout: time.Minute}
	// Searches are timed on a ready server, as a load balancer would send
	// them: caught up with the store, and its segments read through once.
	readyIn, err := waitReady(ctx, client, srv.URL, 10*time.Minute)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintf(stdout, "server ready (/readyz) %s after it started\n", readyIn.Round(time.Millisecond))
	classes := []benchClass{
		{"empty", repeatQuery("sort=newest", opts.Queries)},
		{"broad", broadQueries(rng, opts.Queries)},
		{"selective", selective},
		{"phrase", phrases},
		{"words", several},
		{"many", many},
		{"newest", newest},
		{"range", ranges},
		{"filter", filters},
		{"mixed", mixed},
		{"pages", pages},
	}
	rep.Latency = map[string][2]latency{}
	stopLive := func() int { return 0 }
	if opts.Live > 0 {
		rep.Live = opts.Live
		stopLive = liveIngest(ctx, st, rng.Uint64(), bbc, opts.Live, stderr)
	}
	if stopProfile, err = startProfile(opts.QueryProfile); err != nil {
		stopLive()
		return err
	}
	classes = slices.DeleteFunc(classes, func(c benchClass) bool {
		return opts.Classes != "" && !slices.Contains(strings.Split(opts.Classes, ","), c.name)
	})
	for _, c := range classes {
		// A few untimed requests warm the caches a first visitor would.
		rep.Failed += runQueries(client, srv.URL, c.queries[:min(5, len(c.queries))], 1, nil, nil)
		var l [2]latency
		var slowest [2]map[string]time.Duration
		for i, clients := range []int{1, opts.Clients} {
			slowest[i] = map[string]time.Duration{}
			var took []time.Duration
			rep.Failed += runQueries(client, srv.URL, c.queries, clients, &took, slowest[i])
			l[i] = percentiles(took)
		}
		rep.Latency[c.name] = l
		if opts.Lucene {
			// Untimed: beside Lucene's, it shows both engines were asked
			// the same (analysis apart, the sums are close).
			n, err := countMatches(client, srv.URL, c.queries)
			if err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			if rep.Matches == nil {
				rep.Matches = map[string]int{}
			}
			rep.Matches[c.name] = n
		}
		fmt.Fprintf(stdout, "search %s: 1 client p50 %s p99 %s; %d clients p50 %s p99 %s\n", c.name,
			ms(l[0].p50), ms(l[0].p99), opts.Clients, ms(l[1].p50), ms(l[1].p99))
		fmt.Fprintf(stdout, "  slowest, 1 client: %s; %d clients: %s\n", slowestQueries(slowest[0], 3), opts.Clients, slowestQueries(slowest[1], 3))
	}

	rep.LivePut = stopLive()
	if opts.Live > 0 {
		fmt.Fprintf(stdout, "live ingest: %d articles put while the searches were measured (%.0f a second)\n", rep.LivePut, opts.Live)
	}
	stopProfile()

	// d: ingest to searchable, into the running archive: the server
	// follows the store as it would another process's writes.
	if opts.Ingest > 0 {
		rep.IngestN = opts.Ingest
		start := time.Now()
		for i := 0; i < opts.Ingest; i += benchBatch {
			batch = batch[:0]
			for j := i; j < min(i+benchBatch, opts.Ingest); j++ {
				a := benchArticle(rng, fmt.Sprintf("bench-ingest-%08d", j), bbc[j%len(bbc)])
				// A source of their own lets a cheap filtered search count them.
				a.Source = benchIngestSource
				batch = append(batch, a)
			}
			if opts.Reuse {
				batch = batch[:0] // the corpus is drawn again only to keep the same ids, sizes and queries
				continue
			}
			if _, err := st.PutBatch(ctx, batch); err != nil {
				return fmt.Errorf("bench: ingest: %w", err)
			}
		}
		for {
			total, err := searchTotal(client, srv.URL)
			if err != nil {
				return fmt.Errorf("bench: ingest: %w", err)
			}
			if total >= opts.Ingest {
				break
			}
			if time.Since(start) > 30*time.Minute {
				return fmt.Errorf("bench: ingest: %d of %d articles searchable after 30 minutes", total, opts.Ingest)
			}
			time.Sleep(50 * time.Millisecond)
		}
		rep.IngestTook = time.Since(start)
		fmt.Fprintf(stdout, "ingest to searchable: %d BBC articles in %s (%.0f/s)\n", opts.Ingest, rep.IngestTook.Round(time.Millisecond), rate(opts.Ingest, rep.IngestTook))
	}

	// g: memory of this process, which is the server.
	runtime.GC()
	debug.FreeOSMemory()
	mem := procMemory()
	rep.RSS, rep.HWM, rep.RSSAnon, rep.RSSFile = mem["VmRSS"], mem["VmHWM"], mem["RssAnon"], mem["RssFile"]
	fmt.Fprintf(stdout, "memory: VmRSS %s after the run (RssAnon %s, RssFile %s: the index files mapped), VmHWM %s (peak of the whole process, build included)\n\n",
		mib(rep.RSS), mib(rep.RSSAnon), mib(rep.RSSFile), mib(rep.HWM))

	if opts.Lucene {
		// After cuttings' figures are taken; its server sits idle.
		queries := filepath.Join(luceneDir, "queries.tsv")
		if err := luceneQueries(queries, classes); err != nil {
			return err
		}
		start := time.Now()
		if rep.Lucene, err = runLucene(ctx, luceneCP, filepath.Join(luceneDir, "corpus.tsv"), queries, filepath.Join(luceneDir, "index"), opts.Clients, stdout); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "lucene: done in %s\n\n", time.Since(start).Round(time.Millisecond))
	}

	printBenchTable(stdout, rep)
	if rep.Lucene != nil {
		printLuceneTable(stdout, rep)
	}
	if opts.Keep {
		fmt.Fprintf(stdout, "\ndata kept in %s\n", dir)
	}
	if rep.Failed > 0 {
		return fmt.Errorf("bench: %d requests failed", rep.Failed)
	}
	return nil
}

// liveIngest puts BBC articles into the store, rate a second, one at a
// time as a newsroom's feed would, until stop is called; stop returns how
// many went in. The server follows the store and indexes them while the
// searches are measured.
func liveIngest(ctx context.Context, st *store.Store, seed uint64, bbc []benchRecord, rate float64, stderr io.Writer) (stop func() int) {
	ctx, cancel := context.WithCancel(ctx)
	rng := rand.New(rand.NewPCG(seed, 0x6c697665))
	done := make(chan int)
	// The first article is put before the searches are timed: a writer
	// starts by reading the store's signatures to group copies (seconds
	// at a million articles), and a live archive's writer started long
	// before.
	put := 0
	first := benchArticle(rng, fmt.Sprintf("bench-live-%08d", put), bbc[rng.IntN(len(bbc))])
	if _, err := st.Put(ctx, &first); err != nil {
		fmt.Fprintf(stderr, "cuttings bench: live ingest: %v\n", err)
	} else {
		put++
	}
	go func() {
		tick := time.NewTicker(time.Duration(float64(time.Second) / rate))
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				done <- put
				return
			case <-tick.C:
			}
			a := benchArticle(rng, fmt.Sprintf("bench-live-%08d", put), bbc[rng.IntN(len(bbc))])
			if _, err := st.Put(ctx, &a); err != nil {
				if ctx.Err() == nil {
					fmt.Fprintf(stderr, "cuttings bench: live ingest: %v\n", err)
				}
				continue
			}
			put++
		}
	}()
	return func() int {
		cancel()
		return <-done
	}
}

// benchClassNames are the query classes, in the order reports print them.
var benchClassNames = []string{"empty", "broad", "selective", "phrase", "words", "many", "newest", "range", "filter", "mixed", "pages"}

// benchClass is a class of queries, each a URL query string.
type benchClass struct {
	name    string
	queries []string
}

// benchCopy is the original that article i of the bench copies; with
// --distinct, its words shuffled after the first copy.
func benchCopy(records []benchRecord, order []int, i int, opts benchOptions) benchRecord {
	r := records[order[i%len(records)]]
	if opts.Distinct && i >= len(records) {
		r.body = shuffleWords(rand.New(rand.NewPCG(opts.Seed, uint64(i))), r.body)
	}
	return r
}

func benchID(i int) string { return fmt.Sprintf("bench-%08d", i) }

// benchArticle is a copy of r with a new id and a published date drawn
// uniformly from the benchmark's years.
func benchArticle(rng *rand.Rand, id string, r benchRecord) store.Article {
	from := time.Date(benchDateFromYear, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	to := time.Date(benchDateToYear+1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	return store.Article{
		ID:        id,
		Title:     r.title,
		Source:    r.source,
		Published: time.Unix(from+rng.Int64N(to-from), 0).UTC(),
		Language:  "en",
		Body:      r.body,
	}
}

// shuffleWords returns body with the words of each paragraph in an order
// drawn from rng: the same words, lengths, figures and names, but no
// phrase of five words in common with the body, so not a copy of it.
func shuffleWords(rng *rand.Rand, body string) string {
	paras := strings.Split(body, "\n\n")
	for i, p := range paras {
		words := strings.Fields(p)
		rng.Shuffle(len(words), func(a, b int) { words[a], words[b] = words[b], words[a] })
		paras[i] = strings.Join(words, " ")
	}
	return strings.Join(paras, "\n\n")
}

// findBenchCorpus returns the paths of the three corpus files.
func findBenchCorpus(opts benchOptions) ([]string, error) {
	var dirs []string
	if opts.Corpus != "" {
		dirs = []string{opts.Corpus, filepath.Join(opts.Corpus, "..", "gold")}
	} else {
		dir := opts.workDir
		if dir == "" {
			wd, err := os.Getwd()
			if err != nil {
				return nil, fmt.Errorf("bench: %w", err)
			}
			dir = wd
		}
		for {
			shared := filepath.Join(dir, "shared")
			if _, err := os.Stat(filepath.Join(shared, "corpora", benchFiles[0].name)); err == nil {
				dirs = []string{filepath.Join(shared, "corpora"), filepath.Join(shared, "gold")}
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				return nil, errors.New("bench: no shared/corpora/reuters-21578.jsonl in the working directory or above; give --corpus DIR")
			}
			dir = parent
		}
	}
	paths := make([]string, len(benchFiles))
	for i, f := range benchFiles {
		for _, d := range dirs {
			p := filepath.Join(d, f.name)
			if _, err := os.Stat(p); err == nil {
				paths[i] = p
				break
			}
		}
		if paths[i] == "" {
			return nil, fmt.Errorf("bench: corpus file %s not found in %s", f.name, strings.Join(dirs, " or "))
		}
	}
	return paths, nil
}

// readBenchFile reads a JSONL corpus file: title, source and the body from field.
func readBenchFile(path, field string, bbc bool) ([]benchRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []benchRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		body, _ := m[field].(string)
		if strings.TrimSpace(body) == "" {
			continue
		}
		title, _ := m["title"].(string)
		source, _ := m["source"].(string)
		out = append(out, benchRecord{title: title, body: body, source: source, bbc: bbc})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// startProfile starts a CPU profile to path, if any; stop ends it.
func startProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("bench: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

func repeatQuery(q string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = q
	}
	return out
}

func broadQueries(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "q=" + url.QueryEscape(broadWords[rng.IntN(len(broadWords))])
	}
	return out
}

// corpusWords reads the originals' words and knows in how many of them each
// term (the stem a search looks a word up by) appears.
type corpusWords struct {
	records []benchRecord
	df      map[string]int
	terms   map[string]string
}

func newCorpusWords(records []benchRecord) *corpusWords {
	c := &corpusWords{records: records, df: map[string]int{}, terms: map[string]string{}}
	for _, r := range records {
		seen := map[string]bool{}
		for _, w := range benchWords(r.body) {
			if t := c.term(w); t != "" && !seen[t] {
				seen[t] = true
				c.df[t]++
			}
		}
	}
	return c
}

// benchWords splits text into lower-case words of letters and digits, as
// the analyzer reads them (near enough: a word with a joiner inside, such
// as "U.S.", becomes two).
func benchWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func (c *corpusWords) term(w string) string {
	t, ok := c.terms[w]
	if !ok {
		t = index.Term(w)
		c.terms[w] = t
	}
	return t
}

func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// selectiveQueries samples rare words of the corpus, half alone and half
// as a two-word phrase with the word that follows. A word is rare when the
// term a search looks it up by (its stem) is in at most two of the corpus's
// articles before replication: a misspelling such as "receiveing" is a
// rare word but its stem, "receiv", is in a tenth of the archive.
func selectiveQueries(rng *rand.Rand, c *corpusWords, n int) []string {
	var out []string
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		ws := benchWords(c.records[rng.IntN(len(c.records))].body)
		if len(ws) < 2 {
			continue
		}
		i := rng.IntN(len(ws) - 1)
		w := ws[i]
		if len(w) < 6 || !lettersOnly(w) || c.term(w) == "" || c.df[c.term(w)] > 2 {
			continue
		}
		if len(out)%2 == 1 && len(ws[i+1]) > 3 && lettersOnly(ws[i+1]) {
			out = append(out, "q="+url.QueryEscape(`"`+w+" "+ws[i+1]+`"`))
		} else {
			out = append(out, "q="+url.QueryEscape(w))
		}
	}
	return fill(rng, out, n)
}

// phraseCommonShare is how many of the originals a word's term must be in
// for the phrase class to count it as common: one in fifty.
const phraseCommonShare = 0.02

// phraseQueries samples phrases of common words from the corpus, as people
// type them ("prime minister", "interest rates", "chief executive officer"):
// half two words, half three, each word's term in at least one original in
// fifty. The middle word of three may be a stop word ("bank of england"),
// which a phrase search holds a place for.
func phraseQueries(rng *rand.Rand, c *corpusWords, n int) []string {
	common := func(w string) bool {
		t := c.term(w)
		return t != "" && lettersOnly(w) && float64(c.df[t]) >= phraseCommonShare*float64(len(c.records))
	}
	var out []string
	for tries := 0; len(out) < n && tries < 1000*n; tries++ {
		ws := benchWords(c.records[rng.IntN(len(c.records))].body)
		size := 2 + len(out)%2
		if len(ws) < size {
			continue
		}
		i := rng.IntN(len(ws) - size + 1)
		p := ws[i : i+size]
		if !common(p[0]) || !common(p[size-1]) {
			continue
		}
		if size == 3 && !common(p[1]) && !(lettersOnly(p[1]) && c.term(p[1]) == "") {
			continue
		}
		out = append(out, "q="+url.QueryEscape(`"`+strings.Join(p, " ")+`"`))
	}
	return fill(rng, out, n)
}

// wordsQuerySpan is how many words of an original the words of one query
// of the words class are drawn from.
const wordsQuerySpan = 12

// wordsQueries samples queries of least or least+1 words, unquoted, as
// people type them ("oil prices opec", "election labour"; the words class
// two or three, the many class four or five): any word may match, in any
// order and place, as Bleve's query string reads them. The words are drawn
// from a few words' span of one original, so each query matches at least
// that article's copies, and each is common (its term in one original in
// fifty), distinct and no stop word.
func wordsQueries(rng *rand.Rand, c *corpusWords, n, least int) []string {
	var out []string
	for tries := 0; len(out) < n && tries < 1000*n; tries++ {
		body := c.records[rng.IntN(len(c.records))].body
		if picked := c.pickWords(rng, body, least+len(out)%2); picked != nil {
			out = append(out, "q="+url.QueryEscape(strings.Join(picked, " ")))
		}
	}
	return fill(rng, out, n)
}

// pickWords picks size words from a few words' span of body, each common
// (its term in one original in fifty), distinct and no stop word; nil if
// the span it drew has too few.
func (c *corpusWords) pickWords(rng *rand.Rand, body string, size int) []string {
	ws := benchWords(body)
	if len(ws) < wordsQuerySpan {
		return nil
	}
	i := rng.IntN(len(ws) - wordsQuerySpan + 1)
	var picked []string
	seen := map[string]bool{}
	for _, j := range rng.Perm(wordsQuerySpan) {
		w := ws[i+j]
		t := c.term(w)
		if len(picked) == size || t == "" || seen[t] || !lettersOnly(w) ||
			float64(c.df[t]) < phraseCommonShare*float64(len(c.records)) {
			continue
		}
		seen[t] = true
		picked = append(picked, w)
	}
	if len(picked) < size {
		return nil
	}
	return picked
}

// newestQueries are one or two common words, newest first: a story
// followed as it runs, the archive's second most common page after the
// home page.
func newestQueries(rng *rand.Rand, c *corpusWords, n int) []string {
	out := wordsQueries(rng, c, n, 1)
	for i := range out {
		out[i] += "&sort=" + index.SortNewest
	}
	return out
}

// rangeQueries are one or two common words in one to five whole years,
// ranked: a researcher's "what was said about this then".
func rangeQueries(rng *rand.Rand, c *corpusWords, n int) []string {
	out := wordsQueries(rng, c, n, 1)
	for i := range out {
		span := rng.IntN(5)
		from := benchDateFromYear + rng.IntN(benchDateToYear-benchDateFromYear+1-span)
		out[i] += fmt.Sprintf("&from=%d-01-01&to=%d-12-31", from, from+span)
	}
	return out
}

// filterQueries are one or two common words of an original and one of the
// countries or topics its extraction finds: a search narrowed by a click
// on a facet value. Half filter by country, half by topic.
func filterQueries(rng *rand.Rand, c *corpusWords, n int) []string {
	var out []string
	for tries := 0; len(out) < n && tries < 100*n; tries++ {
		r := c.records[rng.IntN(len(c.records))]
		_, _, countries, topics := extract.Extract(store.Article{Title: r.title, Body: r.body, Language: "en"}).Names()
		facet, values := index.FacetCountry, countries
		if len(out)%2 == 1 {
			facet, values = index.FacetTopic, topics
		}
		picked := c.pickWords(rng, r.body, 1+len(out)/2%2)
		if len(values) == 0 || picked == nil {
			continue
		}
		out = append(out, "q="+url.QueryEscape(strings.Join(picked, " "))+"&"+facet+"="+url.QueryEscape(values[rng.IntN(len(values))]))
	}
	return fill(rng, out, n)
}

// mixedQueries join what the other classes do one at a time, as a search
// is narrowed step by step: the words of a phrase, selective, words or many
// query with one, two or three of a date range of one to five years, newest
// first, and a filter query's facet value (which need not be one the words'
// article carries: a search may also narrow to nothing).
func mixedQueries(rng *rand.Rand, n int, texts [][]string, filters []string) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		from := texts[len(out)%len(texts)]
		q := strings.SplitN(from[rng.IntN(len(from))], "&", 2)[0]
		narrow := 1 + rng.IntN(7) // a bit each for range, newest and facet; never none
		if narrow&1 != 0 {
			span := rng.IntN(5)
			year := benchDateFromYear + rng.IntN(benchDateToYear-benchDateFromYear+1-span)
			q += fmt.Sprintf("&from=%d-01-01&to=%d-12-31", year, year+span)
		}
		if narrow&2 != 0 {
			q += "&sort=" + index.SortNewest
		}
		if narrow&4 != 0 {
			if parts := strings.SplitN(filters[rng.IntN(len(filters))], "&", 2); len(parts) == 2 {
				q += "&" + parts[1]
			}
		}
		out = append(out, q)
	}
	return out
}

// pageQueries asks for a later page of search results, as people who read
// on do: the words of a broad, phrase, words or selective query, in turn,
// and a page from 2 to 10 (of twenty hits: up to the 200th).
func pageQueries(rng *rand.Rand, n int, texts [][]string) []string {
	out := make([]string, 0, n)
	for len(out) < n {
		from := texts[len(out)%len(texts)]
		q := strings.SplitN(from[rng.IntN(len(from))], "&", 2)[0]
		out = append(out, fmt.Sprintf("%s&page=%d", q, 2+rng.IntN(9)))
	}
	return out
}

// fill repeats the queries drawn up to n; broad ones if none were.
func fill(rng *rand.Rand, out []string, n int) []string {
	for len(out) < n && len(out) > 0 {
		out = append(out, out[len(out)%max(1, len(out))])
	}
	if len(out) == 0 {
		out = broadQueries(rng, n)
	}
	return out
}

// slowestQueries lists the n slowest queries of took, slowest first.
func slowestQueries(took map[string]time.Duration, n int) string {
	qs := slices.Collect(maps.Keys(took))
	slices.SortFunc(qs, func(a, b string) int { return cmp.Compare(took[b], took[a]) })
	var parts []string
	for _, q := range qs[:min(n, len(qs))] {
		text, _ := url.QueryUnescape(strings.TrimPrefix(q, "q="))
		parts = append(parts, fmt.Sprintf("%s %s ms", text, ms(took[q])))
	}
	return strings.Join(parts, ", ")
}

// runQueries sends each query to /api/search from clients concurrent
// clients, appending each request's time to took when it is not nil, and
// returns how many failed; slowest, when not nil, gets each query's longest time.
func runQueries(client *http.Client, base string, queries []string, clients int, took *[]time.Duration, slowest map[string]time.Duration) int {
	var mu sync.Mutex
	failed := 0
	next := make(chan string)
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for q := range next {
				start := time.Now()
				err := getSearch(client, base+"/api/search?"+q, nil)
				d := time.Since(start)
				mu.Lock()
				if err != nil {
					failed++
					if failed <= 3 {
						fmt.Fprintf(os.Stderr, "cuttings bench: %s: %v\n", q, err)
					}
				} else if took != nil {
					*took = append(*took, d)
				}
				if err == nil && slowest != nil {
					slowest[q] = max(slowest[q], d)
				}
				mu.Unlock()
			}
		})
	}
	for _, q := range queries {
		next <- q
	}
	close(next)
	wg.Wait()
	return failed
}

// countMatches sums the totals /api/search answers for queries, every copy
// of a story counted (copies=all), as Lucene counts them.
func countMatches(client *http.Client, base string, queries []string) (int, error) {
	n := 0
	for _, q := range queries {
		var r searchResponse
		if err := getSearch(client, base+"/api/search?"+q+"&copies=all", &r); err != nil {
			return 0, fmt.Errorf("count matches: %s: %w", q, err)
		}
		n += r.Total
	}
	return n, nil
}

// searchResponse is what the bench reads of /api/search.
type searchResponse struct {
	Total  int                        `json:"total"`
	Facets map[string]json.RawMessage `json:"facets"`
}

func getSearch(client *http.Client, u string, out *searchResponse) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
	var r searchResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return err
	}
	if r.Facets == nil {
		return errors.New("response has no facets")
	}
	if out != nil {
		*out = r
	}
	return nil
}

// waitReady waits until the server at base answers /readyz with 200, at
// most limit, and returns how long it waited.
func waitReady(ctx context.Context, client *http.Client, base string, limit time.Duration) (time.Duration, error) {
	start := time.Now()
	for {
		resp, err := client.Get(base + "/readyz")
		if err != nil {
			return 0, fmt.Errorf("wait for the server to be ready: %w", err)
		}
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return time.Since(start), nil
		}
		if time.Since(start) > limit {
			return 0, fmt.Errorf("server not ready after %s: /readyz %d %s", limit, resp.StatusCode, bytes.TrimSpace(body))
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func searchTotal(client *http.Client, base string) (int, error) {
	var r searchResponse
	// Every copy: the ingested articles are replicas, which the store
	// groups as copies of one story.
	err := getSearch(client, base+"/api/search?size=1&copies=all&source="+url.QueryEscape(benchIngestSource), &r)
	return r.Total, err
}

func percentiles(d []time.Duration) latency {
	if len(d) == 0 {
		return latency{}
	}
	slices.Sort(d)
	at := func(p float64) time.Duration {
		i := int(p*float64(len(d))+0.5) - 1
		return d[min(max(i, 0), len(d)-1)]
	}
	return latency{p50: at(0.50), p99: at(0.99)}
}

// procMemory reads this process's memory figures from /proc/self/status,
// in bytes, by name (VmRSS, VmHWM, RssAnon, RssFile).
func procMemory() map[string]int64 {
	out := map[string]int64{}
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(b), "\n") {
		name, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 2 && f[1] == "kB" {
			kb, _ := strconv.ParseInt(f[0], 10, 64)
			out[name] = kb << 10
		}
	}
	return out
}

func dirSize(dir string) (int64, error) {
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		size += info.Size()
		return nil
	})
	return size, err
}

// storeSize is the size of the store's database files, its write-ahead log
// checkpointed into the database first.
func storeSize(ctx context.Context, st *store.Store, dir string) (int64, error) {
	if err := st.Checkpoint(ctx); err != nil {
		return 0, err
	}
	var size int64
	for _, name := range []string{store.DBFile, store.DBFile + "-wal"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		size += info.Size()
	}
	return size, nil
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

func project(n int, d time.Duration) time.Duration {
	return time.Duration(float64(d) * 1e6 / float64(n)).Round(time.Second)
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 1, 64) }

func mib(n int64) string { return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20)) }

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

// printBenchTable prints the figures as Markdown, targets beside them.
func printBenchTable(w io.Writer, r benchReport) {
	fmt.Fprintf(w, "Corpus replicated to %d articles (%d originals), %d quotes; %d queries per class and run.\n", r.N, r.Records, r.Quotes, r.Queries)
	if r.Live > 0 {
		fmt.Fprintf(w, "Searches measured while %.0f articles a second were ingested (%d in all).\n", r.Live, r.LivePut)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "| class | 1 client p50/p99 ms | %d clients p50/p99 ms |\n|---|---|---|\n", r.Clients)
	for _, c := range benchClassNames {
		l, ok := r.Latency[c]
		if !ok {
			continue // not measured (--classes)
		}
		fmt.Fprintf(w, "| %s | %s / %s | %s / %s |\n", c, ms(l[0].p50), ms(l[0].p99), ms(l[1].p50), ms(l[1].p99))
	}
	fmt.Fprintf(w, "\nfailed requests: %d\n\n", r.Failed)

	fmt.Fprintln(w, "| measure | target (2 cores, 1M) | measured | |\n|---|---|---|---|")
	row := func(what, target, got string, ok bool) {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", what, target, got, verdict(ok))
	}
	for _, c := range []struct {
		class, what, target string
		limit               time.Duration
	}{
		{"empty", "home page (empty query)", "≤ 50 ms", targetBroadP99},
		{"broad", "broad search", "≤ 50 ms", targetBroadP99},
		{"selective", "selective search", "≤ 20 ms", targetSelectP99},
		{"phrase", "phrase search", "≤ 20 ms", targetPhraseP99},
		{"words", "several words", "≤ 50 ms", targetBroadP99},
	} {
		if l, ok := r.Latency[c.class]; ok {
			row(fmt.Sprintf("%s p99, %d clients", c.what, r.Clients), c.target, ms(l[1].p99)+" ms", l[1].p99 <= c.limit)
		}
	}
	idx := ratio(r.IndexBytes, r.RawBytes)
	fmt.Fprintf(w, "| index size / raw text | — | %.2fx (%s / %s) | |\n", idx, mib(r.IndexBytes), mib(r.RawBytes))
	fmt.Fprintf(w, "| store size / raw text | — | %.2fx (%s) | |\n", ratio(r.StoreBytes, r.RawBytes), mib(r.StoreBytes))
	both := ratio(r.IndexBytes+r.StoreBytes, r.RawBytes)
	row("index and store / raw text", "≤ 1.5x", fmt.Sprintf("%.2fx", both), both <= targetDiskRatio)
	row("server RSS after the run", "≤ 1 GB", fmt.Sprintf("%s (anon %s, mapped files %s)", mib(r.RSS), mib(r.RSSAnon), mib(r.RSSFile)), r.RSS <= targetRSS)
	p := project(r.N, r.ReindexTook)
	row("full reindex (extraction included)", "≤ 1 h at 1M",
		fmt.Sprintf("%.0f articles/s, %s for %d; 1M projected %s", rate(r.N, r.ReindexTook), r.ReindexTook.Round(time.Second), r.N, p), p <= targetReindex1M)
	if r.IngestN > 0 {
		ir := rate(r.IngestN, r.IngestTook)
		row("ingest to searchable (BBC-size)", "≥ 300 articles/s", fmt.Sprintf("%.0f articles/s (%d in %s)", ir, r.IngestN, r.IngestTook.Round(time.Millisecond)), ir >= targetIngestRate)
	}
	fmt.Fprintf(w, "| store write (PutBatch of %d) | — | %.0f articles/s | |\n", benchBatch, rate(r.N, r.StoreTook))
	fmt.Fprintf(w, "| failed requests | 0 | %d | %s |\n", r.Failed, verdict(r.Failed == 0))
}

// requestLogFilter passes on what the server logs, except the line it
// writes for every request that went well.
type requestLogFilter struct{ w io.Writer }

func (f requestLogFilter) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("level=INFO msg=request ")) {
		return len(p), nil
	}
	return f.w.Write(p)
}
