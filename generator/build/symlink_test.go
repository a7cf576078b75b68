package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

// writeSite writes the archive's files into a new site folder.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	for name, f := range sitetest.Source(archive) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSymlinksOutOfSiteAreRefused(t *testing.T) {
	archive := readArchive(t, "smalltown.txtar")
	outside := filepath.Join(t.TempDir(), "secret.csv")
	if err := os.WriteFile(outside, []byte("SECRET-OUTSIDE-THE-SITE\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, link, target, want string
	}{
		{"data file", "data/cases/passwd.csv", "/etc/passwd", "data/cases/passwd.csv: error: symbolic link to /etc/passwd leads out of the site folder"},
		{"data file by ../", "data/cases/up.csv", "../../../secret.csv", "data/cases/up.csv: error: symbolic link to ../../../secret.csv leads out of the site folder"},
		{"data folder", "data/powers/more", filepath.Dir(outside), "data/powers/more: error: symbolic link to " + filepath.Dir(outside) + " leads out of the site folder"},
		{"data kind folder", "data/services", filepath.Dir(outside), "data/services: error: symbolic link to " + filepath.Dir(outside) + " leads out of the site folder"},
		{"folder inside the site", "data/powers/more", "../cases", "data/powers/more: error: symbolic link to ../cases: a link to a folder is not followed"},
		{"dangling", "data/cases/gone.csv", "nowhere.csv", "data/cases/gone.csv: error: symbolic link to nowhere.csv: it points at nothing"},
		{"content page", "content/notices/passwd.md", "/etc/passwd", "content/notices/passwd.md: error: symbolic link to /etc/passwd leads out of the site folder"},
		{"theme static file", "themes/default/static/passwd.txt", "/etc/passwd", "themes/default/static/passwd.txt: symbolic link to /etc/passwd leads out of the site folder"},
		{"theme static over an embedded file", "themes/default/static/favicon.svg", outside, "themes/default/static/favicon.svg: symbolic link to " + outside + " leads out of the site folder"},
		{"theme layout", "themes/default/layouts/_partials/footer.html", outside, "themes/default/layouts/_partials/footer.html: symbolic link to " + outside + " leads out of the site folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := writeSite(t, archive)
			if tt.name == "data kind folder" {
				os.RemoveAll(filepath.Join(site, "data/services"))
			}
			link := filepath.Join(site, filepath.FromSlash(tt.link))
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(tt.target, link); err != nil {
				t.Fatal(err)
			}
			dest := filepath.Join(site, "public")
			sum, err := build.Build(context.Background(), build.Options{Source: site, Dest: dest, Now: sitetest.Date})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			var got strings.Builder
			got.WriteString(err.Error() + "\n")
			if sum != nil && errors.Is(err, build.ErrData) {
				for _, d := range sum.Diags {
					got.WriteString(d.String() + "\n")
				}
			}
			if !strings.Contains(got.String(), tt.want) {
				t.Errorf("got\n%s\nwant a line containing\n%s", got.String(), tt.want)
			}
			if _, err := os.Stat(dest); !os.IsNotExist(err) {
				t.Errorf("the failed build wrote %s", dest)
			}
		})
	}
}

func TestSymlinksInsideSiteAreFollowed(t *testing.T) {
	archive := readArchive(t, "smalltown.txtar")
	site := writeSite(t, archive)
	// The export lives elsewhere in the site; data/ links to it, as some
	// systems write a "latest" link.
	if err := os.MkdirAll(filepath.Join(site, "exports"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(site, "data/cases/行政处罚.csv"), filepath.Join(site, "exports/2026-05.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../exports/2026-05.csv", filepath.Join(site, "data/cases/latest.csv")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(site, "public")
	sum, err := build.Build(context.Background(), build.Options{Source: site, Dest: dest, Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Counts["cases"] != 5 {
		t.Errorf("%d cases read through the link, want 5", sum.Counts["cases"])
	}
	sitetest.AssertFile(t, dest, "cases/index.html", "青溪综执罚〔2026〕3号")
}
