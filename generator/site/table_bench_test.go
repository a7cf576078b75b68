package site_test

import (
	"fmt"
	"gongshi/generator/internal/sitecheck"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/site"
	"gongshi/generator/value"
)

// syntheticCases makes n decisions over five years, newest first: 190
// violation types and party names drawn unevenly, six categories, three
// authorities, fines from 100 yuan to 300,000 yuan.
func syntheticCases(n int) []disclose.Case {
	r := rand.New(rand.NewPCG(7, 11))
	loc := time.FixedZone("CST", 8*3600)
	end := time.Date(2026, 11, 30, 0, 0, 0, 0, loc)
	cats := []string{"罚款", "警告", "没收违法所得", "没收非法财物", "暂扣许可证件", "责令停产停业"}
	auths := []string{"青溪镇人民政府", "青溪镇综合行政执法队", "示例县市场监督管理局"}
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 5)), 1.2, 1, 189)
	words := []string{"永盛", "景程", "富华", "青石", "东方", "新城", "兴旺", "安康", "宏达", "金源", "华美", "顺发"}
	trades := []string{"商贸有限公司", "餐饮店", "建材经营部", "农业开发有限公司", "生态养殖场", "便利店", "运输有限公司"}
	out := make([]disclose.Case, n)
	for i := range out {
		d := end.AddDate(0, 0, -i*5*365/n)
		c := &out[i]
		c.ID = fmt.Sprintf("%016x", r.Uint64())
		c.DecisionNo = fmt.Sprintf("青溪综执罚〔%d〕%d号", d.Year(), n-i)
		if r.IntN(5) == 0 {
			c.PartyName = string([]rune("王李张刘陈杨黄赵")[r.IntN(8)]) + "某某"
		} else {
			c.PartyName = "青溪镇" + words[r.IntN(len(words))] + words[r.IntN(len(words))] + trades[r.IntN(len(trades))]
		}
		c.Violation = fmt.Sprintf("违法行为类型%03d", zipf.Uint64())
		c.Categories = []string{cats[min(r.IntN(8), 5)]}
		if r.IntN(4) == 0 {
			c.Categories = append(c.Categories, "罚款")
		}
		c.Fine = value.Money((r.IntN(3000) + 1) * 100 * 100)
		c.Authority = auths[min(r.IntN(6), 2)]
		c.DecisionDate = d
	}
	return out
}

// BenchmarkTable100k builds the decisions table of 100,000 decisions and
// reports the bytes of its meta file and of its newest month file, raw and
// gzip-compressed (best compression): what the page's default view
// fetches besides the page and its assets.
func BenchmarkTable100k(b *testing.B) {
	cases := syntheticCases(100_000)
	var tab *site.CaseTable
	var files map[string][]byte
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if tab, files, err = site.BuildTable(cases); err != nil {
			b.Fatal(err)
		}
	}
	newest := ""
	for name := range files {
		if !strings.Contains(name, "/meta.") && name > newest {
			newest = name
		}
	}
	b.ReportMetric(float64(len(files)-1), "months")
	b.ReportMetric(float64(len(files[tab.Meta])), "meta-B")
	b.ReportMetric(float64(sitecheck.Gzipped(files[tab.Meta])), "meta-gzB")
	b.ReportMetric(float64(len(files[newest])), "month-B")
	b.ReportMetric(float64(sitecheck.Gzipped(files[newest])), "month-gzB")
}
