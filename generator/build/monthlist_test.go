package build_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

// monthRow is a decision of monthlist.txtar's form, numbered n, of date d.
func monthRow(n int, d string) string {
	return fmt.Sprintf("示例市商贸有限公司%d号店,法人及非法人组织,91350100M000100Y43,林示例,青溪综执罚〔2026〕%d号,占道经营,在青石路占道经营,"+
		"《城市市容和环境卫生管理条例》第三十六条,罚款,罚款1000元,0.1,%s,2099/12/31,青溪镇人民政府,11350100MB0000000Y,青溪镇人民政府,11350100MB0000000Y,,普通程序\n", n, n, d)
}

func TestDecisionsListedByMonth(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "monthlist.txtar"))
	no := func(n int) string { return fmt.Sprintf("青溪综执罚〔2026〕%d号", n) }
	// The list's own page: the ten newest, and every month.
	sitetest.AssertFile(t, dest, "cases/index.html", no(17), no(8), "! "+no(7)+"<",
		`<a href="/cases/2026/01/">1月 <span>12</span>`, `<a href="/cases/2026/03/">3月 <span>2</span>`, `id="months"`)
	// A month is numbered from its oldest decision.
	sitetest.AssertFile(t, dest, "cases/2026/01/index.html", no(1)+"<", no(10)+"<", "! "+no(11)+"<", "! "+no(13)+"<", "2026年1月行政处罚决定")
	sitetest.AssertFile(t, dest, "cases/2026/01/page/2/index.html", no(11)+"<", no(12)+"<", "! "+no(10)+"<")
	sitetest.AssertFile(t, dest, "cases/2026/index.html", `<a href="/cases/2026/02/">2月 <span>3</span>`, "! "+no(1)+"<")
	// The earlier layout's second page points to where its decisions are.
	sitetest.AssertFile(t, dest, "cases/page/2/index.html", `<meta name="robots" content="noindex">`, "第 11 至第 20 条",
		`href="/cases/#months"`, `href="/search/"`, "! "+no(1)+"<")
	sitetest.AssertFile(t, dest, "sitemap.xml", "/cases/2026/01/page/2/", "! /cases/page/2/")
	if _, err := os.Stat(filepath.Join(dest, "cases/page/3/index.html")); err == nil {
		t.Error("a pointer past the earlier layout's last page")
	}
}

func TestMonthPagesKeepTheirBytesWhenAMonthIsAdded(t *testing.T) {
	first := readArchive(t, "monthlist.txtar")
	second := first + monthRow(18, "2026/01/31")
	for i, d := range []string{"2026/04/01", "2026/04/08", "2026/04/15", "2026/04/22", "2026/04/29"} {
		second += monthRow(19+i, d)
	}
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	if _, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(first), Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
	read := func(p string) []byte {
		b, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// A late decision of January, built a month later, changes January's
	// pages alone: the pages of a dated list name no build date.
	kept := []string{"cases/2026/02/index.html", "cases/2026/03/index.html", "cases/page/2/index.html"}
	before := map[string][]byte{}
	for _, p := range kept {
		before[p] = read(p)
	}
	oldJan2 := read("cases/2026/01/page/2/index.html")
	if _, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(second), Dest: dest, Now: sitetest.Date.AddDate(0, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	for _, p := range kept {
		if !bytes.Equal(read(p), before[p]) {
			t.Errorf("%s changed when April and a late decision of January were added", p)
		}
	}
	// The late decision joins the end of its month; April is new.
	if bytes.Equal(read("cases/2026/01/page/2/index.html"), oldJan2) {
		t.Error("January's last page did not take the late decision")
	}
	sitetest.AssertFile(t, dest, "cases/2026/01/page/2/index.html", "青溪综执罚〔2026〕18号<")
	sitetest.AssertFile(t, dest, "cases/2026/04/index.html", "青溪综执罚〔2026〕19号<", "青溪综执罚〔2026〕23号<")
	// 23 decisions had three pages in the earlier layout.
	sitetest.AssertFile(t, dest, "cases/page/3/index.html", "第 21 至第 30 条")
	if strings.Contains(string(read("cases/index.html")), "青溪综执罚〔2026〕18号<") {
		t.Error("the newest page lists a decision eleven places down")
	}
}
