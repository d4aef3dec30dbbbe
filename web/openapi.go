package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/cuttings/cuttings/index"
)

// The OpenAPI document at /api/openapi.json is built from the same lists
// the server parses requests with (singleParams, filterFacets), and
// operations lists every route of the route table; a test fails when the
// two drift apart, either way.

// paramDoc describes one query parameter.
type paramDoc struct {
	Description string
	Schema      map[string]any
	Example     any // a value the server accepts, for the drift test
}

// queryParamDocs describes every parameter parseQuery reads.
var queryParamDocs = map[string]paramDoc{
	"q": {"Free text in Bleve's query-string syntax: words, \"a phrase\", +must, -not, field:value; AND, OR and NOT (upper case) as in Lucene: a AND b is +a +b, a OR b is a b, NOT b is -b. A stop word inside a phrase matches any stop word (\"bank of england\" finds \"bank in England\", not \"bank rate England\"); a field:value clause on a facet scores every match alike. Empty matches everything.",
		map[string]any{"type": "string"}, "ukraine"},
	"from": {"Published on or after this date: YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339.",
		map[string]any{"type": "string"}, "2024"},
	"to": {"Published on or before this date; a year or month includes all of it.",
		map[string]any{"type": "string"}, "2025-06"},
	"sort": {"Order of hits. Without q and sort, newest first.",
		map[string]any{"type": "string", "enum": []string{index.SortRelevance, index.SortNewest, index.SortOldest}}, index.SortNewest},
	"page": {"Page of hits, from 1.",
		map[string]any{"type": "integer", "minimum": 1, "maximum": maxPage, "default": 1}, 2},
	"size": {"Hits per page.",
		map[string]any{"type": "integer", "minimum": 1, "maximum": maxSize, "default": defaultSize}, 5},
	"view": {"Search articles or quotations.",
		map[string]any{"type": "string", "enum": []string{viewArticles, viewQuotes}, "default": viewArticles}, viewQuotes},
	"copies": {"one: each story once (copies of one agency story, run by several papers, are one hit, by the best-ranked copy, which names the first ten other copies, counts them (copy_count) and names their sources (copy_sources); total counts stories and facets count a story once, except source, which counts every copy); all: every copy is a hit of its own and counted.",
		map[string]any{"type": "string", "enum": []string{copiesOne, copiesAll}, "default": copiesOne}, copiesAll},
	index.FacetGroup: {"Only the copies of one story: the group a hit names (with copies=all, every copy).",
		map[string]any{"type": "string"}, "a1"},
	"format": {"json: one page; csv or jsonl: every hit, streamed as a download (page and size are then refused).",
		map[string]any{"type": "string", "enum": []string{FormatJSON, FormatCSV, FormatJSONL}, "default": FormatJSON}, FormatCSV},
	index.FacetPerson:  {"Only hits that mention this person (repeat: all must match).", repeated(), []string{"Emmanuel Macron"}},
	index.FacetSpeaker: {"Only hits quoting this speaker (repeat: all must match).", repeated(), []string{"Keir Starmer"}},
	index.FacetCountry: {"Only hits about this country, an ISO 3166-1 alpha-2 code in any case (repeat: all must match).", repeated(), []string{"UA"}},
	index.FacetTopic:   {"Only hits with this IPTC top-level topic (repeat: all must match).", repeated(), []string{"politics"}},
	index.FacetOrg:     {"Only hits that mention this organisation (repeat: all must match).", repeated(), []string{"Nato"}},
	index.FacetSource:  {"Only hits from this source (repeat: all must match).", repeated(), []string{"The Chronicle"}},
}

func repeated() map[string]any {
	return map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
}

// operation is one route as the OpenAPI document describes it.
type operation struct {
	Method, Path string // as in the route table (/api/articles/:id)
	ID, Summary  string
	Query        []string // names of its query parameters, each in queryParamDocs or extraParams
	PathExamples map[string]string
	Responses    map[int]response
	Body         bool // takes articles (POST /api/articles)
	Token        bool // needs the bearer token
}

type response struct {
	Description string
	Type        string // content type; "" for none
	Schema      map[string]any
}

// extraParams are the parameters of routes other than the searches.
var extraParams = map[string]paramDoc{
	"articleView": {"quotes: only the paragraphs that hold a quotation.",
		map[string]any{"type": "string", "enum": []string{viewQuotes}}, viewQuotes},
	"personPage": {"Page of the person's quotes, from 1.",
		map[string]any{"type": "integer", "minimum": 1, "maximum": maxPage, "default": 1}, 1},
	"feedSort": {"A feed is always newest first; no other order is accepted.",
		map[string]any{"type": "string", "enum": []string{index.SortNewest}}, index.SortNewest},
	"personSize": {"Quotes per page.",
		map[string]any{"type": "integer", "minimum": 1, "maximum": maxSize, "default": personQuoteSize}, 10},
}

// extraParamNames are the query names of extraParams.
var extraParamNames = map[string]string{"articleView": "view", "personPage": "page", "personSize": "size", "feedSort": "sort"}

// searchParams are the parameters of the search page and API, in the order
// parseQuery's lists give them; the page takes all but format.
func searchParams(api bool) []string {
	var out []string
	for _, p := range append(slices.Clone(singleParams), filterFacets...) {
		if p == "format" && !api {
			continue
		}
		out = append(out, p)
	}
	return out
}

// feedParams are the search parameters a feed takes: no paging, one order.
func feedParams() []string {
	return append(slices.DeleteFunc(searchParams(false), func(p string) bool { return p == "page" || p == "sort" }), "feedSort")
}

func jsonOf(schema map[string]any) response {
	return response{Description: "OK", Type: "application/json", Schema: schema}
}

var (
	anyObject = map[string]any{"type": "object"}
	errorBody = response{Description: "The client's mistake, named", Type: "application/json",
		Schema: map[string]any{"type": "object", "required": []string{"error"}, "properties": map[string]any{"error": map[string]any{"type": "string"}}}}
	htmlPage = response{Description: "OK", Type: "text/html"}
	// overBudget is a query the index refuses to run for its cost; limit
	// names which of the index's limits it is over.
	overBudget = response{Description: "The query would cost more than one query may; error says which limit and by how much", Type: "application/json",
		Schema: map[string]any{"type": "object", "required": []string{"error", "limit"}, "properties": map[string]any{
			"error": map[string]any{"type": "string"},
			"limit": map[string]any{"type": "string", "enum": []string{index.LimitBytes, index.LimitTerms, index.LimitPatterns, index.LimitExpansions, index.LimitFilters, index.LimitPhrases, index.LimitFuzziness, index.LimitMemory, index.LimitSearchers}},
		}}}
)

// operations is every route of the route table.
func operations() []operation {
	search := map[int]response{
		200: {Description: "One page of hits with facets (format=json), or every hit as CSV (format=csv, text/csv) or JSON Lines (format=jsonl, application/x-ndjson)",
			Type: "application/json", Schema: anyObject},
		400: errorBody,
		422: overBudget,
		503: {Description: "Not answered now: too many costly searches waiting, the index being rebuilt, or past the deadline; Retry-After says when to try again (the first two)",
			Type: "application/json", Schema: anyObject},
	}
	article := map[string]string{"id": "kyiv-pledge"}
	person := map[string]string{"name": "Emmanuel Macron"}
	return []operation{
		{Method: "GET", Path: "/", ID: "searchPage", Summary: "The search page", Query: searchParams(false), Responses: map[int]response{200: htmlPage, 400: {Description: "Bad request", Type: "text/html"}, 422: {Description: "A query over its cost budget", Type: "text/html"}}},
		{Method: "GET", Path: "/articles/:id", ID: "articlePage", Summary: "An article, its quotations marked in the text", Query: []string{"articleView"}, PathExamples: article,
			Responses: map[int]response{200: htmlPage, 404: {Description: "No such article", Type: "text/html"}}},
		{Method: "GET", Path: "/people/:name", ID: "personPage", Summary: "A person: mentions over time, company, quotes", Query: []string{"personPage", "personSize"}, PathExamples: person,
			Responses: map[int]response{200: htmlPage, 404: {Description: "Nobody by that name", Type: "text/html"}}},
		{Method: "GET", Path: "/feed", ID: "feed", Summary: "An Atom feed of a search's newest hits", Query: feedParams(),
			Responses: map[int]response{200: {Description: "Atom 1.0", Type: "application/atom+xml"}, 400: {Description: "Bad request", Type: "text/html"}}},
		{Method: "GET", Path: "/healthz", ID: "health", Summary: "Liveness: the store answers; the index lag; what is wrong with the index, if anything",
			Responses: map[int]response{200: jsonOf(anyObject), 503: {Description: "The index is damaged, lost or cannot be written; the answer says what, and whether it is being rebuilt", Type: "application/json", Schema: anyObject}}},
		{Method: "GET", Path: "/readyz", ID: "ready", Summary: "Readiness: 503 until the index has caught up with the store and been read through once (warm), while it is more than the allowed lag behind, and while it is unhealthy",
			Responses: map[int]response{200: jsonOf(anyObject), 503: {Description: "Not ready yet", Type: "application/json", Schema: anyObject}}},
		{Method: "GET", Path: "/metrics", ID: "metrics", Summary: "Prometheus metrics", Responses: map[int]response{200: {Description: "Prometheus text format", Type: "text/plain"}}},
		{Method: "GET", Path: "/api/openapi.json", ID: "openapi", Summary: "This document", Responses: map[int]response{200: jsonOf(anyObject)}},
		{Method: "GET", Path: "/api/search", ID: "search", Summary: "Search articles (or quotations with view=quotes)", Query: searchParams(true), Responses: search},
		{Method: "GET", Path: "/api/quotes", ID: "quotes", Summary: "Search quotations", Query: searchParams(true), Responses: search},
		{Method: "GET", Path: "/api/articles/:id", ID: "getArticle", Summary: "An article with its enrichment", PathExamples: article,
			Responses: map[int]response{200: jsonOf(anyObject), 404: errorBody}},
		{Method: "GET", Path: "/api/people/:name", ID: "getPerson", Summary: "A person's mentions over time, quotes and company", Query: []string{"personPage", "personSize"}, PathExamples: person,
			Responses: map[int]response{200: jsonOf(anyObject), 404: errorBody}},
		{Method: "POST", Path: "/api/articles", ID: "postArticles", Summary: "Add or update articles; answers once they are searchable", Body: true, Token: true,
			Responses: map[int]response{200: jsonOf(anyObject), 400: errorBody, 401: errorBody, 403: errorBody, 413: errorBody, 415: errorBody}},
		{Method: "DELETE", Path: "/api/articles/:id", ID: "deleteArticle", Summary: "Delete an article", Token: true, PathExamples: article,
			Responses: map[int]response{200: jsonOf(anyObject), 401: errorBody, 403: errorBody, 404: errorBody}},
	}
}

// echoParam finds Echo's :name path parameters.
var echoParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// openAPIPath writes an Echo path the OpenAPI way (/articles/{id}).
func openAPIPath(p string) string { return echoParam.ReplaceAllString(p, "{$1}") }

// paramDocOf finds a query parameter's description and its name in the URL.
func paramDocOf(key string) (name string, d paramDoc, err error) {
	if d, ok := queryParamDocs[key]; ok {
		return key, d, nil
	}
	if d, ok := extraParams[key]; ok {
		return extraParamNames[key], d, nil
	}
	return "", paramDoc{}, fmt.Errorf("openapi: parameter %q is not described", key)
}

// OpenAPI returns the OpenAPI 3.1 document of the server's routes.
func OpenAPI() ([]byte, error) {
	paths := map[string]map[string]any{}
	for _, op := range operations() {
		var params []any
		for _, m := range echoParam.FindAllStringSubmatch(op.Path, -1) {
			params = append(params, map[string]any{"name": m[1], "in": "path", "required": true,
				"schema": map[string]any{"type": "string"}, "example": op.PathExamples[m[1]]})
		}
		for _, key := range op.Query {
			name, d, err := paramDocOf(key)
			if err != nil {
				return nil, err
			}
			p := map[string]any{"name": name, "in": "query", "description": d.Description, "schema": d.Schema, "example": d.Example}
			if d.Schema["type"] == "array" {
				p["style"], p["explode"] = "form", true
			}
			params = append(params, p)
		}
		responses := map[string]any{}
		for code, r := range op.Responses {
			body := map[string]any{"description": r.Description}
			if r.Type != "" {
				media := map[string]any{}
				if r.Schema != nil {
					media["schema"] = r.Schema
				}
				body["content"] = map[string]any{r.Type: media}
			}
			responses[fmt.Sprint(code)] = body
		}
		o := map[string]any{"operationId": op.ID, "summary": op.Summary, "responses": responses}
		if len(params) > 0 {
			o["parameters"] = params
		}
		if op.Body {
			articles := map[string]any{"type": "object", "description": "An article: id, url, title, authors, source, published, language, body (see the README's input formats)."}
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"application/json":     map[string]any{"schema": map[string]any{"oneOf": []any{articles, map[string]any{"type": "array", "items": articles}}}},
				"application/x-ndjson": map[string]any{"schema": map[string]any{"type": "string", "description": "One article per line"}},
			}}
		}
		if op.Token {
			o["security"] = []any{map[string]any{"bearer": []string{}}}
		}
		path := openAPIPath(op.Path)
		if paths[path] == nil {
			paths[path] = map[string]any{}
		}
		paths[path][strings.ToLower(op.Method)] = o
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "cuttings",
			"version":     "1",
			"description": "A news archive that knows who said what: search articles and quotations with facets, read an article with its enrichment, add articles.",
		},
		"paths": paths,
		"components": map[string]any{"securitySchemes": map[string]any{
			"bearer": map[string]any{"type": "http", "scheme": "bearer", "description": "The server's --token (or CUTTINGS_TOKEN)."},
		}},
	}
	return json.MarshalIndent(doc, "", "  ")
}

// openAPI answers GET /api/openapi.json.
func (s *Server) openAPI(c echo.Context) error {
	if err := noParams(c); err != nil {
		return err
	}
	return c.JSONBlob(http.StatusOK, s.openAPIDoc)
}
