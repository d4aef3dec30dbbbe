package main

import (
	"errors"
	"io"
)

func runTrainSpeakers(args []string, stdout, stderr io.Writer) error {
	return errors.New("train speakers: not written yet")
}
