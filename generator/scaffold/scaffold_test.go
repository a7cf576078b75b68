package scaffold

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"gongshi/generator/config"
)

func TestWriteMakesAValidSiteAndRefusesToOverwrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "town")
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range append(Folders, "site.toml", "content/notices/welcome.md", "data/README.md") {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	if _, err := config.Load(fstest.MapFS{"site.toml": {Data: data}}); err != nil {
		t.Errorf("the scaffolded site.toml does not load: %v", err)
	}
	if err := Write(dir); err == nil {
		t.Error("a second Write overwrote the site")
	}
}
