package parser

import (
	"slices"
	"strings"

	"github.com/dyad-org/dyad/nlp"
)

// The repairs of this file run around the transitions for news text: they
// split off what greedy left-to-right parsing joins wrongly (an opening
// adverbial phrase, a closing reporting clause) and fix the commonest
// attachments it gets wrong in long news sentences. Each is measured on
// EWT test and the gold files (see the README's NLP section).

// gerundObjects repairs a gerund after a preposition that the transitions
// made an adjective of the noun after it ("the necessity of exchanging
// views", "exchanging" an amod of "views"): the gerund takes the noun's
// place, as a clause on what the noun hung on, with the noun as its object
// and the preposition as its marker.
func gerundObjects(tags []string, heads []int, rels []string) {
	for g := range heads {
		n := heads[g]
		if rels[g] != "amod" || n <= g || !strings.HasSuffix(tags[g], " VBG") || !isNoun(tags[n]) || heads[n] < 0 {
			continue
		}
		c := -1
		for i := 0; i < g; i++ {
			if heads[i] == n && rels[i] == "case" {
				c = i
			}
		}
		if c < 0 || c != g-1 && (c != g-2 || heads[g-1] != n) {
			continue // the preposition must come right before the gerund (or a determiner between)
		}
		rel := "acl"
		if isVerb(tags[heads[n]]) {
			rel = "advcl"
		}
		heads[g], rels[g] = heads[n], rel
		heads[n], rels[n] = g, "obj"
		heads[c], rels[c] = g, "mark"
	}
}

// nounConjuncts repairs a list of nouns whose later items the transitions
// hung on the verb ("called on all Muslims, Islamic governments, as well
// as the regional organizations", "governments" and "organizations" on
// "called", or on the verb "called" is coordinated with): a noun on a
// verb as a conjunct or an unmarked oblique, after a comma or a
// conjunction, becomes a conjunct of the noun argument before it, when no
// other verb comes between them. Earlier items of a list are joined first,
// so each later one finds the list's first argument.
func nounConjuncts(tags []string, heads []int, rels []string) {
	for y := range heads {
		h := heads[y]
		if h < 0 || h > y || !isVerb(tags[h]) || !isNoun(tags[y]) || rels[y] != "conj" && rels[y] != "obl:unmarked" {
			continue
		}
		// "decried ... and called on X, Y": the list may be the argument
		// of a verb coordinated with h.
		ofH := func(v int) bool { return v == h || v >= 0 && heads[v] == h && rels[v] == "conj" && isVerb(tags[v]) }
		x, joined := -1, false
	scan:
		for i := y - 1; i > h; i-- {
			switch {
			case isNoun(tags[i]) && (rels[i] == "obj" || rels[i] == "obl") && ofH(heads[i]):
				x = i
				break scan
			case isVerb(tags[i]) && !ofH(i):
				break scan
			case isPunct(tags[i]) || rels[i] == "cc":
				joined = true
			}
		}
		if x >= 0 && joined {
			heads[y], rels[y] = x, "conj"
		}
	}
}

func isNoun(tag string) bool { u := uposOf(tag); return u == "NOUN" || u == "PROPN" }

// subjectRoot repairs a parse that made a clause's subject its root and
// the predicate after it a dependent ("Six soldiers and ten civilians were
// wounded in ...", root "soldiers" and "wounded" its ccomp): the predicate,
// with a copula or an auxiliary and no subject of its own, becomes the root
// and the noun its subject; the noun's dependents after the predicate move
// to it.
func subjectRoot(tags []string, heads []int, rels []string) {
	root := slices.Index(heads, -1)
	if root < 0 || uposOf(tags[root]) != "NOUN" && uposOf(tags[root]) != "PROPN" {
		return
	}
	pred := -1
	for i := root + 1; i < len(heads) && pred < 0; i++ {
		if heads[i] != root {
			continue
		}
		switch rels[i] {
		case "ccomp", "parataxis", "dep", "acl":
			if u := uposOf(tags[i]); u == "VERB" || u == "ADJ" {
				pred = i
			}
		}
	}
	if pred < 0 {
		return
	}
	subj := ""
	for i := range heads {
		if heads[i] != pred {
			continue
		}
		switch rels[i] {
		case "nsubj", "nsubj:pass", "csubj", "expl":
			return
		case "cop", "aux":
			if i < pred && subj == "" {
				subj = "nsubj"
			}
		case "aux:pass":
			if i < pred {
				subj = "nsubj:pass"
			}
		}
	}
	if subj == "" {
		return
	}
	for i := pred + 1; i < len(heads); i++ {
		if heads[i] == root {
			heads[i] = pred
		}
	}
	heads[pred], rels[pred] = -1, "root"
	heads[root], rels[root] = pred, subj
}

// nounObject repairs a verbless phrase, as headlines are, whose root the
// transitions made a noun with an object: no noun has one in UD. In
// "Secretary Blinken's Call with ..." the title "Secretary" became the
// root and "Call" its object; the object, whose possessor is the name the
// root word titles, becomes the root, and the title a compound of that
// name. Other dependents of the old root move to the new one.
func nounObject(tags []string, heads []int, rels []string) {
	root := slices.Index(heads, -1)
	if root < 0 || uposOf(tags[root]) != "NOUN" || root+1 >= len(tags) || uposOf(tags[root+1]) != "PROPN" {
		return
	}
	obj := -1
	for i := root + 1; i < len(heads); i++ {
		if heads[i] == root && rels[i] == "obj" && isNoun(tags[i]) {
			obj = i
			break
		}
	}
	// The name right after the title must be the object's possessor.
	name := root + 1
	if obj < 0 || name >= obj || heads[name] != obj || rels[name] != "nmod:poss" {
		return
	}
	for i := range heads {
		if heads[i] == root && i != obj {
			heads[i] = obj
		}
	}
	heads[obj], rels[obj] = -1, "root"
	heads[root], rels[root] = name, "compound"
}

// parseFront parses a sentence that may open with an adverbial phrase.
func (p *Parser) parseFront(forms, tags []string, heads []int, rels []string) {
	k := frontEnd(forms, tags)
	if k < 0 {
		p.parse(forms, tags, heads, rels)
		return
	}
	p.parse(forms[:k], tags[:k], heads[:k], rels[:k])
	p.parseFront(forms[k+1:], tags[k+1:], heads[k+1:], rels[k+1:]) // it may open with a phrase too
	front, main := -1, -1
	for i := range forms {
		switch {
		case i == k:
		case heads[i] < 0 && i < k:
			front = i
		case heads[i] < 0:
			main = i
		case i > k:
			heads[i] += k + 1
		}
	}
	front = rootContent(front, k, tags, heads, rels)
	heads[front], rels[front] = main, "obl"
	if isVerb(tags[front]) {
		rels[front] = "advcl"
	}
	heads[k], rels[k] = front, "punct"
}

// parseReport parses a sentence whose reporting clause starts after the
// comma at k: the clause before it, then the reporting clause, whose verb
// must come out as its root (else it reports false, having written
// nothing final), hung on the first one's root.
func (p *Parser) parseReport(forms, tags []string, heads []int, rels []string, k int) bool {
	tail := k + 1
	p.parse(forms[tail:], tags[tail:], heads[tail:], rels[tail:])
	verb := -1
	for i := tail; i < len(forms); i++ {
		if heads[i] < 0 {
			verb = i
		}
	}
	if verb < 0 || !nlp.SpeechForm(strings.ToLower(forms[verb])) {
		return false
	}
	p.parseFront(forms[:k], tags[:k], heads[:k], rels[:k])
	main := -1
	for i := range forms {
		switch {
		case i < k && heads[i] < 0:
			main = i
		case i > k && i != verb:
			heads[i] += tail
		}
	}
	heads[verb], rels[verb] = main, "parataxis"
	heads[k], rels[k] = verb, "punct"
	return true
}

// reportStart returns the index of the comma before a sentence's closing
// reporting clause, -1 if it has none: after the comma come a short noun
// phrase and a speech verb, or the verb and then the phrase, then at most
// a few words of time ("on Monday") and the final punctuation; the clause
// before it has a verb and at least four words.
func reportStart(forms, tags []string) int {
	const maxTail = 12
	n := len(forms)
	if n < 8 || !isPunct(tags[n-1]) {
		return -1
	}
	k := -1
	for i := n - 2; i > 0 && i >= n-1-maxTail; i-- {
		if forms[i] == "," {
			k = i
			break
		}
		if isPunct(tags[i]) {
			return -1 // a quotation mark or a dash: left to the model
		}
	}
	if k < 4 {
		return -1
	}
	verbs, nouns := 0, 0
	for i := k + 1; i < n-1; i++ {
		switch uposOf(tags[i]) {
		case "VERB", "AUX":
			if !nlp.SpeechForm(strings.ToLower(forms[i])) {
				return -1
			}
			verbs++
		case "NOUN", "PROPN", "PRON":
			nouns++
		case "SCONJ", "CCONJ", "PUNCT":
			return -1
		}
	}
	if verbs != 1 || nouns == 0 {
		return -1
	}
	for _, t := range tags[:k] {
		if isVerb(t) {
			return k
		}
	}
	return -1
}

// rootContent makes a phrase parsed on its own (words 0..n-1) headed by a
// content word: where the parse made its opening preposition or
// subordinator the root ("After the talks in Vienna"), the word that one
// introduces takes its place and its dependents, and the function word
// becomes its case or mark. It returns the phrase's root.
func rootContent(root, n int, tags []string, heads []int, rels []string) int {
	if !isOpener(tags[root]) {
		return root
	}
	content := -1
	for i := root + 1; i < n && content < 0; i++ {
		if heads[i] == root && !isPunct(tags[i]) {
			content = i
		}
	}
	if content < 0 {
		return root
	}
	for i := range n {
		if heads[i] == root && i != content {
			heads[i] = content
		}
	}
	heads[content], rels[content] = -1, "root"
	heads[root], rels[root] = content, "case"
	if uposOf(tags[root]) == "SCONJ" {
		rels[root] = "mark"
	}
	return content
}

// frontEnd returns the index of the comma that ends a sentence's opening
// adverbial phrase, -1 if it has none: the sentence opens with a
// preposition or a subordinator, the comma comes within a few words, and a
// clause with a verb of at least four words follows it.
func frontEnd(forms, tags []string) int {
	const maxFront = 15
	if len(tags) < 7 || !isOpener(tags[0]) {
		return -1
	}
	if w := forms[1]; strings.EqualFold(w, "least") || strings.EqualFold(w, "most") {
		return -1 // "At least 19 people, including ...": a number, not a phrase
	}
	k := 1
	for ; k < len(forms) && k <= maxFront && !isPunct(tags[k]); k++ {
	}
	if k < 2 || k > maxFront || k >= len(forms) || forms[k] != "," || len(forms)-k-1 < 4 {
		return -1
	}
	for _, t := range tags[k+1:] {
		if isVerb(t) {
			return k
		}
	}
	return -1
}
