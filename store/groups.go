package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strconv"
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
	var (
		stale  []string
		marked []markedCopy
		// founders maps the first article of a group read here to the
		// mark its signature makes, so that a mark is checked without a
		// query of its own when its group's first article was read too.
		founders = map[string]string{}
	)
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
		if isCopyMark(b) {
			marked = append(marked, markedCopy{id, groupOr(group, id), string(b)})
			continue
		}
		if err := sig.UnmarshalBinary(b); err != nil {
			if errors.Is(err, dupes.ErrVersion) {
				// Written by a process of another version since this one
				// opened the store: signed again on the next open.
				stale = append(stale, id)
				continue
			}
			return fmt.Errorf("signature of %s: %w", id, err)
		}
		g.det.Keep(groupOr(group, id), sig)
		if groupOr(group, id) == id {
			founders[id] = string(copyMark(b))
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read signatures: %w", err)
	}
	rows.Close()
	for _, id := range stale {
		if _, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE articles SET signature = NULL WHERE id = ?`), id); err != nil {
			return fmt.Errorf("drop signature of %s: %w", id, err)
		}
	}
	if err := s.keepMarked(ctx, tx, marked, founders); err != nil {
		return err
	}
	g.seq = last
	return nil
}

// Copy marks. A copy of a wire story may be the same text run again, whose
// signature is byte for byte its group's first article's: the detector
// keeps one signature of a group and skips the same again
// (dupes.Detector.Keep), and so need not the store. Such a copy's
// signature is written as a mark instead (9 bytes where a signature is
// about 110): a tag and a fingerprint of the signature it stands for. (In
// the bench's replicated corpus, 4.4 copies a story at 100k, 75% of the
// rows are marks; an edited copy keeps its whole signature.)
// When the detector is loaded, a mark is skipped while the group's first
// article is live with that signature, which the detector then keeps, as
// Keep would have skipped the copy's own; so the detector is the one the
// signatures would have made. Once the first article is deleted, or
// updated to other text, its copies' marks stand for nothing: each is then
// signed again from its body, kept, and written whole.

// copyMarkTag starts a mark. A signature starts with its version, never 0.
const copyMarkTag = 0

// copyMarkSize is a mark's length: the tag and 8 bytes of the SHA-256 of
// the signature's bytes.
const copyMarkSize = 9

func copyMark(signature []byte) []byte {
	sum := sha256.Sum256(signature)
	return append([]byte{copyMarkTag}, sum[:copyMarkSize-1]...)
}

func isCopyMark(b []byte) bool { return len(b) == copyMarkSize && b[0] == copyMarkTag }

// markedCopy is a live article whose signature is a mark.
type markedCopy struct{ id, group, mark string }

// keepMarked checks the marks the detector met while loading: a mark whose
// group's first article is live with the signature it stands for is left
// (the detector keeps that signature); any other copy is signed again from
// its body, kept and written whole.
// founders holds the marks of the groups' first articles read with the
// copies; the rest are read here.
func (s *Store) keepMarked(ctx context.Context, tx *sql.Tx, marked []markedCopy, founders map[string]string) error {
	for _, m := range marked {
		if _, ok := founders[m.group]; ok {
			continue
		}
		var b []byte
		// The first article of its own group: one brought back into
		// another story is kept under that one.
		err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT signature FROM articles WHERE id = ? AND group_id = id AND deleted = 0`), m.group).Scan(&b)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read the signature of %s: %w", m.group, err)
		}
		founders[m.group] = ""
		if len(b) > 0 && !isCopyMark(b) {
			founders[m.group] = string(copyMark(b))
		}
	}
	from, bodyOf := s.articlesWithBodies()
	for _, m := range marked {
		if founders[m.group] == m.mark {
			continue
		}
		var body any
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT `+bodyOf+` FROM `+from+` WHERE a.id = ?`), m.id).Scan(&body); err != nil {
			return fmt.Errorf("read the body of %s: %w", m.id, err)
		}
		text, err := s.unpackBody(body)
		if err != nil {
			return fmt.Errorf("read the body of %s: %w", m.id, err)
		}
		sg := sign(text)
		s.groups.det.Keep(m.group, sg.Signature)
		if _, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE articles SET signature = ? WHERE id = ?`), sg.blob, m.id); err != nil {
			return fmt.Errorf("write the signature of %s: %w", m.id, err)
		}
	}
	return nil
}

// DetectorSize returns how many articles the store's detector of copies
// keeps in memory and about how many bytes it holds: none before the first
// write, or with NoGroups.
func (s *Store) DetectorSize() (articles, bytes int) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.groups == nil || s.groups.det == nil {
		return 0, 0
	}
	return s.groups.det.Len(), s.groups.det.Bytes()
}

// checkSignatureVersion drops the signatures of another version than the
// detector reads, once, when a store is first opened by this version: the
// articles keep their groups and are signed again by backfill. The store
// records the version it holds in store_meta.
func (s *Store) checkSignatureVersion(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	want := strconv.Itoa(dupes.SignatureVersion)
	var have string
	err := tx.QueryRowContext(ctx, `SELECT value FROM store_meta WHERE name = 'signature_version'`).Scan(&have)
	switch {
	case err == nil && have == want:
		return nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("read signature version: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET signature = NULL WHERE signature IS NOT NULL`); err != nil {
		return fmt.Errorf("drop old signatures: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO store_meta (name, value) VALUES ('signature_version', ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`), want); err != nil {
		return fmt.Errorf("write signature version: %w", err)
	}
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
			from, body := s.articlesWithBodies()
			rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT a.id, a.group_id, `+body+` FROM `+from+`
				WHERE a.signature IS NULL AND a.deleted = 0 ORDER BY a.seq LIMIT ?`), backfillBatch)
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
				if u.body, err = s.unpackBody(body); err != nil {
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
			sg := startSigning(bodies)
			defer sg.stop()
			update, err := tx.PrepareContext(ctx, s.d.rebind(`UPDATE articles SET group_id = ?, signature = ? WHERE id = ?`))
			if err != nil {
				return fmt.Errorf("prepare: %w", err)
			}
			defer update.Close()
			for i, u := range todo {
				sig := sg.get(i)
				group := s.assign(u.id, u.group, sig.Signature)
				b := sig.blob
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

// signer signs a batch's bodies (and marshals the signatures) while the
// batch is written: workers on
// the cores the write leaves free (one on two cores) sign the bodies in
// order, ahead of the write, which takes each signature when it needs it
// and signs a body itself when no worker has started on it (a worker the
// machine has not given a core to stays behind without holding the write
// up). Signing a body takes a few microseconds, writing it tens.
type signer struct {
	bodies []string
	sigs   []signed
	state  []uint8 // unclaimed, being signed, signed; under mu
	mu     sync.Mutex
	cond   sync.Cond // broadcast when a body is signed
	next   int       // the next body a worker claims; under mu
	quit   bool
	wg     sync.WaitGroup
}

const (
	unclaimed = iota
	signing
	done
)

// signed is a body's signature and its bytes for the store.
type signed struct {
	dupes.Signature
	blob []byte
}

func sign(body string) signed {
	sig := dupes.Sign(body)
	b, _ := sig.MarshalBinary() // never fails
	return signed{sig, b}
}

// inlineBatch is the fewest bodies worth a goroutine.
const inlineBatch = 8

func startSigning(bodies []string) *signer {
	sg := &signer{bodies: bodies, sigs: make([]signed, len(bodies)), state: make([]uint8, len(bodies))}
	sg.cond.L = &sg.mu
	if len(bodies) < inlineBatch {
		return sg // signed by get, in line
	}
	for range min(max(1, runtime.GOMAXPROCS(0)-1), len(bodies)/inlineBatch) {
		sg.wg.Add(1)
		go sg.work()
	}
	return sg
}

// work signs the unclaimed bodies in order until there are none.
func (sg *signer) work() {
	defer sg.wg.Done()
	sg.mu.Lock()
	defer sg.mu.Unlock()
	for !sg.quit {
		for sg.next < len(sg.state) && sg.state[sg.next] != unclaimed {
			sg.next++
		}
		if sg.next == len(sg.state) {
			return
		}
		i := sg.next
		sg.state[i] = signing
		sg.mu.Unlock()
		sig := sign(sg.bodies[i])
		sg.mu.Lock()
		sg.sigs[i], sg.state[i] = sig, done
		sg.cond.Broadcast()
	}
}

// get returns the signature of body i: signed already, or once the worker
// signing it is done, or signed here.
func (sg *signer) get(i int) *signed {
	sg.mu.Lock()
	for sg.state[i] == signing {
		sg.cond.Wait()
	}
	if sg.state[i] == unclaimed {
		sg.state[i] = signing
		sg.mu.Unlock()
		sig := sign(sg.bodies[i])
		sg.mu.Lock()
		sg.sigs[i], sg.state[i] = sig, done
	}
	sg.mu.Unlock()
	return &sg.sigs[i]
}

// stop ends the signing of a batch, written or not, and waits for the
// workers.
func (sg *signer) stop() {
	sg.mu.Lock()
	sg.quit = true
	sg.mu.Unlock()
	sg.wg.Wait()
}
