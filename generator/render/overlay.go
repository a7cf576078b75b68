package render

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay returns a file system that serves a file from top when it exists
// there, else from base. Directories list the union of both.
func Overlay(top, base fs.FS) fs.FS {
	if top == nil {
		return base
	}
	return overlay{top, base}
}

type overlay struct{ top, base fs.FS }

// Open opens a file from top, else from base. A directory opens from base
// when it exists there (list directories with fs.ReadDir, which merges).
// An error of top other than "not found" (a symbolic link that leads out
// of the site) is returned, never hidden by base's file.
func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.base.Open(name)
	}
	if err != nil {
		return nil, err
	}
	if st, serr := f.Stat(); serr == nil && st.IsDir() {
		if bf, berr := o.base.Open(name); berr == nil {
			f.Close()
			return bf, nil
		}
	}
	return f, nil
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	if errA != nil && !errors.Is(errA, fs.ErrNotExist) {
		return nil, errA
	}
	b, errB := fs.ReadDir(o.base, name)
	if errA != nil && errB != nil {
		return nil, errB
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range a {
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range b {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// ReadFile reads the file from top when top has it, else from base. An
// override that exists but cannot be read is an error, not a silent fallback.
func (o overlay) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(o.top, name)
	if err == nil {
		return b, nil
	}
	if st, serr := fs.Stat(o.top, name); !errors.Is(serr, fs.ErrNotExist) && (serr != nil || !st.IsDir()) {
		return nil, err
	}
	return fs.ReadFile(o.base, name)
}
