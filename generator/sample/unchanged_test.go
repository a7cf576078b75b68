package sample

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// pinned are the options whose files testdata/seed7-cases3000.sha256 pins.
var pinned = Options{Cases: 3000, Seed: 7}

// pinnedDatasets are the folders whose files the golden hashes pin: every
// dataset but the licences, so that adding a dataset is seen to leave the
// others byte for byte as they were.
var pinnedDatasets = []string{"data/cases/", "data/powers/", "data/services/", "data/stats/", "data/withdrawals/"}

func isPinned(rel string) bool {
	for _, d := range pinnedDatasets {
		if strings.HasPrefix(rel, d) {
			return true
		}
	}
	return false
}

// TestOtherDatasetsUnchanged checks the files of the pinned datasets against
// the SHA-256 sums the generator gave before the licences and the power
// register existed (the register, beside the list in data/powers/, is left
// out).
func TestOtherDatasetsUnchanged(t *testing.T) {
	dir := t.TempDir()
	sum, err := Write(dir, pinned)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, rel := range sum.Files {
		if !isPinned(rel) || rel == registerFile {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(h[:]), rel)
	}
	golden := filepath.Join("testdata", "seed7-cases3000.sha256")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("files of --cases 3000 --seed 7 differ from %s (sha256  path):\ngot:\n%swant:\n%s", golden, got, want)
	}
}

// TestRepositoryDataIsTheSample checks that the repository's data/ folder,
// the sample town's site, holds exactly what `gongshi sample` writes without
// flags.
func TestRepositoryDataIsTheSample(t *testing.T) {
	dir := t.TempDir()
	sum, err := Write(dir, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..", "..")
	for _, rel := range sum.Files {
		want, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("%s: %v; regenerate with `go run ./cmd/gongshi sample DIR` and copy DIR/data", rel, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what `gongshi sample` writes; regenerate it", rel)
		}
	}
}
