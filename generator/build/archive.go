package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"

	"gongshi/generator/output"
	"gongshi/generator/site"
)

// archiveMonths and writeArchive are the archive's I/O: the months of the
// previous output, read back, and this month's files (see
// site.AddArchive).

var monthDir = regexp.MustCompile(`^\d{4}-\d{2}$`)

// archiveMonths reads the months archived in a previous output folder with
// their file lists; a month without a readable index is skipped.
func archiveMonths(prevDir string) []site.ArchiveMonth {
	entries, err := os.ReadDir(filepath.Join(prevDir, "data", "archive"))
	if err != nil {
		return nil
	}
	var out []site.ArchiveMonth
	for _, e := range entries {
		if !e.IsDir() || !monthDir.MatchString(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(prevDir, "data", "archive", e.Name(), "index.json"))
		if err != nil {
			continue
		}
		var files []site.ArchiveFile
		if json.Unmarshal(b, &files) == nil {
			out = append(out, site.ArchiveMonth{Month: e.Name(), Files: files})
		}
	}
	return out
}

// writeArchive writes this month's tables and keeps the earlier months'.
func writeArchive(st *output.Stage, months []site.ArchiveMonth, month string, pages []site.StatPage) error {
	for _, m := range months {
		dir := "/data/archive/" + m.Month + "/"
		if m.Month != month {
			for _, f := range append(m.Files, site.ArchiveFile{ID: "index"}) {
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
