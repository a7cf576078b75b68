package site

import (
	"gongshi/generator/charts"
	"gongshi/generator/stats"
	"time"
)

// StatPage is the payload of a statistics page (/stats/TOPIC/ and
// /stats/year/YYYY/).
type StatPage struct {
	Topic  stats.Topic
	Charts []charts.Chart
	// Headline is the enforcement sentence of this year.
	Headline stats.Headline
	// Years are the year-in-review pages, newest first, for navigation.
	Years []int
	// AsOf is the latest date of the data of the page's charts
	// (stats.Table.AsOf), "" when none is dated; AsOfText is it in Chinese.
	AsOf, AsOfText string
	// Stale reports that even the page's latest data is more than a month
	// older than the build.
	Stale bool
	// UpdateDay and NextUpdate are when the page is next updated (see
	// charts.Page); 0 and the zero time for none.
	UpdateDay  int
	NextUpdate time.Time
}

// URL is the page's path.
func (p *StatPage) URL() string { return "/stats/" + p.Topic.Path + "/" }

// StatIndex is the payload of /stats/, of the home page's figures and of
// the human sitemap (/sitemap/).
type StatIndex struct {
	Topics   []StatPage
	Years    []StatPage
	Headline stats.Headline
	// Service is the latest month of the service centre's monthly volume
	// chart, the figure the home page shows and links to.
	Service *ServiceFigure
}

// ServiceFigure is the number of items the service centre received in its
// latest month of data, read from the row of the chart it links to.
type ServiceFigure struct {
	Month    string // "2026-10"
	Received float64
	URL      string // the chart's permalink
}

// AddStatPages adds the statistics pages: /stats/, one page per topic and
// one per year, from the figures d and their charts. The home page, when
// it has no payload yet, gets the index, so it links only to topics that
// exist. It returns the pages and the index.
func (s *Site) AddStatPages(d *stats.Data, pages []charts.Page) ([]StatPage, StatIndex) {
	years := d.Years()
	head := d.Headline()
	var out []StatPage
	for _, p := range pages {
		sp := StatPage{Topic: p.Topic, Charts: p.Charts, Headline: head, Years: years, UpdateDay: p.UpdateDay, NextUpdate: p.NextUpdate}
		for _, c := range p.Charts {
			// "2026-11" sorts after "2026-10-30": a later month is later data.
			if c.Table.AsOf > sp.AsOf {
				sp.AsOf, sp.Stale = c.Table.AsOf, c.Table.Stale
			}
		}
		sp.AsOfText = stats.AsOfText(sp.AsOf)
		out = append(out, sp)
		title := p.Topic.Title
		if !isYear(p.Topic.Path) {
			title += "统计"
		}
		crumbs := []Crumb{home, {Title: "统计数据", URL: "/stats/"}}
		if p.Topic.Path == stats.TopicUsage {
			crumbs = append(crumbs, Crumb{Title: "权力清单统计", URL: "/stats/" + stats.TopicPowers + "/"})
		}
		s.Add(&Page{URL: sp.URL(), Layout: "stat", Title: title, Section: "/stats/", Column: "统计数据",
			Description: p.Topic.Intro, InSitemap: true, Crumbs: crumbs, Data: sp})
	}
	idx := statIndex(out)
	idx.Headline = head
	idx.Service = serviceFigure(out)
	s.Add(&Page{URL: "/stats/", Layout: "stats", Title: "统计数据", Section: "/stats/", Column: "统计数据", InSitemap: true,
		Description: "便民服务中心、综治信访、行政执法和权力清单的统计图表，每个图表附数据表、CSV 和 JSON 下载及引用说明。",
		Crumbs:      []Crumb{home}, Data: idx})
	for _, p := range s.HTML {
		if p.URL == "/" && p.Data == nil {
			p.Data = idx
		}
	}
	return out, idx
}

// serviceFigure reads the latest month of the service centre's monthly
// volume chart; nil when there is none or it has no figure.
func serviceFigure(pages []StatPage) *ServiceFigure {
	for _, p := range pages {
		for _, c := range p.Charts {
			if c.Topic != stats.TopicService || c.Table.Slug != "monthly-volume" || len(c.Table.Rows) == 0 {
				continue
			}
			r := c.Table.Rows[len(c.Table.Rows)-1]
			if len(r.Cells) == 0 || r.Cells[0].Blank {
				return nil
			}
			return &ServiceFigure{Month: r.Label, Received: r.Cells[0].V, URL: c.Anchor()}
		}
	}
	return nil
}

// statIndex sorts statistics pages into topics and years.
func statIndex(pages []StatPage) StatIndex {
	var idx StatIndex
	for _, p := range pages {
		if isYear(p.Topic.Path) {
			idx.Years = append(idx.Years, p)
		} else {
			idx.Topics = append(idx.Topics, p)
		}
	}
	return idx
}

func isYear(path string) bool {
	return len(path) > len(stats.TopicYear)+1 && path[:len(stats.TopicYear)+1] == stats.TopicYear+"/"
}

// AddSitemap adds the human sitemap, /sitemap/, whose payload is the
// statistics index idx.
func (s *Site) AddSitemap(idx StatIndex) {
	s.Add(&Page{URL: "/sitemap/", Layout: "sitemap", Title: "网站地图", Column: "网站地图", InSitemap: true,
		Crumbs: []Crumb{home}, Data: idx})
}
