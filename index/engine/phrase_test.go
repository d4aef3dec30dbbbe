package engine

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// TestBodyPhrases checks phrases in article bodies, which the index keeps
// without term positions: an article matches only where the words stand
// together in its text, in order, stop words holding their places, and its
// snippet marks the phrase there, not the words elsewhere.
func TestBodyPhrases(t *testing.T) {
	bodies := map[string]string{
		"adjacent":  "The prime minister said talks would resume. Later the minister left.",
		"apart":     "A minister said the prime cost of the plan was high.",
		"reversed":  "The minister, prime among equals, spoke.",
		"stopgap":   "She met the Minister of Defence on Tuesday.",
		"otherstop": "He became minister for defence last year.",
		"stemmed":   "Prime ministers gathered in Brussels.",
		"title":     "Nothing relevant in the body.",
	}
	var docs []testDoc
	for id, body := range bodies {
		title := "Report"
		if id == "title" {
			title = "Prime minister resigns"
		}
		docs = append(docs, testDoc{ID: id, Article: store.Article{ID: id, Title: title, Body: body, Source: "Wire"}})
	}
	ix := newTestIndex(t, docs)
	ctx := context.Background()
	cases := []struct {
		text string
		want []string
	}{
		{`"prime minister"`, []string{"adjacent", "stemmed", "title"}},
		{`"minister of defence"`, []string{"otherstop", "stopgap"}}, // "of" holds a place any word fills
		{`body:"prime minister"`, []string{"adjacent", "stemmed"}},
		{`"prime minister" -brussels`, []string{"adjacent", "title"}},
		{`"minister said"`, []string{"adjacent", "apart"}},
		{`"minister prime"`, []string{"reversed"}}, // punctuation is no word: as in Bleve's phrases
		{`"defence minister"`, nil},
	}
	for _, c := range cases {
		r, err := ix.Search(ctx, Query{Text: c.text})
		if err != nil {
			t.Fatalf("%s: %v", c.text, err)
		}
		got := hitIDs(r)
		if c.want == nil {
			c.want = []string{}
		}
		if diff := cmp.Diff(sorted(c.want), sorted(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.text, diff)
		}
		if int(r.Total) != len(c.want) {
			t.Errorf("%s: total %d, want %d", c.text, r.Total, len(c.want))
		}
	}

	r, err := ix.Search(ctx, Query{Text: `"prime minister"`, Filters: map[string][]string{FacetSource: {"Wire"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if h.ID == "adjacent" {
			want := "The <mark>prime</mark> <mark>minister</mark> said talks would resume. Later the minister left."
			if h.Snippet != want {
				t.Errorf("snippet %q, want %q", h.Snippet, want)
			}
		}
	}
	r, err = ix.Search(ctx, Query{Text: "minist* -brussels"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if h.ID == "apart" && !strings.Contains(h.Snippet, "<mark>minister</mark>") {
			t.Errorf("prefix search snippet %q does not mark minister", h.Snippet)
		}
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func TestWithinEdits(t *testing.T) {
	for _, c := range []struct {
		a, b string
		n    int
		want bool
	}{
		{"minister", "minister", 0, true},
		{"minister", "ministers", 1, true},
		{"minister", "monster", 2, true},
		{"minister", "monster", 1, false},
		{"kyiv", "kiev", 2, true},
		{"", "ab", 1, false},
	} {
		if got := withinEdits(c.a, c.b, c.n); got != c.want {
			t.Errorf("withinEdits(%q, %q, %d) = %v, want %v", c.a, c.b, c.n, got, c.want)
		}
	}
}

// TestPhraseInAgrees checks the quick phrase check against the analyzer on
// the test articles: for phrases taken from the articles (two to four words
// in a row, stop words and possessives included) and the same phrases
// tried on every other article, both must say the same.
func TestPhraseInAgrees(t *testing.T) {
	arts := loadTestArticles(t)
	an := Mapping().AnalyzerNamed("en")
	var phrases []string
	for _, a := range arts {
		words := strings.Fields(a.Body)
		for i := 0; i+4 < len(words); i += 37 {
			phrases = append(phrases, strings.Join(words[i:i+2+i%3], " "))
			// The same three words with a stop word for the middle
			// one, which only a stop word may fill.
			phrases = append(phrases, words[i]+" the "+words[i+2])
		}
	}
	checked, found := 0, 0
	for _, a := range arts {
		tokens := an.Analyze([]byte(a.Body))
		for _, p := range phrases {
			terms := phraseTerms(an.Analyze([]byte(p)))
			if len(terms) == 0 {
				continue
			}
			want := len(phraseSpans(tokens, terms)) > 0
			if got := phraseIn(a.Body, terms); got != want {
				t.Errorf("%s: phrase %q (terms %q): quick check %v, analyzer %v", a.ID, p, terms, got, want)
			}
			checked++
			if want {
				found++
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d of %d checks found their phrase", found, checked)
	}
	t.Logf("%d checks, %d found", checked, found)
}

// TestQuotePhrases checks phrases in quotations, which the index keeps
// without term positions: checked against the quotation's stored text.
func TestQuotePhrases(t *testing.T) {
	a := store.Article{ID: "harbour", Title: "Harbour plan", Source: "Wire",
		Body: "\"We will rebuild the harbour,\" the mayor, Ana Ruiz, said on Monday.\n\n" +
			"\"The harbour will rebuild this town,\" said Tom Hale, a fisherman."}
	ix := newTestIndex(t, []testDoc{{ID: a.ID, Article: a, Enrichment: extract.Extract(a)}})
	r, err := ix.Search(context.Background(), Query{Text: `"rebuild the harbour"`, Quotes: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || len(r.Hits) != 1 || r.Hits[0].Speaker != "Ana Ruiz" {
		t.Fatalf("got %d hits (%+v), want Ana Ruiz's quote alone", r.Total, r.Hits)
	}
	if want := "We will <mark>rebuild</mark> the <mark>harbour</mark>,"; r.Hits[0].Snippet != want {
		t.Errorf("snippet %q, want %q", r.Hits[0].Snippet, want)
	}
	r, err = ix.Search(context.Background(), Query{Text: `harbour`, Quotes: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 {
		t.Errorf("harbour: %d quotes, want 2", r.Total)
	}
}

// TestQuickSpansAgree checks the quick highlighter against the analyzer on
// the test articles, for words and phrases taken from them.
func TestQuickSpansAgree(t *testing.T) {
	arts := loadTestArticles(t)
	an := Mapping().AnalyzerNamed("en")
	var queries []string
	for _, a := range arts {
		words := strings.Fields(a.Body)
		for i := 0; i+3 < len(words); i += 53 {
			queries = append(queries, words[i], `"`+strings.Join(words[i:i+2+i%2], " ")+`"`)
		}
	}
	checked := 0
	for qi, text := range queries {
		parsed, err := query.NewQueryStringQuery(text).Parse()
		if err != nil {
			continue
		}
		r := rewriter{textFields: []string{fieldTitle, fieldBody}, analyzer: an}
		m := newBodyMatcher(r.rewrite(parsed), fieldBody, an)
		if m == nil {
			continue
		}
		a := arts[qi%len(arts)]
		want, got := sortSpans(m.analyzedSpans(a.Body)), sortSpans(m.quickSpans(a.Body))
		if !slices.Equal(want, got) {
			t.Errorf("%s: query %s: quick spans %v, analyzer %v", a.ID, text, got, want)
		}
		checked++
	}
	if checked < 200 {
		t.Errorf("only %d checks", checked)
	}
}

// sortSpans orders spans; a word marked twice (a term and a phrase) counts
// once.
func sortSpans(s []span) []span {
	slices.SortFunc(s, func(a, b span) int { return a.start - b.start })
	return slices.Compact(s)
}

// TestPhraseScoresAgree checks that the phrase search on bitmaps finds the
// documents walking the conjunction finds, with the scores the conjunction
// gives them, in an index of several segments with deletions, for phrases
// of article bodies and of quotations.
func TestPhraseScoresAgree(t *testing.T) {
	ix, arts := segmentedIndex(t, 2, 11)
	ctx := context.Background()
	// Phrases of the articles' own words, so that each has matches.
	var phrases []string
	for _, a := range arts[:12] {
		ws := regexp.MustCompile(`\pL+`).FindAllString(a.Body, -1)
		for k := 5; k+1 < len(ws); k += 37 {
			phrases = append(phrases, ws[k]+" "+ws[k+1])
		}
	}
	// And phrases of common words, which the pair field decides (pairs.go).
	phrases = append(phrases, "prime minister", "said on", "the government", "said it would", "last year",
		"chief executive officer", "said the government", "the government said", "new york", "said said said")
	bm25 := search.GetScoringModelCallbackFn(func() string { return bleveindex.BM25Scoring })
	sctx := context.WithValue(ctx, search.GetScoringModelCallbackKey, bm25)
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer closeSnap()
	found := 0
	for _, field := range []string{fieldBody, fieldQuote} {
		texts := storeTexts(ix.bodies)
		if field == fieldQuote {
			texts = quoteTexts(ix.bodies)
		}
		for _, p := range phrases {
			q := &textPhraseQuery{field: field, phrase: p, boost: 1, analyzer: ix.textAnalyzer(), texts: texts}
			var got [2][]phraseDoc
			for k := range got {
				s, err := q.Searcher(sctx, snap, ix.b.Mapping(), search.SearcherOptions{})
				if err != nil {
					t.Fatal(err)
				}
				ps, ok := s.(*phraseSearcher)
				if !ok {
					s.Close()
					continue // a phrase of one term
				}
				ps.SetQueryNorm(0.37)
				if k == 0 {
					err = ps.collectByConjunction()
				} else {
					err = ps.collectOnBitmaps(snap)
				}
				if err != nil {
					t.Fatal(err)
				}
				got[k] = ps.docs
				ps.Close()
			}
			found += len(got[0])
			if len(got[0]) != len(got[1]) {
				t.Errorf("%s %q: %d documents on bitmaps, %d by the conjunction", field, p, len(got[1]), len(got[0]))
				continue
			}
			for k := range got[0] {
				w, g := got[0][k], got[1][k]
				if w.num != g.num || math.Abs(w.score-g.score) > 1e-9*math.Abs(w.score) {
					t.Errorf("%s %q: document %d: %d score %v on bitmaps, %d score %v by the conjunction", field, p, k, g.num, g.score, w.num, w.score)
				}
			}
		}
	}
	if found < 20 {
		t.Fatalf("the phrases matched %d documents; want at least 20", found)
	}
}

// TestPhraseReadsBodiesOnce checks that a phrase search reads each body from
// the store once: the bodies it read to check the phrase serve the snippets
// too.
func TestPhraseReadsBodiesOnce(t *testing.T) {
	ix, _ := segmentedIndex(t)
	bodies := ix.bodies
	reads := map[string]int{}
	ix.bodies = func(ctx context.Context, ids []string) (map[string]string, error) {
		for _, id := range ids {
			reads[id]++
		}
		return bodies(ctx, ids)
	}
	r, err := ix.Search(context.Background(), Query{Text: `"prime minister"`, Size: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 {
		t.Fatal(`"prime minister" found nothing`)
	}
	for _, h := range r.Hits {
		if !strings.Contains(strings.ToLower(h.Snippet), "<mark>prime</mark> <mark>minister</mark>") {
			t.Errorf("hit %s: snippet %q does not show the phrase", h.ID, h.Snippet)
		}
		if reads[h.ID] != 1 {
			t.Errorf("hit %s: body read %d times, want once", h.ID, reads[h.ID])
		}
	}
}

// TestConjunctionWeightsAgree holds the stand-in for the conjunction of a
// phrase's words to Bleve's conjunction of the same words: the same weight
// and count, the same weights of its words once made and after a query
// norm is set (they give the query norm of the searches around it).
func TestConjunctionWeightsAgree(t *testing.T) {
	ix := newTestIndex(t, extracted(loadTestArticles(t)))
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer closeSnap()
	ctx := context.WithValue(context.Background(), search.GetScoringModelCallbackKey,
		search.GetScoringModelCallbackFn(func() string { return bleveindex.BM25Scoring }))
	parts := func(words []string) []search.Searcher {
		var out []search.Searcher
		for _, w := range words {
			s, err := searcher.NewTermSearcher(ctx, snap, w, fieldBody, 1.5, search.SearcherOptions{})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	for _, words := range [][]string{{"said", "govern"}, {"prime", "minist", "said"}, {"bank", "england"}, {"zzz", "said"}} {
		want, got := parts(words), parts(words)
		conj, err := searcher.NewConjunctionSearcher(ctx, snap, want, search.SearcherOptions{})
		if err != nil {
			t.Fatal(err)
		}
		stand := newConjunctionWeights(got, search.SearcherOptions{})
		check := func(when string) {
			if conj.Weight() != stand.Weight() || conj.Count() != stand.Count() {
				t.Errorf("%v %s: weight %v count %d, the conjunction's %v %d", words, when, stand.Weight(), stand.Count(), conj.Weight(), conj.Count())
			}
			for k := range want {
				if want[k].Weight() != got[k].Weight() {
					t.Errorf("%v %s: word %d weighs %v, in the conjunction %v", words, when, k, got[k].Weight(), want[k].Weight())
				}
			}
		}
		check("made")
		conj.SetQueryNorm(0.37)
		stand.SetQueryNorm(0.37)
		check("normed")
		conj.Close()
		stand.Close()
	}
}

// TestStopWordPlaces checks what a stop word in a phrase matches: a stop
// word, any one, in its place ("bank in England" for "bank of England"),
// and no other word ("bank rate England"), alike in bodies (through the
// pairs), titles, quotations, a phrase with a rare word (through the
// text) and the snippets' marks.
func TestStopWordPlaces(t *testing.T) {
	arts := []store.Article{
		{ID: "of", Title: "Bank of England holds", Body: "The Bank of England held rates on Thursday."},
		{ID: "in", Title: "Branches close", Body: "A bank in England closed its doors.\n\n\"A bank in England failed us,\" said Tom Hale, a baker."},
		{ID: "word", Title: "Bank rate England", Body: "The bank rate England set was low.\n\n\"The bank rate England chose hurt us,\" said Ana Ruiz, a grocer."},
		{ID: "lumber", Title: "Forest", Body: "The lumbering of giants shook the valley."},
		{ID: "grey", Title: "Forest", Body: "The lumbering grey giants shook the valley."},
		{ID: "t-lumber", Title: "The lumbering of giants", Body: "Trees fell all week."},
		{ID: "t-grey", Title: "Lumbering grey giants", Body: "Trees fell all month."},
	}
	var docs []testDoc
	for _, a := range arts {
		docs = append(docs, testDoc{ID: a.ID, Article: a, Enrichment: extract.Extract(a)})
	}
	ix := newTestIndex(t, docs)
	ix.bodies = docBodies(docs)
	ctx := context.Background()
	for _, c := range []struct {
		q      Query
		want   []string
		quotes []string // the speakers, for quotations
	}{
		{q: Query{Text: `"bank of england"`}, want: []string{"in", "of"}},
		{q: Query{Text: `title:"bank of england"`}, want: []string{"of"}},
		{q: Query{Text: `title:"bank rate england"`}, want: []string{"word"}},
		{q: Query{Text: `"lumbering of giants"`}, want: []string{"lumber", "t-lumber"}},
		{q: Query{Text: `"lumbering grey giants"`}, want: []string{"grey", "t-grey"}},
		{q: Query{Text: `title:"lumbering of giants"`}, want: []string{"t-lumber"}},
		{q: Query{Text: `"bank of england"`, Quotes: true}, quotes: []string{"Tom Hale"}},
	} {
		r, err := ix.Search(ctx, c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.q.Text, err)
		}
		if c.q.Quotes {
			var got []string
			for _, h := range r.Hits {
				got = append(got, h.Speaker)
			}
			if !slices.Equal(got, c.quotes) {
				t.Errorf("quotes %s: speakers %v, want %v", c.q.Text, got, c.quotes)
			}
			continue
		}
		if got := sorted(hitIDs(r)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.q.Text, got, c.want)
		}
	}

	// A hit for "rate" marks the rate, not bank and England around it.
	r, err := ix.Search(ctx, Query{Text: `"bank of england" rate`})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if h.ID == "word" && (strings.Contains(h.Snippet, "<mark>bank") || !strings.Contains(h.Snippet, "<mark>rate</mark>")) {
			t.Errorf("snippet %q: want rate marked, bank not", h.Snippet)
		}
	}
}
