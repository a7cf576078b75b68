package site

import (
	"strings"
	"time"

	"gongshi/generator/changelog"
)

// ChangesData is the payload of /changes/ and /changes/DATE/.
type ChangesData struct {
	Updates []changelog.Update
	// Live maps "dataset/id" to the record's page, for records still
	// published.
	Live map[string]string
}

// StampPages sets each record page's first-published and last-updated
// dates from the manifest m.
func (s *Site) StampPages(m *changelog.Manifest) {
	for _, p := range s.HTML {
		parts := strings.Split(strings.Trim(p.URL, "/"), "/")
		if len(parts) != 2 {
			continue
		}
		if e, ok := m.Record(parts[0], parts[1]); ok {
			p.First, _ = time.Parse("2006-01-02", e.First)
			p.Updated, _ = time.Parse("2006-01-02", e.Updated)
		}
	}
}

// AddChangesPages adds /changes/ and one page per update of the manifest m.
// links adds pages to link by "dataset/id" besides the records m holds
// (a power item taken back keeps its page).
func (s *Site) AddChangesPages(m *changelog.Manifest, links map[string]string) {
	live := map[string]string{}
	for ds, recs := range m.Records {
		for id := range recs {
			live[ds+"/"+id] = "/" + ds + "/" + id + "/"
		}
	}
	for k, v := range links {
		live[k] = v
	}
	crumbs := []Crumb{home}
	s.Add(&Page{URL: "/changes/", Layout: "changes", Title: "更新记录", Column: "更新记录", InSitemap: true, Crumbs: crumbs,
		Data: ChangesData{Updates: m.Updates, Live: live}})
	crumbs = append(crumbs, Crumb{Title: "更新记录", URL: "/changes/"})
	for _, u := range m.Updates {
		d, _ := time.Parse("2006-01-02", u.Date)
		s.Add(&Page{URL: "/changes/" + u.Date + "/", Layout: "change", Title: u.Date + "更新", Column: "更新记录", Date: d,
			InSitemap: true, Crumbs: crumbs, Data: ChangesData{Updates: []changelog.Update{u}, Live: live}})
	}
}
