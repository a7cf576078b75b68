package site

import (
	"testing"

	"gongshi/generator/disclose"
	"gongshi/generator/records"
)

func TestSearchExample(t *testing.T) {
	for _, tc := range []struct {
		name       string
		violations []string
		services   []string
		want       string
	}{
		{"most common violation", []string{"占道经营", "超标排放油烟", "占道经营", "露天焚烧秸秆"}, []string{"结婚登记"}, "占道经营"},
		{"ties to the shorter", []string{"超标排放油烟", "占道经营"}, nil, "占道经营"},
		{"too long for the box", []string{"未取得道路运输经营许可擅自从事道路运输经营", "未取得道路运输经营许可擅自从事道路运输经营", "占道经营"}, nil, "占道经营"},
		{"no decisions: a service", nil, []string{"最低生活保障审核确认"}, "最低生活保障审核确认"},
		{"nothing", nil, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &Site{}
			for _, v := range tc.violations {
				s.Cases = append(s.Cases, disclose.Case{Violation: v})
			}
			for _, n := range tc.services {
				s.Services = append(s.Services, records.Service{Name: n})
			}
			if got := s.SearchExample(); got != tc.want {
				t.Errorf("SearchExample() = %q, want %q", got, tc.want)
			}
		})
	}
}
