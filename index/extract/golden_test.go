package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

var update = flag.Bool("update", false, "rewrite testdata/extract/*.golden.json from the extractor's output (review the diff like code)")

// goldenQuote is one expected quotation of a golden case.
type goldenQuote struct {
	Text        string  `json:"text"`
	Speaker     *string `json:"speaker"`
	SpeakerType string  `json:"speaker_type"`
	Cue         string  `json:"cue"`
}

type goldenCase struct {
	Quotes    []goldenQuote `json:"quotes"`
	NotQuotes []string      `json:"not_quotes,omitempty"`
}

// TestGolden runs the extractor over the hand-annotated passages in
// testdata/extract (one construction each) and compares every quotation,
// its speaker and speaker type with what a careful reader extracts.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../../testdata/extract/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 {
		t.Fatalf("found %d golden cases in testdata/extract, want at least 25", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			goldPath := strings.TrimSuffix(f, ".txt") + ".golden.json"
			e := Extract(store.Article{ID: name, Body: string(body)})
			got := goldenCase{Quotes: []goldenQuote{}}
			for _, q := range e.Quotes {
				gq := goldenQuote{Text: q.Text, SpeakerType: q.SpeakerType, Cue: q.Cue}
				if q.Speaker != "" {
					s := q.Speaker
					gq.Speaker = &s
				}
				got.Quotes = append(got.Quotes, gq)
			}
			var want goldenCase
			raw, err := os.ReadFile(goldPath)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("%s: %v", goldPath, err)
			}
			if *update {
				got.NotQuotes = want.NotQuotes
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(goldPath, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			// Cues are compared by their verb only: "told reporters" and "told" agree.
			for _, qs := range [][]goldenQuote{want.Quotes, got.Quotes} {
				for i := range qs {
					if f := strings.Fields(qs[i].Cue); len(f) > 0 {
						qs[i].Cue = f[0]
					}
					if qs[i].Speaker == nil {
						qs[i].SpeakerType = SpeakerUnknown
					}
				}
			}
			if diff := cmp.Diff(want.Quotes, got.Quotes); diff != "" {
				t.Errorf("quotes of %s (-want +got):\n%s", name, diff)
			}
			for _, nq := range want.NotQuotes {
				for _, q := range e.Quotes {
					if strings.TrimRight(q.Text, ",.") == strings.TrimRight(nq, ",.") {
						t.Errorf("%q is a name or scare quote, not speech, but was extracted as a quote", nq)
					}
				}
			}
			for _, q := range e.Quotes {
				r := []rune(string(body))
				if q.Start < 0 || q.End > len(r) || string(r[q.Start:q.End]) != q.Text {
					t.Errorf("offsets %d-%d of %q do not point at its text", q.Start, q.End, q.Text)
				}
			}
		})
	}
}
