package main

import (
	"errors"
	"io"
)

// runExtract is a placeholder until the command is written.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("extract: not implemented yet")
}
