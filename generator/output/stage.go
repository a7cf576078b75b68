// Package output writes a build into a staging directory beside the
// destination, minifies what it writes, and swaps the stage into place only
// when the whole build succeeded, so a failed or killed build never leaves a
// half-written public/.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	mjson "github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"golang.org/x/sys/unix"
)

// Stage is a build in progress. WriteFile is safe for concurrent use.
type Stage struct {
	dest string
	dir  string
	min  *minify.M

	// Check, when set, sees every file before it is written; an error
	// fails the write. It must be safe for concurrent use.
	Check func(path string, data []byte) error
	// Prev, when set, is the previous build's output: a file written with
	// the same content as there is hard-linked from it instead, so it keeps
	// its modification time and a deploy sees it unchanged.
	Prev string

	linked atomic.Int64

	mu    sync.Mutex
	files map[string]int64 // url path → size
	dirs  sync.Map
}

// NewStage creates an empty staging directory beside dest.
func NewStage(dest string) (*Stage, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".building-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	return &Stage{dest: dest, dir: dir, min: NewMinifier(), files: map[string]int64{}}, nil
}

// NewMinifier returns the minifier shared by all writes.
func NewMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", mjson.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return m
}

// ExternalError reports output that would load a resource from another
// site: no request may leave the site.
type ExternalError struct{ File, URL string }

func (e *ExternalError) Error() string {
	return fmt.Sprintf("output %s would load %s from another site (no request may leave the site; put the file in the theme's static/ folder)", e.File, e.URL)
}

// Dir is the staging directory.
func (s *Stage) Dir() string { return s.dir }

var mimeByExt = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml",
}

// Minify returns data minified by the extension of the URL path p, or data
// itself for types it does not minify (and already-minified .min.js).
func (s *Stage) Minify(p string, data []byte) ([]byte, error) {
	mt, ok := mimeByExt[path.Ext(p)]
	if !ok || strings.HasSuffix(p, ".min.js") {
		return data, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	if err := s.min.Minify(mt, &buf, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", p, err)
	}
	return buf.Bytes(), nil
}

// WriteFile minifies data by its extension (already-minified .min.js files
// and data downloads are left as they are) and writes it at the URL path
// p ("/cases/abc/index.html").
func (s *Stage) WriteFile(p string, data []byte) error {
	p = path.Clean("/" + p)
	ext := path.Ext(p)
	if mt, ok := mimeByExt[ext]; ok && !strings.HasSuffix(p, ".min.js") {
		var buf bytes.Buffer
		buf.Grow(len(data))
		if err := s.min.Minify(mt, &buf, bytes.NewReader(data)); err != nil {
			return fmt.Errorf("minify %s: %w", p, err)
		}
		data = buf.Bytes()
	}
	return s.WriteRaw(p, data)
}

// WriteRaw writes data at the URL path p as it is, after the checks every
// output file passes: no request to another site, and Check when set.
func (s *Stage) WriteRaw(p string, data []byte) error {
	return s.write(path.Clean("/"+p), data, false)
}

// write writes or, when the previous build has the same file (same is true
// when the caller knows it does), links it.
func (s *Stage) write(p string, data []byte, same bool) error {
	if ext := path.Ext(p); ext == ".html" || ext == ".css" {
		if u := ExternalRequest(p, data); u != "" {
			return &ExternalError{File: p, URL: u}
		}
	}
	if s.Check != nil {
		if err := s.Check(p, data); err != nil {
			return err
		}
	}
	full := filepath.Join(s.dir, filepath.FromSlash(p))
	d := filepath.Dir(full)
	if _, ok := s.dirs.Load(d); !ok {
		// Mkdir first: the parent nearly always exists, and MkdirAll would
		// stat before it creates (syscalls are the cost of a large build).
		if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
		}
		s.dirs.Store(d, true)
	}
	s.mu.Lock()
	if _, dup := s.files[p]; dup {
		s.mu.Unlock()
		return fmt.Errorf("output %s is written twice: two pages share a URL", p)
	}
	s.files[p] = int64(len(data))
	s.mu.Unlock()
	if s.Prev != "" {
		old := filepath.Join(s.Prev, filepath.FromSlash(p))
		if !same {
			if st, err := os.Stat(old); err == nil && st.Mode().IsRegular() && st.Size() == int64(len(data)) {
				same, _ = sameContent(old, data)
			}
		}
		if same && os.Link(old, full) == nil {
			s.linked.Add(1)
			return nil
		}
	}
	return os.WriteFile(full, data, 0o644)
}

func sameContent(name string, data []byte) (bool, error) {
	b, err := os.ReadFile(name)
	return err == nil && bytes.Equal(b, data), err
}

// Keep takes the file at URL path p from the previous build unchanged (its
// content already known to be what this build would write), after the
// same checks as a write. It reports false when there is no such file.
func (s *Stage) Keep(p string) (bool, error) {
	if s.Prev == "" {
		return false, nil
	}
	p = path.Clean("/" + p)
	data, err := os.ReadFile(filepath.Join(s.Prev, filepath.FromSlash(p)))
	if err != nil {
		return false, nil
	}
	return true, s.write(p, data, true)
}

// Linked returns how many files were kept from the previous build.
func (s *Stage) Linked() int { return int(s.linked.Load()) }

// Files returns the URL paths written, sorted.
func (s *Stage) Files() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.files))
	for f := range s.files {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// Bytes returns the total size written.
func (s *Stage) Bytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	for _, v := range s.files {
		n += v
	}
	return n
}

// FS returns the staged files for scanning.
func (s *Stage) FS() fs.FS { return os.DirFS(s.dir) }

// Abort removes the staging directory.
func (s *Stage) Abort() error { return os.RemoveAll(s.dir) }

// Commit swaps the stage into dest: atomically with renameat2(EXCHANGE) where
// the system has it, else by two renames. The previous output is renamed to
// a hidden folder beside dest (".public.old-…"), which the next build removes
// while it works (StartCleanup): deleting tens of thousands of files is slow
// on some disks, and need not delay the build that replaced them.
func (s *Stage) Commit() error {
	_, err := os.Lstat(s.dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(s.dir, s.dest)
	case err != nil:
		return err
	}
	old := s.oldName()
	if err := unix.Renameat2(unix.AT_FDCWD, s.dir, unix.AT_FDCWD, s.dest, unix.RENAME_EXCHANGE); err == nil {
		// s.dir now holds the previous output.
		if os.Rename(s.dir, old) != nil {
			return os.RemoveAll(s.dir)
		}
		return nil
	}
	if err := os.Rename(s.dest, old); err != nil {
		return err
	}
	if err := os.Rename(s.dir, s.dest); err != nil {
		os.Rename(old, s.dest)
		return err
	}
	return nil
}

func (s *Stage) oldName() string {
	return filepath.Join(filepath.Dir(s.dest), "."+filepath.Base(s.dest)+".old-"+strings.TrimPrefix(filepath.Base(s.dir), "."+filepath.Base(s.dest)+".building-"))
}

// leftovers lists the folders beside dest that earlier builds left: stages
// of killed builds and replaced outputs.
func leftovers(dest string) []string {
	dest = filepath.Clean(dest)
	var out []string
	for _, kind := range []string{".building-*", ".old-*"} {
		m, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+kind))
		out = append(out, m...)
	}
	return out
}

// StartCleanup removes, in the background, the folders earlier builds left
// beside dest; wait blocks until it is done. Call it before NewStage, so the
// new stage is not among them.
func StartCleanup(dest string) (wait func()) {
	dirs := leftovers(dest)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, d := range dirs {
			os.RemoveAll(d)
		}
	}()
	return func() { <-done }
}

// CleanStale removes the folders earlier builds left beside dest, and
// returns when it is done.
func CleanStale(dest string) { StartCleanup(dest)() }
