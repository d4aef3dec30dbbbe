package engine

import (
	"context"
	"sync"
)

// A phrase search reads its candidates' bodies to check them, and then its
// hits' bodies again for their snippets. A search keeps the bodies it read
// (up to bodyMemoBytes), so that the second reading finds them.
const bodyMemoBytes = 8 << 20

type bodyMemo struct {
	mu    sync.Mutex
	m     map[string]string
	bytes int
}

type bodyMemoKey struct{}

// withBodyMemo gives a search's context a place to keep bodies.
func withBodyMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, bodyMemoKey{}, &bodyMemo{m: map[string]string{}})
}

// WithBody gives ctx an article's body that the caller has read from the
// store already, so that reading the article (its quotations are cut
// from the body) does not read it again.
func WithBody(ctx context.Context, id, body string) context.Context {
	memo, _ := ctx.Value(bodyMemoKey{}).(*bodyMemo)
	if memo == nil {
		ctx = withBodyMemo(ctx)
		memo = ctx.Value(bodyMemoKey{}).(*bodyMemo)
	}
	memo.mu.Lock()
	defer memo.mu.Unlock()
	if _, ok := memo.m[id]; !ok && memo.bytes+len(body) <= bodyMemoBytes {
		memo.m[id] = body
		memo.bytes += len(body)
	}
	return ctx
}

// readBodies reads the bodies of articles from the store, or from those the
// search has read already.
func (e *Engine) readBodies(ctx context.Context, ids []string) (map[string]string, error) {
	memo, _ := ctx.Value(bodyMemoKey{}).(*bodyMemo)
	if memo == nil {
		return chargeTexts(ctx, bodiesRead)(e.bodies(ctx, ids))
	}
	out := make(map[string]string, len(ids))
	var missing []string
	memo.mu.Lock()
	for _, id := range ids {
		if b, ok := memo.m[id]; ok {
			out[id] = b
		} else {
			missing = append(missing, id)
		}
	}
	memo.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	read, err := chargeTexts(ctx, bodiesRead)(e.bodies(ctx, missing))
	if err != nil {
		return nil, err
	}
	memo.mu.Lock()
	defer memo.mu.Unlock()
	for id, b := range read {
		out[id] = b
		if memo.bytes+len(b) <= bodyMemoBytes {
			memo.m[id] = b
			memo.bytes += len(b)
		}
	}
	return out, nil
}
