package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-org/dyad/nlp"
)

// texts returns the token texts of all sentences, space-separated.
func texts(sents []nlp.Sentence) string {
	var parts []string
	for _, s := range sents {
		for _, t := range s.Tokens {
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, " ")
}

// sentenceTexts returns the tokens of each sentence, with " | " between
// sentences.
func sentenceTexts(sents []nlp.Sentence) string {
	parts := make([]string, len(sents))
	for i := range sents {
		parts[i] = texts(sents[i : i+1])
	}
	return strings.Join(parts, " | ")
}

func TestTokens(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		// Contractions split as EWT's multi-word tokens.
		{"n't", "They don't know.", "They do n't know ."},
		{"wo ca", "We won't and can't.", "We wo n't and ca n't ."},
		{"cannot", "You cannot stay.", "You can not stay ."},
		{"clitics", "I'm sure it's fine; we've seen they're here, you'll see he'd go.",
			"I 'm sure it 's fine ; we 've seen they 're here , you 'll see he 'd go ."},
		{"upper", "I DON'T KNOW", "I DO N'T KNOW"},
		{"curly", "They didn’t see Tehran’s envoy.", "They did n’t see Tehran ’s envoy ."},
		{"no apostrophe", "I dont think so", "I do nt think so"},
		{"gonna wanna", "We're gonna win and I wanna watch.", "We 're gon na win and I wan na watch ."},
		{"possessive", "Iran's envoy defended the Muslims' rights.", "Iran 's envoy defended the Muslims ' rights ."},
		{"name with apostrophe", "O'Neill's plan", "O'Neill 's plan"},
		{"decade", "the 1980's and the '90s", "the 1980's and the '90s"},
		{"elision", "tell 'em", "tell 'em"},

		// Hyphens: split, except after EWT's prefixes and in dates and phone numbers.
		{"names", "Amir-Abdollahian visited al-Aqsa.", "Amir - Abdollahian visited al - Aqsa ."},
		{"compounds", "a 57-member, long-term body", "a 57 - member , long - term body"},
		{"prefixes", "e-mail, non-violence, anti-American, co-workers, re-elected",
			"e-mail , non-violence , anti-American , co-workers , re-elected"},
		{"dateline", "KABUL- The talks", "KABUL - The talks"},
		{"numbers", "On 2023-11-05 call 212-555-0147 or 555-0147 for 1995-1999 and 5-10.",
			"On 2023-11-05 call 212-555-0147 or 555-0147 for 1995 - 1999 and 5 - 10 ."},

		// Abbreviations keep their period.
		{"titles", "Gen. Ali, Maj. Gen. Omar, Col. Ray, Lt. Kim, Sgt. Lee, Dr. Roe, Mr. Fox, Mrs. Fox, Ms. Day, Prof. Ito, Sen. Vance, Rep. Cruz and Gov. Tate",
			"Gen. Ali , Maj. Gen. Omar , Col. Ray , Lt. Kim , Sgt. Lee , Dr. Roe , Mr. Fox , Mrs. Fox , Ms. Day , Prof. Ito , Sen. Vance , Rep. Cruz and Gov. Tate"},
		{"dotted", "U.S. and U.K. troops and U.N. envoys", "U.S. and U.K. troops and U.N. envoys"},
		{"initial", "George W. Bush spoke", "George W. Bush spoke"},
		{"latin", "cities, e.g. Herat, i.e. the west, etc. and vs. them", "cities , e.g. Herat , i.e. the west , etc. and vs. them"},
		{"time and date", "at 10:30 a.m. on Sept. 3 and Jan. 5", "at 10:30 a.m. on Sept. 3 and Jan. 5"},
		{"companies", "Acme Inc. and Foo Corp. Ltd. sued", "Acme Inc. and Foo Corp. Ltd. sued"},
		{"number abbreviation", "Resolution No. 2231", "Resolution No. 2231"},
		{"no is a word", "They said No.", "They said No ."},
		{"final abbreviation", "They live in the U.S.", "They live in the U.S ."},
		{"missing space", "It ended.Then more", "It ended . Then more"},

		// Numbers stay whole; currency signs and units split as in EWT.
		{"numbers", "In 1948, 3.5 and 1,000 at 10:30 or 50%", "In 1948 , 3.5 and 1,000 at 10:30 or 50 %"},
		{"money", "$5 million, US$20 and £3", "$ 5 million , US$ 20 and £ 3"},
		{"units", "at 5pm, 35mm and $3bn", "at 5 pm , 35 mm and $ 3 bn"},
		{"ordinals", "the 1st, 22nd and 3rd of the 1990s in 4G", "the 1st , 22nd and 3rd of the 1990s in 4G"},
		{"slashes", "after 9/11, 24/7, 1/2 and/or b/c", "after 9/11 , 24 / 7 , 1 / 2 and / or b/c"},

		// Links are one token.
		{"url", "See https://example.org/a?b=1.", "See https://example.org/a?b=1 ."},
		{"www", "(www.example.org/news)", "( www.example.org/news )"},
		{"url in chunk", "link:<http://example.org/x>", "link : < http://example.org/x >"},
		{"email", "Write to press@example.org, or", "Write to press@example.org , or"},
		{"handles", "@someone posted #BreakingNews and #1", "@someone posted #BreakingNews and # 1"},

		// Punctuation.
		{"ellipsis", "Wait... what… no", "Wait ... what … no"},
		{"dashes", "yes -- no – maybe — fine", "yes -- no – maybe — fine"},
		{"attached dashes", "yes—no", "yes — no"},
		{"stops", "Really?! Yes!!!", "Really ?! Yes !!!"},
		{"brackets", "(MNA) [sic]", "( MNA ) [ sic ]"},
		{"emoticon", "great :) thanks", "great :) thanks"},

		// Any Unicode letter is a word character.
		{"transliteration", "ʿAli ʾAbd al-Raḥmān", "ʿAli ʾAbd al - Raḥmān"},
		{"persian", "می‌خواهم بروم", "می‌خواهم بروم"},
		{"arabic", "قال الرئيس", "قال الرئيس"},
	} {
		if got := texts(Segment(c.in)); got != c.want {
			t.Errorf("%s: %q\n got: %s\nwant: %s", c.name, c.in, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"quote with comma", "“We reject it,” she said.", "“ We reject it , ” she said ."},
		{"quote with stop", "“We reject it.” She left.", "“ We reject it . ” | She left ."},
		{"question in quote", "“Why now?” he asked.", "“ Why now ? ” he asked ."},
		{"abbreviation then sentence", "Aid went to the U.S. He said so.", "Aid went to the U.S . | He said so ."},
		{"abbreviation then name", "U.S. forces left. U.S. Army units stayed.", "U.S. forces left . | U.S. Army units stayed ."},
		{"time then sentence", "It began at 9 a.m. Police said so.", "It began at 9 a.m . | Police said so ."},
		{"title never ends", "They met Dr. Who said", "They met Dr. Who said"},
		{"lowercase continues", "It rose 5 p.c. in March.", "It rose 5 p.c. in March ."},
		{"digit starts", "It ended. 2024 was calm.", "It ended . | 2024 was calm ."},
		{"quote starts", `It ended. "Now," he said.`, `It ended . | " Now , " he said .`},
		{"paragraph", "no final stop\n\nnext paragraph", "no final stop | next paragraph"},
		{"headline", "Iran condemns attack\nTEHRAN – The ministry spoke on Monday.",
			"Iran condemns attack | TEHRAN – | The ministry spoke on Monday ."},
		{"wrapped line", "The minister said that the\nTalks would resume.", "The minister said that the Talks would resume ."},
		{"wrapped mid-sentence", "The talks went on. The minister met\nOfficials later.", "The talks went on . | The minister met Officials later ."},
		{"dateline", "TEHRAN, Apr. 16 (MNA) – Iran's envoy left.", "TEHRAN , Apr. 16 ( MNA ) – | Iran 's envoy left ."},
		{"wire dateline", "LIMA, Peru (Reuters) - Talks ended.", "LIMA , Peru ( Reuters ) - | Talks ended ."},
		{"ellipsis", "He paused... Then he left.", "He paused ... | Then he left ."},
		{"bracket after stop", "It ended (finally.) Then rain.", "It ended ( finally . ) | Then rain ."},
	} {
		if got := sentenceTexts(Segment(c.in)); got != c.want {
			t.Errorf("%s: %q\n got: %s\nwant: %s", c.name, c.in, got, c.want)
		}
	}
}

func TestNormAndQuotes(t *testing.T) {
	const (
		o = nlp.QuoteOpen
		c = nlp.QuoteClose
		n = nlp.NotQuote
	)
	type tok struct {
		text, norm string
		quote      nlp.QuoteSide
	}
	for _, tc := range []struct {
		in   string
		want []tok
	}{
		{`“No,” he said`, []tok{{"“", `"`, o}, {"No", "No", n}, {",", ",", n}, {"”", `"`, c}, {"he", "he", n}, {"said", "said", n}}},
		{`say "yes" or 'no'.`, []tok{{"say", "say", n}, {`"`, `"`, o}, {"yes", "yes", n}, {`"`, `"`, c}, {"or", "or", n}, {"'", "'", o}, {"no", "no", n}, {"'", "'", c}, {".", ".", n}}},
		{`said:"Go"`, []tok{{"said", "said", n}, {":", ":", n}, {`"`, `"`, o}, {"Go", "Go", n}, {`"`, `"`, c}}},
		{"‘Go’ now", []tok{{"‘", "'", o}, {"Go", "Go", n}, {"’", "'", c}, {"now", "now", n}}},
		{"the envoys’ talks", []tok{{"the", "the", n}, {"envoys", "envoys", n}, {"’", "'", n}, {"talks", "talks", n}}},
		{"didn’t", []tok{{"did", "did", n}, {"n’t", "n't", n}}},
		{"O’Neill", []tok{{"O’Neill", "O'Neill", n}}},
		{"``Hi''", []tok{{"``", `"`, o}, {"Hi", "Hi", n}, {"''", `"`, c}}},
		{"«Oui»", []tok{{"«", `"`, o}, {"Oui", "Oui", n}, {"»", `"`, c}}},
		{"caf\xe9 au", []tok{{"caf\xe9", "caf\uFFFD", n}, {"au", "au", n}}},
	} {
		var got []tok
		for _, s := range Segment(tc.in) {
			for _, k := range s.Tokens {
				got = append(got, tok{k.Text, k.Norm, k.Quote})
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %v, want %v", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: token %d is %+v, want %+v", tc.in, i, got[i], tc.want[i])
			}
		}
	}
}

func TestOffsetsAndSpaces(t *testing.T) {
	text := "  Iran's envoy\u00a0didn't go.\n\n“Yes,” he said. "
	sents := Segment(text)
	checkSegmentation(t, text, sents)
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2: %s", len(sents), sentenceTexts(sents))
	}
	first := sents[0]
	if first.Start != 2 || text[first.Start:first.End] != "Iran's envoy\u00a0didn't go." {
		t.Errorf("first sentence spans %q", text[first.Start:first.End])
	}
	var spaces []bool
	for _, tok := range first.Tokens {
		spaces = append(spaces, tok.SpaceAfter)
	}
	want := []bool{false, true, true, false, true, false, true}
	if len(spaces) != len(want) {
		t.Fatalf("SpaceAfter %v, want %v", spaces, want)
	}
	for i := range want {
		if spaces[i] != want[i] {
			t.Errorf("token %q: SpaceAfter %v, want %v", first.Tokens[i].Text, spaces[i], want[i])
		}
	}
}

func TestEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n\t"} {
		if got := Segment(in); len(got) != 0 {
			t.Errorf("%q: got %d sentences", in, len(got))
		}
	}
}

// checkSegmentation checks the invariants every segmentation keeps: tokens
// are non-empty substrings in order, only whitespace lies between them,
// sentences do not overlap, and no sentence's slice can grow into the next.
func checkSegmentation(t *testing.T, text string, sents []nlp.Sentence) {
	t.Helper()
	prevEnd := 0
	for i, s := range sents {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d is empty", i)
		}
		if cap(s.Tokens) != len(s.Tokens) {
			t.Fatalf("sentence %d: cap %d > len %d", i, cap(s.Tokens), len(s.Tokens))
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Fatalf("sentence %d spans %d-%d, its tokens %d-%d", i, s.Start, s.End, s.Tokens[0].Start, s.Tokens[len(s.Tokens)-1].End)
		}
		for _, tok := range s.Tokens {
			if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %q at %d-%d after offset %d in a text of %d bytes", tok.Text, tok.Start, tok.End, prevEnd, len(text))
			}
			if tok.Text != text[tok.Start:tok.End] {
				t.Fatalf("token at %d-%d has Text %q, text has %q", tok.Start, tok.End, tok.Text, text[tok.Start:tok.End])
			}
			if gap := text[prevEnd:tok.Start]; strings.TrimFunc(gap, isSpace) != "" {
				t.Fatalf("text %q between tokens is not whitespace", gap)
			}
			if tok.Norm == "" || !utf8.ValidString(tok.Norm) {
				t.Fatalf("token %q has Norm %q", tok.Text, tok.Norm)
			}
			if space := tok.End < len(text) && isSpaceAt(text, tok.End); tok.SpaceAfter != space {
				t.Fatalf("token %q at %d: SpaceAfter %v", tok.Text, tok.Start, tok.SpaceAfter)
			}
			prevEnd = tok.End
		}
	}
	if rest := text[prevEnd:]; strings.TrimFunc(rest, isSpace) != "" {
		t.Fatalf("text %q after the last token is not whitespace", rest)
	}
}

func isSpaceAt(text string, i int) bool {
	r, _ := runeAt(text, i)
	return isSpace(r)
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"", "They don't know.", "“We reject it,” she said. He left.", "U.S. forces left the U.S.",
		"Amir-Abdollahian e-mailed press@example.org at 10:30 a.m. on 2023-11-05.",
		"see https://example.org/a?b=(1)). ok", "'em '90s O'Neill's ‘quote’ ``x''",
		"caf\xe9 \xff\xfe ʿAli می‌خواهم", "... -- — :) #tag @who $5 US$3 5pm 1/2",
		"Headline here\nTEHRAN – Text.\n\nNext", "a.b.c. A. B. etc.. No. 5 \u00a0\u2028\u2029",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSegmentation(t, text, Segment(text))
	})
}

// TestAllocations checks that tokens cost no allocations of their own: only
// the token slice and the (growing) sentence slice are allocated.
func TestAllocations(t *testing.T) {
	const para = "KABUL – The envoy DIDN'T say “No,” and Iran’s U.S. talks won't end at 5pm on 2023-11-05. " +
		"Dr. Roe e-mailed press@example.org about $5 million (1,000 tons)... He left.\n\n"
	text := strings.Repeat(para, 200)
	if n := testing.AllocsPerRun(5, func() { Segment(text) }); n > 4 {
		t.Errorf("Segment made %.0f allocations, want at most 4", n)
	}
}
