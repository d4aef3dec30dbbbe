// Package store is the archive's system of record: articles in a SQL database
// (SQLite by default), every write numbered by a monotonically increasing
// sequence so that indexes can follow it, deletes kept as tombstones.
package store

import "time"

// Article is one news article as the archive keeps it. Body is plain text,
// paragraphs separated by a blank line ("\n\n"). Group is set by the
// store, never by its caller: the id of the first article stored of the
// story this one copies (a wire copy, a correction, a cut or extended
// version), empty when this article is the first of its story or the only
// one.
type Article struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Authors   []string  `json:"authors,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Language  string    `json:"language,omitempty"`
	Body      string    `json:"body"`
	Group     string    `json:"group,omitempty"`
}
