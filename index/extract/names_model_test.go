package extract

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestNamesModelLoads checks that the embedded weights parse and cover
// every feature group they were trained with.
func TestNamesModelLoads(t *testing.T) {
	nm := loadedNamesModel()
	if nm == nil {
		t.Fatal("names.model.json is missing or does not parse")
	}
	if len(nm.Weights) < 1000 {
		t.Errorf("%d weights, want a trained model", len(nm.Weights))
	}
	for _, g := range featureGroups {
		if !nm.groupSet[g] {
			t.Errorf("feature group %q not in the model", g)
		}
	}
}

// TestTrainNamesOrderFree trains on the same small annotated texts,
// written for this test, in two orders and wants the same bytes: the fit
// is convex and over all examples at once.
func TestTrainNamesOrderFree(t *testing.T) {
	docs := []NamesDoc{
		{Name: "a", Text: "Mira Halvorsen joined Northwind Shipping in 2019.\nHalvorsen said the firm would open an office in Oslo.", Spans: []NameSpan{
			{Start: 0, End: 14, Type: "person"},
			{Start: 22, End: 40, Type: "organization"},
			{Start: 51, End: 60, Type: "person"},
			{Start: 104, End: 108, Type: "place"},
		}},
		{Name: "b", Text: "Tomas Ekberg left Brightwater Holdings for a post in Bergen.", Spans: []NameSpan{
			{Start: 0, End: 12, Type: "person"},
			{Start: 18, End: 38, Type: "organization"},
			{Start: 52, End: 58, Type: "place"},
		}},
	}
	o := NamesOptions{Trained: "test"}
	a, err := TrainNames(docs, o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := TrainNames([]NamesDoc{docs[1], docs[0]}, o)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same documents in another order give different weights")
	}
	if !bytes.Contains(a, []byte(`"w:first=mira"`)) {
		t.Errorf("weights lack the first-name feature:\n%s", a)
	}
	var m namesModel
	if err := json.Unmarshal(a, &m); err != nil {
		t.Fatal(err)
	}
	// It learns what it was shown: the annotated person scores as one.
	for _, e := range namesExamples(docs[1], setOf(featureGroups...)) {
		if e.text == "Tomas Ekberg" {
			if c, _ := predict(m.scores(e.feats)); c != classPerson {
				t.Errorf("Tomas Ekberg scored as %s", classNames[c])
			}
			return
		}
	}
	t.Error("no example for Tomas Ekberg")
}

// Names the English lists give both sexes are settled by the US birth
// counts when those leave no doubt (internal/gennames).
func TestFirstNameGenders(t *testing.T) {
	for name, want := range map[string]gender{
		"George": male, "Frank": male, "Lauren": female, "Julie": female,
		"Jordan": unknownGender, "Robin": unknownGender, "Jess": unknownGender,
	} {
		if got, ok := firstNames[name]; !ok || got != want {
			t.Errorf("firstNames[%q] = %v (listed %v), want %v", name, got, ok, want)
		}
	}
}
