package quote

import (
	"testing"

	"github.com/dyad-org/dyad/nlp"
)

// want is one expected quote: its words, the speaker mention as written
// ("" for none), the cue ("" to leave unchecked) and whether the speaker is
// inherited.
type want struct {
	text, speaker, cue string
	inherited          bool
}

type findCase struct {
	name string
	text string
	want []want
}

func TestFindCues(t *testing.T) {
	runCases(t, []findCase{
		{"said after, name", "“We will not accept any violation of our sovereignty,” Nakamura said on Monday.",
			[]want{{"We will not accept any violation of our sovereignty,", "Nakamura", "said", false}}},
		{"said before name", "“The ceasefire must hold,” said Norway’s foreign minister Ingrid Dahl.",
			[]want{{"The ceasefire must hold,", "Norway’s foreign minister Ingrid Dahl", "said", false}}},
		{"pronoun added", "The talks broke up without a deal. “Talks will resume next week,” he added.",
			[]want{{"Talks will resume next week,", "he", "added", false}}},
		{"tweeted", "“Our hearts are with the families of the victims,” the embassy tweeted on Sunday.",
			[]want{{"Our hearts are with the families of the victims,", "the embassy", "tweeted", false}}},
		{"underscored", "“No country can face this crisis alone,” the spokesman underscored.",
			[]want{{"No country can face this crisis alone,", "the spokesman", "underscored", false}}},
		{"told reporters", "“There is no military solution to this conflict,” she told reporters in Geneva.",
			[]want{{"There is no military solution to this conflict,", "she", "told", false}}},
		{"said colon", "The prime minister said: “We have done everything possible to avoid an escalation.”",
			[]want{{"We have done everything possible to avoid an escalation.", "The prime minister", "said", false}}},
		{"said comma", "Speaking in Ankara, the president said, “Our doors remain open to dialogue.”",
			[]want{{"Our doors remain open to dialogue.", "the president", "said", false}}},
		{"partial after that", "The envoy said that “the door to diplomacy remains open” despite the strikes.",
			[]want{{"the door to diplomacy remains open", "The envoy", "said", false}}},
		{"according to", "“The convoy was hit twice by drones,” according to a UN spokesman.",
			[]want{{"The convoy was hit twice by drones,", "a UN spokesman", "according to", false}}},
		{"relative clause", "Omar Haddad, who leads the opposition bloc, said “the vote was rigged from the start.”",
			[]want{{"the vote was rigged from the start.", "Omar Haddad", "said", false}}},
		{"straight quotes", `"We are ready to talk to anyone," the minister said.`,
			[]want{{"We are ready to talk to anyone,", "the minister", "said", false}}},
		{"possessive title and name", "“The aggression will not go unanswered,” Iran’s foreign minister Hossein Amir-Abdollahian said.",
			[]want{{"The aggression will not go unanswered,", "Iran’s foreign minister Hossein Amir-Abdollahian", "said", false}}},
		{"prepositional modifier", "“The embassy remains open,” the spokesperson for the Foreign Ministry said.",
			[]want{{"The embassy remains open,", "the spokesperson for the Foreign Ministry", "said", false}}},
		{"ministry", "“All foreign nationals have been evacuated from the area,” the ministry said in a statement.",
			[]want{{"All foreign nationals have been evacuated from the area,", "the ministry", "said", false}}},
		{"participle cue", "The minister condemned the raid, saying that “such acts only deepen the hatred.”",
			[]want{{"such acts only deepen the hatred.", "The minister", "saying", false}}},
		{"quoted as saying", "“We will keep working for a lasting peace,” the king was quoted as saying.",
			[]want{{"We will keep working for a lasting peace,", "the king", "", false}}},
		{"lemma missed by form", "“The decision is final,” the court spokeswoman posted.",
			[]want{{"The decision is final,", "the court spokeswoman", "posted", false}}},
		{"relative clause after the speaker", "“Our position is clear,” Qatar’s prime minister, who also serves as foreign minister, said in Doha.",
			[]want{{"Our position is clear,", "Qatar’s prime minister", "said", false}}},
		{"relative pronoun misparsed", "At the talks, Rostam, who again blamed foreign agents, warned that the “red lines” of the coalition had moved.",
			[]want{{"red lines", "Rostam", "warned", false}}},
		{"statement read", "“All parties must exercise restraint,” the statement read.",
			[]want{{"All parties must exercise restraint,", "the statement", "read", false}}},
		{"verb of judgement", "The spokesman rejected the claims as “baseless and politically motivated.”",
			[]want{{"baseless and politically motivated.", "The spokesman", "rejected", false}}},
		{"speech cue over judgement", "The envoy dismissed the draft as “unbalanced and politicised,” adding that Moscow would veto it.",
			[]want{{"unbalanced and politicised,", "The envoy", "adding", false}}},
		{"linking verb as object is no cue", "President Erdogan told lawmakers that the operation would continue “until the last militant is neutralised.”",
			[]want{{"until the last militant is neutralised.", "President Erdogan", "told", false}}},
		{"headline colon", "Iran FM: “Washington must stop its aggression against the region”",
			[]want{{"Washington must stop its aggression against the region", "Iran FM", "", false}}},
	})
}

func TestFindSpans(t *testing.T) {
	runCases(t, []findCase{
		{"several sentences", "“The blockade has to end. Families are starving. We cannot wait any longer,” the aid chief warned.",
			[]want{{"The blockade has to end. Families are starving. We cannot wait any longer,", "the aid chief", "warned", false}}},
		{"nested single quotes", "“They call it ‘self-defence’, but it is collective punishment,” the envoy said.",
			[]want{{"They call it ‘self-defence’, but it is collective punishment,", "the envoy", "said", false}}},
		{"closing mark used to open", "The spokesperson said:” Ten people were detained overnight in the north”.",
			[]want{{"Ten people were detained overnight in the north", "The spokesperson", "said", false}}},
		{"guillemets", "The envoy said that Tehran wants a «fair and balanced» agreement with the bloc.",
			[]want{{"fair and balanced", "The envoy", "said", false}}},
		{"one-word utterance", "“Never,” the president replied when asked about a deal.",
			[]want{{"Never,", "the president", "replied", false}}},
		{"two quotes one sentence", "The “violence and intimidation” had “no place in a democratic election,” the mission chief said.",
			[]want{
				{"violence and intimidation", "the mission chief", "said", false},
				{"no place in a democratic election,", "the mission chief", "said", false},
			}},
	})
}

func TestFindNotQuotes(t *testing.T) {
	runCases(t, []findCase{
		{"scare quote", "He lashed out at the government’s “reckless” policies on Tuesday.", nil},
		{"scare quote after cue", "The minister said the rebels’ “ceasefire” was a ruse to rearm.", nil},
		{"short name without cue", "Protesters gathered outside the “Green Zone” compound in Baghdad.", nil},
		{"title-cased name", "The ministry cited “Patterns of Abuse in Detention Centres” in its complaint.", nil},
		{"after title word", "His new book “Why the Region Keeps Burning and What Can Be Done” was published in May.", nil},
		{"single quotes", "Officials called the meeting a 'turning point' and the talks 'historic'.", nil},
		{"apostrophes", "The Zionists’ claims and the minister’s remarks drew anger.", nil},
		{"empty", "He said “” and left.", nil},
		{"so-called", "The so-called “Islamic State” group claimed the attack.", nil},
		{"in the speaker's own phrase", "A group calling itself the “Free Men of the Valley” claimed the bombing on Friday.", nil},
		{"name after known as", "Israel said it had killed the commander, known as “the ghost of the camps”, in the raid.", nil},
		{"title with a relative clause", "His book “Who Are We Now?,” which argues that the alliance is over, sold well.", nil},
		{"judgement verb and short term", "The minister condemned the “Zionist entity” at the summit.", nil},
		{"one word after said", "The minister said the talks were “productive” and would go on.", nil},
	})
}

func TestFindInheritance(t *testing.T) {
	runCases(t, []findCase{
		{"same paragraph", "“We condemn the attack,” the ministry said in a statement. “Those responsible will be held to account.”",
			[]want{
				{"We condemn the attack,", "the ministry", "said", false},
				{"Those responsible will be held to account.", "the ministry", "", true},
			}},
		{"another speaker", "“We condemn the attack,” the ministry said. “This is a provocation,” the opposition leader replied.",
			[]want{
				{"We condemn the attack,", "the ministry", "said", false},
				{"This is a provocation,", "the opposition leader", "replied", false},
			}},
		{"next paragraph", "“We condemn the attack,” Smith said.\n\n“Those responsible will be held to account.”",
			[]want{
				{"We condemn the attack,", "Smith", "said", false},
				{"Those responsible will be held to account.", "Smith", "", true},
			}},
		{"reported speech before", "The foreign ministry said the two leaders met in Cairo. They “agreed to expand cooperation on energy and trade.”",
			[]want{{"agreed to expand cooperation on energy and trade.", "The foreign ministry", "said", false}}},
		{"no speaker", "“Peace is the only road left for this city.” That was the banner over the square.",
			[]want{{"Peace is the only road left for this city.", "", "", false}}},
	})
}

func TestFindParagraphs(t *testing.T) {
	runCases(t, []findCase{
		{"multi-paragraph quote",
			"“The operation will continue until every goal is met.\n\n“We will not stop before the hostages are home,” the general said.",
			[]want{
				{"The operation will continue until every goal is met.", "the general", "", true},
				{"We will not stop before the hostages are home,", "the general", "said", false},
			}},
		{"unclosed quote dropped",
			"The spokesman said “the talks failed and nobody knows what comes next.\nIn other news, markets rose.\n“Prices are stable,” the central bank said.",
			[]want{{"Prices are stable,", "the central bank", "said", false}}},
		{"unclosed at document end", "The minister said the country would respond and that “the talks will resume in",
			[]want{{"the talks will resume in", "The minister", "said", false}}},
		{"fragment at document end", "In a videotape, he said: “The", nil},
		{"stray opening mark", "The army said “the raid was over. Later a second “raid began,” a witness said.",
			[]want{{"raid began,", "a witness", "said", false}}},
	})
}

// runCases checks each case's quotes, speakers, cues and inheritance.
func runCases(t *testing.T, cases []findCase) {
	t.Helper()
	p := analyzer(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := p.Analyze(c.text)
			got := Find(doc)
			if len(got) != len(c.want) {
				t.Fatalf("got %d quotes %v, want %d", len(got), texts(got), len(c.want))
			}
			for i, w := range c.want {
				q := got[i]
				if q.Text != w.text {
					t.Errorf("quote %d: text %q, want %q", i, q.Text, w.text)
				}
				if s := speakerText(doc, q.Speaker); s != w.speaker {
					t.Errorf("quote %d: speaker %q, want %q", i, s, w.speaker)
				}
				if s := speakerText(doc, q.Cue); w.cue != "" && s != w.cue {
					t.Errorf("quote %d: cue %q, want %q", i, s, w.cue)
				}
				if q.Inherited != w.inherited {
					t.Errorf("quote %d: inherited %v, want %v", i, q.Inherited, w.inherited)
				}
			}
		})
	}
}

func texts(qs []Quote) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Text
	}
	return out
}

func TestFindMalformed(t *testing.T) {
	bad := []*nlp.Doc{
		nil,
		{Text: "ab", Sentences: []nlp.Sentence{{Tokens: []nlp.Token{{Start: 0, End: 5}}}}},
		{Text: "ab", Sentences: []nlp.Sentence{{Tokens: []nlp.Token{{Start: 1, End: 2}, {Start: 0, End: 1}}}}},
		{Text: "ab", Sentences: []nlp.Sentence{{Tokens: []nlp.Token{{Start: 0, End: 1, Head: 3}}}}},
	}
	for i, d := range bad {
		if qs := Find(d); qs != nil {
			t.Errorf("doc %d: got %v, want nil", i, qs)
		}
	}
}

func TestLexicon(t *testing.T) {
	for _, bad := range []string{
		"say\n",                 // outside a section
		"[source]\naccording\n", // a phrase of one word
		"[verb]\nsupercalifragilisticexpialidocious\n", // too long to look up
	} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q): no error", bad)
		}
	}
	for form, kind := range map[string]verbKind{
		"said": speech, "tweeted": speech, "emphasising": speech, "told": speech,
		"added": linking, "replied": linking, "rejected": evaluative, "condemned": evaluative,
	} {
		if got := cues.verbs[form]; got != kind {
			t.Errorf("%q: kind %d, want %d", form, got, kind)
		}
	}
	if !cues.titles["dubbed"] || !cues.titles["book"] {
		t.Error("title words missing")
	}
}
