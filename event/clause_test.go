package event

import "testing"

// TestClauseLists guards against a list of clause.txt going missing under a
// misspelt name, which would silently match nothing.
func TestClauseLists(t *testing.T) {
	for name, list := range map[string]map[string]bool{
		"modal": modals, "implicative": implicative, "irrealis": irrealis, "light": lightVerbs,
		"speech": speechVerbs, "occur": occurVerbs, "weapon": weapons, "document": documents, "need": needWords, "bomb": bombs, "quantity": quantities, "cause": causes,
		"death": deathVerbs, "repression": repression,
	} {
		if len(list) == 0 {
			t.Errorf("clause.txt has no list %q", name)
		}
	}
	if len(lists) != 14 {
		t.Errorf("clause.txt has %d lists, the coder reads 14", len(lists))
	}
}
