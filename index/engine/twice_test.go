package engine

import (
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

func terms(ts analysis.TokenStream) []string {
	var out []string
	for _, t := range ts {
		out = append(out, fmt.Sprintf("%s@%d:%d-%d", t.Term, t.Position, t.Start, t.End))
	}
	return out
}

// TestTwiceAnalysed checks that the title's or the body's analysis is made
// once for the field and its pair field, in either order, with the terms
// and pairs the plain English analyzer would give; that a capitalised text
// is found again though its analysis lowercases it in place; and that
// texts analysed once (queries) neither fill the memory nor change what a
// document's fields get.
func TestTwiceAnalysed(t *testing.T) {
	m := Mapping()
	words, ok := m.AnalyzerNamed(m.AnalyzerNameForPath(fieldBody)).(*memoAnalyzer)
	if !ok {
		t.Fatalf("the body's analyzer is %T, not the remembering one", m.AnalyzerNamed(m.AnalyzerNameForPath(fieldBody)))
	}
	pairs := m.AnalyzerNamed(pairAnalyzerName)
	plain, err := registry.NewCache().AnalyzerNamed(en.AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	const text = "The Prime Minister said the Bank of England would raise Interest Rates."
	wantWords := terms(plain.Analyze([]byte(text)))
	wantPairs := terms(pairTokens(plain.Analyze([]byte(text)), false))
	if len(wantPairs) == 0 {
		t.Fatal("the text makes no pairs; the test needs some")
	}

	// The field first, then its pairs; then the other way round.
	before := words.reused
	gotWords := terms(words.Analyze([]byte(text)))
	gotPairs := terms(pairs.Analyze([]byte(text)))
	gotPairs2 := terms(pairs.Analyze([]byte(text)))
	gotWords2 := terms(words.Analyze([]byte(text)))
	for _, c := range []struct {
		name      string
		got, want []string
	}{{"words", gotWords, wantWords}, {"pairs", gotPairs, wantPairs}, {"pairs first", gotPairs2, wantPairs}, {"words second", gotWords2, wantWords}} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	if n := words.reused - before; n != 2 {
		t.Errorf("%d analyses taken from memory, want 2 (one for each order)", n)
	}

	// Many texts analysed once, as queries are: the memory stays bounded,
	// and a document analysed after them still shares its analysis.
	for i := range 3 * memoSize {
		words.Analyze(fmt.Appendf(nil, "Query number %d", i))
	}
	held := 0
	for _, e := range words.memo {
		if e.text != nil {
			held++
		}
	}
	if held > memoSize {
		t.Errorf("%d analyses held, want at most %d", held, memoSize)
	}
	before = words.reused
	words.Analyze([]byte(text))
	if diff := cmp.Diff(wantPairs, terms(pairs.Analyze([]byte(text)))); diff != "" || words.reused != before+1 {
		t.Errorf("after the queries: reused %d, want %d; pairs (-want +got):\n%s", words.reused-before, 1, diff)
	}

	// Indexed: an article's title and body each analysed once; searches
	// analyse with the plain analyzer, leaving nothing in memory.
	ix := newTestIndex(t, []testDoc{{ID: "a", Article: store.Article{ID: "a", Title: "Interest Rates Rise", Body: text}}})
	im := ix.b.Mapping()
	indexed := im.AnalyzerNamed(im.AnalyzerNameForPath(fieldBody)).(*memoAnalyzer)
	if indexed.reused != 2 {
		t.Errorf("indexing an article took %d analyses from memory, want 2 (title, body)", indexed.reused)
	}
	if _, ok := ix.textAnalyzer().(*memoAnalyzer); ok {
		t.Error("searches analyse with the remembering analyzer")
	}
}
