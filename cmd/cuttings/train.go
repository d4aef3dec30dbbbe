package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// trainer is one model `cuttings train` can fit.
type trainer struct {
	run     func(args []string, stdout, stderr io.Writer) error
	summary string
}

// trainers lists the models the extractor learns from annotated text. Each
// writes weights that are checked in and embedded in the binary; MODEL.md
// says what each was trained on and how well it does.
var trainers = map[string]trainer{
	"names":    {runTrainNames, "type capitalised mentions as people, organisations, places or none (index/extract/names.model.json)"},
	"topics":   {runTrainTopics, "tag articles with IPTC topics: word model over the lexicon (index/extract/topics.model.json)"},
	"speakers": {runTrainSpeakers, "rank the candidate speakers of each quotation (index/extract/speakers.model.json)"},
}

func runTrain(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stderr, "usage: cuttings train MODEL [flags]\n\nFits one of the extractor's models on annotated text and writes its weights.\nRun from the repository root with ../shared beside it (the defaults point there).\n\nmodels:")
		names := make([]string, 0, len(trainers))
		for n := range trainers {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(stderr, "  %-9s %s\n", n, trainers[n].summary)
		}
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	t, ok := trainers[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "cuttings train: unknown model %q\n", args[0])
		return errUsage
	}
	return t.run(args[1:], stdout, stderr)
}

// goldArticle is one line of a gold file (../shared/eval/FORMAT.md): an
// article with what a careful reader extracts from it. Fields a file leaves
// out stay nil.
type goldArticle struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Text          string      `json:"text"`
	People        []string    `json:"people"`
	Organizations []string    `json:"organizations"`
	Countries     []string    `json:"countries"`
	Topics        []string    `json:"topics"`
	Quotes        []goldQuote `json:"quotes"`

	// always marks one of the project's own golden cases: always trained
	// on, never held out, and a null speaker there means nobody is named.
	always bool
}

// goldQuote is one annotated quotation.
type goldQuote struct {
	Text           string   `json:"text"`
	Speaker        *string  `json:"speaker"`
	Kind           string   `json:"kind"`
	SpeakerType    string   `json:"speaker_type"`
	SpeakerMatch   string   `json:"speaker_match"`
	SpeakerAliases []string `json:"speaker_aliases"`
}

// readGold reads a gold JSONL file; a bad line is reported with its file
// and line number.
func readGold(path string) ([]goldArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	defer f.Close()
	var out []goldArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldArticle
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if g.ID == "" || g.Text == "" {
			return nil, fmt.Errorf("%s:%d: an article needs an id and a text", path, line)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line+1, err)
	}
	return out, nil
}
