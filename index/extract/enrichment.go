package extract

// Enrichment is what the extractor finds in one article. Its JSON form is the
// line `cuttings extract` prints (see DESIGN.md).
type Enrichment struct {
	ID            string         `json:"id"`
	People        []Person       `json:"people"`
	Organizations []Organization `json:"organizations"`
	Countries     []Country      `json:"countries"`
	Topics        []Topic        `json:"topics"`
	Quotes        []Quote        `json:"quotes"`
}

// Names lists what the enrichment found as the gold files and the index's
// facets write it: people's and organisations' names, country codes, topic
// labels, each in the enrichment's order.
func (e Enrichment) Names() (people, orgs, countries, topics []string) {
	for _, p := range e.People {
		people = append(people, p.Name)
	}
	for _, o := range e.Organizations {
		orgs = append(orgs, o.Name)
	}
	for _, c := range e.Countries {
		countries = append(countries, c.Code)
	}
	for _, t := range e.Topics {
		topics = append(topics, t.Label)
	}
	return people, orgs, countries, topics
}

// Person is one person an article mentions, under their canonical name
// (the longest full form, honorifics and titles removed).
type Person struct {
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
	First    int    `json:"-"` // character offset of the first mention in the body, for ordering
}

// Organization is one organisation an article mentions, canonical name.
type Organization struct {
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
	First    int    `json:"-"`
}

// Country is a country an article mentions, by name, demonym, city or seat
// of government; Code is ISO 3166-1 alpha-2.
type Country struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
}

// Topic is one of the 17 top-level IPTC Media Topics with a score in [0,1].
type Topic struct {
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

// Speaker types of a Quote.
const (
	SpeakerPerson       = "person"
	SpeakerOrganization = "organization"
	SpeakerUnknown      = "unknown"
)

// Quote is one direct quotation: its text without the quotation marks, who
// said it, the cue that attributes it, and its character (Unicode code point)
// offsets in the body: []rune(body)[Start:End] is Text.
type Quote struct {
	Text        string `json:"text"`
	Speaker     string `json:"speaker"`
	SpeakerType string `json:"speaker_type"`
	Cue         string `json:"cue"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}
