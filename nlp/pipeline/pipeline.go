// Package pipeline runs dyad's syntactic core over text: segmenter and
// tokenizer, tagger, lemmatizer, dependency parser and entity tagger. One
// loaded Pipeline is read-only and serves any number of goroutines.
package pipeline

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"github.com/dyad-org/dyad/models"
	"github.com/dyad-org/dyad/nlp"
	"github.com/dyad-org/dyad/nlp/entity"
	"github.com/dyad-org/dyad/nlp/lemma"
	"github.com/dyad-org/dyad/nlp/modelfile"
	"github.com/dyad-org/dyad/nlp/parser"
	"github.com/dyad-org/dyad/nlp/tagger"
	"github.com/dyad-org/dyad/nlp/tokenize"
)

// Model file names, in the embedded models directory or any other.
const (
	TaggerFile     = "tagger.model.gz"
	LemmatizerFile = "lemmatizer.model.gz"
	ParserFile     = "parser.model.gz"
	EntitiesFile   = "entities.model.gz"
)

// Pipeline holds the loaded models.
type Pipeline struct {
	Tagger     *tagger.Tagger
	Lemmatizer *lemma.Lemmatizer
	Parser     *parser.Parser
	Entities   *entity.Tagger
	// Meta records, per model file, what it was trained on and how.
	Meta map[string]modelfile.Meta
	pool sync.Pool
}

// buffers are one sentence's working slices, reused through the pool.
type buffers struct {
	forms, tags, rels []string
	classes, heads    []int
}

// New assembles a pipeline from loaded models. ent may be nil: sentences
// then get no entity spans (training uses this to score a parser before an
// entity model exists).
func New(tg *tagger.Tagger, lem *lemma.Lemmatizer, ps *parser.Parser, ent *entity.Tagger) *Pipeline {
	p := &Pipeline{Tagger: tg, Lemmatizer: lem, Parser: ps, Entities: ent, Meta: map[string]modelfile.Meta{}}
	p.pool.New = func() any { return &buffers{} }
	return p
}

// Load reads the models from fsys.
func Load(fsys fs.FS) (*Pipeline, error) {
	p := New(nil, nil, nil, nil)
	load := func(name string, read func(io.Reader) (modelfile.Meta, error)) error {
		f, err := fsys.Open(name)
		if err != nil {
			return fmt.Errorf("model %s: %w", name, err)
		}
		defer f.Close()
		meta, err := read(f)
		if err != nil {
			return fmt.Errorf("model %s: %w", name, err)
		}
		p.Meta[name] = meta
		return nil
	}
	err := load(TaggerFile, func(r io.Reader) (m modelfile.Meta, err error) {
		p.Tagger, m, err = tagger.Load(r)
		return m, err
	})
	if err == nil {
		err = load(LemmatizerFile, func(r io.Reader) (m modelfile.Meta, err error) {
			p.Lemmatizer, m, err = lemma.Load(r)
			return m, err
		})
	}
	if err == nil {
		err = load(ParserFile, func(r io.Reader) (m modelfile.Meta, err error) {
			p.Parser, m, err = parser.Load(r)
			return m, err
		})
	}
	if err == nil {
		err = load(EntitiesFile, func(r io.Reader) (m modelfile.Meta, err error) {
			p.Entities, m, err = entity.Load(r)
			return m, err
		})
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Default returns the pipeline of the models embedded in the binary, loaded
// once on first use.
var Default = sync.OnceValues(func() (*Pipeline, error) { return Load(models.FS) })

// Analyze segments, tokenizes and analyses text.
func (p *Pipeline) Analyze(text string) *nlp.Doc {
	doc := &nlp.Doc{Text: text, Sentences: tokenize.Segment(text)}
	for i := range doc.Sentences {
		p.AnalyzeSentence(&doc.Sentences[i])
	}
	return doc
}

// AnalyzeSentence tags, lemmatizes, parses and finds the entities of an
// already tokenized sentence (its tokens' Norm, or Text where Norm is empty,
// are the word forms).
func (p *Pipeline) AnalyzeSentence(s *nlp.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	b := p.pool.Get().(*buffers)
	defer p.pool.Put(b)
	b.resize(n)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Norm == "" {
			t.Norm = t.Text
		}
		b.forms[i] = t.Norm
	}
	if titleCase(s.Tokens) {
		p.uncap(b.forms)
	}
	p.Tagger.TagForms(b.forms, b.classes)
	p.Tagger.RepairFinite(b.forms, b.classes)
	for i, c := range b.classes {
		t := &s.Tokens[i]
		t.UPOS, t.XPOS = p.Tagger.Tags(c)
		b.tags[i] = p.Tagger.ClassName(c)
		t.Lemma = p.Lemmatizer.Lemma(b.forms[i], t.XPOS)
	}
	p.Parser.Parse(b.forms, b.tags, b.heads, b.rels)
	for i := range s.Tokens {
		s.Tokens[i].Head, s.Tokens[i].Rel = b.heads[i], b.rels[i]
	}
	if p.Entities == nil {
		return
	}
	s.Entities = p.Entities.TagParsed(b.forms, b.tags, b.heads, b.rels, s.Entities[:0])
	for i := range s.Entities {
		e := &s.Entities[i]
		e.Start, e.End = s.Tokens[e.First].Start, s.Tokens[e.Last].End
	}
}

// titleCase reports a headline written in title case ("Iran's Baqeri Urges
// Formation of Coalition"): at least four words, and all but a few of those
// of four letters or more capitalised. The models learnt from sentence case,
// where such capitals mark names.
func titleCase(toks []nlp.Token) bool {
	long, caps := 0, 0
	for i := range toks {
		w := toks[i].Text
		if len(w) < 4 || !unicode.IsLetter(rune(w[0])) {
			continue
		}
		long++
		if unicode.IsUpper(rune(w[0])) {
			caps++
		}
	}
	return long >= 4 && caps*5 >= long*4
}

// uncap gives the models the lower-case form of the capitalised common
// words of a title-case headline, so that "Urges" is read as the verb.
func (p *Pipeline) uncap(forms []string) {
	for i, f := range forms {
		if len(f) < 2 || !unicode.IsUpper(rune(f[0])) || !unicode.IsLower(rune(f[1])) {
			continue
		}
		if l := strings.ToLower(f); p.Tagger.CommonWord(l) {
			forms[i] = l
		}
	}
}

func (b *buffers) resize(n int) {
	if cap(b.forms) < n {
		b.forms = make([]string, n)
		b.tags = make([]string, n)
		b.rels = make([]string, n)
		b.classes = make([]int, n)
		b.heads = make([]int, n)
	}
	b.forms, b.tags, b.rels = b.forms[:n], b.tags[:n], b.rels[:n]
	b.classes, b.heads = b.classes[:n], b.heads[:n]
}
