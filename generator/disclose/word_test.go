package disclose

import (
	"strings"
	"testing"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/records"
)

// TestNameInsideAWordIsNoFinding: a two-character name that stands inside
// a word of non-personal text, with the same characters around it, is no
// finding; the same name anywhere else is.
func TestNameInsideAWordIsNoFinding(t *testing.T) {
	secrets := []Secret{{Value: "史文", Kind: SecretName, Src: diag.Pos{File: "a.csv", Row: 2}}}
	sc := NewScannerKnown(secrets, Known{Words: []string{"《历史文化名城名镇名村保护条例》第四十一条", "联系人史文电话", "史文"}})
	for _, tc := range []struct {
		text string
		leak bool
	}{
		{"依据《历史文化名城名镇名村保护条例》", false},
		{"在历史文化街区内擅自改建", false},
		{"历 史文 化", true}, // the window is read as written
		{"经营者史文在青石路占道经营", true},
		{"证人：史文，男", true},
		{"史文", true},
		{"联系人史文电话", true}, // 人 introduces a person: no word
		{"历史文艺", true},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := len(sc.Scan("f", []byte(tc.text))) > 0; got != tc.leak {
				t.Errorf("leak = %v, want %v", got, tc.leak)
			}
		})
	}
	// A number is never excused by a word.
	num := NewScannerKnown([]Secret{{Value: "13812345678", Kind: SecretPhone}}, Known{Words: []string{"号码13812345678号"}})
	if len(num.Scan("f", []byte("号码13812345678号"))) == 0 {
		t.Errorf("a phone number inside a word was excused")
	}
}

// TestWordsAreRules: a scanner with fewer words excuses less, so files a
// scanner with more words passed must be scanned again.
func TestWordsAreRules(t *testing.T) {
	secrets := []Secret{{Value: "史文", Kind: SecretName}}
	with := NewScannerKnown(secrets, Known{Words: []string{"历史文化名城"}}).Rules()
	without := NewScannerKnown(secrets, Known{}).Rules()
	if without.FindsNoMoreThan(with) {
		t.Errorf("a scanner without the word is taken to find no more")
	}
	if !with.FindsNoMoreThan(without) {
		t.Errorf("a scanner with one more word is taken to find more")
	}
}

// TestPowersAndServicesAreMasked: every text field of a power or service
// item, and every statistics label, loses ID and mobile numbers and other records' names; identity and
// the office's contact numbers stay.
func TestPowersAndServicesAreMasked(t *testing.T) {
	set := &records.Set{
		Cases: []records.Case{{Pos: diag.Pos{File: "c.csv", Row: 2}, PartyName: "青溪镇文心小吃店", PartyClass: records.PartySoleTrader, CreditCode: "92350100MA2Y0P0J5K", LegalRep: "史文",
			DecisionNo: "罚〔2026〕1号", Violation: "占道经营 13912345678", Facts: "经营者史文占道经营", Basis: "《条例》第三十六条（身份证号11010519491231002X）", Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"), Procedure: "普通程序"}},
		Powers:   []records.Power{{Code: "P1", Name: "对占道经营的处罚", ImplBasis: "《历史文化名城名镇名村保护条例》；联系人史文", SupervisionPhone: "13800000000", Extra: []records.Extra{{Name: "备注", Value: "11010519491231002X"}}}},
		Services: []records.Service{{Code: "S1", Name: "店招审核", Conditions: "联系人史文（11010519491231002X 13812345678）", Materials: []string{"身份证 11010519491231002X"}, Phone: "0000-0000001"}},
		Stats:    []records.StatRow{{Dataset: "便民服务", Month: "2026-05", Category: "史文窗口", Window: "13812345678", Indicator: "受理数", Value: 3}},
	}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	p, s := res.Powers[0], res.Services[0]
	st := res.Stats[0]
	if st.Dataset != "便民服务" || st.Month != "2026-05" || st.Value != 3 || st.Indicator != "受理数" {
		t.Errorf("statistics row changed beyond its labels: %+v", st)
	}
	for _, got := range []string{p.ImplBasis, p.Extra[0].Value, s.Conditions, s.Materials[0], st.Category, st.Window} {
		for _, secret := range []string{"11010519491231002X", "13812345678", "联系人史文", "史文窗口"} {
			if strings.Contains(got, secret) {
				t.Errorf("%q keeps %s", got, secret)
			}
		}
	}
	if !strings.Contains(p.ImplBasis, "历史文化名城") || p.SupervisionPhone != "13800000000" || s.Phone != "0000-0000001" || p.Code != "P1" {
		t.Errorf("identity or contact changed: %+v %+v", p, s)
	}
	// The input records are not changed.
	if set.Services[0].Materials[0] != "身份证 11010519491231002X" || set.Powers[0].Extra[0].Value != "11010519491231002X" {
		t.Errorf("the input records were changed")
	}
	// Statistics see the violation type and legal basis masked.
	a := res.Activity[0]
	if strings.Contains(a.Violation, "13912345678") || strings.Contains(a.Basis, "11010519491231002X") {
		t.Errorf("activity keeps a number: %q %q", a.Violation, a.Basis)
	}
	if c := res.Cases[0]; strings.Contains(c.Basis, "11010519491231002X") {
		t.Errorf("published legal basis keeps an ID: %q", c.Basis)
	}
}

// TestOwnNameInsideAWordIsKept: a person's own page masks their name but
// quotes the law and the violation type whose words hold the same two
// characters, as the leak gate accepts them.
func TestOwnNameInsideAWordIsKept(t *testing.T) {
	set := &records.Set{
		Cases: []records.Case{{Pos: diag.Pos{File: "c.csv", Row: 2}, PartyName: "史文", PartyClass: records.PartyPerson, DecisionNo: "罚〔2026〕2号",
			Violation: "历史文化街区管理", Facts: "当事人史文在历史文化街区内擅自搭建，史文称不知情", Basis: "《历史文化名城名镇名村保护条例》第四十一条",
			Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"), Procedure: "普通程序"}},
		Powers: []records.Power{{Code: "P1", Name: "对在历史文化街区内擅自改建的处罚", ImplBasis: "《历史文化名城名镇名村保护条例》第四十一条"}},
	}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	c := res.Cases[0]
	if c.Facts != "当事人史某某在历史文化街区内擅自搭建，史某某称不知情" || c.Basis != set.Cases[0].Basis || c.Violation != "历史文化街区管理" || c.PartyName != "史某某" {
		t.Errorf("got %q / %q / %q / %q", c.PartyName, c.Facts, c.Basis, c.Violation)
	}
	if leaks := res.Scanner().Scan("page", []byte(c.Facts+c.Basis+c.Violation)); len(leaks) > 0 {
		t.Errorf("the gate finds %v", leaks)
	}
}

// TestDayIsTheSiteDay: the build passes its date in the site's time zone;
// 01:00 on 1 January in Shanghai is 1 January, though it is still 31
// December in UTC.
func TestDayIsTheSiteDay(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 31, 17, 0, 0, 0, time.UTC).In(sh)
	if got := Day(now); !got.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Day = %v, want 2027-01-01", got)
	}
}

// TestStatisticsKeepWordsAsPagesDo: the violation type statistics count is
// masked as the decision page masks it, so one violation type stays one
// row; a name in a kept field of a power item is public, not a finding.
func TestStatisticsKeepWordsAsPagesDo(t *testing.T) {
	set := &records.Set{
		Cases: []records.Case{{Pos: diag.Pos{File: "c.csv", Row: 2}, PartyName: "史文", PartyClass: records.PartyPerson, DecisionNo: "罚〔2026〕3号",
			Violation: "违反《历史文化名城名镇名村保护条例》", Categories: []string{"罚款"}, DecisionDate: day("2026-05-01"), Procedure: "普通程序"},
			{Pos: diag.Pos{File: "c.csv", Row: 3}, PartyName: "王芳", PartyClass: records.PartyPerson, DecisionNo: "罚〔2026〕4号",
				Violation: "占道经营", Categories: []string{"罚款"}, DecisionDate: day("2026-05-02"), Procedure: "普通程序"}},
		Powers: []records.Power{{Code: "P1", Name: "对在历史文化街区内擅自改建的处罚", Domain: "王芳 负责", ImplBasis: "《历史文化名城名镇名村保护条例》第四十一条"}},
	}
	res, _ := Apply(set, config.Default().Disclosure, day("2026-06-01"))
	if got := res.Activity[0].Violation; got != set.Cases[0].Violation {
		t.Errorf("statistics count %q, want %q", got, set.Cases[0].Violation)
	}
	if leaks := res.Scanner().Scan("power", []byte(res.Powers[0].Domain)); len(leaks) > 0 {
		t.Errorf("a kept field of a power item is a finding: %v", leaks)
	}
}

// TestRulesTellNamesFromOtherSecrets: a key that a word window excused as
// a name, and that is now also another kind of secret, is found by the new
// rules: kept files must be scanned again.
func TestRulesTellNamesFromOtherSecrets(t *testing.T) {
	known := Known{Words: []string{"历史文化名城"}}
	old := NewScannerKnown([]Secret{{Value: "史文", Kind: SecretName}}, known).Rules()
	now := NewScannerKnown([]Secret{{Value: "史文", Kind: SecretName}, {Value: "史文", Kind: SecretOther}}, known).Rules()
	if now.FindsNoMoreThan(old) {
		t.Errorf("rules with 史文 as a secret of another kind are taken to find no more")
	}
}

// TestOverlappingEditsLeaveNothing: an edit that overlaps one applied
// before it still masks its own tail.
func TestOverlappingEditsLeaveNothing(t *testing.T) {
	for _, tc := range []struct {
		edits []edit
		want  string
	}{
		{[]edit{{0, 3, "X"}, {2, 5, "Y"}}, "XYf"},
		{[]edit{{0, 4, "X"}, {1, 3, "Y"}}, "Xef"},
		{[]edit{{2, 5, "Y"}, {0, 2, "X"}}, "XYf"},
	} {
		if got := applyEdits("abcdef", tc.edits); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.edits, got, tc.want)
		}
	}
}
