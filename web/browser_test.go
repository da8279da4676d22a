package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/dyad-org/dyad/serve"
	"github.com/dyad-org/dyad/store"
	"github.com/dyad-org/dyad/store/synth"
	"github.com/dyad-org/dyad/web"
)

const chromium = "/usr/bin/chromium"

// The JSON the tests compare the pages with.
type (
	actor struct {
		Text string `json:"text"`
		Code string `json:"code"`
	}
	event struct {
		ID        string `json:"id"`
		ArticleID string `json:"article_id"`
		Source    *actor `json:"source"`
		Target    *actor `json:"target"`
		Evidence  struct {
			Trigger string `json:"trigger"`
		} `json:"evidence"`
	}
	quote struct {
		Text    string `json:"text"`
		Speaker *actor `json:"speaker"`
	}
	network struct {
		Nodes []struct {
			Code   string `json:"code"`
			Events int    `json:"events"`
		} `json:"nodes"`
		Edges []struct {
			Source string `json:"source"`
			Target string `json:"target"`
		} `json:"edges"`
	}
)

// browser is the one headless Chromium tab that the subtests share, with
// the server it reads and the JavaScript errors the page reported.
type browser struct {
	tab   context.Context
	base  string
	shots string

	mu     sync.Mutex
	errors []string
}

// TestBrowser drives every view of the UI over a synthetic store in headless
// Chromium, compares what the pages show with what the API returns, and
// saves a screenshot of each view.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		// CI installs the browser and sets this, so that a missing browser
		// fails there instead of passing silently.
		if os.Getenv("DYAD_BROWSER_TESTS") == "1" {
			t.Fatalf("DYAD_BROWSER_TESTS=1 but no browser: %v", err)
		}
		t.Skipf("no browser at %s", chromium)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := synth.Fill(ctx, st, 300, 4, 7); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(serve.New(st, serve.Options{UI: web.Handler(), Log: quiet}))
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// The network here is closed: without these, Chromium keeps trying
		// to reach Google's services and stalls.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	b := &browser{tab: tab, base: srv.URL, shots: screenshotDir(t)}
	if err := chromedp.Listen(tab, b.listen); err != nil {
		t.Fatal(err)
	}
	start, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(start, chromedp.Navigate(srv.URL+"/#/timeline")); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", b.shots)

	for _, tc := range []struct {
		name string
		test func(*testing.T, *browser, context.Context)
	}{
		{"Timeline", testTimeline},
		{"EventsAndArticle", testEvents},
		{"Network", testNetwork},
		{"Map", testMap},
		{"Dyad", testDyad},
		{"Quotes", testQuotes},
		{"Search", testSearch},
		{"BadFilter", testBadFilter},
		{"Keyboard", testKeyboard},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(tab, 20*time.Second)
			defer cancel()
			tc.test(t, b, ctx)
			for _, e := range b.takeErrors() {
				t.Errorf("JavaScript error: %s", e)
			}
		})
	}
}

func screenshotDir(t *testing.T) string {
	dir := os.Getenv("DYAD_SCREENSHOTS")
	if dir == "" {
		// Not t.TempDir: a person should be able to look at them afterwards.
		dir = filepath.Join(os.TempDir(), "dyad-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// listen records uncaught exceptions and console errors. It runs on the
// browser's reading goroutine, so it only appends.
func (b *browser) listen(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg = d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		msg = fmt.Sprintf("%s (%s:%d)", msg, d.URL, d.LineNumber+1)
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			if a.Description != "" {
				parts = append(parts, a.Description)
			} else {
				parts = append(parts, string(a.Value))
			}
		}
		msg = "console." + string(ev.Type) + ": " + strings.Join(parts, " ")
	default:
		return
	}
	b.mu.Lock()
	b.errors = append(b.errors, msg)
	b.mu.Unlock()
}

func (b *browser) takeErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	errs := b.errors
	b.errors = nil
	return errs
}

// open shows the view of hash and waits until the page has drawn it.
func (b *browser) open(t *testing.T, ctx context.Context, hash string) {
	t.Helper()
	js, _ := json.Marshal(hash)
	do(t, ctx, chromedp.Evaluate[chromedp.Void]("location.hash = "+string(js)))
	b.waitRendered(t, ctx)
}

// waitRendered waits until the view of the current hash is drawn, which the
// app marks on the root element.
func (b *browser) waitRendered(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, chromedp.Poll[chromedp.Void](`document.documentElement.dataset.rendered === location.hash`,
		chromedp.WithPollingInterval(20*time.Millisecond)))
}

// waitHash waits until the page shows the view of hash, after a click.
func (b *browser) waitHash(t *testing.T, ctx context.Context, hash string) {
	t.Helper()
	js, _ := json.Marshal(hash)
	do(t, ctx, chromedp.Poll[chromedp.Void](`location.hash === `+string(js)+
		` && document.documentElement.dataset.rendered === location.hash`, chromedp.WithPollingInterval(20*time.Millisecond)))
}

func (b *browser) screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png := run(t, ctx, chromedp.FullScreenshot(100)) // quality 100 is PNG
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func (b *browser) api(t *testing.T, path string, into any) {
	t.Helper()
	resp, err := http.Get(b.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[T](js))
}

func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	js, _ := json.Marshal(sel)
	return eval[int](t, ctx, "document.querySelectorAll("+string(js)+").length")
}

func testTimeline(t *testing.T, b *browser, ctx context.Context) {
	b.open(t, ctx, "#/timeline")
	var tl struct {
		Days []struct {
			Count int `json:"count"`
		} `json:"days"`
	}
	b.api(t, "/api/timeline", &tl)
	want := 0
	for _, d := range tl.Days {
		want += d.Count
	}
	if n := count(t, ctx, "#timeline-chart rect.bar"); n == 0 {
		t.Fatal("no timeline bars")
	}
	sum := `[...document.querySelectorAll("#timeline-chart rect.bar")].reduce((s, r) => s + Number(r.dataset.count), 0)`
	if got := eval[int](t, ctx, sum); got != want {
		t.Errorf("bars add up to %d events, the API has %d", got, want)
	}
	if d := eval[string](t, ctx, `document.querySelector("#goldstein-line").getAttribute("d")`); !strings.HasPrefix(d, "M") {
		t.Errorf("Goldstein line has no path: %q", d)
	}
	if n := count(t, ctx, "#quad-legend li"); n != 5 {
		t.Errorf("legend has %d entries, want 4 quad classes and the line", n)
	}
	b.screenshot(t, ctx, "timeline")

	// The filter bar narrows the chart: material conflict only.
	do(t, ctx, chromedp.SetValue(chromedp.ID("f-quad"), "4"), chromedp.Click(chromedp.ID("apply")))
	b.waitHash(t, ctx, "#/timeline?quad=4")
	if n := count(t, ctx, `#timeline-chart rect.bar:not([data-quad="4"])`); n != 0 {
		t.Errorf("%d bars of other quad classes after filtering on quad 4", n)
	}
	b.api(t, "/api/timeline?quad=4", &tl)
	want = 0
	for _, d := range tl.Days {
		want += d.Count
	}
	if got := eval[int](t, ctx, sum); got != want || want == 0 {
		t.Errorf("quad 4 bars add up to %d, the API has %d", got, want)
	}
}

func testEvents(t *testing.T, b *browser, ctx context.Context) {
	b.open(t, ctx, "#/events")
	var page struct {
		Events []event `json:"events"`
		Next   string  `json:"next"`
	}
	b.api(t, "/api/events?limit=50", &page)
	if n := count(t, ctx, "#events-table tr.event-row"); n != len(page.Events) || n == 0 {
		t.Fatalf("%d rows, the API's first page has %d events", n, len(page.Events))
	}
	ids := eval[[]string](t, ctx, `[...document.querySelectorAll("#events-table tr.event-row")].map(r => r.dataset.id)`)
	for i, e := range page.Events {
		if ids[i] != e.ID {
			t.Fatalf("row %d is %s, the API's event %d is %s", i, ids[i], i, e.ID)
		}
	}

	// Open the first row: its evidence marks the trigger, source and target.
	first := page.Events[0]
	do(t, ctx, chromedp.Click(chromedp.CSS("#events-table tr.event-row .toggle")))
	type marked struct {
		Trigger []string `json:"trigger"`
		Source  []string `json:"source"`
		Target  []string `json:"target"`
	}
	marks := eval[marked](t, ctx, `(() => {
		const d = document.querySelector("#events-table tr.event-detail:not([hidden])");
		const texts = role => [...d.querySelectorAll(".evidence mark.m-" + role)].map(m => m.textContent);
		return {trigger: texts("trigger"), source: texts("source"), target: texts("target")};
	})()`)
	if len(marks.Trigger) != 1 || marks.Trigger[0] != first.Evidence.Trigger {
		t.Errorf("trigger marks %q, want %q", marks.Trigger, first.Evidence.Trigger)
	}
	if len(marks.Source) != 1 || marks.Source[0] != first.Source.Text {
		t.Errorf("source marks %q, want %q", marks.Source, first.Source.Text)
	}
	if len(marks.Target) != 1 || marks.Target[0] != first.Target.Text {
		t.Errorf("target marks %q, want %q", marks.Target, first.Target.Text)
	}
	b.screenshot(t, ctx, "events")

	// "More" appends the next page.
	var second struct {
		Events []event `json:"events"`
	}
	b.api(t, "/api/events?limit=50&cursor="+url.QueryEscape(page.Next), &second)
	do(t, ctx, chromedp.Click(chromedp.ID("more")),
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelectorAll("#events-table tr.event-row").length === %d`,
			len(page.Events)+len(second.Events))))
	last := eval[string](t, ctx, `[...document.querySelectorAll("#events-table tr.event-row")].pop().dataset.id`)
	if want := second.Events[len(second.Events)-1].ID; last != want {
		t.Errorf("last row after More is %s, want %s", last, want)
	}

	// The row links to its article, which marks every event's words.
	do(t, ctx, chromedp.Click(chromedp.CSS("#events-table tr.event-detail:not([hidden]) a.article-link")))
	b.waitHash(t, ctx, "#/article/"+url.PathEscape(first.ArticleID))
	var art struct {
		Article struct {
			Title string `json:"title"`
		} `json:"article"`
		Events []event `json:"events"`
		Quotes []quote `json:"quotes"`
	}
	b.api(t, "/api/articles/"+url.PathEscape(first.ArticleID), &art)
	if got := eval[string](t, ctx, `document.querySelector("#article-title").textContent`); got != art.Article.Title {
		t.Errorf("article title %q, want %q", got, art.Article.Title)
	}
	triggers := eval[[]string](t, ctx, `[...document.querySelectorAll("#article-text mark.m-trigger")].map(m => m.textContent)`)
	sources := eval[[]string](t, ctx, `[...document.querySelectorAll("#article-text mark.m-source")].map(m => m.textContent)`)
	if len(triggers) != len(art.Events) || len(sources) != len(art.Events) {
		t.Fatalf("article marks %d triggers and %d sources, it has %d events", len(triggers), len(sources), len(art.Events))
	}
	for i, e := range art.Events {
		if triggers[i] != e.Evidence.Trigger || sources[i] != e.Source.Text {
			t.Errorf("event %d marked %q/%q, want %q/%q", i, triggers[i], sources[i], e.Evidence.Trigger, e.Source.Text)
		}
	}
	if n := count(t, ctx, "#article-text mark.m-quote"); n != len(art.Quotes) {
		t.Errorf("%d quotations marked, the article has %d", n, len(art.Quotes))
	}
	if n := count(t, ctx, "#article-events tr.event-row"); n != len(art.Events) {
		t.Errorf("%d event rows, the article has %d events", n, len(art.Events))
	}
	if n := count(t, ctx, "#article-quotes li.quote"); n != len(art.Quotes) {
		t.Errorf("%d quotes listed, the article has %d", n, len(art.Quotes))
	}
	b.screenshot(t, ctx, "article")
}

func testNetwork(t *testing.T, b *browser, ctx context.Context) {
	b.open(t, ctx, "#/network")
	var net network
	b.api(t, "/api/network", &net)
	if n := count(t, ctx, "#network a.node"); n != len(net.Nodes) || n == 0 {
		t.Fatalf("%d nodes drawn, the API has %d", n, len(net.Nodes))
	}
	if n := count(t, ctx, "#network path.edge"); n != len(net.Edges) {
		t.Errorf("%d edges drawn, the API has %d", n, len(net.Edges))
	}
	// Node size follows events, so the busiest node is the largest.
	busiest := net.Nodes[0]
	for _, n := range net.Nodes {
		if n.Events > busiest.Events {
			busiest = n
		}
	}
	largest := eval[string](t, ctx, `[...document.querySelectorAll("#network a.node")]
		.sort((a, b) => b.querySelector("circle").r.baseVal.value - a.querySelector("circle").r.baseVal.value)[0].dataset.code`)
	if largest != busiest.Code {
		t.Errorf("largest node %s, busiest actor %s", largest, busiest.Code)
	}
	// Nodes must not pile up: the layout spreads them over the box.
	spread := eval[bool](t, ctx, `(() => {
		const cs = [...document.querySelectorAll("#network circle")].map(c => [c.cx.baseVal.value, c.cy.baseVal.value]);
		for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++)
			if (Math.hypot(cs[i][0] - cs[j][0], cs[i][1] - cs[j][1]) < 4) return false;
		return true;
	})()`)
	if !spread {
		t.Error("two nodes drawn on top of each other")
	}
	b.screenshot(t, ctx, "network")

	code := net.Nodes[0].Code
	do(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#network a.node[data-code="%s"] circle`, code))))
	b.waitHash(t, ctx, "#/events?actor="+code)
	rows := eval[[][2]string](t, ctx, `[...document.querySelectorAll("#events-table tr.event-row")].map(r => [r.dataset.source, r.dataset.target])`)
	if len(rows) == 0 {
		t.Fatalf("no events of %s", code)
	}
	for _, r := range rows {
		if r[0] != code && r[1] != code {
			t.Errorf("event %s → %s listed for actor %s", r[0], r[1], code)
		}
	}
}

func testMap(t *testing.T, b *browser, ctx context.Context) {
	b.open(t, ctx, "#/map")
	var cs struct {
		Countries []struct {
			Country string `json:"country"`
			Events  int    `json:"events"`
		} `json:"countries"`
	}
	b.api(t, "/api/countries", &cs)
	raw, err := os.ReadFile("static/countries.json")
	if err != nil {
		t.Fatal(err)
	}
	var shapes map[string]struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(raw, &shapes); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, c := range cs.Countries {
		if _, ok := shapes[c.Country]; ok {
			want++
		}
	}
	coloured := eval[int](t, ctx, `[...document.querySelectorAll("#map path.country")]
		.filter(p => Number(p.dataset.events) > 0 && !p.getAttribute("fill").startsWith("url(")).length`)
	if coloured != want || want == 0 {
		t.Errorf("%d countries coloured, %d of the API's have shapes", coloured, want)
	}
	if n := count(t, ctx, "#map path.country"); n != len(shapes) {
		t.Errorf("%d country paths, countries.json has %d", n, len(shapes))
	}
	if note := eval[string](t, ctx, `document.querySelector("#map-note").textContent`); !strings.Contains(note, "approximate") {
		t.Errorf("map note %q does not say the shapes are approximate", note)
	}

	// Hovering a country shows its name and count: find one whose middle is
	// on screen and not covered by a neighbour's approximate shape. (No
	// scrolling: its scroll event would close the tooltip.)
	type spot struct {
		ISO    string  `json:"iso"`
		Events string  `json:"events"`
		X      float64 `json:"x"`
		Y      float64 `json:"y"`
	}
	target := eval[spot](t, ctx, `(() => {
		const ps = [...document.querySelectorAll("#map path.country.has-data")].sort((a, b) => b.dataset.events - a.dataset.events);
		for (const p of ps) {
			const r = p.getBoundingClientRect();
			const x = r.left + r.width / 2, y = r.top + r.height / 2;
			if (document.elementFromPoint(x, y) === p) return {iso: p.dataset.iso, events: p.dataset.events, x, y};
		}
		return {iso: "", events: "", x: 0, y: 0};
	})()`)
	if target.ISO == "" {
		t.Fatal("no country with events can be hovered")
	}
	do(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, target.X, target.Y))
	tip := eval[string](t, ctx, `document.querySelector("#tooltip").hidden ? "" : document.querySelector("#tooltip").textContent`)
	if !strings.Contains(tip, shapes[target.ISO].Name) || !strings.Contains(tip, target.Events+" events") {
		t.Errorf("tooltip over %s is %q", target.ISO, tip)
	}
	b.screenshot(t, ctx, "map")

	do(t, ctx, chromedp.Click(chromedp.ID("metric-goldstein")))
	b.waitHash(t, ctx, "#/map?metric=goldstein")
	if legend := eval[string](t, ctx, `document.querySelector("#map-legend").textContent`); !strings.Contains(legend, "Goldstein") {
		t.Errorf("legend %q after switching to Goldstein", legend)
	}
	b.screenshot(t, ctx, "map-goldstein")

	// Clicking a country lists its events.
	do(t, ctx, chromedp.MouseClickXY(target.X, target.Y))
	b.waitHash(t, ctx, "#/events?country="+target.ISO)
	rows := eval[[][2]string](t, ctx, `[...document.querySelectorAll("#events-table tr.event-row")].map(r => [r.dataset.sourceCountry, r.dataset.targetCountry])`)
	if len(rows) == 0 {
		t.Fatalf("no events of %s", target.ISO)
	}
	for _, r := range rows {
		if r[0] != target.ISO && r[1] != target.ISO {
			t.Errorf("event %s → %s listed for country %s", r[0], r[1], target.ISO)
		}
	}
}

func testDyad(t *testing.T, b *browser, ctx context.Context) {
	var net network
	b.api(t, "/api/network", &net)
	e := net.Edges[0]
	b.open(t, ctx, "#/dyad")
	if a := run(t, ctx, chromedp.Value(chromedp.ID("dyad-a"))); a != e.Source {
		t.Errorf("actor A is %q, the first edge's source %q", a, e.Source)
	}
	if bb := run(t, ctx, chromedp.Value(chromedp.ID("dyad-b"))); bb != e.Target {
		t.Errorf("actor B is %q, the first edge's target %q", bb, e.Target)
	}
	var d struct {
		Series []struct {
			AToB int `json:"a_to_b"`
			BToA int `json:"b_to_a"`
		} `json:"series"`
		Events []event `json:"events"`
	}
	b.api(t, "/api/dyad?limit=100&a="+e.Source+"&b="+e.Target, &d)
	ab, ba := 0, 0
	for _, x := range d.Series {
		ab += x.AToB
		ba += x.BToA
	}
	sum := func(sel string) int {
		return eval[int](t, ctx, `[...document.querySelectorAll("`+sel+`")].reduce((s, c) => s + Number(c.dataset.count), 0)`)
	}
	if got := sum("#dyad-chart circle.pt-ab"); got != ab || ab == 0 {
		t.Errorf("A→B points add up to %d, the API has %d", got, ab)
	}
	if got := sum("#dyad-chart circle.pt-ba"); got != ba {
		t.Errorf("B→A points add up to %d, the API has %d", got, ba)
	}
	for _, id := range []string{"dyad-ab", "dyad-ba"} {
		if d := eval[string](t, ctx, `document.getElementById("`+id+`").getAttribute("d")`); !strings.HasPrefix(d, "M") {
			t.Errorf("%s has no line", id)
		}
	}
	if n := count(t, ctx, "#dyad-goldstein rect"); n == 0 {
		t.Error("no Goldstein bars")
	}
	if n := count(t, ctx, "#dyad-events tr.event-row"); n != len(d.Events) {
		t.Errorf("%d events listed, the API has %d", n, len(d.Events))
	}
	b.screenshot(t, ctx, "dyad")
}

func testQuotes(t *testing.T, b *browser, ctx context.Context) {
	b.open(t, ctx, "#/quotes")
	var page struct {
		Quotes []quote `json:"quotes"`
	}
	b.api(t, "/api/quotes?limit=50", &page)
	if n := count(t, ctx, "#quotes-list li.quote"); n != len(page.Quotes) || n == 0 {
		t.Fatalf("%d quotes listed, the API has %d", n, len(page.Quotes))
	}
	if got := eval[string](t, ctx, `document.querySelector("#quotes-list .qtext").textContent`); got != page.Quotes[0].Text {
		t.Errorf("first quote %q, want %q", got, page.Quotes[0].Text)
	}
	b.screenshot(t, ctx, "quotes")

	speaker := page.Quotes[0].Speaker.Code
	do(t, ctx, chromedp.SetValue(chromedp.ID("speaker"), strings.ToLower(speaker)), chromedp.Click(chromedp.ID("speaker-go")))
	b.waitHash(t, ctx, "#/quotes?speaker="+speaker)
	b.api(t, "/api/quotes?limit=50&speaker="+speaker, &page)
	got := eval[[]string](t, ctx, `[...document.querySelectorAll("#quotes-list li.quote")].map(q => q.dataset.speaker)`)
	if len(got) != len(page.Quotes) {
		t.Errorf("%d quotes of %s, the API has %d", len(got), speaker, len(page.Quotes))
	}
	for _, s := range got {
		if s != speaker {
			t.Errorf("quote of %s listed for speaker %s", s, speaker)
		}
	}
}

func testSearch(t *testing.T, b *browser, ctx context.Context) {
	b.open(t, ctx, "#/search")
	// Synthetic articles end with a quote "We will answer ...".
	do(t, ctx, chromedp.SendKeys(chromedp.ID("search-q"), "answer"), chromedp.Click(chromedp.ID("search-go")))
	b.waitHash(t, ctx, "#/search?q=answer")
	var res struct {
		Articles []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"articles"`
		Quotes []quote `json:"quotes"`
	}
	b.api(t, "/api/search?limit=50&q=answer", &res)
	if n := count(t, ctx, "#search-articles li"); n != len(res.Articles) || n == 0 {
		t.Errorf("%d articles found, the API has %d", n, len(res.Articles))
	}
	if n := count(t, ctx, "#search-quotes li"); n != len(res.Quotes) || n == 0 {
		t.Errorf("%d quotes found, the API has %d", n, len(res.Quotes))
	}
	b.screenshot(t, ctx, "search")
	do(t, ctx, chromedp.Click(chromedp.CSS("#search-articles li a.title")))
	b.waitHash(t, ctx, "#/article/"+url.PathEscape(res.Articles[0].ID))
	if got := eval[string](t, ctx, `document.querySelector("#article-title").textContent`); got != res.Articles[0].Title {
		t.Errorf("opened %q, want %q", got, res.Articles[0].Title)
	}
}

func testBadFilter(t *testing.T, b *browser, ctx context.Context) {
	const query = "from=2024-06-01&to=2024-01-01"
	var body struct {
		Error string `json:"error"`
	}
	b.api(t, "/api/events?"+query, &body)
	if body.Error == "" {
		t.Fatal("the API accepts from after to")
	}
	b.open(t, ctx, "#/events?"+query)
	if !eval[bool](t, ctx, `!document.querySelector("#error").hidden`) {
		t.Fatal("no error shown")
	}
	if got := eval[string](t, ctx, `document.querySelector("#error-message").textContent`); got != body.Error {
		t.Errorf("error %q, the API said %q", got, body.Error)
	}
	if n := count(t, ctx, "tr.event-row"); n != 0 {
		t.Errorf("%d events shown for a bad filter", n)
	}
	b.screenshot(t, ctx, "bad-filter")
}

// testKeyboard checks that the views are reached without a mouse.
func testKeyboard(t *testing.T, b *browser, ctx context.Context) {
	b.open(t, ctx, "#/events")
	do(t, ctx, chromedp.Focus(chromedp.CSS(`nav a[data-view="map"]`)), chromedp.KeyEvent(kb.Enter))
	b.waitHash(t, ctx, "#/map")
	// The first event row opens with the keyboard too.
	b.open(t, ctx, "#/events?quad=1")
	do(t, ctx, chromedp.Focus(chromedp.CSS("#events-table .toggle")), chromedp.KeyEvent(" "))
	if !eval[bool](t, ctx, `!document.querySelector("#events-table tr.event-detail").hidden`) {
		t.Error("space on the toggle did not open the evidence")
	}
}
