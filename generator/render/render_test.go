package render

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"gongshi/generator/config"
)

func TestOverlayPrefersTop(t *testing.T) {
	base := fstest.MapFS{"layouts/a.html": {Data: []byte("base")}, "layouts/b.html": {Data: []byte("base b")}}
	top := fstest.MapFS{"layouts/a.html": {Data: []byte("top")}, "static/x.css": {Data: []byte("x")}}
	o := Overlay(top, base)
	if b, _ := fs.ReadFile(o, "layouts/a.html"); string(b) != "top" {
		t.Errorf("a.html = %q", b)
	}
	if b, _ := fs.ReadFile(o, "layouts/b.html"); string(b) != "base b" {
		t.Errorf("b.html = %q", b)
	}
	entries, _ := fs.ReadDir(o, "layouts")
	if len(entries) != 2 {
		t.Errorf("layouts lists %d files", len(entries))
	}
	if b, _ := fs.ReadFile(o, "static/x.css"); string(b) != "x" {
		t.Errorf("a file only in top: %q", b)
	}
}

func TestMarkdownEscapesRawHTML(t *testing.T) {
	theme := fstest.MapFS{
		"layouts/baseof.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
		"i18n/zh-CN.toml":     {Data: []byte(`skip = "跳到主要内容"`)},
	}
	cfg := config.Default()
	cfg.BaseURL = "https://example.gov.cn/zfxxgk/qingxi/"
	r, err := New(theme, &cfg)
	if err != nil {
		t.Fatal(err)
	}
	html, err := r.Markdown([]byte("**粗体** <script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(html)
	if !strings.Contains(s, "<strong>粗体</strong>") || strings.Contains(s, "<script>") || !strings.Contains(s, "<table>") {
		t.Errorf("markdown: %s", s)
	}
	if got := r.URL("/cases/"); got != "/zfxxgk/qingxi/cases/" {
		t.Errorf("URL = %q", got)
	}
	if got := r.AbsURL("/cases/"); got != "https://example.gov.cn/zfxxgk/qingxi/cases/" {
		t.Errorf("AbsURL = %q", got)
	}
	if got := r.T("skip"); got != "跳到主要内容" {
		t.Errorf("T = %q", got)
	}
}

func TestFormatNum(t *testing.T) {
	for v, want := range map[any]string{1234: "1,234", int64(1000000): "1,000,000", 98.567: "98.57", "x": "x"} {
		if got := formatNum(v); got != want {
			t.Errorf("formatNum(%v) = %q, want %q", v, got, want)
		}
	}
}
