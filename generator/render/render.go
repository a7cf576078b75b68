// Package render turns site pages into HTML with the theme's templates
// (html/template, so every value from data is escaped) and one shared
// goldmark instance for Markdown. It decides nothing about what a page
// contains: that is the site model's job.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"gongshi/generator/config"
	"gongshi/generator/records"
	"gongshi/generator/site"
)

// Renderer renders pages. It is safe for concurrent use.
type Renderer struct {
	theme fs.FS
	base  string
	cfg   *config.Config
	md    goldmark.Markdown
	tmpl  map[string]*template.Template
	i18n  map[string]string
	// Assets maps a static path ("/css/site.css") to its fingerprinted URL
	// path; set by the output step before rendering.
	Assets map[string]string
	bufs   sync.Pool

	// nav is the top navigation (Site.Nav).
	nav   []site.Crumb
	kinds []*records.Kind
	// root holds baseof and the partials, for partialCached.
	root    *template.Template
	partial sync.Map // name + "\x00" + key → template.HTML
}

// New parses the theme's templates. theme is the overlay of the site's theme
// folder on the embedded default.
func New(theme fs.FS, cfg *config.Config) (*Renderer, error) {
	r := &Renderer{
		theme: theme,
		base:  cfg.BasePath(),
		cfg:   cfg,
		// Raw HTML in Markdown is not rendered: goldmark's default escapes
		// it (no html.WithUnsafe).
		md:   goldmark.New(goldmark.WithExtensions(extension.GFM, extension.CJK)),
		tmpl: map[string]*template.Template{},
		nav:  site.Sections,
	}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	if err := r.loadI18n(); err != nil {
		return nil, err
	}
	baseSrc, err := r.readTemplate("layouts/baseof.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	root := template.New("baseof.html").Funcs(r.funcs())
	if _, err := root.Parse(string(baseSrc)); err != nil {
		return nil, fmt.Errorf("theme: layouts/baseof.html: %w", err)
	}
	partials, _ := fs.Glob(theme, "layouts/_partials/*.html")
	for _, p := range partials {
		src, err := r.readTemplate(p)
		if err != nil {
			return nil, err
		}
		if _, err := root.New(path.Base(p)).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("theme: %s: %w", p, err)
		}
	}
	r.root = root
	layouts, _ := fs.Glob(theme, "layouts/*.html")
	for _, l := range layouts {
		name := strings.TrimSuffix(path.Base(l), ".html")
		if name == "baseof" {
			continue
		}
		src, err := r.readTemplate(l)
		if err != nil {
			return nil, err
		}
		t, err := root.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(path.Base(l)).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("theme: %s: %w", l, err)
		}
		r.tmpl[name] = t
	}
	return r, nil
}

// readTemplate reads a template and minifies its HTML once, template
// actions left alone, so that pages come out minified without minifying
// each of them.
func (r *Renderer) readTemplate(name string) ([]byte, error) {
	src, err := fs.ReadFile(r.theme, name)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true, TemplateDelims: html.GoTemplateDelims})
	if err := m.Minify("text/html", &out, bytes.NewReader(src)); err != nil {
		return nil, fmt.Errorf("theme: %s: %w", name, err)
	}
	// A line break between two actions is layout of the template source,
	// never content.
	return actionBreak.ReplaceAll(out.Bytes(), []byte("}}{{")), nil
}

var actionBreak = regexp.MustCompile(`}}[ \t]*\n\s*{{`)

func (r *Renderer) loadI18n() error {
	r.i18n = map[string]string{}
	lang := r.cfg.Language
	for _, l := range []string{"zh-CN", lang} {
		data, err := fs.ReadFile(r.theme, "i18n/"+l+".toml")
		if err != nil {
			if l == "zh-CN" {
				return fmt.Errorf("theme: i18n/zh-CN.toml: %w", err)
			}
			continue
		}
		m := map[string]string{}
		if _, err := toml.Decode(string(data), &m); err != nil {
			return fmt.Errorf("theme: i18n/%s.toml: %w", l, err)
		}
		for k, v := range m {
			r.i18n[k] = v
		}
	}
	return nil
}

// AddAsset records that the static file at path p ("/css/site.css"), with
// its published content data, is served under a name that carries a hash
// of that content (/css/site.3f2a9c1e2b.css), so that it can be cached
// forever, and returns that name. A town and its county name a file alike.
func (r *Renderer) AddAsset(p string, data []byte) string {
	if r.Assets == nil {
		r.Assets = map[string]string{}
	}
	h := sha256.Sum256(data)
	ext := path.Ext(p)
	hashed := strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(h[:5]) + ext
	r.Assets[p] = hashed
	return hashed
}

// Context is what a template sees as ".".
type Context struct {
	Site *site.Site
	Page *site.Page
	Data any
}

// Use takes the navigation and the kinds of records from the site model
// (site.Sections and records.Kinds until it is called). Call it before
// rendering.
func (r *Renderer) Use(s *site.Site) {
	r.nav = s.Nav()
	r.kinds = s.Result.Kinds
}

// UseNav sets the top navigation for pages that belong to no town site
// (a county's), in place of Use.
func (r *Renderer) UseNav(nav []site.Crumb) {
	r.nav = nav
}

// Page renders p into w.
func (r *Renderer) Page(w io.Writer, s *site.Site, p *site.Page) error {
	t, ok := r.tmpl[p.Layout]
	if !ok {
		return fmt.Errorf("render %s: the theme has no layout %q (layouts/%s.html)", p.URL, p.Layout, p.Layout)
	}
	if err := t.ExecuteTemplate(w, "baseof.html", Context{Site: s, Page: p, Data: p.Data}); err != nil {
		return fmt.Errorf("render %s: %w", p.URL, err)
	}
	return nil
}

// partialCached renders a partial once per key and reuses the HTML: the
// header and footer are the same on thousands of pages, and executing them
// is most of the template work of a small page. The key must name
// everything the partial reads that varies between pages.
func (r *Renderer) partialCached(name, key string, ctx any) (template.HTML, error) {
	k := name + "\x00" + key
	if v, ok := r.partial.Load(k); ok {
		return v.(template.HTML), nil
	}
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.bufs.Put(buf)
	if err := r.root.ExecuteTemplate(buf, name, ctx); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	r.partial.Store(k, h)
	return h, nil
}

// Markdown converts Markdown to HTML. Raw HTML in the source is escaped.
func (r *Renderer) Markdown(src []byte) (template.HTML, error) {
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer r.bufs.Put(buf)
	if err := r.md.Convert(src, buf); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// URL returns the site-relative path p ("/cases/") under the base path.
func (r *Renderer) URL(p string) string {
	if a, ok := r.Assets[p]; ok {
		p = a
	}
	return r.base + strings.TrimPrefix(p, "/")
}

// AbsURL returns the absolute URL of p when base_url is absolute.
func (r *Renderer) AbsURL(p string) string {
	return strings.TrimSuffix(r.cfg.BaseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}

// T returns the UI string for key in the site's language.
func (r *Renderer) T(key string) string {
	if v, ok := r.i18n[key]; ok {
		return v
	}
	return key
}
