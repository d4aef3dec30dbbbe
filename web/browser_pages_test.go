package web_test

import (
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
)

// browserPages are the pages the layout and accessibility tests visit.
var browserPages = []string{
	"/",
	"/?q=Ukraine&sort=oldest&size=2",
	"/?view=quotes&q=Ukraine",
	"/?person=Emmanuel%20Macron&from=2025",
	"/articles/kyiv-pledge",
	"/articles/kyiv-pledge?view=quotes",
	"/people/Emmanuel%20Macron",
	"/articles/no-such-article",
}

// TestBrowserArticleQuotes: on an article page each quotation is marked in
// the text with its speaker beside it, a link to the speaker's page; the
// quotes-only view keeps just those paragraphs.
func TestBrowserArticleQuotes(t *testing.T) {
	ctx := newBrowser(t)
	ta := newTestArchive(t, "")
	must := failOn(t)
	must("open article", chromedp.Do(ctx, chromedp.Navigate(ta.URL+"/articles/kyiv-pledge")))

	type inline struct{ Quote, Speaker, Href string }
	quotes, err := chromedp.Run(ctx, chromedp.Evaluate[[]inline](`
		Array.from(document.querySelectorAll(".body mark.quoted[id]")).map(m => {
			const n = m.dataset.quote;
			const by = document.querySelector('.body .said-by[data-quote="' + n + '"] a');
			return {Quote: Array.from(document.querySelectorAll('.body mark.quoted[data-quote="' + n + '"]')).map(x => x.textContent).join(" "),
			        Speaker: by ? by.textContent : "", Href: by ? by.getAttribute("href") : ""};
		})`))
	must("read quotations", err)
	want := []inline{
		{"We will stand with Ukraine for as long as it takes,", "Keir Starmer", "/people/Keir%20Starmer"},
		{"Europe cannot afford to look away while Russia bombs Ukrainian cities.", "Emmanuel Macron", "/people/Emmanuel%20Macron"},
	}
	if diff := cmp.Diff(want, quotes); diff != "" {
		t.Errorf("quotations in the text (-want +got):\n%s", diff)
	}
	// The speaker comes right after the quotation's closing mark.
	next, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`(() => { const m = document.getElementById("quote-1"); return m.nextSibling.textContent + "|" + m.nextElementSibling.className; })()`))
	must("after the quotation", err)
	if next != "\" |said-by speaker-person" {
		t.Errorf("after quotation 1: %q, want the closing mark then the speaker", next)
	}
	names, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll(".body a.name")).map(a => a.textContent + " " + a.getAttribute("href"))`))
	must("names", err)
	for _, w := range []string{"Volodymyr Zelensky /?person=Volodymyr%20Zelensky", "Russia /?country=RU"} {
		if !containsString(names, w) {
			t.Errorf("names linked in the text %q lack %q", names, w)
		}
	}

	// The speaker's link leads to their page.
	res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`.said-by[data-quote="2"] a`)))
	must("follow speaker", err)
	if res.Status != 200 {
		t.Fatalf("speaker page: status %d", res.Status)
	}
	name, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("person-name")))
	must("person name", err)
	if name != "Emmanuel Macron" {
		t.Errorf("speaker link led to %q", name)
	}

	// Quotes only, chosen from the keyboard.
	must("back", chromedp.Do(ctx, chromedp.Navigate(ta.URL+"/articles/kyiv-pledge")))
	must("focus toggle", chromedp.Do(ctx, chromedp.Focus(chromedp.ID("view-quotes-only"))))
	res, err = chromedp.RunResponse(ctx, chromedp.KeyEvent("\r"))
	must("press Enter on quotes only", err)
	if !strings.HasSuffix(res.URL, "?view=quotes") {
		t.Errorf("quotes only: at %s", res.URL)
	}
	paras, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll(".body p")).map(p => p.className)`))
	must("paragraphs", err)
	if diff := cmp.Diff([]string{"has-quote", "has-quote"}, paras); diff != "" {
		t.Errorf("quotes only: paragraphs (-want +got):\n%s", diff)
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// fetched is what the page's own fetch of a link got.
type fetched struct {
	Status      int
	Disposition string
	Type        string
	Body        string
}

// TestBrowserExport: the search page's export links download every hit of
// what the page shows, in the page's order.
func TestBrowserExport(t *testing.T) {
	ctx := newBrowser(t)
	ta := newTestArchive(t, "")
	must := failOn(t)
	download := func(id string) fetched {
		t.Helper()
		isDownload, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById(`+strconv.Quote(id)+`).hasAttribute("download")`))
		must("download attribute", err)
		if !isDownload {
			t.Errorf("#%s is not a download link", id)
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[fetched](`fetch(document.getElementById(`+strconv.Quote(id)+`).href).then(async r => ({
			Status: r.status, Disposition: r.headers.get("Content-Disposition") || "", Type: r.headers.get("Content-Type") || "", Body: await r.text()}))`,
			chromedp.EvalAwaitPromise))
		must("fetch "+id, err)
		if f.Status != 200 || !strings.HasPrefix(f.Disposition, "attachment") {
			t.Errorf("#%s: status %d, Content-Disposition %q", id, f.Status, f.Disposition)
		}
		return f
	}
	pageIDs := func() []string {
		t.Helper()
		ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`Array.from(document.querySelectorAll(".hits .hit a.title")).map(a => decodeURIComponent(a.getAttribute("href").replace("/articles/", "")))`))
		must("hit ids", err)
		return ids
	}

	// Articles, as CSV: a page of two shows the first two of the export.
	must("open search", chromedp.Do(ctx, chromedp.Navigate(ta.URL+"/?q=Ukraine&sort=oldest&size=2")))
	shown := pageIDs()
	f := download("export-csv")
	rows, err := csv.NewReader(strings.NewReader(f.Body)).ReadAll()
	must("read csv", err)
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[0])
	}
	if len(ids) != 3 || !cmp.Equal(ids[:len(shown)], shown) {
		t.Errorf("csv ids %q; the page shows %q of 3", ids, shown)
	}

	// Quotes, as JSON Lines: the same quotations as the page, in order.
	must("open quotes", chromedp.Do(ctx, chromedp.Navigate(ta.URL+"/?view=quotes&q=Ukraine&sort=newest")))
	speakers, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll(".quote-hit .speaker")).map(s => s.textContent.trim())`))
	must("speakers", err)
	f = download("export-jsonl")
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(f.Body), "\n") {
		var h struct{ Speaker string }
		must("jsonl line", json.Unmarshal([]byte(line), &h))
		got = append(got, h.Speaker)
	}
	if len(speakers) == 0 || !cmp.Equal(speakers, got) {
		t.Errorf("jsonl speakers %q, page %q", got, speakers)
	}
}

// TestBrowserPhoneWidth: at 375 pixels wide no page scrolls sideways.
func TestBrowserPhoneWidth(t *testing.T) {
	ctx := newBrowser(t)
	ta := newTestArchive(t, "")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 740, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, path := range browserPages {
		if err := chromedp.Do(ctx, chromedp.Navigate(ta.URL+path)); err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const w = document.documentElement.clientWidth;
			if (w !== 375) return ["the viewport is " + w + " wide, not 375"];
			if (document.documentElement.scrollWidth <= w) return [];
			return Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > w + 0.5)
				.map(e => e.tagName.toLowerCase() + "." + e.className + " right=" + Math.round(e.getBoundingClientRect().right)).slice(0, 8);
		})()`))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(wide) > 0 {
			t.Errorf("%s scrolls sideways at 375px; too wide: %q", path, wide)
		}
	}
}

// a11yCheck looks for what an accessibility checker such as axe would: a
// control without a label, a link or image without a name, text whose
// contrast with what is behind it is under WCAG AA (4.5:1, 3:1 for large
// text), duplicate ids, a positive tabindex, no lang or title.
const a11yCheck = `(() => {
  const problems = [];
  const short = el => el.outerHTML.slice(0, 90);
  const parse = c => { const m = /rgba?\(([^)]+)\)/.exec(c); if (!m) return null;
    const p = m[1].split(",").map(parseFloat); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const blend = (top, under) => ({r: top.r*top.a + under.r*(1-top.a), g: top.g*top.a + under.g*(1-top.a), b: top.b*top.a + under.b*(1-top.a), a: 1});
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v/12.92 : Math.pow((v+0.055)/1.055, 2.4); };
    return 0.2126*f(c.r) + 0.7152*f(c.g) + 0.0722*f(c.b); };
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let out = {r: 255, g: 255, b: 255, a: 1};
    for (let i = layers.length - 1; i >= 0; i--) out = blend(layers[i], out);
    return out; };
  const named = el => {
    if ((el.getAttribute("aria-label") || "").trim()) return true;
    const by = el.getAttribute("aria-labelledby");
    if (by && by.split(/\s+/).some(id => { const l = document.getElementById(id); return l && l.textContent.trim(); })) return true;
    if (el.labels && Array.from(el.labels).some(l => l.textContent.trim())) return true;
    if ((el.tagName === "BUTTON" || el.tagName === "A") && el.textContent.trim()) return true;
    return !!(el.getAttribute("title") || "").trim();
  };
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]'))
    if (!named(el)) problems.push("no accessible name: " + short(el));
  for (const el of document.querySelectorAll("img, svg[role=img]"))
    if (!(el.getAttribute("alt") || el.getAttribute("aria-label") || el.querySelector("title"))) problems.push("image without a name: " + short(el));
  for (const el of document.querySelectorAll("[tabindex]"))
    if (parseInt(el.getAttribute("tabindex")) > 0) problems.push("positive tabindex: " + short(el));
  const ids = {};
  for (const el of document.querySelectorAll("[id]")) { if (ids[el.id]) problems.push("duplicate id " + el.id); ids[el.id] = true; }
  if (!document.documentElement.lang) problems.push("no lang on html");
  if (!document.title.trim()) problems.push("no title");
  if (!document.querySelector("main")) problems.push("no main landmark");
  if (!document.querySelector("h1")) problems.push("no h1");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    const st = getComputedStyle(el);
    if (st.display === "none" || st.visibility === "hidden" || el.closest("[aria-hidden=true]")) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const under = background(el), fg = blend(parse(st.color), under);
    const hi = Math.max(lum(fg), lum(under)), lo = Math.min(lum(fg), lum(under));
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    if (ratio < need) problems.push("contrast " + ratio.toFixed(2) + " under " + need + ": " + JSON.stringify(node.textContent.trim().slice(0, 40)) +
      " (" + st.color + " on rgb(" + [under.r, under.g, under.b].map(Math.round).join(",") + "))");
  }
  return problems;
})()`

// TestBrowserAccessibility runs a11yCheck on every page, and walks the
// search page with the Tab key to the facets and the next page.
func TestBrowserAccessibility(t *testing.T) {
	ctx := newBrowser(t)
	ta := newTestArchive(t, "")
	for _, path := range browserPages {
		if err := chromedp.Do(ctx, chromedp.Navigate(ta.URL+path)); err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](a11yCheck))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", path, p)
		}
	}

	// Facets and paging by keyboard alone, with focus visible.
	if err := chromedp.Do(ctx, chromedp.Navigate(ta.URL+"/?q=Ukraine&size=2")); err != nil {
		t.Fatal(err)
	}
	reached := map[string]bool{}
	for range 120 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		where, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
			const a = document.activeElement;
			if (!a || a === document.body) return "";
			const st = getComputedStyle(a);
			const visible = st.outlineStyle !== "none" && parseFloat(st.outlineWidth) > 0;
			const where = a.id ? "#" + a.id : (a.closest(".facet") ? "facet" : a.tagName.toLowerCase());
			return where + (visible ? "" : " (focus not visible)");
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		reached[where] = true
	}
	for _, want := range []string{"#q", "#sort", "#go", "facet", "#next", "#export-csv"} {
		if !reached[want] {
			t.Errorf("Tab never reached %s with its focus visible; reached %v", want, reached)
		}
	}
}

// TestBrowserPersonPage: the person page draws its chart (bars with height
// for the periods with mentions, none for the others), names what the
// archive files under the person, and searches their quotes.
func TestBrowserPersonPage(t *testing.T) {
	ctx := newBrowser(t)
	ta := newTestArchive(t, "")
	must := failOn(t)
	must("open person", chromedp.Do(ctx, chromedp.Navigate(ta.URL+"/people/Emmanuel%20Macron")))
	type bar struct {
		Label  string
		Count  int
		Height float64
	}
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[[]bar](`Array.from(document.querySelectorAll("#mentions-chart rect.chart-bar")).map(r =>
		({Label: r.dataset.label, Count: parseInt(r.dataset.count), Height: r.getBoundingClientRect().height}))`))
	must("read chart", err)
	if len(bars) != 12 {
		t.Fatalf("chart has %d bars, want 12 months: %+v", len(bars), bars)
	}
	for _, b := range bars {
		if (b.Count > 0) != (b.Height > 0) {
			t.Errorf("bar %s: count %d, drawn %.1f high", b.Label, b.Count, b.Height)
		}
	}
	names, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#names .name-form")).map(n => n.textContent)`))
	must("names", err)
	if !containsString(names, "Emmanuel Macron") {
		t.Errorf("names filed under him: %q", names)
	}

	// Search his quotes from the keyboard.
	must("type", chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("person-q"), "energy")))
	res, err := chromedp.RunResponse(ctx, chromedp.KeyEvent("\r"))
	must("submit", err)
	if res.Status != 200 {
		t.Fatalf("search his quotes: status %d", res.Status)
	}
	speakers, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".quote-hit .speaker")).map(s => s.textContent.trim())`))
	must("speakers", err)
	if !cmp.Equal(speakers, []string{"Emmanuel Macron"}) {
		t.Errorf("quotes found: speakers %q, want his one quote about energy", speakers)
	}
}
