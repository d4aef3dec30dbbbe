package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// Bodies are most of the store, and news text compresses three to four
// times with zstd. On SQLite a body is kept as a zstd frame in a BLOB (the
// column's type is only a default there); a body in TEXT, as stores written
// before this kept them, is read as it is, so an old store needs no
// migration. PostgreSQL keeps text, which it compresses itself (TOAST).
//
// A body of a few hundred words is too short for zstd to learn much from,
// so once a store holds dictFrom articles it trains a dictionary from
// them, keeps it in body_dicts and writes every later body with it: news
// of one archive shares its phrasing, and frames come out a quarter
// smaller (measured on the shared corpora split in halves, the dictionary
// from one half, the frames of the other). Each frame names its
// dictionary, so frames written before, with none, are read as they are.

// compressFrom is the shortest body worth a frame: below it the frame's
// header costs more than it saves.
const compressFrom = 128

const (
	// dictFrom is how many articles a store holds before it trains a
	// dictionary from them: enough for zstd's tables to see the
	// archive's words, early enough that few bodies go without.
	dictFrom = 2000
	// dictHistory is how much text the dictionary keeps for frames to
	// refer back to: past about 128 KB bodies shrink little more.
	dictHistory = 128 << 10
)

var (
	bodyEncoder = must(zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1)))
	bodyDecoder = must(zstd.NewReader(nil, zstd.WithDecoderConcurrency(0)))
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// bodyCodec writes bodies with a store's newest dictionary and reads
// frames of any dictionary the store held when it was made.
type bodyCodec struct {
	id  uint32 // the dictionary new bodies are written with
	enc *zstd.Encoder
	dec *zstd.Decoder
}

// codecs is the Store's part of body compression.
type codecs struct {
	// cur is nil until the store has a dictionary; then bodies are
	// written with it.
	cur atomic.Pointer[bodyCodec]
	// untrainable is set when training failed, so that every write does
	// not try again; bodies then go without a dictionary.
	untrainable atomic.Bool
}

// packBody is the value a body is written as.
func (s *Store) packBody(body string) any {
	if !s.d.compresses() || len(body) < compressFrom {
		return body
	}
	enc := bodyEncoder
	if c := s.bodies.cur.Load(); c != nil {
		enc = c.enc
	}
	return enc.EncodeAll([]byte(body), make([]byte, 0, len(body)/2))
}

// unpackBody reads a body column's value: text as it is, a BLOB as the
// zstd frame packBody wrote. A frame of a dictionary this Store does not
// know yet (another process trained it) has the dictionaries read again.
func (s *Store) unpackBody(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		// No column holds NULL: a NULL is an article's body_id naming no
		// row of the bodies table, a body lost, not an empty one.
		return "", errors.New("the shared body it refers to is missing")
	case string:
		return v, nil
	case []byte:
		if !bytes.HasPrefix(v, zstdMagic) {
			return string(v), nil
		}
		out, err := s.decoder().DecodeAll(v, nil)
		if errors.Is(err, zstd.ErrUnknownDictionary) {
			if err = s.loadDicts(context.Background(), s.db); err == nil {
				out, err = s.decoder().DecodeAll(v, nil)
			}
		}
		if err != nil {
			return "", fmt.Errorf("decompress body: %w", err)
		}
		if len(out) == 0 {
			return "", nil
		}
		// out is this call's own: no copy is needed to make it a string.
		return unsafe.String(&out[0], len(out)), nil
	}
	return "", fmt.Errorf("body of type %T", v)
}

func (s *Store) decoder() *zstd.Decoder {
	if c := s.bodies.cur.Load(); c != nil {
		return c.dec
	}
	return bodyDecoder
}

var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// loadDicts reads the store's dictionaries; bodies are then written with
// the newest. A store without any (PostgreSQL, a new or an old store)
// keeps writing plain frames.
func (s *Store) loadDicts(ctx context.Context, q querier) error {
	if !s.d.compresses() {
		return nil
	}
	c, err := readDicts(ctx, q)
	if err != nil || c == nil {
		return err
	}
	s.bodies.cur.Store(c)
	return nil
}

// readDicts is a codec of the store's dictionaries, nil if it has none.
func readDicts(ctx context.Context, q querier) (*bodyCodec, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, dict FROM body_dicts ORDER BY id`)
	if err != nil {
		if isNoTable(err) {
			return nil, nil // a store from before dictionaries, opened read-only
		}
		return nil, fmt.Errorf("read body dictionaries: %w", err)
	}
	defer rows.Close()
	var (
		dicts [][]byte
		last  uint32
	)
	for rows.Next() {
		var d []byte
		if err := rows.Scan(&last, &d); err != nil {
			return nil, fmt.Errorf("read body dictionaries: %w", err)
		}
		dicts = append(dicts, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read body dictionaries: %w", err)
	}
	if len(dicts) == 0 {
		return nil, nil
	}
	return newBodyCodec(last, dicts)
}

func isNoTable(err error) bool {
	return err != nil && bytes.Contains([]byte(err.Error()), []byte("no such table"))
}

// dictLevel is the level bodies are written at with a dictionary: zstd's
// fastest, which with a dictionary compresses about as well as its
// default (3% larger frames) at a fifth of the time; the default, with a
// dictionary, took five times as long as without one.
const dictLevel = zstd.SpeedFastest

func newBodyCodec(id uint32, dicts [][]byte) (*bodyCodec, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(dictLevel), zstd.WithEncoderConcurrency(1), zstd.WithEncoderDict(dicts[len(dicts)-1]))
	if err != nil {
		return nil, fmt.Errorf("body dictionary %d: %w", id, err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderDicts(dicts...))
	if err != nil {
		return nil, fmt.Errorf("body dictionaries: %w", err)
	}
	return &bodyCodec{id: id, enc: enc, dec: dec}, nil
}

// trainDict gives the store a dictionary once it holds dictFrom articles,
// in a write of its own before the writes that will use it: the
// dictionary is committed before any frame names it. A store another
// process trained has its dictionary read instead.
func (s *Store) trainDict(ctx context.Context) error {
	if !s.d.compresses() || s.bodies.cur.Load() != nil || s.bodies.untrainable.Load() {
		return nil
	}
	var last int64
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&last); err != nil {
		return fmt.Errorf("read last seq: %w", err)
	}
	if last < dictFrom {
		return nil
	}
	var c *bodyCodec
	err := s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM body_dicts`).Scan(&n); err != nil {
			return fmt.Errorf("read body dictionaries: %w", err)
		}
		if n == 0 {
			d, err := s.buildDict(ctx, tx, 1)
			if err != nil {
				s.bodies.untrainable.Store(true)
				return nil // bodies go without, as before dictionaries
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO body_dicts (id, dict) VALUES (1, ?)`, d); err != nil {
				return fmt.Errorf("write body dictionary: %w", err)
			}
		}
		var err error
		c, err = readDicts(ctx, tx)
		return err
	})
	if err != nil {
		return fmt.Errorf("body dictionary: %w", err)
	}
	if c != nil {
		s.bodies.cur.Store(c) // committed: frames may name it now
	}
	return nil
}

// buildDict trains a dictionary from the store's first dictFrom live
// bodies: all of them for zstd's tables, and an even spread of them,
// dictHistory bytes, as the text frames refer back to.
func (s *Store) buildDict(ctx context.Context, tx *sql.Tx, id uint32) ([]byte, error) {
	from, body := s.articlesWithBodies()
	rows, err := tx.QueryContext(ctx, `SELECT `+body+` FROM `+from+` WHERE a.deleted = 0 ORDER BY a.seq LIMIT ?`, dictFrom)
	if err != nil {
		return nil, fmt.Errorf("read bodies to train on: %w", err)
	}
	var (
		bodies [][]byte
		total  int
	)
	for rows.Next() {
		var v any
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read bodies to train on: %w", err)
		}
		b, err := s.unpackBody(v)
		if err != nil {
			rows.Close()
			return nil, err
		}
		if len(b) >= compressFrom {
			bodies = append(bodies, []byte(b))
			total += len(b)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read bodies to train on: %w", err)
	}
	return trainDict(id, bodies, total)
}

// trainDict builds dictionary id from bodies of total bytes.
func trainDict(id uint32, bodies [][]byte, total int) ([]byte, error) {
	if len(bodies) == 0 {
		return nil, errors.New("train body dictionary: no bodies")
	}
	step := max(1, (total+dictHistory-1)/dictHistory)
	var history []byte
	for i := 0; i < len(bodies) && len(history) < dictHistory; i += step {
		history = append(history, bodies[i]...)
	}
	history = history[:min(len(history), dictHistory)]
	d, err := zstd.BuildDict(zstd.BuildDictOptions{
		ID: id, Contents: bodies, History: history,
		Offsets: [3]int{1, 4, 8}, // zstd's own starting offsets
		Level:   dictLevel,
	})
	if err != nil {
		return nil, fmt.Errorf("train body dictionary: %w", err)
	}
	return d, nil
}

// storeFormat is the SQLite store's format, kept in its user_version: 1
// since bodies are compressed, 2 since they may name a dictionary in
// body_dicts and content hashes are bytes, 3 since dates may be bytes
// (packTime), content hashes half as long and the URL and tombstone
// indexes partial (partialIndexes), 4 since an article's body may be kept
// once for every article with that text, in the bodies table (bodies.go).
// Rows of every earlier format are read as they are, so an older store
// needs no rewrite: opening it drops its old indexes and makes the
// partial ones and the bodies table. A store of a later format is refused
// rather than misread (an older cuttings would read a shared body as
// empty).
const storeFormat = 4

func checkFormat(ctx context.Context, tx *sql.Tx) error {
	var v int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("read format: %w", err)
	}
	if v > storeFormat {
		return fmt.Errorf("the store has format %d, this program knows up to %d: use a newer cuttings", v, storeFormat)
	}
	if v < storeFormat {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, storeFormat)); err != nil {
			return fmt.Errorf("write format: %w", err)
		}
	}
	return nil
}
