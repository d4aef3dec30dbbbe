package extract

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Training of the topic word model (topics_model.go), for `cuttings train
// topics`. It is deterministic: examples are read in order, every map is
// walked in sorted order, and weights are rounded before they are written,
// so the same examples give byte-identical weights.

// TopicExample is one article of a topic-labelled training set; its first
// topic is the one the model learns.
type TopicExample struct {
	Title, Text string
	Topics      []string
}

// Training settings, chosen by 5-fold cross-validation on the BBC gold set
// (TOPICS.md).
const (
	// topicTrainVocab is how many words the model keeps, those that say most
	// about the label (information gain): a few hundred KB of weights, and
	// the rest of the words are mostly names and numbers that do not carry
	// over to news the model has not seen.
	topicTrainVocab = 6000
	// topicTrainMinDocs is how many articles a word must occur in to be
	// learnt at all: rarer words are names or typos.
	topicTrainMinDocs = 3
	// topicTrainLeadCopies is how many times more the first sentence of each
	// article is counted: the model must also work on a lead or a one-line
	// summary, whose words are the ones a story opens with.
	topicTrainLeadCopies = 2
	// topicTrainSmoothing is naive Bayes' additive smoothing of word counts.
	topicTrainSmoothing = 0.5
	// topicWeightDigits rounds weights in the file: finer steps change no
	// decision and make the file bigger.
	topicWeightDigits = 4
)

// topicStopWords are function words, which say nothing of a topic but are
// frequent enough that their chance differences between labels would add up
// on every text.
var topicStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor of in on at to for from by with as into onto
		about over under after before than then that this these those there here it its is are was were be
		been being has have had do does did will would shall should can could may might must not no yes
		so if he she they we you i me him her them us my his their our your who whom whose which what when
		where why how all any some each also just only very more most such own same other s t said says`) {
		m[w] = true
	}
	return m
}()

// TrainTopicModel fits the word model on examples and returns its weights
// as JSON, the content of topics.model.json.
func TrainTopicModel(examples []TopicExample) ([]byte, error) {
	f, err := trainTopicModel(examples)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString("{\n\"labels\": ")
	b, _ := json.Marshal(f.Labels)
	buf.Write(b)
	buf.WriteString(",\n\"bias\": ")
	b, _ = json.Marshal(f.Bias)
	buf.Write(b)
	buf.WriteString(",\n\"words\": ")
	b, _ = json.Marshal(f.Words)
	buf.Write(b)
	// One word's weights a line, so that a retrained model diffs readably.
	buf.WriteString(",\n\"weights\": [\n")
	n := len(f.Labels)
	for i, x := range f.Weights {
		b, _ = json.Marshal(x)
		buf.Write(b)
		switch {
		case i == len(f.Weights)-1:
			buf.WriteByte('\n')
		case i%n == n-1:
			buf.WriteString(",\n")
		default:
			buf.WriteByte(',')
		}
	}
	buf.WriteString("]}\n")
	return buf.Bytes(), nil
}

// trainTopicModel is multinomial naive Bayes over the words of title
// (counted topicModelTitleWeight times), body and first sentence (counted
// topicTrainLeadCopies more times), on the vocabulary that tells labels
// apart best.
func trainTopicModel(examples []TopicExample) (*topicModelFile, error) {
	lex := topicIndex()
	var labels []int // index into topicLabels, in label order
	type wordStats struct {
		count [numTopics]float64 // occurrences, weighted, by label
		docs  [numTopics]int     // articles it occurs in, by label
	}
	stats := map[string]*wordStats{}
	var docs [numTopics]int
	for i, ex := range examples {
		if len(ex.Topics) == 0 {
			return nil, fmt.Errorf("train topics: example %d has no topic", i)
		}
		l := slices.Index(topicLabels[:], ex.Topics[0])
		if l < 0 {
			return nil, fmt.Errorf("train topics: example %d: unknown label %q", i, ex.Topics[0])
		}
		if docs[l] == 0 {
			labels = append(labels, l)
		}
		docs[l]++
		// Repetitions weigh less, as in topicWordModel.word; the first
		// sentence, counted again, is counted as a text of its own.
		seen := map[string]int{}
		var t topicTally
		t.record = func(tok string, mult float64) {
			w := string(topicModelToken([]byte(tok)))
			if topicStopWords[w] || !topicHasLetter(w) {
				return
			}
			s := stats[w]
			if s == nil {
				s = &wordStats{}
				stats[w] = s
			}
			n := seen[w]
			if n == 0 {
				s.docs[l]++
			}
			seen[w] = n + 1
			s.count[l] += mult * topicRepeat[min(n, len(topicRepeat)-1)]
		}
		lex.scanArticle(ex.Title, ex.Text, &t)
		clear(seen)
		lex.scan(topicLeadSentence(ex.Text), 0, 0, topicTrainLeadCopies, &t)
	}
	slices.Sort(labels)
	if len(labels) < 2 {
		return nil, fmt.Errorf("train topics: %d labels in the examples, want at least 2", len(labels))
	}

	// Information gain of a word's presence about the label.
	total := float64(len(examples))
	entropy := func(ns []float64) float64 {
		sum, h := 0.0, 0.0
		for _, n := range ns {
			sum += n
		}
		for _, n := range ns {
			if n > 0 {
				h -= n / sum * math.Log(n/sum)
			}
		}
		return h * sum / total
	}
	type ranked struct {
		word string
		gain float64
	}
	var cands []ranked
	for _, w := range slices.Sorted(maps.Keys(stats)) {
		s := stats[w]
		in := make([]float64, len(labels))
		out := make([]float64, len(labels))
		n := 0
		for j, l := range labels {
			in[j] = float64(s.docs[l])
			out[j] = float64(docs[l] - s.docs[l])
			n += s.docs[l]
		}
		if n < topicTrainMinDocs {
			continue
		}
		// The label entropy is the same for every word, so ranking by
		// the entropy that remains ranks by gain.
		cands = append(cands, ranked{w, -(entropy(in) + entropy(out))})
	}
	slices.SortStableFunc(cands, func(a, b ranked) int { return cmp.Compare(b.gain, a.gain) })
	cands = cands[:min(len(cands), topicTrainVocab)]
	slices.SortFunc(cands, func(a, b ranked) int { return strings.Compare(a.word, b.word) })

	f := &topicModelFile{}
	var totals [numTopics]float64
	for _, c := range cands {
		for _, l := range labels {
			totals[l] += stats[c.word].count[l]
		}
	}
	round := func(x float64) float64 {
		p := math.Pow(10, topicWeightDigits)
		return math.Round(x*p) / p
	}
	centre := func(xs []float64) []float64 {
		mean := 0.0
		for _, x := range xs {
			mean += x
		}
		mean /= float64(len(xs))
		for i := range xs {
			xs[i] = round(xs[i] - mean)
		}
		return xs
	}
	v := float64(len(cands))
	for _, l := range labels {
		f.Labels = append(f.Labels, topicLabels[l])
		f.Bias = append(f.Bias, math.Log(float64(docs[l])/total))
	}
	f.Bias = centre(f.Bias)
	for _, c := range cands {
		row := make([]float64, len(labels))
		for j, l := range labels {
			row[j] = math.Log((stats[c.word].count[l] + topicTrainSmoothing) / (totals[l] + topicTrainSmoothing*v))
		}
		f.Words = append(f.Words, c.word)
		f.Weights = append(f.Weights, centre(row)...)
	}
	return f, nil
}

func topicHasLetter(w string) bool {
	return strings.ContainsFunc(w, func(r rune) bool { return !('0' <= r && r <= '9') })
}

// topicLeadSentence returns the first sentence of text: its first paragraph up
// to the first full stop, question or exclamation mark that is followed by
// a space and a capital or digit (a quotation mark may come between).
func topicLeadSentence(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		j += topicQuoteLen(text[j:])
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k == j || k == len(text) {
			continue
		}
		k += topicQuoteLen(text[k:])
		if k < len(text) && ('A' <= text[k] && text[k] <= 'Z' || '0' <= text[k] && text[k] <= '9') {
			return strings.TrimSpace(text[:i+1])
		}
	}
	return text
}

// topicQuoteLen is the length of a quotation mark at the start of s, or 0.
func topicQuoteLen(s string) int {
	switch {
	case strings.HasPrefix(s, `"`), strings.HasPrefix(s, "'"):
		return 1
	case strings.HasPrefix(s, "\u201c"), strings.HasPrefix(s, "\u201d"), strings.HasPrefix(s, "\u2019"):
		return 3
	}
	return 0
}

// TopicCV is the cross-validated top-1 accuracy of one way of classifying:
// the share of held-out articles whose first topic is one of their gold
// topics, from the full text (title and body), the first sentence of the
// body alone, and the title alone.
type TopicCV struct {
	Method             string
	Full, First, Title float64
}

// CrossValidateTopics splits examples into folds (example i in fold i mod
// folds), trains on all folds but one and classifies the held-out one, by
// the lexicon alone, the model alone and the two combined.
func CrossValidateTopics(examples []TopicExample, folds int) ([]TopicCV, error) {
	if folds < 2 || folds > len(examples) {
		return nil, fmt.Errorf("cross-validate topics: %d folds for %d examples", folds, len(examples))
	}
	methods := []string{"lexicon alone", "model alone", "lexicon and model"}
	var right [3][3]int // method × view
	lex := topicIndex()
	for k := range folds {
		var train []TopicExample
		for i, ex := range examples {
			if i%folds != k {
				train = append(train, ex)
			}
		}
		f, err := trainTopicModel(train)
		if err != nil {
			return nil, err
		}
		m, err := newTopicWordModel(f)
		if err != nil {
			return nil, err
		}
		for i := k; i < len(examples); i += folds {
			ex := examples[i]
			views := [3][2]string{{ex.Title, ex.Text}, {"", topicLeadSentence(ex.Text)}, {"", ex.Title}}
			for v, view := range views {
				lexEv := topicEvidence(lex, nil, view[0], view[1])
				var t topicTally
				t.words = m
				lex.scanArticle(view[0], view[1], &t)
				p := m.beliefs(&t)
				both := topicEvidence(lex, m, view[0], view[1])
				for j, ev := range []*[numTopics]float64{&lexEv, &p, &both} {
					if ts := chooseTopics(ev); len(ts) > 0 && slices.Contains(ex.Topics, ts[0].Label) {
						right[j][v]++
					}
				}
			}
		}
	}
	out := make([]TopicCV, len(methods))
	n := float64(len(examples))
	for j, name := range methods {
		out[j] = TopicCV{name, float64(right[j][0]) / n, float64(right[j][1]) / n, float64(right[j][2]) / n}
	}
	return out, nil
}
