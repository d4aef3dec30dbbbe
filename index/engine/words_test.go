package engine

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"
)

// tokensOf lists every part of a token the index reads, and its type.
func tokensOf(ts analysis.TokenStream) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = fmt.Sprintf("%q@%d:%d-%d/%d", t.Term, t.Position, t.Start, t.End, t.Type)
	}
	return out
}

// sameTerms analyses text with both analyzers (each on its own copy, as both
// lowercase in place) and reports where they differ.
func sameTerms(t *testing.T, fast *englishWords, slow analysis.Analyzer, text string) {
	t.Helper()
	got := tokensOf(fast.Analyze([]byte(text)))
	want := tokensOf(slow.Analyze([]byte(text)))
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("text %q:\nfast %v\nBleve %v", text, got, want)
	}
}

func englishPair(t *testing.T) (*englishWords, analysis.Analyzer) {
	t.Helper()
	cache := registry.NewCache()
	fast, err := newEnglishWords(cache)
	if err != nil {
		t.Fatal(err)
	}
	slow, err := registry.NewCache().AnalyzerNamed(en.AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	return fast, slow
}

// TestEnglishWordsAgree checks that the fast English analyzer makes Bleve's
// terms, positions and offsets: on the cases of each word boundary rule,
// on the articles written for this project, and on random text of the
// characters the splitter knows and some it does not. It also checks that
// the fast path is the one taken for text it knows.
func TestEnglishWordsAgree(t *testing.T) {
	fast, slow := englishPair(t)
	for _, text := range []string{
		"", " ", "_", "a _ b", "__", "_a", "a_", "1_", "_1", "a:b", "a::b", "U.S.", "3.14", "1,000.5",
		"1,,2", "a'b", "a’b", "don‘t", "x·y", "café", "naïve", "a.1", "1.a", "£5", "a\u00a0b",
		"A1B", "1st", "a..b", "'a'", ":a:", "a;b", "1;2", "1:2", "a,b", "Britain's", "BRITAIN’S",
		"the Prime Minister's", "it's", "S", "'s", "a_:b", "1_.2", "a.", "1.", "x\u2026y", "Zürich’s",
		"Ægir ŒUVRE ǅ", "“Quoted,” she said — twice.", "£3.5bn and €2,000", "10:30 a.m.",
	} {
		sameTerms(t, fast, slow, text)
	}

	articles, fastArticles := 0, 0
	for _, pattern := range []string{"../../testdata/articles/*.jsonl", "../../testdata/speakers/*.jsonl", "../../testdata/heldout/*.jsonl"} {
		eachJSONLine(t, pattern, func(name string, line []byte) {
			var a struct{ Title, Body, Text string }
			if err := json.Unmarshal(line, &a); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, text := range []string{a.Title, a.Body, a.Text} {
				sameTerms(t, fast, slow, text)
			}
			articles++
			if _, ok := splitWords([]byte(a.Body+a.Text), nil); ok {
				fastArticles++
			}
		})
	}
	if articles < 100 {
		t.Fatalf("only %d written articles found to compare on", articles)
	}
	// News text takes the fast path: a character of common news text
	// left out of the splitter would send it all to the slow one.
	if fastArticles < articles*9/10 {
		t.Fatalf("the fast path took %d of %d written articles", fastArticles, articles)
	}

	// Random text: mostly characters the splitter knows, weighted
	// towards those the rules turn on, and now and then one it does not
	// (a combining accent, a soft hyphen, Greek, a one dot leader, a
	// full-width apostrophe).
	known := []rune("aAzZbE09_.'’‘:·,; \n-\"“”–—…£€\u00a0éÜñßǅ()×÷")
	unknown := []rune("\u0301\u00adα中\u2024\uff07\u200d")
	rng := rand.New(rand.NewPCG(1, 2))
	fastTaken := 0
	const texts = 100000
	for range texts {
		var b strings.Builder
		for range 1 + rng.IntN(14) {
			if rng.IntN(50) == 0 {
				b.WriteRune(unknown[rng.IntN(len(unknown))])
			} else {
				b.WriteRune(known[rng.IntN(len(known))])
			}
		}
		text := b.String()
		if _, ok := splitWords([]byte(text), nil); ok {
			fastTaken++
		}
		sameTerms(t, fast, slow, text)
	}
	if fastTaken < texts/2 {
		t.Fatalf("the fast path took %d of %d random texts", fastTaken, texts)
	}
}

// TestStemCache checks that remembered stems are the stemmer's, that a
// word is remembered in its slot and a long one is not, and that a word
// taking another's slot gets its own stem.
func TestStemCache(t *testing.T) {
	c := newStemCache()
	kept := func() (n int) {
		for i := range c.slots {
			if c.slots[i].Load() != nil {
				n++
			}
		}
		return n
	}
	for _, w := range []string{"running", "ponies", "caresses", "generalizations", "running"} {
		if got, want := string(c.stem([]byte(w))), string(porterStem([]byte(w))); got != want {
			t.Errorf("stem(%q) = %q, want %q", w, got, want)
		}
	}
	if n := kept(); n != 4 {
		t.Errorf("%d words remembered, want 4", n)
	}
	c.stem([]byte(strings.Repeat("x", stemCacheLen+1)))
	if n := kept(); n != 4 {
		t.Errorf("a word longer than %d bytes was remembered", stemCacheLen)
	}
	// Far more words than slots: each still gets its own stem.
	for i := range 4 * stemCacheSlots {
		w := fmt.Appendf(nil, "walking%d", i%(2*stemCacheSlots))
		if got, want := string(c.stem(w)), string(porterStem(w)); got != want {
			t.Fatalf("stem(%q) = %q, want %q", w, got, want)
		}
	}
}

// BenchmarkEnglishWords times the fast English analyzer against Bleve's
// on the written articles' bodies.
func BenchmarkEnglishWords(b *testing.B) {
	var bodies [][]byte
	files, _ := filepath.Glob("../../testdata/speakers/*.jsonl")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var a struct{ Text string }
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				b.Fatal(err)
			}
			bodies = append(bodies, []byte(a.Text))
		}
	}
	if len(bodies) == 0 {
		b.Skip("no written articles")
	}
	cache := registry.NewCache()
	fast, err := newEnglishWords(cache)
	if err != nil {
		b.Fatal(err)
	}
	slow, err := cache.AnalyzerNamed(en.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		a    analysis.Analyzer
	}{{"bleve", slow}, {"fast", fast}} {
		b.Run(c.name, func(b *testing.B) {
			size := 0
			for _, body := range bodies {
				size += len(body)
			}
			b.SetBytes(int64(size))
			text := make([]byte, 0, 1<<16)
			for b.Loop() {
				for _, body := range bodies {
					text = append(text[:0], body...)
					c.a.Analyze(text)
				}
			}
		})
	}
}
