package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestLinksStayInside(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	for name, data := range map[string]string{"a/real.txt": "inside", "secret.txt": "outside"} {
		base := dir
		if name == "secret.txt" {
			base = outside
		}
		p := filepath.Join(base, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"b/in.txt":  "../a/real.txt",
		"b/out.txt": filepath.Join(outside, "secret.txt"),
		"b/up.txt":  "../../" + filepath.Base(outside) + "/secret.txt",
		"c":         outside,
	} {
		p := filepath.Join(dir, filepath.FromSlash(link))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if b, err := fs.ReadFile(f, "b/in.txt"); err != nil || string(b) != "inside" {
		t.Errorf("link inside: %q, %v", b, err)
	}
	for name, link := range map[string]string{"b/out.txt": "b/out.txt", "b/up.txt": "b/up.txt", "c/secret.txt": "c", "c": "c"} {
		for op, call := range map[string]func() error{
			"ReadFile": func() error { _, err := fs.ReadFile(f, name); return err },
			"Open":     func() error { _, err := f.Open(name); return err },
			"Stat":     func() error { _, err := fs.Stat(f, name); return err },
		} {
			err := call()
			var le *LinkError
			if !errors.As(err, &le) || le.Link != link || !errors.Is(err, ErrOutside) {
				t.Errorf("%s %s: %v, want a LinkError naming %s", op, name, err, link)
			}
		}
	}
	if err := CheckLink(f, "b/out.txt"); !errors.Is(err, ErrOutside) {
		t.Errorf("CheckLink: %v", err)
	}
	if err := CheckLink(f, "b/in.txt"); err != nil {
		t.Errorf("CheckLink of a link inside: %v", err)
	}
}
