package web_test

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
)

// findChromium returns the browser to drive, or "" when there is none.
func findChromium() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// newBrowser starts headless Chromium for a test, or skips the test when
// there is none (failing instead under CUTTINGS_REQUIRE_BROWSER=1). The
// context it returns has a deadline; Chromium stops when the test ends.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	required := os.Getenv("CUTTINGS_REQUIRE_BROWSER") == "1"
	chrome := findChromium()
	switch {
	case chrome == "" && required:
		t.Fatal("CUTTINGS_REQUIRE_BROWSER=1 but no Chromium found (/usr/bin/chromium, or chromium on PATH)")
	case chrome == "":
		t.Skip("no Chromium found (/usr/bin/chromium, or chromium on PATH); install it, and set CUTTINGS_REQUIRE_BROWSER=1 to make its absence a failure")
	case testing.Short() && !required:
		t.Skip("browser test is slow; skipped in -short mode")
	}

	profile := t.TempDir()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
	)
	// The allocator's cancel waits for Chromium to exit, so it must run
	// before the profile directory is removed: Cleanup runs last-in first.
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browser); err != nil { // start it with no deadline
		t.Fatalf("start %s: %v", chrome, err)
	}
	ctx, cancel := context.WithTimeout(browser, 90*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// failOn returns a check that ends the test when a browser step failed,
// naming the step.
func failOn(t *testing.T) func(what string, err error) {
	return func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
}

// TestBrowser drives the search page in headless Chromium the way a reader
// would: search, narrow by a person, remove the filter, open an article.
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	ta := newTestArchive(t, "")

	must := failOn(t)
	// follow clicks a link or button and waits for the page it leads to.
	follow := func(what string, sel string) {
		t.Helper()
		res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
		must(what, err)
		if res.Status != 200 {
			t.Fatalf("%s: status %d for %s", what, res.Status, res.URL)
		}
	}
	total := func() int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.ID("total"), "data-total"))
		must("read #total", err)
		n, err := strconv.Atoi(v.Value)
		must("parse #total", err)
		return n
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
		must("count "+sel, err)
		return n
	}
	location := func() url.Values {
		t.Helper()
		loc, err := chromedp.Run(ctx, chromedp.Location())
		must("location", err)
		u, err := url.Parse(loc)
		must("parse location", err)
		return u.Query()
	}

	// The front page shows everything.
	must("open /", chromedp.Do(ctx, chromedp.Navigate(ta.URL+"/")))
	if n := total(); n != len(testArticles) {
		t.Errorf("front page total %d, want %d", n, len(testArticles))
	}

	// Search.
	must("type query", chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "Ukraine")))
	follow("submit search", "#go")
	if q := location().Get("q"); q != "Ukraine" {
		t.Errorf("after search, q=%q in the URL", q)
	}
	searched := total()
	if searched != 3 {
		t.Errorf("total for Ukraine %d, want 3", searched)
	}

	// Narrow by the first person in the sidebar.
	person, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(".facet-person a"), "data-value"))
	must("first person facet", err)
	countText, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".facet-person a .count")))
	must("first person count", err)
	follow("click person facet", ".facet-person a")
	narrowed := total()
	if narrowed >= searched || strconv.Itoa(narrowed) != strings.TrimSpace(countText) {
		t.Errorf("after person %q: total %d, want below %d and equal to the facet's count %s", person.Value, narrowed, searched, countText)
	}
	if got := location()["person"]; !cmp.Equal(got, []string{person.Value}) {
		t.Errorf("person in URL %q, want [%q]", got, person.Value)
	}
	chip, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".filter-chip")))
	must("filter chip", err)
	if !strings.Contains(chip, person.Value) {
		t.Errorf("filter chip %q does not name %q", chip, person.Value)
	}
	if n := count(".facet-person li.selected"); n != 1 {
		t.Errorf("%d selected person facets, want 1", n)
	}

	// Remove it with one click: back to the search's total, query kept.
	follow("remove chip", ".filter-chip a.remove")
	if n := total(); n != searched {
		t.Errorf("after removing the filter: total %d, want %d", n, searched)
	}
	if n := count(".filter-chip"); n != 0 {
		t.Errorf("%d filter chips left, want 0", n)
	}
	q, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("q")))
	must("read #q", err)
	if q != "Ukraine" {
		t.Errorf("search box holds %q, want Ukraine", q)
	}

	// The quotes view of the same search lists quotes with their speakers.
	follow("quotes view", "#view-quotes")
	if n := count(".quote-hit"); n == 0 || n != total() {
		t.Errorf("quotes view: %d quote hits, total %d", n, total())
	}
	if n := count(".quote-hit .speaker"); n != count(".quote-hit") {
		t.Errorf("quotes view: %d speakers for %d quotes", n, count(".quote-hit"))
	}
	follow("articles view", "#view-articles")

	// Open an article and see who said what.
	follow("open article", `.hit a.title[href="/articles/kyiv-pledge"]`)
	title, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("article-title")))
	must("article title", err)
	if want := testArticles[0].Title; title != want {
		t.Errorf("article title %q, want %q", title, want)
	}
	speakers, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("#quotes .speaker-quotes")).map(s => s.querySelector(".speaker").textContent.trim())`))
	must("speakers", err)
	if diff := cmp.Diff([]string{"Keir Starmer", "Emmanuel Macron"}, speakers); diff != "" {
		t.Errorf("speakers on the article page (-want +got):\n%s", diff)
	}
	quotes, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("#quotes .speaker-quotes blockquote")).map(q => q.textContent.trim())`))
	must("quotes", err)
	if len(quotes) != 2 || !strings.Contains(quotes[0], "stand with Ukraine") {
		t.Errorf("quotes on the article page: %q", quotes)
	}
}
