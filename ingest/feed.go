package ingest

import (
	"bytes"
	"context"
	"fmt"

	"github.com/mmcdole/gofeed"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/store"
)

// Feeds polls RSS and Atom feeds into a store's queue.
type Feeds struct {
	Store   *store.Store
	Fetcher *Fetcher
	Read    article.Options
	// OnErr is told of each feed or page that could not be read.
	OnErr func(error)
}

// Poll reads each feed once: every item whose link the store does not hold
// yet is fetched, its article text extracted and enqueued. An item's title
// and date stand in for those the page does not give.
func (f *Feeds) Poll(ctx context.Context, feedURLs []string) (Read, error) {
	var total Read
	for _, u := range feedURLs {
		r, err := f.poll(ctx, u)
		total.Added += r.Added
		total.Exists += r.Exists
		total.Copies += r.Copies
		total.Bad += r.Bad
		if err != nil {
			if ctx.Err() != nil {
				return total, ctx.Err()
			}
			total.Bad++
			f.OnErr(fmt.Errorf("feed %s: %w", u, err))
		}
	}
	return total, nil
}

func (f *Feeds) poll(ctx context.Context, feedURL string) (Read, error) {
	var r Read
	body, _, _, err := f.Fetcher.Get(ctx, feedURL)
	if err != nil {
		return r, err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return r, err
	}
	for _, item := range feed.Items {
		if ctx.Err() != nil {
			return r, ctx.Err()
		}
		if item.Link == "" {
			continue
		}
		known, err := f.Store.HasURL(ctx, item.Link)
		if err != nil {
			return r, err
		}
		if known {
			r.Exists++
			continue
		}
		a, err := f.page(ctx, item, feed.Title)
		if err != nil {
			r.Bad++
			f.OnErr(fmt.Errorf("feed %s: item %s: %w", feedURL, item.Link, err))
			continue
		}
		es, err := f.Store.Enqueue(ctx, []article.Article{a})
		if err != nil {
			return r, err
		}
		r.count(es)
	}
	return r, nil
}

// page fetches an item's page and extracts its article.
func (f *Feeds) page(ctx context.Context, item *gofeed.Item, feedTitle string) (article.Article, error) {
	body, final, _, err := f.Fetcher.Get(ctx, item.Link)
	if err != nil {
		return article.Article{}, err
	}
	o := f.Read
	if item.PublishedParsed != nil {
		o.Published = item.PublishedParsed.UTC()
	}
	if o.Publisher == "" {
		o.Publisher = feedTitle
	}
	arts, err := article.ReadOne(bytes.NewReader(body), final, article.HTML, o)
	if err != nil {
		return article.Article{}, err
	}
	if len(arts) == 0 {
		return article.Article{}, article.ErrNoText
	}
	a := arts[0]
	a.ID, a.URL = item.Link, item.Link // the link the feed gives is what the store knows the item by
	if a.Title == "" {
		a.Title = item.Title
	}
	return a, nil
}
