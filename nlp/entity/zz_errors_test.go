package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-org/dyad/nlp"
)

func TestZZErrors(t *testing.T) {
	f, _ := os.Open(filepath.Join(modelsDir, modelFile))
	et, _, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	tg, _ := posTagger()
	test, _ := ReadUNER(filepath.Join(dataDir, UNERTestFile))
	POSTag(tg, test)
	out, _ := os.Create("/tmp/an/ent_errors.txt")
	defer out.Close()
	key := func(e nlp.Entity) string { return fmt.Sprintf("%d-%d-%s", e.First, e.Last, e.Type) }
	for _, s := range test {
		gold := Spans(s.Labels, nil)
		pred := et.Tag(s.Forms, s.Tags, nil)
		gs, ps := map[string]bool{}, map[string]bool{}
		for _, g := range gold {
			gs[key(g)] = true
		}
		for _, p := range pred {
			ps[key(p)] = true
		}
		span := func(e nlp.Entity) string { return strings.Join(s.Forms[e.First:e.Last+1], " ") }
		for _, g := range gold {
			if !ps[key(g)] {
				fmt.Fprintf(out, "FN %s\t%s\t|| %s\n", g.Type, span(g), strings.Join(s.Forms, " "))
			}
		}
		for _, p := range pred {
			if !gs[key(p)] {
				fmt.Fprintf(out, "FP %s\t%s\t|| %s\n", p.Type, span(p), strings.Join(s.Forms, " "))
			}
		}
	}
}
