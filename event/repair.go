package event

// Repairs for parses that go wrong on long news sentences: the parser,
// trained on web text, hangs a subject on a time phrase, reads a verb
// coordinated with another clause's, or makes a verb's object the subject
// of a participle after it. The argument rules of clause.go and
// predicate.go call these where the parse gives no argument or an
// impossible one.

// strayActor finds the subject of main verb t that the parser attached
// elsewhere ("U.S. military forces, earlier this evening, launched ..."
// with "forces" hung on "evening"): the nearest actor before the verb that
// no preposition introduces, within its clause. -1 if none.
func (s *sent) strayActor(t int) int {
	for i := t - 1; i >= 0; i-- {
		switch x := s.toks[i].XPOS; {
		case (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD") && s.head(i) != t:
			return -1 // another clause's verb: its actors are its own
		case s.toks[i].UPOS != "NOUN" && s.toks[i].UPOS != "PROPN":
			continue
		}
		m := s.mention(i)
		if m == nil || m.Code == "" || m.Head != i {
			continue
		}
		if r := s.rel(i); s.caseOf(i) != "" || r == "nmod:poss" || r == "obj" || r == "iobj" {
			continue
		}
		// The first of "Egypt and Israel" holds the others.
		for h := s.head(i); s.rel(i) == "conj" && h >= 0 && h < i; h = s.head(i) {
			if hm := s.mention(h); hm == nil || hm.Code == "" || !hm.Headed {
				break
			}
			i = h
		}
		return i
	}
	return -1
}

// antecedent returns the noun a relative pronoun subject stands for: the
// noun its clause modifies, or where the parser has not made the clause a
// relative one ("a militia in Syria that launched rockets" parsed as a
// complement), the nearest noun phrase before it, taken whole (the militia,
// not Syria). Any other subject is returned as it is.
func (s *sent) antecedent(subj int) int {
	if x := s.toks[subj].XPOS; x != "WDT" && x != "WP" {
		return subj
	}
	if v := s.head(subj); s.rel(v) == "acl:relcl" {
		return s.head(v)
	}
	for n := subj - 1; n >= 0; n-- {
		switch s.toks[n].UPOS {
		case "NOUN", "PROPN":
			for s.rel(n) == "nmod" && s.head(n) >= 0 && s.head(n) < n {
				n = s.head(n)
			}
			return n
		case "VERB", "AUX":
			return subj
		}
	}
	return subj
}

// ownSubject finds the subject of a coordinated verb that the parser hung
// elsewhere: a noun right before it ("called by Raisi ... after Israeli
// forces stormed the mosque, fired grenades and attacked", with "forces" in
// a phrase and "stormed" coordinated with "called"), or one before an
// earlier verb of the same coordination. -1 if none.
func (s *sent) ownSubject(t int) int {
	h := s.head(t)
	for v := t; v > h; v-- {
		if v != t && (s.head(v) != h || s.rel(v) != "conj") {
			continue
		}
		if n := v - 1; n > h && s.head(n) != v {
			if u := s.toks[n].UPOS; (u == "NOUN" || u == "PROPN") && s.actorIn(n) != nil {
				return n
			}
		}
	}
	return -1
}

// misreadObject returns the object of verb t that the parser read as the
// subject of a participle after it ("telephoned Taha on Thursday requesting
// a meeting" with "Taha" the subject of "requesting"), -1 if none.
func (s *sent) misreadObject(t int) int {
	if s.child(t, "obj") >= 0 {
		return -1
	}
	for _, c := range s.deps.Of(t) {
		if s.rel(c) != "advcl" || s.toks[c].XPOS != "VBG" {
			continue
		}
		if n := s.child(c, "nsubj"); t < n && n < c {
			return n
		}
	}
	return -1
}
