package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gongshi/generator/changelog"
	"gongshi/generator/charts"
	"gongshi/generator/disclose"
	"gongshi/generator/opendata"
	"gongshi/generator/records"
	"gongshi/generator/site"
)

// readPrevious loads the previous build's manifest from dir (a previous
// public/ folder). A missing manifest means a first build.
func readPrevious(dir string) (*changelog.Manifest, error) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(changelog.Path, "/"))))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return changelog.Read(f)
}

// updateDate is the date under which this build's update is recorded
// (YYYY-MM-DD): the build date's day, or the latest date the previous
// build recorded (its date, its newest update, its newest archived month)
// when that is later. A build dated before the previous one (a clock set
// back, SOURCE_DATE_EPOCH of an older commit) is thus merged into the
// newest update: /changes/ and the archive stay in date order, one entry
// per date, the newest describing what the site shows, and no record's
// first-published or updated date goes back.
func updateDate(now time.Time, prev *changelog.Manifest, prevDir string) string {
	date := now.Format("2006-01-02")
	later := func(d string) {
		if _, err := time.Parse("2006-01-02", d); err == nil && d > date {
			date = d
		}
	}
	if prev != nil {
		later(prev.Built)
		for _, u := range prev.Updates {
			later(u.Date)
		}
	}
	for _, m := range archiveMonths(prevDir) {
		if m.Month > date[:7] {
			date = m.Month + "-01"
		}
	}
	return date
}

// manifestInput describes what this build publishes, for the changelog.
func manifestInput(s *site.Site, datasets []opendata.Dataset, statCharts []charts.Chart, date string) changelog.Input {
	in := changelog.Input{Date: date, Names: changelog.Names{}, Records: map[string][]changelog.Record{}, Figures: map[string]string{}}
	for _, d := range datasets {
		if d.Slug == "stats" {
			continue // statistics are figures, compared through the charts
		}
		in.Names[d.Slug] = d.News
		for _, r := range d.Rows {
			in.Records[d.Slug] = append(in.Records[d.Slug], changelog.Record{ID: r.ID, Title: r.Title, Fields: r.News})
		}
	}
	for _, c := range statCharts {
		in.Figures[c.ID] = changelog.Hash(c.CSV)
	}
	withdrawn := map[string]bool{}
	for _, w := range s.Result.Withdrawn {
		withdrawn[w.DecisionNo] = true
	}
	expired := map[string]bool{}
	for _, w := range s.Result.Withheld {
		if w.Reason == disclose.ReasonExpired {
			expired[w.DecisionNo] = true
		}
	}
	// A declared kind's withdrawals, by kind and number: a licence and a
	// decision may share a number.
	itemWithdrawn := map[string]bool{}
	for kind, ws := range s.Result.ItemsWithdrawn {
		for _, w := range ws {
			itemWithdrawn[kind+"\x00"+w.DecisionNo] = true
		}
	}
	in.Gone = func(ds, id, title string) string {
		switch {
		case ds == "powers" && s.PowerEnded(id) != nil:
			return "withdrawn"
		case itemWithdrawn[ds+"\x00"+title]:
			return "withdrawn"
		case ds != "cases":
			return "removed"
		case withdrawn[title]:
			return "withdrawn"
		case expired[title]:
			return "expired"
		}
		return "removed"
	}
	return in
}

// powerLinks links, on /changes/, a power item taken back or abolished to
// its page (which it keeps), and each register entry to its item's page.
func powerLinks(s *site.Site) map[string]string {
	live := map[string]string{}
	for id, h := range s.PowerHistory {
		if h.Ended != nil {
			live["powers/"+id] = records.PowerKind.URL(id)
		}
	}
	for i := range s.Result.PowerChanges {
		c := &s.Result.PowerChanges[i]
		live["power-changes/"+opendata.PowerChangeID(c)] = records.PowerKind.URL(c.ID())
	}
	return live
}
