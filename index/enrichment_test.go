package index

import (
	"context"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/index/engine"
	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// TestEnrichmentKept: the enrichment read back from the index is the one
// applied, numbers, offsets and all, whatever an update left behind.
func TestEnrichmentKept(t *testing.T) {
	ix := newTestIndex(t, fixtureDocs())
	ctx := context.Background()
	d := fixtureDocs()[0]
	d.Seq = 10
	d.Enrichment = extract.Enrichment{
		People: []extract.Person{{Name: "Keir Starmer", Mentions: 3, First: 4}, {Name: "Emmanuel Macron", Mentions: 1, First: -1}},
		Organizations: []extract.Organization{
			{Name: "Nato", Mentions: 2, First: 60},
		},
		Countries: []extract.Country{{Code: "GB", Mentions: 2}, {Code: "UA", Mentions: 1}},
		Topics:    []extract.Topic{{Label: "politics", Score: 0.812}, {Label: "conflict, war and peace", Score: 1.0 / 3}},
		Quotes: []extract.Quote{
			{Text: "Europe must act now", Speaker: "Keir Starmer", SpeakerType: extract.SpeakerPerson, Cue: "said", Start: 30, End: 49},
			{Text: "unattributed words", SpeakerType: extract.SpeakerUnknown, Start: 70, End: 88},
		},
	}
	if err := ix.Apply(ctx, []Doc{d}); err != nil {
		t.Fatal(err)
	}
	got, found, err := ix.enrichment(ctx, "a1")
	if err != nil || !found {
		t.Fatalf("enrichment(a1) = found %v, %v", found, err)
	}
	want := d.Enrichment
	want.ID = "a1"
	want.Countries = []extract.Country{{Code: "GB", Name: "United Kingdom", Mentions: 2}, {Code: "UA", Name: "Ukraine", Mentions: 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("enrichment of a1 (-applied +read):\n%s", diff)
	}

	// a4 has no enrichment at all; an unknown id is not found.
	got, found, err = ix.enrichment(ctx, "a4")
	if err != nil || !found || len(got.People)+len(got.Quotes)+len(got.Countries) != 0 {
		t.Errorf("enrichment(a4) = %+v, found %v, %v; want an empty one", got, found, err)
	}
	if _, found, err := ix.enrichment(ctx, "no-such-article"); found || err != nil {
		t.Errorf("enrichment(no-such-article): found %v, %v", found, err)
	}
}

// TestRecordMismatch: a record that does not run beside the stored values
// is an error, not an enrichment with numbers in the wrong places.
func TestRecordMismatch(t *testing.T) {
	d := fixtureDocs()[0]
	a := articleOf(d)
	if _, err := enrichmentOf(a); err != nil {
		t.Fatalf("the record as written: %v", err)
	}
	short := a
	short.Record = a.Record[:len(a.Record)-1]
	long := a
	long.People = append(append([]string(nil), a.People...), "Someone Else")
	extra := a
	extra.Record += "x"
	for name, b := range map[string]engine.Article{"short record": short, "more people": long, "bytes left": extra} {
		if _, err := enrichmentOf(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestEnrichmentFiled: Archive.Enrichment gives an article's people under
// the names the archive files them by, indexed or not yet.
func TestEnrichmentFiled(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	day := time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
	full := store.Article{ID: "full", Title: "Lighthouse to close", Source: "Northern Courier", Published: day,
		Body: "Tobias Wrenfield, the lighthouse keeper, said the light would go dark in June.\n\n\"It has been an honour,\" Tobias Wrenfield said."}
	short := store.Article{ID: "short", Title: "Keeper's last night", Source: "Northern Courier", Published: day.AddDate(0, 1, 0),
		Body: "Crowds gathered on the cliff on Friday.\n\n\"I will miss the sea,\" Mr Wrenfield said."}
	putArticles(t, st, []store.Article{full, short})
	a := openTestArchive(t, dir, st)
	if _, err := a.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	names := func(e Enrichment) (people, speakers []string) {
		for _, p := range e.People {
			people = append(people, p.Name)
		}
		for _, q := range e.Quotes {
			speakers = append(speakers, q.Speaker)
		}
		return people, speakers
	}
	e, err := a.Enrichment(ctx, short)
	if err != nil {
		t.Fatal(err)
	}
	if people, speakers := names(e); !cmp.Equal(people, []string{"Tobias Wrenfield"}) || !cmp.Equal(speakers, []string{"Tobias Wrenfield"}) {
		t.Errorf("indexed: people %q, speakers %q; want Tobias Wrenfield, as filed", people, speakers)
	}
	if raw := extract.Extract(short); len(raw.People) != 1 || raw.People[0].Name != "Wrenfield" {
		t.Fatalf("the extractor names %+v in the short article; the test wants a bare surname", raw.People)
	}

	// Stored but not indexed yet: filed as the indexer will file it.
	later := short
	later.ID = "later"
	putArticles(t, st, []store.Article{later})
	e, err = a.Enrichment(ctx, later)
	if err != nil {
		t.Fatal(err)
	}
	if people, speakers := names(e); !cmp.Equal(people, []string{"Tobias Wrenfield"}) || !cmp.Equal(speakers, []string{"Tobias Wrenfield"}) {
		t.Errorf("not indexed: people %q, speakers %q; want Tobias Wrenfield", people, speakers)
	}

	// A live index that may not be read (a write to it failed, and it
	// was closed, recover.go): extracted now, filed under the names
	// already learnt, nothing read from the index.
	a.setFault(faultWrite, "writing the index failed: test")
	a.retire()
	e, err = a.Enrichment(ctx, short)
	if err != nil {
		t.Fatalf("enrichment while the index may not be read: %v", err)
	}
	if people, speakers := names(e); !cmp.Equal(people, []string{"Tobias Wrenfield"}) || !cmp.Equal(speakers, []string{"Tobias Wrenfield"}) {
		t.Errorf("index not readable: people %q, speakers %q; want Tobias Wrenfield", people, speakers)
	}
}

// TestIndexKeepsItsParts: outside index, nothing imports the query engine,
// and only the CLI (which runs the extractor and trains its models)
// imports index/extract; the pages and the API get what they show of an
// article, and the names of countries, from index.
func TestIndexKeepsItsParts(t *testing.T) {
	const (
		enginePath  = "github.com/cuttings/cuttings/index/engine"
		extractPath = "github.com/cuttings/cuttings/index/extract"
	)
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "index" || rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == enginePath || p == extractPath && !strings.HasPrefix(rel, "cmd/") {
				t.Errorf("%s imports %s; take what it needs from index", rel, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
