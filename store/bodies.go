package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
)

// Bodies stored once. A wire story (AP, Reuters, PA) reaches an archive
// verbatim from every outlet that ran it, and the body is most of a row:
// so on SQLite every long body (compressFrom bytes or more) is kept in the
// bodies table, once for all the articles that have that text, each of
// which refers to it by body_id, its own body column left empty. A bodies
// row counts the articles that refer to it (refs): a put, an update to
// other text and a delete move the counts inside their write transaction,
// and the row goes with the last article that refers to it, so that
// deleting or rewriting the first article stored with a body loses
// nothing for the others, and an article's old body does not stay behind
// when it changes.
//
// A body is found by its key, a hash of the text, in an index that holds
// only the bodies a copy may want (indexed): a random write into an index
// per article is what most articles of most archives, the first of their
// story (the detector of copies, groups.go, says which), would pay for
// nothing. So the first article of a story adds its body unindexed, with
// no look-up; the first copy of it that finds the same key on its story's
// first article's body indexes that body and shares it; any other article
// (a copy, an edited copy, a later version) looks its text up by key, and
// adds it indexed if it is not there, so that two outlets running the same
// later version share it too. Two identical articles the detector did not
// group each keep their own, as the first of a story; with NoGroups (no
// detector) every body is looked up and indexed. A body never leaves its
// row of the bodies table, and indexing it changes no byte of it (indexed
// is 0 or 1, which SQLite keeps in the row's header), so sharing leaves no
// hole in a page.
//
// A row whose body_id is NULL holds its own body (text, or a zstd frame),
// as every row did before format 4 and as short bodies still do, so an
// older store is read as it is, without a rewrite; a copy of an old row's
// text is added as any other. Only a body identical byte for byte is
// shared; an edited copy of a wire story keeps its own.
//
// PostgreSQL keeps every body in its row (sharesBodies): it has no store
// format that an older cuttings checks, so a node not yet upgraded in a
// cluster sharing the database would read a shared body as an empty one.

// sharedBodiesFormat is the first SQLite store format with the bodies
// table (storeFormat).
const sharedBodiesFormat = 4

// bodyKeySize is how much of the SHA-256 of a body's text the bodies
// table keys it by: as with content hashes (storedHashSize), 128 bits
// never collide by accident among the bodies an archive will hold.
const bodyKeySize = 16

func bodyKey(body string) []byte {
	sum := sha256.Sum256([]byte(body))
	return sum[:bodyKeySize]
}

// sharedBodiesSchema is the bodies table and its index by key of the
// bodies a copy may look up. The body is the last column so that the
// small ones come first in the row.
var sharedBodiesSchema = []string{
	`CREATE TABLE IF NOT EXISTS bodies (
		id      INTEGER PRIMARY KEY,
		hash    BLOB NOT NULL,
		refs    INTEGER NOT NULL,
		indexed INTEGER NOT NULL,
		body    BLOB NOT NULL
	)`,
	`CREATE UNIQUE INDEX IF NOT EXISTS bodies_hash ON bodies (hash) WHERE indexed = 1`,
}

// articlesWithBodies is the FROM clause of a query that reads articles,
// as a, with their bodies, and body the value of an article's body: its
// own column, or the shared body its body_id names. A body_id naming no
// row reads as NULL, which unpackBody refuses rather than read as empty.
func (s *Store) articlesWithBodies() (from, body string) {
	if !s.sharedBodies {
		return `articles a`, `a.body`
	}
	return `articles a LEFT JOIN bodies b ON b.id = a.body_id`,
		`CASE WHEN a.body_id IS NULL THEN a.body ELSE b.body END`
}

// bodyStatements are a write transaction's statements on shared bodies,
// prepared only where bodies are shared: those a put of a long body
// makes. A release, on an update or a delete, is rarer and not prepared.
// None has a RETURNING clause: SQLite then keeps a statement journal of
// every page the statement changes, which halved the rate of PutBatch.
type bodyStatements struct {
	find, hashOf, firstOf, refer, index, insert *sql.Stmt
}

func (b *bodyStatements) prepare(ctx context.Context, tx *sql.Tx) error {
	for _, st := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&b.find, `SELECT id FROM bodies WHERE hash = ? AND indexed = 1`},
		{&b.hashOf, `SELECT hash FROM bodies WHERE id = ?`},
		// The first article's body, if it is this text and not yet indexed.
		{&b.firstOf, `SELECT b.id FROM articles a JOIN bodies b ON b.id = a.body_id
			WHERE a.id = ? AND a.deleted = 0 AND b.hash = ? AND b.indexed = 0`},
		{&b.refer, `UPDATE bodies SET refs = refs + 1 WHERE id = ?`},
		{&b.index, `UPDATE bodies SET refs = refs + 1, indexed = 1 WHERE id = ?`},
		{&b.insert, `INSERT INTO bodies (hash, refs, indexed, body) VALUES (?, 1, ?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, st.q)
		if err != nil {
			return fmt.Errorf("prepare: %w", err)
		}
		*st.dst = stmt
	}
	return nil
}

func (b *bodyStatements) close() {
	for _, st := range []*sql.Stmt{b.find, b.hashOf, b.firstOf, b.refer, b.index, b.insert} {
		if st != nil {
			st.Close()
		}
	}
}

// shareBody returns the id of the body in the bodies table that holds
// text for an article, counted for it: had, the body the article refers
// to already (an update), if it is that text; a new unindexed one for the
// first article of a story (first); for any other, the indexed one with
// that text, or the unindexed one of copied (the first article of its
// story, whose signature is the article's) if it is that text, which is
// indexed then, or a new indexed one.
func (p *putter) shareBody(ctx context.Context, text string, had sql.NullInt64, first bool, copied string) (int64, error) {
	key := bodyKey(text)
	if had.Valid {
		var k []byte
		if err := p.shared.hashOf.QueryRowContext(ctx, had.Int64).Scan(&k); err != nil {
			return 0, fmt.Errorf("read the key of shared body %d: %w", had.Int64, err)
		}
		if bytes.Equal(k, key) {
			return had.Int64, nil
		}
	}
	if first {
		return p.insertBody(ctx, key, text, false)
	}
	var id int64
	err := p.shared.find.QueryRowContext(ctx, key).Scan(&id)
	switch {
	case err == nil:
		if _, err := p.shared.refer.ExecContext(ctx, id); err != nil {
			return 0, fmt.Errorf("refer to shared body %d: %w", id, err)
		}
		return id, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, fmt.Errorf("look up shared body: %w", err)
	}
	if copied != "" {
		err := p.shared.firstOf.QueryRowContext(ctx, copied, key).Scan(&id)
		switch {
		case err == nil:
			if _, err := p.shared.index.ExecContext(ctx, id); err != nil {
				return 0, fmt.Errorf("share the body of %s: %w", copied, err)
			}
			return id, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, fmt.Errorf("look up the body of %s: %w", copied, err)
		}
	}
	return p.insertBody(ctx, key, text, true)
}

// insertBody adds text to the bodies table for one article.
func (p *putter) insertBody(ctx context.Context, key []byte, text string, indexed bool) (int64, error) {
	res, err := p.shared.insert.ExecContext(ctx, key, indexed, p.packBody(text))
	var id int64
	if err == nil {
		id, err = res.LastInsertId() // the rowid, which id is
	}
	if err != nil {
		return 0, fmt.Errorf("insert shared body: %w", err)
	}
	return id, nil
}

// releaseBody counts one article fewer referring to shared body id, and
// removes the body when none is left.
func releaseBody(ctx context.Context, tx *sql.Tx, id int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE bodies SET refs = refs - 1 WHERE id = ?`, id)
	var n int64
	if err == nil {
		n, err = res.RowsAffected()
	}
	switch {
	case err != nil:
		return fmt.Errorf("release shared body %d: %w", id, err)
	case n == 0:
		return fmt.Errorf("release shared body %d: not in the bodies table", id)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM bodies WHERE id = ? AND refs <= 0`, id); err != nil {
		return fmt.Errorf("remove shared body %d: %w", id, err)
	}
	return nil
}
