package extract

import "testing"

func TestSentenceInitialIsName(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"Scientists", false}, // NNS in prose's dictionary
		{"Officials", false},
		{"However", false},
		{"Monday", true},  // a proper noun, though not a person
		{"Okonkwo", true}, // unknown: may be a name
	} {
		if got := sentenceInitialIsName(tc.word); got != tc.want {
			t.Errorf("sentenceInitialIsName(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
