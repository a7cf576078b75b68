package disclose

import (
	"fmt"
	"strings"
	"testing"
)

// TestGateScansSharedPartsOnce: the header and footer every page
// repeats are scanned once, yet a leak anywhere in any page is found, on
// its line.
func TestGateScansSharedPartsOnce(t *testing.T) {
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
			g := NewGate(NewScanner([]Secret{{Value: "张三丰", Kind: SecretName}}))
			for i, p := range tc.pages {
				g.Check(fmt.Sprintf("/p%d.html", i), p)
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

// TestGateKeepsOnlyRepeatedParts: a header found once (a record page's,
// with its title in the breadcrumbs) is not kept; one found again is.
func TestGateKeepsOnlyRepeatedParts(t *testing.T) {
	g := NewGate(NewScanner([]Secret{{Value: "张三丰", Kind: SecretName}}))
	page := func(header string) []byte {
		return []byte("<title>t</title><body><header>" + header + "</header><main>m</main><footer>f</footer></body>")
	}
	for i := range 100 {
		g.Check(fmt.Sprintf("/p%d.html", i), page(fmt.Sprintf("决定 %d", i)))
	}
	if len(g.clean) != 1 {
		t.Errorf("%d clean parts kept after 100 pages with headers of their own and one footer, want the footer alone", len(g.clean))
	}
	g.Check("/again.html", page("决定 7"))
	if len(g.clean) != 2 {
		t.Errorf("%d clean parts kept, want the footer and the header seen twice", len(g.clean))
	}
}

// TestGateChecksEveryOutputKind: a name, an ID number and a mobile
// number written (in any of their forms) into any kind of output the
// build writes are findings, wherever the file is.
func TestGateChecksEveryOutputKind(t *testing.T) {
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
				g := NewGate(NewScanner([]Secret{{Value: "张三丰", Kind: SecretName}}))
				g.Check(path, []byte(fmt.Sprintf(tpl, leak)))
				if len(g.leaks) == 0 {
					t.Errorf("no finding")
				}
			})
		}
	}
}
