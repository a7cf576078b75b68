package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

func TestSecondBuildReportsChanges(t *testing.T) {
	first := readArchive(t, "smalltown.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	if _, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(first), Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
	// The first build is the initial publication of everything in it.
	sitetest.AssertFile(t, dest, "changes/index.html", "2026-06-01</a>：首次发布行政处罚决定 ", "! 2026-06-01</a>：新增 0")
	sitetest.AssertFile(t, dest, "changes/2026-06-01/index.html", "<h2 id=\"initial\">首次发布</h2>", "以下记录于2026-06-01首次发布", "<li>行政处罚决定 ")
	sitetest.AssertFile(t, dest, "index.xml", "首次发布")
	// A month later: one fine corrected, one decision withdrawn, and the
	// natural person's fine (12 months) still published.
	second := strings.Replace(first, "罚款2000元,0.2", "罚款3000元,0.3", 1)
	second = strings.Replace(second, "青溪综执罚〔2026〕6号,行政复议撤销", "青溪综执罚〔2026〕6号,行政复议撤销\n青溪综执罚〔2026〕5号,法院判决撤销", 1)
	later := sitetest.Date.AddDate(0, 1, 0)

	dry, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(second), Dest: dest, Now: later, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(dry.Update.Changed) != 1 || len(dry.Update.Withdrawn) != 1 {
		t.Fatalf("dry run update: %+v", dry.Update)
	}
	if _, err := os.Stat(filepath.Join(dest, "changes", "2026-07-01")); !os.IsNotExist(err) {
		t.Fatal("a dry run wrote output")
	}

	sum, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(second), Dest: dest, Now: later})
	if err != nil {
		t.Fatal(err)
	}
	u := sum.Update
	if len(u.Changed) != 1 || u.Changed[0].Title != "青溪综执罚〔2026〕3号" || strings.Join(u.Changed[0].Fields, ",") != "处罚内容,罚款金额" {
		t.Errorf("changed: %+v", u.Changed)
	}
	if len(u.Withdrawn) != 1 || u.Withdrawn[0].Title != "青溪综执罚〔2026〕5号" {
		t.Errorf("withdrawn: %+v", u.Withdrawn)
	}
	sitetest.AssertFile(t, dest, "changes/index.html", "2026-07-01", "2026-06-01")
	sitetest.AssertFile(t, dest, "index.xml", `<title type="text">2026-07-01数据更新</title>`, `changes/2026-07-01/"/>`, "变更1条，撤回1条")
	sitetest.AssertFile(t, dest, "changes/2026-07-01/index.html", "青溪综执罚〔2026〕3号", "罚款金额", "青溪综执罚〔2026〕5号", "enforcement-monthly-decisions")
}

func TestMonthlyArchiveKeepsEarlierMonths(t *testing.T) {
	first := readArchive(t, "smalltown.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	if _, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(first), Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
	// The first build is the initial publication of everything in it.
	sitetest.AssertFile(t, dest, "changes/index.html", "2026-06-01</a>：首次发布行政处罚决定 ", "! 2026-06-01</a>：新增 0")
	sitetest.AssertFile(t, dest, "changes/2026-06-01/index.html", "<h2 id=\"initial\">首次发布</h2>", "以下记录于2026-06-01首次发布", "<li>行政处罚决定 ")
	sitetest.AssertFile(t, dest, "index.xml", "首次发布")
	june, err := os.ReadFile(filepath.Join(dest, "data/archive/2026-06/service-centre-monthly-volume.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// July: April's figures corrected, May added.
	second := strings.Replace(first, "2026-04,社会保障,1号窗口,130,125,125", "2026-04,社会保障,1号窗口,131,125,125\n2026-05,社会保障,1号窗口,90,90,90", 1)
	if _, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(second), Dest: dest, Now: sitetest.Date.AddDate(0, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	still, err := os.ReadFile(filepath.Join(dest, "data/archive/2026-06/service-centre-monthly-volume.csv"))
	if err != nil || string(still) != string(june) {
		t.Fatalf("June's archive changed or vanished: %v", err)
	}
	sitetest.AssertFile(t, dest, "data/archive/2026-07/service-centre-monthly-volume.csv", "2026-04,191", "2026-05,90")
	sitetest.AssertFile(t, dest, "data/archive/index.html", "2026年7月", "2026年6月")
	sitetest.AssertFile(t, dest, "data/archive/2026-06/index.html", "service-centre-monthly-volume.csv")
}
