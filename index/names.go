package index

import (
	"log/slog"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/cuttings/cuttings/index/extract"
)

// personNames gives one person one name across the archive. The extractor
// settles names within one article ("Sir Keir", "Mr Starmer" -> "Keir
// Starmer"); an article that only says "Mr Starmer" still comes out as
// "Starmer", and another may write "Donald J. Trump" where most write
// "Donald Trump". personNames learns the full names of the index as articles
// arrive (and, when an index is reopened, from its person field), and maps:
//   - a full name to the longest form seen with the same first and last word;
//   - a lone surname to the one full name that ends in it, when only one does.
//
// Articles indexed before a full name was first seen keep their short name
// until the next reindex, which replays the store in order.
type personNames struct {
	mu        sync.Mutex
	loaded    bool
	full      map[string]string          // folded "first last" -> canonical full name
	bySurname map[string]map[string]bool // folded surname -> folded "first last" keys
}

// resolve rewrites the people, speakers and quote speakers of docs to their
// archive-wide names, learning new full names first. seed loads the names
// already in the index the first time.
func (pn *personNames) resolve(docs []Doc, seed func() []string) {
	pn.mu.Lock()
	defer pn.mu.Unlock()
	pn.load(seed)
	for i := range docs {
		for _, p := range docs[i].Enrichment.People {
			pn.learn(p.Name)
		}
	}
	for i := range docs {
		pn.rename(&docs[i].Enrichment)
	}
}

// file rewrites the people and speakers of one enrichment to the names the
// archive knows, learning nothing from it: for an article shown before it
// is indexed, which must not change the names the index files others by.
func (pn *personNames) file(e *extract.Enrichment, seed func() []string) {
	pn.mu.Lock()
	defer pn.mu.Unlock()
	pn.load(seed)
	pn.rename(e)
}

// load reads the names already in the index the first time.
func (pn *personNames) load(seed func() []string) {
	if pn.loaded {
		return
	}
	pn.full = map[string]string{}
	pn.bySurname = map[string]map[string]bool{}
	if seed != nil {
		for _, n := range seed() {
			pn.learn(n)
		}
	}
	pn.loaded = true
}

// rename files an enrichment's people and person speakers under their
// archive-wide names.
func (pn *personNames) rename(e *extract.Enrichment) {
	for j := range e.People {
		e.People[j].Name = pn.canonical(e.People[j].Name)
	}
	e.People = mergePeople(e.People)
	for j := range e.Quotes {
		if e.Quotes[j].SpeakerType == extract.SpeakerPerson {
			e.Quotes[j].Speaker = pn.canonical(e.Quotes[j].Speaker)
		}
	}
}

func (pn *personNames) learn(name string) {
	w := strings.Fields(name)
	if len(w) < 2 {
		return
	}
	key := foldName(w[0]) + " " + foldName(w[len(w)-1])
	if cur, ok := pn.full[key]; !ok || len(name) > len(cur) {
		pn.full[key] = name
	}
	s := foldName(w[len(w)-1])
	if pn.bySurname[s] == nil {
		pn.bySurname[s] = map[string]bool{}
	}
	pn.bySurname[s][key] = true
}

func (pn *personNames) canonical(name string) string {
	w := strings.Fields(name)
	switch {
	case len(w) >= 2:
		if c, ok := pn.full[foldName(w[0])+" "+foldName(w[len(w)-1])]; ok {
			return c
		}
	case len(w) == 1:
		if keys := pn.bySurname[foldName(w[0])]; len(keys) == 1 {
			for k := range keys {
				return pn.full[k]
			}
		}
	}
	return name
}

// mergePeople adds up people who now share a name.
func mergePeople(ps []extract.Person) []extract.Person {
	seen := make(map[string]int, len(ps))
	out := ps[:0]
	for _, p := range ps {
		if i, ok := seen[p.Name]; ok {
			out[i].Mentions += p.Mentions
			continue
		}
		seen[p.Name] = len(out)
		out = append(out, p)
	}
	return out
}

// foldName lower-cases and strips accents, so that "Zelenskyy" differs but
// "José" and "Jose" agree.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// personTerms lists the person names already in the index.
func (ix *Index) personTerms() []string {
	names, err := ix.eng.Values(FacetPerson)
	if err != nil {
		slog.Warn("read the people of the index; names are learnt from new articles only", "dir", ix.dir, "err", err)
	}
	return names
}
