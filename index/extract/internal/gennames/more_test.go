package main

import "testing"

// The French list's accented spellings must meet the other lists'
// unaccented ones, or a name like Hélène counts as one list's alone.
func TestFoldAccents(t *testing.T) {
	for in, want := range map[string]string{
		"hélène":    "helene",
		"geneviève": "genevieve",
		"benoît":    "benoit",
		"françois":  "francois",
		"josée":     "josee",
		"maría":     "maria",
		"jürgen":    "jurgen",
		"olivia":    "olivia",
	} {
		if got := foldAccents(in); got != want {
			t.Errorf("foldAccents(%q) = %q, want %q", in, got, want)
		}
	}
}
