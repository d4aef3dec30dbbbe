package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/web"
)

// lighthouseWire is an agency story as three papers ran it: the agency's
// text, the same with a paragraph added, and the first two paragraphs under
// a headline of its own. The store groups them as it puts them.
var lighthouseWire = func() []store.Article {
	paras := []string{
		"The Trust for Coastal Heritage will spend 4.2 million pounds restoring the Gwennap Head lighthouse, which has stood empty since its keepers left in 1994, the trust said on Wednesday.",
		"Morwenna Hale, the trust's director, said the tower would reopen to visitors in the spring of 2027 with a museum of the keepers' lives on its lower floors. \"The lighthouse kept this coast safe for a hundred and forty years, and it deserves better than boarded windows,\" Morwenna Hale said.",
		"The work will replace 312 panes of the lantern room and rebuild the gallery rail, which storms broke in 2019. Local builders from Penzance and St Ives will do most of it, the trust said.",
	}
	wire := strings.Join(paras, "\n\n")
	return []store.Article{
		{ID: "lighthouse-wire", Title: "Trust to restore Gwennap Head lighthouse", Source: "Coast Wire", URL: "https://coastwire.example/lighthouse",
			Published: day("2025-03-05"), Language: "en", Body: wire},
		{ID: "lighthouse-packet", Title: "Trust to restore Gwennap Head lighthouse", Source: "Penwith Packet", URL: "https://packet.example/lighthouse",
			Published: day("2025-03-06"), Language: "en",
			Body: wire + "\n\nThe lighthouse can be seen from the coast path between Porthgwarra and Land's End."},
		{ID: "lighthouse-echo", Title: "Lighthouse to reopen in 2027", Source: "Western Echo", URL: "https://echo.example/lighthouse",
			Published: day("2025-03-07"), Language: "en", Body: strings.Join(paras[:2], "\n\n")},
	}
}()

// newCopiesArchive starts a server over testArticles and the lighthouse
// story's three copies.
func newCopiesArchive(t *testing.T) *testArchive {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	arts := append(slices.Clone(testArticles), lighthouseWire...)
	if _, err := st.PutBatch(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"lighthouse-packet", "lighthouse-echo"} {
		a, err := st.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Group != "lighthouse-wire" {
			t.Fatalf("the store put %s in group %q, want lighthouse-wire: the test needs its copies grouped", id, a.Group)
		}
	}
	archive, err := index.OpenArchive(ctx, dir, st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { archive.Close() })
	if _, err := archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	ws, err := web.New(archive, st, web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ws.Handler())
	t.Cleanup(srv.Close)
	return &testArchive{URL: srv.URL, Store: st, Archive: archive}
}

// copiesJSON is what the tests read of a search answer.
type copiesJSON struct {
	Total       int `json:"total"`
	TotalCopies int `json:"total_copies"`
	Hits        []struct {
		ID     string `json:"id"`
		Source string `json:"source"`
		Group  string `json:"group"`
		Copies []struct {
			ID, Source, URL string
			Published       string
		} `json:"copies"`
		CopyCount   int      `json:"copy_count"`
		CopySources []string `json:"copy_sources"`
	} `json:"hits"`
	Facets map[string][]struct {
		Value string `json:"value"`
		Count int    `json:"count"`
	} `json:"facets"`
}

func (r copiesJSON) ids() []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func (r copiesJSON) count(facet, value string) int {
	for _, v := range r.Facets[facet] {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}

// TestCopiesAPI checks the API on a story three papers ran: one hit with
// its group and the other two copies; every copy with copies=all; facets
// that count the story once but each paper that ran it; the copies of one
// story by group=.
func TestCopiesAPI(t *testing.T) {
	ta := newCopiesArchive(t)

	var r copiesJSON
	get(t, ta.URL, "/api/search?q=lighthouse", &r)
	if len(r.Hits) != 1 || r.Total != 1 || r.TotalCopies != 3 {
		t.Fatalf("hits %v, total %d, total_copies %d; want one story of three copies", r.ids(), r.Total, r.TotalCopies)
	}
	h := r.Hits[0]
	var copies []string
	for _, c := range h.Copies {
		copies = append(copies, c.ID+" "+c.Source+" "+c.URL+" "+c.Published[:10])
	}
	want := []string{
		"lighthouse-wire Coast Wire https://coastwire.example/lighthouse 2025-03-05",
		"lighthouse-packet Penwith Packet https://packet.example/lighthouse 2025-03-06",
		"lighthouse-echo Western Echo https://echo.example/lighthouse 2025-03-07",
	}
	want = slices.DeleteFunc(want, func(s string) bool { return strings.HasPrefix(s, h.ID+" ") })
	if h.Group != "lighthouse-wire" || len(want) != 2 {
		t.Errorf("hit %s of group %q; want a copy of group lighthouse-wire", h.ID, h.Group)
	}
	if diff := cmp.Diff(want, copies); diff != "" {
		t.Errorf("copies of %s (-want +got):\n%s", h.ID, diff)
	}
	var sources []string
	for _, c := range want {
		_, rest, _ := strings.Cut(c, " ")
		sources = append(sources, rest[:strings.Index(rest, " http")])
	}
	if h.CopyCount != 2 || !slices.Equal(h.CopySources, sources) {
		t.Errorf("hit %s: copy_count %d, copy_sources %q; want 2 and %q", h.ID, h.CopyCount, h.CopySources, sources)
	}
	for _, source := range []string{"Coast Wire", "Penwith Packet", "Western Echo"} {
		if n := r.count("source", source); n != 1 {
			t.Errorf("source %s counted %d times; want 1: each paper ran the story", source, n)
		}
	}
	if n := r.count("person", "Morwenna Hale"); n != 1 {
		t.Errorf("person Morwenna Hale counted %d times; want 1, the story once", n)
	}

	var all copiesJSON
	get(t, ta.URL, "/api/search?q=lighthouse&copies=all&sort=oldest", &all)
	if diff := cmp.Diff([]string{"lighthouse-wire", "lighthouse-packet", "lighthouse-echo"}, all.ids()); diff != "" {
		t.Errorf("copies=all: hits (-want +got):\n%s", diff)
	}
	if all.Total != 3 || all.TotalCopies != 3 || all.count("person", "Morwenna Hale") != 3 || len(all.Hits[0].Copies) != 0 {
		t.Errorf("copies=all: total %d, total_copies %d, Morwenna Hale %d, copies on a hit %d; want 3, 3, 3, none",
			all.Total, all.TotalCopies, all.count("person", "Morwenna Hale"), len(all.Hits[0].Copies))
	}

	var group copiesJSON
	get(t, ta.URL, "/api/search?group=lighthouse-wire&copies=all&sort=newest", &group)
	if diff := cmp.Diff([]string{"lighthouse-echo", "lighthouse-packet", "lighthouse-wire"}, group.ids()); diff != "" {
		t.Errorf("group=lighthouse-wire: hits (-want +got):\n%s", diff)
	}

	// The home page counts the story once among the five others.
	var home copiesJSON
	get(t, ta.URL, "/api/search", &home)
	if home.Total != len(testArticles)+1 || home.TotalCopies != len(testArticles)+3 {
		t.Errorf("home: total %d, total_copies %d; want %d and %d", home.Total, home.TotalCopies, len(testArticles)+1, len(testArticles)+3)
	}

	var quotes copiesJSON
	get(t, ta.URL, "/api/quotes?q=boarded", &quotes)
	if len(quotes.Hits) != 1 || quotes.TotalCopies != 3 || len(quotes.Hits[0].Copies) != 2 {
		t.Errorf("quotes: hits %v (total_copies %d); want one quotation with two copies", quotes.ids(), quotes.TotalCopies)
	}

	if code, _ := get(t, ta.URL, "/api/search?q=lighthouse&copies=some", nil); code != http.StatusBadRequest {
		t.Errorf("copies=some: status %d, want 400", code)
	}
}

// TestCopiesPage checks that the search page shows the story once, "also
// in" the two other papers, with a link to every copy, and that the link
// lists them.
func TestCopiesPage(t *testing.T) {
	ta := newCopiesArchive(t)
	page := okPage(t, ta.URL+"/?q=lighthouse")
	for _, s := range []string{
		`data-total="1"`,
		`data-total="3">3</span> with copies`,
		`also in 2 sources: `,
		`href="/?copies=all&amp;group=lighthouse-wire&amp;sort=oldest"`,
		`id="copies" href="/?copies=all&amp;q=lighthouse"`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("the search page lacks %s", s)
		}
	}
	if n := strings.Count(page, `class="copy-source"`); n != 2 {
		t.Errorf("the page names %d other sources; want 2", n)
	}
	every := okPage(t, ta.URL+"/?copies=all&group=lighthouse-wire&sort=oldest")
	for _, s := range []string{`data-total="3"`, `href="/articles/lighthouse-wire"`, `href="/articles/lighthouse-packet"`,
		`href="/articles/lighthouse-echo"`, `class="filter-chip" data-facet="story"`, `each story once`} {
		if !strings.Contains(every, s) {
			t.Errorf("the page of every copy lacks %s", s)
		}
	}
	if strings.Contains(every, `also in`) {
		t.Errorf("the page of every copy names copies on its hits")
	}
}

// okPage fetches a page that must answer 200 and returns its body.
func okPage(t *testing.T, u string) string {
	t.Helper()
	code, _, body := getPage(t, u)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, code, body)
	}
	return body
}

// TestCopiesBrowser follows "every copy" from the story's one hit in
// headless Chromium, and back to each story once.
func TestCopiesBrowser(t *testing.T) {
	ctx := newBrowser(t)
	ta := newCopiesArchive(t)
	must := failOn(t)
	follow := func(what, sel string) {
		t.Helper()
		res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
		must(what, err)
		if res.Status != 200 {
			t.Fatalf("%s: status %d for %s", what, res.Status, res.URL)
		}
	}
	hits := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("ol.hits > li").length`))
		must("count hits", err)
		return n
	}

	must("open the search", chromedp.Do(ctx, chromedp.Navigate(ta.URL+"/?q=lighthouse")))
	also, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".hit .copies")))
	must("read the copies line", err)
	if !strings.HasPrefix(also, "also in 2 sources: ") || hits() != 1 {
		t.Errorf("%d hits, copies line %q; want one hit, also in 2 sources", hits(), also)
	}
	follow("open every copy", ".hit .copies-link")
	if n := hits(); n != 3 {
		t.Errorf("every copy: %d hits, want 3", n)
	}
	follow("back to each story once", "#copies")
	if n := hits(); n != 1 {
		t.Errorf("each story once: %d hits, want 1", n)
	}
}
