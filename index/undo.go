package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/cuttings/cuttings/store"
)

// NoteDataDir records what a starting server finds in its data directory;
// the function it returns removes what the start added since (the lock and
// address files, an index directory and INDEX, an empty store, the
// directory itself when it was not there), so that a start that fails
// leaves the directory as it found it. What another process may have put
// there meanwhile is left alone: any file not of the server's names, and a
// store that holds articles.
func NoteDataDir(dataDir string) (undo func()) {
	before := map[string]bool{}
	entries, err := os.ReadDir(dataDir)
	existed := err == nil
	for _, e := range entries {
		before[e.Name()] = true
	}
	return func() {
		entries, err := os.ReadDir(dataDir)
		if err != nil {
			return
		}
		var db []string
		for _, e := range entries {
			name := e.Name()
			if before[name] {
				continue
			}
			switch {
			case name == lockFile, name == addrFile, name == liveFile,
				strings.HasPrefix(name, indexPrefix), strings.HasPrefix(name, "."+liveFile+".tmp-"):
				os.RemoveAll(filepath.Join(dataDir, name))
			case strings.HasPrefix(name, store.DBFile):
				db = append(db, name)
			}
		}
		if len(db) > 0 && !before[store.DBFile] && emptyStore(dataDir) {
			for _, name := range db {
				os.Remove(filepath.Join(dataDir, name))
			}
		}
		if !existed {
			os.Remove(dataDir) // only if nothing else is left in it
		}
	}
}

// emptyStore reports whether the SQLite store in dataDir holds no article.
func emptyStore(dataDir string) bool {
	st, err := store.OpenReadOnly(context.Background(), dataDir)
	if err != nil {
		return false
	}
	defer st.Close()
	n, err := st.LastSeq(context.Background())
	if err != nil {
		// A start that failed before the store made its table.
		return strings.Contains(err.Error(), "no such table")
	}
	return n == 0
}
