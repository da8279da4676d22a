// Package kb is dyad's actor knowledge base: countries, regions, role words,
// international organisations, armed groups and movements, named state bodies
// and people with dated offices. Each table is a readable tab-separated file
// in this directory (see the comments at the top of each), embedded in the
// binary and parsed once into read-only structs.
//
// Codes are CAMEO-style actor codes as described in the project's gold-file
// format: a country (ISO 3166-1 alpha-3) or region code, then a role
// ("IRNGOV", "ISRMIL"), then optionally a group ("PSEREBHMS"); or an
// international code beginning with IGO, NGO or IMG ("IGOUNO", "NGOHLHIRC").
package kb

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Country is a country or territory with an ISO 3166-1 alpha-3 code, or a
// former state that news still names (the Soviet Union, SUN).
type Country struct {
	ISO3, ISO2 string
	Name       string   // common English name: "Iran"
	Names      []string // other names and short forms: "Islamic Republic of Iran", "Persia"
	Abbrevs    []string // abbreviations, to be matched with their case: "US", "UAE"
	Demonyms   []string // adjectives and names of the people: "Iranian", "Iranians"
	Capitals   []string // capitals, which news uses for the government: "Tehran"
	Places     []string // parts whose names stand for the people there: "Gaza"
}

// Org is an actor with a name and one code: an international organisation, an
// armed group or movement, a named state body, or a region or community
// without a state ("the Muslim world", MOS).
type Org struct {
	Code    string
	Names   []string // the usual name first, then other names
	Abbrevs []string // abbreviations, to be matched with their case: "UN", "IRGC"
}

// Role is a family of words for one role: {"foreign minister", "foreign
// ministers"} → GOV. Words are lower case.
type Role struct {
	Words []string
	Code  string
	// Context is true when a bare mention may take its country from the
	// context ("the army", "the president"), false when only a modifier names
	// the country ("Iranian diplomats": an envoy in Tehran is often foreign).
	Context bool
}

// Term is one office held by one person over a span of dates.
type Term struct {
	Name    string
	Aliases []string
	Code    string // the person's actor code while in this office: "IRNGOV"
	Office  string // "president", "foreign minister", "secretary-general", ...
	From    Date
	To      Date // zero while the person is still in office
}

// KB is the parsed knowledge base. It is read-only after Parse and safe for
// concurrent use.
type KB struct {
	Countries     []Country
	Regions       []Org
	Roles         []Role
	Organizations []Org
	Groups        []Org
	Bodies        []Org
	People        []Term

	byName map[string][]int // NameKey of a name or alias → indexes into People
}

// Date is a calendar date whose day, or month and day, may be unknown (0).
type Date struct{ Y, M, D int }

// ParseDate reads "YYYY-MM-DD", "YYYY-MM" or "YYYY".
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	var n [3]int
	for i, p := range parts {
		want := 2
		if i == 0 {
			want = 4
		}
		v, err := strconv.Atoi(p)
		if len(p) != want || err != nil || v < 0 {
			return Date{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if d.Y == 0 || len(parts) > 1 && (d.M < 1 || d.M > 12) || len(parts) > 2 && (d.D < 1 || d.D > daysIn(d.Y, d.M)) {
		return Date{}, fmt.Errorf("invalid date %q: no such day", s)
	}
	return d, nil
}

// IsZero reports whether d is the zero Date (no date at all).
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as ParseDate reads it; the zero Date gives "".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.M == 0:
		return fmt.Sprintf("%04d", d.Y)
	case d.D == 0:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
}

// lo and hi are the first and last days d may name, as YYYYMMDD numbers.
func (d Date) lo() int {
	m, day := max(d.M, 1), max(d.D, 1)
	return d.Y*10000 + m*100 + day
}

func (d Date) hi() int {
	m, day := d.M, d.D
	if m == 0 {
		m = 12
	}
	if day == 0 {
		day = daysIn(d.Y, m)
	}
	return d.Y*10000 + m*100 + day
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// On reports whether the term may cover d: whether the days the term may span
// (both ends included) overlap the days d may name, so that a term "from
// 2019-03" covers 2019-03-01 and a query for 2019 finds every term held in
// 2019. A zero d matches every term.
func (t Term) On(d Date) bool {
	if d.IsZero() {
		return true
	}
	return t.From.lo() <= d.hi() && (t.To.IsZero() || d.lo() <= t.To.hi())
}

// HoldersOn returns the terms held on d by the people whose name or alias is
// name. Names match ignoring case, accents, apostrophes and punctuation:
// "Amir-Abdollahian" finds "Hossein Amir Abdollahian" when it is an alias.
func (k *KB) HoldersOn(name string, d Date) []Term {
	var out []Term
	for _, i := range k.byName[NameKey(name)] {
		if k.People[i].On(d) {
			out = append(out, k.People[i])
		}
	}
	return out
}

//go:embed *.tsv
var embedded embed.FS

var defaultKB = sync.OnceValue(func() *KB {
	entries, err := embedded.ReadDir(".")
	if err != nil {
		panic("kb: embedded data: " + err.Error())
	}
	files := make(map[string]io.Reader, len(entries))
	for _, e := range entries {
		data, err := embedded.ReadFile(e.Name())
		if err != nil {
			panic("kb: embedded data: " + err.Error())
		}
		files[e.Name()] = bytes.NewReader(data)
	}
	k, err := Parse(files)
	if err != nil {
		panic("kb: embedded data: " + err.Error())
	}
	return k
})

// Default returns the embedded knowledge base, parsed on first use. It panics
// only if the embedded files are corrupt, which the package's tests rule out.
func Default() *KB { return defaultKB() }

// table describes one file: its name, its header and how to read a row.
type table struct {
	file    string
	columns []string
	read    func(*parser, row) error
}

// tables in the order they are read: codes in later files are checked against
// the countries, regions and roles read before them. The people are spread
// over several files named people_*.tsv (by country or region), read after
// these in the order of their names.
var tables = []table{
	{"countries.tsv", []string{"iso3", "iso2", "name", "names", "abbreviations", "demonyms", "capitals", "places"}, (*parser).country},
	{"places.tsv", []string{"iso3", "places"}, (*parser).places},
	{"regions.tsv", orgColumns, (*parser).region},
	{"roles.tsv", []string{"code", "context", "words"}, (*parser).role},
	{"organizations.tsv", orgColumns, func(p *parser, r row) error { return p.org(r, &p.kb.Organizations) }},
	{"groups.tsv", orgColumns, func(p *parser, r row) error { return p.org(r, &p.kb.Groups) }},
	{"bodies.tsv", orgColumns, func(p *parser, r row) error { return p.org(r, &p.kb.Bodies) }},
}

var orgColumns = []string{"code", "name", "aliases", "abbreviations"}

// peopleColumns is the header of every people_*.tsv file.
var peopleColumns = []string{"name", "aliases", "code", "office", "from", "to"}

// isPeopleFile reports whether name is one of the people files,
// "people_<part>.tsv" with a non-empty part.
func isPeopleFile(name string) bool {
	part, ok := strings.CutPrefix(name, "people_")
	if !ok {
		return false
	}
	part, ok = strings.CutSuffix(part, ".tsv")
	return ok && part != ""
}

// Parse reads the knowledge base from its files, keyed by file name:
// "countries.tsv", "places.tsv", "regions.tsv", "roles.tsv", "organizations.tsv",
// "groups.tsv" and "bodies.tsv", all required, and one or more people files
// named "people_*.tsv" ("people_iran.tsv"). Errors name the file, the line and
// the field: "people_iran.tsv:12: field to: ...".
func Parse(files map[string]io.Reader) (*KB, error) {
	known := make(map[string]bool, len(tables))
	for _, t := range tables {
		known[t.file] = true
		if files[t.file] == nil {
			return nil, fmt.Errorf("kb: missing file %s", t.file)
		}
	}
	var people []string
	for name := range files {
		switch {
		case known[name]:
		case isPeopleFile(name):
			people = append(people, name)
		default:
			return nil, fmt.Errorf("kb: unknown file %s", name)
		}
	}
	if len(people) == 0 {
		return nil, fmt.Errorf("kb: missing people files (people_*.tsv)")
	}
	sort.Strings(people)
	p := &parser{
		kb:       &KB{byName: make(map[string][]int)},
		iso2:     make(map[string]bool),
		prefixes: make(map[string]bool),
		roles:    make(map[string]bool),
		words:    make(map[string]bool),
	}
	all := append([]table(nil), tables...)
	for _, name := range people {
		all = append(all, table{name, peopleColumns, (*parser).person})
	}
	for _, t := range all {
		if err := readTable(t, files[t.file], p); err != nil {
			return nil, err
		}
	}
	return p.kb, nil
}

// row is one data line of a file.
type row struct {
	file   string
	line   int
	cols   []string
	fields []string
}

// get returns the trimmed field of column col; missing trailing fields are empty.
func (r row) get(col string) string {
	for i, c := range r.cols {
		if c == col {
			if i < len(r.fields) {
				return strings.TrimSpace(r.fields[i])
			}
			return ""
		}
	}
	panic("kb: no column " + col) // a programming error in tables
}

// list splits a ';'-separated field, dropping empty items.
func (r row) list(col string) []string {
	var out []string
	for _, s := range strings.Split(r.get(col), ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (r row) errorf(col, format string, args ...any) error {
	return fmt.Errorf("%s:%d: field %s: %s", r.file, r.line, col, fmt.Sprintf(format, args...))
}

// required returns the field of column col or an error when it is empty.
func (r row) required(col string) (string, error) {
	if v := r.get(col); v != "" {
		return v, nil
	}
	return "", r.errorf(col, "empty")
}

// readTable checks the header of one file and passes each data line to t.read.
// Blank lines and lines starting with '#' are skipped.
func readTable(t table, rd io.Reader, p *parser) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	header := strings.Join(t.columns, "\t")
	seenHeader := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !seenHeader {
			if line != header {
				return fmt.Errorf("%s:%d: header %q, want %q", t.file, n, line, header)
			}
			seenHeader = true
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) > len(t.columns) {
			return fmt.Errorf("%s:%d: %d fields, want at most %d (%s)", t.file, n, len(fields), len(t.columns), strings.Join(t.columns, ", "))
		}
		if err := t.read(p, row{t.file, n, t.columns, fields}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", t.file, err)
	}
	if !seenHeader {
		return fmt.Errorf("%s: no header line, want %q", t.file, header)
	}
	return nil
}

// parser holds what earlier rows established, to check later ones.
type parser struct {
	kb       *KB
	iso2     map[string]bool
	prefixes map[string]bool // country ISO3 and region codes
	roles    map[string]bool // role codes
	words    map[string]bool // role words
}

func isUpper(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (p *parser) country(r row) error {
	iso3, iso2 := r.get("iso3"), r.get("iso2")
	if !isUpper(iso3, 3) {
		return r.errorf("iso3", "%q is not three capital letters", iso3)
	}
	if p.prefixes[iso3] {
		return r.errorf("iso3", "duplicate %s", iso3)
	}
	if !isUpper(iso2, 2) {
		return r.errorf("iso2", "%q is not two capital letters", iso2)
	}
	if p.iso2[iso2] {
		return r.errorf("iso2", "duplicate %s", iso2)
	}
	name, err := r.required("name")
	if err != nil {
		return err
	}
	p.prefixes[iso3], p.iso2[iso2] = true, true
	p.kb.Countries = append(p.kb.Countries, Country{
		ISO3: iso3, ISO2: iso2, Name: name,
		Names: r.list("names"), Abbrevs: r.list("abbreviations"), Demonyms: r.list("demonyms"), Capitals: r.list("capitals"), Places: r.list("places"),
	})
	return nil
}

// places reads a row of places.tsv: more places of a country read before.
func (p *parser) places(r row) error {
	iso3 := r.get("iso3")
	for i := range p.kb.Countries {
		if c := &p.kb.Countries[i]; c.ISO3 == iso3 {
			c.Places = append(c.Places, r.list("places")...)
			return nil
		}
	}
	return r.errorf("iso3", "%q is not a country of countries.tsv", iso3)
}

func (p *parser) role(r row) error {
	code := r.get("code")
	if !isUpper(code, 3) {
		return r.errorf("code", "%q is not three capital letters", code)
	}
	var context bool
	switch c := r.get("context"); c {
	case "yes":
		context = true
	case "no":
	default:
		return r.errorf("context", "%q, want yes or no", c)
	}
	words := r.list("words")
	if len(words) == 0 {
		return r.errorf("words", "empty")
	}
	for _, w := range words {
		if w != strings.ToLower(w) {
			return r.errorf("words", "%q is not lower case", w)
		}
		if p.words[w] {
			return r.errorf("words", "duplicate word %q", w)
		}
		p.words[w] = true
	}
	p.roles[code] = true
	p.kb.Roles = append(p.kb.Roles, Role{Words: words, Code: code, Context: context})
	return nil
}

// region reads a row of regions.tsv: a bare three-letter code, which becomes a
// valid first chunk of later codes ("MEAGOV").
func (p *parser) region(r row) error {
	code := r.get("code")
	if !isUpper(code, 3) {
		return r.errorf("code", "%q is not three capital letters", code)
	}
	if p.prefixes[code] {
		return r.errorf("code", "duplicate %s (a country or region has it)", code)
	}
	p.prefixes[code] = true
	return appendOrg(r, code, &p.kb.Regions)
}

// org reads a row of organizations.tsv, groups.tsv or bodies.tsv into dst.
func (p *parser) org(r row, dst *[]Org) error {
	code := r.get("code")
	if err := p.checkCode(code); err != nil {
		return r.errorf("code", "%v", err)
	}
	return appendOrg(r, code, dst)
}

func appendOrg(r row, code string, dst *[]Org) error {
	name, err := r.required("name")
	if err != nil {
		return err
	}
	*dst = append(*dst, Org{Code: code, Names: append([]string{name}, r.list("aliases")...), Abbrevs: r.list("abbreviations")})
	return nil
}

func (p *parser) person(r row) error {
	name, err := r.required("name")
	if err != nil {
		return err
	}
	code := r.get("code")
	if err := p.checkCode(code); err != nil {
		return r.errorf("code", "%v", err)
	}
	office, err := r.required("office")
	if err != nil {
		return err
	}
	fromText, err := r.required("from")
	if err != nil {
		return err
	}
	from, err := ParseDate(fromText)
	if err != nil {
		return r.errorf("from", "%v", err)
	}
	var to Date
	if s := r.get("to"); s != "" {
		if to, err = ParseDate(s); err != nil {
			return r.errorf("to", "%v", err)
		}
		if to.hi() < from.lo() {
			return r.errorf("to", "%s is before from %s", to, from)
		}
	}
	t := Term{Name: name, Aliases: r.list("aliases"), Code: code, Office: office, From: from, To: to}
	i := len(p.kb.People)
	p.kb.People = append(p.kb.People, t)
	seen := make(map[string]bool, len(t.Aliases)+1)
	for _, n := range append([]string{t.Name}, t.Aliases...) {
		key := NameKey(n)
		if key == "" {
			return r.errorf("aliases", "%q has no letters", n)
		}
		if !seen[key] {
			seen[key] = true
			p.kb.byName[key] = append(p.kb.byName[key], i)
		}
	}
	return nil
}

// checkCode checks the shape of an actor code: three-letter chunks of capital
// letters; IGO, NGO or IMG followed by any chunks; or a known country or
// region, then optionally a role from roles.tsv, then any chunks.
func (p *parser) checkCode(code string) error {
	if code == "" {
		return fmt.Errorf("empty")
	}
	if len(code)%3 != 0 || !isUpper(code, len(code)) {
		return fmt.Errorf("%q is not made of three-letter chunks of capital letters", code)
	}
	switch code[:3] {
	case "IGO", "NGO", "IMG":
		return nil
	}
	if !p.prefixes[code[:3]] {
		return fmt.Errorf("%q: %s is not a known country or region code", code, code[:3])
	}
	if len(code) >= 6 && !p.roles[code[3:6]] {
		return fmt.Errorf("%q: %s is not a role code in roles.tsv", code, code[3:6])
	}
	return nil
}

// NameKey is the form in which names are compared: lower case, Latin accents
// removed, apostrophes dropped, and every run of other characters that are not
// letters or digits turned into one space.
func NameKey(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range s {
		switch f, k := nameRune(r); k {
		case letter:
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteString(f)
		case separator:
			gap = true
		}
	}
	return b.String()
}

// NameHashes appends to out one hash for each word of NameKey(s), without
// building the key: the actor matcher hashes every token this way, and the
// names of the knowledge base the same way, so the two always agree.
func NameHashes(s string, out []uint64) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h, inWord := uint64(offset), false
	for _, r := range s {
		switch f, k := nameRune(r); k {
		case letter:
			for i := 0; i < len(f); i++ {
				h = (h ^ uint64(f[i])) * prime
			}
			inWord = true
		case separator:
			if inWord {
				out = append(out, h)
				h, inWord = offset, false
			}
		}
	}
	if inWord {
		out = append(out, h)
	}
	return out
}

// What a rune is in a name.
const (
	dropped   = iota // apostrophes: "O'Brien" is "obrien"
	letter           // letters and digits, folded to plain lower case
	separator        // anything else separates words
)

// nameRune says what r is in a name, and for a letter its folded form.
func nameRune(r rune) (string, int) {
	r = unicode.ToLower(r)
	switch {
	case strings.ContainsRune("'’‘`´ʼʻʿʾ", r):
		return "", dropped
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return fold(r), letter
	}
	return "", separator
}

// fold maps a lower-case Latin letter with a diacritic to its plain letters.
func fold(r rune) string {
	if r < 0x80 {
		return string(r)
	}
	switch {
	case strings.ContainsRune("àáâãäåāăąǎạảấầẩẫậắằẳẵặ", r):
		return "a"
	case strings.ContainsRune("çćĉċč", r):
		return "c"
	case strings.ContainsRune("ďđḍ", r):
		return "d"
	case strings.ContainsRune("èéêëēĕėęěẹẻẽếềểễệ", r):
		return "e"
	case strings.ContainsRune("ĝğġģ", r):
		return "g"
	case strings.ContainsRune("ĥħḥ", r):
		return "h"
	case strings.ContainsRune("ìíîïĩīĭįıǐịỉ", r):
		return "i"
	case strings.ContainsRune("ĵ", r):
		return "j"
	case strings.ContainsRune("ķ", r):
		return "k"
	case strings.ContainsRune("ĺļľŀł", r):
		return "l"
	case strings.ContainsRune("ñńņňŉ", r):
		return "n"
	case strings.ContainsRune("òóôõöøōŏőǒọỏốồổỗộơớờởỡợ", r):
		return "o"
	case strings.ContainsRune("ŕŗř", r):
		return "r"
	case strings.ContainsRune("śŝşšșṣ", r):
		return "s"
	case strings.ContainsRune("ţťŧțṭ", r):
		return "t"
	case strings.ContainsRune("ùúûüũūŭůűųǔụủưứừửữự", r):
		return "u"
	case strings.ContainsRune("ŵ", r):
		return "w"
	case strings.ContainsRune("ýÿŷỳỵỷỹ", r):
		return "y"
	case strings.ContainsRune("źżžẓ", r):
		return "z"
	case r == 'ß':
		return "ss"
	case r == 'æ':
		return "ae"
	case r == 'œ':
		return "oe"
	case r == 'þ':
		return "th"
	case r == 'ð':
		return "d"
	}
	return string(r)
}
