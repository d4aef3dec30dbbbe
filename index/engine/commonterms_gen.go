//go:build ignore

// commonterms_gen writes common_terms.txt: the terms (as the body's
// analyzer makes them) that are in at least -share of the articles of the
// shared corpora, by how many articles hold them. The pair field (pairs.go)
// indexes two neighbouring terms only where both are on the list.
//
//	go generate ./index/engine   # from the repository, with ../shared beside it
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"
)

func main() {
	shared := flag.String("shared", "../../../shared", "`directory` holding corpora/ and gold/")
	share := flag.Float64("share", 0.02, "least `share` of the articles a term must be in")
	out := flag.String("o", "common_terms.txt", "`file` to write")
	flag.Parse()
	an, err := registry.NewCache().AnalyzerNamed(en.AnalyzerName)
	if err != nil {
		log.Fatal(err)
	}
	files := []struct{ path, field string }{
		{"corpora/reuters-21578.jsonl", "body"},
		{"gold/bbc-topics.jsonl", "text"},
		{"gold/polnear-dev.jsonl", "text"},
	}
	df := map[string]int{}
	articles := 0
	for _, f := range files {
		fh, err := os.Open(filepath.Join(*shared, f.path))
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				log.Fatalf("%s: %v", f.path, err)
			}
			body, _ := rec[f.field].(string)
			articles++
			seen := map[string]bool{}
			for _, tok := range an.Analyze([]byte(body)) {
				if t := string(tok.Term); !seen[t] {
					seen[t] = true
					df[t]++
				}
			}
		}
		if err := sc.Err(); err != nil {
			log.Fatalf("%s: %v", f.path, err)
		}
		fh.Close()
	}
	var terms []string
	for t, n := range df {
		if float64(n) >= *share*float64(articles) {
			terms = append(terms, t)
		}
	}
	slices.SortFunc(terms, func(a, b string) int {
		return cmp.Or(cmp.Compare(df[b], df[a]), cmp.Compare(a, b))
	})
	w, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Terms in at least %g of the %d articles of Reuters-21578 (Distribution 1.0,\n", *share, articles)
	fmt.Fprintf(bw, "# free distribution for research purposes), BBC News 2004-05 (Greene and\n")
	fmt.Fprintf(bw, "# Cunningham 2006, research use) and PolNeAR dev, most common first: word\n")
	fmt.Fprintf(bw, "# statistics, not text. Written by commonterms_gen.go (go generate).\n")
	for _, t := range terms {
		fmt.Fprintln(bw, t)
	}
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
}
