package serve

import (
	"context"
	"net/http"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"

	"github.com/dyad-org/dyad/store"
)

// answers keeps the bodies of recent answers to GET requests for as long
// as the store's version is the one they were read at: analysts open the
// same views and pages again and again, and an aggregate over a million
// events takes the store a second to count. Any change to the store (an
// article coded by any worker, on any machine) changes its version and
// empties the cache.
type answers struct {
	mu      sync.Mutex
	version string
	bodies  *lru.Cache[string, []byte]
	reads   singleflight.Group
}

// storeVersion reads st's version; requests that come while a read is
// under way share it, rather than each asking the store again.
func (a *answers) storeVersion(ctx context.Context, st *store.Store) (string, error) {
	// One request giving up must not fail the others that share its read.
	v, err, _ := a.reads.Do("", func() (any, error) { return st.Version(context.WithoutCancel(ctx)) })
	if err != nil {
		return "", err
	}
	return v.(string), nil
}

const (
	cachedAnswers = 1024
	// largestCached bounds what one answer may hold of the cache's memory
	// (and so the cache's, to cachedAnswers times this).
	largestCached = 256 << 10
)

func newAnswers() *answers {
	c, err := lru.New[string, []byte](cachedAnswers)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &answers{bodies: c}
}

func cacheKey(r *http.Request) string { return r.URL.Path + "?" + r.URL.RawQuery }

// get returns the body kept for r at version, if any.
func (a *answers) get(version string, r *http.Request) ([]byte, bool) {
	a.mu.Lock()
	if version != a.version {
		a.version = version
		a.bodies.Purge()
	}
	a.mu.Unlock()
	return a.bodies.Get(cacheKey(r))
}

// put keeps body as the answer to r at version.
func (a *answers) put(version string, r *http.Request, body []byte) {
	if len(body) > largestCached {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if version == a.version {
		a.bodies.Add(cacheKey(r), body)
	}
}
