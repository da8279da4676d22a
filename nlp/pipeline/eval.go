package pipeline

import (
	"strconv"
	"strings"

	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/conllu"
)

// Scores are the accuracies of the pipeline on a treebank with its gold
// tokenization. LAS is defined as in the CoNLL 2018 shared task evaluation:
// head and universal relation agree (subtypes such as ":poss" in "nmod:poss"
// are ignored). LASFull also requires the subtype to agree.
type Scores struct {
	UPOS    float64 `json:"upos"`
	XPOS    float64 `json:"xpos"`
	Lemma   float64 `json:"lemma"`
	UAS     float64 `json:"uas"`
	LAS     float64 `json:"las"`
	LASFull float64 `json:"las_full"`
	Tokens  int     `json:"tokens"`
}

// Evaluate keeps the gold sentences' words, analyses them afresh and scores
// the result against the gold annotation.
func (p *Pipeline) Evaluate(gold []conllu.Sentence) Scores {
	var upos, xpos, lem, uas, las, lasFull, n int
	for gi := range gold {
		g := &gold[gi]
		s := FromCoNLLU(g)
		p.AnalyzeSentence(&s)
		for i, w := range g.Words {
			t := &s.Tokens[i]
			n++
			upos += b2i(t.UPOS == w.UPOS)
			xpos += b2i(t.XPOS == w.XPOS)
			lem += b2i(t.Lemma == w.Lemma)
			if t.Head+1 == w.Head {
				uas++
				las += b2i(universal(t.Rel) == universal(w.Rel))
				lasFull += b2i(t.Rel == w.Rel)
			}
		}
	}
	frac := func(k int) float64 { return float64(k) / float64(max(n, 1)) }
	return Scores{UPOS: frac(upos), XPOS: frac(xpos), Lemma: frac(lem), UAS: frac(uas), LAS: frac(las), LASFull: frac(lasFull), Tokens: n}
}

// FromCoNLLU turns a treebank sentence into tokens (offsets count from the
// sentence's first word, with one space where the treebank has one).
func FromCoNLLU(g *conllu.Sentence) nlp.Sentence {
	s := nlp.Sentence{Tokens: make([]nlp.Token, len(g.Words))}
	off := 0
	for i, w := range g.Words {
		s.Tokens[i] = nlp.Token{Start: off, End: off + len(w.Form), Text: w.Form, Norm: w.Form, SpaceAfter: w.SpaceAfter}
		off += len(w.Form)
		if w.SpaceAfter {
			off++
		}
	}
	if len(g.Words) > 0 {
		s.End = s.Tokens[len(s.Tokens)-1].End
	}
	return s
}

// ToCoNLLU turns an analysed sentence into CoNLL-U words; MISC carries each
// token's byte range in the document and its entity label.
func ToCoNLLU(doc *nlp.Doc, s *nlp.Sentence, id string) conllu.Sentence {
	out := conllu.Sentence{ID: id, Text: doc.SentenceText(s), Words: make([]conllu.Word, len(s.Tokens))}
	ent := make([]string, len(s.Tokens))
	for _, e := range s.Entities {
		for k := e.First; k <= e.Last && k < len(ent); k++ {
			prefix := "I-"
			if k == e.First {
				prefix = "B-"
			}
			ent[k] = "|NE=" + prefix + e.Type
		}
	}
	for i, t := range s.Tokens {
		out.Words[i] = conllu.Word{
			Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS,
			Head: t.Head + 1, Rel: t.Rel, SpaceAfter: t.SpaceAfter,
			Misc: "TokenRange=" + strconv.Itoa(t.Start) + ":" + strconv.Itoa(t.End) + ent[i],
		}
	}
	return out
}

// universal strips a relation's subtype: "nmod:poss" → "nmod".
func universal(rel string) string {
	base, _, _ := strings.Cut(rel, ":")
	return base
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
