package extract
import ("testing";"fmt")
func TestDbgX(t *testing.T) {
	a, _ := readMentions("Sales rose. \"We have to get that under control,\" said vice-chairman Vivek Paul. Wipro is owned by Azim Premji.")
	for _, t := range a.toks { fmt.Printf("%q ", t.text) }
	fmt.Println()
	for _, m := range a.mentions { fmt.Println(m.words, m.kind, m.role, m.from, m.to) }
}
