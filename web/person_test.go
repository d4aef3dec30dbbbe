package web_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

// TestPersonPage: the chart of mentions (by month over a short span, by
// year over a long one, empty periods drawn), who they are quoted with and
// about what, the names their articles give them, and a search of their
// quotes.
func TestPersonPage(t *testing.T) {
	ta := newTestArchive(t, "")
	ctx := context.Background()
	more := []store.Article{
		{ID: "lopez-2019", Title: "Harbour Town appoint a new manager", Source: "Northern Post", Published: day("2019-07-01"),
			Body: "Harbour Town have appointed Maria Lopez as their manager. \"I am proud to be here,\" Maria Lopez said."},
		{ID: "lopez-2021", Title: "Harbour Town survive relegation", Source: "Northern Post", Published: day("2021-05-08"),
			Body: "Maria Lopez kept Harbour Town up on the last day of the season."},
		{ID: "mr-macron", Title: "Paris talks end without a deal", Source: "Daily Ledger", Published: day("2025-02-20"),
			Body: "Talks in Paris ended without a deal on Thursday. \"We will meet again,\" Mr Macron said."},
	}
	if _, err := ta.Store.PutBatch(ctx, more); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	bars := regexp.MustCompile(`data-count="(\d+)" data-label="([^"]+)"`)
	chart := func(page string) []string {
		var out []string
		for _, m := range bars.FindAllStringSubmatch(page, -1) {
			out = append(out, m[2]+"="+m[1])
		}
		return out
	}

	_, _, page := fetch(t, ta.URL+"/people/Maria%20Lopez")
	if diff := cmp.Diff([]string{"2019=1", "2020=0", "2021=1", "2022=0", "2023=1"}, chart(page)); diff != "" {
		t.Errorf("Maria Lopez by year (-want +got):\n%s", diff)
	}
	if !strings.Contains(page, `<title id="chart-title">Articles mentioning Maria Lopez, by year</title>`) {
		t.Error("the chart has no title saying what it shows")
	}
	if !strings.Contains(page, `<a href="/?from=2021-01-01&amp;person=Maria%20Lopez&amp;to=2021-12-31" aria-label="1 in 2021">`) {
		t.Error("a bar does not link to the person's articles of its year")
	}

	_, _, page = fetch(t, ta.URL+"/people/Emmanuel%20Macron")
	got := chart(page)
	if len(got) != 12 || got[0] != "Mar 2024=1" || got[11] != "Feb 2025=2" || got[1] != "Apr 2024=0" {
		t.Errorf("Emmanuel Macron by month: %q", got)
	}
	for _, want := range []string{
		`<section class="facet quoted-with"><h2>Quoted with</h2>`,
		`<a href="/people/Keir%20Starmer"><span class="label">Keir Starmer</span>`,
		`<section class="facet quote-topics"><h2>Quoted about</h2>`,
		`href="/?speaker=Emmanuel%20Macron&amp;topic=politics&amp;view=quotes"`,
		`<input type="hidden" name="speaker" value="Emmanuel Macron">`,
		`<label for="person-q">Search their quotes</label>`,
		`<span class="name-form">Emmanuel Macron</span> <span class="count">(2)</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("Macron's page lacks %s", want)
		}
	}
	if !strings.Contains(page, `<span class="name-form">Mr Macron</span> <span class="count">(1)</span>`) {
		t.Errorf("names filed under Macron lack Mr Macron:\n%s", regexp.MustCompile(`(?s)<p class="names".*?</p>`).FindString(page))
	}

	var api struct {
		QuotedWith  []facetJSON `json:"quoted_with"`
		QuoteTopics []facetJSON `json:"quote_topics"`
		Names       []struct {
			Name     string
			Articles int
		} `json:"names"`
	}
	get(t, ta.URL, "/api/people/Emmanuel%20Macron", &api)
	var names []string
	for _, n := range api.Names {
		names = append(names, n.Name+"="+strconv.Itoa(n.Articles))
	}
	if len(api.QuotedWith) == 0 || len(api.QuoteTopics) == 0 || !strings.Contains(strings.Join(names, ","), "Mr Macron=1") {
		t.Errorf("/api/people: quoted_with %v, quote_topics %v, names %q", api.QuotedWith, api.QuoteTopics, names)
	}
}
