package main

// handNames are common given names of news from outside the English-speaking
// world that the Moby lists lack, written by hand from general knowledge
// (and "Donald", which the lists lack too). Each is a given name in wide use
// in its language, not a name of anyone in particular; names that are also
// common English words, titles ("Sultan") or surnames written first ("Li")
// are left out, and so are the given names of the people in the annotated
// test articles, so that those articles keep measuring the other cues.
var handNames = map[string]string{
	// English
	"Donald": "male",
	// Arabic, Persian, Urdu, Turkish
	"Mohammad": "male", "Abdullah": "male", "Yusuf": "male", "Hassan": "male", "Khalid": "male",
	"Tariq": "male", "Imran": "male", "Kemal": "male", "Mehmet": "male", "Mustafa": "male",
	"Recep": "male", "Ahmet": "male", "Emre": "male", "Fatima": "female", "Aisha": "female", "Ayşe": "female",
	// South Asian
	"Narendra": "male", "Rishi": "male", "Rohit": "male", "Virat": "male", "Rahul": "male", "Amit": "male",
	"Sanjay": "male", "Arjun": "male", "Vijay": "male", "Suresh": "male",
	"Anil": "male", "Sunil": "male", "Deepak": "male", "Kamala": "female", "Priya": "female",
	"Anjali": "female", "Sunita": "female",
	// Slavic and Baltic
	"Volodymyr": "male", "Oleksandr": "male", "Dmitry": "male", "Sergey": "male", "Andriy": "male",
	"Mateusz": "male", "Tomasz": "male", "Krzysztof": "male", "Olena": "female", "Yulia": "female",
	"Svetlana": "female", "Oksana": "female",
	// Germanic, Romance, Irish
	"Olaf": "male", "Jürgen": "male", "Jurgen": "male", "Luiz": "male", "João": "male",
	"Joao": "male", "Seán": "male",
	// African
	"Mamadou": "male", "Moussa": "male", "Kwame": "male", "Chinedu": "male",
	"Olusegun": "male", "Abiy": "male", "Ngozi": "female",
	// Welsh
	"Siân": "female", "Cerys": "female", "Aled": "male", "Meinir": "female", "Gwenllian": "female",
	"Geraint": "male", "Heledd": "female", "Nia": "female", "Dilwyn": "male", "Aneurin": "male",
	"Eluned": "female", "Catrin": "female", "Mererid": "female", "Tegwen": "female",
	// Scottish Gaelic
	"Eilidh": "female", "Mhairi": "female", "Ruaridh": "male", "Ruairidh": "male", "Seonaid": "female",
	"Murdo": "male", "Fionnuala": "female", "Kirsteen": "female", "Struan": "male",
	// Irish
	"Oisín": "male", "Pádraig": "male", "Sinéad": "female", "Róisín": "female", "Roisin": "female",
	"Gráinne": "female", "Grainne": "female", "Eoin": "male", "Tadhg": "male", "Dónal": "male",
	"Fergal": "male", "Mairéad": "female", "Mairead": "female", "Clodagh": "female", "Éamon": "male",
	"Éamonn": "male", "Naoise": "unknownGender", "Enda": "male", "Ruairí": "male", "Ruairi": "male",
	"Séamus": "male", "Síle": "female", "Bríd": "female", "Brid": "female", "Nuala": "female", "Fionn": "male",
	// Punjabi
	"Harjit": "unknownGender", "Jagmeet": "male", "Navdeep": "unknownGender", "Baljit": "unknownGender",
	"Paramjit": "unknownGender", "Gurdeep": "male", "Harinder": "unknownGender", "Kuldeep": "male",
	"Rajinder": "unknownGender", "Sukhjinder": "male", "Simranjit": "unknownGender",
	"Parminder": "unknownGender", "Tejinder": "male", "Jaswinder": "unknownGender",
	"Balwinder": "unknownGender", "Gurmeet": "unknownGender", "Inderjit": "unknownGender",
	// French, as Quebec writes them
	"Benoît": "male", "Ghislain": "male", "Gaétan": "male", "Gaetan": "male",
	"Ginette": "female", "Huguette": "female", "Guylaine": "female", "Marie-Josée": "female",
	"Jean-Sébastien": "male", "Jean-Guy": "male", "Jean-Yves": "male", "Louis-Philippe": "male",
	"Pier-Luc": "male", "Jean-Marc": "male",
	// Japanese
	"Hiroshi": "male", "Kenji": "male", "Akira": "male", "Takeshi": "male", "Shinzo": "male",
	"Fumio": "male", "Yuki": "unknownGender",
}
