package stats

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
)

// Topics of the 行政检查 and 行政强制 figures.
const (
	TopicInspections = "inspections"
	TopicCoercion    = "coercion"
)

// InspectionNote and CoercionNote say what the figures of data/inspections
// and data/coercion count.
const (
	InspectionNote = "按检查日期统计 data/inspections 中公示的行政检查记录，不包括涉及未成年人而不予公示的记录。"
	CoercionNote   = "按决定日期统计 data/coercion 中公示的行政强制措施，不包括因撤销或被确认违法、无效而撤回的决定。"
)

// recordsOf returns the published records of a declared kind that are
// dated no later than the build date, oldest first.
func (d *Data) recordsOf(k *records.Kind) []disclose.Item {
	src := d.items[k.Name]
	day := disclose.Day(d.Now)
	out := make([]disclose.Item, 0, len(src))
	for i := range src {
		if !src[i].Date.IsZero() && !src[i].Date.After(day) {
			out = append(out, src[i])
		}
	}
	slices.SortStableFunc(out, func(a, b disclose.Item) int { return a.Date.Compare(b.Date) })
	return out
}

// itemsAsOf is the date a kind's figures run to: the date of its latest
// record (of recordsOf), or the build date when it has none.
func (d *Data) itemsAsOf(items []disclose.Item) time.Time {
	if len(items) == 0 {
		return disclose.Day(d.Now)
	}
	return items[len(items)-1].Date
}

// HasInspections reports whether the site has 行政检查 records.
func (d *Data) HasInspections() bool { return len(d.items[records.InspectionKind.Name]) > 0 }

// HasCoercion reports whether the site has 行政强制 records.
func (d *Data) HasCoercion() bool { return len(d.items[records.CoercionKind.Name]) > 0 }

// countItems is a breakdown of the records dated from..to by the value of
// a field: the values of order first, then the rest by count; an empty
// value is "未注明".
func countItems(items []disclose.Item, from, to time.Time, key string, order []string) []Row {
	n := map[string]int{}
	for i := range items {
		it := &items[i]
		if it.Date.Before(from) || it.Date.After(to) {
			continue
		}
		v := it.Get(key)
		if v == "" {
			v = "未注明"
		}
		n[v]++
	}
	return rowsOf(n, order)
}

// rowsOf lists counts: the labels of order that occur, then the others,
// the largest first (equal ones by label).
func rowsOf(n map[string]int, order []string) []Row {
	var rows, rest []Row
	seen := map[string]bool{}
	for _, k := range order {
		seen[k] = true
		if n[k] > 0 {
			rows = append(rows, Row{Label: k, Cells: []Cell{Num(float64(n[k]))}})
		}
	}
	for _, k := range sortedKeys(n) {
		if !seen[k] {
			rest = append(rest, Row{Label: k, Cells: []Cell{Num(float64(n[k]))}})
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Cells[0].V > rest[j].Cells[0].V })
	return append(rows, rest...)
}

// itemBreakdown counts the kind's records of the year of its latest
// record, from 1 January to that record, by the field with the key.
func (d *Data) itemBreakdown(k *records.Kind, topic, slug, name, dim, unit, key string, order []string, note string) Table {
	items := d.recordsOf(k)
	to := d.itemsAsOf(items)
	from := jan1(to.Year())
	t := Table{Topic: topic, Slug: slug, Name: name, Kind: KindHBar, LabelName: dim, Unit: unit,
		Series: []string{k.Nav + "（" + unit + "）"}, Sources: []string{"data/" + k.Name}, Note: note,
		Rows: countItems(items, from, to, key, order)}
	t.Subtitle = "单位：" + unit + "；统计期间：" + cnDays(from, to) + "（数据截至" + cnDay(to) + "）"
	d.dated(&t, dayOf(to))
	t.Title = topTitle(itoa4(to.Year())+"年"+name, t.Rows, unit)
	return t
}

// InspectionsByMethod counts this year's inspections by 检查方式.
func (d *Data) InspectionsByMethod() Table {
	return d.itemBreakdown(records.InspectionKind, TopicInspections, "by-method", "行政检查按检查方式", "检查方式", "次", "method",
		records.InspectionMethods, InspectionNote+"本年为最后一次检查所在的年份，统计到该次检查的日期。“双随机”即“双随机、一公开”抽查；检查方式未填写的记为“未注明”。")
}

// InspectionsByResult counts this year's inspections by 检查结果.
func (d *Data) InspectionsByResult() Table {
	return d.itemBreakdown(records.InspectionKind, TopicInspections, "by-result", "行政检查按检查结果", "检查结果", "次", "result",
		records.InspectionResults, InspectionNote+"本年为最后一次检查所在的年份，统计到该次检查的日期。检查结果按导出的原文归类，“正常”“未发现违法违规行为”等并入“未发现问题”。")
}

// RandomShare is, per year, the share of inspections that were 双随机
// (双随机 inspections ÷ all inspections of the year).
func (d *Data) RandomShare() Table {
	items := d.recordsOf(records.InspectionKind)
	to := d.itemsAsOf(items)
	t := Table{Topic: TopicInspections, Slug: "random-share", Name: "“双随机”抽查占行政检查的比例", Kind: KindLine, LabelName: "年份", Unit: "%",
		Attrs: []string{"双随机检查（次）", "检查总数（次）"}, Series: []string{"双随机占比（%）"}, Sources: []string{"data/inspections"},
		Note: InspectionNote + "双随机占比 = 检查方式为“双随机”的检查次数 ÷ 当年全部检查次数 × 100，保留两位小数。最后一年统计到最后一次检查的日期，第一年从第一次检查的日期起。"}
	d.dated(&t, dayOf(to))
	t.Title = t.Name
	if len(items) == 0 {
		return t
	}
	first := items[0].Date
	all, random := map[int]int{}, map[int]int{}
	for i := range items {
		y := items[i].Date.Year()
		all[y]++
		if items[i].Get("method") == records.MethodRandom {
			random[y]++
		}
	}
	for y := first.Year(); y <= to.Year(); y++ {
		r := Row{Label: itoa4(y), Attrs: []string{itoa(random[y]), itoa(all[y])}, Cells: []Cell{rate(Num(float64(random[y])), Num(float64(all[y])))}}
		r.Note = partYear(y, first, to)
		t.Rows = append(t.Rows, r)
	}
	t.Subtitle = "单位：%；按检查日期逐年统计，" + cnDays(first, to)
	last := t.Rows[len(t.Rows)-1]
	period := last.Label + "年"
	if to.AddDate(0, 0, 1).Year() == to.Year() {
		period = cnDays(jan1(to.Year()), to)
	}
	t.Title = period + "“双随机”抽查占行政检查的" + fmtCell(last.Cells[0]) + "%（" + last.Attrs[1] + "次检查中" + last.Attrs[0] + "次）"
	return t
}

// CoercionByMeasure counts this year's coercive measures by 强制措施.
func (d *Data) CoercionByMeasure() Table {
	return d.itemBreakdown(records.CoercionKind, TopicCoercion, "by-measure", "行政强制措施按措施类型", "强制措施", "件", "measure",
		records.CoercionMeasures, CoercionNote+"本年为最后一件决定所在的年份，统计到该决定的日期。措施类型按导出的原文归类。")
}

// CoercionRelease counts the coercive measures of each year by whether
// they were released by the date of the data.
func (d *Data) CoercionRelease() Table {
	items := d.recordsOf(records.CoercionKind)
	to := d.itemsAsOf(items)
	for i := range items {
		// A release after the last decision dates the data too.
		if r, err := time.Parse(time.DateOnly, items[i].Get("released_on")); err == nil && r.After(to) && !r.After(disclose.Day(d.Now)) {
			to = r
		}
	}
	t := Table{Topic: TopicCoercion, Slug: "by-release", Name: "行政强制措施解除情况", Kind: KindStack, LabelName: "决定年份", Unit: "件",
		Series: []string{records.Released, records.Unreleased}, Sources: []string{"data/coercion"},
		Note: CoercionNote + "解除状态为数据截至日的状态：有解除日期（或导出注明已解除）的记为已解除，其余记为未解除。按决定所在年份分列。"}
	d.dated(&t, dayOf(to))
	t.Title = t.Name
	if len(items) == 0 {
		return t
	}
	first := items[0].Date
	n := map[int][2]int{}
	open := 0
	for i := range items {
		y, c := items[i].Date.Year(), n[items[i].Date.Year()]
		if items[i].Get("released") == records.Released {
			c[0]++
		} else {
			c[1]++
			open++
		}
		n[y] = c
	}
	last := items[len(items)-1].Date
	for y := first.Year(); y <= last.Year(); y++ {
		t.Rows = append(t.Rows, Row{Label: itoa4(y), Cells: []Cell{Num(float64(n[y][0])), Num(float64(n[y][1]))}, Note: partYear(y, first, last)})
	}
	t.Subtitle = "单位：件；决定日期" + cnDays(first, last) + "，解除情况截至" + cnDay(to)
	t.Title = "截至" + cnDay(to) + "，" + itoa(len(items)) + "件行政强制措施中" + itoa(open) + "件尚未解除"
	return t
}

// partYear notes a year the records cover only in part: from their first
// date, to their last date, or both.
func partYear(y int, first, last time.Time) string {
	var parts []string
	if y == first.Year() && !first.Equal(jan1(y)) {
		parts = append(parts, fmt.Sprintf("数据自%d月%d日起", int(first.Month()), first.Day()))
	}
	if y == last.Year() && last.AddDate(0, 0, 1).Year() == y {
		parts = append(parts, fmt.Sprintf("截至%d月%d日", int(last.Month()), last.Day()))
	}
	if len(parts) == 1 && strings.HasPrefix(parts[0], "截至") {
		return "数据" + parts[0]
	}
	return strings.Join(parts, "，")
}
