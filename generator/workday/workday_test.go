package workday

import (
	"testing"
	"time"
)

func d(s string) time.Time { return mustDay(s) }

func TestBetween(t *testing.T) {
	c := Default()
	tests := []struct {
		from, to string
		want     int
	}{
		{"2026-05-11", "2026-05-11", 0}, // same day
		{"2026-05-12", "2026-05-11", 0}, // backwards
		{"2026-05-08", "2026-05-11", 2}, // Fri → Mon across the 调休 Saturday 05-09
		{"2026-05-15", "2026-05-18", 1}, // Fri → Mon, an ordinary weekend
		{"2026-04-30", "2026-05-11", 5}, // across 劳动节: 05-06, 07, 08, 09 (调休), 11
		{"2026-02-13", "2026-02-27", 5}, // 春节 2026-02-15…23: 02-14 (调休), 24, 25, 26, 27
		{"2024-09-27", "2024-10-09", 4}, // 国庆 2024: 09-29 (调休), 09-30, 10-08, 10-09
		{"2025-09-30", "2025-10-10", 2}, // 国庆+中秋 2025-10-01…08: 10-09, 10-10
		{"2027-01-01", "2027-01-08", 5}, // unknown year: Monday to Friday
		{"2026-06-18", "2026-06-22", 1}, // 端午 2026-06-19…21
		{"2025-01-24", "2025-02-10", 7}, // 春节 2025: 01-26 (调休), 01-27, 02-05…07, 02-08 (调休), 02-10
	}
	for _, tt := range tests {
		t.Run(tt.from+"→"+tt.to, func(t *testing.T) {
			if got := c.Between(d(tt.from), d(tt.to)); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestNewAddsYears(t *testing.T) {
	c, err := New([]string{"2027-01-01"}, []string{"2027-01-09"})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Known(2027) || c.Known(2028) || !c.Known(2024) {
		t.Errorf("known years wrong")
	}
	if c.IsWorkday(d("2027-01-01")) || !c.IsWorkday(d("2027-01-09")) {
		t.Errorf("site dates not applied")
	}
	if got := c.Unknown(d("2026-12-30"), d("2028-01-02")); len(got) != 1 || got[0] != 2028 {
		t.Errorf("Unknown = %v", got)
	}
}

func TestBuiltinWorkdaysAreWeekends(t *testing.T) {
	for _, y := range builtin {
		for _, w := range y.workdays {
			if wd := d(w).Weekday(); wd != time.Saturday && wd != time.Sunday {
				t.Errorf("%s is a %s", w, wd)
			}
		}
	}
}
