package main

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// `cuttings bench --lucene` measures Lucene beside cuttings on one machine:
// the same articles, facet values and queries, indexed and searched by
// LuceneBench.java in process (no HTTP), as issue 17 measured it. Lucene
// comes from the machine, not from this module: Debian's liblucene8-java
// (Lucene 8.7.0, Apache-2.0) and a JDK to compile the harness.

//go:embed lucene/LuceneBench.java
var luceneBenchJava []byte

// luceneJarNames are the Lucene jars the harness needs, without version.
var luceneJarNames = []string{"core", "analyzers-common", "facet", "highlighter", "queryparser", "queries", "sandbox", "memory"}

// luceneInstallHint says how to get what --lucene needs on Debian.
const luceneInstallHint = "on Debian: apt-get install default-jdk-headless liblucene8-java"

// defaultLuceneJars is where Debian puts Lucene's jars.
func defaultLuceneJars() string {
	if d := os.Getenv("CUTTINGS_LUCENE_JARS"); d != "" {
		return d
	}
	return "/usr/share/java"
}

// luceneClasspath finds the jars in dir: lucene-NAME-8.*.jar for each name,
// the newest 8.x if several.
func luceneClasspath(dir string) (string, error) {
	var jars []string
	for _, name := range luceneJarNames {
		found, _ := filepath.Glob(filepath.Join(dir, "lucene-"+name+"-8.*.jar"))
		if len(found) == 0 {
			return "", fmt.Errorf("no lucene-%s-8.*.jar in %s (%s, or set --lucene-jars)", name, dir, luceneInstallHint)
		}
		jars = append(jars, found[len(found)-1])
	}
	return strings.Join(jars, string(os.PathListSeparator)), nil
}

// lucenePrepare checks for the JDK and the jars and compiles the harness
// into dir, before any long work starts, so that a machine without them
// fails at once.
func lucenePrepare(ctx context.Context, jarDir, dir string) (classpath string, err error) {
	for _, tool := range []string{"javac", "java"} {
		if _, err := exec.LookPath(tool); err != nil {
			return "", fmt.Errorf("bench --lucene: %s not found (%s)", tool, luceneInstallHint)
		}
	}
	cp, err := luceneClasspath(jarDir)
	if err != nil {
		return "", fmt.Errorf("bench --lucene: %w", err)
	}
	src := filepath.Join(dir, "LuceneBench.java")
	if err := os.WriteFile(src, luceneBenchJava, 0o644); err != nil {
		return "", fmt.Errorf("bench --lucene: %w", err)
	}
	out, err := exec.CommandContext(ctx, "javac", "-nowarn", "-d", dir, "-cp", cp, src).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("bench --lucene: compiling LuceneBench.java against %s: %v\n%s", jarDir, err, out)
	}
	return cp + string(os.PathListSeparator) + dir, nil
}

// luceneCorpus writes the articles the bench stores as the harness reads
// them: one line each, tab-separated, with the facet values cuttings'
// extraction gives the article. Copies of one original share its
// extraction (the text is the same; with --distinct the words are
// shuffled and keep the original's values).
type luceneCorpus struct {
	path   string
	f      *os.File
	w      *bufio.Writer
	facets map[int][3]string // by original: people, countries, topics, each joined and escaped
	fields []string
}

func newLuceneCorpus(dir string) (*luceneCorpus, error) {
	path := filepath.Join(dir, "corpus.tsv")
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("bench --lucene: %w", err)
	}
	return &luceneCorpus{path: path, f: f, w: bufio.NewWriterSize(f, 1<<20), facets: map[int][3]string{}}, nil
}

// add writes article a, a copy of original number orig.
func (c *luceneCorpus) add(orig int, a store.Article) error {
	v, ok := c.facets[orig]
	if !ok {
		people, _, countries, topics := extract.Extract(a).Names()
		for i, values := range [][]string{people, countries, topics} {
			v[i] = luceneEscape(strings.Join(values, "\x1f"))
		}
		c.facets[orig] = v
	}
	c.fields = append(c.fields[:0], a.ID, strconv.FormatInt(a.Published.Unix(), 10), luceneEscape(a.Source),
		v[0], v[1], v[2], luceneEscape(a.Title), luceneEscape(a.Body))
	for i, f := range c.fields {
		if i > 0 {
			c.w.WriteByte('\t')
		}
		c.w.WriteString(f)
	}
	_, err := c.w.WriteString("\n")
	return err
}

func (c *luceneCorpus) close() error {
	err := c.w.Flush()
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("bench --lucene: %s: %w", c.path, err)
	}
	return nil
}

// luceneEscaper escapes what would break a line into fields.
var luceneEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\n`)

func luceneEscape(s string) string {
	if !strings.ContainsAny(s, "\\\t\n\r") {
		return s
	}
	return luceneEscaper.Replace(s)
}

// luceneQueries writes each class's queries as the user typed them: the
// text of the bench's q parameter ("" for the home page), then the rest of
// the query's URL (its sort, date range and facet filters), which the
// harness reads alike.
func luceneQueries(path string, classes []benchClass) error {
	var b strings.Builder
	for _, c := range classes {
		for _, q := range c.queries {
			v, err := url.ParseQuery(q)
			if err != nil {
				return fmt.Errorf("bench --lucene: query %q: %w", q, err)
			}
			text := v.Get("q")
			v.Del("q")
			b.WriteString(c.name + "\t" + luceneEscape(text))
			if len(v) > 0 {
				b.WriteString("\t" + v.Encode())
			}
			b.WriteString("\n")
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("bench --lucene: %w", err)
	}
	return nil
}

// luceneReport is what the harness measured.
type luceneReport struct {
	Docs      int
	IndexTook time.Duration // two threads adding documents, commit included
	MergeTook time.Duration // forceMerge(1) after
	Bytes     int64
	Values    map[string]int // distinct facet values Lucene counts, by facet
	Latency   map[string][2]latency
	Matches   map[string]int // class -> its queries' total hits, summed
}

// runLucene runs the compiled harness on the corpus and queries, echoing
// its lines to progress and reading its figures from them.
func runLucene(ctx context.Context, classpath, corpus, queries, indexDir string, clients int, progress io.Writer) (*luceneReport, error) {
	cmd := exec.CommandContext(ctx, "java", "-cp", classpath, "LuceneBench", corpus, queries, indexDir, strconv.Itoa(clients))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("bench --lucene: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("bench --lucene: %w", err)
	}
	rep := &luceneReport{Latency: map[string][2]latency{}, Values: map[string]int{}, Matches: map[string]int{}}
	sc := bufio.NewScanner(out)
	var perr error
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintf(progress, "lucene: %s\n", line)
		if err := rep.read(line); err != nil && perr == nil {
			perr = err
		}
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("bench --lucene: LuceneBench: %v\n%s", err, lastLines(stderr.String(), 20))
	}
	if perr != nil {
		return nil, perr
	}
	if rep.Docs == 0 {
		return nil, errors.New("bench --lucene: LuceneBench reported no index")
	}
	return rep, nil
}

// read takes one line of the harness's report: a word, then name=value
// pairs.
func (r *luceneReport) read(line string) error {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return nil
	}
	kv := map[string]string{}
	for _, f := range fields[1:] {
		if k, v, ok := strings.Cut(f, "="); ok {
			kv[k] = v
		}
	}
	num := func(k string) float64 {
		v, err := strconv.ParseFloat(kv[k], 64)
		if err != nil {
			return -1
		}
		return v
	}
	dur := func(k string, unit time.Duration) time.Duration { return time.Duration(num(k) * float64(unit)) }
	bad := func() error { return fmt.Errorf("bench --lucene: cannot read %q", line) }
	switch fields[0] {
	case "index":
		if r.Docs = int(num("docs")); r.Docs < 0 || num("seconds") < 0 {
			return bad()
		}
		r.IndexTook = dur("seconds", time.Second)
	case "merge":
		r.MergeTook = dur("seconds", time.Second)
	case "size":
		r.Bytes = int64(num("bytes"))
	case "facets":
		for k := range kv {
			r.Values[k] = int(num(k))
		}
	case "matches":
		if kv["class"] == "" || num("hits") < 0 {
			return bad()
		}
		r.Matches[kv["class"]] = int(num("hits"))
	case "search":
		i := 0
		if kv["clients"] != "1" {
			i = 1
		}
		if kv["class"] == "" || num("p50") < 0 || num("p99") < 0 {
			return bad()
		}
		l := r.Latency[kv["class"]]
		l[i] = latency{p50: dur("p50", time.Millisecond), p99: dur("p99", time.Millisecond)}
		r.Latency[kv["class"]] = l
	}
	return nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// printLuceneTable sets cuttings' figures beside Lucene's: p99 from one
// client and from several, class by class, and indexing.
func printLuceneTable(w io.Writer, r benchReport) {
	l := r.Lucene
	fmt.Fprintf(w, "\nSide by side with Lucene 8.7 (in process, no HTTP; cuttings over loopback HTTP with its full response), same articles and queries:\n\n")
	fmt.Fprintf(w, "| class | 1 client p50/p99 ms: cuttings / Lucene | %d clients p50/p99 ms: cuttings / Lucene | p99 at or below Lucene's | matches, summed: cuttings / Lucene |\n|---|---|---|---|---|\n", r.Clients)
	for _, c := range benchClassNames {
		cu, ok := r.Latency[c]
		lu, lok := l.Latency[c]
		if !ok || !lok {
			continue
		}
		fmt.Fprintf(w, "| %s | %s / %s, %s / %s | %s / %s, %s / %s | %s | %d / %d |\n", c,
			ms(cu[0].p50), ms(lu[0].p50), ms(cu[0].p99), ms(lu[0].p99),
			ms(cu[1].p50), ms(lu[1].p50), ms(cu[1].p99), ms(lu[1].p99),
			verdict(cu[0].p99 <= lu[0].p99 && cu[1].p99 <= lu[1].p99), r.Matches[c], l.Matches[c])
	}
	fmt.Fprintf(w, "\n| indexing | cuttings | Lucene |\n|---|---|---|\n")
	ours := "— (--reuse: not built in this run)"
	if r.ReindexTook > 0 {
		ours = fmt.Sprintf("%.0f (extraction included, merged into one segment)", rate(r.N, r.ReindexTook))
	}
	fmt.Fprintf(w, "| articles/s | %s | %.0f (no extraction, 2 threads; forceMerge(1) %s more) |\n",
		ours, rate(l.Docs, l.IndexTook), l.MergeTook.Round(time.Millisecond))
	fmt.Fprintf(w, "| on disk / raw text | %.2fx (index and store) | %.2fx (index, stored text included) |\n",
		ratio(r.IndexBytes+r.StoreBytes, r.RawBytes), ratio(l.Bytes, r.RawBytes))
}
