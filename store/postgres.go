package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "github.com/jackc/pgx/v5/stdlib" // the driver "pgx"
)

// postgresDialect runs the store on PostgreSQL, so that several nodes share
// one system of record (DESIGN.md "Scale").
type postgresDialect struct{ where string }

// writeLockKey names the advisory lock every write transaction takes (an
// arbitrary constant: "cuttings" in ASCII).
const writeLockKey = 0x63757474696e6773

func openPostgres(ctx context.Context, dsn string) (dialect, *sql.DB, error) {
	where := "postgres"
	if u, err := url.Parse(dsn); err == nil {
		where = u.Redacted() // never a password in a message
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, nil, fmt.Errorf("open store %s: %w", where, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open store %s: %w", where, err)
	}
	return postgresDialect{where: where}, db, nil
}

func (d postgresDialect) name() string { return d.where }

// schema matches SQLite's column for column (deleted an integer, published
// RFC 3339 text), so both run the same queries.
func (postgresDialect) schema() []string {
	return append([]string{
		`CREATE TABLE IF NOT EXISTS articles (
			id            TEXT PRIMARY KEY,
			seq           BIGINT NOT NULL,
			deleted       SMALLINT NOT NULL DEFAULT 0,
			url           TEXT NOT NULL DEFAULT '',
			canonical_url TEXT,
			title         TEXT NOT NULL DEFAULT '',
			authors       TEXT,
			source        TEXT NOT NULL DEFAULT '',
			published     TEXT,
			language      TEXT NOT NULL DEFAULT '',
			body          TEXT NOT NULL DEFAULT '',
			content_hash  TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE UNIQUE INDEX IF NOT EXISTS articles_seq ON articles (seq)`,
	}, partialIndexes...)
}

func (postgresDialect) rebind(q string) string { return rebindDollar(q) }

func (postgresDialect) blob() string { return "BYTEA" }

func (postgresDialect) addColumn(ctx context.Context, tx *sql.Tx, name, typ string) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE articles ADD COLUMN IF NOT EXISTS `+name+` `+typ); err != nil {
		return fmt.Errorf("add column %s: %w", name, err)
	}
	return nil
}

func (postgresDialect) compresses() bool { return false }

// sharesBodies is false: every body stays in its row. SQLite's store
// records its format, which an older cuttings checks and refuses when it
// is newer; PostgreSQL's has none that older nodes read, and a cluster
// upgrades one node at a time, so an older node would read a shared body
// as an empty one.
func (postgresDialect) sharesBodies() bool { return false }

// lockForWrite takes a transaction-scoped advisory lock. One writer at a
// time is what makes seq safe to follow: each transaction reads the last seq
// after the previous writer committed, so seqs become visible in order and a
// follower that has read up to N never later finds a commit below N. It
// also serialises the schema's CREATE ... IF NOT EXISTS, which can race.
func (postgresDialect) lockForWrite(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(writeLockKey))
	return err
}
