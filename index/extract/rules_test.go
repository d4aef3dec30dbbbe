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
		{
			name:  "an opening sentence describes whom the next paragraph names",
			text:  "A Conservative MP has accused the Home Office of leaving her constituents \"completely in the dark\" over a hotel.\n\nPhilippa Arden, MP for Sheppey Downs, said residents learned of the plan online.",
			quote: "completely in the dark",
			want:  "Philippa Arden",
		},
		{
			name:  "an opening sentence's common noun, named with it later",
			text:  "A coroner has said there were \"missed opportunities\" to help a teenager.\n\nAt the inquest in Leeds, senior coroner Margaret Oduya said the boy had waited months.",
			quote: "missed opportunities",
			want:  "Margaret Oduya",
		},
		{
			name:  "the opening sentence's person may be named two sentences on",
			text:  "A coroner has said there were \"missed opportunities\" to help a teenager. The boy, 16, had waited months for support.\n\nAt the inquest, senior coroner Margaret Oduya said the service had failed him.",
			quote: "missed opportunities",
			want:  "Margaret Oduya",
		},
		{
			name:  "later in the article, only the next sentence names the person described",
			text:  "Residents were angry on Monday.\n\nA coroner has said there were \"missed opportunities\" to help a teenager. The family asked for a review.\n\nSenior coroner Margaret Oduya said the boy had waited months.",
			quote: "missed opportunities",
			want:  "",
		},
		{
			name:  "later in the article, a description the next sentence names",
			text:  "Ministers want longer licensing hours.\n\nThis week a judge claimed easy access to drink was breeding \"urban savages\" in town centres. Judge Charles Harris QC made his remarks as he sentenced three men.",
			quote: "urban savages",
			want:  "Charles Harris",
		},
		{
			name:  "a descriptor before the name: the pronoun after means the person",
			text:  "Mayor Nadia Harrow said patrols would increase.\n\nRegular rider Sandra Yee said she had started taking the bus instead. \"I don't feel safe down there any more,\" she said.",
			quote: "feel safe",
			want:  "Sandra Yee",
		},
		{
			name:  "a body and a lower-case role before the name",
			text:  "Detective Diane Gervais said the ring had stolen 200 cars.\n\nInsurance Bureau of Canada vice-president Terri Mendoza said theft had driven up premiums. \"Every stolen car is paid for by every policyholder,\" she said.",
			quote: "Every stolen car",
			want:  "Terri Mendoza",
		},
		{
			name:  "a ministry's title joined by 'and' before the minister's name",
			text:  "Premier Owen Trask said the rules would be simpler.\n\nEnergy and Resources Minister Brent Koroluk said the changes would not weaken standards. \"We're not cutting corners,\" he said.",
			quote: "cutting corners",
			want:  "Brent Koroluk",
		},
		{
			name:  "a name's plural possessive is not the sentence's subject",
			text:  "Darnell Hughes, 34, was shot by an officer on Friday. Mayor Renée Castillo said the footage would be released.\n\nHughes' mother, Loretta Hughes, held a photo of her son. \"He was a good father,\" she said.",
			quote: "good father",
			want:  "Loretta Hughes",
		},
		{
			name:  "a role held at a body the phrase names is not the article's leading person's",
			text:  "Prime Minister Tony Blair visited the store on Monday. Mr Blair said prices were falling.\n\nTesco's chief executive said: \"Sales rose.\"",
			quote: "Sales rose",
			want:  "",
		},
		{
			name:  "a passive verb's agent is whom the sentence is about",
			text:  "Calder City boss Graham Ockenden said his side deserved a point.\n\nThe attendance was welcomed by the club's chief executive, Martin Hebblethwaite. \"Three years ago we were getting 300 people here,\" he said.",
			quote: "Three years ago",
			want:  "Martin Hebblethwaite",
		},
		{
			name:  "'the observatory' is the observatory the article named",
			text:  "Scientists at the Mauna Kea Volcano Observatory are watching the summit.\n\n\"Eruptions of this kind can pause and restart,\" according to an update posted by the observatory on Monday.",
			quote: "pause and restart",
			want:  "Mauna Kea Volcano Observatory",
		},
		{
			name:  "a lower-case role before a name is that person's role",
			text:  "The winner came from a corner by captain Jamie Lussier.\n\nCoach Ben Strickland said the team was tired.\n\n\"I put it in the area. He did the hard part,\" the captain said.",
			quote: "put it in the area",
			want:  "Jamie Lussier",
		},
		{
			name:  "'the Labour MP' is the member named with those letters",
			text:  "Former welfare minister Frank Field MP criticised the rivalry on the programme. Gordon Brown did not comment.\n\n\"What sort of model does it give to the nation?\" the Labour MP for Birkenhead asked.",
			quote: "What sort of model",
			want:  "Frank Field",
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

// A surname two people of the article share is the one a pronoun after it
// in the sentence fits (coref.go).
func TestSharedSurnameByPronoun(t *testing.T) {
	text := "Comedian Priya Madan won the award on Saturday. Her husband Rajesh Madan said he was proud.\n\nOn Sunday, Madan said she would take the show on tour."
	a, _ := read(store.Article{ID: "x", Body: text})
	for _, m := range a.mentions {
		if len(m.words) == 1 && m.words[0] == "Madan" {
			if m.ent == nil || m.ent.name != "Priya Madan" {
				t.Fatalf("the lone Madan is %v, want Priya Madan", m.ent)
			}
			return
		}
	}
	t.Fatal("no lone Madan found")
}
