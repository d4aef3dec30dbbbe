package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cuttings/cuttings/store"
)

func TestBuiltinSpeakerModel(t *testing.T) {
	m := defaultSpeakers()
	if m.threshold <= 0 || m.threshold >= 1 {
		t.Errorf("threshold %v, want a probability strictly between 0 and 1", m.threshold)
	}
	// The hand rules' choice is evidence for a candidate, and so is the
	// speaker of a quotation this one follows straight on; a "he" or "she"
	// beside the quotation that clashes with a person's gender is
	// evidence against that person.
	for _, f := range []string{"rule", "prev:adjacent"} {
		if m.weights[f] <= 0 {
			t.Errorf("weight of %s = %v, want > 0", f, m.weights[f])
		}
	}
	if m.weights["pronoun:clashes"] >= 0 {
		t.Errorf("weight of pronoun:clashes = %v, want < 0", m.weights["pronoun:clashes"])
	}
}

const twoPeople = `Mayor Ines Varga opened the new library on Saturday. Varga thanked the builders and Varga cut the ribbon.

"It took us four years, but the town finally has the library it deserves," said Tom Reilly, the council's project manager.`

// TestSpeakerModelDecides shows that the weights, not the rules, name the
// speaker: a model that only values salience names the most mentioned
// person, one that only values the rules' choice names the cue's subject.
func TestSpeakerModelDecides(t *testing.T) {
	for _, tc := range []struct {
		weights map[string]float64
		want    string
	}{
		{map[string]float64{"salience:0": 5}, "Ines Varga"},
		{map[string]float64{"rule": 5}, "Tom Reilly"},
	} {
		m := &SpeakerModel{weights: tc.weights}
		e := Extractor{Speakers: m}.Extract(store.Article{ID: "t", Body: twoPeople})
		if len(e.Quotes) != 1 {
			t.Fatalf("got %d quotes, want 1", len(e.Quotes))
		}
		if e.Quotes[0].Speaker != tc.want {
			t.Errorf("weights %v: speaker %q, want %q", tc.weights, e.Quotes[0].Speaker, tc.want)
		}
	}
	// A threshold above any probability names nobody.
	e := Extractor{Speakers: &SpeakerModel{weights: map[string]float64{"rule": 5}, threshold: 1.1}}.Extract(store.Article{ID: "t", Body: twoPeople})
	if e.Quotes[0].Speaker != "" || e.Quotes[0].SpeakerType != SpeakerUnknown {
		t.Errorf("threshold 1.1: speaker %q (%s), want nobody", e.Quotes[0].Speaker, e.Quotes[0].SpeakerType)
	}
}

// goldenChoices labels the speaker choices of the golden cases by their
// annotated speakers.
func goldenChoices(t *testing.T) []SpeakerChoice {
	t.Helper()
	files, err := filepath.Glob("../../testdata/extract/*.golden.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var out []SpeakerChoice
	for _, f := range files {
		body, err := os.ReadFile(strings.TrimSuffix(f, ".golden.json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var want goldenCase
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		speaker := map[string]string{}
		for _, q := range want.Quotes {
			if q.Speaker != nil {
				speaker[q.Text] = *q.Speaker
			}
		}
		for _, c := range SpeakerChoices(store.Article{ID: f, Body: string(body)}) {
			for i, name := range c.Candidates {
				c.Right[i] = name == speaker[c.Quote]
			}
			out = append(out, c)
		}
	}
	return out
}

func TestTrainSpeakers(t *testing.T) {
	choices := goldenChoices(t)
	o := SpeakerTraining{}
	train := func(cs []SpeakerChoice, o SpeakerTraining) *SpeakerModel {
		t.Helper()
		m, err := TrainSpeakers(cs, o)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	a, err := train(choices, o).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	// The fit is convex and over all examples at once: the choices in
	// the opposite order give the same model, to the file's four places.
	reversed := slices.Clone(choices)
	slices.Reverse(reversed)
	b, _ := train(reversed, o).MarshalJSON()
	if !bytes.Equal(a, b) {
		t.Fatal("the same choices in another order wrote a different model")
	}
	m, err := ParseSpeakerModel(a)
	if err != nil {
		t.Fatal(err)
	}
	// It learns the cases it was shown: the right candidate is ranked
	// first for most quotations that have one.
	right, total := 0, 0
	for i := range choices {
		c := &choices[i]
		has := false
		for _, r := range c.Right {
			has = has || r
		}
		if !has {
			continue
		}
		total++
		if best, _ := m.best(c.cands); best >= 0 && c.Right[best] {
			right++
		}
	}
	if total < 100 || float64(right) < 0.9*float64(total) {
		t.Errorf("ranked the right speaker first in %d of %d golden quotations, want at least 90%% of 100 or more", right, total)
	}
	// Leaving out a group of features leaves out its weights.
	o.Without = []string{"rule"}
	for k := range train(choices, o).weights {
		if strings.Contains(":"+k+":", ":rule:") {
			t.Fatalf("trained without rule, still has weight %q", k)
		}
	}
}

func TestQuoteShape(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`She said “We will win this.” and left.`, "sentence"},
		{`He called it “a betrayal” at once.`, "fragment"},
		{`They watched “The Long Road Home” on Sunday.`, "titled"},
		{`The talks were ‘nearer’ a deal ‘than at any time’, she said.`, "fragment"},
		{`It was “Never in my life” for her.`, "capital"},
	} {
		a, _ := read(store.Article{ID: "t", Body: tc.body})
		if len(a.spans) == 0 {
			t.Fatalf("%q: no quotation found", tc.body)
		}
		sp := &a.spans[len(a.spans)-1]
		if got := a.quoteShape(sp); got != tc.want {
			t.Errorf("%q: shape %q, want %q", a.body[sp.start:sp.end], got, tc.want)
		}
	}
}
