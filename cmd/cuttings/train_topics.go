package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/cuttings/cuttings/index/extract"
)

// runTrainTopics fits the topic word model on a gold file of labelled
// articles and writes its weights, or with --cv reports how well it does on
// articles it was not trained on.
func runTrainTopics(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train topics", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "../shared/gold/bbc-topics.jsonl", "gold file of articles with topics (JSONL)")
	out := fs.String("out", "index/extract/topics.model.json", "where to write the weights")
	folds := fs.Int("cv", 0, "instead of training, cross-validate with this many folds and print top-1 accuracy")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	articles, err := readGold(*gold)
	if err != nil {
		return fmt.Errorf("train topics: %w", err)
	}
	var examples []extract.TopicExample
	for _, a := range articles {
		if len(a.Topics) > 0 {
			examples = append(examples, extract.TopicExample{Title: a.Title, Text: a.Text, Topics: a.Topics})
		}
	}
	if *folds > 0 {
		rows, err := extract.CrossValidateTopics(examples, *folds)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d-fold cross-validated top-1 accuracy, %d articles of %s\n\n", *folds, len(examples), *gold)
		fmt.Fprintf(stdout, "| method | full text | first sentence | title |\n|---|---|---|---|\n")
		for _, r := range rows {
			fmt.Fprintf(stdout, "| %s | %.3f | %.3f | %.3f |\n", r.Method, r.Full, r.First, r.Title)
		}
		return nil
	}
	weights, err := extract.TrainTopicModel(examples)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, weights, 0o644); err != nil {
		return fmt.Errorf("train topics: %w", err)
	}
	fmt.Fprintf(stderr, "train topics: %d articles, %d bytes of weights in %s\n", len(examples), len(weights), *out)
	return nil
}
