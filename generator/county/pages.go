package county

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tdewolff/minify/v2"

	"gongshi/generator/build"
	"gongshi/generator/output"
	"gongshi/generator/render"
	"gongshi/generator/search"
	"gongshi/generator/site"
	"gongshi/themes"
)

// nav is the county's top navigation.
var nav = []site.Crumb{
	{Title: "首页", URL: "/"},
	{Title: "镇街对比", URL: "/compare/"},
	{Title: "权力清单差异", URL: "/compare/powers/"},
	{Title: "开放数据", URL: "/data/"},
	{Title: "更新记录", URL: "/changes/"},
	{Title: "搜索", URL: "/search/"},
}

// writer writes the county's files into its stage.
type writer struct {
	dir     string
	min     *minify.M
	written []string
}

// WriteFile, WriteRaw and Minify make a writer a build.StaticWriter: the
// county writes its static files as given, but CSS and JavaScript, which
// build.WriteStatic minifies as a town's are.
func (w *writer) WriteFile(p string, data []byte) error { return w.write(p, data) }
func (w *writer) WriteRaw(p string, data []byte) error  { return w.write(p, data) }
func (w *writer) Minify(p string, data []byte) ([]byte, error) {
	return output.Minify(w.min, p, data)
}

func (w *writer) write(p string, data []byte) error {
	full := filepath.Join(w.dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	w.written = append(w.written, p)
	return os.WriteFile(full, data, 0o644)
}

// writeCounty writes the county's own files into dir, beside the towns'
// folders, from the towns' summaries (in the county's order) alone, and
// returns the number of its pages.
func writeCounty(c *county, dir string, towns []*Town, date string) (int, error) {
	loc := c.cfg.Location()
	day, err := time.ParseInLocation("2006-01-02", date, loc)
	if err != nil {
		return 0, err
	}
	var top fs.FS
	if sub, err := fs.Sub(os.DirFS(c.src), path.Join("themes", c.cfg.Theme)); err == nil {
		if _, err := fs.Stat(sub, "."); err == nil {
			top = sub
		}
	}
	theme := render.Overlay(top, themes.Default())
	r, err := render.New(theme, &c.cfg)
	if err != nil {
		return 0, err
	}
	r.UseNav(nav)
	w := &writer{dir: dir, min: output.NewMinifier()}
	if err := build.WriteStatic(w, theme, r); err != nil {
		return 0, err
	}
	at := time.Now()
	mark := func(phase string) {
		c.log.Info(phase, "took", time.Since(at).Round(time.Millisecond))
		at = time.Now()
	}
	m := newModel(c, towns, day)
	datasets, err := writeData(w, dir, m)
	if err != nil {
		return 0, err
	}
	mark("county data")
	m.addPages(datasets)
	s := &site.Site{Config: c.cfg, BuildDate: day}
	for _, p := range m.pages {
		var buf bytes.Buffer
		if err := r.Page(&buf, s, p); err != nil {
			return 0, err
		}
		if err := w.write(pageFile(p.URL), buf.Bytes()); err != nil {
			return 0, err
		}
	}
	mark("county pages")
	if err := writeSearch(w, c, theme, towns); err != nil {
		return 0, err
	}
	mark("county search")
	if err := writeFeeds(w, m, r); err != nil {
		return 0, err
	}
	return len(m.pages), nil
}

func pageFile(url string) string {
	if strings.HasSuffix(url, "/") {
		return url + "index.html"
	}
	return url
}

// writeSearch writes the county's search index: every town's documents
// in one index, each with its town as a facet value, built as a town's.
func writeSearch(w *writer, c *county, theme fs.FS, towns []*Town) error {
	syn, err := build.SearchSynonyms(theme, c.cfg.Theme, c.cfg.Search.Synonyms)
	if err != nil {
		return err
	}
	var docs []search.Doc
	for _, t := range towns {
		docs = append(docs, t.Docs...)
	}
	ix, err := search.Build(docs, search.Options{Synonyms: syn})
	if err != nil {
		return err
	}
	names := make([]string, 0, len(ix.Files))
	for p := range ix.Files {
		names = append(names, p)
	}
	slices.Sort(names)
	for _, p := range names {
		if err := w.write("/search/index/"+p, ix.Files[p]); err != nil {
			return err
		}
	}
	return nil
}

// writeFeeds writes sitemap.xml (the county's pages), robots.txt (naming
// the county's sitemap and each town's) and index.xml (each town's
// update).
func writeFeeds(w *writer, m *model, r *render.Renderer) error {
	var entries []output.SitemapEntry
	for _, p := range m.pages {
		if p.InSitemap {
			entries = append(entries, output.SitemapEntry{Loc: p.URL, LastMod: m.day})
		}
	}
	maps := output.Sitemaps(entries, r.AbsURL)
	names := make([]string, 0, len(maps))
	for n := range maps {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if err := w.write(n, maps[n]); err != nil {
			return err
		}
	}
	robots := "User-agent: *\nAllow: /\n\nSitemap: " + r.AbsURL("/sitemap.xml") + "\n"
	for _, t := range m.towns {
		robots += "Sitemap: " + r.AbsURL("/"+t.Slug+"/sitemap.xml") + "\n"
	}
	if err := w.write("/robots.txt", []byte(robots)); err != nil {
		return err
	}
	cfg := &m.c.cfg
	var items []output.FeedItem
	for _, t := range m.towns {
		if t.Change == nil {
			continue
		}
		items = append(items, output.FeedItem{Title: t.Name + " " + t.Change.Date + "数据更新", Link: r.AbsURL("/" + t.Slug + "/changes/" + t.Change.Date + "/"),
			Summary: changeText(t.Change), Date: m.day})
	}
	author := cfg.Publisher.Sponsor
	if author == "" {
		author = cfg.Title
	}
	feed := output.Atom(output.Feed{Title: cfg.Title, Subtitle: cfg.Description, Link: r.AbsURL("/"), Self: r.AbsURL("/index.xml"),
		Author: author, Lang: cfg.Language, Updated: m.day, Items: items})
	return w.write("/index.xml", feed)
}

// changeText says what an update changed.
func changeText(c *Change) string {
	s := fmt.Sprintf("新增%d条，变更%d条，撤回%d条，公示期满%d条，统计图表%d个有变化", c.Added, c.Changed, c.Withdrawn, c.Expired, c.Figures)
	if c.Initial > 0 {
		s = fmt.Sprintf("首次发布%d条，", c.Initial) + s
	}
	return s
}
