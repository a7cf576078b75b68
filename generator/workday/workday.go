// Package workday counts working days in mainland China: Monday to Friday,
// less the public holidays, plus the weekend days worked in exchange (调休),
// as the State Council's yearly notices (国务院办公厅关于部分节假日安排的通知)
// set them. It knows 2024 to 2026; a site adds later years as each notice
// appears ([calendar] in site.toml). A year it knows nothing of counts
// Monday to Friday, and Known says so.
package workday

import (
	"fmt"
	"time"
)

// Calendar tells working days from days off. The zero value is not usable;
// call Default or New.
type Calendar struct {
	off, on map[time.Time]bool // holidays; weekend days worked
	years   map[int]bool
}

// builtin holds the State Council's schedules: each holiday as its first
// and last day, then the weekend days worked in exchange.
var builtin = []struct {
	year     int
	holidays [][2]string
	workdays []string
}{
	{2024, // 国办发明电〔2023〕7号
		[][2]string{{"2024-01-01", "2024-01-01"}, {"2024-02-10", "2024-02-17"}, {"2024-04-04", "2024-04-06"}, {"2024-05-01", "2024-05-05"}, {"2024-06-10", "2024-06-10"}, {"2024-09-15", "2024-09-17"}, {"2024-10-01", "2024-10-07"}},
		[]string{"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"}},
	{2025, // 国办发明电〔2024〕12号
		[][2]string{{"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"}, {"2025-04-04", "2025-04-06"}, {"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"}, {"2025-10-01", "2025-10-08"}},
		[]string{"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"}},
	{2026, // 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04
		[][2]string{{"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"}, {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"}, {"2026-09-25", "2026-09-27"}, {"2026-10-01", "2026-10-07"}},
		[]string{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}},
}

func mustDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(fmt.Sprintf("workday: built-in date %q: %v", s, err))
	}
	return t
}

// Default returns the calendar of the built-in years.
func Default() *Calendar {
	c := &Calendar{off: map[time.Time]bool{}, on: map[time.Time]bool{}, years: map[int]bool{}}
	for _, y := range builtin {
		c.years[y.year] = true
		for _, h := range y.holidays {
			for d := mustDay(h[0]); !d.After(mustDay(h[1])); d = d.AddDate(0, 0, 1) {
				c.off[d] = true
			}
		}
		for _, w := range y.workdays {
			c.on[mustDay(w)] = true
		}
	}
	return c
}

// New returns the built-in calendar with more holidays and working weekend
// days, as "YYYY-MM-DD" (config.Calendar, validated there). The years of
// the dates given count as known.
func New(holidays, workdays []string) (*Calendar, error) {
	c := Default()
	for _, s := range holidays {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			return nil, fmt.Errorf("holiday %q: want YYYY-MM-DD", s)
		}
		c.off[d], c.years[d.Year()] = true, true
		delete(c.on, d)
	}
	for _, s := range workdays {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			return nil, fmt.Errorf("working day %q: want YYYY-MM-DD", s)
		}
		c.on[d], c.years[d.Year()] = true, true
		delete(c.off, d)
	}
	return c, nil
}

// day is t's calendar date as a UTC midnight, the key of the tables.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// IsWorkday reports whether the calendar date of t is a working day.
func (c *Calendar) IsWorkday(t time.Time) bool {
	d := day(t)
	switch {
	case c.on[d]:
		return true
	case c.off[d]:
		return false
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// Between counts the working days after from, up to and including to: 0
// when to is not after from. A decision of a Friday published the next
// Monday was published 1 working day after it.
func (c *Calendar) Between(from, to time.Time) int {
	n := 0
	end := day(to)
	for d := day(from).AddDate(0, 0, 1); !d.After(end); d = d.AddDate(0, 0, 1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}

// Known reports whether the calendar has the holidays of year.
func (c *Calendar) Known(year int) bool { return c.years[year] }

// Unknown returns the years from from to to, inclusive, whose holidays
// the calendar does not have.
func (c *Calendar) Unknown(from, to time.Time) []int {
	var out []int
	for y := from.Year(); y <= to.Year(); y++ {
		if !c.years[y] {
			out = append(out, y)
		}
	}
	return out
}
