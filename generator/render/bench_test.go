package render_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/render"
	"gongshi/generator/site"
	"gongshi/generator/value"
	"gongshi/themes"
)

// BenchmarkRenderPages renders the decision pages and their listings of a
// town of 2,000 published decisions with the default theme, as the build
// does: one buffer, reused. Reported: pages rendered per second.
func BenchmarkRenderPages(b *testing.B) {
	res := &disclose.Result{BuildDate: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 2000 {
		res.Cases = append(res.Cases, disclose.Case{
			ID: fmt.Sprintf("%016x", i), DecisionNo: fmt.Sprintf("青溪综执罚〔2026〕%d号", i), PartyName: fmt.Sprintf("青石商贸有限公司%d", i),
			PartyClass: records.PartyOrg, CreditCode: fmt.Sprintf("91350100MA%08d", i), LegalRep: "王某某",
			Violation: "擅自占用人行道堆放货物", Facts: "经查，当事人于2026年3月2日在青石路12号门前人行道上堆放货物，占用面积约6平方米，影响行人通行。",
			Basis: "《城市市容和环境卫生管理条例》第三十七条", Categories: []string{"警告", "罚款"}, Content: "警告，并处罚款人民币2000元",
			Fine: value.Money(200000 + i), DecisionDate: day.AddDate(0, 0, i%330), PublishUntil: day.AddDate(3, 0, i%330),
			Authority: "青溪镇人民政府", AuthorityCode: "11350100003000000X", PowerCode: "QX-CF-0001"})
	}
	cfg := config.Default()
	s := site.New(cfg, res, nil)
	s.BuildPages()
	r, err := render.New(themes.Default(), &s.Config)
	if err != nil {
		b.Fatal(err)
	}
	r.Use(s)
	r.Assets = map[string]string{}
	var pages []*site.Page
	for _, p := range s.HTML {
		if p.Layout == "case" || p.Layout == "cases" {
			pages = append(pages, p)
		}
	}
	var buf bytes.Buffer
	start := time.Now()
	n := 0
	for b.Loop() {
		for _, p := range pages {
			buf.Reset()
			if err := r.Page(&buf, s, p); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "pages/s")
}
