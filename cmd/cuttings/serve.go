package main

import (
	"errors"
	"io"
)

// runServe is a placeholder until the command is written.
func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("serve: not implemented yet")
}
