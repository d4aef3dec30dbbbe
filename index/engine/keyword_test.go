package engine

import (
	"context"
	"math"
	"slices"
	"testing"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

// TestKeywordsWithoutFreqs checks that keyword postings keep no frequency
// (the bytes mapping v12 saves) while the body's keep theirs.
func TestKeywordsWithoutFreqs(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	r, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	defer closeSnap()
	for _, c := range []struct {
		field, term string
		freqs       bool
	}{
		{fieldPerson, "Emmanuel Macron", false},
		{fieldCountry, "GB", false},
		{fieldType, typeArticle, false},
		{fieldYear, "2023", false},
		{fieldBody, "ukrain", true},
	} {
		tfr, err := r.TermFieldReader(context.Background(), []byte(c.term), c.field, true, true, false)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		for {
			d, err := tfr.Next(&bleveindex.TermFieldDoc{})
			if err != nil {
				t.Fatal(err)
			}
			if d == nil {
				break
			}
			n++
			if got := d.Freq > 0; got != c.freqs {
				t.Errorf("%s:%s: frequency %d in a posting; want frequencies kept: %v", c.field, c.term, d.Freq, c.freqs)
			}
		}
		tfr.Close()
		if n == 0 {
			t.Errorf("%s:%s: no postings", c.field, c.term)
		}
	}
}

// TestKeywordScores checks how a clause on a keyword scores: every match
// alike and a finite positive number, whatever else the document is filed
// under; added to a text clause it leaves the text's order as it is; and a
// date clause in the query string scores no NaN either.
func TestKeywordScores(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	ctx := context.Background()
	r, err := ix.Search(ctx, Query{Text: `country:gb`})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 2 {
		t.Fatalf("country:gb hits = %v, want a1 and a3", hitIDs(r))
	}
	for _, h := range r.Hits {
		if math.IsNaN(h.score) || math.IsInf(h.score, 0) || h.score <= 0 || h.score != r.Hits[0].score {
			t.Errorf("country:gb: %s scores %v, %s %v; want one positive score", h.ID, h.score, r.Hits[0].ID, r.Hits[0].score)
		}
	}

	text, err := ix.Search(ctx, Query{Text: "ukraine europe"})
	if err != nil {
		t.Fatal(err)
	}
	both, err := ix.Search(ctx, Query{Text: `+person:"Emmanuel Macron" ukraine europe`})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, h := range text.Hits {
		for _, b := range both.Hits {
			if b.ID == h.ID {
				want = append(want, h.ID)
			}
		}
	}
	if got := hitIDs(both); len(want) < 2 || !slices.Equal(got, want) {
		t.Errorf("with the person clause: %v; want the text's order %v (of at least two)", got, want)
	}

	for _, q := range []string{`published:>="2023-01-01" ukraine`, `year:2025`, `published:<"2030-01-01"`} {
		r, err := ix.Search(ctx, Query{Text: q})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if len(r.Hits) == 0 {
			t.Errorf("%s: no hits", q)
		}
		for _, h := range r.Hits {
			if math.IsNaN(h.score) || math.IsInf(h.score, 0) {
				t.Errorf("%s: %s scores %v", q, h.ID, h.score)
			}
		}
	}
}
