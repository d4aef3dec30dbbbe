package engine

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// TestQuoteTextFromBody checks that a quotation the body holds as it is
// keeps only its span in the index, and one it does not hold keeps its
// text; and that both read back as they went in: as quote hits, on their
// article's page, and when a phrase is checked against them.
func TestQuoteTextFromBody(t *testing.T) {
	body := "\"The bridge will open in May,\" the minister, Lena Berg, told reporters in Malmö.\n\n" +
		"Engineers were less sure. \"Nothing about this crossing has been quick,\" said Per Lind, who leads the works."
	inBody := "The bridge will open in May,"
	mended := "Nothing about this crossing has ever been quick" // not the body's words
	a := store.Article{ID: "bridge", Title: "Bridge opening", Source: "Wire", Body: body}
	e := extract.Enrichment{Quotes: []extract.Quote{
		{Text: inBody, Speaker: "Lena Berg", SpeakerType: extract.SpeakerPerson},
		{Text: mended, Speaker: "Per Lind", SpeakerType: extract.SpeakerPerson},
	}}
	ix := newTestIndex(t, []testDoc{{ID: a.ID, Article: a, Enrichment: e}})
	ctx := context.Background()

	stored := map[string]map[string]string{}
	r, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for n := range 2 {
		doc, err := r.Document(QuoteID(a.ID, n))
		if err != nil || doc == nil {
			t.Fatalf("quote %d: %v", n, err)
		}
		fields := map[string]string{}
		doc.VisitFields(func(f bleveindex.Field) {
			switch f.Name() { // a document read back holds its stored fields alone
			case fieldQuote, fieldQuoteSpan, fieldQuoteText:
				fields[f.Name()] = string(f.Value())
			case fieldValues: // packed since mapping v11
				if q, ok := unpackQuote(string(f.Value())); ok {
					if q.span != "" {
						fields[fieldQuoteSpan] = q.span
					}
					if q.text != "" {
						fields[fieldQuoteText] = q.text
					}
				}
			}
		})
		stored[QuoteID(a.ID, n)] = fields
	}
	closeSnap()
	want := map[string]map[string]string{
		"q:bridge:0": {fieldQuoteSpan: "1+28"},
		"q:bridge:1": {fieldQuoteText: mended},
	}
	if diff := cmp.Diff(want, stored); diff != "" {
		t.Errorf("stored fields of the quotations (-want +got):\n%s", diff)
	}

	res, err := ix.Search(ctx, Query{Quotes: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, h := range res.Hits {
		got[h.QuoteID] = h.Quote
	}
	if diff := cmp.Diff(map[string]string{"q:bridge:0": inBody, "q:bridge:1": mended}, got); diff != "" {
		t.Errorf("quote hits (-want +got):\n%s", diff)
	}

	page, found, err := ix.Article(ctx, a.ID)
	if err != nil || !found {
		t.Fatalf("Article: %v, found %v", err, found)
	}
	var texts []string
	for _, q := range page.Quotes {
		texts = append(texts, q.Text)
	}
	if diff := cmp.Diff([]string{inBody, mended}, texts); diff != "" {
		t.Errorf("the article's quotations (-want +got):\n%s", diff)
	}

	for phrase, want := range map[string]string{`"bridge will open"`: "q:bridge:0", `"has ever been quick"`: "q:bridge:1"} {
		res, err := ix.Search(ctx, Query{Text: phrase, Quotes: true})
		if err != nil {
			t.Fatal(err)
		}
		if ids := hitIDs(res); len(ids) != 1 || ids[0] != want {
			t.Errorf("%s: hits %v, want %s", phrase, ids, want)
		}
	}
}

// TestSpanText checks that a span is kept in bytes and reads the body's
// text back, that a text the body does not hold keeps none, and that a
// span the body no longer fits (it changed before the index caught up),
// or that is not a span, reads nothing.
func TestSpanText(t *testing.T) {
	body := "Er sagte: «Wir bauen die Brücke»."
	text := "Wir bauen die Brücke"
	span, ok := quoteSpan(body, text)
	if !ok || span != "12+21" {
		t.Fatalf("quoteSpan = %q, %v; want 12+21 (bytes, after a two-byte «)", span, ok)
	}
	if got, ok := spanText(body, span); !ok || got != text {
		t.Errorf("spanText(%q) = %q, %v; want %q", span, got, ok, text)
	}
	for _, bad := range []struct{ body, span string }{
		{"Er sagte nichts.", span},             // shorter now
		{body, "12"},                           // no length
		{body, "x+3"},                          // not a number
		{body, "-1+3"},                         // before the start
		{body, "0+0"},                          // empty
		{"«Brücke»", "1+3"},                    // cuts a character
		{body, "3+" + strings.Repeat("9", 30)}, // past any int
	} {
		if got, ok := spanText(bad.body, bad.span); ok {
			t.Errorf("spanText(%q, %q) = %q; want nothing", bad.body, bad.span, got)
		}
	}
	if _, ok := quoteSpan(body, "Wir bauen eine Brücke"); ok {
		t.Error("quoteSpan kept a span where the body does not hold the text")
	}
}

// TestStoredTime checks that an article's date is stored in a few
// characters and reads back as it was, to the nanosecond, before 1970
// too; that the stored document has it there and no date field; and that
// what is not such a date reads as none.
func TestStoredTime(t *testing.T) {
	for _, want := range []time.Time{
		time.Date(2024, 3, 1, 12, 30, 5, 0, time.UTC),
		time.Date(1987, 2, 26, 15, 1, 1, 0, time.UTC),
		time.Date(1950, 7, 4, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 3, 1, 12, 30, 5, 7, time.UTC),
		time.Date(2261, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
	} {
		s := storedTime(want)
		got, ok := readStoredTime(s)
		if !ok || !got.Equal(want) {
			t.Errorf("%v stored as %q reads back as %v, %v", want, s, got, ok)
		}
		if want.Nanosecond() == 0 && len(s) > 7 {
			t.Errorf("%v stored as %q: want at most 7 characters", want, s)
		}
	}
	for _, bad := range []string{"", "2024-03-01T12:30:05Z", "abc.x", "abc.-1", "abc.1000000000"} {
		if got, ok := readStoredTime(bad); ok {
			t.Errorf("readStoredTime(%q) = %v; want none", bad, got)
		}
	}

	when := time.Date(2025, 6, 2, 8, 15, 0, 0, time.UTC)
	a := store.Article{ID: "dated", Title: "Dated", Source: "Wire", Body: "A body.", Published: when}
	ix := newTestIndex(t, []testDoc{{ID: a.ID, Article: a}})
	r, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := r.Document(a.ID)
	if err != nil || doc == nil {
		t.Fatalf("read %s: %v", a.ID, err)
	}
	// Since mapping v11 the date is stored with the rest of the article's
	// values, packed (packed.go).
	stored := map[string]string{}
	doc.VisitFields(func(f bleveindex.Field) {
		switch f.Name() {
		case fieldPublished, fieldPublishedAt:
			stored[f.Name()] = string(f.Value())
		case fieldValues:
			if v, ok := unpackArticle(string(f.Value())); ok {
				stored[f.Name()] = v.published
			}
		}
	})
	closeSnap()
	if diff := cmp.Diff(map[string]string{fieldValues: storedTime(when)}, stored); diff != "" {
		t.Errorf("stored date (-want +got):\n%s", diff)
	}
	page, found, err := ix.Article(context.Background(), a.ID)
	if err != nil || !found || !page.Published.Equal(when) {
		t.Errorf("Article: published %v (%v, found %v); want %v", page.Published, err, found, when)
	}
	res, err := ix.Search(context.Background(), Query{Text: "dated"})
	if err != nil || len(res.Hits) != 1 || !res.Hits[0].Published.Equal(when) {
		t.Errorf("search: %v, %+v; want the hit published %v", err, res, when)
	}
}

// TestArticleWithBody checks that an article's quotations are cut from a
// body the caller hands in with WithBody, without reading the store.
func TestArticleWithBody(t *testing.T) {
	body := "\"We open on Monday,\" the owner, Ida Holm, said."
	a := store.Article{ID: "shop", Title: "Shop", Source: "Wire", Body: body}
	e := extract.Enrichment{Quotes: []extract.Quote{{Text: "We open on Monday,", Speaker: "Ida Holm", SpeakerType: extract.SpeakerPerson}}}
	ix := newTestIndex(t, []testDoc{{ID: a.ID, Article: a, Enrichment: e}})
	reads := 0
	ix.bodies = func(context.Context, []string) (map[string]string, error) {
		reads++
		return map[string]string{a.ID: body}, nil
	}
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		ctx   context.Context
		reads int
	}{{"from the store", ctx, 1}, {"handed in", WithBody(ctx, a.ID, body), 0}} {
		reads = 0
		page, found, err := ix.Article(c.ctx, a.ID)
		if err != nil || !found || len(page.Quotes) != 1 || page.Quotes[0].Text != "We open on Monday," {
			t.Errorf("%s: %v, found %v, quotations %+v", c.name, err, found, page.Quotes)
		}
		if reads != c.reads {
			t.Errorf("%s: %d reads of the store, want %d", c.name, reads, c.reads)
		}
	}
}

// TestTitleTexts checks that a title phrase reads the title from either
// way an index stores it: packed with the article's values, or as a field
// of its own in an index from before mapping v11.
func TestTitleTexts(t *testing.T) {
	m := bleve.NewIndexMapping()
	dm := bleve.NewDocumentStaticMapping()
	for _, name := range []string{fieldTitle, fieldValues} {
		f := bleve.NewTextFieldMapping()
		f.Index, f.Store = false, true
		dm.AddFieldMappingsAt(name, f)
	}
	m.DefaultMapping = dm
	b, err := bleve.New(filepath.Join(t.TempDir(), "titles"), m)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for id, doc := range map[string]map[string]any{
		"old":    {fieldTitle: "Harbour reopens"},
		"packed": {fieldValues: packArticle(storedArticle{title: "Quay closes", source: "Wire"})},
	} {
		if err := b.Index(id, doc); err != nil {
			t.Fatal(err)
		}
	}
	adv, err := b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := titleTexts(context.Background(), r, []string{"old", "packed", "gone"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"old": "Harbour reopens", "packed": "Quay closes"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("titles (-want +got):\n%s", diff)
	}
}
