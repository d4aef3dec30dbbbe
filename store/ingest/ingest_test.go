package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cuttings/cuttings/store"
)

// result is a Record with its error as text, for comparing.
type result struct {
	Where string
	Err   string
	Art   store.Article
}

func readString(t *testing.T, name, content string) []result {
	t.Helper()
	var got []result
	err := Read(strings.NewReader(content), name, func(r Record) error {
		res := result{Where: r.Where}
		if r.Err != nil {
			res.Err = r.Err.Error()
		} else {
			res.Art = r.Article
		}
		got = append(got, res)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return got
}

func date(y int, m time.Month, d, h, min, s int) time.Time {
	return time.Date(y, m, d, h, min, s, 0, time.UTC)
}

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		want    []result
	}{
		{"all fields", "a.jsonl",
			`{"id": "x1", "url": "https://example.com/1", "title": "Talks", "authors": ["Ann", "Bo"], "source": "Example", "published": "2025-03-04T10:30:00+01:00", "language": "fr", "body": "One.\n\nTwo."}` + "\n",
			[]result{{Where: "a.jsonl:1", Art: store.Article{ID: "x1", URL: "https://example.com/1", Title: "Talks",
				Authors: []string{"Ann", "Bo"}, Source: "Example", Published: date(2025, 3, 4, 9, 30, 0), Language: "fr", Body: "One.\n\nTwo."}}}},
		{"blank lines skipped, numbering kept", "b.ndjson",
			"\n" + `{"id": "a", "body": "x"}` + "\n\n  \n" + `{"id": "b", "body": "y"}`, // no final newline
			[]result{
				{Where: "b.ndjson:2", Art: store.Article{ID: "a", Language: "en", Body: "x"}},
				{Where: "b.ndjson:5", Art: store.Article{ID: "b", Language: "en", Body: "y"}},
			}},
		{"CRLF and BOM", "c.jsonlines",
			"\xef\xbb\xbf" + `{"id": "a", "body": "x"}` + "\r\n" + `{"id": "b", "body": "y"}` + "\r\n",
			[]result{
				{Where: "c.jsonlines:1", Art: store.Article{ID: "a", Language: "en", Body: "x"}},
				{Where: "c.jsonlines:2", Art: store.Article{ID: "b", Language: "en", Body: "y"}},
			}},
		{"unknown fields ignored", "d.jsonl",
			`{"id": "g", "text": "Body.", "quotes": [{"text": "q", "speaker": null}], "tags": {"places": ["uk"]}, "people": ["A B"], "notes": 3}`,
			[]result{{Where: "d.jsonl:1", Art: store.Article{ID: "g", Language: "en", Body: "Body."}}}},
		{"integer id", "e.jsonl", `{"id": 42, "body": "x"}`,
			[]result{{Where: "e.jsonl:1", Art: store.Article{ID: "42", Language: "en", Body: "x"}}}},
		{"empty file", "f.jsonl", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readString(t, tt.file, tt.content)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestAliases(t *testing.T) {
	want := store.Article{ID: "al", URL: "https://example.com/x", Title: "T", Authors: []string{"Ann Writer"},
		Published: date(2024, 5, 6, 0, 0, 0), Language: "de", Body: "Text."}
	tests := []struct {
		name string
		line string
	}{
		{"canonical names", `{"id":"al","url":"https://example.com/x","title":"T","authors":["Ann Writer"],"published":"2024-05-06","language":"de","body":"Text."}`},
		{"link author date lang text", `{"id":"al","link":"https://example.com/x","title":"T","author":"Ann Writer","date":"2024-05-06","lang":"de","text":"Text."}`},
		{"pubDate content", `{"id":"al","link":"https://example.com/x","title":"T","authors":"Ann Writer","pubDate":"Mon, 06 May 2024 00:00:00 GMT","lang":"DE","content":"Text."}`},
		{"published_at", `{"id":"al","url":"https://example.com/x","title":"T","authors":[{"name":"Ann Writer"}],"published_at":"2024-05-06 00:00:00","language":"de","body":"Text."}`},
		{"empty body falls back to text", `{"id":"al","url":"https://example.com/x","title":"T","author":{"name":"Ann Writer"},"date":"2024-05-06T00:00:00","language":"de","body":"","text":"Text."}`},
		{"unix seconds", `{"id":"al","url":"https://example.com/x","title":"T","authors":["Ann Writer", " Ann  Writer "],"published":1714953600,"language":"de","body":"Text."}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readString(t, "x.jsonl", tt.line)
			if diff := cmp.Diff([]result{{Where: "x.jsonl:1", Art: want}}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestRejections(t *testing.T) {
	good := `{"id": "ok", "body": "fine"}`
	tests := []struct {
		name string
		line string
		want string
	}{
		{"broken JSON", `{"id": "x", "body": "unterminated`, `invalid JSON: unexpected end of input at byte 33`},
		{"bad character", `{"id": "x", "body": "y",}`, `invalid JSON: invalid character '}' looking for beginning of object key string at byte 25`},
		{"not an object", `["id", "body"]`, `invalid JSON: want an object, got an array`},
		{"no body", `{"id": "x", "title": "Only a title"}`, `body is empty`},
		{"whitespace body", `{"id": "x", "body": " \n\t\r\n "}`, `body is empty`},
		{"bad date", `{"id": "x", "body": "y", "published": "31/02/2020"}`, `published: cannot parse "31/02/2020" as a date`},
		{"bad date alias", `{"id": "x", "body": "y", "date": "yesterday"}`, `date: cannot parse "yesterday" as a date`},
		{"impossible date", `{"id": "x", "body": "y", "published": "2020-02-31"}`, `published: cannot parse "2020-02-31" as a date`},
		{"invalid UTF-8", "{\"id\": \"x\", \"body\": \"caf\xe9\"}", `invalid UTF-8 at byte 24`},
		{"body too big", `{"id": "x", "body": "` + strings.Repeat("a", MaxBody+1) + `"}`, fmt.Sprintf("body is larger than 2 MiB (%d bytes)", MaxBody+1)},
		{"control char in id", `{"id": "x\ty", "body": "y"}`, `id "x\ty" contains control characters`},
		{"long id", `{"id": "` + strings.Repeat("i", 201) + `", "body": "y"}`, `id is longer than 200 bytes (201)`},
		{"title not a string", `{"id": "x", "title": 7, "body": "y"}`, `title: want a string, got number`},
		{"id not a string", `{"id": {"a": 1}, "body": "y"}`, `id: want a string or an integer, got an object`},
		{"relative url", `{"url": "/news/1", "body": "y"}`, `url: "/news/1" is not an absolute URL`},
		{"language", `{"language": "English (UK)", "body": "y"}`, `language: "english (uk)" is not a language code like "en" or "pt-br"`},
		{"authors not names", `{"authors": [1, 2], "body": "y"}`, `authors: want names, got a list with a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The bad line is the third, between good ones.
			content := good + "\n\n" + tt.line + "\n" + good + "\n"
			got := readString(t, "in.jsonl", content)
			okArt := store.Article{ID: "ok", Language: "en", Body: "fine"}
			want := []result{
				{Where: "in.jsonl:1", Art: okArt},
				{Where: "in.jsonl:3", Err: tt.want},
				{Where: "in.jsonl:4", Art: okArt},
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestBrokenLinesAmongGood(t *testing.T) {
	var b strings.Builder
	broken := map[int]bool{4: true, 11: true, 17: true}
	var wantIDs []string
	for line := 1; line <= 20; line++ {
		if broken[line] {
			fmt.Fprintf(&b, "{\"id\": \"bad%d\", \"body\": \n", line) // cut short
			continue
		}
		fmt.Fprintf(&b, "{\"id\": \"good%d\", \"body\": \"Paragraph %d.\"}\n", line, line)
		wantIDs = append(wantIDs, fmt.Sprintf("good%d", line))
	}
	var ids, rejected []string
	for _, r := range readString(t, "mixed.jsonl", b.String()) {
		if r.Err != "" {
			rejected = append(rejected, r.Where)
			continue
		}
		ids = append(ids, r.Art.ID)
	}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"mixed.jsonl:4", "mixed.jsonl:11", "mixed.jsonl:17"}, rejected); diff != "" {
		t.Errorf("rejected (-want +got):\n%s", diff)
	}
}

func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 16 MiB line")
	}
	long := `{"id": "long", "body": "` + strings.Repeat("x", MaxLine) + `"}`
	content := `{"id": "a", "body": "x"}` + "\n" + long + "\n" + `{"id": "b", "body": "y"}` + "\n"
	want := []result{
		{Where: "l.jsonl:1", Art: store.Article{ID: "a", Language: "en", Body: "x"}},
		{Where: "l.jsonl:2", Err: "line is longer than 16 MiB"},
		{Where: "l.jsonl:3", Art: store.Article{ID: "b", Language: "en", Body: "y"}},
	}
	if diff := cmp.Diff(want, readString(t, "l.jsonl", content)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestReadJSON(t *testing.T) {
	a := store.Article{ID: "a", Language: "en", Body: "x"}
	b := store.Article{ID: "b", Language: "en", Body: "y"}
	tests := []struct {
		name    string
		file    string
		content string
		want    []result
	}{
		{"array", "arr.json", "[\n  {\"id\": \"a\", \"body\": \"x\"},\n  {\"id\": \"b\", \"body\": \"y\"}\n]\n",
			[]result{{Where: "arr.json[0]", Art: a}, {Where: "arr.json[1]", Art: b}}},
		{"empty array", "e.json", "[]", nil},
		{"bad element kept apart", "arr.json", `[{"id": "a", "body": "x"}, {"id": "n"}, {"id": "b", "body": "y"}]`,
			[]result{{Where: "arr.json[0]", Art: a}, {Where: "arr.json[1]", Err: "body is empty"}, {Where: "arr.json[2]", Art: b}}},
		{"syntax error ends the file", "arr.json", `[{"id": "a", "body": "x"}, {"id": "n" "body": "z"}, {"id": "b", "body": "y"}]`,
			[]result{{Where: "arr.json[0]", Art: a}, {Where: "arr.json[1]", Err: "invalid JSON: invalid character '\"' after object key:value pair at byte 37"}}},
		{"truncated array", "arr.json", `[{"id": "a", "body": "x"}, {"id": "b", "bo`,
			[]result{{Where: "arr.json[0]", Art: a}, {Where: "arr.json[1]", Err: "invalid JSON: unexpected end of input"}}},
		{"one object", "one.json", "{\n  \"id\": \"a\",\n  \"body\": \"x\"\n}\n",
			[]result{{Where: "one.json", Art: a}}},
		{"one bad object", "one.json", `{"id": "a"}`,
			[]result{{Where: "one.json", Err: "body is empty"}}},
		{"objects one after another", "many.json", "{\"id\": \"a\", \"body\": \"x\"}\n{\"id\": \"b\", \"body\": \"y\"}\n",
			[]result{{Where: "many.json[0]", Art: a}, {Where: "many.json[1]", Art: b}}},
		{"not an array", "s.json", `"just a string"`,
			[]result{{Where: "s.json", Err: "invalid JSON: want an array or an object, got a string"}}},
		{"element not an object", "arr.json", `[{"id": "a", "body": "x"}, 3]`,
			[]result{{Where: "arr.json[0]", Art: a}, {Where: "arr.json[1]", Err: "invalid JSON: want an object, got a number"}}},
		{"empty file", "e.json", " \n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, readString(t, tt.file, tt.content)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    result
	}{
		{"headers", "Ministers meet in Paris\nSource: Example News\nPublished: 2026-01-06\nURL: https://example.com/paris\nAuthor: Ann Writer\n\nFirst paragraph.\n\nSecond paragraph: with a colon.\n",
			result{Where: "p.txt", Art: store.Article{URL: "https://example.com/paris", Title: "Ministers meet in Paris",
				Authors: []string{"Ann Writer"}, Source: "Example News", Published: date(2026, 1, 6, 0, 0, 0),
				Language: "en", Body: "First paragraph.\n\nSecond paragraph: with a colon."}}},
		{"no headers", "Title only\n\nBody line one.\nBody line two.",
			result{Where: "p.txt", Art: store.Article{Title: "Title only", Language: "en", Body: "Body line one.\n\nBody line two."}}},
		{"body right after title", "The title\nThe minister said: no.\n",
			result{Where: "p.txt", Art: store.Article{Title: "The title", Language: "en", Body: "The minister said: no."}}},
		{"header words in the body", "T\n\nSource: a paragraph that starts like a header.",
			result{Where: "p.txt", Art: store.Article{Title: "T", Language: "en", Body: "Source: a paragraph that starts like a header."}}},
		{"CRLF, BOM, leading blank lines", "\xef\xbb\xbf\r\n\r\nTitle\r\nauthors: A, B\r\nLanguage: FR\r\n\r\nBody.\r\n",
			result{Where: "p.txt", Art: store.Article{Title: "Title", Authors: []string{"A", "B"}, Language: "fr", Body: "Body."}}},
		{"RSS date", "T\nPublished: Tue, 6 Jan 2026 09:15:00 EST\n\nB",
			result{Where: "p.txt", Art: store.Article{Title: "T", Published: date(2026, 1, 6, 14, 15, 0), Language: "en", Body: "B"}}},
		{"bad date", "T\nPublished: 31/02/2020\n\nB", result{Where: "p.txt", Err: `published: cannot parse "31/02/2020" as a date`}},
		{"no body", "Just a title\n", result{Where: "p.txt", Err: "body is empty"}},
		{"empty", "", result{Where: "p.txt", Err: "body is empty"}},
		{"invalid UTF-8", "Title\n\nCaf\xe9", result{Where: "p.txt", Err: "invalid UTF-8 at byte 10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff([]result{tt.want}, readString(t, "p.txt", tt.content)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadTextTooBig(t *testing.T) {
	content := "Title\n\n" + strings.Repeat("word ", MaxBody/5+100)
	got := readString(t, "big.txt", content)
	if len(got) != 1 || !strings.HasPrefix(got[0].Err, "body is larger than 2 MiB") {
		t.Errorf("got %+v, want one rejection for size", got)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []string // Where of each record
	}{
		{"stdin JSONL", "-", "{\"body\": \"a\"}\n{\"body\": \"b\"}\n", []string{"stdin:1", "stdin:2"}},
		{"stdin array", "-", "  [{\"body\": \"a\"}, {\"body\": \"b\"}]", []string{"stdin[0]", "stdin[1]"}},
		{"stdin text", "-", "Title\n\nBody", []string{"stdin"}},
		{"unknown extension", "feed.dat", "{\"body\": \"a\"}\n", []string{"feed.dat:1"}},
		{"known extension wins", "notes.txt", "{\"body\": \"a\"}\n{\"body\": \"b\"}\n", []string{"notes.txt"}},
		{"upper-case extension", "A.JSONL", "{\"body\": \"a\"}\n", []string{"A.JSONL:1"}},
		{"empty stdin", "-", " \n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range readString(t, tt.file, tt.content) {
				if r.Err != "" {
					t.Errorf("%s: %s", r.Where, r.Err)
				}
				got = append(got, r.Where)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadStopsOnEmitError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Read(strings.NewReader("{\"body\": \"a\"}\n{\"body\": \"b\"}\n"), "x.jsonl", func(Record) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Read = %v after %d calls, want stop after 1", err, calls)
	}
}

func TestNormalizeBody(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One.\n\nTwo.", "One.\n\nTwo."},
		{"One.\nTwo.\nThree.", "One.\n\nTwo.\n\nThree."},
		{"One.\r\n\r\nTwo.\r\n", "One.\n\nTwo."},
		{"One.\rTwo.", "One.\n\nTwo."},
		{"One.   \n\n\n\n  Two.\t \n\n", "One.\n\nTwo."},
		{"\n\n  Lead and trail  \n\n", "Lead and trail"},
		{"Inner  spaces stay.", "Inner  spaces stay."},
		{"A\u00a0\nB", "A\n\nB"},
		{" \n\t\n", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			if got := NormalizeBody(tt.in); got != tt.want {
				t.Errorf("NormalizeBody(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestValidateNormalises(t *testing.T) {
	in := store.Article{
		ID: "  id-1 ", URL: " https://example.com/a ", Title: "  A\n title\twith  breaks ",
		Authors: []string{" Ann ", "", "Ann", "Bo  Reporter"}, Source: " Src ", Language: " EN-gb ",
		Published: time.Date(2020, 1, 1, 12, 0, 0, 0, time.FixedZone("X", 3600)),
		Body:      "p1\np2",
	}
	want := store.Article{
		ID: "id-1", URL: "https://example.com/a", Title: "A title with breaks",
		Authors: []string{"Ann", "Bo Reporter"}, Source: "Src", Language: "en-gb",
		Published: date(2020, 1, 1, 11, 0, 0), Body: "p1\n\np2",
	}
	if err := Validate(&in); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if in.Published.Location() != time.UTC {
		t.Errorf("Published in %v, want UTC", in.Published.Location())
	}
	// Validating again changes nothing: callers may validate what Read gave.
	again := in
	if err := Validate(&again); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, again); diff != "" {
		t.Errorf("second Validate (-first +second):\n%s", diff)
	}
	bad := store.Article{Title: "caf\xe9", Body: "x"}
	if err := Validate(&bad); err == nil || err.Error() != "title: invalid UTF-8" {
		t.Errorf("Validate(bad title) = %v", err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2025-03-04T10:30:00Z", date(2025, 3, 4, 10, 30, 0)},
		{"2025-03-04T10:30:00+01:00", date(2025, 3, 4, 9, 30, 0)},
		{"2025-03-04T10:30:00.123Z", time.Date(2025, 3, 4, 10, 30, 0, 123e6, time.UTC)},
		{"2025-03-04T10:30:00", date(2025, 3, 4, 10, 30, 0)},
		{"2025-03-04", date(2025, 3, 4, 0, 0, 0)},
		{"2025-03-04 10:30:00", date(2025, 3, 4, 10, 30, 0)},
		{"Tue, 04 Mar 2025 10:30:00 GMT", date(2025, 3, 4, 10, 30, 0)},
		{"Tue, 04 Mar 2025 10:30:00 +0200", date(2025, 3, 4, 8, 30, 0)},
		{"Tue, 4 Mar 2025 10:30:00 +0200", date(2025, 3, 4, 8, 30, 0)},
		{"Tue, 04 Mar 2025 10:30:00 PST", date(2025, 3, 4, 18, 30, 0)},
		{"04 Mar 25 10:30 UTC", date(2025, 3, 4, 10, 30, 0)},
		{"04 Mar 25 10:30 -0500", date(2025, 3, 4, 15, 30, 0)},
		{"  2025-03-04  ", date(2025, 3, 4, 0, 0, 0)},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	for _, bad := range []string{"31/02/2020", "2020-13-01", "March 4th", "1583020800"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.jsonl", "a.json", "notes.md", "sub/c.txt", "sub/d.NDJSON", "sub/deeper/e.jsonlines",
		".hidden/f.jsonl", "sub/.g.jsonl", "x.csv",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	explicit := filepath.Join(dir, "x.csv")
	got, err := Files([]string{explicit, dir, "-"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{explicit}
	for _, name := range []string{"a.json", "b.jsonl", "sub/c.txt", "sub/d.NDJSON", "sub/deeper/e.jsonlines"} {
		want = append(want, filepath.Join(dir, filepath.FromSlash(name)))
	}
	want = append(want, "-")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// What a directory holds that is not read is named, hidden files
	// aside; a file given by name is read whatever its extension.
	_, skipped, err := ListFiles([]string{explicit, dir, "-"})
	if err != nil {
		t.Fatal(err)
	}
	wantSkipped := []string{filepath.Join(dir, "notes.md"), filepath.Join(dir, "x.csv")}
	if diff := cmp.Diff(wantSkipped, skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	// A directory with nothing in it (hidden files aside) is named too.
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, ".partial.jsonl"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, skipped, err := ListFiles([]string{empty}); err != nil || !slices.Equal(skipped, []string{empty}) {
		t.Errorf("ListFiles(an empty directory) skipped %q (%v); want the directory", skipped, err)
	}

	// Links: to a directory given as an argument, and to a file inside one.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "real.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(other, "real.txt"), filepath.Join(other, "link.jsonl")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(other, filepath.Join(dir, "to-other")); err != nil {
		t.Fatal(err)
	}
	got, err = Files([]string{filepath.Join(dir, "to-other")})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{filepath.Join(dir, "to-other", "link.jsonl"), filepath.Join(dir, "to-other", "real.txt")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("through links (-want +got):\n%s", diff)
	}

	if _, err := Files([]string{filepath.Join(dir, "missing.jsonl")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Files(missing) error = %v, want not exist", err)
	}
}
