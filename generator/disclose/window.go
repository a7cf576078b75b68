package disclose

import (
	"strings"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/records"
)

// Window returns the last day a decision is published, and false when it
// is not published at all (情节轻微). The export's 公示截止期 wins, unless it
// is the 2099/12/31 "no end" marker; otherwise the longest period of the
// decision's categories applies, clamped by the rule for its 违法情节 and
// capped at cfg.MaxMonths.
func Window(c *records.Case, cfg config.Disclosure) (time.Time, bool) {
	months := -1
	for key, r := range cfg.Severity {
		if c.Severity != "" && strings.Contains(c.Severity, key) {
			if r[0] <= 0 && r[1] <= 0 {
				return time.Time{}, false
			}
			months = periodMonths(c.Categories, cfg.Periods)
			months = max(months, r[0])
			if r[1] > 0 {
				months = min(months, r[1])
			}
			break
		}
	}
	if given := c.PublishUntil; !given.IsZero() && given.Year() < 2099 {
		return given, true
	}
	if months < 0 {
		months = periodMonths(c.Categories, cfg.Periods)
	}
	if cfg.MaxMonths > 0 && (months <= 0 || months > cfg.MaxMonths) {
		months = cfg.MaxMonths
	}
	if months <= 0 {
		return time.Time{}, true
	}
	return c.DecisionDate.AddDate(0, months, 0), true
}

// PublicationEnd is the last day a decision is published: the export's
// 公示截止期 when given, else the decision date plus the longest period of its
// categories. Window applies the whole rule set.
func PublicationEnd(decided time.Time, cats []string, given time.Time, periods map[string]int) time.Time {
	if !given.IsZero() && given.Year() < 2099 {
		return given
	}
	months := periodMonths(cats, periods)
	if months <= 0 {
		return time.Time{}
	}
	return decided.AddDate(0, months, 0)
}

// periodMonths is the longest period of the categories; "default" for a
// category not listed, or when there is none.
func periodMonths(cats []string, periods map[string]int) int {
	months := 0
	for _, c := range cats {
		p, ok := periods[records.CategoryBase(c)]
		if !ok {
			p = periods["default"]
		}
		months = max(months, p)
	}
	if months == 0 {
		months = periods["default"]
	}
	return months
}

func isSimple(p string) bool { return strings.Contains(p, "简易") || strings.Contains(p, "当场") }
