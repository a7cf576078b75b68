package records

import (
	"fmt"
	"testing"
)

func TestCitations(t *testing.T) {
	got := citations("《中华人民共和国大气污染防治法》第一百一十九条第一款、《示例条例》第9条")
	want := [][2]string{{"中华人民共和国大气污染防治法", "第一百一十九条"}, {"示例条例", "第9条"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestPowerMatcherSaysHow(t *testing.T) {
	powers := []Power{
		{Code: "B2", Name: "对违规设置户外广告的处罚", ImplBasis: "《城市市容和环境卫生管理条例》第三十六条"},
		{Code: "A1", Name: "对占道经营的处罚", ImplBasis: "1.《示例条例》第十二条\n2.《大气污染防治法》第一百一十九条"},
	}
	m := NewPowerMatcher(powers)
	for _, tc := range []struct {
		name, code, basis, violation string
		want, how                    string
	}{
		{"code", "a1", "", "", "A1", MatchCode},
		{"unknown code matches nothing", "Z9", "《示例条例》第十二条", "占道经营", "", ""},
		{"basis", "", "依据《大气污染防治法》第一百一十九条第一款", "", "A1", MatchBasis},
		{"basis on another line is no match", "", "《示例条例》第一百一十九条", "", "", ""},
		{"violation", "", "", "设置户外广告", "B2", MatchViolation},
		{"one character is too short", "", "", "告", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, how := m.Match(tc.code, tc.basis, tc.violation)
			got := ""
			if p != nil {
				got = p.Code
			}
			if got != tc.want || how != tc.how {
				t.Errorf("Match = %q %q, want %q %q", got, how, tc.want, tc.how)
			}
		})
	}
}
