package disclose

import (
	"testing"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/records"
)

func TestMaskName(t *testing.T) {
	tests := []struct{ in, mask, want string }{
		{"张三丰", "某某", "张某某"},
		{"欧阳修文", "某某", "欧阳某某"},
		{"李四", "*", "李*"},
		{"王五、赵六", "某某", "王某某、赵某某"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := MaskName(tt.in, tt.mask); got != tt.want {
				t.Errorf("got %q want %q", got, tt.want)
			}
		})
	}
}

func TestScrub(t *testing.T) {
	tests := []struct{ in, want string }{
		{"当事人张三丰在青石路摆摊", "当事人张某某在青石路摆摊"},
		{"身份证11010519491231002x，电话139 1234 5678", "身份证[身份证号已隐去]，电话[电话已隐去]"},
		{"联系电话0571-88886666。", "联系电话[电话已隐去]。"},
		{"账号6222 0212 3456 7890 123", "账号[账号已隐去]"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got, _ := Scrub(tt.in, []string{"张三丰"}, "某某"); got != tt.want {
				t.Errorf("got %q want %q", got, tt.want)
			}
		})
	}
}

func TestApplyRules(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	now := d("2026-06-01")
	set := &records.Set{
		Cases: []records.Case{
			{PartyName: "张三丰", PartyClass: records.PartyPerson, IDNumber: "11010519491231002X", DecisionNo: "A1", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: d("2026-01-10"), Facts: "张三丰占道"},
			{PartyName: "青溪镇某公司", DecisionNo: "A2", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: d("2024-01-10")},
			{PartyName: "青溪镇某公司", DecisionNo: "A3", Authority: "镇", Categories: []string{"警告"}, DecisionDate: d("2026-01-10")},
			{PartyName: "李四", DecisionNo: "A4", Authority: "镇", Categories: []string{"罚款"}, Procedure: "简易程序", DecisionDate: d("2026-01-10")},
			{PartyName: "王五", DecisionNo: "A5", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: d("2026-01-10")},
			{PartyName: "青溪镇某公司", DecisionNo: "A6", Authority: "镇", Categories: []string{"罚款", "吊销许可证件"}, DecisionDate: d("2024-01-10")},
		},
		Withdrawals: []records.Withdrawal{{DecisionNo: "A5", Reason: "行政复议撤销"}},
	}
	res, _ := Apply(set, config.Default().Disclosure, now)
	if len(res.Cases) != 2 || res.Cases[0].DecisionNo != "A1" || res.Cases[1].DecisionNo != "A6" {
		t.Fatalf("published %+v", res.Cases)
	}
	if res.Cases[0].PartyName != "张某某" || res.Cases[0].Facts != "张某某占道" {
		t.Errorf("masking: %q %q", res.Cases[0].PartyName, res.Cases[0].Facts)
	}
	if len(res.Withdrawn) != 1 || res.Withdrawn[0].Reason != "行政复议撤销" {
		t.Errorf("withdrawn %+v", res.Withdrawn)
	}
	reasons := map[string]Reason{}
	for _, w := range res.Withheld {
		reasons[w.DecisionNo] = w.Reason
	}
	want := map[string]Reason{"A2": ReasonExpired, "A3": ReasonWarningOnly, "A4": ReasonSimple, "A5": ReasonWithdrawn}
	for k, v := range want {
		if reasons[k] != v {
			t.Errorf("%s: reason %q want %q", k, reasons[k], v)
		}
	}
}
