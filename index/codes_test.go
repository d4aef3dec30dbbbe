package index

import (
	"testing"

	"github.com/cuttings/cuttings/index/engine"
	"github.com/cuttings/cuttings/index/extract"
)

// TestLabelsCoded checks that every label the extractor gives is stored as
// a letter: one it is not is stored whole, correctly but at its length.
func TestLabelsCoded(t *testing.T) {
	for _, l := range extract.TopicLabels() {
		if !engine.TopicCoded(l) {
			t.Errorf("topic %q has no code (index/engine/codes.go)", l)
		}
	}
	for _, typ := range []string{SpeakerPerson, SpeakerOrganization, SpeakerUnknown} {
		if !engine.SpeakerTypeCoded(typ) {
			t.Errorf("speaker type %q has no code (index/engine/codes.go)", typ)
		}
	}
}
