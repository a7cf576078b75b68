package output

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestExternalRequest(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"page.html", `<a href="https://www.gov.cn/">政府网</a>`, ""},
		{"page.html", `<link rel="canonical" href="https://example.gov.cn/x/">`, ""},
		{"page.html", `<img src="https://cdn.example.com/a.png">`, "https://cdn.example.com/a.png"},
		{"page.html", `<script src="//cdn.example.com/e.js"></script>`, "//cdn.example.com/e.js"},
		{"page.html", `<link rel="stylesheet" href="https://fonts.example.com/f.css">`, "https://fonts.example.com/f.css"},
		{"page.html", `<img srcset="/a.png 1x, https://x.example/b.png 2x">`, "/a.png 1x, https://x.example/b.png 2x"},
		{"site.css", `body{background:url(https://x.example/bg.png)}`, "https://x.example/bg.png"},
		{"site.css", `@import "https://x.example/a.css";`, "https://x.example/a.css"},
		{"page.html", `<img src="/zfxxgk/a.png"><script src="/js/site.js"></script>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.doc, func(t *testing.T) {
			if got := ExternalRequest(tt.name, []byte(tt.doc)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSitemapsSplitAt50000(t *testing.T) {
	abs := func(p string) string { return "https://example.gov.cn" + p }
	one := Sitemaps([]SitemapEntry{{Loc: "/a/", LastMod: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}, abs)
	if len(one) != 1 || !strings.Contains(string(one["/sitemap.xml"]), "<loc>https://example.gov.cn/a/</loc><lastmod>2026-01-02</lastmod>") {
		t.Fatalf("%s", one["/sitemap.xml"])
	}
	many := make([]SitemapEntry, MaxSitemapURLs+1)
	for i := range many {
		many[i].Loc = "/p/"
	}
	files := Sitemaps(many, abs)
	if len(files) != 3 || !strings.Contains(string(files["/sitemap.xml"]), "<sitemapindex") || !strings.Contains(string(files["/sitemap.xml"]), "sitemap-2.xml") {
		t.Fatalf("files: %d", len(files))
	}
}

func TestCheckLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"index.html":        {Data: []byte(`<a href="/b/a/">a</a><a href="/b/missing/">m</a><a href="/b/a/#x">x</a><a href="/b/a/#nope">n</a><a href="https://ok.example/">e</a>`)},
		"a/index.html":      {Data: []byte(`<h2 id="x">x</h2>`)},
		"css/site.css":      {Data: []byte(`body{}`)},
		"a/other/page.html": {Data: []byte(`<link href="/b/css/site.css" rel="stylesheet">`)},
	}
	broken, err := CheckLinks(fsys, "/b/")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range broken {
		got = append(got, b.Target)
	}
	if strings.Join(got, " ") != "/b/a/#nope /b/missing/" {
		t.Errorf("broken: %v", got)
	}
}
