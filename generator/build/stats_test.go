package build_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/internal/sitetest"
	"gongshi/generator/output"
)

func TestStatsPagesAndURLs(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "statstown.txtar"))
	b := "/zfxxgk/qingxi/"
	sitetest.AssertFile(t, dest, "stats/index.html",
		`<a href="`+b+`stats/enforcement/#enforcement-year-to-date">2026年1月1日至5月10日共办理各类案件4起，罚款7,500元</a>`,
		`href="`+b+`stats/powers/usage/"`, `href="`+b+`stats/year/2026/"`, `href="`+b+`stats/year/2025/"`)
	sitetest.AssertFile(t, dest, "stats/enforcement/index.html",
		`id="enforcement-year-to-date"`, "2026年1月1日至5月10日共办理各类案件4起，罚款7,500元",
		"不包括因撤销、变更或被确认违法、无效而撤回的决定",
		`https://www.example.gov.cn/zfxxgk/qingxi/stats/enforcement/#enforcement-by-domain`, "数据截至2026年5月10日", "! 数据截至2026年6月1日")
	// The wide sheet's 合计 says 999 visits; the rows say 95.
	sitetest.AssertFile(t, dest, "stats/petitions/year-to-date.csv", "来访人次,95,,,2026-04\r\n", "! 999")
	sitetest.AssertFile(t, dest, "stats/service-centre/monthly-volume.csv", "2026-02,,,,本月无数据,2026-04\r\n")
	sitetest.AssertFile(t, dest, "stats/service-centre/by-category.csv", "不动产登记,40,30,2026年4月起有数据,2026-04\r\n")
	sitetest.AssertFile(t, dest, "stats/powers/usage/index.html", `href="`+b+`powers/p004/"`, "2项处罚类权力事项近12个月从未使用", "匹配方式")
	sitetest.AssertFile(t, dest, "stats/year/2026/annual-report.csv", "行政许可,20,2026-05-10\r\n行政处罚,4,2026-05-10\r\n")
	sitetest.AssertFile(t, dest, "sitemap.xml", "stats/year/2026/", "stats/powers/usage/")
	broken, err := output.CheckLinks(os.DirFS(dest), b)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range broken {
		if strings.HasPrefix(l.File, "stats/") {
			t.Errorf("broken link: %s", l)
		}
	}
}

var (
	sectionRe = regexp.MustCompile(`(?s)<section class="chart-block" id="([^"]+)".*?</section>`)
	rowRe     = regexp.MustCompile(`(?s)<tr[^>]*><th scope="row">.*?</tr>`)
	numRe     = regexp.MustCompile(`<td class="num">([^<]*)</td>`)
)

// TestPageTablesMatchDownloads reads every number of every table on every
// statistics page and compares it with the chart's CSV download.
func TestPageTablesMatchDownloads(t *testing.T) {
	dest, _ := sitetest.Build(t, readArchive(t, "statstown.txtar"))
	n := 0
	for _, f := range sitetest.Files(t, dest) {
		if !strings.HasPrefix(f, "stats/") || !strings.HasSuffix(f, "index.html") || f == "stats/index.html" {
			continue
		}
		page, _ := os.ReadFile(filepath.Join(dest, f))
		for _, sec := range sectionRe.FindAllSubmatch(page, -1) {
			id := string(sec[1])
			slug := strings.TrimPrefix(id, strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(f, "stats/"), "/index.html"), "/", "-")+"-")
			data, err := os.ReadFile(filepath.Join(dest, filepath.Dir(f), slug+".csv"))
			if err != nil {
				t.Errorf("%s: %v", id, err)
				continue
			}
			recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			rows := rowRe.FindAll(sec[0], -1)
			if len(rows) != len(recs)-1 {
				t.Errorf("%s: %d table rows, %d CSV rows", id, len(rows), len(recs)-1)
				continue
			}
			for i, row := range rows {
				cells := numRe.FindAllSubmatch(row, -1)
				rec := recs[i+1]
				for j, c := range cells {
					got := strings.ReplaceAll(string(c[1]), ",", "")
					if got == "—" {
						got = ""
					}
					// Figures are the last columns before an optional 备注
					// and an optional 数据截至.
					k := len(rec) - len(cells) + j
					for _, h := range recs[0][len(recs[0])-2:] {
						if h == "备注" || h == "数据截至" {
							k--
						}
					}
					if got != rec[k] {
						t.Errorf("%s row %d: page shows %q, CSV holds %q", id, i+1, c[1], rec[k])
					}
					n++
				}
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d numbers compared", n)
	}
}
