package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"gongshi/generator/output"
	"gongshi/generator/site"
)

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

var monthDir = regexp.MustCompile(`^\d{4}-\d{2}$`)

// archiveMonths reads the months archived in a previous output folder with
// their file lists; a month without a readable index is skipped.
func archiveMonths(prevDir string) []ArchiveMonth {
	entries, err := os.ReadDir(filepath.Join(prevDir, "data", "archive"))
	if err != nil {
		return nil
	}
	var out []ArchiveMonth
	for _, e := range entries {
		if !e.IsDir() || !monthDir.MatchString(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(prevDir, "data", "archive", e.Name(), "index.json"))
		if err != nil {
			continue
		}
		var files []ArchiveFile
		if json.Unmarshal(b, &files) == nil {
			out = append(out, ArchiveMonth{Month: e.Name(), Files: files})
		}
	}
	return out
}

// addArchive adds the archive pages: the months of the previous build, with
// this month's tables replacing any earlier build of the same month. It
// returns every month, newest first.
func addArchive(s *site.Site, prevDir, month string, pages []StatPage) []ArchiveMonth {
	cur := ArchiveMonth{Month: month}
	for _, sp := range pages {
		for _, c := range sp.Charts {
			cur.Files = append(cur.Files, ArchiveFile{ID: c.ID, Title: c.Table.Title})
		}
	}
	months := []ArchiveMonth{cur}
	for _, m := range archiveMonths(prevDir) {
		if m.Month != month {
			months = append(months, m)
		}
	}
	sort.Slice(months, func(i, j int) bool { return months[i].Month > months[j].Month })
	crumbs := []site.Crumb{{Title: "首页", URL: "/"}, {Title: "开放数据", URL: "/data/"}}
	s.Add(&site.Page{URL: "/data/archive/", Layout: "archive-index", Title: "统计数据月度存档", Column: "开放数据", Section: "/data/",
		InSitemap: true, Crumbs: crumbs, Data: months})
	crumbs = append(crumbs, site.Crumb{Title: "月度存档", URL: "/data/archive/"})
	for _, m := range months {
		s.Add(&site.Page{URL: "/data/archive/" + m.Month + "/", Layout: "archive", Title: m.Month + "统计数据存档", Column: "开放数据",
			Section: "/data/", InSitemap: true, Crumbs: crumbs, Data: m})
	}
	return months
}

// writeArchive writes this month's tables and keeps the earlier months'.
func writeArchive(st *output.Stage, months []ArchiveMonth, month string, pages []StatPage) error {
	for _, m := range months {
		dir := "/data/archive/" + m.Month + "/"
		if m.Month != month {
			for _, f := range append(m.Files, ArchiveFile{ID: "index"}) {
				exts := []string{".csv", ".json"}
				if f.ID == "index" {
					exts = []string{".json"}
				}
				for _, ext := range exts {
					if _, err := st.Keep(dir + f.ID + ext); err != nil {
						return err
					}
				}
			}
			continue
		}
		for _, sp := range pages {
			for _, c := range sp.Charts {
				if err := st.WriteRaw(dir+c.ID+".csv", c.CSV); err != nil {
					return err
				}
				if err := st.WriteRaw(dir+c.ID+".json", c.JSON); err != nil {
					return err
				}
			}
		}
		idx, err := json.Marshal(m.Files)
		if err != nil {
			return err
		}
		if err := st.WriteRaw(dir+"index.json", idx); err != nil {
			return err
		}
	}
	return nil
}
