package engine

import (
	"context"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// A date range is searched on keywords of the published date: the whole
// years it covers on the year (fieldYear, which the histogram counts too),
// the whole months at either end on the month, the whole days on the day,
// and the part of a day at either end, when it starts or ends inside one,
// on the date key (the date to the nanosecond as a term). Each is one
// range of terms, so a range is at most seven term ranges, each over a few
// dozen terms at most. A document keeps three terms for it, where a date
// field keeps sixteen (schema.go). Ranges from the search page and the API
// are whole days, so the key's terms are read only for a range given to
// the second.

const (
	day         = 24 * time.Hour
	monthLayout = "2006-01"
	yearLayout  = "2006"
)

// dayOf is the start of t's day, in UTC.
func dayOf(t time.Time) time.Time { return t.UTC().Truncate(day) }

// publishedRangeQuery matches the documents published from from to to,
// both included; a zero time leaves that end open. An index built before
// the date keywords (mapping v6 and earlier, which a reindex replaces) has
// the published date indexed as a date field, and is searched on it.
type publishedRangeQuery struct{ from, to time.Time }

// publishedRange returns the query of documents published from from to to;
// both must not be zero.
func publishedRange(from, to time.Time) query.Query { return &publishedRangeQuery{from, to} }

func (q *publishedRangeQuery) Searcher(ctx context.Context, i bleveindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	if !hasDateKeywords(m) {
		yes := true
		dq := query.NewDateRangeInclusiveQuery(q.from, q.to, &yes, &yes)
		dq.SetField(fieldPublished)
		return dq.Searcher(ctx, i, m, options)
	}
	return dateKeywordsQuery(q.from, q.to).Searcher(ctx, i, m, options)
}

// hasDateKeywords reports whether an index with mapping m keeps the
// published day and month as keywords.
func hasDateKeywords(m mapping.IndexMapping) bool {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok {
		return false
	}
	dm := im.TypeMapping[typeArticle]
	return dm != nil && dm.Properties[fieldPublishedDay] != nil && dm.Properties[fieldPublishedMonth] != nil
}

// dateKeywordsQuery searches the published date's keywords for the range
// from..to, both included, zero for an open end.
func dateKeywordsQuery(from, to time.Time) query.Query {
	var parts []query.Query
	for _, r := range dateTermRanges(from, to) {
		yes := true
		q := query.NewTermRangeInclusiveQuery(r.lo, r.hi, &yes, &yes)
		q.SetField(r.field)
		parts = append(parts, q)
	}
	switch len(parts) {
	case 0:
		return query.NewMatchNoneQuery()
	case 1:
		return parts[0]
	}
	return query.NewDisjunctionQuery(parts)
}

// termRange is the terms of a keyword field from lo to hi, both included.
type termRange struct{ field, lo, hi string }

// dateTermRanges returns the ranges of the published date's keywords whose
// documents, together, are those published from from to to, both included,
// zero for an open end: whole years, months and days by their keywords, and
// the part of a day at either end by the date key.
func dateTermRanges(from, to time.Time) []termRange {
	var parts []termRange
	terms := func(field, lo, hi string) {
		parts = append(parts, termRange{field, lo, hi})
	}
	// The whole days, first to last: from the first day that starts at or
	// after from to the last that ends at or before to.
	fromInside := !from.IsZero() && !from.Equal(dayOf(from))
	toInside := !to.IsZero() && !to.Equal(dayOf(to).Add(day-1))
	first, last := dayOf(minDate), dayOf(maxDate).Add(-day)
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
	for _, r := range coverDays(first, last) {
		switch r.unit {
		case unitYear:
			terms(fieldYear, r.from.Format(yearLayout), r.to.Format(yearLayout))
		case unitMonth:
			terms(fieldPublishedMonth, r.from.Format(monthLayout), r.to.Format(monthLayout))
		default:
			terms(fieldPublishedDay, r.from.Format(time.DateOnly), r.to.Format(time.DateOnly))
		}
	}
	// The part of a day at either end, by the key.
	keys := func(from, to time.Time) {
		terms(fieldPublishedKey, from.UTC().Format(publishedKeyLayout), to.UTC().Format(publishedKeyLayout))
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
	return parts
}

// Units of a dateRun.
const (
	unitDay = iota
	unitMonth
	unitYear
)

// dateRun is a run of whole days, months or years: from the first one's
// first day to the last one's.
type dateRun struct {
	unit     int
	from, to time.Time
}

// coverDays returns the days first to last (both included, days' starts in
// UTC) as few runs of whole years, months and days as cover them: days up
// to a month's start, months up to a year's, years, then months and days.
func coverDays(first, last time.Time) []dateRun {
	var out []dateRun
	for cur := first; !cur.After(last); {
		unit, next := unitDay, cur.AddDate(0, 0, 1)
		switch {
		case cur.YearDay() == 1 && !cur.AddDate(1, 0, -1).After(last):
			unit, next = unitYear, cur.AddDate(1, 0, 0)
		case cur.Day() == 1 && !cur.AddDate(0, 1, -1).After(last):
			unit, next = unitMonth, cur.AddDate(0, 1, 0)
		}
		if n := len(out); n > 0 && out[n-1].unit == unit {
			out[n-1].to = cur
		} else {
			out = append(out, dateRun{unit, cur, cur})
		}
		cur = next
	}
	return out
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
