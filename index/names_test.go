package index

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index/extract"
)

func TestPersonNames(t *testing.T) {
	doc := func(people []string, speakers ...string) Doc {
		var d Doc
		for _, p := range people {
			d.Enrichment.People = append(d.Enrichment.People, extract.Person{Name: p, Mentions: 1})
		}
		for _, s := range speakers {
			d.Enrichment.Quotes = append(d.Enrichment.Quotes, extract.Quote{Speaker: s, SpeakerType: extract.SpeakerPerson})
		}
		return d
	}
	var pn personNames
	// The index already knows one Starmer; a later batch writes a longer Trump.
	docs := []Doc{
		doc([]string{"Starmer", "Donald Trump"}, "Starmer"),
		doc([]string{"Donald J. Trump", "Macron"}),
		doc([]string{"Smith", "Anna Smith", "John Smith"}),
	}
	pn.resolve(docs, func() []string { return []string{"Keir Starmer"} })
	var got [][]string
	for _, d := range docs {
		var names []string
		for _, p := range d.Enrichment.People {
			names = append(names, p.Name)
		}
		got = append(got, names)
	}
	want := [][]string{
		{"Keir Starmer", "Donald J. Trump"},
		{"Donald J. Trump", "Macron"},         // no full name known for Macron
		{"Smith", "Anna Smith", "John Smith"}, // two Smiths: a lone surname stays
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	if s := docs[0].Enrichment.Quotes[0].Speaker; s != "Keir Starmer" {
		t.Errorf("speaker = %q, want Keir Starmer", s)
	}
}
