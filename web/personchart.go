package web

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cuttings/cuttings/index"
)

// A person's mentions over time are drawn as an inline SVG bar chart,
// server-side: no script, nothing fetched from elsewhere. By year, or by
// month when all their mentions fall within two calendar years, where
// years would be one or two bars that say little.

// monthlyMax bounds the articles a person may have for a chart by month:
// each month is a search of its own, and over tens of thousands of
// articles two dozen searches would slow the page more than months help.
const monthlyMax = 20000

// chartView is the chart the person page draws.
type chartView struct {
	Title   string // what it shows, for screen readers too
	Summary string
	Width   int
	Height  int
	Bars    []chartBar
	Ticks   []chartTick
	Base    int // y of the baseline
}

// chartBar is one period: a bar that links to the person's articles then.
type chartBar struct {
	Label      string
	Count      int
	URL        string
	X, Y, W, H int
}

// chartTick is a label under the bars.
type chartTick struct {
	X     int
	Label string
}

// Chart geometry, in the SVG's own units (it scales to the page's width).
const (
	chartWidth  = 640
	chartHeight = 160
	chartTop    = 10
	chartBottom = 24 // room for the labels
	chartGap    = 2
)

// mentionSpans are the periods of the chart: years, or months of a short
// span, each with how many of the person's articles fall in it.
func (s *Server) mentionSpans(ctx context.Context, name string, years []index.DateBucket) ([]index.DateBucket, bool, error) {
	var dated []index.DateBucket
	for _, b := range years {
		if b.Count > 0 {
			dated = append(dated, b)
		}
	}
	if len(dated) == 0 {
		return nil, false, nil
	}
	first, last := dated[0].From.UTC().Year(), dated[len(dated)-1].From.UTC().Year()
	total := 0
	for _, d := range dated {
		total += d.Count
	}
	if last-first >= 2 || total > monthlyMax {
		// Every year from the first to the last, empty ones too: a gap
		// in the bars is a gap in the mentions.
		var out []index.DateBucket
		for y := first; y <= last; y++ {
			from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			b := index.DateBucket{From: from, To: from.AddDate(1, 0, 0)}
			for _, d := range dated {
				if d.From.UTC().Year() == y {
					b.Count = d.Count
				}
			}
			out = append(out, b)
		}
		return out, false, nil
	}
	// Months: one count per month from the index, only for the months of
	// the years that have any (at most 24 small searches).
	var out []index.DateBucket
	for y := first; y <= last; y++ {
		for m := time.January; m <= time.December; m++ {
			from := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
			to := from.AddDate(0, 1, 0)
			r, err := s.archive.Search(ctx, index.Query{
				Filters: map[string][]string{index.FacetPerson: {name}},
				From:    from, To: to.Add(-time.Nanosecond), Size: 1,
			})
			if err != nil {
				return nil, false, fmt.Errorf("mentions of %q in %s: %w", name, from.Format("2006-01"), err)
			}
			out = append(out, index.DateBucket{From: from, To: to, Count: int(r.Total)})
		}
	}
	// Trim the empty months before the first mention and after the last.
	for len(out) > 1 && out[0].Count == 0 {
		out = out[1:]
	}
	for len(out) > 1 && out[len(out)-1].Count == 0 {
		out = out[:len(out)-1]
	}
	return out, true, nil
}

// newChart lays out the bars of spans.
func newChart(name string, spans []index.DateBucket, monthly bool) *chartView {
	if len(spans) == 0 {
		return nil
	}
	unit := "year"
	if monthly {
		unit = "month"
	}
	total, tallest := 0, 0
	for _, b := range spans {
		total += b.Count
		tallest = max(tallest, b.Count)
	}
	c := &chartView{
		Title:  fmt.Sprintf("Articles mentioning %s, by %s", name, unit),
		Width:  chartWidth,
		Height: chartHeight,
		Base:   chartHeight - chartBottom,
	}
	c.Summary = fmt.Sprintf("%d articles from %s to %s; most in %s (%d).", total,
		spanLabel(spans[0].From, spans[0].To), spanLabel(spans[len(spans)-1].From, spans[len(spans)-1].To),
		spanLabel(peak(spans).From, peak(spans).To), tallest)
	step := chartWidth / len(spans)
	room := c.Base - chartTop
	// Label every bar when they fit, else every so many.
	every := max(1, (len(spans)*7+chartWidth/8-1)/(chartWidth/8))
	mentioned := index.Query{Filters: map[string][]string{index.FacetPerson: {name}}}
	for i, b := range spans {
		h := 0
		if tallest > 0 {
			h = b.Count * room / tallest
		}
		if b.Count > 0 {
			h = max(h, 2) // a mention is never invisible
		}
		q := cloneQuery(mentioned)
		q.From, q.To = b.From, b.To.Add(-time.Nanosecond)
		label := spanLabel(b.From, b.To)
		c.Bars = append(c.Bars, chartBar{
			Label: label, Count: b.Count, URL: searchURL(q),
			X: i*step + chartGap/2, W: max(step-chartGap, 1), Y: c.Base - h, H: h,
		})
		if i%every == 0 {
			tick := b.From.Format("2006")
			if monthly {
				tick = b.From.Format("Jan")
				if b.From.Month() == time.January || i == 0 {
					tick = b.From.Format("Jan 06")
				}
			}
			c.Ticks = append(c.Ticks, chartTick{X: i*step + step/2, Label: tick})
		}
	}
	return c
}

func peak(spans []index.DateBucket) index.DateBucket {
	return slices.MaxFunc(spans, func(a, b index.DateBucket) int { return a.Count - b.Count })
}

// nameForm is one way the archive's articles name a person, and in how
// many of those read it is found.
type nameForm struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// namesFiled reads the given articles again and collects how they name the
// person the archive files under name: the name itself where an article
// writes it, and the words of the article's first mention (a "Mr Starmer"
// filed under "Keir Starmer"). The articles' people are read as the index
// filed them, so an article counts here exactly when the person facet
// counts it.
func (s *Server) namesFiled(ctx context.Context, name string, ids []string) []nameForm {
	counts := map[string]int{}
	var order []string
	last := lastWord(name)
	for _, id := range ids {
		a, err := s.store.Get(ctx, id)
		if err != nil {
			continue // gone since the search: nothing to read
		}
		e, err := s.archive.Enrichment(ctx, a)
		if err != nil {
			continue // the names are a sample; one unread article changes little
		}
		seen := map[string]bool{}
		add := func(form string) {
			form = strings.TrimSpace(form)
			if form == "" || seen[form] {
				return
			}
			seen[form] = true
			if counts[form] == 0 {
				order = append(order, form)
			}
			counts[form]++
		}
		runeAt := runeOffsets(a.Body)
		for _, p := range e.People {
			if p.Name != name {
				continue // another person, perhaps of the same family name
			}
			if strings.Contains(a.Title+"\n"+a.Body, name) {
				add(name)
			}
			if p.First >= 0 && p.First < len(runeAt)-1 {
				if w := capitalisedRun(a.Body[runeAt[p.First]:]); strings.Contains(w, last) {
					add(w)
				}
			}
		}
	}
	out := make([]nameForm, 0, len(order))
	for _, f := range order {
		out = append(out, nameForm{Name: f, Articles: counts[f]})
	}
	slices.SortStableFunc(out, func(a, b nameForm) int { return b.Articles - a.Articles })
	return out
}

func lastWord(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
