package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/cuttings/cuttings/store"
)

// annotated is one testdata article with what a careful reader extracts
// (the gold format of ../shared/eval/FORMAT.md).
type annotated struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Text          string   `json:"text"`
	People        []string `json:"people"`
	Organizations []string `json:"organizations"`
	Countries     []string `json:"countries"`
	Topics        []string `json:"topics"`
	Quotes        []struct {
		Text    string  `json:"text"`
		Speaker *string `json:"speaker"`
	} `json:"quotes"`
	NotQuotes []string `json:"not_quotes"`
}

// tally counts set agreement the way score.py does.
type tally struct{ tp, pred, gold int }

func (t *tally) add(gold, pred []string) {
	g := map[string]bool{}
	for _, s := range gold {
		g[nameKey(s)] = true
	}
	p := map[string]bool{}
	for _, s := range pred {
		p[nameKey(s)] = true
	}
	for k := range p {
		if g[k] {
			t.tp++
		}
	}
	t.pred += len(p)
	t.gold += len(g)
}

func (t tally) f1() float64 {
	if t.pred == 0 || t.gold == 0 || t.tp == 0 {
		return 0
	}
	p, r := float64(t.tp)/float64(t.pred), float64(t.tp)/float64(t.gold)
	return 2 * p * r / (p + r)
}

// nameKey folds case and accents, as the scorer compares names.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestAnnotatedArticles runs the extractor over the 46 hand-annotated
// articles of testdata/articles and holds it to what it achieves today:
// each floor sits just under the measured score, so a change that makes
// extraction worse fails here. Mismatches are logged with -v.
func TestAnnotatedArticles(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/articles/*.jsonl")
	var arts []annotated
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var a annotated
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			arts = append(arts, a)
		}
		fh.Close()
	}
	if len(arts) < 30 {
		t.Fatalf("%d annotated articles in testdata/articles, want at least 30", len(arts))
	}
	var people, orgs, countries tally
	top1, quotesFound, quotesGold, speakersRight, speakersGold := 0, 0, 0, 0, 0
	for _, a := range arts {
		e := Extract(store.Article{ID: a.ID, Title: a.Title, Body: a.Text})
		var ps, os, cs []string
		for _, p := range e.People {
			ps = append(ps, p.Name)
		}
		for _, o := range e.Organizations {
			os = append(os, o.Name)
		}
		for _, c := range e.Countries {
			cs = append(cs, c.Code)
		}
		people.add(a.People, ps)
		orgs.add(a.Organizations, os)
		countries.add(a.Countries, cs)
		if len(e.Topics) > 0 && len(a.Topics) > 0 && contains(a.Topics, e.Topics[0].Label) {
			top1++
		} else {
			t.Logf("%s: first topic %v, annotated %v", a.ID, e.Topics, a.Topics)
		}
		for _, gq := range a.Quotes {
			quotesGold++
			for _, q := range e.Quotes {
				if strings.TrimRight(q.Text, ",.") == strings.TrimRight(gq.Text, ",.") {
					quotesFound++
					if gq.Speaker != nil {
						speakersGold++
						if nameKey(q.Speaker) == nameKey(*gq.Speaker) {
							speakersRight++
						} else {
							t.Logf("%s: %q said by %q, annotated %q", a.ID, gq.Text, q.Speaker, *gq.Speaker)
						}
					}
					break
				}
			}
		}
		for _, nq := range a.NotQuotes {
			for _, q := range e.Quotes {
				if strings.TrimRight(q.Text, ",.") == strings.TrimRight(nq, ",.") {
					t.Logf("%s: %q is not speech but was extracted", a.ID, nq)
				}
			}
		}
	}
	for _, c := range []struct {
		what  string
		got   float64
		floor float64
	}{
		{"people F1", people.f1(), 0.88},
		{"organisations F1", orgs.f1(), 0.74},
		{"countries F1", countries.f1(), 0.97},
		{"topic top-1 accuracy", float64(top1) / float64(len(arts)), 0.93},
		{"quotes found (exact text)", float64(quotesFound) / float64(quotesGold), 0.95},
		{"speaker accuracy on found quotes", float64(speakersRight) / float64(speakersGold), 0.82},
	} {
		t.Logf("%s: %.3f (floor %.2f)", c.what, c.got, c.floor)
		if c.got < c.floor {
			t.Errorf("%s = %.3f, below its floor %.2f", c.what, c.got, c.floor)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
