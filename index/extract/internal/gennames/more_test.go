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

// A name both sexes are given takes one only when the births leave no
// doubt and are many.
func TestDominantGender(t *testing.T) {
	for _, c := range []struct {
		f, m int
		want string
	}{
		{f: 4054, m: 474775, want: "male"},
		{f: 474775, m: 4054, want: "female"},
		{f: 135084, m: 395998, want: ""}, // a quarter are women's
		{f: 300, m: 16000, want: ""},     // too few births
	} {
		if got := dominantGender(map[string]int{"F": c.f, "M": c.m}); got != c.want {
			t.Errorf("dominantGender(F %d, M %d) = %q, want %q", c.f, c.m, got, c.want)
		}
	}
}
