package stats

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

// EnforcementNote says what the enforcement figures count.
const EnforcementNote = "按处罚决定日期统计全部行政处罚决定，包括已过公示期和按规定不予公示的决定（如简易程序、仅警告），不包括因撤销、变更或被确认违法、无效而撤回的决定。"

// HasEnforcement reports whether there are decisions to count.
func (d *Data) HasEnforcement() bool { return len(d.acts) > 0 }

// actsBetween returns the decisions dated from..to inclusive (days): a
// window of d.acts, which New sorts by date, shared and not to be changed.
func (d *Data) actsBetween(from, to time.Time) []disclose.Activity {
	lo := sort.Search(len(d.acts), func(i int) bool { return !d.acts[i].Date.Before(from) })
	hi := sort.Search(len(d.acts), func(i int) bool { return d.acts[i].Date.After(to) })
	if hi < lo {
		hi = lo
	}
	return d.acts[lo:hi:hi]
}

func jan1(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }

// thisYear returns the decisions from 1 January to the latest decision.
func (d *Data) thisYear() []disclose.Activity { return d.actsBetween(jan1(d.Year()), d.asOf) }

// yearAgo is the same day a year earlier; 29 February becomes 28 February,
// so that the earlier period is never longer than the later one.
func yearAgo(t time.Time) time.Time {
	p := time.Date(t.Year()-1, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if p.Month() != t.Month() {
		p = time.Date(t.Year()-1, t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return p
}

func fines(acts []disclose.Activity) value.Money {
	var m value.Money
	for _, a := range acts {
		m += a.Fine
	}
	return m
}

// Headline is the sentence a report would write about enforcement this
// year, with the numbers it is made from.
type Headline struct {
	Year int
	// From and To bound the period: 1 January and the latest decision.
	From, To time.Time
	Cases    int
	Fines    value.Money
	// Sentence is "2026年1月1日至10月30日共办理各类案件N起，罚款M元".
	Sentence string
	// Period is "2026年1月1日至10月30日".
	Period string
	// Stale reports that the build is more than a month past To: the
	// decisions have not been updated since.
	Stale bool
	// URL is the figure the sentence comes from, with its anchor.
	URL string
}

// Headline computes the headline sentence from the same numbers as the
// enforcement year-to-date table.
func (d *Data) Headline() Headline {
	acts := d.thisYear()
	h := Headline{Year: d.Year(), From: jan1(d.Year()), To: d.asOf, Cases: len(acts), Fines: fines(acts)}
	h.Period = cnDays(h.From, h.To)
	var t Table
	d.dated(&t, dayOf(h.To))
	h.Stale = t.Stale
	h.Sentence = fmt.Sprintf("%s共办理各类案件%d起，罚款%s", h.Period, h.Cases, h.Fines.String())
	h.URL = "/stats/" + TopicEnforcement + "/#" + TopicEnforcement + "-year-to-date"
	return h
}

func cnDay(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// cnDays writes the days from..to: "2026年1月1日至10月30日", the year
// written once when both are in it.
func cnDays(from, to time.Time) string {
	if from.Year() == to.Year() {
		return cnDay(from) + "至" + fmt.Sprintf("%d月%d日", int(to.Month()), to.Day())
	}
	return cnDay(from) + "至" + cnDay(to)
}

// collected returns the fines collected per the statistics tables in the
// kept months, blank when the tables say nothing.
func (d *Data) collected(keep func(*fact) bool) Cell { return d.sum(IndFineCollect, keep) }

// EnforcementYTD is the number of decisions and the fines from 1 January to
// the latest decision, against the same days a year earlier, so that both
// periods are equally long. Its title is the headline sentence.
func (d *Data) EnforcementYTD() Table {
	h := d.Headline()
	pfrom, pto := jan1(h.Year-1), yearAgo(h.To)
	prev := d.actsBetween(pfrom, pto)
	t := Table{Topic: TopicEnforcement, Slug: "year-to-date", Name: "本年行政处罚决定数与罚款金额", Kind: KindTable, LabelName: "指标",
		Series: []string{"本年累计", "上年同期", "同比增减（%）"}, Title: h.Sentence,
		Subtitle: "统计期间：" + h.Period + "（数据截至" + cnDay(h.To) + "）；上年同期：" + cnDays(pfrom, pto),
		Note:     EnforcementNote + "本年累计截至最后一件决定的日期，上年同期取上年相同的日期范围。罚款金额为处罚决定书载明的罚款数额之和（元）。上年同期为0时增减记“—”。",
		Sources:  []string{"data/cases"}}
	d.dated(&t, dayOf(h.To))
	cur, p := Num(float64(h.Cases)), Num(float64(len(prev)))
	t.Rows = append(t.Rows, Row{Label: "行政处罚决定（起）", Cells: []Cell{cur, p, change(cur, p)}})
	cf, pf := Num(h.Fines.Yuan()), Num(fines(prev).Yuan())
	t.Rows = append(t.Rows, Row{Label: "罚款金额（元）", Cells: []Cell{cf, pf, change(cf, pf)}})
	if last := d.lastMonth(IndFineCollect); last != "" {
		// The statistics run to their own last month, which may differ
		// from the decisions': both years are cut at the earlier one.
		to := min(monthOf(h.To), last)
		from := itoa4(h.Year) + "-01"
		if to >= from {
			cc := d.collected(inRange(from, to))
			pc := d.collected(inRange(addMonths(from, -12), addMonths(to, -12)))
			t.Rows = append(t.Rows, Row{Label: "罚款收缴金额（元）", Cells: []Cell{cc, pc, change(cc, pc)},
				Note: "来自统计表，按月统计：" + cnPeriod(from, to) + "与" + cnPeriod(addMonths(from, -12), addMonths(to, -12)) + "比较"})
			t.Sources = append(t.Sources, d.datasets(IndFineCollect)...)
		}
	}
	return t
}

func itoa4(y int) string { return fmt.Sprintf("%04d", y) }

// enfMonths is the months of the monthly enforcement charts: the last 24
// months to the month of the latest decision, from the first month with a
// decision.
func (d *Data) enfMonths() []string {
	last := monthOf(d.asOf)
	first := addMonths(last, -23)
	earliest := ""
	for _, a := range d.acts {
		if m := monthOf(a.Date); (earliest == "" || m < earliest) && m <= last {
			earliest = m
		}
	}
	if earliest == "" {
		return nil
	}
	if earliest > first {
		first = earliest
	}
	return monthsBetween(first, last)
}

func (d *Data) decisionsByMonth(topic string, months []string) Table {
	t := Table{Topic: topic, Slug: "monthly-decisions", Name: "每月作出的行政处罚决定", Kind: KindBar, LabelName: "月份", Unit: "起",
		Series: []string{"处罚决定数"}, Sources: []string{"data/cases"},
		Note: EnforcementNote + "全部决定都在统计之内，所以没有决定的月份记0。"}
	t.Title = t.Name
	d.dated(&t, dayOf(d.asOf))
	if len(months) == 0 {
		return t
	}
	n := map[string]int{}
	for _, a := range d.acts {
		n[monthOf(a.Date)]++
	}
	total, top := 0, months[0]
	for _, m := range months {
		t.Rows = append(t.Rows, Row{Label: m, Cells: []Cell{Num(float64(n[m]))}})
		total += n[m]
		if n[m] > n[top] {
			top = m
		}
	}
	d.notePartial(t.Rows)
	p := cnPeriod(months[0], months[len(months)-1])
	t.Subtitle = "单位：起；按决定日期逐月统计，" + p
	t.Title = p + "共作出行政处罚决定" + itoa(total) + "起"
	if total > 0 {
		t.Title += "，" + cnMonth(top) + "最多（" + itoa(n[top]) + "起）"
	}
	return t
}

func (d *Data) finesByMonth(topic string, months []string) Table {
	t := Table{Topic: topic, Slug: "monthly-fines", Name: "每月罚款金额", Kind: KindBar, LabelName: "月份", Unit: "元",
		Series: []string{"罚款金额（元）"}, Sources: []string{"data/cases"},
		Note: EnforcementNote + "罚款金额为处罚决定书载明的罚款数额（元），按决定日期归月，没有决定的月份记0。"}
	t.Title = t.Name
	d.dated(&t, dayOf(d.asOf))
	if len(months) == 0 {
		return t
	}
	m := map[string]value.Money{}
	for _, a := range d.acts {
		m[monthOf(a.Date)] += a.Fine
	}
	withCollect := d.lastMonth(IndFineCollect) != ""
	if withCollect {
		t.Series = append(t.Series, "罚款收缴金额（元）")
		t.Note += "罚款收缴金额来自统计表，该月统计表没有收缴数时留空（不是0）。"
		t.Sources = append(t.Sources, d.datasets(IndFineCollect)...)
	}
	var total value.Money
	for _, mo := range months {
		r := Row{Label: mo, Cells: []Cell{Num(m[mo].Yuan())}}
		if withCollect {
			r.Cells = append(r.Cells, d.collected(inMonth(mo)))
		}
		t.Rows = append(t.Rows, r)
		total += m[mo]
	}
	d.notePartial(t.Rows)
	p := cnPeriod(months[0], months[len(months)-1])
	t.Subtitle = "单位：元；按决定日期逐月统计，" + p
	t.Title = p + "共处罚款" + total.String()
	return t
}

// notePartial notes on the row of the latest decision's month that the
// month is counted only to that day.
func (d *Data) notePartial(rows []Row) {
	if d.asOf.AddDate(0, 0, 1).Day() == 1 {
		return // the month is complete
	}
	m := monthOf(d.asOf)
	for i := range rows {
		if rows[i].Label == m {
			rows[i].Note = fmt.Sprintf("数据截至%d月%d日", int(d.asOf.Month()), d.asOf.Day())
		}
	}
}

// EnforcementMonthly is the number of decisions per month, last 24 months.
func (d *Data) EnforcementMonthly() Table { return d.decisionsByMonth(TopicEnforcement, d.enfMonths()) }

// EnforcementFines is the fines imposed (and collected, when the statistics
// say) per month, last 24 months.
func (d *Data) EnforcementFines() Table { return d.finesByMonth(TopicEnforcement, d.enfMonths()) }

// counted is a breakdown of decisions: label → count, listed by count.
func counted(acts []disclose.Activity, keys func(a *disclose.Activity) []string, order []string) []Row {
	n := map[string]int{}
	for i := range acts {
		for _, k := range keys(&acts[i]) {
			n[k]++
		}
	}
	var rows []Row
	if order != nil {
		seen := map[string]bool{}
		for _, k := range order {
			if n[k] > 0 {
				rows = append(rows, Row{Label: k, Cells: []Cell{Num(float64(n[k]))}})
			}
			seen[k] = true
		}
		for _, k := range sortedKeys(n) {
			if !seen[k] {
				rows = append(rows, Row{Label: k, Cells: []Cell{Num(float64(n[k]))}})
			}
		}
		return rows
	}
	for _, k := range sortedKeys(n) {
		rows = append(rows, Row{Label: k, Cells: []Cell{Num(float64(n[k]))}})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Cells[0].V > rows[j].Cells[0].V })
	return rows
}

func (d *Data) breakdown(topic, slug, name, dim string, acts []disclose.Activity, from, to time.Time, keys func(a *disclose.Activity) []string, order []string, note string) Table {
	t := Table{Topic: topic, Slug: slug, Name: name, Kind: KindHBar, LabelName: dim, Unit: "起",
		Series: []string{"决定数"}, Sources: []string{"data/cases"}, Note: EnforcementNote + note,
		Rows: counted(acts, keys, order)}
	t.Subtitle = "单位：起；" + cnDays(from, to)
	d.dated(&t, dayOf(d.asOf))
	t.Title = topTitle(name, t.Rows, "起")
	return t
}

// yearSpan is 1 January of y to 31 December, or to the latest decision in
// the year of the latest decision.
func (d *Data) yearSpan(y int) (time.Time, time.Time) {
	to := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	if d.asOf.Before(to) {
		to = d.asOf
	}
	return jan1(y), to
}

// HasDecisionsIn reports whether the decisions reach into year y.
func (d *Data) HasDecisionsIn(y int) bool { return d.HasEnforcement() && d.asOf.Year() >= y }

// ByCategory counts decisions by penalty category in year y.
func (d *Data) ByCategory(topic string, y int) Table {
	from, to := d.yearSpan(y)
	return d.breakdown(topic, "by-category", itoa4(y)+"年处罚决定按处罚类别", "处罚类别", d.actsBetween(from, to), from, to,
		func(a *disclose.Activity) []string {
			var out []string
			seen := map[string]bool{}
			for _, c := range a.Categories {
				if b := records.CategoryBase(c); !seen[b] {
					seen[b] = true
					out = append(out, b)
				}
			}
			if len(out) == 0 {
				out = []string{"未注明"}
			}
			return out
		}, records.Categories, "一个决定含多个处罚类别时分别计入各类别，所以各类别之和可能大于决定数。")
}

// maxViolations is how many violation types are listed before the rest are
// summed into one row.
const maxViolations = 15

// ByViolation counts decisions by violation type in year y, the most
// frequent first; types beyond the first 15 are summed in one row.
func (d *Data) ByViolation(topic string, y int) Table {
	from, to := d.yearSpan(y)
	t := d.breakdown(topic, "by-violation", itoa4(y)+"年处罚决定按违法行为类型", "违法行为类型", d.actsBetween(from, to), from, to,
		func(a *disclose.Activity) []string {
			v := strings.TrimSpace(a.Violation)
			if v == "" {
				v = "未注明"
			}
			return []string{v}
		}, nil, "按决定书的违法行为类型原文归类，决定多的在前；超过15类时，其余各类合并为一行并注明类数。")
	if len(t.Rows) > maxViolations+1 {
		rest := t.Rows[maxViolations:]
		sum := 0.0
		for _, r := range rest {
			sum += r.Cells[0].V
		}
		t.Rows = append(t.Rows[:maxViolations:maxViolations], Row{Label: "其余" + itoa(len(rest)) + "类", Cells: []Cell{Num(sum)}})
	}
	return t
}

// ByDomain counts decisions by the domain (所属领域) of the power item they
// name by 权力编码.
func (d *Data) ByDomain(topic string, y int) Table {
	from, to := d.yearSpan(y)
	return d.breakdown(topic, "by-domain", itoa4(y)+"年处罚决定按执法领域", "执法领域", d.actsBetween(from, to), from, to,
		func(a *disclose.Activity) []string {
			if p := d.powerIdx[codeKey(a.PowerCode)]; p != nil && strings.TrimSpace(p.Domain) != "" {
				return []string{strings.TrimSpace(p.Domain)}
			}
			return []string{"未注明"}
		}, nil, "领域取决定书权力编码所对应权力清单事项的所属领域；没有权力编码或编码不在权力清单中的记为“未注明”。")
}

// ByParty counts decisions by the class of the party.
func (d *Data) ByParty(topic string, y int) Table {
	from, to := d.yearSpan(y)
	order := []string{records.PartyOrg.String(), records.PartySoleTrader.String(), records.PartyPerson.String()}
	return d.breakdown(topic, "by-party", itoa4(y)+"年处罚决定按当事人类别", "当事人类别", d.actsBetween(from, to), from, to,
		func(a *disclose.Activity) []string { return []string{a.PartyClass.String()} }, order,
		"当事人类别取决定的行政相对人类别；未填写时按统一社会信用代码和名称推断，无法判断的按自然人计。")
}
