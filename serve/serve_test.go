package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/store"
	"github.com/dyad-org/dyad/store/synth"
)

// newServer serves a store of 40 synthetic articles of 5 events each.
func newServer(t *testing.T, o Options) (*httptest.Server, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := synth.Fill(ctx, st, 40, 5, 1); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(st, o))
	t.Cleanup(srv.Close)
	return srv, st
}

func get(t *testing.T, srv *httptest.Server, path string, into any) int {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") && !strings.HasSuffix(path, ".yaml") {
		t.Errorf("%s: content type %q", path, ct)
	}
	if into != nil {
		if err := json.Unmarshal(body, into); err != nil && !strings.HasSuffix(path, ".yaml") {
			t.Fatalf("%s: %v\n%s", path, err, body)
		}
	}
	return resp.StatusCode
}

type eventPage struct {
	Events []struct {
		ID        string
		Date      string
		Root      string
		QuadClass int `json:"quad_class"`
		Source    struct{ Code string }
		Target    struct{ Code string }
	}
	Next string
}

func TestEventsFiltersAndPages(t *testing.T) {
	srv, _ := newServer(t, Options{})
	var all eventPage
	if code := get(t, srv, "/api/events?limit=500", &all); code != 200 || len(all.Events) != 200 || all.Next != "" {
		t.Fatalf("all events: %d, %d, next %q", code, len(all.Events), all.Next)
	}
	var byActor eventPage
	get(t, srv, "/api/events?actor=IRNGOV&root=19&limit=500", &byActor)
	for _, e := range byActor.Events {
		if e.Root != "19" || (e.Source.Code != "IRNGOV" && e.Target.Code != "IRNGOV") {
			t.Errorf("filter let through %+v", e)
		}
	}
	// Walking pages of 7 gives every event once, newest first.
	seen := map[string]bool{}
	last := "9999"
	for cursor := ""; ; {
		var p eventPage
		get(t, srv, "/api/events?limit=7&cursor="+url.QueryEscape(cursor), &p)
		for _, e := range p.Events {
			if seen[e.ID] || e.Date > last {
				t.Fatalf("page order broken at %s", e.ID)
			}
			seen[e.ID], last = true, e.Date
		}
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	if len(seen) != 200 {
		t.Errorf("pages gave %d events, want 200", len(seen))
	}
}

func TestBadParametersAre400(t *testing.T) {
	srv, _ := newServer(t, Options{})
	for path, want := range map[string]string{
		"/api/events?from=2024-13-01":               "parameter from",
		"/api/events?quad=5":                        "parameter quad",
		"/api/events?limit=0":                       "parameter limit",
		"/api/events?actr=IRNGOV":                   `unknown parameter "actr"`,
		"/api/events?root=1&root=2":                 "given 2 times",
		"/api/events?cursor=zzz":                    "parameter cursor",
		"/api/events?code=12345":                    "parameter code",
		"/api/events?from=2024-05-01&to=2024-01-01": "from is after to",
		"/api/dyad?a=IRNGOV":                        "both actors",
		"/api/search":                               "parameter q",
	} {
		var body struct{ Error string }
		if code := get(t, srv, path, &body); code != 400 || !strings.Contains(body.Error, want) {
			t.Errorf("%s: %d %q, want 400 with %q", path, code, body.Error, want)
		}
	}
	var body struct{ Error string }
	if code := get(t, srv, "/api/articles/nope", &body); code != 404 {
		t.Errorf("missing article: %d", code)
	}
	if code := get(t, srv, "/api/nothing", &body); code != 404 || !strings.Contains(body.Error, "openapi") {
		t.Errorf("unknown endpoint: %d %q", code, body.Error)
	}
}

func TestAggregates(t *testing.T) {
	srv, _ := newServer(t, Options{})
	var stats store.Stats
	get(t, srv, "/api/stats", &stats)
	if stats.Articles != 40 || stats.Events != 200 || stats.Quotes != 40 || stats.First == "" {
		t.Errorf("stats %+v", stats)
	}
	var tl struct{ Days []store.DayQuad }
	get(t, srv, "/api/timeline", &tl)
	total := 0
	for _, d := range tl.Days {
		total += d.Count
	}
	if total != 200 {
		t.Errorf("timeline counts %d events, want 200", total)
	}
	var dy struct {
		Series []store.DyadDay
		Events []json.RawMessage
	}
	get(t, srv, "/api/dyad?a=IRNGOV&b=ISRGOV&limit=500", &dy)
	n := 0
	for _, d := range dy.Series {
		n += d.AToB + d.BToA
	}
	var both eventPage
	get(t, srv, "/api/events?actor=IRNGOV&limit=500", &both)
	want := 0
	for _, e := range both.Events {
		if e.Source.Code == "ISRGOV" || e.Target.Code == "ISRGOV" {
			want++
		}
	}
	if n != want || len(dy.Events) != want {
		t.Errorf("dyad: series %d, events %d, want %d", n, len(dy.Events), want)
	}
	var net struct {
		Nodes []store.Node
		Edges []store.Edge
	}
	get(t, srv, "/api/network?min=2", &net)
	if len(net.Nodes) == 0 || len(net.Edges) == 0 || net.Edges[0].Events < 2 {
		t.Errorf("network %+v", net)
	}
	var cs struct{ Countries []store.CountryCount }
	get(t, srv, "/api/countries", &cs)
	if len(cs.Countries) < 5 {
		t.Errorf("countries %+v", cs)
	}
	var search struct {
		Articles []store.ArticleSummary
		Quotes   []json.RawMessage
	}
	get(t, srv, "/api/search?q=spokesperson", &search)
	if len(search.Articles) == 0 {
		t.Errorf("search found nothing")
	}
	var art struct {
		Article store.Article
		Events  []json.RawMessage
	}
	if code := get(t, srv, "/api/articles/"+url.PathEscape(search.Articles[0].ID), &art); code != 200 || len(art.Events) != 5 {
		t.Errorf("article: %d, %d events", code, len(art.Events))
	}
	if code := get(t, srv, "/api/openapi.yaml", nil); code != 200 {
		t.Errorf("openapi: %d", code)
	}
}

func TestPostNeedsToken(t *testing.T) {
	woken := 0
	srv, st := newServer(t, Options{Token: "s3cret", Enqueued: func() { woken++ }})
	post := func(token, body string) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/articles", strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	line := `{"id":"p1","text":"Police arrested ten protesters in the capital.","published":"2024-03-01"}` + "\n"
	if code, _ := post("", line); code != 401 {
		t.Errorf("no token: %d", code)
	}
	if code, _ := post("wrong", line); code != 401 {
		t.Errorf("wrong token: %d", code)
	}
	code, body := post("s3cret", line+"{bad json\n")
	if code != 202 || !strings.Contains(body, `"outcome":"added"`) || !strings.Contains(body, "request.jsonl:2") || woken != 1 {
		t.Errorf("post: %d %s (woken %d)", code, body, woken)
	}
	if code, body := post("s3cret", line); code != 202 || !strings.Contains(body, `"outcome":"exists"`) {
		t.Errorf("second post: %d %s", code, body)
	}
	if c, _ := st.Counts(context.Background()); c.Pending != 1 {
		t.Errorf("posted article not queued: %+v", c)
	}
	ro, _ := newServer(t, Options{})
	req, _ := http.NewRequest(http.MethodPost, ro.URL+"/api/articles", strings.NewReader(line))
	req.Header.Set("Authorization", "Bearer s3cret")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("read-only server took a post: %v %v", resp.StatusCode, err)
	}
}

func TestListingIsJSONWithNextFirst(t *testing.T) {
	for _, docs := range [][]json.RawMessage{nil, {json.RawMessage(`{"id":"a<b"}`), json.RawMessage(`{"id":"c"}`)}} {
		body := listing("events", docs, "ZGF5fDE")
		var got struct {
			Next   string
			Events []map[string]string
		}
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if got.Next != "ZGF5fDE" || len(got.Events) != len(docs) || got.Events == nil {
			t.Errorf("%s: read back as %+v", body, got)
		}
		if !bytes.HasPrefix(body, []byte(`{"next":`)) {
			t.Errorf("%s: next is not first", body)
		}
	}
}

// TestAnswersFollowTheStore reads the same views before and after the store
// changes: what is kept while it is unchanged is never served after.
func TestAnswersFollowTheStore(t *testing.T) {
	srv, st := newServer(t, Options{})
	var before, again, after struct{ Events int }
	var page1, page2 struct{ Events []json.RawMessage }
	get(t, srv, "/api/stats", &before)
	get(t, srv, "/api/events?limit=500", &page1)
	get(t, srv, "/api/stats", &again)
	if again != before {
		t.Fatalf("unchanged store, other answer: %+v, then %+v", before, again)
	}
	if err := synth.Fill(context.Background(), st, 3, 5, 99); err != nil {
		t.Fatal(err)
	}
	get(t, srv, "/api/stats", &after)
	get(t, srv, "/api/events?limit=500", &page2)
	if after.Events != before.Events+15 {
		t.Errorf("after 15 events more: %d events, before %d", after.Events, before.Events)
	}
	if len(page2.Events) != len(page1.Events)+15 {
		t.Errorf("listed %d events, then %d after 15 more were stored", len(page1.Events), len(page2.Events))
	}
}
