package build

import (
	"fmt"
	"strings"
	"time"

	"gongshi/generator/changelog"
	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/disclose"
	"gongshi/generator/records"
	"gongshi/generator/workday"
)

// timeliness warns about what this build publishes or withdraws late, as
// the previous build's manifest (prev, nil for a first build) tells:
//   - a decision published for the first time more than 7 working days
//     after its date (国办发〔2018〕118号). Its first-published date is the
//     build date; decisions the previous build published were measured
//     then. With no previous build, one warning counts them all: they may
//     have been published before, by another system;
//   - a decision the previous build published, withdrawn by this one more
//     than 3 days after its 撤回日期 (行政处罚法 art. 48), or with no
//     撤回日期 to tell.
func timeliness(res *disclose.Result, prev *changelog.Manifest, cal config.Calendar, now time.Time) diag.List {
	var dl diag.List
	c, err := workday.New(cal.Holidays, cal.Workdays)
	if err != nil {
		dl.Errorf(diag.Pos{File: config.FileName}, "calendar", "%v", err)
		return dl
	}
	// The day the changelog records as the first-published date (the
	// build date's day in the site's time zone, as discloseRecords gives
	// it), so that the warnings and the decision pages agree.
	today := disclose.Day(now)
	cases := make([]dated, len(res.Cases))
	for i := range res.Cases {
		k := &res.Cases[i]
		cases[i] = dated{k.Src, k.ID, k.DecisionNo, k.DecisionDate}
	}
	dl = append(dl, lateFirst(c, prev, today, "cases", "decisions", "decision date", "decided", disclose.PublishWithinWorkdays, cases)...)
	for _, k := range res.Kinds {
		if k.Timely == 0 {
			continue
		}
		dateName := "date"
		if i := k.FieldOf(records.RoleDate); i >= 0 {
			dateName = k.Fields[i].Label()
		}
		items := res.Items[k.Name]
		ds := make([]dated, len(items))
		for i := range items {
			it := &items[i]
			ds[i] = dated{it.Src, it.ID, it.Sub(), it.Date}
		}
		dl = append(dl, lateFirst(c, prev, today, k.Name, k.Title, dateName, dateName, k.Timely, ds)...)
	}
	if prev == nil {
		return dl
	}
	published := map[string]bool{}
	for _, e := range prev.Records["cases"] {
		published[e.Title] = true
	}
	for _, w := range res.Withdrawn {
		if !published[w.DecisionNo] {
			continue // not published before: nothing to take down
		}
		switch {
		case w.Date.IsZero():
			dl.Warnf(w.Src, "withdrawn-undated", "%s: withdrawn by this build with no 撤回日期, so neither the public nor gongshi can tell whether it was withdrawn within %d days (行政处罚法 art. 48); list it in data/withdrawals/ with 撤回日期", w.DecisionNo, disclose.WithdrawWithinDays)
		case today.After(w.Date.AddDate(0, 0, disclose.WithdrawWithinDays)):
			dl.Warnf(w.Src, "withdrawn-late", "%s: 撤回日期 %s, withdrawn by this build on %s, %d days later: want at most %d (行政处罚法 art. 48)",
				w.DecisionNo, w.Date.Format("2006-01-02"), today.Format("2006-01-02"), int(today.Sub(w.Date).Hours()/24), disclose.WithdrawWithinDays)
		}
	}
	return dl
}

// dated is a published record as the timeliness rule sees it.
type dated struct {
	src    diag.Pos
	id, no string
	date   time.Time
}

// lateFirst warns about the records of dataset ds first published by this
// build more than within working days after their date. With no previous
// build, one warning counts them all: they may have been published before,
// by another system.
// when names the records' date in the summary ("decision date") and said
// names it before a record's date ("decided").
func lateFirst(c *workday.Calendar, prev *changelog.Manifest, today time.Time, ds, what, when, said string, within int, rs []dated) diag.List {
	var dl diag.List
	var late []*dated
	for i := range rs {
		k := &rs[i]
		if prev != nil {
			if _, ok := prev.Record(ds, k.id); ok {
				continue
			}
		}
		if k.date.IsZero() || !k.date.Before(today) {
			continue
		}
		if today.After(c.Add(k.date, within)) {
			late = append(late, k)
		}
	}
	unknown := func(from time.Time) string {
		ys := c.Unknown(from, today)
		if len(ys) == 0 {
			return ""
		}
		s := make([]string, len(ys))
		for i, y := range ys {
			s[i] = fmt.Sprint(y)
		}
		return fmt.Sprintf("; the holidays of %s are not known, so Monday to Friday were counted (add them under [calendar] in site.toml)", strings.Join(s, ", "))
	}
	switch {
	case prev == nil && len(late) > 0:
		first := late[0]
		for _, k := range late {
			if k.date.Before(first.date) || k.date.Equal(first.date) && k.no < first.no {
				first = k
			}
		}
		dl.Warnf(first.src, "published-late", "%d %s are first published by this build more than %d working days after their %s (国办发〔2018〕118号), the earliest %s of %s; the output folder holds no previous build (changes/manifest.json) to tell whether they were published before",
			len(late), what, within, when, first.no, first.date.Format("2006-01-02"))
	case prev != nil:
		for _, k := range late {
			dl.Warnf(k.src, "published-late", "%s: %s %s, first published %s, %d working days later: want at most %d (国办发〔2018〕118号)%s",
				k.no, said, k.date.Format("2006-01-02"), today.Format("2006-01-02"), c.Between(k.date, today), within, unknown(k.date))
		}
	}
	return dl
}
