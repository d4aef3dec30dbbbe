package engine

import (
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
)

// A date range is searched on the published day (fieldPublishedDay, which
// keeps the index small: schema.go) for the whole days it covers, and on
// the date key (fieldPublishedKey, the date to the nanosecond as a term)
// for the part of a day at either end, when the range starts or ends
// inside one. Ranges from the search page and the API are whole days, so
// the key's terms are read only for a range given to the second.

const day = 24 * time.Hour

// dayOf is the start of t's day, in UTC.
func dayOf(t time.Time) time.Time { return t.UTC().Truncate(day) }

// publishedRange matches the documents published from from to to, both
// included; a zero time leaves that end open. Both must not be zero.
func publishedRange(from, to time.Time) query.Query {
	yes := true
	// The whole days: from the first day that starts at or after from to
	// the last that ends at or before to.
	var first, last time.Time
	fromInside := !from.IsZero() && !from.Equal(dayOf(from))
	toInside := !to.IsZero() && !to.Equal(dayOf(to).Add(day-1))
	if !from.IsZero() {
		first = dayOf(from)
		if fromInside {
			first = first.Add(day)
		}
	}
	if !to.IsZero() {
		last = dayOf(to)
		if toInside {
			last = last.Add(-day)
		}
	}
	var parts []query.Query
	if first.IsZero() || last.IsZero() || !first.After(last) {
		dq := query.NewDateRangeInclusiveQuery(first, last, &yes, &yes)
		dq.SetField(fieldPublishedDay)
		parts = append(parts, dq)
	}
	// The part of a day at either end, by the key.
	keys := func(from, to time.Time) {
		kq := query.NewTermRangeInclusiveQuery(from.UTC().Format(publishedKeyLayout), to.UTC().Format(publishedKeyLayout), &yes, &yes)
		kq.SetField(fieldPublishedKey)
		parts = append(parts, kq)
	}
	if fromInside {
		end := dayOf(from).Add(day - 1)
		if toInside && to.Before(end) {
			end = to
		}
		keys(from, end)
	}
	if toInside && !(fromInside && dayOf(from).Equal(dayOf(to))) {
		start := dayOf(to)
		if from.After(start) {
			start = from
		}
		keys(start, to)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return query.NewDisjunctionQuery(parts)
}

// publishedClause is a query string's date range on the published date
// ("published:>=\"2024-03-01\""), as publishedRange searches it.
func publishedClause(q *query.DateRangeQuery) query.Query {
	from, to := q.Start.Time, q.End.Time
	if !from.IsZero() && q.InclusiveStart != nil && !*q.InclusiveStart {
		from = from.Add(1)
	}
	if !to.IsZero() && (q.InclusiveEnd == nil || !*q.InclusiveEnd) {
		to = to.Add(-1)
	}
	if from.IsZero() && to.IsZero() {
		return query.NewMatchNoneQuery()
	}
	return publishedRange(from, to)
}
