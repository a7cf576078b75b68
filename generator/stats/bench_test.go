package stats

import (
	"fmt"
	"testing"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// benchResult is the statistics fixture with n decisions spread over the
// three years before its build date.
func benchResult(n int) *disclose.Result {
	res := fixture()
	res.Activity = nil
	start := res.BuildDate.AddDate(-3, 0, 0)
	for i := range n {
		res.Activity = append(res.Activity, disclose.Activity{Date: start.Add(time.Duration(i%1095) * 24 * time.Hour), Fine: value.Money(i % 500000),
			PartyClass: records.PartyClass(i % 3), Categories: []string{"罚款"}, Violation: fmt.Sprintf("违法行为%d", i%40),
			PowerCode: fmt.Sprintf("P%03d", i%6), Published: i%4 != 0, Withdrawn: i%97 == 0})
	}
	return res
}

func BenchmarkNew100k(b *testing.B) {
	res := benchResult(100_000)
	b.ReportAllocs()
	for b.Loop() {
		New(res)
	}
}

// BenchmarkEnforcement100k computes the tables that select decisions by
// date.
func BenchmarkEnforcement100k(b *testing.B) {
	d := New(benchResult(100_000))
	y := d.Year()
	b.ReportAllocs()
	for b.Loop() {
		d.EnforcementYTD()
		d.ByCategory(TopicEnforcement, y)
		d.ByViolation(TopicEnforcement, y)
		d.ByDomain(TopicEnforcement, y)
		d.ByParty(TopicEnforcement, y)
		d.Usage()
	}
}

// BenchmarkNewStats50k indexes 50,000 statistics rows: a town's monthly
// tables over years, with indicators named as exports name them.
func BenchmarkNewStats50k(b *testing.B) {
	res := fixture()
	res.Stats = nil
	inds := []string{"受理数", "办结数", "按期办结数", "即办件数", "满意", "不满意", "刑事案件数(件)", "罚款收缴金额（万元）"}
	for i := range 50_000 {
		res.Stats = append(res.Stats, records.StatRow{Dataset: fmt.Sprintf("表%d", i%3), Month: fmt.Sprintf("%d-%02d", 2020+i/12%6, 1+i%12),
			Category: fmt.Sprintf("类别%d", i%7), Window: fmt.Sprintf("%d号窗口", i%5), Indicator: inds[i%len(inds)], Value: float64(i % 300)})
	}
	b.ReportAllocs()
	for b.Loop() {
		New(res)
	}
}
