package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/internal/sitetest"
)

// statsTownWith is the statistics fixture with extra site.toml lines.
func statsTownWith(t *testing.T, toml string) string {
	t.Helper()
	a := readArchive(t, "statstown.txtar")
	const at = "site_code = \"3300000000\"\n"
	if !strings.Contains(a, at) {
		t.Fatal("statstown.txtar: site.toml has changed; update this test")
	}
	return strings.Replace(a, at, at+toml, 1)
}

// TestStatPagesNameAgenciesAndNextUpdate builds a site whose site.toml
// names the agencies of the statistics' sources and their update day.
func TestStatPagesNameAgenciesAndNextUpdate(t *testing.T) {
	dest, _ := sitetest.Build(t, statsTownWith(t, `[sources]
"data/cases" = "青溪镇综合行政执法队"
"综治中心2026年统计" = "青溪镇综治中心"
[updates]
day = 10
[updates.topics]
enforcement = 5
`))
	abs := "https://www.example.gov.cn/zfxxgk/qingxi/"
	sitetest.AssertFile(t, dest, "stats/enforcement/index.html",
		"数据来源：青溪镇综合行政执法队。", "! 数据来源：data/cases",
		"引用：青溪镇人民政府，《本年处罚决定按处罚类别》（数据来源：青溪镇综合行政执法队），"+abs+"stats/enforcement/#enforcement-by-category，数据截至2026年5月10日。",
		`每月5日前更新。下次更新：<time datetime="2026-06-05">2026年6月5日</time>。`)
	sitetest.AssertFile(t, dest, "stats/petitions/index.html", "数据来源：青溪镇综治中心。",
		`下次更新：<time datetime="2026-06-10">2026年6月10日</time>`)
	// A source site.toml does not name is the publisher's.
	sitetest.AssertFile(t, dest, "stats/service-centre/index.html", "数据来源：青溪镇人民政府。")
	sitetest.AssertFile(t, dest, "stats/index.html", `下次更新：<time datetime="2026-06-05">2026年6月5日</time>`)
	// The power list is undated: it is updated when the list changes.
	sitetest.AssertFile(t, dest, "stats/powers/index.html", "! 下次更新")
	sitetest.AssertFile(t, dest, "stats/enforcement/by-category.json", `"agencies":["青溪镇综合行政执法队"]`)
	sitetest.AssertFile(t, dest, "stats/enforcement/by-category.svg",
		`<title id="t">本年处罚决定按处罚类别</title>`, "引用：青溪镇人民政府，《本年处罚决定按处罚类别》（数据来源：青溪镇综合行政执法队），")
}

// TestStatPagesWithoutJavaScript checks what a page offers before any
// script runs: each drawn figure's static image with its size, its table in
// a closed <details>, the switch and the time range present but hidden, a
// table-only figure open (closed when longer than 12 rows), and the
// image's download and embed code.
func TestStatPagesWithoutJavaScript(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "statstown.txtar"))
	b := "/zfxxgk/qingxi/"
	sitetest.AssertFile(t, dest, "stats/service-centre/index.html",
		`<img class="chart-img" src="`+b+`stats/service-centre/monthly-volume.svg" alt="便民服务中心每月受理与办结件数（图表，数据见数据表）" width="800" height="`,
		`<div class="chart-table-panel" id="service-centre-monthly-volume-table"><details class="chart-table"><summary>数据表（16行）</summary>`,
		`role="tablist" aria-label="便民服务中心每月受理与办结件数：图表或数据表" hidden>`,
		`aria-controls="service-centre-monthly-volume-chart-panel" aria-selected="true">图表</button>`,
		`aria-controls="service-centre-monthly-volume-table" aria-selected="false" tabindex="-1">数据表</button>`,
		`<div class="chart-range" role="group" aria-label="便民服务中心每月受理与办结件数：时间范围" hidden><button type="button" data-months="12" aria-pressed="false">近12个月</button><button type="button" data-months="0" aria-pressed="true">全部</button></div>`,
		`<tr data-month="2026-04">`,
		`href="`+b+`stats/service-centre/monthly-volume.svg" download>下载图片（SVG）</a>`,
		`&lt;img src=&quot;https://www.example.gov.cn/zfxxgk/qingxi/stats/service-centre/monthly-volume.svg&quot;`,
		"! <details class=\"chart-table\" open")
	// A table without a chart has no switch: its table is the figure.
	page, err := os.ReadFile(filepath.Join(dest, "stats/service-centre/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	drawn, plain := 0, 0
	for _, sec := range sectionRe.FindAllSubmatch(page, -1) {
		id, s := string(sec[1]), string(sec[0])
		hasChart := strings.Contains(s, `data-option=`)
		switch {
		case hasChart:
			drawn++
			if !strings.Contains(s, `role="tablist"`) || !strings.Contains(s, `<details class="chart-table">`) {
				t.Errorf("%s: a chart without a switch or without its table in <details>", id)
			}
		default:
			plain++
			long := strings.Count(s, `<th scope="row">`) > 12
			if strings.Contains(s, `role="tablist"`) || strings.Contains(s, `<details class="chart-table">`) != long || !strings.Contains(s, `<table class="data">`) {
				t.Errorf("%s: a table-only figure has no switch, and its table is open unless it has more than 12 rows", id)
			}
		}
	}
	if drawn == 0 || plain == 0 {
		t.Errorf("%d drawn and %d table-only figures; want some of each", drawn, plain)
	}
	sitetest.AssertFile(t, dest, "stats/service-centre/year-to-date.csv")
	sitetest.AssertFile(t, dest, "stats/service-centre/monthly-volume.svg", "<svg ")
}
