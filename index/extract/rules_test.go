package extract

import (
	"strings"
	"testing"

	"github.com/cuttings/cuttings/store"
)

// TestRuleSpeakers checks what the hand rules (cues.go, attribute.go) make
// of a construction, before the ranker weighs it: constructions too rare
// for a golden case to be worth its weight in the ranker's training.
func TestRuleSpeakers(t *testing.T) {
	for _, c := range []struct {
		name, text, quote, want string
	}{
		{
			name:  "a role in apposition, then the body it names",
			text:  `Marco Vianelli, the editor of the town's oldest newspaper, the Harbour Gazette, said every mayor was "both a builder and a caretaker."`,
			quote: "both a builder",
			want:  "Marco Vianelli",
		},
		{
			name:  "a body in apposition to its kind",
			text:  `The town's biggest union, the Harbour Workers Union, said the sale was "a betrayal."`,
			quote: "a betrayal",
			want:  "Harbour Workers Union",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, _ := read(store.Article{ID: "x", Body: c.text})
			for _, rq := range a.ruled {
				sp := a.spans[rq.span]
				if !strings.Contains(a.body[sp.start:sp.end], c.quote) {
					continue
				}
				got := ""
				if rq.rule.ent != nil {
					got = rq.rule.ent.name
				}
				if got != c.want {
					t.Errorf("the rules give %q to %q, want %q", a.body[sp.start:sp.end], got, c.want)
				}
				return
			}
			t.Fatalf("no quotation holding %q found", c.quote)
		})
	}
}
