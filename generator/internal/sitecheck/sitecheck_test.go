package sitecheck

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"gongshi/generator/internal/browsertest"
)

// bad is a page with one known fault of each kind the checks look for.
const bad = `<!DOCTYPE html><html><head><title>t</title><link rel="stylesheet" href="/s/c.css"></head><body>
<p><img src="/s/a.png"><a href="/s/missing/">x</a> <a href="/s/#nowhere">y</a> <a href="/elsewhere/">z</a> <a href="#top">top</a></p>
<div><li>stray</li></div></body></html>`

func writeBad(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"index.html": bad,
		"c.css":      `body{background:url(img/bg.png)}`,
		"a.png":      "",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCrawlFindsEveryKindOfDeadReference(t *testing.T) {
	fsys := fstest.MapFS{
		"index.html": {Data: []byte(bad)},
		"c.css":      {Data: []byte(`body{background:url(img/bg.png)}`)},
		"a.png":      {Data: []byte("x")},
	}
	mux := http.NewServeMux()
	mux.Handle("/s/", http.StripPrefix("/s", http.FileServerFS(fsys)))
	res := Crawl(mux, "/s/", "/s/")
	var got []string
	for _, b := range res.Broken {
		got = append(got, b.Target+": "+b.Reason)
	}
	want := []string{
		"#top: no element with id top",
		"/elsewhere/: outside the base path /s/",
		"/s/#nowhere: no element with id nowhere",
		"/s/missing/: 404 Not Found",
		"img/bg.png: 404 Not Found",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("broken:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestVNUReportsErrors(t *testing.T) {
	msgs := VNU(t, writeBad(t))
	found := false
	for _, m := range msgs {
		if strings.Contains(m.Message, "li") {
			found = true
		}
	}
	if !found {
		t.Errorf("vnu did not report the stray <li>: %v", msgs)
	}
}

func TestAxeReportsViolations(t *testing.T) {
	dir := writeBad(t)
	b := browsertest.New(t, dir, "/s/")
	b.Run(t, chromedp.Navigate(b.Base+"/s/"))
	ids := map[string]bool{}
	for _, v := range Axe(t, b, WCAG21AA) {
		ids[v.ID] = true
	}
	for _, want := range []string{"image-alt", "html-has-lang", "listitem"} {
		if !ids[want] {
			t.Errorf("axe did not report %s (got %v)", want, ids)
		}
	}
}
