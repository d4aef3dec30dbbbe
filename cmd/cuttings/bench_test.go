package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
		"| empty | ", "| broad | ", "| selective | ", "| phrase | ",
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
	for _, not := range []string{"| empty | ", "| phrase | ", "phrase search p99", "search selective:"} {
		if strings.Contains(out, not) {
			t.Errorf("output has %q, a class not asked for:\n%s", not, out)
		}
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
