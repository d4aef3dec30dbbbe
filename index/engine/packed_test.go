package engine

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPackedValues(t *testing.T) {
	articles := []storedArticle{
		{},
		{title: "Harbour reopens", source: "Reuters", published: storedTime(time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)),
			group: "a1", quotes: "2", record: "\x02\x80\xff\x00", people: []string{"Ana Ruiz", "Keir Starmer"},
			countries: []string{"GB", "ES"}, topics: []string{"politics", "a label of its own"}},
		{title: strings.Repeat("long ", 100), url: "https://example.com/a?b=c", group: "g", quotes: "0", countries: []string{"FR"}},
	}
	for _, a := range articles {
		got, ok := unpackArticle(packArticle(a))
		if !ok {
			t.Errorf("%+v: not read back", a)
			continue
		}
		if diff := cmp.Diff(a, got, cmp.AllowUnexported(storedArticle{})); diff != "" {
			t.Errorf("article round trip (-want +got):\n%s", diff)
		}
	}
	for _, q := range []storedQuote{{}, {span: "12+40", speaker: "Ana Ruiz", speakerType: "person"},
		{text: "We are ready.", speaker: "Downing Street", speakerType: "organization"}, {speakerType: "a type of its own"}} {
		got, ok := unpackQuote(packQuote(q))
		if !ok || got != q {
			t.Errorf("quote round trip: %+v, %v; want %+v", got, ok, q)
		}
	}
	// What is not a packed value is not read as one.
	good := packArticle(articles[1])
	for _, bad := range []string{"", "A", "Q", "x" + good[1:], good[:len(good)-1], good + "a", packQuote(storedQuote{speaker: "x"})} {
		if a, ok := unpackArticle(bad); ok {
			t.Errorf("unpackArticle(%q) = %+v, want failure", bad, a)
		}
	}
	if q, ok := unpackQuote(good); ok {
		t.Errorf("an article's values read as a quote's: %+v", q)
	}
}

// TestArticleValuesBefore11 reads an article's values field by field, as
// an index from before mapping v11 stored them, and packed, the same.
func TestArticleValuesBefore11(t *testing.T) {
	published := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	want := storedArticle{title: "Harbour reopens", url: "https://example.com/a", source: "Reuters", group: "a1",
		quotes: "1", record: "\x02", people: []string{"Ana Ruiz"}, countries: []string{"GB", "ES"}, topics: []string{"politics"}}
	old := map[string]any{fieldTitle: want.title, fieldURL: want.url, fieldSource: want.source, fieldGroup: want.group,
		fieldQuotes: want.quotes, fieldRecord: want.record, fieldPerson: "Ana Ruiz", fieldCountry: []any{"GB", "ES"},
		fieldTopic: "politics", fieldPublishedAt: storedTime(published)}
	packed := want
	packed.published = storedTime(published)
	for name, f := range map[string]map[string]any{"fields": old, "packed": {fieldValues: packArticle(packed)}} {
		got, at := articleValues(f)
		got.published = ""
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(storedArticle{})); diff != "" || !at.Equal(published) {
			t.Errorf("%s: %v (-want +got):\n%s", name, at, diff)
		}
	}
}
