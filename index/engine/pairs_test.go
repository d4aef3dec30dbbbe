package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

// phraseCases are articles made for the corners of phrases: stop words
// inside a phrase and any word in their place, repeated words, a phrase
// split between the title and the body, pairs that are there but apart.
var phraseCases = []store.Article{
	{ID: "pc-stop", Title: "Banks", Body: "The Bank of England raised rates. A bank in England did not."},
	{ID: "pc-anyword", Title: "Banks", Body: "The bank for England and the bank, England's, said nothing."},
	{ID: "pc-notstop", Title: "Holidays", Body: "The bank holiday England enjoyed was long."},
	{ID: "pc-twostops", Title: "Interior", Body: "The minister of the interior spoke; the minister for an interior design did not."},
	{ID: "pc-repeat", Title: "Echo", Body: "He said said said it thrice: new new new york. The year year ended."},
	{ID: "pc-boundary", Title: "Talks with the prime", Body: "Minister of state for talks met the press."},
	{ID: "pc-title", Title: "Interest rates rise again", Body: "Borrowing will cost more from Monday."},
	{ID: "pc-body", Title: "Borrowing costs", Body: "The central bank said interest rates rise again next year."},
	{ID: "pc-apart", Title: "Rates", Body: "Interest in the rates rose. Rates of interest fell."},
	{ID: "pc-split", Title: "Rates", Body: "Interest rates fell. The rates rise came later, and interest rates rise was the headline."},
	{ID: "pc-split2", Title: "Rates", Body: "Interest rates fell. The rates rise came later."},
	{ID: "pc-chain", Title: "Chain", Body: "Its chief executive said the executive officer of the chief executive office left."},
	{ID: "pc-chain2", Title: "Chain", Body: "The chief executive officer said the executive officer and the chief executive agreed."},
	{ID: "pc-quote", Title: "Harbour", Body: "\"Interest rates will rise again,\" said Ana Ruiz, the governor.\n\nThe rates rise was expected."},
}

// phraseHeld is the plain check: whether tokens, a text analysed as the
// index analyses it, hold the phrase (its terms at their places, a stop
// word's place held by any word or none).
// analysed returns the tokens of each document's title and body, as the
// index analyses them.
func analysed(ix *testIndex, docs []testDoc) (titles, bodies []analysis.TokenStream) {
	an := ix.textAnalyzer()
	for _, d := range docs {
		titles = append(titles, an.Analyze([]byte(d.Article.Title)))
		bodies = append(bodies, an.Analyze([]byte(d.Article.Body)))
	}
	return titles, bodies
}

func phraseHeld(ix *testIndex, tokens analysis.TokenStream, phrase string) bool {
	terms := phraseTerms(ix.textAnalyzer().Analyze([]byte(phrase)))
	return len(terms) > 0 && len(phraseSpans(tokens, terms)) > 0
}

// TestPhrasesExact checks every phrase search of article bodies against a
// plain check of the text, on an index of several segments with deletions:
// the documents found and the total, whether the pairs decide them, the
// counts do, or the text; and that a phrase that is one pair is answered
// alike the word way and the general way. It also checks that the pairs
// decided some.
func TestPhrasesExact(t *testing.T) {
	arts := append(loadTestArticles(t), phraseCases...)
	deleted := map[int]bool{2: true, 11: true, 30: true, len(arts) - 1: true}
	ix := newTestIndex(t, nil)
	all := extracted(arts)
	ctx := context.Background()
	for i := 0; i < len(all); i += 9 {
		if err := ix.Apply(ctx, all[i:min(i+9, len(all))]); err != nil {
			t.Fatal(err)
		}
	}
	ix.bodies = docBodies(all)
	var gone []testDoc
	for i := range deleted {
		gone = append(gone, testDoc{ID: all[i].ID, Deleted: true})
	}
	if err := ix.Apply(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if !hasPairs(ix.b.Mapping()) {
		t.Fatal("the index has no pair field")
	}

	phrases := []string{"bank of england", "bank england", "bank holiday england", "said said", "said said said",
		"new new york", "new york", "year year", "prime minister", "the prime minister of", "minister of state",
		"interest rates rise again", "interest rates", "rates rise", "rise again", "interest rates will rise",
		"interest rates rise", "rates interest", "england said", "minister of the interior", "minister of interior",
		"minister the interior spoke", "chief executive officer", "chief executive", "executive officer",
		"said the government", "the government said", "government would", "last year", "said it would"}
	// Phrases of two, three and four words of the articles' own text, and
	// of their common words only.
	word := regexp.MustCompile(`[\pL\pN]+`)
	for _, a := range arts {
		ws := word.FindAllString(a.Body, -1)
		for k := 3; k+4 < len(ws); k += 29 {
			phrases = append(phrases, strings.Join(ws[k:k+2+k%3], " "))
		}
		var common []string
		for i, w := range ws {
			if t := Term(w); t == "" || commonTerms[t] {
				common = append(common, w)
			} else {
				common = common[:0]
			}
			switch {
			case i%11 != 0:
			case len(common) >= 3 && i%2 == 0:
				phrases = append(phrases, strings.Join(common[len(common)-3:], " "))
			case len(common) >= 2:
				phrases = append(phrases, strings.Join(common[len(common)-2:], " "))
			}
		}
	}
	slices.Sort(phrases)
	phrases = slices.Compact(phrases)

	titles, bodies := analysed(ix, all)
	found, decided := 0, 0
	for _, p := range phrases {
		want := []string{}
		for i, d := range all {
			if !deleted[i] && (phraseHeld(ix, titles[i], p) || phraseHeld(ix, bodies[i], p)) {
				want = append(want, d.ID)
			}
		}
		found += len(want)
		r, err := ix.Search(ctx, Query{Text: `"` + p + `"`, Size: MaxSize})
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		if diff := cmp.Diff(sorted(want), sorted(hitIDs(r))); diff != "" || int(r.Total) != len(want) {
			t.Errorf("%q: total %d (-want +got):\n%s", p, r.Total, diff)
		}
		plan := planPairs(phraseTerms(ix.textAnalyzer().Analyze([]byte(p))), nil)
		if plan.whole || plan.chain != nil {
			decided++
		}
		if plan.whole && len(want) > 0 {
			// One term of the pair fields: the word way and the
			// general way agree on the page, its order, the facets
			// and the snippets.
			agree(t, ix, Query{Text: `"` + p + `"`}, p)
		}
	}
	if found < 200 || decided < 100 {
		t.Errorf("the phrases matched %d articles, %d phrases were decided by pairs; want more to test", found, decided)
	}
	t.Logf("%d phrases, %d article matches, %d decided by pairs", len(phrases), found, decided)
}

// TestPairTokens checks the pair analyzer: common terms one place apart and
// two across a stop word ("of"), none across another word ("rates",
// "lumbering") and none with a rare term ("lumbering").
func TestPairTokens(t *testing.T) {
	an := Mapping().AnalyzerNamed(pairAnalyzerName)
	var got []string
	for _, tok := range an.Analyze([]byte("The Bank of England's rates rise, lumbering rise again.")) {
		got = append(got, string(tok.Term))
	}
	want := []string{"bank  england", "england rate", "rate rise"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
}

// commonTermsSum is the SHA-256 of common_terms.txt as pairAnalyzerName
// knows it.
const commonTermsSum = "bcca860d21c23b4da2f1ffd272367e5a5989df27090a284665fe89f80974f85f"

// TestCommonTermsListed checks that the list of common terms is the one the
// pair analyzer's name stands for: an index keeps the name, and searches
// trust its pairs only when the name is this program's.
func TestCommonTermsListed(t *testing.T) {
	sum := sha256.Sum256([]byte(commonTermsFile))
	if got := hex.EncodeToString(sum[:]); got != commonTermsSum {
		t.Errorf("common_terms.txt has changed (sha256 %s): give pairAnalyzerName a new number and commonTermsSum the new sum", got)
	}
}

// TestChainDecides checks that the counts decide a phrase of three common
// words without its text where its two pairs outnumber its middle word
// ("notes" once), and that its text is read where they cannot ("mln",
// repeated in a table, in as many pairs as it occurs).
func TestChainDecides(t *testing.T) {
	body := "It raised five mln dlrs in mln dlrs of mln notes and mln shares."
	ix := newTestIndex(t, []testDoc{{ID: "table", Article: store.Article{ID: "table", Title: "Notes", Body: body}}})
	read := 0
	texts := func(_ context.Context, _ bleveindex.IndexReader, ids []string) (map[string]string, error) {
		read += len(ids)
		return map[string]string{"table": body}, nil
	}
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer closeSnap()
	for _, c := range []struct {
		phrase string
		found  int
		read   int
	}{{"mln notes and mln", 1, 0}, {"five mln dlrs", 1, 1}, {"five mln notes", 0, 1}} {
		read = 0
		q := &textPhraseQuery{field: fieldBody, phrase: c.phrase, boost: 1, analyzer: ix.textAnalyzer(), texts: texts}
		s, err := q.Searcher(context.Background(), snap, ix.b.Mapping(), search.SearcherOptions{})
		if err != nil {
			t.Fatal(err)
		}
		ps, ok := s.(*phraseSearcher)
		if !ok || ps.pairs.chain == nil {
			t.Fatalf("%q: not a chain of pairs (%T)", c.phrase, s)
		}
		if err := ps.collectOnBitmaps(snap); err != nil {
			t.Fatal(err)
		}
		if len(ps.docs) != c.found || read != c.read {
			t.Errorf("%q: %d documents, %d texts read; want %d, %d read", c.phrase, len(ps.docs), read, c.found, c.read)
		}
		ps.Close()
	}
}

// TestOlderPairs checks an index whose pair fields were made by the
// analyzer of mapping v11 (pairs two apart across any word): it reopens
// (Bleve needs every analyzer its mapping names), takes new articles, and
// its phrases are found exactly, from the text, without its pairs.
func TestOlderPairs(t *testing.T) {
	an := Mapping().AnalyzerNamed(olderPairAnalyzer)
	var got []string
	for _, tok := range an.Analyze([]byte("The Bank of England's rates rise, lumbering rise again.")) {
		got = append(got, string(tok.Term))
	}
	if want := []string{"bank  england", "england rate", "england  rise", "rate rise", "rise  rise"}; !slices.Equal(got, want) {
		t.Errorf("older pairs %q, want %q", got, want)
	}

	m := Mapping()
	for _, f := range []string{fieldTitlePairs, fieldBodyPairs} {
		m.TypeMapping[typeArticle].Properties[f].Fields[0].Analyzer = olderPairAnalyzer
	}
	dir := filepath.Join(t.TempDir(), "older")
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err = bleve.Open(dir); err != nil {
		t.Fatalf("reopen an index with the older pairs: %v", err)
	}
	ix := &testIndex{Engine: New(b), b: b}
	defer func() {
		ix.Close()
		b.Close()
	}()
	docs := extracted(phraseCases)
	if err := ix.Apply(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	ix.bodies = docBodies(docs)
	if hasPairs(ix.b.Mapping()) {
		t.Fatal("the older pairs are taken for this program's")
	}
	texts := ix.textAnalyzer()
	for _, p := range []string{"bank of england", "bank holiday england", "chief executive officer", "interest rates rise", "rates rise"} {
		want := []string{}
		for _, d := range docs {
			if phraseHeld(ix, texts.Analyze([]byte(d.Article.Title)), p) || phraseHeld(ix, texts.Analyze([]byte(d.Article.Body)), p) {
				want = append(want, d.ID)
			}
		}
		r, err := ix.Search(context.Background(), Query{Text: `"` + p + `"`, Size: MaxSize})
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		if diff := cmp.Diff(sorted(want), sorted(hitIDs(r))); diff != "" {
			t.Errorf("%q (-want +got):\n%s", p, diff)
		}
	}
}
