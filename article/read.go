package article

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Read streams the articles of paths: files, directories (walked recursively
// in lexical order, skipping names that start with "." and not following
// symbolic links to directories) and "-" for standard input. Files with an
// unknown extension, and standard input, are sniffed (see Kind).
//
// fn is called for each article. onErr is called with an *InputError for
// each bad input (missing file, binary or empty file, bad JSONL line,
// article over the size limit, HTML page without article text) and reading
// goes on; a nil onErr makes Read return the first such error at the end.
// Read stops early only when ctx is done or fn returns an error, and then
// returns that error. Memory use depends on the largest article, which
// Options.MaxBytes bounds, not on the number or size of the inputs.
func Read(ctx context.Context, paths []string, o Options, fn func(Article) error, onErr func(error)) error {
	var first error
	if onErr == nil {
		onErr = func(err error) {
			if first == nil {
				first = err
			}
		}
	}
	rd := &reader{ctx: ctx, o: o, fn: fn, onErr: onErr}
	rd.cwd, _ = os.Getwd() // without it, absolute paths stay absolute in IDs
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := rd.readPath(p); err != nil {
			return err
		}
	}
	return first
}

// ReadOne reads the articles of one input, such as an HTTP request body;
// name is used for Source, derived IDs and errors, and for the kind when kind
// is Auto. Bad JSONL lines do not stop the others: ReadOne returns the
// articles it could read with the bad lines' *InputErrors joined.
func ReadOne(r io.Reader, name string, kind Kind, o Options) ([]Article, error) {
	if name == "" {
		name = "-"
	}
	var arts []Article
	var errs []error
	rd := &reader{
		ctx:   context.Background(),
		o:     o,
		fn:    func(a Article) error { arts = append(arts, a); return nil },
		onErr: func(err error) { errs = append(errs, err) },
	}
	if kind == Auto {
		kind = kindOfName(name)
	}
	err := rd.readStream(r, name, filepath.ToSlash(name), kind)
	return arts, errors.Join(append(errs, err)...)
}

// reader holds what one Read call needs while it goes through its inputs.
type reader struct {
	ctx   context.Context
	o     Options
	cwd   string
	fn    func(Article) error
	onErr func(error)
}

// The methods below report bad inputs through onErr and return only the
// errors that stop a batch: ctx's and fn's.

func (rd *reader) readPath(p string) error {
	if p == "-" {
		return rd.readStream(os.Stdin, "-", "-", Auto)
	}
	info, err := os.Stat(p)
	if err != nil {
		rd.fail(p, err)
		return nil
	}
	if !info.IsDir() {
		return rd.readFile(p)
	}
	// Walking os.DirFS(p) rather than p follows p itself when it is a
	// symbolic link to a directory.
	return fs.WalkDir(os.DirFS(p), ".", func(rel string, d fs.DirEntry, err error) error {
		path := filepath.Join(p, filepath.FromSlash(rel))
		if err != nil {
			rd.fail(path, err)
			return nil
		}
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		hidden := rel != "." && strings.HasPrefix(d.Name(), ".")
		switch {
		case d.IsDir() && hidden:
			return fs.SkipDir
		case d.IsDir() || hidden:
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			// Follow links to files only: links to directories could loop.
			if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		case !d.Type().IsRegular():
			return nil // sockets, devices, pipes
		}
		return rd.readFile(path)
	})
}

func (rd *reader) readFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		rd.fail(path, err)
		return nil
	}
	defer f.Close()
	return rd.readStream(f, path, rd.id(path), kindOfName(path))
}

// id derives a stable article ID from a path, with "/" separators on every
// system. A path under the working directory is made relative to it, so that
// "corpus/a.txt" and "/home/u/corpus/a.txt" agree; others stay as given.
func (rd *reader) id(path string) string {
	if filepath.IsAbs(path) && rd.cwd != "" {
		if rel, err := filepath.Rel(rd.cwd, path); err == nil && filepath.IsLocal(rel) {
			path = rel
		}
	}
	return filepath.ToSlash(filepath.Clean(path))
}

// fail reports a problem with a whole input.
func (rd *reader) fail(src string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // InputError names the path already
	}
	rd.onErr(&InputError{Path: src, Err: err})
}

// emit completes an article's metadata and hands it to fn.
func (rd *reader) emit(a Article) error {
	if err := rd.ctx.Err(); err != nil {
		return err
	}
	if a.Published.IsZero() {
		a.Published = rd.o.Published
	}
	if a.Publisher == "" {
		a.Publisher = rd.o.Publisher
	}
	var agency string
	a.Dateline, agency, a.DatelineStart, a.DatelineEnd = findDateline(a.Text, a.Title)
	if a.Publisher == "" {
		a.Publisher = agencyName(agency)
	}
	return rd.fn(a)
}

// readStream reads one input of the given kind (Auto: sniffed); src names it
// in Source and errors, id is the base of derived IDs.
func (rd *reader) readStream(r io.Reader, src, id string, kind Kind) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF {
		rd.fail(src, err)
		return nil
	}
	if len(head) == 0 {
		rd.fail(src, ErrEmpty)
		return nil
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		// A UTF-8 byte order mark would hide a leading title or dateline.
		br.Discard(3)
		head, _ = br.Peek(sniffLen)
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		// UTF-16 text (as some Windows editors save it) would look binary;
		// ExpectBOM takes the byte order from the mark.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
		head, _ = br.Peek(sniffLen)
	}
	if looksBinary(head) {
		rd.fail(src, ErrBinary)
		return nil
	}
	if kind == Auto {
		kind = sniffKind(head)
	}
	if kind == JSONL {
		return rd.readJSONL(br, src, id)
	}

	limit := rd.o.maxBytes()
	data, err := io.ReadAll(io.LimitReader(br, limit+1))
	switch {
	case err != nil:
		rd.fail(src, err)
		return nil
	case int64(len(data)) > limit:
		rd.fail(src, fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit))
		return nil
	}
	var a Article
	if kind == HTML {
		a, err = fromHTML(data)
	} else {
		a, err = fromText(data)
	}
	if err != nil {
		rd.fail(src, err)
		return nil
	}
	a.ID, a.Source = id, src
	return rd.emit(a)
}
