package main

// The only hand-written data in the gazetteer: general knowledge of how
// English news writes about countries, which the packages lack, and the names
// that are too ambiguous in English news to keep. Every entry here is marked
// "hand" in the generator's -v report and in DATA.md.

// handName is a hand-added surface form and the country it names; code is
// empty for a region that names no single country.
type handName struct{ phrase, code string }

// keepCodes are the all-capital altSpellings kept: the abbreviations English
// news writes. Every other code-like alias (the alpha-2 codes, "RSA") goes:
// "IN", "IT", "AT", "BE" and the like are English words once the case is
// lost, and the rest are never written in prose.
var keepCodes = map[string]bool{"UK": true, "US": true, "USA": true, "UAE": true, "DRC": true, "DPRK": true}

// handAliases are English names of countries that world-countries' names and
// altSpellings lack.
var handAliases = []handName{
	{"Britain", "GB"},
	{"U.K.", "GB"},
	{"England", "GB"}, // the UK's nations name the UK's government and people in news
	{"Scotland", "GB"},
	{"Wales", "GB"},
	{"Northern Ireland", "GB"}, // also keeps "Ireland" inside it from matching IE
	{"U.S.", "US"},
	{"U.S.A.", "US"},
	{"America", "US"},
	{"Republic of Georgia", "GE"}, // "Georgia" alone is excluded below
	{"Turkey", "TR"},              // world-countries' common name is now Türkiye; news still writes Turkey
	{"Cabo Verde", "CV"},
	{"Bosnia", "BA"},
	{"Trinidad", "TT"},
	{"Holy See", "VA"},
	{"Republic of Congo", "CG"},
	{"Congo Republic", "CG"},
	{"Gaza", "PS"},
	{"Gaza Strip", "PS"},
	{"West Bank", "PS"},
	// Places whose names contain another country's name: listed so that the
	// longest match takes them ("New Mexico" is not Mexico).
	{"New Mexico", "US"},
	{"New Jersey", "US"},
	{"Jersey City", "US"},
	{"New England", "US"},
	{"New South Wales", "AU"},
	{"British Columbia", "CA"},
	{"Niger Delta", "NG"},
}

// handRegions name no single country but contain a name that would match a
// shorter, wrong one ("American" in "Latin American" is not the US).
var handRegions = []handName{
	{"Latin America", ""},
	{"South America", ""},
	{"North America", ""},
	{"Central America", ""},
	{"Latin American", ""},
	{"South American", ""},
	{"North American", ""},
	{"Central American", ""},
	{"Latin Americans", ""},
	{"South Americans", ""},
	{"North Americans", ""},
	{"Central Americans", ""},
	{"Central African", ""}, // CF's demonym in the data, but in news mostly the region
	{"Central Africans", ""},
	{"Indian Ocean", ""},
	{"New Guinea", ""}, // the island, shared by Papua New Guinea and Indonesia
}

// handDemonyms are news forms of nationality words that world-countries'
// demonyms lack (its data has one adjective per country, no nouns for people
// and few plurals).
var handDemonyms = []handName{
	{"Briton", "GB"}, {"Britons", "GB"}, {"Brits", "GB"},
	{"Scot", "GB"}, {"Scots", "GB"}, {"Scottish", "GB"}, {"Welsh", "GB"},
	{"Northern Irish", "GB"}, {"Englishman", "GB"}, {"Englishmen", "GB"}, {"Englishwoman", "GB"},
	{"Irishman", "IE"}, {"Irishmen", "IE"}, {"Irishwoman", "IE"},
	{"Frenchman", "FR"}, {"Frenchmen", "FR"}, {"Frenchwoman", "FR"},
	{"Dutchman", "NL"}, {"Dutchmen", "NL"}, {"Dutchwoman", "NL"},
	{"Czechs", "CZ"},
	{"Poles", "PL"}, // not "Pole": the North and South Poles
	{"Danes", "DK"}, // not "Dane": a first name
	{"Swede", "SE"}, {"Swedes", "SE"},
	{"Finns", "FI"}, // not "Finn": a first name
	{"Turk", "TR"}, {"Turks", "TR"},
	{"Serb", "RS"}, {"Serbs", "RS"},
	{"Spaniard", "ES"}, {"Spaniards", "ES"},
	{"Saudis", "SA"},
	{"Aussie", "AU"}, {"Aussies", "AU"},
	{"Azeri", "AZ"}, {"Azeris", "AZ"},
	{"Tajik", "TJ"}, {"Tajiks", "TJ"},
	{"Kyrgyz", "KG"},
	{"Uzbek", "UZ"}, {"Uzbeks", "UZ"},
	{"Kazakh", "KZ"}, {"Kazakhs", "KZ"},
	{"Kosovan", "XK"}, {"Kosovans", "XK"},
	{"Ecuadorian", "EC"}, {"Ecuadorians", "EC"},
	{"Cape Verdean", "CV"}, {"Cape Verdeans", "CV"},
	{"Maldivian", "MV"}, {"Maldivians", "MV"},
	{"Slovenian", "SI"}, {"Slovenians", "SI"}, {"Slovenes", "SI"},
	{"Argentinian", "AR"}, {"Argentinians", "AR"},
	{"Nepali", "NP"}, {"Nepalis", "NP"},
	{"Filipina", "PH"}, {"Filipinas", "PH"},
}

// handCities are the short forms news writes for a capital or city whose
// name in the data is longer or spelled otherwise.
var handCities = []handName{
	// "Washington" alone is kept: in news it is far more often the US
	// government than the state (also US) or a surname, and a person's full
	// name ("Denzel Washington") is a longer phrase the caller classifies as
	// a whole.
	{"Washington", "US"},
	{"Washington DC", "US"},
	{"New York", "US"}, // the city or the state: both US
	{"Kiev", "UA"},     // the older English spelling of Kyiv
	{"Odesa", "UA"},    // GeoNames writes Odessa
	{"Ulaanbaatar", "MN"},
	{"Geneva", "CH"},       // GeoNames writes Genève
	{"Cologne", "DE"},      // Köln
	{"Munich", "DE"},       // München
	{"Gothenburg", "SE"},   // Göteborg
	{"Aarhus", "DK"},       // GeoNames writes Arhus
	{"Mekelle", "ET"},      // Mek'ele
	{"Frankfurt", "DE"},    // Frankfurt am Main
	{"Kharkiv", "UA"},      // GeoNames writes Kharkov
	{"Zaporizhzhia", "UA"}, // Zaporizhzhya
}

// overrides settle a phrase that the data gives to more than one country.
var overrides = map[string]string{
	// world-countries lists "Congo" as an alias of the Republic of the Congo,
	// but AP and Reuters style, and most news, use it for DR Congo.
	"Congo": "CD",
}

// excluded are names dropped wherever they come from, each with the reason.
// Keys are exact phrases: a name listed as in the data drops with all its
// variants ("Juárez" drops "Juarez" too); a variant listed alone drops alone
// ("Male", the unaccented form of Malé).
var excluded = map[string]string{
	// Common English words.
	"Of":        "a Turkish town; an English word",
	"Reading":   "English town; an English word",
	"Nice":      "French city; an English word",
	"Mobile":    "US city; an English word",
	"Island":    "an altSpelling of Iceland; an English word",
	"Reunion":   "unaccented Réunion; an English word",
	"Male":      "unaccented Malé; an English word",
	"Queens":    "New York borough; an English word",
	"Phoenix":   "US city; a word, a myth and a surname",
	"Sale":      "Moroccan city; an English word and an English town",
	"Cali":      "Colombian city; slang for California",
	"Shiraz":    "Iranian city; a wine",
	"Kawasaki":  "Japanese city; a brand",
	"Carrefour": "Haitian city; a supermarket chain",
	"Tamale":    "Ghanaian city; a dish",
	"Ganja":     "Azerbaijani city; cannabis",
	"Cayenne":   "capital of French Guiana; a pepper and a Porsche",
	"Prathet":   "an altSpelling of Thailand; Thai for country",
	"Split":     "Croatian city; an English word",
	"Honcho":    "Japanese town; an English word",
	"Honchō":    "Japanese town; \"honcho\" unaccented",
	"Natal":     "Brazilian city; a South African province and an English word",
	"Perm":      "Russian city; an English word",
	"Bata":      "Equatorial Guinean city; a shoe brand",
	"Kota":      "Indian city; Malay and Indonesian for city, in many names",
	"Guli":      "Chinese town; too short a word to be sure of",
	"Sakai":     "Japanese city; a common surname",

	// First names and surnames.
	"Victoria":              "capital of the Seychelles; a first name, an Australian state, a Canadian city",
	"Jackson":               "US city; a surname and first name",
	"Lincoln":               "US and English city; a surname",
	"Florence":              "Italian city; a first name",
	"Hamilton":              "capital of Bermuda; a surname, Canadian and Scottish cities",
	"Douglas":               "capital of the Isle of Man; a first name and surname",
	"Stanley":               "capital of the Falklands; a first name and surname",
	"Salvador":              "Brazilian city; a first name, and part of El Salvador",
	"Medina":                "Saudi city; a common surname",
	"Rosario":               "Argentine city; a first name",
	"Juárez":                "Mexican city; a surname (Benito Juárez)",
	"Gustavo Adolfo Madero": "Mexico City borough named after a person",
	"Kobe":                  "Japanese city; a first name (Kobe Bryant)",
	"Austin":                "US city; a first name and surname",
	"Charlotte":             "US city; a first name",
	"Columbus":              "US city; Christopher Columbus",
	"Samara":                "Russian city; a first name",
	"Mendoza":               "Argentine city; a common surname",
	"Takeo":                 "Cambodian city; a Japanese first name",
	"Sofia":                 "capital of Bulgaria; a common first name",
	"Moroni":                "capital of the Comoros; a surname",
	"Diego Garcia":          "capital of the British Indian Ocean Territory; a common personal name",
	"Mann":                  "an altSpelling of the Isle of Man; a surname",
	"Dominique":             "an altSpelling of Dominica; a first name",
	"Cuauhtémoc":            "Mexico City borough; an Aztec emperor and a first name",
	"Álvaro Obregón":        "Mexico City borough named after a president",
	"Alvaro Obregon":        "Mexico City borough named after a president",
	"General Santos":        "Philippine city named after a general",
	"Guadalupe":             "Mexican city; a first name and many places",
	"Ponce":                 "Puerto Rican city; a surname",
	"Salem":                 "Indian city; a US state capital",
	"Carolina":              "Puerto Rican city; a first name and two US states",
	"Mérida":                "Mexican city; Spanish and Venezuelan cities too",

	// Names of places in several countries.
	"Georgia": "the country or the US state; over Reuters-21578 all but two of 67 mentions " +
		"are the state. Georgian, Tbilisi and Republic of Georgia still name the country",
	"Plymouth":       "capital of Montserrat; an English city",
	"Jamestown":      "capital of Saint Helena; US towns",
	"Georgetown":     "capital of Guyana; Washington neighbourhood and university, Penang",
	"George Town":    "capital of the Cayman Islands; Penang",
	"Saint John's":   "capital of Antigua; St John's, Newfoundland, and many churches",
	"St. George's":   "capital of Grenada; hospitals, chapels and schools",
	"Saint-Denis":    "capital of Réunion; a Paris suburb",
	"Virgin Islands": "both the British and the US Virgin Islands",
	"Guiana":         "the Guianas span several countries",
	"Timor":          "the island is shared by Timor-Leste and Indonesia",
	"Portuguesa":     "an altSpelling of Portugal; a Venezuelan state",
	"Scarborough":    "Toronto district; an English town",
	"North York":     "Toronto district; North Yorkshire",
	"South Boston":   "Boston neighbourhood; a Virginia town",
	"Bergen":         "Norwegian city; a New Jersey county",
	"Portland":       "Oregon city; Maine has one too (both US), but also an English isle and a London street",
	"Cuenca":         "Ecuadorian city; a Spanish city too",
	"Panshan":        "Chinese district; too obscure for news",
	"Rohini":         "Delhi district; a first name",
	"Narela":         "Delhi district",
	"Borivli":        "Mumbai suburb",
	"Karol Bāgh":     "Delhi district",
	"Favoriten":      "Vienna district",
	"Coyoacán":       "Mexico City borough",
	"Kahrīz":         "Iranian town",

	// Capitals whose name is a common phrase.
	"The Valley":  "capital of Anguilla; a common phrase",
	"The Bottom":  "capital of Bonaire; a common phrase",
	"West Island": "capital of the Cocos Islands; a common phrase",

	// Codes and code-like forms not written in prose.
	"BES islands": "a code-like name of the Caribbean Netherlands",
}
