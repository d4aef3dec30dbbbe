package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/ingest"
)

// `cuttings bench --attack` measures what issue 15 asks of a server under
// attack: while some clients send the costliest queries the budgets let
// through, do the others' ordinary searches still come back in time, and
// does memory stay bounded? It serves Reuters-21578 as it is (19,779
// articles, their own ids and dates), measures the normal mix from
// --clients clients alone, then again while as many attackers send the
// costly queries back to back, and repeats that --rounds times.

// Targets of issue 15.
const (
	targetAttackRatio = 2.0             // normal p99 under attack / unloaded
	targetAttackRSS   = 1536 << 20      // peak server RSS during the attack
	attackWarmup      = 2 * time.Second // attackers running before the normal mix is timed
	rssEvery          = 20 * time.Millisecond
)

// attackQuery is one costly request, named for the report.
type attackQuery struct {
	name  string
	query string // the URL's query string
}

// attackRound is what one round measured.
type attackRound struct {
	unloaded, attacked latency
	normalN            [2]int // normal requests timed, unloaded and attacked
	failed             int    // normal requests that were not a 200
	attackByStatus     map[int]int
	attackTook         latency
	peakRSS            int64
}

func (r attackRound) ratio() float64 {
	if r.unloaded.p99 <= 0 {
		return 0
	}
	return float64(r.attacked.p99) / float64(r.unloaded.p99)
}

// benchAttack is `cuttings bench --attack`.
func benchAttack(ctx context.Context, opts benchOptions, stdout, stderr io.Writer) error {
	files, err := findBenchCorpus(opts)
	if err != nil {
		return err
	}
	reuters := files[0]
	records, err := readBenchFile(reuters, benchFiles[0].field, false)
	if err != nil {
		return fmt.Errorf("bench --attack: %w", err)
	}
	if len(records) == 0 {
		return fmt.Errorf("bench --attack: %s has no articles", reuters)
	}

	dir := opts.Data
	if dir == "" {
		if dir, err = os.MkdirTemp("", "cuttings-attack-"); err != nil {
			return fmt.Errorf("bench --attack: %w", err)
		}
	} else if entries, _ := os.ReadDir(dir); len(entries) > 0 && !opts.Reuse {
		return fmt.Errorf("bench --attack: data directory %s is not empty", dir)
	}
	if opts.Reuse {
		opts.Keep = true
	}
	if !opts.Keep {
		defer os.RemoveAll(dir)
	}
	fmt.Fprintf(stdout, "Attack bench: %s (%d articles) served from %s; %d normal clients, %d attackers, %s per phase, %d rounds.\n",
		filepath.Base(reuters), len(records), dir, opts.Clients, opts.Clients, opts.AttackFor, opts.Rounds)
	fmt.Fprintf(stdout, "Machine: %d CPUs, GOMAXPROCS %d.\n\n", runtime.NumCPU(), runtime.GOMAXPROCS(0))

	if !opts.Reuse {
		if err := buildAttackArchive(ctx, dir, reuters, stdout); err != nil {
			return err
		}
		flushToDisk()
	}

	rng := rand.New(rand.NewPCG(opts.Seed, 0x61747461636b))
	words := newCorpusWords(records)
	normal := normalMix(rng, words, opts.Queries)
	attacks, common := attackQueries(rng, words)
	records, words = nil, nil

	srv, err := startServer(ctx, serveOptions{Addr: "127.0.0.1:0", Data: dir}, &lockedWriter{w: requestLogFilter{stderr}})
	if err != nil {
		return fmt.Errorf("bench --attack: %w", err)
	}
	defer srv.close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2*opts.Clients + 2}, Timeout: time.Minute}
	if _, err := waitReady(ctx, client, srv.URL, 10*time.Minute); err != nil {
		return fmt.Errorf("bench --attack: %w", err)
	}

	if q := prefixesUpToLimit(client, srv.URL, common); q != "" {
		attacks = append(attacks, attackQuery{"prefixes expanding to the expansions limit", q})
	}
	// Each attack alone, once the caches are warm: what it costs, and
	// that the budget lets it through (a refused one is no attack).
	fmt.Fprintln(stdout, "| attack query | status | alone ms |\n|---|---|---|")
	for _, a := range attacks {
		getStatus(client, srv.URL+"/api/search?"+a.query) // the first fills the caches
		start := time.Now()
		status, _ := getStatus(client, srv.URL+"/api/search?"+a.query)
		fmt.Fprintf(stdout, "| %s | %d | %s |\n", a.name, status, ms(time.Since(start)))
	}
	fmt.Fprintln(stdout)
	runQueries(client, srv.URL, normal[:min(20, len(normal))], 1, nil, nil) // warm

	stopProfile, err := startProfile(opts.QueryProfile)
	if err != nil {
		return err
	}
	var rounds []attackRound
	for i := range opts.Rounds {
		r := attackOnce(client, srv.URL, normal, attacks, opts)
		rounds = append(rounds, r)
		fmt.Fprintf(stdout, "round %d: normal p50/p99 unloaded %s / %s ms (%d requests), under attack %s / %s ms (%d requests), p99 x%.2f; "+
			"attack requests %s, p50/p99 %s / %s ms; peak RSS %s; normal requests failed %d\n",
			i+1, ms(r.unloaded.p50), ms(r.unloaded.p99), r.normalN[0], ms(r.attacked.p50), ms(r.attacked.p99), r.normalN[1], r.ratio(),
			statusCounts(r.attackByStatus), ms(r.attackTook.p50), ms(r.attackTook.p99), mib(r.peakRSS), r.failed)
	}

	stopProfile()
	med := func(f func(attackRound) float64) float64 {
		v := make([]float64, len(rounds))
		for i, r := range rounds {
			v[i] = f(r)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	unloaded := time.Duration(med(func(r attackRound) float64 { return float64(r.unloaded.p99) }))
	attacked := time.Duration(med(func(r attackRound) float64 { return float64(r.attacked.p99) }))
	ratio := med(attackRound.ratio)
	rss := int64(med(func(r attackRound) float64 { return float64(r.peakRSS) }))
	failed := 0
	for _, r := range rounds {
		failed += r.failed
	}
	fmt.Fprintf(stdout, "\nMedians of %d rounds:\n\n| measure | target | measured | |\n|---|---|---|---|\n", len(rounds))
	fmt.Fprintf(stdout, "| normal mix p99, %d clients, unloaded | — | %s ms | |\n", opts.Clients, ms(unloaded))
	fmt.Fprintf(stdout, "| normal mix p99, %d clients, under attack by %d | ≤ 2x unloaded | %s ms (x%.2f) | %s |\n",
		opts.Clients, opts.Clients, ms(attacked), ratio, verdict(ratio <= targetAttackRatio))
	fmt.Fprintf(stdout, "| peak server RSS under attack | < 1.5 GB | %s | %s |\n", mib(rss), verdict(rss < targetAttackRSS))
	fmt.Fprintf(stdout, "| normal requests failed | 0 | %d | %s |\n", failed, verdict(failed == 0))
	if opts.Keep {
		fmt.Fprintf(stdout, "\ndata kept in %s\n", dir)
	}
	if failed > 0 {
		return fmt.Errorf("bench --attack: %d normal requests failed", failed)
	}
	return nil
}

// buildAttackArchive writes the corpus to a store in dir, as `cuttings
// ingest` would, and indexes it.
func buildAttackArchive(ctx context.Context, dir, path string, stdout io.Writer) error {
	st, err := store.Open(ctx, dir)
	if err != nil {
		return fmt.Errorf("bench --attack: %w", err)
	}
	defer st.Close()
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("bench --attack: %w", err)
	}
	defer f.Close()
	var batch []store.Article
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := st.PutBatch(ctx, batch)
		batch = batch[:0]
		return err
	}
	start := time.Now()
	err = ingest.Read(f, path, func(r ingest.Record) error {
		if r.Err == nil {
			r.Err = ingest.Validate(&r.Article)
		}
		if r.Err != nil {
			return nil // the count printed below shows what was left out
		}
		if batch = append(batch, r.Article); len(batch) == benchBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("bench --attack: store: %w", err)
	}
	stats, err := index.ReindexWithStats(ctx, dir, st, nil)
	if err != nil {
		return fmt.Errorf("bench --attack: %w", err)
	}
	fmt.Fprintf(stdout, "built: %d articles, %d quotes in %s\n\n", stats.Articles, stats.Quotes, time.Since(start).Round(time.Millisecond))
	return nil
}

// normalMix is the bench's four classes interleaved: the home page, a
// common word, a rare word or two-word phrase, a phrase of common words.
func normalMix(rng *rand.Rand, words *corpusWords, n int) []string {
	classes := [][]string{
		repeatQuery("sort=newest", n),
		broadQueries(rng, n),
		selectiveQueries(rng, words, n),
		phraseQueries(rng, words, n),
	}
	out := make([]string, 0, 4*n)
	for i := range n {
		for _, c := range classes {
			out = append(out, c[i])
		}
	}
	return out
}

// attackQueries are the costliest queries the budgets let through on the
// corpus: each as close to one limit (or to several at once) as it goes.
// It returns the corpus's common words too, most common first.
func attackQueries(rng *rand.Rand, words *corpusWords) ([]attackQuery, []string) {
	// Common words, most common first, one per term: their posting lists
	// are the longest.
	byTerm := map[string]string{}
	for w, t := range words.terms {
		if t != "" && lettersOnly(w) && len(w) > 2 {
			if o, ok := byTerm[t]; !ok || len(w) < len(o) || len(w) == len(o) && w < o {
				byTerm[t] = w
			}
		}
	}
	common := slices.Collect(maps.Values(byTerm))
	slices.SortFunc(common, func(a, b string) int {
		return cmp.Or(cmp.Compare(words.df[words.terms[b]], words.df[words.terms[a]]), cmp.Compare(a, b))
	})
	upTo := func(parts []string, maxTerms int) string {
		var b strings.Builder
		n := 0
		for _, p := range parts {
			terms := len(strings.Fields(p))
			if n+terms > maxTerms || b.Len()+len(p)+1 > index.MaxQueryBytes {
				break
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(p)
			n += terms
		}
		return b.String()
	}
	// Wildcards that match (almost) nothing still walk every text field's
	// whole dictionary, in every segment.
	var walks []string
	for _, infix := range []string{"zq", "qz", "xj", "jx", "qk", "kq", "vq", "qv", "zx", "xz"} {
		walks = append(walks, "*"+infix+"*")
	}
	// Fuzzy terms of long common words: each walks the dictionary with
	// an automaton of edit distance 2.
	var fuzzy []string
	for _, w := range common {
		if len(w) >= 8 && len(fuzzy) < index.MaxPatterns {
			fuzzy = append(fuzzy, w+"~2")
		}
	}
	// Phrases of common words: every article holding the words is read
	// to check the phrase.
	phrases := phraseQueries(rng, words, 4*index.MaxPhrases)
	var quoted []string
	for _, p := range phrases {
		text, _ := url.QueryUnescape(strings.TrimPrefix(p, "q="))
		if !slices.Contains(quoted, text) {
			quoted = append(quoted, text)
		}
	}
	quoted = quoted[:min(len(quoted), index.MaxPhrases)]
	mostCommon := common[:min(len(common), 2*index.MaxQueryTerms)]

	q := func(text string, extra ...string) string {
		v := url.Values{"q": {text}}
		for i := 0; i+1 < len(extra); i += 2 {
			v.Add(extra[i], extra[i+1])
		}
		return v.Encode()
	}
	filters := make([]string, 0, 2*index.MaxFilters)
	for range index.MaxFilters {
		filters = append(filters, "source", "Reuters") // every article's: each is one more posting list to check
	}
	everything := slices.Concat(quoted, walks, mostCommon)
	return []attackQuery{
		{"256 common words", q(upTo(mostCommon, index.MaxQueryTerms))},
		{"256 common words, newest first, 100 a page", q(upTo(mostCommon, index.MaxQueryTerms), "sort", "newest", "size", "100")},
		{"10 wildcards walking the dictionary", q(strings.Join(walks, " "))},
		{"10 fuzzy words, edit distance 2", q(strings.Join(fuzzy, " "))},
		{"10 phrases of common words", q(strings.Join(quoted, " "))},
		{"10 phrases of common words, quotations", q(strings.Join(quoted, " "), "view", "quotes")},
		{"phrases, wildcards and common words to 4 KiB", q(upTo(everything, index.MaxQueryTerms), "size", "100")},
		{"a common word, the deepest page, newest first", q(mostCommon[0], "sort", "newest", "size", "100", "page", "150")},
		{"a common word and 64 filters", q(mostCommon[1], filters...)},
		{"every article with the commonest word, as JSON Lines", q(mostCommon[0], "format", "jsonl")},
	}, common
}

// prefixesUpToLimit finds, by asking the server, as many prefixes of
// common words (up to the patterns limit) as the expansions limit lets
// through together, and returns the query of them; "" if none passes.
func prefixesUpToLimit(client *http.Client, base string, common []string) string {
	var kept []string
	seen := map[string]bool{}
	for _, w := range common {
		if len(kept) == index.MaxPatterns {
			break
		}
		if len(w) < 5 {
			continue
		}
		p := w[:4] + "*"
		if seen[p] {
			continue
		}
		seen[p] = true
		try := url.Values{"q": {strings.Join(append(kept, p), " ")}}.Encode()
		if status, err := getStatus(client, base+"/api/search?"+try); err == nil && status == http.StatusOK {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	return url.Values{"q": {strings.Join(kept, " ")}}.Encode()
}

// attackOnce runs one round: the normal mix alone for opts.AttackFor, then
// again while the attackers run.
func attackOnce(client *http.Client, base string, normal []string, attacks []attackQuery, opts benchOptions) attackRound {
	var r attackRound
	took, failed := normalFor(client, base, normal, opts.Clients, opts.AttackFor)
	r.unloaded, r.normalN[0], r.failed = percentiles(took), len(took), failed

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	r.attackByStatus = map[int]int{}
	var attackTook []time.Duration
	for c := range opts.Clients {
		wg.Go(func() {
			for i := c; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				a := attacks[i%len(attacks)]
				start := time.Now()
				status, _ := getStatus(client, base+"/api/search?"+a.query)
				d := time.Since(start)
				mu.Lock()
				r.attackByStatus[status]++
				attackTook = append(attackTook, d)
				mu.Unlock()
			}
		})
	}
	peak := watchRSS(stop)
	time.Sleep(attackWarmup)
	took, failed = normalFor(client, base, normal, opts.Clients, opts.AttackFor)
	close(stop)
	wg.Wait()
	r.attacked, r.normalN[1], r.failed = percentiles(took), len(took), r.failed+failed
	r.attackTook = percentiles(attackTook)
	r.peakRSS = peak()
	return r
}

// normalFor sends the normal mix from clients clients for d and returns
// the time of every request that succeeded and how many did not.
func normalFor(client *http.Client, base string, queries []string, clients int, d time.Duration) ([]time.Duration, int) {
	var mu sync.Mutex
	var took []time.Duration
	failed := 0
	deadline := time.Now().Add(d)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				q := queries[int(next.Add(1)-1)%len(queries)]
				start := time.Now()
				err := getSearch(client, base+"/api/search?"+q, nil)
				t := time.Since(start)
				mu.Lock()
				if err != nil {
					failed++
					if failed <= 3 {
						fmt.Fprintf(os.Stderr, "cuttings bench --attack: %s: %v\n", q, err)
					}
				} else {
					took = append(took, t)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return took, failed
}

// watchRSS samples this process's resident memory until stop is closed;
// peak returns the highest sample, or the kernel's own high-water mark
// since the watch began when that is higher (it sees between samples).
func watchRSS(stop <-chan struct{}) (peak func() int64) {
	// Writing 5 to clear_refs resets VmHWM to the current RSS, so that
	// the mark is the attack's and not the build's.
	resetHWM := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	var max atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(rssEvery)
		defer t.Stop()
		for {
			if rss := procMemory()["VmRSS"]; rss > max.Load() {
				max.Store(rss)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 {
		<-done
		m := max.Load()
		if hwm := procMemory()["VmHWM"]; resetHWM && hwm > m {
			m = hwm
		}
		return m
	}
}

// getStatus sends a GET and reads the whole answer; the status is 0 when
// there was none.
func getStatus(client *http.Client, u string) (int, error) {
	resp, err := client.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return resp.StatusCode, err
	}
	return resp.StatusCode, nil
}

// statusCounts lists how many requests got each status, in order.
func statusCounts(m map[int]int) string {
	var parts []string
	for _, s := range slices.Sorted(maps.Keys(m)) {
		name := fmt.Sprint(s)
		if s == 0 {
			name = "no answer"
		}
		parts = append(parts, fmt.Sprintf("%d× %s", m[s], name))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
