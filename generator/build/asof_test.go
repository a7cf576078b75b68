package build_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/diag"
	"gongshi/generator/internal/sitetest"
)

// TestFiguresRunToTheirData builds a town whose exports end two months
// before the build date (2026-06-01): the decisions on 30 March 2026, the
// collected fines in February, the other tables in March. Every period
// and every comparison is worked out by hand below.
func TestFiguresRunToTheirData(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "asoftown.txtar"))

	// Decisions 1 January to 30 March 2026: 2026〔1〕 2,000, 〔2〕 a warning,
	// 〔3〕 1,500 = 3 decisions, 3,500 yuan. The same days of 2025:
	// 2025〔1〕 1,000 and 〔2〕 2,000 = 2 decisions, 3,000 yuan; 2025〔3〕
	// (31 March) and 〔4〕 (20 May) are outside. (3−2)/2 = +50%;
	// (3,500−3,000)/3,000 = +16.67%. Counted to the build date instead,
	// 2025 would have 4 decisions and 6,500 yuan: −25% and −46.15%.
	// Collected fines run to February only: 2026 1—2月 1,000+1,500 = 2,500
	// against 2025 1—2月 800+1,200 = 2,000, +25%.
	sitetest.AssertFile(t, dest, "stats/enforcement/year-to-date.csv",
		"行政处罚决定（起）,3,2,50,,2026-03-30\r\n",
		"罚款金额（元）,3500,3000,16.67,,2026-03-30\r\n",
		"罚款收缴金额（元）,2500,2000,25,来自统计表，按月统计：2026年1—2月与2025年1—2月比较,2026-03-30\r\n",
		"! -25", "! -46.15")
	sitetest.AssertFile(t, dest, "stats/enforcement/index.html",
		"2026年1月1日至3月30日共办理各类案件3起，罚款3,500元",
		"统计期间：2026年1月1日至3月30日（数据截至2026年3月30日）；上年同期：2025年1月1日至3月30日",
		"数据截至2026年3月30日，此后未更新（本页生成于2026年6月1日）",
		"，数据截至2026年3月30日。最后更新",
		"! 数据截至2026年6月1日", "! 2026年1月1日至2026年6月1日")
	// The monthly charts end in March 2026, which is counted to the 30th;
	// April and May 2026 are not shown as months without decisions.
	sitetest.AssertFile(t, dest, "stats/enforcement/monthly-decisions.csv",
		"2025-01,1,,2026-03-30\r\n", "2026-02,1,,2026-03-30\r\n", "2026-03,2,数据截至3月30日,2026-03-30\r\n", "! 2026-04", "! 2026-05")
	sitetest.AssertFile(t, dest, "stats/index.html", "数据截至2026年3月30日。<strong>此后未更新。</strong>", "（数据截至2026年3月30日，此后未更新）")
	sitetest.AssertFile(t, dest, "stats/enforcement/monthly-fines.csv", "2026-03,1500,,数据截至3月30日,2026-03-30\r\n", "! 2026-04")

	// Service centre, 2026 1—3月 against 2025 1—3月: received
	// 140+20+150+160 = 470 against 100+110+120 = 330, +42.42%; completed
	// 440 against 300, +46.67%; on time 435 against 295, +47.46%; on-time
	// rate 435/440 = 98.86% against 295/300 = 98.33%, +0.53 points.
	sitetest.AssertFile(t, dest, "stats/service-centre/year-to-date.csv",
		"受理数,470,330,42.42,2026-03\r\n", "办结数,440,300,46.67,2026-03\r\n",
		"按期办结数,435,295,47.46,2026-03\r\n", "按期办结率（%）,98.86,98.33,0.53,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/service-centre/index.html",
		"2026年1—3月累计与上年同期比较", "本年累计为2026年1—3月，上年同期为2025年1—3月",
		"数据截至2026年3月，此后未更新（本页生成于2026年6月1日）")
	// 即办件数 has no built-in chart: a table of its own, per month and
	// per year (2025: 40+50+60+70 = 220 in 1—4月; 2026: 80+10+90+100 = 280).
	sitetest.AssertFile(t, dest, "stats/service-centre/other-indicators-years.csv",
		"指标,2025年1—4月,2026年1—3月,数据截至\r\n", "即办件数,220,280,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/service-centre/other-indicators.csv", "2026-01,90,,2026-03\r\n")

	// Petitions 2026 1—3月 against 2025: received 29 against 31 (−6.45%),
	// closed 27 against 29 (−6.9%), on time 26 against 26 (0); closing rate
	// 27/29 = 93.1% against 29/31 = 93.55% (−0.45 points), on-time rate
	// 26/27 = 96.3% against 26/29 = 89.66% (+6.64 points).
	sitetest.AssertFile(t, dest, "stats/petitions/year-to-date.csv",
		"信访受理,29,31,-6.45,2026-03\r\n", "信访办结,27,29,-6.9,2026-03\r\n",
		"信访办结率（%）,93.1,93.55,-0.45,2026-03\r\n",
		"信访按期办结,26,26,0,2026-03\r\n", "信访按期办结率（%）,96.3,89.66,6.64,2026-03\r\n")

	// The year review: 2026 to 30 March; 2025 whole.
	sitetest.AssertFile(t, dest, "stats/year/2026/by-procedure.csv",
		"简易程序,1,0,2026-03-30\r\n", "普通程序,2,3500,2026-03-30\r\n", "合计,3,3500,2026-03-30\r\n")
	sitetest.AssertFile(t, dest, "stats/year/2026/fines.csv",
		"罚款金额（2026年1月1日至3月30日）,3500,2026-03-30\r\n", "罚款收缴金额（2026年1—2月）,2500,2026-03-30\r\n")
	// 2025: 1,000+2,000+500+3,000+4,000 = 10,500 imposed; 800+1,200+900+
	// 700+600 = 4,200 collected.
	sitetest.AssertFile(t, dest, "stats/year/2025/fines.csv",
		"罚款金额（2025年1月1日至12月31日）,10500,", "罚款收缴金额（2025年1—5月）,4200,")
	sitetest.AssertFile(t, dest, "stats/year/2025/by-procedure.csv", "普通程序,5,10500,")
	sitetest.AssertFile(t, dest, "stats/year/2026/service-by-category.csv", "社会保障,450,420,2026-03\r\n", "民政事务,20,20,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/year/2026/service-by-window.csv", "1号窗口,450,420,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/year/2026/service-centre.csv", "指标,2026年1—3月累计,数据截至\r\n", "受理数,470,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/year/2025/petitions.csv", "信访受理,31,", "信访办结,29,", "信访按期办结,26,")
	sitetest.AssertFile(t, dest, "stats/year/2026/index.html", "2026年作出行政处罚决定3起，其中简易程序1起、普通程序2起")

	// The home page: each figure says what it counts and equals the page
	// it links to. Of 2026's decisions, 〔1〕 and 〔3〕 are published; the
	// warning (简易程序) is not.
	sitetest.AssertFile(t, dest, "index.html",
		`<a href="/stats/enforcement/#enforcement-year-to-date"><span class="n">3</span><span class="l">2026年1月1日至3月30日作出的行政处罚决定（起，含不予公示的）</span>`,
		`<span class="n">3,500元</span><span class="l">同期罚款金额</span>`,
		`<a href="/cases/2026/"><span class="n">2</span><span class="l">2026年作出、现在公示的处罚决定（件）</span>`,
		`<a href="/stats/service-centre/#service-centre-monthly-volume"><span class="n">160</span><span class="l">2026年3月便民服务中心受理（件）</span>`,
		"数据截至2026年3月30日（此后未更新）")
	sitetest.AssertFile(t, dest, "stats/service-centre/monthly-volume.csv", "2026-03,160,150,150,,2026-03\r\n")
	sitetest.AssertFile(t, dest, "cases/2026/index.html", `<a href="/cases/2026/03/">3月 <span>1</span></a>`, `<a href="/cases/2026/02/">2月 <span>1</span></a>`)
	sitetest.AssertFile(t, dest, "cases/2026/02/index.html", "青溪综执罚〔2026〕1号", "! 青溪综执罚〔2026〕2号")
	sitetest.AssertFile(t, dest, "cases/2026/03/index.html", "青溪综执罚〔2026〕3号", "! 青溪综执罚〔2026〕2号")

	// More captions, and none anywhere runs past the data: no statistics
	// page or download names April to June 2026 as a period, and the
	// build date appears only as the date the page was made.
	sitetest.AssertFile(t, dest, "stats/enforcement/index.html", "单位：起；按决定日期逐月统计，2025年1月—2026年3月", "单位：起；2026年1月1日至3月30日")
	sitetest.AssertFile(t, dest, "stats/petitions/index.html", "2026年1—3月累计与上年同期比较", "2026年3月与上月、上年同月比较")
	sitetest.AssertFile(t, dest, "stats/public-security/index.html", "本年累计为2026年1—3月，上年同期为2025年1—3月")
	sitetest.AssertFile(t, dest, "stats/year/2026/index.html", "单位：起、元；2026年1月1日至3月30日", "罚款金额（2026年1月1日至3月30日）")
	for _, f := range sitetest.Files(t, dest) {
		if !strings.HasPrefix(f, "stats/") || strings.HasSuffix(f, ".option.json") {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dest, f))
		page := strings.ReplaceAll(string(b), "本页生成于2026年6月1日", "")
		page = regexp.MustCompile(`本站更新于\s*<time[^>]*>2026年6月1日`).ReplaceAllString(page, "")
		for _, bad := range []string{"2026年6月1日", "至6月1日", "2026年1—4月", "2026年1—5月", "2026年1—6月", "2026年4月", "2026年5月", "2026-04", "2026-05"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: %q is past the data", f, bad)
			}
		}
	}
}

// TestOwnStatsTopic: a table named in site.toml gets a topic page like the
// built-in ones, with the unit it gives.
func TestOwnStatsTopic(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "asoftown.txtar"))
	// 刑事案件数 2026 1—3月 2+4+3 = 9 against 5+3+4 = 12 (−25%); 12345工单数
	// 290 against 330 (−12.12%). March against February and March 2025:
	// 3 / 4 (−25%) / 4 (−25%); 105 / 95 (+10.53%) / 110 (−4.55%).
	sitetest.AssertFile(t, dest, "stats/public-security/year-to-date.csv",
		"刑事案件数,9,12,-25,2026-03\r\n", "12345工单数,290,330,-12.12,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/public-security/latest-month.csv",
		"刑事案件数,3,4,-25,4,-25,2026-03\r\n", "12345工单数,105,95,10.53,110,-4.55,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/public-security/year-totals.csv",
		"指标,2025年1—4月,2026年1—3月,数据截至\r\n", "刑事案件数,18,9,2026-03\r\n", "12345工单数,460,290,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/public-security/monthly.csv", "月份,刑事案件数,12345工单数,", "2025-05,,,本月无数据,2026-03\r\n")
	sitetest.AssertFile(t, dest, "stats/public-security/index.html",
		"<h1>社会治安统计</h1>", `id="public-security-monthly"`, `data-option="/stats/public-security/monthly.option.json"`,
		"《社会治安每月数据》", "/stats/public-security/#public-security-year-to-date", "单位：件；",
		"数据截至2026年3月，此后未更新")
	sitetest.AssertFile(t, dest, "stats/index.html", `href="/stats/public-security/"`, "社会治安")
	// 社会治安's figures stay on its page; 网格事件 is named nowhere.
	sitetest.AssertFile(t, dest, "stats/service-centre/index.html", "! 刑事案件数")
	sitetest.AssertFile(t, dest, "data/stats.csv", "网格事件数")
	for _, f := range sitetest.Files(t, dest) {
		if strings.HasPrefix(f, "stats/") && strings.HasSuffix(f, ".html") {
			sitetest.AssertFile(t, dest, f, "! 网格事件数")
		}
	}

	sum, err := build.Check(context.Background(), build.Options{SourceFS: sitetest.Source(readArchive(t, "asoftown.txtar")), Now: sitetest.Date})
	if err != nil {
		t.Fatal(err)
	}
	var unshown []string
	for _, d := range sum.Diags {
		if d.Code == "stats-unshown" {
			unshown = append(unshown, d.String())
		}
	}
	want := `data/stats/网格事件.csv:2:2: warning: 指标 "网格事件数" of table 网格事件 reaches no statistics page`
	if len(unshown) != 1 || !strings.HasPrefix(unshown[0], want) {
		t.Errorf("check lists %q, want one line starting %q", unshown, want)
	}
	for _, d := range sum.Diags {
		if d.Severity == diag.Warning && strings.Contains(d.Msg, "刑事案件数") {
			t.Errorf("a configured table's indicator is reported as unshown: %s", d)
		}
	}
}

// TestDataCatalogJSONLD reads the schema.org Dataset metadata of /data/:
// one Dataset per catalogue entry, with every property search engines
// need, and a distribution per download that exists.
func TestDataCatalogJSONLD(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "statstown.txtar"))
	page, err := os.ReadFile(filepath.Join(dest, "data", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindAllSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("%d JSON-LD blocks, want 1", len(m))
	}
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(m[0][1], &doc); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, m[0][1])
	}
	if doc.Context != "https://schema.org" {
		t.Errorf("@context %q", doc.Context)
	}
	base := "https://www.example.gov.cn/zfxxgk/qingxi/"
	names := map[string]bool{}
	for _, ds := range doc.Graph {
		name, _ := ds["name"].(string)
		names[name] = true
		if ds["@type"] != "Dataset" {
			t.Errorf("%s: @type %v", name, ds["@type"])
		}
		for _, k := range []string{"name", "description", "dateModified", "temporalCoverage"} {
			if s, _ := ds[k].(string); s == "" {
				t.Errorf("%s: no %s", name, k)
			}
		}
		if !regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?(/\d{4}-\d{2}(-\d{2})?)?$`).MatchString(ds["temporalCoverage"].(string)) {
			t.Errorf("%s: temporalCoverage %q is not an ISO 8601 date or interval", name, ds["temporalCoverage"])
		}
		if ds["dateModified"] != "2026-06-01" {
			t.Errorf("%s: dateModified %v", name, ds["dateModified"])
		}
		if l, _ := ds["license"].(map[string]any); l == nil || l["name"] == "" {
			t.Errorf("%s: license %v", name, ds["license"])
		}
		if p, _ := ds["spatialCoverage"].(map[string]any); p == nil || p["@type"] != "Place" || p["name"] != "青溪镇" {
			t.Errorf("%s: spatialCoverage %v", name, ds["spatialCoverage"])
		}
		formats := map[string]bool{}
		dist, _ := ds["distribution"].([]any)
		for _, d := range dist {
			dd, _ := d.(map[string]any)
			u, _ := dd["contentUrl"].(string)
			formats[dd["encodingFormat"].(string)] = true
			if dd["@type"] != "DataDownload" || !strings.HasPrefix(u, base) {
				t.Errorf("%s: distribution %v", name, dd)
				continue
			}
			if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(u, base)))); err != nil {
				t.Errorf("%s: %s is not in the output", name, u)
			}
		}
		if !formats["text/csv"] || !formats["application/json"] {
			t.Errorf("%s: distributions %v, want CSV and JSON", name, formats)
		}
	}
	for _, want := range []string{"行政处罚决定", "权力清单", "政务服务事项", "统计数据"} {
		if !names[want] {
			t.Errorf("no Dataset named %s", want)
		}
	}
	// The statistics cover the months of their rows.
	sitetest.AssertFile(t, dest, "data/index.html", `"temporalCoverage":"2025-01/2026-04"`, "数据范围 2025-01 至 2026-04")
}
