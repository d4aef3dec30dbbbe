package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
)

// Bodies stored once. A wire story (AP, Reuters, PA) reaches an archive
// verbatim from every outlet that ran it, and the body is most of a row:
// so on SQLite a body of compressFrom bytes or more is kept once, in the
// bodies table, and each article with that text refers to it by body_id,
// its own body column left empty. A bodies row counts the articles that
// refer to it (refs): a put, an update to other text and a delete move
// the counts inside their write transaction, and the row goes with the
// last article that refers to it, so that deleting or rewriting the first
// article stored with a body loses nothing for the others, and an
// article's old body does not stay behind when it changes.
//
// A row whose body_id is NULL holds its own body (text, or a zstd frame),
// as every row did before format 4 and as short bodies still do: a shared
// body's key and its index entry cost more than a short body. So an older
// store is read as it is, without a rewrite. Only a body identical byte
// for byte is shared; an edited copy of a wire story keeps its own.
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

// sharedBodiesSchema is the bodies table and its index by key. The body
// is the last column so that the small ones come first in the row.
var sharedBodiesSchema = []string{
	`CREATE TABLE IF NOT EXISTS bodies (
		id   INTEGER PRIMARY KEY,
		hash BLOB NOT NULL,
		refs INTEGER NOT NULL,
		body BLOB NOT NULL
	)`,
	`CREATE UNIQUE INDEX IF NOT EXISTS bodies_hash ON bodies (hash)`,
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

// bodyStatements are a write transaction's statements on the bodies
// table, prepared only where bodies are shared: those every put of a body
// makes. A release, on an update or a delete, is rarer and not prepared.
// None has a RETURNING clause: SQLite then keeps a statement journal of
// every page the statement changes, which halved the rate of PutBatch.
type bodyStatements struct {
	find, refer, insert *sql.Stmt
}

func (b *bodyStatements) prepare(ctx context.Context, tx *sql.Tx) error {
	for _, st := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&b.find, `SELECT id FROM bodies WHERE hash = ?`},
		{&b.refer, `UPDATE bodies SET refs = refs + 1 WHERE id = ?`},
		{&b.insert, `INSERT OR IGNORE INTO bodies (hash, refs, body) VALUES (?, 1, ?)`},
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
	for _, st := range []*sql.Stmt{b.find, b.refer, b.insert} {
		if st != nil {
			st.Close()
		}
	}
}

// shareBody returns the id of the shared body holding text, counting one
// more article that refers to it, or of a new one: had is the body the
// article refers to already (an update), which is not counted twice.
// fresh says the text is most likely new to the store (the detector of
// copies found no story it copies): it is then inserted without a look-up
// first, which a new body would only miss, and looked up if it was there
// after all. Any other text is looked up first, to spare compressing it.
func (p *putter) shareBody(ctx context.Context, text string, had sql.NullInt64, fresh bool) (int64, error) {
	key := bodyKey(text)
	if fresh {
		id, ok, err := p.insertBody(ctx, key, text)
		if err != nil || ok {
			return id, err
		}
	}
	var id int64
	err := p.shared.find.QueryRowContext(ctx, key).Scan(&id)
	switch {
	case err == nil:
		if had.Valid && had.Int64 == id {
			return id, nil
		}
		if _, err := p.shared.refer.ExecContext(ctx, id); err != nil {
			return 0, fmt.Errorf("refer to shared body %d: %w", id, err)
		}
		return id, nil
	case errors.Is(err, sql.ErrNoRows) && !fresh:
		id, ok, err := p.insertBody(ctx, key, text)
		if err == nil && !ok {
			err = errors.New("its key is there, and then not")
		}
		if err != nil {
			return 0, fmt.Errorf("insert shared body: %w", err)
		}
		return id, nil
	default:
		return 0, fmt.Errorf("look up shared body: %w", err)
	}
}

// insertBody keeps text as a new shared body of one article unless a body
// with its key is there already (ok false).
func (p *putter) insertBody(ctx context.Context, key []byte, text string) (id int64, ok bool, err error) {
	res, err := p.shared.insert.ExecContext(ctx, key, p.packBody(text))
	var n int64
	if err == nil {
		n, err = res.RowsAffected()
	}
	if err == nil && n == 1 {
		id, err = res.LastInsertId() // the rowid, which id is
	}
	if err != nil {
		return 0, false, fmt.Errorf("insert shared body: %w", err)
	}
	return id, n == 1, nil
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
