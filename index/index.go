// Package index is the archive's searchable side: one Bleve index per data
// directory, kept up to date by following the store's change feed, and
// searched with a Query that names facets in the archive's own words.
//
// This package owns the archive's life: opening and creating the index
// directory, following the store (reading its changes, running the
// extractor, filing people under one name across the archive, names.go),
// writing batches with the seq they bring the index up to, reindexing into
// a new directory and swapping it in, the versions that say when a reindex
// is due, and each article's enrichment as it was filed (enrichment.go);
// which searches run when (admit.go) and the limit each runs under
// (limits.go); the index's health and its recovery from the store when it
// is lost, full or corrupt (recover.go); opening it read-only
// (readonly.go) and undoing a failed start (undo.go).
// The query engine, index/engine, owns what the index holds and how it is
// searched: the documents an article becomes, the mapping, and the three
// ways a query is answered (the home page from the date key, one word from
// the segments, Bleve's general search), with facets, snippets, budgets
// and the meter that stops a search as it runs. This package hands the engine each article and each search, and names
// the engine's vocabulary (Query, Result, Hit, ...) for its callers.
//
// Bleve, the engine and the extractor stay inside: no type of theirs
// appears in an exported signature except the extractor's Enrichment
// types, which this package names as its own.
package index

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/cuttings/cuttings/index/engine"
	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// mappingVersion changes whenever the engine's mapping or documents
// (engine.Mapping, engine.Documents) or what this package puts into them
// (the enrichment record) change in a way that needs a reindex.
const mappingVersion = 13 // 13 keys each body's text, so that a phrase is checked once in the text copies share (engine's phrase.go); 7 was either copies of a story (group) or common pairs and date keywords; 8 is both; 9 keeps a quotation's span of the body instead of its text, and the date as published_at, a few characters; 10 stores topics and speaker types as letters, and the date key without a zero fraction; 11 stores all of a document's values in one (engine's packed.go); 12 keeps no frequencies or norms for keywords (engine's keyword.go)

// Doc is one change to apply to the index: an article with what the
// extractor found in it, or the deletion of an article.
type Doc struct {
	Seq        int64 // the store's seq of this change
	ID         string
	Deleted    bool
	Article    store.Article
	Enrichment Enrichment
}

// Keys of the values the index keeps about itself, beside its documents.
var (
	keySeq            = []byte("cuttings.seq")
	keyMappingVersion = []byte("cuttings.mapping")
	keyExtractVersion = []byte("cuttings.extract")
)

// persistWait bounds how long Close waits for the last batch to reach disk.
const persistWait = 30 * time.Second

// Index is one Bleve index directory. It is safe for concurrent use; Apply
// calls should come from one writer at a time (catchUp's pageWriter, which
// writes two pages at once, keeps the rules that make that safe).
type Index struct {
	b   bleve.Index
	eng *engine.Engine
	dir string
	seq atomic.Int64

	mappingVersion int
	extractVersion int

	names personNames // one name per person across the archive (names.go)

	// readFailed, when set, is told when reading the index failed in
	// the background (recover.go).
	readFailed func(error)

	mu sync.Mutex
	// persisted is closed once the last applied batch is on disk: Bleve
	// writes batches in the background and drops what is not yet written
	// when it closes, so Close waits for it.
	persisted chan struct{}
}

// scorchConfig makes a locked index fail to open after a while instead of
// waiting for ever on the other process.
func scorchConfig() map[string]any {
	return map[string]any{"bolt_timeout": "10s", "asyncErrorCallbackName": asyncErrorCallback}
}

// Create makes a new, empty index in dir, which must not exist yet.
func Create(dir string) (*Index, error) {
	b, err := bleve.NewUsing(dir, engine.Mapping(), scorch.Name, scorch.Name, scorchConfig())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	ix := &Index{b: b, eng: engine.New(b), dir: dir, mappingVersion: mappingVersion, extractVersion: extract.Version}
	batch := b.NewBatch()
	batch.SetInternal(keySeq, []byte("0"))
	batch.SetInternal(keyMappingVersion, []byte(strconv.Itoa(mappingVersion)))
	batch.SetInternal(keyExtractVersion, []byte(strconv.Itoa(extract.Version)))
	if err := ix.commit(batch); err != nil {
		b.Close()
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return ix, nil
}

// Open opens an existing index.
func Open(dir string) (*Index, error) {
	return open(dir, scorchConfig())
}

// open opens an existing index with a scorch configuration.
func open(dir string, config map[string]any) (*Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	b, err := bleve.OpenUsing(dir, config)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix := &Index{b: b, eng: engine.New(b), dir: dir}
	seq, err := ix.internalInt(keySeq)
	if err == nil {
		ix.seq.Store(int64(seq))
		ix.mappingVersion, err = ix.internalInt(keyMappingVersion)
	}
	if err == nil {
		ix.extractVersion, err = ix.internalInt(keyExtractVersion)
	}
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}

func (ix *Index) internalInt(key []byte) (int, error) {
	v, err := ix.b.GetInternal(key)
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", key, err)
	}
	if v == nil {
		return 0, nil // an index from before the key existed
	}
	n, err := strconv.Atoi(string(v))
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", key, err)
	}
	return n, nil
}

// Dir returns the index's directory.
func (ix *Index) Dir() string { return ix.dir }

// LastSeq returns the store seq of the last change applied.
func (ix *Index) LastSeq() int64 { return ix.seq.Load() }

// Stale says why the index should be rebuilt, or "" when it was built by
// this program's mapping and extractor.
func (ix *Index) Stale() string {
	if ix.mappingVersion == mappingVersion && ix.extractVersion == extract.Version {
		return ""
	}
	return fmt.Sprintf("the index was built with mapping v%d and extractor v%d, this program has mapping v%d and extractor v%d: run 'cuttings reindex'",
		ix.mappingVersion, ix.extractVersion, mappingVersion, extract.Version)
}

// Search answers q; see Query for what it may ask.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	res, err := ix.eng.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	for i, v := range res.Facets[FacetCountry] {
		res.Facets[FacetCountry][i].Label = countryLabel(v.Value)
	}
	return res, nil
}

// KeepWarm has the index read what searches need of new segments (written
// by a batch or a merge) in the background, every second, until Close: a
// search would otherwise read it itself. An index that serves searches
// wants it; one being built does not. A failed read is reported to
// readFailed, if set.
func (ix *Index) KeepWarm() { ix.eng.KeepWarm(ix.readFailed) }

// Warmed reports whether KeepWarm's background work has once read all it
// reads of the index's segments (engine.Engine.Warmed).
func (ix *Index) Warmed() bool { return ix.eng.Warmed() }

// useBodies has the index read article bodies, which it does not store,
// from the store: for snippets and for checking phrases.
func (ix *Index) useBodies(bodies func(ctx context.Context, ids []string) (map[string]string, error)) {
	ix.eng.SetBodies(bodies)
}

// Counts returns how many articles and quotations the index holds.
func (ix *Index) Counts(ctx context.Context) (articles, quotes uint64, err error) {
	return ix.eng.Counts(ctx)
}

// Close waits for what was applied to reach disk and closes the index.
func (ix *Index) Close() error {
	ix.eng.Close()
	ix.mu.Lock()
	ch := ix.persisted
	ix.mu.Unlock()
	if ch != nil {
		select {
		case <-ch:
		case <-time.After(persistWait):
		}
	}
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return nil
}

// commit writes one batch and arranges for Close to wait until it is on disk.
func (ix *Index) commit(batch *bleve.Batch) error {
	ch := make(chan struct{})
	var once sync.Once
	batch.SetPersistedCallback(func(error) { once.Do(func() { close(ch) }) })
	if err := ix.b.Batch(batch); err != nil {
		return err
	}
	// Batch returns once searches see the batch.
	ix.eng.Changed()
	ix.mu.Lock()
	ix.persisted = ch
	ix.mu.Unlock()
	return nil
}

// Apply writes changes in one batch together with the highest seq among
// them, so that the documents and the seq that says they are indexed are
// committed at once. An update replaces the article's document and all its
// quote documents; a deletion removes them.
func (ix *Index) Apply(ctx context.Context, docs []Doc) error {
	maxSeq := ix.seq.Load()
	for _, d := range docs {
		maxSeq = max(maxSeq, d.Seq)
	}
	return ix.apply(ctx, docs, maxSeq)
}

// apply is Apply recording seq as the seq the index is up to (catchUp's
// pageWriter records less than the page's highest while the page before it
// is still being written).
func (ix *Index) apply(ctx context.Context, docs []Doc, seq int64) error {
	if len(docs) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// The last change of an article wins; earlier ones in the same call
	// would only be overwritten.
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		if d.ID != "" {
			last[d.ID] = i
		}
	}
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	old, err := ix.eng.QuoteCounts(ctx, ids)
	if err != nil {
		return fmt.Errorf("apply: %w", err)
	}

	batch := ix.b.NewBatch()
	for _, id := range ids {
		d := docs[last[id]]
		kept := 0
		if d.Deleted {
			batch.Delete(id)
		} else {
			kept = len(d.Enrichment.Quotes)
			for _, doc := range engine.Documents(articleOf(d)) {
				if err := batch.Index(doc.ID, doc.Fields); err != nil {
					return fmt.Errorf("apply %s: %w", doc.ID, err)
				}
			}
		}
		for n := kept; n < old[id]; n++ {
			batch.Delete(engine.QuoteID(id, n))
		}
	}
	batch.SetInternal(keySeq, []byte(strconv.FormatInt(seq, 10)))
	if err := ix.commit(batch); err != nil {
		return fmt.Errorf("apply %d changes: %w", len(docs), err)
	}
	ix.advance(seq)
	return nil
}

// advance raises the seq LastSeq reports to seq, if that is higher.
func (ix *Index) advance(seq int64) {
	for {
		old := ix.seq.Load()
		if seq <= old || ix.seq.CompareAndSwap(old, seq) {
			return
		}
	}
}

// recordSeq records seq as the seq the index is up to, in a batch of its
// own.
func (ix *Index) recordSeq(seq int64) error {
	batch := ix.b.NewBatch()
	batch.SetInternal(keySeq, []byte(strconv.FormatInt(seq, 10)))
	if err := ix.commit(batch); err != nil {
		return fmt.Errorf("record seq %d: %w", seq, err)
	}
	ix.advance(seq)
	return nil
}
