package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/cuttings/cuttings/store"
)

// TestArticleText: the article page marks each quotation where it stands,
// puts its speaker beside it, links names to their facet, escapes
// everything, and shows only quoted paragraphs with view=quotes.
func TestArticleText(t *testing.T) {
	ta := newTestArchive(t, "")
	ctx := context.Background()
	tricky := store.Article{
		ID: "tricky", Title: "Council <b>row</b> over harbour & fees", Source: "Northern Post", Published: day("2024-09-01"),
		Body: "Councillors in Whitby argued on Monday over a plan to <script>alert(1)</script> raise harbour fees.\n\n" +
			"\"We cannot charge fishermen <em>more</em> & expect them to stay,\" said Maria Lopez, the harbour master.\n\n" +
			"The vote was put off until October.",
	}
	if _, err := ta.Store.PutBatch(ctx, []store.Article{tricky}); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}

	_, _, page := fetch(t, ta.URL+"/articles/kyiv-pledge")
	for _, want := range []string{
		`<mark class="quoted" id="quote-1" data-quote="1">We will stand with <a class="name name-country" href="/?country=UA">Ukraine</a> for as long as it takes,</mark>&#34; <span class="said-by speaker-person" data-quote="1">— <a href="/people/Keir%20Starmer">Keir Starmer</a></span>`,
		`<mark class="quoted" id="quote-2" data-quote="2">Europe cannot afford`,
		`<a class="name name-person" href="/?person=Emmanuel%20Macron">Emmanuel Macron</a> said:`,
		`<a class="name name-org" href="/?org=Elysee%20Palace">Elysee Palace</a>`,
		`<a class="in-text" href="#quote-2">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks\n%s", want)
		}
	}

	_, _, page = fetch(t, ta.URL+"/articles/tricky")
	for _, bad := range []string{"<script>alert", "<em>more", "<b>row"} {
		if strings.Contains(page, bad) {
			t.Errorf("article page holds unescaped %q", bad)
		}
	}
	if !strings.Contains(page, `<mark class="quoted" id="quote-1" data-quote="1">We cannot charge fishermen &lt;em&gt;more&lt;/em&gt; &amp; expect them to stay,</mark>`) {
		t.Errorf("escaped quotation not marked:\n%s", page)
	}

	_, _, page = fetch(t, ta.URL+"/articles/kyiv-pledge?view=quotes")
	if strings.Contains(page, "thanked both leaders") || strings.Count(page, `class="has-quote"`) != 2 {
		t.Errorf("quotes only: want the two quoted paragraphs alone:\n%s", page)
	}
	if !strings.Contains(page, `id="view-quotes-only" href="/articles/kyiv-pledge?view=quotes" class="current" aria-current="page"`) {
		t.Error("quotes only: the toggle does not show it is on")
	}
	for _, u := range []string{"/articles/kyiv-pledge?view=all", "/articles/kyiv-pledge?q=x"} {
		if code, _, _ := fetch(t, ta.URL+u); code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", u, code)
		}
	}
}
