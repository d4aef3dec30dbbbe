package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cuttings/cuttings/store/ingest"
)

// watchInterval is how often `ingest --watch` looks at its directory;
// tests shorten it.
var watchInterval = 2 * time.Second

// fileState is what a scan saw of a file; a change of either means the
// file was written since.
type fileState struct {
	size    int64
	modTime time.Time
}

// watchDir reads dir's files with read: first all of them, then each new or
// changed one once it has looked the same on two scans in a row, so that a
// file still being written is not read half-written (a writer that renames
// a hidden file into place is read at the next scan). It returns when ctx
// ends, or with read's error.
func watchDir(ctx context.Context, dir string, logw io.Writer, read func(files []string) error) error {
	done := map[string]fileState{}    // read in this state
	pending := map[string]fileState{} // seen changed once, in this state
	first := true
	for {
		files, err := ingest.Files([]string{dir})
		if err != nil {
			// The directory may be briefly unreadable (being moved, a
			// network mount); say so and look again.
			fmt.Fprintf(logw, "cuttings: ingest --watch: %v\n", err)
		}
		var ready []string
		for _, path := range files {
			info, err := os.Stat(path)
			if err != nil {
				continue // gone since it was listed
			}
			now := fileState{info.Size(), info.ModTime()}
			if prev, ok := done[path]; ok && prev == now {
				continue
			}
			if prev, ok := pending[path]; first || (ok && prev == now) {
				ready = append(ready, path)
				done[path] = now
				delete(pending, path)
				continue
			}
			pending[path] = now
		}
		first = false
		if len(ready) > 0 {
			if err := read(ready); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(watchInterval):
		}
	}
}
