package main

import (
	"errors"
	"io"
)

// runIngest is a placeholder until the command is written.
func runIngest(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("ingest: not implemented yet")
}
