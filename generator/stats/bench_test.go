package stats

import (
	"fmt"
	"testing"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/ingest"
	"gongshi/generator/records"
)

// benchResult is the statistics fixture with n decisions spread over the
// three years before its build date.
func benchResult(n int) *disclose.Result {
	res := fixture()
	res.Activity = nil
	start := res.BuildDate.AddDate(-3, 0, 0)
	for i := range n {
		res.Activity = append(res.Activity, disclose.Activity{Date: start.Add(time.Duration(i%1095) * 24 * time.Hour), Fine: ingest.Money(i % 500000),
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
