package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
	"gongshi/generator/records"
)

// tastings is a kind that exists only in this test: 品鉴记录, declared by
// its fields alone. Nothing in the program knows it.
var tastings = records.NewKind(records.Kind{
	Name:  "tastings",
	Title: "品鉴记录",
	Nav:   "品鉴",
	Intro: "茶叶品鉴记录。",
	Fields: []records.Field{
		{Key: "taster", Name: "品鉴人", Role: records.RoleParty, Need: records.Required, Open: true, News: true},
		{Key: "taster_class", Name: "品鉴人类别", Role: records.RolePartyClass, Open: true},
		{Key: "id_number", Name: "证件号码", Role: records.RoleIDNumber, Need: records.Never},
		{Key: "no", Name: "记录编号", Role: records.RoleNumber, Need: records.Required, Open: true},
		{Key: "tea", Name: "茶类", Role: records.RoleLabel, Facet: true, Open: true, News: true},
		{Key: "notes", Name: "品鉴意见", Role: records.RoleText, Open: true, News: true},
		{Key: "date", Name: "品鉴日期", Role: records.RoleDate, Type: records.TypeDate, Need: records.Required, Open: true},
		{Key: "host", Name: "主办单位", Role: records.RoleAuthority, Need: records.Required, Open: true},
		{Key: "state", Name: "状态", Role: records.RoleStatus, Open: true},
	},
	Identity:    []string{"host", "no"},
	Heading:     []string{"taster", "tea"},
	Sub:         "no",
	Identifiers: []string{"no"},
	Withdraw:    []string{"作废"},
})

const tastingSite = `-- site.toml --
title = "青溪镇政务公开"
town = "青溪镇"
base_url = "https://qx.example.gov.cn/"
-- data/tastings/品鉴.csv --
品鉴人,品鉴人类别,证件号码,记录编号,茶类,品鉴意见,品鉴日期,主办单位,状态
青溪茶业有限公司,法人及非法人组织,,品〔2026〕1号,绿茶,香气清高,2026/05/10,青溪镇人民政府,有效
周明远,自然人,11010519491231002X,品〔2026〕2号,红茶,周明远认为汤色红亮,2026/05/12,青溪镇人民政府,有效
青溪作废茶社,法人及非法人组织,,品〔2026〕3号,绿茶,作废,2026/05/13,青溪镇人民政府,作废
`

// TestDeclaredKindEndToEnd builds a site with a kind defined only in this
// test: it reaches its pages, the navigation, search, /data/, the sitemap
// and, built again with a record changed, one added and one cancelled,
// /changes/ (changed, added, withdrawn) and the
// page's updated date. Its natural person is masked as a penalty
// decision's party is.
func TestDeclaredKindEndToEnd(t *testing.T) {
	kinds := append(append([]*records.Kind(nil), records.Kinds...), tastings)
	dest := filepath.Join(t.TempDir(), "public")
	src := sitetest.Source(tastingSite)
	build1 := func(fsys fstest.MapFS, now time.Time) *build.Summary {
		t.Helper()
		sum, err := build.Build(context.Background(), build.Options{SourceFS: fsys, Dest: dest, Now: now, Kinds: kinds})
		if err != nil {
			for _, d := range sum.Diags {
				t.Log(d)
			}
			t.Fatal(err)
		}
		return sum
	}
	sum := build1(src, sitetest.Date)
	its := sum.Result.Items["tastings"]
	if len(its) != 2 {
		t.Fatalf("published %d tastings, want 2", len(its))
	}
	person := tastings.URL(records.HashID("青溪镇人民政府", "品〔2026〕2号"))
	page := strings.TrimPrefix(person, "/") + "index.html"
	sitetest.AssertFile(t, dest, page, "周某某", "红茶", "! 周明远", "! 11010519491231002X")
	sitetest.AssertFile(t, dest, "tastings/index.html", "品鉴记录公示", "茶类", "绿茶", "! 作废茶社")
	sitetest.AssertFile(t, dest, "tastings/withdrawn/index.html", "品〔2026〕3号")
	sitetest.AssertFile(t, dest, "index.html", `href="/tastings/"`, "品鉴")
	sitetest.AssertFile(t, dest, "sitemap.xml", person)
	sitetest.AssertFile(t, dest, "data/tastings.csv", "品鉴人,品鉴人类别,记录编号", "周某某", "! 证件号码")
	sitetest.AssertFile(t, dest, "data/index.html", "/data/tastings.csv", "品鉴记录")
	sitetest.AssertFile(t, dest, "search/index/meta.json", `"tastings"`, "品鉴记录")

	// A month later: one record's notes change, one record is added, and
	// the natural person's record is cancelled.
	next := strings.Replace(tastingSite, "香气清高", "香气清高，回甘持久", 1)
	next = strings.Replace(next, "2026/05/12,青溪镇人民政府,有效", "2026/05/12,青溪镇人民政府,作废", 1)
	build1(sitetest.Source(next+"青溪山茶社,法人及非法人组织,,品〔2026〕4号,白茶,毫香明显,2026/06/20,青溪镇人民政府,有效\n"), sitetest.Date.AddDate(0, 1, 0))
	sitetest.AssertFile(t, dest, "changes/index.html", "2026-07-01")
	sitetest.AssertFile(t, dest, "changes/2026-07-01/index.html", "品鉴记录：品〔2026〕4号", "品鉴记录：品〔2026〕1号", "品鉴意见",
		"撤回（1）", "品鉴记录：品〔2026〕2号")
	sitetest.AssertFile(t, dest, "tastings/withdrawn/index.html", "品〔2026〕2号", "作废")
	changed := strings.TrimPrefix(tastings.URL(records.HashID("青溪镇人民政府", "品〔2026〕1号")), "/") + "index.html"
	sitetest.AssertFile(t, dest, changed, "最后更新于2026年7月1日", "首次公开于2026年6月1日")
	if _, err := os.Stat(filepath.Join(dest, page)); err == nil {
		t.Errorf("the cancelled record's page %s is still published", page)
	}
}
