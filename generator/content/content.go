// Package content reads the Markdown pages under content/: TOML front matter
// between +++ lines, then a Markdown body. It parses and validates; rendering
// the Markdown is generator/render's job.
package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"gongshi/generator/diag"
	"gongshi/generator/internal/sitefs"
)

// Dir is the content folder of a site.
const Dir = "content"

// Page is one Markdown page.
type Page struct {
	Src diag.Pos
	// Section is the first folder under content/ ("notices"), "" at the top.
	Section string
	Slug    string
	// URL is the page's path below the site root, e.g. "/notices/slug/".
	URL     string
	Title   string
	Date    time.Time
	Summary string
	Draft   bool
	Weight  int
	Body    []byte
}

type frontMatter struct {
	Title   string `toml:"title"`
	Date    any    `toml:"date"` // a time.Time whose zone tells a local date from an offset one
	Summary string `toml:"summary"`
	Draft   bool   `toml:"draft"`
	Slug    string `toml:"slug"`
	Weight  int    `toml:"weight"`
}

// Load reads every .md file under content/ in fsys. Dates without a zone
// are read in loc, the site's time zone. Drafts are returned with Draft set;
// the caller decides. Pages are sorted newest first, then by URL.
func Load(fsys fs.FS, loc *time.Location) ([]Page, diag.List) {
	var pages []Page
	var dl diag.List
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == Dir {
				return fs.SkipDir
			}
			var le *sitefs.LinkError
			if errors.As(err, &le) {
				dl.Errorf(diag.Pos{File: le.Link}, "symlink", "%s", le.Msg())
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			var le *sitefs.LinkError
			if err := sitefs.CheckLink(fsys, p); errors.As(err, &le) {
				dl.Errorf(diag.Pos{File: p}, "symlink", "%s", le.Msg())
				return nil
			}
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			dl.Errorf(diag.Pos{File: p}, "read", "%v", err)
			return nil
		}
		pg, pdl := Parse(p, data, loc)
		dl = append(dl, pdl...)
		if !pdl.HasErrors() {
			pages = append(pages, pg)
		}
		return nil
	})
	if err != nil {
		dl.Errorf(diag.Pos{File: Dir}, "read", "%v", err)
	}
	seen := map[string]string{}
	for _, p := range pages {
		if other, dup := seen[p.URL]; dup {
			dl.Errorf(p.Src, "duplicate-url", "page URL %s is also used by %s", p.URL, other)
		}
		seen[p.URL] = p.Src.File
	}
	sort.SliceStable(pages, func(i, j int) bool {
		if !pages[i].Date.Equal(pages[j].Date) {
			return pages[i].Date.After(pages[j].Date)
		}
		return pages[i].URL < pages[j].URL
	})
	return pages, dl
}

// Parse reads one page. name is its path in the site, e.g.
// "content/notices/a.md". A date without a zone (date = 2026-05-01, or a
// local date-time) is that day and time in loc; a date with an offset is the
// same instant, shown in loc. The machine's zone is never used.
func Parse(name string, data []byte, loc *time.Location) (Page, diag.List) {
	var dl diag.List
	pos := diag.Pos{File: name, Row: 1, Col: 1}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rel := strings.TrimPrefix(name, Dir+"/")
	dir, file := path.Split(rel)
	pg := Page{Src: diag.Pos{File: name}, Slug: strings.TrimSuffix(file, ".md")}
	if dir != "" {
		pg.Section = strings.Split(dir, "/")[0]
	}
	var fm frontMatter
	body := data
	if bytes.HasPrefix(data, []byte("+++\n")) {
		end := bytes.Index(data[4:], []byte("\n+++"))
		if end < 0 {
			dl.Errorf(pos, "front-matter", "front matter opened with +++ is never closed")
			return pg, dl
		}
		src := data[4 : 4+end]
		body = data[4+end+4:]
		body = bytes.TrimPrefix(body, []byte("\n"))
		if _, err := toml.Decode(string(src), &fm); err != nil {
			var pe toml.ParseError
			if errors.As(err, &pe) {
				// +1: the opening +++ line.
				dl.Errorf(diag.Pos{File: name, Row: pe.Position.Line + 1, Col: pe.Position.Col}, "front-matter", "front matter: %s", pe.Message)
			} else {
				dl.Errorf(pos, "front-matter", "front matter: %v", err)
			}
			return pg, dl
		}
	} else if bytes.HasPrefix(data, []byte("---\n")) {
		dl.Errorf(pos, "front-matter", "front matter must be TOML between +++ lines (YAML --- is not supported)")
		return pg, dl
	}
	pg.Title, pg.Summary, pg.Draft, pg.Weight = fm.Title, fm.Summary, fm.Draft, fm.Weight
	if fm.Date != nil {
		var err error
		if pg.Date, err = siteDate(fm.Date, loc); err != nil {
			dl.Errorf(pos, "front-matter", "date: %v", err)
		}
	}
	if fm.Slug != "" {
		pg.Slug = fm.Slug
	}
	if !validSlug(pg.Slug) {
		dl.Errorf(pos, "slug", "slug %q: use letters, digits and - only (it becomes the page URL); set slug = \"…\" in the front matter", pg.Slug)
	}
	if pg.Title == "" {
		dl.Errorf(pos, "front-matter", "title is missing from the front matter")
	}
	pg.Body = body
	switch {
	case pg.Section == "" && pg.Slug == "_index":
		pg.URL = "/"
	case pg.Section == "":
		pg.URL = "/" + pg.Slug + "/"
	default:
		pg.URL = "/" + pg.Section + "/" + pg.Slug + "/"
	}
	return pg, dl
}

func validSlug(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// siteDate reads a front-matter date in loc. The TOML decoder gives a date
// or date-time without an offset in a zone of the machine's offset, named
// "date-local" or "datetime-local" (kept only when decoding into an
// interface): its wall clock is what the page says.
func siteDate(v any, loc *time.Location) (time.Time, error) {
	t, ok := v.(time.Time)
	if !ok {
		return time.Time{}, fmt.Errorf("want a date such as 2026-05-01 (without quotes), got %T", v)
	}
	switch t.Location().String() {
	case "date-local", "datetime-local":
		y, m, d := t.Date()
		return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc), nil
	case "time-local":
		return time.Time{}, errors.New("want a date such as 2026-05-01, got a time of day")
	}
	return t.In(loc), nil
}
