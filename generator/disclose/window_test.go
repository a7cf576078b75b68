package disclose

import (
	"strings"
	"testing"

	"gongshi/generator/config"
	"gongshi/generator/records"
	"gongshi/generator/value"
)

func TestWindowRules(t *testing.T) {
	base := config.Default().Disclosure
	smallFines := base
	smallFines.SmallFine.Months = 3
	shortMax := base
	shortMax.MaxMonths = 24
	tests := []struct {
		name     string
		cfg      config.Disclosure
		class    records.PartyClass
		cats     []string
		fine     value.Money // fen
		severity string
		valid    string // 处罚有效期
		given    string // 公示截止期
		want     string // "" no end, "-" not published
		capped   bool
	}{
		{name: "category period", cfg: base, cats: []string{"罚款"}, want: "2025-01-10"},
		{name: "longest category", cfg: base, cats: []string{"警告", "责令停产停业"}, want: "2027-01-10"},
		{name: "given wins within the maximum", cfg: base, cats: []string{"吊销许可证件"}, given: "2025-06-30", want: "2025-06-30"},
		{name: "given shorter than the period", cfg: base, cats: []string{"罚款"}, given: "2024-02-01", want: "2024-02-01"},
		{name: "given past the maximum is capped", cfg: base, cats: []string{"罚款"}, given: "2030-01-01", want: "2027-01-10", capped: true},
		{name: "given on the maximum", cfg: base, cats: []string{"罚款"}, given: "2027-01-10", want: "2027-01-10"},
		{name: "max_months sets the maximum", cfg: shortMax, cats: []string{"吊销许可证件"}, want: "2026-01-10"},
		{name: "given capped by max_months", cfg: shortMax, cats: []string{"吊销许可证件"}, given: "2026-06-01", want: "2026-01-10", capped: true},
		{name: "severity max caps a given date", cfg: base, cats: []string{"罚款"}, severity: "一般", given: "2026-01-10", want: "2025-01-10", capped: true},
		{name: "severity 轻微 withholds", cfg: base, cats: []string{"吊销许可证件"}, severity: "情节轻微", want: "-"},
		{name: "restriction longer than the maximum", cfg: base, cats: []string{"限制从业"}, valid: "2029-01-10", want: "2029-01-10"},
		{name: "restriction with a fine", cfg: base, cats: []string{"罚款", "限制开展生产经营活动"}, valid: "2028-07-01", want: "2028-07-01"},
		{name: "restriction lets a given date stand", cfg: base, cats: []string{"限制从业"}, valid: "2029-01-10", given: "2028-01-01", want: "2028-01-01"},
		{name: "restriction caps a given date at its end", cfg: base, cats: []string{"限制从业"}, valid: "2029-01-10", given: "2030-01-01", want: "2029-01-10", capped: true},
		{name: "restriction within the maximum", cfg: base, cats: []string{"限制从业"}, valid: "2025-01-10", want: "2027-01-10"},
		{name: "restriction without an end", cfg: base, cats: []string{"限制从业"}, want: "2027-01-10"},
		{name: "validity of other penalties is not a restriction", cfg: base, cats: []string{"吊销许可证件"}, valid: "2030-01-10", want: "2027-01-10"},
		{name: "small fine rule off by default", cfg: base, class: records.PartyPerson, cats: []string{"罚款"}, fine: 1000 * 100, want: "2025-01-10"},
		{name: "small fine of a person", cfg: smallFines, class: records.PartyPerson, cats: []string{"罚款"}, fine: 5000 * 100, want: "2024-04-10"},
		{name: "fine above the person limit", cfg: smallFines, class: records.PartyPerson, cats: []string{"罚款"}, fine: 5001 * 100, want: "2025-01-10"},
		{name: "small fine of a sole trader", cfg: smallFines, class: records.PartySoleTrader, cats: []string{"罚款"}, fine: 4000 * 100, want: "2024-04-10"},
		{name: "small fine of an organisation", cfg: smallFines, class: records.PartyOrg, cats: []string{"罚款"}, fine: 50000 * 100, want: "2024-04-10"},
		{name: "fine above the organisation limit", cfg: smallFines, class: records.PartyOrg, cats: []string{"罚款"}, fine: 50001 * 100, want: "2025-01-10"},
		{name: "small fine with another penalty", cfg: smallFines, class: records.PartyOrg, cats: []string{"罚款", "没收违法所得"}, fine: 100 * 100, want: "2027-01-10"},
		{name: "small fine without an amount", cfg: smallFines, class: records.PartyOrg, cats: []string{"罚款"}, want: "2025-01-10"},
		{name: "small fine raised by the severity floor", cfg: smallFines, class: records.PartyOrg, cats: []string{"罚款"}, fine: 100 * 100, severity: "严重", want: "2025-01-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &records.Case{DecisionDate: day("2024-01-10"), Categories: tt.cats, Fine: tt.fine, Severity: tt.severity}
			if tt.valid != "" {
				c.ValidUntil = day(tt.valid)
			}
			if tt.given != "" {
				c.PublishUntil = day(tt.given)
			}
			got := window(c, tt.class, tt.cfg)
			switch {
			case tt.want == "-":
				if got.publish {
					t.Errorf("published until %v", got.until)
				}
				return
			case !got.publish:
				t.Fatalf("not published")
			case tt.want == "" && !got.until.IsZero(), tt.want != "" && got.until.Format("2006-01-02") != tt.want:
				t.Errorf("until %s, want %s", got.until.Format("2006-01-02"), tt.want)
			}
			if !got.capped.IsZero() != tt.capped {
				t.Errorf("capped = %v, want %v", got.capped, tt.capped)
			}
		})
	}
}

// TestSeverityKeyLongestThenAlphabetical gives a 违法情节 that contains two
// keys: the longer applies, and between keys of one length the first in
// byte order, on every run (map order is random).
func TestSeverityKeyLongestThenAlphabetical(t *testing.T) {
	rules := map[string][2]int{"重": {12, 36}, "较重": {6, 24}, "严重": {24, 36}, "一般": {3, 12}, "轻": {0, 0}}
	tests := []struct{ sev, want string }{
		{"情节较重", "较重"},
		{"较重（情节严重）", "严重"}, // 严重 and 较重 are both two runes; 严重 sorts first
		{"情节轻微", "轻"},
		{"重大", "重"},
		{"一般较轻", "一般"},
		{"", ""},
		{"其他", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sev, func(t *testing.T) {
			for range 50 {
				got, ok := severityKey(tt.sev, rules)
				if got != tt.want || ok != (tt.want != "") {
					t.Fatalf("severityKey(%q) = %q, %v; want %q", tt.sev, got, ok, tt.want)
				}
			}
		})
	}
	if strings.Compare("严重", "较重") >= 0 {
		t.Fatal("the table above assumes 严重 < 较重 in byte order")
	}
}

func TestPossiblySimple(t *testing.T) {
	tests := []struct {
		name      string
		class     records.PartyClass
		cats      []string
		fine      value.Money
		procedure string
		want      bool
	}{
		{"warning", records.PartyOrg, []string{"警告"}, 0, "", true},
		{"person 200 yuan", records.PartyPerson, []string{"罚款"}, 200 * 100, "", true},
		{"person 201 yuan", records.PartyPerson, []string{"罚款"}, 201 * 100, "", false},
		{"sole trader counts as a person", records.PartySoleTrader, []string{"罚款"}, 1000 * 100, "", false},
		{"organisation 3000 yuan", records.PartyOrg, []string{"警告", "罚款"}, 3000 * 100, "", true},
		{"organisation 3000.01 yuan", records.PartyOrg, []string{"罚款"}, 3000*100 + 1, "", false},
		{"fine without amount", records.PartyOrg, []string{"罚款"}, 0, "", false},
		{"other penalty", records.PartyOrg, []string{"罚款", "没收违法所得"}, 100 * 100, "", false},
		{"procedure given", records.PartyOrg, []string{"罚款"}, 100 * 100, "普通程序", false},
		{"no category", records.PartyOrg, nil, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &records.Case{Categories: tt.cats, Fine: tt.fine, Procedure: tt.procedure}
			if got := possiblySimple(c, tt.class); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestApplyPossiblySimpleAndCappedEnd(t *testing.T) {
	set := &records.Set{Cases: []records.Case{
		{PartyName: "青溪镇某公司", PartyClass: records.PartyOrg, DecisionNo: "B1", Authority: "镇", Categories: []string{"罚款"}, Fine: 2000 * 100, DecisionDate: day("2026-01-10")},
		{PartyName: "青溪镇某公司", PartyClass: records.PartyOrg, DecisionNo: "B2", Authority: "镇", Categories: []string{"罚款"}, Fine: 2000 * 100, Procedure: "普通程序", DecisionDate: day("2026-01-10"), PublishUntil: day("2035-01-01")},
	}}
	for _, withhold := range []bool{false, true} {
		cfg := config.Default().Disclosure
		cfg.WithholdPossiblySimple = withhold
		res, dl := Apply(set, cfg, day("2026-06-01"))
		if len(res.PossiblySimple) != 1 || res.PossiblySimple[0].DecisionNo != "B1" {
			t.Errorf("withhold=%v: possibly simple %+v", withhold, res.PossiblySimple)
		}
		if got := reasonsOf(res)["B1"]; (got == ReasonPossiblySimple) != withhold {
			t.Errorf("withhold=%v: B1 reason %q", withhold, got)
		}
		capped := 0
		for _, d := range dl {
			if d.Code == "publish-until-capped" && strings.Contains(d.Msg, "B2") && strings.Contains(d.Msg, "2029-01-10") {
				capped++
			}
		}
		if capped != 1 {
			t.Errorf("withhold=%v: capped warnings %d in %v", withhold, capped, dl)
		}
	}
}

// TestZeroPeriodIsTheLongest: a category whose period is 0 is published up
// to the rule maximum, with other categories or a 违法情节 rule alike.
func TestZeroPeriodIsTheLongest(t *testing.T) {
	cfg := config.Default().Disclosure
	cfg.Periods = map[string]int{"罚款": 12, "没收违法所得": 0, "default": 36}
	decided := day("2024-01-10")
	for _, tc := range []struct {
		cats     []string
		severity string
		want     string
	}{
		{[]string{"没收违法所得"}, "", "2027-01-10"},
		{[]string{"罚款", "没收违法所得"}, "", "2027-01-10"},
		{[]string{"没收违法所得"}, "一般", "2025-01-10"},
		{[]string{"罚款"}, "", "2025-01-10"},
	} {
		c := &records.Case{DecisionDate: decided, Categories: tc.cats, Severity: tc.severity}
		if got, _ := Window(c, cfg); got.Format("2006-01-02") != tc.want {
			t.Errorf("%v %s: until %s, want %s", tc.cats, tc.severity, got.Format("2006-01-02"), tc.want)
		}
	}
}

// TestAddMonthsStaysInTheMonth: a period never runs past the months it
// names.
func TestAddMonthsStaysInTheMonth(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2024-11-30", 3, "2025-02-28"},
		{"2024-08-31", 6, "2025-02-28"},
		{"2023-08-31", 6, "2024-02-29"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2024-01-10", 36, "2027-01-10"},
		{"2024-03-31", -1, "2024-02-29"},
	} {
		if got := AddMonths(day(tc.from), tc.n).Format("2006-01-02"); got != tc.want {
			t.Errorf("%s + %d months = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}
