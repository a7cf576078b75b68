package config

import (
	"fmt"
	"sort"
	"time"

	"github.com/BurntSushi/toml"
)

// validate checks the publication rules; the error names the key at fault.
func (d *Disclosure) validate() *Error {
	bad := func(key toml.Key, format string, args ...any) *Error {
		return &Error{Msg: fmt.Sprintf(format, args...), key: key}
	}
	for _, k := range sortedKeys(d.Periods) {
		if m := d.Periods[k]; m < 0 {
			return bad(toml.Key{"disclosure", "periods", k}, "disclosure.periods.%q = %d: want a number of months, 0 or more (0: up to max_months)", k, m)
		}
	}
	for _, k := range sortedKeys(d.Severity) {
		r := d.Severity[k]
		if k == "" {
			return bad(toml.Key{"disclosure", "severity"}, "disclosure.severity: a key is empty; want a 违法情节 value such as \"一般\"")
		}
		if r[0] < 0 || r[1] < 0 || (r[1] > 0 && r[0] > r[1]) || (r[1] == 0 && r[0] > 0) {
			return bad(toml.Key{"disclosure", "severity", k}, "disclosure.severity.%q = [%d, %d]: want [min, max] months with 0 <= min <= max, or [0, 0] for not published", k, r[0], r[1])
		}
	}
	if d.MaxMonths < 0 {
		return bad(toml.Key{"disclosure", "max_months"}, "disclosure.max_months = %d: want a number of months, 1 or more (default 36)", d.MaxMonths)
	}
	sf := d.SmallFine
	if sf.Months < 0 || sf.Months > d.MaxMonths {
		return bad(toml.Key{"disclosure", "small_fine", "months"}, "disclosure.small_fine.months = %d: want 0 (off) to max_months (%d)", sf.Months, d.MaxMonths)
	}
	if sf.Person < 0 {
		return bad(toml.Key{"disclosure", "small_fine", "person"}, "disclosure.small_fine.person = %d: want an amount in yuan, more than 0 (default 5000)", sf.Person)
	}
	if sf.Org < 0 {
		return bad(toml.Key{"disclosure", "small_fine", "org"}, "disclosure.small_fine.org = %d: want an amount in yuan, more than 0 (default 50000)", sf.Org)
	}
	if d.WithholdPossiblySimple && d.PublishSimple {
		return bad(toml.Key{"disclosure", "withhold_possibly_simple"}, "disclosure.withhold_possibly_simple = true with publish_simple = true: a decision known to be 简易程序 would be published and one that only may be withheld; set one of them")
	}
	return nil
}

// validate checks the calendar's dates: each a real date, none listed both
// as a holiday and as a working day, every working day a weekend day.
func (c *Calendar) validate() *Error {
	holidays := map[string]bool{}
	for _, s := range c.Holidays {
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return &Error{Msg: fmt.Sprintf("calendar.holidays: %q: want a date like 2027-10-01", s), key: toml.Key{"calendar", "holidays"}}
		}
		holidays[s] = true
	}
	for _, s := range c.Workdays {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return &Error{Msg: fmt.Sprintf("calendar.workdays: %q: want a date like 2027-09-26", s), key: toml.Key{"calendar", "workdays"}}
		}
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			return &Error{Msg: fmt.Sprintf("calendar.workdays: %s is a %s; list only the weekend days worked in exchange (调休)", s, wd), key: toml.Key{"calendar", "workdays"}}
		}
		if holidays[s] {
			return &Error{Msg: fmt.Sprintf("calendar: %s is listed both in holidays and in workdays", s), key: toml.Key{"calendar", "workdays"}}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
