package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// topicGold is a tiny gold file of labelled news, written for this test.
func topicGold(t *testing.T) string {
	t.Helper()
	lines := []goldArticle{}
	add := func(label string, texts ...string) {
		for i, text := range texts {
			lines = append(lines, goldArticle{ID: label + string(rune('a'+i)), Text: text, Topics: []string{label}})
		}
	}
	add("economy, business and finance",
		"Shares in the bank fell after profits dropped. Investors sold.",
		"The retailer said profits rose as sales grew, and its shares rose.",
		"The bank warned profits would fall, and shares dropped.",
		"Shares rallied as investors bet on higher profits.")
	add("sport",
		"The striker scored in the final as the club won the cup.",
		"A late goal from the striker gave the club the win.",
		"The club went top of the league after the striker scored twice.",
		"The home club won the derby with a goal from their striker.")
	var buf bytes.Buffer
	for _, a := range lines {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "gold.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTrainTopics(t *testing.T) {
	gold := topicGold(t)
	out := filepath.Join(t.TempDir(), "topics.model.json")
	var stdout, stderr bytes.Buffer
	if err := run([]string{"train", "topics", "--gold", gold, "--out", out}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("train topics: %v\n%s", err, stderr.String())
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Labels []string `json:"labels"`
		Words  []string `json:"words"`
	}
	if err := json.Unmarshal(first, &model); err != nil {
		t.Fatalf("weights are not JSON: %v", err)
	}
	if len(model.Labels) != 2 || len(model.Words) == 0 {
		t.Errorf("model has labels %q and %d words", model.Labels, len(model.Words))
	}
	if err := run([]string{"train", "topics", "--gold", gold, "--out", out}, nil, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(first, again) {
		t.Error("a second training run wrote different weights")
	}

	stdout.Reset()
	if err := run([]string{"train", "topics", "--gold", gold, "--cv", "4"}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("train topics --cv: %v\n%s", err, stderr.String())
	}
	for _, want := range []string{"4-fold", "| lexicon alone |", "| model alone |", "| lexicon and model |"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("cross-validation output lacks %q:\n%s", want, stdout.String())
		}
	}
}
