package disclose

import (
	"testing"

	"gongshi/generator/config"
	"gongshi/generator/records"
)

func TestMonths(t *testing.T) {
	for n, want := range map[int]string{3: "3个月", 12: "1年", 18: "1年6个月", 36: "3年", 0: "0个月", 11: "11个月"} {
		if got := Months(n); got != want {
			t.Errorf("Months(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestPolicyOfFollowsSettings(t *testing.T) {
	cfg := config.Default().Disclosure
	cfg.Periods = map[string]int{"罚款": 6, "吊销许可证件": 48, "自定义": 9, "default": 30}
	cfg.NameMask = "*"
	p := PolicyOf(cfg)
	want := []Period{{"罚款", 6}, {"吊销许可证件", 36}, {"自定义", 9}} // 48 is past max_months
	if len(p.Periods) != len(want) {
		t.Fatalf("periods %v, want %v", p.Periods, want)
	}
	for i := range want {
		if p.Periods[i] != want[i] {
			t.Errorf("periods[%d] = %v, want %v", i, p.Periods[i], want[i])
		}
	}
	if p.Default != 30 || p.MaskExample != "张*" || p.CompoundMaskExample != "欧阳*" {
		t.Errorf("policy %+v", p)
	}
	var keys []string
	for _, r := range p.Severity {
		keys = append(keys, r.Key)
	}
	if got := keys; len(got) != 4 || got[0] != "轻微" || got[1] != "一般" {
		t.Errorf("severity order %v", got)
	}
}

// TestPolicyAgreesWithWindow checks each period and 违法情节 rule the page
// states against the window the build computes.
func TestPolicyAgreesWithWindow(t *testing.T) {
	cfg := config.Default().Disclosure
	cfg.Periods = map[string]int{"警告": 3, "罚款": 18, "吊销许可证件": 60, "default": 24}
	cfg.Severity = map[string][2]int{"轻微": {0, 0}, "一般": {6, 12}, "严重": {12, 48}}
	p := PolicyOf(cfg)
	decided := day("2024-01-10")
	for _, per := range append(p.Periods, Period{"责令关闭", p.Default}) {
		c := &records.Case{DecisionDate: decided, Categories: []string{per.Category}}
		if got, _ := Window(c, cfg); !got.Equal(decided.AddDate(0, per.Months, 0)) {
			t.Errorf("%s: the page says %s, the build publishes until %s", per.Category, Months(per.Months), got.Format("2006-01-02"))
		}
	}
	for _, r := range p.Severity {
		for _, cat := range []string{"警告", "吊销许可证件"} {
			c := &records.Case{DecisionDate: decided, Categories: []string{cat}, Severity: "情节" + r.Key}
			got, ok := Window(c, cfg)
			if r.Withheld() {
				if ok {
					t.Errorf("%s: the page says withheld, the build publishes", r.Key)
				}
				continue
			}
			if lo, hi := decided.AddDate(0, r.Min, 0), decided.AddDate(0, r.Max, 0); !ok || got.Before(lo) || got.After(hi) {
				t.Errorf("%s %s: the page says %s to %s, the build publishes until %s", r.Key, cat, Months(r.Min), Months(r.Max), got.Format("2006-01-02"))
			}
		}
	}
}
