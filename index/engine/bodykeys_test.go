package engine

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/google/go-cmp/cmp"
)

// TestBodyKeys checks phrases in an archive of copies: six stories run
// five times each with the same body under other ids, titles and dates,
// written across several segments, one copy deleted and one rewritten.
// Every phrase finds exactly what a plain check of each text finds, and a
// phrase of one story's words reads the text of one copy a segment, not of
// every copy.
func TestBodyKeys(t *testing.T) {
	// The six stories first, then their copies story by story, then the
	// other articles, written ten at a time: story 1's copies share a
	// segment, apart from it.
	docs := extracted(loadTestArticles(t))
	stories := docs[:6]
	all := slices.Clone(stories)
	for s, d := range stories {
		for c := 1; c <= 5; c++ {
			cp := d
			cp.ID = fmt.Sprintf("%s-copy%d", d.ID, c)
			cp.Article.ID = cp.ID
			cp.Article.Title = fmt.Sprintf("Copy %d of story %d", c, s)
			cp.Article.Published = d.Article.Published.AddDate(0, 0, c)
			all = append(all, cp)
		}
	}
	all = append(all, docs[6:]...)
	ix := newTestIndex(t, nil)
	ctx := context.Background()
	for i := 0; i < len(all); i += 10 {
		if err := ix.Apply(ctx, all[i:min(i+10, len(all))]); err != nil {
			t.Fatal(err)
		}
	}
	// The first copy of story 0 is deleted; the second is rewritten.
	deletedID := stories[0].ID + "-copy1"
	rewritten := slices.IndexFunc(all, func(d testDoc) bool { return d.ID == stories[0].ID+"-copy2" })
	all[rewritten].Article.Body = strings.Replace(all[rewritten].Article.Body, " ", " very ", 3)
	if err := ix.Apply(ctx, []testDoc{{ID: deletedID, Deleted: true}, all[rewritten]}); err != nil {
		t.Fatal(err)
	}
	bodies := docBodies(all)
	var mu sync.Mutex
	reads := 0
	ix.bodies = func(ctx context.Context, ids []string) (map[string]string, error) {
		mu.Lock()
		reads += len(ids)
		mu.Unlock()
		return bodies(ctx, ids)
	}
	snap, closeSnap, err := ix.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	segments := len(snap.Segments())
	// Two articles share a key when, and only when, their bodies are the
	// same; a quotation has none.
	keyOf, err := ix.bodyKeys(snap)
	if err != nil || keyOf == nil {
		t.Fatalf("no body keys: %v", err)
	}
	byKey := map[uint64]string{}
	bodyOf := map[string]string{}
	for _, d := range all {
		bodyOf[d.ID] = d.Article.Body
	}
	checkKey := func(id string, key uint64) {
		body, article := bodyOf[id]
		if article != (key != 0) {
			t.Errorf("%s: key %d", id, key)
		}
		if key == 0 {
			return
		}
		if other, ok := byKey[key]; ok && other != body {
			t.Errorf("%s shares key %d with another body", id, key)
		}
		byKey[key] = body
	}
	var base uint64
	for _, ss := range snap.Segments() {
		count := ss.Segment().Count()
		for d := uint64(0); d < count; d++ {
			if del := ss.Deleted(); del != nil && del.Contains(uint32(d)) {
				continue
			}
			id, err := ss.DocID(d)
			if err != nil {
				t.Fatal(err)
			}
			checkKey(string(id), keyOf(base+d))
		}
		base += count
	}
	closeSnap()
	if segments < 3 {
		t.Fatalf("%d segments; the test needs copies spread over several", segments)
	}

	// Phrases of the stories' own words, rare and common, and of other
	// articles.
	word := regexp.MustCompile(`[\pL\pN]+`)
	var phrases []string
	for i, d := range all[:20] {
		ws := word.FindAllString(d.Article.Body, -1)
		for k := 2 + i%5; k+3 < len(ws); k += 23 {
			phrases = append(phrases, strings.Join(ws[k:k+2+k%2], " "))
		}
	}
	// Phrases whose words many articles have, read in many texts: two
	// of one body's words that follow each other, where it does not.
	for _, d := range all[30:] {
		ws := word.FindAllString(d.Article.Body, -1)
		for k := 5; k+1 < len(ws); k += 41 {
			phrases = append(phrases, ws[k+1]+" "+ws[k], "said "+ws[k])
		}
	}
	// Three common words of the stories, in their order and in another:
	// their counts decide some copies and leave others to the text.
	for _, d := range stories {
		ws := word.FindAllString(d.Article.Body, -1)
		for k := 0; k+2 < len(ws); k++ {
			if commonTerms[Term(ws[k])] && commonTerms[Term(ws[k+1])] && commonTerms[Term(ws[k+2])] {
				phrases = append(phrases, strings.Join(ws[k:k+3], " "), ws[k+2]+" "+ws[k+1]+" "+ws[k], ws[k]+" "+ws[k+1]+" "+ws[k+1])
			}
		}
	}
	// And three common words the story has as two pairs apart from each
	// other, never together: the counts cannot show them, the text must
	// refuse them.
	for _, d := range stories {
		ws := word.FindAllString(d.Article.Body, -1)
		text := " " + strings.Join(ws, " ") + " "
		before, after := map[string][]string{}, map[string][]string{}
		for k := 0; k+1 < len(ws); k++ {
			if commonTerms[Term(ws[k])] && commonTerms[Term(ws[k+1])] {
				after[ws[k]] = append(after[ws[k]], ws[k+1])
				before[ws[k+1]] = append(before[ws[k+1]], ws[k])
			}
		}
		for mid, as := range before {
			for _, a := range as {
				for _, c := range after[mid] {
					if p := a + " " + mid + " " + c; !strings.Contains(text, " "+p+" ") {
						phrases = append(phrases, p)
					}
				}
			}
		}
	}
	phrases = append(phrases, "said the government", "last year", "very said", "the minister said", "said it")
	slices.Sort(phrases)
	phrases = slices.Compact(phrases)
	titles, texts := analysed(ix, all)
	for _, p := range phrases {
		want := []string{}
		for i, d := range all {
			if d.ID != deletedID && (phraseHeld(ix, titles[i], p) || phraseHeld(ix, texts[i], p)) {
				want = append(want, d.ID)
			}
		}
		r, err := ix.Search(ctx, Query{Text: `"` + p + `"`, Size: MaxSize})
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		if diff := cmp.Diff(sorted(want), sorted(hitIDs(r))); diff != "" || int(r.Total) != len(want) {
			t.Errorf("%q: total %d (-want +got):\n%s", p, r.Total, diff)
		}
	}

	// A phrase only story 1 and its copies hold, of words no pair
	// decides: six articles in two segments, read once in each (and once
	// more for the snippet of the one hit asked for, which the check did
	// not read), where each copy was read before keys.
	ws := word.FindAllString(stories[1].Article.Body, -1)
	var only string
	for k := 0; k+2 < len(ws) && only == ""; k++ {
		p := strings.Join(ws[k:k+3], " ")
		if !commonTerms[Term(ws[k])] && !commonTerms[Term(ws[k+2])] && holders(ix, texts, p) == 6 {
			only = p
		}
	}
	if only == "" {
		t.Fatal("no phrase of story 1's own")
	}
	reads = 0
	r, err := ix.Search(ctx, Query{Text: `"` + only + `"`, Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 6 {
		t.Errorf("%q: %d articles, want story 1 and its five copies", only, r.Total)
	}
	if reads > 3 {
		t.Errorf("%q: %d texts read for six copies in two segments", only, reads)
	}
}

// holders counts the texts that hold phrase p.
func holders(ix *testIndex, texts []analysis.TokenStream, p string) int {
	n := 0
	for _, tx := range texts {
		if phraseHeld(ix, tx, p) {
			n++
		}
	}
	return n
}

// TestBodyKeysTextGone: when the copy whose text decides a body is gone
// from the store (deleted there, and not yet from the index), the other
// copies are read one by one, not dropped with it.
func TestBodyKeysTextGone(t *testing.T) {
	docs := extracted(loadTestArticles(t))
	story := docs[0]
	all := []testDoc{story}
	for c := 1; c <= 4; c++ {
		cp := story
		cp.ID = fmt.Sprintf("%s-copy%d", story.ID, c)
		cp.Article.ID = cp.ID
		all = append(all, cp)
	}
	ix := newTestIndex(t, all)
	bodies := docBodies(all)
	gone := "" // the first article whose text is asked for
	ix.bodies = func(ctx context.Context, ids []string) (map[string]string, error) {
		if gone == "" && len(ids) > 0 {
			gone = ids[0]
		}
		out, err := bodies(ctx, ids)
		delete(out, gone)
		return out, err
	}
	// Rare words, so that the text decides.
	word := regexp.MustCompile(`[\pL\pN]+`)
	ws := word.FindAllString(story.Article.Body, -1)
	var p string
	for k := 0; k+2 < len(ws) && p == ""; k++ {
		if !commonTerms[Term(ws[k])] && !commonTerms[Term(ws[k+1])] && !commonTerms[Term(ws[k+2])] {
			p = strings.Join(ws[k:k+3], " ")
		}
	}
	r, err := ix.Search(context.Background(), Query{Text: `"` + p + `"`, Size: MaxSize, AllCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range all {
		if d.ID != gone {
			want = append(want, d.ID)
		}
	}
	if gone == "" || len(want) != 4 {
		t.Fatalf("no text was read for %q", p)
	}
	if diff := cmp.Diff(sorted(want), sorted(hitIDs(r))); diff != "" {
		t.Errorf("%q (-want +got):\n%s", p, diff)
	}
}
