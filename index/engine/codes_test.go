package engine

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLabelCodes(t *testing.T) {
	for _, labels := range [][]string{
		nil,
		{"politics"},
		{"conflict, war and peace", "economy, business and finance", "weather"},
		// Labels the list does not hold are stored as they are, whatever
		// they look like.
		{"a"},
		{"=", "", "politics", "b\x00c", string(make([]byte, 300))},
	} {
		packed := packLabels(labels, topicCodes)
		got, ok := unpackLabels(packed, topicCodes)
		if !ok {
			t.Errorf("unpackLabels(packLabels(%q)) failed", labels)
			continue
		}
		if diff := cmp.Diff(labels, got); diff != "" {
			t.Errorf("labels round trip (-want +got):\n%s", diff)
		}
	}
	if got := packLabels([]string{"politics", "sport"}, topicCodes); got != "lp" {
		t.Errorf("packed %q, want a letter a label", got)
	}
	for _, bad := range []string{"z", "A", "=", "=\x05ab", "a="} {
		if got, ok := unpackLabels(bad, topicCodes); ok {
			t.Errorf("unpackLabels(%q) = %q, want failure", bad, got)
		}
	}
}
