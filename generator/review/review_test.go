package review

import (
	"testing"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestBandOf(t *testing.T) {
	st := config.Review{WindowMonths: 36, Most: 10, More: 3}
	for _, tc := range []struct {
		n    int
		want string
	}{{0, BandNever}, {1, BandFew}, {2, BandFew}, {3, BandMore}, {9, BandMore}, {10, BandMost}, {400, BandMost}} {
		if got := BandOf(tc.n, st); got != tc.want {
			t.Errorf("BandOf(%d) = %s, want %s", tc.n, got, tc.want)
		}
	}
}

func TestReviewCountsEverySourceInTheWindow(t *testing.T) {
	powers := []records.Power{
		{Code: "A1", Name: "对占道经营的处罚", Category: "行政处罚", ImplBasis: "《示例条例》第十二条"},
		{Code: "B2", Name: "食品小作坊登记", Category: "行政许可"},
		{Code: "C3", Name: "对违规设置户外广告的处罚", Category: "行政处罚"},
		{Code: "D4", Name: "城市道路挖掘审批", Category: "行政许可"},
	}
	lic := records.LicenceKind
	pc := lic.FieldOf(records.RolePowerCode)
	item := func(code string, d time.Time) disclose.Item {
		v := make([]string, len(lic.Fields))
		v[pc] = code
		return disclose.Item{Kind: lic, Values: v, Date: d}
	}
	res := &disclose.Result{
		BuildDate: day(2026, 12, 1),
		Activity: []disclose.Activity{
			{Date: day(2026, 10, 1), PowerCode: "A1"},
			{Date: day(2026, 9, 1), Basis: "依据《示例条例》第十二条"},
			{Date: day(2025, 9, 1), Violation: "设置户外广告"},
			{Date: day(2025, 9, 2), Violation: "设置户外广告", Withdrawn: true},
			{Date: day(2023, 10, 1), PowerCode: "A1"}, // before the window
			{Date: day(2026, 8, 1), Violation: "无照经营"},
		},
		Kinds:    []*records.Kind{lic},
		Items:    map[string][]disclose.Item{"licences": {item("B2", day(2026, 11, 1)), item("b2", day(2025, 1, 1)), item("ZZ", day(2026, 1, 1))}},
		Services: []records.Service{{Name: "城市道路挖掘审批", Code: "QX-FW-9"}},
		Stats: []records.StatRow{
			{Month: "2026-10", Category: "城市道路挖掘审批", Indicator: "办结数", Value: 4},
			{Month: "2026-10", Category: "城市道路挖掘审批", Indicator: "受理数", Value: 5},
			{Month: "2023-11", Category: "城市道路挖掘审批", Indicator: "办结数", Value: 7},
		},
		PowerChanges: []records.PowerChange{{Code: "C3", Type: records.ChangeTake, Date: day(2026, 6, 30)}},
	}
	r := New(res, powers, config.Review{WindowMonths: 36, Most: 4, More: 2})
	if r.To != day(2026, 11, 1) || r.From != day(2023, 11, 1) {
		t.Errorf("window %v – %v, want the 36 months up to the latest record", r.From, r.To)
	}
	want := map[string]struct {
		count  int
		band   string
		method string
	}{
		"A1": {2, BandMore, "权力编码 1、处罚依据 1"},
		"B2": {2, BandMore, ""},
		"C3": {1, BandFew, "违法行为"},
		"D4": {4, BandMost, ""},
	}
	for code, w := range want {
		u := r.Of(lower(code))
		if u == nil {
			t.Fatalf("%s: no use", code)
		}
		if u.Count != w.count || u.Band != w.band || u.Method() != w.method {
			t.Errorf("%s: %d %s %q, want %d %s %q", code, u.Count, u.Band, u.Method(), w.count, w.band, w.method)
		}
	}
	if u := r.Of("d4"); u.Service == nil || u.ServiceBy != "事项名称" || u.By[Services] != 4 {
		t.Errorf("D4's service: %+v", u)
	}
	if u := r.Of("c3"); u.Ended == nil {
		t.Errorf("C3 was taken back: %+v", u)
	}
	if r.Unmatched != 1 {
		t.Errorf("%d unmatched, want 1 (无照经营)", r.Unmatched)
	}
	if got := r.Sources; len(got) != 3 || got[1] != "行政许可" || got[2] != Services {
		t.Errorf("sources %v", got)
	}
}

func lower(s string) string { return (&records.Power{Code: s}).ID() }
