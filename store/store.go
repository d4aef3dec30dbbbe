package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// ErrNotFound is returned for an article that does not exist or was deleted.
var ErrNotFound = errors.New("article not found")

// PutResult says what a Put did to the store.
type PutResult int

// The outcomes of a Put.
const (
	Added     PutResult = iota + 1 // a new article, or a deleted one brought back
	Updated                        // an existing article whose content changed
	Unchanged                      // an existing article, identical; nothing written
)

// String returns the result in lower case, as the CLI prints it.
func (r PutResult) String() string {
	switch r {
	case Added:
		return "added"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return fmt.Sprintf("PutResult(%d)", int(r))
}

// Change is one entry of the change feed: the latest state of one article.
type Change struct {
	Seq     int64
	ID      string
	Deleted bool
	Article Article // empty when Deleted
}

// DefaultChangesLimit is how many changes Changes returns when asked for
// limit <= 0; a follower reads the feed in pages, never all at once.
const DefaultChangesLimit = 1000

// Store is the archive's system of record, a SQL database. It is safe for
// concurrent use, and several Stores (in several processes) may share one
// database.
type Store struct {
	db *sql.DB
	d  dialect
	// writeMu serialises this Store's own write transactions so that they
	// queue in Go instead of spinning in the database's busy handler; writers
	// in other processes are still kept apart by the database's lock.
	writeMu sync.Mutex
	groups  *grouper // nil with Options.NoGroups
	bodies  codecs
	// sharedBodies says the store keeps a body once for the articles
	// that have it (bodies.go): articles have body_id, and there is a
	// bodies table, which reads join.
	sharedBodies bool
}

// Open opens the store named by dsn: a data directory (created if missing)
// holding the SQLite database cuttings.db, or a postgres:// URL. A store
// written before articles were grouped has its articles signed and
// grouped on the first open (about a minute per million articles).
func Open(ctx context.Context, dsn string) (*Store, error) {
	return OpenWith(ctx, dsn, Options{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, dsn string, opts Options) (*Store, error) {
	if dsn == "" {
		return nil, errors.New("open store: empty data directory")
	}
	d, db, err := openDialect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, d: d}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", d.name(), err)
	}
	if err := s.loadDicts(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", d.name(), err)
	}
	if !opts.NoGroups {
		s.groups = &grouper{}
		if err := s.backfill(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: %w", d.name(), err)
		}
	}
	return s, nil
}

// Close closes the database and gives back the detector's memory.
func (s *Store) Close() error {
	s.writeMu.Lock()
	s.forgetGroups()
	s.writeMu.Unlock()
	return s.db.Close()
}

func (s *Store) migrate(ctx context.Context) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, q := range s.d.schema() {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("create schema: %w", err)
			}
		}
		// Groups of copies (groups.go): columns added to stores written
		// before them, and an index that finds the articles still to sign.
		// body_id (bodies.go) on both dialects, so that both write the
		// same statements; on PostgreSQL it stays NULL.
		for _, c := range [][2]string{{"group_id", "TEXT"}, {"signature", s.d.blob()}, {"body_id", "BIGINT"}} {
			if err := s.d.addColumn(ctx, tx, c[0], c[1]); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS articles_unsigned ON articles (seq)
			WHERE signature IS NULL AND deleted = 0`); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
		if err := s.checkSignatureVersion(ctx, tx); err != nil {
			return err
		}
		if s.d.compresses() {
			if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS body_dicts (id INTEGER PRIMARY KEY, dict BLOB NOT NULL)`); err != nil {
				return fmt.Errorf("create schema: %w", err)
			}
			if err := checkFormat(ctx, tx); err != nil {
				return err
			}
		}
		if s.d.sharesBodies() {
			for _, q := range sharedBodiesSchema {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					return fmt.Errorf("create schema: %w", err)
				}
			}
			s.sharedBodies = true
		}
		return nil
	})
}

// write runs fn in a write transaction that holds the database's write lock
// from its first statement, so that reading the last seq and writing the next
// one cannot interleave with another writer.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := s.d.lockForWrite(ctx, tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("lock: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		s.forgetGroups()
		return err
	}
	if err := tx.Commit(); err != nil {
		s.forgetGroups()
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// forgetGroups drops the detector after a write that did not commit: it
// may hold articles that were never stored. The next write loads it again.
func (s *Store) forgetGroups() {
	if s.groups != nil && s.groups.det != nil {
		s.groups.det.Release()
		s.groups.det = nil
	}
}

// Put inserts or updates one article and fills a.ID when it was empty.
func (s *Store) Put(ctx context.Context, a *Article) (PutResult, error) {
	var (
		res PutResult
		sig *signed
	)
	if s.groups != nil {
		sg := sign(a.Body)
		sig = &sg
	}
	if err := s.trainDict(ctx); err != nil {
		return 0, fmt.Errorf("put %s: %w", a.ID, err)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		p, err := s.preparePut(ctx, tx)
		if err != nil {
			return err
		}
		defer p.close()
		if res, err = p.put(ctx, a, sig); err != nil {
			return err
		}
		return p.done()
	})
	if err != nil {
		return 0, fmt.Errorf("put %s: %w", a.ID, err)
	}
	return res, nil
}

// PutBatch puts several articles in one transaction, filling their IDs in
// place. Either all are written or, on error, none.
func (s *Store) PutBatch(ctx context.Context, as []Article) ([]PutResult, error) {
	results := make([]PutResult, len(as))
	if len(as) == 0 {
		return results, nil
	}
	ids := make([]string, len(as)) // to restore on rollback
	groups := make([]string, len(as))
	for i := range as {
		ids[i], groups[i] = as[i].ID, as[i].Group
	}
	var sg *signer
	if s.groups != nil {
		bodies := make([]string, len(as))
		for i := range as {
			bodies[i] = as[i].Body
		}
		sg = startSigning(bodies)
		defer sg.stop()
	}
	if err := s.trainDict(ctx); err != nil {
		return nil, fmt.Errorf("put batch: %w", err)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		p, err := s.preparePut(ctx, tx)
		if err != nil {
			return err
		}
		defer p.close()
		for i := range as {
			var sig *signed
			if sg != nil {
				sig = sg.get(i)
			}
			r, err := p.put(ctx, &as[i], sig)
			if err != nil {
				return fmt.Errorf("put article %d (%s): %w", i, as[i].ID, err)
			}
			results[i] = r
		}
		return p.done()
	})
	if err != nil {
		for i := range as {
			as[i].ID, as[i].Group = ids[i], groups[i]
		}
		return nil, fmt.Errorf("put batch: %w", err)
	}
	return results, nil
}

// putter holds one write transaction's prepared statements and the last seq.
type putter struct {
	*Store
	tx                                  *sql.Tx
	seq                                 int64
	byID, byURL, insert, update, maxSeq *sql.Stmt
	founder                             *sql.Stmt      // a group's first article's signature (copyMark)
	shared                              bodyStatements // on the bodies table, where bodies are shared
}

const articleColumns = `url, canonical_url, title, authors, source, published, language, body, content_hash`

// readArticles starts a query that reads articles, as a, for
// scanChanges: what Get and Changes read of an article.
func (s *Store) readArticles() string {
	from, body := s.articlesWithBodies()
	return `SELECT a.id, a.seq, a.deleted, a.url, a.canonical_url, a.title, a.authors, a.source, a.published, a.language, ` +
		body + `, a.content_hash, a.group_id FROM ` + from
}

func (s *Store) preparePut(ctx context.Context, tx *sql.Tx) (*putter, error) {
	p := &putter{Store: s, tx: tx}
	for _, st := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&p.byID, `SELECT deleted, content_hash, group_id, body_id FROM articles WHERE id = ?`},
		// Prefer a live article, then the most recently written tombstone.
		{&p.byURL, `SELECT id FROM articles WHERE canonical_url = ? ORDER BY deleted, seq DESC LIMIT 1`},
		{&p.insert, `INSERT INTO articles (id, seq, deleted, ` + articleColumns + `, group_id, signature, body_id)
			VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		// Without a new group (NoGroups) the old one stays, for backfill
		// to keep when it signs the new text.
		{&p.update, `UPDATE articles SET seq = ?, deleted = 0, url = ?, canonical_url = ?, title = ?, authors = ?, source = ?,
			published = ?, language = ?, body = ?, content_hash = ?, group_id = COALESCE(?, group_id), signature = ?, body_id = ?
			WHERE id = ?`},
		{&p.maxSeq, `SELECT COALESCE(MAX(seq), 0) FROM articles`},
		{&p.founder, `SELECT signature FROM articles WHERE id = ? AND group_id = id AND deleted = 0`},
	} {
		stmt, err := tx.PrepareContext(ctx, s.d.rebind(st.q))
		if err != nil {
			p.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*st.dst = stmt
	}
	if s.sharedBodies {
		if err := p.shared.prepare(ctx, tx); err != nil {
			p.close()
			return nil, err
		}
	}
	if err := p.maxSeq.QueryRowContext(ctx).Scan(&p.seq); err != nil {
		p.close()
		return nil, fmt.Errorf("read last seq: %w", err)
	}
	if s.groups != nil {
		if err := s.syncGroups(ctx, tx, p.seq); err != nil {
			p.close()
			return nil, err
		}
	}
	return p, nil
}

// done records, once every put of the transaction is made, that the
// detector holds the store up to the last seq written.
func (p *putter) done() error {
	if p.groups != nil {
		p.groups.seq = p.seq
	}
	return nil
}

func (p *putter) close() {
	for _, st := range []*sql.Stmt{p.byID, p.byURL, p.insert, p.update, p.maxSeq, p.founder} {
		if st != nil {
			st.Close()
		}
	}
	p.shared.close()
}

// put writes one article; sig is its body's signature, nil with NoGroups.
func (p *putter) put(ctx context.Context, a *Article, sig *signed) (PutResult, error) {
	canonical := CanonicalURL(a.URL)
	if a.ID == "" && canonical != "" {
		var id string
		err := p.byURL.QueryRowContext(ctx, canonical).Scan(&id)
		switch {
		case err == nil:
			a.ID = id
		case errors.Is(err, sql.ErrNoRows):
			a.ID = URLID(canonical)
		default:
			return 0, fmt.Errorf("look up url: %w", err)
		}
	}
	if a.ID == "" {
		a.ID = ContentID(a.Title, a.Body)
	}

	row := newRow(a, canonical)
	var (
		deleted  bool
		oldHash  any
		oldGroup sql.NullString
		oldBody  sql.NullInt64 // the shared body it refers to
	)
	err := p.byID.QueryRowContext(ctx, a.ID).Scan(&deleted, &oldHash, &oldGroup, &oldBody)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("look up id: %w", err)
	}
	if exists && !deleted && sameHash(oldHash, row.hash) {
		a.Group = ""
		if oldGroup.String != a.ID {
			a.Group = oldGroup.String
		}
		return Unchanged, nil
	}
	p.seq++
	var (
		group     sql.NullString
		signature []byte
		// copied is the first article of the story when this one's text
		// is most likely its text (their signatures are the same).
		copied string
	)
	if sig != nil {
		if deleted {
			oldGroup = sql.NullString{} // a story brought back is matched afresh
		}
		group = sql.NullString{String: p.assign(a.ID, oldGroup, sig.Signature), Valid: true}
		signature = sig.blob
		if group.String != a.ID {
			var founder []byte
			err := p.founder.QueryRowContext(ctx, group.String).Scan(&founder)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return 0, fmt.Errorf("look up the signature of %s: %w", group.String, err)
			}
			if bytes.Equal(founder, sig.blob) {
				signature = copyMark(sig.blob)
				copied = group.String
			}
		}
	}
	a.Group = ""
	if g := groupOr(group, a.ID); g != a.ID {
		a.Group = g
	}
	// Without the detector (NoGroups) no article is known to be the first
	// of its story.
	first := sig != nil && group.String == a.ID
	body, bodyID, err := p.storedBody(ctx, row.body, oldBody, first, copied)
	if err != nil {
		return 0, err
	}
	if !exists {
		if _, err := p.insert.ExecContext(ctx, a.ID, p.seq, row.url, row.canonical, row.title, row.authors,
			row.source, p.packPublished(row), row.language, body, p.packHash(row.hash), group, signature, bodyID); err != nil {
			return 0, fmt.Errorf("insert: %w", err)
		}
		return Added, nil
	}
	if _, err := p.update.ExecContext(ctx, p.seq, row.url, row.canonical, row.title, row.authors,
		row.source, p.packPublished(row), row.language, body, p.packHash(row.hash), group, signature, bodyID, a.ID); err != nil {
		return 0, fmt.Errorf("update: %w", err)
	}
	// The article's old text, if shared, has one article fewer that
	// refers to it.
	if oldBody.Valid && oldBody != bodyID {
		if err := releaseBody(ctx, p.tx, oldBody.Int64); err != nil {
			return 0, err
		}
	}
	if deleted {
		return Added, nil
	}
	return Updated, nil
}

// storedBody is what an article's body column holds and the body in the
// bodies table it refers to, if any (bodies.go): a long body on a store
// that shares bodies is there, a short one, or any on a store that does
// not, in the row. had is the body the article refers to already; first
// says it is the first article of its story; copied names that first
// article when the two have the same signature.
func (p *putter) storedBody(ctx context.Context, text string, had sql.NullInt64, first bool, copied string) (any, sql.NullInt64, error) {
	if !p.sharedBodies || len(text) < compressFrom {
		return p.packBody(text), sql.NullInt64{}, nil
	}
	id, err := p.shareBody(ctx, text, had, first, copied)
	if err != nil {
		return nil, sql.NullInt64{}, err
	}
	return "", sql.NullInt64{Int64: id, Valid: true}, nil
}

// row is an Article in the form the database keeps it.
type row struct {
	url, title                    string
	canonical, authors, published sql.NullString
	source, language, body        string
	hash                          []byte    // SHA-256
	at                            time.Time // published, as formatTime keeps it
}

func newRow(a *Article, canonical string) row {
	r := row{
		url: a.URL, title: a.Title, source: a.Source, language: a.Language, body: a.Body,
		canonical: sql.NullString{String: canonical, Valid: canonical != ""},
	}
	if len(a.Authors) > 0 {
		b, _ := json.Marshal(a.Authors) // []string always marshals
		r.authors = sql.NullString{String: string(b), Valid: true}
	}
	if !a.Published.IsZero() {
		r.published = sql.NullString{String: formatTime(a.Published), Valid: true}
		r.at = a.Published.UTC().Truncate(time.Second)
	}
	r.hash = r.contentHash()
	return r
}

// contentHash covers every stored field, so Unchanged means Get would return
// exactly what it returned before.
func (r row) contentHash() []byte {
	h := sha256.New()
	for _, f := range []string{r.url, r.title, r.authors.String, r.source, r.published.String, r.language, r.body} {
		// Length-prefixed so that moving text between fields changes the hash.
		fmt.Fprintf(h, "%d:%s\x00", len(f), f)
	}
	return h.Sum(nil)
}

// packHash is the value a content hash is written as: its first
// storedHashSize bytes on SQLite; hex on PostgreSQL, whose column is text.
// Stores before format 2 kept the 64 hex digits on SQLite too, and format
// 2 the 32 bytes.
func (s *Store) packHash(h []byte) any { return packHash(s.d, h) }

// storedHashSize is how much of a SHA-256 content hash SQLite keeps: it
// only tells an unchanged article from a changed one, for which 128 bits
// are as good as 256 (no accidental collision among any number of
// articles an archive will hold), at half the bytes.
const storedHashSize = 16

// packHash is Store.packHash for a dialect, for writers without a Store
// (the tests' stores of earlier formats).
func packHash(d dialect, h []byte) any {
	if d.compresses() {
		return h[:storedHashSize]
	}
	return hex.EncodeToString(h)
}

// sameHash says whether a stored content hash, bytes (whole, or the first
// storedHashSize) or hex (as every PostgreSQL store and SQLite stores
// before format 2 keep it), is h.
func sameHash(stored any, h []byte) bool {
	switch v := stored.(type) {
	case []byte:
		switch len(v) {
		case len(h):
			return bytes.Equal(v, h)
		case storedHashSize:
			return bytes.Equal(v, h[:storedHashSize])
		}
		return string(v) == hex.EncodeToString(h)
	case string:
		return v == hex.EncodeToString(h)
	}
	return false
}

// formatTime is how Published was stored before format 3, and still is on
// PostgreSQL and in the content hash: UTC, RFC 3339, to the second.
// Sub-second precision is dropped because no news date carries it.
func formatTime(t time.Time) string {
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// publishedTag starts a date as SQLite keeps it since format 3: the tag,
// then its Unix seconds as a signed varint, 6 bytes where the RFC 3339 text
// is 20. No query compares dates in SQL (the index does), so the column
// need not sort. The tag is no digit, so the text form is told apart.
const publishedTag = 0x01

// packPublished is the value a row's date is written as: the tagged bytes
// on SQLite, the text on PostgreSQL, whose column is text.
func (s *Store) packPublished(r row) any {
	if !r.published.Valid || !s.d.compresses() {
		return r.published
	}
	return packTime(r.at)
}

func packTime(t time.Time) []byte {
	return binary.AppendVarint([]byte{publishedTag}, t.Unix())
}

// parsePublished reads a stored date in either form.
func parsePublished(s string) (time.Time, error) {
	if len(s) > 0 && s[0] == publishedTag {
		secs, n := binary.Varint([]byte(s[1:]))
		if n <= 0 || n != len(s)-1 {
			return time.Time{}, fmt.Errorf("bad date bytes %x", s)
		}
		return time.Unix(secs, 0).UTC(), nil
	}
	return time.Parse(time.RFC3339, s)
}

// ContentID is the id given to an article with neither id nor URL: a hash of
// its title and body, so the same text put twice is the same article.
func ContentID(title, body string) string {
	sum := sha256.Sum256([]byte(title + "\x00" + body))
	return "sha-" + hex.EncodeToString(sum[:8])
}

// URLID is the id given to a new article that has a URL but no id: a hash of
// its canonical URL, so that every node of a cluster derives the same id.
func URLID(canonical string) string {
	sum := sha256.Sum256([]byte(canonical))
	return "url-" + hex.EncodeToString(sum[:8])
}

// Get returns the live article with the given id, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Article, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(s.readArticles()+` WHERE a.id = ? AND a.deleted = 0`), id)
	if err != nil {
		return Article{}, fmt.Errorf("get %s: %w", id, err)
	}
	changes, err := s.scanChanges(rows)
	if err != nil {
		return Article{}, fmt.Errorf("get %s: %w", id, err)
	}
	if len(changes) == 0 {
		return Article{}, fmt.Errorf("get %s: %w", id, ErrNotFound)
	}
	return changes[0].Article, nil
}

// bodiesPage is how many ids one Bodies query asks for, well under
// SQLite's and PostgreSQL's limits on bound parameters.
const bodiesPage = 500

// Bodies returns the bodies of the live articles among ids, by id; an id
// with no live article is left out. It reads in pages of a few hundred ids
// a query, for callers that need many bodies at once (checking a phrase
// against every article that has its words).
//
// Copies of a story share one body (bodies.go). Their articles are read
// first, without it, and then each shared body once a call: reading it
// beside every article that has it read and decompressed one copy of a
// story's text per copy. The copies get the one string, which a phrase
// check then reads once (index/engine's phrase.go).
func (s *Store) Bodies(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	cols := `a.id, a.body, a.deleted`
	if s.sharedBodies {
		cols = `a.id, CASE WHEN a.body_id IS NULL THEN a.body END, a.deleted, a.body_id`
	}
	shared := map[int64][]string{} // a shared body's id -> the articles that have it
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	err := s.inPages(ctx, args, `SELECT `+cols+` FROM articles a WHERE a.id IN `, func(rows *sql.Rows) error {
		var id string
		var body any
		var deleted int
		var bodyID sql.NullInt64
		dst := []any{&id, &body, &deleted}
		if s.sharedBodies {
			dst = append(dst, &bodyID)
		}
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		switch {
		case deleted != 0:
		case bodyID.Valid:
			shared[bodyID.Int64] = append(shared[bodyID.Int64], id)
		default:
			text, err := s.unpackBody(body)
			if err != nil {
				return fmt.Errorf("read body of %s: %w", id, err)
			}
			out[id] = text
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(shared) == 0 {
		return out, nil
	}
	bodyIDs := make([]any, 0, len(shared))
	for b := range shared {
		bodyIDs = append(bodyIDs, b)
	}
	err = s.inPages(ctx, bodyIDs, `SELECT id, body FROM bodies WHERE id IN `, func(rows *sql.Rows) error {
		var b int64
		var body any
		if err := rows.Scan(&b, &body); err != nil {
			return err
		}
		text, err := s.unpackBody(body)
		if err != nil {
			return fmt.Errorf("read body of %s: %w", shared[b][0], err)
		}
		for _, id := range shared[b] {
			out[id] = text
		}
		delete(shared, b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A body an article points to and the table lacks: a store damaged
	// outside cuttings.
	for b, ids := range shared {
		return nil, fmt.Errorf("read body of %s: its body (%d) is missing from the bodies table", ids[0], b)
	}
	return out, nil
}

// inPages runs query, which ends in "IN ", with the values of args as its
// list, bodiesPage of them a query, and hands each row to row.
func (s *Store) inPages(ctx context.Context, args []any, query string, row func(*sql.Rows) error) error {
	for len(args) > 0 {
		page := args[:min(bodiesPage, len(args))]
		args = args[len(page):]
		marks := strings.Repeat("?,", len(page))
		// Deleted rows are skipped by the caller, not in SQL: with
		// "deleted = 0" beside the ids, SQLite may pick the index on
		// deleted and read every live row.
		rows, err := s.db.QueryContext(ctx, s.d.rebind(query+`(`+marks[:len(marks)-1]+`)`), page...)
		if err != nil {
			return fmt.Errorf("read %d bodies: %w", len(page), err)
		}
		for rows.Next() {
			if err := row(rows); err != nil {
				rows.Close()
				return fmt.Errorf("read %d bodies: %w", len(page), err)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("read %d bodies: %w", len(page), err)
		}
	}
	return nil
}

// Delete removes an article, leaving a tombstone in the change feed so that
// followers drop it too. It returns ErrNotFound if there is no live article
// with that id.
func (s *Store) Delete(ctx context.Context, id string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var seq int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&seq); err != nil {
			return fmt.Errorf("read last seq: %w", err)
		}
		var shared sql.NullInt64
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT body_id FROM articles WHERE id = ? AND deleted = 0`), id).Scan(&shared)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return ErrNotFound
		case err != nil:
			return fmt.Errorf("look up id: %w", err)
		}
		// The tombstone keeps id and canonical URL, so putting the same URL
		// again brings the article back under its old id; the content goes,
		// and a shared body has one reader fewer.
		if _, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE articles SET seq = ?, deleted = 1, title = '', authors = NULL,
			source = '', published = NULL, language = '', body = '', content_hash = '', group_id = NULL, signature = NULL,
			body_id = NULL WHERE id = ? AND deleted = 0`), seq+1, id); err != nil {
			return err
		}
		if shared.Valid {
			return releaseBody(ctx, tx, shared.Int64)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	return nil
}

// Changes returns up to limit changes with Seq > after, in Seq order; each
// article appears once, in its latest state. limit <= 0 means
// DefaultChangesLimit.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]Change, error) {
	if limit <= 0 {
		limit = DefaultChangesLimit
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(s.readArticles()+`
		WHERE a.seq > ? ORDER BY a.seq LIMIT ?`), after, limit)
	if err != nil {
		return nil, fmt.Errorf("changes after %d: %w", after, err)
	}
	changes, err := s.scanChanges(rows)
	if err != nil {
		return nil, fmt.Errorf("changes after %d: %w", after, err)
	}
	return changes, nil
}

func (s *Store) scanChanges(rows *sql.Rows) ([]Change, error) {
	defer rows.Close()
	var changes []Change
	for rows.Next() {
		var (
			c                  Change
			a                  Article
			canonical, hash    sql.NullString
			authors, published sql.NullString
			group              sql.NullString
			body               any
		)
		if err := rows.Scan(&c.ID, &c.Seq, &c.Deleted, &a.URL, &canonical, &a.Title, &authors,
			&a.Source, &published, &a.Language, &body, &hash, &group); err != nil {
			return nil, err
		}
		if !c.Deleted {
			var err error
			if a.Body, err = s.unpackBody(body); err != nil {
				return nil, fmt.Errorf("article %s: %w", c.ID, err)
			}
			a.ID = c.ID
			if group.String != c.ID {
				a.Group = group.String // the article copies the group's first
			}
			if authors.Valid {
				if err := json.Unmarshal([]byte(authors.String), &a.Authors); err != nil {
					return nil, fmt.Errorf("article %s: authors: %w", c.ID, err)
				}
			}
			if published.Valid {
				t, err := parsePublished(published.String)
				if err != nil {
					return nil, fmt.Errorf("article %s: published: %w", c.ID, err)
				}
				a.Published = t
			}
			c.Article = a
		}
		changes = append(changes, c)
	}
	return changes, rows.Err()
}

// LastSeq returns the seq of the latest write, 0 for an empty store.
func (s *Store) LastSeq(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("last seq: %w", err)
	}
	return seq, nil
}

// Count returns the number of live (not deleted) articles: every row less
// the tombstones, each counted on the smallest index that holds it
// (partialIndexes).
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles) -
		(SELECT COUNT(*) FROM articles WHERE deleted <> 0)`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	return n, nil
}

// rebindDollar numbers the "?" placeholders of a query $1, $2, ... as
// PostgreSQL wants. No query here has a "?" inside a string literal.
func rebindDollar(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// partialIndexes index only the rows a query looks for, in both dialects:
// the articles that have a URL (one without, as many are, is never looked
// up by it), and the tombstones (Count takes them from every row). Until
// format 3 every row was in both, about 10 bytes a row each; the old
// indexes are dropped when a store is opened.
var partialIndexes = []string{
	`DROP INDEX IF EXISTS articles_canonical_url`,
	`CREATE INDEX IF NOT EXISTS articles_url ON articles (canonical_url) WHERE canonical_url IS NOT NULL`,
	`DROP INDEX IF EXISTS articles_deleted`,
	`CREATE INDEX IF NOT EXISTS articles_tombstones ON articles (seq) WHERE deleted <> 0`,
}
