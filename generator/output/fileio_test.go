package output

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadRegularAndCreateExcl(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 4095, 4096, 100_000, 10} { // the last reuses a large buffer
		name := filepath.Join(dir, "f")
		os.Remove(name)
		want := bytes.Repeat([]byte("页a"), n)[:n]
		if err := createExcl(name, want); err != nil {
			t.Fatal(err)
		}
		if err := createExcl(name, want); !errors.Is(err, fs.ErrExist) {
			t.Errorf("second create: %v, want ErrExist", err)
		}
		got, _, release, err := readRegular(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%d bytes: read %d bytes, not the same", n, len(got))
		}
		release()
	}
	if _, _, _, err := readRegular(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "f"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"link", "."} {
		if _, _, _, err := readRegular(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s: read, want an error", name)
		}
	}
	if err := createExcl(filepath.Join(dir, "no", "such"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("create in a missing folder: %v", err)
	}
}
