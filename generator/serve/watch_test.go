package serve

import (
	"path/filepath"
	"testing"
)

func TestRelevantChanges(t *testing.T) {
	src := filepath.FromSlash("/site")
	s := &server{opts: Options{Source: src}}
	tests := []struct {
		path string
		want bool
	}{
		{"site.toml", true},
		{"data", true},
		{"data/cases/行政处罚.csv", true},
		{"data/cases/2026/五月.xlsx", true},
		{"content/notices/welcome.md", true},
		{"themes/qingxi/layouts/home.html", true},
		{"data/cases/~$行政处罚.xlsx", false},          // Excel's lock file
		{"data/cases/~WRL0001.tmp", false},         // Word's and Excel's temporary files
		{"data/cases/A1B2C3D4.TMP", false},         //
		{"content/notices/.welcome.md.swp", false}, // vim
		{"content/notices/welcome.md.swp", false},
		{"content/notices/welcome.md~", false}, // backups
		{"content/notices/4913", false},        // vim's writability probe
		{"content/.git/index", false},
		{"data/.DS_Store", false},
		{"public/index.html", false},
		{"README.md", false},
		{"site.toml.bak", false},
		{"generator/serve/serve.go", false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rel, got := s.relevant(filepath.Join(src, filepath.FromSlash(tt.path)))
			if got != tt.want {
				t.Errorf("relevant = %v, want %v", got, tt.want)
			}
			if got && rel != tt.path {
				t.Errorf("rel = %q, want %q", rel, tt.path)
			}
		})
	}
}
