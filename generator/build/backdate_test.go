package build_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/diag"
	"gongshi/generator/internal/sitetest"
)

func TestBuildDatedBeforePreviousBuild(t *testing.T) {
	first := readArchive(t, "smalltown.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	build1 := func(src string, month int) *build.Summary {
		t.Helper()
		sum, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(src), Dest: dest, Now: sitetest.Date.AddDate(0, month, 0)})
		if err != nil {
			t.Fatalf("build dated %s: %v", sitetest.Date.AddDate(0, month, 0).Format("2006-01-02"), err)
		}
		return sum
	}
	// June, then August, then a build dated July (a clock set back, or
	// SOURCE_DATE_EPOCH from an older commit) that changes a fine, then
	// one dated June again.
	build1(first, 0)
	june, err := os.ReadFile(filepath.Join(dest, "data/archive/2026-06/service-centre-monthly-volume.csv"))
	if err != nil {
		t.Fatal(err)
	}
	build1(strings.Replace(first, "罚款500元,0.05", "罚款600元,0.06", 1), 2)
	sum := build1(strings.Replace(first, "罚款2000元,0.2", "罚款3000元,0.3", 1), 1)
	want := "site.toml: warning: the build date 2026-07-01 is before the previous build's 2026-08-01: this update is recorded under 2026-08-01"
	var diags strings.Builder
	sum.Diags.Print(&diags, 0, diag.Info)
	if !strings.Contains(diags.String(), want) {
		t.Errorf("diagnostics %v\nwant %s", sum.Diags, want)
	}
	if sum.Update.Date != "2026-08-01" || len(sum.Update.Changed) != 2 {
		t.Errorf("update %+v, want the fines of 3号 and 4号 changed, recorded on 2026-08-01", sum.Update)
	}
	build1(first, 0)
	// Each date once, newest first; the newest entry holds every change
	// since June, and June's archive is as June's build left it.
	sitetest.AssertFile(t, dest, "changes/index.html", "2026-08-01", "2026-06-01", "! 2026-07-01")
	sitetest.AssertFile(t, dest, "changes/2026-08-01/index.html", "青溪综执罚〔2026〕3号", "青溪综执罚〔2026〕4号")
	sitetest.AssertFile(t, dest, "data/archive/index.html", "2026年8月", "2026年6月", "! 2026年7月")
	if _, err := os.Stat(filepath.Join(dest, "changes/2026-07-01")); !os.IsNotExist(err) {
		t.Errorf("a page for 2026-07-01: %v", err)
	}
	if still, err := os.ReadFile(filepath.Join(dest, "data/archive/2026-06/service-centre-monthly-volume.csv")); err != nil || string(still) != string(june) {
		t.Errorf("June's archive changed or vanished: %v", err)
	}
}
