// Package sitetest builds sites described as txtar archives in memory, for
// end-to-end tests: files "-- site.toml --", "-- data/cases/a.csv --" and so
// on, built with a fixed date into a temporary folder.
package sitetest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"gongshi/generator/build"
)

// Date is the build date of test sites.
var Date = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// Source returns the archive's files as a file system.
func Source(archive string) fstest.MapFS {
	a := txtar.Parse([]byte(archive))
	m := fstest.MapFS{}
	for _, f := range a.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return m
}

// Build builds the archive and returns the output folder and summary. It
// fails the test on a build error.
func Build(t testing.TB, archive string) (string, *build.Summary) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	sum, err := build.Build(context.Background(), build.Options{SourceFS: Source(archive), Dest: dest, Now: Date})
	if err != nil {
		if sum != nil {
			for _, d := range sum.Diags {
				t.Log(d)
			}
		}
		t.Fatalf("build: %v", err)
	}
	return dest, sum
}

// AssertFile checks that the file at path in dir contains each want string,
// or, for a want starting with "! ", does not contain the rest.
func AssertFile(t testing.TB, dir, path string, wants ...string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	s := string(data)
	for _, w := range wants {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(s, neg) {
				t.Errorf("%s: contains %q, which it must not", path, neg)
			}
		} else if !strings.Contains(s, w) {
			t.Errorf("%s: does not contain %q", path, w)
		}
	}
}

// Files lists every file under dir as slash paths.
func Files(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
