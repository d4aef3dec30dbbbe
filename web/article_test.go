package web_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/cuttings/cuttings/store"
)

// TestArticleAgreesWithFacets: an article that names a person only by
// surname, in an archive where another article gives the full name, shows
// the full name on its page and in its API view, the name the person facet
// that leads to it files them under. The page and the API read the
// enrichment the index holds; extracting the article again would give the
// bare surname.
func TestArticleAgreesWithFacets(t *testing.T) {
	ta := newTestArchive(t, "")
	ctx := context.Background()
	const full, surname = "Margaret Quillfeather", "Quillfeather"
	more := []store.Article{
		{ID: "ferry-full", Title: "Ferry timetable cut for the winter", Source: "Northern Post", Published: day("2024-10-02"),
			Body: "Margaret Quillfeather, the harbour commissioner, announced on Wednesday that the island ferry will sail twice a day until March.\n\n" +
				"\"Fewer crossings are better than none,\" Margaret Quillfeather said."},
		{ID: "ferry-surname", Title: "Islanders protest at ferry cuts", Source: "Northern Post", Published: day("2024-10-09"),
			Body: "Islanders gathered at the quay on Tuesday to protest at the winter timetable.\n\n" +
				"\"We have listened to every objection,\" Ms Quillfeather said, adding that the timetable would be reviewed in the spring."},
	}
	if _, err := ta.Store.PutBatch(ctx, more); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}

	// The facet: the surname-only article is filed under the full name.
	var facet searchJSON
	get(t, ta.URL, "/api/search?person="+url.QueryEscape(full), &facet)
	if !slices.Contains(facet.ids(), "ferry-surname") {
		t.Fatalf("person=%s finds %q; want ferry-surname among them", full, facet.ids())
	}
	var bySurname searchJSON
	get(t, ta.URL, "/api/search?person="+surname, &bySurname)
	if bySurname.Total != 0 {
		t.Errorf("person=%s finds %q; the index files no one under the bare surname", surname, bySurname.ids())
	}

	// The API view.
	var api struct {
		Enrichment struct {
			People []struct {
				Name string `json:"name"`
			} `json:"people"`
			Quotes []struct {
				Speaker string `json:"speaker"`
			} `json:"quotes"`
		} `json:"enrichment"`
	}
	get(t, ta.URL, "/api/articles/ferry-surname", &api)
	var people, speakers []string
	for _, p := range api.Enrichment.People {
		people = append(people, p.Name)
	}
	for _, q := range api.Enrichment.Quotes {
		speakers = append(speakers, q.Speaker)
	}
	if !slices.Contains(people, full) || slices.Contains(people, surname) {
		t.Errorf("/api/articles/ferry-surname people %q; want %s, not %s", people, full, surname)
	}
	if !slices.Equal(speakers, []string{full}) {
		t.Errorf("/api/articles/ferry-surname speakers %q; want [%s]", speakers, full)
	}

	// The page: the person's chip, the speaker beside the quotation and the
	// list of who said what link to the full name.
	_, _, page := fetch(t, ta.URL+"/articles/ferry-surname")
	for _, want := range []string{
		`href="/people/Margaret%20Quillfeather"`,
		`<a href="/people/Margaret%20Quillfeather">Margaret Quillfeather</a>`,
		`href="/?person=Margaret%20Quillfeather"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	for _, bad := range []string{`/people/Quillfeather"`, `person=Quillfeather"`, `>Quillfeather</a>`} {
		if strings.Contains(page, bad) {
			t.Errorf("article page holds %s: the bare surname the index does not file anyone under", bad)
		}
	}
}
