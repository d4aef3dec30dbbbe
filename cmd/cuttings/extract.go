package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// extractInput is one line of `cuttings extract` input: an article with at
// least an id and its text (as "text" or "body").
type extractInput struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Body  string `json:"body"`
}

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles extracted in parallel")
	speakers := fs.String("speakers", "", "rank speakers with the model in `FILE` (written by cuttings train speakers --out FILE) instead of the built-in one")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cuttings extract [--workers N] [FILE|-]\n\nReads articles as JSONL (id, text or body, optional title) and prints one\nenrichment line per article: people, organizations, countries, topics, quotes.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return errUsage
	}
	in := stdin
	name := "-"
	if fs.NArg() > 1 {
		fs.Usage()
		return errUsage
	}
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		defer f.Close()
		in = f
	}
	if *workers < 1 {
		*workers = 1
	}
	var x extract.Extractor
	if *speakers != "" {
		b, err := os.ReadFile(*speakers)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		if x.Speakers, err = extract.ParseSpeakerModel(b); err != nil {
			return fmt.Errorf("extract: %s: %w", *speakers, err)
		}
	}
	return extractStream(in, name, stdout, stderr, *workers, x)
}

// extractStream extracts JSONL articles with a pool of workers and prints
// the results in input order.
func extractStream(in io.Reader, name string, stdout, stderr io.Writer, workers int, x extract.Extractor) error {
	type result struct {
		b   []byte
		err error
	}
	type job struct {
		line int
		a    store.Article
		out  chan result
	}
	jobs := make(chan job, workers*4)
	order := make(chan job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				b, err := extractJSON(x, j.a)
				j.out <- result{b, err}
			}
		}()
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	done := make(chan struct{})
	failed := 0 // read after done
	go func() {
		for j := range order {
			r := <-j.out
			if r.err != nil {
				// One article the extractor cannot read does not stop the
				// others; the exit status says some were left out.
				fmt.Fprintf(stderr, "%s:%d: article %q: %v\n", name, j.line, j.a.ID, r.err)
				failed++
				continue
			}
			w.Write(r.b)
			w.WriteByte('\n')
		}
		close(done)
	}()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	bad := 0
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var rec extractInput
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			fmt.Fprintf(stderr, "%s:%d: invalid JSON: %v\n", name, line, err)
			bad++
			continue
		}
		body := rec.Body
		if body == "" {
			body = rec.Text
		}
		j := job{line: line, a: store.Article{ID: rec.ID, Title: rec.Title, Body: body}, out: make(chan result, 1)}
		order <- j
		jobs <- j
	}
	close(jobs)
	close(order)
	wg.Wait()
	<-done
	if err := w.Flush(); err != nil {
		return fmt.Errorf("extract: write: %w", err)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("extract: read %s line %d: %w", name, line+1, err)
	}
	if bad > 0 || failed > 0 {
		return errRejected
	}
	return nil
}

// extractJSON extracts one article and encodes the result; a panic in the
// extractor is returned as an error, so that it names its article.
func extractJSON(x extract.Extractor, a store.Article) (b []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("the extractor failed: %v", r)
		}
	}()
	return json.Marshal(x.Extract(a))
}
