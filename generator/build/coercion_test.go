package build_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/internal/sitetest"
	"gongshi/generator/records"
	"gongshi/generator/search"
)

// TestCoercion builds 行政强制 measures: the villager is masked and their
// ID and phone are gone; 解除状态 is derived and faceted; the revoked
// measure is withdrawn everywhere and listed; the power item links to its
// measures; search finds a measure by 文书号.
func TestCoercion(t *testing.T) {
	dest, sum := sitetest.Build(t, readArchive(t, "coercion.txtar"))
	items := sum.Result.Items["coercion"]
	if len(items) != 3 {
		t.Fatalf("published %d measures, want 3", len(items))
	}
	byNo := map[string]string{}
	for _, it := range items {
		byNo[it.Sub()] = it.URL()
		if got, want := it.Get("released"), map[bool]string{true: "已解除", false: "未解除"}[it.Get("released_on") != ""]; got != want {
			t.Errorf("%s: 解除状态 %q, want %q", it.Sub(), got, want)
		}
	}
	villager := byNo["青溪综执强〔2026〕3号"]
	if villager == "" {
		t.Fatalf("the villager's measure is not published: %v", byNo)
	}
	sitetest.AssertFile(t, dest, strings.TrimPrefix(villager, "/")+"index.html",
		"王某某", "暂扣", "三轮摩托车", "30日", "已解除",
		"! 王大力", "! 13912345678", "! 11010519491231002X")
	sitetest.AssertFile(t, dest, strings.TrimPrefix(byNo["青溪综执强〔2026〕5号"], "/")+"index.html",
		"青溪镇老街面馆", "扣押", "未解除", "/powers/330000000030001/")

	// Withdrawn: listed, and nowhere else.
	sitetest.AssertFile(t, dest, "coercion/withdrawn/index.html", "青溪综执强〔2026〕4号", "撤销")
	gone := records.CoercionKind.URL(records.HashID("青溪镇综合行政执法队", "青溪综执强〔2026〕4号"))
	if _, err := os.Stat(filepath.Join(dest, gone)); err == nil {
		t.Errorf("the withdrawn measure's page %s exists", gone)
	}
	for _, f := range []string{"coercion/index.html", "data/coercion.csv", "data/coercion.json", "sitemap.xml"} {
		sitetest.AssertFile(t, dest, f, "! 青溪综执强〔2026〕4号", "! 撤销小吃店")
	}

	// Lists and facets: by measure and by release.
	sitetest.AssertFile(t, dest, "coercion/index.html", "行政强制措施公示", "强制措施", "查封", "扣押", "暂扣",
		"解除状态", "已解除", "未解除", "/coercion/withdrawn/", "! 王大力")
	open := "coercion/released/" + records.HashID("未解除")[:10] + "/index.html"
	sitetest.AssertFile(t, dest, open, "青溪综执强〔2026〕5号", "青溪综执强〔2026〕6号", "! 青溪综执强〔2026〕3号")
	sitetest.AssertFile(t, dest, "index.html", `href="/coercion/"`, "行政强制")
	sitetest.AssertFile(t, dest, "coercion/power/330000000030001/index.html", "青溪综执强〔2026〕5号", "! 青溪综执强〔2026〕4号")

	// Open data: the published columns and the derived one, never the ID columns.
	sitetest.AssertFile(t, dest, "data/coercion.csv", "文书号", "解除状态", "王某某", "! 证件号码", "! 证件类型", "! 11010519491231002X")
	sitetest.AssertFile(t, dest, "data/index.html", "/data/coercion.csv")

	// Statistics: of 2026's three standing measures one is released; the
	// revoked one is not counted.
	sitetest.AssertFile(t, dest, "stats/coercion/by-release.csv", "2026,1,2,")
	sitetest.AssertFile(t, dest, "stats/coercion/index.html", "3件行政强制措施中2件尚未解除", "coercion-by-measure")

	s, err := search.NewSearcher(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dest, "search", "index", name))
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"青溪综执强〔2026〕6号", "老街面馆"} {
		r, err := s.Search(q, url.Values{"type": {"coercion"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Docs) != 1 {
			t.Errorf("search %q type=coercion: %d results, want 1", q, len(r.Docs))
		}
	}
	if r, _ := s.Search("王大力", nil); len(r.Docs) != 0 {
		t.Errorf("search 王大力 finds %d docs", len(r.Docs))
	}
}
