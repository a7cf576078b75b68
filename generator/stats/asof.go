package stats

import (
	"time"

	"gongshi/generator/disclose"
)

// decisionsAsOf is the date the decisions run to: the latest decision date
// (withdrawn decisions count: the export held them), never after the build
// date, or the build date when there are no decisions.
func decisionsAsOf(acts []disclose.Activity, now time.Time) time.Time {
	day := disclose.Day(now)
	var last time.Time
	for i := range acts {
		if acts[i].Date.After(last) {
			last = acts[i].Date
		}
	}
	if last.IsZero() || last.After(day) {
		return day
	}
	return last.UTC().Truncate(24 * time.Hour)
}

// AsOf is the date the enforcement figures run to: the latest decision.
func (d *Data) AsOf() time.Time { return d.asOf }

// dayOf writes a date as Table.AsOf does: "2026-10-30".
func dayOf(t time.Time) string { return t.Format("2006-01-02") }

// asOfEnd is the last day an AsOf value covers: the day itself, or the
// last day of the month.
func asOfEnd(asOf string) time.Time {
	if t, err := time.Parse("2006-01-02", asOf); err == nil {
		return t
	}
	return parseMonth(asOf).AddDate(0, 1, -1)
}

// dated stamps a table with the date of its data (a day or a month) and
// whether the build is more than a month past it.
func (d *Data) dated(t *Table, asOf string) {
	t.AsOf = asOf
	if asOf == "" {
		return
	}
	t.Stale = disclose.AddMonths(asOfEnd(asOf), 1).Before(disclose.Day(d.Now))
}

// AsOfText writes Table.AsOf in Chinese: "2026年10月30日" or "2026年10月";
// "" when the table is not dated.
func (t *Table) AsOfText() string { return AsOfText(t.AsOf) }

// AsOfText writes an AsOf value ("2026-10-30", "2026-10") in Chinese:
// "2026年10月30日", "2026年10月"; "" for "".
func AsOfText(asOf string) string {
	if asOf == "" {
		return ""
	}
	if len(asOf) == len("2006-01") {
		return cnMonth(asOf)
	}
	return cnDay(asOfEnd(asOf))
}
