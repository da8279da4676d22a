package event

import (
	_ "embed"
	"strings"
)

// subject finds who does what verb t says: its subject, or in a passive its
// "by" agent; a verb without a subject of its own takes it from the verb it
// depends on: the object of "urged Muslims to unify" (object control) or
// the subject of "decided to attack", of the first verb in "met and
// condemned", of the main verb for a participle ("storming the mosque,
// attacking worshipers"); a relative clause's subject is the noun it
// modifies.
func (s *sent) subject(t int) int {
	for depth := 0; t >= 0 && depth < 6; depth++ {
		if s.toks[t].UPOS == "NOUN" {
			return s.nounSource(t)
		}
		if s.passive(t) {
			return s.agent(t)
		}
		if c := s.child(t, "nsubj:pass"); c >= 0 && s.statePredicate(t) {
			return s.antecedent(c)
		}
		if c := s.child(t, "nsubj", "csubj"); c >= 0 {
			if h := s.head(t); h >= 0 && s.misreadObject(h) == c {
				t = h // "telephoned Taha requesting a meeting": the caller requests
				continue
			}
			return s.antecedent(c)
		}
		h := s.head(t)
		if h < 0 {
			return s.strayActor(t)
		}
		switch s.rel(t) {
		case "xcomp":
			// Object control ("urged Muslims to unify") is an infinitive's;
			// "telephoned Taha requesting a meeting" is the caller's request.
			if o := s.child(h, "obj", "iobj"); o >= 0 && s.toks[t].XPOS != "VBG" {
				return o
			}
			// "X and Y are reported to have met": the reported are the
			// complement's subject, not the reporter; "... and are known
			// to speak" shares the subject of what it is coordinated with.
			if implicative[s.lemma(h)] && s.passive(h) {
				if p := s.sharedPassiveSubject(h); p >= 0 {
					return s.antecedent(p)
				}
			}
		case "acl":
			return h // "lawmakers calling on", the participle on its doer
		case "conj":
			if n := s.ownSubject(t); n >= 0 {
				return n
			}
		case "advcl", "dep":
		case "acl:relcl":
			return h
		default:
			return -1
		}
		t = h
	}
	return -1
}

// sharedPassiveSubject returns the passive subject of verb h, or of the
// verbs it is coordinated with or complements ("are reported to have met
// ... and are known to speak"), -1 if none.
func (s *sent) sharedPassiveSubject(h int) int {
	for depth := 0; h >= 0 && depth < 4; depth++ {
		if p := s.child(h, "nsubj:pass"); p >= 0 {
			return p
		}
		if r := s.rel(h); r != "conj" && r != "xcomp" {
			break
		}
		h = s.head(h)
	}
	return -1
}

// agent finds who did what passive verb t says: its "by" phrase, which the
// parser may hang on the verb's own oblique ("was called to a meeting by
// X"), or else the actor of the violence it happened in ("were killed in
// Israeli air strikes").
func (s *sent) agent(t int) int {
	if a := s.child(t, "obl:agent"); a >= 0 {
		return a
	}
	if a := s.prepArg(t, "by"); a >= 0 {
		return a
	}
	for _, c := range s.deps.Of(t) {
		if s.rel(c) != "obl" {
			continue
		}
		if a := s.prepArg(c, "by"); a >= 0 {
			return a
		}
		if p := s.caseOf(c); (p == "in" || p == "during") && s.violent("noun", c) {
			return c
		}
	}
	return -1
}

// violent reports whether t, a noun or a verb as pos says, names an act of
// violence: a predicate of the lexicon in quad class 4, material conflict.
func (s *sent) violent(pos string, t int) bool {
	for _, e := range s.a.lex.Entries(pos, s.lemma(t)) {
		if s.a.onto.QuadClass(e.Code) == 4 {
			return true
		}
	}
	return false
}

// nounSource finds who did what event noun t says: its possessor ("Iran's
// condemnation"), an actor adjective or compound ("Israeli raid"), a "by"
// phrase, or the subject of the verb the noun is the object or the
// circumstance of ("held a phone conversation with", "in a phone
// conversation with ... he said").
func (s *sent) nounSource(t int) int {
	if m := s.mention(t); m != nil && m.Code != "" && !m.Headed {
		// "settler attacks", "Secretary Blinken's call": a modifier that
		// the phrase's mention took in names its actor (not "a visit to
		// Washington").
		for _, c := range s.deps.Of(t) {
			if r := s.rel(c); (r == "amod" || r == "compound" || r == "nmod:poss") && m.First <= c && c <= m.Last {
				return t
			}
		}
	}
	if c := s.child(t, "nmod:poss"); c >= 0 {
		return c
	}
	for _, c := range s.deps.Of(t) {
		if r := s.rel(c); (r == "amod" || r == "compound") && s.mention(c) != nil {
			return c
		}
	}
	if c := s.prepArg(t, "by"); c >= 0 {
		return c
	}
	if c := s.child(t, "nsubj"); c >= 0 && s.child(t, "cop") >= 0 {
		return c // a noun predicating of its subject ("the Houthis have been [trading] strikes", as the parser may read it)
	}
	h := s.head(t)
	if h < 0 || s.toks[h].UPOS != "VERB" || deathVerbs[s.lemma(h)] {
		return -1 // who "died in an attack" are its victims (see victims)
	}
	switch s.rel(t) {
	case "obj", "obl", "nmod", "nsubj:pass":
		return s.subject(h)
	}
	return -1
}

// nounEvent reports whether event noun (or gerund) t states an event of
// its own. A noun that is what another predicate is about ("condemned the
// Israeli attack", "anger over the atrocities") only gives that
// predicate's target; a noun subject states an event only with a verb of
// occurring ("clashes erupted", "protests were staged").
func (s *sent) nounEvent(t int) bool {
	h := s.head(t)
	if h < 0 {
		return true
	}
	if s.countedBy(t) >= 0 && s.caseOf(t) == "of" {
		return s.nounEvent(h) // "died in a series of air strikes": as the series goes
	}
	switch s.rel(t) {
	case "obj":
		return lightVerbs[s.lemma(h)]
	case "nsubj", "nsubj:pass":
		return occurVerbs[s.lemma(h)] || lightVerbs[s.lemma(h)]
	case "obl", "nmod", "advcl":
		switch s.caseOf(t) {
		case "in", "during", "at", "after":
			// "killed in air strikes" is one event, the killing; "protests
			// in support of" say why they were held.
			if causes[s.lemma(t)] {
				return false
			}
			return s.toks[t].UPOS == "NOUN" && !(s.violent("noun", t) && s.violent("verb", h))
		case "under":
			return s.violent("noun", t) // "have been under attack from"
		}
		return false
	case "conj", "appos":
		if s.stance(h) {
			return false // "is prepared for economic and technical cooperation", the noun hung as a conjunct
		}
		return s.toks[h].UPOS != "NOUN" || s.nounEvent(h)
	case "root", "parataxis":
		return true
	}
	return false
}

// victims returns who died in the violence event noun t names, -1 if no
// one did: the subject of "died in US air strikes" (or "in a series of").
func (s *sent) victims(t int) int {
	if q := s.countedBy(t); q >= 0 {
		t = q
	}
	h := s.head(t)
	if h < 0 || s.rel(t) != "obl" || !deathVerbs[s.lemma(h)] {
		return -1
	}
	if p := s.caseOf(t); p != "in" && p != "during" {
		return -1
	}
	return s.child(h, "nsubj")
}

// nominal reports whether verb t is used as a noun or an adjective: a
// gerund introduced by a preposition ("in defending", "on supporting"),
// standing where a noun does ("condemned the attack and the wounding of
// worshippers") or modifying one ("the child-killing regime").
func (s *sent) nominal(t int) bool {
	if h := s.head(t); s.rel(t) == "conj" && h >= 0 && s.toks[h].UPOS == "NOUN" && s.child(t, "nsubj", "aux", "mark") < 0 {
		return true // "support for the Palestinians and fight against the regime", "fight" tagged a verb
	}
	if r := s.rel(t); (r == "amod" || r == "compound") && s.toks[t].XPOS == "VBN" {
		return true // "occupied Arab lands"
	}
	if s.toks[t].XPOS != "VBG" {
		return false
	}
	switch s.caseOf(t) {
	case "in", "on", "for", "about", "of", "after", "before", "against":
		return true
	}
	h := s.head(t)
	switch s.rel(t) {
	case "amod", "compound": // "the child-killing regime"
		return true
	case "conj", "appos":
		return h >= 0 && s.toks[h].UPOS == "NOUN"
	}
	return false
}

// background reports whether predicate t is told only to describe what
// another event is about: a relative clause of one of its arguments ("the
// regime's crimes that have killed scores"). A clause on an argument that
// names an actor says what that actor did, an event of its own ("gangs who
// attack food convoys", "a militia that launched rockets").
func (s *sent) background(t int) bool {
	r := s.rel(t)
	if r == "conj" && s.head(t) >= 0 && s.toks[s.head(t)].UPOS == "VERB" {
		return s.background(s.head(t)) // "crimes that have killed and injured scores"
	}
	if r != "acl:relcl" && r != "acl" {
		return false
	}
	n := s.head(t)
	if n < 0 {
		return false
	}
	if m := s.mention(n); m != nil && m.Code != "" && m.Headed {
		return false
	}
	switch s.rel(n) {
	case "obj", "obl", "nmod", "nsubj:pass":
		return true
	}
	return false
}

// factual says whether predicate t states an event as happening or having
// happened, and returns its code: not under a modal ("would", "must"), in
// a condition ("if"), as a purpose or a wish ("in order to", "hopes to"),
// or as a question. A future meeting is coded as the intent to meet (036),
// as an announced schedule is news of its own.
func (s *sent) factual(t int, code string) (string, bool) {
	future := false
	x := t
	if h := s.head(t); s.toks[t].UPOS == "NOUN" && h >= 0 && s.toks[h].UPOS == "VERB" {
		x = h // "will hold talks": the noun's verb says whether it happened
	}
	for depth := 0; x >= 0 && depth < 4; depth++ {
		for _, c := range s.deps.Of(x) {
			l := s.lemma(c)
			switch s.rel(c) {
			case "aux":
				if modals[l] {
					return "", false
				}
				if l == "will" || l == "shall" {
					future = true
				}
			case "mark":
				if l == "to" && s.head(x) < 0 && s.child(x, "nsubj") >= 0 {
					future = true // a headline's "Austria to provide Iran with vaccines"
					continue
				}
				if l == "if" || l == "unless" || l == "whether" || l == "to" && s.rel(x) != "xcomp" {
					return "", false
				}
			}
		}
		h := s.head(x)
		if h < 0 {
			break
		}
		switch s.rel(x) {
		case "xcomp":
			if !implicative[s.lemma(h)] {
				return "", false
			}
		case "ccomp", "advcl":
			// A clause of its own has its own modality: what the clause it
			// depends on says does not make it hypothetical ("“Arab states
			// must act,” he urged"; "after forces stormed the mosque"),
			// unless that clause wishes or asks for it ("hopes that").
			if s.rel(x) == "advcl" && s.hasMark(x, factualMarks) || !irrealis[s.lemma(h)] {
				return s.tense(code, future)
			}
			return "", false
		case "conj":
		default:
			return s.tense(code, future)
		}
		x = h
	}
	return s.tense(code, future)
}

// factualMarks introduce an adverbial clause that states what happened,
// whatever the main clause does: "to discuss the situation after Israeli
// forces stormed the mosque".
var factualMarks = map[string]bool{"after": true, "before": true, "when": true, "while": true, "since": true,
	"because": true, "as": true, "until": true, "once": true}

// hasMark reports whether clause x has a subordinator from marks.
func (s *sent) hasMark(x int, marks map[string]bool) bool {
	for _, c := range s.deps.Of(x) {
		if s.rel(c) == "mark" && marks[s.lemma(c)] {
			return true
		}
	}
	return false
}

// tense codes a predicate in the future as the intent CAMEO has for its
// kind of cooperation: "will meet" 036, "will provide aid" 033, "will
// reduce its troops" 0356. A future conflict or statement is no event.
func (s *sent) tense(code string, future bool) (string, bool) {
	if !future {
		return code, true
	}
	if strings.HasPrefix(code, "087") {
		return "0356", true // intent to de-escalate militarily
	}
	if c, ok := intents[root(code)]; ok {
		return c, true
	}
	return "", false
}

// intents are the CAMEO intent codes of the cooperation roots.
var intents = map[string]string{"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}

// negated reports whether predicate t is denied ("did not condemn").
func (s *sent) negated(t int) bool {
	for _, c := range s.deps.Of(t) {
		if r := s.rel(c); r == "advmod" || r == "det" {
			switch s.lemma(c) {
			case "not", "n't", "never", "no":
				return true
			}
		}
	}
	return false
}

//go:embed clause.txt
var clauseWords string

// Word lists of clause.txt: see its comments.
var (
	lists                               = readLists(clauseWords)
	modals, implicative, irrealis       = lists["modal"], lists["implicative"], lists["irrealis"]
	lightVerbs, speechVerbs, occurVerbs = lists["light"], lists["speech"], lists["occur"]
	weapons, documents, needWords       = lists["weapon"], lists["document"], lists["need"]
	bombs, quantities, causes           = lists["bomb"], lists["quantity"], lists["cause"]
	deathVerbs, repression              = lists["death"], lists["repression"]
)

// readLists reads the sections of clause.txt by name.
func readLists(text string) map[string]map[string]bool {
	lists := map[string]map[string]bool{}
	var cur map[string]bool
	for _, line := range strings.Split(text, "\n") {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if name, ok := strings.CutPrefix(line, "=="); ok {
			cur = map[string]bool{}
			lists[strings.TrimSpace(name)] = cur
			continue
		}
		for _, w := range strings.Fields(line) {
			if cur != nil {
				cur[w] = true
			}
		}
	}
	return lists
}
