package engine

import (
	"fmt"
	"time"
)

// dateLayouts are the forms a date of a Query's range takes, most precise first.
var dateLayouts = []string{time.RFC3339, time.DateOnly, "2006-01", "2006"}

// ParseDate reads the from or to date of a search: a year, a month, a day or
// an RFC 3339 time, in UTC. As the end of a range (end) a year, month or day
// means its last instant, so that "to 2024" includes 31 December 2024. An
// empty string is the zero time (an open end). Errors wrap ErrBadQuery.
func ParseDate(s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006":
				t = t.AddDate(1, 0, 0).Add(-time.Nanosecond)
			case "2006-01":
				t = t.AddDate(0, 1, 0).Add(-time.Nanosecond)
			case time.DateOnly:
				t = t.AddDate(0, 0, 1).Add(-time.Nanosecond)
			}
		}
		return t.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("%w: %q is not a date (want YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)", ErrBadQuery, s)
}
