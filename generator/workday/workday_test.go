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

func TestAdd(t *testing.T) {
	c := Default()
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-06-01", 7, "2026-06-10"},
		{"2026-04-30", 7, "2026-05-13"}, // 劳动节 05-01…05, 调休 05-09
		{"2026-02-13", 1, "2026-02-14"}, // 调休 Saturday
		{"2026-06-05", 1, "2026-06-08"},
	}
	for _, tt := range tests {
		t.Run(tt.from, func(t *testing.T) {
			got := c.Add(d(tt.from), tt.n)
			if got.Format("2006-01-02") != tt.want {
				t.Errorf("got %s, want %s", got.Format("2006-01-02"), tt.want)
			}
			if b := c.Between(d(tt.from), got); b != tt.n {
				t.Errorf("Between(from, Add(from, %d)) = %d", tt.n, b)
			}
		})
	}
}

// TestBetweenMatchesDayByDay compares Between with counting IsWorkday day
// by day, over spans that start and end on every kind of day.
func TestBetweenMatchesDayByDay(t *testing.T) {
	c, err := New([]string{"2027-01-01"}, []string{"2027-02-06"})
	if err != nil {
		t.Fatal(err)
	}
	base := d("2023-12-20")
	for i := 0; i < 1200; i += 7 {
		for _, span := range []int{0, 1, 2, 5, 9, 30, 400} {
			from, to := base.AddDate(0, 0, i), base.AddDate(0, 0, i+span)
			want := 0
			for x := from.AddDate(0, 0, 1); !x.After(to); x = x.AddDate(0, 0, 1) {
				if c.IsWorkday(x) {
					want++
				}
			}
			if got := c.Between(from, to); got != want {
				t.Fatalf("Between(%s, %s) = %d, want %d", from.Format("2006-01-02"), to.Format("2006-01-02"), got, want)
			}
		}
		base = base.AddDate(0, 0, 1) // every weekday as a start in turn
	}
}
