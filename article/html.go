package article

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// fromHTML extracts the main article of a web page with trafilatura: its
// text without navigation and other boilerplate, title, canonical URL, site
// name as publisher, and publication date.
func fromHTML(data []byte) (Article, error) {
	doc, err := html.Parse(bytes.NewReader(toUTF8(data)))
	if err != nil {
		return Article{}, err
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		// Readability and DOM Distiller rescue pages trafilatura alone misses.
		EnableFallback:  true,
		ExcludeComments: true,
		// Trafilatura's date comes from htmldate alone; run below, once,
		// with options of our choosing.
		HtmlDateMode: trafilatura.Disabled,
	})
	if err != nil {
		// Trafilatura fails (with the options above) only when it finds
		// too little text.
		return Article{}, ErrNoText
	}
	paras := paragraphs(res.ContentNode)
	if !hasProse(paras) {
		return Article{}, ErrNoText
	}
	text := strings.Join(paras, "\n\n")
	m := res.Metadata
	a := Article{
		Title:     oneLine(m.Title),
		Text:      strings.ToValidUTF8(text, "\uFFFD"),
		URL:       m.URL,
		Publisher: oneLine(m.Sitename),
	}
	// Fast mode: the original publication date (not the last change) from
	// metadata, markup and URL, without the slow free-text date parser.
	d, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true, URL: m.URL})
	if err == nil {
		a.Published = d.DateTime
	}
	return a, nil
}

// toUTF8 decodes a page that is not valid UTF-8 from the charset its meta
// tag declares (windows-1252 when none, as browsers do). Valid UTF-8 is kept
// whatever the page declares: on the web such a declaration is far more
// often wrong than UTF-8 that validates by chance.
func toUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	enc, name, _ := charset.DetermineEncoding(data, "")
	if name == "utf-8" {
		return data // a few bad bytes; replaced by U+FFFD later
	}
	if out, err := enc.NewDecoder().Bytes(data); err == nil {
		return out
	}
	return data
}

// minProseRunes is the shortest paragraph that counts as prose. It counts
// characters, not words, as Chinese and Japanese put no spaces between words.
const minProseRunes = 50

// hasProse reports whether some paragraph reads like running text: at least
// minProseRunes long with a sentence-final mark. Trafilatura falls back to
// all the text of a page when it finds no article, and from a page without
// one (an index, a menu, an error page) that is link labels and headings.
func hasProse(paras []string) bool {
	for _, p := range paras {
		if strings.ContainsAny(p, ".!?؟。") && utf8.RuneCountInString(p) >= minProseRunes {
			return true
		}
	}
	return false
}

// oneLine makes a metadata string valid UTF-8 on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// paragraphs returns the text of the block elements under n, one string
// each, with white space collapsed as a browser would. Trafilatura's
// ContentText joins paragraphs with single spaces, losing the boundaries that
// sentence splitting and quote detection rely on, so the tree is walked
// instead. A <br> also ends a paragraph, as many news sites separate
// paragraphs with <br><br> alone.
func paragraphs(n *html.Node) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch {
			case skipElements[n.Data]:
				return
			case n.Data == "br":
				flush()
				return
			case n.Data == "td" || n.Data == "th":
				cur.WriteByte(' ') // keep table cells apart
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return paras
}

// Element sets by tag name: trafilatura renames the nodes it converts
// without setting their DataAtom.
var skipElements = map[string]bool{"script": true, "style": true, "noscript": true, "template": true}

var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "caption": true,
	"dd": true, "details": true, "div": true, "dl": true, "dt": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true, "main": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tr": true, "ul": true,
}
