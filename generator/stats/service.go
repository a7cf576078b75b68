package stats

import (
	"slices"
	"sort"
)

// Topic paths. They are part of published URLs and never change.
const (
	TopicService     = "service-centre"
	TopicPetitions   = "petitions"
	TopicEnforcement = "enforcement"
	TopicPowers      = "powers"
	TopicUsage       = "powers/usage"
	TopicYear        = "year" // year pages are "year/2026"
)

var serviceInds = []string{IndReceived, IndCompleted, IndOnTime}

var ratingInds = Ratings

const serviceSource = "数据来自 data/stats 中的便民服务中心统计表，按月份、类别、窗口逐行相加；表中的合计列和比率列不参与计算。"

// HasService reports whether there are service-centre figures.
func (d *Data) HasService() bool { return d.lastMonth(serviceInds...) != "" }

// HasRatings reports whether there are 好差评 figures.
func (d *Data) HasRatings() bool { return d.lastMonth(ratingInds...) != "" }

func (d *Data) serviceMeasures() []measure {
	ms := []measure{
		{name: "受理数", val: d.count(IndReceived)},
		{name: "办结数", val: d.count(IndCompleted)},
		{name: "按期办结数", val: d.count(IndOnTime)},
		{name: "按期办结率（%）", rate: true, val: d.rateOf(IndOnTime, IndCompleted)},
	}
	if d.HasRatings() {
		ms = append(ms,
			measure{name: "评价总数", val: d.sumOf(Ratings...)},
			measure{name: "好评率（%）", rate: true, val: d.ratioOf(Ratings[:3], Ratings)},
			measure{name: "差评数", val: d.sumOf(Ratings[3:]...)})
	}
	return ms
}

// ServiceVolume is received, completed and completed-on-time per month.
func (d *Data) ServiceVolume() Table {
	ms := d.serviceMeasures()[:3]
	span := d.monthSpan(serviceInds...)
	t := Table{Topic: TopicService, Slug: "monthly-volume", Name: "便民服务中心每月受理与办结件数", Kind: KindLine, LabelName: "月份", Unit: "件",
		Series: seriesOf(ms), Rows: d.monthlyTable(span, ms, serviceInds), Sources: d.datasets(serviceInds...),
		Note: "受理数、办结数为当月全部窗口、全部类别之和；按期办结数为在承诺时限内办结的件数。" + serviceSource + gapNote}
	d.dated(&t, d.lastMonth(serviceInds...))
	t.Title = t.Name
	if len(span) > 0 {
		last := span[len(span)-1]
		r := t.Rows[len(t.Rows)-1]
		t.Title = cnMonth(last) + "受理" + fmtCell(r.Cells[0]) + "件，办结" + fmtCell(r.Cells[1]) + "件"
		t.Subtitle = "单位：件；按月统计，" + cnPeriod(span[0], last)
	}
	return t
}

const gapNote = "没有数据的月份在表中留空并注明“本月无数据”，不按0计。"

// ServiceOnTime is the on-time completion rate per month.
func (d *Data) ServiceOnTime() Table {
	span := d.monthSpan(serviceInds...)
	ms := []measure{{name: "按期办结率（%）", rate: true, val: d.rateOf(IndOnTime, IndCompleted)}}
	t := Table{Topic: TopicService, Slug: "on-time-rate", Name: "便民服务中心每月按期办结率", Kind: KindLine, LabelName: "月份", Unit: "%",
		Series: seriesOf(ms), Rows: d.monthlyTable(span, ms, serviceInds), Sources: d.datasets(serviceInds...),
		Note: "按期办结率 = 按期办结数 ÷ 办结数 × 100，保留两位小数；办结数为0或缺少其中一项时记“—”。年度比率由累计数计算，不是各月比率的平均。" + gapNote}
	d.dated(&t, d.lastMonth(serviceInds...))
	t.Title = t.Name
	if len(span) > 0 {
		last := span[len(span)-1]
		from := last[:4] + "-01"
		ytd := ms[0].val(inRange(from, last))
		t.Title = cnPeriod(from, last) + "按期办结率" + fmtCell(ytd) + "%"
		t.Subtitle = "单位：%；按月统计，" + cnPeriod(span[0], last)
	}
	return t
}

// ServiceLatest compares the latest month with the month before and a year
// before.
func (d *Data) ServiceLatest() Table {
	t := d.latestTable(TopicService, "latest-month", "便民服务中心本月环比与同比", d.serviceMeasures(), append(append([]string(nil), serviceInds...), ratingInds...))
	t.Note += " 好评率 =（非常满意+满意+基本满意）÷ 评价总数；差评数 = 不满意 + 非常不满意。"
	return t
}

// ServiceYTD compares the year to date with the same period a year before.
func (d *Data) ServiceYTD() Table {
	t := d.ytdTable(TopicService, "year-to-date", "便民服务中心本年累计", d.serviceMeasures(), serviceInds)
	t.Note += " 好评率 =（非常满意+满意+基本满意）÷ 评价总数；差评数 = 不满意 + 非常不满意。"
	return t
}

// ServiceByCategory is the year to date per category.
func (d *Data) ServiceByCategory() Table {
	return d.serviceBy("by-category", "类别", "便民服务中心本年各类别受理与办结", func(f *fact) string { return f.cat })
}

// ServiceByWindow is the year to date per window.
func (d *Data) ServiceByWindow() Table {
	return d.serviceBy("by-window", "窗口", "便民服务中心本年各窗口受理与办结", func(f *fact) string { return f.win })
}

// ServiceQualityByCategory is the on-time rate and the ratings of the year
// to date per category.
func (d *Data) ServiceQualityByCategory() Table {
	return d.serviceQualityBy("by-category-quality", "类别", "便民服务中心本年各类别按期办结与好差评", func(f *fact) string { return f.cat })
}

// ServiceQualityByWindow is the on-time rate and the ratings of the year to
// date per window.
func (d *Data) ServiceQualityByWindow() Table {
	return d.serviceQualityBy("by-window-quality", "窗口", "便民服务中心本年各窗口按期办结与好差评", func(f *fact) string { return f.win })
}

// serviceQualityBy is a table (no chart: rates and counts do not share an
// axis) of the year to date per category or window: completed, on time,
// on-time rate, ratings, good-rating rate and bad ratings. Rates come from
// the sums, as everywhere.
func (d *Data) serviceQualityBy(slug, dim, name string, key func(*fact) string) Table {
	t := Table{Topic: TopicService, Slug: slug, Name: name, Title: name, Kind: KindTable, LabelName: dim,
		Series:  []string{"办结数", "按期办结数", "按期办结率（%）", "评价总数", "好评率（%）", "差评数"},
		Sources: d.datasets(append(append([]string{}, serviceInds...), ratingInds...)...)}
	last := d.lastMonth(serviceInds...)
	d.dated(&t, last)
	if last == "" {
		return t
	}
	from := last[:4] + "-01"
	keys := map[string]bool{}
	for _, f := range d.facts {
		if f.month >= from && f.month <= last && (f.ind == IndCompleted || f.ind == IndOnTime || slices.Contains(Ratings, f.ind)) {
			keys[key(&f)] = true
		}
	}
	for _, k := range sortedKeys(keys) {
		in := func(f *fact) bool { return key(f) == k && f.month >= from && f.month <= last }
		label := k
		if k == "" {
			label = "未注明"
		}
		t.Rows = append(t.Rows, Row{Label: label, Cells: []Cell{
			d.sum(IndCompleted, in), d.sum(IndOnTime, in), d.rateOf(IndOnTime, IndCompleted)(in),
			d.sumOf(Ratings...)(in), d.ratioOf(Ratings[:3], Ratings)(in), d.sumOf(Ratings[3:]...)(in),
		}})
	}
	t.Subtitle = "单位：件，比率为%；" + cnPeriod(from, last) + "累计"
	t.Note = "按期办结率 = 按期办结数 ÷ 办结数；好评率 =（非常满意+满意+基本满意）÷ 评价总数；差评数 = 不满意 + 非常不满意。均由本年累计数计算，不是各月比率的平均；分母为0或无数据时记“—”。" + serviceSource
	return t
}

func (d *Data) serviceBy(slug, dim, name string, key func(*fact) string) Table {
	last := d.lastMonth(serviceInds...)
	from := ""
	if last != "" {
		from = last[:4] + "-01"
	}
	t := d.serviceByIn(TopicService, slug, dim, name, from, last, key)
	t.Note = "每个" + dim + "为本年各月数据行之和；年中才出现的" + dim + "只计其有数据的月份，并在表中注明起始月份。" + serviceSource
	return t
}

// serviceByIn is received and completed per category or window over the
// months from..to, the most received first.
func (d *Data) serviceByIn(topic, slug, dim, name, from, last string, key func(*fact) string) Table {
	t := Table{Topic: topic, Slug: slug, Name: name, Title: name, Kind: KindHBar, LabelName: dim, Unit: "件",
		Series: []string{"受理数", "办结数"}, Sources: d.datasets(serviceInds...)}
	d.dated(&t, d.lastMonth(serviceInds...))
	if last == "" {
		return t
	}
	keys := map[string]string{} // key → first month in the period
	for _, f := range d.facts {
		if (f.ind == IndReceived || f.ind == IndCompleted) && f.month >= from && f.month <= last {
			k := key(&f)
			if first, ok := keys[k]; !ok || f.month < first {
				keys[k] = f.month
			}
		}
	}
	firstAll := ""
	for _, m := range keys {
		if firstAll == "" || m < firstAll {
			firstAll = m
		}
	}
	for _, k := range sortedKeys(keys) {
		in := func(f *fact) bool { return key(f) == k && f.month >= from && f.month <= last }
		r := Row{Label: k, Cells: []Cell{d.sum(IndReceived, in), d.sum(IndCompleted, in)}}
		if k == "" {
			r.Label = "未注明"
		}
		if keys[k] > firstAll {
			r.Note = cnMonth(keys[k]) + "起有数据"
		}
		t.Rows = append(t.Rows, r)
	}
	sort.SliceStable(t.Rows, func(i, j int) bool { return t.Rows[i].Cells[0].V > t.Rows[j].Cells[0].V })
	if len(t.Rows) > 0 {
		top := t.Rows[0]
		t.Title = cnPeriod(from, last) + top.Label + "受理最多，共" + fmtCell(top.Cells[0]) + "件"
	}
	t.Subtitle = "单位：件；" + cnPeriod(from, last) + "累计，按受理数从多到少排列"
	t.Note = "每个" + dim + "为该期间各月数据行之和；期间中才出现的" + dim + "只计其有数据的月份，并在表中注明起始月份。" + serviceSource
	return t
}

// YearServiceByCategory is received and completed per category in year y.
func (d *Data) YearServiceByCategory(y int) Table {
	return d.yearServiceBy(y, "service-by-category", "类别", func(f *fact) string { return f.cat })
}

// YearServiceByWindow is received and completed per window in year y.
func (d *Data) YearServiceByWindow(y int) Table {
	return d.yearServiceBy(y, "service-by-window", "窗口", func(f *fact) string { return f.win })
}

func (d *Data) yearServiceBy(y int, slug, dim string, key func(*fact) string) Table {
	ms := d.yearMonthsOf(y, serviceInds...)
	name := itoa4(y) + "年便民服务中心各" + dim + "受理与办结"
	if ms == nil {
		return d.serviceByIn(YearTopic(y), slug, dim, name, "", "", key)
	}
	return d.serviceByIn(YearTopic(y), slug, dim, name, ms[0], ms[len(ms)-1], key)
}

// Ratings is the number of ratings per level per month.
func (d *Data) Ratings() Table {
	span := d.monthSpan(ratingInds...)
	var ms []measure
	for _, r := range Ratings {
		ms = append(ms, measure{name: r, val: d.count(r)})
	}
	t := Table{Topic: TopicService, Slug: "ratings", Name: "好差评每月评价等级分布", Title: "好差评每月评价等级分布", Kind: KindStack, LabelName: "月份", Unit: "件",
		Series: seriesOf(ms), Rows: d.monthlyTable(span, ms, ratingInds), Sources: d.datasets(ratingInds...),
		Note: "按评价等级统计的评价件数，五个等级为非常满意、满意、基本满意、不满意、非常不满意，后两级为差评（差评须在15个工作日内整改）。" + gapNote}
	d.dated(&t, d.lastMonth(ratingInds...))
	if len(span) > 0 {
		t.Subtitle = "单位：件；按月统计，" + cnPeriod(span[0], span[len(span)-1])
	}
	return t
}

// Satisfaction is the share of good ratings and the number of bad ones per
// month.
func (d *Data) Satisfaction() Table {
	span := d.monthSpan(ratingInds...)
	ms := []measure{{name: "好评率（%）", rate: true, val: d.ratioOf(Ratings[:3], Ratings)}}
	t := Table{Topic: TopicService, Slug: "good-rating-rate", Name: "好差评每月好评率", Title: "好差评每月好评率", Kind: KindLine, LabelName: "月份", Unit: "%",
		Series: seriesOf(ms), Rows: d.monthlyTable(span, ms, ratingInds), Sources: d.datasets(ratingInds...),
		Note: "好评率 =（非常满意+满意+基本满意）÷ 五个等级评价总数 × 100，保留两位小数；当月无评价时记“—”。" + gapNote}
	d.dated(&t, d.lastMonth(ratingInds...))
	if len(span) > 0 {
		last := span[len(span)-1]
		from := last[:4] + "-01"
		in := inRange(from, last)
		t.Title = cnPeriod(from, last) + "好评率" + fmtCell(ms[0].val(in)) + "%，差评" + fmtCell(d.sumOf(Ratings[3:]...)(in)) + "件"
		t.Subtitle = "单位：%；按月统计，" + cnPeriod(span[0], last)
	}
	return t
}

// BadRatings is the number of 差评 per month.
func (d *Data) BadRatings() Table {
	span := d.monthSpan(ratingInds...)
	ms := []measure{{name: "差评数", val: d.sumOf(Ratings[3:]...)}}
	t := Table{Topic: TopicService, Slug: "bad-ratings", Name: "好差评每月差评件数", Title: "好差评每月差评件数", Kind: KindBar, LabelName: "月份", Unit: "件",
		Series: seriesOf(ms), Rows: d.monthlyTable(span, ms, ratingInds), Sources: d.datasets(ratingInds...),
		Note: "差评数 = 不满意 + 非常不满意。" + gapNote}
	d.dated(&t, d.lastMonth(ratingInds...))
	if len(span) > 0 {
		t.Subtitle = "单位：件；按月统计，" + cnPeriod(span[0], span[len(span)-1])
	}
	return t
}
