package county

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadParts feeds arbitrary part manifests to the merge's checks: they
// must refuse or accept, never panic.
func FuzzReadParts(f *testing.F) {
	f.Add([]byte(`{"version":1,"program":"test","county":"x","date":"2026-06-01","files":"","town":{"slug":"a","name":"甲镇"}}`))
	f.Add([]byte(`{"version":1,"town":null}`))
	f.Add([]byte(`{"town":{"slug":"../b","docs":[{"Type":9}]}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, PartFile), data, 0o644); err != nil {
			t.Fatal(err)
		}
		c := &county{towns: []string{"a"}, ident: "x"}
		parts, err := readParts(c, "test", []string{dir})
		if err == nil && parts["a"] == nil {
			t.Errorf("accepted %q without a part of town a", data)
		}
	})
}
