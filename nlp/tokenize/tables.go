package tokenize

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed words.txt
var wordsFile string

// abbrKind says when an abbreviation keeps its period (see words.txt).
type abbrKind uint8

const (
	abbrNone   abbrKind = iota
	abbrPlain           // unless a sentence opener follows
	abbrTitle           // unless the text or paragraph ends
	abbrNumber          // only before a number
)

var listNames = []string{"title", "number", "plain", "opener", "continuation", "prefix", "fused", "unit", "emoticon", "elision"}

// The lists of words.txt, built once at init.
var (
	abbrevs      map[string]abbrKind
	openers      map[string]bool
	maxOpener    int // longer than any opener
	continuation map[string]bool
	prefixes     map[string]bool  // lowercase
	units        map[string]bool  // lowercase
	fused        map[string][]int // lowercase word → byte offsets of its splits
	fusedEnds    [1 << 10]uint64  // bit set of the last two bytes of fused words
	elisions     map[string]bool
	emoticons    [256][]string // by first byte
)

func init() {
	lists := parseLists(wordsFile)
	for name := range lists {
		if !slices.Contains(listNames, name) {
			panic(fmt.Sprintf("tokenize: words.txt: unknown list %q", name))
		}
	}
	abbrevs = map[string]abbrKind{}
	for kind, name := range map[abbrKind]string{abbrPlain: "plain", abbrTitle: "title", abbrNumber: "number"} {
		for _, w := range lists[name] {
			abbrevs[w] = kind
		}
	}
	openers = set(lists["opener"])
	for w := range openers {
		maxOpener = max(maxOpener, len(w)+1)
	}
	continuation = set(lists["continuation"])
	prefixes = set(lists["prefix"])
	units = set(lists["unit"])
	elisions = set(lists["elision"])
	for _, e := range lists["emoticon"] {
		emoticons[e[0]] = append(emoticons[e[0]], e)
	}
	fused = map[string][]int{}
	for _, w := range lists["fused"] {
		parts := strings.Split(w, "|")
		word, cuts := "", []int{}
		for i, p := range parts {
			if i > 0 {
				cuts = append(cuts, len(word))
			}
			word += p
		}
		if len(word) < 3 || len(word) > 8 {
			panic(fmt.Sprintf("tokenize: words.txt: fused word %q is not 3 to 8 letters long", word))
		}
		fused[word] = cuts
		k := suffix2(word)
		fusedEnds[k>>6] |= 1 << (k & 63)
	}
}

// suffix2 packs the last two bytes of w, lowercased if ASCII letters.
func suffix2(w string) uint16 {
	return uint16(w[len(w)-2]|0x20)<<8 | uint16(w[len(w)-1]|0x20)
}

// parseLists reads the "== name" sections of words.txt.
func parseLists(src string) map[string][]string {
	lists := map[string][]string{}
	name := ""
	for i, line := range strings.Split(src, "\n") {
		if c := strings.IndexByte(line, '#'); c >= 0 && !strings.HasPrefix(line, "==") {
			line = line[:c]
		}
		if n, ok := strings.CutPrefix(line, "=="); ok {
			name = strings.TrimSpace(n)
			continue
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if name == "" {
			panic(fmt.Sprintf("tokenize: words.txt:%d: words before the first \"==\" line", i+1))
		}
		lists[name] = append(lists[name], f...)
	}
	return lists
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
