package site

// AddDataPage adds the open-data catalogue, /data/, with the payload data
// (the catalogue is built after the site model, from it).
func (s *Site) AddDataPage(data any) {
	s.Add(&Page{URL: "/data/", Layout: "data", Title: "开放数据", Section: "/data/", Column: "开放数据", InSitemap: true,
		Crumbs: []Crumb{home}, Data: data})
}
