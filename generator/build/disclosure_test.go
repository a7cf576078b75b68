package build_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

// TestWithheldDecisionsLeaveEveryOutput builds a town where one decision is
// published and the others are expired, withdrawn (by status and by file),
// about a minor, or decided by the simple procedure: none of the latter may
// appear in any file but the withdrawal list, and the staff view names them.
func TestWithheldDecisionsLeaveEveryOutput(t *testing.T) {
	archive := readArchive(t, "disclosure.txtar")
	dest, sum := sitetest.Build(t, archive)
	if len(sum.Result.Cases) != 1 || sum.Result.Cases[0].DecisionNo != "青溪综执罚〔2026〕101号" {
		t.Fatalf("published: %+v", sum.Result.Cases)
	}
	never := []string{"青溪综执罚〔2024〕102号", "青溪镇期满建材有限公司", "青溪综执罚〔2026〕105号", "欧阳少年", "350100201001010013",
		"青溪综执罚〔2026〕106号", "王简易", "11010519491231002X", "青溪镇撤销餐饮有限公司", "青溪镇复议运输有限公司"}
	withdrawn := []string{"青溪综执罚〔2026〕103号", "青溪综执罚〔2026〕104号"}
	for _, f := range sitetest.Files(t, dest) {
		data, err := os.ReadFile(filepath.Join(dest, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range never {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s contains %s", f, s)
			}
		}
		if f == "cases/withdrawn/index.html" {
			continue
		}
		for _, s := range withdrawn {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s contains the withdrawn %s", f, s)
			}
		}
	}
	sitetest.AssertFile(t, dest, "cases/withdrawn/index.html", withdrawn[0], withdrawn[1], "行政复议撤销")

	// The staff view names every withheld decision and why, with no
	// personal data.
	check, err := build.Check(context.Background(), build.Options{SourceFS: sitetest.Source(archive), Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	build.WriteCheckText(&out, check, 0)
	text := out.String()
	for _, want := range []string{"青溪综执罚〔2024〕102号", "公示期满", "青溪综执罚〔2026〕105号", "未成年人", "青溪综执罚〔2026〕106号", "简易程序", withdrawn[0], withdrawn[1], "已撤回"} {
		if !strings.Contains(text, want) {
			t.Errorf("check output lacks %q", want)
		}
	}
	for _, secret := range []string{"欧阳少年", "350100201001010013", "王简易", "11010519491231002X"} {
		if strings.Contains(text, secret) {
			t.Errorf("check output prints %s", secret)
		}
	}
}
