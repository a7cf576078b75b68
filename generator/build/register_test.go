package build_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/sitetest"
)

// TestPowerTakenBackKeepsItsPage builds the small town twice: between the
// builds the county takes back 对露天焚烧秸秆的处罚, which leaves the list
// and enters the register.
func TestPowerTakenBackKeepsItsPage(t *testing.T) {
	first := readArchive(t, "smalltown.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	if _, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(first), Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
	// Before: the item is in force, and its decision (matched by its basis:
	// the decision names no 权力编码) is listed on its own page.
	sitetest.AssertFile(t, dest, "powers/qx-cf-0002/index.html", "使用程度：<strong>很少</strong>", "处罚决定按处罚依据对应本事项",
		`href="/zfxxgk/qingxi/cases/power/qx-cf-0002/">1 件</a>对应本事项（按处罚依据 1 件）`, "赋予经济发达镇行政执法权", "! 本事项已收回")
	sitetest.AssertFile(t, dest, "cases/power/qx-cf-0002/index.html", "对露天焚烧秸秆的处罚：行政处罚决定", "青溪综执罚〔2026〕4号", "! 青溪综执罚〔2026〕3号")
	// The register alone keeps the page of an item the list never held.
	sitetest.AssertFile(t, dest, "powers/qx-cf-0009/index.html", "<strong>本事项已收回</strong>", `<time datetime="2026-02-28">2026年2月28日</time>`,
		"依据某县府发〔2026〕12号", "理由：经行权评估，三年内未行使，收回县级部门行使", "现由示例县综合行政执法局行使", "本页保留原地址", "! 办理流程")
	sitetest.AssertFile(t, dest, "powers/changes/index.html", "新增 1 项、收回 1 项", "某县府发〔2024〕30号", `href="/zfxxgk/qingxi/powers/qx-cf-0009/"`)

	second := strings.Replace(first, "QX-CF-0002,对露天焚烧秸秆的处罚,,行政处罚,上级下放,示例镇人民政府,示例镇综合行政执法办公室,《大气污染防治法》第一百一十九条,,,镇（乡、街道）,生态环境,0000-0000000,\n", "", 1)
	second = strings.Replace(second, "QX-CF-0002,对露天焚烧秸秆的处罚,新增,", "QX-CF-0002,对露天焚烧秸秆的处罚,收回,2026-06-15,某县府发〔2026〕20号,调整镇级执法事项,示例县生态环境分局\nQX-CF-0002,对露天焚烧秸秆的处罚,新增,", 1)
	if second == first {
		t.Fatal("the fixture changed: the item to take back is not in it")
	}
	sum, err := build.Build(ctx, build.Options{SourceFS: sitetest.Source(second), Dest: dest, Now: sitetest.Date.AddDate(0, 1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if w := sum.Update.Withdrawn; len(w) != 1 || w[0].Dataset != "powers" || w[0].ID != "qx-cf-0002" {
		t.Errorf("withdrawn: %+v, want the power taken back", w)
	}
	// Its URL still answers, with the notice and its history.
	sitetest.AssertFile(t, dest, "powers/qx-cf-0002/index.html", "<strong>本事项已收回</strong>", "2026年6月15日", "依据某县府发〔2026〕20号",
		"现由示例县生态环境分局行使", "<h2 id=\"history\">调整记录</h2>", "某县府发〔2024〕30号", "! 使用程度")
	sitetest.AssertFile(t, dest, "changes/2026-07-01/index.html", "权力事项调整记录：收回：对露天焚烧秸秆的处罚", "<h2>收回或取消的权力事项（1）</h2>", "! <h2>撤回",
		`<a href="/zfxxgk/qingxi/powers/qx-cf-0002/">权力清单：对露天焚烧秸秆的处罚</a>`)
	sitetest.AssertFile(t, dest, "powers/changes/index.html", "新增 1 项、收回 2 项", "某县府发〔2026〕20号")
	sitetest.AssertFile(t, dest, "data/power-changes.csv", "QX-CF-0002,对露天焚烧秸秆的处罚,,收回,2026-06-15,某县府发〔2026〕20号")
}

func TestPowerReviewTable(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	src := strings.Replace(readArchive(t, "smalltown.txtar"), "site_code = \"3300000000\"\n", "site_code = \"3300000000\"\n[review]\nwindow_months = 24\nmost = 3\nmore = 2\n", 1)
	if _, err := build.Build(context.Background(), build.Options{SourceFS: sitetest.Source(src), Dest: dest, Now: sitetest.Date}); err != nil {
		t.Fatal(err)
	}
	sitetest.AssertFile(t, dest, "powers/review/index.html", "近2年（2024年5月21日至2026年5月20日）", "很少 1 项、未行使 2 项",
		"使用3次及以上为“最多”，2次为“较多”，1次为“很少”", `href="/zfxxgk/qingxi/stats/powers/usage/review.csv"`)
	sitetest.AssertFile(t, dest, "stats/powers/usage/review.csv", "事项,事项编码,事项类型,权力来源,使用程度,匹配方式,状态,合计,行政处罚,行政许可",
		"对露天焚烧秸秆的处罚,QX-CF-0002,行政处罚,上级下放,很少,处罚依据,在用,1,1,0")
	sitetest.AssertFile(t, dest, "powers/index.html", `href="/zfxxgk/qingxi/powers/changes/"`, `href="/zfxxgk/qingxi/powers/review/"`)
}
