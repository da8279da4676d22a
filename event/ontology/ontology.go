// Package ontology holds the CAMEO event ontology: every CAMEO event code with
// its short name, Goldstein weight and quad class, the PLOVER event type and
// mode each code maps to, and the role codes used inside CAMEO-style actor
// codes (the GOV in IRNGOV).
//
// The tables are tab-separated files embedded in the binary (cameo.tsv,
// plover.tsv, roles.tsv), so that they can be read and reviewed as data;
// Default loads them once. Parse reads tables of the same format from
// elsewhere. An Ontology is read-only and safe for concurrent use.
package ontology

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

var (
	//go:embed cameo.tsv
	cameoTSV string
	//go:embed plover.tsv
	ploverTSV string
	//go:embed roles.tsv
	rolesTSV string
)

// Event is one CAMEO event code and what the ontology knows about it.
type Event struct {
	Code       string  // 2 to 4 digits; the first two are the root: "02", "023", "0231"
	Name       string  // short English name, lower case
	Goldstein  float64 // Goldstein weight, from -10 (most conflictual) to +10 (most cooperative)
	Quad       int     // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	PloverType string  // PLOVER event type ("CONSULT"); "" where PLOVER has none (roots 01 and 02)
	PloverMode string  // PLOVER mode ("visit"); "" where PLOVER defines none for the code
}

// Ontology is a loaded set of tables. Its methods never modify it.
type Ontology struct {
	events map[string]Event
	codes  []string // sorted; a parent sorts before its children ("023" < "0231")
	roles  map[string]string
}

var defaultOntology = sync.OnceValue(func() *Ontology {
	o, err := Parse(strings.NewReader(cameoTSV), strings.NewReader(ploverTSV), strings.NewReader(rolesTSV))
	if err != nil {
		// The embedded tables are fixed at build time and parsed by the tests,
		// so this is a build fault, not a run-time condition to handle.
		panic("ontology: embedded tables are corrupt: " + err.Error())
	}
	return o
})

// Default returns the ontology built from the embedded tables, loaded on
// first use and shared afterwards.
func Default() *Ontology { return defaultOntology() }

// Parse reads the three tables: cameo.tsv (code, name, goldstein, quad),
// plover.tsv (code, plover_type, plover_mode; "-" for none) and roles.tsv
// (code, meaning). Each starts with its header line; blank lines and lines
// beginning with # are skipped. A 3- or 4-digit code without a plover.tsv row
// takes its parent's PLOVER type, but not its mode, which names how the
// parent's act was done and need not fit the child's. Errors name the file
// and line: "cameo.tsv:17: goldstein: ...".
func Parse(cameo, plover, roles io.Reader) (*Ontology, error) {
	o := &Ontology{events: map[string]Event{}, roles: map[string]string{}}
	cameoLine := map[string]int{}
	err := readTable(cameo, "cameo.tsv", []string{"code", "name", "goldstein", "quad"}, func(line int, f []string) error {
		code := f[0]
		if !isCode(code) {
			return fmt.Errorf("code: %q is not 2 to 4 digits", code)
		}
		if first, dup := cameoLine[code]; dup {
			return fmt.Errorf("code: %s repeats line %d", code, first)
		}
		if f[1] == "" {
			return errors.New("name: empty")
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return fmt.Errorf("goldstein: %q is not a number", f[2])
		}
		if !(g >= -10 && g <= 10) { // written this way round so that NaN fails too
			return fmt.Errorf("goldstein: %v is outside [-10, 10]", g)
		}
		q, err := strconv.Atoi(f[3])
		if err != nil || q < 1 || q > 4 {
			return fmt.Errorf("quad: %q is not 1, 2, 3 or 4", f[3])
		}
		cameoLine[code] = line
		o.events[code] = Event{Code: code, Name: f[1], Goldstein: g, Quad: q}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for code := range o.events {
		o.codes = append(o.codes, code)
	}
	slices.Sort(o.codes)
	// Checked after reading so that the file need not list parents first.
	for _, code := range o.codes {
		ev := o.events[code]
		if p := parent(code); p != "" {
			if _, ok := o.events[p]; !ok {
				return nil, fmt.Errorf("cameo.tsv:%d: code: %s has no parent %s", cameoLine[code], code, p)
			}
		}
		if root := o.events[code[:2]]; ev.Quad != root.Quad {
			return nil, fmt.Errorf("cameo.tsv:%d: quad: %d differs from root %s's %d", cameoLine[code], ev.Quad, root.Code, root.Quad)
		}
	}

	mapped := map[string]int{}
	err = readTable(plover, "plover.tsv", []string{"code", "plover_type", "plover_mode"}, func(line int, f []string) error {
		code := f[0]
		ev, ok := o.events[code]
		if !ok {
			return fmt.Errorf("code: %q is not in cameo.tsv", code)
		}
		if first, dup := mapped[code]; dup {
			return fmt.Errorf("code: %s repeats line %d", code, first)
		}
		typ, mode := none(f[1]), none(f[2])
		if !isWord(typ, 'A', 'Z') {
			return fmt.Errorf("plover_type: %q is not an upper-case word or -", f[1])
		}
		if !isWord(mode, 'a', 'z') {
			return fmt.Errorf("plover_mode: %q is not a lower-case word or -", f[2])
		}
		if typ == "" && mode != "" {
			return fmt.Errorf("plover_mode: %q given without a type", mode)
		}
		mapped[code] = line
		ev.PloverType, ev.PloverMode = typ, mode
		o.events[code] = ev
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Parents sort before their children, so an inherited type passes on down.
	for _, code := range o.codes {
		if _, ok := mapped[code]; ok || len(code) == 2 {
			continue
		}
		ev := o.events[code]
		ev.PloverType = o.events[parent(code)].PloverType
		o.events[code] = ev
	}

	err = readTable(roles, "roles.tsv", []string{"code", "meaning"}, func(_ int, f []string) error {
		code := f[0]
		if len(code) != 3 || strings.Contains(code, "-") || !isWord(code, 'A', 'Z') {
			return fmt.Errorf("code: %q is not three upper-case letters", code)
		}
		if _, dup := o.roles[code]; dup {
			return fmt.Errorf("code: %s repeats", code)
		}
		if f[1] == "" {
			return errors.New("meaning: empty")
		}
		o.roles[code] = f[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// readTable checks the header of a tab-separated table and calls row for each
// data line with its 1-based line number and trimmed fields, prefixing any
// error with file:line.
func readTable(r io.Reader, file string, header []string, row func(line int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	line, seenHeader := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if !seenHeader {
			if !slices.Equal(fields, header) {
				return fmt.Errorf("%s:%d: header: want %q, got %q", file, line, strings.Join(header, "\t"), text)
			}
			seenHeader = true
			continue
		}
		if len(fields) != len(header) {
			return fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", file, line, len(header), len(fields))
		}
		if err := row(line, fields); err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", file, line+1, err)
	}
	if !seenHeader {
		return fmt.Errorf("%s: no header line", file)
	}
	return nil
}

// Event returns the entry for exactly this code ("0231", not "231").
func (o *Ontology) Event(code string) (Event, bool) {
	ev, ok := o.events[code]
	return ev, ok
}

// Root returns the root of a code, its first two digits: "0231" gives "02".
// A well-formed code that is not in the ontology (from another CAMEO variant,
// say) still gets its root if that root is known; otherwise Root returns "".
func (o *Ontology) Root(code string) string {
	if !isCode(code) {
		return ""
	}
	if _, ok := o.events[code[:2]]; !ok {
		return ""
	}
	return code[:2]
}

// QuadClass returns the quad class of the code's root (1 to 4), or 0 where
// Root finds no root.
func (o *Ontology) QuadClass(code string) int {
	root := o.Root(code)
	if root == "" {
		return 0
	}
	return o.events[root].Quad
}

// Codes returns every event code, sorted; the slice is the caller's own.
func (o *Ontology) Codes() []string { return slices.Clone(o.codes) }

// Role returns the meaning of an actor role or type code such as "GOV".
func (o *Ontology) Role(code string) (meaning string, ok bool) {
	meaning, ok = o.roles[code]
	return meaning, ok
}

// isCode reports whether s has the form of a CAMEO event code: 2 to 4 digits.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parent returns the code one level up ("0231" → "023", "023" → "02"), or ""
// for a root.
func parent(code string) string {
	if len(code) <= 2 {
		return ""
	}
	return code[:len(code)-1]
}

// none maps the tables' "-" (no value) to "".
func none(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// isWord reports whether s is empty or made of letters in [lo, hi], with
// inner hyphens ("heavy-weapons").
func isWord(s string, lo, hi byte) bool {
	for i := range len(s) {
		c := s[i]
		inner := i > 0 && i < len(s)-1
		if !(c >= lo && c <= hi) && !(inner && c == '-') {
			return false
		}
	}
	return true
}
