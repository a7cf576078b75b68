package records

import (
	"testing"
	"time"
)

func TestCheckDatesWarnsAboutTheFuture(t *testing.T) {
	s := &Set{Cases: []Case{{DecisionNo: "1号", DecisionDate: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}, {DecisionNo: "2号", DecisionDate: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}}
	dl := CheckDates(s, time.Date(2026, 1, 1, 18, 0, 0, 0, time.Local))
	if len(dl) != 1 || dl[0].Severity.String() != "warning" {
		t.Errorf("diagnostics %v", dl)
	}
}

func TestNormalizeStatus(t *testing.T) {
	for in, want := range map[string]string{"0": "正常", "1": "撤销", "2": "异议", "3": "其他", "撤销": "撤销", " 正常 ": "正常"} {
		if got := NormalizeStatus(in); got != want {
			t.Errorf("NormalizeStatus(%q) = %q, want %q", in, got, want)
		}
	}
}
