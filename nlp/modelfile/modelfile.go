// Package modelfile is the container every dyad model is stored in: a gzip
// stream holding a JSON header (what the model is, which data and settings it
// was trained with, what it scored, plus the component's own tables) followed
// by the component's binary weights.
package modelfile

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// Meta records where a model came from.
type Meta struct {
	Component string             `json:"component"`
	Format    int                `json:"format"`
	Data      []DataFile         `json:"data"`
	Settings  map[string]any     `json:"settings,omitempty"`
	Scores    map[string]float64 `json:"scores,omitempty"`
	Trained   string             `json:"trained"`
}

// DataFile names a training file by path and content hash.
type DataFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Describe hashes a training file so the model records the data version.
func Describe(path string) (DataFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return DataFile{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return DataFile{}, fmt.Errorf("%s: %w", path, err)
	}
	return DataFile{Path: path, SHA256: hex.EncodeToString(h.Sum(nil))[:16]}, nil
}

type header struct {
	Meta   Meta            `json:"meta"`
	Tables json.RawMessage `json:"tables"`
}

const maxHeader = 64 << 20

// Write stores a model: meta, the component's tables (any JSON value) and its
// weights, written by body.
func Write(w io.Writer, meta Meta, tables any, body func(io.Writer) error) error {
	raw, err := json.Marshal(tables)
	if err != nil {
		return fmt.Errorf("model tables: %w", err)
	}
	hdr, err := json.Marshal(header{Meta: meta, Tables: raw})
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if err := binary.Write(bw, binary.LittleEndian, uint32(len(hdr))); err != nil {
		return err
	}
	if _, err := bw.Write(hdr); err != nil {
		return err
	}
	if err := body(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read opens a model written by Write, decodes its tables into tables and
// hands the weights stream to body.
func Read(r io.Reader, component string, tables any, body func(io.Reader) error) (Meta, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return Meta{}, fmt.Errorf("%s model: %w", component, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return Meta{}, fmt.Errorf("%s model header: %w", component, err)
	}
	if n > maxHeader {
		return Meta{}, fmt.Errorf("%s model header: %d bytes is too large", component, n)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(br, buf); err != nil {
		return Meta{}, fmt.Errorf("%s model header: %w", component, err)
	}
	var h header
	if err := json.Unmarshal(buf, &h); err != nil {
		return Meta{}, fmt.Errorf("%s model header: %w", component, err)
	}
	if h.Meta.Component != component {
		return Meta{}, fmt.Errorf("model is a %q model, not %q", h.Meta.Component, component)
	}
	if len(h.Tables) == 0 {
		return Meta{}, errors.New(component + " model: no tables")
	}
	if err := json.Unmarshal(h.Tables, tables); err != nil {
		return Meta{}, fmt.Errorf("%s model tables: %w", component, err)
	}
	if err := body(br); err != nil {
		return Meta{}, err
	}
	return h.Meta, nil
}
