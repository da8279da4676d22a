package perceptron

import (
	"io"

	"github.com/dyad-org/dyad/nlp/modelfile"
)

// Save writes a component's model file: meta and tables in the header,
// m as the body.
func (m *Model) Save(w io.Writer, component string, meta modelfile.Meta, tables any) error {
	meta.Component = component
	return modelfile.Write(w, meta, tables, func(w io.Writer) error {
		_, err := m.WriteTo(w)
		return err
	})
}

// Load reads a model file of a component written by Save, decoding its
// tables into tables.
func Load(r io.Reader, component string, tables any) (*Model, modelfile.Meta, error) {
	var m *Model
	meta, err := modelfile.Read(r, component, tables, func(r io.Reader) (err error) {
		m, err = Read(r)
		return err
	})
	return m, meta, err
}
