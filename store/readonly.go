package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// OpenReadOnly opens the store named by dsn for reading only: a search of
// an archive the user may not write (a read-only mount, a directory of
// someone else's, a backup). Nothing is created, migrated or written; a
// SQLite store must exist already. A write through it fails.
func OpenReadOnly(ctx context.Context, dsn string) (*Store, error) {
	if dsn == "" {
		return nil, errors.New("open store: empty data directory")
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		d, db, err := openPostgres(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return &Store{db: db, d: d}, nil // the schema is the writers' to make
	}
	d, db, err := openSQLiteReadOnly(ctx, dsn)
	if err != nil {
		return nil, err
	}
	var v int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: read format: %w", d.path, err)
	}
	if v > storeFormat {
		db.Close()
		return nil, fmt.Errorf("open store %s: the store has format %d, this program knows up to %d: use a newer cuttings", d.path, v, storeFormat)
	}
	// A store of format 4 has shared bodies to read; an older one, which
	// this cannot migrate, has every body in its row and no bodies table.
	return &Store{db: db, d: d, sharedBodies: v >= sharedBodiesFormat}, nil
}

// openSQLiteReadOnly opens DIR/cuttings.db for reading, writing nothing
// beside it. SQLite reads a database in WAL mode through the -shm file
// beside it, which it creates when missing: so unless a -wal log holds
// changes not yet in the database (a writer that did not close), the
// database is opened immutable, which needs neither (no locks, no log:
// nothing else writes a directory no one may write to). With a log, it is
// opened mode=ro, to read the log too.
func openSQLiteReadOnly(ctx context.Context, dir string) (sqliteDialect, *sql.DB, error) {
	abs, err := filepath.Abs(filepath.Join(dir, DBFile))
	if err != nil {
		return sqliteDialect{}, nil, fmt.Errorf("open store: %w", err)
	}
	if _, err := os.Stat(abs); err != nil {
		return sqliteDialect{}, nil, fmt.Errorf("open store: %w", err)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	if info, err := os.Stat(abs + "-wal"); err != nil || info.Size() == 0 {
		q.Set("immutable", "1")
	}
	q.Add("_pragma", "busy_timeout(10000)")
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return sqliteDialect{}, nil, fmt.Errorf("open store %s read-only: %w", abs, err)
	}
	// Opening is lazy: a query finds out whether the database can be read.
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		db.Close()
		return sqliteDialect{}, nil, fmt.Errorf("open store %s read-only: %w", abs, err)
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	return sqliteDialect{path: abs}, db, nil
}
