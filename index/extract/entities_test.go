package extract

import (
	"slices"
	"testing"

	"github.com/cuttings/cuttings/store"
)

// TestEntityKinds checks the kinds of names that words around them decide,
// one rule a case, on sentences written for this test.
func TestEntityKinds(t *testing.T) {
	for _, c := range []struct {
		name            string
		text            string
		people, orgs    []string // must be found
		notPeople       []string // must not be people
		notOrgs         []string // must not be organisations
		countries       []string // must be found
		notCountryNames []string
	}{
		{
			name:      "party tag after a name",
			text:      `"We will not blink," Senator Marta Quill, D-Ore., said on Tuesday. Her rival, Senator Hal Brandt, R-Ky., disagreed.`,
			people:    []string{"Marta Quill", "Hal Brandt"},
			notPeople: []string{"D-Ore", "R-Ky"},
		},
		{
			name:      "state abbreviation after a town",
			text:      `Dora Pike, a nurse from Springfield, Mass., said the clinic had closed.`,
			people:    []string{"Dora Pike"},
			notPeople: []string{"Mass"},
			countries: []string{"US"},
		},
		{
			name:      "a surname that is also a function word",
			text:      "The columnist George Will wrote a harsh piece about the governor.\n\nCiting the floods as a warning, Will urged voters to drop the governor.\n\nWill voters listen? Probably not.",
			people:    []string{"George Will"},
			notPeople: []string{"Will voters"},
		},
		{
			name:      "a function word as a surname outside headlines only",
			text:      "With Lee Out and Ann In, What Comes Next for the Board?\n\n\"We will grow again,\" said Ken From, who founded the council in 1985.",
			people:    []string{"Ken From"},
			notPeople: []string{"Ann In"},
		},
		{
			name:      "a title word as a surname after an honorific",
			text:      "The host Larry King interviewed her on Tuesday.\n\n\"It went well,\" Mr. King said. \"Thank you, Mr. President,\" she added.",
			people:    []string{"Larry King"},
			notPeople: []string{"Mr. King", "King", "President", "Mr. President"},
		},
		{
			name:      "whip is a title",
			text:      `Senate Majority Whip Peter Lund (R-Tex.) responded by standing on the floor. Lund said the bill was dead.`,
			people:    []string{"Peter Lund"},
			notPeople: []string{"Lund"},
			notOrgs:   []string{"Senate Majority Whip Peter Lund"},
		},
		{
			name:      "a city as a first name",
			text:      `Late on, substitute Memphis Delorme scored. Delorme, the Belgian winger, was mobbed by his teammates.`,
			people:    []string{"Memphis Delorme"},
			countries: []string{"BE"},
		},
		{
			name:      "storm names are events",
			text:      `Typhoon Korral struck the coast on Monday. Korral, which weakened overnight, cut power to thousands.`,
			notPeople: []string{"Typhoon Korral", "Korral"},
			notOrgs:   []string{"Korral"},
		},
		{
			name:      "dateline in capitals",
			text:      "NAIROBI — The central bank raised rates on Thursday.",
			countries: []string{"KE"},
			notOrgs:   []string{"NAIROBI"},
		},
		{
			name:    "teams take plural verbs; a club is named by its short name",
			text:    `Harwick Rovers beat Dunmore Town 2-1 on Saturday. Dunmore have lost three in a row, and Rovers are top.`,
			orgs:    []string{"Harwick Rovers", "Dunmore Town"},
			notOrgs: []string{"Rovers", "Dunmore"},
		},
		{
			name:      "a relative clause with who makes a person",
			text:      `The plan was drawn up by Tobenna Okafor, who chairs the committee.`,
			people:    []string{"Tobenna Okafor"},
			notOrgs:   []string{"Tobenna Okafor"},
			notPeople: []string{"Committee"},
		},
		{
			name:    "a kind noun before a name makes a body",
			text:    `Figures from the research firm Quellstone Analytics showed a rise, and the agency Vexor said so too.`,
			orgs:    []string{"Quellstone Analytics", "Vexor"},
			notOrgs: []string{"Analytics"},
		},
		{
			name:    "an acronym in brackets and the short name are the body",
			text:    `The Northern Farmers Union (NFU) called a strike. The NFU said talks had failed, and the Union promised more action.`,
			orgs:    []string{"Northern Farmers Union"},
			notOrgs: []string{"NFU", "Union"},
		},
		{
			name:    "'and' and a list inside a body's name",
			text:    `The Board for Roads, Rail and Ports met the Food and Drug Administration on Friday.`,
			orgs:    []string{"Board for Roads, Rail and Ports", "Food and Drug Administration"},
			notOrgs: []string{"Drug Administration"},
		},
		{
			name:      "a body named before a title",
			text:      `Ferroway Mining Chief Executive Lisa Orme said output would rise.`,
			people:    []string{"Lisa Orme"},
			orgs:      []string{"Ferroway Mining"},
			notPeople: []string{"Ferroway Mining"},
		},
		{
			name:   "regnal numbers stay",
			text:   `King Charles III met Pope Leo XIV in Rome on Thursday.`,
			people: []string{"Charles III", "Leo XIV"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := Extract(store.Article{ID: "t", Body: c.text})
			ps, os, cs, _ := e.Names()
			checkFound(t, "person", ps, c.people, c.notPeople)
			checkFound(t, "organisation", os, c.orgs, c.notOrgs)
			checkFound(t, "country", cs, c.countries, nil)
		})
	}
}

// checkFound reports each of want that got lacks and each of notWant that
// it holds, as a value of kind.
func checkFound(t *testing.T, kind string, got, want, notWant []string) {
	t.Helper()
	for _, v := range want {
		if !slices.Contains(got, v) {
			t.Errorf("%s %q not found in %q", kind, v, got)
		}
	}
	for _, v := range notWant {
		if slices.Contains(got, v) {
			t.Errorf("%q is no %s: %q", v, kind, got)
		}
	}
}
