package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// writeBenchCorpus writes a tiny synthetic corpus in the layout bench
// expects: reuters-21578.jsonl in corpora/, the other two in gold/.
func writeBenchCorpus(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	people := []string{"Keir Starmer", "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"}
	places := []string{"London", "Paris", "Berlin", "Rome", "Kyiv", "Washington"}
	words := []string{"harbour", "tariff", "vaccine", "turbine", "election", "budget", "wheat", "copper"}
	files := []struct{ dir, name, field string }{
		{"corpora", "reuters-21578.jsonl", "body"},
		{"gold", "bbc-topics.jsonl", "text"},
		{"gold", "polnear-dev.jsonl", "text"},
	}
	for fi, f := range files {
		var b bytes.Buffer
		for i := range 12 {
			p, place, w := people[(i+fi)%len(people)], places[(i*3+fi)%len(places)], words[(i+2*fi)%len(words)]
			body := fmt.Sprintf("%s said in %s on Tuesday that the %s plan would go ahead. "+
				"\"We will not wait for the %s figures,\" %s told reporters.\n\n"+
				"The government in %s said the market for %s rose by %d percent last year, the %s report%d said.",
				p, place, w, w, p, place, w, 3+i, w, i*7+fi)
			rec := map[string]any{"id": fmt.Sprintf("%d-%d", fi, i), "title": fmt.Sprintf("%s: %s in %s", p, w, place),
				"source": []string{"Reuters", "BBC", "PolNeAR"}[fi], f.field: body}
			line, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(line)
			b.WriteByte('\n')
		}
		if err := os.MkdirAll(filepath.Join(root, f.dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, f.dir, f.name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(root, "corpora")
}

func TestBenchCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	corpus := writeBenchCorpus(t)
	var stdout, stderr bytes.Buffer
	err := run([]string{"bench", "--articles", "300", "--corpus", corpus, "--queries", "20", "--ingest", "100", "--live", "50"},
		strings.NewReader(""), &stdout, &stderr)
	out := stdout.String()
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr.String())
	}
	for _, want := range []string{
		"replicated to 300",
		"| class | 1 client p50/p99 ms | 4 clients p50/p99 ms |",
		"| empty | ", "| broad | ", "| selective | ", "| phrase | ", "| words | ",
		"| several words p99, 4 clients | ≤ 50 ms |",
		"| measure | target (2 cores, 1M) | measured | |",
		"| index and store / raw text | ≤ 1.5x |",
		"| ingest to searchable (BBC-size) |",
		"| failed requests | 0 | 0 | met |",
		"Searches measured while 50 articles a second were ingested",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if m := regexp.MustCompile(`failed requests: (\d+)`).FindStringSubmatch(out); m == nil || m[1] != "0" {
		t.Errorf("failed requests: %v\n%s", m, out)
	}
}

// --classes measures only the classes named, and the table shows only
// theirs: a class not measured is no target met.
func TestBenchClasses(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	corpus := writeBenchCorpus(t)
	var stdout, stderr bytes.Buffer
	err := run([]string{"bench", "--articles", "200", "--corpus", corpus, "--queries", "5", "--ingest", "0", "--classes", "broad"},
		strings.NewReader(""), &stdout, &stderr)
	out := stdout.String()
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr.String())
	}
	if !strings.Contains(out, "| broad | ") || !strings.Contains(out, "| broad search p99, 4 clients |") {
		t.Errorf("output lacks the broad class:\n%s", out)
	}
	for _, not := range []string{"| empty | ", "| phrase | ", "phrase search p99", "search selective:", "| words | "} {
		if strings.Contains(out, not) {
			t.Errorf("output has %q, a class not asked for:\n%s", not, out)
		}
	}
}

// The words class: two and three words, unquoted, each common and no stop
// word, all from a few words' span of one original, so that every query
// matches at least that original.
func TestWordsQueries(t *testing.T) {
	var records []benchRecord
	for i := range 100 {
		// Each original has a word of its own, which is not common: a
		// word must be in one original in fifty.
		own := string(rune('a'+i/26)) + string(rune('a'+i%26)) + "zog"
		records = append(records, benchRecord{body: fmt.Sprintf(
			"The minister said budget %s said on Monday that the budget for harbour %d would rise, and the unions said they would strike over pay in the spring.", own, i)})
	}
	c := newCorpusWords(records)
	for _, least := range []int{2, 4} {
		qs := wordsQueries(rand.New(rand.NewPCG(1, 2)), c, 40, least)
		if len(qs) != 40 {
			t.Fatalf("%d queries of at least %d words, want 40", len(qs), least)
		}
		sizes := map[int]int{}
		for _, q := range qs {
			v, err := url.ParseQuery(q)
			if err != nil {
				t.Fatal(err)
			}
			text := v.Get("q")
			words := strings.Fields(text)
			sizes[len(words)]++
			if strings.ContainsAny(text, `"+-:`) {
				t.Errorf("%q: want plain words", text)
			}
			seen := map[string]bool{}
			for _, w := range words {
				term := c.term(w)
				if term == "" || seen[term] || c.df[term] < 2 {
					t.Errorf("%q: %q is a stop word, repeated or rare", text, w)
				}
				seen[term] = true
				if !strings.Contains(strings.ToLower(records[0].body), w) && !strings.HasSuffix(w, "zog") {
					t.Errorf("%q: %q is in no original's span", text, w)
				}
			}
		}
		if sizes[least] == 0 || sizes[least+1] == 0 || sizes[least]+sizes[least+1] != len(qs) {
			t.Errorf("query sizes %v: want %d and %d words only", sizes, least, least+1)
		}
	}
}

// The classes that narrow a search: newest first, a span of whole years
// inside the bench's dates, and a country or topic the original's own
// extraction finds; and each reaches Lucene's harness with its narrowing.
func TestNarrowedQueries(t *testing.T) {
	var records []benchRecord
	for i := range 100 {
		own := string(rune('a'+i/26)) + string(rune('a'+i%26)) + "zog"
		records = append(records, benchRecord{title: "Budget row in Canada", body: fmt.Sprintf(
			"The minister said budget %s said in Ottawa on Monday that the Canadian budget for harbour %d would rise, and the unions in Canada said they would strike over pay in the spring.", own, i)})
	}
	c := newCorpusWords(records)
	_, _, countries, topics := extract.Extract(store.Article{Title: records[0].title, Body: records[0].body, Language: "en"}).Names()
	if len(countries) == 0 || len(topics) == 0 {
		t.Fatalf("the test's original has countries %v and topics %v: want some of each", countries, topics)
	}
	classes := map[string][]string{
		"newest": newestQueries(rand.New(rand.NewPCG(1, 2)), c, 30),
		"range":  rangeQueries(rand.New(rand.NewPCG(1, 2)), c, 30),
		"filter": filterQueries(rand.New(rand.NewPCG(1, 2)), c, 30),
	}
	facets := map[string]int{}
	for name, qs := range classes {
		if len(qs) != 30 {
			t.Fatalf("%s: %d queries, want 30", name, len(qs))
		}
		for _, q := range qs {
			v, err := url.ParseQuery(q)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(strings.Fields(v.Get("q"))); n < 1 || n > 2 {
				t.Errorf("%s: %q: want one or two words", name, q)
			}
			switch name {
			case "newest":
				if v.Get("sort") != index.SortNewest || len(v) != 2 {
					t.Errorf("%s: %q: want the words newest first, nothing else", name, q)
				}
			case "range":
				from, err1 := time.Parse(time.DateOnly, v.Get("from"))
				to, err2 := time.Parse(time.DateOnly, v.Get("to"))
				if err1 != nil || err2 != nil || len(v) != 3 || from.YearDay() != 1 || to.Month() != 12 || to.Day() != 31 ||
					from.Year() < benchDateFromYear || to.Year() > benchDateToYear || to.Year()-from.Year() > 4 || to.Before(from) {
					t.Errorf("%s: %q: want whole years, one to five, within %d-%d", name, q, benchDateFromYear, benchDateToYear)
				}
			case "filter":
				switch {
				case v.Has(index.FacetCountry) && slices.Contains(countries, v.Get(index.FacetCountry)):
					facets[index.FacetCountry]++
				case v.Has(index.FacetTopic) && slices.Contains(topics, v.Get(index.FacetTopic)):
					facets[index.FacetTopic]++
				default:
					t.Errorf("%s: %q: want a country or topic of the original", name, q)
				}
			}
		}
	}
	if facets[index.FacetCountry] == 0 || facets[index.FacetTopic] == 0 {
		t.Errorf("filters by facet %v: want countries and topics", facets)
	}

	path := filepath.Join(t.TempDir(), "queries.tsv")
	err := luceneQueries(path, []benchClass{{"empty", []string{"sort=newest"}}, {"range", classes["range"][:1]}, {"filter", []string{"q=oil+prices&country=CA&topic=economy"}}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := url.ParseQuery(classes["range"][0])
	want := "empty\t\tsort=newest\n" +
		"range\t" + v.Get("q") + "\tfrom=" + v.Get("from") + "&to=" + v.Get("to") + "\n" +
		"filter\toil prices\tcountry=CA&topic=economy\n"
	if string(b) != want {
		t.Errorf("Lucene's queries:\n%s\nwant:\n%s", b, want)
	}
}

func TestBenchCommandNoCorpus(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"bench", "--corpus", t.TempDir()}, strings.NewReader(""), &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "reuters-21578.jsonl not found") {
		t.Errorf("bench without a corpus: %v", err)
	}
}

// The attack bench serves the Reuters file as it is and reports the normal
// mix's p99 alone and under attack, and the peak RSS, beside the targets.
func TestBenchAttack(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	corpus := writeBenchCorpus(t)
	var stdout, stderr bytes.Buffer
	err := run([]string{"bench", "--attack", "--corpus", corpus, "--attack-for", "300ms", "--rounds", "1", "--queries", "10"},
		strings.NewReader(""), &stdout, &stderr)
	out := stdout.String()
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr.String())
	}
	for _, want := range []string{
		"reuters-21578.jsonl (12 articles)",
		"| 256 common words | 200 |",
		"round 1: normal p50/p99 unloaded",
		"| normal mix p99, 4 clients, unloaded | — |",
		"| normal mix p99, 4 clients, under attack by 4 | ≤ 2x unloaded |",
		"| peak server RSS under attack | < 1.5 GB |",
		"| normal requests failed | 0 | 0 | met |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestBenchLucene runs the bench with --lucene on the tiny corpus: the
// harness compiles against the machine's Lucene, indexes every article
// with its facet values and times every class, and the side-by-side table
// has a row for each. It needs a JDK and Lucene 8's jars; without them it
// skips, or fails under CUTTINGS_REQUIRE_LUCENE=1 (CI).
func TestBenchLucene(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	if _, err := lucenePrepare(t.Context(), defaultLuceneJars(), t.TempDir()); err != nil {
		if os.Getenv("CUTTINGS_REQUIRE_LUCENE") == "1" {
			t.Fatalf("CUTTINGS_REQUIRE_LUCENE=1 but: %v", err)
		}
		t.Skipf("no Lucene to compare with: %v", err)
	}
	corpus := writeBenchCorpus(t)
	var stdout, stderr bytes.Buffer
	err := run([]string{"bench", "--articles", "300", "--corpus", corpus, "--queries", "20", "--ingest", "0", "--lucene"},
		strings.NewReader(""), &stdout, &stderr)
	out := stdout.String()
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr.String())
	}
	if !strings.Contains(out, "lucene: index docs=300 ") {
		t.Errorf("Lucene did not index the 300 articles:\n%s", out)
	}
	m := regexp.MustCompile(`lucene: facets person=(\d+) country=(\d+) topic=(\d+) source=(\d+) year=(\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no facet values reported:\n%s", out)
	}
	// The corpus names four people, from three sources, over the years
	// 1996-2026: Lucene counts what cuttings' extraction found.
	if m[1] != "4" || m[4] != "3" || m[5] == "0" {
		t.Errorf("Lucene counts %s people, %s sources, %s years; want 4, 3 and some:\n%s", m[1], m[4], m[5], out)
	}
	for _, class := range benchClassNames {
		for _, clients := range []string{"1", "4"} {
			if !regexp.MustCompile(`lucene: search class=` + class + ` clients=` + clients + ` n=20 p50=[0-9.]+ p99=[0-9.]+`).MatchString(out) {
				t.Errorf("Lucene did not time %s with %s clients:\n%s", class, clients, out)
			}
		}
		if !regexp.MustCompile(`\| ` + class + ` \| [0-9.]+ / [0-9.]+, [0-9.]+ / [0-9.]+ \| [0-9.]+ / [0-9.]+, [0-9.]+ / [0-9.]+ \| (met|\*\*not met\*\*) \| [1-9][0-9]* / [1-9][0-9]* \|`).MatchString(out) {
			t.Errorf("no side-by-side row for %s:\n%s", class, out)
		}
	}
	if !strings.Contains(out, "| articles/s | ") || !strings.Contains(out, "| on disk / raw text | ") {
		t.Errorf("no indexing rows:\n%s", out)
	}
}

// TestLuceneReportRead reads the harness's lines, and refuses one it
// cannot read.
func TestLuceneReportRead(t *testing.T) {
	r := &luceneReport{Latency: map[string][2]latency{}, Values: map[string]int{}, Matches: map[string]int{}}
	for _, line := range []string{
		"matches class=range hits=4321",
		"index docs=1000 seconds=0.500 threads=2",
		"merge seconds=0.25",
		"size bytes=12345",
		"facets person=7 country=3 topic=0 source=2 year=31",
		"search class=phrase clients=1 n=20 p50=1.500 p99=9.250",
		"search class=phrase clients=4 n=20 p50=2.000 p99=12.000",
	} {
		if err := r.read(line); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
	}
	if r.Docs != 1000 || r.IndexTook != 500*time.Millisecond || r.MergeTook != 250*time.Millisecond || r.Bytes != 12345 {
		t.Errorf("index figures %+v", r)
	}
	if r.Values["person"] != 7 || r.Values["year"] != 31 {
		t.Errorf("facet values %v", r.Values)
	}
	if r.Matches["range"] != 4321 {
		t.Errorf("matches %v", r.Matches)
	}
	l := r.Latency["phrase"]
	if l[0].p50 != 1500*time.Microsecond || l[0].p99 != 9250*time.Microsecond || l[1].p99 != 12*time.Millisecond {
		t.Errorf("phrase latency %+v", l)
	}
	if err := r.read("search class=broad clients=1 n=20 p50=x p99=1"); err == nil {
		t.Error("a latency that is not a number was read")
	}
	if got := luceneEscape("a\tb\\c\nd"); got != `a\tb\\c\nd` {
		t.Errorf("luceneEscape = %q", got)
	}
}

// TestWaitReady checks that the bench waits for /readyz to say 200, and
// gives up with what it said once the limit has passed.
func TestWaitReady(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readyz" {
			http.NotFound(w, r)
			return
		}
		if calls.Add(1) <= 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(w, `{"ready":false,"warm":false}`)
			return
		}
		fmt.Fprint(w, `{"ready":true,"warm":true}`)
	}))
	defer srv.Close()
	ctx := context.Background()
	if _, err := waitReady(ctx, srv.Client(), srv.URL, time.Minute); err != nil || calls.Load() != 4 {
		t.Errorf("waitReady: %v after %d calls; want nil after 4", err, calls.Load())
	}

	never := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `{"ready":false,"warm":false}`)
	}))
	defer never.Close()
	_, err := waitReady(ctx, never.Client(), never.URL, 200*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), `"warm":false`) || !strings.Contains(err.Error(), "503") {
		t.Errorf("waitReady on a server never ready: %v; want an error naming its 503 and answer", err)
	}
}

// wordsInTurn parses the i-th query q of a class that takes its words from
// each of texts' classes in turn, and checks that they are the words of the
// (one) query of the class whose turn it was.
func wordsInTurn(t *testing.T, i int, q string, texts [][]string) url.Values {
	t.Helper()
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimPrefix(strings.SplitN(texts[i%len(texts)][0], "&", 2)[0], "q="); url.QueryEscape(v.Get("q")) != want {
		t.Errorf("query %d %q: words %q, want %q", i, q, v.Get("q"), want)
	}
	return v
}

// TestPageQueries checks the pages class: each class's words in turn, a
// page from 2 to 10, every one of them drawn.
func TestPageQueries(t *testing.T) {
	texts := [][]string{{"q=said"}, {`q=%22prime+minister%22`}, {"q=oil+prices&x=1"}}
	qs := pageQueries(rand.New(rand.NewPCG(1, 2)), 300, texts)
	if len(qs) != 300 {
		t.Fatalf("%d queries, want 300", len(qs))
	}
	pages := map[int]int{}
	for i, q := range qs {
		v := wordsInTurn(t, i, q, texts)
		if v.Has("x") || len(v) != 2 {
			t.Errorf("%q: want its words and a page, nothing else", q)
		}
		page, err := strconv.Atoi(v.Get("page"))
		if err != nil || page < 2 || page > 10 {
			t.Errorf("%q: page %q, want 2 to 10", q, v.Get("page"))
		}
		pages[page]++
	}
	if len(pages) != 9 {
		t.Errorf("pages drawn: %v; want each of 2 to 10", pages)
	}
}

// The mixed class takes its words from each class it is given, in turn,
// and narrows every query by at least one of a range of whole years,
// newest first and a facet value taken from a filter query.
func TestMixedQueries(t *testing.T) {
	texts := [][]string{{`q=%22prime+minister%22`}, {"q=zogwort"}, {"q=oil+prices&x=1"}}
	filters := []string{"q=oil&country=CA", "q=bank&topic=economy"}
	qs := mixedQueries(rand.New(rand.NewPCG(1, 2)), 300, texts, filters)
	if len(qs) != 300 {
		t.Fatalf("%d queries, want 300", len(qs))
	}
	seen := map[string]int{}
	for i, q := range qs {
		v := wordsInTurn(t, i, q, texts)
		if v.Has("x") {
			t.Errorf("%q keeps its class's own narrowing", q)
		}
		narrowed := 0
		if v.Has("from") {
			from, err1 := time.Parse(time.DateOnly, v.Get("from"))
			to, err2 := time.Parse(time.DateOnly, v.Get("to"))
			if err1 != nil || err2 != nil || from.Year() < benchDateFromYear || to.Year() > benchDateToYear || to.Year()-from.Year() > 4 || to.Before(from) {
				t.Errorf("%q: want whole years, one to five, within %d-%d", q, benchDateFromYear, benchDateToYear)
			}
			narrowed++
			seen["range"]++
		}
		if v.Has("sort") {
			if v.Get("sort") != index.SortNewest {
				t.Errorf("%q: sort %q", q, v.Get("sort"))
			}
			narrowed++
			seen["newest"]++
		}
		if v.Get(index.FacetCountry) == "CA" || v.Get(index.FacetTopic) == "economy" {
			narrowed++
			seen["facet"]++
		}
		if narrowed == 0 {
			t.Errorf("%q is not narrowed", q)
		}
		if narrowed == 3 {
			seen["all three"]++
		}
	}
	for _, k := range []string{"range", "newest", "facet", "all three"} {
		if seen[k] == 0 {
			t.Errorf("no query narrowed by %s: %v", k, seen)
		}
	}
}
