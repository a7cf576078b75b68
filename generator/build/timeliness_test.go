package build

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gongshi/generator/changelog"
	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/disclose"
)

func TestTimeliness(t *testing.T) {
	d := func(s string) time.Time {
		t, _ := time.Parse("2006-01-02", s)
		return t
	}
	src := func(row int) diag.Pos { return diag.Pos{File: "data/cases/a.csv", Row: row} }
	res := &disclose.Result{
		Cases: []disclose.Case{
			{ID: "old", DecisionNo: "A1", DecisionDate: d("2026-01-05"), Src: src(2)},    // published before: not measured again
			{ID: "ontime", DecisionNo: "A2", DecisionDate: d("2026-06-05"), Src: src(3)}, // 5 working days before 06-12
			{ID: "late", DecisionNo: "A3", DecisionDate: d("2026-06-01"), Src: src(4)},   // 9 working days
			{ID: "future", DecisionNo: "A4", DecisionDate: d("2026-06-20"), Src: src(5)},
		},
		Withdrawn: []disclose.Withdrawn{
			{DecisionNo: "W1", Date: d("2026-06-10"), Src: src(10)}, // 2 days: in time
			{DecisionNo: "W2", Date: d("2026-06-01"), Src: src(11)}, // 11 days
			{DecisionNo: "W3", Src: src(12)},                        // no date
			{DecisionNo: "W4", Src: src(13)},                        // never published
		},
	}
	prev := &changelog.Manifest{Records: map[string]map[string]changelog.Entry{"cases": {
		"old": {Title: "A1"}, "w1": {Title: "W1"}, "w2": {Title: "W2"}, "w3": {Title: "W3"},
	}}}
	now := time.Date(2026, 6, 12, 3, 0, 0, 0, time.UTC)
	got := timeliness(res, prev, config.Calendar{}, now)
	want := []string{
		"data/cases/a.csv:4: warning: A3: decided 2026-06-01, first published 2026-06-12, 9 working days later: want at most 7",
		"data/cases/a.csv:11: warning: W2: 撤回日期 2026-06-01, withdrawn by this build on 2026-06-12, 11 days later: want at most 3",
		"data/cases/a.csv:12: warning: W3: withdrawn by this build with no 撤回日期",
	}
	if len(got) != len(want) {
		t.Errorf("got %d warnings, want %d:\n%v", len(got), len(want), got)
	}
	for i := range min(len(got), len(want)) {
		if s := got[i].String(); !strings.HasPrefix(s, want[i]) {
			t.Errorf("warning %d:\n got %s\nwant %s…", i, s, want[i])
		}
	}

	// A first build counts the late decisions in one warning.
	first := timeliness(res, nil, config.Calendar{}, now)
	if len(first) != 1 || !strings.Contains(first[0].Msg, "2 decisions are first published by this build") || first[0].Pos != src(2) {
		t.Errorf("first build: %v", first)
	}

	// A year without a holiday table is named.
	res2 := &disclose.Result{Cases: []disclose.Case{{ID: "x", DecisionNo: "B1", DecisionDate: d("2026-12-20"), Src: src(2)}}}
	got = timeliness(res2, &changelog.Manifest{}, config.Calendar{}, time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC))
	if len(got) != 1 || !strings.Contains(got[0].Msg, "the holidays of 2027 are not known") {
		t.Errorf("unknown year: %v", got)
	}
	got = timeliness(res2, &changelog.Manifest{}, config.Calendar{Holidays: []string{"2027-01-01"}}, time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC))
	if len(got) != 1 || strings.Contains(got[0].Msg, "not known") {
		t.Errorf("year from site.toml: %v", got)
	}
}

// BenchmarkTimeliness measures the checks on 25,000 decisions spread over
// three years, none published before.
func BenchmarkTimeliness(b *testing.B) {
	res := &disclose.Result{}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 25000 {
		res.Cases = append(res.Cases, disclose.Case{ID: fmt.Sprint(i), DecisionNo: fmt.Sprint(i), DecisionDate: start.AddDate(0, 0, i%1000)})
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	prev := &changelog.Manifest{}
	b.ReportAllocs()
	for b.Loop() {
		timeliness(res, prev, config.Calendar{}, now)
	}
}
