package site

import "sort"

// The statistics tables as published each month stay at
// /data/archive/YYYY-MM/, so a figure cited in March can still be found
// after April's corrections. The last build of a month sets that month's
// files; earlier months are carried over from the previous build unchanged.

// ArchiveFile is one archived table.
type ArchiveFile struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// ArchiveMonth is the payload of /data/archive/YYYY-MM/.
type ArchiveMonth struct {
	Month string
	Files []ArchiveFile
}

// AddArchive adds the archive pages: the months prev archived by the
// previous build, with this month's tables (those of the statistics pages)
// replacing any earlier build of the same month. It returns every month,
// newest first.
func (s *Site) AddArchive(prev []ArchiveMonth, month string, pages []StatPage) []ArchiveMonth {
	cur := ArchiveMonth{Month: month}
	for _, sp := range pages {
		for _, c := range sp.Charts {
			cur.Files = append(cur.Files, ArchiveFile{ID: c.ID, Title: c.Table.Title})
		}
	}
	months := []ArchiveMonth{cur}
	for _, m := range prev {
		if m.Month != month {
			months = append(months, m)
		}
	}
	sort.Slice(months, func(i, j int) bool { return months[i].Month > months[j].Month })
	crumbs := []Crumb{home, {Title: "开放数据", URL: "/data/"}}
	s.Add(&Page{URL: "/data/archive/", Layout: "archive-index", Title: "统计数据月度存档", Column: "开放数据", Section: "/data/",
		InSitemap: true, Crumbs: crumbs, Data: months})
	crumbs = append(crumbs, Crumb{Title: "月度存档", URL: "/data/archive/"})
	for _, m := range months {
		s.Add(&Page{URL: "/data/archive/" + m.Month + "/", Layout: "archive", Title: m.Month + "统计数据存档", Column: "开放数据",
			Section: "/data/", InSitemap: true, Crumbs: crumbs, Data: m})
	}
	return months
}
