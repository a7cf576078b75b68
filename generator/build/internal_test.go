package build

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"gongshi/generator/disclose"
)

// TestLeakGateScansSharedPartsOnce: the header and footer every page
// repeats are scanned once, yet a leak anywhere in any page is found, on
// its line.
func TestLeakGateScansSharedPartsOnce(t *testing.T) {
	page := func(header, main, footer string) []byte {
		return []byte("<!doctype html><title>t</title>\n<body><header>" + header + "</header>\n<main>" + main + "</main>\n<footer>" + footer + "</footer></body>")
	}
	tests := []struct {
		name  string
		pages [][]byte
		want  []string // file:line of each leak
	}{
		{"clean", [][]byte{page("青溪镇", "处罚决定", "电话"), page("青溪镇", "另一页", "电话")}, nil},
		{"in a main", [][]byte{page("青溪镇", "a", "b"), page("青溪镇", "张三丰", "b")}, []string{"p1.html:3"}},
		{"in a header seen clean before", [][]byte{page("青溪镇", "a", "b"), page("青溪镇张三丰", "a", "b")}, []string{"p1.html:2"}},
		{"in a repeated footer", [][]byte{page("h", "a", "张三丰"), page("h", "c", "张三丰")}, []string{"p0.html:4", "p1.html:4"}},
		{"an ID number", [][]byte{page("h", "11010519491231002X", "f")}, []string{"p0.html:3"}},
		{"no body tag", [][]byte{[]byte("<p>张三丰</p>")}, []string{"p0.html:1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := newLeakGate(disclose.NewScanner([]disclose.Secret{{Value: "张三丰", Kind: disclose.SecretName}}))
			for i, p := range tc.pages {
				g.check(fmt.Sprintf("/p%d.html", i), p)
			}
			var got []string
			for _, l := range g.leaks {
				got = append(got, fmt.Sprintf("%s:%d", l.File, l.Line))
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("leaks at %v, want %v", got, tc.want)
			}
		})
	}
}

func TestJobOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"a.csv": {Data: make([]byte, 10)}, "b.csv": {Data: make([]byte, 300)},
		"c.csv": {Data: make([]byte, 200)}, "d.csv": {Data: make([]byte, 50)},
	}
	cache := t.TempDir()
	for _, k := range []string{"kb", "kc"} { // b and c are in the cache
		if err := os.WriteFile(filepath.Join(cache, k+".gob"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{"a.csv", "b.csv", "c.csv", "d.csv"}
	if got := jobOrder(fsys, cache, files, []string{"ka", "kb", "kc", "kd"}); !slices.Equal(got, []int{3, 0, 1, 2}) {
		t.Errorf("with a cache: %v, want d a (to parse), then b c", got)
	}
	if got := jobOrder(fsys, "", files, make([]string, 4)); !slices.Equal(got, []int{1, 2, 3, 0}) {
		t.Errorf("without a cache: %v, want largest first", got)
	}
}
