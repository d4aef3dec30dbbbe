package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sync"

	"github.com/cuttings/cuttings/store/dupes"
)

// Groups of copies (store/dupes) are assigned as articles are put: each
// new article is signed, matched against the articles already stored, and
// given the group of the one it copies, or a group of its own. The
// signature and the group are columns of the article, so a restart, a
// reindex or a follower sees the same groups; the detector that matches
// new articles lives in the writing process, loaded from the signatures on
// its first write and brought up to date, inside the write lock, with what
// other processes wrote since.

// Options change how a store behaves; the zero value is what Open does.
type Options struct {
	// NoGroups puts articles without signing or grouping them, for
	// measuring what grouping costs. A store opened later without it signs
	// and groups them then (as it does a store written before groups).
	NoGroups bool
}

// grouper is the store's detector and how far into the store it has read.
// It is used only inside write transactions, under the Store's writeMu.
type grouper struct {
	det *dupes.Detector // nil until the first write, and after a failed one
	seq int64           // every live signed article up to this seq is in det
}

// backfillBatch is how many unsigned articles one backfill transaction
// signs and groups.
const backfillBatch = 1000

// sync brings the detector up to the store as of last, the store's last
// seq read inside the write lock: every signed live article the first
// time, and afterwards those that other processes put since. Articles
// without a signature are left to backfill.
func (s *Store) syncGroups(ctx context.Context, tx *sql.Tx, last int64) error {
	g := s.groups
	if g.det != nil && g.seq >= last {
		return nil
	}
	if g.det == nil {
		g.det, g.seq = &dupes.Detector{}, 0
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id, group_id, signature FROM articles
		WHERE seq > ? AND seq <= ? AND deleted = 0 AND signature IS NOT NULL ORDER BY seq`), g.seq, last)
	if err != nil {
		return fmt.Errorf("read signatures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id    string
			group sql.NullString
			b     []byte
			sig   dupes.Signature
		)
		if err := rows.Scan(&id, &group, &b); err != nil {
			return fmt.Errorf("read signatures: %w", err)
		}
		if err := sig.UnmarshalBinary(b); err != nil {
			return fmt.Errorf("signature of %s: %w", id, err)
		}
		g.det.Keep(groupOr(group, id), sig)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read signatures: %w", err)
	}
	g.seq = last
	return nil
}

// groupOr is a stored group, or the article's own id where none was
// stored.
func groupOr(group sql.NullString, id string) string {
	if group.Valid && group.String != "" {
		return group.String
	}
	return id
}

// backfill signs and groups the live articles that have no signature (a
// store written before groups, or with NoGroups), oldest first, in
// transactions of backfillBatch. Their seq does not change: an index built
// before needs a reindex to show their groups.
func (s *Store) backfill(ctx context.Context) error {
	for {
		n := 0
		err := s.write(ctx, func(tx *sql.Tx) error {
			var last int64
			if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&last); err != nil {
				return fmt.Errorf("read last seq: %w", err)
			}
			type unsigned struct {
				id    string
				group sql.NullString
				body  string
			}
			rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id, group_id, body FROM articles
				WHERE signature IS NULL AND deleted = 0 ORDER BY seq LIMIT ?`), backfillBatch)
			if err != nil {
				return fmt.Errorf("read unsigned articles: %w", err)
			}
			var todo []unsigned
			for rows.Next() {
				var (
					u    unsigned
					body any
				)
				if err := rows.Scan(&u.id, &u.group, &body); err != nil {
					rows.Close()
					return fmt.Errorf("read unsigned articles: %w", err)
				}
				if u.body, err = unpackBody(body); err != nil {
					rows.Close()
					return fmt.Errorf("read body of %s: %w", u.id, err)
				}
				todo = append(todo, u)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("read unsigned articles: %w", err)
			}
			if n = len(todo); n == 0 {
				return nil
			}
			if err := s.syncGroups(ctx, tx, last); err != nil {
				return err
			}
			bodies := make([]string, len(todo))
			for i, u := range todo {
				bodies[i] = u.body
			}
			sigs := signAll(bodies)
			update, err := tx.PrepareContext(ctx, s.d.rebind(`UPDATE articles SET group_id = ?, signature = ? WHERE id = ?`))
			if err != nil {
				return fmt.Errorf("prepare: %w", err)
			}
			defer update.Close()
			for i, u := range todo {
				group := s.assign(u.id, u.group, sigs[i])
				b, _ := sigs[i].MarshalBinary() // never fails
				if _, err := update.ExecContext(ctx, group, b, u.id); err != nil {
					return fmt.Errorf("write group of %s: %w", u.id, err)
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("group stored articles: %w", err)
		}
		if n < backfillBatch {
			return nil
		}
	}
}

// assign returns the group of an article being written: the group it
// already had (an update of a story is the same story), else the group of
// the stored article it copies, else its own id; the detector keeps it
// for the articles after it.
func (s *Store) assign(id string, had sql.NullString, sig dupes.Signature) string {
	if had.Valid && had.String != "" {
		s.groups.det.Keep(had.String, sig)
		return had.String
	}
	return s.groups.det.Add(id, sig)
}

// signAll signs bodies on every core: signing is most of what grouping
// costs, and it needs nothing from the database, so it is done before
// the write lock is taken.
func signAll(bodies []string) []dupes.Signature {
	sigs := make([]dupes.Signature, len(bodies))
	workers := min(runtime.GOMAXPROCS(0), (len(bodies)+63)/64)
	if workers <= 1 {
		for i, b := range bodies {
			sigs[i] = dupes.Sign(b)
		}
		return sigs
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(bodies); i += workers {
				sigs[i] = dupes.Sign(bodies[i])
			}
		}()
	}
	wg.Wait()
	return sigs
}
