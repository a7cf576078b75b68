package build_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/internal/sitetest"
	"gongshi/generator/records"
	"gongshi/generator/search"
)

// TestLicences builds 行政许可 decisions: each has its page, lists and
// facets; the villager is masked as a penalty decision's party is; the
// 注销 licence is withdrawn everywhere and listed; the power item links to
// its licence; search finds a licence by 许可编号 and by holder; /data/
// carries no never-published column.
func TestLicences(t *testing.T) {
	archive := readArchive(t, "licences.txtar")
	dest, sum := sitetest.Build(t, archive)
	items := sum.Result.Items["licences"]
	if len(items) != 5 {
		t.Fatalf("published %d licences, want 5", len(items))
	}
	byNo := map[string]string{}
	for _, it := range items {
		byNo[it.Sub()] = it.URL()
	}
	villager := byNo["青溪乡规〔2026〕7号"]
	if villager == "" {
		t.Fatalf("the villager's licence is not published: %v", byNo)
	}
	sitetest.AssertFile(t, dest, strings.TrimPrefix(villager, "/")+"index.html",
		"刘某某", "乡村建设规划许可证", "乡村建设规划许可", "/powers/330000000010001/",
		"! 刘德明", "! 13912345678", "! 11010519491231002X", "! 身份证")
	// A missing 文书号 takes the 许可编号.
	if byNo["YH330000202601"] == "" {
		t.Errorf("the licence without 文书号 is not under its 许可编号: %v", byNo)
	}
	// Withdrawn: listed, and nowhere else; 已吊销 as 吊销.
	sitetest.AssertFile(t, dest, "licences/withdrawn/index.html", "青溪许〔2025〕40号", "注销", "青溪许〔2025〕41号")
	// The row exported twice is merged, with a warning naming both rows.
	if !strings.Contains(fmt.Sprint(sum.Diags), "许可.csv:9") {
		t.Errorf("no warning about the repeated row: %v", sum.Diags)
	}
	// A licence numbered by its holder's ID number: published, the number
	// nowhere in the output.
	for _, f := range sitetest.Files(t, dest) {
		b, err := os.ReadFile(filepath.Join(dest, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "11010519491231002X") || strings.Contains(string(b), "王示例") {
			t.Errorf("%s holds the person's ID number or name", f)
		}
	}
	gone := records.LicenceKind.URL(records.HashID("青溪镇人民政府", "青溪许〔2025〕40号"))
	if _, err := os.Stat(filepath.Join(dest, gone)); err == nil {
		t.Errorf("the withdrawn licence's page %s exists", gone)
	}
	for _, f := range []string{"licences/index.html", "data/licences.csv", "data/licences.json", "sitemap.xml"} {
		sitetest.AssertFile(t, dest, f, "! 青溪许〔2025〕40号", "! 停业小吃店")
	}
	// Lists, facets and navigation.
	sitetest.AssertFile(t, dest, "licences/index.html", "行政许可决定公示", "许可类别", "特许", "登记", "/licences/2026/", "/licences/withdrawn/")
	sitetest.AssertFile(t, dest, "index.html", `href="/licences/"`)
	sitetest.AssertFile(t, dest, "powers/330000000010001/index.html", "/licences/power/330000000010001/", "行政许可决定有")
	sitetest.AssertFile(t, dest, "licences/power/330000000010001/index.html", "青溪乡规〔2026〕7号", "! 青溪许〔2026〕18号")
	// Open data: the published columns, never the ID columns.
	sitetest.AssertFile(t, dest, "data/licences.csv", "统一社会信用代码", "刘某某", "! 证件号码", "! 证件类型", "! 11010519491231002X")
	sitetest.AssertFile(t, dest, "data/index.html", "/data/licences.csv")
	// Search by 许可编号 and holder, with the kind as a type filter.
	s, err := search.NewSearcher(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dest, "search", "index", name))
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"JY23300000000018", "青石商贸", "刘某某"} {
		r, err := s.Search(q, url.Values{"type": {"licences"}})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Docs) != 1 {
			t.Errorf("search %q type=licences: %d results, want 1", q, len(r.Docs))
		}
	}
	if r, _ := s.Search("刘德明", nil); len(r.Docs) != 0 {
		t.Errorf("search 刘德明 finds %d docs", len(r.Docs))
	}
}
