package build

import (
	"fmt"
	"time"

	"gongshi/generator/config"
	"gongshi/generator/content"
	"gongshi/generator/diag"
)

// freshness is what the staleness check needs from the load phase.
type freshness struct {
	rules  config.Staleness
	notice *content.Page // the latest dated notice, nil if none
}

func newFreshness(cfg config.Config, pages []content.Page) freshness {
	f := freshness{rules: cfg.Staleness}
	for i := range pages {
		p := &pages[i]
		if p.Section == "notices" && !p.Date.IsZero() && (f.notice == nil || p.Date.After(f.notice.Date)) {
			f.notice = p
		}
	}
	return f
}

// Staleness warns, as of now, about columns not updated for longer than
// site.toml's [staleness] allows: statistics whose latest month ended more
// than stats_days ago (default 45), and notices whose latest is older than
// notices_months (default 6). A column with no data at all gets no warning,
// and a negative limit turns its warning off. It needs the Summary of Check
// or Build (for the statistics in Summary.Result).
func Staleness(sum *Summary, now time.Time) diag.List {
	var dl diag.List
	if sum == nil {
		return dl
	}
	rules := sum.fresh.rules
	// Ages count calendar days in now's zone (the site's), so a build
	// just after midnight in Asia/Shanghai counts the day it is there.
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if rules.StatsDays > 0 && sum.Result != nil {
		latest, pos := "", diag.Pos{}
		for _, r := range sum.Result.Stats {
			if r.Month > latest {
				latest, pos = r.Month, r.Pos
			}
		}
		if m, err := time.Parse("2006-01", latest); err == nil {
			end := m.AddDate(0, 1, 0)
			if age := int(today.Sub(end).Hours() / 24); age > rules.StatsDays {
				dl.Warnf(diag.Pos{File: pos.File}, "stale", "统计数据: the latest month is %s, %d days old (more than %d; set [staleness] stats_days in site.toml)", latest, age, rules.StatsDays)
			}
		}
	}
	if n := sum.fresh.notice; rules.NoticesMonths > 0 && n != nil {
		d := time.Date(n.Date.Year(), n.Date.Month(), n.Date.Day(), 0, 0, 0, 0, time.UTC)
		if limit := d.AddDate(0, rules.NoticesMonths, 0); today.After(limit) {
			dl.Warnf(diag.Pos{File: n.Src.File}, "stale", "通知公告: the latest notice is dated %s, more than %s ago (set [staleness] notices_months in site.toml)", n.Date.Format("2006-01-02"), months(rules.NoticesMonths))
		}
	}
	return dl
}

func months(n int) string {
	if n == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", n)
}
