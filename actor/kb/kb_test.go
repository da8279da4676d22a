package kb

import (
	"io"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestDefaultParses(t *testing.T) {
	k := Default()
	counts := map[string]int{
		"countries":     len(k.Countries),
		"regions":       len(k.Regions),
		"roles":         len(k.Roles),
		"organizations": len(k.Organizations),
		"groups":        len(k.Groups),
		"bodies":        len(k.Bodies),
		"people":        len(k.People),
	}
	least := map[string]int{"countries": 250, "regions": 10, "roles": 15, "organizations": 50, "groups": 30, "bodies": 80, "people": 1000}
	for name, n := range counts {
		if n < least[name] {
			t.Errorf("%s: %d rows, want at least %d", name, n, least[name])
		}
	}
	t.Logf("rows: %v", counts)
}

// TestEveryFileEmbedded checks that every data file in the directory is one
// the loader reads, so that a misnamed file is not silently ignored.
func TestEveryFileEmbedded(t *testing.T) {
	entries, err := embedded.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	people := 0
	for _, e := range entries {
		name := e.Name()
		if isPeopleFile(name) {
			people++
			continue
		}
		found := false
		for _, tb := range tables {
			found = found || tb.file == name
		}
		if !found {
			t.Errorf("%s is embedded but is no table the loader knows", name)
		}
	}
	if people < 10 {
		t.Errorf("%d people files, want at least 10", people)
	}
}

func TestUniqueCodes(t *testing.T) {
	k := Default()
	iso3 := map[string]bool{}
	for _, c := range k.Countries {
		if iso3[c.ISO3] {
			t.Errorf("duplicate country %s", c.ISO3)
		}
		iso3[c.ISO3] = true
	}
	for _, r := range k.Regions {
		if iso3[r.Code] {
			t.Errorf("region %s is also a country", r.Code)
		}
		iso3[r.Code] = true
	}
	for _, want := range []string{"IRN", "ISR", "PSE", "USA", "SAU", "ARE", "TUR", "EGY", "XKX", "SUN", "MOS", "ARB", "EUR", "WST", "MEA"} {
		if !iso3[want] {
			t.Errorf("no country or region %s", want)
		}
	}
}

// cameoRoles are CAMEO's role and sector codes; every role in roles.tsv must
// be one of them, or one the annotation guide adds (REL).
var cameoRoles = map[string]bool{
	"COP": true, "GOV": true, "INS": true, "JUD": true, "MIL": true, "OPP": true, "REB": true, "SEP": true,
	"SPY": true, "UAF": true, "AGR": true, "BUS": true, "CRM": true, "CVL": true, "DEV": true, "EDU": true,
	"ELI": true, "ENV": true, "HLH": true, "HRI": true, "LAB": true, "LEG": true, "MED": true, "REF": true,
	"MOD": true, "RAD": true, "SET": true, "NGO": true, "REL": true,
}

func TestCodesWellFormed(t *testing.T) {
	k := Default()
	for _, r := range k.Roles {
		if !cameoRoles[r.Code] {
			t.Errorf("role %s (%q) is not a CAMEO role", r.Code, r.Words[0])
		}
	}
	// Codes of international actors that people and groups carry must name an
	// organisation or group that the knowledge base defines.
	defined := map[string]bool{}
	for _, list := range [][]Org{k.Organizations, k.Groups, k.Bodies} {
		for _, o := range list {
			defined[o.Code] = true
		}
	}
	prefix := map[string]bool{}
	for _, c := range k.Countries {
		prefix[c.ISO3] = true
	}
	for _, r := range k.Regions {
		prefix[r.Code] = true
	}
	roles := map[string]bool{}
	for _, r := range k.Roles {
		roles[r.Code] = true
	}
	check := func(what, code string) {
		switch {
		case len(code) < 3 || len(code)%3 != 0 || code != strings.ToUpper(code):
			t.Errorf("%s: malformed code %q", what, code)
		case strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG"):
			if !defined[code] && code != "IGO" {
				t.Errorf("%s: %s is not defined in organizations.tsv or groups.tsv", what, code)
			}
		case !prefix[code[:3]]:
			t.Errorf("%s: %s does not start with a country or region", what, code)
		case len(code) >= 6 && !roles[code[3:6]]:
			t.Errorf("%s: %s has no known role", what, code)
		}
	}
	for _, p := range k.People {
		check(p.Name, p.Code)
	}
	for _, list := range [][]Org{k.Organizations, k.Groups, k.Bodies, k.Regions} {
		for _, o := range list {
			check(o.Names[0], o.Code)
		}
	}
}

func TestTerms(t *testing.T) {
	k := Default()
	type key struct{ name, code, office, from string }
	seen := map[key]bool{}
	for _, p := range k.People {
		if !p.To.IsZero() && p.To.hi() < p.From.lo() {
			t.Errorf("%s (%s): to %s before from %s", p.Name, p.Office, p.To, p.From)
		}
		if p.From.Y < 1950 || p.From.lo() > 20261231 || !p.To.IsZero() && p.To.lo() > 20261231 {
			t.Errorf("%s (%s): dates %s..%s out of range", p.Name, p.Office, p.From, p.To)
		}
		kk := key{p.Name, p.Code, p.Office, p.From.String()}
		if seen[kk] {
			t.Errorf("duplicate row %v", kk)
		}
		seen[kk] = true
		if p.Office != strings.TrimSpace(p.Office) || p.Office == "" {
			t.Errorf("%s: bad office %q", p.Name, p.Office)
		}
	}
}

func codesOn(k *KB, name string, d Date) []string {
	var out []string
	for _, t := range k.HoldersOn(name, d) {
		out = append(out, t.Code)
	}
	sort.Strings(out)
	return out
}

func has(codes []string, code string) bool {
	for _, c := range codes {
		if c == code {
			return true
		}
	}
	return false
}

func TestSpotChecks(t *testing.T) {
	k := Default()
	for _, c := range []struct {
		name string
		date Date
		code string
		want bool
	}{
		{"Raisi", Date{2022, 6, 1}, "IRNGOV", true},
		{"Raisi", Date{2020, 6, 1}, "IRNGOV", false},
		{"Raisi", Date{2020, 6, 1}, "IRNJUD", true},
		{"Ebrahim Raisi", Date{2023, 4, 6}, "IRNGOV", true},
		{"Rouhani", Date{2021, 1, 1}, "IRNGOV", true},
		{"Rouhani", Date{2023, 1, 1}, "IRNGOV", false},
		{"Hassan Rouhani", Date{2021, 5, 13}, "IRNGOV", true},
		{"Guterres", Date{2020, 1, 1}, "IGOUNO", true},
		{"Antonio Guterres", Date{2023, 4, 5}, "IGOUNO", true},
		{"Kofi Annan", Date{2003, 3, 1}, "IGOUNO", true},
		{"Ban Ki-moon", Date{2010, 1, 1}, "IGOUNO", true},
		{"Haniyeh", Date{2021, 5, 3}, "PSEREBHMS", true},
		{"Ismail Haniyeh", Date{2022, 4, 15}, "PSEREBHMS", true},
		{"Haniyeh", Date{2006, 6, 1}, "PSEGOV", true},
		{"Sinwar", Date{2023, 10, 7}, "PSEREBHMS", true},
		{"Khaled Meshaal", Date{2010, 1, 1}, "PSEREBHMS", true},
		{"Ziyad al-Nakhalah", Date{2021, 5, 3}, "PSEREBISJ", true},
		{"Nasrallah", Date{2006, 7, 12}, "LBNREBHEZ", true},
		{"Naim Qassem", Date{2025, 1, 1}, "LBNREBHEZ", true},
		{"Amir-Abdollahian", Date{2022, 4, 15}, "IRNGOV", true},
		{"Amirabdollahian", Date{2022, 4, 15}, "IRNGOV", true},
		{"Hossein Amir Abdollahian", Date{2023, 4, 6}, "IRNGOV", true},
		{"Hosein Amir Abdolahian", Date{2023, 4, 6}, "IRNGOV", true},
		{"Amir-Abdollahian", Date{2025, 1, 1}, "IRNGOV", false},
		{"Araghchi", Date{2025, 1, 1}, "IRNGOV", true},
		{"Mohammad Javad Zarif", Date{2021, 5, 13}, "IRNGOV", true},
		{"Saeed Khatibzadeh", Date{2022, 4, 16}, "IRNGOV", true},
		{"Nasser Kanaani", Date{2022, 8, 8}, "IRNGOV", true},
		{"Mohammad Mokhber", Date{2022, 8, 8}, "IRNGOV", true},
		{"Mokhber", Date{2024, 6, 15}, "IRNGOV", true},
		{"Pezeshkian", Date{2025, 1, 1}, "IRNGOV", true},
		{"Khamenei", Date{2010, 1, 1}, "IRNGOV", true},
		{"Qalibaf", Date{2022, 8, 8}, "IRNLEG", true},
		{"Mohammad Hossein Baqeri", Date{2021, 5, 13}, "IRNMIL", true},
		{"Asefi", Date{2003, 1, 1}, "IRNGOV", true},
		{"Mehmanparast", Date{2011, 1, 1}, "IRNGOV", true},
		{"Baghaei", Date{2025, 3, 1}, "IRNGOV", true},
		{"Sheikh Tamim bin Hamad bin Khalifa al-Thani", Date{2021, 5, 13}, "QATGOV", true},
		{"Prince Faisal bin Farhan Al Saud", Date{2023, 1, 1}, "SAUGOV", true},
		{"Hussain Ibrahim Taha", Date{2023, 4, 6}, "IGOMOSOIC", true},
		{"Josep Borrell", Date{2021, 5, 14}, "IGOEUREEC", true},
		{"Abdel Fatah a-Sisi", Date{2021, 5, 20}, "EGYGOV", true},
		{"Recep Tayyip Erdoğan", Date{2021, 5, 13}, "TURGOV", true},
		{"Mevlut Cavusoglu", Date{2021, 5, 3}, "TURGOV", true},
		{"Binyamin Netanyahu", Date{2021, 5, 14}, "ISRGOV", true},
		{"Netanyahu", Date{2021, 7, 1}, "ISRGOV", false},
		{"Antony J. Blinken", Date{2021, 5, 14}, "USAGOV", true},
		{"Lloyd J. Austin", Date{2021, 5, 14}, "USAGOV", true},
		{"Joko Widodo", Date{2023, 4, 6}, "IDNGOV", true},
		{"Syrian President Bashar Assad", Date{2012, 1, 1}, "SYRGOV", false}, // a title is not an alias
		{"Bashar Assad", Date{2012, 1, 1}, "SYRGOV", true},
		{"Trump", Date{2025, 6, 1}, "USAGOV", true},
		{"Trump", Date{2022, 6, 1}, "USAGOV", false},
		{"Rubio", Date{2025, 2, 1}, "USAGOV", true},
		{"Merz", Date{2025, 6, 1}, "DEUGOV", true},
		{"Carney", Date{2025, 4, 1}, "CANGOV", true},
		{"Ahmed al-Sharaa", Date{2025, 6, 1}, "SYRGOV", true},
		{"Yasser Arafat", Date{2001, 1, 1}, "PSEGOV", true},
		{"Mahmoud Abbas", Date{2021, 5, 3}, "PSEGOV", true},
	} {
		got := codesOn(k, c.name, c.date)
		if has(got, c.code) != c.want {
			t.Errorf("HoldersOn(%q, %s) = %v; want %s: %v", c.name, c.date, got, c.code, c.want)
		}
	}
}

func TestHoldersOnYear(t *testing.T) {
	k := Default()
	// A query for a year finds everyone who held an office in that year.
	got := codesOn(k, "Raisi", Date{Y: 2021})
	if !has(got, "IRNGOV") || !has(got, "IRNJUD") {
		t.Errorf("HoldersOn(Raisi, 2021) = %v, want IRNGOV and IRNJUD", got)
	}
	if got := k.HoldersOn("Nobody Atall", Date{}); len(got) != 0 {
		t.Errorf("HoldersOn(unknown) = %v", got)
	}
}

// slot is one office of one country or organisation whose holders must cover
// 2000-01-01..2026-06-01 with no gap longer than maxGap, except where a
// documented exception says why nobody held it.
type slot struct {
	prefix  string   // code prefix of the holders: a country ("EGY", whatever the role) or a whole code
	name    string   // "head of state", ...
	offices []string // office names that fill the slot ("acting"/"interim" prefixes are ignored)
	except  []span
}

type span struct {
	from, to Date
	why      string
}

const maxGap = 183 * 24 * time.Hour

var (
	coverFrom = Date{2000, 1, 1}
	coverTo   = Date{2026, 6, 1}
)

// country gives the three usual slots of a country; the office lists default
// to president, prime minister and foreign minister.
func country(iso3 string, hos, hog, fm []string, except map[string][]span) []slot {
	if hos == nil {
		hos = []string{"president"}
	}
	if hog == nil {
		hog = []string{"prime minister"}
	}
	if fm == nil {
		fm = []string{"foreign minister", "secretary of state", "foreign secretary", "external affairs minister"}
	}
	return []slot{
		{iso3, "head of state", hos, except["hos"]},
		{iso3, "head of government", hog, except["hog"]},
		{iso3, "foreign minister", fm, except["fm"]},
	}
}

func list(s ...string) []string { return s }

func coverageSlots() []slot {
	var s []slot
	add := func(x []slot) { s = append(s, x...) }
	monarch := list("queen", "king")
	// G20 members and the permanent members of the Security Council.
	add(country("ARG", nil, list("president"), nil, nil))
	add(country("AUS", list("governor-general"), nil, nil, nil))
	add(country("BRA", nil, list("president"), nil, nil))
	add(country("CAN", list("governor-general", "administrator of the government"), nil, nil, nil))
	add(country("CHN", nil, list("premier"), nil, nil))
	add(country("FRA", nil, nil, nil, nil))
	add(country("DEU", nil, list("chancellor"), nil, nil))
	add(country("IND", nil, nil, nil, nil))
	add(country("IDN", nil, list("president"), nil, nil))
	add(country("ITA", nil, nil, nil, nil))
	add(country("JPN", list("emperor"), nil, nil, nil))
	add(country("MEX", nil, list("president"), nil, nil))
	add(country("RUS", nil, nil, nil, nil))
	add(country("SAU", list("king"), list("king", "prime minister"), nil, nil))
	add(country("ZAF", nil, list("president"), nil, nil))
	add(country("KOR", nil, list("president"), nil, nil))
	add(country("TUR", nil, list("prime minister", "president"), nil, nil))
	add(country("GBR", monarch, nil, nil, nil))
	add(country("USA", nil, list("president"), nil, nil))
	// Australia's and Canada's head of state is the British monarch.
	s = append(s,
		slot{"GBR", "monarch of Australia", monarch, nil},
		slot{"GBR", "monarch of Canada", monarch, nil})
	// The European Union.
	s = append(s,
		slot{"IGOEUREEC", "president of the European Commission", list("president of the European Commission"), nil},
		slot{"IGOEUREEC", "president of the European Council", list("president of the European Council"), []span{
			{Date{2000, 1, 1}, Date{2009, 11, 30}, "the office was created by the Lisbon Treaty on 2009-12-01"}}},
		slot{"IGOEUREEC", "High Representative", list("high representative for foreign affairs and security policy"), nil})
	// The Middle East and North Africa.
	add(country("DZA", nil, nil, nil, nil))
	add(country("BHR", list("emir", "king"), nil, nil, nil))
	add(country("EGY", list("president", "chairman of the Supreme Council of the Armed Forces"), nil, nil, nil))
	add(country("IRN", list("supreme leader"), list("president"), nil, nil))
	occupation := []span{{Date{2003, 4, 9}, Date{2004, 6, 28}, "the Coalition Provisional Authority governed Iraq"}}
	add(country("IRQ", nil, nil, nil, map[string][]span{"hos": occupation, "hog": occupation}))
	add(country("ISR", nil, nil, nil, nil))
	add(country("JOR", list("king"), nil, nil, nil))
	add(country("KWT", list("emir"), nil, nil, nil))
	add(country("LBN", nil, nil, nil, map[string][]span{"hos": {
		{Date{2007, 11, 24}, Date{2008, 5, 24}, "presidential vacancy after Lahoud; the cabinet exercised the powers"},
		{Date{2014, 5, 25}, Date{2016, 10, 30}, "presidential vacancy after Suleiman"},
		{Date{2022, 10, 31}, Date{2025, 1, 8}, "presidential vacancy after Michel Aoun"},
	}}))
	add(country("LBY",
		list("Brotherly Leader and Guide of the Revolution", "chairman of the National Transitional Council",
			"president of the General National Congress", "president of the House of Representatives", "chairman of the Presidential Council"),
		list("prime minister", "chairman of the executive board of the National Transitional Council"),
		list("foreign minister", "head of foreign affairs of the National Transitional Council"), nil))
	add(country("MAR", list("king"), nil, nil, nil))
	add(country("OMN", list("sultan"), list("sultan"), nil, nil))
	noPM := []span{{Date{2000, 1, 1}, Date{2003, 4, 30}, "the Palestinian Authority had no prime minister or foreign minister before 2003; the president headed the government"}}
	add(country("PSE", nil, nil, nil, map[string][]span{"hog": noPM, "fm": noPM}))
	add(country("QAT", list("emir"), nil, nil, nil))
	add(country("SYR", list("president", "de facto leader"), list("prime minister", "president"), nil, nil))
	add(country("TUN", nil, nil, nil, nil))
	add(country("ARE", nil, nil, nil, nil))
	add(country("YEM", list("president", "chairman of the Presidential Leadership Council"), nil, nil, nil))
	// Secretaries-general.
	s = append(s,
		slot{"IGOUNO", "UN secretary-general", list("secretary-general of the United Nations"), nil},
		slot{"IGOMOSOIC", "OIC secretary-general", list("secretary-general of the OIC"), nil},
		slot{"IGOMEAARL", "Arab League secretary-general", list("secretary-general of the Arab League"), nil},
		// Since Yahya Sinwar's death Hamas has been led by a leadership council.
		slot{"PSEREBHMS", "head of Hamas", list("head of the Hamas political bureau", "head of the Hamas Shura Council and leadership council"), nil},
		slot{"LBNREBHEZ", "Hezbollah secretary-general", list("secretary-general of Hezbollah"), nil},
		slot{"IRNGOV", "Iranian Foreign Ministry spokesperson", list("foreign ministry spokesperson"), nil},
		slot{"IRNLEG", "speaker of the Iranian parliament", list("speaker of parliament"), nil},
	)
	return s
}

func baseOffice(o string) string {
	for _, p := range []string{"acting ", "interim "} {
		o = strings.TrimPrefix(o, p)
	}
	return o
}

func (d Date) time(hi bool) time.Time {
	n := d.lo()
	if hi {
		n = d.hi()
	}
	return time.Date(n/10000, time.Month(n/100%100), n%100, 0, 0, 0, 0, time.UTC)
}

// gaps returns the spans of [coverFrom, coverTo] that no term covers.
func gaps(terms []Term) [][2]time.Time {
	type iv struct{ a, b time.Time }
	var ivs []iv
	for _, t := range terms {
		b := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		if !t.To.IsZero() {
			b = t.To.time(true)
		}
		ivs = append(ivs, iv{t.From.time(false), b})
	}
	sort.Slice(ivs, func(i, j int) bool { return ivs[i].a.Before(ivs[j].a) })
	var out [][2]time.Time
	at := coverFrom.time(false)
	end := coverTo.time(false)
	for _, v := range ivs {
		if v.a.After(at.AddDate(0, 0, 1)) && at.Before(end) {
			out = append(out, [2]time.Time{at, minTime(v.a, end)})
		}
		if v.b.After(at) {
			at = v.b
		}
	}
	if at.Before(end) {
		out = append(out, [2]time.Time{at, end})
	}
	return out
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func TestCoverage(t *testing.T) {
	k := Default()
	checked := 0
	for _, s := range coverageSlots() {
		offices := map[string]bool{}
		for _, o := range s.offices {
			offices[o] = true
		}
		var terms []Term
		for _, p := range k.People {
			if strings.HasPrefix(p.Code, s.prefix) && offices[baseOffice(p.Office)] {
				terms = append(terms, p)
			}
		}
		// Exceptions count as covered.
		for _, e := range s.except {
			terms = append(terms, Term{From: e.from, To: e.to})
		}
		if len(terms) == 0 {
			t.Errorf("%s %s: no holders", s.prefix, s.name)
			continue
		}
		checked++
		for _, g := range gaps(terms) {
			if g[1].Sub(g[0]) > maxGap {
				t.Errorf("%s %s: nobody from %s to %s", s.prefix, s.name, g[0].Format(time.DateOnly), g[1].Format(time.DateOnly))
			}
		}
	}
	t.Logf("%d slots covered from %s to %s with no gap over %v", checked, coverFrom, coverTo, maxGap)
}

func TestParseErrors(t *testing.T) {
	base := map[string]string{
		"countries.tsv":     "# c\niso3\tiso2\tname\tnames\tabbreviations\tdemonyms\tcapitals\tplaces\nIRN\tIR\tIran\n",
		"places.tsv":        "iso3\tplaces\nIRN\tIsfahan;Shiraz\n",
		"regions.tsv":       "code\tname\taliases\tabbreviations\nMOS\tMuslim world\n",
		"roles.tsv":         "code\tcontext\twords\nGOV\tyes\tgovernment\n",
		"organizations.tsv": "code\tname\taliases\tabbreviations\nIGOUNO\tUnited Nations\n",
		"groups.tsv":        "code\tname\taliases\tabbreviations\n",
		"bodies.tsv":        "code\tname\taliases\tabbreviations\nIRNGOV\tGuardian Council\n",
		"people_iran.tsv":   "# comment\nname\taliases\tcode\toffice\tfrom\tto\nAli Khamenei\tKhamenei\tIRNGOV\tsupreme leader\t1989-06-04\t\n",
	}
	parse := func(over map[string]string) error {
		files := map[string]io.Reader{}
		for name, text := range base {
			files[name] = strings.NewReader(text)
		}
		for name, text := range over {
			if text == "" {
				delete(files, name)
				continue
			}
			files[name] = strings.NewReader(text)
		}
		_, err := Parse(files)
		return err
	}
	if err := parse(nil); err != nil {
		t.Fatalf("valid files: %v", err)
	}
	const header = "name\taliases\tcode\toffice\tfrom\tto\n"
	for _, c := range []struct {
		over map[string]string
		want string
	}{
		{map[string]string{"people_iran.tsv": "# c\n" + header + "X\t\tIRNGOV\tpresident\t2020-01-01\t2019-13\n"}, "people_iran.tsv:3: field to: "},
		{map[string]string{"people_iran.tsv": header + "X\t\tIRNGOV\tpresident\t2020-01-01\t2019-12\n"}, "people_iran.tsv:2: field to: 2019-12 is before from 2020-01-01"},
		{map[string]string{"people_x.tsv": header + "\nX\t\tIRNXXX\tpresident\t2020\t\n"}, "people_x.tsv:3: field code: "},
		{map[string]string{"people_x.tsv": header + "X\t\tQQQGOV\tpresident\t2020\t\n"}, "people_x.tsv:2: field code: "},
		{map[string]string{"people_x.tsv": header + "X\t\tIRNGOV\t\t2020\t\n"}, "people_x.tsv:2: field office: empty"},
		{map[string]string{"people_x.tsv": header + "X\t\tIRNGOV\tpresident\t2020-02-30\t\n"}, "people_x.tsv:2: field from: "},
		{map[string]string{"people_x.tsv": "name\tcode\n"}, "people_x.tsv:1: header"},
		{map[string]string{"countries.tsv": "iso3\tiso2\tname\tnames\tabbreviations\tdemonyms\tcapitals\tplaces\nIRN\tIR\tIran\nIRN\tIQ\tIraq\n"}, "countries.tsv:3: field iso3: duplicate IRN"},
		{map[string]string{"roles.tsv": "code\tcontext\twords\nGOV\tmaybe\tgovernment\n"}, "roles.tsv:2: field context: "},
		{map[string]string{"places.tsv": "iso3\tplaces\nIRQ\tMosul\n"}, "places.tsv:2: field iso3: \"IRQ\" is not a country"},
		{map[string]string{"people_iran.tsv": ""}, "missing people files"},
		{map[string]string{"bodies.tsv": ""}, "missing file bodies.tsv"},
		{map[string]string{"people.tsv": header}, "unknown file people.tsv"},
	} {
		err := parse(c.over)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%v) = %v, want an error containing %q", c.over, err, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for s, want := range map[string]Date{"2024": {2024, 0, 0}, "2024-05": {2024, 5, 0}, "2024-02-29": {2024, 2, 29}} {
		if got, err := ParseDate(s); err != nil || got != want || got.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "24", "2023-02-29", "2024-13", "2024-1-01", "2024-01-01-01", "x"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q): no error", s)
		}
	}
}

func TestNameKey(t *testing.T) {
	for in, want := range map[string]string{
		"Amir-Abdollahian":       "amir abdollahian",
		"Recep Tayyip Erdoğan":   "recep tayyip erdogan",
		"Sa'ar":                  "saar",
		"  Abdel Fatah a-Sisi. ": "abdel fatah a sisi",
	} {
		if got := NameKey(in); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameHashesAgreeWithNameKey(t *testing.T) {
	for _, s := range []string{"Amir-Abdollahian", "U.S. Department of State", "Erdoğan", "People's Mujahedin", "  ", "al-Aqsa’s", "Ziyad al-Nakhalah"} {
		var want []uint64
		for _, w := range strings.Fields(NameKey(s)) {
			want = NameHashes(w, want)
		}
		if got := NameHashes(s, nil); !slices.Equal(got, want) {
			t.Errorf("NameHashes(%q) = %v, want the hashes of %q: %v", s, got, NameKey(s), want)
		}
	}
}
