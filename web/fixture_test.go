package web_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/cuttings/cuttings/index"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/web"
)

// day is a publication time, at noon UTC so no time zone moves it.
func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t.Add(12 * time.Hour)
}

// testArticles are a small archive written for these tests: two sources
// sharing four articles, a third with one; 2023 to 2025; people who are
// mentioned and quoted in several of them.
var testArticles = []store.Article{
	{
		ID:        "kyiv-pledge",
		URL:       "https://chronicle.example/2024/03/kyiv-pledge",
		Title:     "Starmer and Macron pledge long-term support for Ukraine",
		Authors:   []string{"Helen Marsh"},
		Source:    "The Chronicle",
		Published: day("2024-03-14"),
		Language:  "en",
		Body: "Keir Starmer and Emmanuel Macron promised on Thursday to keep supplying Ukraine with weapons for as long as the war lasts, after talks in Paris.\n\n" +
			"\"We will stand with Ukraine for as long as it takes,\" Keir Starmer said at a joint press conference at the Elysee Palace.\n\n" +
			"Emmanuel Macron said: \"Europe cannot afford to look away while Russia bombs Ukrainian cities.\"\n\n" +
			"Volodymyr Zelensky, who joined the talks by video link from Kyiv, thanked both leaders for their support.",
	},
	{
		ID:        "air-defence",
		URL:       "https://ledger.example/news/air-defence",
		Title:     "Zelensky urges allies to speed up air defence deliveries",
		Source:    "Daily Ledger",
		Published: day("2024-06-02"),
		Language:  "en",
		Body: "Volodymyr Zelensky has asked Western allies to hurry the delivery of air defence systems as Russia steps up missile strikes on Ukraine's power stations.\n\n" +
			"\"Every week of delay costs lives,\" Volodymyr Zelensky told reporters in Kyiv on Sunday.\n\n" +
			"Olaf Scholz said Germany would send a third Patriot battery before the winter.",
	},
	{
		ID:        "budget-plans",
		URL:       "https://chronicle.example/2025/01/budget",
		Title:     "Chancellor sets out spending plans as growth stalls",
		Source:    "The Chronicle",
		Published: day("2025-01-20"),
		Language:  "en",
		Body: "Rachel Reeves set out plans on Monday to raise public investment while keeping borrowing under control, as new figures showed the British economy barely grew last year.\n\n" +
			"\"Growth is the challenge of our time and we will not duck it,\" Rachel Reeves told MPs in the House of Commons.\n\n" +
			"The Bank of England has warned that inflation may rise again this spring.",
	},
	{
		ID:        "energy-summit",
		URL:       "https://ledger.example/news/energy-summit",
		Title:     "Macron hosts European summit on energy prices",
		Source:    "Daily Ledger",
		Published: day("2025-02-11"),
		Language:  "en",
		Body: "France's president, Emmanuel Macron, welcomed European leaders to Paris on Tuesday for talks on gas and electricity prices, which remain far above their levels before the war in Ukraine.\n\n" +
			"\"Cheap energy is a question of sovereignty for Europe,\" Emmanuel Macron said as the summit opened.\n\n" +
			"Olaf Scholz, the German Chancellor, said Germany was ready to share more of its reserves with its neighbours.",
	},
	{
		ID:        "cup-final",
		URL:       "https://northernpost.example/sport/cup-final",
		Title:     "Harbour Town win the county cup after penalties",
		Source:    "Northern Post",
		Published: day("2023-05-20"),
		Language:  "en",
		Body: "Harbour Town won the county cup on Saturday, beating Millbridge Rovers 4-3 on penalties after a goalless draw in front of a crowd of 3,000.\n\n" +
			"\"The players never stopped believing, and they deserve every bit of this,\" said Maria Lopez, the Harbour Town manager.\n\n" +
			"The club will play in the regional championship next season.",
	},
}

// testArchive is a temporary data directory with testArticles stored and
// indexed, and an HTTP server in front of it.
type testArchive struct {
	URL     string
	Store   *store.Store
	Archive *index.Archive
}

// newTestArchive starts a server over a fresh archive of testArticles.
// token is the write token ("" refuses writes).
func newTestArchive(t testing.TB, token string) *testArchive {
	t.Helper()
	return newTestArchiveWith(t, web.Options{Token: token})
}

// openUnsynced stores testArticles in a fresh store and opens an archive
// over it that has indexed none of them yet.
func openUnsynced(t testing.TB) (*store.Store, *index.Archive) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutBatch(ctx, append([]store.Article(nil), testArticles...)); err != nil {
		t.Fatal(err)
	}
	archive, err := index.OpenArchive(ctx, dir, st)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { archive.Close() })
	return st, archive
}

// newTestArchiveWith starts a server with these options over a fresh
// archive of testArticles.
func newTestArchiveWith(t testing.TB, opts web.Options) *testArchive {
	t.Helper()
	ctx := context.Background()
	st, archive := openUnsynced(t)
	if _, err := archive.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	ws, err := web.New(archive, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ws.Handler())
	t.Cleanup(srv.Close)
	return &testArchive{URL: srv.URL, Store: st, Archive: archive}
}
