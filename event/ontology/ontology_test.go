package ontology_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/event/ontology"
)

// The shared reference data sits beside the repository, not in it.
const shared = "../../../shared"

func TestDefault(t *testing.T) {
	o := ontology.Default()
	if o != ontology.Default() {
		t.Error("Default loads the tables more than once")
	}
	codes := o.Codes()
	if len(codes) != 312 {
		t.Errorf("got %d codes, want 312", len(codes))
	}
	if !slices.IsSorted(codes) {
		t.Error("Codes is not sorted")
	}
	codes[0] = "changed"
	if o.Codes()[0] == "changed" {
		t.Error("Codes hands out the ontology's own slice")
	}
}

// wantQuad is CAMEO's grouping of roots into quad classes.
func wantQuad(root string) int {
	switch r, _ := strconv.Atoi(root); {
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	default:
		return 4
	}
}

func TestRootsAndQuadClasses(t *testing.T) {
	o := ontology.Default()
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		ev, ok := o.Event(root)
		if !ok {
			t.Errorf("root %s missing", root)
			continue
		}
		if ev.Quad != wantQuad(root) {
			t.Errorf("root %s: quad %d, want %d", root, ev.Quad, wantQuad(root))
		}
	}
	for _, code := range o.Codes() {
		ev, _ := o.Event(code)
		root := o.Root(code)
		if root != code[:2] {
			t.Errorf("Root(%s) = %q", code, root)
		}
		if _, ok := o.Event(root); !ok {
			t.Errorf("%s: root %s missing", code, root)
		}
		if ev.Quad != wantQuad(root) || o.QuadClass(code) != wantQuad(root) {
			t.Errorf("%s: quad %d, QuadClass %d, want %d", code, ev.Quad, o.QuadClass(code), wantQuad(root))
		}
		if ev.Goldstein < -10 || ev.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v outside [-10, 10]", code, ev.Goldstein)
		}
		if ev.Code != code || ev.Name == "" || ev.Name != strings.ToLower(ev.Name) {
			t.Errorf("%s: bad entry %+v", code, ev)
		}
	}
}

func TestRootOfOddCodes(t *testing.T) {
	o := ontology.Default()
	for code, want := range map[string]string{
		"0231": "02", "20": "20", "0299": "02", // 0299 is no CAMEO code, but its root is
		"": "", "2": "", "21": "", "2101": "", "02a": "", "02311": "", " 02": "",
	} {
		if got := o.Root(code); got != want {
			t.Errorf("Root(%q) = %q, want %q", code, got, want)
		}
	}
	if q := o.QuadClass("99"); q != 0 {
		t.Errorf("QuadClass(99) = %d, want 0", q)
	}
	if _, ok := o.Event("231"); ok {
		t.Error("Event(231) found; codes are exact")
	}
}

func TestSpotChecks(t *testing.T) {
	o := ontology.Default()
	for _, want := range []ontology.Event{
		{Code: "010", Name: "make statement", Goldstein: 0, Quad: 1},
		{Code: "022", Name: "appeal for diplomatic cooperation (such as policy support)", Goldstein: 3.4, Quad: 1},
		{Code: "0231", Name: "appeal for economic aid", Goldstein: 3.4, Quad: 1},
		{Code: "036", Name: "express intent to meet or negotiate", Goldstein: 4, Quad: 1, PloverType: "AGREE"},
		{Code: "041", Name: "discuss by telephone", Goldstein: 1, Quad: 1, PloverType: "CONSULT", PloverMode: "phone"},
		{Code: "042", Name: "make a visit", Goldstein: 1.9, Quad: 1, PloverType: "CONSULT", PloverMode: "visit"},
		{Code: "051", Name: "praise or endorse", Goldstein: 3.4, Quad: 1, PloverType: "SUPPORT"},
		{Code: "057", Name: "sign formal agreement", Goldstein: 8, Quad: 1, PloverType: "SUPPORT"},
		{Code: "073", Name: "provide humanitarian aid", Goldstein: 7.4, Quad: 2, PloverType: "AID"},
		{Code: "0841", Name: "return, release person(s)", Goldstein: 7, Quad: 2, PloverType: "RETREAT", PloverMode: "release"},
		{Code: "0874", Name: "retreat or surrender militarily", Goldstein: 10, Quad: 2, PloverType: "RETREAT", PloverMode: "disarm"},
		{Code: "091", Name: "investigate crime, corruption", Goldstein: -2, Quad: 3, PloverType: "ACCUSE", PloverMode: "investigate"},
		{Code: "1053", Name: "demand release of persons or property", Goldstein: -5, Quad: 3, PloverType: "REQUEST", PloverMode: "yield"},
		{Code: "111", Name: "criticize or denounce", Goldstein: -2, Quad: 3, PloverType: "ACCUSE", PloverMode: "disapprove"},
		{Code: "112", Name: "accuse", Goldstein: -2, Quad: 3, PloverType: "ACCUSE", PloverMode: "disapprove"},
		{Code: "125", Name: "reject proposal to meet, discuss, or negotiate", Goldstein: -5, Quad: 3, PloverType: "REJECT", PloverMode: "meet"},
		{Code: "138", Name: "threaten with military force", Goldstein: -7, Quad: 3, PloverType: "THREATEN", PloverMode: "violence"},
		{Code: "141", Name: "demonstrate or rally", Goldstein: -6.5, Quad: 4, PloverType: "PROTEST", PloverMode: "demo"},
		{Code: "163", Name: "impose embargo, boycott, or sanctions", Goldstein: -8, Quad: 4, PloverType: "SANCTION", PloverMode: "discontinue"},
		{Code: "173", Name: "arrest, detain, or charge with legal action", Goldstein: -5, Quad: 4, PloverType: "COERCE", PloverMode: "arrest"},
		{Code: "190", Name: "use conventional military force", Goldstein: -10, Quad: 4, PloverType: "ASSAULT"},
		{Code: "2042", Name: "detonate nuclear weapons", Goldstein: -10, Quad: 4, PloverType: "ASSAULT", PloverMode: "unconventional"},
	} {
		got, ok := o.Event(want.Code)
		if !ok || got != want {
			t.Errorf("Event(%s) = %+v, %v\n want %+v", want.Code, got, ok, want)
		}
	}
}

func TestPloverTypes(t *testing.T) {
	known := map[string]bool{}
	for _, typ := range strings.Fields("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT") {
		known[typ] = true
	}
	o := ontology.Default()
	for _, code := range o.Codes() {
		ev, _ := o.Event(code)
		dropped := code[:2] == "01" || code[:2] == "02" // PLOVER has no statements or appeals
		switch {
		case dropped && (ev.PloverType != "" || ev.PloverMode != ""):
			t.Errorf("%s: PLOVER %s %s, want none", code, ev.PloverType, ev.PloverMode)
		case !dropped && !known[ev.PloverType]:
			t.Errorf("%s: PLOVER type %q is not one of PLOVER's", code, ev.PloverType)
		}
	}
}

// ploverOverrides lists where plover.tsv departs from the 2021 conversion
// table after review against the PLOVER manual (see plover.tsv's header);
// everything else must agree with the table.
var ploverOverrides = map[string][2]string{
	"08":   {"CONCEDE", ""}, // listed under both CONCEDE and RETREAT
	"0842": {"RETREAT", ""},
	"085":  {"RETREAT", ""},
	"105":  {"REQUEST", "yield"},
	"124":  {"REJECT", "yield"},
	"1241": {"REJECT", "yield"},
	"1242": {"REJECT", "yield"},
	"132":  {"THREATEN", "restrict"},
	"1321": {"THREATEN", "restrict"},
	"1322": {"THREATEN", "restrict"},
	"163":  {"SANCTION", "discontinue"},
	"1712": {"ASSAULT", "destroy"},
	"1722": {"COERCE", "restrict"},
	"175":  {"ASSAULT", ""},
	"183":  {"ASSAULT", "explosives"},
	"185":  {"ASSAULT", "targeted"},
	"186":  {"ASSAULT", "targeted"},
	"195":  {"ASSAULT", "aerial"},
	"200":  {"ASSAULT", "targeted"},
	"201":  {"ASSAULT", ""},
	"202":  {"ASSAULT", "targeted"},
	"203":  {"ASSAULT", ""},
}

func TestPloverAgainstConversionTable(t *testing.T) {
	f, err := os.Open(filepath.Join(shared, "data/plover/CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	o := ontology.Default()
	var missing []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// Lines read "0841: RETREAT, release,   legal # comment"; roots have only a type.
		code, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		rest, _, _ = strings.Cut(rest, "#")
		parts := strings.Split(rest, ",")
		typ, mode := strings.TrimSpace(parts[0]), ""
		if len(parts) > 1 {
			mode = strings.TrimSpace(parts[1])
		}
		ev, ok := o.Event(code)
		if !ok {
			missing = append(missing, code)
			continue
		}
		if w, ok := ploverOverrides[code]; ok {
			typ, mode = w[0], w[1]
		}
		if ev.PloverType != typ || ev.PloverMode != mode {
			t.Errorf("%s: PLOVER %q %q, conversion table %q %q", code, ev.PloverType, ev.PloverMode, typ, mode)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	// 1214 (reject intelligence cooperation) is in neither CAMEO table.
	if !slices.Equal(missing, []string{"1214"}) {
		t.Errorf("conversion table codes not in the ontology: %v, want [1214]", missing)
	}
}

// latin1 decodes ISO 8859-1, whose bytes are the first 256 code points.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// TestAgainstICEWSTable checks the code set and Goldstein values against the
// table cameo.tsv was written from.
func TestAgainstICEWSTable(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(shared, "data/cameo/cameo-codes.csv"))
	if err != nil {
		t.Skip(err)
	}
	rows, err := csv.NewReader(strings.NewReader(latin1(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	o := ontology.Default()
	var codes []string
	for _, row := range rows[1:] {
		code := row[col["code"]]
		codes = append(codes, code)
		want, err := strconv.ParseFloat(row[col["goldstein"]], 64)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if ev, ok := o.Event(code); !ok || ev.Goldstein != want {
			t.Errorf("%s: Goldstein %v (found %v), ICEWS %v", code, ev.Goldstein, ok, want)
		}
		if root := row[col["root_code"]]; o.Root(code) != root {
			t.Errorf("%s: root %q, ICEWS %q", code, o.Root(code), root)
		}
	}
	slices.Sort(codes)
	if !slices.Equal(codes, o.Codes()) {
		t.Errorf("code sets differ:\n ours  %v\n ICEWS %v", o.Codes(), codes)
	}
}

// TestAgainstGDELTTables pins down where GDELT's tables differ from ours, so
// that a change on either side is noticed. GDELT lacks 1213, and its event
// code table glues 106 onto the line of 1056, so its Goldstein table lacks 106
// too; four Goldstein values differ, and we keep the ICEWS ones.
func TestAgainstGDELTTables(t *testing.T) {
	gdeltOnly := map[string]float64{"016": -2, "022": 3.2, "164": -7, "165": -6.5}
	b, err := os.ReadFile(filepath.Join(shared, "data/cameo/CAMEO.goldsteinscale.txt"))
	if err != nil {
		t.Skip(err)
	}
	o := ontology.Default()
	gdelt := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		code, value, _ := strings.Cut(strings.TrimSpace(line), "\t")
		g, err := strconv.ParseFloat(value, 64)
		if err != nil {
			t.Fatalf("goldsteinscale line %d: %v", i+2, err)
		}
		gdelt[code] = true
		ev, ok := o.Event(code)
		want, differs := gdeltOnly[code]
		switch {
		case !ok:
			t.Errorf("%s: in GDELT, not in the ontology", code)
		case differs && g != want:
			t.Errorf("%s: GDELT now gives %v (was %v; ours %v)", code, g, want, ev.Goldstein)
		case !differs && g != ev.Goldstein:
			t.Errorf("%s: Goldstein %v, GDELT %v", code, ev.Goldstein, g)
		}
	}
	var absent []string
	for _, code := range o.Codes() {
		if !gdelt[code] {
			absent = append(absent, code)
		}
	}
	if !slices.Equal(absent, []string{"106", "1213"}) {
		t.Errorf("codes GDELT lacks: %v, want [106 1213]", absent)
	}
}

// TestGoldCodesKnown checks that every code in the gold files is in the ontology.
func TestGoldCodesKnown(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(shared, "eval/*.gold.jsonl"))
	if len(files) == 0 {
		t.Skip("no gold files in " + shared + "/eval")
	}
	o := ontology.Default()
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
			var article struct {
				Events []struct{ Cameo string }
			}
			if err := json.Unmarshal(line, &article); err != nil {
				t.Fatalf("%s:%d: %v", name, i+1, err)
			}
			for _, ev := range article.Events {
				if _, ok := o.Event(ev.Cameo); !ok {
					t.Errorf("%s:%d: code %q not in the ontology", name, i+1, ev.Cameo)
				}
			}
		}
	}
}

func TestRoles(t *testing.T) {
	o := ontology.Default()
	for _, code := range strings.Fields("GOV MIL COP LEG JUD REB OPP CVL REL MED BUS EDU HLH IGO NGO SPY UAF INS LAB AGR ELI REF CRM ENV MOD RAD PTY IMG") {
		if m, ok := o.Role(code); !ok || m == "" {
			t.Errorf("Role(%s) = %q, %v", code, m, ok)
		}
	}
	if _, ok := o.Role("XYZ"); ok {
		t.Error("Role(XYZ) found")
	}
	b, err := os.ReadFile(filepath.Join(shared, "data/cameo/CAMEO.type.txt"))
	if err != nil {
		t.Skip(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		code, _, _ := strings.Cut(line, "\t")
		if _, ok := o.Role(code); !ok {
			t.Errorf("CAMEO type %s missing from roles.tsv", code)
		}
	}
}

func TestPloverInheritance(t *testing.T) {
	const (
		cameo = "code\tname\tgoldstein\tquad\n" +
			"02\tappeal\t3\t1\n023\tappeal for aid\t3.4\t1\n0231\tappeal for economic aid\t3.4\t1\n0232\tappeal for military aid\t3.4\t1\n" +
			"03\tintend\t4\t1\n030\tintend\t4\t1\n"
		plover = "code\tplover_type\tplover_mode\n" +
			"02\t-\t-\n023\tREQUEST\tassist\n0232\tREQUEST\t-\n03\tAGREE\t-\n"
		roles = "code\tmeaning\n"
	)
	o, err := ontology.Parse(strings.NewReader(cameo), strings.NewReader(plover), strings.NewReader(roles))
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string][2]string{
		"02":   {"", ""},
		"023":  {"REQUEST", "assist"},
		"0231": {"REQUEST", ""}, // no row: the parent's type, not its mode
		"0232": {"REQUEST", ""},
		"030":  {"AGREE", ""},
	} {
		ev, _ := o.Event(code)
		if got := [2]string{ev.PloverType, ev.PloverMode}; got != want {
			t.Errorf("%s: PLOVER %q, want %q", code, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	const (
		cameoHead  = "# comment\ncode\tname\tgoldstein\tquad\n"
		goodCameo  = cameoHead + "01\tstatement\t0\t1\n010\tstatement\t0\t1\n"
		ploverHead = "code\tplover_type\tplover_mode\n"
		rolesHead  = "code\tmeaning\n"
	)
	for _, tc := range []struct{ cameo, plover, roles, want string }{
		{"", ploverHead, rolesHead, "cameo.tsv: no header line"},
		{"code\tname\tgoldstein\n", ploverHead, rolesHead, "cameo.tsv:1: header:"},
		{cameoHead + "01\tstatement\tzero\t1\n", ploverHead, rolesHead, "cameo.tsv:3: goldstein: \"zero\" is not a number"},
		{cameoHead + "\n01\tstatement\t-11\t1\n", ploverHead, rolesHead, "cameo.tsv:4: goldstein: -11 is outside"},
		{cameoHead + "01\tstatement\tNaN\t1\n", ploverHead, rolesHead, "cameo.tsv:3: goldstein:"},
		{cameoHead + "01\tstatement\t0\t5\n", ploverHead, rolesHead, "cameo.tsv:3: quad:"},
		{cameoHead + "1\tstatement\t0\t1\n", ploverHead, rolesHead, "cameo.tsv:3: code:"},
		{cameoHead + "01\t\t0\t1\n", ploverHead, rolesHead, "cameo.tsv:3: name: empty"},
		{cameoHead + "01\tstatement\t0\n", ploverHead, rolesHead, "cameo.tsv:3: want 4 tab-separated fields, got 3"},
		{goodCameo + "01\tstatement\t0\t1\n", ploverHead, rolesHead, "cameo.tsv:5: code: 01 repeats line 3"},
		{goodCameo + "0111\tstatement\t0\t1\n", ploverHead, rolesHead, "cameo.tsv:5: code: 0111 has no parent 011"},
		{goodCameo + "011\tstatement\t0\t2\n", ploverHead, rolesHead, "cameo.tsv:5: quad: 2 differs from root 01's 1"},
		{goodCameo, ploverHead + "02\tAGREE\t-\n", rolesHead, "plover.tsv:2: code: \"02\" is not in cameo.tsv"},
		{goodCameo, ploverHead + "01\tagree\t-\n", rolesHead, "plover.tsv:2: plover_type:"},
		{goodCameo, ploverHead + "01\tAGREE\tVisit\n", rolesHead, "plover.tsv:2: plover_mode:"},
		{goodCameo, ploverHead + "01\t-\tvisit\n", rolesHead, "plover.tsv:2: plover_mode: \"visit\" given without a type"},
		{goodCameo, ploverHead + "01\tAGREE\t-\n01\tAGREE\t-\n", rolesHead, "plover.tsv:3: code: 01 repeats line 2"},
		{goodCameo, ploverHead, rolesHead + "GOVT\tgovernment\n", "roles.tsv:2: code:"},
		{goodCameo, ploverHead, rolesHead + "GOV\t\n", "roles.tsv:2: meaning: empty"},
		{goodCameo, ploverHead, rolesHead + "GOV\tgovernment\nGOV\tgovernment\n", "roles.tsv:3: code: GOV repeats"},
	} {
		_, err := ontology.Parse(strings.NewReader(tc.cameo), strings.NewReader(tc.plover), strings.NewReader(tc.roles))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse error %v, want one containing %q", err, tc.want)
		}
	}
}
