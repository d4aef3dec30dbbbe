package dupes

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// figures returns a body's figure fingerprints, sorted, for comparing.
func figures(body string) []uint16 { return Sign(body).Numeric }

func TestFigures(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"rates rose to 6-8 pct", "rates rose to 6 to 8 pct", true},   // a range is its ends
		{"priced at 6-1/4 pct", "priced at 6 1/4 pct", false},         // a mixed fraction is one figure
		{"the eight members", "the 8 members", true},                  // number words are digits
		{"sent at 11:01 from London", "sent from London", true},       // clock times are left out
		{"the G7 and 10-K filings", "the filings", false},             // 10 stands alone before -K
		{"sales of 2,554.41 mln", "sales of 2,554.41 mln dlrs", true}, // punctuated figures are one
	} {
		if got := slices.Equal(figures(c.a), figures(c.b)); got != c.same {
			t.Errorf("figures of %q and %q: equal %v, want %v (%v, %v)", c.a, c.b, got, c.same, figures(c.a), figures(c.b))
		}
	}
	// Specific figures are odd: four digits or more, not a year.
	for _, c := range []struct {
		f        string
		specific bool
	}{{"178,919", true}, {"3,148,420", true}, {"0.4920", true}, {"1987", false}, {"1986/87", false}, {"27.1", false}, {"1.5", false}} {
		fs := figures("the figure " + c.f + " here")
		if len(fs) != 1 || fs[0]&1 == 1 != c.specific {
			t.Errorf("%s: fingerprints %v, want one, specific %v", c.f, fs, c.specific)
		}
	}
}

func TestDatesAndNames(t *testing.T) {
	sig := Sign("Exports rose in the week ended April 7, the ministry said on Monday. Sales in Ghana and Brazil rose from 17 June. Talks begin on May 15.")
	want := []uint16{4<<5 | 7, 5<<5 | 15, 6<<5 | 17}
	if !slices.Equal(sig.Dates, want) {
		t.Errorf("dates %v, want %v (April 7, May 15, 17 June)", sig.Dates, want)
	}
	// Names: Ghana and Brazil; not the openings of sentences, not Monday,
	// not the months.
	if sig.Names != 2 {
		t.Errorf("%d names, want 2 (Ghana, Brazil)", sig.Names)
	}
	if lower := Sign(strings.ToLower("Exports rose in the week, the ministry said. Sales in Ghana and Brazil rose, and Argentina too.")); lower.Names != 0 {
		t.Errorf("a body in lower case names %d, want none", lower.Names)
	}
}

// Reports poured into one template for another day, another town or
// another company are not copies; the same report sent again, cut or
// corrected is.
func TestTemplates(t *testing.T) {
	table := func(day int) string {
		return fmt.Sprintf("BANGKOK TAPIOCA - APRIL %d\nThai pellets (62 min starch, five pc max fibre, three pc max sand, 14 pc max moisture) Apr/Sept 255 sellers, D-marks per tonne CIF Euro ports (prev 255).", day)
	}
	lifeboat := func(town, day string) string {
		return fmt.Sprintf("The %s lifeboat was launched on %s evening after a yacht lost its rudder two miles offshore, the RNLI said.\n\nThe crew towed the boat and its two sailors back to the harbour, where they were met by the coastguard. Nobody was hurt.", town, day)
	}
	bus := func(town, day string) string {
		return fmt.Sprintf("A new hourly bus will link %s with the railway station from %s, after a campaign by residents who said they had been cut off since the old route was withdrawn.\n\nThe service is paid for by the county for two years. The operator said it would run later on Fridays and Saturdays if enough people used it.", town, day)
	}
	council := func(town string) string {
		return fmt.Sprintf("%s Town Council will meet on the evening of the third Thursday of the month to hear residents on the plans for the harbour car park, which would add forty spaces and a new pay machine.\n\nThe council said it had received more than two hundred letters about the plans, most of them asking for the spaces to be kept for residents in the summer months.", town)
	}
	results := func(revs string) string {
		return "Shr seven cts vs one ct\nNet 178,919 vs 34,429\n" + revs + " 3,148,420 vs 1,912,438"
	}
	for _, c := range []struct {
		name string
		a, b string
		same bool
	}{
		{"a table for another day", table(7), table(8), false},
		{"a table sent again", table(7), table(7), true},
		{"a story of another town", lifeboat("Looe", "Monday"), lifeboat("Fowey", "Tuesday"), false},
		{"a bus for another town", bus("Looe", "Tuesday"), bus("Fowey", "Wednesday"), false},
		{"the same bus story sent again", bus("Looe", "Tuesday"), bus("Looe", "Tuesday"), true},
		{"a council notice for another town", "In " + council("Looe"), "In " + council("Fowey"), false},
		{"results re-sent with Revs for Sales", results("Sales"), results("Revs"), true},
		{"another company's results", results("Sales"), strings.ReplaceAll(results("Sales"), "178,919", "98,340"), false},
	} {
		if same, ct := (Rule{}).Same(Sign(c.a), Sign(c.b)); same != c.same {
			t.Errorf("%s: same %v (containment %.2f), want %v", c.name, same, ct, c.same)
		}
	}
}

func TestMarshal(t *testing.T) {
	for _, body := range []string{"", "A few words.", strings.Join(wireStories[1].paras, "\n\n"),
		"Trade in the week ended March 12 was 1,234,567 dlrs, up from 1.5 mln on April 6-8, said Mr Smith of Acme in London."} {
		sig := Sign(body)
		b, err := sig.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var got Signature
		if err := got.UnmarshalBinary(b); err != nil {
			t.Fatalf("%q: %v", body, err)
		}
		// What is stored: the sample past the indexed hashes as its top
		// halves.
		want := sig
		want.Sample = slices.Clone(sig.Sample)
		for i := indexed; i < len(want.Sample); i++ {
			want.Sample[i] &^= 0xffff
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: round trip gives %+v, want %+v", body, got, want)
		}
		if len(b) > 1 {
			if err := got.UnmarshalBinary(b[:len(b)-1]); !errors.Is(err, ErrSignature) {
				t.Errorf("%q truncated: %v, want ErrSignature", body, err)
			}
		}
	}
	var sig Signature
	if err := sig.UnmarshalBinary([]byte{1, 0, 0, 0}); !errors.Is(err, ErrVersion) {
		t.Errorf("a version 1 signature: %v, want ErrVersion", err)
	}
}

// An article identical to one kept is not kept again, whether added or
// loaded; one of another group is.
func TestIdenticalNotKept(t *testing.T) {
	body := strings.Join(wireStories[0].paras, "\n\n")
	d := &Detector{}
	if g := d.Add("a", Sign(body)); g != "a" {
		t.Fatalf("first: group %q", g)
	}
	if g := d.Add("b", Sign(body)); g != "a" {
		t.Errorf("identical copy: group %q, want a", g)
	}
	d.Keep("a", Sign(body))
	if d.Len() != 1 {
		t.Errorf("kept %d after an identical copy added and loaded, want 1", d.Len())
	}
	d.Keep("other", Sign(body))
	if d.Len() != 2 {
		t.Errorf("kept %d after an identical article of another group, want 2", d.Len())
	}
}

// The candidate table keeps every slot of a hash up to maxPosting, across
// growth.
func TestTable(t *testing.T) {
	m := &offheap{regions: map[*byte]int{}}
	defer m.free()
	var tb table
	for i := range 5000 {
		tb.insert(m, uint32(i%700)*2654435761, uint32(i))
	}
	for h := range 700 {
		got := tb.lookup(uint32(h)*2654435761, nil)
		var want []uint32
		for i := h; i < 5000; i += 700 {
			want = append(want, uint32(i))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("hash %d: slots %v, want %v", h, got, want)
		}
	}
	var boiler table
	for i := range 3 * maxPosting {
		boiler.insert(m, 42, uint32(i))
	}
	if got := boiler.lookup(42, nil); len(got) != maxPosting || got[0] != 0 {
		t.Errorf("boilerplate hash keeps %d slots starting %v, want the first %d", len(got), got[:1], maxPosting)
	}
}
