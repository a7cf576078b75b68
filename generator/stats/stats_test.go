package stats

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gongshi/generator/diag"
	"gongshi/generator/disclose"
	"gongshi/generator/internal/statsfixture"
	"gongshi/generator/records"
)

func day(s string) time.Time { return statsfixture.Day(s) }

func fixture() *disclose.Result { return statsfixture.Result() }

// rows writes a table's rows as "label: a b c (note)", "—" for blanks.
func rows(t Table) []string {
	var out []string
	for _, r := range t.Rows {
		var cs []string
		cs = append(cs, r.Attrs...)
		for _, c := range r.Cells {
			if c.Blank {
				cs = append(cs, "—")
			} else {
				cs = append(cs, c.String())
			}
		}
		s := r.Label + ": " + strings.Join(cs, " ")
		if r.Note != "" {
			s += " (" + r.Note + ")"
		}
		out = append(out, s)
	}
	return out
}

func TestFiguresFromRows(t *testing.T) {
	d := New(fixture())
	gap := func(m string, n int) string {
		return m + ": " + strings.TrimSpace(strings.Repeat("— ", n)) + " (本月无数据)"
	}
	tests := []struct {
		name  string
		table Table
		title string
		want  []string
	}{
		{"service volume: 合计 row ignored, empty months are gaps", d.ServiceVolume(), "2026年4月受理190件，办结180件", []string{
			"2025-01: 100 100 98", gap("2025-02", 3), gap("2025-03", 3), "2025-04: 110 108 108",
			gap("2025-05", 3), gap("2025-06", 3), gap("2025-07", 3), gap("2025-08", 3), gap("2025-09", 3), gap("2025-10", 3), gap("2025-11", 3), gap("2025-12", 3),
			"2026-01: 200 198 196", gap("2026-02", 3), "2026-03: 190 186 185", "2026-04: 190 180 175"}},
		// 1—4月: 按期 117+79+125+60+100+45+30 = 556, 办结 118+80+125+61+100+50+30 = 564; 556/564 = 98.58%.
		{"on-time rate from sums", d.ServiceOnTime(), "2026年1—4月按期办结率98.58%", nil},
		{"year to date against last year", d.ServiceYTD(), "", []string{
			"受理数: 580 210 176.19", "办结数: 564 208 171.15", "按期办结数: 556 206 169.9",
			"按期办结率（%）: 98.58 99.04 -0.46", // 206/208 = 99.04; change in points
			"评价总数: 235 —", "好评率（%）: 97.87 — —", "差评数: 5 — —"}[:4]},
		{"latest month", d.ServiceLatest(), "2026年4月与上月、上年同月比较", []string{
			"受理数: 190 190 0 110 72.73", "办结数: 180 186 -3.23 108 66.67", "按期办结数: 175 185 -5.41 108 62.04",
			"按期办结率（%）: 97.22 99.46 -2.24 100 -2.78",
			"评价总数: — 107 — — —", "好评率（%）: — 98.13 — — —", "差评数: — 2 — — —"}},
		{"category appearing mid-year", d.ServiceByCategory(), "2026年1—4月社会保障受理最多，共350件", []string{
			"社会保障: 350 343", "民政事务: 190 191", "不动产登记: 40 30 (2026年4月起有数据)"}},
		{"ratings", d.Ratings(), "", []string{"2026-01: 70 40 15 2 1", gap("2026-02", 5), "2026-03: 70 30 5 1 1"}},
		// (70+40+15)/128 = 97.66; (70+30+5)/107 = 98.13; 1—3月 230/235 = 97.87.
		{"good rating rate", d.Satisfaction(), "2026年1—3月好评率97.87%，差评5件", []string{"2026-01: 97.66", gap("2026-02", 1), "2026-03: 98.13"}},
		{"bad ratings", d.BadRatings(), "", []string{"2026-01: 3", gap("2026-02", 1), "2026-03: 2"}},
		// Visits 30+25+40 = 95, not the sheet's 合计 999; 0/0 petitions in 2月 is "—".
		{"petitions year to date", d.PetitionsYTD(), "2026年1—4月累计与上年同期比较", []string{
			"来访人次: 95 — —", "矛盾纠纷受理: 39 — —", "矛盾纠纷化解: 37 — —", "矛盾纠纷化解率（%）: 94.87 — —",
			"信访受理: 12 — —", "信访办结: 11 — —", "信访办结率（%）: 91.67 — —"}},
		{"petition rates", d.PetitionRates(), "2026年1—4月矛盾纠纷化解率94.87%，信访办结率91.67%", []string{
			"2026-01: 90 100", "2026-02: 100 —", "2026-03: 91.67 66.67", "2026-04: 100 100"}},
		{"petitions monthly: a missing cell is blank, not 0", d.PetitionsMonthly(), "", []string{
			"2026-01: 30 10 9 5 5", "2026-02: 25 8 8 0 0", "2026-03: — 12 11 3 2", "2026-04: 40 9 9 4 4"}},
		// 2026: 2000+500+5000+0 = 7,500 yuan in 4 decisions; 2025 same period: 1 decision, 1,000 yuan.
		// The decisions run to 10 May (the latest decision), not to the
		// build date; the collected fines to March, their last month.
		{"enforcement headline", d.EnforcementYTD(), "2026年1月1日至5月10日共办理各类案件4起，罚款7,500元", []string{
			"行政处罚决定（起）: 4 1 300", "罚款金额（元）: 7500 1000 650", "罚款收缴金额（元）: 2500 — — (来自统计表，按月统计：2026年1—3月与2025年1—3月比较)"}},
		{"decisions by month", d.YearDecisions(2026), "", []string{"2026-01: 1", "2026-02: 0", "2026-03: 2", "2026-04: 0", "2026-05: 1 (数据截至5月10日)"}},
		{"fines by month with collected", d.YearFines(2026), "2026年1—5月共处罚款7,500元", []string{
			"2026-01: 2000 —", "2026-02: 0 —", "2026-03: 5500 2500", "2026-04: 0 —", "2026-05: 0 — (数据截至5月10日)"}},
		{"by category", d.ByCategory(TopicEnforcement, 2026), "", []string{"警告: 2", "罚款: 3"}},
		{"by domain via power code", d.ByDomain(TopicEnforcement, 2026), "", []string{"未注明: 2", "城市综合执法: 1", "生态环境: 1"}},
		{"by party", d.ByParty(TopicEnforcement, 2026), "", []string{"法人及非法人组织: 1", "个体工商户: 1", "自然人: 2"}},
		{"powers by source", d.PowersBySource(), "", []string{"法定本级行使: 2", "上级下放: 3", "委托: 1"}},
		// 2025-05-11..2026-05-10: the 2025-04 decision is outside.
		{"usage", d.UsageItems(), "近12个月5项处罚类事项中，3项有决定使用，2项从未使用", []string{
			"对露天焚烧秸秆的处罚: P002 上级下放 生态环境 权力编码 1、处罚依据 1 1 2",
			"对擅自占用城市道路的处罚: P001 委托 城市综合执法 权力编码 1 1",
			"对超标排放油烟的处罚: P003 上级下放 生态环境 违法行为 1 1",
			"对占道经营的处罚: P004 法定本级行使 城市综合执法 — 0 0",
			"对违法建设的处罚: P005 上级下放 未注明 — 0 0"}},
		{"never used", d.UsageNever(), "2项处罚类权力事项近12个月从未使用", []string{
			"对占道经营的处罚: P004 法定本级行使 城市综合执法 0", "对违法建设的处罚: P005 上级下放 未注明 0"}},
		{"usage by source", d.UsageBySource(), "下放和委托事项中，1项近12个月从未使用", []string{"法定本级行使: 0 1", "上级下放: 2 1", "委托: 1 0"}},
		{"annual report", d.AnnualReport(2026), "2026年作出行政处罚决定4件、行政许可决定20件", []string{"行政许可: 20", "行政处罚: 4"}},
		{"annual report without licence data", d.AnnualReport(2025), "2025年作出行政处罚决定1件", []string{"行政许可: —", "行政处罚: 1"}},
		{"year service totals", d.YearService(2025), "", []string{"受理数: 210", "办结数: 208", "按期办结数: 206", "按期办结率（%）: 99.04", "评价总数: —", "好评率（%）: —", "差评数: —"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.title != "" && tt.table.Title != tt.title {
				t.Errorf("title %q, want %q", tt.table.Title, tt.title)
			}
			got := rows(tt.table)
			if tt.want == nil {
				return
			}
			if len(got) < len(tt.want) {
				t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for i, w := range tt.want {
				if got[i] != w {
					t.Errorf("row %d = %q, want %q", i, got[i], w)
				}
			}
			for _, r := range tt.table.Rows {
				if len(r.Cells) != len(tt.table.Series) || len(r.Attrs) != len(tt.table.Attrs) {
					t.Errorf("row %q has %d cells and %d attrs for %d series and %d attrs", r.Label, len(r.Cells), len(r.Attrs), len(tt.table.Series), len(tt.table.Attrs))
				}
			}
		})
	}
}

func TestRateIsComputedFromSumsNotAveraged(t *testing.T) {
	res := &disclose.Result{BuildDate: day("2026-06-01")}
	for _, r := range []records.StatRow{
		{Month: "2026-01", Indicator: "办结数", Value: 1}, {Month: "2026-01", Indicator: "按期办结数", Value: 1}, // 100%
		{Month: "2026-02", Indicator: "办结数", Value: 100}, {Month: "2026-02", Indicator: "按期办结数", Value: 50}, // 50%
		{Month: "2026-02", Indicator: "按时办结率", Value: 12.5}, // a rate in the export: ignored
		{Month: "2026-03", Indicator: "办结数", Value: 0}, {Month: "2026-03", Indicator: "按期办结数", Value: 0},
	} {
		res.Stats = append(res.Stats, r)
	}
	d := New(res)
	ytd := d.ServiceYTD()
	// 51/101 = 50.50%, not (100+50)/2 = 75%.
	if got := rows(ytd)[3]; got != "按期办结率（%）: 50.5 — —" {
		t.Errorf("got %q", got)
	}
	if got := rows(d.ServiceOnTime())[2]; got != "2026-03: —" {
		t.Errorf("denominator 0: got %q, want a blank", got)
	}
}

func TestHeadlineMatchesTable(t *testing.T) {
	d := New(fixture())
	h := d.Headline()
	if h.Cases != 4 || h.Fines != 750000 || h.Sentence != "2026年1月1日至5月10日共办理各类案件4起，罚款7,500元" {
		t.Errorf("headline %+v", h)
	}
	ytd := d.EnforcementYTD()
	if ytd.Title != h.Sentence || ytd.Rows[0].Cells[0].V != float64(h.Cases) || ytd.Rows[1].Cells[0].V != h.Fines.Yuan() {
		t.Errorf("the sentence and the table disagree: %q %v", ytd.Title, rows(ytd))
	}
	if h.URL != "/stats/enforcement/#enforcement-year-to-date" {
		t.Errorf("URL %s", h.URL)
	}
}

func TestYears(t *testing.T) {
	if got := fmt.Sprint(New(fixture()).Years()); got != "[2026 2025]" {
		t.Errorf("years %s", got)
	}
}

func TestServiceQualityByCategoryFromSums(t *testing.T) {
	d := New(&disclose.Result{BuildDate: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Stats: []records.StatRow{
		{Month: "2026-01", Category: "社保", Indicator: "办结数", Value: 100},
		{Month: "2026-01", Category: "社保", Indicator: "按期办结数", Value: 90},
		{Month: "2026-02", Category: "社保", Indicator: "办结数", Value: 300},
		{Month: "2026-02", Category: "社保", Indicator: "按期办结数", Value: 300},
		{Month: "2026-02", Category: "社保", Indicator: "满意", Value: 8},
		{Month: "2026-02", Category: "社保", Indicator: "不满意", Value: 2},
		{Month: "2026-02", Category: "民政", Indicator: "办结数", Value: 0},
		{Month: "2026-02", Category: "民政", Indicator: "按期办结数", Value: 0},
	}})
	tb := d.ServiceQualityByCategory()
	rows := map[string][]Cell{}
	for _, r := range tb.Rows {
		rows[r.Label] = r.Cells
	}
	// 社保: (90+300)/(100+300) = 97.5%, not the mean of 90% and 100%.
	if c := rows["社保"]; c[0].V != 400 || c[1].V != 390 || c[2].V != 97.5 || c[3].V != 10 || c[4].V != 80 || c[5].V != 2 {
		t.Errorf("社保: %+v", c)
	}
	// 民政: no completed cases, so no rate.
	if c := rows["民政"]; !c[2].Blank {
		t.Errorf("民政 rate with a zero denominator: %+v", c[2])
	}
}

// TestOtherIndicators: indicators no built-in figure uses are kept under
// their own names on their table's topic; an exported rate is shown for a
// month as exported and never summed; a rate the pages compute is a note
// for check; a table no topic takes is a warning.
func TestOtherIndicators(t *testing.T) {
	res := &disclose.Result{BuildDate: day("2026-06-01")}
	for _, r := range []records.StatRow{
		{Dataset: "便民", Month: "2026-01", Category: "社保", Indicator: "受理数", Value: 10},
		{Dataset: "便民", Month: "2026-01", Category: "社保", Indicator: "即办件数", Value: 4},
		{Dataset: "便民", Month: "2026-01", Category: "民政", Indicator: "即办件数", Value: 3},
		{Dataset: "便民", Month: "2026-01", Category: "合计", Indicator: "即办件数", Value: 99},
		{Dataset: "便民", Month: "2026-02", Category: "社保", Indicator: "即办件数", Value: 5},
		{Dataset: "便民", Month: "2026-01", Indicator: "按时办结率", Value: 98},
		{Dataset: "热线", Month: "2026-01", Indicator: "受理数", Value: 50},
		{Dataset: "热线", Month: "2026-01", Indicator: "满意率", Value: 96.5},
		{Dataset: "热线", Month: "2026-02", Indicator: "受理数", Value: 60},
		{Dataset: "热线", Month: "2026-02", Indicator: "满意率", Value: 97},
		{Dataset: "网格", Month: "2026-01", Indicator: "网格事件数", Value: 7, Pos: diag.Pos{File: "data/stats/网格.csv", Row: 2, Col: 2}},
	} {
		res.Stats = append(res.Stats, r)
	}
	d := New(res, Set{Dataset: "热线", Title: "12345热线", Topic: "hotline", Unit: "件"})
	if got := rows(d.OthersMonthly(TopicService)); fmt.Sprint(got) != "[2026-01: 7 2026-02: 5]" {
		t.Errorf("service centre's other indicators: %v", got)
	}
	// The hotline's 受理数 is its own, not the service centre's.
	if got := rows(d.ServiceVolume()); fmt.Sprint(got) != "[2026-01: 10 — —]" {
		t.Errorf("service volume: %v", got)
	}
	if got := d.OwnTopics(); len(got) != 1 || got[0].Path != "hotline" || got[0].Title != "12345热线" {
		t.Errorf("own topics: %+v", got)
	}
	if got := rows(d.OthersMonthly("hotline")); fmt.Sprint(got) != "[2026-01: 50 96.5 2026-02: 60 97]" {
		t.Errorf("hotline monthly: %v", got)
	}
	// 1—2月: 受理 110; 满意率 is not summed.
	if got := rows(d.OthersYears("hotline")); fmt.Sprint(got) != "[受理数: 110 满意率: —]" {
		t.Errorf("hotline years: %v", got)
	}
	if got := rows(d.OthersLatest("hotline"))[1]; got != "满意率: 97 96.5 0.5 — —" {
		t.Errorf("hotline latest: %v", got)
	}
	var got []string
	for _, x := range d.Unshown() {
		got = append(got, x.Severity.String()+" "+x.Pos.File+" "+x.Code)
	}
	if fmt.Sprint(got) != "[info  stats-rate warning data/stats/网格.csv stats-unshown]" {
		t.Errorf("unshown: %q", got)
	}
}

// TestAsOfIsTheSiteDay: a build at 01:00 on 1 January in the site's zone
// (still 31 December in UTC) counts 1 January, as disclose does.
func TestAsOfIsTheSiteDay(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 31, 17, 0, 0, 0, time.UTC).In(sh)
	d := New(&disclose.Result{BuildDate: now})
	if got := d.AsOf(); !got.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) || d.Year() != 2027 {
		t.Errorf("AsOf %v, year %d; want 2027-01-01", got, d.Year())
	}
}

// TestAnnualReportLicencesBeforeTheirExport: a year before the licence
// export's first record keeps the monthly indicator's sum (or "—"); the
// export's records count only from the year they begin.
func TestAnnualReportLicencesBeforeTheirExport(t *testing.T) {
	res := fixture()
	res.Kinds = append(res.Kinds, records.KindByName("licences"))
	res.Decided = map[string]map[int]int{"licences": {2026: 7}}
	d := New(res)
	tests := []struct {
		year int
		want string
	}{
		{2026, "行政许可: 7"},
		{2025, "行政许可: —"}, // the fixture's indicator has no 2025 month
		{2024, "行政许可: —"},
	}
	for _, tt := range tests {
		tb := d.AnnualReport(tt.year)
		if got := rows(tb)[0]; got != tt.want {
			t.Errorf("%d: %q, want %q", tt.year, got, tt.want)
		}
		if tt.year < 2026 && !strings.Contains(tb.Note, "最早的记录在2026年") {
			t.Errorf("%d: note %q does not say the export begins in 2026", tt.year, tb.Note)
		}
	}
}
