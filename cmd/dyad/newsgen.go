package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

// newsGen makes deterministic news-like articles for benchmarks: a headline,
// a wire dateline and paragraphs whose sentences combine made-up officials,
// states and groups with the verbs of political news (meetings, appeals,
// condemnations, accusations, arrests, attacks), quotations, negations and
// time expressions, so that the parser and the coder see the sentence shapes
// and lengths of real wire copy. The names are invented; the tables below are
// all its knowledge.
type newsGen struct {
	r *rand.Rand
}

func newNewsGen(seed uint64) *newsGen {
	return &newsGen{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}
}

type country struct{ name, adj, capital string }

var (
	genCountries = []country{
		{"Turkey", "Turkish", "Ankara"}, {"Egypt", "Egyptian", "Cairo"}, {"Iran", "Iranian", "Tehran"},
		{"Israel", "Israeli", "Jerusalem"}, {"Qatar", "Qatari", "Doha"}, {"France", "French", "Paris"},
		{"Germany", "German", "Berlin"}, {"Russia", "Russian", "Moscow"}, {"China", "Chinese", "Beijing"},
		{"Japan", "Japanese", "Tokyo"}, {"Brazil", "Brazilian", "Brasilia"}, {"Kenya", "Kenyan", "Nairobi"},
		{"India", "Indian", "New Delhi"}, {"Pakistan", "Pakistani", "Islamabad"}, {"Jordan", "Jordanian", "Amman"},
		{"Lebanon", "Lebanese", "Beirut"}, {"Iraq", "Iraqi", "Baghdad"}, {"Saudi Arabia", "Saudi", "Riyadh"},
		{"the United States", "US", "Washington"}, {"Indonesia", "Indonesian", "Jakarta"},
	}
	genOffices = []string{"Foreign Minister", "President", "Prime Minister", "Defence Minister",
		"Interior Minister", "army chief", "ambassador to the United Nations", "opposition leader", "parliament speaker"}
	genFirst  = []string{"Amal", "Hakan", "Sara", "Omar", "Lena", "Yusuf", "Mira", "Daniel", "Karim", "Elif", "Tomas", "Nadia"}
	genLast   = []string{"Haddad", "Kaya", "Novak", "Rahimi", "Okafor", "Laurent", "Sato", "Mendes", "Farouk", "Berger", "Aydin", "Qureshi"}
	genBodies = []string{"the United Nations", "the European Union", "the Arab League", "NATO", "the Red Cross",
		"the UN Security Council", "the International Atomic Energy Agency"}
	genPeople  = []string{"protesters", "students", "residents", "worshipers", "journalists", "activists", "farmers"}
	genForces  = []string{"police", "security forces", "troops", "the army", "rebel fighters", "border guards"}
	genTopics  = []string{"energy", "trade", "the border dispute", "water rights", "refugees", "the nuclear programme", "maritime security", "the ceasefire"}
	genActions = []string{"end the violence", "release the detainees", "return to negotiations", "respect the ceasefire",
		"open the border crossings", "withdraw its troops", "allow aid into the region", "hold early elections"}
	genCrimes = []string{"violating the ceasefire", "supporting armed groups", "spying", "attacking civilians",
		"interfering in its internal affairs", "smuggling weapons across the border"}
	genMerits = []string{"its role in the talks", "its humanitarian efforts", "the release of the hostages", "its support for the agreement"}
	genTimes  = []string{"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday night",
		"last week", "earlier this month", "yesterday", "", "", ""}
	genTails = []string{"", "", "", ", according to a statement from the ministry", ", state media reported",
		" amid rising tensions over %s", ", officials said", " after talks that lasted several hours"}
	genQuotes = []string{"We will not accept any threat to our security", "This is a historic day for our two nations",
		"The international community must act now", "We want to double our trade within five years",
		"Dialogue is the only way forward", "Those responsible will be held to account"}
	genCues   = []string{"told reporters", "said in a statement", "wrote on social media", "said at a news conference"}
	genMonths = []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}
)

func (g *newsGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *newsGen) country() country { return genCountries[g.r.IntN(len(genCountries))] }

// official is a named office holder: "Turkish Foreign Minister Elif Kaya".
func (g *newsGen) official() string {
	return fmt.Sprintf("%s %s %s %s", g.country().adj, g.pick(genOffices), g.pick(genFirst), g.pick(genLast))
}

// actor is any political actor, the kinds mixed about as often as news has them.
func (g *newsGen) actor() string {
	switch g.r.IntN(6) {
	case 0, 1:
		return g.official()
	case 2:
		return g.country().name
	case 3:
		return "the " + g.country().adj + " government"
	case 4:
		return g.pick(genBodies)
	}
	return g.country().adj + " " + g.pick(genForces)
}

// event is a sentence stating an interaction between two actors.
func (g *newsGen) event() string {
	a, b, c := g.actor(), g.actor(), g.country()
	var s string
	switch g.r.IntN(12) {
	case 0:
		s = fmt.Sprintf("%s met %s in %s", a, b, c.capital)
	case 1:
		s = fmt.Sprintf("%s condemned %s for %s", a, b, g.pick(genCrimes))
	case 2:
		s = fmt.Sprintf("%s urged %s to %s", a, b, g.pick(genActions))
	case 3:
		s = fmt.Sprintf("%s accused %s of %s", a, b, g.pick(genCrimes))
	case 4:
		s = fmt.Sprintf("%s praised %s for %s", a, b, g.pick(genMerits))
	case 5:
		s = fmt.Sprintf("%s signed an agreement with %s on %s", a, b, g.pick(genTopics))
	case 6:
		s = fmt.Sprintf("%s held a phone call with %s to discuss %s", a, b, g.pick(genTopics))
	case 7:
		s = fmt.Sprintf("%s %s arrested dozens of %s in %s", c.adj, g.pick(genForces), g.pick(genPeople), c.capital)
	case 8:
		s = fmt.Sprintf("%s %s fired on %s near %s, wounding at least %d people", c.adj, g.pick(genForces), g.pick(genPeople), c.capital, 2+g.r.IntN(40))
	case 9:
		s = fmt.Sprintf("%s did not condemn %s for %s", a, b, g.pick(genCrimes))
	case 10:
		s = fmt.Sprintf("%s threatened to impose sanctions on %s over %s", a, b, g.pick(genTopics))
	default:
		s = fmt.Sprintf("%s rejected a proposal by %s to %s", a, b, g.pick(genActions))
	}
	if t := g.pick(genTimes); t != "" {
		s += " " + t
	}
	tail := g.pick(genTails)
	if strings.Contains(tail, "%s") {
		tail = fmt.Sprintf(tail, g.pick(genTopics))
	}
	return capitalize(s+tail) + "."
}

// quote is a quotation with its speaker.
func (g *newsGen) quote() string {
	return fmt.Sprintf("\"%s,\" %s %s.", g.pick(genQuotes), g.official(), g.pick(genCues))
}

// filler is a sentence of background with no event in it.
func (g *newsGen) filler() string {
	c := g.country()
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("The talks were the first of their kind since %d.", 1990+g.r.IntN(34))
	case 1:
		return fmt.Sprintf("Trade between %s and its neighbours reached %d billion dollars last year.", c.name, 2+g.r.IntN(90))
	case 2:
		return "The ministry did not give further details."
	}
	return fmt.Sprintf("At least %d people were killed in the clashes in %s, according to local officials.", 2+g.r.IntN(30), c.capital)
}

func (g *newsGen) sentence() string {
	switch n := g.r.IntN(10); {
	case n < 6:
		return g.event()
	case n < 8:
		return g.quote()
	}
	return g.filler()
}

// article returns one article's headline and text (the headline, a blank
// line, then paragraphs, the first after a dateline) and its number of
// sentences, the headline counted.
func (g *newsGen) article(published time.Time) (title, text string, sentences int) {
	a, b := g.country(), g.country()
	title = fmt.Sprintf("%s and %s %s over %s", a.name, b.name, g.pick([]string{"clash", "agree", "hold talks", "trade accusations"}), g.pick(genTopics))
	title = capitalize(title)
	var sb strings.Builder
	sb.WriteString(title)
	fmt.Fprintf(&sb, "\n\n%s, %s %d (Dyad Wire) – ", strings.ToUpper(a.capital), genMonths[published.Month()-1], published.Day())
	sentences = 1
	paragraphs := 4 + g.r.IntN(6)
	for p := range paragraphs {
		if p > 0 {
			sb.WriteString("\n\n")
		}
		for s := range 1 + g.r.IntN(3) {
			if s > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(g.sentence())
			sentences++
		}
	}
	return title, sb.String(), sentences
}

// corpusStats describes a generated corpus.
type corpusStats struct {
	articles, sentences int
	textBytes           int64
}

// writeCorpus writes generated articles as JSON Lines to path until their
// text adds up to at least size bytes. Each article is written as it is
// made, so generating takes no more memory for 10 MiB than for 10 GiB.
func writeCorpus(path string, size int64, seed uint64) (corpusStats, error) {
	f, err := os.Create(path)
	if err != nil {
		return corpusStats{}, err
	}
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	g := newNewsGen(seed)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var st corpusStats
	for st.textBytes < size && err == nil {
		published := base.AddDate(0, 0, st.articles%366)
		title, text, n := g.article(published)
		st.articles++
		st.sentences += n
		st.textBytes += int64(len(text))
		err = enc.Encode(map[string]string{
			"id": fmt.Sprintf("bench-%06d", st.articles), "published": published.Format(time.DateOnly),
			"publisher": "Dyad Wire", "title": title, "text": text,
		})
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return st, err
}

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
