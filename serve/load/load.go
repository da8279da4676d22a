// Package load drives a dyad API with concurrent clients, as analysts'
// browsers and scripts would, and reports the latency of their requests.
// It only talks to loopback addresses: it is a benchmark of this machine's
// server, not a tool to load someone else's.
package load

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// Options say how hard and how long to drive the server.
type Options struct {
	Clients  int           // concurrent clients, each with one request in flight
	Duration time.Duration // how long the clients run
	Seed     uint64        // seed of the clients' choice of queries
}

// Result is what the clients saw.
type Result struct {
	Requests, Errors int
	Elapsed          time.Duration
	P50, P90, P99    time.Duration
	Max              time.Duration
	// FirstError is the first failed request's error, for the report.
	FirstError string
	// Slowest are the queries of the highest mean latency, slowest first.
	Slowest []QueryLatency
}

// QueryLatency is the latency of one query (with its next pages).
type QueryLatency struct {
	Query     string
	Requests  int
	Mean, Max time.Duration
}

func (r Result) String() string {
	s := fmt.Sprintf("%d requests in %.1fs (%.0f/s), %d errors; latency p50 %s, p90 %s, p99 %s, max %s",
		r.Requests, r.Elapsed.Seconds(), float64(r.Requests)/r.Elapsed.Seconds(), r.Errors,
		ms(r.P50), ms(r.P90), ms(r.P99), ms(r.Max))
	if r.FirstError != "" {
		s += "; first error: " + r.FirstError
	}
	for _, q := range r.Slowest {
		s += fmt.Sprintf("\n  %8s mean, %8s max, %5d requests: %s", ms(q.Mean), ms(q.Max), q.Requests, q.Query)
	}
	return s
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

// Run sends queries to the API at base (http://host:port, a loopback
// address) from o.Clients clients until o.Duration has passed. A client
// picks each request from queries at random and, like a reader paging
// through a listing, follows the next page of an answer now and then.
func Run(ctx context.Context, base string, queries []string, o Options) (Result, error) {
	if err := loopbackOnly(base); err != nil {
		return Result{}, err
	}
	switch {
	case o.Clients < 1 || o.Clients > 10000:
		return Result{}, fmt.Errorf("clients %d: want 1 to 10000", o.Clients)
	case o.Duration <= 0:
		return Result{}, fmt.Errorf("duration %s: want a positive time", o.Duration)
	case len(queries) == 0:
		return Result{}, fmt.Errorf("no queries to send")
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: o.Clients, MaxConnsPerHost: o.Clients},
	}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()

	latencies := make([][]time.Duration, o.Clients)
	kinds := make([][]int, o.Clients) // which query each latency is of
	errs := make([]int, o.Clients)
	var firstErr sync.Once
	var first string
	var wg sync.WaitGroup
	start := time.Now()
	for c := range o.Clients {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(o.Seed, uint64(c)))
			next, kind := "", 0
			var buf bytes.Buffer // one body at a time, its memory reused
			for ctx.Err() == nil {
				q := next
				if next == "" || r.IntN(3) != 0 {
					kind = r.IntN(len(queries))
					q = queries[kind]
				}
				t0 := time.Now()
				cursor, err := get(ctx, client, base+q, &buf)
				if ctx.Err() != nil {
					return // a request cut off at the end is not counted
				}
				latencies[c] = append(latencies[c], time.Since(t0))
				kinds[c] = append(kinds[c], kind)
				if err != nil {
					errs[c]++
					firstErr.Do(func() { first = err.Error() })
					continue
				}
				next = ""
				if cursor != "" {
					next = withCursor(q, cursor)
				}
			}
		})
	}
	wg.Wait()
	res := Result{Elapsed: time.Since(start), FirstError: first}
	var all []time.Duration
	per := make([]QueryLatency, len(queries))
	for c := range o.Clients {
		all = append(all, latencies[c]...)
		res.Errors += errs[c]
		for i, d := range latencies[c] {
			q := &per[kinds[c][i]]
			q.Requests++
			q.Mean += d // the sum, until divided below
			q.Max = max(q.Max, d)
		}
	}
	for i := range per {
		per[i].Query = queries[i]
		if per[i].Requests > 0 {
			per[i].Mean /= time.Duration(per[i].Requests)
		}
	}
	slices.SortFunc(per, func(a, b QueryLatency) int { return int(b.Mean - a.Mean) })
	res.Slowest = per[:min(8, len(per))]
	res.Requests = len(all)
	if len(all) == 0 {
		return res, fmt.Errorf("no request finished in %s", o.Duration)
	}
	slices.Sort(all)
	at := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	res.P50, res.P90, res.P99, res.Max = at(0.50), at(0.90), at(0.99), all[len(all)-1]
	return res, nil
}

// get fetches one listing and returns its next-page cursor, if any.
func get(ctx context.Context, client *http.Client, u string, buf *bytes.Buffer) (string, error) {
	if err := fetch(ctx, client, u, buf); err != nil {
		return "", err
	}
	return nextOf(buf.Bytes())
}

// nextOf reads a listing's cursor. The API writes it first, so a client
// need not parse the records to page on.
func nextOf(body []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	var key, next json.Token
	_, err := dec.Token()
	if err == nil {
		key, err = dec.Token()
	}
	if err == nil && key == "next" {
		next, err = dec.Token()
		if s, ok := next.(string); ok && err == nil {
			return s, nil
		}
	}
	var page struct {
		Next string `json:"next"`
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return "", fmt.Errorf("not a listing: %v", err)
	}
	return page.Next, nil
}

func withCursor(query, cursor string) string {
	u, err := url.Parse(query)
	if err != nil {
		return ""
	}
	v := u.Query()
	v.Set("cursor", cursor)
	u.RawQuery = v.Encode()
	return u.String()
}

func loopbackOnly(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("server %q: %v", base, err)
	}
	if u.Scheme != "http" {
		return fmt.Errorf("server %q: want an http:// address", base)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("server %q: the load generator only drives loopback addresses", base)
	}
	return nil
}

// EventQueries asks the server at base what it holds (its actors, dyads,
// countries, roots and dates) and makes the event queries an analyst would
// send about it: by actor, dyad, country, root, quad class, period and
// words, alone and combined.
func EventQueries(ctx context.Context, base string) ([]string, error) {
	if err := loopbackOnly(base); err != nil {
		return nil, err
	}
	var stats struct{ First, Last string }
	var network struct {
		Nodes []struct{ Code string }
		Edges []struct{ Source, Target string }
	}
	var countries struct{ Countries []struct{ Country string } }
	var latest struct {
		Events []struct {
			Root     string
			Evidence struct{ Trigger string }
		}
	}
	for path, v := range map[string]any{"/api/stats": &stats, "/api/network": &network,
		"/api/countries": &countries, "/api/events?limit=200": &latest} {
		if err := getJSON(ctx, http.DefaultClient, base+path, v); err != nil {
			return nil, err
		}
	}
	first, err1 := time.Parse(time.DateOnly, stats.First)
	last, err2 := time.Parse(time.DateOnly, stats.Last)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("the store holds no dated events to query")
	}
	r := rand.New(rand.NewPCG(1, 2))
	period := func() string {
		days := int(last.Sub(first).Hours() / 24)
		from := first.AddDate(0, 0, r.IntN(days+1))
		return "from=" + from.Format(time.DateOnly) + "&to=" + from.AddDate(0, 0, 30).Format(time.DateOnly)
	}
	qs := []string{"/api/events", "/api/events?limit=200"}
	for quad := 1; quad <= 4; quad++ {
		qs = append(qs, fmt.Sprintf("/api/events?quad=%d", quad), fmt.Sprintf("/api/events?quad=%d&%s", quad, period()))
	}
	for range 10 {
		qs = append(qs, "/api/events?"+period())
	}
	for i, n := range network.Nodes[:min(12, len(network.Nodes))] {
		a := url.QueryEscape(n.Code)
		qs = append(qs, "/api/events?actor="+a, "/api/events?actor="+a+"&"+period(),
			"/api/events?source="+a, fmt.Sprintf("/api/events?actor=%s&quad=%d", a, 1+i%4))
	}
	for _, e := range network.Edges[:min(12, len(network.Edges))] {
		qs = append(qs, "/api/events?source="+url.QueryEscape(e.Source)+"&target="+url.QueryEscape(e.Target))
	}
	for _, c := range countries.Countries[:min(10, len(countries.Countries))] {
		qs = append(qs, "/api/events?country="+url.QueryEscape(c.Country), "/api/events?country="+url.QueryEscape(c.Country)+"&"+period())
	}
	roots, words := map[string]bool{}, map[string]bool{}
	for _, e := range latest.Events {
		if e.Root != "" && !roots[e.Root] {
			roots[e.Root] = true
			qs = append(qs, "/api/events?root="+e.Root, "/api/events?root="+e.Root+"&"+period())
		}
		if w := e.Evidence.Trigger; len(w) > 3 && !words[w] && len(words) < 10 {
			words[w] = true
			qs = append(qs, "/api/events?q="+url.QueryEscape(w))
		}
	}
	return qs, nil
}

func getJSON(ctx context.Context, client *http.Client, u string, v any) error {
	var buf bytes.Buffer
	if err := fetch(ctx, client, u, &buf); err != nil {
		return err
	}
	if err := json.Unmarshal(buf.Bytes(), v); err != nil {
		return fmt.Errorf("GET %s: not the JSON expected: %v", u, err)
	}
	return nil
}

// fetch reads the body of a GET of u into buf.
func fetch(ctx context.Context, client *http.Client, u string, buf *bytes.Buffer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s: %.200s", u, resp.Status, buf.Bytes())
	}
	return nil
}
