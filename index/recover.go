package index

import "errors"

// ErrUnavailable is returned by a search while the archive has no index it
// can read: the live one was lost or found damaged and is being rebuilt from
// the store.
var ErrUnavailable = errors.New("the index is being rebuilt from the store; try again shortly")
