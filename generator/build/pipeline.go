package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"gongshi/generator/charts"
	"gongshi/generator/disclose"
	"gongshi/generator/opendata"
	"gongshi/generator/output"
	"gongshi/generator/render"
	"gongshi/generator/site"
	"gongshi/generator/stats"
	"gongshi/themes"
)

// StatPage is the payload of a statistics topic page.
type StatPage struct {
	Topic  stats.Topic
	Charts []charts.Chart
}

// StatIndex is the payload of /stats/.
type StatIndex struct {
	Topics []StatPage
}

// Build builds the site into Options.Dest. On any error nothing is written
// to Dest: the previous output stays as it was.
func Build(ctx context.Context, o Options) (*Summary, error) {
	start := time.Now()
	log := o.logger()
	l, err := load(ctx, &o)
	if err != nil {
		return nil, err
	}
	sum := l.sum
	now, err := o.now()
	if err != nil {
		return nil, err
	}
	res, dl := disclose.Apply(l.set, l.cfg.Disclosure, now)
	sum.Diags = append(sum.Diags, dl...)
	sum.Result = res
	sum.Diags.Sort()
	if sum.Diags.HasErrors() {
		return sum, ErrData
	}
	log.Info("loaded", "cases", len(l.set.Cases), "published", len(res.Cases), "elapsed", time.Since(start))

	// Assemble.
	s := site.New(l.cfg, res, l.pages)
	s.BuildPages()
	var statPages []StatPage
	for _, t := range stats.Build(res) {
		cs, err := charts.Build(t.Slug, t.Tables)
		if err != nil {
			return sum, err
		}
		sp := StatPage{Topic: t, Charts: cs}
		statPages = append(statPages, sp)
		s.Add(&site.Page{URL: "/stats/" + t.Slug + "/", Layout: "stat", Title: t.Title + "统计", Section: "/stats/", Column: "统计数据",
			Description: t.Intro, InSitemap: true, Crumbs: []site.Crumb{{Title: "首页", URL: "/"}, {Title: "统计数据", URL: "/stats/"}}, Data: sp})
	}
	for _, p := range s.HTML {
		if p.URL == "/" && p.Data == nil {
			p.Data = StatIndex{Topics: statPages} // the home page links only to topics that exist
		}
	}
	s.Add(&site.Page{URL: "/stats/", Layout: "stats", Title: "统计数据", Section: "/stats/", Column: "统计数据", InSitemap: true,
		Crumbs: []site.Crumb{{Title: "首页", URL: "/"}}, Data: StatIndex{Topics: statPages}})

	// Theme: the site's themes/NAME over the embedded default.
	var top fs.FS
	if sub, err := fs.Sub(o.fsys(), path.Join("themes", l.cfg.Theme)); err == nil {
		if _, err := fs.Stat(sub, "."); err == nil {
			top = sub
		}
	}
	theme := render.Overlay(top, themes.Default())
	if b := l.cfg.Publisher.Badge; b != "" {
		if _, err := fs.Stat(theme, "static"+b); err != nil {
			return sum, fmt.Errorf("site.toml: publisher.badge %q: put the image at themes/%s/static%s", b, l.cfg.Theme, b)
		}
	}
	r, err := render.New(theme, &s.Config)
	if err != nil {
		return sum, err
	}
	datasets, err := opendata.Build(s, r.AbsURL)
	if err != nil {
		return sum, err
	}
	s.Add(&site.Page{URL: "/data/", Layout: "data", Title: "开放数据", Section: "/data/", Column: "开放数据", InSitemap: true,
		Crumbs: []site.Crumb{{Title: "首页", URL: "/"}}, Data: datasets})
	s.Add(&site.Page{URL: "/sitemap/", Layout: "sitemap", Title: "网站地图", Column: "网站地图", InSitemap: true,
		Crumbs: []site.Crumb{{Title: "首页", URL: "/"}}, Data: StatIndex{Topics: statPages}})
	s.Add(&site.Page{URL: "/changes/", Layout: "changes", Title: "更新记录", Column: "更新记录", InSitemap: true,
		Crumbs: []site.Crumb{{Title: "首页", URL: "/"}}, Data: sum})
	s.Seal()
	sum.Pages = len(s.HTML)

	// Output.
	dest := o.Dest
	if dest == "" {
		src := o.Source
		if src == "" {
			src = "."
		}
		dest = filepath.Join(src, "public")
	}
	output.CleanStale(dest)
	st, err := output.NewStage(dest)
	if err != nil {
		return sum, err
	}
	ok := false
	defer func() {
		if !ok {
			st.Abort()
		}
	}()
	if err := writeStatic(st, theme); err != nil {
		return sum, err
	}
	if err := renderPages(ctx, &o, st, r, s); err != nil {
		return sum, err
	}
	for _, sp := range statPages {
		for _, c := range sp.Charts {
			for ext, data := range map[string][]byte{".option.json": c.Option, ".csv": c.CSV, ".json": c.JSON} {
				if err := st.WriteRaw(c.Base()+ext, data); err != nil {
					return sum, err
				}
			}
		}
	}
	for _, d := range datasets {
		for _, p := range sortedKeys(d.Files) {
			if err := st.WriteRaw(p, d.Files[p]); err != nil {
				return sum, err
			}
		}
	}
	if err := writeFeeds(st, s, r); err != nil {
		return sum, err
	}
	if err := scan(st, res); err != nil {
		return sum, err
	}
	sum.Written = len(st.Files())
	sum.Bytes = st.Bytes()
	if err := st.Commit(); err != nil {
		return sum, err
	}
	ok = true
	sum.Duration = time.Since(start)
	return sum, nil
}

// renderPages renders every page on a bounded pool of workers; each writes
// only its own file.
func renderPages(ctx context.Context, o *Options, st *output.Stage, r *render.Renderer, s *site.Site) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(o.workers())
	for _, p := range s.HTML {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			var buf bytes.Buffer
			buf.Grow(16 << 10)
			if err := r.Page(&buf, s, p); err != nil {
				return err
			}
			name := p.URL
			if strings.HasSuffix(name, "/") {
				name += "index.html"
			}
			return st.WriteFile(name, buf.Bytes())
		})
	}
	return g.Wait()
}

// writeStatic copies the theme's static/ folder to the site root.
func writeStatic(st *output.Stage, theme fs.FS) error {
	return fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		return st.WriteFile(strings.TrimPrefix(p, "static"), data)
	})
}

func writeFeeds(st *output.Stage, s *site.Site, r *render.Renderer) error {
	var entries []output.SitemapEntry
	for _, p := range s.HTML {
		if p.InSitemap {
			entries = append(entries, output.SitemapEntry{Loc: p.URL, LastMod: p.Date})
		}
	}
	for name, data := range output.Sitemaps(entries, r.AbsURL) {
		if err := st.WriteFile(name, data); err != nil {
			return err
		}
	}
	var items []output.FeedItem
	for _, n := range s.Notices {
		items = append(items, output.FeedItem{Title: n.Title, Link: r.AbsURL(n.URL), Description: n.Summary, Date: n.Date})
	}
	for i := range s.Cases[:min(20, len(s.Cases))] {
		c := &s.Cases[i]
		items = append(items, output.FeedItem{Title: "行政处罚决定 " + c.DecisionNo, Link: r.AbsURL("/cases/" + c.ID + "/"), Description: c.PartyName + "：" + c.Violation, Date: c.DecisionDate})
	}
	feed, err := output.RSS(s.Config.Title, r.AbsURL("/"), s.Config.Description, s.Config.Language, items, s.BuildDate)
	if err != nil {
		return err
	}
	if err := st.WriteFile("/index.xml", feed); err != nil {
		return err
	}
	return st.WriteRaw("/robots.txt", output.Robots(r.AbsURL("/sitemap.xml")))
}

// scan refuses output that would make a browser fetch from another site.
func scan(st *output.Stage, res *disclose.Result) error {
	bad, err := output.ExternalRequests(st.FS())
	if err != nil {
		return err
	}
	if len(bad) > 0 {
		return fmt.Errorf("output would load resources from other sites (no request may leave the site): %s", strings.Join(bad[:min(5, len(bad))], ", "))
	}
	_ = res
	_ = os.Getenv
	return nil
}
