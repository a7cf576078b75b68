package build

import (
	"time"

	"gongshi/generator/charts"
	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/disclose"
	"gongshi/generator/output"
	"gongshi/generator/site"
	"gongshi/generator/stats"
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

// StatIndex is the payload of /stats/ and of the home page's figures.
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

// statCharts computes the figures and charts of the statistics pages;
// absURL makes their cite lines' links absolute.
func statCharts(res *disclose.Result, cfg *config.Config, absURL func(string) string) (*stats.Data, []charts.Page, error) {
	d := stats.New(res, statSets(cfg)...)
	pages, err := charts.Pages(d)
	if err != nil {
		return d, nil, err
	}
	publisher := cfg.Publisher.Sponsor
	if publisher == "" {
		publisher = cfg.Title
	}
	err = charts.Publish(pages, charts.Meta{Publisher: publisher, Agencies: cfg.Sources, UpdateDay: cfg.Updates.UpdateDay,
		AbsURL: absURL, Now: d.Now.In(cfg.Location())})
	return d, pages, err
}

// statSets are the statistics tables site.toml names.
func statSets(cfg *config.Config) []stats.Set {
	var out []stats.Set
	for _, name := range sortedKeys(cfg.Stats) {
		st := cfg.Stats[name]
		out = append(out, stats.Set{Dataset: name, Title: st.Title, Topic: st.Topic, Unit: st.Unit})
	}
	return out
}

// unshownStats lists the statistics indicators that reach no page.
func unshownStats(res *disclose.Result, cfg *config.Config) diag.List {
	if res == nil {
		return nil
	}
	return stats.New(res, statSets(cfg)...).Unshown()
}

// addStatPages adds the statistics pages to the site: /stats/, one page per
// topic and one per year. It returns the pages and the index the home page
// and the sitemap also show.
func addStatPages(s *site.Site, d *stats.Data, pages []charts.Page) ([]StatPage, StatIndex) {
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
		crumbs := []site.Crumb{{Title: "首页", URL: "/"}, {Title: "统计数据", URL: "/stats/"}}
		if p.Topic.Path == stats.TopicUsage {
			crumbs = append(crumbs, site.Crumb{Title: "权力清单统计", URL: "/stats/" + stats.TopicPowers + "/"})
		}
		s.Add(&site.Page{URL: sp.URL(), Layout: "stat", Title: title, Section: "/stats/", Column: "统计数据",
			Description: p.Topic.Intro, InSitemap: true, Crumbs: crumbs, Data: sp})
	}
	idx := statIndex(out)
	idx.Headline = head
	idx.Service = serviceFigure(out)
	s.Add(&site.Page{URL: "/stats/", Layout: "stats", Title: "统计数据", Section: "/stats/", Column: "统计数据", InSitemap: true,
		Description: "便民服务中心、综治信访、行政执法和权力清单的统计图表，每个图表附数据表、CSV 和 JSON 下载及引用说明。",
		Crumbs:      []site.Crumb{{Title: "首页", URL: "/"}}, Data: idx})
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

// writeStats writes each chart's option, CSV and JSON files.
func writeStats(st *output.Stage, pages []StatPage) error {
	for _, sp := range pages {
		for _, c := range sp.Charts {
			files := []struct {
				ext  string
				data []byte
			}{{".option.json", c.Option}, {".csv", c.CSV}, {".json", c.JSON}, {".svg", c.SVG}}
			for _, f := range files {
				if f.data == nil {
					continue
				}
				if err := st.WriteRaw(c.Base()+f.ext, f.data); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
