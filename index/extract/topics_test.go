package extract

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// topicCases are short news stories written for these tests, one or more
// per label, each with the labels an editor would give it, best first.
var topicCases = []struct {
	name, title, body string
	want              []string
	// anyOrder is set where an editor could rank the labels either way.
	anyOrder bool
}{
	{
		name:  "arts",
		title: "Debut novelist takes fiction prize as judges praise 'fearless' first book",
		body: `A first-time author from Leeds has won the country's richest prize for debut fiction with a novel about three sisters running a failing seaside theatre.

The judges, chaired by a veteran literary critic, called the book "fearless and very funny" and said it had been the unanimous choice from a shortlist of six. The award carries a cheque for £30,000.

Her publisher said sales had tripled since the shortlist was announced, and a television adaptation is already in development with a drama studio in Manchester. The author, who wrote the book while working nights at a cinema, told the ceremony she would spend the money on "time to write the second one".`,
		want: []string{"arts, culture, entertainment and media"},
	},
	{
		name:  "arts music tour",
		title: "Veteran rock band announce farewell stadium tour and final album",
		body: `The four-piece rock band that sold millions of records in the 1990s will play a last run of concerts next summer, the singer said on Tuesday.

The farewell tour opens in Glasgow in June and ends with two nights in London. A final studio album, recorded in Wales with their original producer, is due in May, and the first single will be played on radio on Friday.

"We wanted to stop while the songs still sound like us," the guitarist told fans in a video posted online. Tickets go on sale next week.`,
		want: []string{"arts, culture, entertainment and media"},
	},
	{
		name:  "conflict",
		title: "Rebels seize border town as army retreats after days of shelling",
		body: `Rebel fighters captured a strategic border town on Sunday after government troops withdrew following four days of heavy shelling, a military spokesman said.

Residents described artillery fire through the night and said drones had struck an ammunition depot on the edge of town. At least 40 soldiers and a dozen civilians were killed, according to local officials, and thousands of people have fled across the frontier.

The army said the retreat was tactical and promised a counteroffensive within days. A ceasefire agreed in the spring collapsed last month.`,
		want: []string{"conflict, war and peace"},
	},
	{
		name:  "crime",
		title: "Two men jailed for armed robbery of jewellery shop",
		body: `Two men who threatened staff with a knife during a robbery at a jewellery shop have been jailed for a total of 19 years.

Detectives traced the pair through CCTV footage and a stolen car found burnt out near the scene. Both pleaded guilty at the crown court to robbery and possession of an offensive weapon.

Sentencing them, the judge said the victims had been left terrified. A police spokeswoman said officers had recovered most of the stolen watches and rings and thanked witnesses who came forward.`,
		want: []string{"crime, law and justice"},
	},
	{
		name:  "disaster",
		title: "Earthquake kills at least 120 as rescuers search collapsed buildings",
		body: `A magnitude 6.8 earthquake struck the mountainous region before dawn on Friday, killing at least 120 people and injuring hundreds, emergency officials said.

Rescue teams with sniffer dogs worked through the rubble of collapsed homes as aftershocks shook the area. Landslides blocked the main road to the worst-hit villages, and helicopters were dropping tents and water to survivors.

The death toll is expected to rise. Hospitals in the provincial capital said they were overwhelmed with the injured.`,
		want: []string{"disaster, accident and emergency incident"},
	},
	{
		name:  "disaster train",
		title: "Passenger train derails after hitting landslide, injuring 30",
		body: `Thirty people were hurt when a passenger train derailed after striking a landslide on a rural line early on Monday, the rail operator said.

Three carriages left the track and one overturned on an embankment. Paramedics and firefighters freed passengers trapped in the front carriage, and two people were airlifted to hospital with serious injuries.

Accident investigators are examining whether heavy rain had loosened the cutting above the line.`,
		want: []string{"disaster, accident and emergency incident"},
	},
	{
		name:  "economy",
		title: "Shares slide as inflation surprise revives rate fears",
		body: `Stock markets fell sharply on Wednesday after figures showed inflation rose unexpectedly to 4.1% last month, reviving expectations that the central bank will keep interest rates higher for longer.

The main index closed 2% lower, with banks and housebuilders among the biggest fallers. Government bond yields climbed and the currency strengthened against the dollar.

Economists had forecast a fall in the rate of price growth. "This is a setback for anyone hoping for a cut before the summer," said one analyst at a City investment firm.`,
		want: []string{"economy, business and finance"},
	},
	{
		name:  "education",
		title: "Schools to teach coding from age seven under new curriculum",
		body: `Pupils in primary schools will learn to write simple computer programs from the age of seven under a revised national curriculum published on Thursday.

Teachers' leaders welcomed the change but warned that many primary teachers had no training in the subject. Head teachers said schools would need extra funding for laptops and classroom support.

The exam board said new qualifications for secondary students would follow in two years, and universities said they hoped more school leavers would choose computing degrees.`,
		// Teaching children to program computers is a technology story
		// too: its computing words make a strong second topic.
		want: []string{"education", "science and technology"},
	},
	{
		name:  "environment",
		title: "River pollution from sewage and farm waste hits record level",
		body: `Pollution in the country's rivers reached its worst level on record last year, with untreated sewage and farm waste blamed for the decline, the environment agency said.

Fewer than one in five rivers met the standard for good ecological health. Conservation groups said fish and insect populations had collapsed on some stretches, and called for water companies to be fined for illegal discharges.

Environmental campaigners said wildlife habitats would not recover without limits on fertiliser run-off from intensive farming.`,
		want: []string{"environment"},
	},
	{
		name:  "health",
		title: "Measles cases rise as vaccination rates fall among young children",
		body: `Doctors have warned of a growing measles outbreak after cases in England doubled in three months, with most infections among children who had not been vaccinated.

Public health officials said uptake of the two-dose vaccine had fallen below 85% in some areas, far short of the level needed to stop the disease spreading. Several hospitals have set up isolation wards.

Measles is highly infectious and can cause serious complications, including pneumonia. Parents are being urged to check their children's records and book appointments with their GP.`,
		want: []string{"health"},
	},
	{
		name:  "human interest",
		title: "Lost dog found 200 miles from home reunited with owners after two years",
		body: `A spaniel that vanished from a family garden two years ago has been reunited with her owners after she was found wandering on a beach 200 miles away.

A walker spotted the dog and took her to a local vet, where a microchip scan revealed her name and address. The family's daughter, now aged nine, said she had never stopped hoping.

"We cried our eyes out," her mother said. "She knew us straight away and jumped into the car as if she'd never been gone."`,
		want: []string{"human interest"},
	},
	{
		name:  "labour",
		title: "Rail workers walk out in pay dispute as talks collapse",
		body: `Thousands of rail workers began a 48-hour strike on Monday after talks between the union and train operators broke down over pay and working conditions.

The union said its members had been offered a 3% pay rise, well below inflation, and that the companies wanted to cut staff at ticket offices. Picket lines formed outside major stations before dawn.

Employers said the offer was fair and urged the union to put it to a ballot of members. Further walkouts are planned for next month unless a deal is reached.`,
		want: []string{"labour"},
	},
	{
		name:  "lifestyle",
		title: "Slow travel: the rise of holidays by train and bicycle",
		body: `More holidaymakers are swapping flights for long train journeys and cycling trips, travel agents say, as tourists look for a slower way to see Europe.

Bookings for rail holidays through the Alps have doubled this year, with travellers stopping at small hotels, vineyards and mountain restaurants along the way. Tour operators now offer packages that include luggage transfers and local food tastings.

"People want the journey to be part of the holiday," said one travel writer. "You eat better, sleep better, and you actually meet people."`,
		want: []string{"lifestyle and leisure"},
	},
	{
		name:  "politics",
		title: "Prime minister faces rebellion as MPs vote on housing bill",
		body: `The prime minister faces the biggest rebellion of her premiership on Tuesday as dozens of her own MPs threaten to vote against the government's housing bill.

Backbenchers say the plans would override local councils and force new estates on rural constituencies. Opposition parties will vote against the bill, and ministers spent the weekend trying to win over rebels with concessions.

The party's chief whip has warned that the legislation could fall if more than 40 MPs defy the government in the Commons.`,
		want: []string{"politics"},
	},
	{
		name:  "election",
		title: "Voters go to the polls in tight presidential election",
		body: `Polling stations opened at dawn on Sunday as voters chose between the incumbent president and a former central bank governor in the closest election in two decades.

Opinion polls put the two candidates within two points of each other. Electoral officials said turnout was high in the capital, and international observers were monitoring the count.

The opposition candidate has promised to cut taxes and reform the constitution; the president has campaigned on his record on security. Results are expected on Monday.`,
		want: []string{"politics"},
	},
	{
		name:  "religion",
		title: "Church of England synod backs prayers for clergy shortage",
		body: `Bishops and lay members of the Church of England's synod voted on Wednesday to set up a national fund to train more priests, as parishes in rural dioceses struggle to fill posts.

The archbishop told the meeting that congregations were growing in some cities but that many village churches now shared one vicar between six or more parishes.

Clergy leaders said the plan would also support ordained ministers from other faiths and denominations who wished to serve in the church.`,
		want: []string{"religion"},
	},
	{
		name:  "science",
		title: "Telescope spots water vapour on distant planet",
		body: `Astronomers using a space telescope have detected water vapour in the atmosphere of a planet orbiting a small star 120 light years away.

The planet is about twice the size of Earth and lies in the zone where liquid water could exist on its surface. The findings, published in a scientific journal, are based on light filtered through the planet's atmosphere as it passed in front of its star.

The researchers said further observations would be needed to establish whether the planet has oceans, and cautioned that it was far too early to speak of life.`,
		want: []string{"science and technology"},
	},
	{
		name:  "technology",
		title: "Smartphone maker unveils phone with week-long battery",
		body: `A smartphone maker has launched a handset it says can run for a week on a single charge, using a new battery chemistry and a low-power screen.

The device runs the latest version of its mobile software and comes with an artificial intelligence assistant that works without an internet connection. Reviewers said the camera was weaker than rival models.

The company said the phone would go on sale online next month, and that it was working on a tablet using the same battery technology.`,
		want: []string{"science and technology"},
	},
	{
		name:  "society",
		title: "Homelessness among families reaches record high",
		body: `The number of families living in temporary accommodation has reached its highest level since records began, charities said on Thursday.

More than 100,000 children are now homeless, many housed in single rooms in hostels or hotels far from their schools. Campaigners blamed rising rents, a shortage of social housing and cuts to welfare benefits.

Volunteers at food banks said they were seeing more working parents who could not afford both rent and food, and called on councils to build more affordable homes.`,
		want: []string{"society"},
	},
	{
		name:  "sport",
		title: "Striker signs for champions in record transfer",
		body: `The league champions have completed the signing of the 23-year-old striker on a five-year contract, in a club-record transfer worth £90m.

The forward scored 28 goals last season and was the top scorer in the division. He will wear the number nine shirt and could make his debut in Saturday's match away to their title rivals.

"He is a fantastic player and a goalscorer who will make the team better," the manager told a news conference at the club's training ground. "The fans are going to love him."`,
		want: []string{"sport"},
	},
	{
		name:  "cricket",
		title: "England bowled out for 180 as spinners take control of Test",
		body: `England were bowled out for 180 on the second day of the first Test, with the home side's spinners taking eight wickets on a turning pitch.

The captain top-scored with 64 before he was caught at slip, and the last five wickets fell for 22 runs. The home openers then batted through the final session to reach 95 without loss.

"We didn't play the spin well enough," the coach said. "There is a lot of cricket left in this match."`,
		want: []string{"sport"},
	},
	{
		name:  "weather",
		title: "Heavy snow and ice bring travel warnings as cold snap deepens",
		body: `Forecasters have issued amber warnings for heavy snow and ice across the north, with temperatures expected to fall to -12C overnight in rural areas.

Up to 20cm of snow could settle on higher ground, and freezing fog is likely in valleys on Thursday morning. The weather service said strong winds would cause drifting and blizzard conditions on exposed roads.

Milder air from the Atlantic should bring rain and a thaw by the weekend, the forecaster added.`,
		want: []string{"weather"},
	},
	{
		name:  "war and summit",
		title: "Leaders meet in Geneva as fighting rages on the front line",
		body: `Foreign ministers from twelve countries met in Geneva on Monday to discuss a ceasefire plan as fighting intensified along the front line.

Artillery and drone strikes killed at least 30 civilians over the weekend, officials said, and the army claimed to have repelled an offensive near the river. Diplomats said the talks would focus on withdrawing troops, exchanging prisoners of war and deploying international peacekeepers.

The president said his government would sign no deal that gave up territory, but the summit's host said both sides had agreed to a further round of negotiations.`,
		want:     []string{"conflict, war and peace", "politics"},
		anyOrder: true,
	},
	{
		name:  "corruption trial of a minister",
		title: "Former minister jailed for six years for taking bribes",
		body: `A former transport minister was jailed for six years on Friday after a jury found him guilty of taking bribes from construction firms in return for road contracts.

Prosecutors told the court he had received more than £2m through a network of shell companies while in government. The judge said he had betrayed the trust of voters and of parliament.

His party expelled him when he was charged last year. Opposition leaders said the case showed the need for tougher rules on ministers' business interests.`,
		want: []string{"crime, law and justice", "politics"},
	},
	{
		name:  "climate summit",
		title: "Climate summit ends with deal to phase down coal",
		body: `Nearly 200 countries agreed on Saturday to phase down the use of coal and to cut greenhouse gas emissions faster, at the end of two weeks of tense negotiations at the UN climate summit.

Environmental groups said the deal fell short of what scientists say is needed to limit global warming to 1.5C. Small island states, threatened by rising sea levels, said they had accepted it only to keep the talks alive.

Ministers from the largest economies said the agreement would speed the shift to renewable energy and promised more money to help poorer nations adapt to floods and droughts.`,
		want: []string{"environment", "politics"},
	},
	{
		name:  "hurricane",
		title: "Hurricane makes landfall with 130mph winds as thousands flee",
		body: `The hurricane made landfall on the coast on Wednesday night with winds of 130mph, tearing roofs from houses and cutting power to more than a million homes.

Forecasters warned of a storm surge of up to four metres and torrential rain of 30cm or more inland. Tens of thousands of people had been evacuated from low-lying areas, and emergency shelters were full.

Rescue crews said they could not reach flooded neighbourhoods until the winds eased.`,
		want:     []string{"disaster, accident and emergency incident", "weather"},
		anyOrder: true,
	},
	{
		name:  "nurses strike",
		title: "Nurses strike over pay as hospitals cancel operations",
		body: `Nurses at more than 40 hospitals walked out on Thursday in the first national strike in the union's history, forcing the cancellation of thousands of operations and appointments.

The union says its members' pay has fallen by a fifth in real terms over a decade and that wards are dangerously understaffed. Emergency care and cancer treatment continued, with picket lines outside hospitals from early morning.

The health secretary said the pay demand was unaffordable but that the door to talks remained open.`,
		want:     []string{"labour", "health"},
		anyOrder: true,
	},
	{
		name:  "tech earnings",
		title: "Chipmaker profits soar on demand for AI data centres",
		body: `The world's largest maker of computer chips reported a record quarterly profit on Wednesday as technology companies raced to build data centres for artificial intelligence.

Revenue rose 60% from a year earlier, beating analysts' forecasts, and the company raised its outlook for the rest of the year. Its shares rose 8% in after-hours trading.

The chief executive said demand for its latest processors would exceed supply well into next year.`,
		want: []string{"economy, business and finance", "science and technology"},
	},
	{
		name:  "festival of faith",
		title: "Millions of pilgrims gather for the start of the Hajj",
		body: `More than a million Muslim pilgrims gathered in Mecca on Sunday for the start of the Hajj, one of the five pillars of Islam, after two years of restricted numbers.

Worshippers dressed in simple white garments circled the Kaaba at the Grand Mosque, before moving to a vast tent city for prayers. Authorities said thousands of health workers and extra water stations were on hand because of the heat.

Every adult Muslim who is able is expected to make the pilgrimage at least once in their life.`,
		want: []string{"religion"},
	},
	{
		name:  "university fees",
		title: "Universities warn of cuts as tuition fee freeze continues",
		body: `Universities have warned that courses will close and staff will be cut unless the government lifts a freeze on tuition fees that has lasted seven years.

Vice-chancellors said inflation had eroded the value of the fee by a third, and that teaching undergraduates now cost more than students paid. Several universities have already announced plans to reduce the number of lecturers.

The education secretary said there were no plans to raise fees and that universities should make better use of their reserves.`,
		want: []string{"education"},
	},
	{
		name:  "wildfire heatwave",
		title: "Wildfires force evacuations as heatwave pushes temperatures past 44C",
		body: `Firefighters battled dozens of wildfires on Tuesday as a heatwave pushed temperatures above 44C, forcing thousands of people to leave their homes and holiday resorts.

Water-bombing aircraft were deployed over forests on the hills above the coast, where flames came within metres of houses. Meteorologists said the hot, dry weather and strong winds would last until the weekend.

Scientists say climate change is making such heatwaves longer and more frequent.`,
		want:     []string{"disaster, accident and emergency incident", "weather"},
		anyOrder: true,
	},
	{
		name:  "school shooting",
		title: "Teenager charged with murder after school shooting",
		body: `A 16-year-old boy has been charged with murder after a teacher was shot dead and two pupils were wounded at a secondary school on Monday, police said.

Officers arrested the boy in the school car park minutes after the first shots were fired. Detectives said he had taken the gun from a relative's house.

The school will stay closed for the rest of the week, and counsellors are being offered to students and staff.`,
		want: []string{"crime, law and justice", "education"},
	},
	{
		name:  "royal birthday",
		title: "Queen's great-grandson celebrates first birthday with palace photographs",
		body: `The palace released three new photographs on Saturday to mark the first birthday of the youngest member of the royal family.

The pictures, taken by his mother in the gardens of the family's country home, show him taking his first steps and playing with the family dog. Well-wishers left cards and balloons at the palace gates.

A spokesman said the family would celebrate privately with a small party.`,
		want: []string{"human interest"},
	},
	{
		name:  "strike on the pitch is sport",
		title: "Late strike sends City top of the league",
		body: `A stunning late strike from the substitute gave City a 2-1 win at home and sent them to the top of the league table.

The visitors had led at half-time through a header from a corner, but the home side equalised from the penalty spot after the break. The winner came in the 89th minute, a curling shot into the top corner that left the goalkeeper rooted to the spot.

The manager said his players had shown the character of champions.`,
		want: []string{"sport"},
	},
	{
		name:  "heart attack is health",
		title: "Heart attack deaths fall as treatment improves",
		body: `Deaths from heart attacks have fallen by a third in a decade, thanks to faster treatment in hospital and better use of drugs that lower blood pressure and cholesterol, a study has found.

Cardiologists said patients now received stents within an hour of arriving in many hospitals. But doctors warned that rising obesity and diabetes could reverse the gains, and urged people to get regular check-ups with their GP.`,
		want: []string{"health"},
	},
}

// ukraineSummit is the summary of a summit story that must be tagged war and
// politics, and nothing else.
const (
	ukraineSummitTitle = "Britain and France agree to send troops to Ukraine after any ceasefire"
	ukraineSummitBody  = `The prime minister signed a declaration with the French president at talks in Paris on Tuesday committing British troops to a peacekeeping force in Ukraine once a ceasefire is agreed.

The two leaders said a coalition of allies would offer Ukraine security guarantees so that any peace deal with Russia would hold. The force would be deployed away from the front line to deter a fresh invasion.

Speaking after the talks, the prime minister condemned overnight missile strikes on civilians in Kyiv and said Russia must show it was serious about peace. Several European governments have pledged troops or aircraft, and the coalition will meet again next month.`
)

func TestClassifyTopics(t *testing.T) {
	for _, tc := range topicCases {
		t.Run(tc.name, func(t *testing.T) {
			got := topicLabelsOf(classifyTopics(tc.title, tc.body))
			want := tc.want
			if tc.anyOrder {
				want = slices.Sorted(slices.Values(want))
				slices.Sort(got)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("classifyTopics labels (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClassifyTopicsUkraineSummit(t *testing.T) {
	got := topicLabelsOf(classifyTopics(ukraineSummitTitle, ukraineSummitBody))
	slices.Sort(got)
	want := []string{"conflict, war and peace", "politics"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("classifyTopics labels, sorted (-want +got):\n%s", diff)
	}
}

// TestClassifyTopicsScores checks the contract every caller relies on:
// scores in [0,1], best first, ties in label order, the same answer twice.
func TestClassifyTopicsScores(t *testing.T) {
	for _, tc := range topicCases {
		got := classifyTopics(tc.title, tc.body)
		if len(got) == 0 || len(got) > topicMaxTopics {
			t.Errorf("%s: %d topics, want 1 to %d", tc.name, len(got), topicMaxTopics)
		}
		for i, tp := range got {
			if tp.Score < 0 || tp.Score > 1 || math.IsNaN(tp.Score) {
				t.Errorf("%s: %s score %v out of [0,1]", tc.name, tp.Label, tp.Score)
			}
			if i > 0 && tp.Score > got[i-1].Score {
				t.Errorf("%s: topics not best first: %v", tc.name, got)
			}
		}
		if again := classifyTopics(tc.title, tc.body); !cmp.Equal(got, again) {
			t.Errorf("%s: not deterministic: %v then %v", tc.name, got, again)
		}
	}

	// Two labels with equal evidence come in label order. They are labels
	// the model does not know, which would otherwise break the tie.
	got := topicLabelsOf(classifyTopics("ceasefire vaccine", ""))
	want := []string{"conflict, war and peace", "health"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tie order (-want +got):\n%s", diff)
	}
}

func TestClassifyTopicsNoEvidence(t *testing.T) {
	for _, text := range []string{"", "   ", "The of and a to in.", "Ça va très bien, merci — à demain!"} {
		// Empty, not nil, so that the article's JSON says "topics": [].
		if got := classifyTopics(text, text); got == nil || len(got) != 0 {
			t.Errorf("classifyTopics(%q) = %#v, want []Topic{}", text, got)
		}
	}
}

// TestClassifyTopicsTokens checks how text is cut into words: case, hyphens
// and apostrophes join phrases, sentence punctuation breaks them, amounts
// count as their unit.
func TestClassifyTopicsTokens(t *testing.T) {
	tests := []struct {
		name, text string
		want       string
	}{
		{"upper case", "EARTHQUAKE", "disaster, accident and emergency incident"},
		{"phrase", "an air strike", "conflict, war and peace"},
		{"hyphenated phrase", "the cease-fire held", "conflict, war and peace"},
		{"typographic hyphen", "the cease\u2010fire held", "conflict, war and peace"},
		{"inflected phrase", "more air strikes", "conflict, war and peace"},
		{"phrase replaces its words", "a heart attack", "health"},
		{"no phrase across a full stop", "They came by air. Strike", "labour"},
		{"amount as unit", "a $4bn bid", "economy, business and finance"},
		{"digits alone", "1 2 3 4", ""},
		{"overlong token", strings.Repeat("war", 20), ""},
		{"non-ASCII letters stay in the word", "wär", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if ts := classifyTopics("", tt.text); len(ts) > 0 {
				got = ts[0].Label
			}
			if got != tt.want {
				t.Errorf("classifyTopics(%q) best = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTopicInflections(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"strike", []string{"strikes", "striked", "striking"}},
		{"vote", []string{"votes", "voted", "voting"}},
		{"agree", []string{"agrees", "agreed", "agreeing"}},
		{"party", []string{"parties", "partied", "partying"}},
		{"play", []string{"plays", "played", "playing"}},
		{"tax", []string{"taxes", "taxed", "taxing"}},
		{"match", []string{"matches", "matched", "matching"}},
		{"air_strike", []string{"air_strikes", "air_striked", "air_striking"}},
		{"a", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, topicInflections(tt.word)); diff != "" {
			t.Errorf("topicInflections(%q) (-want +got):\n%s", tt.word, diff)
		}
	}
}

// TestTopicLexicon keeps the lexicon clean: every label present, words
// valid and listed once per label, and every label with a vocabulary large
// enough for news of any kind.
func TestTopicLexicon(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range topicLexicon {
		if seen[e.label] {
			t.Errorf("label %q listed twice", e.label)
		}
		seen[e.label] = true
		words := map[string]bool{}
		for line := range strings.Lines(e.words) {
			fields := strings.Fields(line)
			if len(fields) == 0 {
				continue
			}
			for _, w := range fields[1:] {
				w = strings.TrimSuffix(w, "!")
				if !validTopicWord(w) {
					t.Errorf("%s: invalid word %q", e.label, w)
				}
				if words[w] {
					t.Errorf("%s: %q listed twice", e.label, w)
				}
				words[w] = true
			}
		}
		if len(words) < 80 {
			t.Errorf("%s: only %d words", e.label, len(words))
		}
	}
	for _, l := range topicLabels {
		if !seen[l] {
			t.Errorf("label %q has no vocabulary", l)
		}
	}
}

// TestClassifyTopicsBBC measures top-1 accuracy on the BBC gold set (five
// labels, one per article) when it is present. The lexicon was tuned
// looking only at the even lines; the odd lines are held out. The word
// model was trained on all of them, so this is in-sample for it: its
// cross-validated accuracy is `cuttings train topics --cv 5` (TOPICS.md).
func TestClassifyTopicsBBC(t *testing.T) {
	const path = "../../../shared/gold/bbc-topics.jsonl"
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no gold set at %s", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	var right, total [2]int // by line parity: [0] even lines, [1] odd lines
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for line := 1; sc.Scan(); line++ {
		var a struct {
			Title  string   `json:"title"`
			Text   string   `json:"text"`
			Topics []string `json:"topics"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		got := classifyTopics(a.Title, a.Text)
		half := line % 2
		total[half]++
		if len(got) > 0 && len(a.Topics) > 0 && got[0].Label == a.Topics[0] {
			right[half]++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for half, name := range []string{"even lines (tuning)", "odd lines (held out)"} {
		if total[half] == 0 {
			t.Fatalf("%s: no articles", name)
		}
		acc := float64(right[half]) / float64(total[half])
		t.Logf("%s: top-1 accuracy %.4f (%d/%d)", name, acc, right[half], total[half])
		if acc < 0.90 {
			t.Errorf("%s: top-1 accuracy %.4f, want >= 0.90", name, acc)
		}
	}
}

func BenchmarkClassifyTopics(b *testing.B) {
	var titles, bodies []string
	words := 0
	for _, tc := range topicCases {
		titles = append(titles, tc.title)
		bodies = append(bodies, tc.body)
		words += len(strings.Fields(tc.title)) + len(strings.Fields(tc.body))
	}
	topicIndex() // the lexicon and the model are loaded once per process, not per article
	topicModel()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i := range titles {
			classifyTopics(titles[i], bodies[i])
		}
		n++
	}
	b.ReportMetric(float64(words*n)/b.Elapsed().Seconds(), "words/s")
}

func topicLabelsOf(ts []Topic) []string {
	var labels []string
	for _, t := range ts {
		labels = append(labels, t.Label)
	}
	return labels
}
