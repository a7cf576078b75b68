package stats

import (
	"gongshi/generator/records"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gongshi/generator/value"
)

// YearTopic is the page path of year y's review: "year/2026".
func YearTopic(y int) string { return TopicYear + "/" + strconv.Itoa(y) }

// Years lists the years with decisions or statistics, up to the build year,
// newest first.
func (d *Data) Years() []int {
	set := map[int]bool{}
	for _, a := range d.acts {
		if a.Date.Year() <= d.Now.Year() {
			set[a.Date.Year()] = true
		}
	}
	for _, f := range d.facts {
		if y, err := strconv.Atoi(f.month[:4]); err == nil && y <= d.Now.Year() {
			set[y] = true
		}
	}
	var out []int
	for y := range set {
		out = append(out, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(out)))
	return out
}

// yearMonths is January to December of y, or to the month of the latest
// decision in its year.
func (d *Data) yearMonths(y int) []string {
	from, to := d.yearSpan(y)
	return monthsBetween(monthOf(from), monthOf(to))
}

// yearMonthsOf is January to December of y, or to the last month with a
// row of inds when that is earlier; nil when inds have no row in or
// after y.
func (d *Data) yearMonthsOf(y int, inds ...string) []string {
	from, to := itoa4(y)+"-01", itoa4(y)+"-12"
	if last := d.lastMonth(inds...); last < to {
		to = last
	}
	if to < from {
		return nil
	}
	return monthsBetween(from, to)
}

// dataMonthsIn is the first and last month of year y with a row of inds;
// "" when there is none.
func (d *Data) dataMonthsIn(y int, inds ...string) (first, last string) {
	for _, m := range monthsBetween(itoa4(y)+"-01", itoa4(y)+"-12") {
		if d.hasMonth(m, inds...) {
			if first == "" {
				first = m
			}
			last = m
		}
	}
	return first, last
}

// AnnualReport gives the counts the annual 政府信息公开 report asks for:
// penalty and licence decisions made in year y, and a line for each
// declared kind with a Report line.
func (d *Data) AnnualReport(y int) Table {
	from, to := d.yearSpan(y)
	t := Table{Topic: YearTopic(y), Slug: "annual-report", Name: itoa4(y) + "年政府信息公开年度报告所需数据", Kind: KindTable, LabelName: "事项",
		Series: []string{"本年处理决定数量"}, Unit: "件", Sources: []string{"data/cases"},
		Subtitle: "单位：件；" + cnDay(from) + "至" + cnDay(to)}
	d.dated(&t, dayOf(d.asOf))
	n := len(d.actsBetween(from, to))
	t.Rows = []Row{
		{Label: "行政许可", Cells: []Cell{Gap}},
		{Label: "行政处罚", Cells: []Cell{Num(float64(n))}},
	}
	notes := []string{"对应《政府信息公开工作年度报告》“主动公开政府信息情况”表中“本年处理决定数量”一栏。行政处罚：" + EnforcementNote}
	if !d.reportsIn("行政许可", y) {
		// Without licence records, the line sums the monthly indicator.
		notes = append(notes, "行政许可：data/stats 中“行政许可决定数”等指标各月之和，没有该指标时记“—”（数据未提供，不是0）。")
		if first, last := d.dataMonthsIn(y, IndLicences); first != "" {
			t.Rows[0].Cells = []Cell{d.sum(IndLicences, inRange(first, last))}
			t.Sources = append(t.Sources, d.datasets(IndLicences)...)
			if first > itoa4(y)+"-01" || last < itoa4(y)+"-12" {
				notes = append(notes, "行政许可决定数为"+cnPeriod(first, last)+"之和。")
			}
		}
	}
	// A declared kind's records are the count of its line: decisions made
	// in the year, published or not. A year before the kind's first record
	// is not covered by its export: the line keeps the indicator's sum, or
	// "—", never a 0 the export cannot vouch for.
	for _, k := range d.kinds {
		if k.Report == "" {
			continue
		}
		first, ok := d.firstDecided(k.Name)
		if !ok || y < first {
			if !slices.ContainsFunc(t.Rows, func(r Row) bool { return r.Label == k.Report }) {
				t.Rows = append(t.Rows, Row{Label: k.Report, Cells: []Cell{Gap}})
			}
			if ok {
				notes = append(notes, k.Report+"：data/"+k.Name+" 中最早的记录在"+itoa4(first)+"年，不计"+itoa4(y)+"年。")
			}
			continue
		}
		c := Num(float64(d.decided[k.Name][y]))
		if i := slices.IndexFunc(t.Rows, func(r Row) bool { return r.Label == k.Report }); i >= 0 {
			t.Rows[i].Cells = []Cell{c}
		} else {
			t.Rows = append(t.Rows, Row{Label: k.Report, Cells: []Cell{c}})
		}
		notes = append(notes, k.Report+"：data/"+k.Name+" 中"+k.Counted()+"。")
		t.Sources = append(t.Sources, "data/"+k.Name)
	}
	t.Note = strings.Join(notes, "")
	t.Title = itoa4(y) + "年作出行政处罚决定" + itoa(n) + "件"
	if lic := t.Rows[0].Cells[0]; !lic.Blank {
		t.Title += "、行政许可决定" + fmtNum(lic.V) + "件"
	}
	return t
}

// reportsIn says whether a declared kind of the site counts the annual
// report's line for year y: it has a record in y or an earlier year.
func (d *Data) reportsIn(line string, y int) bool {
	return slices.ContainsFunc(d.kinds, func(k *records.Kind) bool {
		first, ok := d.firstDecided(k.Name)
		return k.Report == line && ok && first <= y
	})
}

// firstDecided is the year of a declared kind's earliest record.
func (d *Data) firstDecided(kind string) (int, bool) {
	first, ok := 0, false
	for y, n := range d.decided[kind] {
		if n > 0 && (!ok || y < first) {
			first, ok = y, true
		}
	}
	return first, ok
}

// YearDecisions is the number of decisions per month of year y.
func (d *Data) YearDecisions(y int) Table {
	months := d.yearMonths(y)
	return d.decisionsByMonth(YearTopic(y), months)
}

// YearFines is the fines per month of year y.
func (d *Data) YearFines(y int) Table { return d.finesByMonth(YearTopic(y), d.yearMonths(y)) }

func (d *Data) yearTotals(y int, slug, name string, ms []measure, inds []string, source string) Table {
	t := Table{Topic: YearTopic(y), Slug: slug, Name: itoa4(y) + "年" + name, Title: itoa4(y) + "年" + name, Kind: KindTable, LabelName: "指标",
		Series: []string{"全年合计"}, Sources: d.datasets(inds...)}
	d.dated(&t, d.lastMonth(inds...))
	months := d.yearMonthsOf(y, inds...)
	if months == nil {
		return t
	}
	from, to := months[0], months[len(months)-1]
	if to < itoa4(y)+"-12" {
		t.Series = []string{cnPeriod(from, to) + "累计"}
	}
	covered := d.countMonths(from, to, inds...)
	t.Subtitle = cnPeriod(from, to) + "，其中" + itoa(covered) + "个月有数据"
	t.Note = "合计为各月数据行逐项相加，不取统计表中的合计列；比率由合计数计算，不是各月比率的平均；没有数据的月份不计入。" + source
	in := inRange(from, to)
	for _, m := range ms {
		t.Rows = append(t.Rows, Row{Label: m.name, Cells: []Cell{m.val(in)}})
	}
	return t
}

// YearService is the service centre's totals for year y.
func (d *Data) YearService(y int) Table {
	return d.yearTotals(y, "service-centre", "便民服务中心全年合计", d.serviceMeasures(), append(append([]string(nil), serviceInds...), ratingInds...), serviceSource)
}

// YearPetitions is the petition and dispute totals for year y.
func (d *Data) YearPetitions(y int) Table {
	return d.yearTotals(y, "petitions", "综治中心与信访全年合计", d.petitionMeasures(), petitionInds, petitionSource)
}

// YearCategory is the decisions of year y by penalty category.
func (d *Data) YearCategory(y int) Table { return d.ByCategory(YearTopic(y), y) }

// YearViolation is the decisions of year y by violation type.
func (d *Data) YearViolation(y int) Table { return d.ByViolation(YearTopic(y), y) }

// HasServiceIn reports whether year y has service-centre figures.
func (d *Data) HasServiceIn(y int) bool {
	return d.countMonths(itoa4(y)+"-01", itoa4(y)+"-12", append(append([]string(nil), serviceInds...), ratingInds...)...) > 0
}

// HasPetitionsIn reports whether year y has petition figures.
func (d *Data) HasPetitionsIn(y int) bool {
	return d.countMonths(itoa4(y)+"-01", itoa4(y)+"-12", petitionInds...) > 0
}

// procedureOf sorts a decision's 程序类型 into 简易程序 and 普通程序 (a
// hearing is part of the ordinary procedure); "未注明" when blank or
// neither.
func procedureOf(p string) string {
	switch {
	case strings.Contains(p, "简易"), strings.Contains(p, "当场"):
		return "简易程序"
	case strings.Contains(p, "普通"), strings.Contains(p, "一般"), strings.Contains(p, "听证"):
		return "普通程序"
	}
	return "未注明"
}

// YearProcedure is the decisions and fines of year y by procedure.
func (d *Data) YearProcedure(y int) Table {
	from, to := d.yearSpan(y)
	t := Table{Topic: YearTopic(y), Slug: "by-procedure", Name: itoa4(y) + "年处罚决定按程序类型", Kind: KindTable, LabelName: "程序类型",
		Series: []string{"决定数（起）", "罚款金额（元）"}, Sources: []string{"data/cases"},
		Subtitle: "单位：起、元；" + cnDays(from, to),
		Note:     EnforcementNote + "程序类型取决定的“程序类型”一栏：含“简易”或“当场”的为简易程序，含“普通”“一般”或“听证”的为普通程序，其余和未填写的记为“未注明”。"}
	d.dated(&t, dayOf(d.asOf))
	n := map[string]int{}
	f := map[string]value.Money{}
	var all value.Money
	acts := d.actsBetween(from, to)
	for i := range acts {
		p := procedureOf(acts[i].Procedure)
		n[p]++
		f[p] += acts[i].Fine
		all += acts[i].Fine
	}
	for _, p := range []string{"简易程序", "普通程序", "未注明"} {
		if n[p] > 0 || p != "未注明" {
			t.Rows = append(t.Rows, Row{Label: p, Cells: []Cell{Num(float64(n[p])), Num(f[p].Yuan())}})
		}
	}
	t.Rows = append(t.Rows, Row{Label: "合计", Cells: []Cell{Num(float64(len(acts))), Num(all.Yuan())}})
	t.Title = itoa4(y) + "年作出行政处罚决定" + itoa(len(acts)) + "起，其中简易程序" + itoa(n["简易程序"]) + "起、普通程序" + itoa(n["普通程序"]) + "起"
	return t
}

// YearFinesTotal is the fines imposed in year y (the decisions) and
// collected (the statistics tables, over the months they cover).
func (d *Data) YearFinesTotal(y int) Table {
	from, to := d.yearSpan(y)
	t := Table{Topic: YearTopic(y), Slug: "fines", Name: itoa4(y) + "年罚款决定与收缴", Kind: KindTable, LabelName: "项目",
		Series: []string{"金额（元）"}, Unit: "元", Sources: []string{"data/cases"},
		Subtitle: "单位：元；罚款金额" + cnDays(from, to),
		Note:     EnforcementNote + "罚款金额为处罚决定书载明的罚款数额之和；罚款收缴金额为统计表中“罚款收缴金额”等指标各月之和，没有该指标时记“—”（数据未提供，不是0）。收缴的可能是以前年度决定的罚款。"}
	d.dated(&t, dayOf(d.asOf))
	imposed := fines(d.actsBetween(from, to))
	collected := Gap
	label := "罚款收缴金额"
	if first, last := d.dataMonthsIn(y, IndFineCollect); first != "" {
		collected = d.sum(IndFineCollect, inRange(first, last))
		label += "（" + cnPeriod(first, last) + "）"
		t.Sources = append(t.Sources, d.datasets(IndFineCollect)...)
	}
	t.Rows = []Row{
		{Label: "罚款金额（" + cnDays(from, to) + "）", Cells: []Cell{Num(imposed.Yuan())}},
		{Label: label, Cells: []Cell{collected}},
	}
	t.Title = itoa4(y) + "年处罚决定罚款" + imposed.String()
	if !collected.Blank {
		t.Title += "，收缴罚款" + value.Money(math.Round(collected.V*100)).String()
	}
	return t
}
