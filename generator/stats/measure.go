package stats

// A measure is one figure over a set of months, for the comparison tables
// (this month against last month and the same month last year; the year to
// date against the same period last year).
type measure struct {
	name string
	rate bool // a percentage: changes are in percentage points
	val  func(keep func(*fact) bool) Cell
}

func (d *Data) count(ind string) func(func(*fact) bool) Cell {
	return func(keep func(*fact) bool) Cell { return d.sum(ind, keep) }
}

// rateOf is 100·Σnum/Σden over the kept months where both indicators have
// rows, so a month missing one of them cannot skew the rate.
func (d *Data) rateOf(num, den string) func(func(*fact) bool) Cell {
	return func(keep func(*fact) bool) Cell {
		both := func(f *fact) bool { return keep(f) && d.months[num][f.month] && d.months[den][f.month] }
		return rate(d.sum(num, both), d.sum(den, both))
	}
}

// sumOf adds several indicators.
func (d *Data) sumOf(inds ...string) func(func(*fact) bool) Cell {
	return func(keep func(*fact) bool) Cell {
		out := Gap
		for _, ind := range inds {
			out = add(out, d.sum(ind, keep))
		}
		return out
	}
}

// ratioOf is 100·Σnum/Σden where num and den are sums of indicators.
func (d *Data) ratioOf(num, den []string) func(func(*fact) bool) Cell {
	return func(keep func(*fact) bool) Cell { return rate(d.sumOf(num...)(keep), d.sumOf(den...)(keep)) }
}

const changeNote = "增减：件数为相对变化（%），比率为相差的百分点；上期无数据或为0时记“—”。"

// latestTable compares the latest month of data with the month before and
// the same month a year earlier.
func (d *Data) latestTable(topic, slug, name string, ms []measure, inds []string) Table {
	t := Table{Topic: topic, Slug: slug, Name: name, Kind: KindTable, LabelName: "指标",
		Series:  []string{"本月", "上月", "环比增减", "上年同月", "同比增减"},
		Sources: d.datasets(inds...)}
	last := d.lastMonth(inds...)
	d.dated(&t, last)
	if last == "" {
		t.Title = name
		return t
	}
	prev, yago := addMonths(last, -1), addMonths(last, -12)
	t.Title = cnMonth(last) + "与上月、上年同月比较"
	t.Subtitle = "本月为" + cnMonth(last) + "，上月为" + cnMonth(prev) + "，上年同月为" + cnMonth(yago)
	t.Note = changeNote + "比率由当期合计数计算。"
	for _, m := range ms {
		cur, p, y := m.val(inMonth(last)), m.val(inMonth(prev)), m.val(inMonth(yago))
		t.Rows = append(t.Rows, Row{Label: m.name, Cells: []Cell{cur, p, delta(m.rate, cur, p), y, delta(m.rate, cur, y)}})
	}
	return t
}

// ytdTable compares the year to date (January to the latest month of data)
// with the same months a year earlier.
func (d *Data) ytdTable(topic, slug, name string, ms []measure, inds []string) Table {
	t := Table{Topic: topic, Slug: slug, Name: name, Kind: KindTable, LabelName: "指标",
		Series:  []string{"本年累计", "上年同期", "同比增减"},
		Sources: d.datasets(inds...)}
	last := d.lastMonth(inds...)
	d.dated(&t, last)
	if last == "" {
		t.Title = name
		return t
	}
	from := last[:4] + "-01"
	pfrom, plast := addMonths(from, -12), addMonths(last, -12)
	t.Title = cnPeriod(from, last) + "累计与上年同期比较"
	t.Subtitle = "本年累计为" + cnPeriod(from, last) + "，上年同期为" + cnPeriod(pfrom, plast)
	t.Note = "累计数为各月数据行逐项相加，不取统计表中的合计列。" + changeNote + "比率由累计数计算，不是各月比率的平均。"
	if n := len(monthsBetween(from, last)) - d.countMonths(from, last, inds...); n > 0 {
		t.Note += "本年累计期间有" + itoa(n) + "个月无数据，未计入。"
	}
	if n := len(monthsBetween(pfrom, plast)) - d.countMonths(pfrom, plast, inds...); n > 0 {
		t.Note += "上年同期有" + itoa(n) + "个月无数据，比较时请注意。"
	}
	for _, m := range ms {
		cur, p := m.val(inRange(from, last)), m.val(inRange(pfrom, plast))
		t.Rows = append(t.Rows, Row{Label: m.name, Cells: []Cell{cur, p, delta(m.rate, cur, p)}})
	}
	return t
}

// countMonths counts the months from..to with a row of any of inds.
func (d *Data) countMonths(from, to string, inds ...string) int {
	n := 0
	for _, m := range monthsBetween(from, to) {
		if d.hasMonth(m, inds...) {
			n++
		}
	}
	return n
}

func delta(isRate bool, cur, prev Cell) Cell {
	if isRate {
		return diff(cur, prev)
	}
	return change(cur, prev)
}

// monthlyTable lists ms for every month of span; a month with no row of
// inds is a gap row saying so.
func (d *Data) monthlyTable(span []string, ms []measure, inds []string) []Row {
	var rows []Row
	for _, m := range span {
		r := Row{Label: m}
		if !d.hasMonth(m, inds...) {
			r.Note = "本月无数据"
			for range ms {
				r.Cells = append(r.Cells, Gap)
			}
		} else {
			for _, x := range ms {
				r.Cells = append(r.Cells, x.val(inMonth(m)))
			}
		}
		rows = append(rows, r)
	}
	return rows
}

func seriesOf(ms []measure) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.name
	}
	return out
}

func itoa(n int) string { return fmtNum(float64(n)) }
