package extract

import (
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sync"
)

// The learned part of classifyTopics: a naive Bayes model over words,
// trained by `cuttings train topics` (topics_train.go) on news filed under a
// few of the labels, that adds its evidence to the lexicon's. See TOPICS.md.
//
//go:embed topics.model.json
var topicModelJSON []byte

// Tuning of the mix of lexicon and model, chosen by 5-fold cross-validation
// on the BBC gold set (full text, first sentence and title) under the
// condition that the project's own topic tests, which cover all 17 labels,
// still pass (see TOPICS.md).
const (
	// topicModelBoost is how much the model's log-probability of a label
	// counts against the log of the lexicon's evidence when the labels the
	// model knows are put in order: at 0.7, a model ten times surer of one
	// label outweighs about five times the lexicon's evidence for another.
	topicModelBoost = 0.7
	// topicModelTrust is the share of the lexicon's evidence that must fall
	// on the model's labels before the model may reorder them at all; the
	// model's full say comes only as that share nears 1. A story whose
	// evidence lies mostly with labels the model never saw (a drought, a
	// strike) is news it knows nothing about, and it guesses there.
	topicModelTrust = 0.6
	// topicModelPrior is the evidence a label the model is sure of gets on
	// top, fading as the lexicon's evidence grows: in full when there is
	// none (a title whose words the lexicon does not know), half at
	// topicModelPriorFade (a sentence or two), a sliver on a full story,
	// where the lexicon's many words have the say and the prior must not
	// change which further labels it reports. It is also scaled by the
	// square root of the share of the evidence that is on the model's
	// labels (topicModelShareExp), so that one strong word of another label
	// ("earthquake") is not outvoted by the model's guess.
	// topicModelCertain and topicModelLeadRatio: when the model gives one
	// of its labels at least this probability, a label it does not know
	// must have at least this many times that label's evidence to come
	// first. Chosen by 5-fold cross-validation on the BBC set with the
	// project's annotated articles of all labels kept right (MODEL.md).
	topicModelCertain   = 0.99
	topicModelLeadRatio = 2.0
	topicModelPrior     = 20
	topicModelPriorFade = 10
	topicModelShareExp  = 0.5
	// topicModelTitleWeight counts title words more, as the lexicon does.
	topicModelTitleWeight = 2
	// topicModelTemper is the power of the amount of known words that the
	// model's log-odds are divided by: naive Bayes adds up words as if they
	// were independent and grows far too sure on long texts.
	topicModelTemper = 0.5
)

// topicModel is the embedded model, parsed on first use and only read after.
var topicModel = sync.OnceValue(func() *topicWordModel {
	m, err := parseTopicModel(topicModelJSON)
	if err != nil {
		panic(err) // the model is part of the code; the tests load it
	}
	return m
})

// topicModelFile is the JSON form of a topicWordModel: labels, the log
// prior of each, and for each word of the vocabulary its log-likelihood of
// each label, centred so that the labels' weights of a word sum to zero.
// The weights are one flat list, word after word (one word a line in the
// file), which loads several times faster than a list per word.
type topicModelFile struct {
	Labels  []string  `json:"labels"`
	Bias    []float64 `json:"bias"`
	Words   []string  `json:"words"`
	Weights []float64 `json:"weights"`
}

// topicWordModel is a topicModelFile ready for lookup.
type topicWordModel struct {
	labels  []uint8 // index into topicLabels of each label the model knows
	bias    []float64
	ids     map[string]int32
	weights []float32 // word id × len(labels)
}

func parseTopicModel(b []byte) (*topicWordModel, error) {
	var f topicModelFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("topic model: %w", err)
	}
	return newTopicWordModel(&f)
}

func newTopicWordModel(f *topicModelFile) (*topicWordModel, error) {
	m := &topicWordModel{bias: f.Bias, ids: make(map[string]int32, len(f.Words))}
	for _, l := range f.Labels {
		i := slices.Index(topicLabels[:], l)
		if i < 0 {
			return nil, fmt.Errorf("topic model: unknown label %q", l)
		}
		m.labels = append(m.labels, uint8(i))
	}
	if len(f.Bias) != len(f.Labels) || len(f.Weights) != len(f.Words)*len(f.Labels) {
		return nil, fmt.Errorf("topic model: %d labels, %d biases, %d words, %d weights", len(f.Labels), len(f.Bias), len(f.Words), len(f.Weights))
	}
	m.weights = make([]float32, len(f.Weights))
	for i, x := range f.Weights {
		m.weights[i] = float32(x)
	}
	for i, w := range f.Words {
		m.ids[w] = int32(i)
	}
	return m, nil
}

// topicModelToken is the form of a token the model knows it by: an amount
// ("13bn") counts as its unit, as in the lexicon.
func topicModelToken(tok []byte) []byte {
	i := 0
	for i < len(tok) && '0' <= tok[i] && tok[i] <= '9' {
		i++
	}
	if i < len(tok) {
		return tok[i:]
	}
	return tok
}

// word adds the evidence of one lower-cased token, counted mult times.
func (m *topicWordModel) word(tok []byte, mult float64, t *topicTally) {
	id, ok := m.ids[string(topicModelToken(tok))]
	if !ok {
		return
	}
	mult *= topicRepeat[min(t.wordCounts.occurrence(id), len(topicRepeat)-1)]
	n := len(m.labels)
	for j, w := range m.weights[int(id)*n : int(id)*n+n] {
		t.model[j] += mult * float64(w)
	}
	t.modelWords += mult
}

// beliefs returns the model's posterior over its labels from an article's
// tally, as a share per label of topicLabels; all zero when the model knows
// none of the words.
func (m *topicWordModel) beliefs(t *topicTally) (p [numTopics]float64) {
	if t.modelWords == 0 {
		return p
	}
	scale := 1 / math.Pow(max(t.modelWords, 1), topicModelTemper)
	var z [numTopics]float64
	top := math.Inf(-1)
	for j := range m.labels {
		z[j] = m.bias[j] + t.model[j]*scale
		top = max(top, z[j])
	}
	sum := 0.0
	for j := range m.labels {
		z[j] = math.Exp(z[j] - top)
		sum += z[j]
	}
	for j, l := range m.labels {
		p[l] = z[j] / sum
	}
	return p
}

// mixTopicEvidence combines the lexicon's evidence ev with the model's
// beliefs p.
//
// The model only reorders the labels it was trained on: their lexicon
// evidence values are dealt out again, the largest to the label that leads
// on lexicon and model together (log evidence plus topicModelBoost times
// log probability, less as the text's evidence lies with other labels:
// topicModelTrust). So the twelve labels the model never saw keep their
// rank against the best of its labels, and a story keeps as many labels as
// the lexicon gives it. On top, each of the model's labels gets the fading
// prior topicModelPrior·p, which decides short texts.
func mixTopicEvidence(m *topicWordModel, ev *[numTopics]float64, p [numTopics]float64) [numTopics]float64 {
	n := len(m.labels)
	all, own := 0.0, 0.0
	for _, e := range ev {
		all += e
	}
	for _, l := range m.labels {
		own += ev[l]
	}
	trust, share := 1.0, 1.0
	if all > 0 {
		share = own / all
		trust = max(0, (share-topicModelTrust)/(1-topicModelTrust))
	}
	boost := topicModelBoost * trust
	mixed := func(l uint8) float64 { return math.Log1p(ev[l]) + boost*math.Log(max(p[l], 1e-6)) }
	// Ties keep label order: m.labels is in label order.
	var byLex, byMix [numTopics]uint8
	copy(byLex[:], m.labels)
	copy(byMix[:], m.labels)
	slices.SortStableFunc(byLex[:n], func(a, b uint8) int { return cmp.Compare(ev[b], ev[a]) })
	slices.SortStableFunc(byMix[:n], func(a, b uint8) int { return cmp.Compare(mixed(b), mixed(a)) })
	out := *ev
	prior := math.Pow(share, topicModelShareExp) * topicModelPrior * topicModelPriorFade / (topicModelPriorFade + all)
	for i := range n {
		out[byMix[i]] = ev[byLex[i]] + prior*p[byMix[i]]
	}
	// A label the model does not know may lead by little when the model is
	// all but certain of its own: a company's fraud trial is business news
	// first, a celebrity's court case entertainment. (It keeps the lead it
	// has by twice the evidence or more: a murder stays crime.)
	best := byMix[0]
	top := int(best)
	for l := range out {
		if out[l] > out[top] {
			top = l
		}
	}
	if top != int(best) && !slices.Contains(m.labels, uint8(top)) && p[best] >= topicModelCertain && out[top] < topicModelLeadRatio*out[best] {
		out[best] = math.Nextafter(out[top], math.Inf(1))
	}
	return out
}
