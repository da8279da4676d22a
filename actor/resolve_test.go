package actor

import (
	"testing"
	"time"

	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/pipeline"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// mentionsOf resolves text published on date and returns the mentions by
// the text of their head token.
func mentionsOf(t *testing.T, text, date string) map[string]Mention {
	t.Helper()
	return byHead(resolve(t, text, Context{Date: day(date)}))
}

// resolve analyses text and resolves its mentions in context c.
func resolve(t *testing.T, text string, c Context) (*nlp.Doc, *Mentions) {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := p.Analyze(text)
	return doc, Default().Resolve(doc, c)
}

// byHead keys mentions by the text of their head token.
func byHead(doc *nlp.Doc, ms *Mentions) map[string]Mention {
	out := map[string]Mention{}
	for _, m := range ms.List {
		out[doc.Sentences[m.Sentence].Tokens[m.Head].Text] = m
	}
	return out
}

func TestResolveCodes(t *testing.T) {
	cases := []struct {
		text, date string
		want       map[string]string // mention text → code
	}{
		{"Chinese Foreign Minister Wang Yi met his Brazilian counterpart in Beijing on Monday.", "2023-05-08",
			map[string]string{"Wang": "CHNGOV", "counterpart": "BRAGOV", "Beijing": "CHNGOV"}},
		// An office holder is coded by the office held on the article's date.
		{"Ebrahim Raisi spoke to reporters.", "2019-06-01", map[string]string{"Ebrahim": "IRNJUD"}},
		{"Ebrahim Raisi spoke to reporters.", "2022-06-01", map[string]string{"Ebrahim": "IRNGOV"}},
		// A title codes a name the knowledge base does not know.
		{"Ruritanian troops crossed the river, and Indonesian President Budi Santoso protested.", "2022-01-10",
			map[string]string{"Budi": "IDNGOV"}},
		{"Palestinian worshipers gathered as Israeli security forces closed the gates.", "2022-04-15",
			map[string]string{"worshipers": "PSECVL", "forces": "ISRMIL"}},
		{"The Organization of Islamic Cooperation met in Jeddah.", "2021-05-16",
			map[string]string{"Organization": "IGOMOSOIC"}},
		{"Hamas fighters fired rockets at Tel Aviv.", "2021-05-16",
			map[string]string{"fighters": "PSEREBHMS"}},
		{"The Palestinian people will not surrender, Turkey's president said.", "2021-05-16",
			map[string]string{"people": "PSE", "president": "TURGOV"}},
		// Lower case names only roles and what the base writes in lower case.
		{"A Turkish engineer told the international community that turkey is cheap.", "2004-09-01",
			map[string]string{"engineer": "TURCVL", "community": "IGO"}},
		// A region's adjective with a government's role word is the
		// region's role; with another, it describes the people of the
		// place the passage is about.
		{"Some European leaders and Arab diplomats criticised the plan.", "2022-11-03",
			map[string]string{"leaders": "EURGOV", "diplomats": "ARBGOV"}},
		{"Arab militiamen burned villages in Darfur.", "2004-09-01",
			map[string]string{"militiamen": "SDNREB"}},
		// "anti-American protesters" are not Americans; "anti-government"
		// names no actor.
		{"Anti-American protesters marched in Cairo while anti-government students stayed home.", "2022-11-03",
			map[string]string{"protesters": "EGYCVL", "students": "EGYCVL"}},
		// A city stands for its country, and gives a bare role near it its country.
		{"Gunmen shelled Kandahar as police in Peshawar detained two students.", "2009-03-02",
			map[string]string{"Kandahar": "AFG", "police": "PAKCOP"}},
		// A possessive pronoun gives a bare role the country of what it
		// refers to; "the Palestinian" is the people.
		{"Qatar condemned the raids on the Palestinian and praised their resistance.", "2021-05-12",
			map[string]string{"resistance": "PSEREB"}},
		{"Turkey welcomed the Syrian decision and its army withdrew.", "2021-05-12",
			map[string]string{"army": "TURMIL"}},
		// A country named as an actor is not where the passage is; one
		// named as a place is.
		{"Residents said the raid, condemned by the United States, took place in Gaza.", "2024-08-22",
			map[string]string{"Residents": "PSECVL"}},
		// Nor is the place of an act's target.
		{"Israeli police arrested two suspects over an attack on a Hebron farm.", "2024-08-22",
			map[string]string{"suspects": "ISRREB"}},
		// Those an act is aimed at are not where the passage is.
		{"Israeli police arrested four individuals suspected of attacks against Palestinians.", "2024-08-22",
			map[string]string{"individuals": "ISRCVL"}},
		// "Settlers" alone are Israeli whatever other country the sentence names.
		{"Settlers attacked Palestinian villagers near Nablus.", "2023-10-20",
			map[string]string{"Settlers": "ISRCVL", "villagers": "PSECVL"}},
	}
	for _, c := range cases {
		checkCodes(t, c.text, mentionsOf(t, c.text, c.date), c.want)
	}
}

// checkCodes checks the codes of the mentions of text by their head's text;
// a mention wanted with no code may be missing altogether.
func checkCodes(t *testing.T, text string, got map[string]Mention, want map[string]string) {
	t.Helper()
	for head, code := range want {
		m, ok := got[head]
		if !ok && code != "" {
			t.Errorf("%q: no mention %q; have %v", text, head, keys(got))
			continue
		}
		if m.Code != code {
			t.Errorf("%q: %q coded %q, want %q", text, head, m.Code, code)
		}
	}
}

func TestCoreference(t *testing.T) {
	text := "Saudi Foreign Minister Faisal bin Farhan arrived in Cairo on Sunday. " +
		"He met the Egyptian president. The minister later flew to Amman, where the army had closed the airport."
	got := mentionsOf(t, text, "2023-03-05")
	for mention, want := range map[string]struct{ code, text string }{
		"He":       {"SAUGOV", "Faisal bin Farhan"},
		"minister": {"SAUGOV", "Faisal bin Farhan"},
		// A bare role takes the country the passage is about.
		"army": {"JORMIL", ""},
	} {
		m, ok := got[mention]
		if !ok {
			t.Errorf("no mention %q; have %v", mention, keys(got))
			continue
		}
		if m.Code != want.code || want.text != "" && m.Text != want.text {
			t.Errorf("%q resolved to %q (%q), want %q (%q)", mention, m.Code, m.Text, want.code, want.text)
		}
	}
}

// TestTransliteratedName: a surname spelt another way later in the article
// is the person named before; a different name with few letters in common
// is not.
func TestTransliteratedName(t *testing.T) {
	text := "Iran's foreign minister Hossein Amir-Abdollahian arrived in Vienna. " +
		"Abdullahian met reporters. Abdelkader met no one."
	checkCodes(t, text, mentionsOf(t, text, "2022-11-03"), map[string]string{"Abdullahian": "IRNGOV", "Abdelkader": ""})
}

// TestCoordinatedRoles: of two coordinated bare roles, the second is not
// the first's antecedent.
func TestCoordinatedRoles(t *testing.T) {
	text := "Saudi Foreign Minister Faisal bin Farhan spoke to US Secretary of State Ruth Landon on Monday. " +
		"The Secretary and the Foreign Minister discussed the truce."
	checkCodes(t, text, mentionsOf(t, text, "2023-03-05"), map[string]string{"Secretary": "USAGOV", "Minister": "SAUGOV"})
}

func keys(m map[string]Mention) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestPairOfPeople: "the two" are the two people last named, before any
// states named since.
func TestPairOfPeople(t *testing.T) {
	_, ms := resolve(t, "Turkish President Recep Tayyip Erdogan met Egyptian President Abdel Fattah al-Sisi in Ankara. "+
		"It is the first time Turkey and Egypt have confirmed a meeting. The two met for an hour.", Context{Date: day("2024-02-14")})
	for _, m := range ms.List {
		if m.Kind != Pronoun || len(m.Members) != 2 {
			continue
		}
		a, b := ms.List[m.Members[0]], ms.List[m.Members[1]]
		if a.Kind != Person || b.Kind != Person || a.Code == b.Code {
			t.Errorf("the two are %q (%s) and %q (%s), want the two presidents", a.Text, a.Code, b.Text, b.Code)
		}
		return
	}
	t.Error("no pair resolved")
}

// TestAdjectiveOnAThing: a demonym describing a thing ("the Afghan
// border") gives the next sentence's bare roles no country; the dateline does.
func TestAdjectiveOnAThing(t *testing.T) {
	filed := Context{Date: day("2025-03-05"), Dateline: "ISLAMABAD"}
	text := "Militants attacked a post near the Afghan border. Security forces later arrested two men."
	checkCodes(t, text, byHead(resolve(t, text, filed)), map[string]string{"forces": "PAKMIL"})

	// The dateline's country comes before the one named last.
	text = "Pakistan accused the government in Kabul. The military spokesman spoke to reporters."
	checkCodes(t, text, byHead(resolve(t, text, filed)), map[string]string{"spokesman": "PAKMIL"})
}

// TestDatelineCity: a dateline's city gives a bare role its country.
func TestDatelineCity(t *testing.T) {
	text := "The police chief defended the officer on Tuesday."
	got := byHead(resolve(t, text, Context{Date: day("2004-09-01"), Dateline: "VANCOUVER"}))
	checkCodes(t, text, got, map[string]string{"chief": "CANCOP"})
}

// TestPronounInAdverbialClause: the subject of a clause of its own may
// refer to the main clause's object.
func TestPronounInAdverbialClause(t *testing.T) {
	text := "Canada voiced support for Ukraine as it defends its territory."
	checkCodes(t, text, mentionsOf(t, text, "2023-03-05"), map[string]string{"it": "UKR"})
}
