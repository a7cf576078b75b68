// Package sitefs opens a site folder for a build so that nothing outside it
// is ever read. It reads through an os.Root: a symbolic link is followed
// while it stays inside the folder (data/cases/latest.csv → 2026-10.csv),
// and one that leads out (to /etc/passwd, to another site, by an absolute
// or a ../ path) fails with a *LinkError naming the link, whichever file or
// folder of the path it is. The check is the kernel's, at each open, so a
// link swapped in during the build is refused too.
//
// Links inside the folder are followed because whatever they reach is
// already in the folder the town publishes from; refusing them would break
// the "latest export" links some systems write, and gain nothing.
package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// ErrOutside is what a *LinkError wraps.
var ErrOutside = errors.New("symbolic link leads out of the site folder")

// LinkError is a symbolic link in the site folder that gongshi does not
// follow.
type LinkError struct {
	// Link is the link's path in the site folder, slash-separated.
	Link string
	// Target is what the link says.
	Target string
	// Err is ErrOutside, or the reason a link inside the folder is not
	// followed.
	Err error
}

// Msg says what is wrong with the link and what to do, without its path.
func (e *LinkError) Msg() string {
	link := "symbolic link"
	if e.Target != "" {
		link += " to " + e.Target
	}
	if e.Err == ErrOutside {
		return link + " leads out of the site folder: gongshi reads only files inside it; copy the file into the site instead"
	}
	return fmt.Sprintf("%s: %v", link, e.Err)
}

func (e *LinkError) Error() string { return e.Link + ": " + e.Msg() }

// Unwrap returns Err.
func (e *LinkError) Unwrap() error { return e.Err }

// FS is a site folder opened for reading. It implements fs.FS,
// fs.ReadFileFS, fs.ReadDirFS, fs.StatFS and fs.ReadLinkFS; the files it opens are
// *os.File.
type FS struct {
	root *os.Root
	fsys fs.FS
}

// Open opens the site folder dir.
func Open(dir string) (*FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: root, fsys: root.FS()}, nil
}

// Close releases the folder; the FS reads nothing after.
func (f *FS) Close() error { return f.root.Close() }

// Open opens the file at name.
func (f *FS) Open(name string) (fs.File, error) {
	file, err := f.fsys.Open(name)
	if err != nil {
		return nil, f.explain(name, err)
	}
	return file, nil
}

// ReadFile reads the file at name.
func (f *FS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(f.fsys, name)
	return b, f.explain(name, err)
}

// ReadDir lists the folder at name.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(f.fsys, name)
	return es, f.explain(name, err)
}

// Stat describes the file at name, following links inside the folder.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(f.fsys, name)
	return fi, f.explain(name, err)
}

// Lstat describes the file at name without following a last link.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	fi, err := f.root.Lstat(name)
	return fi, f.explain(name, err)
}

// ReadLink returns what the link at name says.
func (f *FS) ReadLink(name string) (string, error) {
	t, err := f.root.Readlink(name)
	return t, f.explain(name, err)
}

// explain turns the error of an operation on name into a *LinkError when a
// link on name's path leads out of the folder.
func (f *FS) explain(name string, err error) error {
	if err == nil || !fs.ValidPath(name) || name == "." {
		return err
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, lerr := f.root.Lstat(p)
		if lerr != nil {
			break
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if _, serr := f.root.Stat(p); serr != nil && !errors.Is(serr, fs.ErrNotExist) {
			target, _ := f.root.Readlink(p)
			return &LinkError{Link: p, Target: target, Err: ErrOutside}
		}
	}
	return err
}

// CheckLink returns why the walk of a site folder should not read the
// symbolic link at name (a DirEntry of type fs.ModeSymlink): it leads out
// of the folder, points at nothing, or is a folder (walks do not follow
// links to folders, which could loop or read a folder twice). It returns
// nil for a link to a file inside the folder.
func CheckLink(fsys fs.FS, name string) error {
	fi, err := fs.Stat(fsys, name)
	var le *LinkError
	switch {
	case errors.As(err, &le):
		return le
	case err != nil:
		return &LinkError{Link: name, Target: readLink(fsys, name), Err: errors.New("it points at nothing")}
	case fi.IsDir():
		return &LinkError{Link: name, Target: readLink(fsys, name), Err: errors.New("a link to a folder is not followed; link the files, or move the folder in")}
	}
	return nil
}

func readLink(fsys fs.FS, name string) string {
	t, _ := fs.ReadLink(fsys, name)
	return t
}
