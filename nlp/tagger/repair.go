package tagger

import (
	"strings"

	"github.com/dyad-org/dyad/nlp"
)

// The repairs of this file fix, after tagging, the finite verbs the models
// miss in news text: headlines and leads with a bare name for a subject,
// reduced relative clauses and participial clauses, rare in the treebank.

// RepairFinite fixes the verbs of one tagged sentence (classes, as
// TagForms gave them) where the sentence needs them, and reports whether it
// changed any:
//   - each regular past form between a noun and "by" becomes a participle
//     ("the attack strongly condemned by Israeli officials");
//   - each "-ing" word after a comma or a preposition read as an adjective
//     or a noun becomes a participle (", expressing confidence", "of
//     exchanging views");
//   - a participle after a noun and before a noun phrase, in a main clause
//     left without a finite verb, becomes a past tense ("Israeli forces
//     confiscated weapons", "said settlers set fire to");
//   - a present tense read as a plural noun, coordinated with another
//     present tense after "and" and before a preposition, becomes one again
//     ("Qatar has the same views as Iran and calls for");
//   - in a sentence left without a finite verb, the first plural noun after
//     a noun that training saw as a verb becomes a present tense ("The EU
//     calls on Israel": leads and headlines with a bare name as subject,
//     rare in the treebank), as does a base form read as a noun after a
//     plural noun ("Haitian gangs shoot civilians").
//
// Each of the last three rewrites one word at most.
func (t *Tagger) RepairFinite(forms []string, classes []int) bool {
	if len(forms) < 3 || t.vbz < 0 || t.vbd < 0 || t.vbn < 0 || t.vbg < 0 || t.vbp < 0 {
		return false
	}
	changed := t.reducedPassive(forms, classes)
	changed = t.participleClause(forms, classes) || changed
	if i := t.pastTense(forms, classes); i >= 0 {
		classes[i] = t.vbd
		return true
	}
	finite, vbz := false, false
	for i, c := range classes {
		switch t.xpos[c] {
		case "VBD", "VBP", "MD":
			finite = true
		case "VBZ":
			finite, vbz = true, true
		case "NNS":
			if vbz && i > 0 && i+1 < len(forms) && strings.EqualFold(forms[i-1], "and") && t.upos[classes[i+1]] == "ADP" &&
				t.seenAs(strings.ToLower(forms[i]), "VBZ") {
				classes[i] = t.vbz
				return true
			}
		}
	}
	if finite {
		return changed
	}
	for i := 1; i+1 < len(forms); i++ {
		// "Haitian gangs shoot civilians": a singular noun after a plural
		// one, before a noun phrase, seen as a verb's base form.
		if x := t.xpos[classes[i-1]]; (x == "NNS" || x == "NNPS") && t.xpos[classes[i]] == "NN" && opensNounPhrase[t.xpos[classes[i+1]]] {
			if lower := strings.ToLower(forms[i]); t.seenAs(lower, "VBP") || t.seenAs(lower, "VB") {
				classes[i] = t.vbp
				return true
			}
		}
		if u := t.upos[classes[i-1]]; (u == "NOUN" || u == "PROPN") && t.xpos[classes[i]] == "NNS" &&
			t.upos[classes[i+1]] != "PUNCT" && t.seenAs(strings.ToLower(forms[i]), "VBZ") {
			classes[i] = t.vbz
			return true
		}
	}
	return changed
}

// reducedPassive retags as a participle each regular past form right after
// a noun (or a noun and an adverb) and before "by" ("the attack strongly
// condemned by officials"), save verbs of motion ("the convoy passed by
// the camp"), and reports whether it did.
func (t *Tagger) reducedPassive(forms []string, classes []int) bool {
	done := false
	for i := 1; i+1 < len(forms); i++ {
		if t.xpos[classes[i]] != "VBD" || !strings.EqualFold(forms[i+1], "by") {
			continue // tests that need no lower-case copy first: this runs on every word
		}
		if lower := strings.ToLower(forms[i]); !strings.HasSuffix(lower, "ed") || motionPast[lower] {
			continue
		}
		j := i - 1
		if t.upos[classes[j]] == "ADV" && j > 0 { // "the attack strongly condemned by"
			j--
		}
		if u := t.upos[classes[j]]; u == "NOUN" || u == "PROPN" {
			classes[i], done = t.vbn, true
		}
	}
	return done
}

// participleClause retags as a participle each "-ing" word right after a
// comma or a preposition and before the start of a noun phrase that the
// tagger read as an adjective or a noun but that training saw mostly as a
// participle, or never saw (", expressing confidence", "the necessity of
// exchanging views"), and reports whether it did.
func (t *Tagger) participleClause(forms []string, classes []int) bool {
	done := false
	for i := 1; i+1 < len(forms); i++ {
		if x := t.xpos[classes[i]]; forms[i-1] != "," && t.xpos[classes[i-1]] != "IN" || x != "JJ" && x != "NN" ||
			!opensNounPhrase[t.xpos[classes[i+1]]] {
			continue
		}
		lower := strings.ToLower(forms[i])
		if !strings.HasSuffix(lower, "ing") {
			continue
		}
		cls := t.tables.Lexicon[forms[i]]
		if len(cls) == 0 {
			cls = t.tables.LowerLexicon[lower]
		}
		if len(cls) == 0 || int(cls[0]) == t.vbg { // unseen, or mostly a participle
			classes[i], done = t.vbg, true
		}
	}
	return done
}

// motionPast are regular past forms of verbs of motion, which "by" may
// follow as a place.
var motionPast = map[string]bool{"passed": true, "stopped": true, "walked": true, "dropped": true, "stayed": true, "moved": true, "raced": true, "rolled": true}

// pastTense returns the participle that is the past-tense verb of a main
// clause without one, -1 if none: right after a noun, before the start of
// a noun phrase, a form that can be a past tense, with no
// finite verb before it (but before a speech verb: "said settlers set
// fire to"), and none after it but in a clause that a subordinator or
// relative word opens ("that he was held").
func (t *Tagger) pastTense(forms []string, classes []int) int {
	blocked := false
	for i := 1; i+1 < len(forms); i++ {
		x := t.xpos[classes[i]]
		if t.upos[classes[i]] == "VERB" && nlp.SpeechForm(strings.ToLower(forms[i])) {
			blocked = false
			continue
		}
		if finiteXPOS[x] {
			blocked = true
		}
		if blocked || x != "VBN" || !opensNounPhrase[t.xpos[classes[i+1]]] {
			continue
		}
		if u := t.upos[classes[i-1]]; u != "NOUN" && u != "PROPN" {
			continue
		}
		// A regular "-ed" form is a past tense too, and so is a participle
		// that is also the base form ("set", "hit", "put").
		if lower := strings.ToLower(forms[i]); !strings.HasSuffix(lower, "ed") && !t.seenAs(lower, "VBD") && !t.seenAs(lower, "VB") {
			continue
		}
		for j := i + 1; j < len(forms); j++ {
			if x := t.xpos[classes[j]]; t.upos[classes[j]] == "SCONJ" || x == "WDT" || x == "WP" || x == "WRB" {
				return i
			}
			if finiteXPOS[t.xpos[classes[j]]] {
				return -1
			}
		}
		return i
	}
	return -1
}

var finiteXPOS = map[string]bool{"VBD": true, "VBZ": true, "VBP": true, "MD": true}

// opensNounPhrase are the XPOS tags a direct object can start with.
var opensNounPhrase = map[string]bool{"DT": true, "PRP$": true, "CD": true, "NN": true, "NNS": true, "NNP": true, "NNPS": true, "JJ": true, "PRP": true}

// seenAs reports whether training saw the lower-case form with the XPOS.
func (t *Tagger) seenAs(lower, xpos string) bool {
	for _, c := range t.tables.LowerLexicon[lower] {
		if t.xpos[c] == xpos {
			return true
		}
	}
	return false
}
