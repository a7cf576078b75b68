package records

import (
	"flag"
	"testing"

	"gongshi/generator/value"
)

var _ = flag.Bool("update", false, "rewrite golden files")

// TestHeaderAliases is the alias table's test: every header spelling the
// exports use, with the canonical column and unit it must map to.
func TestHeaderAliases(t *testing.T) {
	tests := []struct {
		kind   *Kind
		header string
		want   string
		unit   string
	}{
		// Standard names, bracket and underscore widths, line breaks.
		{&CaseKind, "行政相对人代码_1（统一社会信用代码）", ColCreditCode, ""},
		{&CaseKind, "行政相对人代码＿1(统一社会信用代码)", ColCreditCode, ""},
		{&CaseKind, "行政相对人代码_3", ColOrgCode, ""},
		{&CaseKind, "行政相对人\n名称", ColPartyName, ""},
		{&CaseKind, " *处罚决定日期 ", ColDecisionDate, ""},
		// Units from the header.
		{&CaseKind, "罚款金额（万元）", ColFine, "万元"},
		{&CaseKind, "罚款金额(万元)", ColFine, "万元"},
		{&CaseKind, "罚款金额(元)", ColFine, "元"},
		{&CaseKind, "罚款金额（单位：元）", ColFine, "元"},
		{&CaseKind, "罚款金额/元", ColFine, "元"},
		{&CaseKind, "罚款金额", ColFine, ""},
		{&CaseKind, "没收违法所得、没收非法财物的金额(元)", ColConfiscated, "元"},
		// A known name followed by a bracketed note.
		{&CaseKind, "法定代表人（负责人）", ColLegalRep, ""},
		{&CaseKind, "法定代表人(经营者)", ColLegalRep, ""},
		// Synonyms.
		{&CaseKind, "当事人", ColPartyName, ""},
		{&CaseKind, "当事人名称", ColPartyName, ""},
		{&CaseKind, "行政相对人种类", ColPartyClass, ""},
		{&CaseKind, "行政相对人类型", ColPartyClass, ""},
		{&CaseKind, "处罚种类", ColCategory, ""},
		{&CaseKind, "处罚类型", ColCategory, ""},
		{&CaseKind, "主要违法事实", ColFacts, ""},
		{&CaseKind, "决定书文号", ColDecisionNo, ""},
		{&CaseKind, "文书号", ColDecisionNo, ""},
		{&CaseKind, "处罚日期", ColDecisionDate, ""},
		{&CaseKind, "决定日期", ColDecisionDate, ""},
		{&CaseKind, "公示期限至", ColPublishUntil, ""},
		{&CaseKind, "公示截止日期", ColPublishUntil, ""},
		{&CaseKind, "执法机关", ColAuthority, ""},
		{&CaseKind, "决定机关", ColAuthority, ""},
		{&CaseKind, "统一社会信用代码", ColCreditCode, ""},
		{&CaseKind, "处罚机关统一社会信用代码", ColAuthorityCode, ""},
		// The older field set.
		{&CaseKind, "案件名称", ColCaseName, ""},
		{&CaseKind, "处罚类别1", ColCategory, ""},
		{&CaseKind, "处罚类别2", ColCategory, ""},
		{&CaseKind, "处罚事由", ColFacts, ""},
		{&CaseKind, "处罚结果", ColContent, ""},
		{&CaseKind, "当前状态", ColStatus, ""},
		// Other kinds.
		{&PowerKind, "权力类型", "事项类型", ""},
		{&ServiceKind, "是否可网办", "是否网办", ""},
		{&ServiceKind, "网上办理", "是否网办", ""},
		{&ServiceKind, "网办地址", "网办地址", ""},
		{&ServiceKind, "在线办理地址", "网办地址", ""},
		{&ServiceKind, "办理网址", "网办地址", ""},
		{&ServiceKind, "网上办理地址", "网办地址", ""},
		{&StatKind, "统计月份", ColMonth, ""},
		{&WithdrawalKind, "决定书文号", ColDecisionNo, ""},
	}
	for _, tt := range tests {
		t.Run(tt.kind.Name+"/"+tt.header, func(t *testing.T) {
			s := tt.kind.Schema
			got, unit, ok := s.Match(tt.header)
			if !ok || got != tt.want || unit != tt.unit {
				t.Errorf("Match(%q) = %q, %q, %v; want %q, %q", tt.header, got, unit, ok, tt.want, tt.unit)
			}
		})
	}
	for _, h := range []string{"序号", "处罚", "金额", "代码"} {
		t.Run("unknown/"+h, func(t *testing.T) {
			s := CaseKind.Schema
			if got, _, ok := s.Match(h); ok {
				t.Errorf("Match(%q) = %q; want no match", h, got)
			}
		})
	}
}

// TestAliasesAreUnambiguous checks that no spelling names two columns of a
// kind: the first would silently win.
func TestAliasesAreUnambiguous(t *testing.T) {
	for _, k := range Kinds {
		seen := map[string]string{}
		for _, c := range k.Schema.Columns {
			for _, a := range append([]string{c.Name}, c.Aliases...) {
				n := normalizeForTest(a)
				if prev, dup := seen[n]; dup && prev != c.Name {
					t.Errorf("%s: %q names both %s and %s", k.Name, a, prev, c.Name)
				}
				seen[n] = c.Name
			}
		}
	}
}

func TestSiteAliases(t *testing.T) {
	s := CaseKind.Schema.WithAliases(map[string][]string{"罚款金额（万元）": {"罚没款"}, "处罚机关": {"办案单位"}})
	if got, _, _ := s.Match("罚没款(元)"); got != ColFine {
		t.Errorf("site alias with unit: got %q", got)
	}
	if got, _, _ := s.Match("办案单位"); got != ColAuthority {
		t.Errorf("site alias: got %q", got)
	}
	if bad := CaseKind.Schema.UnknownAliasKeys(map[string][]string{"处罚机关": nil, "处罚机构": nil}); len(bad) != 1 || bad[0] != "处罚机构" {
		t.Errorf("UnknownAliasKeys = %q", bad)
	}
}

func normalizeForTest(s string) string { return value.NormalizeHeader(s) }
