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

// TestInspections builds 行政检查 results: each has its page, lists and
// facets by 检查方式, 检查结果 and 检查机关; the villager is masked as a
// penalty decision's party is, though the export has no 类别 column; the
// power item links to its inspections; search finds an inspection by
// 检查编号; /data/ carries no never-published column.
func TestInspections(t *testing.T) {
	dest, sum := sitetest.Build(t, readArchive(t, "inspections.txtar"))
	items := sum.Result.Items["inspections"]
	if len(items) != 4 {
		t.Fatalf("published %d inspections, want 4", len(items))
	}
	byNo := map[string]string{}
	for _, it := range items {
		byNo[it.Sub()] = it.URL()
	}
	villager := byNo["青溪检〔2026〕9号"]
	if villager == "" {
		t.Fatalf("the villager's inspection is not published: %v", byNo)
	}
	sitetest.AssertFile(t, dest, strings.TrimPrefix(villager, "/")+"index.html",
		"刘某某", "对农村宅基地使用的检查", "日常检查", "责令限期整改", "超出批准面积搭建附房",
		"! 刘德明", "! 13912345678", "! 11010519491231002X")
	company := byNo["青溪检〔2026〕7号"]
	if want := records.InspectionKind.URL(records.HashID("青溪镇人民政府", "青溪检〔2026〕7号")); company != want {
		t.Errorf("the company's inspection is at %s, want %s", company, want)
	}
	sitetest.AssertFile(t, dest, strings.TrimPrefix(company, "/")+"index.html",
		"青溪镇青石商贸有限公司", "91350100M000100Y43", "双随机", "未发现问题", "/powers/330000000060001/")

	// Lists, facets and navigation.
	sitetest.AssertFile(t, dest, "inspections/index.html", "行政检查结果公示", "检查方式", "双随机", "日常检查", "专项检查",
		"检查结果", "未发现问题", "立案查处", "/inspections/2026/", "! 刘德明", "! /inspections/withdrawn/")
	random := "inspections/method/" + records.HashID("双随机")[:10] + "/index.html"
	sitetest.AssertFile(t, dest, random, "青溪检〔2026〕7号", "青溪检〔2026〕8号", "! 青溪检〔2026〕9号")
	sitetest.AssertFile(t, dest, "index.html", `href="/inspections/"`, "行政检查")
	sitetest.AssertFile(t, dest, "powers/330000000060001/index.html", "/inspections/power/330000000060001/")
	sitetest.AssertFile(t, dest, "inspections/power/330000000060001/index.html", "青溪检〔2026〕8号", "! 青溪检〔2026〕9号")

	// Open data: the published columns, never the ID number.
	sitetest.AssertFile(t, dest, "data/inspections.csv", "检查编号", "检查方式", "刘某某", "! 证件号码", "! 11010519491231002X", "! 刘德明")
	sitetest.AssertFile(t, dest, "data/inspections.json", "青溪检〔2026〕10号", "! 刘德明")
	sitetest.AssertFile(t, dest, "data/index.html", "/data/inspections.csv", "行政检查结果")
	sitetest.AssertFile(t, dest, "sitemap.xml", company)

	// Statistics: 2 of the 4 inspections of 2026 were 双随机.
	sitetest.AssertFile(t, dest, "stats/inspections/random-share.csv", "2026,2,4,50,数据自4月9日起，截至5月12日,2026-05-12\r\n")
	sitetest.AssertFile(t, dest, "stats/inspections/index.html", "“双随机”抽查占行政检查的50%", "数据截至2026年5月12日", "inspections-by-method", "inspections-by-result")
	sitetest.AssertFile(t, dest, "stats/index.html", `href="/stats/inspections/"`, "! /stats/coercion/")

	s, err := search.NewSearcher(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dest, "search", "index", name))
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"青溪检〔2026〕10号", "老街面馆", "刘某某"} {
		r, err := s.Search(q, url.Values{"type": {"inspections"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Docs) != 1 {
			t.Errorf("search %q type=inspections: %d results, want 1", q, len(r.Docs))
		}
	}
	if r, _ := s.Search("刘德明", nil); len(r.Docs) != 0 {
		t.Errorf("search 刘德明 finds %d docs", len(r.Docs))
	}
}
