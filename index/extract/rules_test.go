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
			name:  "a title's abbreviation ends no sentence, with two councillors quoted",
			text:  "Council voted 9-4 for the bike lanes.\n\n\"This has taken six years,\" said Coun. Rafael Dimaano-Ortiz, who brought the motion. \"It is a start.\"\n\n\"Shops will suffer,\" said Coun. Glenys Apted, who voted against.",
			quote: "This has taken six years",
			want:  "Rafael Dimaano-Ortiz",
		},
		{
			name:  "a name no list knows, after a lower-case word for a person",
			text:  "The exhibition opened on Friday.\n\n\"These prints were never meant to stay in a drawer,\" said co-curator Qilautaq Aariak-Sorensen.",
			quote: "These prints were never meant",
			want:  "Qilautaq Aariak-Sorensen",
		},
		{
			name:  "the company is a business named before, not the court",
			text:  "Dana Whitlow, 41, worked for Tarnbeck Logistics Ltd, a haulage firm. She was jailed at Harwich Crown Court on Monday. The company said it had \"tightened every check\" since her arrest.",
			quote: "tightened every check",
			want:  "Tarnbeck Logistics Ltd",
		},
		{
			name:  "a company's short form after its full name with a legal suffix",
			text:  "Harlow Foods Inc. said its profit rose. The bureau opened an inquiry into its leases.\n\nHarlow said it was co-operating and had \"already begun removing\" the clauses.",
			quote: "already begun removing",
			want:  "Harlow Foods Inc",
		},
		{
			name:  "a rank after a service's name",
			text:  `Families said repairs had not come. "We have filed the same work order four times," said Army Capt. Renata Oduya, whose quarters lost heat twice.`,
			quote: "filed the same work order",
			want:  "Renata Oduya",
		},
		{
			name:  "a rank's grade as an ordinal after a service's name",
			text:  `Families said repairs had not come. "The mould came back within a week," said Air Force 1st Lt. Gideon Marsh, who moved to the base in June.`,
			quote: "The mould came back",
			want:  "Gideon Marsh",
		},
		{
			name:  "a body's full name before a person's",
			text:  `The agency apologised. "We are sorry for the delays," said Child Benefit Agency Doug Smithers, who joined in May.`,
			quote: "We are sorry",
			want:  "Doug Smithers",
		},
		{
			name:  "a surname with its particle, after the full name",
			text:  "Assistant coach Henk Ten Hove called the complaint absurd. The club were angry.\n\n\"To react like this is pathetic,\" Ten Hove said.",
			quote: "To react like this",
			want:  "Henk Ten Hove",
		},
		{
			name:  "after the quotation, the body's officer by its possessive, then named",
			text:  "The drug was approved on Monday. The Hearth Trust said the decision was overdue. \"Every month of delay has hurt families,\" its chief executive, Claire Daventry, said.",
			quote: "Every month of delay",
			want:  "Claire Daventry",
		},
		{
			name:  "a calling nobody was given refers back to the person written about",
			text:  "Manager Tom Hartley said the team would fight on.\n\nCaptain Lewis Okonkwo, who returns from injury this weekend, echoed his manager. Asked whether the players still believed, the defender said: \"Absolutely. Nobody is giving up.\"",
			quote: "Nobody is giving up",
			want:  "Lewis Okonkwo",
		},
		{
			name:  "a role, then the name in apposition, is whom the next sentence's pronoun means",
			text:  "Cafe owner Non Jenkins said trade had fallen. \"I've had one-star reviews,\" she said.\n\nThe area's MS, Llinos Griffiths, said she had raised the issue. She said residents had been \"let down by everyone involved\".",
			quote: "let down by everyone",
			want:  "Llinos Griffiths",
		},
		{
			name:  "his wife, named with him earlier",
			text:  "Gavin and Louise Tapley were stranded with their children. \"We've saved all year for this,\" Mr Tapley said. His wife said the airline had given them \"about ten minutes' notice\" by text.",
			quote: "about ten minutes",
			want:  "Louise Tapley",
		},
		{
			name:  "his wife, never named, is nobody the article names",
			text:  "Gavin Tapley was stranded with his children. \"We've saved all year for this,\" Mr Tapley said. His wife said the airline had given them \"about ten minutes' notice\" by text.",
			quote: "about ten minutes",
			want:  "",
		},
		{
			name:  "a title word that is the surname of someone named in full",
			text:  "Artist Delphine Cardinal opened her show on Friday. Curator Tanya Lightfoot said it was overdue.\n\nCardinal grew up in Loon Lake. She said she hoped visitors would see themselves. \"When I was a kid, I never saw this,\" she said.",
			quote: "When I was a kid",
			want:  "Delphine Cardinal",
		},
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
			text:  "A Conservative MP has criticised the Treasury for leaving her constituents \"left with no answers\" about a factory closure.\n\nHelen Corrie, MP for Fenmoor West, said residents learned of the plan online.",
			quote: "left with no answers",
			want:  "Helen Corrie",
		},
		{
			name:  "an opening sentence's common noun, named with it later",
			text:  "A coroner has warned of \"chances lost\" in the care of a teenager.\n\nAt the inquest in Leeds, senior coroner Ruth Abara said the boy had waited months.",
			quote: "chances lost",
			want:  "Ruth Abara",
		},
		{
			name:  "the opening sentence's person may be named two sentences on",
			text:  "A coroner has warned of \"chances lost\" in the care of a teenager. The boy, 16, had waited months for support.\n\nAt the inquest, senior coroner Ruth Abara said the service had failed him.",
			quote: "chances lost",
			want:  "Ruth Abara",
		},
		{
			name:  "later in the article, only the next sentence names the person described",
			text:  "Residents were angry on Monday.\n\nA coroner has warned of \"chances lost\" in the care of a teenager. The family asked for a review.\n\nSenior coroner Ruth Abara said the boy had waited months.",
			quote: "chances lost",
			want:  "",
		},
		{
			name:  "later in the article, a description the next sentence names",
			text:  "Ministers want longer licensing hours.\n\nOn Monday a judge warned that cheap alcohol was creating \"feral gangs\" on high streets. Judge Alan Hurst QC made the remark while sentencing two men.",
			quote: "feral gangs",
			want:  "Alan Hurst",
		},
		{
			name:  "a descriptor before the name: the pronoun after means the person",
			text:  "Mayor Petra Lund said patrols would increase.\n\nRegular rider Mina Osei said she now drives to work. \"I don't feel safe down there any more,\" she said.",
			quote: "feel safe",
			want:  "Mina Osei",
		},
		{
			name:  "a body and a lower-case role before the name",
			text:  "Detective Lise Moreau said the ring had stolen 200 cars.\n\nInsurance Bureau of Canada vice-president Carla Bexley said theft had driven up premiums. \"Each theft raises every driver's premium,\" she said.",
			quote: "Each theft raises",
			want:  "Carla Bexley",
		},
		{
			name:  "a ministry's title joined by 'and' before the minister's name",
			text:  "Premier Ross Tennant said the rules would be simpler.\n\nEnergy and Resources Minister Dale Haroldson said the reforms protect the environment. \"We're not cutting corners,\" he said.",
			quote: "cutting corners",
			want:  "Dale Haroldson",
		},
		{
			name:  "a name's plural possessive is not the sentence's subject",
			text:  "Jerome Willis, 34, died after a police chase on Friday. Mayor Ines Carbajal said the footage would be released.\n\nWillis' mother, Annette Willis, held a photo of her son. \"He was a good father,\" she said.",
			quote: "good father",
			want:  "Annette Willis",
		},
		{
			name:  "a role held at a body the phrase names is not the article's leading person's",
			text:  "Prime Minister Anna Whitlow visited the store on Monday. Ms Whitlow said prices were falling.\n\nTesco's chief executive said: \"Sales rose.\"",
			quote: "Sales rose",
			want:  "",
		},
		{
			name:  "a passive verb's agent is whom the sentence is about",
			text:  "Wyke Town boss Paul Dainton said his side deserved a point.\n\nThe crowd was praised by the club's chief executive, Keith Dunmore. \"We had crowds of fifty when I arrived,\" he said.",
			quote: "crowds of fifty",
			want:  "Keith Dunmore",
		},
		{
			name:  "'the observatory' is the observatory the article named",
			text:  "Scientists at the Mauna Kea Volcano Observatory are watching the summit.\n\n\"Activity may stop and start again for weeks,\" according to a bulletin the observatory issued on Monday.",
			quote: "stop and start again",
			want:  "Mauna Kea Volcano Observatory",
		},
		{
			name:  "a lower-case role before a name is that person's role",
			text:  "The winner came from a corner by captain Eric Beaulne.\n\nCoach Colin Rusk said the team was tired.\n\n\"I just crossed it. He did the rest,\" the captain said.",
			quote: "just crossed it",
			want:  "Eric Beaulne",
		},
		{
			name:  "'the Labour MP' is the member named with those letters",
			text:  "Former housing minister Peter Cullen MP criticised the rivalry on the programme. Ian Moss did not comment.\n\n\"What kind of example does this set?\" the Labour MP for Ashbourne asked.",
			quote: "What kind of example",
			want:  "Peter Cullen",
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
					t.Errorf("the rules give %q to %q (%s), want %q", a.body[sp.start:sp.end], got, rq.rule.via, c.want)
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
	text := "Comedian Anita Varma won the award on Saturday. Her husband Sunil Varma said he was proud.\n\nOn Sunday, Varma said she planned a national tour."
	a, _ := read(store.Article{ID: "x", Body: text})
	for _, m := range a.mentions {
		if len(m.words) == 1 && m.words[0] == "Varma" {
			if m.ent == nil || m.ent.name != "Anita Varma" {
				t.Fatalf("the lone Varma is %v, want Anita Varma", m.ent)
			}
			return
		}
	}
	t.Fatal("no lone Varma found")
}
