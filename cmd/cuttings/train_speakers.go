package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/cuttings/cuttings/index/extract"
	"github.com/cuttings/cuttings/store"
)

// defaultSpeakerGold is what the built-in speaker model is trained on, from
// the repository root, beside the golden cases. The seed article is left
// out: it checks the model as an article it never saw.
var defaultSpeakerGold = []string{"../shared/gold/polnear-dev.jsonl", "../shared/gold/bbc-dev.jsonl"}

func runTrainSpeakers(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("train speakers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var gold, eval stringList
	fs.Var(&gold, "gold", "gold `FILE` to train on (repeatable; default the PolNeAR and BBC dev sets in ../shared/gold)")
	cases := fs.String("cases", "testdata/extract", "also train on the golden cases in `DIR` (NAME.txt and NAME.golden.json, where a null speaker means nobody is named); never held out; \"\" leaves them out")
	fs.Var(&eval, "eval", "gold `FILE` to predict with the model trained on --gold, written to --predictions (repeatable)")
	out := fs.String("out", "", "write the model to `FILE` (default index/extract/speakers.model.json when neither --cv nor --eval is given)")
	folds := fs.Int("cv", 0, "cross-validate: split the --gold articles into `K` folds and predict each fold with a model trained on the others")
	preds := fs.String("predictions", "", "write the held-out predictions of --cv or --eval to `FILE`, as `cuttings extract` prints them, for score.py")
	l2 := fs.Float64("l2", 10, "penalty on the squares of the ranking's weights (the candidate the hand rules pick stays unless other evidence is strong and repeated)")
	keepL2 := fs.Float64("keep-l2", 3, "penalty on the squares of the weights of the decision to name the best candidate")
	iterations := fs.Int("iterations", 1000, "at most this many L-BFGS steps for each fit")
	report := fs.String("report", "", "with --cv, write every held-out quotation's candidates, the right ones and the one named to `FILE` (JSONL)")
	caseWeight := fs.Float64("case-weight", 10, "weigh the golden cases this many times more than their size gives them")
	balance := fs.Float64("balance", 0.5, "weigh each collection by (largest collection / its size) to this `power`: 0 counts articles alike, 1 counts collections alike")
	var without stringList
	fs.Var(&without, "without", "leave out the features of a `GROUP` (repeatable; an ablation): rule, prev, focus, salience, lead, nearest-before, nearest-after, last-cue-subject, pronoun, keep ...")
	threshold := fs.Float64("threshold", 0.25, "name the best candidate when the model's probability that it is right is at least `P`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: cuttings train speakers [flags]\n\nFits the speaker ranker on gold quotations (../shared/eval/FORMAT.md): each\nquotation the extractor finds is matched to a gold quotation as score.py does,\nand its candidates whose name score.py accepts for the gold speaker are right.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return errUsage
	}
	if len(gold) == 0 {
		gold = defaultSpeakerGold
	}
	if *out == "" && *folds == 0 && len(eval) == 0 {
		*out = "index/extract/speakers.model.json"
	}
	if (*folds > 0 || len(eval) > 0) && *preds == "" {
		return fmt.Errorf("train speakers: --cv and --eval need --predictions FILE")
	}
	if *folds == 1 || *folds < 0 {
		return fmt.Errorf("train speakers: --cv needs at least 2 folds")
	}
	opts := extract.SpeakerTraining{RankL2: *l2, KeepL2: *keepL2, Iterations: *iterations, Threshold: *threshold, Without: without}
	var arts []goldArticle
	var weights []float64 // per article: its collection's weight
	sets := make([][]goldArticle, len(gold))
	largest := 0
	for i, g := range gold {
		as, err := readGold(g)
		if err != nil {
			return fmt.Errorf("train speakers: %w", err)
		}
		sets[i] = as
		largest = max(largest, len(as))
	}
	var setOf []string // per article: its gold file
	if *cases != "" {
		cs, err := readCases(*cases)
		if err != nil {
			return fmt.Errorf("train speakers: %w", err)
		}
		sets = append(sets, cs)
		gold = append(gold, *cases)
		largest = max(largest, len(cs))
	}
	for si, as := range sets {
		// A smaller collection counts for more, so that one style of
		// news does not drown the others (the square root of the ratio:
		// a middle way between counting articles and counting collections).
		w := math.Pow(float64(largest)/float64(len(as)), *balance)
		if len(as) > 0 && as[0].always {
			w *= *caseWeight
		}
		for range as {
			weights = append(weights, w)
			setOf = append(setOf, filepath.Base(gold[si]))
		}
		arts = append(arts, as...)
	}
	choices := make([][]extract.SpeakerChoice, len(arts))
	labelled, right := 0, 0
	for i, g := range arts {
		choices[i] = labelChoices(g)
		for j := range choices[i] {
			choices[i][j].Weight = weights[i]
		}
		for _, c := range choices[i] {
			labelled++
			for _, r := range c.Right {
				if r {
					right++
					break
				}
			}
		}
	}
	fmt.Fprintf(stderr, "train speakers: %d articles, %d quotations to learn from, %d with a right candidate\n", len(arts), labelled, right)

	var w *bufio.Writer
	if *preds != "" {
		f, err := os.Create(*preds)
		if err != nil {
			return fmt.Errorf("train speakers: %w", err)
		}
		defer f.Close()
		w = bufio.NewWriter(f)
	}
	tally := outcomes{}
	if *report != "" {
		if *folds == 0 {
			return fmt.Errorf("train speakers: --report needs --cv")
		}
		f, err := os.Create(*report)
		if err != nil {
			return fmt.Errorf("train speakers: %w", err)
		}
		defer f.Close()
		tally.report = json.NewEncoder(f)
	}
	if *folds > 0 {
		defer tally.print(stderr)
		for k := 0; k < *folds; k++ {
			var train []extract.SpeakerChoice
			for i, g := range arts {
				if g.always || fold(g.ID, *folds) != k {
					train = append(train, choices[i]...)
				}
			}
			m, err := extract.TrainSpeakers(train, opts)
			if err != nil {
				return fmt.Errorf("fold %d: %w", k+1, err)
			}
			for i, g := range arts {
				if !g.always && fold(g.ID, *folds) == k {
					tally.add(setOf[i], g.ID, m, choices[i])
					if err := writePrediction(w, extract.Extractor{Speakers: m}, g); err != nil {
						return err
					}
				}
			}
			fmt.Fprintf(stderr, "train speakers: fold %d of %d done\n", k+1, *folds)
		}
	}
	if len(eval) > 0 || *out != "" {
		var all []extract.SpeakerChoice
		for _, c := range choices {
			all = append(all, c...)
		}
		m, err := extract.TrainSpeakers(all, opts)
		if err != nil {
			return err
		}
		for _, e := range eval {
			as, err := readGold(e)
			if err != nil {
				return fmt.Errorf("train speakers: %w", err)
			}
			for _, g := range as {
				if err := writePrediction(w, extract.Extractor{Speakers: m}, g); err != nil {
					return err
				}
			}
		}
		if *out != "" {
			b, err := m.MarshalJSON()
			if err != nil {
				return fmt.Errorf("train speakers: %w", err)
			}
			if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
				return fmt.Errorf("train speakers: %w", err)
			}
			fmt.Fprintf(stderr, "train speakers: wrote %s\n", *out)
		}
	}
	if w != nil {
		if err := w.Flush(); err != nil {
			return fmt.Errorf("train speakers: write predictions: %w", err)
		}
	}
	return nil
}

// outcomes counts, per gold file, what the model made of the quotations
// that have a gold speaker: right, a wrong candidate named, or nobody, each
// split by whether a right candidate was there to choose ("reachable"); and
// of those that are no gold quotation, how many it named somebody for.
type outcomes struct {
	counts map[string]map[string]int
	report *json.Encoder // every held-out choice, when --report is given
}

func (o *outcomes) add(set, id string, m *extract.SpeakerModel, cs []extract.SpeakerChoice) {
	if o.counts == nil {
		o.counts = map[string]map[string]int{}
	}
	if o.counts[set] == nil {
		o.counts[set] = map[string]int{}
	}
	for i := range cs {
		c := &cs[i]
		best, p := m.Choose(c)
		named := ""
		if best >= 0 {
			named = c.Candidates[best]
		}
		if o.report != nil {
			o.report.Encode(map[string]any{"id": id, "quote": c.Quote, "gold": c.Gold, "named": named, "p": math.Round(p*1000) / 1000, "candidates": c.Candidates, "right": c.Right})
		}
		reach := "unreachable"
		for _, r := range c.Right {
			if r {
				reach = "reachable"
			}
		}
		switch {
		case c.Gold == "":
			if best >= 0 {
				o.counts[set]["not a gold quotation, named"]++
			} else {
				o.counts[set]["not a gold quotation, nobody"]++
			}
		case best >= 0 && c.Right[best]:
			o.counts[set]["right"]++
		case best >= 0:
			o.counts[set]["wrong, "+reach]++
		default:
			o.counts[set]["nobody, "+reach]++
		}
	}
}

func (o *outcomes) print(w io.Writer) {
	sets := make([]string, 0, len(o.counts))
	for s := range o.counts {
		sets = append(sets, s)
	}
	sort.Strings(sets)
	for _, s := range sets {
		keys := make([]string, 0, len(o.counts[s]))
		for k := range o.counts[s] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "train speakers: held out %s: %s %d\n", s, k, o.counts[s][k])
		}
	}
}

// fold puts an article in one of k folds by a hash of its id, so that the
// split does not depend on the order of the files.
func fold(id string, k int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(k))
}

func writePrediction(w *bufio.Writer, x extract.Extractor, g goldArticle) error {
	b, err := json.Marshal(x.Extract(store.Article{ID: g.ID, Title: g.Title, Body: g.Text}))
	if err != nil {
		return fmt.Errorf("train speakers: article %s: %w", g.ID, err)
	}
	w.Write(b)
	return w.WriteByte('\n')
}

// labelChoices finds the extractor's quotations in a gold article, matches
// them to the gold quotations as score.py does (in gold order, each gold
// quotation taking the unused found one that covers most of its words, if
// at least half) and marks the right candidates: those whose name agrees
// with the gold speaker, or nobody when the quotation is no gold
// quotation. A quotation whose gold speaker is unknown teaches nothing.
func labelChoices(g goldArticle) []extract.SpeakerChoice {
	cs := extract.SpeakerChoices(store.Article{ID: g.ID, Title: g.Title, Body: g.Text})
	if g.Quotes == nil {
		return nil
	}
	matched := make([]*goldQuote, len(cs))
	for qi := range g.Quotes {
		q := &g.Quotes[qi]
		if q.Kind != "" && q.Kind != "direct" {
			continue
		}
		best, bi := 0.0, -1
		for i, c := range cs {
			if matched[i] != nil {
				continue
			}
			if o := overlap(q.Text, c.Quote); o > best {
				best, bi = o, i
			}
		}
		if best >= 0.5 {
			matched[bi] = q
		}
	}
	out := cs[:0]
	for i, c := range cs {
		q := matched[i]
		switch {
		case q == nil:
			// Not a quotation a reader marks: no candidate is right.
			c.Gold = ""
		case q.Speaker == nil || *q.Speaker == "":
			if !g.always {
				continue // nobody annotated who said it
			}
			c.Gold = "" // a golden case: nobody is named
		default:
			c.Gold = *q.Speaker
			for j, name := range c.Candidates {
				c.Right[j] = sameSpeaker(q, name)
			}
		}
		out = append(out, c)
	}
	return out
}

// readCases reads the golden cases of dir as gold articles.
func readCases(dir string) ([]goldArticle, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.golden.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no golden cases (*.golden.json) in %s", dir)
	}
	var out []goldArticle
	for _, f := range files {
		name := strings.TrimSuffix(f, ".golden.json")
		text, err := os.ReadFile(name + ".txt")
		if err != nil {
			return nil, fmt.Errorf("golden case %s: %w", f, err)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var c struct {
			Quotes []goldQuote `json:"quotes"`
		}
		if err := json.Unmarshal(b, &c); err != nil {
			return nil, fmt.Errorf("golden case %s: %w", f, err)
		}
		if c.Quotes == nil {
			c.Quotes = []goldQuote{}
		}
		out = append(out, goldArticle{ID: "case/" + filepath.Base(name), Text: string(text), Quotes: c.Quotes, always: true})
	}
	return out, nil
}

// The rest mirrors ../shared/eval/score.py, so that training rewards what
// the scorer counts.

var honorifics = map[string]bool{}

func init() {
	for _, w := range strings.Fields("mr mrs ms miss dr sir dame lord lady prof professor president pm prime minister the rev mx gen general sen senator rep gov governor judge justice king queen prince princess chancellor secretary mayor st jr sr") {
		honorifics[w] = true
	}
}

var nameWord = regexp.MustCompile(`[\p{L}\p{N}_'-]+`)
var plainWord = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// foldText removes accents and case.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return strings.ToLower(b.String())
}

// nameKey is a name without honorifics and initials: "Sen. Harold J. Vane" -> "harold vane".
func nameKey(name string) string {
	toks := nameWord.FindAllString(foldText(name), -1)
	for len(toks) > 1 && honorifics[toks[0]] {
		toks = toks[1:]
	}
	for len(toks) > 1 {
		switch toks[len(toks)-1] {
		case "jr", "sr", "ii", "iii":
			toks = toks[:len(toks)-1]
			continue
		}
		break
	}
	long := false
	for _, t := range toks {
		long = long || len([]rune(t)) > 1
	}
	if long {
		kept := toks[:0]
		for _, t := range toks {
			if len([]rune(t)) > 1 {
				kept = append(kept, t)
			}
		}
		toks = kept
	}
	return strings.Join(toks, " ")
}

func sameSpeaker(q *goldQuote, predicted string) bool {
	g, p := nameKey(*q.Speaker), nameKey(predicted)
	if p == "" {
		return false
	}
	for _, a := range q.SpeakerAliases {
		if nameKey(a) == p {
			return true
		}
	}
	if q.SpeakerMatch == "surname" {
		gs, ps := strings.Fields(g), strings.Fields(p)
		return len(gs) > 0 && len(ps) > 0 && gs[len(gs)-1] == ps[len(ps)-1]
	}
	return g == p
}

// overlap is the share of the gold quotation's words the found one covers,
// penalised when the found one is over three times longer.
func overlap(gold, found string) float64 {
	g := plainWord.FindAllString(foldText(gold), -1)
	p := plainWord.FindAllString(foldText(found), -1)
	if len(g) == 0 {
		return 0
	}
	pool := map[string]int{}
	for _, w := range p {
		pool[w]++
	}
	hit := 0
	for _, w := range g {
		if pool[w] > 0 {
			pool[w]--
			hit++
		}
	}
	cover := float64(hit) / float64(len(g))
	spill := float64(len(p)) / float64(len(g))
	if spill <= 3 {
		return cover
	}
	return cover / (spill / 3)
}
