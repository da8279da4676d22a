// Package ingest fills a store: it reads articles from files, directories
// and feeds into the store's queue, and codes what is queued. Reading and
// coding are apart so that any number of workers, in one process or on
// several machines sharing a PostgreSQL store, can code one queue: each
// article is leased to one worker at a time and stored once.
package ingest

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/coding"
	"github.com/dyad-org/dyad/store"
)

// enqueueBatch is how many articles are stored per transaction: large
// enough that a commit's sync costs little per article, small enough that
// an interrupted read re-reads little.
const enqueueBatch = 64

// Read counts what reading inputs did.
type Read struct {
	Added, Exists, Copies, Bad int
}

func (r Read) String() string {
	return fmt.Sprintf("%d new, %d already stored, %d copies linked, %d bad inputs", r.Added, r.Exists, r.Copies, r.Bad)
}

func (r *Read) count(es []store.Enqueued) {
	for _, e := range es {
		switch e.Outcome {
		case store.Added:
			r.Added++
		case store.Exists:
			r.Exists++
		case store.Copied:
			r.Copies++
		}
	}
}

// Enqueue reads the articles of paths (as article.Read does) into st's
// queue. Each bad input is passed to onErr and reading goes on. An article
// is acknowledged once Enqueue has stored its batch; one stored already is
// not stored again.
func Enqueue(ctx context.Context, st *store.Store, paths []string, o article.Options, onErr func(error)) (Read, error) {
	var r Read
	var batch []article.Article
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		es, err := st.Enqueue(ctx, batch)
		if err != nil {
			return err
		}
		r.count(es)
		batch = batch[:0]
		return nil
	}
	err := article.Read(ctx, paths, o, func(a article.Article) error {
		batch = append(batch, a)
		if len(batch) == enqueueBatch {
			return flush()
		}
		return nil
	}, func(err error) {
		r.Bad++
		onErr(err)
	})
	if err == nil {
		err = flush()
	}
	return r, err
}

// Worker codes the articles of a store's queue.
type Worker struct {
	Store *store.Store
	Coder coding.ArticleCoder
	// Name identifies the worker in the store's leases; it must differ
	// between workers. NewName makes one.
	Name string
	// Workers is how many articles are coded at once (at least 1).
	Workers int
	// Lease is how long a claimed article is the worker's before another
	// may take it; the worker renews it until the article is stored. A
	// worker that dies holds its articles up for at most this long.
	Lease time.Duration
	// OnFailed is called for each article the coder fails on.
	OnFailed func(error)
}

// NewName makes a worker name unique to this process.
func NewName() string {
	host, _ := os.Hostname()
	return host + ":" + strconv.Itoa(os.Getpid()) + ":" + strconv.FormatInt(time.Now().UnixNano(), 36)
}

// Coded counts what a worker stored.
type Coded struct {
	Articles, Failed, Events, Quotes int
}

func (c Coded) String() string {
	return fmt.Sprintf("%d articles coded (%d failed), %d events, %d quotes", c.Articles, c.Failed, c.Events, c.Quotes)
}

// Drain codes queued articles until the queue is empty or ctx ends. While
// other workers hold leases it waits: they may finish, or die and leave
// their articles to be claimed when the leases end.
//
// A batch is stored while the next is coded: a commit waits for the disk
// to sync, and the cores would idle. So a worker holds at most two batches
// at once, the one being stored and the one being coded; a worker that
// dies has them coded again by another when their leases end.
func (w *Worker) Drain(ctx context.Context) (total Coded, err error) {
	batch := BatchSize(w.Workers)
	var st storing
	defer func() {
		// A batch coded is stored and counted, even when ctx has ended.
		if werr := st.wait(&total, w.OnFailed); err == nil {
			err = werr
		}
	}()
	for {
		var claimed []store.Claimed
		claimed, err = w.Store.Claim(ctx, w.Name, batch, w.Lease)
		if err != nil {
			return total, err
		}
		if len(claimed) == 0 {
			leased, err := w.Store.Leased(ctx)
			if err != nil || leased == 0 {
				return total, err
			}
			select {
			case <-ctx.Done():
				return total, ctx.Err()
			case <-time.After(min(w.Lease/4, time.Second)):
			}
			continue
		}
		for len(claimed) > 0 {
			// The batch's leases are renewed from now until it is stored.
			release := w.renew(ctx, claimed)
			coded := w.code(ctx, claimed)
			if ctx.Err() != nil {
				// Leave the batch to be claimed again: what is half done is
				// not acknowledged, and a restart codes it afresh.
				release()
				return total, ctx.Err()
			}
			if err := st.wait(&total, w.OnFailed); err != nil {
				release()
				return total, err
			}
			// The next batch is claimed before this one is stored, so that
			// the claim does not wait for the store's commit.
			claimed, err = w.Store.Claim(ctx, w.Name, batch, w.Lease)
			st.start(context.WithoutCancel(ctx), w, coded, release)
			if err != nil {
				return total, err
			}
		}
		if err := st.wait(&total, w.OnFailed); err != nil {
			return total, err
		}
	}
}

// BatchSize is how many articles a worker with n coding goroutines claims,
// codes and stores at a time. A batch is stored in one transaction: a
// larger one commits (and syncs) less often, a smaller one leaves less to
// code again when a worker dies holding it. Storing 64 articles a
// transaction rather than 16 takes a quarter less processor time per
// article (BenchmarkFill in store/synth), and holds a second of coding.
func BatchSize(n int) int { return max(64, 16*n) }

// storing is the batch a worker is storing while it codes the next.
type storing struct {
	coded []store.Coded
	done  chan error
}

// start stores coded in the background, then calls release.
func (st *storing) start(ctx context.Context, w *Worker, coded []store.Coded, release func()) {
	st.coded, st.done = coded, make(chan error, 1)
	go func() {
		_, err := w.Store.Complete(ctx, w.Name, coded)
		release()
		st.done <- err
	}()
}

// wait waits for the batch being stored, if any, and counts it into total.
func (st *storing) wait(total *Coded, onFailed func(error)) error {
	if st.done == nil {
		return nil
	}
	err := <-st.done
	coded := st.coded
	*st = storing{}
	if err != nil {
		return fmt.Errorf("storing coded articles: %w", err)
	}
	for i := range coded {
		c := &coded[i]
		if c.Err != nil {
			total.Failed++
			if onFailed != nil {
				onFailed(c.Err)
			}
			continue
		}
		total.Articles++
		total.Events += len(c.Result.Events)
		total.Quotes += len(c.Result.Quotes)
	}
	return nil
}

// renew renews the leases of a claimed batch until the returned release
// is called: while the batch is coded, waits for the one before it to be
// stored, and is stored itself, however long that takes.
func (w *Worker) renew(ctx context.Context, claimed []store.Claimed) (release func()) {
	ids := make([]int64, len(claimed))
	for i, c := range claimed {
		ids[i] = c.ID
	}
	ctx = context.WithoutCancel(ctx) // a batch being stored keeps its leases after ctx ends
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(w.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				w.Store.Renew(ctx, w.Name, ids, w.Lease) // a failed renewal only risks a lost lease, which Complete handles
			case <-stop:
				return
			}
		}
	}()
	return sync.OnceFunc(func() { close(stop) })
}

// code codes a claimed batch with w.Workers goroutines.
func (w *Worker) code(ctx context.Context, claimed []store.Claimed) []store.Coded {
	coded := make([]store.Coded, len(claimed))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, w.Workers) {
		wg.Go(func() {
			for i := range next {
				res, err := coding.Safely(w.Coder, claimed[i].Article)
				coded[i] = store.Coded{ID: claimed[i].ID, Result: res, Err: err}
			}
		})
	}
	for i := range claimed {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return coded
}
