package index

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"runtime"

	"golang.org/x/sys/unix"

	"github.com/cuttings/cuttings/store"
)

// ErrReadOnly is returned by Sync on an archive opened read-only.
var ErrReadOnly = errors.New("the archive is open read-only: the index is searched as it is")

// ReadOnlyDir reports whether this process may not write in dir: a
// read-only mount, or permissions (which do not bind root).
func ReadOnlyDir(dir string) bool {
	err := unix.Access(dir, unix.W_OK)
	return errors.Is(err, unix.EACCES) || errors.Is(err, unix.EROFS) || errors.Is(err, unix.EPERM)
}

// OpenReadOnly opens an existing index for searching only: Bleve opens its
// files for reading and starts no writer, and nothing in dir is written.
func OpenReadOnly(dir string) (*Index, error) {
	config := maps.Clone(scorchConfig())
	config["read_only"] = true
	return open(dir, config)
}

// OpenArchiveReadOnly opens the live index of dataDir for searching only,
// as it is: nothing in dataDir is created or written, and Sync returns
// ErrReadOnly. The index may be behind the store; LastSeq says how far it
// got.
func OpenArchiveReadOnly(ctx context.Context, dataDir string, st *store.Store) (*Archive, error) {
	name, err := readLive(dataDir)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", dataDir, err)
	}
	if name == "" {
		return nil, fmt.Errorf("open archive %s: no index yet, and it cannot be built read-only", dataDir)
	}
	ix, err := OpenReadOnly(filepath.Join(dataDir, name))
	if err != nil {
		return nil, fmt.Errorf("open archive %s read-only: %w", dataDir, err)
	}
	ix.useBodies(st.Bodies)
	return &Archive{dataDir: dataDir, st: st, live: ix, liveName: name, readOnly: true,
		admit: newAdmission(runtime.GOMAXPROCS(0))}, nil
}
