package article

import "testing"

func TestParseDateline(t *testing.T) {
	for _, tc := range []struct {
		in            string
		colon         bool
		place, agency string
		ok            bool
	}{
		{"TEHRAN- The minister said on Saturday ...", false, "TEHRAN", "", true},
		{"TEHRAN – Officials met ...", false, "TEHRAN", "", true},
		{"TEHRAN — High-ranking officials ...", false, "TEHRAN", "", true},
		{"TEHRAN -- Officials met ...", false, "TEHRAN", "", true},
		{"TEHRAN–Officials met ...", false, "TEHRAN", "", true},
		{"TEHRAN-", false, "TEHRAN", "", true},
		{"TEHRAN, Apr. 16 (MNA) – The minister ...", false, "TEHRAN", "MNA", true},
		{"LIMA, Peru (Reuters) - Protesters ...", false, "LIMA", "Reuters", true},
		{"WASHINGTON (AP) — The Senate ...", false, "WASHINGTON", "AP", true},
		{"NEW YORK, March 3 (Reuters) - Stocks ...", false, "NEW YORK", "Reuters", true},
		{"GAZA CITY, Gaza Strip (AP) — Residents ...", false, "GAZA CITY", "AP", true},
		{"ST. PETERSBURG, Russia - Officials ...", false, "ST. PETERSBURG", "", true},
		{"PORT MORESBY, Papua New Guinea, May 2, 2004 - Officials ...", false, "PORT MORESBY", "", true},
		{"KHARTOUM/NAIROBI (Reuters) - Talks ...", false, "KHARTOUM/NAIROBI", "Reuters", true},
		{"Beirut (AFP) - Lebanon's ...", false, "Beirut", "AFP", true},
		{"BAGHDAD (IRNA) -- Iraq's ...", false, "BAGHDAD", "IRNA", true},
		{"BAGHDAD: At least six people ...", true, "BAGHDAD", "", true},
		{"NEW DELHI, Jan. 5: The minister ...", true, "NEW DELHI", "", true},

		// Bylines: an agency alone, maybe followed by a dateline.
		{"AP - A senior official said ...", false, "", "AP", true},
		{"Reuters - Officials said ...", false, "", "Reuters", true},
		{"Canadian Press - VANCOUVER (CP) - The sister ...", false, "VANCOUVER", "CP", true},
		{"AFP - BAGHDAD - Officials ...", false, "BAGHDAD", "AFP", true},

		// Not datelines.
		{"The spokesperson for the ministry said ...", false, "", "", false},
		{"US-Iran talks resumed on Monday.", false, "", "", false},
		{"Iran - the country's ...", false, "", "", false}, // capitalised, no agency tag
		{"By Staff- Agencies", false, "", "", false},       // capitalised, no agency tag
		{"YASSER Arafat, the Palestinian president - ...", false, "", "", false},
		{"LAST MONTH the United States - ...", false, "", "", false},
		{"TEHRAN, the capital, was quiet.", false, "", "", false},       // no dash
		{"TEHRAN, \"quoted\" - text", false, "", "", false},             // quotation in the details
		{"A - B", false, "", "", false},                                 // one letter
		{"TEHRAN (MNA) The minister ...", false, "", "", false},         // no dash
		{"TEHRAN, Apr. 16 (MNA The minister ...", false, "", "", false}, // unclosed tag
		{"UN: Aid convoy attacked", false, "", "", false},               // colon only in body lines
		{"TEHRAN:Iran added", true, "", "", false},
		{"", false, "", "", false},
	} {
		place, agency, _, ok := parseDateline(tc.in, tc.colon)
		if place != tc.place || agency != tc.agency || ok != tc.ok {
			t.Errorf("parseDateline(%q, %v) = %q, %q, %v; want %q, %q, %v",
				tc.in, tc.colon, place, agency, ok, tc.place, tc.agency, tc.ok)
		}
	}
}

func TestFindDateline(t *testing.T) {
	long := " The foreign ministers of two neighbouring states met on Tuesday to discuss the sharing of water from a river that crosses their border, officials said."
	for _, tc := range []struct {
		text, title, place, agency string
		dateline                   string // the text of the dateline's range
	}{
		{"Talks resume\n\nGENEVA (AFP) - Diplomats met.", "Talks resume", "GENEVA", "AFP", "GENEVA (AFP) - "},
		{"Talks resume\n\nMarch 3, 2023 - 18:24\n\nBy Staff\n\nMUSCAT –" + long, "", "MUSCAT", "", "MUSCAT – "},
		{"BAGHDAD:" + long, "", "BAGHDAD", "", "BAGHDAD: "},
		{"  Canadian Press - VANCOUVER (CP) - The sister of a man" + long, "", "VANCOUVER", "CP", "Canadian Press - VANCOUVER (CP) - "},
		{"(MENAFN- Kuwait News Agency (KUNA)) WASHINGTON, March 28 (KUNA) -- The Treasury" + long, "", "WASHINGTON", "KUNA", "(MENAFN- Kuwait News Agency (KUNA)) WASHINGTON, March 28 (KUNA) -- "},
		{"UN: Aid convoy attacked\n\nThe convoy" + long, "", "", "", ""},
		{"Officials met in Muscat on Tuesday." + long + "\n\nMUSCAT – Later ...", "", "", "", ""},
	} {
		place, agency, start, end := findDateline(tc.text, tc.title)
		if place != tc.place || agency != tc.agency || tc.text[start:end] != tc.dateline {
			t.Errorf("findDateline(%q) = %q, %q, %q; want %q, %q, %q", tc.text[:40], place, agency, tc.text[start:end], tc.place, tc.agency, tc.dateline)
		}
	}
}

func TestAgencies(t *testing.T) {
	for tag, want := range map[string]string{
		"MNA": "Mehr News Agency", "IRNA": "Islamic Republic News Agency", "Reuters": "Reuters",
		"reuters": "Reuters", "AP": "Associated Press", "dpa": "Deutsche Presse-Agentur", "XYZ": "",
	} {
		if got := agencyName(tag); got != want {
			t.Errorf("agencyName(%q) = %q, want %q", tag, got, want)
		}
	}
}
