package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/cuttings/cuttings/index/extract"
)

// runTrainNames fits the name model (which capitalised mentions are people,
// organisations, places or none) on the GUM corpus and writes its weights;
// -cv K instead reports K-fold cross-validation by document, and -ablate
// the same with each feature group left out in turn.
func runTrainNames(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train names", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gum := fs.String("gum", "../shared/corpora/gum", "directory of GUM WebAnno TSV files")
	out := fs.String("out", "index/extract/names.model.json", "weights file to write")
	l2 := fs.Float64("l2", 1, "penalty on the squares of the weights (chosen by 5-fold cross-validation on GUM; MODEL.md)")
	iterations := fs.Int("iterations", 1000, "at most this many L-BFGS steps (the fit converges in a few hundred)")
	cv := fs.Int("cv", 0, "report K-fold cross-validation by document instead of writing weights")
	ablate := fs.Bool("ablate", false, "with -cv: also leave out each feature group in turn")
	without := fs.String("without", "", "leave out this feature group (rule, word, shape, gazetteer, context, document): for ablation")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	docs, err := readGUM(*gum)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("train names: no GUM documents in %s", *gum)
	}
	opts := extract.NamesOptions{L2: *l2, Iterations: *iterations,
		Trained: fmt.Sprintf("GUM, %d documents (%s), logistic regression, L2 %g", len(docs), filepath.Base(*gum), *l2)}
	if *without != "" {
		for _, g := range featureGroupNames {
			if g != *without {
				opts.Groups = append(opts.Groups, g)
			}
		}
		if len(opts.Groups) == len(featureGroupNames) {
			return fmt.Errorf("train names: no feature group %q", *without)
		}
	}
	if *cv > 1 {
		fmt.Fprintf(stdout, "%d-fold cross-validation on %d GUM documents\n", *cv, len(docs))
		sc, err := extract.CrossValidateNames(docs, opts, *cv)
		if err != nil {
			return err
		}
		fmt.Fprint(stdout, sc.Report())
		if *ablate {
			for _, drop := range featureGroupNames {
				var g []string
				for _, x := range featureGroupNames {
					if x != drop {
						g = append(g, x)
					}
				}
				o := opts
				o.Groups = g
				fmt.Fprintf(stdout, "\nwithout %s:\n", drop)
				sc, err := extract.CrossValidateNames(docs, o, *cv)
				if err != nil {
					return err
				}
				fmt.Fprint(stdout, sc.Report())
			}
		}
		return nil
	}
	weights, err := extract.TrainNames(docs, opts)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, weights, 0o644); err != nil {
		return fmt.Errorf("train names: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s from %d GUM documents\n", *out, len(docs))
	return nil
}

// featureGroupNames are the name model's feature groups (extract's
// featureGroups), for -without and -ablate.
var featureGroupNames = []string{"rule", "word", "shape", "gazetteer", "context", "document"}

// readGUM reads the GUM documents of dir (WebAnno TSV 3.2, one token a
// line) in file-name order. The text is rebuilt from the tokens: one
// sentence a line, a space between tokens except before closing
// punctuation and after opening brackets. Each entity (a type with an id in
// brackets, or a one-token type without) becomes a span of that text.
func readGUM(dir string) ([]extract.NamesDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var docs []extract.NamesDoc
	for _, f := range files {
		d, err := readGUMFile(f)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

var noSpaceBefore = map[string]bool{",": true, ".": true, ";": true, ":": true, "!": true, "?": true, ")": true, "]": true,
	"'s": true, "’s": true, "n't": true, "'": true, "%": true, "'re": true, "'ve": true, "'ll": true, "'d": true, "'m": true}

func readGUMFile(path string) (extract.NamesDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return extract.NamesDoc{}, err
	}
	defer f.Close()
	var b strings.Builder
	type ent struct {
		typ        string
		start, end int
	}
	ents := map[string]*ent{}
	var ids []string // in order of first sight, for a stable span order
	var spans []extract.NameSpan
	newSentence := true
	prevOpen := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if strings.HasPrefix(l, "#Text=") {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			newSentence = true
			continue
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) < 4 {
			return extract.NamesDoc{}, fmt.Errorf("%s:%d: want at least 4 columns", path, line)
		}
		tok := cols[2]
		if !newSentence && !noSpaceBefore[tok] && !prevOpen {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(tok)
		end := b.Len()
		newSentence = false
		prevOpen = tok == "(" || tok == "["
		if cols[3] == "_" {
			continue
		}
		for _, a := range strings.Split(cols[3], "|") {
			typ, id := a, ""
			if i := strings.IndexByte(a, '['); i > 0 && strings.HasSuffix(a, "]") {
				typ, id = a[:i], a[i+1:len(a)-1]
				if _, err := strconv.Atoi(id); err != nil {
					return extract.NamesDoc{}, fmt.Errorf("%s:%d: bad entity id %q", path, line, a)
				}
			}
			if id == "" {
				spans = append(spans, extract.NameSpan{Start: start, End: end, Type: typ})
				continue
			}
			if e := ents[id]; e != nil {
				e.end = end
			} else {
				ents[id] = &ent{typ: typ, start: start, end: end}
				ids = append(ids, id)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return extract.NamesDoc{}, err
	}
	for _, id := range ids {
		e := ents[id]
		spans = append(spans, extract.NameSpan{Start: e.start, End: e.end, Type: e.typ})
	}
	return extract.NamesDoc{Name: filepath.Base(path), Text: b.String(), Spans: spans}, nil
}
