package extract

import "strings"

// Word lists of general English news usage. They hold no names of people.

// cueVerbs are reporting verbs in every inflection, mapped to their base
// form's past tense as printed in Quote.Cue when the text uses that form.
var cueVerbs = setOf(
	"say", "says", "said", "saying",
	// speech acts that frame a partial quotation: "accused him of a ‘…’"
	"accuse", "accuses", "accused", "questioned", "exhorted", "welcomed", "welcomes", "slammed", "slams",
	"dismissed", "condemned", "condemns", "denounced", "blasted", "hailed", "decried", "lambasted",
	"add", "adds", "added", "adding",
	"tell", "tells", "told", "telling",
	"warn", "warns", "warned", "warning",
	"insist", "insists", "insisted", "insisting",
	"claim", "claims", "claimed", "claiming",
	"argue", "argues", "argued", "arguing",
	"acknowledge", "acknowledges", "acknowledged",
	"admit", "admits", "admitted",
	"notes", "noted", "noting", // not "note", more often a noun ("a short note")
	"cite", "cites", "cited", "citing",
	"explain", "explains", "explained",
	"stated",
	"declare", "declares", "declared",
	"announce", "announces", "announced",
	"write", "writes", "wrote", "written",
	"tweeted", "posted",
	"describe", "describes", "described",
	"called",
	"continue", "continues", "continued",
	"conclude", "concludes", "concluded",
	"reply", "replies", "replied",
	"respond", "responds", "responded",
	"answer", "answers", "answered",
	"ask", "asks", "asked",
	"urge", "urges", "urged",
	"suggest", "suggests", "suggested",
	"predict", "predicts", "predicted",
	"promise", "promises", "promised",
	"vow", "vows", "vowed",
	"pledge", "pledges", "pledged",
	"stress", "stresses", "stressed",
	"emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized",
	"recall", "recalls", "recalled",
	"remark", "remarks", "remarked",
	"observe", "observes", "observed",
	"comment", "comments", "commented",
	"complain", "complains", "complained",
	"concede", "concedes", "conceded",
	"confirm", "confirms", "confirmed",
	"deny", "denies", "denied",
	"maintain", "maintains", "maintained",
	"contend", "contends", "contended",
	"assert", "asserts", "asserted",
	"boast", "boasts", "boasted",
	"joke", "jokes", "joked", "quip", "quips", "quipped",
	"recount", "recounts", "recounted",
	"reiterate", "reiterates", "reiterated",
	"repeat", "repeats", "repeated",
	"shout", "shouts", "shouted", "yelled", "screamed", "whispered", "cried", "exclaimed",
	"testify", "testifies", "testified",
	"agree", "agrees", "agreed",
	"counter", "counters", "countered",
	"retort", "retorts", "retorted",
	"proclaim", "proclaims", "proclaimed",
	"mused", "sighed", "scoffed", "snapped", "laughed", "smiled", "conceded",
	"caution", "cautions", "cautioned",
	"predicted", "estimated", "reckoned", "believes", "believed", "thinks", "thought",
	"recalled", "revealed", "reveals", "added", "declared", "indicated", "signalled", "signaled",
	"interjected", "chimed", "offered", "read", "reads", "posted", "wrote", "joked", "lamented", "laments",
	"charged", "charges", "alleged", "alleges", "quoted", "quotes", "explains", "mocked", "praised", "criticized",
	"criticised", "cautioned", "pointed", "advised", "demanded", "demands", "wondered", "wonders", "asserted",
	"acknowledged", "complained", "noting", "adding", "telling", "writing", "arguing", "insisting", "calling",
	"explaining", "warning", "declaring", "claiming", "asking", "stating", "suggesting", "recalling",
	"sniped", "snapped", "griped", "fumed", "raged", "thundered", "bragged", "gushed", "pleaded", "begged",
	"interjected", "chimed", "offered", "read", "reads", "posted", "wrote", "joked", "lamented", "laments",
	"charged", "charges", "alleged", "alleges", "quoted", "quotes", "explains", "mocked", "praised", "criticized",
	"criticised", "cautioned", "pointed", "advised", "demanded", "demands", "wondered", "wonders", "asserted",
	"acknowledged", "complained", "noting", "adding", "telling", "writing", "arguing", "insisting", "calling",
	"explaining", "warning", "declaring", "claiming", "asking", "stating", "suggesting", "recalling",
	"tweeting", "posting", "opined", "opines", "reacted", "demurred", "spoke", "speaks",
	"describing", "urging", "predicting", "vowing", "promising", "pledging", "stressing", "admitting", "conceding",
	"confirming", "denying", "announcing", "responding", "replying", "answering", "complaining", "boasting", "joking",
	"repeating", "reiterating", "charging", "alleging", "praising", "criticizing", "criticising", "demanding", "yelling", "boomed", "pressed", "reported", "sang", "sings", "sniped", "snapped", "griped", "fumed", "raged", "thundered", "bragged", "gushed", "pleaded", "begged",
)

// postCueVerbs may follow a quote with inverted order ("…," said X) only if
// they are true speech verbs; "called" or "thought" there would mislead.
var invertibleCues = setOf("said", "says", "added", "adds", "asked", "asks", "continued", "wrote", "writes",
	"warned", "insisted", "explained", "replied", "noted", "declared", "argued", "stressed", "tweeted",
	"concluded", "recalled", "observed", "remarked", "countered", "responded", "answered", "cautioned", "quipped", "joked",
	"reported", "opined", "reacted", "retorted", "exclaimed", "admitted", "conceded", "acknowledged", "shouted", "pleaded")

// honorifics precede a name and say nothing about a role.
var honorifics = map[string]gender{
	"Mr": male, "Mr.": male, "Mrs": female, "Mrs.": female, "Ms": female, "Ms.": female, "Miss": female,
	"Dr": unknownGender, "Dr.": unknownGender, "Sir": male, "Dame": female, "Lord": male, "Lady": female,
	"Prof": unknownGender, "Prof.": unknownGender, "Professor": unknownGender, "Mx": unknownGender,
	"Rev": unknownGender, "Rev.": unknownGender, "Capt.": unknownGender, "Reverend": unknownGender, "Baroness": female, "Baron": male,
	"Messrs": unknownGender,
}

// titles are roles written before a name ("President Emmanuel Macron",
// "Foreign Secretary ..."); lower-cased they are also role nouns ("the
// president said").
var titleWords = setOf(
	"President", "Vice", "Prime", "Minister", "Secretary", "Chancellor", "Governor", "Gov", "Gov.",
	"Senator", "Sen", "Sen.", "Representative", "Rep", "Rep.", "Congressman", "Congresswoman", "Mayor",
	"Ambassador", "Envoy", "Commissioner", "Chairman", "Chairwoman", "Chair", "Chief", "Executive",
	"Director", "Spokesman", "Spokeswoman", "Spokesperson", "Leader", "Coach", "Manager", "Captain",
	"Judge", "Justice", "General", "Gen", "Gen.", "Colonel", "Col", "Col.", "Admiral", "Commander", "Lieutenant", "Lt",
	"Sergeant", "Sgt", "Major", "Marshal", "Bishop", "Archbishop", "Cardinal", "Pope", "King", "Queen",
	"Prince", "Princess", "Duke", "Duchess", "Rabbi", "Imam", "Sheikh", "Emir", "Crown", "Deputy",
	"Foreign", "Finance", "Defence", "Defense", "Health", "Home", "Interior", "Trade", "Economy",
	"Environment", "Education", "Energy", "Transport", "Culture", "State", "Shadow", "Acting", "Former",
	"First", "Lady", "Attorney", "Solicitor", "Inspector", "Detective", "Constable", "Superintendent",
	"Officer", "Speaker", "Premier", "Sultan", "Ayatollah", "Patriarch", "Mufti", "Chancellor",
	"Opposition", "Labor", "Agriculture", "Justice", "Treasury", "Business", "Security", "Development",
	"Foreign-Affairs", "Presidential", "Candidate", "Nominee", "Whip",
	"Striker", "Midfielder", "Defender", "Goalkeeper", "Forward", "Winger", "Batsman", "Bowler",
	"Chef", "Actor", "Actress", "Singer", "Author", "Novelist", "Professor", "Economist", "Analyst",
	"Founder", "Co-founder", "CEO", "Director-General", "Secretary-General", "Prosecutor", "Mayor-elect", "President-elect", "Sheriff", "Trustee", "Pontiff", "Capt", "Capt.", "Sgt.", "Maj", "Maj.", "Pvt", "Pvt.", "Cpl.", "Adm.", "Cmdr.", "Supt", "Det", "Det.", "Insp", "Del.", "Atty", "Pres.", "Sens.", "Reps.", "Govs.", "Gens.", "Boss", "Head", "Gov.", "Lt.", "Cpl", "Private", "Councillor", "Councilman", "Councilwoman", "Councilmember", "Member", "Cst", "Cst.", "Pte", "Pte.", "Brig", "Brig.", "Alderman", "Alderwoman", "Selectman", "Selectwoman",
	"Quarterback", "Pitcher", "Shortstop", "Linebacker", "Fly-half", "Scrum-half", "Flanker", "Wicketkeeper",
	"Right-hander", "Left-hander", "Parent", "Elder", "Reeve",
	"Advocate", "Counsel", "Anchor", "Co-Anchor", "Treasurer", "Secretary-Treasurer", "Editor", "Columnist",
	"Correspondent", "Pastor", "Producer", "Chairperson", "Auditor", "Comptroller", "Ombudsman",
	"Provost", "Chaplain",
	"Co-Chairman", "Co-Chairwoman", "Co-Chair", "Vice-Chairman", "Vice-Chair", "Vice-President", "Co-Leader",
	"Cllr", "Cllr.", "Supt.", "Coun", "Coun.", "Const", "Const.", "Insp.", "MLA", "MPP", "MSP", "MHA", "MNA",
	"Council", "PM", "Assemblyman", "Assemblywoman", "Delegate", "Mp", "MP", "MEP", "Lawmaker", "Minister-President",
)

// roleHeads are lower-case role nouns that can stand for a person ("the
// prime minister said"), mapped to a normal form.
var roleHeads = map[string]string{
	"president": "president", "pm": "prime minister", "premier": "prime minister", "minister": "minister",
	"secretary": "secretary", "chancellor": "chancellor", "governor": "governor", "senator": "senator",
	"mayor": "mayor", "ambassador": "ambassador", "envoy": "envoy", "commissioner": "commissioner",
	"chairman": "chairman", "chairwoman": "chairman", "chair": "chairman", "chief": "chief",
	"director": "director", "leader": "leader", "coach": "coach", "manager": "manager", "captain": "captain",
	"judge": "judge", "general": "general", "pope": "pope", "king": "king", "queen": "queen", "prince": "prince",
	"congressman": "congressman", "congresswoman": "congresswoman", "candidate": "candidate", "nominee": "nominee",
	"boss": "boss", "ceo": "chief executive", "executive": "chief executive", "founder": "founder",
	"lawmaker": "lawmaker", "speaker": "speaker", "governor-general": "governor", "sheriff": "sheriff",
	"prosecutor": "prosecutor", "commander": "commander", "detective": "detective", "inspector": "inspector",
	"superintendent": "superintendent", "professor": "professor", "headteacher": "headteacher", "principal": "principal",
	"striker": "striker", "midfielder": "midfielder", "defender": "defender", "goalkeeper": "goalkeeper",
	// Positions of other sports, which open a sentence before a player's
	// name as a title does: "Center Ada Obi blocked four shots".
	"center": "center", "centre": "centre", "guard": "guard", "forward": "forward", "quarterback": "quarterback",
	"pitcher": "pitcher", "catcher": "catcher", "shortstop": "shortstop", "outfielder": "outfielder",
	"linebacker": "linebacker", "winger": "winger", "fullback": "fullback", "full-back": "full-back",
	"fly-half": "fly-half", "scrum-half": "scrum-half", "flanker": "flanker", "wicketkeeper": "wicketkeeper",
	"batsman": "batsman", "goaltender": "goaltender", "netminder": "netminder", "defenceman": "defenceman",
	"defenseman": "defenseman", "jockey": "jockey",
	"actor": "actor", "actress": "actress", "singer": "singer", "author": "author", "novelist": "novelist",
	"economist": "economist", "analyst": "analyst", "scientist": "scientist", "researcher": "researcher",
	"doctor": "doctor", "surgeon": "surgeon", "lawyer": "lawyer", "attorney": "attorney", "mp": "mp",
	"chancellor-elect": "chancellor", "president-elect": "president", "taoiseach": "prime minister", "pontiff": "pope",
}

// descriptions are speaker phrases that name nobody in particular.
var descriptionHeads = setOf(
	"source", "sources", "official", "officials", "aide", "aides", "analyst", "analysts", "critic", "critics",
	"expert", "experts", "observer", "observers", "resident", "residents", "witness", "witnesses", "people",
	"person", "insider", "insiders", "diplomat", "diplomats", "colleague", "colleagues", "friend", "friends",
	"supporter", "supporters", "opponent", "opponents", "voter", "voters", "protester", "protesters", "someone",
	"one", "another", "others", "many", "some", "several", "member", "members", "staffer", "staffers", "adviser",
	"advisers", "advisor", "advisors", "lawmakers", "economists", "scientists", "researchers", "doctors", "lawyers",
	"poll", "report", "survey", "study", "document", "memo", "letter", "statement", "spokesman", "spokeswoman",
	"spokesperson", "representative", "representatives", "commentators", "campaigners", "activists", "investors",
	"traders", "parents", "students", "teachers", "workers", "fans", "users", "customers", "man", "woman",
)

// orgSpeakerNouns introduce the organisation that really speaks: "a
// statement issued by X", "a spokesman for X", "X's spokeswoman".
var orgSpeakerNouns = setOf("statement", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
	"representative", "release", "announcement", "letter", "filing", "memo", "communique", "communiqué",
	"source", "sources", "official", "officials", "report", "readout", "email", "message",
	"briefing", "press", "notice", "document", "aide", "aides", "lawyer", "lawyers", "spokesmen")

// orgHeads are words that make a capitalised phrase an organisation.
var orgHeads = setOf(
	"Ministry", "Department", "Bank", "Council", "Commission", "Union", "Party", "Association", "Agency",
	"Organization", "Organisation", "Corporation", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Plc", "plc", "PLC", "Group",
	"University", "College", "Court", "Committee", "Office", "Service", "Services", "Police", "Army", "Navy", "Marines",
	"Federation", "League", "Club", "FC", "Institute", "Institution", "Fund", "Authority", "Board", "Parliament", "Senate",
	"Congress", "Assembly", "Coalition", "Alliance", "Foundation", "Trust", "Society", "Company", "Co",
	"Network", "News", "Times", "Post", "Journal", "Guardian", "Telegraph", "Tribune", "Herald", "Gazette",
	"Airlines", "Airways", "Motors", "Holdings", "Industries", "Technologies", "Systems", "Labs", "Bureau",
	"Forces", "Guard", "Command", "Cabinet", "Government", "Administration", "Secretariat", "Tribunal",
	"Exchange", "Reserve", "Treasury", "Chamber", "Conference", "Movement", "Front", "Brigade", "Brigades",
	"Council", "Centre", "Center", "Hospital", "Clinic", "School", "Academy", "Museum", "Orchestra", "Festival",
	"Commission", "Unit", "Agency", "Observatory", "Programme", "Program", "Initiative", "Watch", "International",
	"Partners", "Capital", "Energy", "Petroleum", "Oil", "Pharmaceuticals", "Pharma", "Media", "Press", "Radio",
	"Television", "TV", "Studios", "Records", "Entertainment", "Bancorp", "Securities", "Investments", "Insurance",
	"Union", "Confederation", "Syndicate", "Guild", "Caucus", "Directorate", "Inspectorate", "Regulator",
	"Mission", "Corps", "Rangers", "Convention", "United", "City", "Athletic", "Wanderers", "Rovers",
	// Companies, services and clubs: "Corvane Therapeutics", "Savanna
	// Ventures", "East Japan Railway", "US Geological Survey", "Luton Town",
	// "Chatham House" (a lone "House" is left to coreference).
	"Therapeutics", "Biotech", "Biosciences", "Ventures", "Railway", "Railways", "Survey", "Town", "Hotspur",
	"Albion", "House", "Airlines", "Telecom", "Mining", "Motor", "Bancorp", "Platinum", "Minerals", "Steel",
	"Communications", "Telecommunications", "Advisors", "Advisers", "Associates", "Consulting", "Solutions",
	"Software", "Electronics", "Brands", "Pictures", "Productions", "Publishing", "Logistics",
	"Theatre", "Theater", "Gallery", "Galleries", "Library", "Zoo", "Archives", "Opera", "Ballet", "Campaign", "Body", "Patrol",
	// Local and First Nations government: "Halifax Regional Municipality",
	// "Sturgeon Bend Cree Nation".
	"Municipality", "Nation",
	// Newspapers and magazines: "the Daily Mail", "the Globe and Mail", "the Observer".
	"Chronicle", "Mirror", "Mail", "Express", "Observer", "Scotsman", "Courier", "Examiner", "Inquirer", "Magazine",
)

// knownOrgs are bodies usually written without a head word, by their
// canonical names, with the forms news uses for them.
var knownOrgs = map[string]string{
	"Nato": "Nato", "NATO": "Nato", "UN": "United Nations", "U.N.": "United Nations", "United Nations": "United Nations",
	"EU": "European Union", "E.U.": "European Union", "European Union": "European Union",
	"WHO": "World Health Organization", "IMF": "International Monetary Fund", "OPEC": "Opec", "Opec": "Opec",
	"G7": "G7", "G20": "G20", "FBI": "FBI", "CIA": "CIA", "NSA": "NSA", "BBC": "BBC", "CNN": "CNN", "NHS": "NHS",
	"Reuters": "Reuters", "Hamas": "Hamas", "Hezbollah": "Hezbollah", "Taliban": "Taliban", "Isis": "Islamic State",
	"ISIS": "Islamic State", "Google": "Google", "Apple": "Apple", "Microsoft": "Microsoft",
	"Facebook": "Facebook", "Twitter": "Twitter", "Tesla": "Tesla", "Interpol": "Interpol",
	"Europol": "Europol", "Unicef": "Unicef", "UNICEF": "Unicef", "Unesco": "Unesco", "UNESCO": "Unesco",
	"UNHCR": "UNHCR", "WTO": "World Trade Organization", "OECD": "OECD", "Asean": "Asean", "ASEAN": "Asean",
	"Fifa": "Fifa", "FIFA": "Fifa", "Uefa": "Uefa", "UEFA": "Uefa", "IOC": "International Olympic Committee",
	"Pentagon": "Pentagon", "Kremlin": "Kremlin", "Élysée": "Élysée", "Elysee": "Élysée", "Congress": "Congress",
	"Senate": "Senate", "Parliament": "Parliament", "Labour": "Labour Party", "Labour Party": "Labour Party", "Tories": "Conservative Party",
	"Conservative Party": "Conservative Party", "Lib Dems": "Liberal Democrats", "Liberal Democrats": "Liberal Democrats",
	"Plaid Cymru": "Plaid Cymru",
	// Broadcasters, news agencies, regulators, sports bodies and groupings
	// of the UK, Canada and the US that news names without a head word.
	"ITV": "ITV", "GMTV": "GMTV", "Channel 4": "Channel 4", "Channel 5": "Channel 5", "S4C": "S4C", "Sky News": "Sky News",
	"ABC": "ABC", "CBS": "CBS", "NBC": "NBC", "PBS": "PBS", "NPR": "NPR", "Fox News": "Fox News",
	"CBC": "CBC", "CTV": "CTV", "Radio-Canada": "Radio-Canada", "Canadian Press": "Canadian Press",
	"Associated Press": "Associated Press", "Press Association": "Press Association",
	"Ofwat": "Ofwat", "Oftel": "Oftel", "FSA": "FSA", "FCA": "FCA", "CRTC": "CRTC", "FCC": "FCC", "FTC": "FTC",
	"Inland Revenue": "Inland Revenue", "HMRC": "HMRC", "Holyrood": "Holyrood", "Stormont": "Stormont",
	"Commons": "House of Commons", "House of Commons": "House of Commons", "House of Lords": "House of Lords",
	"WTA": "WTA", "ATP": "ATP", "IAAF": "IAAF", "RFU": "RFU", "ICC": "ICC", "NFL": "NFL", "NBA": "NBA", "NHL": "NHL",
	"MLB": "MLB", "MLS": "MLS", "G8": "G8", "Bafta": "Bafta", "BAFTA": "Bafta",
	// Parties of Ireland and the UK that news names without a head word.
	"Fine Gael": "Fine Gael", "Fianna Fáil": "Fianna Fáil", "Fianna Fail": "Fianna Fáil",
	"Sinn Féin": "Sinn Féin", "Sinn Fein": "Sinn Féin", "SNP": "SNP", "DUP": "DUP", "UKIP": "UKIP", "Ukip": "UKIP",
	"Conservatives": "Conservative Party", "Democrats": "Democratic Party", "Republicans": "Republican Party",
	// US federal agencies that news names with "and" inside or by acronym.
	"Centers for Disease Control and Prevention": "Centers for Disease Control and Prevention",
	"CDC": "Centers for Disease Control and Prevention", "U.S. Customs and Border Protection": "U.S. Customs and Border Protection",
	"Customs and Border Protection": "U.S. Customs and Border Protection", "CBP": "U.S. Customs and Border Protection",
	"Immigration and Customs Enforcement": "Immigration and Customs Enforcement", "ICE": "Immigration and Customs Enforcement",
	"Bureau of Alcohol, Tobacco, Firearms and Explosives": "ATF", "ATF": "ATF", "FAA": "FAA", "FEMA": "FEMA",
	"Food and Drug Administration": "Food and Drug Administration", "FDA": "Food and Drug Administration",
	"National Institute for Health and Care Excellence": "National Institute for Health and Care Excellence",
	// Parties of Canada and its provinces, and the rest of the UK's.
	"NDP": "NDP", "New Democratic Party": "NDP", "New Democrats": "NDP", "Bloc Québécois": "Bloc Québécois",
	"Bloc Quebecois": "Bloc Québécois", "Parti Québécois": "Parti Québécois", "Parti Quebecois": "Parti Québécois",
	"PQ": "Parti Québécois", "Coalition Avenir Québec": "Coalition Avenir Québec", "CAQ": "Coalition Avenir Québec",
	"Liberal Party": "Liberal Party", "Progressive Conservatives": "Progressive Conservative Party",
	"Progressive Conservative Party": "Progressive Conservative Party", "Green Party": "Green Party",
	"SDLP": "SDLP", "UUP": "Ulster Unionist Party", "Ulster Unionists": "Ulster Unionist Party", "Reform UK": "Reform UK",
	"GOP": "Republican Party", "Fed": "Federal Reserve", "ECB": "European Central Bank", "Ofcom": "Ofcom",
	"Ofgem": "Ofgem", "Ofsted": "Ofsted", "SEC": "SEC", "EPA": "EPA", "NASA": "Nasa", "Nasa": "Nasa",
	"Samsung": "Samsung", "Toyota": "Toyota", "Boeing": "Boeing", "Airbus": "Airbus", "Nvidia": "Nvidia",
	"OpenAI": "OpenAI", "Gazprom": "Gazprom", "Huawei": "Huawei", "Alibaba": "Alibaba", "Tencent": "Tencent",
	"Netflix": "Netflix", "Xinhua": "Xinhua", "Mossad": "Mossad", "Bundestag": "Bundestag", "Knesset": "Knesset",
	"Duma": "Duma", "Mercosur": "Mercosur", "NHK": "NHK", "CCTV": "CCTV", "TSMC": "TSMC",
	"Greenpeace": "Greenpeace", "Oxfam": "Oxfam", "Amnesty": "Amnesty International", "Wagner": "Wagner Group",
	"Unite": "Unite", "Unison": "Unison", "AFP": "AFP", "AP": "Associated Press", "Bloomberg": "Bloomberg",
	"Politico": "Politico", "MSNBC": "MSNBC", "Fox": "Fox News", "Vatican": "Vatican", "Frontex": "Frontex",
	// Relief bodies named without a head word.
	"Red Cross": "Red Cross", "American Red Cross": "American Red Cross", "British Red Cross": "British Red Cross",
	"Canadian Red Cross": "Canadian Red Cross", "Red Crescent": "Red Crescent", "MSF": "Médecins Sans Frontières",
	"Médecins Sans Frontières": "Médecins Sans Frontières", "Doctors Without Borders": "Médecins Sans Frontières",
	"Crimestoppers": "Crimestoppers", "Transport for London": "Transport for London", "TfL": "Transport for London",
	// BBC, ITV and Sky channels and stations that news names by number or
	// nickname.
	"BBC1": "BBC1", "BBC2": "BBC2", "BBC3": "BBC3", "BBC4": "BBC4", "BBC One": "BBC One", "BBC Two": "BBC Two",
	"BBC Three": "BBC Three", "BBC Four": "BBC Four", "BBC World Service": "BBC World Service", "World Service": "BBC World Service",
	"Radio 1": "Radio 1", "Radio 2": "Radio 2", "Radio 3": "Radio 3", "Radio 4": "Radio 4", "Radio 5 Live": "Radio 5 Live",
	"Five Live": "Five Live", "Radio Five Live": "Five Live", "Radio 6 Music": "Radio 6 Music", "ITV1": "ITV1", "ITV2": "ITV2",
	"ITV News": "ITV News", "Sky Sports": "Sky Sports", "BSkyB": "BSkyB", "Channel Five": "Channel Five", "E4": "E4",
	"More4": "More4", "Film4": "Film4", "LBC": "LBC", "Talksport": "Talksport", "talkSPORT": "Talksport", "Classic FM": "Classic FM",
	"Whitehall": "Whitehall", "Hamas's": "Hamas", "BBC News": "BBC", // the BBC's news service is the BBC

	// The largest drug makers and two universities that news names without a
	// head word (Stanford and Yale are surnames too).
	"Pfizer": "Pfizer", "Novartis": "Novartis", "Roche": "Roche", "AstraZeneca": "AstraZeneca",
	"Moderna": "Moderna", "Amgen": "Amgen", "Sanofi": "Sanofi", "GSK": "GSK", "Bayer": "Bayer",
	"Harvard": "Harvard", "MIT": "MIT",
	// Companies, utilities, charities, unions, police forces and clubs of the
	// UK and Canada that news names without a head word, often opening a
	// sentence ("Network Rail said", "Tesco said"), where the first word
	// would otherwise be taken for a common word or the name for a person's.
	"Tesco": "Tesco", "Sainsbury's": "Sainsbury's", "Asda": "Asda", "Morrisons": "Morrisons", "Waitrose": "Waitrose",
	"Marks and Spencer": "Marks and Spencer", "Marks & Spencer": "Marks and Spencer", "M&S": "Marks and Spencer",
	"John Lewis": "John Lewis", "Boots": "Boots", "Argos": "Argos", "Primark": "Primark", "BP": "BP",
	"Centrica": "Centrica", "British Gas": "British Gas", "National Grid": "National Grid",
	"Thames Water": "Thames Water", "Severn Trent": "Severn Trent", "Network Rail": "Network Rail",
	"Royal Mail": "Royal Mail", "BT": "BT", "Vodafone": "Vodafone", "Barclays": "Barclays", "HSBC": "HSBC",
	"Lloyds": "Lloyds", "NatWest": "NatWest", "Santander": "Santander", "Aviva": "Aviva",
	"Rolls-Royce": "Rolls-Royce", "Unilever": "Unilever", "Diageo": "Diageo", "Ryanair": "Ryanair",
	"EasyJet": "easyJet", "easyJet": "easyJet", "Stagecoach": "Stagecoach", "FirstGroup": "FirstGroup",
	"Arriva": "Arriva", "Deliveroo": "Deliveroo", "Ocado": "Ocado", "Ofqual": "Ofqual", "Acas": "Acas",
	"Citizens Advice": "Citizens Advice", "Shelter": "Shelter", "Barnardo's": "Barnardo's", "NSPCC": "NSPCC",
	"RSPCA": "RSPCA", "RSPB": "RSPB", "Samaritans": "Samaritans", "Cancer Research UK": "Cancer Research UK",
	"Age UK": "Age UK", "Save the Children": "Save the Children", "Friends of the Earth": "Friends of the Earth",
	"Christian Aid": "Christian Aid", "Scotland Yard": "Scotland Yard", "Arsenal": "Arsenal", "Chelsea": "Chelsea",
	"Tottenham": "Tottenham Hotspur", "Everton": "Everton", "Celtic": "Celtic", "Aston Villa": "Aston Villa",
	"Hydro-Québec": "Hydro-Québec", "Hydro-Quebec": "Hydro-Québec", "Hydro One": "Hydro One", "BC Hydro": "BC Hydro",
	"Manitoba Hydro": "Manitoba Hydro", "Canada Post": "Canada Post", "VIA Rail": "VIA Rail",
	"Air Canada": "Air Canada", "WestJet": "WestJet", "Bombardier": "Bombardier", "CN Rail": "CN Rail",
	"Rogers": "Rogers", "Telus": "Telus", "Loblaw": "Loblaw", "Sobeys": "Sobeys", "Tim Hortons": "Tim Hortons",
	"Canadian Tire": "Canadian Tire", "RBC": "RBC", "Scotiabank": "Scotiabank", "BMO": "BMO", "CIBC": "CIBC",
	"Desjardins": "Desjardins", "Manulife": "Manulife", "Suncor": "Suncor", "Enbridge": "Enbridge",
	"Cenovus": "Cenovus", "Imperial Oil": "Imperial Oil", "Nutrien": "Nutrien", "Shopify": "Shopify", "RCMP": "RCMP",
	"CSIS": "CSIS", "OPP": "OPP", "Unifor": "Unifor", "CUPE": "CUPE", "Teamsters": "Teamsters",
	"Elections Canada": "Elections Canada", "Rideau Hall": "Rideau Hall", "Queen's Park": "Queen's Park",
	// Bodies named with the Arabic article, which reads as the first name "Al".
	"Al Qaeda": "al-Qaeda", "al-Qaeda": "al-Qaeda", "Al-Qaeda": "al-Qaeda", "Al Jazeera": "Al Jazeera",
	"Al-Shabaab": "al-Shabaab", "al-Shabaab": "al-Shabaab", "Al Shabaab": "al-Shabaab",
}

// partyNames are the full names of parties that news calls by a short form
// or an adjective ("Labour", "the Tories", "a Lib Dem MP"): a reader files
// them under the full name even where the article never writes it. Other
// known bodies keep the fullest form the article writes ("the EU" stays EU
// unless "European Union" is written too).
var partyNames = setOf("Labour Party", "Conservative Party", "Liberal Democrats", "Plaid Cymru", "Democratic Party", "Republican Party", "House of Commons",
	"Liberal Party", "Progressive Conservative Party", "Green Party", "Ulster Unionist Party")

// memberPlurals are capitalised words for a party's elected members: "Labour
// MPs" are people of the party, and the name is the party's.
var memberPlurals = setOf("MPs", "MEPs", "MSPs", "AMs", "MLAs", "MPPs", "Peers", "Senators", "Councillors")

// pronouns that can stand for a speaker.
var pronounGender = map[string]gender{"he": male, "she": female, "He": male, "She": female}

var weekdays = setOf("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

// weekdays, months and other capitalised words that are not names.
var notNameWords = union(weekdays, setOf(
	"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
	"November", "December", "I", "I'm", "I've", "I'd", "I'll", "God", "Christmas", "Easter", "Ramadan",
	"Eid", "Covid", "COVID", "Covid-19", "COVID-19", "Internet", "AM", "GMT", "BST", "EST", "UTC", "OK",
	"TV", "CEO", "MP", "MPs", "MEP", "MEPs", "GDP", "AI", "Mrs", "Mr", "Ms", "Dr", "Sir", "Dame",
	// Continents, seas and regions: places that name no country.
	"Europe", "Africa", "Asia", "Antarctica", "Oceania", "Arctic", "Atlantic", "Pacific", "Mediterranean",
	"Caribbean", "Balkans", "Baltics", "Scandinavia", "Sahel", "Gulf", "Middle", "East", "West", "Eurozone",
))

// stopwords are function words: capitalised only at a sentence start.
var stopwords = bothApostrophes(setOf(
	"a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "in", "on", "at", "to", "for", "from",
	"by", "with", "as", "about", "after", "before", "since", "until", "while", "when", "where", "who", "whom",
	"whose", "which", "that", "this", "these", "those", "there", "here", "it", "its", "he", "she", "they",
	"we", "you", "i", "his", "her", "their", "our", "your", "my", "him", "them", "us", "me", "is", "are",
	"was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "not", "no", "yes",
	"all", "any", "some", "many", "much", "more", "most", "such", "what", "how", "why", "also", "yet",
	"still", "even", "just", "only", "over", "under", "into", "onto", "out", "up", "down", "off", "again",
	"will", "would", "can", "could", "should", "may", "might", "must", "shall", "both", "each", "every",
	"either", "neither", "nor", "than", "too", "very", "though", "although", "because", "however", "meanwhile",
	"now", "today", "tonight", "yesterday", "tomorrow", "last", "next", "earlier", "later", "another", "other",
	"among", "between", "during", "against", "without", "within", "across", "along", "around", "behind",
	"despite", "instead", "like", "unlike", "per", "via", "whether", "once", "ever", "never", "already",
	"asked", "speaking", "according", "following", "asked", "addressing", "writing", "in", "at", "on",
	"whenever", "wherever", "whatever", "whoever", "perhaps", "indeed", "unless", "otherwise", "nevertheless",
	"nonetheless", "furthermore", "moreover", "thus", "hence", "therefore", "overall", "finally",
	// Indefinite pronouns: "Nobody called," said … is no name and its verb.
	"nobody", "somebody", "anybody", "everybody", "nothing", "something", "anything", "everything",
	"someone", "anyone", "everyone", "none",
	// A pronoun with its verb: "We're not going anywhere," said … (each
	// with either apostrophe: bothApostrophes).
	"we're", "they're", "you're", "i'm", "it's", "he's", "she's", "we've", "they've", "you've", "i've",
	"we'll", "they'll", "i'll", "you'll", "we'd", "they'd", "i'd", "that's", "there's", "let's", "what's",
))

// bothApostrophes adds to a set of words, for each one written with a
// typewriter apostrophe, the same word with a typographer's (’): news
// prints either, and the tokenizer keeps the one it finds.
func bothApostrophes(set map[string]bool) map[string]bool {
	var curly []string
	for w := range set {
		if strings.Contains(w, "'") {
			curly = append(curly, strings.ReplaceAll(w, "'", "’"))
		}
	}
	for _, w := range curly {
		set[w] = true
	}
	return set
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// union returns a new set of the words in any of sets.
func union(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, set := range sets {
		for w := range set {
			out[w] = true
		}
	}
	return out
}

// tradeHeads are trades a company's name ends with, after a word of its
// own: "Crestline Foods", "Marlow Taverns", "Prairie Line Research". Alone
// or after "and" ("head of Distribution", "Mines and Resources") they are
// common words of a title or a department's name.
var tradeHeads = setOf(
	"Foods", "Farms", "Fisheries", "Seafoods", "Dairies", "Bakeries", "Brewing", "Brewery", "Breweries", "Distillery",
	"Distillers", "Wines", "Taverns", "Inns", "Hotels", "Resorts", "Restaurants", "Homes", "Properties",
	"Developments", "Construction", "Builders", "Engineering", "Manufacturing", "Plastics", "Chemicals",
	"Textiles", "Fibre", "Fiber", "Distribution", "Freight", "Shipping", "Couriers", "Research", "Analytics",
	"Laboratories", "Diagnostics", "Healthcare", "Retail", "Stores", "Outfitters", "Apparel", "Automotive",
	"Aerospace", "Aviation", "Robotics", "Semiconductors", "Realty", "Financial", "Lending", "Payments",
	"Utilities", "Hydro", "Renewables", "Resources", "Exploration", "Forestry", "Lumber", "Packaging",
	"Recycling", "Staffing", "Recruitment", "Consultancy", "LLP",
	// Utilities and practices named by where they are: "Severn Trent
	// Water", "Castle Street Surgery"; and papers: "the Evening Standard".
	// (Not "Airport": bbc-dev counts an airport as a place.)
	"Water", "Practice", "Surgery", "Standard", "Advertiser", "Dispatch", "Sentinel", "Argus",
)
