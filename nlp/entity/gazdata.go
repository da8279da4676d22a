package entity

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/dyad-org/dyad/nlp/conllu"
	"github.com/dyad-org/dyad/nlp/wordfeat"
)

// GazetteerFiles are the shared data files BuildGazetteer reads, relative to
// the data directory.
var GazetteerFiles = []string{
	"geonames/cities15000.txt",
	"geonames/countryInfo.tsv",
	"phoenix/Phoenix.Countries.actors.txt",
	"phoenix/Phoenix.International.actors.txt",
	"phoenix/Phoenix.MilNonState.actors.txt",
}

// BuildGazetteer derives name lists from the shared data: places from
// GeoNames (cities of 15,000 people or more, countries and capitals), and
// people, organisations and places from the Phoenix actor dictionaries.
func BuildGazetteer(dataDir string) (Gazetteer, error) {
	sets := map[string]map[string]bool{}
	for _, c := range gazCategories {
		sets[c] = map[string]bool{}
	}
	add := func(cat, name string) {
		if p := normaliseName(name); p != "" {
			sets[cat][p] = true
		}
	}
	err := readTSV(filepath.Join(dataDir, GazetteerFiles[0]), func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want GeoNames columns, got %d", len(f))
		}
		add("LOC", f[1])
		add("LOC", f[2])
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(filepath.Join(dataDir, GazetteerFiles[1]), func(f []string) error {
		if len(f) < 6 {
			return fmt.Errorf("want GeoNames country columns, got %d", len(f))
		}
		add("LOC", f[4])
		add("LOC", f[5])
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, name := range GazetteerFiles[2:] {
		path := filepath.Join(dataDir, name)
		actors, err := readActors(path)
		if err != nil {
			return nil, err
		}
		for _, a := range actors {
			cat := a.category(filepath.Base(path))
			for _, n := range a.names {
				add(cat, n)
			}
			if cat != "PER" {
				continue
			}
			// The entry's own name is the person's full name; aliases
			// carry titles ("president josipovic").
			words := strings.Fields(normaliseName(a.names[0]))
			if len(words) >= 2 {
				add("GIVEN", words[0])
				add("FAMILY", words[len(words)-1])
			}
		}
	}
	g := Gazetteer{}
	for c, set := range sets {
		list := make([]string, 0, len(set))
		for p := range set {
			list = append(list, p)
		}
		sort.Strings(list)
		g[c] = list
	}
	return g, nil
}

func readTSV(path string, row func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if err := row(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// actor is one entry of a Phoenix (TABARI) actor dictionary: its names
// (the entry's first, then its "+" aliases), its codes and its comment.
type actor struct {
	names   []string
	codes   []string
	comment string
}

var codeRE = regexp.MustCompile(`\[([^\]]*)\]`)

// readActors parses an actor dictionary: an entry line "NAME [CODE] #
// comment", alias lines "+NAME", and indented "[CODE dates]" lines.
func readActors(path string) ([]actor, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []actor
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		body, comment, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(body) == "" {
			continue
		}
		codes := codeRE.FindAllStringSubmatch(body, -1)
		name := strings.TrimSpace(codeRE.ReplaceAllString(body, ""))
		switch {
		case body[0] == ' ' || body[0] == '\t':
			if len(out) == 0 {
				continue
			}
		case body[0] == '+':
			if len(out) == 0 {
				continue
			}
			out[len(out)-1].names = append(out[len(out)-1].names, name[1:])
		default:
			out = append(out, actor{names: []string{name}, comment: comment})
		}
		a := &out[len(out)-1]
		for _, c := range codes {
			a.codes = append(a.codes, strings.TrimSpace(c[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// category guesses an actor's entity type from its dictionary, its codes and
// its comment: the country dictionary lists countries (bare three-letter
// codes, with their provinces and cities as aliases), office holders
// (marked as from CountryInfo.txt, or with dated codes) and institutions;
// the international one lists organisations and, with dated codes, their
// officers; in the non-state one, names ending in "__" are people.
func (a *actor) category(file string) string {
	dated, country := false, len(a.codes) > 0
	for _, c := range a.codes {
		code, _, hasDates := strings.Cut(c, " ")
		dated = dated || hasDates
		country = country && len(code) == 3
	}
	switch {
	case strings.Contains(file, "MilNonState"):
		if strings.HasSuffix(a.names[0], "__") {
			return "PER"
		}
		return "ORG"
	case strings.Contains(a.comment, "CountryInfo"):
		return "PER"
	case strings.Contains(file, "Countries") && country:
		return "LOC"
	case dated:
		return "PER"
	}
	return "ORG"
}

var parenRE = regexp.MustCompile(`\([^)]*\)`)

// normaliseName turns a dictionary name ("MCDONALD'S_CORP_", "Washington,
// D.C.") into gazetteer form ("mcdonald 's corp", "washington , d.c.").
func normaliseName(s string) string {
	s = parenRE.ReplaceAllString(s, " ")
	s = strings.ToLower(strings.ReplaceAll(s, "_", " "))
	if strings.ContainsAny(s, "+/") {
		return ""
	}
	var words []string
	for _, w := range strings.Fields(s) {
		var tail []string
		for len(w) > 0 && strings.ContainsRune(`,;:!?")`, rune(w[len(w)-1])) {
			tail = append([]string{w[len(w)-1:]}, tail...)
			w = w[:len(w)-1]
		}
		for len(w) > 0 && strings.ContainsRune(`"(`, rune(w[0])) {
			words = append(words, w[:1])
			w = w[1:]
		}
		if base, ok := strings.CutSuffix(w, "'s"); ok && base != "" {
			words = append(words, base, "'s")
		} else if w != "" {
			words = append(words, w)
		}
		words = append(words, tail...)
	}
	if len(words) == 0 || len(words) > gazMaxLen || len(words) == 1 && len([]rune(words[0])) < 2 {
		return ""
	}
	return strings.Join(words, " ")
}

// Casing summarises how a treebank writes each word, by its lowercase form:
// bits 0-2 bucket the share of its uses inside a sentence that are
// capitalised (1 never ... 6 always), bit 3 says it was seen there at least
// five times, bits 4-5 bucket the share of its uses tagged PROPN (0 none, 1
// under half, 2 most, 3 all).
func Casing(treebank []conllu.Sentence) map[string]uint8 {
	type count struct{ mid, caps, all, propn int }
	counts := map[string]*count{}
	for _, s := range treebank {
		for i, w := range s.Words {
			var wf wordfeat.Word
			wordfeat.Compute(&wf, w.Form)
			if wf.Flags&wordfeat.HasLetter == 0 || wf.Flags&wordfeat.HasDigit != 0 {
				continue
			}
			key := strings.ToLower(w.Form)
			c := counts[key]
			if c == nil {
				c = &count{}
				counts[key] = c
			}
			c.all++
			if w.UPOS == "PROPN" {
				c.propn++
			}
			if i > 0 {
				c.mid++
				if wf.Flags&wordfeat.InitUpper != 0 {
					c.caps++
				}
			}
		}
	}
	out := make(map[string]uint8, len(counts))
	for w, c := range counts {
		var v uint8
		if c.mid > 0 {
			r := float64(c.caps) / float64(c.mid)
			switch {
			case c.caps == 0:
				v = 1
			case r < 0.2:
				v = 2
			case r < 0.5:
				v = 3
			case r < 0.8:
				v = 4
			case c.caps < c.mid:
				v = 5
			default:
				v = 6
			}
			if c.mid >= 5 {
				v |= 1 << 3
			}
		}
		switch {
		case c.propn == c.all:
			v |= 3 << 4
		case 2*c.propn >= c.all:
			v |= 2 << 4
		case c.propn > 0:
			v |= 1 << 4
		}
		out[w] = v
	}
	return out
}
