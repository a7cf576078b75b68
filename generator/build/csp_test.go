package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/internal/sitetest"
)

// metaCSP is the policy netlify.toml sends, as far as a <meta> can carry
// it: browsers ignore frame-ancestors, report-uri and sandbox there.
func metaCSP(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`Content-Security-Policy = "([^"]+)"`).FindSubmatch(data)
	if m == nil {
		t.Fatal("netlify.toml has no Content-Security-Policy")
	}
	var keep []string
	for _, d := range strings.Split(string(m[1]), ";") {
		d = strings.TrimSpace(d)
		switch strings.Fields(d + " x")[0] {
		case "frame-ancestors", "report-uri", "sandbox", "x":
			continue
		}
		keep = append(keep, d)
	}
	return strings.Join(keep, "; ")
}

// TestEveryPageCarriesCSPMeta checks that every page sets the production
// policy itself, for servers that send no header, before anything it
// governs loads.
func TestEveryPageCarriesCSPMeta(t *testing.T) {
	want := `<meta http-equiv="Content-Security-Policy" content="` + metaCSP(t) + `">`
	dest, _ := sitetest.Build(t, readArchive(t, "smalltown.txtar"))
	pages := 0
	for _, f := range sitetest.Files(t, dest) {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		pages++
		data, err := os.ReadFile(filepath.Join(dest, f))
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		i := strings.Index(s, want)
		if i < 0 {
			t.Errorf("%s: no %s", f, want)
			continue
		}
		for _, before := range []string{"<script", "<link", "<style", "<img"} {
			if j := strings.Index(s, before); j >= 0 && j < i {
				t.Errorf("%s: %s before the policy, which does not apply to it", f, before)
			}
		}
	}
	if pages < 20 {
		t.Errorf("only %d pages", pages)
	}
}
