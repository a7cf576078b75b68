package records

import (
	"strings"
	"testing"
	"time"

	"gongshi/generator/diag"
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

func TestCheckPowerChanges(t *testing.T) {
	day := func(m, d int) time.Time { return time.Date(2025, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	shanghai := time.FixedZone("CST", 8*3600)
	s := &Set{
		Powers: []Power{{Code: "A1"}, {Code: "B2"}},
		PowerChanges: []PowerChange{
			{Pos: pos(2), Code: "A1", Type: ChangeTake, Date: day(6, 30)},
			{Pos: pos(3), Code: "C3", Type: ChangeAdjust, Date: day(1, 1)},
			{Pos: pos(4), Code: "D4", Type: ChangeAbolish, Date: day(1, 1)},
		},
		Cases: []Case{
			{Pos: pos(9), DecisionNo: "罚〔2025〕1号", PowerCode: "A1", DecisionDate: time.Date(2025, 6, 30, 0, 0, 0, 0, shanghai)},
			{Pos: pos(10), DecisionNo: "罚〔2025〕2号", PowerCode: "A1", DecisionDate: time.Date(2025, 7, 1, 0, 0, 0, 0, shanghai)},
			{Pos: pos(11), DecisionNo: "罚〔2025〕3号", PowerCode: "a1", DecisionDate: time.Date(2025, 8, 1, 0, 0, 0, 0, shanghai)},
		},
	}
	dl := CheckPowerChanges(s, day(12, 1))
	var codes []string
	for _, d := range dl {
		codes = append(codes, d.Code+" "+d.Pos.String())
	}
	want := "used-after-change r.csv:2 change-unlisted r.csv:3"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("got %s, want %s\n%v", got, want, dl)
	}
	if len(dl) > 0 && !strings.Contains(dl[0].Msg, "2 decisions") {
		t.Errorf("message %q: want the two decisions dated after 6-30", dl[0].Msg)
	}
}

func pos(row int) diag.Pos { return diag.Pos{File: "r.csv", Row: row} }
