package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
)

// NamesDoc is one annotated text for the name model: its body and the
// spans a person marked as names of some type.
type NamesDoc struct {
	Name  string
	Text  string
	Spans []NameSpan
}

// NameSpan is an annotated stretch of a NamesDoc's text, in bytes, with its
// type: person, organization, place, or anything else (which the model
// learns as "other").
type NameSpan struct {
	Start, End int
	Type       string
}

// nameExample is one mention the extractor found, its features and the
// class the annotation gives it.
type nameExample struct {
	feats []string
	class nameClass
	kind  entKind // what the hand rules made of it
	text  string  // the mention as written, for reports
}

// prepareArticle runs Extract's steps up to the typing of mentions by the
// hand rules (the name model's input), without the model or attribution.
func prepareArticle(body string) (*article, map[string]bool) {
	art, vocab := readMentions(body)
	art.typeByContextRules()
	return art, vocab
}

// namesExamples labels each mention of doc by the smallest annotated span
// that holds it and ends with it (English names end in their head word):
// "Australian" in "Australian children" is no person, "National Iodine
// Study" in "Director of the National Iodine Study" none either. A mention
// that no span fits is "other".
func namesExamples(doc NamesDoc, use map[string]bool) []nameExample {
	a, vocab := prepareArticle(doc.Text)
	var out []nameExample
	for i := range a.mentions {
		m := &a.mentions[i]
		if len(m.words) == 0 || m.to <= m.from {
			continue
		}
		head := a.toks[m.to-1]
		from, to := a.toks[m.nameFrom].start, head.end
		class, size := classOther, math.MaxInt
		for _, s := range doc.Spans {
			if s.Start <= from && s.End == to && s.End-s.Start < size {
				class, size = classOf(s.Type), s.End-s.Start
			}
		}
		out = append(out, nameExample{feats: a.nameFeatures(m, use, vocab, nil), class: class, kind: m.kind, text: doc.Text[from:to]})
	}
	return out
}

func classOf(t string) nameClass {
	for c, n := range classNames {
		if n == t {
			return nameClass(c)
		}
	}
	return classOther
}

// fitNames fits a multinomial logistic regression over the classes:
// each feature has a weight per class, a mention's score for a class is
// the sum of its features' weights, and the loss is the negative
// log-likelihood of the annotated class under the softmax of the scores.
// Weights are rounded to 1/1000 so that the file is stable and small;
// features whose weights all round to zero are left out.
func fitNames(ex []nameExample, o NamesOptions) (map[string][numClasses]float64, error) {
	var f features
	rows := make([][]int32, len(ex))
	for i, e := range ex {
		rows[i] = f.ids(e.feats)
	}
	const nc = int(numClasses)
	w, err := fitConvex(len(f.names)*nc, o.l2(), o.iterations(), func(w, grad []float64) float64 {
		var total float64
		var s [numClasses]float64
		for i, row := range rows {
			s = [numClasses]float64{}
			for _, k := range row {
				for c := range s {
					s[c] += w[int(k)*nc+c]
				}
			}
			gold := int(ex[i].class)
			total += softmaxLoss(s[:], func(c int) bool { return c == gold }, 1)
			for _, k := range row {
				for c := range s {
					grad[int(k)*nc+c] += s[c]
				}
			}
		}
		return total
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string][numClasses]float64, len(f.names))
	for k, name := range f.names {
		var v [numClasses]float64
		nonzero := false
		for c := range v {
			v[c] = math.Round(w[k*nc+c]*1000) / 1000
			nonzero = nonzero || v[c] != 0
		}
		if nonzero {
			out[name] = v
		}
	}
	return out, nil
}

// NamesOptions says how to fit the name model.
type NamesOptions struct {
	Groups     []string // feature groups to use; nil for all
	L2         float64  // the penalty on the weights' squares; 0 means 1
	Iterations int      // at most this many L-BFGS steps; 0 means 1000
	Trained    string   // a note of the data, kept in the weights file
}

func (o NamesOptions) l2() float64 {
	if o.L2 == 0 {
		return 1
	}
	return o.L2
}

func (o NamesOptions) iterations() int {
	if o.Iterations == 0 {
		return 1000
	}
	return o.Iterations
}

func (o NamesOptions) groups() []string {
	if o.Groups == nil {
		return featureGroups
	}
	return o.Groups
}

// TrainNames fits the name model on docs and returns its weights file.
func TrainNames(docs []NamesDoc, o NamesOptions) ([]byte, error) {
	use := setOf(o.groups()...)
	var ex []nameExample
	for _, d := range docs {
		ex = append(ex, namesExamples(d, use)...)
	}
	w, err := fitNames(ex, o)
	if err != nil {
		return nil, fmt.Errorf("train names: %w", err)
	}
	m := namesModel{Classes: classNames[:], Groups: o.groups(), Weights: w, Trained: o.Trained}
	return encodeNamesModel(&m), nil
}

// encodeNamesModel writes the weights with one feature a line, in sorted
// order, so that two trainings can be compared byte for byte and a diff
// shows what changed.
func encodeNamesModel(m *namesModel) []byte {
	var b bytes.Buffer
	head, _ := json.Marshal(struct {
		Classes []string `json:"classes"`
		Groups  []string `json:"groups"`
		Trained string   `json:"trained"`
	}{m.Classes, m.Groups, m.Trained})
	b.Write(head[:len(head)-1])
	b.WriteString(",\"weights\":{\n")
	keys := make([]string, 0, len(m.Weights))
	for k := range m.Weights {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		kj, _ := json.Marshal(k)
		wj, _ := json.Marshal(m.Weights[k])
		b.Write(kj)
		b.WriteByte(':')
		b.Write(wj)
		if i < len(keys)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}}\n")
	return b.Bytes()
}

// NamesScore is how well the model does on held-out documents: on all the
// mentions found, and on those the hand rules left open (where the model
// is used).
type NamesScore struct {
	All, Open          [numClasses][numClasses]int // confusion: [gold][predicted]
	RulesAll, RulesHit int                         // mentions the rules typed firmly, and how many rightly
}

// CrossValidateNames fits the model k times, each time on all documents
// but one fold (documents i with i%k == fold) and scores it on that fold.
func CrossValidateNames(docs []NamesDoc, o NamesOptions, k int) (NamesScore, error) {
	use := setOf(o.groups()...)
	exs := make([][]nameExample, len(docs))
	for i, d := range docs {
		exs[i] = namesExamples(d, use)
	}
	var sc NamesScore
	for fold := 0; fold < k; fold++ {
		var train []nameExample
		for i := range docs {
			if i%k != fold {
				train = append(train, exs[i]...)
			}
		}
		w, err := fitNames(train, o)
		if err != nil {
			return sc, fmt.Errorf("cross-validate names, fold %d: %w", fold+1, err)
		}
		nm := &namesModel{Weights: w}
		for i := range docs {
			if i%k != fold {
				continue
			}
			for _, e := range exs[i] {
				c, _ := predict(nm.scores(e.feats))
				sc.All[e.class][c]++
				if e.kind == entMaybe {
					sc.Open[e.class][c]++
				}
				if r := ruleClass(e.kind); r >= 0 {
					sc.RulesAll++
					if r == e.class {
						sc.RulesHit++
					}
				}
			}
		}
	}
	return sc, nil
}

// ruleClass is the class the hand rules gave, or -1 for an open mention.
func ruleClass(k entKind) nameClass {
	switch k {
	case entPerson:
		return classPerson
	case entOrg:
		return classOrg
	case entPlace:
		return classPlace
	case entMaybe:
		return -1
	}
	return classOther
}

// Report prints accuracy and per-class precision, recall and F1.
func (s NamesScore) Report() string {
	var b strings.Builder
	for _, part := range []struct {
		name string
		m    [numClasses][numClasses]int
	}{{"all mentions", s.All}, {"mentions the rules leave open", s.Open}} {
		total, hit := 0, 0
		for g := range part.m {
			for p := range part.m[g] {
				total += part.m[g][p]
				if g == p {
					hit += part.m[g][p]
				}
			}
		}
		fmt.Fprintf(&b, "%s: %d, accuracy %.3f\n", part.name, total, ratio(hit, total))
		for c := range classNames {
			tp, pred, gold := part.m[c][c], 0, 0
			for o := range classNames {
				pred += part.m[o][c]
				gold += part.m[c][o]
			}
			p, r := ratio(tp, pred), ratio(tp, gold)
			f := 0.0
			if p+r > 0 {
				f = 2 * p * r / (p + r)
			}
			fmt.Fprintf(&b, "  %-12s P %.3f R %.3f F1 %.3f (gold %d)\n", classNames[c], p, r, f, gold)
		}
	}
	fmt.Fprintf(&b, "hand rules on the mentions they type: %d, accuracy %.3f\n", s.RulesAll, ratio(s.RulesHit, s.RulesAll))
	return b.String()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
