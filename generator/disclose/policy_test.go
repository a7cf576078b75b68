package disclose

import (
	"testing"

	"gongshi/generator/config"
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
	cfg.Periods = map[string]int{"罚款": 6, "吊销许可证件": 24, "自定义": 9, "default": 30}
	cfg.NameMask = "*"
	p := PolicyOf(cfg)
	want := []Period{{"罚款", 6}, {"吊销许可证件", 24}, {"自定义", 9}}
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
