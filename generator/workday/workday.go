// Package workday counts working days in mainland China: Monday to Friday,
// less the public holidays, plus the weekend days worked in exchange (调休),
// as the State Council's yearly notices (国务院办公厅关于部分节假日安排的通知)
// set them. It knows 2024 to 2026; a site adds later years as each notice
// appears ([calendar] in site.toml). A year it knows nothing of counts
// Monday to Friday, and Known says so.
package workday

import (
	"fmt"
	"slices"
	"time"
)

// Calendar tells working days from days off. The zero value is not usable;
// call Default or New.
type Calendar struct {
	// off are the holidays that fall on weekdays, on the weekend days
	// worked; both sorted day numbers (see num).
	off, on []int
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
	c, _ := build(nil, nil)
	return c
}

// New returns the built-in calendar with more holidays and working weekend
// days, as "YYYY-MM-DD" (config.Calendar, validated there). The years of
// the dates given count as known; a date given overrides the built-in
// table.
func New(holidays, workdays []string) (*Calendar, error) { return build(holidays, workdays) }

func build(holidays, workdays []string) (*Calendar, error) {
	years := map[int]bool{}
	kind := map[int]bool{} // day number → worked
	for _, y := range builtin {
		years[y.year] = true
		for _, h := range y.holidays {
			for d := num(mustDay(h[0])); d <= num(mustDay(h[1])); d++ {
				kind[d] = false
			}
		}
		for _, w := range y.workdays {
			kind[num(mustDay(w))] = true
		}
	}
	for _, list := range []struct {
		dates  []string
		worked bool
	}{{holidays, false}, {workdays, true}} {
		for _, s := range list.dates {
			t, err := time.Parse("2006-01-02", s)
			if err != nil {
				return nil, fmt.Errorf("calendar date %q: want YYYY-MM-DD", s)
			}
			kind[num(t)], years[t.Year()] = list.worked, true
		}
	}
	c := &Calendar{years: years}
	for d, worked := range kind {
		switch {
		case worked && !weekday(d):
			c.on = append(c.on, d)
		case !worked && weekday(d):
			c.off = append(c.off, d)
		}
	}
	slices.Sort(c.on)
	slices.Sort(c.off)
	return c, nil
}

// num is the day number of t's calendar date: days since 1970-01-01.
func num(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// shift moves day numbers so that day 0 is a Monday (1970-01-05 is day 4)
// and every date since 1900 is positive.
const shift = 7*4000 - 4

// weekday reports whether day d is Monday to Friday.
func weekday(d int) bool { return (d+shift)%7 < 5 }

// weekdaysBefore counts the days Monday to Friday before day d, from the
// origin of shift.
func weekdaysBefore(d int) int {
	m := d + shift
	return m/7*5 + min(m%7, 5)
}

// within counts the days of sorted in (from, to].
func within(sorted []int, from, to int) int {
	lo, _ := slices.BinarySearch(sorted, from+1)
	hi, _ := slices.BinarySearch(sorted, to+1)
	return hi - lo
}

// IsWorkday reports whether the calendar date of t is a working day.
func (c *Calendar) IsWorkday(t time.Time) bool { return c.isWorkday(num(t)) }

func (c *Calendar) isWorkday(d int) bool {
	if weekday(d) {
		_, off := slices.BinarySearch(c.off, d)
		return !off
	}
	_, on := slices.BinarySearch(c.on, d)
	return on
}

// Between counts the working days after from, up to and including to: 0
// when to is not after from. A decision of a Friday published the next
// Monday was published 1 working day after it. It counts weekdays by
// arithmetic and the tables' days by binary search, whatever the span:
// build.BenchmarkTimeliness (25,000 decisions, each warned) took 8.1 s/op
// counting day by day, 0.25 s/op so. TestBetweenMatchesDayByDay keeps it
// equal to the day-by-day count.
func (c *Calendar) Between(from, to time.Time) int {
	a, b := num(from), num(to)
	if b <= a {
		return 0
	}
	return weekdaysBefore(b+1) - weekdaysBefore(a+1) - within(c.off, a, b) + within(c.on, a, b)
}

// Add returns the n-th working day after the calendar date of t (n > 0):
// the last day of a time limit of n working days.
func (c *Calendar) Add(t time.Time, n int) time.Time {
	d := num(t)
	for n > 0 {
		d++
		if c.isWorkday(d) {
			n--
		}
	}
	return time.Unix(int64(d)*86400, 0).UTC()
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
