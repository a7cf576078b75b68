package statsfixture

import (
	"slices"
	"strings"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
)

// addRecords adds 行政检查 and 行政强制 records. Inspections: 2025 has 3
// (2 双随机), from 15 March; 2026 has 4 (2 双随机) to 20 May. Coercive
// measures: 2 a year, one released and one not in each; the last decided
// on 25 May 2026.
func addRecords(res *disclose.Result) {
	ins, co := records.InspectionKind, records.CoercionKind
	res.Kinds = append(res.Kinds, ins, co)
	res.Items = map[string][]disclose.Item{}
	res.Decided = map[string]map[int]int{}
	add := func(k *records.Kind, date string, kv ...string) {
		it := disclose.Item{Kind: k, ID: records.HashID(k.Name, date, strings.Join(kv, "|")), Date: Day(date), Values: make([]string, len(k.Fields))}
		for i := 0; i+1 < len(kv); i += 2 {
			it.Values[slices.IndexFunc(k.Fields, func(f records.Field) bool { return f.Key == kv[i] })] = kv[i+1]
		}
		it.Values[k.FieldOf(records.RoleDate)] = date
		res.Items[k.Name] = append(res.Items[k.Name], it)
		if res.Decided[k.Name] == nil {
			res.Decided[k.Name] = map[int]int{}
		}
		res.Decided[k.Name][it.Date.Year()]++
	}
	add(ins, "2025-03-15", "method", "双随机", "result", "未发现问题")
	add(ins, "2025-07-01", "method", "日常检查", "result", "责令限期整改")
	add(ins, "2025-11-20", "method", "双随机", "result", "未发现问题")
	add(ins, "2026-01-12", "method", "双随机", "result", "未发现问题")
	add(ins, "2026-02-03", "method", "专项检查", "result", "立案查处")
	add(ins, "2026-04-08", "method", "双随机", "result", "责令限期整改")
	add(ins, "2026-05-20", "method", "日常检查", "result", "未发现问题")
	add(co, "2025-06-10", "measure", "暂扣", "released_on", "2025-07-05", "released", records.Released)
	add(co, "2025-12-01", "measure", "扣押", "released", records.Unreleased)
	add(co, "2026-03-02", "measure", "扣押", "released_on", "2026-03-30", "released", records.Released)
	add(co, "2026-05-25", "measure", "查封", "released", records.Unreleased)
	// disclose lists a kind's records newest first.
	for _, its := range res.Items {
		slices.Reverse(its)
	}
}
