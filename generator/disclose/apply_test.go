package disclose

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/ident"
	"gongshi/generator/records"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// idFor makes a valid ID number for a birth date.
func idFor(birth string, seq int) string {
	first := fmt.Sprintf("110105%s%03d", strings.ReplaceAll(birth, "-", ""), seq%1000)
	return first + string(ident.IDCheck(first))
}

func TestWindow(t *testing.T) {
	cfg := config.Default().Disclosure
	tests := []struct {
		name     string
		cats     []string
		severity string
		given    string
		want     string // "" no end, "-" not published
	}{
		{"警告", []string{"警告"}, "", "", "2024-04-10"},
		{"通报批评", []string{"通报批评"}, "", "", "2024-04-10"},
		{"罚款", []string{"罚款"}, "", "", "2025-01-10"},
		{"吊销许可证件", []string{"吊销许可证件"}, "", "", "2027-01-10"},
		{"其他-责令改正", []string{"其他-责令改正"}, "", "", "2027-01-10"},
		{"longest of several", []string{"警告", "罚款", "责令停产停业"}, "", "", "2027-01-10"},
		{"fine and warning", []string{"警告", "罚款"}, "", "", "2025-01-10"},
		{"no category", nil, "", "", "2027-01-10"},
		{"explicit 公示截止期", []string{"吊销许可证件"}, "", "2024-06-30", "2024-06-30"},
		{"explicit beyond the cap stops at it", []string{"罚款"}, "", "2030-01-01", "2027-01-10"},
		{"2099/12/31 means not given", []string{"罚款"}, "", "2099-12-31", "2025-01-10"},
		{"轻微", []string{"罚款"}, "情节轻微", "", "-"},
		{"一般 caps", []string{"吊销许可证件"}, "一般", "", "2025-01-10"},
		{"一般 floor", []string{"警告"}, "一般", "", "2024-04-10"},
		{"严重 raises", []string{"罚款"}, "严重", "", "2025-01-10"},
		{"严重 keeps", []string{"吊销许可证件"}, "情节严重", "", "2027-01-10"},
		{"轻微 beats an explicit end", []string{"罚款"}, "轻微", "2025-01-01", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &records.Case{DecisionDate: day("2024-01-10"), Categories: tt.cats, Severity: tt.severity}
			if tt.given != "" {
				c.PublishUntil = day(tt.given)
			}
			got, ok := Window(c, cfg)
			switch {
			case tt.want == "-":
				if ok {
					t.Errorf("published until %v", got)
				}
			case !ok:
				t.Errorf("not published")
			case got.Format("2006-01-02") != tt.want:
				t.Errorf("got %s want %s", got.Format("2006-01-02"), tt.want)
			}
		})
	}
}

func TestWindowMaxMonthsCapsLongPeriods(t *testing.T) {
	cfg := config.Default().Disclosure
	cfg.Periods = map[string]int{"罚款": 120, "default": 0}
	got, _ := Window(&records.Case{DecisionDate: day("2024-01-10"), Categories: []string{"罚款"}}, cfg)
	if got.Format("2006-01-02") != "2027-01-10" {
		t.Errorf("got %v", got)
	}
}

func reasonsOf(res *Result) map[string]Reason {
	m := map[string]Reason{}
	for _, w := range res.Withheld {
		m[w.DecisionNo] = w.Reason
	}
	return m
}

func TestApplyRules(t *testing.T) {
	now := day("2026-06-01")
	set := &records.Set{
		Cases: []records.Case{
			{PartyName: "张三丰", PartyClass: records.PartyPerson, IDNumber: "11010519491231002X", DecisionNo: "A1", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-01-10"), Facts: "张三丰占道"},
			{PartyName: "青溪镇某公司", DecisionNo: "A2", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2024-01-10")},
			{PartyName: "青溪镇某公司", DecisionNo: "A3", Authority: "镇", Categories: []string{"警告"}, DecisionDate: day("2026-01-10")},
			{PartyName: "李四", DecisionNo: "A4", Authority: "镇", Categories: []string{"罚款"}, Procedure: "简易程序", DecisionDate: day("2026-01-10")},
			{PartyName: "王五", DecisionNo: "A5", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-01-10")},
			{PartyName: "青溪镇某公司", DecisionNo: "A6", Authority: "镇", Categories: []string{"罚款", "吊销许可证件"}, DecisionDate: day("2024-01-10")},
			{PartyName: "青溪镇某公司", DecisionNo: "A7", Authority: "镇", Categories: []string{"罚款"}, Severity: "轻微", DecisionDate: day("2026-01-10")},
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
	want := map[string]Reason{"A2": ReasonExpired, "A3": ReasonWarningOnly, "A4": ReasonSimple, "A5": ReasonWithdrawn, "A7": ReasonSeverity}
	got := reasonsOf(res)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: reason %q want %q", k, got[k], v)
		}
	}
	if len(res.Activity) != len(set.Cases) {
		t.Errorf("activity counts %d decisions, want all %d", len(res.Activity), len(set.Cases))
	}
}

func TestApplyConfigPublishesSimpleAndWarnings(t *testing.T) {
	cfg := config.Default().Disclosure
	cfg.PublishSimple, cfg.PublishWarningOnly = true, true
	set := &records.Set{Cases: []records.Case{
		{PartyName: "某有限公司", DecisionNo: "S1", Authority: "镇", Categories: []string{"警告"}, DecisionDate: day("2026-05-01")},
		{PartyName: "某有限公司", DecisionNo: "S2", Authority: "镇", Categories: []string{"罚款"}, Procedure: "简易程序（当场处罚）", DecisionDate: day("2026-05-01")},
	}}
	res, _ := Apply(set, cfg, day("2026-06-01"))
	if len(res.Cases) != 2 {
		t.Errorf("published %d, want 2", len(res.Cases))
	}
}

func TestWithdrawals(t *testing.T) {
	base := func(no, status string) records.Case {
		return records.Case{PartyName: "某有限公司", DecisionNo: no, Authority: "青溪镇综合行政执法队", Categories: []string{"罚款"}, DecisionDate: day("2026-01-10"), Status: status}
	}
	tests := []struct {
		name       string
		c          records.Case
		w          []records.Withdrawal
		withdrawn  bool
		wantReason string
	}{
		{"status 撤销", base("W1", "撤销"), nil, true, "决定已撤销"},
		{"status 变更", base("W1", "已变更"), nil, true, "决定已变更"},
		{"status 确认违法", base("W1", "确认违法"), nil, true, "决定被确认违法"},
		{"status 确认无效", base("W1", "确认无效"), nil, true, "决定被确认无效"},
		{"old code 1", base("W1", "1"), nil, true, "决定已撤销"},
		{"old code 0", base("W1", "0"), nil, false, ""},
		{"by file", base("清溪综执罚〔2024〕12号", ""), []records.Withdrawal{{DecisionNo: "清溪综执罚[2024]12号", Reason: "复议撤销", Date: day("2026-02-01")}}, true, "复议撤销"},
		{"by file with authority", base("W1", ""), []records.Withdrawal{{DecisionNo: "W1", Authority: "青溪镇综合行政执法队", Reason: "诉讼撤销"}}, true, "诉讼撤销"},
		{"by file, other authority", base("W1", ""), []records.Withdrawal{{DecisionNo: "W1", Authority: "别的镇", Reason: "x"}}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.PartyName = "张三"
			tt.c.IDNumber = "11010519491231002X"
			res, _ := Apply(&records.Set{Cases: []records.Case{tt.c}, Withdrawals: tt.w}, config.Default().Disclosure, day("2026-06-01"))
			if got := len(res.Cases) == 0; got != tt.withdrawn {
				t.Fatalf("withdrawn = %v", got)
			}
			if !tt.withdrawn {
				return
			}
			var found *Withdrawn
			for i := range res.Withdrawn {
				if res.Withdrawn[i].Reason == tt.wantReason {
					found = &res.Withdrawn[i]
				}
			}
			if found == nil {
				t.Fatalf("withdrawn list %+v lacks reason %q", res.Withdrawn, tt.wantReason)
			}
			if s := fmt.Sprintf("%+v", *found); strings.Contains(s, "张三") || strings.Contains(s, "1101051949") {
				t.Errorf("withdrawn entry holds personal data: %s", s)
			}
			if len(res.Activity) != 1 || !res.Activity[0].Withdrawn || res.Activity[0].Published {
				t.Errorf("activity %+v", res.Activity)
			}
		})
	}
}

func TestMinors(t *testing.T) {
	tests := []struct {
		name  string
		c     records.Case
		minor bool
	}{
		{"17 on the decision date", records.Case{PartyName: "小明", IDNumber: idFor("2008-06-02", 1), DecisionDate: day("2026-06-01")}, true},
		{"18 that day", records.Case{PartyName: "小明", IDNumber: idFor("2008-06-01", 1), DecisionDate: day("2026-06-01")}, false},
		{"lower-case x and spaces", records.Case{PartyName: "小明", IDNumber: strings.ToLower(idFor("2010-01-01", 5)), DecisionDate: day("2026-01-01")}, true},
		{"class unknown, inferred person", records.Case{PartyName: "王小明", PartyClass: records.PartyUnknown, IDNumber: idFor("2012-01-01", 7), DecisionDate: day("2026-01-01")}, true},
		{"ID only in the facts", records.Case{PartyName: "王小明", Facts: "当事人王小明（身份证号" + idFor("2011-03-04", 9) + "）", DecisionDate: day("2026-01-01")}, true},
		{"adult", records.Case{PartyName: "王小明", IDNumber: idFor("1990-01-01", 7), DecisionDate: day("2026-01-01")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.DecisionNo, tt.c.Authority, tt.c.Categories = "M1", "镇", []string{"罚款"}
			if tt.c.PartyClass == records.PartyUnknown && tt.name != "class unknown, inferred person" {
				tt.c.PartyClass = records.PartyPerson
			}
			res, dl := Apply(&records.Set{Cases: []records.Case{tt.c}}, config.Default().Disclosure, day("2026-06-10"))
			got := reasonsOf(res)["M1"] == ReasonMinor
			if got != tt.minor {
				t.Fatalf("minor = %v", got)
			}
			for _, d := range dl {
				if (tt.c.IDNumber != "" && strings.Contains(d.Msg, tt.c.IDNumber[6:14])) || strings.Contains(d.Msg, tt.c.PartyName) {
					t.Errorf("diagnostic prints personal data: %s", d)
				}
			}
			if tt.minor && len(dl) == 0 {
				t.Errorf("no diagnostic says the record is withheld")
			}
		})
	}
}

func TestApplyMasksEveryPersonTheRecordCarries(t *testing.T) {
	phone := "13912345678"
	set := &records.Set{Cases: []records.Case{{
		Pos:        diag.Pos{File: "data/cases/a.csv", Row: 2},
		PartyName:  "青溪镇李大海小吃店",
		PartyClass: records.PartySoleTrader,
		CreditCode: "92330100MA2ABCDE1X",
		LegalRep:   "李大海",
		LegalRepID: idFor("1980-02-03", 3),
		Phone:      "139 1234 5678",
		Address:    "青溪镇幸福村3组27号",
		DecisionNo: "B1", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"),
		Facts:   "经营者李大海（住青溪镇幸福村3组27号，电话" + phone + "）未经许可经营，监护人不涉及。",
		Remarks: "李 大 海已缴纳罚款",
		Extra:   []records.Extra{{Name: "联系人", Value: "赵小红"}, {Name: "联系人电话", Value: "13800001111"}, {Name: "检查地点", Value: "赵小红家门口"}},
	}}}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	if len(res.Cases) != 1 {
		t.Fatalf("published %d", len(res.Cases))
	}
	c := res.Cases[0]
	out := fmt.Sprintf("%+v", c)
	for _, secret := range []string{"李大海", "赵小红", phone, "13800001111", "幸福村3组27号", set.Cases[0].LegalRepID} {
		if strings.Contains(out, secret) {
			t.Errorf("published case holds %q: %s", secret, out)
		}
	}
	if c.PartyName != "青溪镇李某某小吃店" || c.LegalRep != "李某某" || c.CreditCode == "" {
		t.Errorf("party %q legal rep %q credit code %q", c.PartyName, c.LegalRep, c.CreditCode)
	}
	if !strings.Contains(c.Facts, "[地址已隐去]") || !strings.Contains(c.Facts, "[电话已隐去]") {
		t.Errorf("facts %q", c.Facts)
	}
}

func TestApplyOrganisationKeepsItsData(t *testing.T) {
	set := &records.Set{Cases: []records.Case{{
		PartyName: "青溪镇宏达建材有限公司", PartyClass: records.PartyOrg, CreditCode: "91350100M000100Y43", LegalRep: "陈建国",
		DecisionNo: "O1", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"), Facts: "青溪镇宏达建材有限公司（法定代表人陈建国）违规堆放",
	}}}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	c := res.Cases[0]
	if c.PartyName != "青溪镇宏达建材有限公司" || c.LegalRep != "陈建国" || c.CreditCode != "91350100M000100Y43" || !strings.Contains(c.Facts, "陈建国") {
		t.Errorf("%+v", c)
	}
}

func TestInferClass(t *testing.T) {
	tests := []struct {
		name, party, code string
		given             records.PartyClass
		want              records.PartyClass
	}{
		{"credit code", "某某", "91350100M000100Y43", 0, records.PartyOrg},
		{"sole trader code", "老李面馆", "92350100M000100Y43", 0, records.PartySoleTrader},
		{"suffix", "清溪农机合作社", "", 0, records.PartyOrg},
		{"personal name", "张伟", "", 0, records.PartyPerson},
		{"in doubt", "Zhang Wei", "", 0, records.PartyPerson},
		{"given org but reads as a person", "王芳", "", records.PartyOrg, records.PartyPerson},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dl diag.List
			if got := inferClass(&records.Case{PartyName: tt.party, CreditCode: tt.code, PartyClass: tt.given}, &dl); got != tt.want {
				t.Errorf("got %v want %v", got, tt.want)
			}
		})
	}
}

func TestSecretLogsRedacted(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	rc := records.Case{PartyName: "张三丰", IDNumber: "11010519491231002X", DecisionNo: "A1"}
	log.Info("x", "secret", Secret{Value: "张三丰", Kind: SecretName, Src: diag.Pos{File: "a.csv", Row: 3}}, "case", rc)
	if s := buf.String(); strings.Contains(s, "张三丰") || strings.Contains(s, "1101051949") {
		t.Errorf("log holds personal data: %s", s)
	}
}

func TestStaffReport(t *testing.T) {
	set := &records.Set{Cases: []records.Case{
		{Pos: diag.Pos{File: "c.csv", Row: 2}, PartyName: "张三丰", PartyClass: records.PartyPerson, IDNumber: "11010519491231002X", DecisionNo: "R1", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2025-06-20"), Facts: "当事人占道经营"},
		{Pos: diag.Pos{File: "c.csv", Row: 3}, PartyName: "李小龙", PartyClass: records.PartyPerson, IDNumber: idFor("2012-01-01", 1), DecisionNo: "R2", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-01-01")},
		{Pos: diag.Pos{File: "c.csv", Row: 4}, PartyName: "某有限公司", DecisionNo: "R3", Authority: "镇", Categories: []string{"警告"}, DecisionDate: day("2026-01-01")},
		{Pos: diag.Pos{File: "c.csv", Row: 5}, PartyName: "某有限公司", DecisionNo: "R4", Authority: "镇", Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"), PublishUntil: day("2026-12-31")},
	}}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	rep := res.StaffReport(day("2026-06-01"))
	if len(rep.Expiring) != 1 || rep.Expiring[0].DecisionNo != "R1" || rep.Expiring[0].Until.Format("2006-01-02") != "2026-06-20" {
		t.Errorf("expiring %+v", rep.Expiring)
	}
	if len(rep.Withheld) != 2 || rep.Withheld[0].Reason != ReasonMinor || rep.Withheld[1].Reason != ReasonWarningOnly {
		t.Errorf("withheld %+v", rep.Withheld)
	}
	if len(rep.NameNotFound) != 1 || rep.NameNotFound[0].DecisionNo != "R1" {
		t.Errorf("name not found %+v", rep.NameNotFound)
	}
	var buf bytes.Buffer
	if err := rep.Print(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{"R1", "R2", "R3", "未成年人", "2026-06-20", "c.csv:2"} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
	for _, sec := range res.Secrets {
		if strings.Contains(out, sec.Value) {
			t.Errorf("report holds a secret (%s):\n%s", sec, out)
		}
	}
	if leaks := NewScanner(res.Secrets).Scan("report", buf.Bytes()); len(leaks) > 0 {
		t.Errorf("report leaks: %v", leaks)
	}
}
