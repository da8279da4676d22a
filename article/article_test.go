package article

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The example articles below are invented for these tests.

const textArticle = "Ministers meet in Muscat over river dispute\r\n" +
	"\r\n" +
	"MUSCAT, Mar. 3 (MNA) – The foreign ministers of two neighbouring states met in Muscat on Tuesday to discuss the sharing of water from a river that crosses their border.\r\n" +
	"\r\n" +
	"“We agreed to keep talking,” one of the ministers told reporters after the meeting.\r\n"

const htmlArticle = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers meet in Muscat over river dispute | Example Times</title>
<meta property="og:title" content="Ministers meet in Muscat over river dispute">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2023-03-03T09:30:00+00:00">
<link rel="canonical" href="https://news.example.org/2023/03/03/muscat-talks">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Ministers meet in Muscat over river dispute</h1>
<p>MUSCAT – The foreign ministers of two neighbouring states met in Muscat on Tuesday to discuss the sharing of water from a river that crosses their border, officials said.</p>
<p>The talks, hosted by the government of Oman, were the first meeting of the two ministers in three years. Both sides described them as   frank
and useful.</p>
<p>“We agreed to keep talking, and to meet again before the summer,” one of the ministers told reporters after the meeting.<br>A joint technical committee will report within two months.</p>
<p>Farmers on both banks of the river have complained of shortages since a new dam was completed upstream last year, and protests were held in several towns.</p>
</article>
<footer><p>Copyright Example Times. All rights reserved.</p></footer>
</body></html>`

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readPaths reads paths and returns the articles and input errors.
func readPaths(t *testing.T, paths []string, o Options) ([]Article, []error) {
	t.Helper()
	var arts []Article
	var errs []error
	err := Read(context.Background(), paths, o,
		func(a Article) error { arts = append(arts, a); return nil },
		func(err error) { errs = append(errs, err) })
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return arts, errs
}

func TestReadText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "muscat.txt")
	writeFile(t, path, []byte(textArticle))
	pub := time.Date(2023, 3, 3, 0, 0, 0, 0, time.UTC)

	arts, errs := readPaths(t, []string{path}, Options{Published: pub})
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	want := strings.TrimSpace(strings.ReplaceAll(textArticle, "\r\n", "\n"))
	if a.Text != want {
		t.Errorf("Text = %q\nwant %q", a.Text, want)
	}
	if a.Title != "Ministers meet in Muscat over river dispute" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Dateline != "MUSCAT" {
		t.Errorf("Dateline = %q", a.Dateline)
	}
	if a.Publisher != "Mehr News Agency" {
		t.Errorf("Publisher = %q, want the dateline agency's name", a.Publisher)
	}
	if !a.Published.Equal(pub) {
		t.Errorf("Published = %v", a.Published)
	}
	if a.Source != path {
		t.Errorf("Source = %q, want %q", a.Source, path)
	}

	// The publisher given by the caller wins over the dateline's agency.
	arts, _ = readPaths(t, []string{path}, Options{Publisher: "Example Times"})
	if arts[0].Publisher != "Example Times" {
		t.Errorf("Publisher = %q, want the one from Options", arts[0].Publisher)
	}
}

func TestTextTitle(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Talks resume in Geneva\n\nDiplomats met again on Monday.", "Talks resume in Geneva"},
		{"Talks resume in Geneva  \n \nDiplomats met again.", "Talks resume in Geneva"},
		{"Will the talks resume?\n\nDiplomats met again.", "Will the talks resume?"},
		{"Talks resume in Geneva\nDiplomats met again on Monday.", ""}, // no blank line
		{"Talks resume in Geneva", ""},                           // nothing follows
		{"Talks resumed in Geneva.\n\nDiplomats met again.", ""}, // a sentence
		{"GENEVA – Talks resumed\n\nDiplomats met again.", ""},   // a lead with a dateline
		{strings.Repeat("word ", 40) + "\n\nMore text.", ""},     // too long
	} {
		if got := textTitle(tc.text); got != tc.want {
			t.Errorf("textTitle(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestReadJSONL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "batch.jsonl")
	lines := []string{
		`{"id":"a1","title":"Talks resume","text":"GENEVA (AFP) - Diplomats met again on Monday.","published":"2024-05-06","publisher":"Example Wire","url":"https://example.org/a1"}`,
		``,
		`{"text":"Second article without id.","published":"2024-05-07T10:00:00+03:30"}`,
		`{"id":"a3","text":"broken json"`,
		`{"id":"a4","title":"no text"}`,
		`{"id":"a5","text":"Bad date.","published":"07/05/2024"}`,
		`{"id":7,"text":"Numeric id, CRLF line ending.","events":[{"cameo":"01"}]}` + "\r",
		`{"id":"a8","text":"Wrong type.","title":12}`,
		`["not","an","object"]`,
		"{\"id\":\"a10\",\"text\":\"Invalid \xff UTF-8.\"}",
	}
	writeFile(t, path, []byte(strings.Join(lines, "\n")))

	arts, errs := readPaths(t, []string{path}, Options{Publisher: "Fallback"})
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	wantIDs := []string{"a1", filepath.ToSlash(path) + ":3", "7", "a10"}
	if strings.Join(ids, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("IDs = %q, want %q", ids, wantIDs)
	}
	a := arts[0]
	if a.Title != "Talks resume" || a.Publisher != "Example Wire" || a.URL != "https://example.org/a1" ||
		a.Dateline != "GENEVA" || !a.Published.Equal(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)) ||
		a.Source != path+":1" {
		t.Errorf("first article = %+v", a)
	}
	if got := arts[1].Published; !got.Equal(time.Date(2024, 5, 7, 6, 30, 0, 0, time.UTC)) {
		t.Errorf("RFC 3339 date = %v", got)
	}
	if arts[1].Publisher != "Fallback" {
		t.Errorf("Publisher = %q, want the Options one", arts[1].Publisher)
	}
	if arts[2].Text != "Numeric id, CRLF line ending." {
		t.Errorf("Text = %q", arts[2].Text)
	}
	if arts[3].Text != "Invalid \uFFFD UTF-8." {
		t.Errorf("Text = %q, want the invalid byte replaced", arts[3].Text)
	}

	wantErrs := []string{
		path + ":4: invalid JSON",
		path + ":5: field text: missing or empty",
		path + ":6: field published: \"07/05/2024\" is neither YYYY-MM-DD nor RFC 3339",
		path + ":8: field title: want a string, not a number",
		path + ":9: want a JSON object, not a array",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %v, want %d", errs, len(wantErrs))
	}
	for i, err := range errs {
		if !strings.HasPrefix(err.Error(), wantErrs[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, err, wantErrs[i])
		}
	}
	var ie *InputError
	if !errors.As(errs[0], &ie) || ie.Line != 4 || ie.Offset != int64(len(strings.Join(lines[:3], "\n"))+1) {
		t.Errorf("InputError = %+v", ie)
	}
}

func TestReadHTML(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "page.html")
	writeFile(t, path, []byte(htmlArticle))

	arts, errs := readPaths(t, []string{path}, Options{Publisher: "Ignored"})
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	if a.Title != "Ministers meet in Muscat over river dispute" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.URL != "https://news.example.org/2023/03/03/muscat-talks" {
		t.Errorf("URL = %q", a.URL)
	}
	if a.Publisher != "Example Times" {
		t.Errorf("Publisher = %q", a.Publisher)
	}
	if a.Published.Format(time.DateOnly) != "2023-03-03" {
		t.Errorf("Published = %v", a.Published)
	}
	if a.Dateline != "MUSCAT" {
		t.Errorf("Dateline = %q", a.Dateline)
	}
	paras := strings.Split(a.Text, "\n\n")
	wantParas := []string{
		"MUSCAT – The foreign ministers",
		"The talks, hosted by the government of Oman, were the first meeting of the two ministers in three years. Both sides described them as frank and useful.",
		"“We agreed to keep talking, and to meet again before the summer,” one of the ministers told reporters after the meeting.",
		"A joint technical committee will report within two months.",
		"Farmers on both banks",
	}
	// The headline may or may not be kept as the first paragraph.
	if len(paras) > 0 && paras[0] == a.Title {
		paras = paras[1:]
	}
	if len(paras) != len(wantParas) {
		t.Fatalf("paragraphs = %q", paras)
	}
	for i, p := range paras {
		if !strings.HasPrefix(p, wantParas[i]) {
			t.Errorf("paragraph %d = %q, want prefix %q", i, p, wantParas[i])
		}
	}
	for _, boiler := range []string{"Home", "Copyright"} {
		if strings.Contains(a.Text, boiler) {
			t.Errorf("Text keeps boilerplate %q: %q", boiler, a.Text)
		}
	}
}

func TestHTMLCharset(t *testing.T) {
	page := strings.Replace(htmlArticle, `<meta charset="utf-8">`, `<meta charset="windows-1252">`, 1)
	page = strings.Replace(page, "Both sides described", "The caf\xe9 owners described", 1)
	arts, err := ReadOne(strings.NewReader(page), "page.htm", Auto, Options{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("ReadOne: %v", err)
	}
	if !strings.Contains(arts[0].Text, "The café owners described") {
		t.Errorf("Text = %q, want windows-1252 decoded", arts[0].Text)
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.txt"), []byte("Second.\n"))
	writeFile(t, filepath.Join(dir, "a", "z.md"), []byte("First.\n"))
	writeFile(t, filepath.Join(dir, "a", "notes"), []byte("No extension, sniffed as text.\n"))
	writeFile(t, filepath.Join(dir, "c", "feed.ndjson"), []byte(`{"id":"x","text":"From JSONL."}`+"\n"))
	writeFile(t, filepath.Join(dir, "c", "page"), []byte(htmlArticle))
	writeFile(t, filepath.Join(dir, ".hidden", "skip.txt"), []byte("Hidden.\n"))
	writeFile(t, filepath.Join(dir, ".skip.txt"), []byte("Hidden.\n"))
	if err := os.Symlink(dir, filepath.Join(dir, "c", "loop")); err != nil {
		t.Fatal(err)
	}

	arts, errs := readPaths(t, []string{dir}, Options{})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, a := range arts {
		rel, _ := filepath.Rel(dir, strings.SplitN(a.Source, ":", 2)[0])
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"a/notes", "a/z.md", "b.txt", "c/feed.ndjson", "c/page"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("read %q, want %q", got, want)
	}
	if arts[4].Dateline != "MUSCAT" {
		t.Errorf("sniffed HTML not parsed as HTML: %+v", arts[4])
	}

	// A symbolic link to the directory, given as the path, is followed.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	arts, errs = readPaths(t, []string{link}, Options{})
	if len(arts) != len(want) || len(errs) > 0 || arts[0].Source != filepath.Join(link, "a", "notes") {
		t.Errorf("through a link: %d articles (%+v), errors %v", len(arts), arts[0], errs)
	}
}

func TestIDStable(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "corpus", "sub", "a.txt"), []byte("Some text.\n"))
	writeFile(t, filepath.Join(dir, "corpus", "b.jsonl"), []byte(`{"text":"x"}`+"\n"+`{"text":"y"}`+"\n"))
	t.Chdir(dir)

	ids := func(path string) string {
		arts, errs := readPaths(t, []string{path}, Options{})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		var s []string
		for _, a := range arts {
			s = append(s, a.ID)
		}
		return strings.Join(s, " ")
	}
	want := "corpus/b.jsonl:1 corpus/b.jsonl:2 corpus/sub/a.txt"
	for _, p := range []string{"corpus", "./corpus/", filepath.Join(dir, "corpus")} {
		if got := ids(p); got != want {
			t.Errorf("IDs reading %q = %q, want %q", p, got, want)
		}
	}
	if got := ids("corpus"); got != want {
		t.Errorf("second run: %q, want %q", got, want)
	}
}

// TestBadInputs checks that each bad input gives one error naming the file
// (and line) and that the rest of the batch is still read.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	writeFile(t, p("1good.txt"), []byte("A good article.\n"))
	writeFile(t, p("2bad.jsonl"), []byte(`{"text":"good line"}`+"\n"+`{"text": oops}`+"\n"+`{"text":"good again"}`+"\n"))
	writeFile(t, p("3x.bin"), []byte("\x7fELF\x02\x01\x01\x00\x00\x00binary"))
	writeFile(t, p("4empty.txt"), nil)
	writeFile(t, p("5latin1.txt"), []byte("Caf\xe9 owners protest.\n"))
	writeFile(t, p("6nothing.html"), []byte(`<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>`))
	writeFile(t, p("8after.txt"), []byte("Read after the big ones.\n"))

	// 50 MB, five times the default limit: a text file and a JSONL line
	// followed by a good one.
	big := bytes.Repeat([]byte("All work and no play makes a long article. "), 50<<20/43)
	writeFile(t, p("7big.txt"), big)
	f, err := os.Create(p("7huge.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"text":"`)
	f.Write(big)
	f.WriteString("\"}\n" + `{"text":"small"}` + "\n")
	f.Close()

	arts, errs := readPaths(t, []string{dir, p("missing.txt")}, Options{})
	wantErrs := []struct {
		prefix string
		is     error
	}{
		{p("2bad.jsonl") + ":2: invalid JSON", nil},
		{p("3x.bin") + ": binary file, not an article", ErrBinary},
		{p("4empty.txt") + ": empty file", ErrEmpty},
		{p("6nothing.html") + ": no article text found", ErrNoText},
		{p("7big.txt") + ": article over the size limit (10485760 bytes)", ErrTooLarge},
		{p("7huge.jsonl") + ":1: article over the size limit", ErrTooLarge},
		{p("missing.txt") + ": no such file or directory", os.ErrNotExist},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %q, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(errs[i].Error(), w.prefix) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w.prefix)
		}
		if w.is != nil && !errors.Is(errs[i], w.is) {
			t.Errorf("error %d = %v, want errors.Is %v", i, errs[i], w.is)
		}
	}

	var texts []string
	for _, a := range arts {
		texts = append(texts, a.Text)
	}
	wantTexts := []string{"A good article.", "good line", "good again", "Caf\uFFFD owners protest.", "small", "Read after the big ones."}
	if strings.Join(texts, "|") != strings.Join(wantTexts, "|") {
		t.Errorf("texts = %q, want %q", texts, wantTexts)
	}
}

func TestReadOne(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		kind     Kind
		want     string // Text of the first article
	}{
		{"-", "Plain text from a pipe.\n", Auto, "Plain text from a pipe."},
		{"-", "  \n{\"text\":\"From JSONL.\"}\n", Auto, "From JSONL."},
		{"-", htmlArticle, Auto, "MUSCAT – The foreign ministers"},
		{"body", "<b>Tags</b> in text.", Auto, "<b>Tags</b> in text."},
		{"body", "{not json, but told text}", Text, "{not json, but told text}"},
		{"x.jsonl", `{"text":"By extension."}`, Auto, "By extension."},
		{"bom.txt", "\xef\xbb\xbfTEHRAN- With a byte order mark.", Auto, "TEHRAN- With a byte order mark."},
		{"utf16.txt", "\xff\xfeT\x00E\x00H\x00R\x00A\x00N\x00-\x00 \x00H\x00i\x00.\x00", Auto, "TEHRAN- Hi."},
	} {
		arts, err := ReadOne(strings.NewReader(tc.in), tc.name, tc.kind, Options{})
		if err != nil || len(arts) == 0 {
			t.Errorf("ReadOne(%q): %d articles, %v", tc.in[:min(len(tc.in), 20)], len(arts), err)
			continue
		}
		if !strings.Contains(arts[0].Text, tc.want) {
			t.Errorf("ReadOne(%q) text = %q, want %q", tc.in[:min(len(tc.in), 20)], arts[0].Text, tc.want)
		}
	}

	// Over the limit, from a reader whose size is not known beforehand.
	_, err := ReadOne(strings.NewReader(strings.Repeat("x", 2000)), "", Text, Options{MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "-: ") {
		t.Errorf("oversized: %v", err)
	}

	// White space alone is no article.
	if _, err := ReadOne(strings.NewReader(" \n\n\t\n"), "blank.txt", Auto, Options{}); !errors.Is(err, ErrNoText) {
		t.Errorf("blank text: %v", err)
	}

	// Bad JSONL lines come back joined, with the good articles.
	arts, err := ReadOne(strings.NewReader("{\"text\":\"a\"}\n{\n{\"text\":\"b\"}\n"), "post.jsonl", Auto, Options{})
	if len(arts) != 2 || err == nil || !strings.HasPrefix(err.Error(), "post.jsonl:2: ") {
		t.Errorf("got %d articles, error %v", len(arts), err)
	}
	if arts[1].ID != "post.jsonl:3" || arts[1].Source != "post.jsonl:3" {
		t.Errorf("ID %q, Source %q", arts[1].ID, arts[1].Source)
	}
}

func TestReadStdin(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, []byte("{\"text\":\"one\"}\n{\"text\":\"two\"}\n"))
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stdin := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = stdin }()

	arts, errs := readPaths(t, []string{"-"}, Options{})
	if len(errs) > 0 || len(arts) != 2 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	if arts[1].Source != "-:2" || arts[1].ID != "-:2" {
		t.Errorf("Source %q, ID %q", arts[1].Source, arts[1].ID)
	}
}

func TestReadStops(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, filepath.Join(dir, name), []byte("Text.\n"))
	}

	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Read(ctx, []string{dir}, Options{}, func(Article) error { n++; cancel(); return nil }, func(error) {})
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("after cancel: %d articles, error %v", n, err)
	}

	stop := errors.New("stop")
	n = 0
	err = Read(context.Background(), []string{dir}, Options{}, func(Article) error { n++; return stop }, func(error) {})
	if err != stop || n != 1 {
		t.Errorf("after fn error: %d articles, error %v", n, err)
	}

	// Without onErr, the batch goes on and the first bad input is returned.
	writeFile(t, filepath.Join(dir, "0empty.txt"), nil)
	n = 0
	err = Read(context.Background(), []string{dir}, Options{}, func(Article) error { n++; return nil }, nil)
	if !errors.Is(err, ErrEmpty) || n != 3 {
		t.Errorf("nil onErr: %d articles, error %v", n, err)
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"", time.Time{}, true},
		{"2022-04-16", time.Date(2022, 4, 16, 0, 0, 0, 0, time.UTC), true},
		{"2022-04-16T08:15:00Z", time.Date(2022, 4, 16, 8, 15, 0, 0, time.UTC), true},
		{"2022-04-16T08:15:00.5+04:30", time.Date(2022, 4, 16, 3, 45, 0, 5e8, time.UTC), true},
		{"16 April 2022", time.Time{}, false},
		{"2022-13-01", time.Time{}, false},
	} {
		got, err := ParseDate(tc.in)
		if (err == nil) != tc.ok || !got.Equal(tc.want) {
			t.Errorf("ParseDate(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Kind
	}{
		{"Plain words.", Text},
		{"\n  {\"text\":\"x\"}", JSONL},
		{"<!doctype html><p>x", HTML},
		{"  <HTML><body>x", HTML},
		{"<p>Just a fragment</p>", Text},
		{"<3 from Tehran", Text},
	} {
		if got := sniffKind([]byte(tc.in)); got != tc.want {
			t.Errorf("sniffKind(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	for k, want := range map[Kind]string{Auto: "auto", Text: "text", HTML: "html", JSONL: "jsonl"} {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, k, want)
		}
	}
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Text with\ttabs\r\nand lines.", false},
		{"Caf\xe9 \xff\xfe", false},
		{"a\x00b", true},
		{"\x01\x02\x03\x04 text", true},
	} {
		if got := looksBinary([]byte(tc.in)); got != tc.want {
			t.Errorf("looksBinary(%q) = %v", tc.in, got)
		}
	}
}

func BenchmarkReadJSONL(b *testing.B) {
	var data bytes.Buffer
	for i := range 1000 {
		data.WriteString(`{"id":"b` + strings.Repeat("x", i%7) + `","published":"2024-05-06","text":"TEHRAN, Apr. 16 (MNA) – ` +
			strings.Repeat("The minister met his counterpart and both called for talks. ", 40) + `"}` + "\n")
	}
	b.SetBytes(int64(data.Len()))
	for b.Loop() {
		arts, err := ReadOne(bytes.NewReader(data.Bytes()), "bench.jsonl", Auto, Options{})
		if err != nil || len(arts) != 1000 {
			b.Fatal(len(arts), err)
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	b.SetBytes(int64(len(htmlArticle)))
	for b.Loop() {
		if _, err := ReadOne(strings.NewReader(htmlArticle), "page.html", Auto, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
