package opendata

import (
	"fmt"
	"testing"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/site"
	"gongshi/generator/value"
)

// benchSite is a town with n published decisions whose text is about the
// length of a real export's.
func benchSite(n int) *site.Site {
	res := &disclose.Result{BuildDate: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		res.Cases = append(res.Cases, disclose.Case{
			ID: fmt.Sprintf("%016x", i), DecisionNo: fmt.Sprintf("青溪综执罚〔2026〕%d号", i), PartyName: fmt.Sprintf("青石商贸有限公司%d", i),
			PartyClass: records.PartyOrg, CreditCode: fmt.Sprintf("91350100MA%08d", i), LegalRep: "王某某",
			Violation: "擅自占用人行道堆放货物", Facts: "经查，当事人于2026年3月2日在青石路12号门前人行道上堆放货物，占用面积约6平方米，影响行人通行。",
			Basis: "《城市市容和环境卫生管理条例》第三十七条", Categories: []string{"警告", "罚款"}, Content: "警告，并处罚款人民币2000元",
			Fine: value.Money(200000 + i), DecisionDate: day.AddDate(0, 0, i%330), PublishUntil: day.AddDate(3, 0, i%330),
			Authority: "青溪镇人民政府", AuthorityCode: "11350100003000000X", PowerCode: "QX-CF-0001"})
	}
	return site.New(config.Default(), res, nil)
}

func BenchmarkBuild25k(b *testing.B) {
	s := benchSite(25_000)
	abs := func(p string) string { return "https://example.gov.cn" + p }
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range Build(s, abs) {
			if err := d.WriteFiles(func(string, []byte) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkStandard25k(b *testing.B) {
	s := benchSite(25_000)
	b.ReportAllocs()
	for b.Loop() {
		files, err := Standard(s)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			if err := f.WriteFile(func(string, []byte) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	}
}
