// Package serve is dyad's HTTP JSON API over a store: events, articles and
// quotes with filters and pages, the aggregates of the web UI, and, for an
// operator who sets a token, the posting of articles to code and store.
// openapi.yaml documents it and is served at /api/openapi.yaml.
package serve

import (
	"bytes"
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-org/dyad/article"
	"github.com/dyad-org/dyad/store"
)

//go:embed openapi.yaml
var openAPI []byte

// Options configure a server.
type Options struct {
	// UI is served under / (nil: no UI).
	UI http.Handler
	// Token, when set, allows POST /api/articles with "Authorization:
	// Bearer <Token>"; without it the API is read-only.
	Token string
	// Enqueued is called after articles are posted and stored, to have
	// them coded (by a worker the caller runs).
	Enqueued func()
	// NoCache turns off the keeping of answers while the store is
	// unchanged (for measuring the store itself).
	NoCache bool
	// Read are the defaults for posted articles.
	Read article.Options
	Log  *slog.Logger
}

// Limits of a listing.
const (
	defaultLimit = 50
	maxLimit     = 500
	// maxPostBytes bounds a POST body.
	maxPostBytes = 32 << 20
)

type server struct {
	st      *store.Store
	o       Options
	answers *answers // nil when o.NoCache
}

// New returns the API (and the UI, if given) over st.
func New(st *store.Store, o Options) http.Handler {
	if o.Log == nil {
		o.Log = slog.Default()
	}
	s := &server{st: st, o: o}
	if !o.NoCache {
		s.answers = newAnswers()
	}
	mux := http.NewServeMux()
	get := func(path string, params []string, h func(*request) (any, error)) {
		allowed := map[string]bool{}
		for _, p := range params {
			allowed[p] = true
		}
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			req := &request{r: r, allowed: allowed}
			if err := req.checkParams(); err != nil {
				s.fail(w, r, err)
				return
			}
			var version string
			if s.answers != nil {
				var err error
				if version, err = s.answers.storeVersion(r.Context(), s.st); err != nil {
					s.fail(w, r, err)
					return
				}
				if body, ok := s.answers.get(version, r); ok {
					writeBody(w, http.StatusOK, body)
					return
				}
			}
			v, err := h(req)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			body, err := encode(v)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			if s.answers != nil {
				s.answers.put(version, r, body)
			}
			writeBody(w, http.StatusOK, body)
		})
	}
	get("/api/stats", nil, s.stats)
	get("/api/events", append(eventParams, pageParams...), s.events)
	get("/api/articles", append([]string{"q", "from", "to"}, pageParams...), s.articles)
	get("/api/articles/{id...}", nil, s.article)
	get("/api/quotes", append([]string{"speaker", "country", "q", "from", "to"}, pageParams...), s.quotes)
	get("/api/timeline", eventParams, s.timeline)
	get("/api/roots", eventParams, s.roots)
	get("/api/dyad", []string{"a", "b", "from", "to", "limit"}, s.dyad)
	get("/api/network", append(eventParams, "min"), s.network)
	get("/api/countries", eventParams, s.countries)
	get("/api/search", []string{"q", "limit"}, s.search)
	mux.HandleFunc("GET /api/openapi.yaml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		w.Write(openAPI)
	})
	mux.HandleFunc("POST /api/articles", s.post)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, errorBody{fmt.Sprintf("no API endpoint %s %s (see /api/openapi.yaml)", r.Method, r.URL.Path)})
	})
	if o.UI != nil {
		mux.Handle("/", o.UI)
	}
	return mux
}

var (
	eventParams = []string{"actor", "source", "target", "country", "code", "root", "quad", "from", "to", "q"}
	pageParams  = []string{"limit", "cursor"}
)

// badRequest is an error in what the client sent.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

func badf(format string, args ...any) error { return badRequest{fmt.Sprintf(format, args...)} }

type errorBody struct {
	Error string `json:"error"`
}

func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var bad badRequest
	switch {
	case errors.As(err, &bad):
		writeJSON(w, http.StatusBadRequest, errorBody{bad.msg})
	case errors.Is(err, store.ErrBadCursor):
		writeJSON(w, http.StatusBadRequest, errorBody{"parameter cursor: not a cursor a listing gave"})
	case errors.Is(err, store.ErrNotFound):
		writeJSON(w, http.StatusNotFound, errorBody{"no article " + strconv.Quote(r.PathValue("id"))})
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads a reply.
	default:
		s.o.Log.Error("request failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"internal error"})
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := encode(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":"internal error"}`+"\n")
	}
	writeBody(w, status, body)
}

func encode(v any) ([]byte, error) {
	if raw, ok := v.(rawJSON); ok {
		return raw, nil
	}
	var buf bytes.Buffer
	err := json.NewEncoder(&buf).Encode(v)
	return buf.Bytes(), err
}

func writeBody(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

// rawJSON is a response body written as it is.
type rawJSON []byte

// listing is the body of a page of stored records: {"next": cursor, key:
// [records]}. The records are the JSON the store holds, written as they
// are: re-encoding them (encoding/json checks and compacts every raw
// message) was a third of the cost of answering. next comes first, so that
// a client paging through reads it without parsing the records.
func listing(key string, docs []json.RawMessage, next string) rawJSON {
	n := 0
	for _, d := range docs {
		n += len(d) + 1
	}
	b := make([]byte, 0, n+len(key)+len(next)+32)
	b = append(b, `{"next":`...)
	b = strconv.AppendQuote(b, next) // a cursor is base64: nothing to escape
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":[`...)
	for i, d := range docs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, d...)
	}
	return append(b, "]}\n"...)
}

// request reads and checks one request's parameters.
type request struct {
	r       *http.Request
	allowed map[string]bool
}

func (q *request) ctx() context.Context { return q.r.Context() }

// checkParams rejects parameters the endpoint does not take and repeated
// ones, so that a misspelt filter is an error, not a silent "everything".
func (q *request) checkParams() error {
	for name, vs := range q.r.URL.Query() {
		if !q.allowed[name] {
			return badf("unknown parameter %q", name)
		}
		if len(vs) > 1 {
			return badf("parameter %s given %d times", name, len(vs))
		}
	}
	return nil
}

func (q *request) str(name string) string { return strings.TrimSpace(q.r.URL.Query().Get(name)) }

var (
	actorCode = regexp.MustCompile(`^[A-Z0-9]{3,15}$`)
	country   = regexp.MustCompile(`^[A-Z]{3}$`)
	cameo     = regexp.MustCompile(`^[0-9]{2,4}$`)
	root      = regexp.MustCompile(`^[0-9]{2}$`)
)

// matching is parameter name's value, which must match re (what says
// what it should be).
func (q *request) matching(name string, re *regexp.Regexp, what string) (string, error) {
	v := q.str(name)
	if v != "" && !re.MatchString(v) {
		return "", badf("parameter %s: %q is not %s", name, v, what)
	}
	return v, nil
}

func (q *request) date(name string) (string, error) {
	v := q.str(name)
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return "", badf("parameter %s: %q is not a date (YYYY-MM-DD)", name, v)
	}
	return v, nil
}

func (q *request) intIn(name string, def, lo, hi int) (int, error) {
	v := q.str(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badf("parameter %s: %q is not a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// filter reads the filter parameters the endpoint takes.
func (q *request) filter() (store.Filter, error) {
	var f store.Filter
	var errs []error
	str := func(dst *string, name string, re *regexp.Regexp, what string) {
		v, err := q.matching(name, re, what)
		*dst = v
		errs = append(errs, err)
	}
	str(&f.Actor, "actor", actorCode, "an actor code (such as IRNGOV)")
	str(&f.Source, "source", actorCode, "an actor code (such as IRNGOV)")
	str(&f.Target, "target", actorCode, "an actor code (such as IRNGOV)")
	str(&f.Speaker, "speaker", actorCode, "an actor code (such as IRNGOV)")
	str(&f.Country, "country", country, "a three-letter country code (such as IRN)")
	str(&f.Code, "code", cameo, "a CAMEO code of 2 to 4 digits")
	str(&f.Root, "root", root, "a CAMEO root of 2 digits")
	var err error
	f.Quad, err = q.intIn("quad", 0, 1, 4)
	errs = append(errs, err)
	f.From, err = q.date("from")
	errs = append(errs, err)
	f.To, err = q.date("to")
	errs = append(errs, err)
	f.Text = q.str("q")
	if len(f.Text) > 500 {
		errs = append(errs, badf("parameter q: longer than 500 bytes"))
	}
	if err := errors.Join(errs...); err != nil {
		return f, badf("%s", strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, badf("parameters from %s and to %s: from is after to", f.From, f.To)
	}
	return f, nil
}

func (q *request) page() (store.Page, error) {
	limit, err := q.intIn("limit", defaultLimit, 1, maxLimit)
	return store.Page{Limit: limit, Cursor: q.str("cursor")}, err
}

// filterPage reads a listing's filter and page.
func (q *request) filterPage() (store.Filter, store.Page, error) {
	f, err := q.filter()
	if err != nil {
		return f, store.Page{}, err
	}
	p, err := q.page()
	return f, p, err
}

func (s *server) stats(q *request) (any, error) { return s.st.Stats(q.ctx()) }

func (s *server) events(q *request) (any, error) {
	f, p, err := q.filterPage()
	if err != nil {
		return nil, err
	}
	docs, next, err := s.st.Events(q.ctx(), f, p)
	return listing("events", docs, next), err
}

func (s *server) quotes(q *request) (any, error) {
	f, p, err := q.filterPage()
	if err != nil {
		return nil, err
	}
	docs, next, err := s.st.Quotes(q.ctx(), f, p)
	return listing("quotes", docs, next), err
}

func (s *server) articles(q *request) (any, error) {
	f, p, err := q.filterPage()
	if err != nil {
		return nil, err
	}
	list, next, err := s.st.Articles(q.ctx(), f, p)
	return map[string]any{"articles": list, "next": next}, err
}

func (s *server) article(q *request) (any, error) {
	a, events, quotes, err := s.st.ArticleByID(q.ctx(), q.r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	return map[string]any{"article": a, "events": events, "quotes": quotes}, nil
}

func (s *server) timeline(q *request) (any, error) {
	f, err := q.filter()
	if err != nil {
		return nil, err
	}
	days, err := s.st.Timeline(q.ctx(), f)
	return map[string]any{"days": days}, err
}

func (s *server) roots(q *request) (any, error) {
	f, err := q.filter()
	if err != nil {
		return nil, err
	}
	days, err := s.st.Roots(q.ctx(), f)
	return map[string]any{"days": days}, err
}

func (s *server) dyad(q *request) (any, error) {
	a, err := q.matching("a", actorCode, "an actor code (such as IRNGOV)")
	if err != nil {
		return nil, err
	}
	b, err := q.matching("b", actorCode, "an actor code (such as IRNGOV)")
	if err != nil {
		return nil, err
	}
	if a == "" || b == "" {
		return nil, badf("parameters a and b: both actors of the dyad are needed")
	}
	f, p, err := q.filterPage()
	if err != nil {
		return nil, err
	}
	series, events, err := s.st.Dyad(q.ctx(), a, b, f, p.Limit)
	return map[string]any{"series": series, "events": events}, err
}

func (s *server) network(q *request) (any, error) {
	f, err := q.filter()
	if err != nil {
		return nil, err
	}
	minEvents, err := q.intIn("min", 1, 1, 1_000_000)
	if err != nil {
		return nil, err
	}
	nodes, edges, err := s.st.Network(q.ctx(), f, minEvents)
	return map[string]any{"nodes": nodes, "edges": edges}, err
}

func (s *server) countries(q *request) (any, error) {
	f, err := q.filter()
	if err != nil {
		return nil, err
	}
	cs, err := s.st.Countries(q.ctx(), f)
	return map[string]any{"countries": cs}, err
}

func (s *server) search(q *request) (any, error) {
	text := q.str("q")
	if text == "" {
		return nil, badf("parameter q: the words to search for are needed")
	}
	limit, err := q.intIn("limit", 20, 1, maxLimit)
	if err != nil {
		return nil, err
	}
	f, p := store.Filter{Text: text}, store.Page{Limit: limit}
	arts, _, err := s.st.Articles(q.ctx(), f, p)
	if err != nil {
		return nil, err
	}
	quotes, _, err := s.st.Quotes(q.ctx(), f, p)
	return map[string]any{"articles": arts, "quotes": quotes}, err
}

// post stores the articles of a request body (JSON Lines, one article a
// line as dyad code reads them, or a single JSON object) for coding.
func (s *server) post(w http.ResponseWriter, r *http.Request) {
	if s.o.Token == "" {
		writeJSON(w, http.StatusForbidden, errorBody{"this server is read-only: the operator sets a token to allow posting"})
		return
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.o.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		writeJSON(w, http.StatusUnauthorized, errorBody{"missing or wrong bearer token"})
		return
	}
	body := http.MaxBytesReader(w, r.Body, maxPostBytes)
	arts, err := article.ReadOne(body, "request.jsonl", article.JSONL, s.o.Read)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{fmt.Sprintf("body over %d bytes", maxPostBytes)})
		return
	case len(arts) == 0 && err != nil:
		writeJSON(w, http.StatusBadRequest, errorBody{strings.ReplaceAll(err.Error(), "\n", "; ")})
		return
	case len(arts) == 0:
		writeJSON(w, http.StatusBadRequest, errorBody{"no articles in the body"})
		return
	}
	// Bad lines do not keep the good ones out; they are reported.
	var bad []string
	if err != nil {
		bad = strings.Split(err.Error(), "\n")
	}
	es, err := s.st.Enqueue(r.Context(), arts)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	type outcome struct {
		ID      string `json:"id"`
		Outcome string `json:"outcome"`
	}
	out := make([]outcome, len(es))
	for i, e := range es {
		out[i] = outcome{arts[i].ID, e.Outcome.String()}
	}
	if s.o.Enqueued != nil {
		s.o.Enqueued()
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"articles": out, "errors": bad})
}
