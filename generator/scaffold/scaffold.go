// Package scaffold writes a new town site: a commented site.toml, the data
// folders with a note on what goes in each, and starter pages.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gongshi/generator/records"
)

//go:embed all:site
var files embed.FS

// Folders are the folders a new site has: one under data/ per kind of
// record, and themes/.
var Folders = func() []string {
	var out []string
	for _, k := range records.Kinds {
		out = append(out, "data/"+k.Name)
	}
	return append(out, "themes")
}()

// Write creates dir and writes the starter site into it. It refuses to
// overwrite an existing site.toml.
func Write(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err == nil {
		return fmt.Errorf("%s already has a site.toml; not overwriting", dir)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, f := range Folders {
		if err := os.MkdirAll(filepath.Join(dir, f), 0o755); err != nil {
			return err
		}
	}
	root, _ := fs.Sub(files, "site")
	return fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(p, ".tmpl")))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
}
