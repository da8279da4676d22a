package record

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
)

// Writer writes events, one article's at a time.
type Writer interface {
	// Write writes the events of one article and flushes them to the
	// underlying writer, so that memory stays constant over a batch of any
	// size and a crash or an interrupt loses no article already written.
	Write(events []Event) error
}

// QuoteWriter writes quotes, one article's at a time, as Writer does events.
type QuoteWriter interface {
	Write(quotes []Quote) error
}

// NewWriter returns a Writer of events in format "jsonl" (also ""), "csv" or
// "tsv" (see the package documentation). The CSV and TSV header row is
// written at once, so that a batch without events still gives a file with
// its columns.
func NewWriter(w io.Writer, format string) (Writer, error) {
	return newSink(w, format, eventColumns)
}

// NewQuoteWriter returns a QuoteWriter in the formats of NewWriter.
func NewQuoteWriter(w io.Writer, format string) (QuoteWriter, error) {
	return newSink(w, format, quoteColumns)
}

// sink writes records of one type: put encodes one into a buffer, flush
// empties the buffer into the underlying writer.
type sink[T any] struct {
	put   func(*T) error
	flush func() error
}

func (s *sink[T]) Write(items []T) error {
	for i := range items {
		if err := s.put(&items[i]); err != nil {
			return err
		}
	}
	return s.flush()
}

func newSink[T any](w io.Writer, format string, cols []column[T]) (*sink[T], error) {
	switch format {
	case "", "jsonl":
		return jsonSink[T](w), nil
	case "csv":
		return tableSink(w, ',', cols)
	case "tsv":
		return tableSink(w, '\t', cols)
	}
	return nil, fmt.Errorf("unknown format %q (want jsonl, csv or tsv)", format)
}

func jsonSink[T any](w io.Writer) *sink[T] {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // keep "<", ">" and "&" of evidence readable
	return &sink[T]{put: func(v *T) error { return enc.Encode(v) }, flush: bw.Flush}
}

// tableSink writes CSV, or TSV with the same quoting rules, which every CSV
// reader (pandas, R, spreadsheets) reads once told the separator: evidence
// sentences may hold tabs, newlines and quotation marks, and TSV without
// quoting could not carry them.
func tableSink[T any](w io.Writer, sep rune, cols []column[T]) (*sink[T], error) {
	cw := csv.NewWriter(w)
	cw.Comma = sep
	flush := func() error { cw.Flush(); return cw.Error() }
	row := make([]string, len(cols)) // reused: one row's memory for any batch
	for i, c := range cols {
		row[i] = c.name
	}
	if err := cw.Write(row); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	put := func(v *T) error {
		for i, c := range cols {
			row[i] = c.value(v)
		}
		return cw.Write(row)
	}
	return &sink[T]{put: put, flush: flush}, nil
}
