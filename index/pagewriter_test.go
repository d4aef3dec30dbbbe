package index

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// heldApply is an apply that reports each call and returns only when the
// test releases it, so a test can see which pages are written at once.
type heldApply struct {
	started chan started
}

type started struct {
	first  string // the page's first article
	seq    int64  // the seq it records
	result chan error
}

func (h *heldApply) apply(ctx context.Context, docs []Doc, seq int64) error {
	s := started{first: docs[0].ID, seq: seq, result: make(chan error)}
	h.started <- s
	return <-s.result
}

// next returns the next page to start, failing the test if none does.
func (h *heldApply) next(t *testing.T) started {
	t.Helper()
	select {
	case s := <-h.started:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("no page was started")
		return started{}
	}
}

// two returns the next two pages to start, in page order (they start at
// once, so they may be seen in either).
func (h *heldApply) two(t *testing.T) (started, started) {
	t.Helper()
	a, b := h.next(t), h.next(t)
	if a.first > b.first {
		a, b = b, a
	}
	return a, b
}

// none checks that no page starts for a while.
func (h *heldApply) none(t *testing.T, why string) {
	t.Helper()
	select {
	case s := <-h.started:
		t.Fatalf("page %s started (recording %d) %s", s.first, s.seq, why)
	case <-time.After(100 * time.Millisecond):
	}
}

// testPage is a page of changes to ids, with seqs from seq on.
func testPage(seq int64, ids ...string) []Doc {
	docs := make([]Doc, len(ids))
	for i, id := range ids {
		docs[i] = Doc{ID: id, Seq: seq + int64(i)}
	}
	return docs
}

type writerRun struct {
	h        *heldApply
	w        *pageWriter
	advanced []int64
	recorded []int64
	done     chan error
}

// runWriter writes pages with a pageWriter over a heldApply, then finishes.
func runWriter(pages ...[]Doc) *writerRun {
	r := &writerRun{h: &heldApply{started: make(chan started)}, done: make(chan error, 1)}
	r.w = newPageWriter(r.h.apply,
		func(seq int64) error { r.recorded = append(r.recorded, seq); return nil },
		func(seq int64) { r.advanced = append(r.advanced, seq) },
		0)
	go func() {
		for _, p := range pages {
			if err := r.w.write(context.Background(), p); err != nil {
				r.w.finish()
				r.done <- err
				return
			}
		}
		r.done <- r.w.finish()
	}()
	return r
}

// TestPagesWrittenTwoAtOnce checks that pages changing different articles
// are written two at a time, each recording only the seq every page before
// it has reached, LastSeq advancing page by page as each is written, and the
// last page's seq recorded at the end.
func TestPagesWrittenTwoAtOnce(t *testing.T) {
	r := runWriter(testPage(1, "a", "b"), testPage(3, "c", "d"), testPage(5, "e", "f"))
	p1, p2 := r.h.two(t) // p2 while p1 is still being written
	r.h.none(t, "while two pages are being written")
	p1.result <- nil
	p3 := r.h.next(t)
	p2.result <- nil
	p3.result <- nil
	if err := <-r.done; err != nil {
		t.Fatal(err)
	}
	got := []int64{p1.seq, p2.seq, p3.seq}
	// p1 is alone: its own last seq; p2 starts beside p1: nothing written
	// yet; p3 beside p2: as far as p1.
	if diff := cmp.Diff([]int64{2, 0, 2}, got); diff != "" {
		t.Errorf("seqs the pages recorded (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int64{2, 4, 6}, r.advanced); diff != "" {
		t.Errorf("LastSeq advanced to (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int64{6}, r.recorded); diff != "" {
		t.Errorf("seqs recorded at the end (-want +got):\n%s", diff)
	}
	if r.w.n != 6 {
		t.Errorf("%d changes counted, want 6", r.w.n)
	}
}

// TestPagesSharingAnArticle checks that a page changing an article the page
// in flight also changes waits for it, so the later change lands last.
func TestPagesSharingAnArticle(t *testing.T) {
	r := runWriter(testPage(1, "a", "b"), testPage(3, "b", "c"))
	p1 := r.h.next(t)
	r.h.none(t, "beside a page changing the same article")
	p1.result <- nil
	p2 := r.h.next(t)
	p2.result <- nil
	if err := <-r.done; err != nil {
		t.Fatal(err)
	}
	if p2.seq != 4 {
		t.Errorf("the second page, written alone, recorded %d, want its own last seq 4", p2.seq)
	}
	if len(r.recorded) != 0 {
		t.Errorf("recorded %v at the end, want nothing: the last page recorded its seq", r.recorded)
	}
}

// TestPageFailed checks that when a page fails, the page written beside it
// does not move the seq past the failed one's changes.
func TestPageFailed(t *testing.T) {
	r := runWriter(testPage(1, "a", "b"), testPage(3, "c", "d"))
	p1, p2 := r.h.two(t)
	failure := errors.New("disk full")
	p1.result <- failure
	p2.result <- nil
	if err := <-r.done; !errors.Is(err, failure) {
		t.Fatalf("error %v, want %v", err, failure)
	}
	if len(r.advanced) != 0 || len(r.recorded) != 0 {
		t.Errorf("after a failed first page: advanced to %v, recorded %v; want neither", r.advanced, r.recorded)
	}
}

// TestNothingToWrite checks that a catch-up with no change writes nothing,
// not even the seq: the server catches up twice a second.
func TestNothingToWrite(t *testing.T) {
	recorded := 0
	w := newPageWriter(nil, func(int64) error { recorded++; return nil }, func(int64) {}, 42)
	if err := w.finish(); err != nil || recorded != 0 {
		t.Errorf("finish with nothing written: %v, recorded %d times; want nil, 0", err, recorded)
	}
}

// TestCatchUpPages checks catchUp end to end over several pages: every
// article indexed, and the seq of the last change kept in the index, so
// that it opens caught up.
func TestCatchUpPages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := openTestStore(t, dir)
	n := 3*changesPage + 17
	putArticles(t, st, syntheticArticles(n))
	last, err := st.LastSeq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ixDir := fmt.Sprintf("%s/ix", dir)
	ix, err := Create(ixDir)
	if err != nil {
		t.Fatal(err)
	}
	written, err := catchUp(ctx, st, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	if written != n || ix.LastSeq() != last {
		t.Errorf("catchUp wrote %d changes up to seq %d, want %d up to %d", written, ix.LastSeq(), n, last)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(ixDir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	articles, _, err := ix.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ix.LastSeq() != last || articles != uint64(n) {
		t.Errorf("reopened: seq %d, %d articles; want %d, %d", ix.LastSeq(), articles, last, n)
	}
}
