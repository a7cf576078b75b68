package build

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"gongshi/generator/config"
	"gongshi/generator/disclose"
	"gongshi/generator/search"
	"gongshi/themes"
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
	ests := []jobEstimate{{false, 10}, {false, 300}, {true, 200}, {true, 50}, {false, 20}}
	if got := jobOrder(ests); !slices.Equal(got, []int{2, 3, 1, 4, 0}) {
		t.Errorf("order %v, want the files to parse (larger first), then the cached ones (larger first)", got)
	}
}

// TestLeakGateKeepsOnlyRepeatedParts: a header found once (a record page's,
// with its title in the breadcrumbs) is not kept; one found again is.
func TestLeakGateKeepsOnlyRepeatedParts(t *testing.T) {
	g := newLeakGate(disclose.NewScanner([]disclose.Secret{{Value: "张三丰", Kind: disclose.SecretName}}))
	page := func(header string) []byte {
		return []byte("<title>t</title><body><header>" + header + "</header><main>m</main><footer>f</footer></body>")
	}
	for i := range 100 {
		g.check(fmt.Sprintf("/p%d.html", i), page(fmt.Sprintf("决定 %d", i)))
	}
	if len(g.clean) != 1 {
		t.Errorf("%d clean parts kept after 100 pages with headers of their own and one footer, want the footer alone", len(g.clean))
	}
	g.check("/again.html", page("决定 7"))
	if len(g.clean) != 2 {
		t.Errorf("%d clean parts kept, want the footer and the header seen twice", len(g.clean))
	}
}

// TestKeysNameTheProgram: a page kept or a search index kept from a build
// by another gongshi could be what that program made, not this one.
func TestKeysNameTheProgram(t *testing.T) {
	binaryHash()
	saved := exeHash
	defer func() { exeHash = saved }()
	docs := []search.Doc{{Type: search.TypePage, URL: "/a/", Title: "通知"}}
	keys := func() (string, string) {
		f, err := themeFingerprint(themes.Default(), &config.Config{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return f, searchKey(docs, search.Options{})
	}
	f1, s1 := keys()
	exeHash = saved + "another build"
	f2, s2 := keys()
	if f1 == f2 {
		t.Error("the page fingerprint is the same for another program")
	}
	if s1 == s2 {
		t.Error("the search key is the same for another program")
	}
}

// TestLeakGateChecksEveryOutputKind: a name, an ID number and a mobile
// number written (in any of their forms) into any kind of output the
// build writes are findings, wherever the file is.
func TestLeakGateChecksEveryOutputKind(t *testing.T) {
	outputs := map[string]string{
		"/cases/a/index.html":             "<html><body><main>%s</main></body></html>",
		"/data/cases.csv":                 "名称,事实\n甲,%s\n",
		"/data/cases.json":                `[{"事实":"%s"}]`,
		"/data/stats.json":                `{"rows":[["%s",1]]}`,
		"/data/archive/2026-05/stats.csv": "类别,数\n%s,1\n",
		"/search/index/k/c0.json":         `["%s"]`,
		"/index.xml":                      "<feed><entry><title type=\"text\">%s</title></entry></feed>",
		"/sitemap.xml":                    "<urlset><url><loc>https://x/%s</loc></url></urlset>",
		"/stats/enforcement/data.json":    `{"labels":["%s"]}`,
	}
	for path, tpl := range outputs {
		for _, leak := range []string{"张三丰", "11010519491231002X", "110105 19491231 002X", "１３８１２３４５６７８", "+86 138-1234-5678"} {
			t.Run(path+"/"+leak, func(t *testing.T) {
				g := newLeakGate(disclose.NewScanner([]disclose.Secret{{Value: "张三丰", Kind: disclose.SecretName}}))
				g.check(path, []byte(fmt.Sprintf(tpl, leak)))
				if len(g.leaks) == 0 {
					t.Errorf("no finding")
				}
			})
		}
	}
}
