package event_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dyad-org/dyad/actor"
	"github.com/dyad-org/dyad/event"
	"github.com/dyad-org/dyad/event/lexicon"
	"github.com/dyad-org/dyad/event/ontology"
	"github.com/dyad-org/dyad/nlp/pipeline"
	"github.com/dyad-org/dyad/quote"
	"github.com/dyad-org/dyad/timex"
)

// code codes text published on 2024-03-07 (a Thursday) and describes each
// event as "CODE SOURCE->TARGET" with " neg", " claimed:CODE" and " DATE"
// when they apply.
func code(t *testing.T, text string) []string {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC)
	doc := p.Analyze(text)
	ms := actor.Default().Resolve(doc, actor.Context{Date: published})
	quotes := quote.Find(doc)
	in := event.Input{
		Doc:      doc,
		Mentions: ms,
		Quotes:   quotes,
		Speakers: event.Speakers(doc, ms, quotes),
		Dater:    timex.NewDater(doc, published),
	}
	var out []string
	for _, e := range event.New(lexicon.Default(), ontology.Default()).Code(in) {
		s := fmt.Sprintf("%s %s->%s", e.Code, codeOf(e.Source), codeOf(e.Target))
		if e.Negated {
			s += " neg"
		}
		if e.ClaimedBy != nil {
			s += " claimed:" + e.ClaimedBy.Code
		}
		out = append(out, s)
	}
	return out
}

func codeOf(m *actor.Mention) string {
	if m == nil {
		return "-"
	}
	return m.Code
}

func TestCode(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		// The object's possessor or adjective is the target of a criticism;
		// the air strike it criticises is not an event of its own.
		{"repression in a country", "The Arab League condemned the violent repression of demonstrations in Syria.", []string{"111 IGOMEAARL->SYR"}},
		{"protest against a people", "Thousands of Iranians held anti-American protests in Tehran.", []string{"141 IRN->USA"}},
		{"criticism of an act", "Egypt's foreign minister condemned the Israeli air strike on Gaza.", []string{"111 EGYGOV->ISR"}},
		{"passive with agent", "Palestinian protesters were arrested by Israeli police in Hebron.", []string{"173 ISRCOP->PSECVL"}},
		{"as well as to", "The Jordanian king expressed his condolences to the families of the victims, as well as to Egypt.",
			[]string{"018 JORGOV->JORCVL", "018 JORGOV->EGY"}},
		{"coordinated sources", "Jordan and Qatar denounced the decision.",
			[]string{"111 JOR->-", "111 QAT->-"}},
		{"reciprocal", "Iran and Turkey agreed on Monday.", []string{"030 IRN->TUR", "030 TUR->IRN"}},
		{"consulted about a topic", "Blinken and Lavrov discussed the war in Ukraine.", []string{"040 USAGOV->RUSGOV"}},
		{"a consultation's topic is no counterpart", "The Qatari emir discussed several issues, including the Iran nuclear deal.", nil},
		{"consulting no one", "The Iranian foreign minister discussed many issues of mutual interest.", nil},
		{"threats are not mutual", "Iran and Turkey threatened to retaliate.", []string{"13 IRN->-", "13 TUR->-"}},
		{"strikes traded", "Israel and Hezbollah have been trading strikes for weeks.", []string{"190 ISR->LBNREBHEZ", "190 LBNREBHEZ->ISR"}},
		{"hypothetical", "Israel would attack Iran if the talks fail.", nil},
		{"modal", "The Arab League must condemn the occupation.", nil},
		{"reported claim", "The Saudi foreign ministry said that Houthi rebels attacked an oil facility in Jeddah.",
			[]string{"18 YEMREB->SAU claimed:SAUGOV"}},
		{"we in a quotation", "“We strongly condemn this aggression,” the Qatari foreign ministry said.",
			[]string{"111 QATGOV->- claimed:QATGOV"}},
		{"negation", "Turkey did not condemn the coup in Niger.", []string{"111 TUR->- neg"}},
		{"object control", "The UN secretary-general urged Israel to stop the demolitions.", []string{"022 IGOUNO->ISR"}},
		{"future withdrawal", "Poland will reduce its troops in Iraq next year.", []string{"0356 POL->IRQ"}},
		{"headline infinitive", "Japan to provide Jordan with emergency aid", []string{"033 JPN->JOR"}},
		{"future attack is no event", "Israel will attack Gaza.", nil},
		{"future meeting", "The Saudi and Iranian foreign ministers will meet in Beijing on Saturday.", []string{"036 SAUGOV->IRNGOV", "036 IRNGOV->SAUGOV"}},
		{"a titled possessor's call", "Secretary Blinken's call with the Saudi foreign minister lasted an hour.", []string{"041 USAGOV->SAUGOV"}},
		{"a headline's titled possessor's call", "Secretary Blinken's Call with Egyptian Foreign Minister Shoukry", []string{"041 USAGOV->EGYGOV"}},
		{"phone call", "Iran's president held a phone call with the emir of Qatar on Tuesday.", []string{"041 IRNGOV->QATGOV"}},
		{"adjectival predicate", "Iran is ready to expand cooperation with Austria.", []string{"030 IRN->AUT"}},
		{"participle as adjective", "Qatar is prepared for economic and technical cooperation with Oman.", []string{"030 QAT->OMN"}},
		{"a state's body on itself", "The Iranian foreign minister defended Tehran's stance.", nil},
		{"pair", "The Saudi foreign minister met Iran's president in Tehran. The two agreed to reopen embassies.",
			[]string{"040 SAUGOV->IRNGOV", "030 SAUGOV->IRNGOV", "030 IRNGOV->SAUGOV"}},
		{"civilian violence", "Israeli settlers killed two Palestinian villagers near Nablus.", []string{"18 ISRCVL->PSECVL"}},
		{"need for talks", "Iran and Turkey stressed the need for close consultations.", []string{"036 IRN->TUR", "036 TUR->IRN"}},
		{"addressee of an appeal", "“Arab states must act now,” the Iranian president urged.", []string{"022 IRNGOV->ARB"}},
		{"bombing", "A car bomb exploded in Baghdad, killing at least six Iraqi civilians.", []string{"183 -->IRQCVL"}},
		{"target through a participle's agent", "An EU spokesperson condemned the latest announcement made by Israeli authorities.", []string{"111 IGOEUREEC->ISRGOV"}},
		{"under attack", "Kurdish villages have come under attack from Turkish forces.", []string{"18 TURMIL->-"}},
		{"naming is no phone call", "Calling Palestine a part of the Islamic world, the Iranian president spoke of unity.", nil},
		{"by phone", "The Iraqi prime minister spoke by phone with the Turkish president.", []string{"041 IRQGOV->TURGOV"}},
		{"headline passive", "Syrian soldiers killed in Turkish air strike", []string{"190 TUR->SYRMIL"}},
		// The speech verb has no subject to claim the report: no claimant.
		{"unattributed report", "Reporters were told that Houthi rebels attacked a tanker.", []string{"18 YEMREB->-"}},
		{"died in strikes", "Ten Afghan villagers died in a series of US air strikes near Kandahar.", []string{"195 USA->AFGCVL"}},
		{"died in an attack", "Three Iraqi soldiers died in a roadside bomb attack.", []string{"183 -->IRQMIL"}},
		{"two acts of one root", "Erdogan and Assad are reported to have met in secret and are known to speak on the phone.",
			[]string{"040 TURGOV->SYRGOV", "041 TURGOV->SYRGOV"}},
		{"reported to have met", "Erdogan and Assad are reported to have met in secret.", []string{"040 TURGOV->SYRGOV"}},
		{"the two in the order named", "The Iranian president arrived in Muscat. The Omani sultan welcomed him, and the two met for an hour.",
			[]string{"042 IRNGOV->OMNGOV", "040 IRNGOV->OMNGOV"}},
		{"found stabbed", "A Turkish policeman was found stabbed to death near the border.", []string{"1823 -->TURCOP"}},
		{"natural cause", "An earthquake killed 40 people in eastern Turkey.", nil},
		{"relative clause on an actor", "Pakistan hunted the Taliban militants who kidnapped two Chinese engineers.",
			[]string{"181 AFGREBTAL->CHNCVL"}},
		{"light verb with a specific noun", "Hezbollah launched rocket attacks against Israeli troops.", []string{"195 LBNREBHEZ->ISRMIL"}},
		{"participle with an agent", "A Turkish engineer kidnapped by Taliban gunmen in Kunar was released.", []string{"181 AFGREBTAL->TURCVL"}},
		{"subject the parser strayed", "At the president's request, Egyptian troops, late on Monday, raided the camp.", []string{"190 EGYMIL->-"}},
		{"object mistagged", "Qatar paid tribute to the Palestinian people.", []string{"051 QAT->PSE"}},
		{"passive subject the parser strayed", "During the same period, at least 19 Israelis, including soldiers, have been killed by Hamas gunmen.",
			[]string{"190 PSEREBHMS->ISR"}},
		{"addressed to the interlocutor", "The Saudi foreign minister spoke by phone with Iran's president on Monday. He called for more cooperation.",
			[]string{"041 SAUGOV->IRNGOV", "101 SAUGOV->IRNGOV"}},
		{"addressed after congratulations", "The Omani foreign minister congratulated his Qatari counterpart on Monday. He called for more cooperation.",
			[]string{"051 OMNGOV->QATGOV", "101 OMNGOV->QATGOV"}},
		{"addressed to a side's country", "Qatar thanked Oman for its mediation. The Qatari emir also called for more cooperation.",
			[]string{"051 QAT->OMN", "101 QATGOV->OMN"}},
		{"lemma the lemmatizer got wrong", "Jordan underlined the need for restraint.", []string{"020 JOR->-"}},
		{"quantity of weapons", "Hamas fighters launched hundreds of rockets at Israeli towns.", []string{"195 PSEREBHMS->ISR"}},
		{"whom the object's complement is for", "Qatar expressed its readiness to support the Palestinian people.", []string{"030 QAT->PSE"}},
		{"against the object", "The EU approved new sanctions against Iran.", []string{"163 IGOEUREEC->IRN"}},
		{"participle read as past tense", "Iraqi police confiscated weapons from the smugglers.", []string{"1711 IRQCOP->IRQCRM"}},
		{"city as target", "Turkish jets bombed Kobani on Sunday.", []string{"195 TURMIL->SYR"}},
		{"whose claims are answered", "A Turkish journalist contradicted claims by the Iraqi foreign minister that he was held in Mosul.",
			[]string{"016 TURMED->IRQGOV"}},
		{"force on things in a place", "Russian forces shelled apartment blocks in Kharkiv.", []string{"194 RUSMIL->UKR"}},
		{"purpose is no target", "The Soviet Union sent troops into Afghanistan to support its regime.", []string{"072 SUN->AFG"}},
		{"one meeting of the two", "Erdogan and the Iraqi prime minister met in Ankara on Monday.", []string{"040 TURGOV->IRQGOV"}},
		{"an agreement to cooperate is no threat", "Egypt and Turkey agreed to expand cooperation on energy.", []string{"030 EGY->TUR", "030 TUR->EGY"}},
		{"a vow of violence is a threat", "Hezbollah vowed to attack Israeli troops.", []string{"13 LBNREBHEZ->ISRMIL"}},
		{"joined to act", "The U.S. and the United Kingdom joined together to strike several Houthi targets in Yemen.", []string{"190 USA->YEMREB", "190 GBR->YEMREB"}},
		{"protest where and for whom", "Across Turkey, protests were staged in solidarity with the Palestinian people.", []string{"141 TUR->PSE"}},
		{"coordinated verb's own subject", "The OIC was called to a meeting by Iran's president after Israeli forces stormed the mosque and attacked Palestinian worshipers.",
			[]string{"106 IRNGOV->IGOMOSOIC", "18 ISRMIL->PSECVL"}},
		{"a state's stance voiced by its official", "Iran's foreign minister said that Iran is ready to expand cooperation with Austria.",
			[]string{"030 IRNGOV->AUT claimed:IRNGOV"}},
		{"whom a warning is about", "The Iranian president warned that the policies of the Israeli government would bring war.", []string{"13 IRNGOV->ISRGOV"}},
		{"a caller's request", "Iran's foreign minister Hossein Amir Abdollahian telephoned OIC Secretary General Hussain Ibrahim Taha on Thursday night requesting an urgent meeting.",
			[]string{"041 IRNGOV->IGOMOSOIC", "026 IRNGOV->IGOMOSOIC"}},
		{"the place a case is referred to", "Iran's president, referring to Palestine as the heart of the Muslim world, spoke.", nil},
		{"a meeting's topic is no partner", "Qatar requested an urgent meeting to discuss the crimes of the Israeli regime.", []string{"026 QAT->-"}},
		{"target hung on the object", "Hamas militants hurled grenades at Israeli soldiers.", []string{"18 PSEREBHMS->ISRMIL"}},
		{"a passive tagged an adjective", "Three Palestinian civilians were wounded by Israeli troops.", []string{"190 ISRMIL->PSECVL"}},
		{"one act of force", "An Israeli tank opened fire and killed three Egyptian soldiers.", []string{"190 ISRMIL->EGYMIL"}},
		{"victims and attackers of one act", "At least 10 Iraqis were killed in separate insurgent attacks across the country.", []string{"190 IRQREB->IRQ"}},
		{"cooperation needs a cooperator", "This action supports the Palestinian Authority.", nil},
		{"criticism needs a critic", "The decision was condemned as a violation of the rights of Palestinians.", nil},
		{"main verb read as a participle", "The Saudi foreign minister called for more cooperation.", []string{"101 SAUGOV->-"}},
		{"a readout ends", "The Saudi foreign minister spoke by phone with Iran's president on Monday. " +
			strings.Repeat("The weather was mild. ", 8) + "The Saudi foreign minister called for more cooperation.",
			[]string{"041 SAUGOV->IRNGOV", "101 SAUGOV->-"}},
		{"uncapitalised body", "Iran urged the international community to act.", []string{"022 IRN->IGO"}},
	} {
		got := code(t, c.text)
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s: %q\n got: %v\nwant: %v", c.name, c.text, got, c.want)
		}
	}
}
