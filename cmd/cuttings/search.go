package main

import (
	"errors"
	"io"
)

// runSearch is a placeholder until the command is written.
func runSearch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("search: not implemented yet")
}
