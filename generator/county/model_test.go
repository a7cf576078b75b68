package county

import (
	"testing"
	"time"
)

func TestPowersMatchByCodeOrName(t *testing.T) {
	m := newModel(&county{}, []*Town{
		{Slug: "a", Name: "甲镇", Powers: []PowerItem{
			{Code: "C1", Name: "对占道经营的处罚", Category: "行政处罚"},
			{Code: "A-2", Name: "结婚登记", Category: "行政确认"},
			{Code: "A-3", Name: "只在甲镇", Category: "行政检查"},
		}},
		{Slug: "b", Name: "乙镇", Powers: []PowerItem{
			{Code: "C1", Name: "对占用道路经营的处罚", Category: "行政处罚"}, // same code, other name
			{Code: "B-2", Name: "结婚登记", Category: "行政确认"},      // same name, other code
			{Code: "B-9", Name: "只在乙镇", Category: "行政许可"},
		}},
	}, time.Time{})
	pd := m.powers([]TownRow{{Name: "甲镇"}, {Name: "乙镇"}})
	if pd.Matched != 4 || pd.Common != 2 || len(pd.Diff) != 2 {
		t.Fatalf("matched %d, common %d, diff %+v", pd.Matched, pd.Common, pd.Diff)
	}
	// The standard's order of categories: 行政许可 before 行政检查.
	if d := pd.Diff[0]; d.Name != "只在乙镇" || d.Has[0] || !d.Has[1] {
		t.Errorf("first difference %+v", d)
	}
	if d := pd.Diff[1]; d.Name != "只在甲镇" || !d.Has[0] || d.Has[1] {
		t.Errorf("second difference %+v", d)
	}
	if got := pd.Categories; len(got) != 4 || got[0] != "行政许可" || got[1] != "行政处罚" {
		t.Errorf("categories %v", got)
	}
}

func TestComparisonWindowIsTheMonthsEveryTownReports(t *testing.T) {
	month := func(m string, vals map[string]float64) MonthFig { return MonthFig{Month: m, Values: vals} }
	a := &Town{Slug: "a", Months: []MonthFig{
		month("2025-12", map[string]float64{"受理数": 5, "办结数": 5, "按期办结数": 5}),
		month("2026-03", map[string]float64{"受理数": 10, "办结数": 8, "按期办结数": 6}),
		month("2026-04", map[string]float64{"受理数": 10, "办结数": 10, "按期办结数": 10}),
	}}
	b := &Town{Slug: "b", Months: []MonthFig{
		month("2026-03", map[string]float64{"受理数": 7, "办结数": 4}),
		month("2026-03", map[string]float64{"信访受理": 1}),
	}}
	m := newModel(&county{}, []*Town{a, b}, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	h := m.home()
	if h.Service != (Period{From: "2025-04", To: "2026-03"}) {
		t.Fatalf("service window %+v", h.Service)
	}
	sa, sb := h.Towns[0].Service, h.Towns[1].Service
	if sa.A != 15 || sa.Months != 2 || sa.Rate() != "84.6%" {
		t.Errorf("a: %+v rate %s", sa, sa.Rate())
	}
	if sb.A != 7 || sb.Rate() != "—" {
		t.Errorf("b reports no 按期办结: %+v rate %s", sb, sb.Rate())
	}
	if h.Total.Service.A != 22 || h.Total.Service.Rate() != "—" {
		t.Errorf("total %+v rate %s: want no rate while a town reports none", h.Total.Service, h.Total.Service.Rate())
	}
}
