package extract

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTopicModelLoads checks the embedded model: it parses, knows the five
// labels of the set it was trained on, and stays small.
func TestTopicModelLoads(t *testing.T) {
	m := topicModel()
	var labels []string
	for _, l := range m.labels {
		labels = append(labels, topicLabels[l])
	}
	want := []string{
		"arts, culture, entertainment and media",
		"economy, business and finance",
		"politics",
		"science and technology",
		"sport",
	}
	if diff := cmp.Diff(want, labels); diff != "" {
		t.Errorf("model labels (-want +got):\n%s", diff)
	}
	if n := len(m.ids); n < 1000 || n > topicTrainVocab {
		t.Errorf("model has %d words, want 1000 to %d", n, topicTrainVocab)
	}
	if len(m.weights) != len(m.ids)*len(m.labels) {
		t.Errorf("%d weights for %d words", len(m.weights), len(m.ids))
	}
	if n := len(topicModelJSON); n > 400_000 {
		t.Errorf("model file is %d bytes, want at most 400 KB", n)
	}
	for w := range topicStopWords {
		if _, ok := m.ids[w]; ok {
			t.Errorf("stop word %q in the model", w)
		}
	}
}

// topicShortNews are one- and two-sentence news summaries written for these
// tests, the length of a wire digest or a search snippet, where the lexicon
// alone knows few of the words.
var topicShortNews = []struct {
	text, want string
}{
	// Technology business reads like the economy to the lexicon. (Still
	// economy: a chipmaker's quarterly sales, a search company's settlement
	// over advertising; see TOPICS.md.)
	{"The smartphone maker will cut the price of its flagship handset and bundle a year of cloud storage to win back buyers.", "science and technology"},
	{"A software start-up that builds tools for writing code with artificial intelligence has raised $200m from investors.", "science and technology"},
	{"Broadband providers will have to tell customers when their connection speeds fall below what they were promised.", "science and technology"},
	{"Sales of electric cars rose by a third in the first half of the year, led by cheaper models from Chinese makers.", "economy, business and finance"},
	{"The central bank held interest rates at 4.5% and said inflation would fall back to target next year.", "economy, business and finance"},
	{"Shares in the supermarket chain fell 8% after it warned that profits would be lower than expected.", "economy, business and finance"},
	{"The striker scored twice in the second half as the visitors came from behind to win 3-2.", "sport"},
	{"The world number one was knocked out in the second round after losing in straight sets.", "sport"},
	{"The opener made an unbeaten century as the tourists declared on 420 for six.", "sport"},
	{"The singer's new album went straight to number one in its first week of release.", "arts, culture, entertainment and media"},
	{"Opposition MPs will vote against the bill when it returns to the Commons next week, the party's leader said.", "politics"},
	// Short news of labels the model never learnt keeps them.
	{"A magnitude 6.8 earthquake struck off the coast on Monday, and a tsunami warning was issued.", "disaster, accident and emergency incident"},
	{"Two men were charged with murder after a man was stabbed outside a nightclub.", "crime, law and justice"},
	{"Forecasters warned of heavy snow and freezing temperatures across the north over the weekend.", "weather"},
	{"Hospitals reported a sharp rise in flu cases as the vaccination campaign got under way.", "health"},
	{"Artillery shelling killed at least 12 soldiers near the front line overnight, the army said.", "conflict, war and peace"},
	{"Teachers' unions will hold a one-day national strike over pay next month.", "labour"},
}

func TestClassifyTopicsShortNews(t *testing.T) {
	for _, tc := range topicShortNews {
		t.Run(tc.text[:30], func(t *testing.T) {
			got := classifyTopics("", tc.text)
			if len(got) == 0 || got[0].Label != tc.want {
				t.Errorf("classifyTopics(%q) = %v, want %q first", tc.text, got, tc.want)
			}
		})
	}
}

// topicTrainingNews is a tiny labelled set, written for these tests, to train
// models on.
var topicTrainingNews = []TopicExample{
	{"Shares fall", "Shares in the bank fell sharply after profits dropped. Investors sold the shares as profits fell.", []string{"economy, business and finance"}},
	{"Profits rise", "The retailer said profits rose as sales grew. Its shares rose on the news.", []string{"economy, business and finance"}},
	{"Bank warns", "The bank warned that profits would fall. Shares and bonds dropped.", []string{"economy, business and finance"}},
	{"Market rally", "Shares rallied as investors bet on higher profits and stronger sales.", []string{"economy, business and finance"}},
	{"Cup final", "The striker scored in the final as the club won the cup. The goal came late.", []string{"sport"}},
	{"Late goal", "A late goal from the striker gave the club victory in the league.", []string{"sport"}},
	{"Title race", "The club moved top of the league after the striker scored twice.", []string{"sport"}},
	{"Derby win", "The home club won the derby with a goal in each half from their striker.", []string{"sport"}},
	{"Vote looms", "Ministers face a vote in parliament on the bill. The party is split over the bill.", []string{"politics"}},
	{"Election call", "The party leader called an election after parliament rejected the bill.", []string{"politics"}},
	{"Minister quits", "The minister resigned before the vote, saying the party had lost its way in parliament.", []string{"politics"}},
	{"Coalition talks", "Party leaders met to agree a coalition before parliament returns to vote.", []string{"politics"}},
}

// TestTrainTopicModel trains on the tiny set twice: the weights must be the
// same bytes, load, and tell the labels apart on text the model has not
// seen.
func TestTrainTopicModel(t *testing.T) {
	a, err := TrainTopicModel(topicTrainingNews)
	if err != nil {
		t.Fatal(err)
	}
	b, err := TrainTopicModel(slices.Clone(topicTrainingNews))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("training twice on the same examples gave different weights")
	}
	m, err := parseTopicModel(a)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"Profits and sales slipped, and the shares followed.": "economy, business and finance",
		"The striker was the hero of the derby.":              "sport",
		"The bill will go to a vote in parliament.":           "politics",
	} {
		var tally topicTally
		tally.words = m
		topicIndex().scan(text, 1, 0, 1, &tally)
		p := m.beliefs(&tally)
		best := 0
		for l := range p {
			if p[l] > p[best] {
				best = l
			}
		}
		if topicLabels[best] != want {
			t.Errorf("trained model on %q: %q, want %q", text, topicLabels[best], want)
		}
	}

	if _, err := TrainTopicModel(topicTrainingNews[:4]); err == nil {
		t.Error("training on one label: no error")
	}
	bad := []TopicExample{{Title: "x", Text: "y", Topics: []string{"gardening"}}}
	if _, err := TrainTopicModel(bad); err == nil {
		t.Error("training on an unknown label: no error")
	}
}

func TestCrossValidateTopics(t *testing.T) {
	rows, err := CrossValidateTopics(topicTrainingNews, 4)
	if err != nil {
		t.Fatal(err)
	}
	var methods []string
	for _, r := range rows {
		methods = append(methods, r.Method)
		for _, acc := range []float64{r.Full, r.First, r.Title} {
			if acc < 0 || acc > 1 {
				t.Errorf("%s: accuracy %v out of [0,1]", r.Method, acc)
			}
		}
	}
	if diff := cmp.Diff([]string{"lexicon alone", "model alone", "lexicon and model"}, methods); diff != "" {
		t.Errorf("methods (-want +got):\n%s", diff)
	}
	if rows[1].Full < 0.75 {
		t.Errorf("model alone on full text: %.2f, want >= 0.75 on this easy set", rows[1].Full)
	}
	if _, err := CrossValidateTopics(topicTrainingNews, 1); err == nil {
		t.Error("one fold: no error")
	}
}

func TestTopicLeadSentence(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Shares fell 3.5% on Monday. The index closed lower.", "Shares fell 3.5% on Monday."},
		{"The U.S. economy grew. Jobs rose.", "The U.S. economy grew."},
		{"\"We will win,\" he said. Then he left.", "\"We will win,\" he said."},
		{"Is it over? 2025 will tell.", "Is it over?"},
		{"One paragraph without a stop\n\nA second one. And more.", "One paragraph without a stop"},
		{"  Lower-case after a stop. e.g. this stays", "Lower-case after a stop. e.g. this stays"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := topicLeadSentence(tt.text); got != tt.want {
			t.Errorf("topicLeadSentence(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTopicModelSkipsNames checks that capitalised words inside a sentence
// (names of people, places, teams) do not reach the model, and words that
// open a sentence do.
func TestTopicModelSkipsNames(t *testing.T) {
	var seen []string
	var tally topicTally
	tally.record = func(tok string, _ float64) { seen = append(seen, tok) }
	topicIndex().scan("Shares in Acme rose. Profits at Acme fell.\nAnalysts said", 1, 0, 1, &tally)
	want := strings.Fields("shares in rose profits at fell analysts said")
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("words the model sees (-want +got):\n%s", diff)
	}
}

// TestTopicModelTitleCase checks that in a title-case headline every word
// reaches the model, while in a sentence-case one the names stay out.
func TestTopicModelTitleCase(t *testing.T) {
	tests := []struct {
		title string
		want  []string
	}{
		{"Chipmaker Posts Record Profit on Strong Demand", strings.Fields("chipmaker posts record profit on strong demand")},
		{"Chipmaker posts record profit as Acme demand grows", strings.Fields("chipmaker posts record profit as demand grows")},
		{"Acme Profit", strings.Fields("acme")}, // too short to tell
	}
	for _, tt := range tests {
		var seen []string
		var tally topicTally
		tally.record = func(tok string, _ float64) { seen = append(seen, tok) }
		topicIndex().scanArticle(tt.title, "", &tally)
		if diff := cmp.Diff(tt.want, seen); diff != "" {
			t.Errorf("%q: words the model sees (-want +got):\n%s", tt.title, diff)
		}
	}
}
