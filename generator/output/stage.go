// Package output writes a build into a staging directory beside the
// destination, minifies what it writes, and swaps the stage into place only
// when the whole build succeeded, so a failed or killed build never leaves a
// half-written public/.
package output

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	mjson "github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"golang.org/x/sys/unix"
)

// IndexPath is the file, in every output, that lists its files with a hash
// of each one's content. The next build reads it to tell which files it need
// not write again.
const IndexPath = "/.gongshi-files"

// Stage is a build in progress. WriteFile is safe for concurrent use.
//
// The build before last is kept beside dest as a spare (".public.spare").
// A stage reuses it: the files this build would write with the same content
// are left as they are, the others are replaced (never rewritten in place:
// the spare shares unchanged files with dest by hard links), and what this
// build does not write is removed. A monthly update therefore touches only
// what changed in the last two builds instead of every file of the site.
type Stage struct {
	dest string
	dir  string
	min  *minify.M

	// Check, when set, sees every file before it is written; an error
	// fails the write. It must be safe for concurrent use.
	Check func(path string, data []byte) error
	// KeepUnchecked says that the files Keep takes from the previous build
	// would pass Check as they did there: Keep then neither reads nor
	// checks them (unless changed since that build), and trusts its index
	// for their content.
	KeepUnchecked bool

	prev        string            // the previous build's output, or ""
	prevIdx     map[string]string // its index, nil when it has none
	prevIdxSum  string            // a hash of that index
	prevIdxTime time.Time         // when that index was written
	idxSum      string            // a hash of this build's index, once written
	spare       map[string]string // what a reused spare holds, nil for a new stage

	unchanged atomic.Int64
	reread    atomic.Int64 // files Keep read

	background sync.WaitGroup           // Forget and findExtras
	bgErr      error                    // under mu
	extras     []string                 // under mu: files of the spare its index does not list
	dropping   map[string]chan struct{} // being removed by Forget; closed when done

	mu      sync.Mutex
	files   map[string]int64  // url path → size
	hashes  map[string]string // url path → content hash, of files in place
	touched map[string]bool   // spare files replaced or being replaced
	dirs    sync.Map
}

// sibling names the hidden folder beside dest with the given suffix.
func sibling(dest, suffix string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+suffix)
}

// NewStage returns the stage of a build into dest: the spare beside dest
// when it is intact, else a new empty folder (an unusable spare is moved
// aside for StartCleanup to remove).
func NewStage(dest string) (*Stage, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	s := &Stage{dest: dest, min: NewMinifier(), files: map[string]int64{}, hashes: map[string]string{}, touched: map[string]bool{}, dropping: map[string]chan struct{}{}}
	spare := sibling(dest, ".spare")
	if idx, err := ReadIndex(spare); err == nil {
		// Without its index the spare is unusable: a build killed from
		// here on leaves one that the next build sets aside.
		if err := os.Remove(filepath.Join(spare, IndexPath)); err == nil {
			s.dir, s.spare = spare, idx
			s.findExtras(maps.Clone(idx))
			s.knownDirs(idx)
			return s, nil
		}
	}
	if _, err := os.Lstat(spare); err == nil {
		if err := os.Rename(spare, sibling(dest, ".old-"+randomSuffix())); err != nil {
			return nil, err
		}
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".building-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	s.dir = dir
	return s, nil
}

// knownDirs records the folders of a reused spare's files as made, so
// writes into them skip a mkdir that would fail with EEXIST (two syscalls
// per new page on a monthly update). A folder Forget removes is dropped
// from the record, and a write that still finds one missing makes it again.
func (s *Stage) knownDirs(idx map[string]string) {
	for p := range idx {
		for d := path.Dir(p); d != "/"; d = path.Dir(d) {
			full := filepath.Join(s.dir, filepath.FromSlash(d))
			if _, seen := s.dirs.LoadOrStore(full, true); seen {
				break
			}
		}
	}
}

func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// SetPrev names the previous build's output: a file written with the same
// content as there is hard-linked from it, so it keeps its modification time
// and a deploy sees it unchanged.
func (s *Stage) SetPrev(dir string) {
	s.prev = dir
	s.prevIdx, s.prevIdxSum, s.prevIdxTime, _ = readIndex(dir)
}

// PrevIndexSum identifies the previous build's output: a hash of its index,
// "" when it has none.
func (s *Stage) PrevIndexSum() string { return s.prevIdxSum }

// IndexSum identifies the output a committed stage made, as PrevIndexSum
// will in the next build.
func (s *Stage) IndexSum() string { return s.idxSum }

// PrevFiles returns the URL paths under the folder under ("/search/") that
// the previous build's index lists, sorted; none when it has no index.
func (s *Stage) PrevFiles(under string) []string {
	var out []string
	for p := range s.prevIdx {
		if strings.HasPrefix(p, under) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// ReadIndex reads the index of the output in dir.
func ReadIndex(dir string) (map[string]string, error) {
	idx, _, _, err := readIndex(dir)
	return idx, err
}

// readIndex reads the index of the output in dir, and returns a hash of it
// and when it was written.
func readIndex(dir string) (idx map[string]string, sum string, mtime time.Time, err error) {
	f, err := os.Open(filepath.Join(dir, IndexPath))
	if err != nil {
		return nil, "", time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, "", time.Time{}, err
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, "", time.Time{}, err
	}
	if idx, err = parseIndex(dir, b); err != nil {
		return nil, "", time.Time{}, err
	}
	return idx, hashOf(b), st.ModTime(), nil
}

func parseIndex(dir string, b []byte) (map[string]string, error) {
	rest, ok := bytes.CutPrefix(b, []byte(indexHeader))
	if !ok {
		return nil, fmt.Errorf("%s: not a gongshi %s index", dir, indexHeader)
	}
	idx := make(map[string]string, bytes.Count(rest, []byte("\n")))
	for len(rest) > 0 {
		line, tail, _ := bytes.Cut(rest, []byte("\n"))
		rest = tail
		h, p, ok := bytes.Cut(line, []byte(" "))
		if !ok || len(h) != hashLen || len(p) == 0 || p[0] != '/' {
			return nil, fmt.Errorf("%s: damaged index line %q", dir, line)
		}
		idx[string(p)] = string(h)
	}
	return idx, nil
}

const (
	indexHeader = "gongshi-files 1\n"
	hashLen     = 32
)

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:hashLen/2])
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

// Minify returns data minified by m according to the extension of the URL
// path p, or data itself for types it does not minify (and already-minified
// .min.js): how a town's stage and a county's folder minify alike.
func Minify(m *minify.M, p string, data []byte) ([]byte, error) {
	mt, ok := mimeByExt[path.Ext(p)]
	if !ok || strings.HasSuffix(p, ".min.js") {
		return data, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	if err := m.Minify(mt, &buf, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", p, err)
	}
	return buf.Bytes(), nil
}

// Minify minifies data as the stage's files are (see Minify).
func (s *Stage) Minify(p string, data []byte) ([]byte, error) { return Minify(s.min, p, data) }

// WriteFile minifies data by its extension (already-minified .min.js files
// and data downloads are left as they are) and writes it at the URL path
// p ("/cases/abc/index.html").
func (s *Stage) WriteFile(p string, data []byte) error {
	p = path.Clean("/" + p)
	data, err := s.Minify(p, data)
	if err != nil {
		return err
	}
	return s.WriteRaw(p, data)
}

// WriteRaw writes data at the URL path p as it is, after the checks every
// output file passes: no request to another site, and Check when set.
func (s *Stage) WriteRaw(p string, data []byte) error {
	return s.write(path.Clean("/"+p), data, false)
}

// write puts data at p: nothing to do when a reused spare has it already,
// a hard link when the previous build has it (same is true when the caller
// knows it does), else a new file.
func (s *Stage) write(p string, data []byte, same bool) error {
	h := hashOf(data)
	// A file the previous build wrote, as its index says, passed the same
	// request check there; the personal-data Check runs again, as the
	// data it looks for may have changed.
	if ext := path.Ext(p); (ext == ".html" || ext == ".css") && !(same && s.prevIdx != nil && s.prevIdx[p] == h) {
		if u := ExternalRequest(p, data); u != "" {
			return &ExternalError{File: p, URL: u}
		}
	}
	if s.Check != nil {
		if err := s.Check(p, data); err != nil {
			return err
		}
	}
	return s.put(p, h, int64(len(data)), data, same)
}

// put places content of hash h and the given size at p, after the checks:
// data, or, when data is nil, the previous build's file, which has it.
func (s *Stage) put(p, h string, size int64, data []byte, same bool) error {
	s.mu.Lock()
	if _, dup := s.files[p]; dup {
		s.mu.Unlock()
		return fmt.Errorf("output %s is written twice: two pages share a URL", p)
	}
	s.files[p] = size
	old, inSpare := s.spare[p]
	if inSpare && old == h {
		s.hashes[p] = h
		s.mu.Unlock()
		if s.prevIdx != nil && s.prevIdx[p] == h {
			s.unchanged.Add(1)
		}
		return nil
	}
	if inSpare {
		s.touched[p] = true
	}
	dropping := s.dropping[p]
	s.mu.Unlock()
	if dropping != nil {
		<-dropping
	}

	full := filepath.Join(s.dir, filepath.FromSlash(p))
	if err := s.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	if inSpare {
		// Replace, never rewrite: the old file may be dest's too.
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			if err := os.RemoveAll(full); err != nil {
				return err
			}
		}
	}
	linked := s.link(p, full, data, h, same)
	if !linked && data == nil { // the link failed (another file system?): copy
		var err error
		if data, err = os.ReadFile(filepath.Join(s.prev, filepath.FromSlash(p))); err != nil {
			return err
		}
	}
	if linked {
		s.unchanged.Add(1)
	} else if err := writeNew(full, data); err != nil {
		// Forget may have removed the folder, emptied of the files it
		// held, just before: make it again, once.
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		s.dirs.Delete(filepath.Dir(full))
		if err := s.mkdir(filepath.Dir(full)); err != nil {
			return err
		}
		if err := writeNew(full, data); err != nil {
			return err
		}
	}
	s.mu.Lock()
	s.hashes[p] = h
	s.mu.Unlock()
	return nil
}

// writeNew writes a new file at name, never into an existing one: in a
// reused spare, a file not in its index (put there by hand) may be shared.
func writeNew(name string, data []byte) error {
	err := createExcl(name, data)
	if errors.Is(err, fs.ErrExist) {
		if err := os.RemoveAll(name); err != nil {
			return err
		}
		err = createExcl(name, data)
	}
	return err
}

// findExtras lists, in the background, the files of a reused spare that its
// index does not know (put into public/ by hand while it was live), for
// finish to remove: public/ holds what the build wrote and nothing else.
// Reading the folders is slow on a cold disk, so it runs while the build
// works.
func (s *Stage) findExtras(indexed map[string]string) {
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		var extras []string
		var walk func(dir, url string) error
		walk = func(dir, url string) error {
			entries, err := os.ReadDir(dir)
			if err != nil {
				return err
			}
			for _, e := range entries {
				p := url + e.Name()
				if e.IsDir() {
					if err := walk(filepath.Join(dir, e.Name()), p+"/"); err != nil && !errors.Is(err, fs.ErrNotExist) {
						return err
					}
				} else if _, ok := indexed[p]; !ok && p != IndexPath {
					extras = append(extras, p)
				}
			}
			return nil
		}
		err := walk(s.dir, "/")
		s.mu.Lock()
		defer s.mu.Unlock()
		if err != nil && s.bgErr == nil {
			s.bgErr = fmt.Errorf("read %s: %w", s.dir, err)
		}
		s.extras = extras
	}()
}

// link hard-links p from the previous build when that has the same content.
func (s *Stage) link(p, full string, data []byte, h string, same bool) bool {
	if s.prev == "" {
		return false
	}
	old := filepath.Join(s.prev, filepath.FromSlash(p))
	switch {
	case s.prevIdx != nil:
		same = s.prevIdx[p] == h
	case !same: // an output from before indexes: compare
		if st, err := os.Stat(old); err == nil && st.Mode().IsRegular() && st.Size() == int64(len(data)) {
			same, _ = sameContent(old, data)
		}
	}
	return same && os.Link(old, full) == nil
}

// mkdir makes the folder d, whose parent nearly always exists: Mkdir first,
// as MkdirAll would stat before it creates (syscalls are the cost of a large
// build).
func (s *Stage) mkdir(d string) error {
	if _, ok := s.dirs.Load(d); ok {
		return nil
	}
	err := os.Mkdir(d, 0o755)
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrExist):
		if s.spare != nil { // the spare may hold a file where a folder goes now
			if st, err := os.Lstat(d); err == nil && !st.IsDir() {
				if err := os.Remove(d); err != nil {
					return err
				}
				return s.mkdir(d)
			}
		}
	default:
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	s.dirs.Store(d, true)
	return nil
}

func sameContent(name string, data []byte) (bool, error) {
	b, err := os.ReadFile(name)
	return err == nil && bytes.Equal(b, data), err
}

// Keep takes the file at URL path p from the previous build unchanged (its
// content already known to be what this build would write), after the
// same checks as a write, or with none when KeepUnchecked is set and the
// previous build's index lists the file. It reports false when there is no
// such file.
func (s *Stage) Keep(p string) (bool, error) { return s.keep(p, s.KeepUnchecked) }

// KeepTrusted is Keep for a file that the caller knows would pass Check as
// it did in the previous build, whatever KeepUnchecked says: a file the
// previous build's index lists, unchanged since, is neither read nor
// checked.
func (s *Stage) KeepTrusted(p string) (bool, error) { return s.keep(p, true) }

// Reread returns how many files Keep and KeepTrusted read from the
// previous build (to check or hash them).
func (s *Stage) Reread() int { return int(s.reread.Load()) }

func (s *Stage) keep(p string, unchecked bool) (bool, error) {
	if s.prev == "" {
		return false, nil
	}
	p = path.Clean("/" + p)
	name := filepath.Join(s.prev, filepath.FromSlash(p))
	h, listed := s.prevIdx[p]
	// A file changed since the index was written (or within the same clock
	// tick) may have been edited by hand: read, hash and check what it
	// holds now. (An index linked from the build before is older than its
	// build, which errs the same way.) Any other holds what the index says:
	// it is read only when Check must see it, and not hashed.
	if listed && unchecked {
		st, err := os.Lstat(name)
		if err != nil || !st.Mode().IsRegular() {
			return false, nil
		}
		if st.ModTime().Before(s.prevIdxTime) {
			return true, s.put(p, h, st.Size(), nil, true)
		}
	}
	data, mtime, release, err := readRegular(name)
	if err != nil {
		return false, nil
	}
	s.reread.Add(1)
	defer release() // neither Check nor the stage keeps the bytes
	if listed && mtime.Before(s.prevIdxTime) {
		if s.Check != nil {
			if err := s.Check(p, data); err != nil {
				return true, err
			}
		}
		return true, s.put(p, h, int64(len(data)), nil, true)
	}
	return true, s.write(p, data, true)
}

// Unchanged returns how many files are the same as in the previous build.
func (s *Stage) Unchanged() int { return int(s.unchanged.Load()) }

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

// Abort ends a failed build. A new stage is removed; a reused spare is
// kept, with an index of what it holds now, for the next build.
func (s *Stage) Abort() error {
	s.background.Wait()
	if s.spare == nil {
		return os.RemoveAll(s.dir)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bgErr != nil {
		return s.bgErr // what the spare holds is not known: the next build sets it aside
	}
	idx := make(map[string]string, len(s.spare)+len(s.hashes))
	for p, h := range s.spare {
		if !s.touched[p] {
			idx[p] = h
		}
	}
	for p, h := range s.hashes {
		idx[p] = h
	}
	for p := range s.touched { // replaced, or half-written: unknown
		if _, ok := s.hashes[p]; !ok {
			os.Remove(filepath.Join(s.dir, filepath.FromSlash(p)))
		}
	}
	_, err := writeIndex(s.dir, idx, "", "")
	return err
}

// finish removes what a reused spare holds that this build did not write,
// and writes the index.
func (s *Stage) finish() error {
	s.background.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bgErr != nil {
		return s.bgErr
	}
	var gone []string
	for p := range s.spare {
		if _, ok := s.files[p]; !ok {
			gone = append(gone, p)
		}
	}
	for _, p := range s.extras {
		if _, ok := s.files[p]; !ok {
			gone = append(gone, p)
		}
	}
	if err := s.remove(gone); err != nil {
		return err
	}
	sum, err := writeIndex(s.dir, s.hashes, s.prev, s.prevIdxSum)
	s.idxSum = sum
	return err
}

// Forget starts removing, in the background, the files of a reused spare
// that gone says this build will not write (the pages of decisions no
// longer published): on a slow disk, removing thousands of files takes
// seconds, which need not wait for the end of the build. A later write of
// such a file waits for the removal; Commit and Abort wait for it too.
func (s *Stage) Forget(gone func(p string) bool) {
	if s.spare == nil {
		return
	}
	s.mu.Lock()
	var ps []string
	for p := range s.spare {
		if _, written := s.files[p]; !written && gone(p) {
			ps = append(ps, p)
		}
	}
	done := make(chan struct{})
	for _, p := range ps {
		delete(s.spare, p)
		s.dropping[p] = done
	}
	s.mu.Unlock()
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		defer close(done)
		if err := s.remove(ps); err != nil {
			s.mu.Lock()
			s.bgErr = err
			s.mu.Unlock()
		}
	}()
}

// remove removes the files at the URL paths ps from the stage, and the
// folders they leave empty.
func (s *Stage) remove(ps []string) error {
	// Deepest first, so a folder is emptied before it is tried.
	sort.Sort(sort.Reverse(sort.StringSlice(ps)))
	tried := map[string]bool{}
	for _, p := range ps {
		full := filepath.Join(s.dir, filepath.FromSlash(p))
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			if st, serr := os.Lstat(full); serr == nil && st.IsDir() {
				continue // a folder of this build's now, the file already gone
			}
			return err
		}
		for d := filepath.Dir(full); d != s.dir && !tried[d]; d = filepath.Dir(d) {
			tried[d] = true
			if os.Remove(d) != nil { // not empty: its parent is not either
				break
			}
			s.dirs.Delete(d)
		}
	}
	return nil
}

// writeIndex writes the index of dir, linked from prev's when the same
// (prevSum is the hash of prev's index), and returns a hash of it.
func writeIndex(dir string, idx map[string]string, prev, prevSum string) (sum string, err error) {
	paths := make([]string, 0, len(idx))
	for p := range idx {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	b.Grow(len(paths) * 64)
	b.WriteString(indexHeader)
	for _, p := range paths {
		b.WriteString(idx[p])
		b.WriteByte(' ')
		b.WriteString(p)
		b.WriteByte('\n')
	}
	sum = hashOf(b.Bytes())
	name := filepath.Join(dir, IndexPath)
	if prev != "" && sum == prevSum && os.Link(filepath.Join(prev, IndexPath), name) == nil {
		return sum, nil
	}
	return sum, os.WriteFile(name, b.Bytes(), 0o644)
}

// Commit swaps the stage into dest (Exchange). The previous output becomes
// the spare for the next build.
func (s *Stage) Commit() error {
	if err := s.finish(); err != nil {
		return err
	}
	prev, err := Exchange(s.dir, s.dest)
	if err != nil || prev == "" {
		return err
	}
	spare := sibling(s.dest, ".spare")
	if prev != spare && os.Rename(prev, spare) != nil && !strings.Contains(filepath.Base(prev), ".old-") {
		return os.Rename(prev, sibling(s.dest, ".old-"+randomSuffix()))
	}
	return nil // else StartCleanup removes prev
}

// Exchange puts the folder dir in place of dest: atomically with
// renameat2(EXCHANGE) where the system has it, else by two renames. It
// returns where the previous output is, beside dest ("" when there was
// none), for the caller to keep or remove.
func Exchange(dir, dest string) (prev string, err error) {
	_, err = os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", os.Rename(dir, dest)
	case err != nil:
		return "", err
	}
	if err := unix.Renameat2(unix.AT_FDCWD, dir, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE); err == nil {
		return dir, nil // dir holds the previous output
	}
	old := sibling(dest, ".old-"+randomSuffix())
	if err := os.Rename(dest, old); err != nil {
		return "", err
	}
	if err := os.Rename(dir, dest); err != nil {
		os.Rename(old, dest)
		return "", err
	}
	return old, nil
}

// leftovers lists the folders beside dest that earlier builds left: stages
// of killed builds and replaced outputs.
func leftovers(dest string) []string {
	dest = filepath.Clean(dest)
	var out []string
	for _, kind := range []string{".building-*", ".old-*"} {
		m, _ := filepath.Glob(sibling(dest, kind))
		out = append(out, m...)
	}
	return out
}

// StartCleanup removes, in the background, the folders earlier builds left
// beside dest; wait blocks until it is done. Call it holding dest's lock
// (LockDest), so that no other build's stage is among them, and before
// NewStage, so that this build's is not.
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
// returns when it is done. It does nothing while a build holds dest's lock
// (see LockDest): what lies beside dest then may be that build's.
func CleanStale(dest string) {
	l, err := tryLock(dest)
	if err != nil || l == nil {
		return
	}
	defer l.Unlock()
	StartCleanup(dest)()
}

// DestLock is a build's hold on its destination: while a build holds it,
// no other build into the same destination stages, swaps or cleans, so
// every staging folder beside the destination that the holder did not make
// is a killed build's and may be removed.
//
// The lock is an flock(2) on a file beside dest (".public.lock"), which the
// kernel releases when its process ends, however it ends: a killed build
// never leaves it held, and no pid or clock is trusted. The file itself
// stays: removing it would let two builds lock two different files.
type DestLock struct{ f *os.File }

// ErrLocked is returned by LockDest when another build holds the lock
// until the context ends.
var ErrLocked = errors.New("another build into this destination is running")

// LockDest takes dest's lock, waiting while another build holds it, until
// ctx is done. waiting, when not nil, is called once if it has to wait.
func LockDest(ctx context.Context, dest string, waiting func()) (*DestLock, error) {
	for {
		l, err := tryLock(dest)
		if err != nil || l != nil {
			return l, err
		}
		if waiting != nil {
			waiting()
			waiting = nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%s: %w (%w)", filepath.Clean(dest), ErrLocked, context.Cause(ctx))
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// tryLock takes dest's lock if no build holds it; it returns nil, nil if
// one does.
func tryLock(dest string) (*DestLock, error) {
	dest = filepath.Clean(dest)
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(sibling(dest, ".lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if err != unix.EINTR {
			break
		}
	}
	if err == unix.EWOULDBLOCK {
		f.Close()
		return nil, nil
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", f.Name(), err)
	}
	return &DestLock{f: f}, nil
}

// Unlock releases the lock.
func (l *DestLock) Unlock() error { return l.f.Close() }
