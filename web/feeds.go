package web

import (
	"fmt"
	"time"

	"github.com/cuttings/cuttings/store/ingest/poll"
)

// feedView is one polled feed on the search page.
type feedView struct {
	URL      string
	Name     string // its title, or its URL until it has been read
	LastRead string // "12 min ago", "never"
	LastISO  string // for <time datetime>
	Error    string
	Rejected int
}

// feedsView is the search page's box of polled feeds; nil without --feeds.
type feedsView struct {
	Feeds   []feedView
	Failing int
}

// feedsView reads the poller's statuses for the page.
func (s *Server) feedsView(now time.Time) *feedsView {
	if s.feeds == nil {
		return nil
	}
	v := &feedsView{}
	for _, st := range s.feeds() {
		f := feedView{URL: st.URL, Name: st.Title, LastRead: "never", Error: st.Error, Rejected: len(st.Rejected)}
		if f.Name == "" {
			f.Name = st.URL
		}
		if !st.LastRead.IsZero() {
			f.LastRead = ago(now.Sub(st.LastRead))
			f.LastISO = st.LastRead.UTC().Format(time.RFC3339)
		}
		if st.Error != "" {
			v.Failing++
		}
		v.Feeds = append(v.Feeds, f)
	}
	return v
}

// feedStatuses is what /healthz says of the feeds: the poller's statuses
// as they are.
func (s *Server) feedStatuses() []poll.Status {
	if s.feeds == nil {
		return nil
	}
	return s.feeds()
}

// ago says how long ago, in the largest whole unit.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	}
	return fmt.Sprintf("%d days ago", int(d.Hours()/24))
}
