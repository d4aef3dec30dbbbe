package extract

import (
	"bytes"
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

// TestTrainNamesDeterministic trains twice on the same small annotated
// texts, written for this test, and wants the same bytes.
func TestTrainNamesDeterministic(t *testing.T) {
	text := "Mira Halvorsen joined Northwind Shipping in 2019.\nHalvorsen said the firm would open an office in Oslo."
	docs := []NamesDoc{{Name: "t", Text: text, Spans: []NameSpan{
		{Start: 0, End: 14, Type: "person"},
		{Start: 22, End: 40, Type: "organization"},
		{Start: 51, End: 60, Type: "person"},
		{Start: 104, End: 108, Type: "place"},
	}}}
	o := NamesOptions{Epochs: 3, Trained: "test"}
	a, b := TrainNames(docs, o), TrainNames(docs, o)
	if !bytes.Equal(a, b) {
		t.Error("two trainings on the same data differ")
	}
	if !bytes.Contains(a, []byte(`"w:first=mira"`)) {
		t.Errorf("weights lack the first-name feature:\n%s", a)
	}
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
