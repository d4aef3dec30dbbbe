package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cuttings/cuttings/index/extract"
)

// trainingGold is a small gold file written for this test.
func trainingGold(t *testing.T) string {
	t.Helper()
	arts := []map[string]any{
		{"id": "a1", "text": "Ferry services to the island were cancelled again on Monday.\n\n\"We have run out of patience with the operator,\" said Moira Kerr, who chairs the island's community council.\n\nThe operator said repairs would take a week.",
			"quotes": []map[string]any{{"text": "We have run out of patience with the operator,", "speaker": "Moira Kerr", "kind": "direct"}}},
		{"id": "a2", "text": "Dale Fenwick has been named head coach of the Riverton Rams.\n\nFenwick said: \"This club gave me my first chance and I owe it everything.\"",
			"quotes": []map[string]any{{"text": "This club gave me my first chance and I owe it everything.", "speaker": "Dale Fenwick", "kind": "direct"}}},
		{"id": "a3", "text": "The bakery chain Crumbs & Co will close nine shops.\n\n\"Trading has been difficult since the spring,\" the company said in a statement. Its chief executive, Priya Sandhu, added: \"Nobody takes this step lightly.\"",
			"quotes": []map[string]any{{"text": "Trading has been difficult since the spring,", "speaker": nil, "kind": "direct"}, {"text": "Nobody takes this step lightly.", "speaker": "Priya Sandhu", "kind": "direct"}}},
		{"id": "a4", "text": "Councillor Ben Otieno voted against the budget.\n\n\"It asks the poorest to pay the most,\" Otieno told the meeting.",
			"quotes": []map[string]any{{"text": "It asks the poorest to pay the most,", "speaker": "Mr. Otieno", "kind": "direct"}}},
	}
	var b bytes.Buffer
	for _, a := range arts {
		line, _ := json.Marshal(a)
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "gold.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTrainSpeakersCommand(t *testing.T) {
	gold := trainingGold(t)
	dir := t.TempDir()
	model := filepath.Join(dir, "m.json")
	var out, errb bytes.Buffer
	if err := run([]string{"train", "speakers", "--gold", gold, "--cases", "", "--iterations", "200", "--out", model}, nil, &out, &errb); err != nil {
		t.Fatalf("train: %v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "4 articles, 4 quotations to learn from, 3 with a right candidate") {
		t.Errorf("stderr %q does not count 4 articles, 4 quotations and 3 right", errb.String())
	}
	b, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := extract.ParseSpeakerModel(b); err != nil {
		t.Fatalf("the written model does not load: %v", err)
	}
	// Trained again, the same file.
	again := filepath.Join(dir, "again.json")
	if err := run([]string{"train", "speakers", "--gold", gold, "--cases", "", "--iterations", "200", "--out", again}, nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if b2, _ := os.ReadFile(again); !bytes.Equal(b, b2) {
		t.Error("training twice wrote two different models")
	}

	// Cross-validation predicts every article once, as `cuttings extract` prints it.
	preds := filepath.Join(dir, "cv.jsonl")
	errb.Reset()
	if err := run([]string{"train", "speakers", "--gold", gold, "--cases", "", "--iterations", "200", "--cv", "2", "--predictions", preds}, nil, &out, &errb); err != nil {
		t.Fatalf("cv: %v\n%s", err, errb.String())
	}
	pb, err := os.ReadFile(preds)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(pb)), "\n") {
		var e extract.Enrichment
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("prediction line %q: %v", l, err)
		}
		ids[e.ID] = true
	}
	if len(ids) != 4 {
		t.Errorf("predicted %d articles, want 4", len(ids))
	}
	if !strings.Contains(errb.String(), "held out gold.jsonl: ") {
		t.Errorf("no held-out outcomes in %q", errb.String())
	}

	if err := run([]string{"train", "speakers", "--gold", gold, "--cv", "2"}, nil, &out, &errb); err == nil {
		t.Error("--cv without --predictions: no error")
	}
	if err := run([]string{"train", "speakers", "--gold", filepath.Join(dir, "missing.jsonl"), "--out", model}, nil, &out, &errb); err == nil || !strings.Contains(err.Error(), "missing.jsonl") {
		t.Errorf("a missing gold file: error %v, want one naming it", err)
	}
}

// TestScorerMirror checks the Go copy of score.py's name and quotation
// matching on the cases its rules are for.
func TestScorerMirror(t *testing.T) {
	for _, tc := range []struct {
		gold, pred, match string
		want              bool
	}{
		{"Harold J. Vane", "Harold Vane", "", true},
		{"Sen. Ada Morrow", "Ada Morrow", "", true},
		{"Mr. Pell", "Nora Pell", "surname", true},
		{"Mr. Pell", "Nora Pell", "", false},
		{"José Álvarez", "Jose Alvarez", "", true},
		{"Ines Varga", "Varga", "", false},
		{"King", "Ellis King", "surname", true},
	} {
		s := tc.gold
		q := &goldQuote{Speaker: &s, SpeakerMatch: tc.match}
		if got := sameSpeaker(q, tc.pred); got != tc.want {
			t.Errorf("sameSpeaker(%q, %q, match=%q) = %v, want %v", tc.gold, tc.pred, tc.match, got, tc.want)
		}
	}
	if o := overlap("the hardest yards are still ahead", "the hardest yards are still ahead,"); o != 1 {
		t.Errorf("overlap of the same words = %v, want 1", o)
	}
	if o := overlap("still ahead", "the hardest yards are still ahead and many more words follow here in this long one"); o >= 0.5 {
		t.Errorf("overlap with a quotation over three times longer = %v, want a penalty below 0.5", o)
	}
}

// TestExtractWithSpeakerModel: extract --speakers reads a model of one's own.
func TestExtractWithSpeakerModel(t *testing.T) {
	dir := t.TempDir()
	nobody := filepath.Join(dir, "nobody.json")
	// A threshold no probability reaches: nobody is ever named.
	if err := os.WriteFile(nobody, []byte(`{"threshold": 2, "weights": {"rule": 1}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	in := `{"id":"a","text":"\"We will build the bridge,\" said Nora Pike, the mayor."}` + "\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"extract"}, "Nora Pike"},
		{[]string{"extract", "--speakers", nobody}, ""},
	} {
		var out, errb bytes.Buffer
		if err := run(tc.args, strings.NewReader(in), &out, &errb); err != nil {
			t.Fatalf("%v: %v\n%s", tc.args, err, errb.String())
		}
		var e extract.Enrichment
		if err := json.Unmarshal(out.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		if len(e.Quotes) != 1 || e.Quotes[0].Speaker != tc.want {
			t.Errorf("%v: quotes %+v, want one said by %q", tc.args, e.Quotes, tc.want)
		}
	}
	var out, errb bytes.Buffer
	if err := run([]string{"extract", "--speakers", filepath.Join(dir, "none.json")}, strings.NewReader(in), &out, &errb); err == nil {
		t.Error("a missing model file: no error")
	}
}
