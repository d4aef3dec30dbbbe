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
	// Japanese
	"Hiroshi": "male", "Kenji": "male", "Akira": "male", "Takeshi": "male", "Shinzo": "male",
	"Fumio": "male", "Yuki": "unknownGender",
}
