package engine

import (
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/document"
)

// Nothing is searched through _all (rewrite.go), so no document carries
// the _all composite: offering every analysed field to an empty composite
// cost about 2% of a build.
func TestDocumentsHaveNoComposite(t *testing.T) {
	m := Mapping()
	a := Article{ID: "a1", Title: "Rates held", Body: "The bank held rates. \"We will wait,\" the governor said.",
		Source: "wire", Published: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), People: []string{"Ann Lee"},
		Quotes: []Quotation{{Text: "We will wait,", Speaker: "Ann Lee", SpeakerType: "person"}}}
	docs := Documents(a)
	if len(docs) != 2 {
		t.Fatalf("%d documents, want the article's and its quotation's", len(docs))
	}
	for _, d := range docs {
		doc := document.NewDocument(d.ID)
		if err := m.MapDocument(doc, d.Fields); err != nil {
			t.Fatal(err)
		}
		if len(doc.CompositeFields) != 0 {
			t.Errorf("document %s carries %d composite fields (%s), want none", d.ID, len(doc.CompositeFields), doc.CompositeFields[0].Name())
		}
		if len(doc.Fields) < 5 {
			t.Errorf("document %s has %d fields; the mapping lost them", d.ID, len(doc.Fields))
		}
	}
}
