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
// so on SQLite a body of compressFrom bytes or more that two articles
// have is kept once, in the bodies table, and each article with that text
// refers to it by body_id, its own body column left empty. A bodies row
// counts the articles that refer to it (refs): a put, an update to other
// text and a delete move the counts inside their write transaction, and
// the row goes with the last article that refers to it, so that deleting
// or rewriting the first article stored with a body loses nothing for the
// others, and an article's old body does not stay behind when it changes.
//
// Most articles are the first of their story (the detector of copies,
// groups.go, says which), and their bodies stay in their rows, as before:
// a shared body costs a key, its index entry and a random write into that
// index, which only a story with copies repays. The first exact copy of a
// story moves the first article's body into the bodies table (the copy's
// signature is the first article's, as for copy marks, and the texts are
// compared); every other article whose body is not in its row (a copy, an
// edited copy, a later version) finds its text there by key or adds it,
// so that two outlets running the same later version share it too. Two
// identical articles the detector did not group each keep their own, as
// the first of a story; with NoGroups (no detector) every long body is
// shared by key.
//
// A row whose body_id is NULL holds its own body (text, or a zstd frame),
// as every row did before format 4 and as short bodies still do, so an
// older store is read as it is, without a rewrite. Only a body identical
// byte for byte is shared; an edited copy of a wire story keeps its own.
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

// bodyStatements are a write transaction's statements on shared bodies,
// prepared only where bodies are shared: those a put of a shared body
// makes. A release, on an update or a delete, is rarer and not prepared.
// None has a RETURNING clause: SQLite then keeps a statement journal of
// every page the statement changes, which halved the rate of PutBatch.
type bodyStatements struct {
	find, refer, insert, firstBody, moveFirst *sql.Stmt
}

func (b *bodyStatements) prepare(ctx context.Context, tx *sql.Tx) error {
	for _, st := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&b.find, `SELECT id FROM bodies WHERE hash = ?`},
		{&b.refer, `UPDATE bodies SET refs = refs + 1 WHERE id = ?`},
		{&b.insert, `INSERT INTO bodies (hash, refs, body) VALUES (?, ?, ?)`},
		{&b.firstBody, `SELECT body FROM articles WHERE id = ? AND deleted = 0 AND body_id IS NULL`},
		// The seq stays: the article's text is what it was.
		{&b.moveFirst, `UPDATE articles SET body = '', body_id = ? WHERE id = ?`},
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
	for _, st := range []*sql.Stmt{b.find, b.refer, b.insert, b.firstBody, b.moveFirst} {
		if st != nil {
			st.Close()
		}
	}
}

// shareBody returns the id of the shared body holding text, counting one
// more article that refers to it, or of a new one: had is the body the
// article refers to already (an update), which is not counted twice. A
// new one is also the body of copied, the first article of the story,
// when that article still keeps text in its row.
func (p *putter) shareBody(ctx context.Context, text string, had sql.NullInt64, copied string) (int64, error) {
	key := bodyKey(text)
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
	case !errors.Is(err, sql.ErrNoRows):
		return 0, fmt.Errorf("look up shared body: %w", err)
	}
	refs := 1
	if copied != "" {
		same, err := p.keepsText(ctx, copied, text)
		if err != nil {
			return 0, err
		}
		if same {
			refs = 2
		}
	}
	res, err := p.shared.insert.ExecContext(ctx, key, refs, p.packBody(text))
	if err == nil {
		id, err = res.LastInsertId() // the rowid, which id is
	}
	if err != nil {
		return 0, fmt.Errorf("insert shared body: %w", err)
	}
	if refs == 2 {
		if _, err := p.shared.moveFirst.ExecContext(ctx, id, copied); err != nil {
			return 0, fmt.Errorf("share the body of %s: %w", copied, err)
		}
	}
	return id, nil
}

// keepsText says whether live article id keeps text in its own row.
func (p *putter) keepsText(ctx context.Context, id, text string) (bool, error) {
	var v any
	err := p.shared.firstBody.QueryRowContext(ctx, id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil // gone, or its body shared already (and not this text)
	}
	if err != nil {
		return false, fmt.Errorf("read the body of %s: %w", id, err)
	}
	have, err := p.unpackBody(v)
	if err != nil {
		return false, fmt.Errorf("read the body of %s: %w", id, err)
	}
	return have == text, nil
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
