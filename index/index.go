// Package index makes the archive searchable: one Bleve index holding an
// article document per article and a quote document per quotation, kept up to
// date by following the store's change feed, searched with a Query that names
// facets in the archive's own words. Bleve stays inside this package: no Bleve
// type appears in an exported signature.
package index

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// Doc is one change to apply to the index: an article with what the
// extractor found in it, or the deletion of an article.
type Doc struct {
	Seq        int64 // the store's seq of this change
	ID         string
	Deleted    bool
	Article    store.Article
	Enrichment extract.Enrichment
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
// calls should come from one writer at a time so that seqs only grow.
type Index struct {
	b   bleve.Index
	dir string
	seq atomic.Int64

	mappingVersion int
	extractVersion int

	names personNames // one name per person across the archive (names.go)

	// bodies looks up article bodies for snippets: the index does not
	// store them. Nil means article hits get no snippet.
	bodies func(ctx context.Context, ids []string) (map[string]string, error)

	// gen counts the batches written: what is cached about the
	// documents holds for one generation.
	gen atomic.Uint64
	// facets are the segments' facet tables; allCounts the facet counts
	// of the query with no text and no filters, per document type.
	facets    facetTables
	allCounts struct {
		sync.Mutex
		gen    [2]uint64 // generation + 1 the counts were taken at; 0: none
		counts [2]facetCounts
		total  [2]uint64
	}

	// countedAllAt is when warm last counted the home page's facets.
	countedAllAt time.Time

	// generalOnly turns the one-word search off, for tests that compare
	// it with the general one.
	generalOnly bool

	// readFailed, when set, is told when reading the index failed in
	// the background (recover.go).
	readFailed func(error)

	// warmStop ends the goroutine keepWarm starts; warmDone is closed
	// when it has.
	warmStop, warmDone chan struct{}

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
	b, err := bleve.NewUsing(dir, newMapping(), scorch.Name, scorch.Name, scorchConfig())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	ix := &Index{b: b, dir: dir, mappingVersion: mappingVersion, extractVersion: extract.Version}
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
	ix := &Index{b: b, dir: dir}
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

// Close waits for what was applied to reach disk and closes the index.
func (ix *Index) Close() error {
	ix.mu.Lock()
	if ix.warmStop != nil {
		close(ix.warmStop)
		ix.warmStop = nil
		done := ix.warmDone
		ix.mu.Unlock()
		<-done
		ix.mu.Lock()
	}
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
	ix.gen.Add(1)
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
	if len(docs) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// The last change of an article wins; earlier ones in the same call
	// would only be overwritten.
	last := make(map[string]int, len(docs))
	maxSeq := ix.seq.Load()
	for i, d := range docs {
		if d.ID != "" {
			last[d.ID] = i
		}
		maxSeq = max(maxSeq, d.Seq)
	}
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	old, err := ix.quoteCounts(ctx, ids)
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
			if err := batch.Index(id, articleDoc(d)); err != nil {
				return fmt.Errorf("apply %s: %w", id, err)
			}
			for n, q := range d.Enrichment.Quotes {
				if err := batch.Index(quoteID(id, n), quoteDoc(d, q)); err != nil {
					return fmt.Errorf("apply %s: %w", quoteID(id, n), err)
				}
			}
		}
		for n := kept; n < old[id]; n++ {
			batch.Delete(quoteID(id, n))
		}
	}
	batch.SetInternal(keySeq, []byte(strconv.FormatInt(maxSeq, 10)))
	if err := ix.commit(batch); err != nil {
		return fmt.Errorf("apply %d changes: %w", len(docs), err)
	}
	ix.seq.Store(maxSeq)
	return nil
}

// quoteID is the document id of an article's n-th quotation.
func quoteID(articleID string, n int) string {
	return "q:" + articleID + ":" + strconv.Itoa(n)
}

// quoteArticle is the article id in a quote document's id.
func quoteArticle(quoteID string) string {
	id := strings.TrimPrefix(quoteID, "q:")
	if i := strings.LastIndexByte(id, ':'); i >= 0 {
		id = id[:i]
	}
	return id
}

// quoteCounts reads how many quote documents the index holds for some
// articles, so that an update can delete the ones it no longer has.
func (ix *Index) quoteCounts(ctx context.Context, articleIDs []string) (map[string]int, error) {
	if len(articleIDs) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(articleIDs), len(articleIDs), 0, false)
	req.Fields = []string{fieldQuotes}
	req.Score = bleve.ScoreNone
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("read quote counts of %d articles: %w", len(articleIDs), err)
	}
	out := make(map[string]int, len(res.Hits))
	for _, h := range res.Hits {
		n, err := strconv.Atoi(fieldString(h.Fields[fieldQuotes]))
		if err == nil {
			out[h.ID] = n
		}
	}
	return out, nil
}

// Counts returns how many articles and quotations the index holds.
func (ix *Index) Counts(ctx context.Context) (articles, quotes uint64, err error) {
	count := func(typ string) (uint64, error) {
		req := bleve.NewSearchRequestOptions(termQuery(fieldType, typ), 0, 0, false)
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return 0, fmt.Errorf("count %ss: %w", typ, err)
		}
		return res.Total, nil
	}
	if articles, err = count(typeArticle); err != nil {
		return 0, 0, err
	}
	if quotes, err = count(typeQuote); err != nil {
		return 0, 0, err
	}
	return articles, quotes, nil
}

func termQuery(field, term string) *query.TermQuery {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

// Bleve's dates must fit in int64 nanoseconds since 1970.
var (
	minDate = time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC)
	maxDate = time.Date(2262, 1, 1, 0, 0, 0, 0, time.UTC)
)

// publishedKeyLayout sorts as the dates do: indexable years have four digits.
const publishedKeyLayout = "20060102150405.000000000"

func indexableDate(t time.Time) bool {
	return !t.IsZero() && t.After(minDate) && t.Before(maxDate)
}

// articleDoc is the document of one article, in the fields of newMapping.
func articleDoc(d Doc) map[string]any {
	a, e := d.Article, d.Enrichment
	doc := map[string]any{
		fieldType:   typeArticle,
		fieldTitle:  a.Title,
		fieldBody:   a.Body,
		fieldQuotes: strconv.Itoa(len(e.Quotes)),
	}
	setString(doc, fieldURL, a.URL)
	common(doc, a, e)
	var speakers []string
	for _, q := range e.Quotes {
		speakers = appendNew(speakers, q.Speaker)
	}
	setStrings(doc, fieldSpeaker, speakers)
	return doc
}

// quoteDoc is the document of one quotation, carrying what the filters and
// facets need of its article.
func quoteDoc(d Doc, q extract.Quote) map[string]any {
	doc := map[string]any{
		fieldType:  typeQuote,
		fieldQuote: q.Text,
	}
	common(doc, d.Article, d.Enrichment)
	setString(doc, fieldSpeaker, q.Speaker)
	setString(doc, fieldSpeakerType, q.SpeakerType)
	return doc
}

// common sets the fields articles and quotes share.
func common(doc map[string]any, a store.Article, e extract.Enrichment) {
	setString(doc, fieldSource, a.Source)
	if indexableDate(a.Published) {
		p := a.Published.UTC()
		doc[fieldPublished] = p
		doc[fieldPublishedKey] = p.Format(publishedKeyLayout)
		doc[fieldYear] = strconv.Itoa(p.Year())
	}
	people, orgs, countries, topics := e.Names()
	setStrings(doc, fieldPerson, distinct(people))
	setStrings(doc, fieldOrg, distinct(orgs))
	setStrings(doc, fieldCountry, distinct(countries))
	setStrings(doc, fieldTopic, distinct(topics))
}

// distinct returns the non-empty values of s, each once, in order.
func distinct(s []string) []string {
	var out []string
	for _, v := range s {
		out = appendNew(out, v)
	}
	return out
}

func appendNew(s []string, v string) []string {
	if v == "" || slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// setString leaves empty values out: an empty keyword would be a facet value.
func setString(doc map[string]any, field, v string) {
	if v != "" {
		doc[field] = v
	}
}

func setStrings(doc map[string]any, field string, vs []string) {
	if len(vs) > 0 {
		doc[field] = vs
	}
}

// fieldString reads a stored single-valued field of a hit.
func fieldString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

// fieldStrings reads a stored multi-valued field of a hit: Bleve returns a
// single value bare and several as a slice.
func fieldStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// warmEvery is how often a served index looks for new segments to read
// facet tables from.
const warmEvery = time.Second

// KeepWarm reads the facet tables of new segments (written by a batch or a
// merge) in the background, every second, until Close: a search would
// otherwise read them itself, and the first search after a merge of large
// segments would wait seconds. An index that serves searches wants it; one
// being built does not.
func (ix *Index) KeepWarm() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.warmStop != nil {
		return
	}
	ix.warmStop, ix.warmDone = make(chan struct{}), make(chan struct{})
	go func(stop, done chan struct{}) {
		defer close(done)
		t := time.NewTicker(warmEvery)
		defer t.Stop()
		for {
			if err := ix.warmSafely(); err != nil {
				slog.Warn("read facet tables", "dir", ix.dir, "err", err)
				if ix.readFailed != nil {
					ix.readFailed(err)
				}
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}(ix.warmStop, ix.warmDone)
}

// snapshot opens a reader on the index's current segments, for the code
// that reads them directly (facet tables, word searches, the home page).
// snap is nil if the index is not a scorch index; close must be called
// either way once err is nil.
func (ix *Index) snapshot() (snap *scorch.IndexSnapshot, close func() error, err error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, nil, err
	}
	snap, _ = r.(*scorch.IndexSnapshot)
	return snap, r.Close, nil
}

// warm reads the facet tables of the current segments that have none yet,
// and the order of their values.
func (ix *Index) warm() error {
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		return err
	}
	defer closeSnap()
	if snap == nil {
		return nil
	}
	segs, values, err := ix.facets.snapshotTables(snap)
	if err != nil {
		return err
	}
	ids := make([]uint64, len(snap.Segments()))
	for i, ss := range snap.Segments() {
		ids[i] = ss.Id()
	}
	ix.facets.candidates(ids, segs, values, false)
	ix.facets.candidates(ids, segs, values, true)
	if err := ix.facets.impacts.warmImpacts(snap, segmentsKey(ids)); err != nil {
		return fmt.Errorf("impact lists: %w", err)
	}
	// The home page's counts, when the index has changed since they were
	// taken (at most every 10 s while it keeps changing): its next visitor
	// then finds them kept.
	if !ix.keptAll(false) && time.Since(ix.countedAllAt) >= 10*time.Second {
		ix.countedAllAt = time.Now()
		if _, _, err := ix.countAll(context.Background(), false); err != nil {
			return err
		}
	}
	return nil
}
