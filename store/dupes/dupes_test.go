package dupes

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// wireStories are agency stories as they come off the wire, written for
// this test. Each is run by several newsrooms (see copies).
var wireStories = []struct {
	id    string
	paras []string
}{
	{"ferry-strike", []string{
		"Ferry crews on the Western Isles routes will strike for 48 hours from next Thursday after talks over rosters broke down, their union said on Monday.",
		"The RMT said more than 300 deck and engine crew had voted by a margin of four to one for action, on a turnout of 71 per cent.",
		"The operator, CalMac, said it was disappointed and would publish a revised timetable by Wednesday so that passengers could change their plans.",
		"Islanders' groups said the strike would hit deliveries of fuel and fresh food, which are already stretched by the breakdown of two of the fleet's older vessels.",
		"\"Nobody wants to stop the boats, least of all the crews who live on the islands themselves,\" said the union's regional organiser, Gordon Martin. \"But the rosters as written cannot be worked safely.\"",
		"The Scottish government, which owns the operator, urged both sides to return to talks. A spokeswoman said ministers were \"keeping a close eye\" on the dispute.",
	}},
	{"bank-rate", []string{
		"The Bank of England held interest rates at 4.25 per cent on Thursday, with its nine-member committee split five to four on whether to cut.",
		"The four members who voted for a cut pointed to a slowing jobs market and weak spending in the high street. The majority said inflation in services remained too high to risk easing.",
		"Governor Andrew Bailey said the path for rates was still \"gradually downward\" but that the committee needed more evidence before moving again.",
		"Markets had priced in a small chance of a cut, and the pound rose by half a cent against the dollar after the announcement.",
		"Mortgage lenders said fixed-rate deals were unlikely to change much in the coming weeks, as they had already been priced for a slow pace of cuts.",
	}},
	{"glacier-survey", []string{
		"Scientists surveying the glaciers of the Swiss Alps say the ice lost a further three per cent of its volume last year, the second-worst year on record.",
		"The network that monitors the country's 1,400 glaciers said a dry winter with little snow left the ice exposed to the summer heat from early June.",
		"Several small glaciers in the east of the country have now disappeared altogether, and surveyors have stopped measuring them.",
		"\"We are documenting the end of glaciers we have measured for more than a century,\" said the head of the monitoring network, Matthias Huss.",
		"The loss adds to concerns about water supplies in summer, when melting ice feeds rivers used for drinking water, farming and hydroelectric power.",
	}},
	{"rail-fares", []string{
		"Rail fares in England will rise by 4.6 per cent in March, the government confirmed on Wednesday, below the rate of inflation for the first time in three years.",
		"The rise applies to regulated fares, including most season tickets and off-peak returns on longer journeys. Operators can raise other fares by more or less.",
		"The transport secretary said the decision balanced the cost to passengers against the need to fund the railway, which still carries fewer commuters than before the pandemic.",
		"Passenger groups said any rise was unwelcome while services on several routes remained unreliable. One in five trains arrived late in the last reporting period.",
		"Fares in Scotland and Wales are set separately by their governments, which have yet to announce their decisions for next year.",
	}},
	{"museum-theft", []string{
		"Thieves broke into a museum in the Dutch city of Drents on Saturday night and took a gold helmet more than 2,400 years old, police said.",
		"The helmet, on loan from a museum in Romania, was the centrepiece of an exhibition about the ancient Dacian kingdom. Three gold bracelets were also taken.",
		"Police said the thieves used explosives to force the museum's door at about 3.45 in the morning. A car seen leaving the scene was later found burnt out nearby.",
		"Romania's culture minister called the theft an attack on the country's heritage and said the government would do everything to bring the objects home.",
		"The museum, which will stay closed while the investigation continues, said it was in contact with the Romanian authorities and its insurers.",
	}},
	{"heat-warning", []string{
		"Forecasters have issued an amber heat health warning for much of England, with temperatures expected to reach 34C in the south-east by Saturday.",
		"The warning, from the UK Health Security Agency, runs from Thursday morning until Monday and covers London, the Midlands and the east of England.",
		"Health officials urged people to check on elderly neighbours, to keep out of the sun at the hottest time of the day and to carry water when travelling.",
		"Network Rail said speed limits might be put in place on some lines as tracks heat up, and advised passengers to check before travelling.",
		"It would be the third heatwave of the summer so far. The Met Office said temperatures would fall back closer to normal by the middle of next week.",
	}},
}

// sameSubject are different stories on the subjects of the wire stories,
// sharing their names and words but not their sentences: not copies.
var sameSubject = []struct {
	id, of string
	paras  []string
}{
	{"ferry-strike-islanders", "ferry-strike", []string{
		"On Barra, where the ferry is the only way off the island for most people, shopkeepers have begun ordering extra stock ahead of next week's strike.",
		"The island's only filling station said it expected to run dry by the second day if the boats stopped, as it did during the breakdowns in the spring.",
		"Parents of pupils who board on the mainland during the week said they had been told the children would stay put over the strike rather than risk being stranded.",
		"The crews' union and the operator CalMac are due to meet again on Friday, but neither side expects a settlement before Thursday.",
	}},
	{"bank-rate-mortgages", "bank-rate", []string{
		"Homeowners coming to the end of cheap fixed-rate deals face a jump in payments of several hundred pounds a month, whatever the Bank of England decides this week.",
		"About 1.6 million fixed deals end this year, most of them taken out when rates were below two per cent, according to trade body UK Finance.",
		"Brokers said the best two-year fixes now cost a little over four per cent, and that lenders had been cutting rates slowly since the spring.",
		"The Bank's governor, Andrew Bailey, has said the pace of cuts will be gradual, and markets expect only one or two more this year.",
	}},
	{"glacier-tourism", "glacier-survey", []string{
		"Ski resorts in the Swiss Alps are turning to summer hiking and mountain biking as shrinking glaciers cut short the season on the high slopes.",
		"At Zermatt, the summer ski area on the Theodul glacier opened three weeks late this year and closed early as the ice thinned.",
		"Resort managers said visitors still came for the views, but increasingly wanted walking routes and lake swimming rather than skiing.",
		"Glaciologists have warned that many of the smaller glaciers in the Alps could be gone within a generation.",
	}},
	{"museum-theft-arrests", "museum-theft", []string{
		"Dutch police have arrested three men in connection with the theft of a 2,400-year-old gold helmet from a museum in Drents, but the helmet has not been found.",
		"Prosecutors said the men, aged between 21 and 36, were held in raids on addresses in the north of the country on Tuesday night.",
		"Romania's ambassador to the Netherlands said the arrests were encouraging but that the priority remained the safe return of the helmet and the bracelets.",
		"The museum has reopened with extra security, and its director said it would review how loans from abroad are guarded.",
	}},
}

// copies are how newsrooms run a wire story: each a source and what it
// does to the text.
var copies = []struct {
	source string
	edit   func(paras []string) []string
}{
	{"Agency wire", func(p []string) []string { return p }},
	{"Northern Post: first three paragraphs", func(p []string) []string { return p[:3] }},
	{"Coast Gazette: own intro, last paragraph cut", func(p []string) []string {
		return append([]string{"Readers in the region will feel the effects of the news, local councillors said on Monday evening, as they called for more support."}, p[:len(p)-1]...)
	}},
	{"Valley Times: US spelling, said becomes told", func(p []string) []string {
		var out []string
		r := strings.NewReplacer("per cent", "percent", " said ", " told reporters ", "centrepiece", "centerpiece", "neighbours", "neighbors", "programme", "program")
		for _, x := range p {
			out = append(out, r.Replace(x))
		}
		return out
	}},
	{"Evening Echo: paragraphs reordered and merged", func(p []string) []string {
		out := []string{p[0], p[2] + " " + p[1]}
		return append(out, p[3:]...)
	}},
}

// heavyEdit is a sub-editor's pass over a wire story for a paper's house
// style: tenses, days, numbers and attributions changed throughout.
var heavyEdit = strings.NewReplacer(
	" said ", " says ", " on Monday", " yesterday", " on Thursday", " yesterday", " on Wednesday", " yesterday",
	" on Saturday", " at the weekend", " would ", " will ", "more than", "over", " per cent", "%", " the country's", " its",
	"Scientists", "Researchers", "Thieves", "Raiders", "Forecasters", "Weather experts", "urged", "told", " after ", " when ",
)

// corpus is every copy of every wire story, a heavily edited copy of each,
// and the same-subject stories, each also run a second time with the wire
// story's first paragraph quoted after its own first (a newsroom's own
// story that quotes the wire: not a copy). Articles of one story share the
// id before the '/'.
func corpus() (ids []string, bodies map[string]string) {
	bodies = map[string]string{}
	add := func(id string, paras []string) {
		ids = append(ids, id)
		bodies[id] = strings.Join(paras, "\n\n")
	}
	for _, w := range wireStories {
		for i, c := range copies {
			add(fmt.Sprintf("%s/%d", w.id, i), c.edit(slices.Clone(w.paras)))
		}
		var edited []string
		for _, p := range w.paras {
			edited = append(edited, heavyEdit.Replace(p))
		}
		add(w.id+"/edited", edited)
	}
	for _, s := range sameSubject {
		add(s.id+"/0", s.paras)
		var wire []string
		for _, w := range wireStories {
			if w.id == s.of {
				wire = w.paras
			}
		}
		quoting := append([]string{s.paras[0], wire[0]}, s.paras[1:]...)
		add(s.id+"/quoting", quoting)
	}
	return ids, bodies
}

func story(id string) string { return strings.Split(id, "/")[0] }

// TestPrecisionRecall measures the detector on the wire corpus, for pairs
// it judges copies directly and for pairs it puts in one group (which
// joins a pair through a third copy): of the pairs it joins, how many are
// copies of one story (precision), and of the pairs that are, how many it
// joins (recall). DUPES.md records the numbers.
func TestPrecisionRecall(t *testing.T) {
	ids, bodies := corpus()
	sigs := map[string]Signature{}
	for _, id := range ids {
		sigs[id] = Sign(bodies[id])
	}
	for _, threshold := range []float64{0.2, DefaultThreshold, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8} {
		rule := Rule{Threshold: threshold}
		d := &Detector{Rule: rule}
		group := map[string]string{}
		for _, id := range ids {
			group[id] = d.Add(id, sigs[id])
		}
		var pairs, groups score
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				same := story(a) == story(b)
				direct, c := rule.Same(sigs[a], sigs[b])
				pairs.add(same, direct)
				groups.add(same, group[a] == group[b])
				if threshold == DefaultThreshold && direct != same {
					t.Logf("at %.2f: %s and %s: containment %.2f", threshold, a, b, c)
				}
			}
		}
		t.Logf("threshold %.2f: pairs precision %.3f recall %.3f %+v; groups precision %.3f recall %.3f",
			threshold, pairs.precision(), pairs.recall(), pairs, groups.precision(), groups.recall())
		if threshold == DefaultThreshold {
			if pairs.precision() < 0.99 || pairs.recall() < 0.9 || groups.precision() < 0.99 || groups.recall() < 0.99 {
				t.Errorf("at the default threshold: pairs %+v, groups %+v; want precision 0.99 and recall 0.9 (pairs), 0.99 (groups)", pairs, groups)
			}
		}
	}
}

// score counts pair judgements.
type score struct{ TP, FP, FN int }

func (s *score) add(same, joined bool) {
	switch {
	case same && joined:
		s.TP++
	case joined:
		s.FP++
	case same:
		s.FN++
	}
}

func (s score) precision() float64 { return float64(s.TP) / float64(max(s.TP+s.FP, 1)) }
func (s score) recall() float64    { return float64(s.TP) / float64(max(s.TP+s.FN, 1)) }

func TestContainment(t *testing.T) {
	w := strings.Join(wireStories[0].paras, "\n\n")
	half := strings.Join(wireStories[0].paras[:3], "\n\n")
	other := strings.Join(sameSubject[0].paras, "\n\n")
	if c := Containment(Sign(w), Sign(w)); c != 1 {
		t.Errorf("an article contains itself %.2f, want 1", c)
	}
	if c := Containment(Sign(w), Sign(half)); c < 0.8 {
		t.Errorf("the first half of a story is contained %.2f, want at least 0.8", c)
	}
	if c := Containment(Sign(w), Sign(other)); c > 0.1 {
		t.Errorf("another story on the subject is contained %.2f, want at most 0.1", c)
	}
	// Punctuation and case do not matter.
	if a, b := Sign(w), Sign(strings.ToUpper(strings.ReplaceAll(w, ",", " ;"))); !slices.Equal(a.Sample, b.Sample) || a.Phrases != b.Phrases {
		t.Errorf("the same words in capitals with other punctuation sign differently: %+v and %+v", a, b)
	}
}

// Briefs too short to tell a copy from a shared sentence are never grouped.
func TestShortArticlesAreNotCompared(t *testing.T) {
	d := &Detector{}
	brief := Sign("Ferry crews will strike for 48 hours from next Thursday, their union said.")
	if a, b := d.Add("a", brief), d.Add("b", brief); a != "a" || b != "b" {
		t.Errorf("groups %q and %q, want each brief in its own", a, b)
	}
}

// Each article joins the group of the first copy of its story, and a
// story that quotes a wire story's first paragraph goes with its own first
// run, not with the wire story.
func TestGroups(t *testing.T) {
	ids, bodies := corpus()
	d := &Detector{}
	got := map[string]string{}
	for _, id := range ids {
		got[id] = d.Add(id, Sign(bodies[id]))
	}
	for _, id := range ids {
		if want := story(id) + "/0"; got[id] != want {
			t.Errorf("%s: group %q, want %q", id, got[id], want)
		}
	}
}

func BenchmarkSign(b *testing.B) {
	body := strings.Join(wireStories[0].paras, "\n\n")
	for b.Loop() {
		Sign(body)
	}
}
