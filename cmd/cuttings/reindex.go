package main

import (
	"errors"
	"io"
)

// runReindex is a placeholder until the command is written.
func runReindex(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("reindex: not implemented yet")
}
