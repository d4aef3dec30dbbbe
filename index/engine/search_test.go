package engine

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/index/internal/fixture"
)

// fixtureDocs are the fixture articles (index/internal/fixture) as the
// engine's tests write them.
func fixtureDocs() []testDoc {
	var docs []testDoc
	for _, a := range fixture.Articles() {
		docs = append(docs, testDoc{ID: a.Article.ID, Article: a.Article, Enrichment: a.Enrichment})
	}
	return docs
}

var said = fixture.Said

func TestSearchFixtures(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	tests := []struct {
		name    string
		q       Query
		want    []string // in order when ordered is set, else as a set
		ordered bool
	}{
		{name: "match all", q: Query{}, want: []string{"a1", "a2", "a3", "a4"}},
		{name: "word", q: Query{Text: "ukraine"}, want: []string{"a1", "a2"}},
		{name: "stemmed", q: Query{Text: "cutting"}, want: []string{"a3"}},
		{name: "title only word", q: Query{Text: "visits"}, want: []string{"a2"}},
		{name: "phrase", q: Query{Text: `"standing force"`}, want: []string{"a1"}},
		{name: "phrase not adjacent", q: Query{Text: `"standing Europe"`}, want: []string{}},
		{name: "must and must not", q: Query{Text: "+ukraine -kyiv"}, want: []string{"a1"}},
		{name: "only not", q: Query{Text: "-ukraine"}, want: []string{"a3", "a4"}},
		{name: "AND", q: Query{Text: "macron AND kyiv"}, want: []string{"a2"}},
		{name: "OR", q: Query{Text: "kyiv OR tractors"}, want: []string{"a2", "a4"}},
		{name: "AND NOT", q: Query{Text: "ukraine AND NOT kyiv"}, want: []string{"a1"}},
		{name: "NOT alone", q: Query{Text: "NOT ukraine"}, want: []string{"a3", "a4"}},
		{name: "AND of a phrase and a facet clause", q: Query{Text: `"standing force" AND person:"Keir Starmer"`}, want: []string{"a1"}},
		{name: "and in lower case is a word", q: Query{Text: "macron and kyiv"}, want: []string{"a1", "a2"}},
		{name: "stop word ignored", q: Query{Text: "+the +tractors"}, want: []string{"a4"}},
		{name: "only stop words match nothing", q: Query{Text: "the"}, want: []string{}},
		{name: "nothing to match in a field", q: Query{Text: "title:("}, want: []string{}},
		{name: "field clause on facet", q: Query{Text: `person:"Keir Starmer"`}, want: []string{"a1"}},
		{name: "field clause on country, any case", q: Query{Text: "country:gb"}, want: []string{"a1", "a3"}},
		{name: "title field", q: Query{Text: "title:bank"}, want: []string{"a3"}},
		{name: "wildcard", q: Query{Text: "tract*"}, want: []string{"a4"}},
		{name: "fuzzy", q: Query{Text: "macrom~1"}, want: []string{"a1", "a2"}},
		{name: "person filter", q: Query{Filters: map[string][]string{FacetPerson: {"Emmanuel Macron"}}}, want: []string{"a1", "a2"}},
		{name: "two people AND", q: Query{Filters: map[string][]string{FacetPerson: {"Emmanuel Macron", "Volodymyr Zelensky"}}}, want: []string{"a2"}},
		{name: "facets AND", q: Query{Filters: map[string][]string{FacetCountry: {"GB"}, FacetTopic: {"politics"}}}, want: []string{"a1"}},
		{name: "org filter", q: Query{Filters: map[string][]string{FacetOrg: {"Bank of England"}}}, want: []string{"a3"}},
		{name: "speaker filter on articles", q: Query{Filters: map[string][]string{FacetSpeaker: {"Andrew Bailey"}}}, want: []string{"a3"}},
		{name: "source filter", q: Query{Filters: map[string][]string{FacetSource: {"Northern Courier"}}}, want: []string{"a1", "a4"}},
		{name: "unknown value", q: Query{Filters: map[string][]string{FacetPerson: {"Nobody"}}}, want: []string{}},
		{name: "text and filter", q: Query{Text: "ukraine", Filters: map[string][]string{FacetSource: {"Harbour Post"}}}, want: []string{"a2"}},
		{name: "from", q: Query{From: date("2024-01-01")}, want: []string{"a1", "a2"}},
		{name: "to inclusive", q: Query{To: date("2024-06-10")}, want: []string{"a2", "a3"}},
		{name: "from to", q: Query{From: date("2024-01-01"), To: date("2024-12-31")}, want: []string{"a2"}},
		{name: "newest", q: Query{Sort: SortNewest}, want: []string{"a1", "a2", "a3", "a4"}, ordered: true},
		{name: "oldest", q: Query{Sort: SortOldest}, want: []string{"a3", "a2", "a1", "a4"}, ordered: true},
		{name: "page 2", q: Query{Sort: SortNewest, Page: 2, Size: 3}, want: []string{"a4"}, ordered: true},
		{name: "relevance ties by id", q: Query{Size: 2}, want: []string{"a1", "a2"}, ordered: true},
		{name: "title weighs more", q: Query{Text: "macron"}, want: []string{"a2", "a1"}, ordered: true},
		{name: "quotes: all", q: Query{Quotes: true}, want: []string{"q:a1:0", "q:a1:1", "q:a2:0", "q:a3:0"}},
		{name: "quotes: newest", q: Query{Quotes: true, Sort: SortNewest}, want: []string{"q:a1:0", "q:a1:1", "q:a2:0", "q:a3:0"}, ordered: true},
		{name: "quotes: word in quote", q: Query{Quotes: true, Text: "war"}, want: []string{"q:a2:0"}},
		{name: "quotes: word only in body", q: Query{Quotes: true, Text: "tractors"}, want: []string{}},
		{name: "quotes: speaker", q: Query{Quotes: true, Filters: map[string][]string{FacetSpeaker: {"Emmanuel Macron"}}}, want: []string{"q:a1:1"}},
		{name: "quotes: article country", q: Query{Quotes: true, Filters: map[string][]string{FacetCountry: {"GB"}}}, want: []string{"q:a1:0", "q:a1:1", "q:a3:0"}},
		{name: "quotes: speaker field", q: Query{Quotes: true, Text: `speaker:"Keir Starmer" europe`}, want: []string{"q:a1:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ix.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(r)
			want := slices.Clone(tt.want)
			if !tt.ordered {
				slices.Sort(got)
				slices.Sort(want)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Search(%+v) ids (-want +got):\n%s", tt.q, diff)
			}
			if !tt.ordered && r.Total != uint64(len(tt.want)) {
				t.Errorf("Total = %d, want %d", r.Total, len(tt.want))
			}
		})
	}
}

func TestFacets(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	r, err := ix.Search(context.Background(), Query{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]FacetValue{
		FacetPerson: {
			{Value: "Emmanuel Macron", Label: "Emmanuel Macron", Count: 2},
			{Value: "Andrew Bailey", Label: "Andrew Bailey", Count: 1},
			{Value: "Keir Starmer", Label: "Keir Starmer", Count: 1},
			{Value: "Volodymyr Zelensky", Label: "Volodymyr Zelensky", Count: 1},
		},
		FacetSpeaker: {
			{Value: "Andrew Bailey", Label: "Andrew Bailey", Count: 1},
			{Value: "Emmanuel Macron", Label: "Emmanuel Macron", Count: 1},
			{Value: "Keir Starmer", Label: "Keir Starmer", Count: 1},
			{Value: "Volodymyr Zelensky", Label: "Volodymyr Zelensky", Count: 1},
		},
		FacetCountry: {
			{Value: "FR", Label: "FR", Count: 2},
			{Value: "GB", Label: "GB", Count: 2},
			{Value: "UA", Label: "UA", Count: 2},
		},
		FacetTopic: {
			{Value: "conflict, war and peace", Label: "conflict, war and peace", Count: 2},
			{Value: "economy, business and finance", Label: "economy, business and finance", Count: 1},
			{Value: "politics", Label: "politics", Count: 1},
		},
		FacetOrg: {
			{Value: "Bank of England", Label: "Bank of England", Count: 1},
			{Value: "Nato", Label: "Nato", Count: 1},
		},
		FacetSource: {
			{Value: "Northern Courier", Label: "Northern Courier", Count: 2},
			{Value: "Harbour Post", Label: "Harbour Post", Count: 1},
			{Value: "The Ledger", Label: "The Ledger", Count: 1},
		},
	}
	if diff := cmp.Diff(want, r.Facets); diff != "" {
		t.Errorf("facets (-want +got):\n%s", diff)
	}
	year := func(y, n int) DateBucket {
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return DateBucket{From: from, To: from.AddDate(1, 0, 0), Count: n}
	}
	if diff := cmp.Diff([]DateBucket{year(2023, 1), year(2024, 1), year(2025, 1)}, r.Dates); diff != "" {
		t.Errorf("dates (-want +got):\n%s", diff)
	}

	// Facets count the matching documents only; for quotes, quotations.
	r, err = ix.Search(context.Background(), Query{Quotes: true, Filters: map[string][]string{FacetCountry: {"GB"}}})
	if err != nil {
		t.Fatal(err)
	}
	wantSpeakers := []FacetValue{
		{Value: "Andrew Bailey", Label: "Andrew Bailey", Count: 1},
		{Value: "Emmanuel Macron", Label: "Emmanuel Macron", Count: 1},
		{Value: "Keir Starmer", Label: "Keir Starmer", Count: 1},
	}
	if diff := cmp.Diff(wantSpeakers, r.Facets[FacetSpeaker]); diff != "" {
		t.Errorf("quote speakers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]DateBucket{year(2023, 1), year(2025, 2)}, r.Dates); diff != "" {
		t.Errorf("quote dates (-want +got):\n%s", diff)
	}
}

func TestHits(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	ctx := context.Background()

	r, err := ix.Search(ctx, Query{Text: "cut"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 {
		t.Fatalf("hits = %v, want a3 only", hitIDs(r))
	}
	h := r.Hits[0]
	want := Hit{
		ID: "a3", Title: "Bank of England cuts rates", URL: "https://example.test/a3", Source: "The Ledger",
		Published: date("2023-01-05"), People: []string{"Andrew Bailey"}, Countries: []string{"GB"},
		Topics: []string{"economy, business and finance"}, Group: "a3",
	}
	snippet := h.Snippet
	h.Snippet = ""
	if diff := cmp.Diff(want, h, cmpopts.IgnoreUnexported(Hit{})); diff != "" {
		t.Errorf("hit (-want +got):\n%s", diff)
	}
	for _, s := range []string{"<mark>cut</mark>", "&lt;script&gt; &amp; traders"} {
		if !strings.Contains(snippet, s) {
			t.Errorf("snippet %q does not contain %q", snippet, s)
		}
	}
	if strings.Contains(snippet, "<script>") {
		t.Errorf("snippet %q is not escaped", snippet)
	}

	// Without a text query the snippet is the start of the body.
	r, err = ix.Search(ctx, Query{Filters: map[string][]string{FacetSource: {"The Ledger"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Hits[0].Snippet; !strings.HasPrefix(got, "The Bank of England cut interest rates") || strings.Contains(got, "<mark>") {
		t.Errorf("lead snippet = %q", got)
	}

	r, err = ix.Search(ctx, Query{Quotes: true, Text: "falling"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 {
		t.Fatalf("quote hits = %v", hitIDs(r))
	}
	wantQuote := Hit{
		ID: "a3", QuoteID: "q:a3:0", Quote: "Inflation is falling faster than we feared",
		Speaker: "Andrew Bailey", SpeakerType: extract.SpeakerPerson,
		Title: "Bank of England cuts rates", URL: "https://example.test/a3", Source: "The Ledger",
		Published: date("2023-01-05"), People: []string{"Andrew Bailey"}, Countries: []string{"GB"},
		Topics:  []string{"economy, business and finance"},
		Snippet: "Inflation is <mark>falling</mark> faster than we feared",
		Group:   "a3",
	}
	if diff := cmp.Diff(wantQuote, r.Hits[0], cmpopts.IgnoreUnexported(Hit{})); diff != "" {
		t.Errorf("quote hit (-want +got):\n%s", diff)
	}
}

func TestBadQuery(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	tests := []struct {
		name string
		q    Query
	}{
		{"unclosed phrase", Query{Text: `"europe must`}},
		{"dangling field", Query{Text: "title:"}},
		{"bad regexp", Query{Text: "/[a-/"}},
		{"fuzziness too high", Query{Text: "macron~5"}},
		{"unknown facet", Query{Filters: map[string][]string{"colour": {"red"}}}},
		{"published is not a filter", Query{Filters: map[string][]string{FacetPublished: {"2024"}}}},
		{"unknown sort", Query{Sort: "random"}},
		{"negative page", Query{Page: -1}},
		{"size too big", Query{Size: 101}},
		{"negative size", Query{Size: -5}},
		{"page too deep", Query{Page: 100_000, Size: 100}},
		{"from after to", Query{From: date("2025-01-01"), To: date("2024-01-01")}},
		{"date out of range", Query{From: date("1200-01-01")}},
		{"invalid utf-8", Query{Text: "caf\xe9"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), tt.q)
			if !errors.Is(err, ErrBadQuery) {
				t.Errorf("Search(%+v) = %v, want ErrBadQuery", tt.q, err)
			}
		})
	}
}

func TestLead(t *testing.T) {
	tests := []struct {
		text string
		n    int
		want string
	}{
		{"short & sweet", 20, "short &amp; sweet"},
		{"one two three four five", 12, "one two…"},
		{"spaces\n\nare   squeezed", 40, "spaces are squeezed"},
		{"ünïcödé wörds here", 10, "ünïcödé…"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := lead(tt.text, tt.n); got != tt.want {
				t.Errorf("lead(%q, %d) = %q, want %q", tt.text, tt.n, got, tt.want)
			}
		})
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"ukraine", `"standing force"`, "+a -b", "title:(", "x~9", "/[/", `person:"Keir`, "*", "a^3", "published:>2024-01-01"} {
		f.Add(s)
	}
	ix := newTestIndex(f, fixtureDocs())
	f.Fuzz(func(t *testing.T, text string) {
		_, err := ix.Search(context.Background(), Query{Text: text})
		if err != nil && !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%q) = %v, want a result or ErrBadQuery", text, err)
		}
	})
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("filler words here ", 30)
	tests := []struct {
		name    string
		text    string
		matches []span
		n       int
		want    string
	}{
		{"whole text", "Rates cut <again> & again", []span{{0, 5}}, 100, "<mark>Rates</mark> cut &lt;again&gt; &amp; again"},
		{"overlapping matches merge", "interest rates", []span{{0, 8}, {3, 14}}, 100, "<mark>interest rates</mark>"},
		{"bad spans ignored", "short", []span{{3, 99}, {-1, 2}, {4, 2}}, 100, "short"},
		{"paragraphs squeezed", "one\n\ntwo  three", []span{{5, 8}}, 100, "one <mark>two</mark> three"},
		{"cut both sides", long + "the target word " + long, []span{{len(long) + 4, len(long) + 10}}, 40,
			"…the <mark>target</mark> word filler words here…"},
		{"densest window", "alpha " + long + "beta gamma", []span{{0, 5}, {len(long) + 6, len(long) + 10}, {len(long) + 11, len(long) + 16}}, 30,
			"…here <mark>beta</mark> <mark>gamma</mark>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := snippet(tt.text, tt.matches, tt.n); got != tt.want {
				t.Errorf("snippet = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTypeFilterDropped checks when a text query needs no type filter: only
// when no document of the other type could match it.
func TestTypeFilterDropped(t *testing.T) {
	cases := []struct {
		text   string
		quotes bool
		want   bool
	}{
		{"ukraine", false, true},
		{`"peace deal"`, false, true},
		{"ukraine macron", false, true},
		{"+ukraine -macron", false, true},
		{"ukraine person:Emmanuel", false, false}, // the keyword clause alone matches quotes
		{"-ukraine", false, false},                // a negation matches every other document
		{"person:\"Keir Starmer\"", false, false}, // quote documents have people too
		{"+the", false, false},                    // a stop word matches nothing; must-nots would decide
		{"ukraine", true, true},
		{"quote:ukraine", true, true},
		{"title:ukraine", true, false}, // quote documents have no title: a search for nothing, left to the filter
	}
	for _, c := range cases {
		parsed, err := query.NewQueryStringQuery(c.text).Parse()
		if err != nil {
			t.Fatal(err)
		}
		fields := []string{fieldTitle, fieldBody}
		if c.quotes {
			fields = []string{fieldQuote}
		}
		r := rewriter{textFields: fields, analyzer: Mapping().AnalyzerNamed("en")}
		got := r.requiresField(r.rewrite(parsed), fields)
		if got != c.want {
			t.Errorf("%q (quotes %v): requiresField = %v, want %v", c.text, c.quotes, got, c.want)
		}
	}
}

// TestPlan: the way each kind of search is answered.
func TestPlan(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	ctx := context.Background()
	person := map[string][]string{FacetPerson: {"Emmanuel Macron"}}
	cases := []struct {
		q    Query
		want way
	}{
		{Query{}, everything{}},
		{Query{Sort: SortNewest}, everything{}},
		{Query{Quotes: true, Sort: SortOldest, Page: 2}, everything{}},
		{Query{Text: "  ", Filters: map[string][]string{FacetPerson: {""}}}, everything{}},
		{Query{Text: "Ukraine"}, oneWord{term: "ukrain"}},
		{Query{Text: "ukraine", Filters: person, Quotes: true}, oneWord{term: "ukrain"}},
		{Query{Text: "ukraine", Sort: SortNewest}, wordsByDate{terms: "ukrain"}},
		{Query{Text: "+ukraine +macron", Sort: SortOldest, Quotes: true}, wordsByDate{terms: "ukrain macron", required: true}},
		{Query{Text: "ukraine", Sort: SortNewest, From: date("2024-01-01")}, wordsByDate{terms: "ukrain"}},
		{Query{Text: "ukraine", Sort: SortNewest, Page: 600, Size: 20}, general{}},
		{Query{Text: `"prime minister"`, Sort: SortNewest}, wordsByDate{terms: "prime minist", pair: true}},
		{Query{Text: `"prime minister"`, Sort: SortOldest, From: date("2024-01-01"), Filters: person}, wordsByDate{terms: "prime minist", pair: true}},
		{Query{Text: `"prime minister"`, Sort: SortNewest, Quotes: true}, general{}},
		{Query{Text: "ukraine", From: date("2024-01-01")}, oneWord{term: "ukrain"}},
		{Query{Text: `"emmanuel macron"`, From: date("2024-01-01")}, onePhrase{phrase: "emmanuel macron"}},
		{Query{Text: "ukraine", Page: 60, Size: 20}, general{}},
		{Query{Text: `"emmanuel macron"`}, onePhrase{phrase: "emmanuel macron"}}, // not common words
		{Query{Text: `"emmanuel macron"`, Sort: SortNewest}, onePhrase{phrase: "emmanuel macron"}},
		{Query{Text: `"emmanuel macron"`, Sort: SortOldest, To: date("2024-01-01"), Filters: person}, onePhrase{phrase: "emmanuel macron"}},
		{Query{Text: `"emmanuel macron"`, Sort: SortNewest, Page: 600, Size: 20}, general{}},
		{Query{Text: `"emmanuel macron"`, Sort: SortNewest, Quotes: true}, general{}},
		{Query{Text: `"the macron"`}, general{}}, // one term
		{Query{Text: `"standing force"`}, oneWord{term: "stand forc", pair: true}},
		{Query{Text: `"prime minister"`}, oneWord{term: "prime minist", pair: true}},
		{Query{Text: `"prime minister"`, Quotes: true}, general{}},
		{Query{Text: `"prime minister" macron`}, general{}},
		{Query{Text: "ukraine macron"}, severalWords{terms: "ukrain macron"}},
		{Query{Text: "Ukraine  Macron Kyiv", Filters: person, Quotes: true}, severalWords{terms: "ukrain macron kyiv"}},
		{Query{Text: "ukraine the macron"}, general{}}, // a stop word
		{Query{Text: "ukraine 2024"}, general{}},       // a number
		{Query{Text: "ukraine +macron"}, general{}},    // some words required, some not
		{Query{Text: "+ukraine +macron"}, severalWords{terms: "ukrain macron", required: true}},
		{Query{Text: "+Ukraine +Macron +Kyiv", Filters: person, Quotes: true}, severalWords{terms: "ukrain macron kyiv", required: true}},
		{Query{Text: "+ukraine +the"}, general{}},
		{Query{Text: "+ukraine -macron"}, general{}},
		{Query{Text: "ukraine macron", Sort: SortNewest}, wordsByDate{terms: "ukrain macron"}},
		{Query{Text: "a1 b2 c3 d4 e5 f6 g7 h8 i9"}, general{}}, // more than maxSeveralWords
		{Query{Text: "the"}, general{}},
		{Query{Filters: person}, general{}},
		{Query{From: date("2024-01-01")}, general{}},
	}
	for _, c := range cases {
		p, err := ix.prepare(ctx, c.q)
		if err != nil {
			t.Fatalf("%+v: %v", c.q, err)
		}
		if got := ix.plan(p); got != c.want {
			t.Errorf("%+v: answered by %#v, want %#v", c.q, got, c.want)
		}
	}
}
