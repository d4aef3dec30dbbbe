package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"unsafe"

	"github.com/klauspost/compress/zstd"
)

// Bodies are most of the store, and news text compresses three to four
// times with zstd. On SQLite a body is kept as a zstd frame in a BLOB (the
// column's type is only a default there); a body in TEXT, as stores written
// before this kept them, is read as it is, so an old store needs no
// migration. PostgreSQL keeps text, which it compresses itself (TOAST).

// compressFrom is the shortest body worth a frame: below it the frame's
// header costs more than it saves.
const compressFrom = 128

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

// packBody is the value a body is written as.
func (s *Store) packBody(body string) any {
	if !s.d.compresses() || len(body) < compressFrom {
		return body
	}
	return bodyEncoder.EncodeAll([]byte(body), make([]byte, 0, len(body)/2))
}

// unpackBody reads a body column's value: text as it is, a BLOB as the
// zstd frame packBody wrote.
func unpackBody(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case []byte:
		if !bytes.HasPrefix(v, zstdMagic) {
			return string(v), nil
		}
		out, err := bodyDecoder.DecodeAll(v, nil)
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

var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// storeFormat is the SQLite store's format, kept in its user_version: 1
// since bodies are compressed. A store of a later format is refused rather
// than misread.
const storeFormat = 1

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
