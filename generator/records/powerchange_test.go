package records

import (
	"testing"
	"time"
)

func TestNormalizeChangeType(t *testing.T) {
	for in, want := range map[string]string{"新增": ChangeAdd, " 下放 ": ChangeAdd, "上收": ChangeTake, "已取消": ChangeAbolish, "废止": ChangeAbolish, "变更": ChangeAdjust, "暂停实施": ChangePause, "撤并": "", "": ""} {
		t.Run(in, func(t *testing.T) {
			if got := NormalizeChangeType(in); got != want {
				t.Errorf("%q → %q, want %q", in, got, want)
			}
		})
	}
}

func TestHistoriesEndOnlyOnTheLatestPastChange(t *testing.T) {
	day := func(m, d int) time.Time { return time.Date(2025, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	hs := Histories([]PowerChange{
		{Code: "A1", Type: ChangeTake, Date: day(6, 30)},
		{Code: "A1", Type: ChangeAdd, Date: day(1, 1)},
		{Code: "B2", Type: ChangeTake, Date: day(3, 1)},
		{Code: "B2", Type: ChangeAdd, Date: day(5, 1)},
		{Code: "C3", Type: ChangeAbolish, Date: day(12, 1)},
	}, day(7, 1))
	if h := hs["a1"]; h == nil || h.Ended == nil || h.Ended.Type != ChangeTake || h.Changes[0].Type != ChangeAdd {
		t.Errorf("A1: %+v, want taken back on 6-30 after being added", h)
	}
	if h := hs["b2"]; h.Ended != nil {
		t.Errorf("B2 was added again after being taken back: %+v", h.Ended)
	}
	if h := hs["c3"]; h.Ended != nil {
		t.Errorf("C3 is abolished only after the build date: %+v", h.Ended)
	}
}
