package dupes

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Reuters-21578 corpus is not in the repository: the test reads it
// from shared/corpora, found above the working directory (or named by
// CUTTINGS_CORPORA), and skips when it is absent.
const reutersFile = "reuters-21578.jsonl"

// findCorpus returns the path of the Reuters corpus, or "" when there is
// none.
func findCorpus() string {
	if dir := os.Getenv("CUTTINGS_CORPORA"); dir != "" {
		return filepath.Join(dir, reutersFile)
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "corpora", reutersFile)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

type reutersArticle struct {
	ID   string `json:"id"`
	Body string `json:"body"`
}

// readReuters returns the corpus's articles in the order of the file (the
// order the wire sent them).
func readReuters(t testing.TB, path string) []reutersArticle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []reutersArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a reutersArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Labels of a pair (DUPES.md): copy is one text an edited version of the
// other, the only label the detector should group; rewrite is the same
// event written independently or substantially reworded; different is
// another event.
const (
	labelCopy      = "copy"
	labelRewrite   = "rewrite"
	labelDifferent = "different"
)

type labelledPair struct {
	a, b, stratum, label string
}

func (p labelledPair) copy() bool { return p.label == labelCopy }

func readPairs(t testing.TB) []labelledPair {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "reuters-pairs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []labelledPair
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 || f[2] != labelCopy && f[2] != labelRewrite && f[2] != labelDifferent {
			t.Fatalf("reuters-pairs.tsv:%d: want id, id, copy|rewrite|different, stratum, reason: %q", i+1, line)
		}
		out = append(out, labelledPair{a: f[0], b: f[1], label: f[2], stratum: f[3]})
	}
	return out
}

// TestReutersPairs measures the detector on Reuters pairs labelled by
// hand (testdata/reuters-pairs.tsv, DUPES.md): "pairs" judges each pair by
// Rule.Same alone; "groups" runs every article of the corpus through a
// Detector in the order they were sent and judges whether the two ended in
// one group.
func TestReutersPairs(t *testing.T) {
	path := findCorpus()
	if path == "" {
		t.Skipf("Reuters pairs not measured: no shared/corpora/%s above the working directory (set CUTTINGS_CORPORA to its directory)", reutersFile)
	}
	if testing.Short() {
		t.Skip("signs the whole Reuters corpus; skipped with -short")
	}
	articles := readReuters(t, path)
	pairs := readPairs(t)
	sigs := make(map[string]Signature, len(articles))
	for _, a := range articles {
		sigs[a.ID] = Sign(a.Body)
	}
	for _, p := range pairs {
		if _, ok := sigs[p.a]; !ok {
			t.Fatalf("pair %s %s: %s is not in %s", p.a, p.b, p.a, path)
		}
		if _, ok := sigs[p.b]; !ok {
			t.Fatalf("pair %s %s: %s is not in %s", p.a, p.b, p.b, path)
		}
	}
	// The method before the first measurement (containment 0.5 alone,
	// briefs from 12 phrases), then each check added, then the defaults
	// moved one at a time (DUPES.md has the table).
	rules := []Rule{
		{Threshold: 0.5, Numbers: -1, Names: -1, MinPhrases: 12, NoDates: true},
		{Numbers: -1, Names: -1, NoDates: true},
		{Names: -1, NoDates: true},
		{NoDates: true},
		{},
		{Threshold: 0.2},
		{Threshold: 0.25},
		{Threshold: 0.3},
		{Threshold: 0.4},
		{Threshold: 0.5},
		{Numbers: 0.7},
		{Numbers: 0.9},
		{Names: 0.5},
		{Names: 0.6},
		{Names: 0.8},
		{Names: 0.9},
		{MinPhrases: 16},
		{MinPhrases: 32},
	}
	for _, rule := range rules {
		var byPair, byGroup score
		rewrites, rewritesGrouped := 0, 0
		d := &Detector{Rule: rule}
		group := make(map[string]string, len(articles))
		for _, a := range articles {
			group[a.ID] = d.Add(a.ID, sigs[a.ID])
		}
		def := rule == Rule{}
		for _, p := range pairs {
			same, _ := rule.Same(sigs[p.a], sigs[p.b])
			byPair.add(p.copy(), same)
			joined := group[p.a] == group[p.b]
			byGroup.add(p.copy(), joined)
			if p.label == labelRewrite {
				rewrites++
				if joined {
					rewritesGrouped++
				}
			}
			if def && (joined != p.copy() || same != p.copy()) {
				t.Logf("%s %s (%s): labelled %s, grouped %v, pair %v; containment %.2f, numbers %.2f, names %.2f, phrases %d/%d",
					p.a, p.b, p.stratum, p.label, joined, same, Containment(sigs[p.a], sigs[p.b]), NumbersAgree(sigs[p.a], sigs[p.b]),
					NamesAgree(sigs[p.a], sigs[p.b]), sigs[p.a].Phrases, sigs[p.b].Phrases)
			}
		}
		r := rule.withDefaults()
		t.Logf("| %.2f | %.2f | %.2f | %v | %d | %.3f | %.3f | %.3f | %.3f | %d of %d |", r.Threshold, r.Numbers, r.Names, !r.NoDates, r.MinPhrases,
			byPair.precision(), byPair.recall(), byGroup.precision(), byGroup.recall(), rewritesGrouped, rewrites)
		if def && (byPair.precision() < 0.95 || byPair.recall() < 0.95 || byGroup.precision() < 0.95 || byGroup.recall() < 0.95) {
			t.Errorf("defaults on Reuters pairs: pairs %v (precision %.3f, recall %.3f), groups %v (precision %.3f, recall %.3f); want 0.95 at least",
				byPair, byPair.precision(), byPair.recall(), byGroup, byGroup.precision(), byGroup.recall())
		}
	}
}

func (s score) String() string {
	return fmt.Sprintf("TP %d FP %d FN %d", s.TP, s.FP, s.FN)
}
