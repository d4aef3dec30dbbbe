package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go driver "sqlite"
)

// dialect is what differs between the databases the store runs on.
type dialect interface {
	name() string
	schema() []string
	rebind(query string) string
	// lockForWrite makes a fresh transaction the only writer until it ends.
	lockForWrite(ctx context.Context, tx *sql.Tx) error
	// compresses says bodies are written compressed (compress.go).
	compresses() bool
	// sharesBodies says a body is kept once for the articles that have
	// it (bodies.go).
	sharesBodies() bool
	// addColumn adds a column to articles unless it is there already
	// (a store written before the column existed).
	addColumn(ctx context.Context, tx *sql.Tx, name, typ string) error
	// blob is the type of a column of bytes.
	blob() string
}

// DBFile is the name of the SQLite database inside a data directory.
const DBFile = "cuttings.db"

func openDialect(ctx context.Context, dsn string) (dialect, *sql.DB, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return openPostgres(ctx, dsn)
	}
	return openSQLite(ctx, dsn)
}

type sqliteDialect struct{ path string }

// openSQLite opens DIR/cuttings.db so that several processes can share it:
// WAL lets readers run beside the one writer; busy_timeout makes a writer
// wait for the lock instead of failing with "database is locked"; and
// _txlock=immediate takes the write lock at BEGIN, because a transaction
// that reads first and upgrades later can fail with SQLITE_BUSY no matter
// how long it would wait. synchronous stays FULL: followers remember seqs,
// and a commit lost to a power cut would let a later write reuse its seq.
func openSQLite(ctx context.Context, dir string) (dialect, *sql.DB, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("open store: %w", err)
	}
	abs, err := filepath.Abs(filepath.Join(dir, DBFile))
	if err != nil {
		return nil, nil, fmt.Errorf("open store: %w", err)
	}
	if err := createSQLite(ctx, abs); err != nil {
		return nil, nil, err
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Set("_txlock", "immediate")
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, nil, fmt.Errorf("open store %s: %w", abs, err)
	}
	// Writes are serialised by SQLite anyway; a few connections let reads
	// (the indexer, web requests) run beside one write.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open store %s: %w", abs, err)
	}
	return sqliteDialect{path: abs}, db, nil
}

// pageSize is the page of a new SQLite store: 16 KiB instead of SQLite's
// 4. A row is a compressed body of half a KiB to a few, and 4 KiB pages
// left a seventh of the file unused around them (at 100,000 articles the
// file is 10% smaller).
const pageSize = 16384

// createSQLite creates the database at path, if there is none, with
// pageSize pages. The page size must be set before the first write, which
// switching to WAL is; the driver runs a DSN's pragmas in alphabetical
// order, so it is done here, on a connection of its own. A database that
// exists keeps its pages.
func createSQLite(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil // there already, or Open will say why not
	}
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		return fmt.Errorf("create store %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{fmt.Sprintf(`PRAGMA page_size = %d`, pageSize), `PRAGMA journal_mode = WAL`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("create store %s: %w", path, err)
		}
	}
	return nil
}

func (d sqliteDialect) name() string { return d.path }

func (sqliteDialect) schema() []string {
	return append([]string{
		`CREATE TABLE IF NOT EXISTS articles (
			id            TEXT PRIMARY KEY,
			seq           INTEGER NOT NULL,
			deleted       INTEGER NOT NULL DEFAULT 0,
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

func (sqliteDialect) rebind(q string) string { return q }

func (sqliteDialect) blob() string { return "BLOB" }

// addColumn looks the column up first: SQLite has no ADD COLUMN IF NOT
// EXISTS.
func (sqliteDialect) addColumn(ctx context.Context, tx *sql.Tx, name, typ string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_table_info('articles') WHERE name = ?`, name).Scan(&n); err != nil {
		return fmt.Errorf("look up column %s: %w", name, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `ALTER TABLE articles ADD COLUMN `+name+` `+typ); err != nil {
		return fmt.Errorf("add column %s: %w", name, err)
	}
	return nil
}

func (sqliteDialect) compresses() bool { return true }

func (sqliteDialect) sharesBodies() bool { return true }

// lockForWrite has nothing to do: BEGIN IMMEDIATE took the lock.
func (sqliteDialect) lockForWrite(context.Context, *sql.Tx) error { return nil }

// Checkpoint moves what SQLite's write-ahead log holds into the database
// file and empties the log, so that the file's size is the store's; a
// no-op on PostgreSQL.
func (s *Store) Checkpoint(ctx context.Context) error {
	if _, ok := s.d.(sqliteDialect); !ok {
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
