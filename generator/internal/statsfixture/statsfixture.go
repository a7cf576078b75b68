// Package statsfixture is the hand-made input of the statistics tests: a
// small town on 2026-06-01 whose figures can be checked by hand.
package statsfixture

import (
	"fmt"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// Day parses a YYYY-MM-DD date.
func Day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Result is a small town on 2026-06-01. Every expected figure below is a
// sum a reader can check by hand against these rows.
func Result() *disclose.Result {
	res := &disclose.Result{BuildDate: Day("2026-06-01")}
	svc := func(m, cat, win string, vals ...float64) {
		for i, ind := range []string{"受理数", "办结数", "按期办结数", "非常满意", "满意", "基本满意", "不满意", "非常不满意"} {
			if i < len(vals) && vals[i] >= 0 {
				res.Stats = append(res.Stats, records.StatRow{Dataset: "便民服务中心", Month: m, Category: cat, Window: win, Indicator: ind, Value: vals[i]})
			}
		}
	}
	svc("2025-01", "社会保障", "1号窗口", 100, 100, 98)
	svc("2025-04", "社会保障", "1号窗口", 110, 108, 108)
	svc("2026-01", "社会保障", "1号窗口", 120, 118, 117, 50, 30, 10, 2, 1)
	svc("2026-01", "民政事务", "2号窗口", 80, 80, 79, 20, 10, 5, 0, 0)
	svc("2026-01", "合计", "", 9999, 9999, 9999) // a total row: never counted
	// 2026-02: no data at all.
	svc("2026-03", "社会保障", "1号窗口", 130, 125, 125, 40, 20, 5, 1, 0)
	svc("2026-03", "民政事务", "2号窗口", 60, 61, 60, 30, 10, 0, 0, 1)
	svc("2026-04", "社会保障", "1号窗口", 100, 100, 100)
	svc("2026-04", "民政事务", "2号窗口", 50, 50, 45)
	svc("2026-04", "不动产登记", "3号窗口", 40, 30, 30) // appears mid-year
	// A wide petitions sheet: its 合计 column (999 visits, 10 closed) never
	// reaches stats; ingest drops it. 3月 visits are empty.
	wide := map[string][]float64{
		"来访人次":   {30, 25, -1, 40},
		"矛盾纠纷受理": {10, 8, 12, 9},
		"矛盾纠纷化解": {9, 8, 11, 9},
		"信访受理":   {5, 0, 3, 4},
		"信访办结":   {5, 0, 2, 4},
	}
	for ind, vs := range wide {
		for i, v := range vs {
			if v >= 0 {
				res.Stats = append(res.Stats, records.StatRow{Dataset: "综治中心2026", Month: fmt.Sprintf("2026-%02d", i+1), Indicator: ind, Value: v})
			}
		}
	}
	res.Stats = append(res.Stats,
		records.StatRow{Dataset: "行政许可", Month: "2026-01", Indicator: "行政许可决定数", Value: 12},
		records.StatRow{Dataset: "行政许可", Month: "2026-03", Indicator: "行政许可决定数", Value: 8},
		records.StatRow{Dataset: "执法", Month: "2026-03", Indicator: "罚款收缴金额（万元）", Value: 0.25},
	)
	act := func(date string, fine value.Money, class records.PartyClass, cats, violation, basis, code string, published bool) {
		res.Activity = append(res.Activity, disclose.Activity{Date: Day(date), Fine: fine * 100, PartyClass: class, Categories: strings.Split(cats, ";"),
			Violation: violation, Basis: basis, PowerCode: code, Published: published})
	}
	act("2026-01-10", 2000, records.PartyOrg, "罚款", "擅自占用人行道堆放货物", "《城市市容和环境卫生管理条例》第三十七条", "P001", true)
	act("2026-03-02", 500, records.PartyPerson, "罚款", "露天焚烧秸秆", "《大气污染防治法》第一百一十九条", "", true)
	act("2026-03-20", 5000, records.PartySoleTrader, "警告;罚款", "超标排放油烟", "《示例省餐饮油烟管理条例》第九条", "", true)
	act("2025-04-15", 1000, records.PartyOrg, "罚款", "擅自占用人行道堆放货物", "", "P001", false)
	act("2026-05-10", 0, records.PartyPerson, "警告", "露天焚烧落叶", "", "p002", false) // 简易程序: counted, not published
	res.Powers = []records.Power{
		{Code: "P001", Name: "对擅自占用城市道路的处罚", Category: "行政处罚", Source: "上级委托", Domain: "城市综合执法"},
		{Code: "P002", Name: "对露天焚烧秸秆的处罚", Category: "行政处罚", Source: "上级下放", Domain: "生态环境",
			ImplBasis: "1.《中华人民共和国大气污染防治法》第一百一十九条第一款\n2.《示例省大气污染防治条例》第五十条"},
		{Code: "P003", Name: "对超标排放油烟的处罚", Category: "行政处罚", Source: "上级下放", Domain: "生态环境"},
		{Code: "P004", Name: "对占道经营的处罚", Category: "行政处罚", Source: "法定本级行使", Domain: "城市综合执法"},
		{Code: "P005", Name: "对违法建设的处罚", Category: "行政处罚", Source: "上级下放"},
		{Code: "L001", Name: "个体工商户登记", Category: "行政许可", Source: "法定本级行使", Domain: "市场监管"},
	}
	addRecords(res)
	return res
}
