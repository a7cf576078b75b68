package build

import (
	"gongshi/generator/charts"
	"gongshi/generator/config"
	"gongshi/generator/diag"
	"gongshi/generator/disclose"
	"gongshi/generator/output"
	"gongshi/generator/site"
	"gongshi/generator/stats"
)

// statCharts computes the figures and charts of the statistics pages;
// absURL makes their cite lines' links absolute.
func statCharts(res *disclose.Result, cfg *config.Config, absURL func(string) string) (*stats.Data, []charts.Page, error) {
	d := stats.New(res, statSets(cfg)...)
	d.UseReview(cfg.Review)
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

// writeStats writes each chart's option, CSV and JSON files.
func writeStats(st *output.Stage, pages []site.StatPage) error {
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
