package stats

var petitionInds = []string{IndVisits, IndDisputes, IndResolved, IndPetitions, IndClosed, IndPetOnTime}

const petitionSource = "数据来自 data/stats 中的综治中心和信访月度统计表，按月份逐项相加；表中的合计列和比率列不参与计算。"

// HasPetitions reports whether there are petition and dispute figures.
func (d *Data) HasPetitions() bool { return d.lastMonth(petitionInds...) != "" }

// petitionMeasures are the petition figures; 信访按期办结 and its rate
// only when a table has it.
func (d *Data) petitionMeasures() []measure {
	ms := []measure{
		{name: "来访人次", val: d.count(IndVisits)},
		{name: "矛盾纠纷受理", val: d.count(IndDisputes)},
		{name: "矛盾纠纷化解", val: d.count(IndResolved)},
		{name: "矛盾纠纷化解率（%）", rate: true, val: d.rateOf(IndResolved, IndDisputes)},
		{name: "信访受理", val: d.count(IndPetitions)},
		{name: "信访办结", val: d.count(IndClosed)},
		{name: "信访办结率（%）", rate: true, val: d.rateOf(IndClosed, IndPetitions)},
	}
	if d.lastMonth(IndPetOnTime) != "" {
		ms = append(ms,
			measure{name: "信访按期办结", val: d.count(IndPetOnTime)},
			measure{name: "信访按期办结率（%）", rate: true, val: d.rateOf(IndPetOnTime, IndClosed)})
	}
	return ms
}

// PetitionsMonthly is visits, disputes and petitions per month.
func (d *Data) PetitionsMonthly() Table {
	all := d.petitionMeasures()
	ms := []measure{all[0], all[1], all[2], all[4], all[5]}
	span := d.monthSpan(petitionInds...)
	t := Table{Topic: TopicPetitions, Slug: "monthly", Name: "综治中心与信访每月情况", Kind: KindLine, LabelName: "月份", Unit: "件（来访为人次）",
		Series: seriesOf(ms), Rows: d.monthlyTable(span, ms, petitionInds), Sources: d.datasets(petitionInds...),
		Note: "来访按人次计，矛盾纠纷和信访按件计。" + petitionSource + gapNote}
	d.dated(&t, d.lastMonth(petitionInds...))
	t.Title = t.Name
	if len(span) > 0 {
		last := span[len(span)-1]
		r := t.Rows[len(t.Rows)-1]
		t.Title = cnMonth(last) + "接待来访" + fmtCell(r.Cells[0]) + "人次，受理矛盾纠纷" + fmtCell(r.Cells[1]) + "件、信访" + fmtCell(r.Cells[3]) + "件"
		t.Subtitle = "单位：件，来访为人次；按月统计，" + cnPeriod(span[0], last)
	}
	return t
}

// PetitionRates is the dispute resolution rate and the petition closing rate
// per month.
func (d *Data) PetitionRates() Table {
	all := d.petitionMeasures()
	ms := []measure{all[3], all[6]}
	span := d.monthSpan(petitionInds...)
	t := Table{Topic: TopicPetitions, Slug: "rates", Name: "矛盾纠纷化解率与信访办结率", Kind: KindLine, LabelName: "月份", Unit: "%",
		Series: seriesOf(ms), Rows: d.monthlyTable(span, ms, petitionInds), Sources: d.datasets(petitionInds...),
		Note: "化解率 = 矛盾纠纷化解 ÷ 矛盾纠纷受理 × 100；办结率 = 信访办结 ÷ 信访受理 × 100；保留两位小数，分母为0时记“—”。当月办结的可能是以前受理的，所以比率可能超过100%。" + gapNote}
	d.dated(&t, d.lastMonth(petitionInds...))
	t.Title = t.Name
	if len(span) > 0 {
		last := span[len(span)-1]
		from := last[:4] + "-01"
		in := inRange(from, last)
		t.Title = cnPeriod(from, last) + "矛盾纠纷化解率" + fmtCell(ms[0].val(in)) + "%，信访办结率" + fmtCell(ms[1].val(in)) + "%"
		t.Subtitle = "单位：%；按月统计，" + cnPeriod(span[0], last)
	}
	return t
}

// PetitionsLatest compares the latest month with the month before and a
// year before.
func (d *Data) PetitionsLatest() Table {
	return d.latestTable(TopicPetitions, "latest-month", "综治中心与信访本月环比与同比", d.petitionMeasures(), petitionInds)
}

// PetitionsYTD compares the year to date with the same period a year
// before.
func (d *Data) PetitionsYTD() Table {
	return d.ytdTable(TopicPetitions, "year-to-date", "综治中心与信访本年累计", d.petitionMeasures(), petitionInds)
}
