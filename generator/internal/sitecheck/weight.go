package sitecheck

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// PageWeight returns the gzip-compressed size of the page at rel (a path
// under dir) plus the stylesheets, scripts, images and icons it loads, and
// a short breakdown. URLs are resolved under prefix; other sites' URLs are
// not counted (the build forbids them anyway).
func PageWeight(t testing.TB, dir, prefix, rel string) (int, string) {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	total := Gzipped(page)
	parts := []string{fmt.Sprintf("html %d", total)}
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		var ref string
		switch tok.Data {
		case "script", "img":
			ref = attr(tok, "src")
		case "link":
			if rel := attr(tok, "rel"); rel == "stylesheet" || strings.Contains(rel, "icon") {
				ref = attr(tok, "href")
			}
		}
		p, ok := strings.CutPrefix(ref, prefix)
		if !ok || seen[p] {
			continue
		}
		seen[p] = true
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s loads %s: %v", rel, ref, err)
			continue
		}
		n := Gzipped(data)
		total += n
		parts = append(parts, fmt.Sprintf("%s %d", p, n))
	}
	return total, strings.Join(parts, ", ")
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Gzipped returns the size of b gzip-compressed at the best compression, as
// a server that compresses ahead of time sends it.
func Gzipped(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}
